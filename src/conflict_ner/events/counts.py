"""What a COUNT counts: its counted noun, its outcome, whether it is a running total.

The number itself is read by :mod:`.numbers`. :func:`count_refs` reads all counts of
a sentence at once: the sentence's clauses, outcome words and list items are found
once, and each count is then placed by binary search, so a sentence with thousands
of counts is read in one pass.

>>> s = Sentence("Shelling killed four and wounded 12, bringing the death toll to 45.")
>>> ents = [Entity("COUNT", s.text.index(w), s.text.index(w) + len(w), w, 1.0) for w in ("four", "12", "45")]
>>> [(c.value, c.outcome, c.cumulative) for c in count_refs(s, ents)]
[(4, 'killed', False), (12, 'injured', False), (45, 'killed', True)]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from conflict_ner.events.clauses import lookback
from conflict_ner.events.lexicon import (CASUALTY_GROUPS, COLLECTIVE_NOUNS, FUNCTION_WORDS, OF_DETERMINERS,
                                         OUTCOME_WORDS, PARTICIPLE_ADJECTIVES, PRONOUN_OBJECTS, VERB_LIKE_WORDS)
from conflict_ner.events.numbers import normalize_count
from conflict_ner.events.sentence import Sentence
from conflict_ner.records import CountRef, Entity, Outcome, TextSpan


def count_refs(sentence: Sentence, counts: Sequence[Entity]) -> tuple[CountRef, ...]:
    """A :class:`CountRef` for each COUNT entity of the sentence (original-text offsets), in the given order."""
    if not counts:
        return ()
    local = [(e.start - sentence.start, e.end - sentence.start) for e in counts]
    reading = CountReading(sentence, local)
    out = []
    for e, (start, end) in zip(counts, local):
        value, low, high = normalize_count(e.text)
        out.append(CountRef(
            e.text, e.start, e.end, value=value, low=low, high=high,
            counted=counted_noun(sentence.text, end)[0],
            outcome=reading.outcome(start, end),
            cumulative=reading.is_cumulative(start, end),
        ))
    return tuple(out)


def counted_noun(text: str, count_end: int) -> tuple[str | None, int, int]:
    """The counted noun phrase written right after a count ending at ``count_end``.

    It runs from the first word (after an optional ``of`` and determiner) up to
    the noun head: modifiers are kept, and it stops at a function word,
    punctuation, a verb, or a plural head. Returns ``(text, start, end)`` in
    ``text`` offsets, or ``(None, count_end, count_end)``.

    >>> counted_noun("killing four Ukrainian soldiers in Kharkiv", 12)
    ('Ukrainian soldiers', 13, 31)
    >>> counted_noun("dozens of families fled", 6)[0]
    'families'
    """
    pos = count_end
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, pos, min(len(text), pos + 120))]
    i = 0
    # Skip "of", "of the", "of its": "dozens of families", "two of its soldiers".
    if words and words[0][2].lower() == "of" and _gap_ok(text, pos, words[0][0]):
        i = 1
        if i < len(words) and words[i][2].lower() in OF_DETERMINERS and _gap_ok(text, words[0][1], words[i][0]):
            i += 1
    picked: list[tuple[int, int, str]] = []
    prev_end = words[i - 1][1] if i else pos
    while i < len(words) and len(picked) < 4:
        start, end, word = words[i]
        if not _gap_ok(text, prev_end, start):
            break
        low = word.lower()
        if low in FUNCTION_WORDS or low in PRONOUN_OBJECTS or word[0].isdigit():
            break
        if _looks_verbal(low):
            # "36 rockets fired", "12 wounded and": a participle after the head, or
            # one with no noun after it, is the predicate; "four wounded soldiers",
            # "two armed men" keep it as a modifier.
            if picked and low not in PARTICIPLE_ADJECTIVES:
                break
            nxt = words[i + 1][2].lower() if i + 1 < len(words) and _gap_ok(text, end, words[i + 1][0]) else None
            if nxt is None or nxt in FUNCTION_WORDS or _looks_verbal(nxt) or nxt in PRONOUN_OBJECTS:
                break
        picked.append((start, end, word))
        prev_end = end
        i += 1
        if _is_plural_head(word):
            break
    if not picked:
        return None, count_end, count_end
    start, end = picked[0][0], picked[-1][1]
    return text[start:end], start, end


def outcome_for(sentence: Sentence, start: int, end: int, others: Sequence[tuple[int, int]] = ()) -> Outcome:
    """The outcome of the count at ``[start, end)`` of the sentence, with the sentence's other counts ``others``.

    The nearest outcome word in the count's own clause wins, so each count of
    "killing 4 and wounding 12" gets its own verb. Without one, a later clause
    lends its cue unless another count stands in between as that cue's object;
    "including ..." clauses inherit from the clause before.

    >>> s = Sentence("Shelling killed four and wounded 12.")
    >>> outcome_for(s, 16, 20, [(33, 35)]), outcome_for(s, 33, 35, [(16, 20)])
    ('killed', 'injured')
    """
    return CountReading(sentence, [(start, end), *others]).outcome(start, end)


def is_cumulative(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the count at ``[start, end)`` of the sentence is a running total.

    The cue must sit in the count's comma-delimited chunk, or open the sentence
    ("So far, ...").

    >>> s = Sentence("The strike killed three, bringing the death toll to 45.")
    >>> is_cumulative(s, 18, 23), is_cumulative(s, 52, 54)
    (False, True)
    """
    return CountReading(sentence, [(start, end)]).is_cumulative(start, end)


