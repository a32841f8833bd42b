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

import difflib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from conflict_ner.text.document import Document
from conflict_ner.errors import DataError
from conflict_ner.labels import LABELS
from conflict_ner.records import EventDate, TYPE_OF_SUB_EVENT
from conflict_ner.schema import GOLD_SCHEMA_VERSION, gold_record_errors
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
    #: the markup line each gold event record starts on
    event_lines: list[int] = field(default_factory=list)

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
        result.events = _compile_events(doc, event_lines, path, result.event_lines)
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


# --- gold events (markup v2: training/ANNOTATION.md, sections 4 and 9) ------------------------

_FIELD_LABEL = {"actors": "ACTOR", "locations": "LOCATION", "weapons": "WEAPON", "counts": "COUNT"}
_RECORD_KEYS = {"sentence", "trigger", "trigger_occurrence", "sub_event_type", "date", "actors", "locations",
                "weapons", "counts", "modality", "attribution", "confidence"}
_ROLES = {"initiator": "initiator", "target": "target", "other": "other", "unknown": "other"}
_DATE_KEYS = {"value", "precision", "text", "start", "end"}


class _RecordError(ValueError):
    """A bad gold record; ``key`` names the record key whose line the error should point at."""

    def __init__(self, message: str, key: str | None = None):
        super().__init__(message)
        self.key = key


def _find_all(text: str, needle: str) -> list[int]:
    out, pos = [], text.find(needle)
    while pos != -1:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


