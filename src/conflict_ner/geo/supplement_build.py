"""Build a gazetteer supplement from hand-geocoded gold rows (see :mod:`.supplement`).

A gold row becomes (part of) an entry only when the gazetteer cannot already give it: a place
cities500 lacks (no entry of that name within :data:`SAME_KM` of the annotator's point), a
spelling cities500 lacks for one of its entries, a name of a province or country that does not
find it. Rows naming one place (the same GeoNames id, the same point, or points within
:data:`SAME_KM` in one country that share a name) merge into one entry whose names are the rows'
names and whose ``geo_precision`` is the least of theirs. Roads between two towns and rivers are left out: the gold codes them at the
stretch one article is about, which another article need not share.

>>> from conflict_ner.geo.evaluate import GoldPlace
>>> from conflict_ner.geo.gazetteer import Gazetteer
>>> g = Gazetteer.build(cities=[])
>>> rows = [GoldPlace("d1", 0, 6, "Jebel Moya", "train", "place", None, 13.5, 33.33, "SDN", "Sennar", 1, 2),
...         GoldPlace("d2", 0, 6, "the Jebel Moya heights", "train", "place", None, 13.5, 33.33, "SDN", "Sennar", 2, 9)]
>>> [(e.name, e.aliases, e.geo_precision, e.origin) for e in from_gold(rows, g)]
[('Jebel Moya', ('Jebel Moya heights',), 1, 'train:d1,d2')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from conflict_ner.geo.fold import fold
from conflict_ner.geo.gazetteer import Gazetteer, admin1_code, alpha2
from conflict_ner.geo.phrases import _DIRECTIONS, parse_phrase
from conflict_ner.geo.resolve import _COMPASS, distance_km
from conflict_ner.geo.supplement import SupplementEntry

_THE = re.compile(r"^the\s+", re.IGNORECASE)
#: points this close are one place (the gold's own "exact" distance)
SAME_KM = 5.0
# "Maiduguri-Damboa road", "Damascus-Aleppo highway", "Shabelle river", "the Blue Line"
_STRETCH = re.compile(r"^[A-Z][\w'’]+(?: [A-Z][\w'’]+)*\s*[-–—/]\s*[A-Z][\w'’]+.*\b(?:road|highway|motorway|route)$"
                      r"|\b(?:river|border|line|frontline|front line)$", re.IGNORECASE)


def mention_names(text: str, level: str, gazetteer: Gazetteer) -> list[str]:
    """The names a gold mention gives its entry: the name the geocoder looks up; a facility named
    after a town keeps its whole name ("Hostomel airport": "Hostomel" is the town), plus its bare
    name when that names nothing else ("Bab al-Hawa"); a place whose name holds a direction keeps
    it ("West Shewa" is a zone, not a region of Shewa). None for a stretch of a line or a compass
    word ("Northeast").

    >>> g = Gazetteer.build(cities=[{"geonameid": 1, "name": "Hostomel", "latitude": 50.57, "longitude": 30.27,
    ...     "countrycode": "UA", "admin1code": "13", "population": 16000, "alternatenames": []}])
    >>> mention_names("Hostomel airport", "place", g), mention_names("the Bab al-Hawa crossing", "place", g)
    (['Hostomel airport'], ['Bab al-Hawa crossing', 'Bab al-Hawa'])
    >>> mention_names("eastern Gezira", "admin1", g), mention_names("West Shewa", "admin2", g)
    (['Gezira'], ['West Shewa'])
    >>> mention_names("Damascus-Aleppo highway", "place", g), mention_names("North-central", "country", g)
    ([], [])
    """
    clean = _THE.sub("", " ".join(text.split()))
    phrase = parse_phrase(clean)
    if not phrase.name or _STRETCH.search(clean) or _COMPASS.match(phrase.name):
        return []
    if level not in ("place", "admin2"):
        return [phrase.name]
    words = clean.split(" ", 1)
    if len(words) == 2 and words[0].lower() in _DIRECTIONS:
        rest = parse_phrase(words[1]).name
        return [f"{words[0]} {rest}"] if rest else []
    if phrase.scope == "part" and fold(clean) != fold(phrase.name) and clean.lower().startswith(phrase.name.lower()):
        return [clean] if gazetteer.lookup(phrase.name) else [clean, phrase.name]
    return [phrase.name]


def needed(row, name: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer lacks what a gold row says ``name`` is."""
    cc = alpha2(row.country_iso3)
    found = [gazetteer.place(i) for i in gazetteer.lookup(name)]
    if row.level == "country":
        return not any(p.kind == "country" and p.country == cc for p in found)
    if row.level == "admin1":
        code = admin1_code(gazetteer, row.admin1, cc, row.latitude, row.longitude) if row.admin1 else ""
        return not any(p.country == cc and p.admin1 == code and p.kind in ("admin1", "place") for p in found)
    if row.geonames_id is not None:
        return not any(p.geonames_id == row.geonames_id for p in found)
    if row.latitude is None or row.longitude is None:
        return False
    return not any(p.kind != "country" and distance_km(p.latitude, p.longitude, row.latitude, row.longitude) <= SAME_KM
                   for p in found)


def from_gold(rows: Sequence, gazetteer: Gazetteer) -> list[SupplementEntry]:
    """The supplement entries of gold rows (:class:`~conflict_ner.geo.evaluate.GoldPlace`), sorted
    by country and name."""
    groups: dict[tuple, list[tuple[str, object]]] = defaultdict(list)
    for row in rows:
        names = mention_names(row.text, row.level, gazetteer)
        if names and needed(row, parse_phrase(names[-1]).name, gazetteer):
            key = _identity(row, names, groups)
            groups[key].extend((name, row) for name in names)
    entries = [_entry(members) for members in groups.values()]
    return sorted(entries, key=lambda e: (e.country_iso3, e.level, fold(e.name), e.latitude or 0.0))


def _identity(row, names: Sequence[str], groups) -> tuple:
    if row.level == "country":
        return ("country", row.country_iso3)
    if row.level == "admin1":
        return ("admin1", row.country_iso3, fold(row.admin1))
    if row.geonames_id is not None:
        return ("geonames", row.geonames_id)
    folded = {fold(n) for n in names}
    for key, members in groups.items():  # an earlier row of one of these names this close: the same place
        if key[0] == row.level and key[1] == row.country_iso3 \
                and distance_km(key[2], key[3], row.latitude, row.longitude) <= SAME_KM \
                and folded & {fold(name) for name, _ in members}:
            return key
    return (row.level, row.country_iso3, row.latitude, row.longitude)


def _entry(members: list[tuple[str, object]]) -> SupplementEntry:
    first = members[0][1]
    names: dict[str, str] = {}
    for name, _ in members:
        names.setdefault(fold(name), name)
    name, *aliases = names.values()
    docs = sorted({row.doc_id for _, row in members})
    splits = sorted({row.split for _, row in members})
    return SupplementEntry(name, tuple(aliases), first.level, first.geonames_id, first.latitude, first.longitude,
                           first.country_iso3, first.admin1, min(row.geo_precision for _, row in members),
                           first.source or "annotator", f"{'+'.join(splits)}:{','.join(docs)}")