# Outcome cues: the words of an act's result, each group named by its outcome.
# (The "neutralised" of military statements was measured as an outcome word and left out: dev actors dropped.)
_CUE_RE = re.compile("|".join(f"(?P<c{i}>\\b(?:{rx})\\b)" for i, (rx, _) in enumerate(OUTCOME_WORDS)), re.I)
_INCLUDING = re.compile(r"\W*(?:including|among them|among whom|of whom|most of them|mostly|mainly|many of them|"
                        r"some of them|all of them|\w+ of them)\b", re.I)
_CUMULATIVE_CUE = re.compile(
    r"\b(?:bringing|brings|bring|raising|raises|raise|pushing|taking) the (?:overall |total |death |casualty )?"
    r"(?:toll|total|number|tally)\b|"
    r"\bsince the (?:start|beginning|outbreak|onset)\b|\bsince the (?:war|conflict|fighting|offensive|invasion)\b|"
    r"\bso far\b|\bto date\b|\bthus far\b|\bin total\b|\btotal of\b|\boverall\b|\bcumulative\b|\ball told\b|"
    r"\bsince (?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"last (?:year|month|week)|early|late|mid|\d{4})\b",
    re.I,
)
# "the toll rose to", "the total has reached": a total noun, then a rise verb in the same list item.
_TOTAL_NOUN = re.compile(r"\b(?:toll|total|tally|number of (?:dead|deaths|victims|people killed))\b", re.I)
_TOTAL_RISE = re.compile(r"\b(?:rose|risen|climbed|reached|increased|jumped|stands|stood|now)\b", re.I)
_CUMULATIVE_OPENER = re.compile(r"\W*(?:so far|to date|thus far|in total|overall|all told|since [^,]+),", re.I)


