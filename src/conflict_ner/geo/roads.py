"""Where on a road between two towns an article is ("the Damascus-Aleppo highway", "the
Maiduguri-Damboa road"): section 11 of the annotation guide codes a road at the stretch the
document is about, else at its midpoint, precision 2. Pure geometry on (latitude, longitude).

>>> damascus, aleppo, maarat, beirut = (33.51, 36.29), (36.20, 37.16), (35.64, 36.67), (33.89, 35.50)
>>> on_road(damascus, aleppo, [beirut, maarat, maarat])
1
>>> on_road(damascus, aleppo, [beirut]) is None, midpoint((11.85, 13.16), (11.16, 12.76))
(True, (11.505, 12.96))
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

Point = tuple[float, float]
#: a place this far from the straight line between the ends (or this share of the road's
#: length, roads bend) is on the road
ROAD_KM, ROAD_SHARE = 15.0, 0.15


def offset(point: Point, a: Point, b: Point) -> tuple[float, float]:
    """Where ``point`` projects on the line a->b (0 at a, 1 at b) and how many km off it lies
    (flat-earth projection, good for a road of a few hundred km).

    >>> t, km = offset((35.0, 36.5), (34.0, 36.5), (36.0, 36.5))
    >>> round(t, 2), round(km, 1)
    (0.5, 0.0)
    """
    scale = math.cos(math.radians((a[0] + b[0]) / 2))
    ax, ay, bx, by, px, py = a[1] * scale, a[0], b[1] * scale, b[0], point[1] * scale, point[0]
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = ((px - ax) * dx + (py - ay) * dy) / length2 if length2 else 0.0
    cx, cy = ax + t * dx, ay + t * dy
    return t, math.hypot(px - cx, py - cy) * 111.2


def on_road(a: Point, b: Point, places: Sequence[Point]) -> int | None:
    """The index (in ``places``) of the place the article names most that lies on the road
    between a and b, strictly between its ends; None when none does."""
    length = math.hypot((b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2)), b[0] - a[0]) * 111.2
    limit = max(ROAD_KM, ROAD_SHARE * length)
    counts = Counter(places)
    best: int | None = None
    for i, point in enumerate(places):
        t, km = offset(point, a, b)
        if 0.05 < t < 0.95 and km <= limit and (best is None or counts[point] > counts[places[best]]):
            best = i
    return best


def midpoint(a: Point, b: Point) -> Point:
    """The point halfway between a and b (rounded to 3 decimals, about 100 m)."""
    return round((a[0] + b[0]) / 2, 3), round((a[1] + b[1]) / 2, 3)
