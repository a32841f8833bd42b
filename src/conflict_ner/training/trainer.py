"""Config-driven fine-tuning: seeded, length-grouped, resumable, best checkpoint by dev F1.

The output directory holds a standard ``save_pretrained`` model and tokenizer (with
``id2label``), ``training_config.yaml`` (the resolved config), ``metrics.json``,
``data_report.json``, ``training_log.jsonl`` and ``README.md`` (the model card).
``checkpoint/`` holds the last state for ``--resume``.

>>> # result = train(load_config("configs/default.yaml"))
"""

from __future__ import annotations

import json
import math
import random
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from tqdm.auto import tqdm

from conflict_ner.tagging.alignment import IGNORE, EncodedWindow
from conflict_ner.training.config import Config, dump_config
from conflict_ner.training.data import DataBundle, load_data
from conflict_ner.training.distillation import distillation_loss, load_teachers, soft_targets
from conflict_ner.text.document import Document
from conflict_ner.tagging.encoding import encode_documents
from conflict_ner.errors import ConfigError
from conflict_ner.labels import bio_tags
from conflict_ner.training.metrics import score_documents
from conflict_ner.tagging.loading import load_tokenizer
from conflict_ner.training.modeling import build_model, tokenizer_source
from conflict_ner.tagging.predict import model_inputs, predict_documents, uses_shapes

CHECKPOINT = "checkpoint"


