"""Numbers as news writes them: digits and words to ints, hedges, ranges and vague quantities.

:func:`normalize_count` reads a COUNT span under the annotation guidelines'
conservative convention (training/ANNOTATION.md); what the count counts, its outcome
and whether it is a running total are :mod:`.counts`' job.

>>> normalize_count("at least 36"), normalize_count("up to 20"), normalize_count("two dozen")
((36, 36, None), (20, None, 20), (24, 24, 24))
>>> parse_number("one hundred and five"), parse_number("1.2 million"), parse_number("blah")
(105, 1200000, None)
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache

#: A COUNT span longer than this is no number (the longest in the corpus has 25 characters);
#: the bound keeps normalisation constant-time per count.
MAX_COUNT_CHARS = 120

Normalized = tuple[int | None, int | None, int | None]
_NONE: Normalized = (None, None, None)

#: Number words below twenty.
UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "k": 1_000, "m": 1_000_000,
           "mln": 1_000_000, "bn": 1_000_000_000}
# Multiplying nouns inside a number: "two dozen", "a pair", "a score".
_GROUPS = {"hundred": 100, "dozen": 12, "score": 20, "pair": 2, "couple": 2}
_VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
          "billions": 1_000_000_000}

# Hedges, longest first so that "no more than" wins over "more than".
_LOWER_PREFIXES = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than",
                   "no less than", "not less than", "a minimum of", "a total of at least", "above", "well over")
_UPPER_PREFIXES = ("up to", "as many as", "no more than", "not more than", "at most", "fewer than",
                   "less than", "under", "a maximum of", "as much as", "below")
_APPROX_PREFIXES = ("about", "nearly", "around", "some", "approximately", "roughly", "almost", "close to",
                    "an estimated", "estimated", "approx.", "approx", "circa", "just under", "just over",
                    "more or less", "an approximate", "upward of")
_LOWER_SUFFIXES = ("or more", "and more", "plus", "+", "-odd", " odd", "and counting")
_APPROX_SUFFIXES = ("or so",)
_NOT_A_NUMBER = frozenset({"handful", "a handful", "several", "many", "a number", "a few", "few", "numerous"})


@lru_cache(maxsize=4096)
def normalize_count(text: str) -> Normalized:
    """``(value, low, high)`` of a COUNT span under the guidelines' conservative convention.

    Exact numbers give ``(n, n, n)``; lower bounds ``(n, n, None)``; upper bounds
    ``(n, None, n)``; approximations ``(n, None, None)``; ranges ``(low, low, high)``;
    vague plurals (``dozens``) ``(n, n, None)``. Unparseable text gives ``(None, None, None)``.

    >>> normalize_count("from 20 to 80"), normalize_count("tens of thousands"), normalize_count("about 50")
    ((20, 20, 80), (10000, 10000, None), (50, None, None))
    """
    if len(text) > MAX_COUNT_CHARS:
        return _NONE
    s = _clean(text)
    if not s:
        return _NONE
    kind = "none"
    for prefixes, name in ((_UPPER_PREFIXES, "upper"), (_LOWER_PREFIXES, "lower"), (_APPROX_PREFIXES, "approx")):
        hit = _strip_prefix(s, prefixes)
        if hit is not None:
            s, kind = hit, name
            break
    if kind == "none":
        for suffixes, name in ((_LOWER_SUFFIXES, "lower"), (_APPROX_SUFFIXES, "approx")):
            for suffix in suffixes:
                if s.endswith(suffix) and len(s) > len(suffix):
                    s, kind = s[: -len(suffix)].strip(), name
                    break
            if kind != "none":
                break
    core = _core(s)
    if core is None:
        rng = _range(s)
        if rng is None or kind not in ("none", "approx"):
            return _NONE
        # "about 20 to 30" is as hedged as "about 20".
        return (rng[0], None, None) if kind == "approx" else (rng[0], rng[0], rng[1])
    value, vague = core
    if kind == "lower":
        return value, value, None
    if kind == "upper":
        return value, None, value
    if kind == "approx":
        return value, None, None
    return (value, value, None) if vague else (value, value, value)


def _clean(text: str) -> str:
    s = text.strip().lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    s = re.sub(r"(?<=\d),(?=\d{3}\b)", "", s)
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    # A span that swallowed the "of" of "dozens of families".
    return re.sub(r"\s+of$", "", s)


def _strip_prefix(s: str, prefixes: tuple[str, ...]) -> str | None:
    for p in sorted(prefixes, key=len, reverse=True):
        if s.startswith(p + " ") and len(s) > len(p) + 1:
            return s[len(p) + 1:].strip()
    return None


def _range(s: str) -> tuple[int, int] | None:
    m = (re.fullmatch(r"between (.+?) and (.+)", s)
         or re.fullmatch(r"(?:from )?(.+?) (?:to|or) (.+)", s)
         or re.fullmatch(r"(.+?)\s?-\s?(.+)", s))
    if not m:
        return None
    left, right = _core(m.group(1)), _core(m.group(2))
    if left is None or right is None:
        return None
    lo, hi = left[0], right[0]
    # "20 to 30 thousand": the scale written once applies to both ends.
    scale = next((v for w, v in _SCALES.items() if m.group(2).endswith(" " + w)), None)
    if scale and not any(m.group(1).endswith(" " + w) for w in _SCALES) and lo * scale <= hi:
        lo *= scale
    return (lo, hi) if lo <= hi else None


def _core(s: str) -> tuple[int, bool] | None:
    """``(value, vague)`` of a hedge-free count, or None."""
    s = s.strip()
    if s in _NOT_A_NUMBER:
        return None
    vague = _vague(s)
    if vague is not None:
        return vague, True
    # "several hundred", "a few thousand": at least two of the unit.
    m = re.fullmatch(r"(?:several|a few|a couple of) (hundred|thousand|million|dozen)", s)
    if m:
        unit = {"hundred": 100, "dozen": 12}.get(m.group(1)) or _SCALES[m.group(1)]
        return 2 * unit, True
    value = parse_number(s)
    return None if value is None else (value, False)


def _vague(s: str) -> int | None:
    parts = s.split(" of ")
    if not parts or any(p.removeprefix("many ").removeprefix("the ") not in _VAGUE for p in parts):
        return None
    value = 1
    for p in parts:
        value *= _VAGUE[p.removeprefix("many ").removeprefix("the ")]
    return value


def parse_number(s: str) -> int | None:
    """Digits, number words and their mixes as an int: ``3500``, ``1.2 million``, ``one hundred and five``.

    ``s`` is lower case without thousands separators (as :func:`normalize_count` passes it);
    anything else than one number gives None.

    >>> parse_number("twenty-three"), parse_number("half a million"), parse_number("two three")
    (23, 500000, None)
    """
    s = re.sub(r"(?<=\d)(k|m|bn|mln)\b", r" \1", s)
    tokens = re.findall(r"\d+(?:\.\d+)?|[a-z]+", s.replace("-", " "))
    if not tokens or re.search(r"[^\w\s.\-]", s.replace(",", "")):
        return None
    total, current, started = Fraction(0), Fraction(0), False
    for i, tok in enumerate(tokens):
        if tok[0].isdigit():
            if current or started and not total:
                return None
            current, started = Fraction(tok), True
        elif tok in UNITS:
            n = UNITS[tok]
            rest = current % 100
            if n < 10 and not (rest == 0 or (rest >= 20 and rest % 10 == 0)) or n >= 10 and rest:
                return None
            current, started = current + n, True
        elif tok in _TENS:
            if current % 100:
                return None
            current, started = current + _TENS[tok], True
        elif tok in ("a", "an"):
            if i + 1 >= len(tokens) or tokens[i + 1] not in _GROUPS and tokens[i + 1] not in _SCALES:
                return None
            if current != Fraction(1, 2):  # "half a million"
                current = Fraction(1)
            started = True
        elif tok == "half":
            current, started = Fraction(1, 2), True
        elif tok == "and":
            if not started:
                return None
        elif tok == "of":  # "a couple of", "a quarter of a million" is not supported
            if i == 0 or tokens[i - 1] not in ("couple", "pair"):
                return None
        elif tok in _GROUPS:
            if tok == "hundred":
                current = (current or 1) * 100 if current % 100 or current < 100 else None
                if current is None:
                    return None
            else:
                current = (current or 1) * _GROUPS[tok]
            started = True
        elif tok in _SCALES:
            if tok in ("k", "m", "bn", "mln") and not (i and tokens[i - 1][0].isdigit()):
                return None
            total += (current or 1) * _SCALES[tok]
            current, started = Fraction(0), True
        else:
            return None
    if not started:
        return None
    value = total + current
    if value.denominator != 1:
        return None
    return int(value)
