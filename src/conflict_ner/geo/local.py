"""The text around a mention that may say which province an unknown place is in.

A round-up covers several provinces, one per paragraph ("OROMIA: Gunmen abducted ... in West
Shewa", "In Katsina State, gunmen killed seven people in Yantumaki"): the article as a whole
is about none of them, but the mention's own sentence or line is. Pure string functions; the
geocoder counts the provinces the other mentions of that sentence or line may lie in.

>>> text = "OROMIA: Gunmen struck near Ambo. In Tigray, calm.\\nAMHARA: Drones hit Dejen."
>>> [text[s:e] for s, e in enclosing(text, text.index("Ambo"))]
['OROMIA: Gunmen struck near Ambo.', 'OROMIA: Gunmen struck near Ambo. In Tigray, calm.']
>>> dominant({"a": 3, "b": 2}, 1.5), dominant({"a": 3, "b": 1}, 1.5), dominant({}, 1.5)
(None, 'a', None)
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

# a sentence ends at . ! ? (a closing quote or bracket may follow) before a space and a capital
# or an opening quote; "St. Petersburg" and "U.S. forces" stay whole as the next word is not
# checked for being a name, only capitalised: the cost is a shorter sentence, which then names
# fewer provinces and falls through to the line
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]?\s+(?=[A-Z“\"‘'(])")


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """The line (a paragraph of the compiled text) holding ``text[pos]``, without its newline.

    >>> line_bounds("ab\\ncd\\n", 4)
    (3, 5)
    """
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence holding ``text[pos]``, within its line.

    >>> text = "Calm in Hama. In Katsina State, gunmen hit Yantumaki. Later, rain."
    >>> s, e = sentence_bounds(text, text.index("Yantumaki")); text[s:e]
    'In Katsina State, gunmen hit Yantumaki.'
    """
    start, end = line_bounds(text, pos)
    for found in _SENTENCE_END.finditer(text, start, end):
        if found.end() <= pos:
            start = found.end()
        else:
            return start, found.start() + len(found.group().rstrip())
    return start, end


def enclosing(text: str, pos: int) -> list[tuple[int, int]]:
    """The sentence, then the line, holding ``text[pos]`` (the line once when they are one)."""
    units = [sentence_bounds(text, pos), line_bounds(text, pos)]
    return units[:1] if units[0] == units[1] else units


def dominant(counts: Mapping[K, int | float], lead: float) -> K | None:
    """The key counted more than ``lead`` times as often as any other; None when there is none
    or two are close."""
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] <= 0 or (len(ranked) > 1 and ranked[1][1] * lead >= ranked[0][1]):
        return None
    return ranked[0][0]
