"""Districts whose name is no town's: the zones of Ethiopia, located at their seats.

cities500 holds towns, not districts, and a district named after its seat (Masisi, Augie)
is found through the town. A unit with a name of its own ("West Shewa", "East Wollega") is
found nowhere, and the geocoder could only fall back to its province (Oromia, 150 to 300 km
off). This table names such units and their seats; each becomes an ``admin2`` entry at its
seat's cities500 point (the guide's section 11 codes a district at its seat, precision 2).
A seat cities500 lacks in the unit's province leaves the unit out: no coordinates are typed
by hand. General geography, written for the theatres of conflict news; extend as needed.

Rows: ISO 3166-2 province (the country's code where GeoNames' provinces and ISO's differ, as
for the regions carved out of Ethiopia's SNNPR) | the unit's name | its seat | other names.
``X Zone`` is added for every name.

>>> DISTRICTS["ET-OR"][0]
('Arsi', 'Asella', ())
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from conflict_ner.geo.fold import fold

if TYPE_CHECKING:  # pragma: no cover
    from conflict_ner.geo.gazetteer import Gazetteer
    from conflict_ner.geo.supplement import SupplementEntry


def _table(rows: str) -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
    out: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for line in rows.strip().splitlines():
        code, name, seat, *aliases = [part.strip() for part in line.split("|")]
        out.setdefault(code, []).append((name, seat, tuple(a for a in aliases if a)))
    return out


#: ISO 3166-2 province code (or country code) -> [(unit, seat, other names)].
DISTRICTS = _table("""
ET-OR | Arsi | Asella
ET-OR | West Arsi | Shashemene | Mirab Arsi
ET-OR | Bale | Robe
ET-OR | East Bale | Ginir
ET-OR | Borena | Yabelo | Borana
ET-OR | Guji | Negele | Guji Borena
ET-OR | West Guji | Bule Hora
ET-OR | Buno Bedele | Bedele
ET-OR | Illubabor | Mettu | Ilubabor | Illu Aba Bora | Ilu Aba Bora
ET-OR | Kelam Wollega | Dembi Dolo | Kelem Wollega | Qellem Wollega | Kellem Wollega | Kelem Welega
ET-OR | West Wollega | Gimbi | West Welega | West Wellega | Mirab Wollega
ET-OR | East Wollega | Nekemte | East Welega | East Wellega | Misraq Wollega
ET-OR | Horo Guduru Wollega | Shambu | Horo Gudru Wollega | Horo Guduru | Horo Gudru Welega | Horo Guduru Welega
ET-OR | West Shewa | Ambo | West Shoa | Mirab Shewa
ET-OR | North Shewa | Fiche | North Shoa | Semien Shewa
ET-OR | East Shewa | Adama | East Shoa | Misraq Shewa
ET-OR | South West Shewa | Woliso | Southwest Shewa | South West Shoa | Southwest Shoa
ET-AM | North Gondar | Debark | North Gonder | Semien Gondar
ET-AM | Central Gondar | Gondar | Central Gonder
ET-AM | South Gondar | Debre Tabor | South Gonder | Debub Gondar
ET-AM | West Gondar | Metemma | West Gonder
ET-AM | North Wollo | Woldia | North Welo | Semien Wollo
ET-AM | South Wollo | Dessie | South Welo | Debub Wollo
ET-AM | North Shewa | Debre Birhan | North Shoa | Semien Shewa
ET-AM | East Gojjam | Debre Markos | East Gojam | Misraq Gojjam
ET-AM | West Gojjam | Finote Selam | West Gojam | Mirab Gojjam
ET-AM | Awi | Injibara | Agew Awi
ET-AM | Wag Hemra | Sekota | Wag Himra | Waghimra
ET-AM | Oromia Special Zone | Kemisie | Oromo Special Zone | Oromo Nationality Zone
ET-SO | Fafan | Jijiga | Jijiga Zone
ET-SO | Jarar | Degehabur | Jerer
ET-SO | Korahe | Kebri Dahar | Korahey
ET | Gurage | Welkite
ET | Hadiya | Hosaena
ET | Kembata Tembaro | Durame | Kembata | Kambata
ET | Silte | Worabe | Siltie
ET | Wolayita | Sodo | Wolaita | Wolaytta
ET | Gamo | Arba Minch
ET | Gofa | Sawla
ET | South Omo | Jinka | Debub Omo
ET | Gedeo | Dilla
ET | Kaffa | Bonga | Keffa
ET | Bench Sheko | Mizan Teferi | Bench Maji
""")


def table_digest() -> str:
    """A short digest of the table (a part of the gazetteer's sources fingerprint)."""
    return hashlib.sha256(repr(sorted(DISTRICTS.items())).encode()).hexdigest()[:12]


def district_entries(gazetteer: "Gazetteer") -> list["SupplementEntry"]:
    """The table's units as supplement entries (``admin2``, precision 2) at their seats' points:
    the most populous place of the seat's name in the unit's province (in its country when the
    gazetteer cannot tell the province); a unit whose seat is not found is left out, and so is a
    name that is its seat's own (the zone of Jimma is "Jimma Zone", "Jimma" the town)."""
    import pycountry

    from conflict_ner.geo.supplement import SupplementEntry

    provinces = {gazetteer.entries[i][9]: gazetteer.entries[i][5] for i in gazetteer.admin_seats.values()
                 if gazetteer.entries[i][9]}
    out: list[SupplementEntry] = []
    for iso, units in sorted(DISTRICTS.items()):
        cc = iso.split("-")[0]
        country = pycountry.countries.get(alpha_2=cc)
        if country is None:
            continue
        code = provinces.get(iso)
        for name, seat, aliases in units:
            towns = [i for i in gazetteer.lookup(seat) if gazetteer.entries[i][4] == cc
                     and gazetteer.entries[i][8] == "place" and (code is None or gazetteer.entries[i][5] == code)]
            if not towns:
                continue
            town = gazetteer.place(max(towns, key=lambda i: gazetteer.entries[i][7]))
            own = {fold(seat), fold(town.name)}
            names = [n for n in _with_zone((name, *aliases)) if fold(n) not in own]
            if not names:
                continue
            out.append(SupplementEntry(names[0], tuple(names[1:]), "admin2", None, town.latitude, town.longitude,
                                       country.alpha_3, gazetteer.admin1_name(cc, town.admin1) or "", 2, "table",
                                       f"districts:{iso}"))
    return out


def _with_zone(names: Sequence[str]) -> list[str]:
    """Each name and ``name Zone`` (once each, in order).

    >>> _with_zone(["Arsi", "Arsi Zone"])
    ['Arsi', 'Arsi Zone']
    """
    out = []
    for name in names:
        out.extend([name, name if name.endswith(" Zone") else f"{name} Zone"])
    return list(dict.fromkeys(out))
