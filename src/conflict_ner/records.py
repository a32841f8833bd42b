"""Typed, frozen output types: entities and event records.

``to_dict()`` gives the JSON of ``event-record.schema.json``.

>>> Entity("ACTOR", 0, 6, "Rebels", 0.98).to_dict()
{'label': 'ACTOR', 'start': 0, 'end': 6, 'text': 'Rebels', 'score': 0.98}
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Role = Literal["initiator", "target", "unknown"]
Precision = Literal["day", "week", "month", "year", "unknown"]
Outcome = Literal["killed", "injured", "captured", "displaced", "intercepted", "destroyed", "other"]
Modality = Literal["asserted", "negated", "claimed", "threatened", "planned"]


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
    role: Role = "unknown"


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
    value: str | None
    precision: Precision
    text: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


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
    schema_version: str = "1"

    def to_dict(self) -> dict[str, Any]:
        """The record as schema JSON (field order as in the guidelines)."""
        return {
            "schema_version": self.schema_version,
            "doc_id": self.doc_id,
            "sentence": self.sentence.to_dict(),
            "date": self.date.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "locations": [x.to_dict() for x in self.locations],
            "weapons": [x.to_dict() for x in self.weapons],
            "counts": [c.to_dict() for c in self.counts],
            "modality": self.modality,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "confidence": round(float(self.confidence), 4),
        }
