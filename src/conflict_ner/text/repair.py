"""Repair mojibake and odd unicode before the model sees a text, keeping offsets exact.

The text is repaired in bounded units: each whitespace-separated chunk that is not plain
ASCII, a long chunk cut into pieces of at most :data:`MAX_UNIT` characters where no
character's mojibake is split. A unit gets the code-page repair of
:mod:`conflict_ner.text.mojibake` (exact offsets by construction), then ftfy, whose output
is aligned to its input with a diff bounded to :data:`LOOKAHEAD` characters. So repair
takes time linear in the text, and any offset into the repaired text maps to the original.

>>> r = repair_text("Syria\u00e2\u20ac\u2122s army")
>>> r.text
"Syria's army"
>>> r.to_original(0, 5)
(0, 5)
>>> r.to_original(8, 12)
(10, 14)
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

import ftfy

from conflict_ner.text.mojibake import PAGES, fix_runs, has_stretches, inside_sequence

MAX_UNIT = 64   # characters repaired together: bounds the cost of one ftfy call and its alignment
LOOKAHEAD = 8   # characters either side searched to re-synchronise ftfy's output with its input
EVIDENCE = 2        # stretches a code page clearly repaired before the document is trusted to use it...
TRUST_SHARE = 0.25  # ... and at least this share of its units
# Pages whose letter for byte 0xC2 is no word of its own, so that where the document shows one
# of them elsewhere, that letter alone before a Latin-1 symbol (``آ»``) is the symbol misread
# (not cp1251: "«Группа В»" is Russian) ...
LONE_LEAD_PAGES = frozenset({"cp1256", "cp874", "cp1252", "cp1250"})
# ... and those where it is so even with no other evidence: Arabic has no one-letter word "آ".
ALWAYS_LONE_LEAD = frozenset({"cp1256"})

# A no-break space after a non-ASCII character stays in its chunk: it is the second byte of
# mojibake such as "Ð\xa0" (UTF-8 "Р" read as cp1252).
_CHUNK = re.compile(r"(?:\S|(?<=[^\s\x00-\x7f])\xa0)+")
_CONFIG = ftfy.TextFixerConfig(unescape_html=False, explain=False)
# per stretch length (di + dj), the steps di to try in ``fixed``: the most even first
_RESYNC_ORDER = [sorted(range(max(0, total - LOOKAHEAD), min(total, LOOKAHEAD) + 1), key=lambda d: abs(2 * d - total))
                 for total in range(1, 2 * LOOKAHEAD + 1)]


@dataclass(frozen=True)
class _Segment:
    """One repaired unit: where it lies in both texts and, per repaired character, the
    original ``[start, end)`` it came from, relative to the unit's original start."""

    fixed_start: int
    fixed_end: int
    orig_start: int
    orig_end: int
    starts: tuple[int, ...]
    ends: tuple[int, ...]


