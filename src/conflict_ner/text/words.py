"""Words and pieces as the annotation guidelines define them.

A *word* is a maximal run of non-space characters with the punctuation at its two
ends removed; a run is cut in two at a dateline colon (``BEIRUT:Government``). A
*piece* is a word, further split before a possessive ``'s`` and before a hyphenated
suffix from :data:`SPLIT_SUFFIXES` (``HTS-held`` -> ``HTS``, ``-held``). Pieces are
the units the model labels, so every piece boundary is a legal span boundary.

Apostrophes are one character for every rule: straight ``'``, curly ``’``, the
modifier letter ``ʼ``, the prime ``′`` and ``‘`` (see :data:`APOSTROPHES`), and the
mojibake a ``’`` turns into when UTF-8 is read through a single-byte code page
(``Iraqâ€™s`` -> ``Iraq``, ``â€™s``; see :data:`MOJIBAKE_APOSTROPHES`).

>>> text = "HTS-held Idlib's (northern) villages, BEIRUT:Government"
>>> [text[s:e] for s, e in pieces(text)]
['HTS', '-held', 'Idlib', "'s", 'northern', 'villages', 'BEIRUT', 'Government']
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
#: Characters written for an apostrophe: straight, right and left single quotes,
#: modifier letter apostrophe (transliteration), prime (keyboards without ``’``).
APOSTROPHES = frozenset("'\u2019\u2018\u02bc\u2032")

# Code pages a UTF-8 ``’`` (E2 80 99) is misread through on real pages. Bytes a code page
# leaves undefined are shown both as U+FFFD (Python's decoder) and as the cp1252
# character (what browsers fall back to: cp874 gives ``โ€™``).
_CODE_PAGES = ("cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
               "cp1258", "cp874", "cp437", "cp850", "cp866", "koi8_r", "koi8_u", "mac_roman",
               "latin_1")


def _misreads(raw: bytes) -> set[str]:
    out = set()
    for cp in _CODE_PAGES:
        out.add(raw.decode(cp, errors="replace"))
        out.add("".join(bytes([b]).decode(cp, errors="ignore") or bytes([b]).decode("cp1252", errors="replace")
                        for b in raw))
    return out


def _mojibake_apostrophes() -> frozenset[str]:
    raw = "\u2019".encode("utf-8")
    forms = _misreads(raw)
    forms.add(raw.decode("cp1252").encode("utf-8").decode("cp1252"))  # double-encoded
    return frozenset(forms)


#: What ``’`` looks like after UTF-8 was decoded as cp1252, cp874, cp437, KOI8-R, cp1256...
#: (``â€™``, ``โ€™``, ``ΓÇÖ``, ``Б─≥``), or encoded twice (``Ã¢â‚¬â„¢``).
MOJIBAKE_APOSTROPHES = _mojibake_apostrophes()
# by last character, so a word end is checked against a handful of forms, not all
_MOJIBAKE_BY_LAST: dict[str, tuple[str, ...]] = {}
for _form in sorted(MOJIBAKE_APOSTROPHES):
    _MOJIBAKE_BY_LAST[_form[-1]] = _MOJIBAKE_BY_LAST.get(_form[-1], ()) + (_form,)
_NON_SPACE = re.compile(r"\S+")


@lru_cache(maxsize=4096)
def _is_punct(char: str) -> bool:
    return char in APOSTROPHES or unicodedata.category(char).startswith("P")


def _mojibake_apostrophe_before(text: str, start: int, end: int) -> int:
    """Length of a mojibake ``’`` ending at ``end`` and starting at or after ``start``, else 0."""
    for form in _MOJIBAKE_BY_LAST.get(text[end - 1], ()) if end > start else ():
        if end - start >= len(form) and text.startswith(form, end - len(form)):
            return len(form)
    return 0


def possessive_length(text: str, start: int, end: int) -> int:
    """Length of the possessive ``'s`` (any apostrophe, or its mojibake) that ends the word
    ``text[start:end]`` after at least one other character, else 0.

    >>> possessive_length("Iraq’s", 0, 6), possessive_length("Iraqâ€™s", 0, 8), possessive_length("'s", 0, 2)
    (2, 4, 0)
    """
    if end - start < 3 or text[end - 1] not in "sS":
        return 0
    if text[end - 2] in APOSTROPHES:
        return 2
    n = _mojibake_apostrophe_before(text, start, end - 1)
    return n + 1 if n and end - 1 - n > start else 0


def is_possessive(piece: str) -> bool:
    """Whether a piece is a possessive: an apostrophe (or its mojibake) and ``s``.

    >>> is_possessive("’s"), is_possessive("โ€™s"), is_possessive("-held")
    (True, True, False)
    """
    return len(piece) >= 2 and possessive_length("x" + piece, 0, len(piece) + 1) == len(piece)


def dateline_colon(text: str, start: int, end: int) -> int:
    """Offset of a dateline colon inside the non-space run ``text[start:end]``, else -1.

    The colon must be the only one in the run, with a capitalised word of letters
    (inner ``-``, ``.`` and apostrophes allowed) of at least two characters right
    before it and an upper-case letter right after it. URLs, times, ratios, IPv6 and
    ``xmlns:tag`` never match.

    >>> [dateline_colon(t, 0, len(t)) for t in ('"BEIRUT:Government', "10:30", "https://x.y", "Re:syria")]
    [7, -1, -1, -1]
    """
    colon = text.find(":", start, end)
    if colon == -1 or text.find(":", colon + 1, end) != -1 or colon + 1 >= end:
        return -1
    left = start
    while left < colon and _is_punct(text[left]):
        left += 1
    after = text[colon + 1]
    if colon - left < 2 or not text[left].isupper() or not text[colon - 1].isalpha():
        return -1
    if not (after.isalpha() and after.isupper()):
        return -1
    for k in range(left + 1, colon - 1):
        ch = text[k]
        if not (ch.isalpha() or ch in "-." or ch in APOSTROPHES):
            return -1
    return colon


def _trim(text: str, start: int, end: int, spaces: bool = False) -> tuple[int, int]:
    """Drop edge punctuation (and space, with ``spaces``), and a trailing mojibake ``’``
    (``rebelsâ€™`` -> ``rebels``, as ``rebels’`` -> ``rebels``)."""
    while start < end and (_is_punct(text[start]) or (spaces and text[start].isspace())):
        start += 1
    while end > start:
        if _is_punct(text[end - 1]) or (spaces and text[end - 1].isspace()):
            end -= 1
        else:
            n = _mojibake_apostrophe_before(text, start, end)
            if not n:
                break
            end -= n
    return start, end


def words(text: str) -> list[tuple[int, int]]:
    """Character ranges of the guideline words of ``text``.

    >>> t = 'Hama, (SAA) "U.S." BEIRUT:Rebels'
    >>> [t[s:e] for s, e in words(t)]
    ['Hama', 'SAA', 'U.S', 'BEIRUT', 'Rebels']
    """
    out = []
    for m in _NON_SPACE.finditer(text):
        start, end = m.span()
        if text.find(":", start, end) != -1 and (colon := dateline_colon(text, start, end)) != -1:
            _add_word(text, start, colon, out)
            start = colon + 1
        _add_word(text, start, end, out)
    return out


def _add_word(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    # the common case (no edge punctuation, no mojibake) costs two lookups
    if not (_is_punct(text[start]) or _is_punct(text[end - 1]) or text[end - 1] in _MOJIBAKE_BY_LAST):
        out.append((start, end))
        return
    start, end = _trim(text, start, end)
    if start < end:
        out.append((start, end))


def split_word(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one word into pieces at a final possessive and at listed hyphen suffixes."""
    cut = end - possessive_length(text, start, end) if text[end - 1] in "sS" else end
    tail = [(cut, end)] if cut < end else []
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

    >>> t = "the army’s."
    >>> s, e = fix_span(t, 4, 11); t[s:e]
    'army'
    """
    start, end = _trim(text, start, end, spaces=True)
    n = possessive_length(text, start, end)
    if n:
        start, end = _trim(text, start, end - n)
    return (start, end) if start < end else None
