"""The event-record JSON schema (a copy of ../shared/event-record.schema.json) and its validator.

>>> record_errors({"schema_version": "1"})[0].startswith("'doc_id' is a required property")
True
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

SCHEMA_VERSION = "1"


@lru_cache(maxsize=1)
def event_record_schema() -> dict[str, Any]:
    """The record schema shipped with the package."""
    return json.loads(resources.files("conflict_ner").joinpath("resources/event-record.schema.json").read_text())


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(event_record_schema(), format_checker=jsonschema.FormatChecker())


def record_errors(record: dict[str, Any]) -> list[str]:
    """Schema violations of one record, as messages with their JSON path (empty if valid)."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    return [f"{e.message}" + (f" (at {'/'.join(map(str, e.absolute_path))})" if e.absolute_path else "")
            for e in errors]
