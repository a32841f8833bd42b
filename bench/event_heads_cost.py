"""What the event heads cost at extraction: time with them against without, same process, as a ratio.

    .venv/bin/python bench/event_heads_cost.py                      # MiniLM-L6-sized model, random heads
    .venv/bin/python bench/event_heads_cost.py --model runs/default

The heads (triggers, roles, modality) read the last hidden states of the rows the entity
decoder reads, in the same forward (the lean BERT path), so their cost is three small
matrix multiplies per word and the decoding of their outputs. Two paths are timed on the
same texts, alternating in rounds so that both see the same load from other processes:

- tagging: ``EntityTagger.predict_documents`` against ``predict_with_events`` (forward +
  entity decoding, and with heads also their merge and trigger/role/modality reading);
- extraction: tagging, then the event rules (``build_records``), and with heads the
  per-field application of their outputs (``apply_fields``, every field ``learned``).

Without ``--model`` (or with a model saved without heads) the heads are random: the same
work per token as trained ones. Texts: the dev split's documents (the first ``--docs``),
``--copies`` times.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from common import machine, update_readme  # noqa: E402

REPO = Path(__file__).parent.parent


def load_tagger(path: str | None):
    from conflict_ner.tagging.event_heads import EventHeadSettings, EventHeads
    from conflict_ner.tagging.tagger import EntityTagger

    name = path
    if path is None:
        from conflict_ner.labels import LABELS
        from conflict_ner.tagging.loading import load_tokenizer
        from conflict_ner.training.config import ModelConfig
        from conflict_ner.training.modeling import build_model

        out = Path(tempfile.mkdtemp()) / "minilm"
        torch.manual_seed(0)
        build_model(ModelConfig(base_model="packaged:all-MiniLM-L6-v2"), list(LABELS)).save_pretrained(out)
        load_tokenizer("packaged:all-MiniLM-L6-v2").save_pretrained(out)
        path, name = str(out), "all-MiniLM-L6-v2 architecture, untrained heads"
    tagger = EntityTagger.from_pretrained(path)
    if tagger.event_heads is None:
        torch.manual_seed(0)
        settings = EventHeadSettings(heads=("triggers", "roles", "modality"), hidden_size=tagger.model.config.hidden_size)
        tagger.event_heads = EventHeads(settings).eval()
        name += " (random event heads)"
    return tagger, name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", help="a trained model folder (default: the default architecture, untrained)")
    parser.add_argument("--docs", type=int, default=None, help="only the first N dev documents")
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's)")
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)

    from conflict_ner.event_fields import apply_fields
    from conflict_ner.events.builder import build_records
    from conflict_ner.text.document import Document

    with open(REPO / "training/corpus/compiled/dev.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle][:args.docs] * args.copies
    docs = [Document(str(i), r["text"]) for i, r in enumerate(rows)]
    published = [r.get("published") for r in rows]
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    tagger, name = load_tagger(args.model)
    learned = {"triggers": "learned", "roles": "learned", "modality": "learned"}

    def tag_plain():
        return tagger.predict_documents(docs)

    def tag_heads():
        return [(ents, events.triggers(), [events.role_of(e.start, e.end) for e in ents if e.label == "ACTOR"])
                for ents, events in tagger.predict_with_events(docs)]

    def extract_plain():
        return [build_records(d.text, ents, p) for d, ents, p in zip(docs, tagger.predict_documents(docs), published)]

    def extract_heads():
        return [apply_fields(build_records(d.text, ents, p), d.text, events, learned)
                for d, (ents, events), p in zip(docs, tagger.predict_with_events(docs), published)]

    steps = {"tagging, no heads": tag_plain, "tagging + heads": tag_heads,
             "extraction, no heads": extract_plain, "extraction + heads": extract_heads}
    for fn in steps.values():  # warm-up: the lean forward copies its weights once per tagger
        fn()
    # wall time, and CPU time of this process (all its threads): on a shared machine the
    # second is far less moved by other processes
    best = {label: [float("inf"), float("inf")] for label in steps}
    for _ in range(args.rounds):
        for label, fn in steps.items():
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            best[label] = [min(best[label][0], time.perf_counter() - wall),
                           min(best[label][1], time.process_time() - cpu)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [f"Measured {time.strftime('%Y-%m-%d')} on {machine()} (load average {load:.1f} at the end); "
             f"{len(docs)} dev documents, {mb:.2f} MB; model: {name}; best of {args.rounds} alternating rounds.",
             "", "| path | no heads: wall / CPU s | with heads: wall / CPU s | ratio wall | ratio CPU |",
             "|---|---:|---:|---:|---:|"]
    for path, plain, heads in (("tagging", "tagging, no heads", "tagging + heads"),
                               ("extraction (tagging + rules)", "extraction, no heads", "extraction + heads")):
        (pw, pc), (hw, hc) = best[plain], best[heads]
        lines.append(f"| {path} | {pw:.2f} / {pc:.2f} | {hw:.2f} / {hc:.2f} | {hw / pw:.3f} | {hc / pc:.3f} |")
    text = "\n".join(lines)
    print(text)
    if not args.no_readme:
        update_readme("event_heads_cost", text)


if __name__ == "__main__":
    main()
