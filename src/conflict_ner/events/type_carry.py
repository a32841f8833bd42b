"""Types the sentence alone cannot tell, from the act's trigger and the document.

:func:`.types.decide` marks a type *weak* when only a fallback gave it ("three soldiers were
killed": Armed clash; "nine civilians died": Attack). Such a record is often an outcome of an
act told before ("a strike hit the market", then "a doctor said 27 were treated"), which the
codebook types as that act (ANNOTATION.md section 9). So, in document order, a weak record
takes the type its trigger almost always has in train gold (:mod:`.type_lexicon`), else the
type of the last record before it whose own cues named its kind.

>>> from conflict_ner.events import build_records
>>> text = "Warplanes bombed Ariha on Monday. Nine people were killed, a monitor said."
>>> [r.sub_event_type for r in build_records(text, [], "2024-05-08")]
['Air/drone strike', 'Air/drone strike']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from conflict_ner.events.sentence import Sentence
from conflict_ner.events.type_lexicon import likely_type
from conflict_ner.events.types import Decision, decide, typed
from conflict_ner.records import EventRecord

Lexicon = Callable[[str], "str | None"]
#: The event types whose acts have outcomes told apart (a toll, a wounded count, a denial).
CARRIED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def settle_types(records: Sequence[EventRecord], lexicon: Lexicon = likely_type) -> list[EventRecord]:
    """The records with their weak types settled by trigger, then by the last cue-typed record."""
    per_sentence: dict[int, int] = {}
    for r in records:
        per_sentence[r.sentence.start] = per_sentence.get(r.sentence.start, 0) + 1
    out, last, taken = [], None, None
    for r in records:
        # a sentence of several acts was split by act words, so each act's type has its cue
        basis = _decision(r).basis if per_sentence[r.sentence.start] == 1 else "cue"
        if basis == "taker":  # a place taken by no one named: as the last capture before it
            out.append(_retyped(r, taken) if taken else r)
            continue
        if r.sub_event_type in TERRITORY:
            taken = r.sub_event_type
        if basis == "cue":
            if r.event_type in CARRIED:
                last = r.sub_event_type
            out.append(r)
            continue
        sub = (lexicon(r.trigger.text) if r.trigger else None) or (last if basis == "fallback" else None)
        out.append(_retyped(r, sub) if sub else r)
    return out


def _decision(record: EventRecord) -> Decision:
    """The rules' decision for a record that is its sentence's only act."""
    s = record.sentence
    return decide(Sentence(s.text, s.start), record.actors, record.weapons, record.counts, record.locations)


def _retyped(record: EventRecord, sub_event_type: str) -> EventRecord:
    kind = typed(sub_event_type)
    return replace(record, event_type=kind.event_type, sub_event_type=kind.sub_event_type)
