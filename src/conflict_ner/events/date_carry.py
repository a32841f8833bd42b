"""Which earlier date a record without a date of its own takes (ANNOTATION.md section 6).

A coder dates such a sentence by the story so far: the most recent act date before it, the
paragraph's, then the previous act sentence's. Older variants stay selectable because
section 6 measures all three on dev:

- ``recent`` (default): the date of the latest record before it that had one (its own act
  DATE, or one it carried), so a round-up moving from March 3 to March 9 dates its March 9
  paragraph's later sentences March 9;
- ``paragraph``: the first record date of the sentence's paragraph, else the document's first;
- ``document``: the first act date of the document (the lede's).

Dates a record took from a reporting verb (``said on Friday``) or from the publication date
never carry: they do not date an act.

>>> carry = DateCarry("recent")
>>> carry.record(EventDate("2024-03-03", "day", "March 3")); carry.record(EventDate("2024-03-09", "day", "March 9"))
>>> carry.carried().text
'March 9'
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from conflict_ner.events.dates import RETROSPECTIVE_DAYS, states_year
from conflict_ner.records import EventDate

CarryMode = Literal["recent", "paragraph", "document"]
#: An own act date this many days or fewer before the story's latest is still the story's
#: (a lede's "Monday" after the aftermath's "Tuesday"); older, it is background (:meth:`DateCarry.is_flashback`).
FLASHBACK_DAYS = 7
#: A date this coarse ("in 2024", "since 2016") dates its own sentence only: a coder dates the
#: sentences after it by the story's day, or by publication; beside a finer DATE it is background
#: (:func:`.date_choice.date_of`).
COARSE_PRECISIONS = frozenset({"year"})
CARRY_MODES: tuple[CarryMode, ...] = ("recent", "paragraph", "document")


class DateCarry:
    """The carry state of one document, fed sentence by sentence in text order.

    >>> carry = DateCarry("paragraph")
    >>> carry.record(EventDate("2024-03-03", "day", "March 3")); carry.new_paragraph()
    >>> carry.carried().text  # nothing dated in this paragraph yet: the document's first
    'March 3'
    """

    def __init__(self, mode: CarryMode = "recent"):
        if mode not in CARRY_MODES:
            raise ValueError(f"date carry mode {mode!r}: expected one of {CARRY_MODES}")
        self.mode = mode
        self._first: EventDate | None = None  # the document's first act date
        self._paragraph_first: EventDate | None = None
        self._latest: EventDate | None = None
        self._opening: EventDate | None = None  # the document's first DATE of any kind (:meth:`opening`)

    def new_paragraph(self) -> None:
        """A blank line was crossed."""
        self._paragraph_first = None

    def state(self) -> dict:
        """What the carry holds now, for :meth:`restore`: a background act's date dates its own record only."""
        return dict(self.__dict__)

    def restore(self, state: dict) -> None:
        """Go back to a :meth:`state`."""
        self.__dict__.update(state)

    def record(self, when: EventDate) -> None:
        """A record of the current sentence was dated ``when`` (from an act DATE or carried)."""
        if when.value is None or when.text is None:
            return
        if self._first is None:
            self._first = when
        if self.mode == "recent" and (self.is_flashback(when) or when.precision in COARSE_PRECISIONS):
            return  # the story goes on at its latest date (:meth:`is_flashback`)
        if self._paragraph_first is None:
            self._paragraph_first = when
        self._latest = when

    def is_flashback(self, when: EventDate) -> bool:
        """Whether ``when``, a sentence's own act date, lies more than :data:`FLASHBACK_DAYS` before
        the latest act date of the story: background (``the Taliban, who seized Kabul on Aug. 15``, ``took over earlier this
        month``) that dates its own sentence but not the ones after it, which a coder goes on
        dating by the story's day.

        >>> carry = DateCarry()
        >>> carry.record(EventDate("2021-08-26", "day", "Thursday"))
        >>> carry.is_flashback(EventDate("2021-08-15", "day", "Aug. 15"))
        True
        >>> carry.record(EventDate("2021-08-15", "day", "Aug. 15")); carry.carried().text
        'Thursday'
        """
        latest = self._latest
        if when.source != "text" or latest is None or latest.value is None or when.value is None:
            return False
        return (date.fromisoformat(latest.value) - date.fromisoformat(when.value)).days > FLASHBACK_DAYS

    def heading(self, when: EventDate) -> None:
        """A sentence that is only a date (a chronology's ``July 9.``, a live page's ``21 August
        2019``) dates what follows it, as a record's date does."""
        if when.value is None:
            return
        self._first = self._first or when
        if self.mode != "document":
            self._paragraph_first = when
            self._latest = when

    def saw(self, when: EventDate) -> None:
        """An act DATE of a sentence that gave no record (or only a running total): it carries
        only while nothing else dated the story (a lede the rules find no act in)."""
        if when.value is None or self._first is not None:
            return
        self._first = when
        if self.mode != "document":
            self._paragraph_first = self._paragraph_first or when
            self._latest = when

    def opening(self, when: EventDate) -> None:
        """A DATE of an act sentence, whatever it dates (a period's start, a statement, the act): the
        first one tells news from a retrospective (:meth:`narrative_anchor`)."""
        if self._opening is None and when.value is not None:
            self._opening = when

    def narrative_anchor(self, published: date | None) -> date | None:
        """The date yearless dates follow in a retrospective (:data:`.dates.RETROSPECTIVE_DAYS`):
        the latest act date, when the document's first act date names its year and lies long
        before publication; None otherwise (news: yearless dates follow publication).

        >>> carry = DateCarry()
        >>> carry.record(EventDate("2014-09-16", "day", "16 September 2014"))
        >>> carry.narrative_anchor(date(2016, 1, 21)), carry.narrative_anchor(date(2014, 10, 1))
        (datetime.date(2014, 9, 16), None)
        """
        first, latest = self._first, self._latest or self._first
        if first is None or latest is None or published is None or not states_year(first.text):
            return None
        if (published - date.fromisoformat(first.value)).days <= RETROSPECTIVE_DAYS:
            return None
        opening = self._opening
        if opening is not None and (published - date.fromisoformat(opening.value)).days <= RETROSPECTIVE_DAYS:
            return None  # news that opens on a recent date ("since they entered it on June 5")
        return date.fromisoformat(latest.value)

    def carried(self) -> EventDate | None:
        """The date a record without an act DATE of its own takes; None when nothing dated one yet."""
        if self.mode == "recent":
            return self._latest
        if self.mode == "paragraph":
            return self._paragraph_first or self._first
        return self._first
