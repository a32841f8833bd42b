"""Build the per-record sub-event type model's counts from the train split's event gold.

:mod:`conflict_ner.events.type_model` reads ``resources/type_counts.json``: how many train gold
records had each sub-event type, and per :func:`~conflict_ner.events.type_model.features`
feature, how often it came with each type. Plain counts, so a rebuild from the same corpus
writes the same file; ``data build`` rewrites it with the trigger table
(:func:`conflict_ner.training.corpus.trigger_table.refresh_packaged`).

>>> rec = {"sub_event_type": "Attack", "trigger": {"text": "shot"}, "sentence": {"text": "Gunmen shot two farmers."},
...        "actors": [{"text": "Gunmen", "role": "initiator"}], "weapons": [], "counts": []}
>>> print(dumps(count_records([rec])), end="")
{"classes": {"Attack": 1}, "features": {
"initiator=gunmen": {"Attack": 1},
"t=shot": {"Attack": 1},
"tw=shot": {"Attack": 1},
"w=farmers": {"Attack": 1},
"w=gunmen": {"Attack": 1},
"w=shot": {"Attack": 1},
"w=two": {"Attack": 1}
}}
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

import conflict_ner
from conflict_ner.errors import DataError
from conflict_ner.events.type_model import RESOURCE, features
from conflict_ner.training.corpus.trigger_table import EVENTS, SPLITS, train_records


def packaged_path() -> Path:
    """Where the package keeps the counts (in this checkout's ``src/conflict_ner/resources``)."""
    return Path(conflict_ner.__file__).resolve().parent / "resources" / RESOURCE


def record_features(rec: Mapping) -> list[str]:
    """The model's features of a gold record (a compiled ``events.jsonl`` record)."""
    trigger = rec.get("trigger") or {}
    return features(trigger.get("text"), rec["sentence"]["text"],
                    [(a["text"], a.get("role") or "unknown") for a in rec.get("actors") or []],
                    [w["text"] for w in rec.get("weapons") or []],
                    [(c.get("outcome") or "other", c.get("counted")) for c in rec.get("counts") or []])


def count_records(records: Iterable[Mapping]) -> dict:
    """Class and feature-by-class counts of typed records, sorted for a stable file."""
    classes: Counter = Counter()
    table: dict[str, Counter] = defaultdict(Counter)
    for rec in records:
        sub = rec["sub_event_type"]
        classes[sub] += 1
        for f in record_features(rec):
            table[f][sub] += 1
    return {"classes": dict(sorted(classes.items())),
            "features": {f: dict(sorted(c.items())) for f, c in sorted(table.items())}}


def build(events: str | Path = EVENTS, splits: str | Path = SPLITS) -> dict:
    """The counts over the typed gold records of the train documents."""
    records = []
    for lineno, rec in train_records(events, splits):
        if not isinstance(rec.get("sentence"), dict) or not isinstance(rec["sentence"].get("text"), str):
            raise DataError("a record without its sentence text", path=str(events), line=lineno)
        records.append(rec)
    return count_records(records)


def dumps(counts: Mapping) -> str:
    """The counts as the packaged file writes them: one feature a line, so a rebuild diffs by feature."""
    lines = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
             for k, v in counts["features"].items()]
    head = json.dumps(counts["classes"], ensure_ascii=False)
    return f'{{"classes": {head}, "features": {{\n' + ",\n".join(lines) + "\n}}\n"


def write(corpus: Path, resource: Path) -> None:
    """Rewrite ``resource`` from ``corpus`` when its text changes."""
    text = dumps(build(corpus / "compiled" / "events.jsonl", corpus / "splits.tsv"))
    if not resource.is_file() or resource.read_text(encoding="utf-8") != text:
        resource.write_text(text, encoding="utf-8")
