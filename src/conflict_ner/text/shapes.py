"""Word-shape ids: the case and digit cues an uncased encoder cannot see.

>>> [word_shape(w) for w in ["rebels", "Hama", "HTS", "T-72", "McCain", "(", ""]]
[1, 2, 3, 4, 5, 6, 0]
"""

from __future__ import annotations

from collections.abc import Sequence

#: 0 none/special, 1 lower, 2 Title, 3 UPPER, 4 has digit, 5 mixed case, 6 no letters or digits
NUM_SHAPES = 7


def word_shape(word: str) -> int:
    """The shape class of one word."""
    if not word:
        return 0
    if any(c.isdigit() for c in word):
        return 4
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return 6
    if all(c.islower() for c in letters):
        return 1
    if all(c.isupper() for c in letters):
        return 3 if len(letters) > 1 else 2
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return 2
    return 5


def token_shapes(text: str, token_offsets: Sequence[tuple[int, int]], units: Sequence[tuple[int, int]],
                 first: Sequence[int]) -> list[int]:
    """Per token, the shape of the unit it belongs to (all subwords of a word share it);
    tokens outside units take their own text's shape."""
    out = []
    current = -1
    unit_shape = [word_shape(text[s:e]) for s, e in units]
    for (start, end), f in zip(token_offsets, first):
        if f >= 0:
            current = f
            out.append(unit_shape[f])
        elif current >= 0 and start < units[current][1] and end > start:
            out.append(unit_shape[current])
        else:
            out.append(word_shape(text[start:end]))
    return out
