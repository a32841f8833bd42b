"""Event records as Parquet (pyarrow): one row per record, nested as the record's JSON, with the
``model`` that produced it, the ``doc_id`` of its input and the input's fields (``url``,
``title``, ``site``, ``published``...).

Written from the batch path's JSONL lines (:func:`write_parquet`), streamed in row groups, so a
large run needs memory for one group only; the file appears whole or not at all (a temporary
file renamed over it). The schema is fixed (:data:`RECORD_SCHEMA`), so files of different runs
concatenate.

>>> [f.name for f in RECORD_SCHEMA][:5]
['doc_id', 'model', 'record', 'schema_version', 'event_type']
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from conflict_ner.geo.gazetteer import CREDIT as GEO_CREDIT

_S, _I = pa.string(), pa.int64()
_SPAN = [("text", _S), ("start", _I), ("end", _I)]
_GEO = pa.struct([("name", _S), ("geonames_id", _I), ("latitude", pa.float64()), ("longitude", pa.float64()),
                  ("country_iso", _S), ("country", _S), ("admin1", _S), ("admin2", _S), ("geo_precision", _I)])
#: The input's fields that become columns (``meta``, a JSONL input's own fields, as a JSON string).
INPUT_FIELDS = ("source", "url", "title", "site", "published", "published_from", "meta")
RECORD_SCHEMA = pa.schema([
    ("doc_id", _S), ("model", _S), ("record", _I), ("schema_version", _S),
    ("event_type", _S), ("sub_event_type", _S), ("trigger", pa.struct(_SPAN)),
    ("sentence", pa.struct(_SPAN)),
    ("date", pa.struct([("value", _S), ("precision", _S), ("text", _S), ("start", _S), ("end", _S),
                        ("source", _S)])),
    ("actors", pa.list_(pa.struct(_SPAN + [("role", _S), ("canonical", _S), ("actor_type", _S),
                                           ("inter_code", _I)]))),
    ("locations", pa.list_(pa.struct(_SPAN + [("geo", _GEO)]))),
    ("weapons", pa.list_(pa.struct(_SPAN))),
    ("counts", pa.list_(pa.struct(_SPAN + [("value", _I), ("low", _I), ("high", _I), ("counted", _S),
                                           ("outcome", _S), ("cumulative", pa.bool_())]))),
    ("modality", _S), ("attribution", pa.struct(_SPAN)), ("confidence", pa.float64()),
    *[(name, _S) for name in INPUT_FIELDS],
], metadata={"geo_credit": f"locations.geo: {GEO_CREDIT}"})  # GeoNames' licence asks for the credit
ROWS_PER_GROUP = 20_000
# a lone surrogate (a JSON line may hold one as an escape) has no UTF-8 form
_SURROGATE = re.compile("[\ud800-\udfff]")


def record_rows(line: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The Parquet rows of one batch output line: one per record (none for a failed input).

    >>> line = {"doc_id": "a", "model": "m", "error": None, "url": "https://x.org/1",
    ...         "records": [{"schema_version": "2", "event_type": "Battles"}]}
    >>> [(r["doc_id"], r["model"], r["record"], r["event_type"], r["url"]) for r in record_rows(line)]
    [('a', 'm', 0, 'Battles', 'https://x.org/1')]
    """
    if line.get("error") is not None:
        return
    inputs = {name: line.get(name) for name in INPUT_FIELDS}
    if inputs["meta"] is not None:
        inputs["meta"] = json.dumps(inputs["meta"], ensure_ascii=False, sort_keys=True)
    for i, record in enumerate(line.get("records") or ()):
        yield {"doc_id": line.get("doc_id"), "model": line.get("model"), "record": i, **record, **inputs}


def write_parquet(lines: Iterable[dict[str, Any]], path: str | Path, *, rows_per_group: int = ROWS_PER_GROUP) -> int:
    """Write the records of batch output lines to ``path`` (replaced whole); returns the rows written."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    names = RECORD_SCHEMA.names
    written = 0
    try:
        with pq.ParquetWriter(tmp, RECORD_SCHEMA) as writer:
            batch: list[dict[str, Any]] = []
            for line in lines:
                batch.extend(record_rows(line))
                if len(batch) >= rows_per_group:
                    writer.write_table(_table(batch, names))
                    written += len(batch)
                    batch = []
            if batch or not written:  # an empty file still has its schema
                writer.write_table(_table(batch, names))
                written += len(batch)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return written


def jsonl_to_parquet(jsonl: str | Path, path: str | Path) -> int:
    """Convert a batch JSONL output (blank lines skipped) into a Parquet file of its records."""
    with open(jsonl, encoding="utf-8") as handle:
        return write_parquet((json.loads(raw) for raw in handle if raw.strip()), path)


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a records Parquet file as dicts (nested fields as the record's JSON)."""
    return pq.read_table(path).to_pylist()


def _table(rows: list[dict[str, Any]], names: list[str]) -> pa.Table:
    # keep only the schema's columns: a record of another version may carry fields this one lacks
    return pa.Table.from_pylist([{k: _clean(row.get(k)) for k in names} for row in rows], schema=RECORD_SCHEMA)


def _clean(value: Any) -> Any:
    """``value`` with lone surrogates in its strings replaced one-for-one by U+FFFD (offsets hold)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
