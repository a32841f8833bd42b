"""The event-record JSON schemas shipped with the package, and their validator.

Version 2 (``resources/event-record.schema.v2.json``) is what the extractor writes, what the
corpus's event gold compiles to, and the project's source of truth; version 1
(``resources/event-record.schema.json``, a copy of ``../shared/event-record.schema.json``)
stays readable for old gold. A record is checked against the version it names.

>>> record_errors({"schema_version": "2"})[0].startswith("'doc_id' is a required property")
True
>>> record_errors({"schema_version": "0"})
["unknown schema_version '0' (this package reads '1' and '2')"]
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

from conflict_ner.records import RECORD_VERSION

#: The version of the records the extractor writes.
SCHEMA_VERSION = RECORD_VERSION
#: The version the corpus's event gold is compiled in (markup v2: triggers, sub-event types, roles).
GOLD_SCHEMA_VERSION = "2"
#: Written in place of a gold record's missing type, for validation only (see :func:`gold_record_errors`).
_UNTYPED = {"event_type": "Strategic developments", "sub_event_type": "Other"}
_FILES = {"1": "event-record.schema.json", "2": "event-record.schema.v2.json"}


@lru_cache(maxsize=None)
def event_record_schema(version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """The record schema of ``version`` shipped with the package."""
    if version not in _FILES:
        raise ValueError(f"unknown schema_version {version!r} (this package reads {' and '.join(map(repr, _FILES))})")
    return json.loads(resources.files("conflict_ner").joinpath("resources", _FILES[version]).read_text("utf-8"))


@lru_cache(maxsize=None)
def _validator(version: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(event_record_schema(version), format_checker=jsonschema.FormatChecker())


def record_errors(record: dict[str, Any], version: str | None = None) -> list[str]:
    """Schema violations of one record, as messages with their JSON path (empty if valid).

    The record is checked against ``version``, by default the one its ``schema_version`` names
    (a record without one against the current version).
    """
    if version is None:
        named = record.get("schema_version") if isinstance(record, dict) else None
        version = named if isinstance(named, str) else SCHEMA_VERSION
    if version not in _FILES:
        return [f"unknown schema_version {version!r} (this package reads {' and '.join(map(repr, _FILES))})"]
    errors = sorted(_validator(version).iter_errors(record), key=lambda e: list(e.absolute_path))
    return [f"{e.message}" + (f" (at {'/'.join(map(str, e.absolute_path))})" if e.absolute_path else "")
            for e in errors]


def gold_record_errors(record: dict[str, Any]) -> list[str]:
    """Schema violations of a compiled gold record.

    While the corpus moves to markup v2, a gold record may not have its sub-event type yet: it
    is compiled without ``event_type``/``sub_event_type`` (an *untyped* record, counted by
    ``conflict-ner data check``) and checked as if it had ACLED's catch-all type, so every
    other field is still held to the schema. A typed record is checked as it is.

    >>> gold_record_errors({"schema_version": "2"})[0].startswith("'doc_id' is a required property")
    True
    """
    if isinstance(record, dict) and "event_type" not in record and "sub_event_type" not in record:
        record = {**record, **_UNTYPED}
    return record_errors(record)
