"""Where a sentence breaks into pieces: one pattern per kind of break, one lookup for all.

The rules read a word's role, outcome or source within a piece of its sentence; what
ends a piece depends on the question, so each kind of break has its own name:

- :data:`SEGMENT_BREAK`: punctuation or a subordinating word, the stretch an actor's role is read in;
- :data:`SUBORDINATE_BREAK`: a semicolon or a subordinating word, the actor's clause;
- :data:`PREDICATE_BREAK`: punctuation or a coordinating word, the clause a count's outcome is read in;
- :data:`SUBJECT_BOUNDARY`: where the subject of a reporting verb can start;
- :data:`LIST_BREAK`: commas and semicolons, the list item a running-total cue must sit in.

:class:`Breaks` finds a pattern's matches once per sentence; each lookup is then a
binary search, so a rule stays linear in the sentence length however many words it asks about.

>>> s = "Rebels attacked, killing four, while troops fled."
>>> b = Breaks(SEGMENT_BREAK, s)
>>> lo, hi = b.piece(s.index("killing"), s.index("killing") + 7)
>>> s[lo:hi]
' killing four'
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from conflict_ner.events.lexicon import COORDINATORS, SUBJECT_OPENERS, SUBORDINATORS

# A comma between digits groups thousands ("180,000 people"): no break.
SEGMENT_BREAK = re.compile(rf"(?<!\d),|,(?!\d{{3}}\b)|[;:()\u2014\u2013]|\s-\s|\b(?:{SUBORDINATORS})\b", re.I)
SUBORDINATE_BREAK = re.compile(rf";|\b(?:{SUBORDINATORS})\b", re.I)
PREDICATE_BREAK = re.compile(rf"[;:]|,|\s(?:{COORDINATORS})\s", re.I)
SUBJECT_BOUNDARY = re.compile(rf"[,;:(\"\u201c\u201d\u2014\u2013]|\s-\s|\b(?:{SUBJECT_OPENERS})\b", re.I)
LIST_BREAK = re.compile(r"[,;]")


class Breaks:
    """The matches of one break pattern in one text, in order, for lookups by offset.

    >>> b = Breaks(LIST_BREAK, "a, b; c")
    >>> b.starts, b.last_end_at_or_before(4), b.first_start_at_or_after(2)
    ([1, 4], 2, 4)
    """

    def __init__(self, pattern: re.Pattern, text: str):
        found = list(pattern.finditer(text))
        self.length = len(text)
        self.starts = [m.start() for m in found]
        self.ends = [m.end() for m in found]
        self.texts = [m.group(0) for m in found]

    def last_end_at_or_before(self, pos: int) -> int:
        """End of the last break that ends at or before ``pos`` (0 if none)."""
        i = bisect_right(self.ends, pos)
        return self.ends[i - 1] if i else 0

    def first_start_at_or_after(self, pos: int) -> int:
        """Start of the first break that starts at or after ``pos`` (the text length if none)."""
        i = bisect_left(self.starts, pos)
        return self.starts[i] if i < len(self.starts) else self.length

    def piece(self, start: int, end: int) -> tuple[int, int]:
        """``(lo, hi)`` of the piece that holds ``[start, end)``; a break overlapping it is ignored."""
        return self.last_end_at_or_before(start), self.first_start_at_or_after(end)

    def pieces(self, protected: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
        """``(start, end, joiner)`` of each piece, where ``joiner`` is the break before it.

        Breaks that overlap a ``protected`` span (a count such as "between 20 and 80")
        are ignored.

        >>> s = "between 20 and 80 died and 12 fled"
        >>> [s[a:b] for a, b, _ in Breaks(PREDICATE_BREAK, s).pieces([(0, 17)])]
        ['between 20 and 80 died', '12 fled']
        """
        spans = sorted(protected)
        out = []
        prev, joiner = 0, ""
        k, reach = 0, -1  # spans starting before the break's end, and the furthest one of them reaches
        for b_start, b_end, text in zip(self.starts, self.ends, self.texts):
            while k < len(spans) and spans[k][0] < b_end:
                reach = max(reach, spans[k][1])
                k += 1
            if reach > b_start:
                continue
            out.append((prev, b_start, joiner))
            prev, joiner = b_end, text
        out.append((prev, self.length, joiner))
        # Keep offsets inside the text even for an empty piece (", and").
        return [(s, max(s, e), j) for s, e, j in out]


#: How many characters a rule reads to the left of a word for a phrase that ends right
#: there ("were later", "held by the", "between the army and"): such phrases are a few
#: words long, and a bound keeps the rules linear in the sentence length.
LOOKBACK = 200


def lookback(pos: int, floor: int = 0) -> int:
    """Where a rule's left-context search before ``pos`` starts (never before ``floor``).

    >>> lookback(500), lookback(50), lookback(500, floor=450)
    (300, 0, 450)
    """
    return max(floor, pos - LOOKBACK)
