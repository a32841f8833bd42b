"""Build the rules' trigger -> sub-event type table from the train split's event gold.

The table (``src/conflict_ner/resources/trigger_types.json``) counts, over the train documents
of ``splits.tsv`` only, each gold trigger (:func:`~conflict_ner.events.type_lexicon.key`) by
sub-event type; :mod:`conflict_ner.events.type_lexicon` reads it at inference. ``data build``
rewrites it beside the corpus compile (:func:`refresh_packaged`); so does
``python -m conflict_ner.training.corpus.trigger_table`` from the repository root.

>>> print(dumps({"shelled": {"Shelling/artillery/missile attack": 3}}), end="")
{
"shelled": {"Shelling/artillery/missile attack": 3}
}
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import conflict_ner
from conflict_ner.errors import DataError
from conflict_ner.events.type_lexicon import RESOURCE, Table, key
from conflict_ner.records import TYPE_OF_SUB_EVENT
from conflict_ner.training.corpus.build import read_splits
from conflict_ner.training.readers.jsonl import json_objects

EVENTS = "training/corpus/compiled/events.jsonl"
SPLITS = "training/corpus/splits.tsv"


def packaged_path() -> Path:
    """Where the package keeps the table (in this checkout's ``src/conflict_ner/resources``)."""
    return Path(conflict_ner.__file__).resolve().parent / "resources" / RESOURCE


def train_ids(splits: str | Path) -> set[str]:
    """The ids of the train documents of a ``splits.tsv``; a missing file is an error (an
    empty table would silently switch the lexicon off)."""
    if not Path(splits).is_file():
        raise DataError("no such splits file", path=str(splits))
    return {doc for doc, split in read_splits(Path(splits)).items() if split == "train"}


def train_records(events: str | Path = EVENTS, splits: str | Path = SPLITS) -> Iterator[tuple[int, dict]]:
    """(line, record) for each gold record with a sub-event type in the train documents of
    ``events``; a malformed line or an unknown type is an error naming the file and line."""
    train = train_ids(splits)
    for lineno, obj in json_objects(events):
        if not isinstance(obj, dict) or not isinstance(obj.get("records"), list):
            raise DataError("expected an object with a list of 'records'", path=str(events), line=lineno)
        if obj.get("doc_id") not in train:
            continue
        for rec in obj["records"]:
            sub = rec.get("sub_event_type")
            if not sub:
                continue
            if sub not in TYPE_OF_SUB_EVENT:
                raise DataError(f"unknown sub_event_type {sub!r}", path=str(events), line=lineno)
            yield lineno, rec


def build(events: str | Path = EVENTS, splits: str | Path = SPLITS) -> dict[str, dict[str, int]]:
    """Counts of sub-event types per gold trigger over the train documents, sorted for a stable file."""
    table: dict[str, Counter] = defaultdict(Counter)
    for _, rec in train_records(events, splits):
        if rec.get("trigger"):
            table[key(rec["trigger"]["text"])][rec["sub_event_type"]] += 1
    return {k: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for k, c in sorted(table.items())}


def dumps(table: Table) -> str:
    """The table as the packaged file writes it: one trigger a line, so a rebuild diffs by trigger."""
    lines = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in table.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def refresh_packaged(corpus: str | Path, resource: Path | None = None) -> Path | None:
    """Rewrite the packaged table from ``corpus`` when it is this checkout's own corpus
    (``<repo>/training/corpus`` beside ``<repo>/src/conflict_ner``), so `data build` keeps the table
    in step with the train gold (with the type model's counts beside it,
    :mod:`.type_counts`); ``None`` (nothing written) for any other corpus or an installed
    package. Returns the trigger table's file."""
    corpus = Path(corpus).resolve()
    resource = resource or packaged_path()
    repo = resource.parents[3]
    if corpus != repo / "training" / "corpus" or not resource.is_file():
        return None
    text = dumps(build(corpus / "compiled" / "events.jsonl", corpus / "splits.tsv"))
    if resource.read_text(encoding="utf-8") != text:
        resource.write_text(text, encoding="utf-8")
    # the per-record type model's counts come from the same train gold: keep them in step too
    from conflict_ner.training.corpus import type_counts

    type_counts.write(corpus, resource.parent / type_counts.RESOURCE)
    return resource


def main(argv: list[str] | None = None) -> int:
    """Rewrite the packaged table (or the file given) from the corpus (run from the repository root)."""
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else packaged_path()
    table = build()
    out.write_text(dumps(table), encoding="utf-8")
    print(f"{len(table)} triggers -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
