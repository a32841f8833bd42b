"""Move the geocoding gold's offsets after an editor changed a document's text.

``geo_gold.tsv`` names each mention by its offsets in the compiled text; an edit before a
mention (a page header added to a document) shifts them, and the gold check then names the
broken lines. A shifted row is re-anchored to the LOCATION span of the same text in the new
document whose surrounding words best match the old ones (so an added mention of the same name
elsewhere does not take it); a row with no such span is reported, not guessed.

    git show REV:training/corpus/compiled/train.jsonl > OLD/compiled/train.jsonl   # each split
    python -m conflict_ner.geo.gold_anchor --old OLD [--gold training/corpus/geo_gold.tsv]

>>> old = "Shells hit Sirte. Later Sirte was calm."
>>> new = "Home / News\\nShells hit Sirte. Later Sirte was calm."
>>> spans = [(23, 28), (36, 41)]
>>> anchor(old, 24, 29, new, spans), anchor(old, 11, 16, new, spans)
((36, 41), (23, 28))
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Sequence
from difflib import SequenceMatcher
from pathlib import Path

from conflict_ner.geo.evaluate import GOLD_COLUMNS, read_documents, read_locations

_CONTEXT = 40


def anchor(old_text: str, start: int, end: int, new_text: str, spans: Sequence[tuple[int, int]]) \
        -> tuple[int, int] | None:
    """The span of ``new_text`` that the mention ``old_text[start:end]`` became: a LOCATION span
    of the same text, the one whose neighbouring words are most like the old ones; None if none."""
    name = old_text[start:end]
    same = [(s, e) for s, e in spans if new_text[s:e] == name]
    if not same:
        return None
    before, after = old_text[max(0, start - _CONTEXT):start], old_text[end:end + _CONTEXT]

    def likeness(span: tuple[int, int]) -> tuple[float, float]:
        s, e = span
        near = SequenceMatcher(None, before, new_text[max(0, s - _CONTEXT):s]).ratio() \
            + SequenceMatcher(None, after, new_text[e:e + _CONTEXT]).ratio()
        return near, -abs(s - start)

    return max(same, key=likeness)


def reanchor_gold(gold: str | Path, old_corpus: str | Path, corpus: str | Path) -> tuple[int, list[str]]:
    """Rewrite the offsets of the gold's shifted rows in place; the number of rows moved and a
    'line N: why' for each row that could not be placed (left as it was)."""
    gold = Path(gold)
    old_texts, texts, spans = read_documents(old_corpus), read_documents(corpus), read_locations(corpus)
    lines = gold.read_text(encoding="utf-8").splitlines(keepends=True)
    moved, problems = 0, []
    for number, line in enumerate(lines[1:], 2):
        cols = next(csv.reader(io.StringIO(line), delimiter="\t", quoting=csv.QUOTE_NONE), [])
        if len(cols) < len(GOLD_COLUMNS):
            continue
        doc_id, start, end, name = cols[0], int(cols[1]), int(cols[2]), cols[3]
        text = texts.get(doc_id)
        if text is None:
            problems.append(f"line {number}: no document {doc_id}")
            continue
        if text[start:end] == name and (start, end) in set(spans.get(doc_id, ())):
            continue
        old = old_texts.get(doc_id, "")
        if old[start:end] != name:
            problems.append(f"line {number}: {name!r} is not {doc_id}[{start}:{end}] in the old corpus either")
            continue
        found = anchor(old, start, end, text, spans.get(doc_id, ()))
        if found is None:
            problems.append(f"line {number}: no LOCATION span {name!r} left in {doc_id}")
            continue
        cols[1], cols[2] = str(found[0]), str(found[1])
        lines[number - 1] = "\t".join(cols) + ("\n" if line.endswith("\n") else "")
        moved += 1
    gold.write_text("".join(lines), encoding="utf-8")
    return moved, problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m conflict_ner.geo.gold_anchor", description=__doc__.split("\n")[0])
    parser.add_argument("--old", required=True, help="a corpus folder whose compiled/ the gold was built against")
    parser.add_argument("--gold", default="training/corpus/geo_gold.tsv")
    parser.add_argument("--corpus", default="training/corpus")
    args = parser.parse_args(argv)
    moved, problems = reanchor_gold(args.gold, args.old, args.corpus)
    print(f"{args.gold}: {moved} rows moved, {len(problems)} not placed")
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
