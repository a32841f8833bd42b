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

A model trained with re3d sources (``data.extra_train``) is scored only on the sources it
did not train on (the row says how many); its figure on all of re3d comes from
leave-sources-out fold models (``bench/re3d_sources_cv.py``), whose JSON ``--re3d-cv``
puts into the card's re3d cell (strict / partial; unseen not computed there).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from conflict_ner.tagging.tagger import EntityTagger
from conflict_ner.training.data import read_documents
from conflict_ner.training.evaluate import score_entities
from conflict_ner.training.metrics import _prf
from conflict_ner.training.readers.re3d import source_folders

sys.path.insert(0, str(Path(__file__).parent))
from re3d_sources_cv import trained_sources  # noqa: E402

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
    parser.add_argument("--re3d-cv", metavar="JSON", help="bench/re3d_sources_cv.py --out file: the card's re3d cell")
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
        if fmt == "re3d":
            name, docs = _re3d_docs(args.model, path, tagger.labels)
            if not docs:
                print(f"| {name} | 0 | - | - | - |")
                continue
        else:
            docs = read_documents(path, tagger.labels, fmt)
        predicted = tagger.predict_documents(docs)
        metrics = score_entities(docs, predicted)
        unseen = unseen_scores(docs, predicted, seen)
        rows[name] = {"docs": len(docs), "strict": metrics["micro"], "partial": metrics["partial"], "unseen": unseen}
        print(f"| {name} | {len(docs)} | {metrics['micro']['f1']:.3f} | {metrics['partial']['f1']:.3f} | "
              f"{unseen['f1']:.3f} ({unseen['gold']}) |")
    if args.re3d_cv:
        pooled = json.loads(Path(args.re3d_cv).read_text(encoding="utf-8"))["all sources (pooled)"]["cv"]
        rows["re3d sources"] = {"docs": pooled["docs"], "strict": {"f1": pooled["strict"]},
                                "partial": {"f1": pooled["partial"]}, "unseen": None, "cross_validated": True}
    if args.out:
        Path(args.out).write_text(json.dumps(rows, indent=2))
    if args.card is not None:
        card = Path(args.card) if args.card else Path(args.model) / "README.md"
        card.write_text(with_transfer_rows(card.read_text(encoding="utf-8") if card.exists() else "", args.step, rows),
                        encoding="utf-8")
        print(f"transfer table written into {card}")


def _re3d_docs(model: str, root: Path, labels: list[str]) -> tuple[str, list]:
    """The re3d documents of the sources ``model`` did not train on, and the row's name."""
    config = Path(model) / "training_config.yaml"
    trained = trained_sources(model, root) if config.is_file() else set()
    if not trained:
        return "re3d sources", read_documents(root, labels, "re3d")
    folders = [f for f in source_folders(root) if f.name not in trained]
    name = f"re3d sources not trained on ({len(folders)} of {len(folders) + len(trained)}; see re3d_sources_cv.py)"
    return name, [d for f in folders for d in read_documents(f, labels, "re3d")]


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
        if r is None:
            return "-"
        unseen = "-" if r.get("unseen") is None else f"{r['unseen']['f1']:.3f}"
        cv = " (leave-sources-out CV)" if r.get("cross_validated") else ""
        return f"{r['strict']['f1']:.3f} / {r['partial']['f1']:.3f} / {unseen}{cv}"

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
