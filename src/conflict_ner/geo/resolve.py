"""Resolve an article's LOCATION mentions to gazetteer entries, the article's own geography first.

For each mention: the name its words give (:mod:`.phrases`), the entries of that name (folded;
else the closest folded names of the article's countries, rapidfuzz ratio at least
:data:`FUZZY_THRESHOLD`), then the entry the article makes likeliest: in the country the
article is about (its dateline, the countries and places it names), in the province it names
or says the place is in, then the most populous. A region phrase gives the province; a place
the gazetteer lacks gives the province the text says it is in (precision 3), or the known
place beside it: its district's seat, a place listed with it (precision 2, :mod:`.neighbours`).

>>> from conflict_ner.geo.gazetteer import Gazetteer
>>> g = Gazetteer.build(cities=[{"geonameid": 1, "name": "Idlib", "latitude": 35.93, "longitude": 36.63,
...     "countrycode": "SY", "admin1code": "12", "population": 128840, "alternatenames": ["Idleb"]}])
>>> text = "Jets struck Idleb and the southern Idlib countryside in Syria."
>>> [r.geo.geo_precision for r in Geocoder(g).geocode(text, [(12, 17), (26, 52), (56, 61)])]
[1, 3, 3]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from conflict_ner.geo.context import (area_before, dateline, in_admin_list, lga_after, near_before, province_said,
                                      town_said)
from conflict_ner.geo.fold import fold
from conflict_ner.geo.gazetteer import Gazetteer, Place
from conflict_ner.geo.length_index import LengthIndex, length_bounds
from conflict_ner.geo.local import dominant, enclosing, sentence_bounds
from conflict_ner.geo.neighbours import district_after, listed_beside
from conflict_ner.geo.phrases import Phrase, parse_phrase
from conflict_ner.geo.roads import midpoint, on_road
from conflict_ner.records import Geo

#: rapidfuzz ``ratio`` (0-100) of folded names at or above which an unknown name may take the
#: nearest name of the article's countries; chosen on the dev part of training/corpus/geo_gold.tsv
#: (``conflict-ner evaluate-geo --sweep``, 85 dev rows, 2026-12-07, re-run after the second pass
#: with fuzzy matching from 6 letters): exact 0.835 at 70, 75 and 80, 0.800 from 85 to 100 (no
#: fuzzy matching); the highest threshold of the best score is kept.
FUZZY_THRESHOLD = 80.0
# what joins the names of a list: "Kunar, Nangarhar, Khost and Paktika"
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or|,\s+and)\s*$")
# what joins the two names of a pair ("Hama and Idlib")
_PAIR_GAP = re.compile(r"^\s+(?:and|or)\s+$")
# a pair that ends a road or a span of country ("the road between Boni and Hombori", "from X and Y")
_ROAD_ENDS = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)
# a name that is only a compass point ("Northeast", "North-central", "the South")
_COMPASS = re.compile(r"^(?:(?:north|south)(?:[- ]?(?:east|west|central))?|east|west|central|"
                      r"(?:north|south)[- ]?(?:east|west)ern|(?:north|south|east|west)ern)$", re.IGNORECASE)
# a front named after a place ("the Arima front", "Kupiansk frontline")
_FRONT = re.compile(r"\b(?:front|fronts|frontline|frontlines)$", re.IGNORECASE)
# "the Shayrat air base in Homs": what joins a site to the place it is said to be in, and how far
# from that place's seat the site must lie for the place to be its province
_SITE_IN = re.compile(r"^,?\s+in\s+(?:the\s+)?$")
_SITE_TOWN_KM = 25.0
# a small place abroad, by its own name, is kept when its country has this share of the article's
# place votes and it lies this close to the seat of a province the article is about
_BORDER_SHARE, _BORDER_KM = 0.08, 100.0
# what a place's own name (not an alternate one) adds to its score: a namesake four times as
# populous (0.3 * log10 4 = 0.18) still wins over it at 0.3 (~10 times)
_OWN_NAME = 0.3
# a place the annotators located (a supplement entry) over a province or town of its name in the
# same country and province: what the name meant in the corpus (Tihama the plain, not Hudaydah);
# a namesake abroad still loses on the country's share (4 x)
_BY_HAND = 1.0
# a general-knowledge table's entry (:mod:`.knowledge`, a point from general geography) yields to
# an annotator's of the same name and province (a supplement's point, located from the news)
_TABLE_YIELD = 0.1
# an unknown place falls back to the article's province when more than this many times as many
# of its mentions may lie there as in any other (dev, TRAIN supplement: 1.0 and 1.5 exact 0.882,
# 2.0 0.871; the stricter of the best kept)
_LEAD = 1.5
# the article is about one town of that province when it is named more often than any other
# (5-fold CV over TRAIN+DEV, lead 1.5 -> 1.0 here only: exact 0.830 both, <=25km 0.879 -> 0.882,
# precision 0.833 -> 0.845; 1.0 for the province leads instead gains nothing)
_TOWN_LEAD = 1.0
# a place abroad (in no country the article is about) must have this many people and its own name
_ABROAD_POPULATION = 50_000
# how a place nobody has got its province (from the words after it, its sentence, the article)
_FALLBACKS = ("said", "local", "article")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ROAD_WORD = re.compile(r"\b(?:road|highway|motorway|route|axis)s?\b", re.IGNORECASE)
# two capitalised names joined by a dash: a road between two towns ("Daraa-Damascus")
_ROAD = re.compile(r"^([A-Z][\w'’]+(?: [A-Z][\w'’]+)*)\s*[-–—/]\s*([A-Z][\w'’]+(?: [A-Z][\w'’]+)*)$")


@dataclass(frozen=True)
class Resolution:
    """A mention's gazetteer entry: ``geo`` as records carry it, ``level`` (``place``, ``admin2``,
    ``admin1``, ``country``), the ISO alpha-2 ``country`` and GeoNames ``admin1`` code, and ``how``
    (``exact``, ``fuzzy``, ``said`` for a province the text puts an unknown place in, ``district``
    and ``listed`` for an unknown place near the known one the text sets beside it, ``sentence``
    for an unknown spot near the town its sentence names, ``named`` for one named after a town of
    its province)."""

    geo: Geo
    level: str
    country: str
    admin1: str
    how: str


@dataclass
class _Focus:
    countries: dict[str, float]
    admin1s: dict[tuple[str, str], float]
    #: how many of the article's mentions may lie in each province
    named: dict[tuple[str, str], int] = field(default_factory=dict)


class Geocoder:
    """Resolves mentions against one :class:`Gazetteer` (see the module doc)."""

    def __init__(self, gazetteer: Gazetteer, threshold: float = FUZZY_THRESHOLD):
        self.gazetteer = gazetteer
        self.threshold = threshold
        self._length_indexes: dict[str, LengthIndex] = {}

    def geocode(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Resolution | None]:
        """One resolution (or None) per mention ``text[start:end]``; all the spans are the
        article's places, which together tell where the article is."""
        phrases = _near_lists(text, spans, [_in_context(self._as_named(text[s:e], parse_phrase(text[s:e])), text, s, e)
                                            for s, e in spans])
        candidates = [self._exact(text[s:e], p) for (s, e), p in zip(spans, phrases)]
        phrases = self._province_lists(text, spans, phrases, candidates)
        phrases = [Phrase(p.name, "admin1", 3) if p.scope == "place" and area_before(text, s)
                   and self._may_be_province(ids) else p  # "across Homs": the province
                   for (s, _), p, ids in zip(spans, phrases, candidates)]
        said = [province_said(text, s, e) for s, e in spans]
        focus = self._focus(text, phrases, candidates, said)
        codes = [self._own_codes(self._plausible(ids, p, focus), p) for ids, p in zip(candidates, phrases)]
        results = [self._resolve(text[s:e], p, c, y, focus, text, (s, e), local_counts(text, spans, codes, k))
                   for k, ((s, e), p, c, y) in enumerate(zip(spans, phrases, candidates, said))]
        results = _beside_known(text, spans, phrases, self._roads(text, spans, phrases, results, focus))
        results = _near_sentence_town(text, spans, phrases, results)
        results = self._site_in_province(text, spans, phrases, results)
        return _near_article_town([self._named_after_town(p, r) for p, r in zip(phrases, results)])

    def _site_in_province(self, text: str, spans: Sequence[tuple[int, int]], phrases: Sequence[Phrase],
                          results: list[Resolution | None]) -> list[Resolution | None]:
        """"the Tiyas air base in Homs": a name after "in" that follows a site known at its own
        point is the province of that name, not its seat, when the site lies in that province
        more than :data:`_SITE_TOWN_KM` from the seat (a base 40 km out is not in the city)."""
        g = self.gazetteer
        out = list(results)
        for k in range(1, len(spans)):
            site, town = results[k - 1], results[k]
            if site is None or town is None or site.level != "place" or site.how != "exact" \
                    or site.geo.geo_precision != 1 or town.level != "place" or phrases[k].scope != "place" \
                    or not _SITE_IN.match(text[spans[k - 1][1]:spans[k][0]]) \
                    or (site.country, site.admin1) != (town.country, town.admin1):
                continue
            entry = g.admin1_entry(town.country, town.admin1)
            if entry is None or fold(g.entries[entry][1]) != fold(phrases[k].name):
                continue  # "in Goma": no province of that name
            if distance_km(site.geo.latitude, site.geo.longitude, town.geo.latitude,
                           town.geo.longitude) > _SITE_TOWN_KM:
                out[k] = self._make(g.place(entry), "admin1", 3, town.how)
        return out

    def _named_after_town(self, phrase: Phrase, result: Resolution | None) -> Resolution | None:
        """An unknown name that fell back to a province, whose last word is a town of that
        province, is that town's area, precision 2 ("Raya Alamata": the district of Alamata)."""
        if not _fell_back(result) or phrase.scope != "place":
            return result
        words = phrase.name.replace("-", " ").split()
        if len(words) < 2 or len(words[-1]) < 4:
            return result
        g = self.gazetteer
        towns = [i for i in g.lookup(words[-1]) if g.entries[i][8] == "place"
                 and (g.entries[i][4], g.entries[i][5]) == (result.country, result.admin1)]
        if not towns:
            return result
        return self._make(g.place(max(towns, key=lambda i: g.entries[i][7])), "place", 2, "named")

    def _roads(self, text: str, spans: Sequence[tuple[int, int]], phrases: Sequence[Phrase],
               results: list[Resolution | None], focus: _Focus) -> list[Resolution | None]:
        """A road between two towns ("the Damascus-Aleppo highway") at the stretch the article is
        about: the place it names most on the road between them, else the road's midpoint
        (precision 2, section 11 of the annotation guide)."""
        points = [(r.geo.latitude, r.geo.longitude) if r is not None and r.level == "place" else None
                  for r in results]
        out = list(results)
        for k, ((s, e), phrase) in enumerate(zip(spans, phrases)):
            road = _ROAD.match(phrase.name)
            if results[k] is None or not road or not _ROAD_WORD.search(text[s:e]) \
                    or self.gazetteer.lookup(phrase.name):
                continue
            ends = [self._town(part, focus) for part in road.groups()]
            if ends[0] is None or ends[1] is None or ends[0].country != ends[1].country:
                continue
            a, b = (ends[0].latitude, ends[0].longitude), (ends[1].latitude, ends[1].longitude)
            others = [(j, p) for j, p in enumerate(points) if j != k and p is not None]
            hit = on_road(a, b, [p for _, p in others])
            if hit is not None:
                found = results[others[hit][0]]
                out[k] = replace(found, geo=replace(found.geo, geo_precision=2), how="road")
                continue
            lat, lon = midpoint(a, b)
            start = self._make(ends[0], "place", 2, "road")
            out[k] = replace(start, geo=replace(start.geo, name=" ".join(text[s:e].split()), geonames_id=None,
                                                latitude=lat, longitude=lon, admin2=None))
        return out

    def _town(self, name: str, focus: _Focus) -> Place | None:
        """The likeliest populated place of a name in the article's geography (a road's end)."""
        g = self.gazetteer
        phrase = Phrase(name, "part", 2)
        ids = [i for i in self._plausible(list(g.lookup(name)), phrase, focus) if g.entries[i][8] == "place"]
        return max((g.place(i) for i in ids), key=lambda p: self._score(p, 0.0, phrase, [], focus), default=None)

    def _province_lists(self, text: str, spans: Sequence[tuple[int, int]], phrases: list[Phrase],
                        candidates: Sequence[list[int]]) -> list[Phrase]:
        """In a list of names ("Kunar, Nangarhar, Khost and Paktika"), a name that may be a
        province is one when most of the others can only be provinces."""
        out = list(phrases)
        groups: list[list[int]] = []
        for k in range(len(spans)):
            joined = k > 0 and _LIST_GAP.match(text[spans[k - 1][1]:spans[k][0]]) is not None
            if joined:
                groups[-1].append(k)
            else:
                groups.append([k])
        for group in groups:
            if len(group) == 2 and self._province_pair(text, spans, phrases, candidates, group):
                for k in group:  # "the ground in Hama and Idlib", "residents of Sokoto and Kebbi"
                    out[k] = Phrase(phrases[k].name, "admin1", 3)
                continue
            if len(group) < 3:
                continue
            only = {k: self._province_only(candidates[k]) for k in group}
            for k in group:
                others = [only[j] for j in group if j != k]
                if phrases[k].scope == "place" and sum(others) * 2 >= len(others) and sum(others) \
                        and any(self.gazetteer.entries[i][8] == "admin1" for i in candidates[k]):
                    out[k] = Phrase(phrases[k].name, "admin1", 3)
        return out

    def _province_pair(self, text: str, spans: Sequence[tuple[int, int]], phrases: Sequence[Phrase],
                       candidates: Sequence[list[int]], pair: Sequence[int]) -> bool:
        """Two names joined by "and"/"or" that may both be provinces of one country are provinces,
        unless the pair is a road's ends ("between Ambo and Guder") or the article calls one of
        them a town ("the coastal city of Sirte" makes "Sirte and Jufra" a town and a province)."""
        first, second = pair
        if not _PAIR_GAP.match(text[spans[first][1]:spans[second][0]]) or _ROAD_ENDS.search(
                text[max(0, spans[first][0] - 30):spans[first][0]]):
            return False
        e = self.gazetteer.entries
        countries: list[set[str]] = []
        for k in pair:
            if phrases[k].scope != "place" or not phrases[k].name:
                return False
            countries.append({e[i][4] for i in candidates[k] if self._may_be_province([i])})
            if _called_town(text, phrases[k].name):
                return False
        return bool(countries[0] & countries[1])

    def _own_codes(self, ids: Sequence[int], phrase: Phrase) -> set[tuple[str, str]]:
        """The provinces of a name's provinces and of the places that bear it as their own name:
        what a mention tells of its sentence's province (an alternate name, "Zap" of a Turkish
        village, tells nothing)."""
        key = fold(phrase.name)
        return {(e[4], e[5]) for e in map(self.gazetteer.entries.__getitem__, ids)
                if e[5] and (e[8] != "place" or fold(e[1]) == key)}

    def _may_be_province(self, ids: Sequence[int]) -> bool:
        """Whether a name's entries hold a province or the seat it is named after ("Kharkiv", not
        "Goma" of North Kivu)."""
        g = self.gazetteer
        for i in ids:
            e = g.entries[i]
            if e[8] == "admin1":
                return True
            seat = g.admin1_entry(e[4], e[5]) if e[8] == "place" and e[5] else None
            if seat is not None and (g.entries[seat][2], g.entries[seat][3]) == (e[2], e[3]) \
                    and fold(g.entries[seat][1]).startswith(fold(e[1])):
                return True
        return False

    def _province_only(self, ids: Sequence[int]) -> bool:
        """Whether a name's entries are a province and no town of that name at its seat."""
        e = self.gazetteer.entries
        seats = {(e[i][2], e[i][3]) for i in ids if e[i][8] == "place"}
        return any(e[i][8] == "admin1" and (e[i][2], e[i][3]) not in seats for i in ids)

    def _as_named(self, mention: str, phrase: Phrase) -> Phrase:
        """A phrase whose whole words name a place ("West Shewa", a zone in a supplement), not a
        region of its last word ("western Tigray" when only Tigray is known); a spot known by its
        whole name ("Bab al-Hawa crossing" in a supplement) is that entry, not a part of another
        (its own precision, unless the words around it put the act near it)."""
        if phrase.scope not in ("region", "admin1", "part"):
            return phrase
        whole = _LEADING_THE.sub("", " ".join(mention.split()))
        ids = self.gazetteer.lookup(whole)
        if phrase.scope == "part":
            return Phrase(whole, "place", 1) if ids and fold(whole) != fold(phrase.name) else phrase
        if ids and fold(whole) != fold(phrase.name) and all(self.gazetteer.entries[i][8] in ("place", "admin2")
                                                            for i in ids):
            return Phrase(whole, "place", 1)
        return phrase

    # --- candidates ------------------------------------------------------------------------

    def _exact(self, mention: str, phrase: Phrase) -> list[int]:
        whole = self.gazetteer.lookup(mention)
        if whole and fold(mention) != fold(phrase.name):  # "Rural Damascus", "Kurdistan Region of Iraq"
            return list(whole)
        return list(self.gazetteer.lookup(phrase.name))

    def _fuzzy(self, name: str, countries: Sequence[str]) -> list[tuple[int, float]]:
        from rapidfuzz import fuzz, process

        key = fold(name)
        if len(key) < 6:  # one letter off a short name is another name ("hali", "dali", "hosha", "homsa")
            return []
        found: list[tuple[int, float]] = []
        low, high = length_bounds(len(key), self.threshold)
        for cc in countries:
            keys = self._length_index(cc).within(low, high)
            for match, score, _ in process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=self.threshold,
                                                   limit=3):
                if len(match) < 5:  # "qandil" is not "anil"
                    continue
                found.extend((i, score) for i in self.gazetteer.lookup_key(match)
                             if self.gazetteer.entries[i][4] == cc)
        return found

    def _length_index(self, country: str) -> LengthIndex:
        """A country's folded names by length (built on first use)."""
        index = self._length_indexes.get(country)
        if index is None:
            index = self._length_indexes[country] = LengthIndex(self.gazetteer.keys_of_country(country))
        return index

    # --- the article's geography -----------------------------------------------------------

    def _focus(self, text: str, phrases: Sequence[Phrase], candidates: Sequence[list[int]],
               said: Sequence[str | None]) -> _Focus:
        g = self.gazetteer
        countries: Counter[str] = Counter()
        admin1s: Counter[tuple[str, str]] = Counter()
        named: Counter[tuple[str, str]] = Counter()
        for name in dateline(text):
            places = [g.place(i) for i in g.lookup(name)]
            for p in places:
                countries[p.country] += (3.0 if p.kind == "country" else 2.0) / len({q.country for q in places})
        for phrase, ids in zip(phrases, candidates):
            places = [g.place(i) for i in ids]
            if not places:
                continue
            if any(p.kind == "country" for p in places):
                countries[next(p.country for p in places if p.kind == "country")] += 2.0
                continue
            # a name votes for the countries of its namesakes, the larger namesakes more, and a
            # village's name (which many countries have) less than a city's
            sizes: dict[str, float] = {}
            for p in places:
                sizes[p.country] = max(sizes.get(p.country, 0.0), math.log10(p.population + 10))
            strength = min(1.0, max(sizes.values()) / 6.0) / sum(sizes.values())
            for cc, size in sizes.items():
                countries[cc] += size * strength
            codes = {(p.country, p.admin1) for p in places if p.admin1}
            named.update(codes)
            weight = 2.0 if phrase.scope in ("admin1", "region") else 1.0
            for code in codes:
                admin1s[code] += weight / len(codes)
        for name in said:
            if name:
                for p in map(g.place, g.lookup(parse_phrase(name).name)):
                    if p.admin1:
                        admin1s[(p.country, p.admin1)] += 1.0
        total = sum(countries.values()) or 1.0
        top = max(admin1s.values(), default=1.0)
        return _Focus({cc: v / total for cc, v in countries.items()},
                      {code: v / top for code, v in admin1s.items()}, dict(named))

    # --- one mention -----------------------------------------------------------------------

    def _resolve(self, mention: str, phrase: Phrase, ids: list[int], said: str | None, focus: _Focus,
                 text: str = "", span: tuple[int, int] | None = None,
                 local: Sequence[Counter] = ()) -> Resolution | None:
        g = self.gazetteer
        if _COMPASS.match(phrase.name) and _main_countries(focus):
            # "Northeast:", "North-central": a part of the article's country no gazetteer has
            entry = g.country_entry(_main_countries(focus)[0])
            return self._make(g.place(entry), "country", 3, "exact") if entry is not None else None
        said_codes = self._said_codes(said)
        how = "exact"
        scored = [(i, 0.0) for i in self._plausible(ids, phrase, focus)]
        if not scored:
            scored = [(i, score) for i, score in self._fuzzy(phrase.name, _main_countries(focus)[:2])
                      if _in_article_province(g.place(i), focus, said_codes)]
            how = "fuzzy"
        road = _ROAD.match(phrase.name) if not scored else None
        if road:  # "Daraa-Damascus highway": its first town
            for part in road.groups():
                part_ids = self._plausible(list(g.lookup(part)), Phrase(part, "part", 2), focus)
                if part_ids:
                    scored, how = [(i, 0.0) for i in part_ids], "exact"
                    phrase = Phrase(part, "part", 2)
                    break
        if scored and phrase.scope == "region" and _FRONT.search(mention) \
                and not any(g.entries[i][8] == "admin1" for i, _ in scored):
            phrase = Phrase(phrase.name, "part", 2)  # "the Arima front": the front line at a town
        if scored:
            seats = {(g.entries[i][2], g.entries[i][3]) for i, _ in scored if g.entries[i][8] == "place"}
            best = max(scored, key=lambda item: self._score(g.place(item[0]), item[1], phrase, said_codes, focus,
                                                            seats))
            return self._resolution(g.place(best[0]), phrase, how)
        town = town_said(text, *span) if span else None
        if town:  # a spot the gazetteer lacks, in a town it has: "Munzenze prison in Goma"
            ids = self._plausible(list(g.lookup(town)), Phrase(town, "part", 2), focus)
            places = [i for i in ids if g.entries[i][8] == "place"]
            if phrase.scope != "part" and any(g.entries[i][8] == "admin1" for i in ids):
                # "Kafr Nabl in Idlib": a village in the province of that name more likely than in
                # its seat; a spot ("the prison in Idlib") is in the town
                best = max(ids, key=lambda i: self._score(g.place(i), 0.0, Phrase(town, "admin1", 3), said_codes,
                                                          focus))
                return self._resolution(g.place(best), Phrase(mention, "admin1", 3), "said")
            if places:
                best = max(places, key=lambda i: self._score(g.place(i), 0.0, Phrase(town, "part", 2), said_codes,
                                                             focus))
                return self._resolution(g.place(best), Phrase(town, "part", 2), "said")
        if said_codes:  # a place the gazetteer lacks: the province the text puts it in
            code = max(said_codes, key=lambda c: focus.countries.get(c[0], 0.0))
            entry = g.admin1_entry(*code)
            if entry is not None:
                return self._resolution(g.place(entry), Phrase(mention, "admin1", 3), "said")
        if not phrase.name or _COMPASS.match(phrase.name):
            return None
        code = _article_province(focus)
        near = _local_province(local, _named_countries(focus))
        if near is not None and near != code and g.admin1_entry(*near) is not None:
            # a round-up's paragraph about another province ("OROMIA: ... in West Shewa")
            return self._resolution(g.place(g.admin1_entry(*near)), Phrase(mention, "admin1", 3), "local")
        entry = g.admin1_entry(*code) if code else None
        if entry is not None:  # a place nobody has, in an article about one province: that province
            return self._resolution(g.place(entry), Phrase(mention, "admin1", 3), "article")
        return None

    def _plausible(self, ids: list[int], phrase: Phrase, focus: _Focus) -> list[int]:
        """Candidates, less those abroad that only an alternate name or a small size ties to the
        mention, when the article is about a country ("Tirah valley" in Pakistan is no name of Tehran)."""
        if max(focus.countries.values(), default=0.0) < 0.3:
            return ids
        main = set(_main_countries(focus))
        key = fold(phrase.name)
        kept = []
        for i in ids:
            place = self.gazetteer.place(i)
            if place.kind == "country" or place.country in main:
                kept.append(i)
            elif fold(place.name) == key and (place.population >= _ABROAD_POPULATION
                                              or self._across_border(place, focus, main)):
                kept.append(i)
        return kept

    def _across_border(self, place: Place, focus: _Focus, main: set[str]) -> bool:
        """Whether a place abroad is by its own name near a province the article is about, in a
        country it also names ("Kfar Kila", over the Blue Line from the Golan)."""
        if focus.countries.get(place.country, 0.0) < _BORDER_SHARE:
            return False
        g = self.gazetteer
        for (cc, code), weight in focus.admin1s.items():
            entry = g.admin1_entry(cc, code) if cc in main and weight >= 0.5 else None
            if entry is not None:
                seat = g.place(entry)
                if distance_km(place.latitude, place.longitude, seat.latitude, seat.longitude) <= _BORDER_KM:
                    return True
        return False

    def _said_codes(self, said: str | None) -> list[tuple[str, str]]:
        if not said:
            return []
        places = [self.gazetteer.place(i) for i in self.gazetteer.lookup(parse_phrase(said).name)]
        return list(dict.fromkeys((p.country, p.admin1) for p in places if p.admin1))

    def _score(self, place: Place, fuzzy: float, phrase: Phrase, said_codes: list[tuple[str, str]],
               focus: _Focus, seats: set[tuple[float, float]] = frozenset()) -> float:
        score = 4.0 * focus.countries.get(place.country, 0.0)
        score += 1.5 * focus.admin1s.get((place.country, place.admin1), 0.0)
        if (place.country, place.admin1) in said_codes:
            score += 3.0
        if phrase.scope in ("admin1", "region"):
            score += {"admin1": 1.5, "country": 1.5}.get(place.kind, 0.0)
        else:
            score += {"place": 1.0, "admin2": 0.6, "admin1": 0.5, "country": 1.2}.get(place.kind, 0.0)
            if place.kind == "admin1" and (place.latitude, place.longitude) not in seats:
                # a province not named after its seat ("Nangarhar", "Narino"): the name means the
                # province more than a small namesake town; a seat's namesake ("Idlib") means the town
                score += 0.7
        score += 0.3 * math.log10(place.population + 1)
        if place.kind == "place" and fold(place.name) == fold(phrase.name):
            score += _OWN_NAME  # "Qabasin" is Qabbāsīn more than Kabbasin, whose alternate name it is
        if place.index in self.gazetteer.by_hand:
            score += _BY_HAND - (_TABLE_YIELD if place.index in self.gazetteer.general else 0.0)
        if fuzzy:
            score -= (100.0 - fuzzy) / 10.0
        return score

    def _resolution(self, place: Place, phrase: Phrase, how: str) -> Resolution:
        g = self.gazetteer
        if place.kind == "country":
            return self._make(place, "country", 3, how)
        if phrase.scope in ("admin1", "region") or place.kind == "admin1":
            entry = place if place.kind == "admin1" else g.place(g.admin1_entry(place.country, place.admin1)) \
                if g.admin1_entry(place.country, place.admin1) is not None else None
            if entry is None:  # a place with no known province: the place, at the region's precision
                return self._make(place, "place", 3, how)
            return self._make(entry, "admin1", 3, how)
        level = "admin2" if place.kind == "admin2" else "place"
        # a supplement region or spot keeps its own precision (Tihama: 3) unless the words say coarser
        own = g.precisions.get(place.index, 1)
        return self._make(place, level, max(own, phrase.precision if level == "place" else 2), how)

    def _make(self, place: Place, level: str, precision: int, how: str) -> Resolution:
        g = self.gazetteer
        country_entry = g.country_entry(place.country)
        country = g.place(country_entry) if country_entry is not None else None
        admin1 = g.admin1_name(place.country, place.admin1) if place.admin1 and level != "country" else None
        admin2 = g.admin2_name(place.country, place.admin1, place.admin2) if place.admin2 else None
        geo = Geo(name=place.name, geonames_id=place.geonames_id, latitude=round(place.latitude, 5),
                  longitude=round(place.longitude, 5), country_iso=country.feature if country else None,
                  country=country.name if country else None, admin1=admin1, admin2=admin2, geo_precision=precision)
        return Resolution(geo, level, place.country, place.admin1 if level != "country" else "", how)


