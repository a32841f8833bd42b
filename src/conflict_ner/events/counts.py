"""COUNT spans: conservative normalisation, counted noun, outcome, running totals.

>>> normalize_count("at least 36"), normalize_count("up to 20"), normalize_count("two dozen")
((36, 36, None), (20, None, 20), (24, 24, 24))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction
from functools import lru_cache

from conflict_ner.records import CountRef, Outcome, TextSpan

Normalized = tuple[int | None, int | None, int | None]
_NONE: Normalized = (None, None, None)

_UNITS = {w: i for i, w in enumerate(
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
        if i < len(words) and words[i][2].lower() in _DETERMINERS and _gap_ok(text, words[0][1], words[i][0]):
            i += 1
    picked: list[tuple[int, int, str]] = []
    prev_end = words[i - 1][1] if i else pos
    while i < len(words) and len(picked) < 4:
        start, end, word = words[i]
        if not _gap_ok(text, prev_end, start):
            break
        low = word.lower()
        if low in _STOP_WORDS or low in _PRONOUNS or word[0].isdigit():
            break
        if _looks_verbal(low):
            # "36 rockets fired", "12 wounded and": a participle after the head, or
            # one with no noun after it, is the predicate; "four wounded soldiers",
            # "two armed men" keep it as a modifier.
            if picked and low not in _PARTICIPLE_ADJECTIVES:
                break
            nxt = words[i + 1][2].lower() if i + 1 < len(words) and _gap_ok(text, end, words[i + 1][0]) else None
            if nxt is None or nxt in _STOP_WORDS or _looks_verbal(nxt) or nxt in _PRONOUNS:
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


# Outcome cues: (regex, outcome). Participles and nouns of the act's result.
_OUTCOME_CUES: tuple[tuple[str, Outcome], ...] = (
    (r"shot down|shooting down|shoots? down|brought down|bringing down|downed|downing|"
     r"intercept(?:ed|ing|s|ion)?", "intercepted"),
    (r"kill(?:ed|ing|s)?|dead|died|dies|dying|death toll|deaths?|bodies|lost their lives|fatalit(?:y|ies)|slain|"
     r"massacred|executed|perished|martyred|lifeless", "killed"),
    (r"wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y)|hurt", "injured"),
    (r"captur(?:ed|ing|es?)|detain(?:ed|ing|s)?|abduct(?:ed|ing|s)?|kidnap(?:ped|ping|s)?|arrest(?:ed|ing|s)?|"
     r"taken (?:prisoner|hostage|captive)|held hostage|hostages|prisoners?|seiz(?:ed|ing|es?)|"
     r"took (?:\w+ )?prisoner", "captured"),
    (r"displac(?:ed|ing|ement)|fled|flee(?:ing)?|forced from their homes|forced to flee|refugees|evacuated|uprooted|"
     r"homeless", "displaced"),
    (r"destroy(?:ed|ing|s)?|damag(?:ed|ing|es?)|burn(?:ed|t|ing)|razed|demolish(?:ed|ing)|level(?:l)?ed|flattened",
     "destroyed"),
)
_CUE_RE = re.compile("|".join(f"(?P<c{i}>\\b(?:{rx})\\b)" for i, (rx, _) in enumerate(_OUTCOME_CUES)), re.I)
# Clause boundaries: punctuation, and conjunctions that start a new predicate.
_CLAUSE_BREAK = re.compile(r"[;:]|,|\s(?:and|but|while|whereas|as well as|after|before|when)\s", re.I)
_INCLUDING = re.compile(r"^\W*(?:including|among them|among whom|of whom|most of them|mostly|mainly|many of them|"
                        r"some of them|all of them|\w+ of them)\b", re.I)


def outcome_for(sentence: str, start: int, end: int, others: tuple[tuple[int, int], ...] = ()) -> Outcome:
    """The outcome of the count at ``sentence[start:end]`` (sentence offsets).

    The nearest outcome word in the count's own clause wins, so each count of
    "killing 4 and wounding 12" gets its own verb. Without one, a later clause
    lends its cue unless another count (``others``) stands in between as that
    cue's object; "including ..." clauses inherit from the clause before.

    >>> s = "Shelling killed four and wounded 12."
    >>> outcome_for(s, 16, 20), outcome_for(s, 33, 35)
    ('killed', 'injured')
    """
    clauses = _clauses(sentence, ((start, end),) + tuple(others))
    idx = next((i for i, (cs, ce, _) in enumerate(clauses) if cs <= start < ce), None)
    if idx is None:
        return "other"
    cues = [(m.start(), m.end(), _outcome_of(m)) for m in _CUE_RE.finditer(sentence)]
    cs, ce, _ = clauses[idx]
    own = [c for c in cues if cs <= c[0] < ce and not (c[0] < end and c[1] > start)]
    if own:
        return min(own, key=lambda c: c[0] - end if c[0] >= end else start - c[1])[2]
    # A cue in a later clause applies to a subject count with no cue of its own
    # ("Four soldiers, including an officer, were killed"), unless another count
    # is that cue's object ("fired 36 rockets, killing four").
    for j in range(idx + 1, len(clauses)):
        js, je, joiner = clauses[j]
        if _INCLUDING.match(sentence[js:je]):
            continue
        found = [c for c in cues if js <= c[0] < je]
        others_here = [o for o in others if js <= o[0] < je]
        if found:
            first = found[0]
            if not others_here or (joiner.strip().lower() == "and" and all(o[0] < first[0] for o in others_here)):
                return first[2]
            break
        if others_here:
            break
    if _INCLUDING.match(sentence[cs:ce]):
        for j in range(idx - 1, -1, -1):
            js, je, _ = clauses[j]
            found = [c for c in cues if js <= c[0] < je]
            if found:
                return found[0][2]
    return "other"


_CUMULATIVE = re.compile(
    r"\b(?:bringing|brings|bring|raising|raises|raise|pushing|taking) the (?:overall |total |death |casualty )?"
    r"(?:toll|total|number|tally)\b|"
    r"\b(?:toll|total|tally|number of (?:dead|deaths|victims|people killed))\b[^,;]*?\b(?:has |had |have )?"
    r"(?:rose|risen|climbed|reached|increased|jumped|stands|stood|now)\b|"
    r"\bsince the (?:start|beginning|outbreak|onset)\b|\bsince the (?:war|conflict|fighting|offensive|invasion)\b|"
    r"\bso far\b|\bto date\b|\bthus far\b|\bin total\b|\btotal of\b|\boverall\b|\bcumulative\b|\ball told\b|"
    r"\bsince (?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"last (?:year|month|week)|early|late|mid|\d{4})\b",
    re.I,
)
_CUMULATIVE_OPENER = re.compile(r"^\W*(?:so far|to date|thus far|in total|overall|all told|since [^,]+),", re.I)


def is_cumulative(sentence: str, start: int, end: int) -> bool:
    """Whether the count at ``sentence[start:end]`` is a running total.

    The cue must sit in the count's comma-delimited chunk, or open the sentence
    ("So far, ...").

    >>> s = "The strike killed three, bringing the death toll to 45."
    >>> is_cumulative(s, 18, 23), is_cumulative(s, 52, 54)
    (False, True)
    """
    cs = max(sentence.rfind(",", 0, start), sentence.rfind(";", 0, start)) + 1
    ends = [i for i in (sentence.find(",", end), sentence.find(";", end)) if i >= 0]
    ce = min(ends) if ends else len(sentence)
    if _CUMULATIVE.search(sentence[cs:ce]):
        return True
    return bool(_CUMULATIVE_OPENER.match(sentence))


# --- helpers -------------------------------------------------------------------------------------------

_WORD = re.compile(r"[\w][\w'\u2019.\-]*[\w]|[\w]")
_DETERMINERS = frozenset("the its their his her our these those".split())
_PRONOUNS = frozenset("them they those these us we it whom which who others' themselves".split())
_STOP_WORDS = frozenset(
    "a an the of in on at to by for from with into onto over under near and or but nor as than that which who "
    "whom whose where when while about around including during after before since until amid among across along "
    "against between is are was were be been being has have had will would could should may might can did do "
    "does not no its his her their our were said says reportedly also more each per so then there this".split()
)
# Participle forms that are ordinary adjectives before a noun.
_PARTICIPLE_ADJECTIVES = frozenset("armed unidentified unnamed masked suspected wanted alleged unmanned guided "
                                   "improvised retired detained displaced wounded injured unarmed".split())
_IRREGULAR_VERBS = frozenset("dead died fled hit struck shot fell were was hurt".split())


def _looks_verbal(low: str) -> bool:
    return low in _IRREGULAR_VERBS or (len(low) > 4 and (low.endswith("ed") or low.endswith("ing")))


def _is_plural_head(word: str) -> bool:
    low = word.lower()
    if word[0].isupper() or "-" in word:
        return False  # "Hamas", "Houthis" are names, "pro-government" a modifier
    if low in {"people", "children", "men", "women", "police", "personnel", "militia", "staff", "crew",
               "cattle", "livestock", "troops"}:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _gap_ok(text: str, a: int, b: int) -> bool:
    """Only spaces (no punctuation) between two words of one noun phrase."""
    return text[a:b].strip() == ""


def _outcome_of(m: re.Match) -> Outcome:
    return _OUTCOME_CUES[int(m.lastgroup[1:])][1]


def _clauses(sentence: str, protected: tuple[tuple[int, int], ...]) -> list[tuple[int, int, str]]:
    """``(start, end, joiner)`` pieces of a sentence split at clause breaks.

    Breaks inside a protected span (a count such as "between 20 and 80") are ignored.
    """
    out = []
    prev, joiner = 0, ""
    for m in _CLAUSE_BREAK.finditer(sentence):
        if any(m.start() < e and m.end() > s for s, e in protected):
            continue
        out.append((prev, m.start(), joiner))
        prev, joiner = m.end(), m.group(0)
    out.append((prev, len(sentence), joiner))
    # Keep offsets inside the sentence even for an empty piece (", and").
    return [(s, max(s, e), j) for s, e, j in out]


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
    value = _number(s)
    return None if value is None else (value, False)


def _vague(s: str) -> int | None:
    parts = s.split(" of ")
    if not parts or any(p.removeprefix("many ").removeprefix("the ") not in _VAGUE for p in parts):
        return None
    value = 1
    for p in parts:
        value *= _VAGUE[p.removeprefix("many ").removeprefix("the ")]
    return value


def _number(s: str) -> int | None:
    """Digits, number words and their mixes: ``3,500``, ``1.2 million``, ``one hundred and five``."""
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
        elif tok in _UNITS:
            n = _UNITS[tok]
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


# A count after these words is a part of a total already counted ("nine civilians, including four children").
_PART_OF_BEFORE = re.compile(r"\b(?:including|includ(?:es|ed)|among them|among whom|of them|of whom|"
                             r"among the (?:dead|killed|wounded|injured|victims))\s+(?:\w+\s+){0,2}$", re.I)


def outcome_total(sentence: TextSpan, counts: Sequence[CountRef], outcome: str) -> int | None:
    """Total of a record's counts with ``outcome``, parts of a total not added twice.

    >>> s = TextSpan("Shelling killed 9 civilians, including 4 children, and 3 soldiers.", 0, 66)
    >>> cs = [CountRef(t, s.text.index(t), s.text.index(t) + 1, int(t), int(t), int(t), None, "killed", False)
    ...       for t in ("9", "4", "3")]
    >>> outcome_total(s, cs, "killed"), outcome_total(s, cs, "injured")
    (12, None)
    """
    values = [c.value for c in counts if c.outcome == outcome and c.value is not None
              and not _PART_OF_BEFORE.search(sentence.text[:max(0, c.start - sentence.start)])]
    return sum(values) if values else None
