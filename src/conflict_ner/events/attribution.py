"""Who says so: source phrases of a sentence (``according to X``, ``X said``, ``said X``).

>>> s = "Rebels shelled Kafr Nabl on Monday, a local official said."
>>> attribution(s, 100, []).text
'a local official'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from conflict_ner.records import Entity, TextSpan


class Source(NamedTuple):
    """A source phrase, sentence offsets; ``participant`` when it also acts ("the army said it killed")."""

    start: int
    end: int
    participant: bool


_SAY = (r"said|says|say|told|tells|reported|reports|claimed|claims|stated|states|added|adds|noted|notes|wrote|"
        r"writes|tweeted|posted|alleged|alleges|insisted|insists|acknowledged|admitted|confirmed|confirms|"
        r"denied|denies|warned|warns|accused|accuses|announced|announces")
_SAY_RE = re.compile(rf"\b(?:{_SAY})\b", re.I)
# Verbs that also take a plain object ("announced an offensive", "claimed the lives of"):
# a reporting use needs a clause, "that", a pronoun or punctuation after them.
_OBJECT_VERBS = frozenset("announced announces claimed claims denied denies warned warns accused accuses".split())
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.I)
_PRONOUNS = frozenset("he she they it we i you who which this that".split())
# Where a subject noun phrase to the left of a reporting verb starts.
_LEFT_BOUNDARY = re.compile(
    r"[,;:(\"\u201c\u201d\u2014\u2013]|\s-\s|\b(?:and|but|while|as|after|because|that|which|when|where|though|"
    r"although|whereas)\b", re.I)
# A period continues the phrase inside an abbreviation ("the U.N. refugee agency").
_RIGHT_NP = re.compile(r"(?:[^,;.:()\"\u201c\u201d\u2014\u2013]|\.(?=\w|\s+[a-z]))+")
_ACCORDING = re.compile(r"\b(?:according to|citing|quoting)\s+", re.I)
# After a reporting verb: the speaker acts in what it reports ("said it had killed",
# "denied targeting", "claimed responsibility").
_PARTICIPANT_COMPLEMENT = re.compile(
    r"^(?:\s*(?:in a statement|on \w+|late \w+|earlier|later|also|,))*\s*(?:that\s+)?"
    r"(?:(?:it|its|they|their|we|our)\b|\w+ing\b|(?:full\s+)?(?:responsibility|credit|involvement)\b)", re.I)
_MAX_NP_WORDS = 8
_TRAILING_ADVERBS = re.compile(r"(?:\s+(?:also|later|earlier|previously|separately|again|has|have|had|\w+ly))+$")


@lru_cache(maxsize=2048)
def sources(sentence: str) -> tuple[Source, ...]:
    """Source phrases of ``sentence`` in sentence order (sentence offsets).

    >>> s = "According to SANA, militants attacked; the army said it repelled them."
    >>> [(s[x.start:x.end], x.participant) for x in sources(s)]
    [('SANA', False), ('the army', True)]
    """
    out: list[Source] = []
    for m in _ACCORDING.finditer(sentence):
        np = _right_np(sentence, m.end())
        if np:
            out.append(Source(np[0], np[1], False))
    for m in _SAY_RE.finditer(sentence):
        verb = m.group(0).lower()
        after = sentence[m.end():]
        if _PASSIVE_BEFORE.search(sentence, 0, m.start()):
            continue  # "no casualties were reported"
        if verb in _OBJECT_VERBS and not re.match(r"\s*(?:[,.;:\"\u201c\u201d]|that\b|$|(?:it|they|he|she|we)\b|"
                                                   r"(?:in a statement|on \w+day)\b|responsibility|credit|"
                                                   r"involvement|\w+ing\b)", after, re.I):
            continue
        if verb in ("told", "tells"):
            after = re.sub(r"^\s+(?:the\s+)?[\w.\-]+(?:\s+(?:news agency|agency|news|television))?", "", after)
        participant = bool(_PARTICIPANT_COMPLEMENT.match(after))
        np_start = _left_np_start(sentence, m.start())
        left = sentence[np_start:m.start()]
        if left.strip().lower() in _PRONOUNS:
            continue  # "he said": no named source
        np = _span_of(sentence, np_start, np_start + len(left))
        if np is None and not left.strip() and re.search(r"[,\"\u201d]\s*$", sentence[: m.start()]):
            np = _appositive(sentence, m.start()) or _right_np(sentence, m.end())
        if np is not None:
            out.append(Source(np[0], np[1], participant))
    return tuple(sorted(out))


def attribution(sentence: str, sentence_start: int, entities: Sequence[Entity]) -> TextSpan | None:
    """The first source phrase of the sentence as a span of the original text, or None.

    An ACTOR entity that heads the phrase (only a determiner before it) is
    preferred to the phrase as written: ``the [SOHR] said`` gives ``SOHR``, but
    ``sources close to [HTS]`` stays the described source.

    >>> s = "Ten died, according to pro-militant sources."
    >>> attribution(s, 0, [])
    TextSpan(text='pro-militant sources', start=23, end=43)
    """
    found = sources(sentence)
    if not found:
        return None
    src = found[0]
    for ent in sorted(entities, key=lambda e: e.start):
        local = ent.start - sentence_start, ent.end - sentence_start
        if (ent.label == "ACTOR" and src.start <= local[0] and local[1] <= src.end
                and re.fullmatch(r"(?:(?:the|a|an)\s+)?", sentence[src.start:local[0]], re.I)):
            return TextSpan(ent.text, ent.start, ent.end)
    return TextSpan(sentence[src.start:src.end], sentence_start + src.start, sentence_start + src.end)


def is_pure_source(sentence: str, start: int, end: int) -> bool:
    """Whether ``sentence[start:end]`` lies in a source phrase whose speaker takes no part in what it reports.

    >>> s = "The army said it killed 30 militants, a monitor said."
    >>> is_pure_source(s, 4, 8), is_pure_source(s, 40, 47)
    (False, True)
    """
    return any(src.start <= start and end <= src.end and not src.participant for src in sources(sentence))


def _left_np_start(sentence: str, verb_start: int) -> int:
    """Where the subject noun phrase before a reporting verb starts (after the last clause boundary)."""
    start = 0
    for b in _LEFT_BOUNDARY.finditer(sentence, 0, verb_start):
        start = b.end()
    return start


def _right_np(sentence: str, pos: int) -> tuple[int, int] | None:
    m = _RIGHT_NP.match(sentence, pos)
    if not m:
        return None
    text = m.group(0)
    # "said Ahmed Ali on Monday", "according to SANA, which ...": stop at the first clause word.
    cut = re.search(r"\s(?:on|in|at|who|which|that|and|late|earlier)\s", text)
    if cut:
        text = text[: cut.start()]
    return _span_of(sentence, pos, pos + len(text))


def _appositive(sentence: str, verb_start: int) -> tuple[int, int] | None:
    """``Ahmed Ali, a local official, said``: the phrase between the last two commas."""
    left = sentence[:verb_start].rstrip()
    if not left.endswith(","):
        return None
    prev = max(left.rfind(",", 0, len(left) - 1), left.rfind(";", 0, len(left) - 1))
    if prev < 0 or not re.match(r"\s*(?:(?:a|an|the)\s|[A-Z])", left[prev + 1:]):
        return None
    return _span_of(sentence, prev + 1, len(left) - 1)


def _span_of(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """Trimmed ``(start, end)`` of a candidate noun phrase, or None when it is not one."""
    while start < end and (sentence[start].isspace() or sentence[start] in "\"'\u201c\u201d,"):
        start += 1
    while end > start and (sentence[end - 1].isspace() or sentence[end - 1] in "\"'\u201c\u201d,.;:"):
        end -= 1
    # Adverbs and auxiliaries between subject and verb ("the army later said", "has said") stay out.
    m = _TRAILING_ADVERBS.search(sentence, start, end)
    if m:
        end = m.start()
    words = sentence[start:end].split()
    if not words or len(words) > _MAX_NP_WORDS or sentence[start:end].lower() in _PRONOUNS:
        return None
    return start, end
