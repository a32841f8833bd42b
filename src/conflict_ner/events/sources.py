"""Source phrases of a sentence: ``according to X``, ``X said``, ``said X``, ``X, a local official, said``.

Each phrase is read near its reporting word (a source phrase is at most
``_MAX_NP_WORDS`` words and :data:`~conflict_ner.events.clauses.LOOKBACK` characters),
so one pass over a sentence finds them all in linear time.

>>> s = "According to SANA, militants attacked; the army said it repelled them."
>>> [(s[x.start:x.end], x.participant) for x in find_sources(s)]
[('SANA', False), ('the army', True)]
"""

from __future__ import annotations

import re
from typing import NamedTuple

from conflict_ner.events.clauses import LIST_BREAK, LOOKBACK, SUBJECT_BOUNDARY, Breaks, lookback
from conflict_ner.events.lexicon import BE_FORMS, OBJECT_TAKING_REPORTING_VERBS, REPORTING_VERBS, UNNAMED_SUBJECTS


class Source(NamedTuple):
    """A source phrase, sentence offsets; ``participant`` when it also acts ("the army said it killed")."""

    start: int
    end: int
    participant: bool


# Monitors and agencies report a count with verbs of counting ("the Observatory recorded 11 soldiers
# killed", "the monitor put the toll at 19", "Civil Defence volunteers report three civilians killed").
_COUNTING_VERBS = (r"recorded|records|documented|documents|counted|estimated|estimates|report|"
                   r"puts? (?:the|their|its) (?:\w+ ){0,2}(?:toll|number|figure|losses)|"
                   r"(?:gave|gives) (?:a|an|the|its|their) (?:\w+ ){0,2}(?:toll|figure|number|picture)|"
                   r"updated? its (?:\w+ )?toll|updates its (?:\w+ )?toll")
_SAY_RE = re.compile(rf"\b(?:{REPORTING_VERBS}|{_COUNTING_VERBS})\b", re.I)
# "X, a Britain-based group that tracks the war, said": X is the source, the appositive describes it.
_APPOSITIVE_SAYS = re.compile(rf",\s+(?:a|an|the|which|who)\s+[^,;:()\"\u201c\u201d]{{1,160}}?,\s+(?:\w+ly\s+)?"
                              rf"(?:{REPORTING_VERBS}|{_COUNTING_VERBS})\b", re.I)
# A verb that also takes a plain object reports only before a clause, "that", a pronoun or punctuation.
_REPORTING_USE = re.compile(r"\s*(?:[,.;:\"\u201c\u201d]|that\b|$|(?:it|they|he|she|we)\b|"
                            r"(?:in a statement|on \w+day)\b|responsibility|credit|involvement|\w+ing\b)", re.I)
_PASSIVE_BEFORE = re.compile(rf"\b(?:{BE_FORMS})\s+(?:\w+ly\s+)?$", re.I)
# "told Reuters", "told the news agency": the addressee is not the complement.
_TOLD_WHOM = re.compile(r"\s+(?:the\s+)?[\w.\-]+(?:\s+(?:news agency|agency|news|television))?")
# A period continues the phrase inside an abbreviation ("the U.N. refugee agency").
# A period after a lone capital is an initial too ("the U.S. Central Command").
_RIGHT_NP = re.compile(r"(?:[^,;.:()\"\u201c\u201d\u2014\u2013]|\.(?=\w|\s+[a-z])|(?<=\b[A-Z])\.(?=\s+[A-Z]))+")
# A second source after the first: "according to local sources and to the Observatory"
_AND_SOURCE = re.compile(r"\s+(?:and|as well as)\s+(?:to\s+)?", re.I)
# A finite verb in the phrase after "said" makes it the clause said, not a postposed speaker.
_FINITE = re.compile(r"\b(?:had|has|have|was|were|is|are|will|would|could|died|arrived|fled|attacked|killed|"
                     r"opened|seized|took|fired)\b", re.I)
_RIGHT_NP_END = re.compile(r"\s(?:on|in|at|who|which|that|and|late|earlier)\s")
_ACCORDING = re.compile(r"\b(?:according to|citing|quoting)\s+", re.I)
# After a reporting verb: the speaker acts in what it reports ("said it had killed",
# "denied targeting", "claimed responsibility", "said on its news channel that two of its fighters",
# "said the group had fired").
_PARTICIPANT_COMPLEMENT = re.compile(
    r"(?:\s*(?:in a statement|(?:on|through|via) (?:its |their )?[\w-]+(?: [\w-]+){0,3}?(?= that\b|,)|"
    r"on \w+|late \w+|earlier|later|also|,))*\s*(?:that\s+)?"
    r"(?:(?:\w+ of )?(?:it|its|they|their|we|our)\b|the group\b|"
    r"(?!(?:saying|adding|citing|quoting|according)\b)\w+ing\b|"
    r"(?:full\s+)?(?:responsibility|credit|involvement)\b)", re.I)
