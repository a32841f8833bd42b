"""Reading records for :mod:`conflict_ner.dedup` and writing its groups (``conflict-ner dedup``,
``extract --dedup``).

A records file is JSONL: lines of ``extract``'s output (``{"doc_id", "records": [...], "url",
"title", ...}``) or bare records (the record schema). Lines with an ``error`` are skipped.

>>> import json, tempfile, os
>>> rec = {"doc_id": "a", "sub_event_type": "Armed clash", "locations": [{"text": "Saraqib"}]}
>>> path = os.path.join(tempfile.mkdtemp(), "r.jsonl")
>>> _ = open(path, "w").write(json.dumps({"doc_id": "a", "records": [rec], "url": "https://x.org/1"}) + "\\n")
>>> records, sources = read_records(path)
>>> len(records), sources["a"]["url"]
(1, 'https://x.org/1')
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from conflict_ner.dedup import EventGroup, group_records
from conflict_ner.errors import DataError

_SOURCE_FIELDS = ("url", "title", "site", "source", "published")


def read_records(path: str | Path) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The records of a JSONL file and, per doc_id, its input's fields (url, title, site...).

    Raises DataError naming the file and line of a line that is not a JSON object of either shape.
    """
    records: list[dict[str, Any]] = []
    sources: dict[str, dict[str, Any]] = {}
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(f"cannot read records: {err}", path=str(path)) from None
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise DataError(f"not JSON ({err.msg}, column {err.colno})", path=str(path), line=lineno) from None
        if not isinstance(obj, dict):
            raise DataError("a line must be a JSON object", path=str(path), line=lineno)
        if "records" in obj:
            if obj.get("error"):
                continue
            if not isinstance(obj["records"], list):
                raise DataError("'records' must be a list", path=str(path), line=lineno)
            doc = str(obj.get("doc_id") or f"line-{lineno}")
            sources[doc] = {k: obj[k] for k in _SOURCE_FIELDS if obj.get(k) is not None}
            records.extend(dict(r, doc_id=r.get("doc_id") or doc) for r in obj["records"])
        elif "sub_event_type" in obj or "schema_version" in obj:
            records.append(obj if obj.get("doc_id") else dict(obj, doc_id=f"line-{lineno}"))
        else:
            raise DataError("neither an extract output line (with 'records') nor a record "
                            "(with 'sub_event_type')", path=str(path), line=lineno)
    return records, sources


def write_groups(groups: Sequence[EventGroup], path: str | Path) -> None:
    """One group a line, as :meth:`EventGroup.to_dict`."""
    text = "".join(json.dumps(g.to_dict(), ensure_ascii=False) + "\n" for g in groups)
    Path(path).write_text(text, encoding="utf-8")


def dedup_file(records_path: str | Path, output: str | Path, *, max_km: float | None = None,
               keep_singletons: bool = True) -> list[EventGroup]:
    """Group the records of ``records_path`` and write the groups to ``output``."""
    records, sources = read_records(records_path)
    kwargs = {"max_km": max_km} if max_km is not None else {}
    groups = group_records(records, sources=sources, keep_singletons=keep_singletons, **kwargs)
    write_groups(groups, output)
    return groups


def summary(groups: Sequence[EventGroup]) -> str:
    """``N records in M groups (K reported by several documents)``."""
    n = sum(len(g.sources) for g in groups)
    multi = sum(len(g.documents) > 1 for g in groups)
    return f"{n} records in {len(groups)} groups ({multi} reported by several documents)"
