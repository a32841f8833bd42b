"""One event, many reports: group records of different documents that report the same act.

Two records may report one act when they come from different documents, have the same
``sub_event_type``, dates within a day of each other (a week- or month-precision date covers
every day of its range), the same or nested places and compatible actors (no initiator of one
is a target of the other). :func:`group_records` joins a record to the group whose every
member from another document it is compatible with, preferring the group it shares most with;
each :class:`EventGroup` keeps every source and the range of the reports' casualty figures.

>>> a = {"doc_id": "a", "sub_event_type": "Air/drone strike", "date": {"start": "2019-05-06",
...      "end": "2019-05-06"}, "locations": [{"text": "Kafr Nabl"}], "actors": [],
...      "counts": [{"value": 5, "outcome": "killed"}]}
>>> b = dict(a, doc_id="b", locations=[{"text": "Kfar Nabl"}], counts=[{"value": 7, "outcome": "killed"}])
>>> [g.to_dict()["casualties"] for g in group_records([a, b])]
[[{'outcome': 'killed', 'low': 5, 'best': 6, 'high': 7, 'reports': 2}]]
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta
from typing import Any

from conflict_ner.actors.fold import fold as fold_actor
from conflict_ner.geo.fold import fold as fold_place
from conflict_ner.geo.resolve import distance_km

#: Two geocoded places at most this far apart are one place (a village and its outskirts).
MAX_KM = 25.0
#: Folded place names at least this similar (rapidfuzz ratio, spaces ignored) are one name.
NAME_SIMILARITY = 80.0
#: Dates this many days apart still match (reports say "Monday" or "overnight" for one act).
DAY_TOLERANCE = 1

# words around a place name that do not change which place it is
_PLACE_NOISE = frozenset(
    "province governorate region district countryside city town village area areas outskirts suburbs "
    "north northern south southern east eastern west western central northeast northeastern northwest "
    "northwestern southeast southeastern southwest southwestern near around rural countyside state "
    "county municipality neighbourhood neighborhood camp the of".split())
# generic actor words: they say nothing about whether two reports name the same party
_GENERIC_ACTORS = frozenset(
    "unknown gunmen attackers militants fighters civilians people residents forces troops soldiers "
    "police militia militias insurgents rebels assailants".split())


@dataclass(frozen=True)
class Source:
    """One report of a group's act: the document, the record's index in it, where it came from."""

    doc_id: str
    record_index: int
    sentence: str | None = None
    url: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CasualtyRange:
    """The figures the reports give for one outcome: lowest, a best estimate (the median of the
    documents' figures, rounded down), highest, and how many documents gave one."""

    outcome: str
    low: int
    best: int
    high: int
    reports: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class EventGroup:
    """One act and every report of it."""

    group_id: str
    event_type: str | None
    sub_event_type: str | None
    date_start: str | None
    date_end: str | None
    places: tuple[str, ...]
    actors: tuple[str, ...]
    sources: tuple[Source, ...]
    casualties: tuple[CasualtyRange, ...]

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.doc_id for s in self.sources))

    def to_dict(self) -> dict[str, Any]:
        return {"group_id": self.group_id, "event_type": self.event_type, "sub_event_type": self.sub_event_type,
                "date_start": self.date_start, "date_end": self.date_end, "places": list(self.places),
                "actors": list(self.actors), "documents": list(self.documents),
                "sources": [s.to_dict() for s in self.sources],
                "casualties": [c.to_dict() for c in self.casualties]}


@dataclass(frozen=True)
class _Facts:
    """What the comparison needs of one record, folded once."""

    doc_id: str
    index: int
    record: Mapping[str, Any]
    sub_event_type: str | None
    start: date | None
    end: date | None
    places: tuple[tuple[str, tuple[float, float] | None, str | None, int | None], ...]
    initiators: frozenset[str]
    targets: frozenset[str]
    others: frozenset[str]


