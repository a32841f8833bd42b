"""Actor identities written into event records: each :class:`~conflict_ner.records.ActorRef`
gets ``canonical``, ``actor_type`` and ``inter_code`` from the resolver, which sees all the
article's ACTOR entities (for acronyms and earlier mentions) and LOCATION entities (for the
article's country).

>>> from conflict_ner.records import ActorRef, EventDate, EventRecord, TextSpan, Entity
>>> text = "Syrian troops shelled Idlib."
>>> record = EventRecord("d", TextSpan(text, 0, len(text)), EventDate(None, "unknown", None),
...                      actors=(ActorRef("Syrian troops", 0, 13, "initiator"),))
>>> out = with_identities([record], text, [Entity("ACTOR", 0, 13, "Syrian troops", 1.0)], ActorResolver(),
...                       published=date(2019, 5, 6))
>>> out[0].actors[0].canonical, out[0].actors[0].inter_code
('Military Forces of Syria (2000-2024)', 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from conflict_ner.actors.resolve import ActorResolver
from conflict_ner.records import Entity, EventRecord


def with_identities(records: Sequence[EventRecord], text: str, entities: Sequence[Entity], resolver: ActorResolver,
                    published: date | None = None) -> list[EventRecord]:
    """``records`` with their actors' identity slots filled (an actor left unresolved keeps None).

    ``published`` picks government periods; without it, the first record's date does (else the latest period)."""
    spans = sorted({(e.start, e.end) for e in entities if e.label == "ACTOR"}
                   | {(a.start, a.end) for r in records for a in r.actors})
    if not spans:
        return list(records)
    places = [e.text for e in entities if e.label == "LOCATION"]
    if published is None:
        published = next((date.fromisoformat(r.date.value) for r in records if r.date.value), None)
    found = dict(zip(spans, resolver.resolve(text, spans, published=published, places=places)))
    out = []
    for record in records:
        actors = tuple(replace(a, canonical=found[(a.start, a.end)].canonical,
                               actor_type=found[(a.start, a.end)].actor_type,
                               inter_code=found[(a.start, a.end)].inter_code) for a in record.actors)
        out.append(replace(record, actors=actors))
    return out
