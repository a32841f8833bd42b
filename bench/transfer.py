"""How a model transfers to text nobody here wrote: one table over every evaluation set.

    .venv/bin/python bench/transfer.py --model runs/default [--out transfer.json] [--card] [--step NAME]

``--card [CARD]`` writes the table into a model card (default ``README.md`` in the model folder) between
``<!-- transfer -->`` markers, keeping the rows of earlier steps (``--step`` names this one), so
the card carries the transfer history that the real-pages issue asks for.

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
    parser.add_argument("--card", nargs="?", const="", metavar="CARD",
                        help="write the table into CARD (default: the model's README.md)")
    parser.add_argument("--step", default="this model", help="row name for --card (e.g. '12 epochs, round 3')")
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
    if args.card is not None:
        card = Path(args.card) if args.card else Path(args.model) / "README.md"
        card.write_text(with_transfer_rows(card.read_text(encoding="utf-8") if card.exists() else "", args.step, rows),
                        encoding="utf-8")
        print(f"transfer table written into {card}")


MARK_START, MARK_END = "<!-- transfer -->", "<!-- /transfer -->"
COLUMNS = ["frozen test", "held-out theatres", "re3d sources"]


def with_transfer_rows(card: str, step: str, rows: dict) -> str:
    """``card`` with its transfer table holding one more row, ``step`` (replacing a row of that name).

    >>> out = with_transfer_rows("# m", "a", {"re3d sources": {"strict": {"f1": .5}, "partial": {"f1": .7},
    ...                                                         "unseen": {"f1": .4}}})
    >>> "| a | - | - | - | - | 0.500 / 0.700 / 0.400 |" in out
    True
    """
    def cell(name: str) -> str:
        r = rows.get(name)
        return "-" if r is None else f"{r['strict']['f1']:.3f} / {r['partial']['f1']:.3f} / {r['unseen']['f1']:.3f}"

    names = ["frozen test", "added since (test_new)", "held-out theatres", "dev", "re3d sources"]
    new_row = f"| {step} | " + " | ".join(cell(n) for n in names) + " |"
    header = ["## Transfer to text nobody here wrote", "",
              "Strict / partial / unseen-mention F1 per evaluation set, one row per step "
              "(`bench/transfer.py --model MODEL --card --step NAME`).", "",
              "| step | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    if MARK_START in card:
        before, rest = card.split(MARK_START, 1)
        block, after = rest.split(MARK_END, 1)
        old = [ln for ln in block.splitlines() if ln.startswith("| ") and not ln.startswith("| step")
               and not ln.startswith(f"| {step} |")]
    else:
        before, after, old = card.rstrip("\n") + "\n\n", "\n", []
    return before + MARK_START + "\n" + "\n".join(header + old + [new_row]) + "\n" + MARK_END + after


if __name__ == "__main__":
    main()