def _in_context(phrase: Phrase, text: str, start: int, end: int) -> Phrase:
    """The phrase as the words around it code it: a place the text puts the act near ("around
    Sake") is a spot near it (precision 2), and so is the local government area named after it
    (a district, coded at its seat); a name in a list of provinces ("the Luhansk, Sumy and
    Kharkiv regions") a province."""
    if phrase.scope == "place" and in_admin_list(text, end):
        return Phrase(phrase.name, "admin1", 3)
    if phrase.scope == "place" and (near_before(text, start, end) or lga_after(text, end)):
        return Phrase(phrase.name, "part", 2)  # near it, or its district ("Bokkos local government area")
    return phrase


def _near_lists(text: str, spans: Sequence[tuple[int, int]], phrases: list[Phrase]) -> list[Phrase]:
    """"around Boni and Douentza", "the districts of Al-Hali and Al-Durayhimi": what puts the first
    name of a list near (precision 2) puts the names after it there too."""
    out = list(phrases)
    for k in range(1, len(spans)):
        if out[k].scope == "place" and out[k - 1].scope == "part" and near_before(text, spans[k - 1][0]) \
                and _LIST_GAP.match(text[spans[k - 1][1]:spans[k][0]]):
            out[k] = Phrase(out[k].name, "part", 2)
    return out


