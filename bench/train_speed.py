"""Training speed: our trainer against a plain transformers.Trainer, same model, data and steps.

    .venv/bin/python bench/train_speed.py --steps 120

Both start from the same base model and see the same tokenised windows of the
corpus's train split; the Trainer uses ``DataCollatorForTokenClassification`` and its
default arguments (only the step count, batch size, and no checkpoint saving/logging
set). Reports real (unpadded) tokens per second of optimisation and the final dev
entity micro F1 of both, measured through the same evaluation code.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, update_readme  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", default="configs/default.yaml")
    parser.add_argument("--steps", type=int, default=120)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", default="bench/results/train_speed.json")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    from datasets import Dataset
    from transformers import DataCollatorForTokenClassification, Trainer, TrainingArguments
    from transformers.utils import logging as hf_logging

    from conflict_ner.training.config import load_config
    from conflict_ner.training.data import load_data
    from conflict_ner.tagging.encoding import encode_documents
    from conflict_ner.labels import bio_tags
    from conflict_ner.tagging.loading import load_tokenizer
    from conflict_ner.tagging.tagger import EntityTagger
    from conflict_ner.training.evaluate import evaluate_tagger
    from conflict_ner.training.modeling import build_model, tokenizer_source
    from conflict_ner.training.trainer import set_seed, train

    hf_logging.set_verbosity_error()
    tmp = Path(tempfile.mkdtemp(prefix="train-speed-"))
    config = load_config(args.config, [f"training.max_steps={args.steps}", f"training.batch_size={args.batch_size}",
                                       f"training.output_dir={tmp / 'ours'}", "training.save_every_steps=100000",
                                       "evaluation.splits=[dev]"])
    data = load_data(config.data)
    dev = data.dev
    # Ours: dev evaluation only at the end (max_steps), as for the Trainer.
    ours = train(config, progress=False, data=type(data)(data.train, dev, [], data.report))
    ours_tps = ours.metrics["step_tokens_this_session"] / ours.metrics["step_seconds_this_session"]
    ours_f1 = ours.metrics["dev"]["micro"]["f1"]

    tokenizer = load_tokenizer(tokenizer_source(config.model))
    tags = bio_tags(config.data.labels)
    windows, _, _ = encode_documents(data.train, tokenizer, {t: i for i, t in enumerate(tags)},
                                     config.model.max_length, config.model.stride)
    dataset = Dataset.from_list([{"input_ids": w.input_ids, "labels": w.labels} for w in windows])
    set_seed(config.training.seed)
    model = build_model(config.model, config.data.labels)
    trainer_args = TrainingArguments(output_dir=str(tmp / "hf"), max_steps=args.steps,
                                     per_device_train_batch_size=args.batch_size, save_strategy="no",
                                     report_to=[], disable_tqdm=True, use_cpu=True, seed=config.training.seed)
    trainer = Trainer(model=model, args=trainer_args, train_dataset=dataset,
                      data_collator=DataCollatorForTokenClassification(tokenizer))
    real_tokens = {"n": 0}
    hook = model.register_forward_pre_hook(
        lambda m, a, kw: real_tokens.__setitem__("n", real_tokens["n"] + int(kw["attention_mask"].sum())),
        with_kwargs=True)
    start = time.perf_counter()
    trainer.train()
    hf_seconds = time.perf_counter() - start
    hook.remove()
    hf_tps = real_tokens["n"] / hf_seconds
    hf_f1 = evaluate_tagger(EntityTagger(model, tokenizer, config.model.inference_settings()), dev)["micro"]["f1"]

    result = {"machine": machine(),
              "date": date.today().isoformat(), "steps": args.steps, "batch_size": args.batch_size,
              "ours": {"tokens_per_s": round(ours_tps), "dev_micro_f1": round(ours_f1, 4),
                       "real_tokens": ours.metrics["step_tokens_this_session"]},
              "hf_trainer": {"tokens_per_s": round(hf_tps), "dev_micro_f1": round(hf_f1, 4),
                             "real_tokens": real_tokens["n"]},
              "speedup": round(ours_tps / hf_tps, 2)}
    print(json.dumps(result, indent=2))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2))
    update_readme("train_speed", "\n".join([
        f"Machine: {result['machine']}; {result['date']}; {args.steps} steps of batch {args.batch_size} "
        f"from `{args.config}`.", "",
        "| trainer | real tokens/s | dev micro F1 |", "|---|---:|---:|",
        f"| conflict-ner | {result['ours']['tokens_per_s']:,} | {result['ours']['dev_micro_f1']:.4f} |",
        f"| transformers.Trainer + DataCollatorForTokenClassification | {result['hf_trainer']['tokens_per_s']:,} | "
        f"{result['hf_trainer']['dev_micro_f1']:.4f} |", "",
        f"Speed-up: {result['speedup']}x."]))


if __name__ == "__main__":
    main()
