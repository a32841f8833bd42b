"""The range a DATE span states: two dates in one span, or part of a week or month.

A record's date keeps the value and precision :func:`.dates.resolve_date` gives it; this sets
its ``start``/``end`` (UCDP's date_start/date_end) where the span says more than one day or
less than a whole period: ``between May 3 and May 5`` is May 3-5 (precision ``week``: a
few days), ``late March`` March 21-31, ``early last week`` that week's Monday to Wednesday.

>>> d = with_range(resolve_date("between May 3 and May 5", date(2024, 5, 8)), date(2024, 5, 8))
>>> d.value, d.precision, d.start, d.end
('2024-05-03', 'week', '2024-05-03', '2024-05-05')
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from conflict_ner.events.dates import resolve_date
from conflict_ner.records import Entity, EventDate

_JOINER = re.compile(r"\s*(?:\b(?:and|to|until|till|through|thru)\b|[-\u2013\u2014])\s*", re.I)
_OPENER = re.compile(r"^\s*(?:between|from)\s+", re.I)
_DAY_ONLY = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$", re.I)
_PART = re.compile(r"\b(early|beginning of|start of|mid|middle of|late|end of)\b", re.I)
# days of a month and of a week (Monday 0) that each part covers
_MONTH_PART = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_WEEK_PART = {"early": (0, 2), "mid": (2, 4), "late": (3, 6)}
_PART_NAME = {"beginning of": "early", "start of": "early", "middle of": "mid", "end of": "late"}


def with_range(when: EventDate, published: date | None) -> EventDate:
    """``when`` with the range its text states (unchanged when it states none).

    >>> with_range(resolve_date("late March", date(2024, 5, 8)), date(2024, 5, 8)).start
    '2024-03-21'
    """
    if when.text is None or when.value is None:
        return when
    span = _two_dates(when.text, published)
    if span is not None:
        start, end = span
        days = (end - start).days + 1
        precision = "day" if days == 1 else "week" if days <= 7 else "month" if days <= 31 else "year"
        return EventDate(start.isoformat(), precision, when.text, start.isoformat(), end.isoformat(), when.source)
    part = _PART.search(when.text)
    if part and when.precision in ("week", "month"):
        name = part.group(1).lower()
        name = _PART_NAME.get(name, name)
        first = date.fromisoformat(when.value)
        if when.precision == "month":
            low, high = _MONTH_PART[name]
            high = min(high, calendar.monthrange(first.year, first.month)[1])
            start, end = first.replace(day=low), first.replace(day=high)
        else:
            low, high = _WEEK_PART[name]
            start, end = first + timedelta(days=low), first + timedelta(days=high)
        return replace(when, start=start.isoformat(), end=end.isoformat())
    return when


# what may stand between two DATE spans that state one range ("on Friday and Saturday",
# "from Thursday to Sunday", "between Sunday and Monday")
_SPAN_JOINER = re.compile(r"\s*(?:and|to|until|till|through|thru|-|\u2013|\u2014)\s+(?:on\s+|the\s+)?", re.I)


def joined_range(text: str, first: Entity, spans: Sequence[Entity], published: date | None) -> EventDate | None:
    """The range of ``first`` and the DATE span joined to it (``on Friday and Saturday``: two
    spans), as :func:`with_range` gives it for one span; None when no span is joined to it.
    The date keeps ``first``'s text.

    >>> t = "Jets struck the camp from Friday to Sunday."
    >>> fri, sun = (Entity("DATE", t.index(w), t.index(w) + len(w), w, 1.0) for w in ("Friday", "Sunday"))
    >>> d = joined_range(t, fri, [fri, sun], date(2024, 5, 8))
    >>> d.value, d.precision, d.start, d.end, d.text
    ('2024-05-03', 'week', '2024-05-03', '2024-05-05', 'Friday')
    """
    later = [e for e in spans if e.start >= first.end]
    if not later:
        return None
    second = min(later, key=lambda e: e.start)
    if not _SPAN_JOINER.fullmatch(text[first.end:second.start]):
        return None
    joined = with_range(resolve_date(f"{first.text} to {second.text}", published), published)
    if joined.start is None or joined.start == joined.end:
        return None
    return replace(joined, text=first.text)


def _two_dates(text: str, published: date | None) -> tuple[date, date] | None:
    """The two days of ``May 3-5``, ``3 to 5 May``, ``between May 3 and May 5``; None otherwise."""
    halves = _JOINER.split(_OPENER.sub("", text), maxsplit=1)
    if len(halves) != 2 or not all(h.strip() for h in halves):
        return None
    first, second = (h.strip() for h in halves)
    if _DAY_ONLY.match(first):  # "3-5 May": the first day takes the second's month and year
        first = re.sub(r"^\d{1,2}(?:st|nd|rd|th)?", first, second, count=1)
    if _DAY_ONLY.match(second):  # "May 3-5": the second day takes the first's month
        second = re.sub(r"\d{1,2}(?:st|nd|rd|th)?", second, first, count=1)
    a, b = resolve_date(first, published), resolve_date(second, published)
    if a.precision != "day" or b.precision != "day" or a.value is None or b.value is None:
        return None
    start, end = date.fromisoformat(a.value), date.fromisoformat(b.value)
    if not start <= end <= start + timedelta(days=366):
        return None
    return start, end
