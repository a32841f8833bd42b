"""An act told by its subject's own verb when no act word of the lexicon names it.

``Government troops took Tal Othman``, ``The Taliban have now taken five provincial
capitals``, ``Rioters also burned a police outpost in Kofar Nassarawa``: an ACTOR, a
finite verb of its own in the past (``took``, ``have taken``, ``burned``) and, in the
same clause, a place or another actor it acted on. Such a sentence reports an act even
though the lexicon has no word for it; a reporting verb (``said``), a modal or the
present (``will retake``, ``is expected``) reports none.

>>> text = "Government troops took Tal Othman on Monday."
>>> s = Sentence(text)
>>> spans = {"ACTOR": [(0, 17)], "LOCATION": [(23, 33)]}
>>> t = subject_act(s, spans)
>>> text[t.start:t.end], t.kind, t.realized
('took', 'act', True)
>>> s = Sentence("The army said it will retake Tal Othman.")
>>> subject_act(s, {"ACTOR": [(0, 8)], "LOCATION": [(29, 39)]}) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from conflict_ner.events.clauses import lookback
from conflict_ner.events.role_lists import is_object_of
from conflict_ner.events.roles import SUBJECT_VERB_AFTER
from conflict_ner.events.sentence import Sentence
from conflict_ner.events.triggers import Trigger
from conflict_ner.events.type_lexicon import Table, key, packaged
from conflict_ner.records import ActorRef

# A modal, the present or a participle after the subject tells no act done ("will retake",
# "is expected", "troops advancing from the west")
_NOT_DONE = re.compile(r"\b(?:will|would|could|can|may|might|must|is|are|not)\b|ing$", re.I)
_VERB = re.compile(r"[A-Za-z]+$")
# A place as the subject of a fall: "Jabal Zayn al-Abidin fell at around midday", "the air base changes hands".
_PLACE_FELL = re.compile(r"(?:\s*,[^,;]{1,80},)?\s+(?:\w+ly\s+)?(?:(?:had|has|have)\s+)?(?:also\s+)?"
                         r"(?P<verb>fell|falls|fallen|changed hands|changes hands)\b"
                         r"(?!\s+(?:back|silent|short|apart|ill))",
                         re.I)
# A place after a preposition is not the subject ("prices in Hama fell").
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|of|from|to|on|around|outside|inside|into|towards?|across|by|for|"
                                 r"with|over|under)\s+(?:the\s+)?$", re.I)
# Verbs of holding tell a state, not an act, without an act word beside them ("still held the ridge",
# "held an emergency meeting"); an act of holding out has its own trigger.
_STATIVE = re.compile(r"(?:held|holds?|holding|controll?(?:ed|s)?|kept|keeps?|remained|remains?)", re.I)
# Between the verb and what it acted on: no clause break, no reporting verb.
_CLAUSE_GAP = re.compile(r"[;:]|\b(?:said|says|that|which|who|when|after|before|while|because)\b", re.I)
# A place named by a common noun right after the verb is what it acted on as a LOCATION is
# ("ISIL took the city on 16 June", "The crowd burned the building"): the text named it before.
_PLACE_OBJECT = re.compile(r"\s+(?:the|its|their|a|an)\s+(?:[\w'-]+\s+){0,2}?"
                           r"(?:towns?|villages?|city|cities|districts?|neighbou?rhoods?|bases?|airports?|dams?|"
                           r"bridges?|crossings?|positions?|posts?|checkpoints?|buildings?|houses?|homes?|offices?|"
                           r"camps?|barracks|headquarters|garrisons?|outposts?|strongholds?|hills?|ridges?|plant)\b",
                           re.I)
#: How far after its verb the object may start (characters): a few words.
_OBJECT_REACH = 80
#: How often train gold must have marked the verb as an act's trigger (``visited``, ``demanded``,
#: ``remained`` never were): the packaged trigger table (:mod:`.type_lexicon`) tells act verbs.
MIN_GOLD_TRIGGER = 2


def subject_act(sentence: Sentence, spans: Mapping[str, Sequence[tuple[int, int]]],
                table: Table | None = None) -> Trigger | None:
    """The verb of the first ACTOR that did something to a place or actor after it, else of a
    place that fell (``X fell``, ``X changes hands``), or None.

    ``spans`` are entity spans by label, in sentence offsets (``ACTOR`` and ``LOCATION`` are read);
    ``table`` is the trigger table (default: the packaged one).
    """
    table = packaged() if table is None else table
    text = sentence.text
    objects = sorted(list(spans.get("LOCATION", ())) + list(spans.get("ACTOR", ())))
    for start, end in sorted(spans.get("ACTOR", ())):
        if sentence.in_pure_source(start, end):
            continue
        m = SUBJECT_VERB_AFTER.match(text, end)
        if m is None or _NOT_DONE.search(m.group(0).rstrip()):
            continue
        verb = _VERB.search(m.group(0))
        v_start, v_end = m.start() + verb.start(), m.end()
        if _STATIVE.fullmatch(verb.group(0)) or sum(table.get(key(verb.group(0)), {}).values()) < MIN_GOLD_TRIGGER:
            continue
        if _PLACE_OBJECT.match(text, v_end) or any(
                v_end <= o_start < v_end + _OBJECT_REACH and not _CLAUSE_GAP.search(text, v_end, o_start)
                for o_start, _ in objects):
            return Trigger(v_start, v_end, "act", False, True)
    for start, end in sorted(spans.get("LOCATION", ())):
        m = _PLACE_FELL.match(text, end)
        if m is not None and not _PREPOSITION_BEFORE.search(text, lookback(start), start):
            return Trigger(m.start("verb"), m.end("verb"), "act", False, True)
    return None


def object_roles(text: str, verb: Trigger, actors: Sequence[ActorRef], offset: int = 0) -> list[ActorRef]:
    """``actors`` with a role ``unknown`` made ``target`` where the actor is the verb's direct object
    (``Government forces have pushed [opposition fighters] out of ...``); ``offset`` is where
    ``text`` starts in the document (actor offsets are document offsets).

    >>> text = "Government forces pushed opposition fighters out of the town."
    >>> a = [ActorRef("opposition fighters", 25, 44, "unknown")]
    >>> [x.role for x in object_roles(text, Trigger(18, 24, "act", False, True), a)]
    ['target']
    """
    return [replace(a, role="target") if a.role == "unknown" and is_object_of(text, verb.end, a.start - offset)
            else a for a in actors]


def subject_roles(text: str, verb: Trigger, actors: Sequence[ActorRef], offset: int = 0) -> list[ActorRef]:
    """``actors`` with a role ``unknown`` made ``initiator`` where the actor stands in the subject before the
    verb, with no clause break between (``[Fighters] of the X raised their flag``, ``A units, [B] and units of C
    took over the base``: the whole subject did the act); ``offset`` as in :func:`object_roles`.

    >>> text = "Fighters of the Kivu Front raised their flag over the town hall."
    >>> a = [ActorRef("Fighters", 0, 8, "unknown"), ActorRef("Kivu Front", 16, 26, "initiator")]
    >>> [x.role for x in subject_roles(text, Trigger(27, 33, "act", False, True), a)]
    ['initiator', 'initiator']
    """
    return [replace(a, role="initiator") if a.role == "unknown" and a.end - offset <= verb.start
            and _in_subject(text[a.end - offset:verb.start]) else a for a in actors]


def _in_subject(gap: str) -> bool:
    """Whether ``gap``, from an actor to the verb, keeps the actor in the verb's subject: no clause break, and
    a comma only inside a list that ``and`` closes (``A units, B and C took``; not an aside, ``A, set up under
    B's protection, took``, nor a headline's second item, ``fighters in the square, prisoners freed``).

    >>> _in_subject(" units, federal police and units of the militia "), _in_subject(" protection in May, ")
    (True, False)
    """
    if _CLAUSE_GAP.search(gap):
        return False
    comma = gap.rfind(",")
    return comma < 0 or _AND.search(gap, comma) is not None


_AND = re.compile(r"\band\b")
