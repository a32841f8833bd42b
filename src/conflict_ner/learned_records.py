"""Records that learned triggers start in sentences where the rules made none (pure).

The event rules only make a record where their word lists see an act. A learned trigger in a
sentence without a rule record starts one from that sentence's entities, built with the
rules' own parts: roles (:func:`~conflict_ner.events.roles.assign_roles`), counts, source and
modality. The date is the sentence's own act date, else the date of the record just before
it (a sentence without a date takes the most recent act date, as the rules do), else the
publication date. The type is the trigger's. Several triggers in one sentence make one
record each; every entity goes to the nearest trigger.

>>> from conflict_ner.records import Entity
>>> from conflict_ner.tagging.event_decoding import PredictedTrigger as T
>>> text = "Gunmen abducted 4 aid workers near Kidal."
>>> ents = [Entity("ACTOR", 0, 6, "Gunmen", .9), Entity("COUNT", 16, 17, "4", .9),
...         Entity("ACTOR", 18, 29, "aid workers", .9), Entity("LOCATION", 35, 40, "Kidal", .9)]
>>> [rec] = records_from_triggers(text, [T(7, 15, "Abduction/forced disappearance", .8)], ents, "2024-05-08", "d")
>>> rec.event_type, rec.trigger.text, [a.text for a in rec.actors], rec.locations[0].text
('Violence against civilians', 'abducted', ['Gunmen', 'aid workers'], 'Kidal')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from conflict_ner.events.attribution import attribution
from conflict_ner.events.counts import count_refs
from conflict_ner.events.date_ranges import with_range
from conflict_ner.events.dates import is_reporting_date, publication_date, resolve_date
from conflict_ner.events.furniture import is_furniture
from conflict_ner.events.modality import modality, speaks_as_party
from conflict_ner.events.roles import assign_roles
from conflict_ner.events.sentence import Sentence
from conflict_ner.records import TYPE_OF_SUB_EVENT, Entity, EventDate, EventRecord, PlaceRef, TextSpan
from conflict_ner.text.published import parse_published
from conflict_ner.text.sentences import split_sentences


def records_from_triggers(text: str, triggers: Sequence, entities: Sequence[Entity],
                          published: date | str | None, doc_id: str | None,
                          existing: Sequence[EventRecord] = ()) -> list[EventRecord]:
    """New records for the ``triggers`` (``start``, ``end``, ``sub_event_type``, ``score``)
    that sit in a sentence holding none of the ``existing`` records, in text order."""
    published = parse_published(published)
    taken = [(r.sentence.start, r.sentence.end) for r in existing]
    party_document = speaks_as_party(text)
    out = []
    for start, end in split_sentences(text):
        mine = [t for t in triggers if start <= t.start and t.end <= end]
        if not mine or any(a < end and start < b for a, b in taken):
            continue
        sentence = Sentence(text[start:end], start)
        if is_furniture(sentence.text):
            continue
        ents = [e for e in entities if start <= e.start and e.end <= end]
        before = [r for r in list(existing) + out if r.sentence.end <= start]
        previous = max(before, key=lambda r: r.sentence.start).date if before else None
        out += sentence_records(text, sentence, mine, ents, published, doc_id, previous, party_document)
    return out


def sentence_records(text: str, sentence: Sentence, triggers: Sequence, ents: Sequence[Entity],
                     published: date | None, doc_id: str | None, previous: EventDate | None,
                     party_document: bool = False) -> list[EventRecord]:
    """One record per trigger of ``sentence``; each entity goes to the nearest trigger."""
    def nearest(e) -> int:
        return min(range(len(triggers)), key=lambda i: distance(e, triggers[i]))

    source = attribution(sentence, ents)
    out = []
    for i, trig in enumerate(triggers):
        own = [e for e in ents if nearest(e) == i]
        dates = [e for e in own if e.label == "DATE" and not is_reporting_date(text, e)] or \
            [e for e in ents if e.label == "DATE" and not is_reporting_date(text, e)]
        when = with_range(resolve_date(dates[0].text, published), published) if dates else \
            previous or publication_date(published)
        act = (trig.start - sentence.start, trig.end - sentence.start)
        out.append(EventRecord(
            doc_id=doc_id,
            event_type=TYPE_OF_SUB_EVENT[trig.sub_event_type],
            sub_event_type=trig.sub_event_type,
            trigger=TextSpan(text[trig.start:trig.end], trig.start, trig.end),
            sentence=TextSpan(sentence.text, sentence.start, sentence.start + len(sentence.text)),
            date=when,
            actors=tuple(assign_roles(sentence, [e for e in own if e.label == "ACTOR"])),
            locations=tuple(PlaceRef(e.text, e.start, e.end) for e in own if e.label == "LOCATION"),
            weapons=tuple(TextSpan(e.text, e.start, e.end) for e in own if e.label == "WEAPON"),
            counts=tuple(count_refs(sentence, [e for e in own if e.label == "COUNT"])),
            modality=modality(sentence, source.text if source else None, party_document, act=act),
            attribution=source,
            confidence=float(trig.score),
        ))
    return out


def distance(span, other) -> int:
    """Characters between two spans (0 when they overlap).

    >>> a, b, c = TextSpan("", 0, 4), TextSpan("", 10, 12), TextSpan("", 3, 8)
    >>> distance(a, b), distance(b, a), distance(a, c)
    (6, 6, 0)
    """
    if span.end <= other.start:
        return other.start - span.end
    if other.end <= span.start:
        return span.start - other.end
    return 0

