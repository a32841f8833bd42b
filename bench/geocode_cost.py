"""What geocoding costs: building the gazetteer index, loading it from its cache, and resolving
mentions, beside the model's tagging of the same documents.

    .venv/bin/python bench/geocode_cost.py                    # a MiniLM-L6-sized model, random head
    .venv/bin/python bench/geocode_cost.py --model runs/default --split dev

The index is built once per machine (then cached) and loaded once per process; the mentions
are the gold LOCATION spans of the chosen compiled split, each document geocoded whole (its
spans are its context). The reference is tagging alone (``entities_batch``) of the same
documents. Results go to bench/results/geocode_cost.json (``--readme``: also bench/README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, time_call, update_readme  # noqa: E402

REPO = Path(__file__).parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="a trained model folder (default: the default architecture, untrained)")
    parser.add_argument("--split", default="dev", help="compiled split whose documents are geocoded (default dev)")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--no-build", action="store_true", help="skip timing a cold index build")
    parser.add_argument("--readme", action="store_true", help="also write the table into bench/README.md")
    args = parser.parse_args()

    from ingest_cost import reference_model

    from conflict_ner.geo import Geocoder, gazetteer as gaz

    docs = [json.loads(line) for line in (REPO / f"training/corpus/compiled/{args.split}.jsonl").open(encoding="utf-8")]
    spans = [sorted({(s, e) for s, e, label in d["spans"] if label == "LOCATION"}) for d in docs]
    mentions = sum(len(s) for s in spans)
    result: dict = {"machine": machine(), "split": args.split, "documents": len(docs), "mentions": mentions}

    with tempfile.TemporaryDirectory() as cache:
        if not args.no_build:
            start = time.perf_counter()
            built = gaz.Gazetteer.build()
            result["build_s"] = time.perf_counter() - start
            path = Path(cache) / "index.pickle"
            built.save(path)
            result["index_mb"] = path.stat().st_size / 1e6
            del built
            result["load_s"] = time_call(lambda: gaz.Gazetteer.load(path), args.repeats)
    gazetteer = gaz.default_gazetteer()  # the user's cache (built here if missing)
    result["entries"], result["names"] = len(gazetteer), len(gazetteer.keys)
    geocoder = Geocoder(gazetteer)
    geocoder.geocode(docs[0]["text"], spans[0])  # first fuzzy search builds the per-country name lists
    geo_s = time_call(lambda: [geocoder.geocode(d["text"], s) for d, s in zip(docs, spans)], args.repeats)
    extractor, model_name = reference_model(args.model)
    tag_s = time_call(lambda: list(extractor.entities_batch([d["text"] for d in docs])), args.repeats)
    result.update(per_mention_ms=1000 * geo_s / max(mentions, 1), geocode_s=geo_s, tagging_s=tag_s,
                  share_of_tagging=geo_s / tag_s, reference=model_name)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    result["load_average"] = load
    lines = [f"Measured {time.strftime('%Y-%m-%d')} on {result['machine']} (load average {load:.1f} at the end); "
             f"{len(docs)} {args.split} documents, {mentions} LOCATION mentions; best of {args.repeats}.", "",
             "| step | time |", "|---|---:|"]
    if "build_s" in result:
        lines += [f"| index build, cold (once per machine; {result['entries']:,} entries, {result['names']:,} "
                  f"folded names) | {result['build_s']:.1f} s |",
                  f"| index load from cache ({result['index_mb']:.0f} MB; once per process) | {result['load_s']:.2f} s |"]
    lines += [f"| geocoding, per mention | {result['per_mention_ms']:.2f} ms |",
              f"| geocoding, share of tagging the same documents ({model_name}) | {result['share_of_tagging']:.1%} |"]
    table = "\n".join(lines)
    print(table)
    out = REPO / "bench/results/geocode_cost.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.readme:
        update_readme("geocode_cost", table)


if __name__ == "__main__":
    main()