@dataclass(frozen=True)
class RepairedText:
    """The repaired text and, when it differs, the units that changed."""

    text: str
    original: str
    segments: tuple[_Segment, ...] = ()
    _fixed_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_fixed_starts", tuple(s.fixed_start for s in self.segments))

    @property
    def changed(self) -> bool:
        return bool(self.segments)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of the repaired text to the original text.

        The result is a valid range of the original, and ranges map monotonically: a later
        start never maps before an earlier one. An empty range maps to an empty range.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"range [{start}, {end}) is outside the repaired text of length {len(self.text)}")
        if not self.segments:
            return start, end
        first = self._start(start)
        return (first, first) if start == end else (first, self._end(end))

    def _segment_at(self, pos: int) -> _Segment | None:
        k = bisect_right(self._fixed_starts, pos) - 1
        return self.segments[k] if k >= 0 else None

    def _start(self, pos: int) -> int:
        seg = self._segment_at(pos)
        if seg is None:
            return pos
        if pos < seg.fixed_end:
            return seg.orig_start + seg.starts[pos - seg.fixed_start]
        return seg.orig_end + (pos - seg.fixed_end)

    def _end(self, pos: int) -> int:
        seg = self._segment_at(pos - 1)  # the segment holding the range's last character
        if seg is None:
            return pos
        if pos <= seg.fixed_end:
            return seg.orig_start + seg.ends[pos - 1 - seg.fixed_start]
        return seg.orig_end + (pos - seg.fixed_end)


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with lone surrogates (no character; no file can hold one) replaced one for one
    by U+FFFD, so every offset stays and the text encodes as UTF-8.

    >>> replace_surrogates("a\\ud800b")
    'a\\ufffdb'
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def repair_text(text: str) -> RepairedText:
    """Fix mojibake (``Syriaâ€™s`` -> ``Syria’s``), width and ligature oddities unit by unit.

    Code pages that clearly repaired :data:`EVIDENCE` stretches are trusted for the rest of
    the document (it was read through them), and a second pass repairs what is merely not
    odder through them. A Latin-1 symbol misread alone (``آ»``) is no odder than itself: it is
    repaired where the document shows its page elsewhere or it cannot be genuine (:func:`lone_leads`).

    >>> repair_text("caf\u0623\u00a9 closed. \u0622\u00bb More").text
    'café closed. » More'
    """
    if text.isascii():  # most news text: nothing to do, no map to build
        return RepairedText(text, text)
    spans = list(units(text))
    results = [repair_unit(text[start:end]) for start, end in spans]
    counts = Counter(page for r in results for page in r.pages)
    # a page is trusted when its clear repairs are a good share of the non-ASCII units, not a fluke
    trusted = frozenset(page for page, n in counts.items() if n >= max(EVIDENCE, len(spans) * TRUST_SHARE))
    if trusted:
        for k, (start, end) in enumerate(spans):
            if has_stretches(results[k].text, trusted):
                results[k] = repair_unit(text[start:end], trusted)
    # a lone "آ»" is no odder than "»", so only its shape or the document's other repairs tell
    shown = frozenset(counts)
    for k, (start, end) in enumerate(spans):
        leads = [(p, page) for p, page in lone_leads(text, start, end, shown) if _left_alone(results[k], p)]
        if leads:
            results[k] = _repair_around(text[start:end], leads, trusted)
    pieces: list[str] = []
    segments: list[_Segment] = []
    pos = 0        # original offset copied up to
    shift = 0      # repaired offset minus original offset, after ``pos``
    for (start, end), fixed in zip(spans, results):
        if fixed.text == text[start:end]:
            continue
        pieces.append(text[pos:start])
        fixed_start = start + shift
        segments.append(_Segment(fixed_start, fixed_start + len(fixed.text), start, end,
                                 tuple(fixed.starts), tuple(fixed.ends)))
        pieces.append(fixed.text)
        shift += len(fixed.text) - (end - start)
        pos = end
    if not segments:
        return RepairedText(text, text)
    pieces.append(text[pos:])
    return RepairedText("".join(pieces), text, tuple(segments))


@cache
def _lone_lead_pages() -> dict[str, tuple[str, ...]]:
    """Per letter that a page of :data:`LONE_LEAD_PAGES` shows for the UTF-8 lead byte 0xC2, those pages."""
    out: dict[str, tuple[str, ...]] = {}
    for page in PAGES:
        lead = bytes([0xC2]).decode(page, errors="ignore")
        if page in LONE_LEAD_PAGES and lead and unicodedata.category(lead)[0] == "L":
            out[lead] = out.get(lead, ()) + (page,)
    return out


def _shows_itself(ch: str, page: str) -> bool:
    """Whether ``ch`` is a Latin-1 symbol (U+00A0-U+00BF, no letter) that ``page`` shows as itself,
    so that lead 0xC2 and its byte are the UTF-8 of ``ch``."""
    return ("\xa0" <= ch <= "\xbf" and unicodedata.category(ch)[0] not in "LM"
            and bytes([ord(ch)]).decode(page, errors="ignore") == ch)


def _pair_at(text: str, k: int, page: str) -> bool:
    """Whether ``text[k:k+2]`` is ``page``'s letter for 0xC2 and a symbol it shows as itself."""
    return (0 <= k < len(text) - 1 and page in _lone_lead_pages().get(text[k], ())
            and _shows_itself(text[k + 1], page))


def _apart(before: str, after: str) -> bool:
    """Whether nothing but ASCII or space touches a pair: it stands outside any genuine text."""
    return (before.isascii() or before.isspace()) and (after.isascii() or after.isspace())


def _in_text(before: str, after: str) -> bool:
    """Whether a pair touches a letter or mark beyond ASCII (Arabic "ملجآ»", "آ زيد") or follows
    an opening quote or bracket (``«آ»`` quotes the letter): it may be genuine."""
    def letter(ch: str) -> bool:
        return not ch.isascii() and unicodedata.category(ch)[0] in "LM"
    return letter(before) or letter(after) or (not before.isascii() and unicodedata.category(before) in ("Ps", "Pi"))


