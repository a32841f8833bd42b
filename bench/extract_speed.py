"""Extraction speed against the Hugging Face token-classification pipeline, same model, same texts.

    .venv/bin/python bench/extract_speed.py --model runs/default

Measures, in one process: this machine's fp32 matmul peak; words/second of
``transformers.pipeline("token-classification", aggregation_strategy="simple")`` at
batch sizes 1, 8 and 32; our entity path and our full ``extract_batch`` (events and
all); the model-time fraction of the FLOP-bound limit; and how often the pipeline's
entities and ours agree. Writes ``bench/results/extract_speed.json`` and the table in
``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from common import load_texts, machine, matmul_peak_gflops, repeated_texts, time_call, update_readme, words_of  # noqa: E402


def flops_per_token(config, seq_len: float) -> float:
    """Forward FLOPs per token of a BERT encoder + head at a given mean sequence length."""
    h, ff, layers = config.hidden_size, config.intermediate_size, config.num_hidden_layers
    dense = 2 * (4 * h * h + 2 * h * ff)          # QKV + output projections, feed-forward
    attention = 2 * 2 * seq_len * h               # scores and weighted sum
    return layers * (dense + attention) + 2 * h * config.num_labels


class ModelTimer:
    """Accumulates wall time spent inside the model's forward (the model's own, or the lean
    forward of :mod:`conflict_ner.tagging.lean_bert` that our path uses) and the real tokens it saw."""

    def __init__(self, model):
        from conflict_ner.tagging import lean_bert

        self.seconds, self.tokens, self.token_sq = 0.0, 0, 0.0
        self._start = 0.0
        model.register_forward_pre_hook(self._pre, with_kwargs=True)
        model.register_forward_hook(self._post, with_kwargs=True)
        lean_call = lean_bert.LeanBert.__call__

        def timed_lean(lean, input_ids, attention_mask, *args, **kwargs):
            self._pre(None, (), {"attention_mask": attention_mask})
            try:
                return lean_call(lean, input_ids, attention_mask, *args, **kwargs)
            finally:
                self._post(None, (), {}, None)
        lean_bert.LeanBert.__call__ = timed_lean

    def _pre(self, module, args, kwargs):
        self._start = time.perf_counter()
        mask = kwargs.get("attention_mask")
        if mask is not None:
            lengths = mask.sum(dim=1).double()
            self.tokens += int(lengths.sum())
            self.token_sq += float((lengths * lengths).sum())

    def _post(self, module, args, kwargs, output):
        self.seconds += time.perf_counter() - self._start


def pipeline_entities(pipe, texts: list[str], batch_size: int) -> list[set]:
    out = []
    for result in pipe(texts, batch_size=batch_size):
        out.append({(e["start"], e["end"], e["entity_group"]) for e in result})
    return out


def gold_entities(path: str) -> dict[str, list]:
    """The annotators' entities of each text of a native JSONL corpus file, keyed by text."""
    from conflict_ner.records import Entity

    out = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            obj = json.loads(line)
            text = obj["text"]
            out[text] = [Entity(label, s, e, text[s:e], 1.0) for s, e, label in sorted(obj.get("spans", []))]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="runs/default")
    parser.add_argument("--data", default="training/corpus/compiled/test.jsonl")
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--pipeline-batch-sizes", default="1,8,32")
    parser.add_argument("--variant", action="append", default=[],
                        help="extra model dirs to time through our full path (e.g. a faster model)")
    parser.add_argument("--quantize", default="int8,bf16", type=lambda v: [q for q in v.split(",") if q],
                        help="lower-precision paths to time (comma-separated; empty for none)")
    parser.add_argument("--repeats", type=int, default=2, help="timed runs per path; the best counts")
    parser.add_argument("--gold-post", action="store_true",
                        help="also time records, places and actors built on the texts' gold entities, and add "
                             "estimated full-extraction rows (entities + that time): for models whose own "
                             "entities are not realistic (architecture stand-ins with untrained heads)")
    parser.add_argument("--out", default="bench/results/extract_speed.json")
    parser.add_argument("--section", default="extract_speed",
                        help="the bench/README.md block to rewrite (another CPU or ISA keeps its own)")
    args = parser.parse_args()

    def timed(fn) -> float:
        return time_call(fn, args.repeats)

    torch.set_num_threads(args.threads)
    from transformers import pipeline
    from transformers.utils import logging as hf_logging

    from conflict_ner import EventExtractor

    hf_logging.set_verbosity_error()
    base_texts, _ = load_texts(args.data)
    texts, pubs = repeated_texts(args.data, args.words)
    n_words = words_of(texts)
    print(f"{len(texts)} texts, {n_words:,} words (repeating the documents of {args.data})")

    peak = matmul_peak_gflops()
    print(f"fp32 matmul peak: {peak:.1f} GFLOP/s")

    ex = EventExtractor.from_pretrained(args.model, quantize="fp32")  # the fp32 rows (and the pipeline's model)
    timer = ModelTimer(ex.model)
    docs = [{"id": str(i), "text": t, "published": p} for i, (t, p) in enumerate(zip(texts, pubs))]

    # Warm up both paths on a few texts (first calls allocate and compile kernels).
    list(ex.extract_batch(docs[:8]))
    pipe = pipeline("token-classification", model=ex.model, tokenizer=ex.tokenizer,
                    aggregation_strategy="simple", device=-1)
    pipe(texts[:4])

    results: dict = {"machine": machine(), "date": date.today().isoformat(),
                     "words": n_words, "texts": len(texts), "matmul_peak_gflops": round(peak, 1),
                     "repeats": args.repeats, "rows": []}

    pipe_best = 0.0
    for bs in [int(b) for b in args.pipeline_batch_sizes.split(",")]:
        seconds = timed(lambda: pipeline_entities(pipe, texts, bs))
        wps = n_words / seconds
        pipe_best = max(pipe_best, wps)
        results["rows"].append({"path": f"HF pipeline, batch_size={bs}", "seconds": round(seconds, 1),
                                "words_per_s": round(wps)})
        print(f"pipeline bs={bs}: {wps:,.0f} words/s")

    timer.seconds, timer.tokens, timer.token_sq = 0.0, 0, 0.0
    found: list = []

    def entity_path() -> None:
        found[:] = list(ex.entities_batch(texts))

    ent_seconds = timed(entity_path)
    # model time: the mean over the repeats
    model_seconds, tokens, token_sq = (timer.seconds / args.repeats, timer.tokens // args.repeats,
                                       timer.token_sq / args.repeats)
    full_seconds = timed(lambda: list(ex.extract_batch(docs, batch_size=256)))
    mean_len = token_sq / tokens if tokens else 0.0
    flop_limit_seconds = tokens * flops_per_token(ex.model.config, mean_len) / (peak * 1e9)
    for name, seconds in (("ours: entities", ent_seconds), ("ours: full extract_batch (events)", full_seconds)):
        results["rows"].append({"path": name, "seconds": round(seconds, 1), "words_per_s": round(n_words / seconds),
                                "vs_pipeline_best": round(n_words / seconds / pipe_best, 2), "seconds_exact": seconds})
    # Post-processing (sentences, roles, counts, dates, modality) timed on its own, on the same entities.
    from conflict_ner.events.builder import build_records

    post_seconds = timed(lambda: [build_records(t, e, p, str(i))
                                      for i, (t, e, p) in enumerate(zip(texts, found, pubs))])
    post = post_seconds / full_seconds
    results.update({
        "post_processing_fraction": round(post, 3),
        "model_seconds": round(model_seconds, 1),
        "real_tokens": tokens,
        "flop_bound_seconds": round(flop_limit_seconds, 1),
        "model_time_fraction_of_flop_limit": round(flop_limit_seconds / model_seconds, 3) if model_seconds else None,
    })

    if args.gold_post:
        gold = gold_entities(args.data)
        inputs = [ex._as_input(d) for d in docs]
        results["gold_post_seconds"] = round(timed(lambda: [ex._records(d, gold[d.text]) for d in inputs]), 2)

    variants = [(args.model, q) for q in args.quantize]
    variants += [(v, None) for v in args.variant]
    variants += [(v, q) for v in args.variant for q in args.quantize]
    for variant, quantize in variants:
        vx = EventExtractor.from_pretrained(variant, quantize=quantize)
        list(vx.extract_batch(docs[:8]))
        # entities alone is what the pipeline does; full extraction adds the rules, places and actors
        for name, run in ((f"ours: entities, {vx.name}", lambda: list(vx.entities_batch(texts))),
                          (f"ours: full extract_batch, {vx.name}", lambda: list(vx.extract_batch(docs, batch_size=256)))):
            seconds = timed(run)
            results["rows"].append({"path": name, "seconds": round(seconds, 1), "words_per_s": round(n_words / seconds),
                                    "vs_pipeline_best": round(n_words / seconds / pipe_best, 2), "seconds_exact": seconds})

    if args.gold_post:
        for row in [r for r in results["rows"] if r["path"].startswith("ours: entities")]:
            seconds = row["seconds_exact"] + results["gold_post_seconds"]
            results["rows"].append({"path": "est. full extraction (gold-entity post-processing), " + row["path"][6:],
                                    "seconds": round(seconds, 1), "words_per_s": round(n_words / seconds),
                                    "vs_pipeline_best": round(n_words / seconds / pipe_best, 2)})

    # Agreement on the distinct documents: exact (start, end, label) matches over the union.
    ours = [{(e.start, e.end, e.label) for e in ents} for ents in ex.entities_batch(base_texts)]
    theirs = pipeline_entities(pipe, base_texts, 8)
    inter = sum(len(a & b) for a, b in zip(ours, theirs))
    union = sum(len(a | b) for a, b in zip(ours, theirs))
    results["entity_agreement"] = round(inter / union, 3) if union else None

    for row in results["rows"]:
        row.pop("seconds_exact", None)
    print(json.dumps(results, indent=2))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2))
    update_readme(args.section, render_table(results))


