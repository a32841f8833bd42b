"""Trigger words -> sub-event types, counted from the train split's event gold.

The rules' cues (:mod:`.types`) name the means of most acts; where none does ("a Russian
strike killed nine", "the city was retaken"), the words the annotators marked as the
trigger of an act of known type still tell it. :func:`build` counts, over the train
documents of ``training/corpus/splits.tsv`` only, each gold trigger (lower case, spaces
collapsed) by sub-event type; the table is packaged as ``resources/trigger_types.json``
and regenerated with ``python -m conflict_ner.events.type_lexicon``.

>>> table = {"strikes": {"Air/drone strike": 8, "Armed clash": 1}}
>>> likely_type("Strikes", table)
'Air/drone strike'
>>> likely_type("killed", {"killed": {"Armed clash": 5, "Attack": 5}}) is None
True
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path

from conflict_ner.errors import DataError
from conflict_ner.records import TYPE_OF_SUB_EVENT

Table = Mapping[str, Mapping[str, int]]

EVENTS = "training/corpus/compiled/events.jsonl"
SPLITS = "training/corpus/splits.tsv"
RESOURCE = "trigger_types.json"
#: A trigger speaks for a type when seen this often in train gold ...
MIN_SEEN = 5
#: ... and with this type this share of the time (tuned on dev; see ANNOTATION.md section 8).
MIN_SHARE = 0.7


def key(trigger: str) -> str:
    """The table's key of a trigger: lower case, spaces collapsed.

    >>> key("Air  Strikes")
    'air strikes'
    """
    return " ".join(trigger.lower().split())


def train_ids(splits: str | Path) -> set[str]:
    """The ids of the train documents in a ``doc_id<TAB>split`` file (``#`` lines are comments)."""
    out = set()
    for lineno, line in enumerate(Path(splits).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise DataError("expected 'doc_id<TAB>split'", path=str(splits), line=lineno)
        if parts[1].strip() == "train":
            out.add(parts[0].strip())
    return out


def build(events: str | Path = EVENTS, splits: str | Path = SPLITS) -> dict[str, dict[str, int]]:
    """Counts of sub-event types per gold trigger over the train documents, sorted for a stable file."""
    train = train_ids(splits)
    table: dict[str, Counter] = defaultdict(Counter)
    for lineno, obj in _json_lines(Path(events)):
        if not isinstance(obj, dict) or not isinstance(obj.get("records"), list):
            raise DataError("expected an object with a list of 'records'", path=str(events), line=lineno)
        if obj.get("doc_id") not in train:
            continue
        for rec in obj["records"]:
            trigger, sub = rec.get("trigger"), rec.get("sub_event_type")
            if not trigger or not sub:
                continue
            if sub not in TYPE_OF_SUB_EVENT:
                raise DataError(f"unknown sub_event_type {sub!r}", path=str(events), line=lineno)
            table[key(trigger["text"])][sub] += 1
    return {k: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for k, c in sorted(table.items())}


def _json_lines(path: Path):
    """``(line number, object)`` of each non-blank line of a JSONL file (inference code may not
    import the training readers)."""
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as err:
                raise DataError(f"invalid JSON: {err.msg} at column {err.colno}", path=str(path), line=lineno) from None


@lru_cache(maxsize=1)
def packaged() -> Table:
    """The packaged table (``resources/trigger_types.json``)."""
    raw = resources.files("conflict_ner").joinpath("resources", RESOURCE).read_text(encoding="utf-8")
    return json.loads(raw)


def likely_type(trigger: str, table: Table | None = None, *, min_seen: int = MIN_SEEN,
                min_share: float = MIN_SHARE) -> str | None:
    """The sub-event type a trigger almost always had in train gold, or None when it was rare or split."""
    counts = (packaged() if table is None else table).get(key(trigger))
    if not counts:
        return None
    total = sum(counts.values())
    best, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return best if total >= min_seen and n / total >= min_share else None


def dumps(table: Table) -> str:
    """The table as the packaged file writes it: one trigger a line, so a rebuild diffs by trigger.

    >>> print(dumps({"shelled": {"Shelling/artillery/missile attack": 3}}), end="")
    {
    "shelled": {"Shelling/artillery/missile attack": 3}
    }
    """
    lines = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in table.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def refresh_packaged(corpus: str | Path) -> Path | None:
    """Rewrite the packaged table from ``corpus`` when it is this checkout's own corpus
    (``<repo>/training/corpus`` beside ``<repo>/src/conflict_ner``), so `data build` keeps the table
    in step with the train gold; ``None`` (nothing written) for any other corpus or an installed
    package. Returns the file written."""
    corpus = Path(corpus).resolve()
    resource = Path(__file__).resolve().parents[1] / "resources" / RESOURCE
    repo = resource.parents[3]
    if corpus != repo / "training" / "corpus" or not resource.is_file():
        return None
    table = build(corpus / "compiled" / "events.jsonl", corpus / "splits.tsv")
    text = dumps(table)
    if resource.read_text(encoding="utf-8") != text:
        resource.write_text(text, encoding="utf-8")
    return resource


def main(argv: list[str] | None = None) -> int:
    """Rewrite the packaged table from the corpus (run from the repository root)."""
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "resources" / RESOURCE
    table = build()
    out.write_text(dumps(table), encoding="utf-8")
    print(f"{len(table)} triggers -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
