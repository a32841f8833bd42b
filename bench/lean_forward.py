"""A/B of the lean inference forward: entities alone and full ``extract_batch``, with and
without it, same process, same precision.

    .venv/bin/python bench/lean_forward.py --model runs/default
    .venv/bin/python bench/lean_forward.py --model runs/default --quantize int8   # the int8 lean forward

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
    parser.add_argument("--quantize", choices=["fp32", "bf16", "int8"], default="fp32")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    import conflict_ner.tagging.predict as predict
    from conflict_ner import EventExtractor

    texts, published = repeated_texts(args.data, args.words)
    docs = [{"id": str(i), "text": t, "published": p} for i, (t, p) in enumerate(zip(texts, published))]
    ex = EventExtractor.from_pretrained(args.model, quantize=args.quantize)
    list(ex.extract_batch(docs[:8]))
    lean_check = predict.supports_lean
    jobs = {"entities": lambda: list(ex.entities_batch(texts)),
            "full extraction": lambda: list(ex.extract_batch(docs, batch_size=256))}
    best = {(job, fwd): float("inf") for job in jobs for fwd in ("model forward", "lean forward")}
    for _ in range(args.repeats):
        for fwd, check in (("model forward", lambda m: False), ("lean forward", lean_check)):
            predict.supports_lean = check
            ex.tagger.refresh()  # the forward functions are built once per tagger: rebuild them
            for job, run in jobs.items():
                best[job, fwd] = min(best[job, fwd], time_call(run))
    predict.supports_lean = lean_check
    print(f"{args.model}, {args.quantize}, {args.threads} threads, {words_of(texts):,} words, best of {args.repeats}")
    for (job, fwd), seconds in best.items():
        print(f"{job}, {fwd}: {seconds:.2f} s, {words_of(texts) / seconds:,.0f} words/s")
    for job in jobs:
        print(f"lean forward speed-up, {job}: {best[job, 'model forward'] / best[job, 'lean forward']:.2f}x")


if __name__ == "__main__":
    main()
