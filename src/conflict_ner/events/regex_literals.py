"""Cheap literal gates for large cue regexes: skip a search that cannot match.

A pattern's *required literals* are plain ASCII strings such that every match of the
pattern contains one of them (read from the parsed pattern, never written by hand).
Lower-cased text that contains none of them cannot match, so the regex is not run.

>>> gate = required_literals(r"\\b(?:air ?strikes?|(?<!anti-)aircraft|drones?)\\b")
>>> sorted(gate)
['aircraft', 'drone', 'strike']
>>> folded = fold("Drones hit the base.")
>>> may_match(folded, gate), may_match(fold("Rain fell."), gate)
(True, False)
"""
from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

# Non-ASCII characters that re.IGNORECASE matches to an ASCII letter (dotted/dotless i,
# long s, Kelvin sign): lower-casing does not turn them into that letter, so a text
# holding one is searched without a gate (tests/events/test_regex_literals.py checks the set).
_ASCII_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_c, name))


def required_literals(pattern: str | re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every match contains; None: no such set found.

    >>> sorted(required_literals(r"\\b(?:kill(?:ed|s)?|murder\\w*)\\b"))
    ['kill', 'murder']
    >>> required_literals(r"\\w+\\d") is None
    True
    """
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    return _sequence(list(_p.parse(source, flags)))


def fold(text: str) -> str | None:
    """The text as the gates read it (lower case); None when no gate may be trusted on it."""
    return None if _ASCII_LOOKALIKES.search(text) else text.lower()


def may_match(folded: str | None, literals: frozenset[str] | None) -> bool:
    """False only when the pattern with these required literals cannot match the text."""
    return folded is None or literals is None or any(lit in folded for lit in literals)


def _sequence(items: list) -> frozenset[str] | None:
    """Best required set of a sequence: any one item's set (or literal run) will do."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        inner = _item(op, av)
        if inner:
            options.append(inner)
    if run:
        options.append(frozenset(["".join(run)]))
    # the set whose shortest literal is longest rules out the most texts
    return max(options, key=lambda lits: (min(map(len, lits)), -len(lits)), default=None)


def _item(op, av) -> frozenset[str] | None:
    """Required set of one non-literal item (a group, an alternation, a repeat), else None."""
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _c.BRANCH:
        branches = [_sequence(list(b)) for b in av[1]]
        if all(branches):
            return frozenset().union(*branches)
        return None
    if op in _REPEATS and av[0] >= 1:
        return _sequence(list(av[2]))
    if getattr(_c, "ATOMIC_GROUP", None) is op:
        return _sequence(list(av))
    return None  # classes, assertions, anchors, any-char: nothing required