def _fell_back(result: Resolution | None) -> bool:
    """Whether a mention the gazetteer lacks was given a province by a fallback (:data:`_FALLBACKS`)."""
    return result is not None and result.how in _FALLBACKS and result.level == "admin1"


def _beside_known(text: str, spans: Sequence[tuple[int, int]], phrases: Sequence[Phrase],
                  results: list[Resolution | None]) -> list[Resolution | None]:
    """A place nobody has (it fell back to a province) is near the known place the
    text sets beside it (:mod:`.neighbours`), precision 2: the seat of the district it is said
    to be in ("Mera, in Kebbi State's Augie district"), else a place of the same country listed
    with it ("Suran and Khattab"); a name the words make a province or a spot near somewhere
    ("the districts of Al-Hali and Al-Durayhimi") is left as it is."""
    out = list(results)
    for k, (result, phrase) in enumerate(zip(results, phrases)):
        if phrase.scope != "place" or not _fell_back(result):
            continue  # a name with no candidate at all may be a namesake abroad (Trablous): no guess
        j = district_after(text, spans, k)
        found = results[j] if j is not None else None
        how = "district"
        if found is None or found.level != "place":
            found, how = None, "listed"
            for j in listed_beside(text, spans, k):
                other = results[j]
                if other is not None and other.level == "place" and other.how in ("exact", "fuzzy") \
                        and phrases[j].scope == "place" and other.country == result.country:
                    found = other
                    break
        if found is not None:
            out[k] = replace(found, geo=replace(found.geo, geo_precision=2), how=how)
    return out


