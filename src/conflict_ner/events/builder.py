"""Event records from (text, entities, publication date): one record per sentence that reports violence.

>>> text = "Rebels shelled Hama on Monday, killing 3 civilians."
>>> ents = [Entity(label, text.index(w), text.index(w) + len(w), w, 0.9) for label, w in
...         [("ACTOR", "Rebels"), ("LOCATION", "Hama"), ("DATE", "Monday"), ("COUNT", "3"), ("ACTOR", "civilians")]]
>>> rec = build_records(text, ents, "2024-05-08", "doc-1")[0]
>>> rec.date.value, [(a.text, a.role) for a in rec.actors], rec.counts[0].outcome
('2024-05-06', [('Rebels', 'initiator'), ('civilians', 'target')], 'killed')
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from conflict_ner.errors import DataError
from conflict_ner.events.attribution import attribution
from conflict_ner.events.counts import counted_noun, is_cumulative, normalize_count, outcome_for
from conflict_ner.events.dates import parse_published, publication_date, record_date
from conflict_ner.events.furniture import is_furniture
from conflict_ner.events.modality import modality, speaks_as_party
from conflict_ner.events.roles import assign_roles
from conflict_ner.events.sentences import dateline_end, split_sentences
from conflict_ner.events.triggers import reports_violence
from conflict_ner.labels import LABELS
from conflict_ner.records import CountRef, Entity, EventRecord, TextSpan

#: How sure the rules are that a sentence reports an act, by what qualified it.
CERTAINTY = {"trigger": 1.0, "count": 0.8, "weapon": 0.6}
# A record with no actor, place, weapon or count says little about the act.
_BARE_FACTOR = 0.8


def build_records(text: str, entities: Sequence[Entity], published: str | None,
                  doc_id: str | None = None) -> list[EventRecord]:
    """Event records of one document, in text order.

    ``entities`` index ``text``; a DATE or LOCATION inside a dateline
    (``KHARTOUM, May 8 (Reuters) -``) does not date or place the act. A record
    without a DATE of its own takes the narrative's date: the first act DATE of the
    document before it (wire paragraphs are one sentence long, so the lede's date
    carries through the story). Furniture sentences yield nothing and give no dates.
    """
    _check(text, entities, doc_id)
    parse_published(published)  # fail on a bad date before any work
    ordered = sorted(entities, key=lambda e: (e.start, e.end))
    starts = [e.start for e in ordered]
    records: list[EventRecord] = []
    seen_dates: list[Entity] = []
    party_document = speaks_as_party(text)
    for start, end in split_sentences(text):
        sentence = text[start:end]
        if is_furniture(sentence):
            continue
        body_start = start + dateline_end(sentence)
        first, last = bisect_left(starts, body_start), bisect_left(starts, end)
        ents = [e for e in ordered[first:last] if e.end <= end]
        record = _record(text, start, end, ents, seen_dates, published, doc_id, party_document)
        if record is not None:
            records.append(record)
        seen_dates += [e for e in ents if e.label == "DATE"]
    return records


def _record(text: str, start: int, end: int, ents: list[Entity], seen_dates: list[Entity],
            published: str | None, doc_id: str | None, party_document: bool) -> EventRecord | None:
    sentence = text[start:end]
    by_label: dict[str, list[Entity]] = {label: [] for label in LABELS}
    for e in ents:
        by_label[e.label].append(e)
    counts = _counts(sentence, start, by_label["COUNT"])
    if reports_violence(sentence):
        certainty = CERTAINTY["trigger"]
    elif any(c.outcome != "other" for c in counts):
        certainty = CERTAINTY["count"]
    elif by_label["WEAPON"]:
        certainty = CERTAINTY["weapon"]
    else:
        return None
    actors = assign_roles(sentence, start, by_label["ACTOR"])
    locations = tuple(TextSpan(e.text, e.start, e.end) for e in by_label["LOCATION"])
    weapons = tuple(TextSpan(e.text, e.start, e.end) for e in by_label["WEAPON"])
    if any(c.cumulative for c in counts):
        # a running total covers a period: its date is not the period's start (ANNOTATION.md)
        date = publication_date(published)
    else:
        date = record_date(by_label["DATE"], seen_dates, published, text)
    source = attribution(sentence, start, ents)
    kept = {(a.start, a.end) for a in actors}
    used = [e for e in ents if e.label != "ACTOR" or (e.start, e.end) in kept]
    if date.text is not None and by_label["DATE"]:
        used = [e for e in used if e.label != "DATE" or e.text == date.text]
    else:
        used = [e for e in used if e.label != "DATE"]
    base = sum(e.score for e in used) / len(used) if used else 1.0
    if not (actors or locations or weapons or counts):
        certainty *= _BARE_FACTOR
    return EventRecord(
        doc_id=doc_id,
        sentence=TextSpan(sentence, start, end),
        date=date,
        actors=tuple(actors),
        locations=locations,
        weapons=weapons,
        counts=counts,
        modality=modality(sentence, source.text if source else None, party_document),
        attribution=source,
        confidence=min(1.0, max(0.0, base * certainty)),
    )


def _counts(sentence: str, start: int, counts: list[Entity]) -> tuple[CountRef, ...]:
    local = [(e.start - start, e.end - start) for e in counts]
    out = []
    for e, (ls, le) in zip(counts, local):
        value, low, high = normalize_count(e.text)
        others = tuple(span for span in local if span != (ls, le))
        out.append(CountRef(
            e.text, e.start, e.end, value=value, low=low, high=high,
            counted=counted_noun(sentence, le)[0],
            outcome=outcome_for(sentence, ls, le, others),
            cumulative=is_cumulative(sentence, ls, le),
        ))
    return tuple(out)


def _check(text: str, entities: Sequence[Entity], doc_id: str | None) -> None:
    for e in entities:
        if e.label not in LABELS:
            raise DataError(f"unknown entity label {e.label!r}", doc_id=doc_id, offset=e.start)
        if not (0 <= e.start < e.end <= len(text)) or text[e.start:e.end] != e.text:
            raise DataError(f"entity {e.text!r} [{e.start}, {e.end}) does not match the text",
                            doc_id=doc_id, offset=e.start)