def lone_leads(text: str, start: int, end: int, shown: frozenset[str] = frozenset()) -> Iterator[tuple[int, str]]:
    """Mojibake of a Latin-1 symbol outside any word, in ``text[start:end]``: the position
    (relative to ``start``) and page of each pair of that page's letter for byte 0xC2 and a
    symbol it shows as itself (``آ»`` is "»" read through cp1256). A pair counts through a
    page the document was ``shown`` to be read through, unless it may be genuine text, and
    through a page of :data:`ALWAYS_LONE_LEAD` when nothing but ASCII or space touches it.
    A neighbouring pair counts as space (``آ»آ»``).

    >>> list(lone_leads("Next \u0622\u00bb More", 0, 12))
    [(5, 'cp1256')]
    >>> list(lone_leads("\u0645\u0644\u062c\u0622\u00bb", 0, 5, frozenset({"cp1256"})))  # an Arabic word
    []
    """
    for k in range(start, end - 1):
        for page in _lone_lead_pages().get(text[k], ()):
            if not _pair_at(text, k, page):
                continue
            before = " " if k == 0 or _pair_at(text, k - 2, page) else text[k - 1]
            after = " " if k + 2 >= len(text) or _pair_at(text, k + 2, page) else text[k + 2]
            if (page in shown and not _in_text(before, after)) or (page in ALWAYS_LONE_LEAD and _apart(before, after)):
                yield k - start, page
                break


def _left_alone(fixed: UnitRepair, pos: int) -> bool:
    """Whether the unit's repair kept its character at ``pos`` as it was, one for one."""
    return any(s == pos and e == pos + 1 for s, e in zip(fixed.starts, fixed.ends))


def _repair_around(unit: str, leads: list[tuple[int, str]], trusted: frozenset[str]) -> UnitRepair:
    """Repair ``unit`` with each lone lead at ``leads`` dropped before its symbol, the text
    between them as :func:`repair_text` repairs a unit. The pair never parts another
    character's bytes: 0xC2 starts a character and its symbol's byte ends one."""
    text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    used: list[str] = []
    pos = 0
    for lead, page in [*leads, (len(unit), None)]:
        if lead > pos:
            piece = _repair_trusting(unit[pos:lead], trusted)
            text.append(piece.text)
            starts += [pos + s for s in piece.starts]
            ends += [pos + e for e in piece.ends]
            used += piece.pages
        if page is not None:  # the symbol comes from the lead and its own byte
            text.append(unit[lead + 1])
            starts.append(lead)
            ends.append(lead + 2)
            used.append(page)
            pos = lead + 2
    return UnitRepair("".join(text), starts, ends, tuple(used))


def _repair_trusting(unit: str, trusted: frozenset[str]) -> UnitRepair:
    """:func:`repair_unit`, again through ``trusted`` pages where a stretch of them is left."""
    fixed = repair_unit(unit)
    if trusted and has_stretches(fixed.text, trusted):
        fixed = repair_unit(unit, trusted)
    return fixed


