"""Typed, frozen output types: entities and event records.

``to_dict()`` gives the JSON of the record schema, version 2
(``resources/event-record.schema.v2.json``).

>>> Entity("ACTOR", 0, 6, "Rebels", 0.98).to_dict()
{'label': 'ACTOR', 'start': 0, 'end': 6, 'text': 'Rebels', 'score': 0.98}
>>> d = EventDate("2024-05-06", "week", "last week")
>>> d.start, d.end, d.source
('2024-05-06', '2024-05-12', 'text')
"""

from __future__ import annotations

import calendar
from dataclasses import asdict, dataclass, field
from datetime import date as _date, timedelta
from typing import Any, Literal

#: The record format version this package writes (see ``conflict_ner.schema``).
RECORD_VERSION = "2"

#: ``other``: takes part in the act but neither did nor suffered it (a mediator, an ally named but
#: not acting); ``unknown``: a rule could not tell (version-1 gold's ``unknown`` is read as ``other``).
Role = Literal["initiator", "target", "other", "unknown"]
Precision = Literal["day", "week", "month", "year", "unknown"]
Outcome = Literal["killed", "injured", "captured", "displaced", "intercepted", "destroyed", "other"]
Modality = Literal["asserted", "negated", "claimed", "threatened", "planned"]
DateSource = Literal["text", "publication", "carried"]

#: ACLED's event types and their sub-event types, exactly as ACLED spells them.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
#: The event type of each sub-event type.
TYPE_OF_SUB_EVENT: dict[str, str] = {sub: t for t, subs in EVENT_TYPES.items() for sub in subs}


@dataclass(frozen=True)
class Entity:
    """A predicted entity span: ``text == input[start:end]`` of the original input."""

    label: str
    start: int
    end: int
    text: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class TextSpan:
    """A piece of the input: ``text == input[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ActorRef(TextSpan):
    """An actor of a record; ``canonical``, ``actor_type`` and ``inter_code`` (ACLED's 1-8) are the
    actor's identity once resolved (empty until then)."""

    role: Role = "unknown"
    canonical: str | None = None
    actor_type: str | None = None
    inter_code: int | None = None


@dataclass(frozen=True)
class Geo:
    """Where a place lies, once geocoded: a gazetteer entry and ACLED's ``geo_precision``
    (1 the place itself, 2 a nearby or part-of place, 3 only its province/region)."""

    name: str | None = None
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country_iso: str | None = None  # ISO 3166-1 alpha-3
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geo_precision: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PlaceRef(TextSpan):
    """A place of a record; ``geo`` is its gazetteer entry once geocoded (None until then)."""

    geo: Geo | None = None


@dataclass(frozen=True)
class CountRef(TextSpan):
    value: int | None = None
    low: int | None = None
    high: int | None = None
    counted: str | None = None
    outcome: Outcome = "other"
    cumulative: bool = False


@dataclass(frozen=True)
class EventDate:
    """When the act happened: ``value`` with its ``precision`` (as the DATE span says), the range
    ``[start, end]`` it stands for (UCDP's date_start/date_end) and where it came from.

    ``start``/``end`` default to the calendar range of ``value`` and ``precision`` (a week's
    Monday to Sunday, a month's first to last day; one day otherwise); ``source`` defaults to
    ``text`` when a DATE span gave the date, else ``publication``. Two dates are equal when
    they name the same time, whatever their source.

    >>> EventDate("2024-02-01", "month", "in February").end
    '2024-02-29'
    >>> EventDate("2024-05-06", "day", "Monday") == EventDate("2024-05-06", "day", "Monday", source="carried")
    True
    """

    value: str | None
    precision: Precision
    text: str | None
    start: str | None = field(default=None, repr=False)
    end: str | None = field(default=None, repr=False)
    source: DateSource | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.start is None and self.end is None and self.value is not None:
            start, end = date_range(self.value, self.precision)
            object.__setattr__(self, "start", start)
            object.__setattr__(self, "end", end)
        if self.source is None:
            object.__setattr__(self, "source", "publication" if self.text is None else "text")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def date_range(value: str, precision: str) -> tuple[str, str]:
    """The first and last day a date of this precision stands for (ISO strings).

    >>> date_range("2024-04-29", "week"), date_range("2023-01-01", "year")
    (('2024-04-29', '2024-05-05'), ('2023-01-01', '2023-12-31'))
    """
    day = _date.fromisoformat(value)
    if precision == "week":
        last = day + timedelta(days=6)
    elif precision == "month":
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    elif precision == "year":
        last = day.replace(month=12, day=31)
    else:  # a day; or the publication day, before which the act happened (precision unknown)
        last = day
    return value, last.isoformat()


@dataclass(frozen=True)
class EventRecord:
    """One reported act of violence or military action, or its direct outcome."""

    doc_id: str | None
    sentence: TextSpan
    date: EventDate
    actors: tuple[ActorRef, ...] = ()
    locations: tuple[TextSpan, ...] = ()
    weapons: tuple[TextSpan, ...] = ()
    counts: tuple[CountRef, ...] = ()
    modality: Modality = "asserted"
    attribution: TextSpan | None = None
    confidence: float = 1.0
    schema_version: str = RECORD_VERSION
    # ACLED's codebook catch-all until a rule or model types the record
    event_type: str = "Strategic developments"
    sub_event_type: str = "Other"
    #: the word(s) of the sentence that name the act (``shelled``, ``air strike``), once found
    trigger: TextSpan | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as schema JSON (field order as in the guidelines); every location has its
        ``geo`` slot and every actor its identity slots, empty until filled."""
        return {
            "schema_version": self.schema_version,
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "sentence": self.sentence.to_dict(),
            "date": self.date.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "locations": [_place_dict(x) for x in self.locations],
            "weapons": [x.to_dict() for x in self.weapons],
            "counts": [c.to_dict() for c in self.counts],
            "modality": self.modality,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "confidence": round(float(self.confidence), 4),
        }


def _place_dict(place: TextSpan) -> dict[str, Any]:
    out = TextSpan.to_dict(TextSpan(place.text, place.start, place.end))
    geo = getattr(place, "geo", None)
    out["geo"] = geo.to_dict() if geo is not None else None
    return out
