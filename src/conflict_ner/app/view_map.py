"""The map of ``conflict-ner view``: each geocoded place of the records as a pin over Natural
Earth country and province outlines (``resources/outlines.json``, built by
``scripts/build_outlines.py``), as inline SVG: no network, no scripts.

The frame is the places' bounding box plus a margin, projected equirectangularly with the
longitude scaled by the cosine of the middle latitude (true shapes at the scale of a province).

>>> from conflict_ner.records import EventDate, EventRecord, Geo, PlaceRef, TextSpan
>>> place = PlaceRef("Idlib", 0, 5, Geo(name="Idlib", latitude=35.93, longitude=36.63, geo_precision=1))
>>> rec = EventRecord("d", TextSpan("Idlib", 0, 5), EventDate(None, "unknown", None), locations=(place,))
>>> html = render_map([rec])
>>> html.count('class="pin"'), 'class="land"' in html, "naturalearthdata.com" in html
(1, True, True)
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from importlib import resources

from conflict_ner.records import EventRecord

WIDTH = 760.0
MAX_HEIGHT = 560.0
MIN_SPAN = 1.0  # degrees: a single village still shows its province and neighbours


@lru_cache(maxsize=1)
def load_outlines() -> dict:
    """The packaged outlines: ``admin0`` country polygons (names, coarse), ``land`` (its edge the
    coast), ``admin0_lines`` country borders, ``admin1_lines`` province borders, in integer
    hundredths of a degree (see its ``units``)."""
    return json.loads(resources.files("conflict_ner").joinpath("resources/outlines.json")
                      .read_text(encoding="utf-8"))


@dataclass
class Pin:
    """One geocoded place (records naming the same gazetteer entry share a pin)."""

    name: str
    latitude: float
    longitude: float
    precisions: set[int] = field(default_factory=set)
    mentions: set[str] = field(default_factory=set)
    records: list[int] = field(default_factory=list)


def collect_places(records: Sequence[EventRecord]) -> tuple[list[Pin], dict[str, list[int]]]:
    """Pins for geocoded places (record numbers from 1) and, by text, the places without coordinates.

    >>> from conflict_ner.records import EventDate, EventRecord, Geo, PlaceRef, TextSpan
    >>> a = PlaceRef("Hama", 0, 4, Geo(name="Hama", latitude=35.1, longitude=36.7, geo_precision=1))
    >>> b = PlaceRef("the hills", 5, 14, None)
    >>> r = EventRecord("d", TextSpan("x", 0, 1), EventDate(None, "unknown", None), locations=(a, b))
    >>> pins, rest = collect_places([r, r])
    >>> [(p.name, p.records) for p in pins], rest
    ([('Hama', [1, 2])], {'the hills': [1, 2]})
    """
    pins: dict[tuple, Pin] = {}
    unlocated: dict[str, list[int]] = {}
    for i, record in enumerate(records, start=1):
        for place in record.locations:
            geo = getattr(place, "geo", None)
            if geo is None or geo.latitude is None or geo.longitude is None:
                nums = unlocated.setdefault(place.text, [])
                if i not in nums:
                    nums.append(i)
                continue
            key = (geo.geonames_id, geo.name, round(geo.latitude, 4), round(geo.longitude, 4))
            pin = pins.setdefault(key, Pin(geo.name or place.text, geo.latitude, geo.longitude))
            if geo.geo_precision:
                pin.precisions.add(geo.geo_precision)
            pin.mentions.add(place.text)
            if i not in pin.records:
                pin.records.append(i)
    return list(pins.values()), unlocated


@dataclass(frozen=True)
class Frame:
    """The map's window in degrees and its projection onto an SVG of ``width`` x ``height``."""

    west: float
    south: float
    east: float
    north: float
    width: float
    height: float

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) / (self.east - self.west) * self.width,
                (self.north - lat) / (self.north - self.south) * self.height)

    def overlaps(self, bbox: Sequence[float], scale: float = 1.0) -> bool:
        w, s, e, n = (v / scale for v in bbox)
        return not (e < self.west or w > self.east or n < self.south or s > self.north)


def fit_frame(points: Sequence[tuple[float, float]], margin: float = 0.25) -> Frame:
    """The (lon, lat) points' bounding box widened by ``margin`` of its size (at least
    ``MIN_SPAN`` degrees across), with the SVG's aspect ratio of the projected box.

    >>> f = fit_frame([(36.0, 35.0), (40.0, 36.0)])
    >>> round(f.west, 2), round(f.north, 2), f.width, 0 < f.height <= 560
    (35.0, 36.25, 760.0, True)
    """
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    pad_x = max((east - west) * margin, (MIN_SPAN - (east - west)) / 2, 0.0)
    pad_y = max((north - south) * margin, (MIN_SPAN - (north - south)) / 2, 0.0)
    west, east = west - pad_x, east + pad_x
    south, north = max(south - pad_y, -85.0), min(north + pad_y, 85.0)
    kx = math.cos(math.radians((south + north) / 2))
    ratio = (north - south) / max((east - west) * kx, 1e-9)
    height = WIDTH * ratio
    if height > MAX_HEIGHT:  # a tall box: widen it so the page stays readable
        extra = ((north - south) / (MAX_HEIGHT / WIDTH) / kx - (east - west)) / 2
        west, east, height = west - extra, east + extra, MAX_HEIGHT
    return Frame(west, south, east, north, WIDTH, max(height, 1.0))


