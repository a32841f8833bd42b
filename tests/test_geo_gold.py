"""The hand-geocoded gold (training/corpus/geo_gold.tsv) still indexes the compiled corpus.

An editor who changes a document's text moves offsets; these tests name the gold line that no
longer matches, so the gold is re-checked instead of silently scoring the wrong span.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "training" / "corpus"
GOLD = CORPUS / "geo_gold.tsv"
COLUMNS = ("doc_id start end text split level geonames_id name latitude longitude country_iso3 admin1 "
           "geo_precision source note").split()
SPLITS = ("train", "dev", "test", "test_new", "heldout")


def _corpus(folder: Path) -> dict[str, dict]:
    docs = {}
    for split in SPLITS:
        for line in (folder / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            docs[doc["id"]] = {"split": split, "text": doc["text"],
                               "locations": {(s, e) for s, e, label in doc["spans"] if label == "LOCATION"}}
    return docs


def gold_problems(gold: Path, compiled: Path) -> list[str]:
    """'line N: why' for each gold row that does not fit the compiled corpus or the format.

    >>> gold_problems(GOLD, CORPUS / "compiled")
    []
    """
    docs = _corpus(compiled)
    problems, seen = [], set()
    with open(gold, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        if next(rows) != COLUMNS:
            return ["line 1: header"]
        for number, cols in enumerate(rows, 2):
            row = dict(zip(COLUMNS, cols))
            doc = docs.get(row["doc_id"])
            start, end = int(row["start"]), int(row["end"])
            if len(cols) != len(COLUMNS):
                problems.append(f"line {number}: {len(cols)} columns")
            elif doc is None:
                problems.append(f"line {number}: no document {row['doc_id']}")
            elif doc["text"][start:end] != row["text"]:
                problems.append(f"line {number}: {row['text']!r} is not {row['doc_id']}[{start}:{end}] "
                                f"({doc['text'][start:end]!r})")
            elif (start, end) not in doc["locations"]:
                problems.append(f"line {number}: {row['doc_id']}[{start}:{end}] is not a LOCATION span")
            elif doc["split"] != row["split"]:
                problems.append(f"line {number}: split {row['split']}, the document is in {doc['split']}")
            if (row["doc_id"], start) in seen:
                problems.append(f"line {number}: duplicate")
            seen.add((row["doc_id"], start))
            if row["level"] not in ("place", "admin2", "admin1", "country") or row["geo_precision"] not in "123" \
                    or row["source"] not in ("geonames", "annotator") \
                    or (row["source"] == "geonames") != bool(row["geonames_id"]) and row["level"] != "country":
                problems.append(f"line {number}: level/precision/source")
    return problems


def test_gold_rows_index_location_spans_of_the_compiled_corpus():
    assert gold_problems(GOLD, CORPUS / "compiled") == []


def test_gold_has_its_share_of_each_split_and_places_the_default_gazetteer_lacks():
    rows = list(csv.DictReader(GOLD.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    per_split = {s: sum(r["split"] == s for r in rows) for s in SPLITS}
    lacking = {r["name"] for r in rows if r["source"] == "annotator" and r["level"] in ("place", "admin2")
               and "coded at its seat" not in r["note"] and "falls back" not in r["note"]}
    assert len(rows) >= 450 and per_split["test"] >= 90 and per_split["heldout"] >= 40, per_split
    assert all(per_split.values()), per_split
    assert len(lacking) >= 90


def test_a_shifted_document_is_reported_with_its_gold_line(tmp_path):
    compiled = tmp_path / "compiled"
    compiled.mkdir()
    for split in SPLITS:
        lines = (CORPUS / "compiled" / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
        if split == "test":  # an editor inserts a word at the start of the first gold document
            doc = json.loads(lines[0])
            doc["text"] = "Updated: " + doc["text"]
            lines[0] = json.dumps(doc)
        (compiled / f"{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    first = json.loads((CORPUS / "compiled" / "test.jsonl").read_text(encoding="utf-8").splitlines()[0])["id"]
    problems = gold_problems(GOLD, compiled)
    assert problems and all(first in p for p in problems), problems[:3]
