"""Undo UTF-8 that was read through a single-byte code page, run by run, with an exact offset map.

ftfy repairs text read as cp1252, cp1251 or cp1250, but not as Thai cp874, KOI8-R, cp437 or
Arabic cp1256. Here every run of characters from a code page's upper half is encoded back to
that page's bytes and decoded as UTF-8; the result replaces the run only when it is clearly
less odd (fewer symbols, control characters and script changes inside a word). Each repaired
character knows the original characters it came from, so no alignment is needed.

>>> fix_runs("Iraq\u0e42\u20ac\u2122s army").text  # UTF-8 "’" read as cp874
'Iraq’s army'
>>> fix_runs("Привет, สวัสดี, مرحبا").text             # genuine text stays
'Привет, สวัสดี, مرحبا'
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

# The pages ftfy misses (cp874, KOI8-R, cp437, cp850, cp1256) and, for double encoding where one
# layer is one of them, those it knows. Roughly by how common they are in the wild: the order
# breaks ties between equally good repairs.
PAGES = ("cp1252", "cp1251", "cp874", "koi8_r", "cp1256", "cp437", "cp850", "cp1250", "mac_roman")
ROUNDS = 3    # layers of double encoding undone
MIN_GAIN = 1  # oddness a repair must remove (besides halving it) through a page not yet trusted

_CP1252_FILL = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_COMMON_PUNCT = set("‘’“”–—…«»•′″‹›")


@dataclass(frozen=True)
class Page:
    """A code page's upper half (bytes 0x80-0xFF) as characters, and back."""

    name: str
    to_byte: dict[str, int]
    encoding_map: dict[int, int]  # for codecs.charmap_encode: ASCII as itself, the upper half

    @classmethod
    def build(cls, name: str) -> "Page":
        chars: dict[str, int] = {}
        for b in range(0x80, 0x100):
            try:
                ch = bytes([b]).decode(name)
            except UnicodeDecodeError:  # undefined byte: shown as cp1252 shows it (``โ€™``), else as latin-1
                ch = _CP1252_FILL.get(b, chr(b))
            if ch in chars or ch.isascii():
                ch = chr(b)
            chars.setdefault(ch, b)
        # U+FFFD stands for a byte a lossy decoder dropped: a continuation byte, the most common
        chars.setdefault("\ufffd", 0xBF)
        encoding_map = {c: c for c in range(0x80)} | {ord(c): b for c, b in chars.items()}
        return cls(name, chars, encoding_map)


@dataclass(frozen=True)
class FixedRuns:
    """Text after repair and, per repaired character, the original ``[start, end)`` it came from."""

    text: str
    starts: list[int]
    ends: list[int]
    pages: tuple[str, ...] = ()  # the code page of each stretch repaired


@lru_cache(maxsize=None)
def pages() -> tuple[Page, ...]:
    return tuple(Page.build(name) for name in PAGES)


@lru_cache(maxsize=None)
def _upper_halves() -> frozenset[str]:
    """Every character some page shows for a byte 0x80-0xFF: what mojibake is written in."""
    return frozenset(c for page in pages() for c in page.to_byte)


def fix_runs(text: str, rounds: int = ROUNDS, trusted: frozenset[str] = frozenset()) -> FixedRuns:
    """Repair code-page mojibake in ``text`` (a word or a bounded piece of one), up to
    ``rounds`` layers deep; offsets map exactly to ``text``.

    A repair must make the text clearly less odd, except through a ``trusted`` page (one the
    rest of the document was shown to be read through), where not being odder is enough:
    ``ยฉ`` is two Thai letters, or ``©`` read through cp874.
    """
    starts, ends = list(range(len(text))), list(range(1, len(text) + 1))
    current = text
    used: list[str] = []
    for left in range(rounds, 0, -1):
        fixes = _best_fixes(current, left, trusted)
        if not fixes:
            break
        current, starts, ends = _apply(current, fixes, starts, ends)
        used += [page for *_, page in fixes]
    return FixedRuns(current, starts, ends, tuple(used))


