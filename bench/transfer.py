"""How a model transfers to text nobody here wrote: one table over every evaluation set.

    .venv/bin/python bench/transfer.py --model runs/default [--out transfer.json]

Rows: the corpus's frozen test split, the documents added since (``test_new``), the
held-out theatres (``heldout``), dev, and the six re3d sources mapped onto our labels.
Columns: strict micro F1 (seqeval over guideline pieces), partial-overlap F1, and F1 on
*unseen mentions*: gold and predicted spans whose lower-cased text never occurs as a
span of the training split (what the model could not have memorised).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from conflict_ner.tagging.tagger import EntityTagger
from conflict_ner.training.data import read_documents
from conflict_ner.training.evaluate import score_entities
from conflict_ner.training.metrics import _prf

COMPILED = Path("training/corpus/compiled")
SETS = [("frozen test", COMPILED / "test.jsonl", None), ("added since (test_new)", COMPILED / "test_new.jsonl", None),
        ("held-out theatres", COMPILED / "heldout.jsonl", None), ("dev", COMPILED / "dev.jsonl", None),
        ("re3d sources", Path("../shared/data/re3d"), "re3d")]


def unseen_scores(docs, predicted, seen: set[str]) -> dict:
    """P/R/F1 restricted to spans whose text was never a training span (exact span and label)."""
    gold_n = pred_n = tp = 0
    for doc, ents in zip(docs, predicted):
        gold = {(s, e, lab) for s, e, lab in doc.spans if doc.text[s:e].lower() not in seen}
        pred = {(x.start, x.end, x.label) for x in ents if x.text.lower() not in seen}
        gold_n, pred_n, tp = gold_n + len(gold), pred_n + len(pred), tp + len(gold & pred)
    return {**_prf(tp, pred_n, gold_n), "gold": gold_n}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="runs/default")
    parser.add_argument("--train", default=str(COMPILED / "train.jsonl"))
    parser.add_argument("--out")
    args = parser.parse_args()
    tagger = EntityTagger.from_pretrained(args.model)
    train = read_documents(args.train, tagger.labels)
    seen = {d.text[s:e].lower() for d in train for s, e, _ in d.spans}
    rows = {}
    print(f"model {args.model}; unseen = span text never a span in {args.train}\n")
    print("| set | docs | strict F1 | partial F1 | unseen-mention F1 (gold n) |\n|---|---:|---:|---:|---:|")
    for name, path, fmt in SETS:
        if not path.exists():
            continue
        docs = read_documents(path, tagger.labels, fmt)
        predicted = tagger.predict_documents(docs)
        metrics = score_entities(docs, predicted)
        unseen = unseen_scores(docs, predicted, seen)
        rows[name] = {"docs": len(docs), "strict": metrics["micro"], "partial": metrics["partial"], "unseen": unseen}
        print(f"| {name} | {len(docs)} | {metrics['micro']['f1']:.3f} | {metrics['partial']['f1']:.3f} | "
              f"{unseen['f1']:.3f} ({unseen['gold']}) |")
    if args.out:
        Path(args.out).write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