_APPOSITIVE_OPENER = re.compile(r"\s*(?:(?:a|an|the|which|who)\s|[A-Z])")
_RELATIVE_OPENER = re.compile(r"\s*(?:which|who)\s")
_MAX_NP_WORDS = 10
_TRAILING_ADVERBS = re.compile(r"(?:\s+(?:also|later|earlier|previously|separately|again|has|have|had|\w+ly))+$")
_SPACES = re.compile(r"\s*")


def find_sources(sentence: str) -> tuple[Source, ...]:
    """Source phrases of ``sentence`` in sentence order (sentence offsets).

    >>> s = "Ten died, according to pro-militant sources."
    >>> [s[x.start:x.end] for x in find_sources(s)]
    ['pro-militant sources']
    """
    out: list[Source] = []
    for m in _ACCORDING.finditer(sentence):
        np = _right_np(sentence, m.end())
        while np:
            out.append(Source(np[0], np[1], False))
            more = _AND_SOURCE.match(sentence, np[1])
            np = _right_np(sentence, more.end()) if more else None
            if np and (_FINITE.search(sentence, *np) or _SAY_RE.search(sentence, *np)):
                np = None  # "according to SANA, and the army said": a clause of its own
    subjects: Breaks | None = None
    commas: Breaks | None = None
    first_text: dict[int, int] = {}  # first non-space at or after a subject boundary, found once per boundary
    for m in _SAY_RE.finditer(sentence):
        verb = m.group(0).lower()
        if _PASSIVE_BEFORE.search(sentence, lookback(m.start()), m.start()):
            continue  # "no casualties were reported"
        if verb in OBJECT_TAKING_REPORTING_VERBS and not _REPORTING_USE.match(sentence, m.end()):
            continue
        after = m.end()
        if verb in ("told", "tells"):
            whom = _TOLD_WHOM.match(sentence, after)
            after = whom.end() if whom else after
        participant = bool(_PARTICIPANT_COMPLEMENT.match(sentence, after))
        subjects = subjects or Breaks(SUBJECT_BOUNDARY, sentence)
        np_start = subjects.last_end_at_or_before(m.start())
        if np_start not in first_text:
            first_text[np_start] = _SPACES.match(sentence, np_start).end()
        left_start, left_end = first_text[np_start], _rstrip(sentence, np_start, m.start())
        if left_end - left_start <= 5 and sentence[left_start:left_end].lower() in UNNAMED_SUBJECTS:
            continue  # "he said": no named source
        np = _span_of(sentence, np_start, m.start())
        if np is None and left_start >= left_end:
            before = _rstrip(sentence, 0, m.start())
            if before and sentence[before - 1] in ",\"\u201d":
                commas = commas or Breaks(LIST_BREAK, sentence)
                np = _appositive(sentence, before, commas)
                if np is None and not _long_appositive(sentence, before, commas):
                    np = _right_np(sentence, m.end())  # '"We will fight on," said Ahmed Ali'
                    if np is not None and _FINITE.search(sentence, np[0], np[1]):
                        # "X, head of Y, said gunmen had opened fire": what was said; X said it
                        np = _appositive_head(sentence, before, commas)
        if np is not None:
            out.append(Source(np[0], np[1], participant))
    return tuple(sorted(out))


def _rstrip(text: str, floor: int, end: int) -> int:
    """``end`` moved left past whitespace, not below ``floor``."""
    while end > floor and text[end - 1].isspace():
        end -= 1
    return end


def _right_np(sentence: str, pos: int) -> tuple[int, int] | None:
    """The phrase after ``according to`` or ``said``: up to punctuation or a clause word."""
    limit = min(len(sentence), pos + LOOKBACK)
    m = _RIGHT_NP.match(sentence, pos, limit)
    if not m:
        return None
    # "said Ahmed Ali on Monday", "according to SANA, which ...": stop at the first clause word.
    cut = _RIGHT_NP_END.search(sentence, pos, m.end())
    end = cut.start() if cut else m.end()
    if cut is None and m.end() >= limit - 1 and limit < len(sentence):
        return None  # runs on past the window: no phrase of a few words
    return _span_of(sentence, pos, end)


