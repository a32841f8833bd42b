"""Words and pieces as the annotation guidelines define them.

A *word* is a maximal run of non-space characters with the punctuation at its two
ends removed. A *piece* is a word, further split before a possessive ``'s`` and
before a hyphenated suffix from :data:`SPLIT_SUFFIXES` (``HTS-held`` -> ``HTS``,
``-held``). Pieces are the units the model labels, so every piece boundary is a
legal span boundary.

>>> text = "HTS-held Idlib's (northern) villages,"
>>> [text[s:e] for s, e in pieces(text)]
['HTS', '-held', 'Idlib', "'s", 'northern', 'villages']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Hyphenated suffixes that split a word (training/ANNOTATION.md, section 2).
SPLIT_SUFFIXES = frozenset(
    "held controlled led backed run allied aligned affiliated linked based occupied "
    "dominated supported sponsored funded made built style era owned operated majority "
    "bound".split()
)
_POSSESSIVES = ("'s", "\u2019s", "'S", "\u2019S")
_NON_SPACE = re.compile(r"\S+")


@lru_cache(maxsize=4096)
def _is_punct(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def words(text: str) -> list[tuple[int, int]]:
    """Character ranges of the guideline words of ``text``.

    >>> [("Hama, (SAA) \\"U.S.\\""[s:e]) for s, e in words('Hama, (SAA) "U.S."')]
    ['Hama', 'SAA', 'U.S']
    """
    out = []
    for m in _NON_SPACE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and _is_punct(text[start]):
            start += 1
        while end > start and _is_punct(text[end - 1]):
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def split_word(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one word into pieces at a final possessive and at listed hyphen suffixes."""
    cut = end
    tail: list[tuple[int, int]] = []
    if end - start > 2 and text[end - 2:end] in _POSSESSIVES:
        cut = end - 2
        tail = [(cut, end)]
    out = []
    piece_start = start
    pos = text.find("-", start + 1, cut)
    while pos != -1:
        nxt = text.find("-", pos + 1, cut)
        suffix = text[pos + 1:(nxt if nxt != -1 else cut)]
        if suffix.lower() in SPLIT_SUFFIXES and pos > piece_start:
            out.append((piece_start, pos))
            piece_start = pos
        pos = nxt
    out.append((piece_start, cut))
    return out + tail


def pieces(text: str) -> list[tuple[int, int]]:
    """Character ranges of the pieces of ``text`` (see module docstring)."""
    out = []
    for start, end in words(text):
        out.extend(split_word(text, start, end))
    return out


def fix_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Snap ``[start, end)`` onto guideline boundaries, or None if nothing is left.

    Leading/trailing space and end punctuation are dropped, then a possessive at the
    end. Used by importers whose annotations follow other conventions.

    >>> t = "the army's."
    >>> s, e = fix_span(t, 4, 11); t[s:e]
    'army'
    """
    while start < end and (text[start].isspace() or _is_punct(text[start])):
        start += 1
    while end > start and (text[end - 1].isspace() or _is_punct(text[end - 1])):
        end -= 1
    if end - start > 2 and text[end - 2:end] in _POSSESSIVES:
        end -= 2
        while end > start and _is_punct(text[end - 1]):
            end -= 1
    return (start, end) if start < end else None
