"""Words per second of `extract` on the local path and on Ray with 1 and 2 actors; Ray's fixed costs.

    .venv/bin/python bench/ray_scaling.py --model runs/default --words 20000

The bench texts (``--data``, repeated to ``--words`` words) go into one JSONL input; each path
writes a fresh JSONL output through the batch path (reading, extraction, writing), timed end to
end in wall seconds:

* ``local``: ``run_batch`` with one ``EventExtractor`` on ``--cores`` torch threads;
* ``ray, 1 actor``: ``--engine ray``, one actor with ``--cores`` threads;
* ``ray, 2 actors``: two actors with ``--cores // 2`` threads each (cores not oversubscribed).

Ray's fixed costs, measured apart: ``ray.init`` of a local Ray (start-up), and one window of a
single short document (a fresh actor pool: actor start, model load, dataset planning; what every
window of ``--window`` documents pays once). Peak memory: the driver's, and each actor
process's (``ru_maxrss``). The precision is ``--quantize`` (default ``auto``) on every path.
Writes ``bench/results/ray_scaling.json`` and the table in ``bench/README.md``. ``--tiny`` uses a
random tiny model (development only).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, repeated_texts, tiny_model, update_readme, words_of  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def write_input(path: Path, texts: list[str], published: list[str | None]) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for i, (text, pub) in enumerate(zip(texts, published)):
            handle.write(json.dumps({"id": f"t{i}", "text": text, "published": pub}) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="runs/default")
    parser.add_argument("--data", default="training/corpus/compiled/test.jsonl")
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1, help="cores every path may use")
    parser.add_argument("--quantize", default="auto")
    parser.add_argument("--window", type=int, default=4096)
    parser.add_argument("--tiny", action="store_true", help="a random tiny model (development only)")
    parser.add_argument("--no-readme", action="store_true", help="do not update bench/README.md")
    args = parser.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

    from conflict_ner.app.batch import run_batch
    from conflict_ner.app.engine_ray import RayExtractor, start_ray
    from conflict_ner.extractor import EventExtractor
    from conflict_ner.tagging.quantization import resolve_quantize

    work = Path(tempfile.mkdtemp(prefix="ray-scaling-"))
    model = str(tiny_model(work / "tiny")) if args.tiny else args.model
    texts, published = repeated_texts(args.data, args.words)
    n_words = words_of(texts)
    source = work / "in.jsonl"
    write_input(source, texts, published)
    precision = resolve_quantize(args.quantize) or "fp32"
    print(f"{len(texts)} texts, {n_words:,} words; precision {precision}; {args.cores} cores")
    rows: list[dict] = []

    def timed(name: str, extractor, actors: int, threads: int) -> None:
        out = work / f"{name.replace(' ', '-').replace(',', '')}.jsonl"
        start = time.perf_counter()
        summary = run_batch(extractor, [str(source)], out, progress=False)
        wall = time.perf_counter() - start
        assert summary.written == len(texts) and summary.failed_total == 0, summary
        peaks = getattr(getattr(extractor, "timings", None), "actor_rss_kb", {})
        row = {"path": name, "actors": actors, "threads_per_actor": threads, "seconds": round(wall, 2),
               "words_per_s": round(n_words / wall), "records": summary.records,
               "actor_peak_rss_mb": sorted(round(v / 1024) for v in peaks.values())}
        rows.append(row)
        print(row, flush=True)

    torch.set_num_threads(args.cores)
    local = EventExtractor.from_pretrained(model, quantize=precision)
    timed("local", local, 1, args.cores)
    del local

    start = time.perf_counter()
    start_ray(num_cpus=args.cores)
    startup = time.perf_counter() - start
    print(f"ray start-up {startup:.2f} s", flush=True)
    # one window of one short document: the fixed cost of a fresh actor pool
    one = RayExtractor(model, quantize=precision, actors=1, threads_per_actor=args.cores)
    t0 = time.perf_counter()
    list(one.extract_batch([{"id": "x", "text": texts[0][:200], "published": None}]))
    window_cost = time.perf_counter() - t0
    print(f"one-document window {window_cost:.2f} s", flush=True)
    for actors in (1, 2):
        threads = max(1, args.cores // actors)
        ray_ex = RayExtractor(model, quantize=precision, actors=actors, threads_per_actor=threads,
                              window=args.window)
        timed(f"ray, {actors} actor{'s' if actors > 1 else ''}", ray_ex, actors, threads)
    driver_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    import ray

    ray.shutdown()
    base = rows[0]["words_per_s"]
    result = {"machine": machine(), "date": date.today().isoformat(), "model": "tiny (random)" if args.tiny
              else args.model, "precision": precision, "texts": len(texts), "words": n_words, "cores": args.cores,
              "ray_startup_s": round(startup, 2), "window_overhead_s": round(window_cost, 2),
              "driver_peak_rss_mb": round(driver_rss), "rows": rows}
    out_dir = ROOT / "bench/results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "ray_scaling.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [f"Machine: {machine()}; {result['date']}; model {result['model']} ({precision}); "
             f"{n_words:,} words in {len(texts)} texts (`{args.data}` repeated); {args.cores} cores; one run of "
             "each path, end to end through the batch path (read, extract, write JSONL).", "",
             "| path | actors x threads | seconds | words/s | vs local | peak RSS per actor (MB) |",
             "|---|---|---:|---:|---:|---|"]
    for r in rows:
        rss = ", ".join(map(str, r["actor_peak_rss_mb"])) or "(the process itself)"
        lines.append(f"| {r['path']} | {r['actors']} x {r['threads_per_actor']} | {r['seconds']} | "
                     f"{r['words_per_s']:,} | {r['words_per_s'] / base:.2f}x | {rss} |")
    lines += ["", f"Ray start-up (`ray.init`, local, {args.cores} CPUs): {startup:.2f} s. A window of one short "
              f"document (fresh actor pool: actor start, model load, planning): {window_cost:.2f} s, paid once per "
              f"window of {args.window} documents. Driver peak RSS (it holds a copy of the model for the output's "
              f"identity): {driver_rss:.0f} MB."]
    table = "\n".join(lines)
    print(table)
    if not args.no_readme:
        update_readme("ray-scaling", table)


if __name__ == "__main__":
    main()