def has_stretches(text: str, names: frozenset[str]) -> bool:
    """Whether some stretch of ``text`` decodes as UTF-8 through one of the pages ``names``."""
    return any(_decoded_stretches(text, page) for page in pages() if page.name in names)


def _apply(text: str, fixes, starts: list[int], ends: list[int]):
    """Replace each fixed run, composing the new characters' origins with the old map."""
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for run_start, run_end, chars, _ in fixes:
        out.append(text[pos:run_start])
        new_starts += starts[pos:run_start]
        new_ends += ends[pos:run_start]
        k = run_start
        for ch, width in chars:
            out.append(ch)
            new_starts.append(starts[k])
            new_ends.append(ends[k + width - 1])
            k += width
        pos = run_end
    out.append(text[pos:])
    new_starts += starts[pos:]
    new_ends += ends[pos:]
    return "".join(out), new_starts, new_ends


def _best_fixes(text: str, rounds: int, trusted: frozenset[str]) -> list[tuple[int, int, list[tuple[str, int]], str]]:
    """Non-overlapping repairs of stretches of ``text``, the biggest gain in oddness first. A
    repair that leaves another layer of mojibake is judged by what the remaining ``rounds``
    make of it."""
    candidates = []
    before_of: dict[tuple[int, int], int] = {}  # pages often decode the same stretch
    perfect: set[tuple[int, int]] = set()       # stretches some page already repairs to oddness 0
    for rank, page in enumerate(pages()):
        for start, end, chars in _decoded_stretches(text, page):
            left = text[start - 1] if start else ""
            right = text[end] if end < len(text) else ""
            before = before_of.get((start, end))
            if before is None:
                before = before_of[start, end] = oddness(text[start:end], left, right)
            fixed = "".join(c for c, _ in chars)
            after = oddness(fixed, left, right)
            if (2 * after >= before and after and rounds > 1 and (start, end) not in perfect
                    and sum(c in _upper_halves() for c in fixed) > 1):  # may be one layer of several
                after = min(after, oddness(fix_runs(fixed, rounds - 1, trusted).text, left, right))
            if (2 * after < before and before - after >= MIN_GAIN) or (after <= before and page.name in trusted):
                candidates.append((before - after, -rank, start, end, chars, page.name))
                if after == 0:
                    perfect.add((start, end))
    chosen: list[tuple[int, int, list[tuple[str, int]], str]] = []
    for _, _, start, end, chars, name in sorted(candidates, key=lambda c: (-c[0], -c[1], c[2])):
        if all(end <= s or start >= e for s, e, *_ in chosen):
            chosen.append((start, end, chars, name))
    return sorted(chosen, key=lambda c: c[0])


def _decoded_stretches(text: str, page: Page) -> list[tuple[int, int, list[tuple[str, int]]]]:
    """``text`` encoded in ``page`` and decoded as UTF-8: each stretch of multi-byte characters
    that came out, as ``(start, end, [(character, original characters used), ...])``.

    >>> _decoded_stretches("Iraq\u0e42\u20ac\u2122s", pages()[PAGES.index("cp874")])
    [(4, 7, [('’', 3)])]
    """
    raw, _ = codecs.charmap_encode(text, "replace", page.encoding_map)  # other characters: "?"
    decoded = raw.decode("utf-8", "surrogateescape")
    if len(decoded) == len(text):
        return []
    stretches: list[tuple[int, int, list[tuple[str, int]]]] = []
    current: list | None = None
    pos = 0
    for ch in decoded:
        if ch < "\x80" or "\udc80" <= ch <= "\udcff":  # one byte, no part of a multi-byte character
            current = None
            pos += 1
            continue
        width = 2 if ch < "\u0800" else 3 if ch < "\U00010000" else 4
        if "\ufffd" in text[pos:pos + width]:  # a byte a lossy decoder dropped: the character is lost
            ch = "\ufffd"
        if current is None:
            current = [pos, pos, []]
            stretches.append(current)
        current[2].append((ch, width))
        pos += width
        current[1] = pos
    return [tuple(s) for s in stretches]


