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
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# The pages ftfy misses (cp874, KOI8-R, cp437, cp850, cp1256) and, for double encoding where one
# layer is one of them, those it knows. Roughly by how common they are in the wild: the order
# breaks ties between equally good repairs.
PAGES = ("cp1252", "cp1251", "cp874", "koi8_r", "cp1256", "cp437", "cp850", "cp1250", "mac_roman")
ROUNDS = 3  # layers of double encoding undone

_CP1252_FILL = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_COMMON_PUNCT = set("‘’“”–—…«»•′″‹›")
_ODD_CATEGORIES = {"Cc", "Cf", "Co", "Cn", "Cs", "Sc", "Sk", "Sm", "So", "No"}


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
    for rank, page in enumerate(pages()):
        for start, end, chars in _decoded_stretches(text, page):
            left = text[start - 1] if start else ""
            right = text[end] if end < len(text) else ""
            before = oddness(text[start:end], left, right)
            fixed = "".join(c for c, _ in chars)
            after = oddness(fixed, left, right)
            if 2 * after >= before and after and len(fixed) > 1 and rounds > 1:  # may be a layer
                after = min(after, oddness(fix_runs(fixed, rounds - 1, trusted).text, left, right))
            if 2 * after < before or (after <= before and page.name in trusted):  # clearly better
                candidates.append((before - after, -rank, start, end, chars, page.name))
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


@lru_cache(maxsize=4096)
def _char_info(ch: str) -> tuple[int, int, str | None, str]:
    """(oddness weight anywhere, weight beside a letter, script of a letter, category) of one
    character. Symbols are odd only beside a letter (``Ã©`` but not ``© 2019``)."""
    cat = unicodedata.category(ch)
    if ch.isascii():
        odd = int(cat == "Cc" and ch not in "\t\n\r")
        return odd, odd, ("LATIN" if ch.isalpha() else None), cat
    if cat[0] in "LM":
        script = unicodedata.name(ch, "?").split(" ")[0]
        if script == "COMBINING":  # a generic accent belongs to the letter before it
            return 0, 0, None, cat
        # letters outside any script (µ, ª, º, modifier letters) and rare Latin (Ǭ, ƒ) are
        # what mojibake is made of, seldom what people write
        rare = int(script in ("MICRO", "FEMININE", "MASCULINE", "MODIFIER", "?") or (
            "\u0180" <= ch <= "\u02af" and ch not in "ȘșȚț"))
        return rare, rare, script, cat
    if cat in ("Cc", "Cf", "Co", "Cn", "Cs") or ch == "\ufffd" or "\u2500" <= ch <= "\u259f":  # box drawing
        return 1, 1, None, cat
    if cat in ("Sc", "Sk", "Sm", "So", "No"):
        return 0, 1, None, cat
    if cat[0] == "P" and ch not in _COMMON_PUNCT and (ch <= "\u00bf" or "\u2000" <= ch <= "\u206f"):
        return 0, 1, None, cat  # ¡ § ¶ · ¿ ‚ „ † ‡ ‰
    return 0, 0, None, cat


def oddness(text: str, left: str = "", right: str = "") -> int:
    """How much ``text`` (between the characters ``left`` and ``right``) looks like mojibake:
    odd symbols and controls, script changes between letters, a capital after a small
    letter, accented letters back to back.

    >>> oddness("Iraq’s"), oddness("Iraq\u0e42\u20ac\u2122s"), oddness("© 2019"), oddness("Ã©")
    (0, 4, 0, 1)
    """
    chars = left + text + right
    first, last = len(left), len(left) + len(text)
    infos = [_char_info(ch) for ch in chars]
    score = 0
    script = infos[first - 1][2] if first else None
    for k in range(first, last):
        alone, beside_letter, ch_script, cat = infos[k]
        ch = chars[k]
        if beside_letter > alone and ((k > 0 and infos[k - 1][3][0] == "L") or
                                      (k + 1 < len(chars) and infos[k + 1][3][0] == "L")):
            score += beside_letter
        else:
            score += alone
        if k and "\u00c0" <= ch <= "\u017f" and "\u00c0" <= chars[k - 1] <= "\u017f":
            score += 1  # ÔÇö, ĂĽ: accented letters back to back
        if ch_script is not None:
            if script is not None and ch_script != script:
                score += 1
            elif cat == "Lu" and k and infos[k - 1][3] == "Ll" and not ch.isascii():
                score += 1
            script = ch_script
    if right:
        right_script = infos[last][2]
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
