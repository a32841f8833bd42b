"""The optimisation loop as a generator of steps, after spaCy's ``train_while_improving``.

:func:`optimizer_steps` runs one optimizer step per batch and yields a :class:`Step`
saying what just happened (loss, batch, epoch) and what the caller should do now
(evaluate, checkpoint). The caller owns logging, evaluation and checkpoints; the
generator owns the order of batches and the position in the run (:class:`TrainState`),
so a run resumed from a saved state replays exactly the steps it had left.

>>> state = TrainState()
>>> state.to_dict()["global_step"], TrainState.from_dict(state.to_dict()) == state
(0, True)
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field

from conflict_ner.errors import ConfigError


@dataclass
class TrainState:
    """Where a run stands: the position of the *next* step, and the best dev score so far.

    ``epoch``/``step_in_epoch`` always point at the next batch to run, so a checkpoint
    saved after any step resumes at the step after it.
    """

    global_step: int = 0
    epoch: int = 0
    step_in_epoch: int = 0
    best_f1: float = -1.0
    best_step: int | None = None
    #: one entry per dev evaluation: step, epoch, dev micro and macro F1
    history: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "TrainState":
        return cls(**{k: data[k] for k in ("global_step", "epoch", "step_in_epoch", "best_f1", "best_step",
                                           "history")})

    def record_dev(self, step: int, epoch: int, micro_f1: float, macro_f1: float) -> bool:
        """Add a dev evaluation to the history; ``True`` when it is the best so far."""
        self.history.append({"step": step, "epoch": epoch, "dev_micro_f1": micro_f1, "dev_macro_f1": macro_f1})
        if micro_f1 > self.best_f1:
            self.best_f1, self.best_step = micro_f1, step
            return True
        return False


@dataclass(frozen=True)
class Step:
    """One optimizer step just taken, and what is due after it."""

    number: int          #: global step number (1 for the first step of a run)
    epoch: int           #: the epoch the step belongs to
    batch: list[int]     #: indices of the examples in the batch
    loss: float
    seconds: float       #: time spent in the step (forward, backward, update), nothing else
    epoch_done: bool     #: the step was the last of its epoch
    last: bool           #: the run's last step
    evaluate: bool       #: dev evaluation is due (epoch end, last step, or every ``eval_every`` steps)
    checkpoint: bool     #: a resumable checkpoint is due (after each evaluation, every ``save_every`` steps)


@dataclass(frozen=True)
class Schedule:
    """How long a run lasts and how often it evaluates and checkpoints."""

    total_steps: int
    eval_every: int | None = None
    save_every: int | None = None

    def step_flags(self, number: int, epoch_done: bool) -> tuple[bool, bool, bool]:
        """(last, evaluate, checkpoint) for step ``number``.

        >>> Schedule(10, eval_every=4, save_every=3).step_flags(8, False)
        (False, True, True)
        >>> Schedule(10, save_every=3).step_flags(3, False)
        (False, False, True)
        """
        last = number >= self.total_steps
        evaluate = last or epoch_done or bool(self.eval_every and number % self.eval_every == 0)
        checkpoint = evaluate or bool(self.save_every and number % self.save_every == 0)
        return last, evaluate, checkpoint


def total_steps(n_windows: int, batch_size: int, epochs: float, max_steps: int | None) -> int:
    """Optimizer steps of a run: ``max_steps`` if set, else ``epochs`` passes over the windows.

    >>> total_steps(10, 4, 1.5, None), total_steps(10, 4, 8, 5)
    (5, 5)
    """
    return max_steps or math.ceil(epochs * math.ceil(n_windows / batch_size))


def length_grouped_batches(lengths: Sequence[int], batch_size: int, bucket_batches: int,
                           rng: random.Random) -> list[list[int]]:
    """Shuffle, sort within buckets of ``bucket_batches`` batches by length, cut into batches,
    shuffle the batches: random order with little padding.

    >>> b = length_grouped_batches([5, 1, 4, 2, 3, 6], 2, 10, random.Random(0))
    >>> sorted(sorted(x) for x in b)
    [[0, 5], [1, 3], [2, 4]]
    """
    order = list(range(len(lengths)))
    rng.shuffle(order)
    span = batch_size * bucket_batches
    batches = []
    for k in range(0, len(order), span):
        bucket = sorted(order[k:k + span], key=lambda i: lengths[i])
        batches += [bucket[j:j + batch_size] for j in range(0, len(bucket), batch_size)]
    rng.shuffle(batches)
    return batches


def epoch_batcher(lengths: Sequence[int], batch_size: int, bucket_batches: int, seed: int
                  ) -> Callable[[int], list[list[int]]]:
    """The batches of each epoch, a function of (seed, epoch) only: resume replays an epoch's
    order and skips the batches already done."""
    def batches(epoch: int) -> list[list[int]]:
        return length_grouped_batches(lengths, batch_size, bucket_batches, random.Random(seed * 1000 + epoch))
    return batches


def optimizer_steps(model, optimizer, scheduler, state: TrainState, schedule: Schedule, *,
                    epoch_batches: Callable[[int], list[list[int]]],
                    batch_loss: Callable[[list[int]], "object"], max_grad_norm: float) -> Iterator[Step]:
    """Train from ``state`` to ``schedule.total_steps``, yielding after each optimizer step.

    ``batch_loss(batch)`` returns the loss tensor of a batch of example indices. ``state`` is
    advanced before each yield, so what the caller saves on a step resumes after it.
    """
    import torch

    while state.global_step < schedule.total_steps:
        epoch = state.epoch
        batches = epoch_batches(epoch)
        if not batches:
            raise ConfigError("no training examples to make batches of")
        todo = batches[state.step_in_epoch:][:schedule.total_steps - state.global_step]
        for batch in todo:
            started = time.perf_counter()
            loss = batch_loss(batch)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            seconds = time.perf_counter() - started
            state.global_step += 1
            state.step_in_epoch += 1
            epoch_done = state.step_in_epoch == len(batches)
            if epoch_done:
                state.epoch, state.step_in_epoch = epoch + 1, 0
            last, evaluate, checkpoint = schedule.step_flags(state.global_step, epoch_done)
            yield Step(state.global_step, epoch, batch, loss.item(), seconds, epoch_done, last, evaluate,
                       checkpoint)


def make_optimizer(model, learning_rate: float, weight_decay: float, *, head_learning_rate: float | None = None,
                   layer_decay: float | None = None, extra_heads=None):
    """AdamW without decay on biases and norms; the classifier head may get its own rate, and
    with ``layer_decay`` each encoder layer below the top gets that factor less (layer-wise decay).
    ``extra_heads`` (a module, e.g. the event heads) train at the classifier's rate."""
    import torch

    head_lr = head_learning_rate or learning_rate
    n_layers = getattr(model.config, "num_hidden_layers", 0)
    groups: dict[tuple[float, float], list] = {}
    named = list(model.named_parameters())
    if extra_heads is not None:
        named += [(f"classifier.extra.{n}", p) for n, p in extra_heads.named_parameters()]
    for name, param in named:
        if not param.requires_grad:
            continue
        decay = 0.0 if param.ndim < 2 or "LayerNorm" in name or "norm" in name.lower() else weight_decay
        if name.startswith("classifier"):
            lr = head_lr
        else:
            lr = learning_rate * (layer_decay ** (n_layers - layer_of(name, n_layers)) if layer_decay else 1.0)
        groups.setdefault((lr, decay), []).append(param)
    return torch.optim.AdamW([{"params": p, "lr": lr, "weight_decay": d} for (lr, d), p in groups.items()])


def linear_schedule(optimizer, warmup_ratio: float, total_steps: int):
    """Linear warmup over ``warmup_ratio`` of the steps, then linear decay to zero."""
    from transformers import get_linear_schedule_with_warmup

    return get_linear_schedule_with_warmup(optimizer, int(warmup_ratio * total_steps), total_steps)


def layer_of(name: str, n_layers: int) -> int:
    """Depth of a parameter: 0 for embeddings, i + 1 for encoder layer i, n_layers above the encoder.

    >>> layer_of("bert.encoder.layer.3.output.dense.weight", 6), layer_of("classifier.bias", 6)
    (4, 6)
    """
    import re

    m = re.search(r"\.layer\.(\d+)\.", name)
    if m:
        return int(m.group(1)) + 1
    return 0 if "embeddings" in name else n_layers


def set_seed(seed: int) -> None:
    """Seed Python's, NumPy's and torch's generators."""
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
