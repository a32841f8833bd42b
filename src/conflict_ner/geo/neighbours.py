"""A place the gazetteer lacks, located by a known place the text sets right beside it.

Pure string functions over an article's LOCATION spans (in text order); the geocoder decides
whether the neighbour they point at is a place it knows.

- "Mera, in Kebbi State's Augie district", "Yantumaki, Danmusa district": the village lies in
  that district, and a district is known by its seat (:func:`district_after`).
- "villages such as Suran and Khattab", "Tamboul, Rufaa and ...": a name listed with a place
  of the same country lies near it (:func:`listed_beside`).

>>> text = "gunmen killed 15 villagers in Mera, in Kebbi State's Augie district, on Monday"
>>> spans = [(30, 34), (39, 50), (53, 67)]
>>> [text[s:e] for s, e in spans], district_after(text, spans, 0)
(['Mera', 'Kebbi State', 'Augie district'], 2)
>>> text = "forces retook villages such as Suran and Khattab"
>>> listed_beside(text, [(31, 36), (41, 48)], 1)
[0]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_UNIT = r"(?:district|LGA|local\s+government\s+area|territory|county|township|sub-?district|municipality)"
# a span that names a district, or is followed by the word ("the Augie district")
_UNIT_IN = re.compile(r"\b" + _UNIT + r"$", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"^\s+" + _UNIT + r"\b", re.IGNORECASE)
# between the place and its district: a comma, "in"/"of", and at most a possessive province
# ("Mera, in Kebbi State's Augie district"); nothing that ends a clause
_DISTRICT_GAP = re.compile(r"^,\s+(?:(?:in|of)\s+)?(?:the\s+)?(?:[A-Z][^,.;:!?\n]{0,40}?['’]s\s+)?$")
# what joins the names of a list ("Suran and Khattab", "Tamboul, Rufaa")
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or)\s+$")


def district_after(text: str, spans: Sequence[tuple[int, int]], k: int) -> int | None:
    """The index of the span naming the district the text puts ``spans[k]`` in, right after it;
    None when it names none.

    >>> text = "Yantumaki, Danmusa district; Agatu, Benue State; Ambo and the Guder district"
    >>> spans = [(0, 9), (11, 27), (29, 34), (36, 47), (49, 53), (62, 67)]
    >>> [district_after(text, spans, k) for k in (0, 2, 4)]
    [1, None, None]
    """
    end = spans[k][1]
    for j in range(k + 1, len(spans)):
        start, stop = spans[j]
        gap = text[end:start]
        if not _DISTRICT_GAP.match(gap):
            if len(gap) > 80:
                return None
            continue
        if _UNIT_IN.search(text[start:stop]) or _UNIT_AFTER.match(text[stop:stop + 40]):
            return j
    return None


def listed_beside(text: str, spans: Sequence[tuple[int, int]], k: int) -> list[int]:
    """The indices of the names listed right before and right after ``spans[k]``, nearest first
    (the one before on a tie); [] when it is in no list.

    >>> text = "Chebaa, Kfar Kila and Borj el-Chmali were hit; Tyre was calm"
    >>> spans = [(0, 6), (8, 17), (22, 36), (48, 52)]
    >>> [listed_beside(text, spans, k) for k in range(4)]
    [[1], [0, 2], [1], []]
    """
    out: list[tuple[int, int]] = []
    if k > 0 and _LIST_GAP.match(text[spans[k - 1][1]:spans[k][0]]):
        out.append((spans[k][0] - spans[k - 1][1], k - 1))
    if k + 1 < len(spans) and _LIST_GAP.match(text[spans[k][1]:spans[k + 1][0]]):
        out.append((spans[k + 1][0] - spans[k][1], k + 1))
    return [j for _, j in sorted(out)]
