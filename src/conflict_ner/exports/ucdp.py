"""UCDP GED-style rows: one per event of organised violence, with GED's column names and codes.

GED codes deadly organised violence: so only records of Battles, Explosions/Remote violence,
Violence against civilians and Excessive force against protesters give a row (a row with
``best`` 0 is one GED would leave out: no death reported), and, as in ACLED's export, only acts
that happened as reported. GED's identifiers of conflicts, dyads and actors, and its
country and region codes, need the actor and place tables of later work; the place columns stay
empty until a record's ``geo`` slot is filled.

>>> UCDP_COLUMNS[:5]
['id', 'year', 'type_of_violence', 'side_a', 'side_b']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from conflict_ner.events.types import civilian_target, is_civilian, is_state_actor
from conflict_ner.exports.common import deaths, join, names, one_line, outlet, reported, sides
from conflict_ner.records import ActorRef, EventRecord, Geo

UCDP_COLUMNS = ["id", "year", "type_of_violence", "side_a", "side_b", "number_of_sources", "source_article",
                "source_office", "source_date", "source_headline", "source_original", "where_prec",
                "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "country",
                "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
                "best", "high", "low"]
#: pandas dtypes of a UCDP file (``pd.read_csv(path, dtype=UCDP_DTYPES)``): GED's codes and death
#: figures as integers (nullable where a code may be unknown), coordinates as floats.
UCDP_DTYPES: dict[str, str] = {c: "str" for c in UCDP_COLUMNS} | {
    "year": "Int64", "type_of_violence": "Int64", "number_of_sources": "int64", "where_prec": "Int64",
    "latitude": "float64", "longitude": "float64", "date_prec": "int64", "deaths_a": "int64", "deaths_b": "int64",
    "deaths_civilians": "int64", "deaths_unknown": "int64", "best": "int64", "high": "int64", "low": "int64"}
#: GED's types of violence.
STATE_BASED, NON_STATE, ONE_SIDED = 1, 2, 3
_ORGANISED = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# ACLED's geo_precision -> GED's where_prec (1 the place, 2 within 25 km of it, 4 the first-order division)
_WHERE_PREC = {1: 1, 2: 2, 3: 4}


def ucdp_rows(records: Sequence[EventRecord], doc_id: str | None,
              fields: Mapping[str, Any] | None = None) -> list[list[Any]]:
    """GED-style rows of one document's records (``fields``: the input's ``url``, ``title``,
    ``site``, ``published``); ``id`` is ``<doc_id>-<n>``."""
    rows: list[list[Any]] = []
    for r in reported(records):
        if r.event_type in _ORGANISED or r.sub_event_type == "Excessive force against protesters":
            rows.append(_row(r, f"{doc_id or ''}-{len(rows) + 1}", fields or {}))
    return rows


def violence_type(record: EventRecord) -> int | None:
    """GED's type of violence: one-sided (civilians the target), state-based (the state on a side),
    non-state (two other sides); None when the sides are not known."""
    if civilian_target(record.actors, record.counts) or record.event_type == "Violence against civilians" \
            or record.sub_event_type == "Excessive force against protesters":
        return ONE_SIDED
    side1, side2 = sides(record)
    if any(is_state_actor(a.text, a.inter_code) for a in side1 + side2):
        return STATE_BASED
    return NON_STATE if side1 and side2 else None


def date_precision(start: str | None, end: str | None, precision: str) -> int:
    """GED's date_prec: 1 the day, 2 a range of 2-6 days, 3 the week, 4 8-30 days or the month,
    5 a longer range, the year, or a date known only to precede publication.

    >>> date_precision("2024-05-06", "2024-05-06", "day"), date_precision("2024-05-03", "2024-05-05", "week")
    (1, 2)
    >>> date_precision("2024-04-29", "2024-05-05", "week"), date_precision("2024-05-01", "2024-05-31", "month")
    (3, 4)
    """
    if start is None or end is None or precision == "unknown":
        return 5
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days + 1
    if days == 1:
        return 1
    if days < 7:
        return 2
    if days == 7:
        return 3
    return 4 if days <= 31 else 5


def _row(r: EventRecord, event_id: str, fields: Mapping[str, Any]) -> list[Any]:
    kind = violence_type(r)
    side1, side2 = sides(r)
    if kind == STATE_BASED and not any(is_state_actor(a.text, a.inter_code) for a in side1):
        side1, side2 = side2, side1  # GED's side_a is the government
    side_b = "Civilians" if kind == ONE_SIDED else join(names(side2))
    best = deaths(r)
    killed = [c for c in r.counts if c.outcome == "killed"]
    civilians = [c for c in killed if c.counted and is_civilian(c.counted)]
    of_a = [c for c in killed if c not in civilians and _names_one_of(c.counted, side1)]
    of_b = [c for c in killed if c not in civilians and c not in of_a and _names_one_of(c.counted, side2)]
    deaths_civ, deaths_a, deaths_b = deaths(r, civilians), deaths(r, of_a), deaths(r, of_b)
    place = r.locations[0] if r.locations else None
    geo = getattr(place, "geo", None)
    values = {
        "id": event_id,
        "year": int(r.date.start[:4]) if r.date.start else "",
        "type_of_violence": "" if kind is None else kind,
        "side_a": join(names(side1)),
        "side_b": side_b,
        "number_of_sources": 1,
        "source_article": fields.get("url") or "",
        "source_office": outlet(fields) or "",
        "source_date": fields.get("published") or "",
        "source_headline": one_line(fields.get("title") or ""),
        "source_original": one_line(r.attribution.text) if r.attribution else "",
        "where_prec": where_prec(geo),
        "where_coordinates": (geo.name or "") if geo else "",
        "where_description": join(one_line(x.text) for x in r.locations),
        "adm_1": (geo.admin1 or "") if geo else "",
        "adm_2": (geo.admin2 or "") if geo else "",
        "latitude": geo.latitude if geo and geo.latitude is not None else "",
        "longitude": geo.longitude if geo and geo.longitude is not None else "",
        "country": (geo.country or "") if geo else "",
        "date_prec": date_precision(r.date.start, r.date.end, r.date.precision),
        "date_start": r.date.start or "",
        "date_end": r.date.end or "",
        "deaths_a": deaths_a,
        "deaths_b": deaths_b,
        "deaths_civilians": deaths_civ,
        "deaths_unknown": max(0, best - deaths_civ - deaths_a - deaths_b),
        "best": best,
        "high": max(best, deaths(r, bound="high")),
        "low": min(best, deaths(r, bound="low")),
    }
    return [values[c] for c in UCDP_COLUMNS]


def where_prec(geo: Geo | None) -> Any:
    """GED's where_prec of a geocoded place: 1 the place, 2 within 25 km of it, 3 a district
    (second-order division), 4 a province, 6 the country; empty when not geocoded.

    >>> where_prec(Geo("Idlib", None, 35.9, 36.6, "SYR", "Syria", "Idlib", None, 3))
    4
    """
    if geo is None or not geo.geo_precision:
        return ""
    if geo.geo_precision == 3 and geo.admin1 is None:
        return 6  # a country-level place has no province
    if geo.geo_precision == 2 and geo.admin2 and geo.name == geo.admin2:
        return 3
    return _WHERE_PREC.get(geo.geo_precision, "")


def _names_one_of(counted: str | None, actors: Sequence[ActorRef]) -> bool:
    """Whether a count's noun names one of the actors ("three soldiers" and the actor "soldiers")."""
    if not counted:
        return False
    low = counted.lower()
    return any(a.text.lower() in low or low in a.text.lower() for a in actors)