def _record_line_ranges(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The markup lines of each top-level list item (nested ``- {text: ...}`` items stay inside
    their record)."""
    items = [(ln, raw) for ln, raw in lines if raw.lstrip().startswith("- ")]
    if not items:
        return []
    indent = min(len(raw) - len(raw.lstrip()) for _, raw in items)
    out: list[list[tuple[int, str]]] = []
    for ln, raw in lines:
        if raw[indent:indent + 2] == "- " and not raw[:indent].strip():
            out.append([])
        if out:
            out[-1].append((ln, raw))
    return out


def _key_line(record_lines: list[tuple[int, str]], key: str | None, default: int) -> int:
    if key:
        for ln, raw in record_lines:
            if raw.lstrip().lstrip("- ").startswith(f"{key}:"):
                return ln
    return record_lines[0][0] if record_lines else default


def _compile_events(doc: Document, lines: list[tuple[int, str]], path: str,
                    record_lines: list[int] | None = None) -> list[dict[str, Any]]:
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
    ranges = _record_line_ranges(lines)
    out: list[dict[str, Any]] = []
    # (trigger offsets, attribution) -> record number: one record per act, except that two
    # sources' competing accounts of one act ("X claimed the attack, and so did Y") are two records
    acts: dict[tuple, int] = {}
    for k, rec in enumerate(records):
        rec_lines = ranges[k] if k < len(ranges) else []
        try:
            record = _compile_record(doc, rec)
            trigger = record.get("trigger")
            if trigger is not None:
                source = (record["attribution"] or {}).get("text")
                at = (trigger["start"], trigger["end"], source)
                if at in acts:
                    raise _RecordError(f"names the same act as event #{acts[at]} (trigger {trigger['text']!r} "
                                       "at the same place, same attribution): one record per act", "trigger")
                acts[at] = k + 1
        except _RecordError as err:
            raise DataError(f"event #{k + 1}: {err}", path=path, line=_key_line(rec_lines, err.key, base),
                            doc_id=doc.id) from None
        out.append(record)
        if record_lines is not None:
            record_lines.append(rec_lines[0][0] if rec_lines else base)
    return out


def _compile_record(doc: Document, rec: Any) -> dict[str, Any]:
    if not isinstance(rec, dict):
        raise _RecordError("each event must be a mapping")
    if "event_type" in rec:
        raise _RecordError("'event_type' is derived from 'sub_event_type': do not write it", "event_type")
    unknown = set(rec) - _RECORD_KEYS
    if unknown:
        raise _RecordError(f"unknown key(s) {sorted(unknown)}")
    sentence = rec.get("sentence")
    if not isinstance(sentence, str) or not sentence:
        raise _RecordError("'sentence' must quote the sentence", "sentence")
    # Whitespace-insensitive, so a quote may be folded differently from the markup lines.
    pattern = r"\s+".join(re.escape(part) for part in sentence.split())
    hits = [m.span() for m in re.finditer(pattern, doc.text)]
    if len(hits) != 1:
        raise _RecordError(f"sentence {sentence[:60]!r}... occurs {len(hits)} times in the text "
                           "(quote it exactly, without markup)", "sentence")
    s_start, s_end = hits[0]
    record: dict[str, Any] = {"schema_version": GOLD_SCHEMA_VERSION, "doc_id": doc.id}
    if rec.get("sub_event_type") is not None:  # untyped records compile during the move to markup v2
        sub = sub_event_type(rec["sub_event_type"])
        record["event_type"] = TYPE_OF_SUB_EVENT[sub]
        record["sub_event_type"] = sub
    if rec.get("trigger") is not None:
        record["trigger"] = resolve_trigger(doc, rec["trigger"], s_start, s_end, rec.get("trigger_occurrence"))
    elif "trigger_occurrence" in rec:
        raise _RecordError("'trigger_occurrence' without a 'trigger'", "trigger_occurrence")
    else:
        record["trigger"] = None
    record["sentence"] = {"text": doc.text[s_start:s_end], "start": s_start, "end": s_end}
    record["date"] = _resolve_date(doc, rec.get("date"), s_start, s_end)
    for key, label in _FIELD_LABEL.items():
        items = rec.get(key) or []
        if not isinstance(items, list):
            raise _RecordError(f"'{key}' must be a list", key)
        resolved = []
        for item in items:
            if isinstance(item, str):
                item = {"text": item}
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise _RecordError(f"each entry of '{key}' needs a 'text'", key)
            extra = dict(item)
            text = str(extra.pop("text"))
            occurrence = int(extra.pop("occurrence", 1))
            if key == "actors" and "role" in extra:
                if extra["role"] not in _ROLES:
                    raise _RecordError(f"actor {text!r}: role {extra['role']!r} is not one of initiator, target, "
                                       "other", key)
                extra["role"] = _ROLES[extra["role"]]
            start, end = _resolve_span(doc, text, label, s_start, s_end, occurrence, key)
            resolved.append({"text": text, "start": start, "end": end, **extra})
        record[key] = resolved
    record["modality"] = rec.get("modality")
    record["attribution"] = _resolve_attribution(doc, rec.get("attribution"), s_start, s_end)
    record["confidence"] = float(rec.get("confidence", 1.0))
    problems = gold_record_errors(record)
    if problems:
        raise _RecordError("record does not match the event schema: " + "; ".join(problems))
    return record


def sub_event_type(name: Any) -> str:
    """``name`` if it is one of ACLED's 25 sub-event types, else a clear error.

    >>> sub_event_type("Air/drone strike")
    'Air/drone strike'
    >>> sub_event_type("Airstrike")
    Traceback (most recent call last):
    ...
    conflict_ner.training.corpus.markup._RecordError: sub_event_type 'Airstrike' is not one of ACLED's 25 \
(conflict_ner.records.EVENT_TYPES); did you mean 'Air/drone strike'?
    """
    if isinstance(name, str) and name in TYPE_OF_SUB_EVENT:
        return name
    close = difflib.get_close_matches(str(name), list(TYPE_OF_SUB_EVENT), n=1, cutoff=0.5)
    hint = f"; did you mean {close[0]!r}?" if close else f": one of {', '.join(TYPE_OF_SUB_EVENT)}"
    raise _RecordError(f"sub_event_type {name!r} is not one of ACLED's 25 (conflict_ner.records.EVENT_TYPES)"
                       + hint, "sub_event_type")


def _word_pattern(phrase: str, flags: int = 0) -> re.Pattern:
    # whole words only: `strike` must not be found inside `airstrikes`
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(p) for p in phrase.split()) + r"(?!\w)", flags)


def resolve_trigger(doc: Document, trigger: Any, s_start: int, s_end: int, occurrence: Any = None
                    ) -> dict[str, Any]:
    """The document offsets of a record's trigger: the ``occurrence``-th (1-based) whole-word,
    case-sensitive match inside the sentence ``[s_start, s_end)``, which must not overlap an
    entity span. Required to be unambiguous: a string found twice needs ``occurrence``.
    """
    if not isinstance(trigger, str) or not trigger.strip():
        raise _RecordError(f"'trigger' must be the word(s) of the sentence that name the act, got {trigger!r}"
                           " (quote it if YAML reads it as something else)", "trigger")
    sentence = doc.text[s_start:s_end]
    hits = [m.span() for m in _word_pattern(trigger).finditer(sentence)]
    if not hits:
        other_case = _word_pattern(trigger, re.IGNORECASE).search(sentence)
        hint = f" (it occurs as {other_case.group(0)!r}: write it verbatim)" if other_case else ""
        raise _RecordError(f"trigger {trigger!r} does not occur as whole word(s) in the sentence{hint}", "trigger")
    if occurrence is None:
        if len(hits) > 1:
            raise _RecordError(f"trigger {trigger!r} occurs {len(hits)} times in the sentence: add "
                               "'trigger_occurrence: N' (1-based)", "trigger")
        occurrence = 1
    if isinstance(occurrence, bool) or not isinstance(occurrence, int) or not 1 <= occurrence <= len(hits):
        raise _RecordError(f"trigger_occurrence {occurrence!r}: trigger {trigger!r} occurs {len(hits)} time(s) "
                           "in the sentence", "trigger_occurrence")
    start, end = (s_start + x for x in hits[occurrence - 1])
    for s, e, label in doc.spans:
        if s < end and start < e:
            raise _RecordError(f"trigger {trigger!r} overlaps the {label} span {doc.text[s:e]!r}: a trigger is "
                               "the act word(s), never an entity", "trigger")
    return {"text": doc.text[start:end], "start": start, "end": end}


def _same_text(span_text: str, named: str) -> bool:
    """Whether a span's text is the one an event names (a span written across a line break
    is named with a space: ``Hayat Tahrir al-Sham``)."""
    return span_text == named or span_text.split() == named.split()


def _resolve_span(doc: Document, text: str, label: str, s_start: int, s_end: int, occurrence: int,
                  key: str) -> tuple[int, int]:
    found = [(s, e) for s, e, lab in doc.spans
             if lab == label and s_start <= s and e <= s_end and _same_text(doc.text[s:e], text)]
    if len(found) < occurrence:
        raise _RecordError(f"'{key}' names {text!r}, but the sentence has {len(found)} {label} span(s) "
                           f"with that text (occurrence {occurrence} requested)", key)
    return found[occurrence - 1]


def _iso(value: Any, what: str) -> str | None:
    if value is None:
        return None
    value = str(value)  # YAML reads 2024-05-06 as a date
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise _RecordError(f"date {what} {value!r} is not YYYY-MM-DD", "date")
    return value


def _resolve_date(doc: Document, date: Any, s_start: int, s_end: int) -> dict[str, Any]:
    """The gold date with its range and source: ``text`` when its DATE span is in the sentence,
    ``carried`` when it is elsewhere in the document, ``publication`` when no span gave it."""
    if not isinstance(date, dict):
        raise _RecordError("'date' must be a mapping {value, precision, text} (optionally start, end)", "date")
    unknown = set(date) - _DATE_KEYS
    if unknown:
        raise _RecordError(f"unknown key(s) in 'date': {sorted(unknown)}", "date")
    value, start, end = (_iso(date.get(k), k) for k in ("value", "start", "end"))
    if (start is None) != (end is None):
        raise _RecordError("a date range needs both 'start' and 'end'", "date")
    if start is not None:
        if value is None:
            value = start
        if value != start:
            raise _RecordError(f"date value {value} must be the range's start {start}", "date")
        if end < start:
            raise _RecordError(f"date range ends ({end}) before it starts ({start})", "date")
    text = date.get("text")
    source = "publication"
    if text is not None:
        text = str(text)
        spans = [(s, e) for s, e, lab in doc.spans if lab == "DATE" and _same_text(doc.text[s:e], text)]
        if not spans:
            raise _RecordError(f"date text {text!r} is not a DATE span of the document", "date")
        source = "text" if any(s_start <= s and e <= s_end for s, e in spans) else "carried"
    precision = date.get("precision")
    try:
        full = EventDate(value, precision, text, start, end, source)
    except ValueError as err:
        raise _RecordError(f"date value {value!r}: {err}", "date") from None
    return full.to_dict()


def _resolve_attribution(doc: Document, text: Any, s_start: int, s_end: int) -> dict[str, Any] | None:
    if text is None:
        return None
    text = str(text)
    hits = _find_all(doc.text, text)
    if not hits:
        raise _RecordError(f"attribution {text!r} does not occur in the text", "attribution")
    inside = [h for h in hits if s_start <= h and h + len(text) <= s_end]
    before = [h for h in hits if h < s_start]
    start = inside[0] if inside else (before[-1] if before else hits[0])
    return {"text": text, "start": start, "end": start + len(text)}