# Blocks of the letters people write (Latin to Ext-B, Greek, Cyrillic, Hebrew, Arabic, Indic,
# Thai, Lao, Myanmar, Georgian, Hangul, Ethiopic, Khmer, Vietnamese Latin, kana, CJK,
# presentation and width forms); a letter elsewhere (Syriac, NKo, Armenian, Cyrillic
# extensions...) is what a wrong decode produces far more often than what people write.
_COMMON_LETTERS = ((0x0000, 0x024F), (0x0370, 0x045F), (0x0490, 0x0491), (0x0590, 0x06FF), (0x0900, 0x0EFF),
                   (0x1000, 0x137F), (0x1780, 0x17FF), (0x1E00, 0x1FFF), (0x3040, 0x318F), (0x3400, 0x4DBF),
                   (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFB00, 0xFDFF), (0xFE70, 0xFFEF),
                   (0x20000, 0x3134F))
_PUNCTUATING_SCRIPTS = {"ARABIC", "HEBREW", "THAI", "ARMENIAN", "SYRIAC", "NKO", "SAMARITAN", "MANDAIC",
                        "DEVANAGARI", "TIBETAN", "MONGOLIAN", "ETHIOPIC", "GREEK", "CYRILLIC"}
_COMMON_ACCENTS = set("\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030a\u030b\u030c\u0323\u0327\u0328")


class _Info(NamedTuple):
    alone: int           # oddness anywhere
    beside_letter: int   # oddness next to a letter (symbols: ``Ã©`` but not ``© 2019``)
    script: str | None   # of a letter or mark (or a script's own punctuation)
    category: str
    rare_script: bool    # a letter outside the common blocks


@lru_cache(maxsize=4096)
def _char_info(ch: str) -> _Info:
    cat = unicodedata.category(ch)
    if ch.isascii():
        odd = int(cat == "Cc" and ch not in "\t\n\r")
        return _Info(odd, odd, "LATIN" if ch.isalpha() else None, cat, False)
    if cat[0] in "LM":
        script = unicodedata.name(ch, "?").split(" ")[0]
        if script == "COMBINING":  # a generic accent belongs to the letter before it
            rare = int(ch not in _COMMON_ACCENTS)
            return _Info(rare, rare, None, cat, False)
        # letters outside any script (µ, ª, º, modifier letters) and rare Latin (Ǭ, ƒ) are
        # what mojibake is made of, seldom what people write
        odd = int(script in ("MICRO", "FEMININE", "MASCULINE", "MODIFIER", "?") or (
            "\u0180" <= ch <= "\u02af" and ch not in "ȘșȚț"))
        rare = not any(lo <= ord(ch) <= hi for lo, hi in _COMMON_LETTERS)
        return _Info(odd, odd, script, cat, rare)
    if cat in ("Cc", "Cf", "Co", "Cn", "Cs") or ch == "\ufffd" or "\u2500" <= ch <= "\u259f":  # box drawing
        return _Info(1, 1, None, cat, False)
    if cat in ("Sc", "Sk", "Sm", "So", "No", "Nd"):
        return _Info(0, 1, None, cat, False)
    if cat[0] == "P" and ch not in _COMMON_PUNCT and (ch <= "\u00bf" or "\u2000" <= ch <= "\u206f"):
        return _Info(0, 1, None, cat, False)  # ¡ § ¶ · ¿ ‚ „ † ‡ ‰
    if cat[0] == "P":  # a script's own punctuation (Arabic ، Hebrew ׳) belongs with its letters
        script = unicodedata.name(ch, "?").split(" ")[0]
        return _Info(0, 0, script if script in _PUNCTUATING_SCRIPTS else None, cat, False)
    return _Info(0, 0, None, cat, False)


