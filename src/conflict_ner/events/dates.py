"""DATE spans -> ISO dates with a precision, resolved against the publication date.

Rules follow training/ANNOTATION.md section 3: a weekday is the most recent such
day on or before publication; ``last week`` / ``earlier this week`` are weeks
(value = their Monday); months and years take their first day. Relative dates
without a publication date give ``value=None, precision='unknown'``.

>>> resolve_date("Monday", date(2024, 5, 8))
EventDate(value='2024-05-06', precision='day', text='Monday')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from conflict_ner.events.lexicon import REPORTING_BEFORE_DATE
from conflict_ner.events.numbers import UNITS
from conflict_ner.records import EventDate, Entity

#: A month-day without a year may lie this many days after publication (time
#: zones, embargoed wire copy, announced dates) before it is read as last year's.
FUTURE_TOLERANCE_DAYS = 7

_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_WEEKDAYS.update({d[:3]: i for d, i in list(_WEEKDAYS.items())})
_WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_SMALL_NUMBERS = {w: n for w, n in UNITS.items() if n <= 10} | {"a": 1, "an": 1}  # "two days ago", "a week ago"
# A DATE span longer than this is not handed to dateparser (the longest in the corpus has 27 characters).
_MAX_DATEPARSER_CHARS = 80
# Words that place an act within a day or a period but do not change which one.
_FILLER = frozenset(
    "the on in at of early late mid morning afternoon evening night overnight dawn dusk midday noon midnight "
    "hours hour before during by around about st nd rd th beginning end start middle first half".split()
)


# fixed-date holidays (their tokens after filler words are dropped); movable feasts need a calendar
_HOLIDAYS = {"christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25),
             "new year s eve": (12, 31), "new year s day": (1, 1), "new year": (1, 1)}
# a time of day inside a DATE span
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b\d{1,2}:\d{2}\b|"
                    r"\b\d{4}\s*(?:gmt|utc|hrs|hours)\b")


def resolve_date(date_text: str, published: date | None) -> EventDate:
    """Resolve one DATE span's text against the publication date.

    >>> resolve_date("last week", date(2024, 5, 8))
    EventDate(value='2024-04-29', precision='week', text='last week')
    >>> resolve_date("May 6", None)
    EventDate(value=None, precision='unknown', text='May 6')
    >>> resolve_date("late July", date(2021, 8, 16)).value
    '2021-07-21'
    >>> d = resolve_date("the second week of June", date(2023, 8, 10)); d.value, d.precision
    ('2023-06-08', 'week')
    """
    value, precision = _resolve(date_text, published)
    if value is not None and precision == "month" and _LATE_IN_MONTH.search(date_text):
        value = value.replace(day=21)  # "late July", "end of April": the month's last third, as the gold dates it
    week = _WEEK_OF_MONTH.search(date_text) if value is not None and precision == "month" else None
    if week is not None:  # "the first week of June": that week, as the gold dates it
        value, precision = value.replace(day=1 + 7 * _WEEK_ORDINALS[week.group(1).lower()]), "week"
    return EventDate(value.isoformat() if value else None, precision if value else "unknown", date_text)


_LATE_IN_MONTH = re.compile(r"\b(?:late|end of)\b", re.I)
_WEEK_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3}
_WEEK_OF_MONTH = re.compile(r"\b(first|second|third|fourth) week of\b", re.I)


# A DATE right after a reporting verb dates the report, not the act (`said on Friday that ...`).
_REPORTING_BEFORE = re.compile(
    rf"\b(?:{REPORTING_BEFORE_DATE}|claimed responsibility|claimed the attack)\s+"
    rf"(?:(?:through|via|in|to|at)\s+(?:[\w'-]+\s+){{1,5}}?)?"
    rf"(?:on\s+|late\s+|early\s+|earlier\s+)?$", re.I)
# ... or right before one (`the military on Thursday confirmed that ...`)
_REPORTING_AFTER = re.compile(
    r"^\s+(?:said|says|told|confirmed|announced|reported|added|stated|claimed|denied|warned|acknowledged|"
    r"admitted)\b", re.I)


def is_reporting_date(text: str, entity: Entity) -> bool:
    """Whether a DATE span follows or opens a reporting verb, so that it dates the statement.

    >>> t = "The army said on Friday that 12 fighters were killed on Thursday."
    >>> [is_reporting_date(t, Entity("DATE", t.index(w), t.index(w) + len(w), w, 1.0)) for w in ("Friday", "Thursday")]
    [True, False]
    >>> t = "The military on Thursday confirmed a strike on Tuesday."
    >>> [is_reporting_date(t, Entity("DATE", t.index(w), t.index(w) + len(w), w, 1.0)) for w in ("Thursday", "Tuesday")]
    [True, False]
    """
    return bool(_REPORTING_BEFORE.search(text[max(0, entity.start - 70):entity.start])
                or _REPORTING_AFTER.match(text[entity.end:entity.end + 20]))


def record_date(sentence_dates: Sequence[Entity], earlier_dates: Sequence[Entity], published: date | None,
                text: str | None = None) -> EventDate:
    """The date of a record (ANNOTATION.md, "Event records").

    In order: the sentence's first DATE that dates an act; else the first such DATE
    of the document before it (the narrative's date, usually the lede's); else a
    reporting date of the sentence (`said on Friday`); else the publication date
    with precision ``unknown`` and ``text=None``. ``text`` is the document the
    spans index, used to tell reporting dates apart (without it all dates count).

    >>> record_date([], [], date(2024, 5, 8))
    EventDate(value='2024-05-08', precision='unknown', text=None)
    """
    def is_act(e: Entity) -> bool:
        return text is None or not is_reporting_date(text, e)

    own = [e for e in sentence_dates if is_act(e)]
    if own:
        return resolve_date(min(own, key=lambda e: e.start).text, published)
    carried = [e for e in earlier_dates if is_act(e)]
    if carried:
        return resolve_date(min(carried, key=lambda e: e.start).text, published)
    if sentence_dates:
        return resolve_date(min(sentence_dates, key=lambda e: e.start).text, published)
    return publication_date(published)


def publication_date(published: date | None) -> EventDate:
    """The publication date with precision ``unknown``: the act precedes it, nothing more.

    >>> publication_date(date(2024, 5, 8))
    EventDate(value='2024-05-08', precision='unknown', text=None)
    """
    return EventDate(published.isoformat() if published else None, "unknown", None)


#: A document whose first act date states its year and lies this long before publication is
#: a retrospective (a background page, a timeline): its yearless dates follow the narrative.
RETROSPECTIVE_DAYS = 180


def states_year(text: str | None) -> bool:
    """Whether a DATE span's text names its year.

    >>> states_year("16 September 2014"), states_year("27 September")
    (True, False)
    """
    return bool(text and re.search(r"\b(?:19|20)\d{2}\b", text))


#: A yearless date is moved at most this many years from the one before publication: a writer
#: leaves out the year only where the reader cannot mistake it.
MAX_NARRATIVE_SHIFT_YEARS = 1


def narrative_year(when: EventDate, anchor: date, published: date | None) -> EventDate:
    """``when`` (a yearless month or month-day resolved against publication) moved to the
    year that puts it nearest ``anchor``, the story's latest date, and not after publication,
    by at most :data:`MAX_NARRATIVE_SHIFT_YEARS`.

    >>> d = resolve_date("27 September", date(2016, 1, 21))
    >>> narrative_year(d, date(2014, 9, 16), date(2016, 1, 21)).value
    '2014-09-27'
    >>> narrative_year(resolve_date("January", date(2016, 1, 21)), date(2014, 12, 1), date(2016, 1, 21)).value
    '2015-01-01'
    >>> narrative_year(resolve_date("November 27", date(2023, 12, 14)), date(2020, 3, 1), date(2023, 12, 14)).value
    '2023-11-27'
    """
    if when.value is None or when.precision not in ("day", "week", "month") or states_year(when.text) \
            or not any(re.search(rf"\b{m}\b", (when.text or "").lower()) for m in _MONTHS):
        return when
    value = date.fromisoformat(when.value)
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        if abs(year - value.year) > MAX_NARRATIVE_SHIFT_YEARS:
            continue  # the story's anchor is stale background ("since the March 2020 ceasefire")
        moved = _safe_date(year, value.month, value.day)
        if moved is None or (published is not None and moved > published):
            continue
        if best is None or abs((moved - anchor).days) < abs((best - anchor).days):
            best = moved
    if best is None or best == value:
        return when
    years = best.year - value.year

    def shift(iso: str | None) -> str | None:
        if iso is None:
            return None
        d = date.fromisoformat(iso)
        return (_safe_date(d.year + years, d.month, d.day) or d.replace(year=d.year + years, day=28)).isoformat()

    return EventDate(best.isoformat(), when.precision, when.text, shift(when.start), shift(when.end), when.source)


# --- resolution -------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _resolve(text: str, pub: date | None) -> tuple[date | None, str]:
    s = text.strip().lower().replace("\u2019", "'")
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if iso:
        return _safe_date(*map(int, iso.groups())), "day"
    s = _CLOCK.sub(" ", s)  # "8 a.m. on 15 June": the 8 is an hour, not a day
    tokens = [t for t in re.findall(r"[a-z]+|\d+", s.replace("-", " ")) if t not in _FILLER]
    key = " ".join(tokens)
    numbers = [int(t) for t in tokens if t.isdigit()]
    years = [n for n in numbers if 1900 <= n <= 2100 and len(str(n)) == 4]
    days = [n for n in numbers if 1 <= n <= 31]
    months = [_MONTHS[t] for t in tokens if t in _MONTHS]
    weekdays = [_WEEKDAYS[t] for t in tokens if t in _WEEKDAYS]

    # Absolute forms resolve without a publication date.
    if months and years and days:
        return _safe_date(years[0], months[0], days[0]), "day"
    if months and years:
        return _safe_date(years[0], months[0], 1), "month"
    holiday = _HOLIDAYS.get(" ".join(t for t in tokens if not t.isdigit()))
    if holiday is not None and years:
        return date(years[0], *holiday), "day"
    if years and not months and not days and not weekdays:
        return date(years[0], 1, 1), "year"
    if pub is None:
        if re.search(r"\d{4}", s):
            return _dateparse(text, None)
        return None, "unknown"
    if months and days:
        return _month_day(pub, months[0], days[0]), "day"
    if holiday is not None:  # a fixed-date holiday: the latest one, like a month-day
        return _month_day(pub, *holiday), "day"
    if months:
        m = months[0]
        year = pub.year if m <= pub.month else pub.year - 1
        if re.search(r"\bnext\b", key):
            year = pub.year if m > pub.month else pub.year + 1
        return date(year, m, 1), "month"
    if not key and re.search(r"\bovernight\b|\blast night\b", s):
        # A night belongs to the day it starts on ("Wednesday night"), so a bare
        # "overnight" in a report is the night from the day before publication.
        return pub - timedelta(days=1), "day"
    relative = _relative(key, pub, weekdays)
    if relative is not None:
        return relative
    return _dateparse(text, pub)


def _relative(key: str, pub: date, weekdays: list[int]) -> tuple[date | None, str] | None:
    monday = pub - timedelta(days=pub.weekday())
    if weekdays:
        wd = weekdays[0]
        if re.search(r"\bnext\b", key):
            return pub + timedelta(days=(wd - pub.weekday() - 1) % 7 + 1), "day"
        # "Monday", "last Monday", "this past Monday": on or before publication.
        return pub - timedelta(days=(pub.weekday() - wd) % 7), "day"
    if re.fullmatch(r"(?:earlier |later )?(?:today|tonight|this)", key):
        return pub, "day"
    if key in ("yesterday", "last"):  # "last night" loses "night" as filler
        return pub - timedelta(days=1), "day"
    if key in ("day yesterday", "day before yesterday"):
        return pub - timedelta(days=2), "day"
    if key == "tomorrow":
        return pub + timedelta(days=1), "day"
    if re.fullmatch(r"(?:over |this |last |past )?weekend", key):
        # The most recent Saturday on or before publication; its week.
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
        return saturday - timedelta(days=saturday.weekday()), "week"
    if re.fullmatch(r"this week|week", key) and pub.weekday() == 0:
        # told on a Monday, "this week" is the week that has just ended: nothing of the new one
        # but the day itself has happened yet (a weekly round-up published on Monday)
        return monday - timedelta(days=7), "week"
    if re.fullmatch(r"(?:earlier |later )?this week|week", key):
        return monday, "week"
    if re.fullmatch(r"(?:last|past|previous) week", key):
        return monday - timedelta(days=7), "week"
    if re.fullmatch(r"next week", key):
        return monday + timedelta(days=7), "week"
    if re.fullmatch(r"(?:earlier |later )?this month|month", key):
        return pub.replace(day=1), "month"
    if re.fullmatch(r"(?:last|past|previous) month", key):
        return (pub.replace(day=1) - timedelta(days=1)).replace(day=1), "month"
    if re.fullmatch(r"(?:earlier |later )?this year|year", key):
        return date(pub.year, 1, 1), "year"
    if re.fullmatch(r"(?:last|past|previous) year", key):
        return date(pub.year - 1, 1, 1), "year"
    m = re.fullmatch(r"(\d+|[a-z]+) (day|week|month|year)s? ago", key)
    if m and (m.group(1).isdigit() or m.group(1) in _SMALL_NUMBERS):
        n = int(m.group(1)) if m.group(1).isdigit() else _SMALL_NUMBERS[m.group(1)]
        unit = m.group(2)
        if unit == "day":
            return pub - timedelta(days=n), "day"
        if unit == "week":
            return monday - timedelta(days=7 * n), "week"
        if unit == "month":
            index = pub.year * 12 + pub.month - 1 - n
            return date(index // 12, index % 12 + 1, 1), "month"
        return date(pub.year - n, 1, 1), "year"
    return None


def _month_day(pub: date, month: int, day: int) -> date | None:
    candidate = _safe_date(pub.year, month, day)
    if candidate is None:
        return _safe_date(pub.year - 1, month, day)
    if candidate > pub + timedelta(days=FUTURE_TOLERANCE_DAYS):
        return _safe_date(pub.year - 1, month, day)
    return candidate


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def _dateparse(text: str, pub: date | None) -> tuple[date | None, str]:
    """dateparser on a DATE span's text, for the forms the rules above do not cover."""
    if len(text) > _MAX_DATEPARSER_CHARS:
        return None, "unknown"
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if pub is not None:
        settings["RELATIVE_BASE"] = datetime(pub.year, pub.month, pub.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None, "unknown"
    low = text.lower()
    if re.search(r"\b(?:[1-9]|[12]\d|3[01])\b|/|\bday|\byesterday|\btoday|" + "|".join(_WEEKDAYS), low):
        return parsed.date(), "day"
    if any(re.search(rf"\b{m}\b", low) for m in _MONTHS):
        return parsed.date().replace(day=1), "month"
    return date(parsed.year, 1, 1), "year"
