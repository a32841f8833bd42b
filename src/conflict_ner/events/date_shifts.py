"""Words that date a sentence by the previous one: ``the same day``, ``hours later``, ``the next day``.

Such words are not DATE spans (ANNOTATION.md section 1), yet they tell a coder how a
sentence's act relates to the date carried from before it (:mod:`.date_carry`): ``the
same day``, ``hours later``, ``by the evening``, ``overnight`` keep it; ``the next day``
adds a day; ``the day before`` takes one away; ``days later``, ``weeks earlier`` say only
that it is another day, ``in the offensive``, ``for weeks``, ``in the past 72 hours``
that the act spans a period, and a main verb in the present (``denies``, ``has displaced``)
that it speaks of now, so the record falls back to the publication date (the gold mostly
does the same); a denial or a claim (``has denied``, ``no group has claimed``) answers for the
story's act, and a live page's timed entry (``11:05 - the minister says``) narrates its hour.

>>> shift_of("Hours later, gunmen attacked a second village.")
0
>>> shift_of("The next day, rebels shelled the town."), shift_of("Days later, a bomb exploded.")
(1, None)
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from conflict_ner.records import EventDate

_SAME = (r"(?:on )?the same day|that same day|later (?:that|the same|in the) (?:day|evening|night|afternoon)|"
         r"(?:a few |several |two |three )?hours (?:later|afterwards?)|(?:by|in|during|that) (?:the )?"
         r"(?:evening|night|afternoon)|that (?:morning|evening|night|afternoon)|overnight|shortly (?:after|afterwards)|"
         r"minutes later|soon after(?:wards)?")
_NEXT = r"the (?:next|following) (?:day|morning)|a day later|the day after|(?:on )?the morrow"
_BEFORE = r"the (?:day before|previous day|preceding day)|a day earlier"
# "two days after the raid" dates the act by the raid, not by the story: only the adverbs count
_VAGUE = (r"(?:days|weeks|months|(?:a|one|two|three|several|a few) (?:days?|weeks?|months?)) "
          r"(?:later|earlier|afterwards?)(?! than)")
# a span of time, not a day: "in the offensive", "for weeks", "in the past 72 hours" (the gold
# dates "during the operation", "in the past 24 hours", "in the days that followed" by the story)
_WAR = r"battles?|offensive|campaign|siege|war|conflict|incursion"
_UNITS = r"days|weeks?|months?|years?|decade|(?:48|72|96) hours"
_PERIOD = (rf"(?:during|in|over) the (?:\w+[ -])?(?:{_WAR})|for (?:weeks|months|years)|"
           rf"in the (?:days|weeks|months) (?:before|since)|"
           rf"(?:in|over|during) the (?:past|last|previous|final|first) (?:\w+ )?(?:{_UNITS})|"
           rf"(?:week|month|year)-long|since")
# a main clause in the present or present perfect speaks of now, not of the story's day
# ("Ankara denies ...", "the fighting has displaced ..."); not after a modal, "to" or a relative
_PRESENT = (r"(?<!\bto )(?<!\bmay )(?<!\bmight )(?<!\bcould )(?<!\bwould )(?<!\bwhich )(?<!\bwho )(?<!\bthat )"
            r"(?:has|have)(?: not| also| now| repeatedly| already)? (?:been )?(?!(?:denied|claimed)\b)[a-z]+(?:ed|en|wn|ught|t)|"
            r"says|denies|accuses|insists|maintains|holds|"
            # a present passive ("most of the drones are intercepted", "troops are stationed along the
            # border"); lower case only, so that "IS claimed" is the group
            r"(?<!\bwho )(?<!\bwhich )(?<!\bthat )(?-i:is|are) (?:now |still )?[a-z]+(?:ed|en)")
# a few days from the carried day on ("within days", "within 48 hours", "in the following days",
# "over the same period"): the act spans them; the gold dates it by the carried day with precision week
_FEW_DAYS = (r"within (?:days|a few days|(?:48|72) hours)|in the (?:following|ensuing) days|"
             r"(?:over|during|in) the same period")
_SPAN_DAYS = {"48": 2, "72": 3}
_SHIFTS = re.compile(rf"\b(?:(?P<present>{_PRESENT})|(?P<next>{_NEXT})|(?P<before>{_BEFORE})|(?P<vague>{_VAGUE})|"
                     rf"(?P<few>{_FEW_DAYS})|(?P<period>{_PERIOD})|(?P<same>{_SAME}))\b", re.I)
_DAYS = {"same": 0, "next": 1, "before": -1}
# a tally line of a bulletin ("Civilians killed: 1,093 (287 children)", "- SDF fighters killed: at
# least 560"): a total over the report's period, not an act of the story's day
_TALLY = re.compile(r"^\W*[A-Z][\w ,'()/-]{2,60}:\s*(?:at least |about |more than |over |nearly |some )?\d")

# a live page's entry opens with its hour ("11:05 — The minister says 21 were killed"): its
# present tense narrates the page's day, not now
_CLOCK = re.compile(r"^\W*\d{1,2}[:.h]\d{2}\b")

#: what :func:`shift_of` returns when the words say "another day" without saying which
VAGUE = None


# a relative clause, or a figure's "that" clause, before a present verb: the verb tells of the place or
# the figure ("where Jaish al-Izza still holds Latamneh", "a figure that the government has not
# addressed"), not of the act's day
_RELATIVE_CLAUSE = re.compile(r"(?:^|[,;:\u2014(])[^,;:\u2014(]*?\b(?:which|who|whom|whose|where|"
                              r"(?:an? |the )?(?:figure|claim|practice|move|charge|number|toll|account)s? that)\b"
                              r"[^,;:\u2014(]*$", re.I)


def _shift_match(sentence: str) -> re.Match | None:
    """The first shift word of ``sentence`` that speaks of its act.

    >>> _shift_match("Rebels shelled villages, where the army still holds two posts.") is None
    True
    """
    m = _SHIFTS.search(sentence)
    clock = _CLOCK.match(sentence)  # a live page's entry tells its hour in the present
    while m is not None and m.lastgroup == "present" and (clock or _RELATIVE_CLAUSE.search(sentence, 0, m.start())):
        m = _SHIFTS.search(sentence, m.end())
    return m


def shift_of(sentence: str) -> int | None | bool:
    """Days the sentence's act lies after the carried date; ``None`` (:data:`VAGUE`) when it
    says only "another day"; ``False`` when it says nothing about it.

    >>> shift_of("Rebels shelled the town."), shift_of("The day before, troops withdrew.")
    (False, -1)
    """
    if _TALLY.match(sentence):
        return VAGUE
    m = _shift_match(sentence)
    if m is None:
        return False
    if m.lastgroup == "few":
        return 0
    return VAGUE if m.lastgroup in ("vague", "period", "present") else _DAYS[m.lastgroup]


def shifted(carried: EventDate, sentence: str, published: date | None) -> EventDate:
    """The carried date as this sentence's: kept, moved by its shift words, or the publication
    date (``precision`` unknown) for a vague "days later". The result is marked ``carried``.

    >>> d = EventDate("2024-05-06", "day", "Monday")
    >>> shifted(d, "The next day, troops retook the town.", None).value
    '2024-05-07'
    """
    shift = shift_of(sentence)
    if shift is VAGUE:
        return EventDate(published.isoformat() if published else None, "unknown", None)
    when = replace(carried, source="carried")
    if shift == 0 and carried.precision == "day" and carried.value is not None:
        m = _shift_match(sentence)
        if m is not None and m.lastgroup == "few":  # "within days": from the carried day, precision week
            hours = re.search(r"\d+", m.group(0))
            end = date.fromisoformat(carried.value) + timedelta(days=_SPAN_DAYS[hours.group(0)] if hours else 6)
            return EventDate(carried.value, "week", carried.text, carried.value, end.isoformat(), "carried")
    if shift is False or shift == 0 or carried.precision != "day" or carried.value is None:
        return when
    day = (date.fromisoformat(carried.value) + timedelta(days=shift)).isoformat()
    return EventDate(day, "day", carried.text, day, day, "carried")
