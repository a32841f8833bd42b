"""Peak resident memory of `conflict-ner extract` streaming 1,000 and then 5,000 articles.

    .venv/bin/python bench/memory.py --model runs/default

Articles are the corpus's documents with unique ids, written to a JSONL file; each
run is a fresh process whose resident set size is sampled every 50 ms.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).parent))
from common import load_texts, machine, update_readme  # noqa: E402


def peak_rss_mb(cmd: list[str]) -> tuple[float, float]:
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak, start = 0, time.perf_counter()
    while proc.poll() is None:
        try:
            peak = max(peak, proc.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    return peak / 2**20, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="runs/default")
    parser.add_argument("--data", default="training/corpus/compiled/train.jsonl")
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--max-words", type=int, default=80,
                        help="cut each article to this many words (keeps the 5,000-article run short)")
    parser.add_argument("--out", default="bench/results/memory.json")
    args = parser.parse_args()
    texts, published = load_texts(args.data)
    if args.max_words:
        texts = [" ".join(t.split()[:args.max_words]) for t in texts]
    tmp = Path(tempfile.mkdtemp(prefix="memory-"))
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        inputs = tmp / f"articles-{n}.jsonl"
        with open(inputs, "w", encoding="utf-8") as handle:
            for i in range(n):
                handle.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)],
                                         "published": published[i % len(texts)]}) + "\n")
        exe = str(Path(sys.executable).with_name("conflict-ner"))
        peak, seconds = peak_rss_mb([exe, "extract", "--model", args.model, str(inputs), "-o",
                                     str(tmp / f"events-{n}.jsonl"), "--quiet"])
        rows.append({"articles": n, "peak_rss_mb": round(peak), "seconds": round(seconds, 1)})
        print(rows[-1])
    result = {"machine": machine(), "date": date.today().isoformat(), "rows": rows,
              "growth": round(rows[-1]["peak_rss_mb"] / rows[0]["peak_rss_mb"], 3)}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2))
    update_readme("memory", "\n".join(
        [f"{result['date']}; `conflict-ner extract` on JSONL articles from `{args.data}` "
         f"(first {args.max_words} words of each).", "",
         "| articles | peak RSS (MB) | seconds |", "|---|---:|---:|"]
        + [f"| {r['articles']:,} | {r['peak_rss_mb']} | {r['seconds']} |" for r in rows]
        + ["", f"Peak memory ratio, largest / smallest run: {result['growth']}."]))


if __name__ == "__main__":
    main()
