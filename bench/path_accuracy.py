"""Entity F1 of each inference path (fp32, bf16, int8, other models) on the corpus test split
and the re3d benchmark test, so a faster path is kept only where it costs at most 1 point.

    .venv/bin/python bench/path_accuracy.py --model runs/default --variant runs/default-L4-kd \\
        --re3d-model runs/re3d-benchmark --re3d-variant runs/re3d-benchmark-L4-kd

Every path is scored by ``conflict_ner.training.evaluate.evaluate_path`` (the same code as
``conflict-ner evaluate --quantize ...``): seqeval strict micro F1. The drop is against the
fp32 run of the same benchmark's main model. Writes ``bench/results/path_accuracy.json`` and
the table in ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, update_readme  # noqa: E402

FP32 = "fp32"


def path_rows(models: list[str], quantize: list[str]) -> list[tuple[str, str]]:
    """(model dir, precision) pairs: the main model first in fp32, then every other pair.

    >>> path_rows(["a", "b"], ["bf16"])
    [('a', 'fp32'), ('a', 'bf16'), ('b', 'fp32'), ('b', 'bf16')]
    """
    return [(m, q) for m in models for q in [FP32, *quantize]]


def score(model_dir: str, data: str, precision: str) -> float:
    from conflict_ner.training.evaluate import evaluate_path

    metrics = evaluate_path(model_dir, data, quantize=None if precision == FP32 else precision)
    (split,) = metrics.values()
    return split["micro"]["f1"]


def benchmark_rows(name: str, data: str, models: list[str], quantize: list[str]) -> list[dict]:
    rows, base = [], None
    for model_dir, precision in path_rows(models, quantize):
        f1 = score(model_dir, data, precision)
        base = f1 if base is None else base
        drop = round((base - f1) * 100, 2)
        rows.append({"benchmark": name, "model": model_dir, "precision": precision, "micro_f1": round(f1, 4),
                     "drop_points": drop, "kept": drop <= 1.0})
        print(f"{name}: {model_dir} {precision}: {f1:.4f} (drop {drop:+.2f} points)", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="runs/default")
    parser.add_argument("--variant", action="append", default=[], help="other models on the corpus test")
    parser.add_argument("--data", default="training/corpus/compiled/test.jsonl")
    parser.add_argument("--re3d-model", default="runs/re3d-benchmark",
                        help="a model trained with configs/re3d-benchmark.yaml")
    parser.add_argument("--re3d-variant", action="append", default=[], help="other models on the re3d test")
    parser.add_argument("--re3d-data", default="../shared/data/re3d-conll/test.txt")
    parser.add_argument("--quantize", default="bf16,int8", type=lambda v: [q for q in v.split(",") if q])
    parser.add_argument("--seed-mean", action="append", default=[], metavar="LABEL=DIR,DIR,...",
                        help="also report the mean fp32 test F1 of these runs (their metrics.json), one row per "
                             "label: a seed's luck is not a path's cost")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", default="bench/results/path_accuracy.json")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    rows = benchmark_rows("corpus test", args.data, [args.model, *args.variant], args.quantize)
    if args.re3d_model:
        rows += benchmark_rows("re3d test", args.re3d_data, [args.re3d_model, *args.re3d_variant], args.quantize)
    results = {"machine": machine(), "date": date.today().isoformat(), "rows": rows,
               "seed_means": [seed_mean(*spec.split("=", 1)) for spec in args.seed_mean]}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2))
    update_readme("path_accuracy", render_table(results))


def seed_mean(label: str, dirs: str) -> dict:
    """Mean and spread of the fp32 test micro F1 that training wrote to each run's ``metrics.json``."""
    scores = [json.loads((Path(d) / "metrics.json").read_text())["test"]["micro"]["f1"] for d in dirs.split(",")]
    mean = sum(scores) / len(scores)
    return {"label": label, "runs": dirs.split(","), "scores": [round(x, 4) for x in scores],
            "mean": round(mean, 4), "range": round(max(scores) - min(scores), 4)}


def render_table(r: dict) -> str:
    lines = [f"Machine: {r['machine']}; {r['date']}. Seqeval strict micro F1; the drop is against the "
             "first (fp32) row of the same benchmark; a path is kept where it drops at most 1 point.", "",
             "| benchmark | model | precision | micro F1 | drop (points) | within 1 point |",
             "|---|---|---|---:|---:|---|"]
    for row in r["rows"]:
        lines.append(f"| {row['benchmark']} | `{row['model']}` | {row['precision']} | {row['micro_f1']:.4f} "
                     f"| {row['drop_points']:.2f} | {'yes' if row['kept'] else 'no'} |")
    if r.get("seed_means"):
        lines += ["", "Mean over training seeds (fp32 test micro F1 from each run's `metrics.json`):", "",
                  "| runs | seeds | F1 per seed | mean | range |", "|---|---:|---|---:|---:|"]
        for g in r["seed_means"]:
            lines.append(f"| {g['label']} | {len(g['scores'])} | {', '.join(f'{x:.4f}' for x in g['scores'])} "
                         f"| {g['mean']:.4f} | {g['range']:.4f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