class CountReading:
    """The clauses, outcome words and list items of one sentence with the spans of its counts.

    Built once per sentence; :meth:`outcome` and :meth:`is_cumulative` then place one count each.
    """

    def __init__(self, sentence: Sentence, spans: Sequence[tuple[int, int]]):
        self.sentence = sentence
        text = sentence.text
        # Breaks inside a count ("between 20 and 80") do not split its clause.
        self.clauses = sentence.predicates.pieces(spans)
        self.clause_starts = [c[0] for c in self.clauses]
        cues = [(m.start(), m.end(), _outcome_of(m)) for m in _CUE_RE.finditer(text)]
        self.cues = cues
        self.cue_starts = [c[0] for c in cues]
        self.cue_ends = [c[1] for c in cues]
        count_starts = sorted(s for s, _ in spans)
        n = len(self.clauses)
        self.first_cue: list[int | None] = [None] * n  # index in cues of the clause's first cue
        self.last_count: list[int | None] = [None] * n  # start of the clause's last count
        self.including = [False] * n
        for j, (cs, ce, _) in enumerate(self.clauses):
            i = bisect_left(self.cue_starts, cs)
            if i < len(cues) and cues[i][0] < ce:
                self.first_cue[j] = i
            k = bisect_left(count_starts, ce) - 1
            if k >= 0 and count_starts[k] >= cs:
                self.last_count[j] = count_starts[k]
            self.including[j] = bool(_INCLUDING.match(text, cs, ce))
        # The first clause from j on that can settle a count's outcome (an including-clause never does) ...
        self.next_stop: list[int | None] = [None] * (n + 1)
        for j in range(n - 1, -1, -1):
            settles = not self.including[j] and (self.first_cue[j] is not None or self.last_count[j] is not None)
            self.next_stop[j] = j if settles else self.next_stop[j + 1]
        # ... and the last clause up to j with an outcome word.
        self.last_cued: list[int | None] = []
        for j in range(n):
            self.last_cued.append(j if self.first_cue[j] is not None else (self.last_cued[j - 1] if j else None))
        self._chunks: dict[tuple[int, int], bool] = {}
        self._opener: bool | None = None

    def outcome(self, start: int, end: int) -> Outcome:
        """The outcome of the count at ``[start, end)`` (see :func:`outcome_for`)."""
        idx = bisect_right(self.clause_starts, start) - 1
        if idx < 0 or start >= self.clauses[idx][1]:
            return "other"
        cs, ce, _ = self.clauses[idx]
        # The nearest cue of the count's own clause, before or after it (before wins a tie).
        before = bisect_right(self.cue_ends, start) - 1
        after = bisect_left(self.cue_starts, end)
        near_before = before >= 0 and self.cue_starts[before] >= cs
        near_after = after < len(self.cues) and self.cue_starts[after] < ce
        if near_before and (not near_after or start - self.cue_ends[before] <= self.cue_starts[after] - end):
            return self.cues[before][2]
        if near_after:
            return self.cues[after][2]
        # A cue in a later clause applies to a subject count with no cue of its own
        # ("Four soldiers, including an officer, were killed"), unless another count
        # is that cue's object ("fired 36 rockets, killing four").
        j = self.next_stop[idx + 1]
        if j is not None and self.first_cue[j] is not None:
            first = self.cues[self.first_cue[j]]
            last_count = self.last_count[j]
            joiner = self.clauses[j][2]
            if last_count is None or (joiner.strip().lower() == "and" and last_count < first[0]):
                return first[2]
        if self.including[idx] and idx:
            k = self.last_cued[idx - 1]
            if k is not None:
                return self.cues[self.first_cue[k]][2]
        return "other"

    def is_cumulative(self, start: int, end: int) -> bool:
        """Whether the count at ``[start, end)`` is a running total (see :func:`is_cumulative`)."""
        items = self.sentence.list_items
        chunk = items.last_end_at_or_before(start), items.first_start_at_or_after(end)
        if chunk not in self._chunks:
            self._chunks[chunk] = self._has_total_cue(*chunk)
        if self._chunks[chunk]:
            return True
        if self._opener is None:
            self._opener = bool(_CUMULATIVE_OPENER.match(self.sentence.text))
        return self._opener

    def _has_total_cue(self, start: int, end: int) -> bool:
        text = self.sentence.text
        if _CUMULATIVE_CUE.search(text, start, end):
            return True
        searched = start  # each list item is searched for a rise verb once, after its first total noun
        for noun in _TOTAL_NOUN.finditer(text, start, end):
            if noun.start() < searched:
                continue
            searched = min(end, self.sentence.list_items.first_start_at_or_after(noun.end()))
            if _TOTAL_RISE.search(text, noun.end(), searched):
                return True
        return False


# A count after these words is a part of a total already counted ("nine civilians, including four children").
_PART_OF_BEFORE = re.compile(rf"\b(?:including|includ(?:es|ed)|among them|among whom|of them|of whom|"
                             rf"among the (?:{CASUALTY_GROUPS}))\s+(?:\w+\s+){{0,2}}$", re.I)


def outcome_total(sentence: TextSpan, counts: Sequence[CountRef], outcome: str) -> int | None:
    """Total of a record's counts with ``outcome``, parts of a total not added twice.

    >>> s = TextSpan("Shelling killed 9 civilians, including 4 children, and 3 soldiers.", 0, 66)
    >>> cs = [CountRef(t, s.text.index(t), s.text.index(t) + 1, int(t), int(t), int(t), None, "killed", False)
    ...       for t in ("9", "4", "3")]
    >>> outcome_total(s, cs, "killed"), outcome_total(s, cs, "injured")
    (12, None)
    """
    values = []
    for c in counts:
        pos = max(0, c.start - sentence.start)
        if (c.outcome == outcome and c.value is not None
                and not _PART_OF_BEFORE.search(sentence.text, lookback(pos), pos)):
            values.append(c.value)
    return sum(values) if values else None


# --- helpers -------------------------------------------------------------------------------------------

_WORD = re.compile(r"[\w][\w'\u2019.\-]*[\w]|[\w]")


def _looks_verbal(low: str) -> bool:
    return low in VERB_LIKE_WORDS or (len(low) > 4 and (low.endswith("ed") or low.endswith("ing")))


def _is_plural_head(word: str) -> bool:
    low = word.lower()
    if word[0].isupper() or "-" in word:
        return False  # "Hamas", "Houthis" are names, "pro-government" a modifier
    if low in COLLECTIVE_NOUNS:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _gap_ok(text: str, a: int, b: int) -> bool:
    """Only spaces (no punctuation) between two words of one noun phrase."""
    return text[a:b].strip() == ""


def _outcome_of(m: re.Match) -> Outcome:
    return OUTCOME_WORDS[int(m.lastgroup[1:])][1]  # type: ignore[return-value]