def _near_sentence_town(text: str, spans: Sequence[tuple[int, int]], phrases: Sequence[Phrase],
                        results: list[Resolution | None]) -> list[Resolution | None]:
    """An unknown spot the words put near somewhere ("the road to Kfar Rumman", "near Aden Adde
    International Airport") that fell back to a province is near the one known town of that
    province its sentence names ("Our team in Nabatieh reported ...", "MOGADISHU: Mortar rounds
    landed near ..."), precision 2 as the guide codes a spot near a place. A name listed with it
    is its peer ("the districts of Al-Hali and Al-Durayhimi"), and a town the act is itself only
    near ("the road to Dinder and around Mazmoum") is no fix of where it is; a plain name, or a
    sentence naming two towns, keeps the province."""
    out = list(results)
    for k, (result, phrase) in enumerate(zip(results, phrases)):
        if phrase.scope != "part" or not _fell_back(result):
            continue
        start, end = sentence_bounds(text, spans[k][0])
        peers = set(listed_beside(text, spans, k))
        towns = {r.geo.geonames_id: r for j, (r, (s, e)) in enumerate(zip(results, spans))
                 if j != k and j not in peers and start <= s and e <= end and r is not None and r.level == "place"
                 and r.how in ("exact", "fuzzy") and r.geo.geo_precision == 1 and r.geo.geonames_id
                 and (r.country, r.admin1) == (result.country, result.admin1)}
        if len(towns) == 1:
            town = next(iter(towns.values()))
            out[k] = replace(town, geo=replace(town.geo, geo_precision=2), how="sentence")
    return out