@dataclass
class TrainResult:
    output_dir: Path
    metrics: dict


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def length_grouped_batches(lengths: list[int], batch_size: int, bucket_batches: int,
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


def collate(windows: list[EncodedWindow], idx: list[int], pad_id: int, shapes: bool = False
            ) -> dict[str, torch.Tensor]:
    batch = model_inputs(windows, idx, pad_id, shapes)
    labels = torch.full_like(batch["input_ids"], -100)
    for row, i in enumerate(idx):
        labels[row, :len(windows[i].labels)] = torch.as_tensor(windows[i].labels)
    batch["labels"] = labels
    return batch


def make_optimizer(model, cfg) -> torch.optim.Optimizer:
    """AdamW without decay on biases and norms; the classifier head may get its own rate, and
    with ``layer_decay`` each encoder layer below the top gets that factor less (layer-wise decay)."""
    head_lr = cfg.head_learning_rate or cfg.learning_rate
    n_layers = getattr(model.config, "num_hidden_layers", 0)
    groups: dict[tuple[float, float], list] = {}
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        decay = 0.0 if param.ndim < 2 or "LayerNorm" in name or "norm" in name.lower() else cfg.weight_decay
        if name.startswith("classifier"):
            lr = head_lr
        else:
            lr = cfg.learning_rate * (cfg.layer_decay ** (n_layers - _layer_of(name, n_layers)) if cfg.layer_decay else 1.0)
        groups.setdefault((lr, decay), []).append(param)
    return torch.optim.AdamW([{"params": p, "lr": lr, "weight_decay": d} for (lr, d), p in groups.items()])


def _layer_of(name: str, n_layers: int) -> int:
    """Depth of a parameter: 0 for embeddings, i + 1 for encoder layer i, n_layers above the encoder."""
    m = re.search(r"\.layer\.(\d+)\.", name)
    if m:
        return int(m.group(1)) + 1
    return 0 if "embeddings" in name else n_layers


def evaluate_model(model, tokenizer, docs: list[Document], config: Config) -> dict:
    """Entity metrics of ``model`` on ``docs``, through the tagger users extract with."""
    from conflict_ner.tagging.tagger import EntityTagger
    from conflict_ner.training.evaluate import evaluate_tagger

    return evaluate_tagger(EntityTagger(model, tokenizer, config.model.inference_settings()), docs)


def _check_output_dir(out: Path, resume: bool, overwrite: bool) -> None:
    if resume:
        if not (out / CHECKPOINT / "state.json").is_file():
            raise ConfigError(f"{out}: --resume given but there is no checkpoint to resume from")
        return
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise ConfigError(f"{out}: output directory is not empty; use --resume to continue the run "
                              "in it or --overwrite to replace it")
        shutil.rmtree(out)


def train(config: Config, *, resume: bool = False, overwrite: bool = False, progress: bool = True,
          data: DataBundle | None = None) -> TrainResult:
    """Fine-tune per ``config``; returns the output directory and final metrics."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # one progress bar (ours), not one per save and load
    out = Path(config.training.output_dir)
    _check_output_dir(out, resume, overwrite)
    out.mkdir(parents=True, exist_ok=True)
    tcfg = config.training
    if tcfg.threads:
        torch.set_num_threads(tcfg.threads)
    set_seed(tcfg.seed)
    data = data or load_data(config.data)
    if not data.train:
        raise ConfigError(f"{config.data.train}: no training documents")
    (out / "training_config.yaml").write_text(dump_config(config), encoding="utf-8")

    labels = config.data.labels
    tags = bio_tags(labels)
    tag2id = {t: i for i, t in enumerate(tags)}
    tokenizer = load_tokenizer(tokenizer_source(config.model))
    # teachers may read shape ids even when the student does not
    windows, _, enc_report = encode_documents(data.train, tokenizer, tag2id, config.model.max_length,
                                              config.model.stride, all_subwords=tcfg.label_subwords == "all",
                                              shapes=config.model.shape_features or tcfg.distill is not None)
    data.report["train_encoding"] = enc_report.summary()
    if enc_report.unmatched_spans:
        data.report["unmatched_spans"] = {k: v for k, v in enc_report.unmatched_spans.items()}
        print(f"warning: {enc_report.summary()['unmatched_spans']} span(s) match no unit boundary "
              "and were not tagged (listed in data_report.json)")
    (out / "data_report.json").write_text(json.dumps(data.report, indent=2), encoding="utf-8")

    ckpt = out / CHECKPOINT
    if resume:
        from transformers import AutoModelForTokenClassification

        model = AutoModelForTokenClassification.from_pretrained(ckpt)
        state = json.loads((ckpt / "state.json").read_text())
    else:
        model = build_model(config.model, labels)
        state = {"global_step": 0, "epoch": 0, "step_in_epoch": 0, "best_f1": -1.0, "best_step": None,
                 "history": []}
    model.train()

    steps_per_epoch = math.ceil(len(windows) / tcfg.batch_size)
    total_steps = tcfg.max_steps or math.ceil(tcfg.epochs * steps_per_epoch)
    optimizer = make_optimizer(model, tcfg)
    from transformers import get_linear_schedule_with_warmup

    scheduler = get_linear_schedule_with_warmup(optimizer, int(tcfg.warmup_ratio * total_steps), total_steps)
    if resume:
        optimizer.load_state_dict(torch.load(ckpt / "optimizer.pt", weights_only=True))
        scheduler.load_state_dict(torch.load(ckpt / "scheduler.pt", weights_only=True))
        torch.set_rng_state(torch.load(ckpt / "torch_rng.pt", weights_only=True))
        print(f"resuming from step {state['global_step']} of {total_steps}")

    lengths = [len(w.input_ids) for w in windows]
    pad_id = tokenizer.pad_token_id or 0
    shapes = uses_shapes(model)
    targets = _teacher_targets(tcfg.distill, tags, model.config.vocab_size, windows, pad_id) if tcfg.distill else None
    log = open(out / "training_log.jsonl", "a", encoding="utf-8")
    bar = tqdm(total=total_steps, initial=state["global_step"], desc="training", unit="step",
               disable=not progress)
    started = time.time()
    running = []
    # Time spent in optimisation steps only (no evaluation or checkpointing), and the real
    # (unpadded) tokens they saw: the figures the training-speed benchmark compares.
    step_seconds, step_tokens = 0.0, 0
    while state["global_step"] < total_steps:
        # The batch order of an epoch depends only on (seed, epoch): resume replays it and skips ahead.
        batches = length_grouped_batches(lengths, tcfg.batch_size, tcfg.length_bucket_batches,
                                         random.Random(tcfg.seed * 1000 + state["epoch"]))
        for batch in batches[state["step_in_epoch"]:]:
            step_start = time.perf_counter()
            inputs = collate(windows, batch, pad_id, shapes)
            output = model(**inputs)
            loss = output.loss
            if targets is not None:
                soft = distillation_loss(output.logits[inputs["labels"] != IGNORE],
                                         torch.cat([targets[i] for i in batch]), tcfg.distill.temperature)
                loss = (1 - tcfg.distill.weight) * loss + tcfg.distill.weight * soft
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), tcfg.max_grad_norm)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step_seconds += time.perf_counter() - step_start
            step_tokens += sum(lengths[i] for i in batch)
            state["global_step"] += 1
            state["step_in_epoch"] += 1
            running.append(loss.item())
            bar.update(1)
            if state["global_step"] % 10 == 0:
                bar.set_postfix(loss=f"{np.mean(running[-10:]):.4f}")
                log.write(json.dumps({"step": state["global_step"], "epoch": state["epoch"],
                                      "loss": float(np.mean(running[-10:])),
                                      "lr": scheduler.get_last_lr()[0]}) + "\n")
                log.flush()
            done = state["global_step"] >= total_steps
            end_of_epoch = state["step_in_epoch"] == len(batches)
            if done or end_of_epoch or (tcfg.eval_every_steps and state["global_step"] % tcfg.eval_every_steps == 0):
                _evaluate_and_keep_best(model, tokenizer, data, config, state, out, log)
                _save_checkpoint(model, optimizer, scheduler, state, ckpt, end_of_epoch)
            elif tcfg.save_every_steps and state["global_step"] % tcfg.save_every_steps == 0:
                _save_checkpoint(model, optimizer, scheduler, state, ckpt, False)
            if done:
                break
        else:
            state["epoch"] += 1
            state["step_in_epoch"] = 0
            continue
        break
    bar.close()
    train_seconds = time.time() - started
    if state["best_step"] is None:  # no dev set: keep the last model
        _save_model(model, tokenizer, out, config)
    _copy_tokenizer(tokenizer, out)

    from transformers import AutoModelForTokenClassification

    best = AutoModelForTokenClassification.from_pretrained(out)
    metrics: dict = {"best_step": state["best_step"], "best_dev_f1": state["best_f1"],
                     "steps": state["global_step"], "train_seconds_this_session": round(train_seconds, 1),
                     "step_seconds_this_session": round(step_seconds, 2), "step_tokens_this_session": step_tokens}
    for split in config.evaluation.splits:
        docs = getattr(data, split)
        if docs:
            metrics[split] = evaluate_model(best, tokenizer, docs, config)
            print(f"{split}: micro F1 {metrics[split]['micro']['f1']:.4f}  "
                  f"macro F1 {metrics[split]['macro']['f1']:.4f}")
    metrics["history"] = state["history"]
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    log.close()

    from conflict_ner.training.model_card import write_model_card

    write_model_card(out, config, metrics, data.report)
    return TrainResult(out, metrics)


def _teacher_targets(cfg, tags: list[str], vocab_size: int, windows: list[EncodedWindow], pad_id: int
                     ) -> list[torch.Tensor]:
    teachers = load_teachers(cfg.teachers, tags, vocab_size)
    print(f"distillation: soft targets from {len(teachers)} teacher(s) on {len(windows)} windows")
    return soft_targets(teachers, windows, pad_id, cfg.temperature)


def _evaluate_and_keep_best(model, tokenizer, data: DataBundle, config: Config, state: dict, out: Path,
                            log) -> None:
    if not data.dev:
        return
    scores = evaluate_model(model, tokenizer, data.dev, config)
    f1 = scores["micro"]["f1"]
    entry = {"step": state["global_step"], "epoch": state["epoch"], "dev_micro_f1": f1,
             "dev_macro_f1": scores["macro"]["f1"]}
    state["history"].append(entry)
    log.write(json.dumps({"eval": entry}) + "\n")
    log.flush()
    print(f"\nstep {state['global_step']}: dev micro F1 {f1:.4f}" + (" (best)" if f1 > state["best_f1"] else ""))
    if f1 > state["best_f1"]:
        state["best_f1"], state["best_step"] = f1, state["global_step"]
        _save_model(model, tokenizer, out, config)


def _save_model(model, tokenizer, out: Path, config: Config) -> None:
    from conflict_ner.tagging.tagger import EntityTagger

    EntityTagger(model, tokenizer, config.model.inference_settings()).save_pretrained(out)


def _copy_tokenizer(tokenizer, out: Path) -> None:
    if not (out / "tokenizer_config.json").exists():
        tokenizer.save_pretrained(out)


def _save_checkpoint(model, optimizer, scheduler, state: dict, ckpt: Path, epoch_done: bool) -> None:
    """Write the resumable state atomically (a kill mid-write leaves the previous one intact)."""
    saved = dict(state)
    if epoch_done:  # the next batch is the first of the next epoch
        saved["epoch"] += 1
        saved["step_in_epoch"] = 0
    tmp = ckpt.with_name(CHECKPOINT + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    model.save_pretrained(tmp)
    torch.save(optimizer.state_dict(), tmp / "optimizer.pt")
    torch.save(scheduler.state_dict(), tmp / "scheduler.pt")
    torch.save(torch.get_rng_state(), tmp / "torch_rng.pt")
    (tmp / "state.json").write_text(json.dumps(saved, indent=2))
    if ckpt.exists():
        shutil.rmtree(ckpt)
    tmp.rename(ckpt)
