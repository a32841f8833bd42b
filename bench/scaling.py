"""Time per MB of full extraction as inputs grow: text handling must stay linear.

    .venv/bin/python bench/scaling.py --model runs/default

For 10 KB, 100 KB, 1 MB and 2 MB (UTF-8 bytes) of four kinds of one-document input:

* ``news``: the bench articles (``--data``) joined and repeated, as an analyst's long page;
* ``mojibake``: mojibake only, without spaces: non-ASCII text (quotes, dashes, accented
  names, Cyrillic, Arabic, Thai) written as UTF-8 and read through cp1252, cp874, KOI8-R,
  cp437 and cp1256 in turn, one code page per 4 KB;
* ``no-punct``: the articles' words on one line, every punctuation mark removed;
* ``mojibake-article``: the news text as a page mis-decoded through cp1252 with no ASCII
  space left (every space a no-break space, which becomes ``Â`` + NBSP; quotes ``â€™``);

it times ``EventExtractor.extract_batch`` on the one document (tagging, entities and event
records; no time budget)
and text repair alone, best of ``--repeats`` runs, and reports CPU seconds per MB (wall
seconds beside: on a shared machine they also count waiting) with ratios against the 10 KB
row of the same kind and against news text of the same size. News text
must give records. Writes ``bench/results/scaling.json`` and the table in ``bench/README.md``.
``--tiny`` uses a random tiny model instead (development only: its records mean nothing).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from common import load_texts, machine, tiny_model, update_readme  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000, 2_000_000)
KINDS = ("news", "mojibake", "no-punct", "mojibake-article")
MOJIBAKE_PAGES = ("cp1252", "cp874", "koi8_r", "cp437", "cp1256")
# what real copy carries besides ASCII: quotes, dashes, accented names, other scripts
NON_ASCII = "’“”—–…éüçñłőšž«»°€Россия,Київ,العراق,الموصل,กรุงเทพ,"


def _cp1252_fill(err):
    """Bytes a code page leaves undefined, shown as cp1252 shows them (``โ€™``)."""
    raw = err.object[err.start:err.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw), err.end


def _cut(text: str, size: int) -> str:
    """The first ``size`` UTF-8 bytes of ``text`` (repeated as needed), whole characters."""
    while len(text.encode("utf-8")) < size:
        text += text
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def make_text(kind: str, size: int, articles: list[str]) -> str:
    import codecs

    codecs.register_error("bench-cp1252-fill", _cp1252_fill)
    if kind == "news":
        return _cut("\n\n".join(articles) + "\n\n", size)
    if kind == "mojibake-article":
        # the news text as a page mis-decoded through cp1252, with no ASCII space left: every
        # space was a no-break space (Â + NBSP after the mis-decoding), every quote â€™
        spaced = "\n\n".join(articles).replace(" ", "\u00a0") + "\n\n"
        return _cut(spaced.encode("utf-8").decode("cp1252", errors="bench-cp1252-fill"), size)
    if kind == "no-punct":
        words = re.sub(r"[^\w\s]", " ", " ".join(articles)).split()
        return _cut(" ".join(words) + " ", size)
    import codecs

    codecs.register_error("bench-cp1252-fill", _cp1252_fill)
    blocks, total, k = [], 0, 0
    while total < size:
        page = MOJIBAKE_PAGES[k % len(MOJIBAKE_PAGES)]
        clean = NON_ASCII.replace(",", "") * 40
        block = _cut(clean.encode("utf-8").decode(page, errors="bench-cp1252-fill"), 4_000)
        blocks.append(block)
        total += len(block.encode("utf-8"))
        k += 1
    return _cut("".join(blocks), size)


def best_time(fn, repeats: int) -> tuple[float, float, object]:
    """Best wall and best CPU seconds (this process, all threads) of ``repeats`` calls, and the
    result. CPU time is what the ratios use: on a shared machine wall time also counts waiting."""
    wall, cpu, result = float("inf"), float("inf"), None
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu, result


def render_table(results: dict) -> str:
    lines = [f"Machine: {results['machine']}; model `{results['model']}`; {results['date']}; "
             f"best of {results['repeats']} (rows under 1 MB: of 3 or more). One document's full extraction "
             "(tagging, entities, records; no time budget) and text repair alone, in CPU seconds of the "
             "process per MB (wall seconds beside); ratios of CPU s/MB against the same kind at 10 KB and "
             "against news text of the same size.",
             "",
             "| input | size | wall s | CPU s | CPU s/MB | x 10 KB | x news | repair CPU s/MB | repair x 10 KB "
             "| entities | records |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results["rows"]:
        size = f"{r['bytes'] / 1e3:.0f} KB" if r["bytes"] < 999_000 else f"{r['bytes'] / 1e6:.1f} MB"
        lines.append(f"| {r['kind']} | {size} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | "
                     f"{r['s_per_mb']:.1f} | {r['x_10kb']:.2f} | {r['x_news']:.2f} | {r['repair_s_per_mb']:.2f} | "
                     f"{r['repair_x_10kb']:.2f} | {r['entities']:,} | {r['records']:,} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="runs/default")
    parser.add_argument("--tiny", action="store_true", help="a random tiny model (development only)")
    parser.add_argument("--data", default="training/corpus/compiled/test.jsonl")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        type=lambda v: [int(float(s)) for s in v.split(",")])
    parser.add_argument("--kinds", default=",".join(KINDS), type=lambda v: v.split(","))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=1,
                        help="timed runs per row from 1 MB (smaller rows: at least 3); the best counts")
    parser.add_argument("--out", default="bench/results/scaling.json")
    parser.add_argument("--no-readme", action="store_true", help="print only (partial runs)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    from conflict_ner import EventExtractor
    from conflict_ner.text.repair import repair_text

    model = args.model
    if args.tiny:
        model = str(tiny_model(Path(tempfile.mkdtemp(prefix="tiny-model-"))))
    extractor = EventExtractor.from_pretrained(model, quantize="fp32", max_input_bytes=max(args.sizes) + 1,
                                               time_budget=None)
    articles, _ = load_texts(args.data)
    next(extractor.extract_batch(articles[:1]))  # warm up (the first call builds the runners)

    results: dict = {"machine": machine(), "date": date.today().isoformat(), "model": "tiny (random)" if args.tiny
                     else args.model, "repeats": args.repeats, "rows": []}
    for kind in args.kinds:
        for size in args.sizes:
            text = make_text(kind, size, articles)
            nbytes = len(text.encode("utf-8"))
            repeats = args.repeats if size >= 1_000_000 else max(args.repeats, 3)  # small rows are noisy
            _, repair_cpu, _ = best_time(lambda: repair_text(text), repeats)
            wall, cpu, result = best_time(lambda: next(extractor.extract_batch([text])), repeats)
            assert result.error is None, f"{kind}, {nbytes:,} bytes: {result.error}"
            row = {"kind": kind, "bytes": nbytes, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
                   "wall_s_per_mb": round(wall / nbytes * 1e6, 3), "s_per_mb": round(cpu / nbytes * 1e6, 3),
                   "repair_s_per_mb": round(repair_cpu / nbytes * 1e6, 4),
                   "records": len(result.records), "entities": len(result.entities)}
            results["rows"].append(row)
            print(json.dumps(row), flush=True)
            if kind == "news" and not args.tiny:
                assert result.records, f"no records from {nbytes:,} bytes of news text: the bench needs a trained model"
    first: dict[str, dict] = {}
    for r in results["rows"]:
        first.setdefault(r["kind"], r)
    news = {r["bytes"]: r for r in results["rows"] if r["kind"] == "news"}
    for r in results["rows"]:
        r["x_10kb"] = round(r["s_per_mb"] / first[r["kind"]]["s_per_mb"], 2)
        r["repair_x_10kb"] = round(r["repair_s_per_mb"] / max(first[r["kind"]]["repair_s_per_mb"], 1e-9), 2)
        ref = news[min(news, key=lambda b: abs(b - r["bytes"]))] if news else None  # same size, to the byte or so
        r["x_news"] = round(r["s_per_mb"] / ref["s_per_mb"], 2) if ref else float("nan")
    print(render_table(results))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2))
    if not args.no_readme:
        update_readme("scaling", render_table(results))


if __name__ == "__main__":
    main()