def place_key(text: str) -> str:
    """The folded name of a place without the words around it that keep it the same place.

    >>> place_key("the southern Idlib countryside"), place_key("Idlib province"), place_key("Ma'arrat al-Nu'man")
    ('idlib', 'idlib', 'marat numan')
    """
    words = [w for w in re.split(r"\s+", text.lower()) if w and w not in _PLACE_NOISE]
    return fold_place(" ".join(words)) if words else fold_place(text)


def actor_key(actor: Mapping[str, Any]) -> str | None:
    """The canonical name when the actor was resolved, else its folded text; None for a generic word
    (``gunmen``) that cannot tell two parties apart.

    >>> actor_key({"text": "Hay'at Tahrir al-Sham"}) == actor_key({"text": "Hayat Tahrir a-Sham"})
    True
    >>> actor_key({"text": "gunmen"}), actor_key({"text": "HTS", "canonical": "Hay'at Tahrir al-Sham"})
    (None, "canonical:Hay'at Tahrir al-Sham")
    """
    if actor.get("canonical"):
        return f"canonical:{actor['canonical']}"
    key = fold_actor(str(actor.get("text") or ""))
    if not key or set(key.split()) <= _GENERIC_ACTORS:
        return None
    return key


def _iso(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _facts(record: Mapping[str, Any], index: int) -> _Facts:
    when = record.get("date") or {}
    start, end = _iso(when.get("start") or when.get("value")), _iso(when.get("end") or when.get("value"))
    if start is not None and when.get("precision") == "unknown":
        start -= timedelta(days=1)  # the publication day: the act came before it
    places = []
    for p in record.get("locations") or ():
        geo = p.get("geo") or {}
        point = (geo["latitude"], geo["longitude"]) if geo.get("latitude") is not None and \
            geo.get("longitude") is not None else None
        places.append((place_key(str(p.get("text") or "")), point, geo.get("admin1"), geo.get("geo_precision")))
    roles: dict[str, set[str]] = {"initiator": set(), "target": set(), "other": set()}
    for a in record.get("actors") or ():
        key = actor_key(a)
        if key is not None:
            roles.get(a.get("role") or "other", roles["other"]).add(key)
    return _Facts(str(record.get("doc_id") or ""), index, record, record.get("sub_event_type"), start, end,
                  tuple(places), frozenset(roles["initiator"]), frozenset(roles["target"]), frozenset(roles["other"]))


def dates_match(a_start: date | None, a_end: date | None, b_start: date | None, b_end: date | None,
                tolerance: int = DAY_TOLERANCE) -> bool:
    """Whether two date ranges come within ``tolerance`` days of each other (an unknown date matches).

    >>> d = date.fromisoformat
    >>> dates_match(d("2024-05-06"), d("2024-05-06"), d("2024-05-07"), d("2024-05-07"))
    True
    >>> dates_match(d("2024-05-06"), d("2024-05-12"), d("2024-05-10"), d("2024-05-10"))  # a week holds the day
    True
    >>> dates_match(d("2024-05-06"), d("2024-05-06"), d("2024-05-09"), d("2024-05-09"))
    False
    """
    if None in (a_start, a_end, b_start, b_end):
        return True
    slack = timedelta(days=tolerance)
    return a_start - slack <= b_end and b_start - slack <= a_end


def _place_pair(a, b, max_km: float) -> str:
    """``same``, ``nested`` or ``apart`` for two places (name, point, admin1, precision)."""
    name_a, point_a, admin_a, prec_a = a
    name_b, point_b, admin_b, prec_b = b
    if name_a and name_a == name_b:
        return "same"
    if point_a and point_b and distance_km(*point_a, *point_b) <= max_km:
        return "same"
    # a province (precision 3) holds every place of that province
    if (prec_a == 3 and admin_a and admin_a == admin_b) or (prec_b == 3 and admin_b and admin_b == admin_a):
        return "nested"
    if name_a and name_b and similar_names(name_a, name_b):
        return "same"
    words_a, words_b = set(name_a.split()), set(name_b.split())
    if words_a and words_b and (words_a <= words_b or words_b <= words_a) and not (point_a and point_b):
        return "nested"  # "Idlib" and "Idlib city", when the gazetteer cannot tell them apart
    return "apart"


def similar_names(a: str, b: str, threshold: float = NAME_SIMILARITY) -> bool:
    """Whether two folded place names are spellings of one name that folding left apart
    (``dhegobadan``/``dhegabadan``, ``pa zi gyi``/``pazigyi``, ``togoga``/``togogwa``).

    >>> similar_names("dasht e barchi", "dasht i barchi"), similar_names("saraqib", "sarmin")
    (True, False)
    """
    from rapidfuzz import fuzz

    a, b = a.replace(" ", ""), b.replace(" ", "")
    return min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= threshold


def places_relation(a: _Facts, b: _Facts, max_km: float = MAX_KM) -> str:
    """``match`` when some place of one is the same as or nested in some place of the other,
    ``unknown`` when either names no place, else ``conflict``."""
    if not a.places or not b.places:
        return "unknown"
    for pa in a.places:
        for pb in b.places:
            if _place_pair(pa, pb, max_km) != "apart":
                return "match"
    return "conflict"


def actors_relation(a: _Facts, b: _Facts) -> str:
    """``conflict`` when an initiator of one is a target of the other (they tell different acts),
    ``match`` when they share an actor, else ``unknown``."""
    # in a clash each side attacks the other: reports differ on who started it, not on the act
    if a.sub_event_type != "Armed clash" and (a.initiators & b.targets or b.initiators & a.targets):
        return "conflict"
    if (a.initiators | a.targets | a.others) & (b.initiators | b.targets | b.others):
        return "match"
    return "unknown"


def compatible(a: _Facts, b: _Facts, *, max_km: float = MAX_KM, tolerance: int = DAY_TOLERANCE) -> int | None:
    """None when two records cannot report one act, else how much they share (0-2): a place
    match counts 1, an actor match 1; a record without a place needs an actor match."""
    if a.doc_id == b.doc_id or a.sub_event_type != b.sub_event_type:
        return None
    if not dates_match(a.start, a.end, b.start, b.end, tolerance):
        return None
    places, actors = places_relation(a, b, max_km), actors_relation(a, b)
    if places == "conflict" or actors == "conflict":
        return None
    if places == "unknown" and actors != "match":
        return None
    return (places == "match") + (actors == "match")


def group_records(records: Iterable[Mapping[str, Any] | Any], *, max_km: float = MAX_KM,
                  tolerance: int = DAY_TOLERANCE, sources: Mapping[str, Mapping[str, Any]] | None = None,
                  keep_singletons: bool = True) -> list[EventGroup]:
    """Group records (schema dicts or :class:`~conflict_ner.records.EventRecord`) that report one act.

    Records are taken in date order; each joins the group it is compatible with (every member of
    another document, see :func:`compatible`) and shares most with, else starts a group.
    ``sources`` maps a doc_id to fields of its input (``url``, ``title``) kept in the group's
    sources. Negated, threatened and planned records report no act and are left out.
    """
    facts: list[_Facts] = []
    per_doc: dict[str, int] = {}
    for r in records:
        d = r.to_dict() if hasattr(r, "to_dict") else r
        doc = str(d.get("doc_id") or "")
        index = per_doc.get(doc, 0)
        per_doc[doc] = index + 1
        if d.get("modality", "asserted") in ("negated", "threatened", "planned"):
            continue
        facts.append(_facts(d, index))
    facts = _carry_places(facts)
    facts.sort(key=lambda f: (f.start or date.max, f.doc_id, f.index))
    groups: list[list[_Facts]] = []
    for f in facts:
        best, best_score = None, -1
        for g in groups:
            scores = [compatible(f, m, max_km=max_km, tolerance=tolerance) for m in g if m.doc_id != f.doc_id]
            if not scores or any(s is None for s in scores):
                continue
            score = max(scores)
            if score > best_score:
                best, best_score = g, score
        if best is None:
            groups.append([f])
        else:
            best.append(f)
    out = [_group(i, g, sources or {}) for i, g in enumerate(groups, start=1)]
    if not keep_singletons:
        out = [g for g in out if len(g.documents) > 1]
    return out


def _carry_places(facts: list[_Facts]) -> list[_Facts]:
    """A record that names no place (``the toll rose to 57``) takes the places of the closest
    earlier record of its document with the same sub-event type (else of any earlier record)."""
    out, seen = [], {}
    for f in sorted(facts, key=lambda f: (f.doc_id, f.index)):
        earlier = seen.setdefault(f.doc_id, [])
        if not f.places:
            donor = next((e for e in reversed(earlier) if e.places and e.sub_event_type == f.sub_event_type), None) \
                or next((e for e in reversed(earlier) if e.places), None)
            if donor is not None:
                f = replace(f, places=donor.places)
        earlier.append(f)
        out.append(f)
    return out


def _group(number: int, members: Sequence[_Facts], sources: Mapping[str, Mapping[str, Any]]) -> EventGroup:
    members = sorted(members, key=lambda f: (f.doc_id, f.index))
    first = members[0].record
    starts = [f.start for f in members if f.start]
    ends = [f.end for f in members if f.end]
    places = dict.fromkeys(str(p.get("text")) for f in members for p in f.record.get("locations") or ())
    actors = dict.fromkeys(str(a.get("canonical") or a.get("text")) for f in members
                           for a in f.record.get("actors") or ())
    srcs = tuple(Source(f.doc_id, f.index, (f.record.get("sentence") or {}).get("text"),
                        (sources.get(f.doc_id) or {}).get("url"), (sources.get(f.doc_id) or {}).get("title"))
                 for f in members)
    return EventGroup(f"g{number:04d}", first.get("event_type"), first.get("sub_event_type"),
                      min(starts).isoformat() if starts else None, max(ends).isoformat() if ends else None,
                      tuple(places), tuple(actors), srcs, casualty_ranges([f.record for f in members]))


def casualty_ranges(records: Sequence[Mapping[str, Any]]) -> tuple[CasualtyRange, ...]:
    """Per outcome, the range of the figures the documents give: a document's figure is the
    largest of its records' (a record's figure is the sum of its non-cumulative counts of that
    outcome: ``5 soldiers and 3 civilians killed`` is 8).

    >>> casualty_ranges([{"doc_id": "a", "counts": [{"value": 5, "outcome": "killed"}, {"value": 3, "outcome": "killed"}]},
    ...                  {"doc_id": "b", "counts": [{"value": 10, "low": 10, "high": 12, "outcome": "killed"}]}])
    (CasualtyRange(outcome='killed', low=8, best=9, high=12, reports=2),)
    """
    per_doc: dict[tuple[str, str], list[int]] = {}  # (outcome, doc) -> [value, low, high]
    for r in records:
        sums: dict[str, list[int]] = {}
        for c in r.get("counts") or ():
            if c.get("cumulative") or c.get("value") is None:
                continue
            v = int(c["value"])
            lo = int(c["low"]) if c.get("low") is not None else v
            hi = int(c["high"]) if c.get("high") is not None else v
            s = sums.setdefault(c.get("outcome") or "other", [0, 0, 0])
            s[0], s[1], s[2] = s[0] + v, s[1] + lo, s[2] + hi
        for outcome, s in sums.items():
            key = (outcome, str(r.get("doc_id") or ""))
            if key not in per_doc or s[0] > per_doc[key][0]:
                per_doc[key] = s
    out = []
    for outcome in sorted({o for o, _ in per_doc}):
        figures = [v for (o, _), v in per_doc.items() if o == outcome]
        out.append(CasualtyRange(outcome, min(f[1] for f in figures),
                                 int(statistics.median(f[0] for f in figures)),
                                 max(f[2] for f in figures), len(figures)))
    return tuple(out)
