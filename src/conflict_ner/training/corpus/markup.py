"""Compile the corpus markup (training/ANNOTATION.md, section 4) to documents and gold events.

>>> docs = parse_markup('''### d-1
... published: 2024-05-08
... theatre: Syria
... style: wire
...
... [Rebels](ACTOR) fired [36](COUNT) [rockets](WEAPON).
... ''', path="x.md")
>>> d = docs[0].document; d.text, [d.text[s:e] for s, e, _ in d.spans]
('Rebels fired 36 rockets.', ['Rebels', '36', 'rockets'])
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from conflict_ner.text.document import Document
from conflict_ner.errors import DataError
from conflict_ner.labels import LABELS
from conflict_ner.schema import GOLD_SCHEMA_VERSION, record_errors
from conflict_ner.training.validation import validate_document

_HEADER = re.compile(r"^###\s+(\S+)\s*$")
_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*):\s*(.*)$")
_LABEL = re.compile(r"\(([A-Z]+)\)")
_REQUIRED_HEADERS = ("published", "theatre", "style")
# libyaml's loader where PyYAML has it: the pure-Python one dominates corpus builds.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STYLES = ("wire", "monitor", "military", "ngo", "local", "analysis", "other")


@dataclass
class MarkupDocument:
    """A compiled document with its gold event records and the markup line it starts on."""

    document: Document
    line: int
    events: list[dict[str, Any]] | None = None
    span_lines: list[int] = field(default_factory=list)
    path: str = ""
    #: ``(text offset, markup line)`` where each line of the text starts
    text_lines: list[tuple[int, int]] = field(default_factory=list)

    def line_of(self, offset: int) -> int:
        """The markup line holding text offset ``offset`` (the header line if unknown)."""
        k = bisect_right(self.text_lines, (offset, float("inf"))) - 1
        return self.text_lines[k][1] if k >= 0 else self.line


def _body_to_text(lines: list[tuple[int, str]], path: str, doc_id: str,
                  text_lines: list[tuple[int, int]] | None = None) -> tuple[str, list, list[int]]:
    """Turn markup body lines into plain text, spans and the markup line of each span (and,
    into ``text_lines``, where each text line starts)."""
    paragraphs: list[list[tuple[int, str]]] = [[]]
    for lineno, raw in lines:
        if raw.strip():
            paragraphs[-1].append((lineno, raw.rstrip()))
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    out: list[str] = []
    spans, span_lines = [], []
    pos = 0

    def emit(s: str) -> None:
        nonlocal pos
        out.append(s)
        pos += len(s)

    for pi, para in enumerate(paragraphs):
        if pi:
            emit("\n\n")
        # a span may run on over a line break inside its paragraph, never over a blank line
        open_at, open_col, open_line = None, 0, 0
        for li, (lineno, raw) in enumerate(para):
            if li:
                emit("\n")
            if text_lines is not None:
                text_lines.append((pos, lineno))
            i = 0
            while i < len(raw):
                ch = raw[i]
                if ch == "\\" and i + 1 < len(raw) and raw[i + 1] in "[]\\":
                    emit(raw[i + 1])
                    i += 2
                    continue
                if ch == "[":
                    if open_at is not None:
                        raise DataError(f"column {i + 1}: '[' inside an open span (spans cannot nest;"
                                        " write a literal bracket as '\\[')", path=path, line=lineno,
                                        doc_id=doc_id)
                    open_at, open_col, open_line = pos, i, lineno
                    i += 1
                    continue
                if ch == "]":
                    if open_at is None:
                        raise DataError(f"column {i + 1}: ']' without '[' (write a literal bracket "
                                        "as '\\]')", path=path, line=lineno, doc_id=doc_id)
                    m = _LABEL.match(raw, i + 1)
                    if not m:
                        raise DataError(f"column {open_col + 1}: span is not followed by '(LABEL)'",
                                        path=path, line=open_line, doc_id=doc_id)
                    spans.append((open_at, pos, m.group(1)))
                    span_lines.append(open_line)
                    open_at = None
                    i = m.end()
                    continue
                emit(ch)
                i += 1
        if open_at is not None:
            raise DataError(f"column {open_col + 1}: span opened with '[' is not closed in its paragraph "
                            "(a span may cross a line break, never a blank line)", path=path,
                            line=open_line, doc_id=doc_id)
    return "".join(out), spans, span_lines


def _parse_block(block: list[tuple[int, str]], path: str) -> MarkupDocument:
    head_line, head = block[0]
    doc_id = _HEADER.match(head).group(1)
    i = 1
    meta: dict[str, Any] = {}
    while i < len(block) and block[i][1].strip():
        lineno, raw = block[i]
        m = _KEY.match(raw.strip())
        if not m:
            raise DataError(f"expected a 'key: value' header line, got {raw.strip()!r} (a blank line "
                            "must separate the header from the body)", path=path, line=lineno, doc_id=doc_id)
        meta[m.group(1)] = m.group(2).strip()
        i += 1
    missing = [k for k in _REQUIRED_HEADERS if not meta.get(k)]
    if missing:
        raise DataError(f"missing header(s) {missing}", path=path, line=head_line, doc_id=doc_id)
    if meta["style"] not in STYLES:
        raise DataError(f"style {meta['style']!r} is not one of {list(STYLES)}", path=path,
                        line=head_line, doc_id=doc_id)
    furniture = meta.pop("furniture", "no").lower()
    if furniture not in ("yes", "no"):
        raise DataError(f"furniture must be yes or no, got {furniture!r}", path=path, line=head_line,
                        doc_id=doc_id)
    meta["furniture"] = furniture == "yes"
    published = meta.pop("published")
    body = block[i:]
    events_at = next((k for k, (_, raw) in enumerate(body) if raw.strip() == "@events"), None)
    event_lines = body[events_at + 1:] if events_at is not None else None
    body = body[:events_at] if events_at is not None else body
    text_lines: list[tuple[int, int]] = []
    text, spans, span_lines = _body_to_text(body, path, doc_id, text_lines)
    if not text.strip():
        raise DataError("document has no body text", path=path, line=head_line, doc_id=doc_id)
    doc = Document(doc_id, text, spans, published, meta)
    try:
        validate_document(doc, LABELS, path=path, line=head_line)
    except DataError as err:
        if err.offset is not None:
            order = sorted(range(len(spans)), key=lambda k: spans[k])
            line = next((span_lines[k] for k in order if spans[k][0] == err.offset), head_line)
            raise DataError(err.message, path=path, line=line, doc_id=doc_id, offset=err.offset) from None
        raise
    order = sorted(range(len(spans)), key=lambda k: spans[k])
    result = MarkupDocument(doc, head_line, None, [span_lines[k] for k in order], path, text_lines)
    if event_lines is not None:
        result.events = _compile_events(doc, event_lines, path)
    return result


def parse_markup(source: str, *, path: str = "<string>", errors: list[DataError] | None = None
                 ) -> list[MarkupDocument]:
    """Parse markup text into compiled documents.

    With ``errors`` given, a bad document is reported there and parsing goes on;
    without it, the first error is raised.
    """
    lines = source.replace("\r\n", "\n").split("\n")
    blocks: list[list[tuple[int, str]]] = []
    for lineno, raw in enumerate(lines, start=1):
        if _HEADER.match(raw):
            blocks.append([(lineno, raw)])
        elif blocks:
            blocks[-1].append((lineno, raw))
        elif raw.strip() and not raw.startswith("# ") and not raw.startswith("<!--"):
            err = DataError("text before the first '### id' header", path=path, line=lineno)
            if errors is None:
                raise err
            errors.append(err)
    out = []
    for block in blocks:
        try:
            out.append(_parse_block(block, path))
        except DataError as err:
            if errors is None:
                raise
            errors.append(err)
    return out


def read_markup(path: str | Path, errors: list[DataError] | None = None) -> list[MarkupDocument]:
    """Parse one markup file (see :func:`parse_markup`)."""
    path = Path(path)
    return parse_markup(path.read_text(encoding="utf-8"), path=str(path), errors=errors)


# --- gold events -----------------------------------------------------------------------------

_FIELD_LABEL = {"actors": "ACTOR", "locations": "LOCATION", "weapons": "WEAPON", "counts": "COUNT"}
_RECORD_KEYS = {"sentence", "date", "actors", "locations", "weapons", "counts", "modality",
                "attribution", "confidence"}


def _find_all(text: str, needle: str) -> list[int]:
    out, pos = [], text.find(needle)
    while pos != -1:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


def _compile_events(doc: Document, lines: list[tuple[int, str]], path: str) -> list[dict[str, Any]]:
    base = lines[0][0] if lines else 0
    try:
        records = yaml.load("\n".join(raw for _, raw in lines), Loader=_YAML_LOADER) or []
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = base + mark.line if mark is not None else base
        raise DataError(f"invalid YAML in @events: {getattr(err, 'problem', err)}", path=path,
                        line=line, doc_id=doc.id) from None
    if not isinstance(records, list):
        raise DataError("@events must be a YAML list", path=path, line=base, doc_id=doc.id)
    # Locate each record's line by its '- sentence:' entry, for error messages.
    starts = [ln for ln, raw in lines if raw.lstrip().startswith("- ")] or [base]
    out = []
    for k, rec in enumerate(records):
        line = starts[k] if k < len(starts) else base
        try:
            out.append(_compile_record(doc, rec))
        except ValueError as err:
            raise DataError(f"event #{k + 1}: {err}", path=path, line=line, doc_id=doc.id) from None
    return out


def _compile_record(doc: Document, rec: Any) -> dict[str, Any]:
    if not isinstance(rec, dict):
        raise ValueError("each event must be a mapping")
    unknown = set(rec) - _RECORD_KEYS
    if unknown:
        raise ValueError(f"unknown key(s) {sorted(unknown)}")
    sentence = rec.get("sentence")
    if not isinstance(sentence, str) or not sentence:
        raise ValueError("'sentence' must quote the sentence")
    # Whitespace-insensitive, so a quote may be folded differently from the markup lines.
    pattern = r"\s+".join(re.escape(part) for part in sentence.split())
    hits = [m.span() for m in re.finditer(pattern, doc.text)]
    if len(hits) != 1:
        raise ValueError(f"sentence {sentence[:60]!r}... occurs {len(hits)} times in the text "
                         "(quote it exactly, without markup)")
    s_start, s_end = hits[0]
    record: dict[str, Any] = {
        "schema_version": GOLD_SCHEMA_VERSION,
        "doc_id": doc.id,
        "sentence": {"text": doc.text[s_start:s_end], "start": s_start, "end": s_end},
    }
    record["date"] = _resolve_date(doc, rec.get("date"), s_start, s_end)
    for key, label in _FIELD_LABEL.items():
        items = rec.get(key) or []
        if not isinstance(items, list):
            raise ValueError(f"'{key}' must be a list")
        resolved = []
        for item in items:
            if isinstance(item, str):
                item = {"text": item}
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError(f"each entry of '{key}' needs a 'text'")
            extra = dict(item)
            text = str(extra.pop("text"))
            occurrence = int(extra.pop("occurrence", 1))
            start, end = _resolve_span(doc, text, label, s_start, s_end, occurrence, key)
            resolved.append({"text": text, "start": start, "end": end, **extra})
        record[key] = resolved
    record["modality"] = rec.get("modality")
    record["attribution"] = _resolve_attribution(doc, rec.get("attribution"), s_start, s_end)
    record["confidence"] = float(rec.get("confidence", 1.0))
    problems = record_errors(record)
    if problems:
        raise ValueError("record does not match the event schema: " + "; ".join(problems))
    return record


def _same_text(span_text: str, named: str) -> bool:
    """Whether a span's text is the one an event names (a span written across a line break
    is named with a space: ``Hayat Tahrir al-Sham``)."""
    return span_text == named or span_text.split() == named.split()


def _resolve_span(doc: Document, text: str, label: str, s_start: int, s_end: int, occurrence: int,
                  key: str) -> tuple[int, int]:
    found = [(s, e) for s, e, lab in doc.spans
             if lab == label and s_start <= s and e <= s_end and _same_text(doc.text[s:e], text)]
    if len(found) < occurrence:
        raise ValueError(f"'{key}' names {text!r}, but the sentence has {len(found)} {label} span(s) "
                         f"with that text (occurrence {occurrence} requested)")
    return found[occurrence - 1]


def _resolve_date(doc: Document, date: Any, s_start: int, s_end: int) -> dict[str, Any]:
    if not isinstance(date, dict):
        raise ValueError("'date' must be a mapping {value, precision, text}")
    unknown = set(date) - {"value", "precision", "text"}
    if unknown:
        raise ValueError(f"unknown key(s) in 'date': {sorted(unknown)}")
    value = date.get("value")
    if value is not None:
        value = str(value)  # YAML reads 2024-05-06 as a date
    text = date.get("text")
    if text is not None:
        text = str(text)
        spans = [(s, e) for s, e, lab in doc.spans if lab == "DATE" and _same_text(doc.text[s:e], text)]
        if not spans:
            raise ValueError(f"date text {text!r} is not a DATE span of the document")
    return {"value": value, "precision": date.get("precision"), "text": text}


def _resolve_attribution(doc: Document, text: Any, s_start: int, s_end: int) -> dict[str, Any] | None:
    if text is None:
        return None
    text = str(text)
    hits = _find_all(doc.text, text)
    if not hits:
        raise ValueError(f"attribution {text!r} does not occur in the text")
    inside = [h for h in hits if s_start <= h and h + len(text) <= s_end]
    before = [h for h in hits if h < s_start]
    start = inside[0] if inside else (before[-1] if before else hits[0])
    return {"text": text, "start": start, "end": start + len(text)}