def _path(flat: Sequence[int], frame: Frame, close: bool = False) -> str:
    """An SVG path from a packaged line: its first point, then steps (hundredths of a degree).

    >>> _path([3600, 3500, 100, -100], Frame(35.0, 34.0, 38.0, 36.0, 300.0, 200.0))
    'M100.0,100.0 200.0,200.0'
    """
    pts, lon, lat = [], 0, 0
    for k in range(0, len(flat) - 1, 2):
        lon, lat = lon + flat[k], lat + flat[k + 1]
        x, y = frame.xy(lon / 100, lat / 100)
        pts.append(f"{x:.1f},{y:.1f}")
    return "M" + " ".join(pts) + ("Z" if close else "")


def _outline_paths(frame: Frame) -> tuple[str, str, str]:
    data = load_outlines()
    land = "".join(_path(ring["points"], frame, close=True) for ring in data["land"]
                   if frame.overlaps(ring["bbox"], 100))
    provinces = "".join(_path(line["points"], frame) for line in data["admin1_lines"]
                        if frame.overlaps(line["bbox"], 100))
    borders = "".join(_path(line["points"], frame) for line in data["admin0_lines"]
                      if frame.overlaps(line["bbox"], 100))
    return land, provinces, borders


def _pin_svg(n: int, pin: Pin, frame: Frame) -> str:
    x, y = frame.xy(pin.longitude, pin.latitude)
    other = sorted(m for m in pin.mentions if m != pin.name)
    precision = ", ".join(map(str, sorted(pin.precisions))) or "?"
    tip = (f"{pin.name}" + (f" (as {', '.join(other)})" if other else "") +
           f"\n{pin.latitude:.4f}, {pin.longitude:.4f}; geo_precision {precision}"
           f"\nrecords {', '.join(map(str, pin.records))}")
    return (f'<g class="pin"><title>{escape(tip)}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#dc2626" stroke="#fff" stroke-width="1.5"/>'
            # a white halo under the label (two texts: not every renderer knows paint-order)
            f'<text x="{x + 8:.1f}" y="{y + 4:.1f}" font-size="12" fill="#fff" stroke="#fff" stroke-width="3">'
            f'{n} {escape(pin.name)}</text>'
            f'<text x="{x + 8:.1f}" y="{y + 4:.1f}" font-size="12" fill="#111">{n} {escape(pin.name)}</text></g>')


def _unlocated_list(unlocated: dict[str, list[int]]) -> str:
    if not unlocated:
        return ""
    items = "".join(f"<li>{escape(text)} (records {', '.join(map(str, nums))})</li>"
                    for text, nums in unlocated.items())
    return f'<div class="unlocated"><h3>Places without coordinates</h3><ul>{items}</ul></div>'


def render_map(records: Sequence[EventRecord]) -> str:
    """The map section: an SVG with a pin per geocoded place over the outlines in its frame, and
    the places without coordinates beside it; a sentence instead of a map when none was geocoded."""
    pins, unlocated = collect_places(records)
    if not pins:
        return ('<section class="map"><p class="nomap">No place of these records was geocoded: no map.</p>'
                f"{_unlocated_list(unlocated)}</section>")
    frame = fit_frame([(p.longitude, p.latitude) for p in pins])
    land, provinces, borders = _outline_paths(frame)
    data = load_outlines()
    countries = sorted(c["name"] for c in data["admin0"] if c["name"] and frame.overlaps(c["bbox"], 100))
    credit = data["credit"]
    pin_svg = "".join(_pin_svg(n, p, frame) for n, p in enumerate(pins, start=1))
    # presentation attributes, not only CSS: the SVG reads the same cut out of the page
    w, h = f"{frame.width:.0f}", f"{frame.height:.0f}"
    svg = (f'<svg viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
           'aria-label="map of the records\' places">'
           f'<clipPath id="mapclip"><rect width="{w}" height="{h}"/></clipPath>'
           f'<rect class="sea" width="{w}" height="{h}" fill="#dbeafe"/>'
           f'<g clip-path="url(#mapclip)"><path class="land" d="{land}" fill="#f8f5ee" stroke="#374151" '
           'stroke-width="0.8"/>'
           f'<path class="admin1" d="{provinces}" fill="none" stroke="#9ca3af" stroke-width="0.7" '
           'stroke-dasharray="3 2"/>'
           f'<path class="admin0-line" d="{borders}" fill="none" stroke="#374151" stroke-width="1.2"/>'
           f"{pin_svg}</g></svg>")
    return (f'<section class="map"><div class="mapbox">{svg}'
            f'<p class="credit">Countries in view: {escape(", ".join(countries))}. Dashed: province borders. '
            f'{escape(credit)} Places: GeoNames (CC BY 4.0).</p></div>'
            f"{_unlocated_list(unlocated)}</section>")


MAP_CSS = (".map{display:flex;gap:1rem;align-items:flex-start;flex-wrap:wrap}"
           ".map svg{max-width:100%;height:auto;border:1px solid #ccc;border-radius:4px}"
           ".map .credit{font-size:.75rem;color:#555;margin:.2rem 0}.map .nomap{color:#555}")
