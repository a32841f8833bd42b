"""Config-driven fine-tuning: seeded, length-grouped, resumable, best model by dev F1.

:func:`train` reads the data, builds the model and consumes
:func:`~conflict_ner.training.loop.optimizer_steps`: after each step it logs, and when the
schedule says so it scores dev (saving the model when it is the best so far) and writes a
checkpoint. The output folder holds only what is shared: the best model (with its inference
settings on ``config.json``), ``training_config.yaml``, ``metrics.json``,
``data_report.json``, ``training_log.jsonl`` and ``README.md`` (the model card). The
resumable state lives beside it, in ``<output_dir>.checkpoint/``, until the run completes.

>>> # result = train(load_config("configs/default.yaml"))
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch
from tqdm.auto import tqdm

from conflict_ner.errors import ConfigError, DataError
from conflict_ner.labels import bio_tags
from conflict_ner.tagging.alignment import IGNORE, EncodedWindow
from conflict_ner.tagging.encoding import encode_documents
from conflict_ner.tagging.predict import model_inputs, uses_shapes
from conflict_ner.training.checkpoint import (
    checkpoint_dir, checkpoint_folders, find_checkpoint, load_checkpoint_model, remove_checkpoints,
    restore_checkpoint, save_checkpoint,
)
from conflict_ner.training.config import Config, DataConfig, dump_config
from conflict_ner.training.data import DataBundle, load_data
from conflict_ner.training.distillation import distillation_loss, load_teachers, soft_targets
from conflict_ner.training.loop import (  # noqa: F401  (length_grouped_batches, set_seed: public here too)
    Schedule, Step, TrainState, epoch_batcher, length_grouped_batches, linear_schedule, make_optimizer,
    optimizer_steps, set_seed, total_steps,
)
from conflict_ner.tagging.event_heads import head_losses
from conflict_ner.training.modeling import build_model, load_training_tokenizer

#: a loss line in training_log.jsonl every this many steps
LOG_EVERY = 10


@dataclass
class TrainResult:
    output_dir: Path
    metrics: dict


@dataclass
class _Session:
    """What one call of :func:`train` works with, and the time its optimizer steps took."""

    config: Config
    out: Path
    model: object
    tokenizer: object
    optimizer: object
    scheduler: object
    dev: list
    log: object
    step_seconds: float = 0.0
    step_tokens: int = 0
    #: the loss of each step of this session (logged as a mean over the last LOG_EVERY)
    losses: list[float] = field(default_factory=list)
    #: learned event heads trained with the tagger (None: the entity tagger alone)
    heads: object = None
    #: event gold records per document id (dev scoring of the heads)
    event_gold: dict = field(default_factory=dict)
    #: each step's loss per head (filled by the batch loss), logged beside the total
    head_losses: list | None = None


def train(config: Config, *, resume: bool = False, overwrite: bool = False, progress: bool = True,
          data: DataBundle | None = None) -> TrainResult:
    """Fine-tune per ``config``; returns the output directory and final metrics.

    Bad data, a base model that cannot be loaded or a damaged checkpoint raise a
    :class:`~conflict_ner.errors.ConflictNerError` before the output folder is written to.
    """
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # one progress bar (ours), not one per save and load
    tcfg = config.training
    out = Path(tcfg.output_dir)
    ckpt = prepare_output_dir(out, resume, overwrite)
    if tcfg.threads:
        torch.set_num_threads(tcfg.threads)
    set_seed(tcfg.seed)
    data = data or load_data(config.data)
    check_training_data(data, config.data)
    tokenizer = load_training_tokenizer(config.model)
    tags = bio_tags(config.data.labels)
    windows, encodings = encode_training_windows(data, tokenizer, tags, config)
    events = prepare_event_training(config, data, tokenizer, windows, encodings)
    model = load_checkpoint_model(ckpt) if ckpt else build_model(config.model, config.data.labels)
    heads = build_heads(config, model, ckpt)
    model.train()
    if heads is not None:
        heads.train()
    out.mkdir(parents=True, exist_ok=True)
    (out / "training_config.yaml").write_text(dump_config(config), encoding="utf-8")
    (out / "data_report.json").write_text(json.dumps(data.report, indent=2), encoding="utf-8")

    lengths = [len(w.input_ids) for w in windows]
    schedule = Schedule(total_steps(len(windows), tcfg.batch_size, tcfg.epochs, tcfg.max_steps),
                        tcfg.eval_every_steps, tcfg.save_every_steps)
    optimizer = make_optimizer(model, tcfg.learning_rate, tcfg.weight_decay,
                               head_learning_rate=tcfg.head_learning_rate, layer_decay=tcfg.layer_decay,
                               extra_heads=heads)
    scheduler = linear_schedule(optimizer, tcfg.warmup_ratio, schedule.total_steps)
    state = TrainState()
    if ckpt:
        state = restore_checkpoint(ckpt, optimizer, scheduler)
        print(f"resuming from step {state.global_step} of {schedule.total_steps} ({ckpt})")
    batch_loss = batch_loss_function(model, windows, tokenizer.pad_token_id or 0, tags, config,
                                     heads=heads, event_labels=events.labels if events else None)
    trained = model if heads is None else torch.nn.ModuleList([model, heads])  # gradients clipped together
    steps = optimizer_steps(trained, optimizer, scheduler, state, schedule,
                            epoch_batches=epoch_batcher(lengths, tcfg.batch_size, tcfg.length_bucket_batches,
                                                        tcfg.seed),
                            batch_loss=batch_loss, max_grad_norm=tcfg.max_grad_norm)
    started = time.time()
    with open(out / "training_log.jsonl", "a", encoding="utf-8") as log:
        session = _Session(config, out, model, tokenizer, optimizer, scheduler, data.dev, log, heads=heads,
                           event_gold=events.gold if events else {},
                           head_losses=getattr(batch_loss, "head_losses", None))
        with tqdm(total=schedule.total_steps, initial=state.global_step, desc="training", unit="step",
                  disable=not progress) as bar:
            for step in steps:
                after_step(session, state, step, lengths, bar)
    train_seconds = time.time() - started

    if state.best_step is None:  # no dev set: keep the last model
        save_model(model, tokenizer, out, config, heads)
    metrics = final_metrics(out, config, data, state, events.gold if events else {})
    metrics.update(train_seconds_this_session=round(train_seconds, 1),
                   step_seconds_this_session=round(session.step_seconds, 2),
                   step_tokens_this_session=session.step_tokens)
    metrics = _ordered(metrics)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2), encoding="utf-8")

    from conflict_ner.training.model_card import write_model_card

    write_model_card(out, config, metrics, data.report)
    remove_checkpoints(out)  # the run is complete: the folder is what gets shared
    if config.events.refit_epochs:
        refit_after_training(config, out)
    return TrainResult(out, metrics)


def refit_after_training(config: Config, out: Path) -> Path:
    """The run's last phase with ``events.refit_epochs``: new heads on the frozen encoder, in a
    copy of the model at ``<output_dir>-refit`` (replaced if there); the run's folder stays as
    trained."""
    from conflict_ner.training.head_refit import refit_heads

    target = out.with_name(out.name + "-refit")
    if target.exists():
        shutil.rmtree(target)
    ecfg = config.events
    refit_heads(out, target, epochs=ecfg.refit_epochs, seed=config.training.seed, design=ecfg.refit_design,
                gold=ecfg.gold, train_docs=config.data.train, dev_docs=config.data.dev,
                choose=True)
    return target


# --- before training ---------------------------------------------------------------------


def prepare_output_dir(out: Path, resume: bool, overwrite: bool) -> Path | None:
    """Check the output folder against the flags; returns the checkpoint to resume from.

    A fresh run refuses a non-empty folder or a left-over checkpoint unless ``overwrite``
    (which deletes both); ``resume`` needs a checkpoint.
    """
    if resume:
        ckpt = find_checkpoint(out)
        if ckpt is None:
            done = " (the run in it has completed: metrics.json is there)" if (out / "metrics.json").is_file() else ""
            raise ConfigError(f"{out}: --resume given but there is no checkpoint to resume from "
                              f"(looked for {checkpoint_dir(out)}){done}")
        return ckpt
    leftovers = [f for f in checkpoint_folders(out) if f.exists()]
    if (out.is_dir() and any(out.iterdir())) or leftovers:
        if not overwrite:
            what = f"{out}: output directory is not empty" if out.is_dir() and any(out.iterdir()) \
                else f"{leftovers[0]}: a checkpoint of an unfinished run is there"
            raise ConfigError(f"{what}; use --resume to continue the run in it or --overwrite to replace it")
        if out.exists():
            shutil.rmtree(out)
        remove_checkpoints(out)
    return None


def check_training_data(data: DataBundle, cfg: DataConfig) -> None:
    """Refuse data a run cannot learn from or select on: no training documents, or a
    training or dev split without a single labelled span."""
    if not data.train:
        raise ConfigError(f"{cfg.train}: no training documents")
    if not any(doc.spans for doc in data.train):
        raise DataError("the training documents hold no labelled spans: there is nothing to learn",
                        path=cfg.train)
    if data.dev and not any(doc.spans for doc in data.dev):
        raise DataError("the dev documents hold no labelled spans: dev F1 would be 0 at every step",
                        path=cfg.dev)


def encode_training_windows(data: DataBundle, tokenizer, tags: list[str], config: Config
                            ) -> tuple[list[EncodedWindow], list]:
    """The training documents as labelled windows, and each document's tokenisation; what the
    encoder could not tag goes into ``data.report``."""
    tcfg = config.training
    # teachers may read shape ids even when the student does not
    windows, encodings, report = encode_documents(data.train, tokenizer, {t: i for i, t in enumerate(tags)},
                                          config.model.max_length, config.model.stride,
                                          all_subwords=tcfg.label_subwords == "all",
                                          shapes=config.model.shape_features or tcfg.distill is not None)
    data.report["train_encoding"] = report.summary()
    if report.unmatched_spans:
        data.report["unmatched_spans"] = dict(report.unmatched_spans)
        print(f"warning: {report.summary()['unmatched_spans']} span(s) match no unit boundary "
              "and were not tagged (listed in data_report.json)")
    return windows, encodings


@dataclass
class _EventTraining:
    """Event gold of the run's documents and the heads' labels of each training window."""

    gold: dict
    labels: list[dict[str, list[int]]]


def prepare_event_training(config: Config, data: DataBundle, tokenizer, windows: list[EncodedWindow],
                           encodings: list) -> _EventTraining | None:
    """Read the event gold and label the training windows for the configured heads (``None``
    when the config has no heads); counts go into ``data.report["event_heads"]``."""
    from conflict_ner.tagging.encoding import special_tokens
    from conflict_ner.training.event_data import read_event_gold, training_window_labels

    ecfg = config.events
    if not ecfg.heads:
        return None
    if ecfg.refit_epochs and not config.data.dev:
        raise ConfigError("events.refit_epochs needs data.dev: the refit keeps the heads best on dev")
    texts = {d.id: d.text for split in (data.train, data.dev, data.test) for d in split}
    gold = read_event_gold(ecfg.gold, texts)
    head, tail = special_tokens(tokenizer)
    labels, report = training_window_labels(data.train, windows, encodings, gold, ecfg.heads, len(head), len(tail))
    data.report["event_heads"] = report
    print(f"event heads {', '.join(ecfg.heads)}: " + ", ".join(f"{k} {v}" for k, v in report.items()))
    return _EventTraining(gold, labels)


def build_heads(config: Config, model, ckpt: Path | None):
    """Fresh event heads for ``model`` (or the checkpoint's), or ``None`` without heads in the config."""
    from conflict_ner.tagging.event_heads import HEAD_NAMES, EventHeadSettings, EventHeads, load_event_heads

    ecfg = config.events
    if not ecfg.heads:
        return None
    if ckpt is not None:
        heads = load_event_heads(ckpt, model.config)
        if heads is not None:
            return heads
    settings = EventHeadSettings(heads=tuple(h for h in HEAD_NAMES if h in ecfg.heads),
                                 hidden_size=model.config.hidden_size, dropout=ecfg.dropout)
    return EventHeads(settings)


def collate(windows: list[EncodedWindow], idx: list[int], pad_id: int, shapes: bool = False
            ) -> dict[str, torch.Tensor]:
    """Model inputs and padded labels (``-100`` where not trained) for the windows ``idx``."""
    batch = model_inputs(windows, idx, pad_id, shapes)
    labels = torch.full_like(batch["input_ids"], -100)
    for row, i in enumerate(idx):
        labels[row, :len(windows[i].labels)] = torch.as_tensor(windows[i].labels)
    batch["labels"] = labels
    return batch


def collate_event_labels(event_labels: list[dict[str, list[int]]], idx: list[int], shape: torch.Size
                         ) -> dict[str, torch.Tensor]:
    """Padded labels of each event head for the windows ``idx`` (``-100`` where not trained)."""
    out: dict[str, torch.Tensor] = {}
    for row, i in enumerate(idx):
        for name, values in event_labels[i].items():
            if name not in out:
                out[name] = torch.full(shape, -100, dtype=torch.long)
            out[name][row, :len(values)] = torch.as_tensor(values)
    return out


def batch_loss_function(model, windows: list[EncodedWindow], pad_id: int, tags: list[str], config: Config,
                        heads=None, event_labels: list[dict[str, list[int]]] | None = None):
    """``loss(batch)``: the gold cross-entropy, mixed with the teachers' soft-target loss
    when ``training.distill`` is set (their targets computed here, once), plus each event
    head's weighted loss when there are ``heads`` (its per-head losses are appended to
    ``loss.head_losses``)."""
    distill = config.training.distill
    shapes = uses_shapes(model)
    targets = None
    if distill is not None:
        teachers = load_teachers(distill.teachers, tags, model.config.vocab_size)
        print(f"distillation: soft targets from {len(teachers)} teacher(s) on {len(windows)} windows")
        targets = soft_targets(teachers, windows, pad_id, distill.temperature)

    def loss(batch: list[int]) -> torch.Tensor:
        inputs = collate(windows, batch, pad_id, shapes)
        output = model(**inputs, output_hidden_states=True) if heads is not None else model(**inputs)
        total = output.loss
        if targets is not None:
            soft = distillation_loss(output.logits[inputs["labels"] != IGNORE],
                                     torch.cat([targets[i] for i in batch]), distill.temperature)
            total = (1 - distill.weight) * output.loss + distill.weight * soft
        if heads is not None:
            parts = head_losses(heads(output.hidden_states[-1]),
                                collate_event_labels(event_labels, batch, inputs["input_ids"].shape))
            loss.head_losses.append({name: float(v.detach()) for name, v in parts.items()})
            total = total + sum(config.events.weight(name) * v for name, v in parts.items())
        return total
    loss.head_losses = []
    return loss


# --- after each step ---------------------------------------------------------------------


def after_step(session: _Session, state: TrainState, step: Step, lengths: list[int], bar) -> None:
    """Account, log, and evaluate and checkpoint when the schedule says so."""
    session.step_seconds += step.seconds
    session.step_tokens += sum(lengths[i] for i in step.batch)
    bar.update(1)
    _record_loss(session, step, bar)
    if step.evaluate and session.dev:
        evaluate_on_dev(session, state, step)
    if step.checkpoint:
        save_checkpoint(checkpoint_dir(session.out), session.model, session.optimizer, session.scheduler, state,
                        event_heads=session.heads)


def _record_loss(session: _Session, step: Step, bar) -> None:
    session.losses.append(step.loss)
    if step.number % LOG_EVERY == 0:
        recent = float(np.mean(session.losses[-LOG_EVERY:]))
        bar.set_postfix(loss=f"{recent:.4f}")
        entry = {"step": step.number, "epoch": step.epoch, "loss": recent, "lr": session.scheduler.get_last_lr()[0]}
        if session.head_losses:
            recent_heads = session.head_losses[-LOG_EVERY:]
            entry["head_losses"] = {k: float(np.mean([h[k] for h in recent_heads])) for k in recent_heads[-1]}
        _log(session.log, entry)


def evaluate_on_dev(session: _Session, state: TrainState, step: Step) -> None:
    """Score dev with the tagger users extract with; save the model when it is the best so far."""
    from conflict_ner.tagging.tagger import EntityTagger
    from conflict_ner.training.evaluate import evaluate_tagger

    tagger = EntityTagger(session.model, session.tokenizer, session.config.model.inference_settings(),
                          event_heads=session.heads)
    event_scores = None
    if session.heads is not None:  # one forward gives the entities and the heads' outputs
        from conflict_ner.training.evaluate import score_entities
        from conflict_ner.training.event_head_metrics import evaluate_event_heads

        entities: list = []
        event_scores = evaluate_event_heads(tagger, session.dev, session.event_gold, entities)
        session.heads.train()
        scores = score_entities(session.dev, entities)
    else:
        scores = evaluate_tagger(tagger, session.dev)
    f1 = scores["micro"]["f1"]
    best = state.record_dev(step.number, step.epoch, f1, scores["macro"]["f1"])
    if event_scores is not None:
        state.history[-1]["dev_event_heads"] = event_scores
    _log(session.log, {"eval": state.history[-1]})
    heads_line = "" if event_scores is None else "; heads: " + _heads_line(event_scores)
    print(f"\nstep {step.number}: dev micro F1 {f1:.4f}" + (" (best)" if best else "") + heads_line)
    if best:
        tagger.save_pretrained(session.out)


def _heads_line(scores: dict) -> str:
    parts = []
    if "trigger_f1" in scores:
        parts.append(f"trigger F1 {scores['trigger_f1']:.4f} (gold {scores['trigger_gold']})")
    if "role_accuracy" in scores:
        parts.append(f"role accuracy {scores['role_accuracy']:.4f} (gold {scores['role_gold']})")
    if "modality_accuracy" in scores:
        parts.append(f"modality accuracy {scores['modality_accuracy']:.4f} (gold {scores['modality_gold']})")
    return ", ".join(parts)


def _log(log, entry: dict) -> None:
    log.write(json.dumps(entry) + "\n")
    log.flush()


# --- after training ----------------------------------------------------------------------


def save_model(model, tokenizer, out: Path, config: Config, heads=None) -> None:
    """Save the model (with its event heads, if any), its tokenizer and its inference settings
    to the output folder."""
    from conflict_ner.tagging.tagger import EntityTagger

    EntityTagger(model, tokenizer, config.model.inference_settings(), event_heads=heads).save_pretrained(out)


def final_metrics(out: Path, config: Config, data: DataBundle, state: TrainState, event_gold: dict | None = None
                  ) -> dict:
    """Scores of the saved model, loaded back as users load it, on the configured splits (the
    event heads' under ``event_heads``, per split)."""
    from conflict_ner.tagging.tagger import EntityTagger
    from conflict_ner.training.evaluate import evaluate_tagger, score_entities
    from conflict_ner.training.event_head_metrics import evaluate_event_heads

    best = EntityTagger.from_pretrained(out)
    metrics: dict = {"best_step": state.best_step, "best_dev_f1": state.best_f1, "steps": state.global_step}
    for split in config.evaluation.splits:
        docs = getattr(data, split)
        if not docs:
            continue
        if best.event_heads is not None:
            entities: list = []
            heads = evaluate_event_heads(best, docs, event_gold or {}, entities)
            metrics[split] = score_entities(docs, entities)
            metrics.setdefault("event_heads", {})[split] = heads
            print(f"{split}: event heads: {_heads_line(heads)}")
        else:
            metrics[split] = evaluate_tagger(best, docs)
        print(f"{split}: micro F1 {metrics[split]['micro']['f1']:.4f}  "
              f"macro F1 {metrics[split]['macro']['f1']:.4f}")
    metrics["history"] = state.history
    return metrics


def _ordered(metrics: dict) -> dict:
    # the key order metrics.json has always had: run summary, timings, scores, history
    first = ["best_step", "best_dev_f1", "steps", "train_seconds_this_session", "step_seconds_this_session",
             "step_tokens_this_session"]
    return {**{k: metrics[k] for k in first}, **{k: v for k, v in metrics.items() if k not in first}}
