"""Rules, learned heads, or both: the per-field choice applied to a document's records (pure).

The event rules build the records; a model with event heads
(:mod:`conflict_ner.tagging.event_heads`) then changes, per field, what its choice says:

- ``triggers`` (the act word, hence one record per act, and ``sub_event_type``):
  ``rules`` keeps the rules' records; ``learned`` keeps a rule record only where the heads
  found an act in its sentence, one record per predicted trigger (a multi-act sentence is
  split: each entity goes to the act whose trigger is nearest), typed by the trigger;
  ``both`` keeps every rule record, splits it where the heads found several acts and types
  it by the heads' trigger where there is one. With the document's entities given,
  ``learned`` and ``both`` also start a record at each learned trigger in a sentence the
  rules made none for (:mod:`conflict_ner.learned_records`). ``types`` keeps the rules'
  records as they are but takes the sub-event type of the heads' trigger in the record's
  sentence (the nearest one to the rules' trigger).
- ``roles``: ``learned`` gives each actor the heads' role (an actor the heads call no party
  leaves the record); ``both`` keeps the rules' role unless they could not tell (``unknown``);
  ``prune`` is ``both`` where, besides, an actor the heads call no party with probability at
  least :data:`NO_PARTY_CONFIDENCE` leaves the record (the heads' confident "no party" is
  worth more than their role: taking their role where it is confident lowers dev, section 9).
- ``modality``: ``learned`` reads it on the record's trigger; ``both`` keeps the rules' unless
  they said ``asserted`` (their default) and the heads say otherwise.

The choice is saved with the model (``conflict_ner.event_heads.fields`` on config.json),
picked on dev by ``conflict-ner choose-event-fields``; a missing field means ``rules``.

>>> from conflict_ner.records import ActorRef, EventDate, EventRecord, TextSpan
>>> text = "Rebels shelled Hama as troops ambushed a convoy."
>>> rec = EventRecord("d", TextSpan(text, 0, len(text)), EventDate(None, "unknown", None),
...                   actors=(ActorRef("Rebels", 0, 6, "initiator"), ActorRef("troops", 23, 29, "unknown")))
>>> class Heads:  # what the heads read in this text
...     def triggers(self): return [T(7, 14, "Shelling/artillery/missile attack", .9), T(30, 38, "Armed clash", .8)]
...     def role_of(self, s, e): return ("initiator", .9)
...     def modality_of(self, s, e): return ("asserted", .9)
>>> from conflict_ner.tagging.event_decoding import PredictedTrigger as T
>>> out = apply_fields([rec], text, Heads(), {"triggers": "learned", "roles": "both"})
>>> [(r.trigger.text, r.sub_event_type, [(a.text, a.role) for a in r.actors]) for r in out]
[('shelled', 'Shelling/artillery/missile attack', [('Rebels', 'initiator')]), ('ambushed', 'Armed clash', [('troops', 'initiator')])]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import get_args

from conflict_ner.records import TYPE_OF_SUB_EVENT, EventRecord, Role, TextSpan

#: the fields a choice covers, and the choices
FIELDS = ("triggers", "roles", "modality")
CHOICES = ("rules", "learned", "both")
#: the choices of each field (``types``: the rules' records, the heads' sub-event types)
FIELD_CHOICES = {"triggers": CHOICES + ("types",), "roles": CHOICES + ("prune",), "modality": CHOICES}
#: ``roles: prune``: how sure the heads must be that an actor is no party to drop it
#: (chosen once on dev, the mean of three seeds; section 9)
NO_PARTY_CONFIDENCE = 0.8
#: the head each field reads
HEAD_OF_FIELD = {"triggers": "triggers", "roles": "roles", "modality": "modality"}
_ROLES = set(get_args(Role))


def check_fields(fields: Mapping[str, str]) -> dict[str, str]:
    """``fields`` with every field present (missing ones ``rules``), or ``ValueError``.

    >>> check_fields({"roles": "both"})
    {'triggers': 'rules', 'roles': 'both', 'modality': 'rules'}
    """
    unknown = set(fields) - set(FIELDS)
    bad = {k: v for k, v in fields.items() if k in FIELD_CHOICES and v not in FIELD_CHOICES[k]}
    if unknown or bad:
        raise ValueError(f"event fields: unknown {sorted(unknown)} or bad choices {bad}; "
                         f"the choices of each field are {FIELD_CHOICES}")
    return {f: fields.get(f, "rules") for f in FIELDS}


def apply_fields(records: Sequence[EventRecord], text: str, events, fields: Mapping[str, str],
                 entities: Sequence | None = None, published=None, doc_id: str | None = None
                 ) -> list[EventRecord]:
    """The rule ``records`` of ``text`` changed as ``fields`` choose, from ``events`` (the
    heads' reading: ``triggers()``, ``role_of(start, end)``, ``modality_of(start, end)``).
    With the document's ``entities`` (and ``published``, ``doc_id``), learned triggers in
    sentences without a rule record start records of their own."""
    fields = check_fields(fields)
    if events is None or all(v == "rules" for v in fields.values()):
        return list(records)
    out = list(records)
    if fields["triggers"] == "types":
        out = [_retyped(r, events.triggers()) for r in out]
    elif fields["triggers"] != "rules":
        out = _apply_triggers(out, text, events.triggers(), fields["triggers"])
        if entities is not None:
            from conflict_ner.learned_records import records_from_triggers

            new = records_from_triggers(text, events.triggers(), entities, published, doc_id, records)
            out = sorted(out + new, key=lambda r: (r.sentence.start, r.trigger.start if r.trigger else 0))
    if fields["roles"] != "rules":
        out = [_apply_roles(r, events, fields["roles"]) for r in out]
    if fields["modality"] != "rules":
        out = [_apply_modality(r, text, events, fields["modality"]) for r in out]
    return out


def _apply_triggers(records: list[EventRecord], text: str, triggers: Sequence, mode: str) -> list[EventRecord]:
    out = []
    # where the rules already split a sentence into acts, each learned trigger goes to the rule
    # record whose trigger is nearest, so no act is counted twice
    owner: dict[int, int] = {}
    for t in triggers:
        same = [i for i, r in enumerate(records) if r.sentence.start <= t.start and t.end <= r.sentence.end]
        if len(same) > 1:
            owner[id(t)] = min(same, key=lambda i: _distance(records[i].trigger, t) if records[i].trigger else 0)
    for k, rec in enumerate(records):
        inside = [t for t in triggers if rec.sentence.start <= t.start and t.end <= rec.sentence.end
                  and owner.get(id(t), k) == k]
        if not inside:
            if mode == "both":
                out.append(rec)
            continue
        if len(inside) == 1:
            out.append(_typed(rec, text, inside[0]))
            continue
        out.extend(_split(rec, text, inside))
    return out


def _retyped(rec: EventRecord, triggers: Sequence) -> EventRecord:
    """``rec`` with the sub-event type of the learned trigger nearest its own in its sentence."""
    inside = [t for t in triggers if rec.sentence.start <= t.start and t.end <= rec.sentence.end]
    if not inside:
        return rec
    best = min(inside, key=lambda t: _distance(rec.trigger, t) if rec.trigger else 0)
    return replace(rec, sub_event_type=best.sub_event_type, event_type=TYPE_OF_SUB_EVENT[best.sub_event_type])


def _typed(rec: EventRecord, text: str, trigger) -> EventRecord:
    return replace(rec, trigger=TextSpan(text[trigger.start:trigger.end], trigger.start, trigger.end),
                   sub_event_type=trigger.sub_event_type, event_type=TYPE_OF_SUB_EVENT[trigger.sub_event_type])


def _split(rec: EventRecord, text: str, triggers: Sequence) -> list[EventRecord]:
    """One record per trigger; each actor, place, weapon and count goes to the nearest trigger."""
    def nearest(span) -> int:
        return min(range(len(triggers)), key=lambda i: _distance(span, triggers[i]))

    parts = []
    for i, trig in enumerate(triggers):
        mine = {name: tuple(x for x in getattr(rec, name) if nearest(x) == i)
                for name in ("actors", "locations", "weapons", "counts")}
        parts.append(replace(_typed(rec, text, trig), **mine))
    return parts


def _distance(span, trigger) -> int:
    if span.end <= trigger.start:
        return trigger.start - span.end
    if trigger.end <= span.start:
        return span.start - trigger.end
    return 0


def _apply_roles(rec: EventRecord, events, mode: str) -> EventRecord:
    actors = []
    for actor in rec.actors:
        found = events.role_of(actor.start, actor.end)
        if found is None:
            actors.append(actor)
            continue
        learned, probability = found
        if mode == "prune" and learned == "O" and probability >= NO_PARTY_CONFIDENCE:
            continue  # the heads are sure it is no party to the act
        if mode == "learned":
            if learned == "O":
                continue  # the heads call it no party to the act
            actors.append(replace(actor, role=_as_role(learned)))
        elif actor.role == "unknown" and learned != "O":
            actors.append(replace(actor, role=_as_role(learned)))
        else:
            actors.append(actor)
    return replace(rec, actors=tuple(actors))


def _as_role(role: str) -> str:
    return role if role in _ROLES else "unknown"


def _apply_modality(rec: EventRecord, text: str, events, mode: str) -> EventRecord:
    trigger = getattr(rec, "trigger", None)
    if trigger is None:  # no trigger of its own: read the heads' first act in the sentence
        inside = [t for t in events.triggers() if rec.sentence.start <= t.start and t.end <= rec.sentence.end]
        if not inside:
            return rec
        trigger = inside[0]
    found = events.modality_of(trigger.start, trigger.end)
    if found is None:
        return rec
    if mode == "learned" or (rec.modality == "asserted" and found[0] != "asserted"):
        return replace(rec, modality=found[0])
    return rec
