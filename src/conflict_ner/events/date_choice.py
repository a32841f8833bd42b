"""Which date a record gets: its act DATE, a carried one, a reporting date, or publication.

ANNOTATION.md section 6. A DATE of the record's stretch is one of four kinds:

- it dates the act (``shelled Hama on Monday``); the first such DATE does, unless it is a bare
  year beside a finer one (``who joined the settlement in 2018, as he left on Saturday``);
- it dates a statement (``said on Friday that ...``, :func:`.dates.is_reporting_date`):
  used only when nothing else dates the record, or when the carried date lies after it (an
  act reported on Sunday took place by Sunday), and it carries nowhere;
- it opens a period (``killed since Saturday``, ``since the offensive began on 18
  February``, ``for the first time since 2016``): a running total or background, never
  the act's date. A record whose only DATEs open a period is dated by publication, like
  a running total (section 3), and carries nothing;
- it names a thing (``the 2016 peace agreement``, ``the 1982 massacre``, :func:`names_a_thing`):
  it dates nothing.

>>> from conflict_ner.records import Entity
>>> t = "At least 40 people have been killed since Saturday."
>>> d = Entity("DATE", t.index("Saturday"), t.index("Saturday") + 8, "Saturday", 1.0)
>>> date_of(t, t, [d], False, DateCarry(), date(2024, 5, 8))
EventDate(value='2024-05-08', precision='unknown', text=None)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from conflict_ner.events.date_carry import COARSE_PRECISIONS, DateCarry
from conflict_ner.events.date_ranges import joined_range, with_range
from conflict_ner.events.date_shifts import shifted
from conflict_ner.events.dates import is_reporting_date, narrative_year, publication_date, resolve_date
from conflict_ner.records import Entity, EventDate

# "since" and at most a short clause before the DATE ("since the coup on", "since fighting
# broke out on"); a clause break, or a number (another date: "since 2016 on Friday"), ends it.
_PERIOD_BEFORE = re.compile(r"\bsince\b(?:[^.;,:()\n\d]{0,40}?\b(?:on|in|of|at)\b)?\s*$", re.I)
_LOOK_BACK = 60


# "since December, when more than 300 boys were seized": the "when" clause tells the act that opened the period
_WHEN_AFTER = re.compile(r",?\s+when\b[^.;:()]{0,120}$", re.I)


def dates_when_clause(text: str, entity: Entity, trigger: int | None) -> bool:
    """Whether a DATE that opens a period (``since December``) dates the act of the ``when``
    clause right after it, the act's word (at offset ``trigger``) lying in that clause: the
    period began with that act (``the third abduction since December, when more than 300 boys
    were seized``, ``Since Feb. 19, when Iraqi forces launched the assault, they have taken ...``).

    >>> t = "It was the third raid since March, when gunmen seized 40 pupils, and more have followed."
    >>> march = Entity("DATE", t.index("March"), t.index("March") + 5, "March", 1.0)
    >>> dates_when_clause(t, march, t.index("seized")), dates_when_clause(t, march, t.index("raid"))
    (True, False)
    """
    return (trigger is not None and trigger >= entity.end and opens_period(text, entity)
            and _WHEN_AFTER.match(text, entity.end, trigger) is not None)


# "by" right after a word of the clause ("72 people had died by Wednesday"), not opening the sentence
_BY_BOUND = re.compile(r"[a-z]\s+by\s+(?:late\s+|early\s+)?$")


def bounds_an_account(text: str, entity: Entity) -> bool:
    """Whether a DATE after ``by`` inside its clause bounds an account (``at least 72 people had died
    by Wednesday``, ``150 bodies had been buried by Monday``): it dates its own record, but the
    story's day stays the act's, so it does not carry. A sentence that opens with it (``By 6
    October, the group held half the town``) moves the story on.

    >>> t = "Doctors said 72 people had died by Wednesday. By Friday, rebels held the town."
    >>> [bounds_an_account(t, Entity("DATE", t.index(w), t.index(w) + len(w), w, 1.0)) for w in ("Wednesday", "Friday")]
    [True, False]
    """
    return bool(_BY_BOUND.search(text, max(0, entity.start - 20), entity.start))


def opens_period(text: str, entity: Entity) -> bool:
    """Whether a DATE span starts the period a running total or a background clause covers.

    >>> t = "Clashes have killed 44 since the offensive began on 18 February, and jets struck on Monday."
    >>> [opens_period(t, Entity("DATE", t.index(w), t.index(w) + len(w), w, 1.0)) for w in ("18 February", "Monday")]
    [True, False]
    """
    return bool(_PERIOD_BEFORE.search(text[max(0, entity.start - _LOOK_BACK):entity.start]))


# a year before a noun names a thing ("the 2016 peace agreement", "the 1982 massacre"), not a date
_THING_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.I)
_THING_AFTER = re.compile(r"\s+[a-z]")


def names_a_thing(text: str, entity: Entity) -> bool:
    """Whether a bare year is part of a name (``signatories of the 2016 peace agreement``, ``a
    reference to the 1982 massacre``): it dates that thing, not the act.

    >>> t = "It denied targeting signatories of the 2016 peace agreement in 2016 and in 2017."
    >>> [names_a_thing(t, Entity("DATE", i, i + 4, "2016", 1.0)) for i in (t.index("2016"), t.rindex("2016"))]
    [True, False]
    """
    return (bool(re.fullmatch(r"\d{4}", entity.text.strip()))
            and bool(_THING_BEFORE.search(text, max(0, entity.start - 8), entity.start))
            and bool(_THING_AFTER.match(text, entity.end)))


# "this month" / "so far this year" as the frame of a rank or a tally ("the largest we have
# recorded this month", "the second wave of protests this month", "attacked four times this
# year", "a series of assassinations ... this year"): it dates the tally, not the act
_FRAME_DATE = re.compile(r"(?:so\s+far\s+)?this\s+(?:week|month|year)", re.I)
# a bare year frames only a rank ("the deadliest week recorded in 2024"), not a series ("a string
# of towns that troops captured in 2019" dates that capture)
_FRAME_YEAR = re.compile(r"\d{4}")
_ONLY_RANK = re.compile(r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
                        r"largest|biggest|deadliest|bloodiest|worst|highest|heaviest)\b[^.;:()\n]{0,80}$", re.I)
_RANK_BEFORE = re.compile(
    r"\b(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b"
    r"|(?:largest|biggest|deadliest|bloodiest|worst|highest|heaviest)\b"
    r"|(?:twice|(?:two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+times)\b"
    r"|an?\s+(?:series|string|spate|wave)\s+of\b)[^.;:()\n]{0,80}$", re.I)


# a relative clause before a bare year ("militants who had been released in 2020", "a plan which
# foresees their departure by 2024"): the year dates that clause, background to the act
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|which|that)\b[^.;:()\n,]{0,80}$", re.I)


def background_year(text: str, entity: Entity, published: date | None) -> bool:
    """Whether a bare year other than the publication's lies in a relative clause (``militants
    who had been released from prison in 2020``): it dates that clause, not the act.

    >>> t = "Fighters who left the front in 2019 shelled the town."
    >>> background_year(t, Entity("DATE", t.index("2019"), t.index("2019") + 4, "2019", 1.0), date(2024, 3, 12))
    True
    """
    year = entity.text.strip()
    if not re.fullmatch(r"\d{4}", year) or (published is not None and int(year) == published.year):
        return False
    return bool(_RELATIVE_BEFORE.search(text, max(0, entity.start - 90), entity.start))


def frames_a_tally(text: str, entity: Entity) -> bool:
    """Whether ``this week/month/year`` is the frame of a rank or a tally in its clause (``the
    largest convoy we have recorded this month``, ``attacked four times this year``), or a bare
    year the frame of a rank (``the deadliest week recorded in 2024``): it dates the tally, not
    the act, as ``since`` opens a period.

    >>> t = "Gunmen burned the market on Monday, the third raid on the town this month."
    >>> [frames_a_tally(t, Entity("DATE", t.index(w), t.index(w) + len(w), w, 1.0)) for w in ("Monday", "this month")]
    [False, True]
    >>> t = "Drones struck the depot this month."
    >>> frames_a_tally(t, Entity("DATE", t.index("this month"), len(t) - 1, "this month", 1.0))
    False
    """
    clause = re.split(r"[.;:!?\n]", text[max(0, entity.start - 120):entity.start])[-1]
    if _FRAME_YEAR.fullmatch(entity.text.strip()):  # "the deadliest week recorded in 2024"
        return bool(_ONLY_RANK.search(clause))
    return bool(_FRAME_DATE.fullmatch(entity.text.strip())) and bool(_RANK_BEFORE.search(clause))


#: modalities of an act that has not taken place (ANNOTATION.md section 6)
UNREALIZED = frozenset({"threatened", "planned"})

# "after" between a DATE and the act's word: the DATE may date a later main clause
_AFTER = re.compile(r"\bafter\b", re.I)
# a span of days before "after" ("two days after", "days after"): the act lies days before the DATE
_DAYS_BEFORE = re.compile(
    r"\b(?:days|weeks|months|(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?))\s+$", re.I)


def dates_later_clause(text: str, entity: Entity, trigger: int | None, spans: Sequence[Entity] = ()) -> bool:
    """Whether a DATE dates a main clause that an ``after`` clause holding the act's word (at
    offset ``trigger``) follows: the act's clause has a DATE of its own among ``spans``
    (``searched hospitals on Friday for relatives missing after a bomber struck on Thursday``), or
    lies days before (``a sombre silence hung over Gwoza on Monday, two days after bombings``).
    Otherwise the main clause is the act's sequel that day (``the fighting erupted on Tuesday
    after gunmen shot dead two commanders``) and its DATE dates the act, as the gold does.

    >>> t = "Families searched hospitals on Friday after a bomber struck the crowds on Thursday."
    >>> d, own = (Entity("DATE", t.index(w), t.index(w) + len(w), w, 1.0) for w in ("Friday", "Thursday"))
    >>> dates_later_clause(t, d, t.index("struck"), [d, own]), dates_later_clause(t, d, t.index("struck"), [d])
    (True, False)
    >>> t = "Silence hung over Gwoza on Monday, two days after bombings tore through a wedding."
    >>> monday = Entity("DATE", t.index("Monday"), t.index("Monday") + 6, "Monday", 1.0)
    >>> dates_later_clause(t, monday, t.index("bombings"))
    True
    """
    if trigger is None or entity.end > trigger:
        return False
    afters = list(_AFTER.finditer(text, entity.end, trigger))
    if not afters:
        return False
    after = afters[-1]  # the "after" nearest the act's word opens its clause
    return (any(after.end() <= e.start for e in spans)
            or bool(_DAYS_BEFORE.search(text, max(0, after.start() - 30), after.start())))


_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_SPAN = r"(?:(?P<n>an?|one|two|three|four|five|six|seven|\d+|several|a few)\s+)?(?P<unit>days?|weeks?|months?)"
# "a day after gunmen stormed the base": the act's clause follows "after"
_SPAN_AFTER = re.compile(rf"\b{_SPAN}\s+after\b(?P<clause>[^.;:()]{{0,80}})$", re.I)
# "fell on Tuesday after a week of street fighting": the act is the span itself
_AFTER_SPAN_OF = re.compile(rf"\bafter\s+{_SPAN}\s+of\b(?P<clause>[^.;:(),]{{0,40}})$", re.I)


def span_before(text: str, trigger: int | None, spans: Sequence[Entity], carry: DateCarry,
                published: date | None) -> EventDate | None:
    """The date of an act told as lying a span of time before its main clause, or None when it
    is not told so. The main clause's day is the DATE before the span (a statement's included),
    else the carried date. ``a day after X`` dates X the day before, with precision ``day``;
    ``a week after X`` a week before, precision ``week``; ``after a week of fighting`` dates the
    fighting from a week before, precision ``week`` (``after four days of fighting``, ``after days
    of fighting``: the main clause's day); a longer span (``two days after``, ``a month after``,
    ``after two weeks of``) gives the publication date with precision ``unknown``, as the gold does. A DATE of the
    act's own clause (``two days after launching the offensive on 6 May``) dates it instead.

    >>> from datetime import date
    >>> t = "Residents gathered outside the hospital on Sunday, a day after planes bombed it."
    >>> sunday = Entity("DATE", t.index("Sunday"), t.index("Sunday") + 6, "Sunday", 1.0)
    >>> span_before(t, t.index("bombed"), [sunday], DateCarry(), date(2015, 10, 4)).value
    '2015-10-03'
    """
    if trigger is None:
        return None
    for pattern, of in ((_SPAN_AFTER, False), (_AFTER_SPAN_OF, True)):
        m = pattern.search(text, max(0, trigger - 130), trigger)
        if m is not None:
            break
    else:
        return None
    if any(e.start >= m.start("clause") and not opens_period(text, e) for e in spans):
        return None  # the act's clause has a DATE of its own
    n, unit = (m.group("n") or "").lower(), m.group("unit").lower()
    if not n and not unit.endswith("s"):
        return None  # "reached last week after negotiations": a DATE, not a span
    unit = unit.rstrip("s")
    days = None if n not in _NUMBER_WORDS and not n.isdigit() else \
        int(n) * {"day": 1, "week": 7, "month": 30}[unit] if n.isdigit() else \
        _NUMBER_WORDS[n] * {"day": 1, "week": 7, "month": 30}[unit]
    if of and (days is None or days < 7):
        return None  # "after a day of fighting", "after days of fighting": the main clause's day
    if days is None or days > 7 or (not of and 1 < days < 7):
        return publication_date(published)
    anchors = [e for e in spans if e.end <= m.start()]
    if anchors:
        main = _resolved(anchors[-1], published)
        source = "text"
    else:
        main = carry.carried()
        source = "carried"
    if main is None or main.value is None or main.precision != "day":
        return publication_date(published)
    day = (date.fromisoformat(main.value) - timedelta(days=days)).isoformat()
    if days == 1:
        return EventDate(day, "day", main.text, day, day, source)
    return EventDate(day, "week", main.text, day, main.value, source)


# "the day before" / "the next day" after the act's word, in its clause
_DAY_AWAY_AFTER = re.compile(
    r"[^.;:()]{0,60}?\b(?:(?P<before>the (?:day before|previous day|preceding day)|a day earlier)|"
    r"(?P<after>the (?:next|following) day|a day later))\b", re.I)


def day_from_main(text: str, trigger: int | None, spans: Sequence[Entity], published: date | None) -> EventDate | None:
    """The date of an act told a day before or after its main clause's DATE (``buried on Tuesday
    the victims of the raid that hit the market the day before``, ``the burial on Sunday of 43
    farmers killed a day earlier``): that DATE's day minus or plus one, precision ``day``, as the
    gold does; None when the words after the act's word (at offset ``trigger``) say no such thing,
    or no day-precision DATE comes before it.

    >>> t = "Mourners on Tuesday buried six men killed in a raid the day before."
    >>> tue = Entity("DATE", t.index("Tuesday"), t.index("Tuesday") + 7, "Tuesday", 1.0)
    >>> day_from_main(t, t.index("killed"), [tue], date(2019, 5, 8)).value
    '2019-05-06'
    """
    if trigger is None:
        return None
    m = _DAY_AWAY_AFTER.match(text, trigger)
    if m is None:
        return None
    anchors = [e for e in spans if e.end <= trigger and not opens_period(text, e)]
    if not anchors or any(trigger < e.start < m.end() for e in spans):
        return None
    main = _resolved(anchors[-1], published)
    if main.value is None or main.precision != "day":
        return None
    day = (date.fromisoformat(main.value) + timedelta(days=-1 if m.group("before") else 1)).isoformat()
    return EventDate(day, "day", main.text, day, day, "text")


# a DATE that only says how far the act lies from another day ("a week earlier", "two days later")
_RELATIVE_SPAN = re.compile(r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                            r"(?P<unit>day|week|month)s?\s+(?P<way>earlier|before|later|after)", re.I)
_SMALL_NUMBERS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}


def relative_to_main(text: str, entity: Entity, spans: Sequence[Entity], carry: DateCarry,
                     published: date | None) -> EventDate | None:
    """The date of a DATE that counts from another day (``entered the town a week earlier``,
    ``two days later``): that many days, weeks or months from the last day-precision DATE
    before it in the stretch (a statement's date too: ``said on Monday that ... a week
    earlier``), else from the carried day, with the unit's precision; None when the DATE says
    no such thing or no day anchors it (it is not counted from the publication date).

    >>> t = "The army said on Monday that it had retaken the town, lost a week earlier."
    >>> mon, wk = (Entity("DATE", t.index(w), t.index(w) + len(w), w, 1.0) for w in ("Monday", "a week earlier"))
    >>> d = relative_to_main(t, wk, [mon, wk], DateCarry(), date(2019, 5, 29))
    >>> d.value, d.precision
    ('2019-05-20', 'week')
    """
    m = _RELATIVE_SPAN.fullmatch(entity.text.strip())
    if m is None:
        return None
    anchors = [d for d in (_resolved(e, published) for e in spans if e.end <= entity.start)
               if d.precision == "day" and d.value is not None]
    main = anchors[-1] if anchors else carry.carried()
    if main is None or main.precision != "day" or main.value is None:
        return None
    word = m.group("n").lower()
    n = 1 if word in ("a", "an") else _SMALL_NUMBERS.get(word) or int(word)
    sign = -1 if m.group("way").lower() in ("earlier", "before") else 1
    unit = m.group("unit").lower()
    day = date.fromisoformat(main.value)
    if unit == "day":
        day += timedelta(days=sign * n)
        return EventDate(day.isoformat(), "day", entity.text, day.isoformat(), day.isoformat(), "text")
    if unit == "week":
        day += timedelta(days=sign * 7 * n)
        monday = day - timedelta(days=day.weekday())
        end = monday + timedelta(days=6)
        return EventDate(monday.isoformat(), "week", entity.text, monday.isoformat(), end.isoformat(), "text")
    months = day.year * 12 + day.month - 1 + sign * n
    first = date(months // 12, months % 12 + 1, 1)
    last = date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)
    return EventDate(first.isoformat(), "month", entity.text, first.isoformat(), last.isoformat(), "text")


# a week told in the clause before a weekday ("during the week that began on Monday", "The week
# began with an attack on Monday morning"); right before it, the weekday opens that week
_WEEK_BEFORE = re.compile(r"\bweek\b[^.;:\n]{0,70}$", re.I)
_WEEK_OPENED = re.compile(r"\bweek\s+(?:that\s+)?(?:began|started|beginning|starting|from)\s+(?:on\s+)?$", re.I)
_WEEKDAY_NAME = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)


def week_told_on_its_day(text: str, entity: Entity, when: EventDate, published: date | None) -> EventDate:
    """``when`` a week back when its weekday names the publication day itself inside a clause
    that tells a week (``14 drone attacks during the week that began on Monday``, told on a
    Monday): the week is the one just ended, not the day of publication. Right after ``the week
    that began`` / ``the week from`` the date is that week (precision ``week``).

    >>> t = "Shelling went on for most of the week from Monday."
    >>> e = Entity("DATE", t.index("Monday"), t.index("Monday") + 6, "Monday", 1.0)
    >>> d = week_told_on_its_day(t, e, EventDate("2024-03-25", "day", "Monday"), date(2024, 3, 25))
    >>> d.value, d.precision, d.end
    ('2024-03-18', 'week', '2024-03-24')
    """
    if (published is None or when.precision != "day" or when.value != published.isoformat()
            or not _WEEKDAY_NAME.search(entity.text)):
        return when
    before = text[max(0, entity.start - 90):entity.start]
    if not _WEEK_BEFORE.search(before):
        return when
    day = published - timedelta(days=7)
    if _WEEK_OPENED.search(before):
        end = day + timedelta(days=6)
        return replace(when, value=day.isoformat(), precision="week", start=day.isoformat(), end=end.isoformat())
    return replace(when, value=day.isoformat(), start=day.isoformat(), end=day.isoformat())


def date_of(text: str, sentence: str, spans: Sequence[Entity], cumulative: bool, carry: DateCarry,
            published: date | None, trigger: int | None = None, unrealized: bool = False) -> EventDate:
    """The date of one record from the DATE spans of its stretch (``spans``, indexing ``text``).

    ``sentence`` is the record's sentence (its shift words move a carried date), ``cumulative``
    whether it reports a running total, ``trigger`` the offset of the act's word in ``text``,
    ``unrealized`` whether the act is only threatened or planned: it has not taken place on the
    story's day, so without a DATE of its own it takes the publication date, as the gold does. An
    act date, own or carried, is handed to ``carry``.

    >>> carry = DateCarry()
    >>> carry.record(EventDate("2024-05-06", "day", "Monday"))
    >>> date_of("The next day, rebels shelled Hama.", "The next day, rebels shelled Hama.", [], False,
    ...         carry, date(2024, 5, 8)).value
    '2024-05-07'
    """
    if spans:
        carry.opening(_resolved(min(spans, key=lambda e: e.start), published))
    later = [e for e in spans if dates_later_clause(text, e, trigger, spans)]
    before = span_before(text, trigger, spans, carry, published)
    if before is not None:  # "a day after gunmen stormed ...": the act lies that span before the main clause
        if later:  # the main clause's day still dates the story
            carry.saw(_resolved(later[0], published))
        return before
    moved = day_from_main(text, trigger, spans, published)
    if moved is not None:  # "killed a day earlier": the main clause's DATE a day away
        return moved
    opened = [e for e in spans if dates_when_clause(text, e, trigger)]
    if opened and not cumulative:  # "since December, when ... were seized": the act that opened the period
        return _resolved(opened[0], published)
    when = _choose(text, sentence, [e for e in spans if e not in later and not names_a_thing(text, e)
                                    and not frames_a_tally(text, e) and not background_year(text, e, published)],
                   cumulative, carry, published, unrealized)
    if later:  # the main clause's day ("drove them out on Friday, days after ...") still dates the story
        carry.saw(_resolved(later[0], published))
    return when


def _choose(text: str, sentence: str, spans: Sequence[Entity], cumulative: bool, carry: DateCarry,
            published: date | None, unrealized: bool = False) -> EventDate:
    """:func:`date_of` once the DATEs that date nothing of the act are gone."""
    periods = [e for e in spans if opens_period(text, e)]
    spans = [e for e in spans if e not in periods]
    own = [e for e in spans if not is_reporting_date(text, e)]
    if cumulative or (periods and not own):
        # a running total covers a period: its date is not the period's start (ANNOTATION.md),
        # nor the date of the next sentence's act
        if own:
            carry.saw(_resolved(own[0], published))
        return publication_date(published)
    if own:
        own = _finer_first(own, published)
        when = (relative_to_main(text, own[0], spans, carry, published)
                or joined_range(text, own[0], own, published)
                or week_told_on_its_day(text, own[0], _resolved(own[0], published), published))
        anchor = carry.narrative_anchor(published)
        if anchor is not None:  # a retrospective: "27 September" is the story's, not last year's
            when = narrative_year(when, anchor, published)
        if when.precision == "day" and bounds_an_account(text, own[0]):
            return when  # "had died by Wednesday": a bound of the account, not the story's day
        carry.record(when)
        return when
    if unrealized:  # "vowed to retake the city": not an act of the story's day
        return publication_date(published)
    carried = carry.carried()
    stated = _resolved(spans[0], published) if spans else None
    if carried is not None and carried.precision == "month" and stated is None:
        # a month dates no act of the story's day: the record is dated by publication, as the gold does
        return publication_date(published)
    if carried is not None and not _after(carried, stated):
        when = shifted(carried, sentence, published)  # "the next day": one day on
        carry.record(when)
        return when
    if stated is not None:  # only a reporting date ("said on Friday"): it dates the act, and carries nowhere
        return stated
    return publication_date(published)


def saw_dates(text: str, body: tuple[int, int], spans: Sequence[Entity], carry: DateCarry,
              published: date | None) -> None:
    """Hand ``carry`` the act DATE of a sentence that gave no record; ``body`` is the sentence's
    (start, end) after its dateline. A sentence that is only a date dates what follows it
    (:meth:`.DateCarry.heading`); another one's date carries only while nothing else dated the
    story (:meth:`.DateCarry.saw`), a statement's date too.

    >>> t = "July 9. The Observatory said troops seized two positions."
    >>> carry = DateCarry()
    >>> carry.record(EventDate("2019-07-08", "day", "July 8"))
    >>> saw_dates(t, (0, 7), [Entity("DATE", 0, 6, "July 6", 1.0)], carry, date(2019, 7, 15))
    >>> carry.carried().value
    '2019-07-06'
    """
    acts = act_dates(text, spans)
    if not acts and carry.carried() is None:
        # a statement's date before anything dated the story ("The General Command issued the
        # following statement on Tuesday evening:") dates the statement's acts told after it
        acts = [e for e in spans if not opens_period(text, e) and not names_a_thing(text, e)
                and not frames_a_tally(text, e)]
    if not acts:
        return
    when = _resolved(acts[0], published)
    if is_date_only(text[body[0]:body[1]], [(e.start - body[0], e.end - body[0]) for e in spans]) \
            or dated_entry(text, body, acts[0]):
        carry.heading(when)
    else:
        carry.saw(when)


# a chronology's entry opening with its date ("10 June: Masala and Mahihi (Beni territory).")
_ENTRY_OPENING = re.compile(r"[\s\-\u2013\u2014\u2022*]*$")
_ENTRY_COLON = re.compile(r"\s*[:\u2013\u2014]\s")


def dated_entry(text: str, body: tuple[int, int], entity: Entity) -> bool:
    """Whether a sentence that reports no act opens with a DATE and a colon or dash, as a
    chronology's entry does (``10 June: Masala and Mahihi (Beni territory).``): its date dates
    the entry's sentences after it, as a date line does.

    >>> t = "12 June: Mayikengo and Kabweke (Lubero territory). Gunmen struck the villages."
    >>> dated_entry(t, (0, 50), Entity("DATE", 0, 7, "12 June", 1.0))
    True
    """
    return (body[0] <= entity.start and _ENTRY_OPENING.fullmatch(text, body[0], entity.start) is not None
            and _ENTRY_COLON.match(text, entity.end) is not None)


def is_date_only(sentence: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a sentence holds nothing but its DATE spans (``spans``: offsets in it),
    punctuation and at most a short word (``On July 9:``).

    >>> is_date_only("July 9.", [(0, 6)]), is_date_only("On July 9:", [(3, 9)])
    (True, True)
    >>> is_date_only("Jets struck on July 9.", [(15, 21)])
    False
    """
    rest, last = [], 0
    for start, end in sorted(spans):
        rest.append(sentence[last:start])
        last = max(last, end)
    rest.append(sentence[last:])
    return len(re.sub(r"[\W_]", "", "".join(rest))) <= _DATE_ONLY_SLACK


