"""Words that report violence or military action, with their kind, voice and tense.

>>> s = "Four civilians were killed when militants attacked a checkpoint."
>>> [(s[t.start:t.end], t.kind, t.passive) for t in find_triggers(s)]
[('killed', 'act', True), ('attacked', 'act', False)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal, NamedTuple

from conflict_ner.events.clauses import lookback
from conflict_ner.events.lexicon import (ACT_NOUNS, ACT_VERBS, BE_FORMS, CAPTURE_TAKE, CIVIL_ACT_VERBS, GET_FORMS,
                                         IRREGULAR_PAST,
                                         MUTUAL_VERBS, SUPPORT_VERBS, UNREALISED_BEFORE, VICTIM_VERBS)

TriggerKind = Literal["act", "mutual", "victim", "noun", "support"]

#: An agreement made on a day the text names ("a deal announced on 8 April", "a truce was agreed late on
#: Tuesday", "the memorandum agreed in Sochi on 22 October"), or one in force: an act of its own (ACLED:
#: *Agreement*), named by its noun; one mentioned as background ("since a ceasefire brokered in March 2020") is none.
_AGREEMENT_NOUNS = r"(?:cease-?fires?|truces?|deals?|agreements?|accords?|memorand(?:um|a))"
#: ... or one that took effect ("the truce that took effect at midnight", "a ceasefire between X and Y came into
#: force"): told as an act, not as background, but it names a sentence's one act only when nothing else does
#: (``acts._best``: "since the truce took effect, 80 strikes have hit the south" is the strikes' record).
AGREEMENT_IN_FORCE = (_AGREEMENT_NOUNS + r"(?=[^.;:]{0,80}?\b(?:t(?:ook|akes|aken) effect|c(?:ame|omes) into "
                      r"(?:force|effect)|went into (?:force|effect)|entered into force))")
AGREEMENT_MADE = (_AGREEMENT_NOUNS + r"(?=(?: was| were| had been| has been)? (?:announced|agreed|reached|signed|"
                  r"brokered)(?: (?:late|early))?(?: in [A-Z][\w-]+)? on\b)|" + AGREEMENT_IN_FORCE)
_TRIGGER_RE = re.compile(
    rf"\b(?:(?P<mutual>{MUTUAL_VERBS})|(?P<victim>{VICTIM_VERBS})|(?P<support>{SUPPORT_VERBS})|(?P<act>{ACT_VERBS})|"
    rf"(?P<take>{CAPTURE_TAKE})|(?P<civil>{CIVIL_ACT_VERBS}|{AGREEMENT_MADE})|"
    rf"(?P<noun>{ACT_NOUNS}))\b",
    re.I,
)
# People who arrive or cross somewhere fleeing, or the dead and wounded brought in, move no armed group:
# "hundreds of families arrived at the crossing", "Thousands have crossed into Chad", "seven patients arrived",
# "families have moved into the city".
ARRIVAL = re.compile(r"arriv(?:ed|ing)|crossed into|moved", re.I)
_ARRIVERS = re.compile(
    r"\b(?:famil(?:y|ies)|refugees|patients|bodies|people|displaced|civilians|residents|migrants|villagers|survivors|"
    r"children|women|asylum[- ]seekers)\b(?:(?!\b(?:until|when|after|before|as|while|by|once)\b)[^,;])*$|"
    r"^\W*(?:(?:more than|over|about|some|nearly|at least|tens of|hundreds of)\s+)*(?:[\d,]+|dozens|hundreds|thousands|"
    r"many|scores)\s+(?:(?:have|had|has|more)\s+)*$", re.I)
# the arrival's subject: the words since the clause's start or its reporting verb ("survivors said the attackers")
_ARRIVAL_SUBJECT = re.compile(r"(?P<subject>(?:(?!\b(?:said|says|say|told|reported|added|that)\b)[^,;:.])*)$", re.I)
# Shots fired into the air in celebration ("residents poured into the streets, honking horns and firing into the
# air"): no act; "police fired into the air to disperse the crowd" stays one.
_INTO_THE_AIR = re.compile(r"\s+(?:\w+\s+)?into\s+the\s+air\b", re.I)
_CELEBRATION = re.compile(r"\b(?:celebrat\w*|cheer\w*|jubila\w*|honk\w*|waving|danc\w*|rejoic\w*)\b", re.I)
_BE_BEFORE = re.compile(rf"\b(?:{BE_FORMS}|{GET_FORMS})\s+(?:\w+\s+){{0,2}}$", re.I)
_BY_AFTER = re.compile(r"\s+by\b", re.I)
_UNREALIZED_BEFORE = re.compile(rf"\b(?:{UNREALISED_BEFORE})\s+(?:\w+\s+)?$", re.I)


class Trigger(NamedTuple):
    """A violence word at ``[start, end)`` of the sentence."""

    start: int
    end: int
    kind: TriggerKind
    passive: bool
    realized: bool  # reported as done: past or participle, not after "to", "will", "not"...


def find_triggers(sentence: str) -> tuple[Trigger, ...]:
    """Violence triggers of ``sentence`` in order.

    ``act`` verbs have an initiator subject (unless ``passive``); ``mutual`` ones
    (``clashed``) have no sides; ``victim`` verbs (``died``) have a suffering
    subject; ``noun`` triggers name the act; ``support`` verbs (``carried out``)
    take part in roles only.

    >>> s = "Rebels vowed to attack; clashes followed."
    >>> [(s[t.start:t.end], t.kind, t.realized) for t in find_triggers(s)]
    [('attack', 'act', False), ('clashes', 'mutual', False)]
    """
    out = []
    for m in _TRIGGER_RE.finditer(sentence):
        kind: TriggerKind = m.lastgroup  # type: ignore[assignment]
        near = lookback(m.start())
        civil = kind == "civil"  # a protest, agreement or base: an act of its own, done in every form
        if civil:
            kind = "act"
        if kind == "take":
            # "take" names an act only when it took place: "attempts to take Salma", "did not take the city" none
            if _UNREALIZED_BEFORE.search(sentence, near, m.start()):
                continue
            kind = "act"
        if kind == "act" and ARRIVAL.fullmatch(m.group(0)) and fleeing(sentence, m.start()):
            continue
        if kind == "act" and m.group(0).lower().startswith("fir") and _INTO_THE_AIR.match(sentence, m.end()) \
                and _CELEBRATION.search(sentence):
            continue
        first = m.group(0).split()[0].lower()
        # "were advancing", "is shelling": a progressive, never a passive ("were being shelled" is one)
        passive = kind in ("act", "support") and not first.endswith("ing") and bool(
            _BE_BEFORE.search(sentence, near, m.start()) or _BY_AFTER.match(sentence, m.end()))
        past = civil or first.endswith("ed") or first in IRREGULAR_PAST or first.endswith("ing") and kind != "mutual"
        realized = kind != "noun" and (past or passive) and not _UNREALIZED_BEFORE.search(sentence, near, m.start())
        out.append(Trigger(m.start(), m.end(), kind, passive, realized))
    return tuple(out)


def fleeing(sentence: str, at: int) -> bool:
    """Whether the people who arrived or crossed at ``at`` are civilians or a bare number of people,
    named as the verb's subject (refugees who fled, the dead brought in, not reinforcements; not the
    residents who say that attackers arrived).

    >>> fleeing("Hundreds of families arrived at the crossing.", 21), fleeing("Reinforcements arrived.", 15)
    (True, False)
    """
    subject = _ARRIVAL_SUBJECT.search(sentence, max(0, at - 120), at)
    return subject is not None and bool(_ARRIVERS.search(subject.group("subject")))


def reports_violence(triggers: Sequence[Trigger]) -> bool:
    """Whether a sentence with these triggers reports violence (``support`` verbs alone do not).

    >>> [reports_violence(find_triggers(s)) for s in ("Talks resumed in Geneva.", "Shelling hit Idlib.")]
    [False, True]
    """
    return any(t.kind != "support" for t in triggers)
