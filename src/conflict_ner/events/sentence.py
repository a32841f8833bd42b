"""One sentence and what the rules read from it, each computed once.

The builder makes one :class:`Sentence` per sentence and hands it to every rule; a
rule asks for the triggers, sources or breaks it needs, and the first ask computes
them (in linear time) for all later ones.

>>> s = Sentence("Rebels shelled Hama, a monitor said.", start=100)
>>> [s.text[t.start:t.end] for t in s.triggers], [s.text[x.start:x.end] for x in s.sources]
(['shelled'], ['a monitor'])
>>> s.reports_violence, s.in_pure_source(23, 30)
(True, True)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from conflict_ner.events.clauses import LIST_BREAK, PREDICATE_BREAK, SEGMENT_BREAK, SUBORDINATE_BREAK, Breaks
from conflict_ner.events.regex_literals import fold
from conflict_ner.events.sources import Source, find_sources
from conflict_ner.events.triggers import Trigger, find_triggers


# Words that take a stance on an act told elsewhere: a denial, a rejection, blame, a claim of it.
_STANCE = re.compile(r"\b(?:den(?:ied|ies|y|ying)|blam(?:ed|es)|"
                     r"(?:rejected|dismissed|disputed|disputes)(?=\s+(?:the|that|this|these|those|its|their|any|a|an)\b))\b",
                     re.I)
_CLAIMED = re.compile(r"claim(?:ed|s|ing)? responsibility", re.I)
# The clause that follows a stance and tells the act: "X blamed Y and said the attackers had ...",
# "X denied any involvement and suggested the blast ...".
_THEN_SAID = re.compile(r",?\s+and\s+(?:also\s+)?(?:said|says|suggested|insisted|added|claimed)\b", re.I)


@dataclass(frozen=True, eq=False)
class Sentence:
    """``text`` of one sentence and its offset ``start`` in the document; rule offsets are sentence offsets."""

    text: str
    start: int = 0

    @cached_property
    def triggers(self) -> tuple[Trigger, ...]:
        """Violence words, in order; in a sentence with no act word, its stance words.

        A sentence that only denies, rejects or blames an act told elsewhere (``Iran denied
        any involvement``, ``Officials blamed the Carlos Patino Front``) keeps a record whose
        trigger is that word (ANNOTATION.md section 9, outcomes told apart from their act). A
        stance word counts as a noun trigger: it names the act it speaks of, and takes no
        part in the verb patterns of roles.

        >>> [(t.kind, t.realized) for t in Sentence("The PMF rejected the accusation.").triggers]
        [('noun', True)]
        """
        found = find_triggers(self.text)
        if any(t.kind != "support" for t in found):
            return found
        # a claim of responsibility is a support verb beside an act word, the act's word alone
        claims = [t._replace(kind="noun", realized=True) for t in found if _CLAIMED.match(self.text, t.start)]
        stance = [Trigger(m.start(), m.end(), "noun", False, True) for m in _STANCE.finditer(self.text)]
        if not (claims or stance):
            return found
        return tuple(sorted([t for t in found if not _CLAIMED.match(self.text, t.start)] + claims + stance))

    @cached_property
    def stance_clause(self) -> tuple[Trigger, int] | None:
        """A stance on an act (a denial, a rejection, blame) that opens the sentence's first clause
        when an act word follows in a clause of its own after ``and said`` (``Police blamed X and said
        two suspects had been arrested``, ``X denied any involvement and suggested the blast was ...``):
        the stance as a noun trigger and where the act's clause begins; None if there is none.

        >>> s = Sentence("Police blamed the rebels and said two gunmen had attacked the post.")
        >>> t, cut = s.stance_clause
        >>> s.text[t.start:t.end], s.text[cut:].split()[:2]
        ('blamed', ['and', 'said'])
        """
        acts = [t for t in self.triggers if t.kind != "support"]
        if not acts:
            return None
        m = _STANCE.search(self.text, 0, acts[0].start)
        if m is None or any(t.start < m.end() and m.start() < t.end for t in self.triggers):
            return None
        said = _THEN_SAID.search(self.text, m.end(), acts[0].start)
        if said is None or any(t.start < said.start() for t in acts):
            return None
        return Trigger(m.start(), m.end(), "noun", False, True), said.start()

    @cached_property
    def folded(self) -> str | None:
        """The text as the cue gates of :mod:`.regex_literals` read it (lower case, or None)."""
        return fold(self.text)

    @cached_property
    def verbs(self) -> tuple[Trigger, ...]:
        """Triggers that are verbs (not nouns), in order."""
        return tuple(t for t in self.triggers if t.kind != "noun")

    @cached_property
    def trigger_ends(self) -> list[int]:
        """Ends of :attr:`triggers`, in order (triggers never overlap)."""
        return [t.end for t in self.triggers]

    @cached_property
    def verb_starts(self) -> list[int]:
        return [v.start for v in self.verbs]

    @cached_property
    def verb_ends(self) -> list[int]:
        return [v.end for v in self.verbs]

    @property
    def reports_violence(self) -> bool:
        """Whether a trigger reports violence (``support`` verbs alone do not)."""
        return any(t.kind != "support" for t in self.triggers)

    @cached_property
    def sources(self) -> tuple[Source, ...]:
        """Source phrases, in order."""
        return find_sources(self.text)

    @cached_property
    def _pure(self) -> tuple[list[int], list[int]]:
        # starts of the sources whose speaker takes no part, and the furthest end reached so far
        pure = [s for s in self.sources if not s.participant]
        return [s.start for s in pure], list(accumulate((s.end for s in pure), max))

    def in_pure_source(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies in a source phrase whose speaker takes no part in what it reports."""
        starts, reach = self._pure
        i = bisect_right(starts, start)
        return bool(i) and reach[i - 1] >= end

    def first_verb_from(self, pos: int) -> int:
        """Index in :attr:`verbs` of the first verb starting at or after ``pos``."""
        return bisect_left(self.verb_starts, pos)

    @cached_property
    def segments(self) -> Breaks:
        """Breaks at punctuation and subordinating words (an actor's segment)."""
        return Breaks(SEGMENT_BREAK, self.text)

    @cached_property
    def subordinate_clauses(self) -> Breaks:
        """Breaks at semicolons and subordinating words (an actor's clause)."""
        return Breaks(SUBORDINATE_BREAK, self.text)

    @cached_property
    def predicates(self) -> Breaks:
        """Breaks at punctuation and coordinating words (a count's clause)."""
        return Breaks(PREDICATE_BREAK, self.text)

    @cached_property
    def list_items(self) -> Breaks:
        """Breaks at commas and semicolons."""
        return Breaks(LIST_BREAK, self.text)
