"""Fuzzy-match candidates cut by length: names too long or too short to reach a ratio.

rapidfuzz's ``fuzz.ratio`` of strings of lengths ``n`` and ``m`` is at most
``200 * min(n, m) / (n + m)`` (each unmatched character costs at least one edit), so a
name whose length puts that bound under the cutoff can never be returned; leaving it out of
the choices (the others kept in order) changes no result and spares the scorer a pass.

>>> length_bounds(8, 80.0)
(6, 12)
>>> LengthIndex(["aleppo", "al bab", "deir ez-zor", "idlib"]).within(5, 6)
['aleppo', 'al bab', 'idlib']
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# float slack: a length on the edge is kept, never dropped
_SLACK = 1e-6


def length_bounds(n: int, cutoff: float) -> tuple[int, int]:
    """The shortest and longest lengths whose ratio with an ``n``-character name may reach ``cutoff``.

    >>> length_bounds(6, 100.0), length_bounds(6, 0.0)
    ((6, 6), (0, 1000000000))
    """
    if cutoff <= 0 or cutoff > 100:  # any length may do (above 100, nothing matches: keep all anyway)
        return 0, 10**9
    low = max(0, math.ceil(cutoff * n / (200.0 - cutoff) - _SLACK))
    high = math.floor(n * (200.0 - cutoff) / cutoff + _SLACK)
    return low, high


class LengthIndex:
    """A list of names, asked for those of a length range in their original order."""

    def __init__(self, names: Sequence[str]):
        self.names = list(names)
        self._by_length: dict[int, list[int]] = {}
        self._cuts: dict[tuple[int, int], list[str]] = {}
        for i, name in enumerate(self.names):
            self._by_length.setdefault(len(name), []).append(i)

    def within(self, low: int, high: int) -> list[str]:
        """The names of ``low`` to ``high`` characters, in the order they were given (kept per
        range: names have a few dozen lengths, and cutting a long list anew costs more than it saves)."""
        cut = self._cuts.get((low, high))
        if cut is None:
            positions = sorted(i for n, ids in self._by_length.items() if low <= n <= high for i in ids)
            cut = self._cuts[low, high] = [self.names[i] for i in positions]
        return cut