# letters besides the DATE spans that still leave a sentence "only a date" ("on" is few enough)
_DATE_ONLY_SLACK = 3


def act_dates(text: str, spans: Sequence[Entity]) -> list[Entity]:
    """The DATE spans that date an act: neither a statement's date nor a period's start.

    >>> t = "The army said on Friday that 12 fighters were killed on Thursday."
    >>> [e.text for e in act_dates(t, [Entity("DATE", t.index(w), t.index(w) + len(w), w, 1.0)
    ...                               for w in ("Friday", "Thursday")])]
    ['Thursday']
    """
    return [e for e in spans if not is_reporting_date(text, e) and not opens_period(text, e)
            and not names_a_thing(text, e) and not frames_a_tally(text, e)]


def _resolved(entity: Entity, published: date | None) -> EventDate:
    return with_range(resolve_date(entity.text, published), published)  # "May 3-5": start/end


def _after(carried: EventDate, stated: EventDate | None) -> bool:
    """Whether a carried date lies after the day a statement was made: an act reported on Sunday
    took place by Sunday, so Tuesday's story date cannot be its date.

    >>> _after(EventDate("2022-11-22", "day", "Tuesday"), EventDate("2022-11-20", "day", "Sunday"))
    True
    >>> _after(EventDate("2022-11-22", "day", "Tuesday"), None)
    False
    """
    if stated is None or stated.value is None or carried.value is None or stated.precision != "day":
        return False
    return carried.value > stated.value


def _finer_first(own: list[Entity], published: date | None) -> list[Entity]:
    """The act DATEs with the first one finer than a bare year in front, when the first is a
    year: the year is background, the finer DATE dates the act.

    >>> t = "Gunmen who joined the settlement in 2018 shot a commander on Saturday evening."
    >>> es = [Entity("DATE", t.index(w), t.index(w) + len(w), w, 1.0) for w in ("2018", "Saturday evening")]
    >>> [e.text for e in _finer_first(es, date(2021, 8, 16))]
    ['Saturday evening', '2018']
    """
    if len(own) < 2:
        return own
    resolved = [_resolved(e, published) for e in own]
    if resolved[0].precision not in COARSE_PRECISIONS:
        return own
    finer = next((e for e, d in zip(own[1:], resolved[1:])
                  if d.precision not in COARSE_PRECISIONS and d.value is not None), None)
    return own if finer is None else [finer] + [e for e in own if e is not finer]