def _in_article_province(place: Place, focus: _Focus, said_codes: Sequence[tuple[str, str]]) -> bool:
    """Whether a near-miss spelling's place lies in a province the article names or puts the
    mention in: "Metina" (a Kurdish mountain area) is not Al Madinah, 700 km off in Basra."""
    code = (place.country, place.admin1)
    return code in said_codes or focus.admin1s.get(code, 0.0) > 0.0


def _near_article_town(results: list[Resolution | None]) -> list[Resolution | None]:
    """An unknown place that fell back to the article's province is near the article's town,
    precision 2, when the article is about one town of that province: the place most of its
    resolved mentions name, more than :data:`_TOWN_LEAD` times as often as any other."""
    towns = Counter(r.geo.geonames_id for r in results
                    if r is not None and r.level == "place" and r.how in ("exact", "fuzzy") and r.geo.geonames_id)
    top = dominant(towns, _TOWN_LEAD)
    if top is None:
        return results
    town = next(r for r in results if r is not None and r.level == "place" and r.geo.geonames_id == top)
    return [replace(town, geo=replace(town.geo, geo_precision=2), how="article")
            if r is not None and r.how == "article" and r.admin1 == town.admin1 and r.country == town.country
            else r for r in results]


def local_counts(text: str, spans: Sequence[tuple[int, int]], codes: Sequence[set[tuple[str, str]]],
                 k: int) -> list[Counter]:
    """For the sentence and then the line holding mention ``k``: how many of the other mentions
    there may lie in each province (``codes``: each mention's candidates' provinces).

    >>> text = "In Katsina State, gunmen hit Yantumaki. Clashes in Kano."
    >>> spans = [(3, 16), (29, 38), (51, 55)]
    >>> local_counts(text, spans, [{("NG", "24")}, set(), {("NG", "23")}], 1)
    [Counter({('NG', '24'): 1}), Counter({('NG', '24'): 1, ('NG', '23'): 1})]
    """
    out = []
    for start, end in enclosing(text, spans[k][0]):
        out.append(Counter(code for j, (s, e) in enumerate(spans) if j != k and start <= s and e <= end
                           for code in codes[j]))
    return out


