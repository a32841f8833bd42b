"""What the batch path writes for one input: a JSON line, or CSV rows (:data:`ROW_FORMATS`: the
project's ACLED-like ``csv``, ACLED's own ``acled`` and UCDP's ``ucdp`` columns).

Both encodings succeed whatever the strings hold: a lone surrogate in a JSON line is
written as its JSON escape (``\\ud800``, read back unchanged); in a CSV cell it becomes
U+FFFD. CSV cells that a spreadsheet would run as a formula are neutralised.

>>> json_line({"doc_id": "a\\ud800\\u2028"})
b'{"doc_id": "a\\\\ud800\\\\u2028"}\\n'
>>> safe_cell("=HYPERLINK(1)")
"'=HYPERLINK(1)"
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from conflict_ner.text.repair import replace_surrogates
from conflict_ner.records import EventRecord

# the two type columns come last so that scripts reading the older columns by position keep working
CSV_COLUMNS = ["event_date", "time_precision", "actor1", "actor2", "location", "weapons", "fatalities",
               "injured", "notes", "source_id", "modality", "event_type", "sub_event_type", "error"]
# ACLED's codes: 1 the day, 2 the week or a few days, 3 the month (or less)
_ACLED_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}
# a spreadsheet reads a cell starting with these as a formula (OWASP CSV injection)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# line breaks other than \n that JSON leaves unescaped
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")


def json_line(obj: Any) -> bytes:
    """One JSON line as UTF-8; lone surrogates become JSON escapes instead of failing."""
    # outside strings JSON is ASCII, so every backslash-replaced surrogate lands inside a
    # string literal, where "\udXXX" is exactly JSON's escape for it
    text = json.dumps(obj, ensure_ascii=False)
    if _LINE_BREAKS.search(text):  # str.splitlines() and JavaScript would break the line there
        text = _LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return (text + "\n").encode("utf-8", "backslashreplace")


def safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: formula starts get a leading apostrophe."""
    if not isinstance(value, str):
        return value
    value = replace_surrogates(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_bytes(rows: Iterable[Sequence[Any]]) -> bytes:
    """Rows as CSV bytes (``\\r\\n`` line ends, cells neutralised)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows([safe_cell(c) for c in row] for row in rows)
    return buf.getvalue().encode("utf-8", "backslashreplace")


CSV_HEADER = csv_bytes([CSV_COLUMNS])


def csv_rows(records: Iterable[EventRecord], doc_id: str | None) -> list[list[Any]]:
    """ACLED-like rows, one per event: ``actor1`` the initiators, ``actor2`` the targets (actors of
    unknown role go to actor1 when nothing else is there, else to actor2); fatalities and injured
    are totals that do not add a part to its whole ("9 civilians, including 4 children" is 9)."""
    from conflict_ner.events.counts import outcome_total

    rows = []
    for r in records:
        initiators = [a.text for a in r.actors if a.role == "initiator"]
        targets = [a.text for a in r.actors if a.role == "target"]
        unknown = [a.text for a in r.actors if a.role == "unknown"]
        if initiators:
            side1, side2 = initiators, targets + unknown
        elif unknown:
            side1, side2 = unknown, targets
        else:
            side1, side2 = [], targets
        killed = outcome_total(r.sentence, r.counts, "killed")
        injured = outcome_total(r.sentence, r.counts, "injured")
        rows.append([r.date.value or "", _ACLED_PRECISION[r.date.precision], "; ".join(side1), "; ".join(side2),
                     "; ".join(x.text for x in r.locations), "; ".join(x.text for x in r.weapons),
                     "" if killed is None else killed, "" if injured is None else injured,
                     " ".join(r.sentence.text.split()), doc_id or "", r.modality, r.event_type, r.sub_event_type,
                     ""])
    return rows


def csv_error_row(doc_id: str, error_kind: str | None, error: str) -> list[Any]:
    """The trace a failed input leaves in the CSV: its id and the error, other cells empty."""
    row: list[Any] = [""] * len(CSV_COLUMNS)
    row[CSV_COLUMNS.index("source_id")] = doc_id
    row[CSV_COLUMNS.index("error")] = f"{error_kind or 'input'}: {' '.join(error.split())}"
    return row


class RowFormat(NamedTuple):
    """A CSV output format: its columns, the rows of one input's records (``rows(records, doc_id,
    fields)``, ``fields`` the input's provenance) and the rows a failed input leaves."""

    columns: list[str]
    rows: Callable[[Sequence[EventRecord], str, Mapping[str, Any] | None], list[list[Any]]]
    error_rows: Callable[[str, str | None, str], list[list[Any]]]

    @property
    def header(self) -> bytes:
        return csv_bytes([self.columns])


#: The CSV formats of ``extract --format``.
ROW_FORMATS = ("csv", "acled", "ucdp")


def row_format(fmt: str) -> RowFormat:
    """The CSV format ``fmt``: ``csv`` keeps a failed input's trace as a row; ``acled`` and ``ucdp``
    are datasets, without a row for a failed input (the errors report lists it).

    >>> row_format("acled").columns[:3]
    ['event_id_cnty', 'event_date', 'year']
    """
    if fmt == "csv":
        return RowFormat(CSV_COLUMNS, lambda records, doc_id, fields=None: csv_rows(records, doc_id),
                         lambda doc_id, kind, error: [csv_error_row(doc_id, kind, error)])
    if fmt == "acled":
        from conflict_ner.exports.acled import ACLED_COLUMNS, acled_rows

        return RowFormat(ACLED_COLUMNS, acled_rows, _no_rows)
    if fmt == "ucdp":
        from conflict_ner.exports.ucdp import UCDP_COLUMNS, ucdp_rows

        return RowFormat(UCDP_COLUMNS, ucdp_rows, _no_rows)
    raise ValueError(f"unknown CSV format {fmt!r} (one of {', '.join(ROW_FORMATS)})")


def _no_rows(doc_id: str, error_kind: str | None, error: str) -> list[list[Any]]:
    return []
