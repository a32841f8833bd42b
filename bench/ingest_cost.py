"""What reading inputs costs beside the model: the English-only gate and web-page reading,
in seconds per MB of text and as a share of the model's tagging of the same texts.

    .venv/bin/python bench/ingest_cost.py                      # a MiniLM-L6-sized model, random head
    .venv/bin/python bench/ingest_cost.py --model runs/default

The texts are every document of training/corpus/compiled/*.jsonl (repeated ``--copies``
times); the pages are the test page of tests/fixtures/pages with each text as its article.
The reference is tagging alone (``entities_batch``: tokenizing, the model, decoding), not
full extraction: without ``--model`` the model is the default architecture (packaged
all-MiniLM-L6-v2) with an untrained head, the same work per token as a trained model, but
its random entities would make the event rules' share meaningless. Full extraction adds
the rules, so the shares below are upper bounds. The detector's one-time cost (building
it, loading its language models) is reported apart.
"""

from __future__ import annotations

import argparse
import glob
import html
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, time_call, update_readme  # noqa: E402

REPO = Path(__file__).parent.parent
PAGE = (REPO / "tests/fixtures/pages/news-page.html").read_text(encoding="utf-8")
BODY_START, BODY_END = PAGE.index('<div class="story-body">'), PAGE.index('<div class="share-bar bottom">')


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted(glob.glob(str(REPO / "training/corpus/compiled/*.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            texts += [obj["text"] for obj in map(json.loads, handle) if "text" in obj]
    return texts


def as_page(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n\n") if p.strip())
    return PAGE[:BODY_START] + f'<div class="story-body">\n{paragraphs}</div>\n' + PAGE[BODY_END:]


def reference_model(path: str | None):
    from conflict_ner.extractor import EventExtractor

    if path:
        return EventExtractor.from_pretrained(path), path
    from conflict_ner.labels import LABELS
    from conflict_ner.tagging.loading import load_tokenizer
    from conflict_ner.training.config import ModelConfig
    from conflict_ner.training.modeling import build_model

    out = Path(tempfile.mkdtemp()) / "minilm"
    torch.manual_seed(0)
    build_model(ModelConfig(base_model="packaged:all-MiniLM-L6-v2"), list(LABELS)).save_pretrained(out)
    load_tokenizer("packaged:all-MiniLM-L6-v2").save_pretrained(out)
    return EventExtractor.from_pretrained(out), "all-MiniLM-L6-v2 architecture, untrained head"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="a trained model folder (default: the default architecture, untrained)")
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()

    from conflict_ner.ingest import language
    from conflict_ner.ingest.page import read_page

    texts = corpus_texts() * args.copies
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    pages = [as_page(t).encode("utf-8") for t in texts]
    page_mb = sum(len(p) for p in pages) / 1e6

    start = time.perf_counter()
    language.foreign_language(texts[0])
    language._detector().detect_language_of("Des obus sont tombés sur deux villages du sud de la province.")
    cold = time.perf_counter() - start  # building the detector, loading its models
    refused = sum(language.foreign_language(t) is not None for t in texts)
    extractor, model_name = reference_model(args.model)
    steps = {"language gate": lambda: [language.foreign_language(t) for t in texts],
             "language gate, lingua on every window": lambda: _without_shortcut(language, texts),
             "web page reading (trafilatura)": lambda: [read_page(p) for p in pages],
             "model tagging (reference)": lambda: list(extractor.entities_batch(texts))}
    best = dict.fromkeys(steps, float("inf"))
    for _ in range(args.repeats):  # rounds, so that every step sees the same load from other processes
        for name, fn in steps.items():
            best[name] = min(best[name], time_call(fn))
    extract = best["model tagging (reference)"]
    rows = list(best.items())
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    table = [f"Measured {time.strftime('%Y-%m-%d')} on {machine()} (load average {load:.1f} at the end); "
             f"{len(texts)} corpus texts, {mb:.2f} MB of text ({page_mb:.2f} MB as pages); reference: {model_name}; "
             f"best of {args.repeats} rounds. Documents refused: {refused}. One-time detector build and model load: "
             f"{cold:.2f} s.",
             "", "| step | s per MB of text | share of model tagging |", "|---|---:|---:|"]
    table += [f"| {name} | {t / mb:.3f} | {t / extract:.1%} |" for name, t in rows]
    text = "\n".join(table)
    print(text)
    if not args.no_readme:
        update_readme("ingest_cost", text)


def _without_shortcut(language, texts):
    real = language.looks_english
    language.looks_english = lambda window: False
    try:
        return [language.foreign_language(t) for t in texts]
    finally:
        language.looks_english = real


if __name__ == "__main__":
    main()
