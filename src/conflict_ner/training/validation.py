"""Validation of documents read from any source.

Every reader calls :func:`validate_document`; a problem raises :class:`DataError`
naming the file, line and document id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from conflict_ner.text.document import Document
from conflict_ner.errors import DataError


def parse_document(obj: Any, *, path: str, line: int) -> Document:
    """Build a :class:`Document` from one native JSONL object, checking field types."""
    if not isinstance(obj, dict):
        raise DataError("expected a JSON object", path=path, line=line)
    doc_id = obj.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise DataError("missing or empty string field 'id'", path=path, line=line)
    unknown = set(obj) - {"id", "text", "spans", "published", "meta", "tokens"}
    if unknown:
        raise DataError(f"unknown field(s) {sorted(unknown)}", path=path, line=line, doc_id=doc_id)
    text = obj.get("text")
    if not isinstance(text, str):
        raise DataError("field 'text' must be a string", path=path, line=line, doc_id=doc_id)
    raw_spans = obj.get("spans", [])
    if not isinstance(raw_spans, list):
        raise DataError("field 'spans' must be a list", path=path, line=line, doc_id=doc_id)
    spans = []
    for i, span in enumerate(raw_spans):
        if (not isinstance(span, list) or len(span) != 3 or not all(type(v) is int for v in span[:2])
                or not isinstance(span[2], str)):
            raise DataError(f"span #{i} must be [start, end, label], got {span!r}",
                            path=path, line=line, doc_id=doc_id)
        spans.append((span[0], span[1], span[2]))
    meta = obj.get("meta")
    meta = {} if meta is None else meta
    if not isinstance(meta, dict):
        raise DataError("field 'meta' must be an object", path=path, line=line, doc_id=doc_id)
    tokens = obj.get("tokens")
    if tokens is not None:
        tokens = _parse_tokens(tokens, path=path, line=line, doc_id=doc_id)
    return Document(doc_id, text, spans, obj.get("published"), meta, tokens)


def _parse_tokens(raw: Any, *, path: str, line: int, doc_id: str) -> list[tuple[int, int]]:
    def fail(msg: str) -> DataError:
        return DataError(msg, path=path, line=line, doc_id=doc_id)

    if not isinstance(raw, list):
        raise fail(f"field 'tokens' must be a list of [start, end] pairs, got {type(raw).__name__}")
    out = []
    for i, pair in enumerate(raw):
        if not isinstance(pair, list) or len(pair) != 2 or not all(type(v) is int for v in pair):
            raise fail(f"tokens #{i} must be [start, end] with integer offsets, got {pair!r}")
        out.append((pair[0], pair[1]))
    return out


def validate_document(doc: Document, labels: Iterable[str], *, path: str | None = None,
                      line: int | None = None) -> Document:
    """Check offsets, overlaps, word boundaries, labels and the date; return ``doc``.

    >>> validate_document(Document("d", "Rebels fired.", [(0, 5, "ACTOR")]), ["ACTOR"])
    Traceback (most recent call last):
    ...
    conflict_ner.errors.DataError: document d: span [0, 5) 'Rebel' ends inside a word
    """
    labels = set(labels)

    def fail(msg: str, offset: int | None = None) -> DataError:
        return DataError(msg, path=path, line=line, doc_id=doc.id, offset=offset)

    if doc.published is not None:
        try:
            dt.date.fromisoformat(doc.published)
        except (TypeError, ValueError):
            raise fail(f"'published' must be YYYY-MM-DD or null, got {doc.published!r}") from None
        if len(doc.published) != 10:
            raise fail(f"'published' must be YYYY-MM-DD or null, got {doc.published!r}")
    n = len(doc.text)
    if doc.tokens is not None:
        _check_tokens(doc.tokens, n, fail)
    units = doc.units()
    starts = doc.unit_starts()
    ends = {e for _, e in units}
    prev_end, prev = -1, None
    for start, end, label in sorted(doc.spans):
        where = f"span [{start}, {end})"
        if not 0 <= start < end <= n:
            raise fail(f"{where} lies outside the text (length {n}) or is empty", start)
        surface = doc.text[start:end]
        where += f" {surface!r}"
        if label not in labels:
            raise fail(f"{where} has unknown label {label!r} (expected one of {sorted(labels)})", start)
        if start < prev_end:
            raise fail(f"{where} overlaps span {prev!r}", start)
        if start not in starts:
            raise fail(f"{where} starts inside a word", start)
        if end not in ends:
            raise fail(f"{where} ends inside a word", start)
        prev_end, prev = end, surface
    doc.spans = sorted(doc.spans)
    return doc


def _check_tokens(tokens: list[tuple[int, int]], n: int, fail) -> None:
    """Given tokens must be non-empty, inside the text, in order and not overlapping."""
    prev_end = 0
    for i, (start, end) in enumerate(tokens):
        if not 0 <= start < end <= n:
            raise fail(f"tokens #{i} [{start}, {end}) lies outside the text (length {n}) or is empty", start)
        if start < prev_end:
            raise fail(f"tokens #{i} [{start}, {end}) overlaps or precedes the token before it", start)
        prev_end = end