def oddness(text: str, left: str = "", right: str = "") -> int:
    """How much ``text`` (between the characters ``left`` and ``right``) looks like mojibake:
    odd symbols and controls, script changes between letters and rare scripts, a capital
    after a small letter, accented letters back to back, a vowel sign or accent with no
    letter before it.

    >>> oddness("Iraq’s"), oddness("Iraq\u0e42\u20ac\u2122s"), oddness("© 2019"), oddness("Ã©")
    (0, 4, 0, 1)
    """
    chars = left + text + right
    first, last = len(left), len(left) + len(text)
    infos = [_char_info(ch) for ch in chars]
    score = 0
    script = infos[first - 1].script if first else None
    for k in range(first, last):
        info, ch = infos[k], chars[k]
        before = infos[k - 1].category[0] if k else ""
        after = infos[k + 1].category[0] if k + 1 < len(chars) else ""
        if info.beside_letter > info.alone and (before in ("L", "M") or after in ("L", "M")):
            score += info.beside_letter
        else:
            score += info.alone
        if info.category == "Mn" and before not in ("L", "M"):
            score += 1  # an accent or vowel sign with no letter to sit on
        if k and "\u00c0" <= ch <= "\u017f" and "\u00c0" <= chars[k - 1] <= "\u017f":
            score += 1  # ÔÇö, ĂĽ: accented letters back to back
        if info.rare_script and not (k and infos[k - 1].rare_script):
            score += 1  # a letter of a rare block (Syriac, NKo, historic Cyrillic)
        if info.script is not None:
            if info.script != script:
                score += script is not None
            elif info.category == "Lu" and infos[k - 1].category == "Ll" and not ch.isascii():
                score += 1
            script = info.script
    if right:
        right_script = infos[last].script
        if right_script is not None and script is not None and right_script != script:
            score += 1
    return score


def _lead_width(byte: int) -> int:
    if 0xC2 <= byte <= 0xDF:
        return 2
    if 0xE0 <= byte <= 0xEF:
        return 3
    if 0xF0 <= byte <= 0xF4:
        return 4
    return 0


def inside_sequence(text: str, pos: int) -> bool:
    """Whether cutting ``text`` before ``pos`` could split one character's UTF-8 bytes shown
    through some code page (so a repair of either half would go wrong).

    >>> moji = "\u00e2\u20ac\u2122\u00e2\u20ac\u2122"  # "’’" read as cp1252
    >>> [p for p in range(1, 6) if not inside_sequence(moji, p)]
    [3]
    """
    for page in pages():
        for back in (1, 2, 3):
            start = pos - back
            if start < 0:
                break
            width = _lead_width(page.to_byte.get(text[start], 0))
            if width <= back or start + width > len(text):
                continue
            try:
                raw = bytes(page.to_byte[c] for c in text[start:start + width])
                raw.decode("utf-8")
            except (KeyError, UnicodeDecodeError):
                continue
            return True
    return False


def _apostrophe_forms() -> list[str]:
    """How a right single quote's UTF-8 bytes read in each code page of :data:`PAGES` (cp874 as
    browsers show it: its undefined 0x99 falls back to cp1252's ``™``)."""
    forms = {"\u0e42\u20ac\u2122"}
    for name in PAGES:
        try:
            forms.add("\u2019".encode("utf-8").decode(name))
        except UnicodeDecodeError:
            continue
    return sorted(forms, key=lambda f: (-len(f), f))


_MISREAD_APOSTROPHE = re.compile("|".join(map(re.escape, _apostrophe_forms())))


def same_length_apostrophes(text: str) -> str:
    """``text`` with each misread right single quote (``Iranâ€™s``) written as as many ``’`` as it
    has characters: rules that read possessives see one, and every offset still indexes ``text``.

    >>> same_length_apostrophes("Iran\u00e2\u20ac\u2122s army")
    'Iran’’’s army'
    """
    return _MISREAD_APOSTROPHE.sub(lambda m: "\u2019" * len(m.group()), text)