def _local_province(local: Sequence[Counter], countries: Sequence[str]) -> tuple[str, str] | None:
    """The province the mention's sentence, else its line, is about (:func:`local_counts`): in
    the article's countries, more than :data:`_LEAD` times as many of its other mentions may lie
    there as in any other; the first of the two units that has one decides.

    >>> _local_province([Counter(), Counter({("NG", "24"): 2, ("NG", "23"): 1})], ["NG"])
    ('NG', '24')
    >>> _local_province([Counter({("TR", "80"): 2})], ["IQ"]) is None
    True
    """
    for counts in local:
        code = dominant({c: n for c, n in counts.items() if c[0] in countries}, _LEAD)
        if code is not None:
            return code
    return None


def _article_province(focus: _Focus) -> tuple[str, str] | None:
    """The one province the article is about: in its main country, the province more than
    :data:`_LEAD` times as many of its mentions may lie in as any other; None when the article
    spreads over several."""
    main = _main_countries(focus)[:1]
    ranked = sorted(((n, code) for code, n in focus.named.items() if code[0] in main), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[1][0] * _LEAD >= ranked[0][0]):
        return None
    return ranked[0][1]


def _named_countries(focus: _Focus) -> list[str]:
    """The article's main countries and those it names enough to hold a place near the border
    (:data:`_BORDER_SHARE` of its place votes: Lebanon in an article about the Golan)."""
    return list(dict.fromkeys([*_main_countries(focus),
                               *(cc for cc, share in focus.countries.items() if share >= _BORDER_SHARE)]))


