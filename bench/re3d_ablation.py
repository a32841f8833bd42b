"""Summarise re3d benchmark runs per lever: dev and test micro F1 (mean and spread over seeds), time.

    bash bench/re3d_ablation.sh              # trains the runs (about 2 hours on 2 cores)
    .venv/bin/python bench/re3d_ablation.py  # the table, also written to bench/README.md

Runs are read from ``runs/re3d-<lever>-s<seed>/metrics.json``, and evaluation-only variants
of a run (e.g. ``greedy.json`` from ``conflict-ner evaluate --decoding greedy ... -o``) from
files beside it; an ensemble row is added
for each ``--ensemble FILE``, the metrics JSON that ``conflict-ner evaluate --model A
--model B --model C configs/re3d-benchmark.yaml -o FILE`` wrote.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import update_readme  # noqa: E402

LEVERS = {
    "base": "12 epochs (the earlier schedule)",
    "shape": "12 epochs + word-shape features",
    "adapt": "12 epochs + masked-LM adapted encoder",
    "base-e24": "24 epochs",
    "shape-e24": "24 epochs + word-shape features",
    "adapt-e24": "24 epochs + masked-LM adapted encoder",
    "base-e36": "36 epochs",
    "L3": "12 epochs, first 3 layers only",
    "shape-e24-lld": "24 epochs + word-shape features + layer decay 0.8, lr 2e-4",
    "shape-e24:greedy": "24 epochs + word-shape features, greedy decoding instead of Viterbi",
    "shape-e24-mt": "24 epochs + word-shape features, encoder first fine-tuned on our corpus (runs/default)",
    "shape-e24-lr5e5": "24 epochs + word-shape features, lr 5e-5",
    "shape-e24-lr2e4": "24 epochs + word-shape features, lr 2e-4",
    "shape-e24-bs8": "24 epochs + word-shape features, batch size 8",
    "shape-e24-wu0": "24 epochs + word-shape features, no warmup",
    "shape-e24-allsub": "24 epochs + word-shape features, labels on all subwords",
    "shape-e24-ens-kd": "24 epochs + word-shape features, distilled from the 3-model ensemble (time: student only)",
    "shape-e24-L4-kd": "24 epochs + word-shape features, 4 layers, distilled from one 6-layer model",
}
#: evaluation-only variants stored beside a run's metrics.json
VARIANTS = {"greedy": "greedy.json"}


def collect(runs: Path) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for metrics in sorted(runs.glob("re3d-*-s*/metrics.json")):
        m = re.fullmatch(r"re3d-(.+)-s(\d+)", metrics.parent.name)
        if not m:
            continue
        data = json.loads(metrics.read_text())
        if "test" not in data:
            continue
        seconds = data.get("train_seconds_this_session")
        out.setdefault(m.group(1), []).append(_row(int(m.group(2)), data, seconds))
        for variant, name in VARIANTS.items():
            if (metrics.parent / name).is_file():
                scores = json.loads((metrics.parent / name).read_text())
                out.setdefault(f"{m.group(1)}:{variant}", []).append(_row(int(m.group(2)), scores, seconds))
    return out


def _row(seed: int, scores: dict, seconds: float | None) -> dict:
    return {"seed": seed, "dev": scores["dev"]["micro"]["f1"], "test": scores["test"]["micro"]["f1"],
            "test_macro": scores["test"]["macro"]["f1"], "seconds": seconds}


def fmt(values: list[float]) -> str:
    if len(values) == 1:
        return f"{values[0]:.4f}"
    return f"{statistics.mean(values):.4f} ± {statistics.stdev(values):.4f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", default="runs")
    parser.add_argument("--ensemble", action="append", default=[], metavar="FILE",
                        help="metrics JSON of an ensemble evaluation (conflict-ner evaluate -o), named by its stem")
    args = parser.parse_args()
    groups = collect(Path(args.runs))
    lines = ["| lever | seeds | dev micro F1 | test micro F1 | test macro F1 | train time per seed |",
             "|---|---|---:|---:|---:|---:|"]
    for lever, rows in sorted(groups.items(), key=lambda kv: -statistics.mean(r["dev"] for r in kv[1])):
        secs = [r["seconds"] for r in rows if r["seconds"]]
        minutes = f"{statistics.mean(secs) / 60:.1f} min" if secs else ""
        seeds = ",".join(str(r["seed"]) for r in sorted(rows, key=lambda r: r["seed"]))
        lines.append(f"| {LEVERS.get(lever, lever)} | {seeds} | {fmt([r['dev'] for r in rows])} "
                     f"| {fmt([r['test'] for r in rows])} | {fmt([r['test_macro'] for r in rows])} | {minutes} |")
    for path in args.ensemble:
        m = json.loads(Path(path).read_text())
        lines.append(f"| ensemble: {Path(path).stem} | 3 models | {m['dev']['micro']['f1']:.4f} | "
                     f"{m['test']['micro']['f1']:.4f} | {m['test']['macro']['f1']:.4f} | sum of its members |")
    table = "\n".join(lines)
    print(table)
    update_readme("re3d_ablation", "Standard re3d split, seqeval strict micro F1 on the given tokens; mean ± "
                  "standard deviation over seeds; model selection on dev only. Train time is wall time of "
                  "`conflict-ner train` on 2 cores (some runs shared the CPU with other work).\n\n" + table)


if __name__ == "__main__":
    main()
