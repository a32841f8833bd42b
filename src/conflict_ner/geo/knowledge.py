"""General-knowledge tables: districts and conflict sites that cities500 lacks.

cities500 holds populated places; conflict reporting also names second-level units (Nigeria's
local government areas, the DRC's territories, Burkina Faso's provinces, Cameroon's
departments) and sites (air bases, border crossings, dams, oil fields and terminals, camps,
the mountain areas of the PKK conflict). Two packaged files name them, written from general
geography, never from the corpus's errors; every coordinate is the author's, approximate, and
says so in its row:

- :data:`ADMIN2` (``geo_admin2.tsv``): ``province name seat latitude longitude aliases kind``,
  one unit a row (``province`` its ISO 3166-2 code). A unit is an ``admin2`` entry, precision 2,
  at its seat's cities500 point when cities500 has the seat within :data:`SEAT_KM` of the row's
  point (the guide's section 11 codes a district at its seat), else at the row's point.
- :data:`SITES` (``geo_sites.tsv``): a supplement file (:mod:`.supplement`'s columns), one site a
  row, at its own point and precision (a facility 1, a mountain area 2); a border crossing's
  entry has the ``feature`` :data:`CROSSING`.

A name that a cities500 place of the same country within :data:`TOWN_KM` already bears is left
out of its entry: the town answers it ("Beni" the town; "Beni territory" goes through the town).

Both files are always in, like the districts table (:mod:`.districts`), and part of the
gazetteer's sources fingerprint (:func:`table_digest`).

>>> [r.name for r in read_admin2_text("province\\tname\\tseat\\tlatitude\\tlongitude\\taliases\\tkind\\n"
...                                       "NG-BE\\tGuma\\tGbajimba\\t7.8\\t8.9\\t\\tLGA\\n")]
['Guma']
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from conflict_ner.errors import DataError
from conflict_ner.geo.fold import fold

if TYPE_CHECKING:  # pragma: no cover
    from conflict_ner.geo.gazetteer import Gazetteer
    from conflict_ner.geo.supplement import SupplementEntry

_RESOURCES = Path(__file__).resolve().parent.parent / "resources"
#: second-level units (see the module doc)
ADMIN2 = _RESOURCES / "geo_admin2.tsv"
#: conflict sites, in the supplement's columns
SITES = _RESOURCES / "geo_sites.tsv"
ADMIN2_COLUMNS = ["province", "name", "seat", "latitude", "longitude", "aliases", "kind"]
#: a seat of the unit's name this close to the row's point is the one the row means
SEAT_KM = 40.0
#: a cities500 place of a unit's or site's name this close answers that name itself
TOWN_KM = 25.0
#: the ``feature`` of a site that is a border crossing (it lies on two countries: the actors'
#: country finder, :mod:`conflict_ner.actors.place_country`, takes no country from it)
CROSSING = "crossing"


@dataclass(frozen=True)
class Admin2Row:
    """One row of :data:`ADMIN2`."""

    province: str
    name: str
    seat: str
    latitude: float
    longitude: float
    aliases: tuple[str, ...]
    kind: str


def read_admin2_text(text: str, path: str | Path = ADMIN2) -> list[Admin2Row]:
    """The rows of an admin2 table's text; :class:`DataError` naming the line of a bad row."""
    lines = text.splitlines()
    if not lines or lines[0].split("\t")[: len(ADMIN2_COLUMNS)] != ADMIN2_COLUMNS:
        raise DataError(f"header is not {' '.join(ADMIN2_COLUMNS)}", path=str(path), line=1)
    rows = []
    for number, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")] + [""] * len(ADMIN2_COLUMNS)
        province, name, seat, lat, lon, aliases, kind = cols[: len(ADMIN2_COLUMNS)]
        if "-" not in province or not name:
            raise DataError(f"a row needs an ISO 3166-2 province and a name, not {province!r} {name!r}",
                            path=str(path), line=number)
        try:
            latitude, longitude = float(lat), float(lon)
        except ValueError as err:
            raise DataError(f"coordinates: {err}", path=str(path), line=number) from err
        rows.append(Admin2Row(province, name, seat, latitude, longitude,
                              tuple(a.strip() for a in aliases.split("|") if a.strip()), kind))
    return rows