def _appositive(sentence: str, comma: int, commas: Breaks) -> tuple[int, int] | None:
    """``Ahmed Ali, a local official, said``: the phrase between the last two commas before ``comma``."""
    if sentence[comma - 1] != ",":
        return None
    prev = commas.last_end_at_or_before(comma - 1) - 1  # the comma or semicolon before it
    if prev < 0 or not _APPOSITIVE_OPENER.match(sentence, prev + 1):
        return None
    # an appositive too long to be a source phrase, or a relative clause, describes the name before
    # it: "The Syrian Observatory for Human Rights, a British-based group that relies on ..., said",
    # "MSF, which supports hospitals in the enclave, reported"
    head = _appositive_head(sentence, comma, commas)
    if _RELATIVE_OPENER.match(sentence, prev + 1):
        return head
    return _span_of(sentence, prev + 1, comma - 1) or head


def _appositive_head(sentence: str, comma: int, commas: Breaks) -> tuple[int, int] | None:
    """``Ahmed Ali, head of the council, said``: the name before the appositive that ends at ``comma``.

    >>> s = "Ahmed Ali, head of the council, said"
    >>> start, end = _appositive_head(s, s.rindex(",") + 1, Breaks(LIST_BREAK, s))
    >>> s[start:end]
    'Ahmed Ali'
    """
    prev = commas.last_end_at_or_before(comma - 1) - 1
    return _span_of(sentence, commas.last_end_at_or_before(prev), prev) if prev >= 0 else None


def _long_appositive(sentence: str, comma: int, commas: Breaks) -> bool:
    """Whether a comma-enclosed appositive ends at ``comma`` (then the words after the verb
    are what was said, not the source: "X, a group that ..., said 18 soldiers were killed")."""
    if sentence[comma - 1] != ",":
        return False
    prev = commas.last_end_at_or_before(comma - 1) - 1
    return prev >= 0 and bool(_APPOSITIVE_OPENER.match(sentence, prev + 1))


def _span_of(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """Trimmed ``(start, end)`` of a candidate noun phrase, or None when it is not one."""
    while start < end and (sentence[start].isspace() or sentence[start] in "\"'\u201c\u201d,"):
        start += 1
    while end > start and (sentence[end - 1].isspace() or sentence[end - 1] in "\"'\u201c\u201d,.;:"):
        end -= 1
    if end - start > LOOKBACK:
        return None  # longer than any phrase of a few words
    # Adverbs and auxiliaries between subject and verb ("the army later said", "has said") stay out.
    m = _TRAILING_ADVERBS.search(sentence, start, end)
    if m:
        end = m.start()
    words = sentence[start:end].split()
    if not words or len(words) > _MAX_NP_WORDS or sentence[start:end].lower() in UNNAMED_SUBJECTS:
        return None
    return start, end


def heads_appositive_source(sentence: str, end: int) -> bool:
    """Whether the phrase ending at ``end`` is a source described by an appositive before its
    reporting verb, and takes no part in what it reports: ``The Syrian Observatory for Human
    Rights, a British-based group that relies on contacts on the ground, said ...``.

    >>> s = "The Observatory, a Britain-based monitor, said 12 soldiers died."
    >>> heads_appositive_source(s, len("The Observatory"))
    True
    >>> s = "The RSF, a paramilitary force, said it had seized the airport."
    >>> heads_appositive_source(s, len("The RSF"))
    False
    """
    m = _APPOSITIVE_SAYS.match(sentence, end)
    return m is not None and not _PARTICIPANT_COMPLEMENT.match(sentence, m.end())


# The outlet a party speaks through, or the one a statement is given to, is no actor of the act:
# "through its Amaq news agency", "the Houthis' Al-Masirah television", "a witness told Radio Free
# Asia", "in a statement carried by IRNA", "Islamic State news agency Amaq said".
_OUTLET_OWNER_BEFORE = re.compile(r"(?:\b(?:its|their)|['\u2019]s?|-run)\s+$", re.I)
_OUTLET_AFTER = re.compile(r"\s+(?:news agency|news outlet|outlet|television|tv|media arm|radio|station|channel|"
                           r"broadcaster)\b", re.I)
_GIVEN_TO_BEFORE = re.compile(r"\b(?:(?:told|carried by|aired by|broadcast by|sent to)\s+(?:the\s+)?(?:news agency\s+)?|"
                              r"news agency\s+)$", re.I)


def is_outlet(sentence: str, start: int, end: int) -> bool:
    """Whether the phrase at ``[start, end)`` is the outlet a statement went through or to.

    >>> s = "The group claimed the attack through its Amaq news agency."
    >>> is_outlet(s, s.index("Amaq"), s.index("Amaq") + 4)
    True
    >>> s = "Islamic State media claimed the attack."
    >>> is_outlet(s, 0, len("Islamic State"))
    False
    """
    if _GIVEN_TO_BEFORE.search(sentence, lookback(start), start):
        return True
    return bool(_OUTLET_OWNER_BEFORE.search(sentence, lookback(start), start)) and bool(_OUTLET_AFTER.match(sentence, end))