def units(text: str) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of each unit that may need repair: the non-ASCII whitespace-separated
    chunks, long ones cut at safe points into pieces of at most :data:`MAX_UNIT` characters.

    >>> list(units("plain Syria\u00e2\u20ac\u2122s army"))
    [(6, 15)]
    """
    for m in _CHUNK.finditer(text):
        start, end = m.span()
        if m.group().isascii():
            continue
        while end - start > MAX_UNIT:
            cut = safe_cut(text, start + MAX_UNIT // 2, start + MAX_UNIT)
            if not text[start:cut].isascii():
                yield start, cut
            start = cut
        if not text[start:end].isascii():
            yield start, end


def safe_cut(text: str, lo: int, hi: int) -> int:
    """A cut point in ``(lo, hi]``, latest first: before an ASCII character if there is one,
    else where no character's mojibake is split and no accent is parted from its letter;
    ``hi`` if there is no such point (a split there costs at most one character's repair)."""
    for pos in range(hi, lo, -1):
        if text[pos].isascii() and not _joined(text, pos):
            return pos
    for pos in range(hi, lo, -1):
        if not _joined(text, pos) and not inside_sequence(text, pos):
            return pos
    return hi


def _joined(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` belongs to the character before it (accent, joiner, surrogate pair)."""
    ch, before = text[pos], text[pos - 1]
    if unicodedata.category(ch)[0] == "M" or ch in "\u200d\ufe0f" or before == "\u200d":
        return True
    return "\ud800" <= before <= "\udbff" and "\udc00" <= ch <= "\udfff"


class UnitRepair(NamedTuple):
    """A repaired unit, per repaired character its original ``[start, end)`` in the unit, and
    the code pages of the stretches repaired."""

    text: str
    starts: list[int]
    ends: list[int]
    pages: tuple[str, ...]


def repair_unit(unit: str, trusted: frozenset[str] = frozenset()) -> UnitRepair:
    """Repair one unit: code pages (see :func:`~conflict_ner.text.mojibake.fix_runs`), then ftfy.

    >>> repair_unit("Iraq\u0e42\u20ac\u2122s")
    UnitRepair(text="Iraq's", starts=[0, 1, 2, 3, 4, 7], ends=[1, 2, 3, 4, 7, 8], pages=('cp874',))
    """
    runs = fix_runs(unit, trusted=trusted)
    text, starts, ends, used = runs.text, runs.starts, runs.ends, runs.pages
    fixed = ftfy.fix_text(text, _CONFIG)
    if fixed != text:
        starts, ends = _compose(starts, ends, *align(fixed, text), len(text), len(unit))
        shrunk, text = len(fixed) < len(text), fixed
        if shrunk:  # ftfy undid an encoding layer: there may be one below
            runs = fix_runs(fixed, trusted=trusted)
            starts, ends = _compose(starts, ends, runs.starts, runs.ends, len(fixed), len(unit))
            text, used = runs.text, used + runs.pages
    return UnitRepair(text, starts, ends, used)


def _compose(starts: list[int], ends: list[int], next_starts: list[int], next_ends: list[int],
             middle_len: int, orig_len: int) -> tuple[list[int], list[int]]:
    """Chain two offset maps: (final -> middle) after (middle -> original)."""
    out_starts, out_ends = [], []
    for a, b in zip(next_starts, next_ends):
        if a < b:
            out_starts.append(starts[a])
            out_ends.append(ends[b - 1])
        else:  # a character with no source (inserted): an empty range at its place
            point = starts[a] if a < middle_len else orig_len
            out_starts.append(point)
            out_ends.append(point)
    return out_starts, out_ends


def align(fixed: str, orig: str) -> tuple[list[int], list[int]]:
    """Per character of ``fixed``, the ``[start, end)`` of ``orig`` it came from.

    Equal characters map one to one; between them, a changed stretch maps as a whole onto
    the original stretch it replaced (one to one if both are as long). Re-synchronisation
    looks at most :data:`LOOKAHEAD` characters ahead in each string, so the cost is linear;
    past that, the rest is one stretch (coarse, never wrong: it still covers the characters'
    origin).

    >>> align("Syria's", "Syria\u00e2\u20ac\u2122s")
    ([0, 1, 2, 3, 4, 5, 8], [1, 2, 3, 4, 5, 8, 9])
    """
    n, m = len(fixed), len(orig)
    starts: list[int] = []
    ends: list[int] = []
    i = j = 0
    while i < n:
        if j < m and fixed[i] == orig[j]:
            starts.append(j)
            ends.append(j + 1)
            i += 1
            j += 1
            continue
        di, dj = _resync(fixed, orig, i, j)
        if di == dj:  # as long as what it replaced: substitutions (quotes, widths), one for one
            starts += range(j, j + dj)
            ends += range(j + 1, j + dj + 1)
        else:  # fixed[i:i+di] came from orig[j:j+dj] as a whole; an insertion sticks to the character before
            lo, hi = (j, j + dj) if dj else (j - 1, j) if j else (0, min(1, m))
            starts += [lo] * di
            ends += [hi] * di
        i += di
        j += dj
    return starts, ends


def _resync(fixed: str, orig: str, i: int, j: int) -> tuple[int, int]:
    """The shortest stretch ``(di, dj)`` after which both strings agree again (two equal
    characters, or both ends), searched within :data:`LOOKAHEAD`; among equally short ones
    the most even (a substitution before an insertion). Past the lookahead: one character
    each if what is left is as long on both sides, else all that is left."""
    n, m = len(fixed), len(orig)
    for total, steps in enumerate(_RESYNC_ORDER, start=1):
        for di in steps:
            dj = total - di
            a, b = i + di, j + dj
            if a > n or b > m:
                continue
            if a == n and b == m:
                return di, dj
            if a < n and b < m and fixed[a] == orig[b] and (
                    (a + 1 == n and b + 1 == m) or (a + 1 < n and b + 1 < m and fixed[a + 1] == orig[b + 1])):
                return di, dj
    if n - i == m - j:
        return 1, 1
    return n - i, m - j