def table_digest() -> str:
    """A short digest of both tables (a part of the gazetteer's sources fingerprint)."""
    digest = hashlib.sha256()
    for path in (ADMIN2, SITES):
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:12]


def knowledge_entries(gazetteer: "Gazetteer") -> list["SupplementEntry"]:
    """The entries of both packaged tables for a gazetteer (see the module doc)."""
    admin2 = read_admin2_text(ADMIN2.read_text(encoding="utf-8"), ADMIN2) if ADMIN2.exists() else []
    return [*admin2_entries(gazetteer, admin2), *site_entries(gazetteer)]


def admin2_entries(gazetteer: "Gazetteer", rows: Iterable[Admin2Row]) -> list["SupplementEntry"]:
    """Each unit as an ``admin2`` supplement entry, precision 2: at its seat's cities500 point
    when the seat lies within :data:`SEAT_KM` of the row's point, else at that point; names a
    nearby town already bears are left out, and a unit whose own name a nearby town bears, or
    that is left with no name, is dropped."""
    import pycountry

    from conflict_ner.geo.resolve import distance_km
    from conflict_ner.geo.supplement import SupplementEntry

    out: list[SupplementEntry] = []
    for row in rows:
        cc = row.province.split("-")[0]
        country = pycountry.countries.get(alpha_2=cc)
        if country is None:
            continue
        lat, lon, where = row.latitude, row.longitude, "table point"
        seats = [i for i in gazetteer.lookup(row.seat) if gazetteer.entries[i][4] == cc
                 and gazetteer.entries[i][8] == "place"
                 and distance_km(lat, lon, gazetteer.entries[i][2], gazetteer.entries[i][3]) <= SEAT_KM] \
            if row.seat else []
        if seats:
            seat = gazetteer.place(max(seats, key=lambda i: gazetteer.entries[i][7]))
            lat, lon, where = seat.latitude, seat.longitude, "seat's cities500 point"
        if not _unanswered(gazetteer, (row.name,), cc, lat, lon):
            continue  # the town of its name answers it, in every spelling (the fuzzy match's work)
        names = _unanswered(gazetteer, (row.name, *row.aliases), cc, lat, lon)
        if names:
            out.append(SupplementEntry(names[0], tuple(names[1:]), "admin2", None, lat, lon, country.alpha_3, "", 2,
                                       "knowledge", f"admin2:{row.province}:{row.kind}; {where}"))
    return out


def site_entries(gazetteer: "Gazetteer") -> list["SupplementEntry"]:
    """The sites of :data:`SITES` less the names a nearby town of their country already bears."""
    from dataclasses import replace

    from conflict_ner.geo.gazetteer import alpha2
    from conflict_ner.geo.supplement import read_supplement

    if not SITES.exists():
        return []
    out = []
    for entry in read_supplement(SITES):
        names = _unanswered(gazetteer, entry.names, alpha2(entry.country_iso3), entry.latitude, entry.longitude)
        if names:
            out.append(replace(entry, name=names[0], aliases=tuple(names[1:]),
                               feature=CROSSING if entry.origin.startswith("border crossing") else ""))
    return out


def _unanswered(gazetteer: "Gazetteer", names: Iterable[str], country: str, lat: float | None,
                lon: float | None) -> list[str]:
    """The names no cities500 place of ``country`` within :data:`TOWN_KM` of the point bears."""
    from conflict_ner.geo.resolve import distance_km

    out = []
    for name in dict.fromkeys(names):
        towns = [i for i in gazetteer.lookup(name) if gazetteer.entries[i][4] == country
                 and gazetteer.entries[i][8] == "place" and i not in gazetteer.by_hand]
        if lat is not None and lon is not None and any(
                distance_km(lat, lon, gazetteer.entries[i][2], gazetteer.entries[i][3]) <= TOWN_KM for i in towns):
            continue
        out.append(name)
    return out
