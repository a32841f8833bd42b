"""ACLED's export format: its 31 columns, in its order, with its meanings and codes.

One row per event and location (a record naming three places gives three rows, its fatalities
shared over them so that they still add up); acts that were denied, threatened or planned are
no events and give no row. Columns that need a gazetteer or an actor table (``iso``, ``region``,
``country``, ``admin1-3``, ``latitude``, ``longitude``, ``geo_precision``, ``inter1/2``,
``interaction``) stay empty until the record's ``geo`` and actor slots are filled; ``location``
and ``actor1/2`` hold the text as written until then. A row placed by the geocoder credits
GeoNames (CC BY 4.0) in ``tags``; ``admin3`` stays empty (no gazetteer source gives it).

>>> ACLED_COLUMNS[:4], len(ACLED_COLUMNS)
(['event_id_cnty', 'event_date', 'year', 'time_precision'], 31)
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

from conflict_ner.events.types import civilian_target
from conflict_ner.geo.gazetteer import CREDIT as GEO_CREDIT
from conflict_ner.geo.regions import acled_region
from conflict_ner.exports.common import (deaths, join, middle_day, names, one_line, outlet, reported,
                                         sides, split_evenly)
from conflict_ner.records import EventRecord, TextSpan

ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp"]
#: pandas dtypes of an ACLED file (``pd.read_csv(path, dtype=ACLED_DTYPES)``): ACLED's integer codes
#: as nullable integers (empty until geocoding and actor identity fill them), coordinates as floats.
ACLED_DTYPES: dict[str, str] = {c: "str" for c in ACLED_COLUMNS} | {
    "year": "Int64", "time_precision": "int64", "inter1": "Int64", "inter2": "Int64", "interaction": "Int64",
    "iso": "Int64", "latitude": "float64", "longitude": "float64", "geo_precision": "Int64", "fatalities": "int64",
    "timestamp": "int64"}
#: ACLED's time precision: 1 the day is known, 2 the week or a few days, 3 only the month (or less).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}
#: ACLED's disorder type of each sub-event type.
DISORDER_TYPE: dict[str, str] = {
    **{s: "Political violence" for s in (
        "Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Chemical weapon",
        "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
        "Grenade", "Sexual violence", "Attack", "Abduction/forced disappearance", "Mob violence")},
    **{s: "Demonstrations" for s in ("Peaceful protest", "Protest with intervention", "Violent demonstration")},
    "Excessive force against protesters": "Political violence; Demonstrations",
    **{s: "Strategic developments" for s in (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established",
        "Looting/property destruction", "Non-violent transfer of territory", "Other")},
}


def acled_rows(records: Sequence[EventRecord], doc_id: str | None, fields: Mapping[str, Any] | None = None,
               *, now: float | None = None) -> list[list[Any]]:
    """ACLED rows of one document's records (``fields``: the input's ``url``, ``site``...).

    ``event_id_cnty`` is ``<doc_id>-<n>`` (n counts the document's rows); ``event_date`` is the
    day, or the middle of the week or month the record's date stands for; ``source`` the
    outlet and the record's attribution; ``tags`` what ACLED has no column for (a party's
    claim, where the date came from, the rules' confidence); ``timestamp`` when the row was
    written (Unix seconds).
    """
    stamp = int(time.time() if now is None else now)
    rows: list[list[Any]] = []
    for record in reported(records):
        places: Sequence[TextSpan | None] = record.locations or [None]
        for place, fatalities in zip(places, split_evenly(deaths(record), len(places))):
            rows.append(_row(record, place, fatalities, f"{doc_id or ''}-{len(rows) + 1}", fields, stamp))
    return rows


def _row(r: EventRecord, place: TextSpan | None, fatalities: int, event_id: str,
         fields: Mapping[str, Any] | None, stamp: int) -> list[Any]:
    side1, side2 = sides(r)
    names1, names2 = names(side1), names(side2)
    inter1 = side1[0].inter_code if side1 else None
    inter2 = side2[0].inter_code if side2 else None
    geo = getattr(place, "geo", None)
    day = middle_day(r.date.start, r.date.end) if r.date.precision in ("week", "month", "year") else r.date.value
    tags = [f"modality={r.modality}"] if r.modality != "asserted" else []
    if r.date.source != "text":
        tags.append(f"date_source={r.date.source}")
    tags.append(f"confidence={r.confidence:.2f}")
    if geo is not None and geo.latitude is not None:
        tags.append(f"geo={GEO_CREDIT}")  # GeoNames' licence asks for the credit wherever its data goes
    values = {
        "event_id_cnty": event_id,
        "event_date": day or "",
        "year": int(day[:4]) if day else "",
        "time_precision": TIME_PRECISION[r.date.precision],
        "disorder_type": DISORDER_TYPE[r.sub_event_type],
        "event_type": r.event_type,
        "sub_event_type": r.sub_event_type,
        "actor1": names1[0] if names1 else "",
        "assoc_actor_1": join(names1[1:]),
        "inter1": _code(inter1),
        "actor2": names2[0] if names2 else "",
        "assoc_actor_2": join(names2[1:]),
        "inter2": _code(inter2),
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian_target(r.actors, r.counts) else "",
        "iso": _code(iso_numeric(geo.country_iso) if geo and geo.country_iso else None),
        "region": (acled_region(geo.country_iso) or "") if geo else "",
        "country": (geo.country or "") if geo else "",
        "admin1": (geo.admin1 or "") if geo else "",
        "admin2": (geo.admin2 or "") if geo else "",
        "admin3": "",
        "location": (geo.name if geo and geo.name else one_line(place.text)) if place is not None else "",
        "latitude": geo.latitude if geo and geo.latitude is not None else "",
        "longitude": geo.longitude if geo and geo.longitude is not None else "",
        "geo_precision": _code(geo.geo_precision if geo else None),
        "source": join([outlet(fields), one_line(r.attribution.text) if r.attribution else None]),
        "source_scale": "",
        "notes": one_line(r.sentence.text),
        "fatalities": fatalities,
        "tags": "; ".join(tags),
        "timestamp": stamp,
    }
    return [values[c] for c in ACLED_COLUMNS]


def _code(value: int | None) -> Any:
    return "" if value is None else int(value)


def _interaction(inter1: int | None, inter2: int | None) -> Any:
    """ACLED's interaction code: the two actor codes, lower first (``13``); one actor alone: ``10``.

    >>> _interaction(3, 1), _interaction(2, None), _interaction(None, 7)
    (13, 20, '')
    """
    if inter1 is None:
        return ""
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def iso_numeric(alpha3: str) -> int | None:
    """ISO 3166-1 numeric code of an alpha-3 code (``SYR`` -> 760), with pycountry (installed with
    the geocoder); None without it or for an unknown code."""
    try:
        import pycountry
    except ImportError:
        return None
    country = pycountry.countries.get(alpha_3=alpha3.upper())
    return int(country.numeric) if country is not None else None
