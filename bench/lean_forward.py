"""A/B of the lean inference forward: full ``extract_batch`` with and without it, same process.

    .venv/bin/python bench/lean_forward.py --model runs/default

Runs alternate between the two forwards; the best of ``--repeats`` counts for each.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from common import repeated_texts, time_call, words_of  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="runs/default")
    parser.add_argument("--data", default="training/corpus/compiled/test.jsonl")
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    import conflict_ner.tagging.predict as predict
    from conflict_ner import EventExtractor

    texts, published = repeated_texts(args.data, args.words)
    docs = [{"id": str(i), "text": t, "published": p} for i, (t, p) in enumerate(zip(texts, published))]
    ex = EventExtractor.from_pretrained(args.model, quantize="fp32")
    list(ex.extract_batch(docs[:8]))
    lean_check = predict.supports_lean
    best = {"model forward": float("inf"), "lean forward": float("inf")}
    for _ in range(args.repeats):
        for name, check in (("model forward", lambda m: False), ("lean forward", lean_check)):
            predict.supports_lean = check
            best[name] = min(best[name], time_call(lambda: list(ex.extract_batch(docs, batch_size=256))))
    predict.supports_lean = lean_check
    for name, seconds in best.items():
        print(f"{name}: {seconds:.2f} s, {words_of(texts) / seconds:,.0f} words/s")
    print(f"lean forward speed-up on full extraction: {best['model forward'] / best['lean forward']:.2f}x")


if __name__ == "__main__":
    main()