def render_table(r: dict) -> str:
    lines = [f"Machine: {r['machine']}; {r['date']}; {r['words']:,} words in {r['texts']} texts; "
             f"fp32 matmul peak {r['matmul_peak_gflops']} GFLOP/s; seconds are the best of "
             f"{r.get('repeats', 1)} run(s) of each path.", "",
             "| path | seconds | words/s | vs pipeline best |", "|---|---:|---:|---:|"]
    for row in r["rows"]:
        lines.append(f"| {row['path']} | {row['seconds']} | {row['words_per_s']:,} | {row.get('vs_pipeline_best', '')} |")
    lines += ["", f"- post-processing share of full extraction time: {r['post_processing_fraction']:.1%}",
              f"- model time {r['model_seconds']} s for {r['real_tokens']:,} real tokens; FLOP-bound limit "
              f"{r['flop_bound_seconds']} s, i.e. the model runs at {r['model_time_fraction_of_flop_limit']:.0%} "
              "of the fp32 FLOP-bound limit (the limit counts every layer on every token; the lean forward "
              "skips the last layer's per-position work for continuation subwords and special tokens)",
              f"- entity agreement with the pipeline (exact span and label, over the union): {r['entity_agreement']:.1%}"]
    if "gold_post_seconds" in r:
        lines.append(f"- records, places and actors built on the texts' gold entities: {r['gold_post_seconds']} s "
                     "(the `est.` rows add it to each entity path's time)")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