def _main_countries(focus: _Focus) -> list[str]:
    """The countries the article is about, most named first: each with at least 15% of the
    article's place-name votes (or a third of the top country's share)."""
    top = max(focus.countries.values(), default=0.0)
    ranked = sorted(focus.countries, key=focus.countries.get, reverse=True)
    return [cc for cc in ranked if focus.countries[cc] >= min(0.15, top / 3)]


def admin1_codes(gazetteer: Gazetteer, name: str, country: str) -> set[str]:
    """The GeoNames province codes of ``country`` that ``name`` (a province, or a town it is named
    after) may stand for."""
    out: set[str] = set()
    for place in map(gazetteer.place, gazetteer.lookup(parse_phrase(name).name)):
        if place.country == country and place.admin1:
            out.add(place.admin1)
    return out


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km).

    >>> round(distance_km(36.2, 37.15, 35.93, 36.63))  # Aleppo to Idlib
    56
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _called_town(text: str, name: str) -> bool:
    """Whether the article calls ``name`` a town ("the coastal city of Sirte", "Idlib city").

    >>> _called_town("from the coastal city of Sirte south", "Sirte"), _called_town("in Sirte", "Sirte")
    (True, False)
    """
    named = re.escape(name)
    return re.search(rf"\b(?:city|town)\s+of\s+(?:(?:al|el|ad|as|ar)-)?{named}\b|\b{named}\s+(?:city|town)\b",
                     text) is not None
