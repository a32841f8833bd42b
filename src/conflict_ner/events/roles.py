"""Actor roles (initiator / target / unknown) from word patterns around the violence triggers.

Pure sources ("according to X", "X said" where X takes no part) are not actors
of the record; they become its attribution (see :mod:`.attribution`).

>>> s = "Rebels were shelled by government troops, according to SANA."
>>> ents = [Entity("ACTOR", s.index(w), s.index(w) + len(w), w, 1.0) for w in ("Rebels", "government troops", "SANA")]
>>> [(a.text, a.role) for a in assign_roles(s, 0, ents)]
[('Rebels', 'target'), ('government troops', 'initiator')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from conflict_ner.events.attribution import sources
from conflict_ner.events.triggers import Trigger, find_triggers
from conflict_ner.records import ActorRef, Entity, Role

# Segments end at punctuation and at words that open a new clause; clauses only at the latter.
_CLAUSE_WORDS = r"when|while|whereas|after|before|because|although|though|since|until|who|which|where|whom|but"
_SEGMENT_BREAK = re.compile(rf"[,;:()\u2014\u2013]|\s-\s|\b(?:{_CLAUSE_WORDS})\b", re.I)
_CLAUSE_BREAK = re.compile(rf";|\b(?:{_CLAUSE_WORDS})\b", re.I)
_DET = r"(?:(?:the|a|an|its|their|some|several|suspected|alleged|unidentified|\d[\d,]*)\s+)*"
_PLACE_NOUNS = (r"positions?|posts?|bases?|strongholds?|checkpoints?|convoys?|hideouts?|headquarters|barracks|"
                r"lines|outposts?|defen[cs]es|targets|vehicles?|camps?")
# "fighters of X" share X's role: a target only after a target preposition ("attacked fighters of X").
_POSITION_NOUNS = _PLACE_NOUNS + r"|fighters|troops|forces|members|units?"
_HELD_BEFORE = re.compile(rf"\b(?:held|controlled|occupied|defended|run|besieged) by\s+{_DET}$", re.I)
_HELD_AFTER = re.compile(r"^-(?:held|controlled|occupied|run)\b", re.I)
_BY_BEFORE = re.compile(rf"\bby\s+{_DET}$", re.I)
# The one blamed or accused is the (alleged) initiator: "blamed the attack on X", "accused X of".
_BLAME_BEFORE = re.compile(rf"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|attribut(?:ed|es|ing) (?:[\w'-]+ ){{0,5}}?to|"
                           rf"blam(?:ed|es|ing) (?:[\w'-]+ ){{0,5}}?on|claimed by|(?:was|were) the work of)\s+{_DET}$", re.I)
_FROM_BEFORE = re.compile(rf"\b(?:fire|attacks?|shelling|rockets?|missiles?|strikes?) from\s+{_DET}$", re.I)
_TARGET_BEFORE = re.compile(
    rf"\b(?:against|targeting|targeted|on|at|upon|toward|towards|into)\s+{_DET}"
    rf"(?:(?:{_POSITION_NOUNS}) (?:of|belonging to|held by)\s+{_DET})?$|"
    rf"\b(?:{_PLACE_NOUNS}) (?:of|belonging to)\s+{_DET}$",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:[^,;]*?\s+and\s+(?:the\s+)?)?$", re.I)
_WITH_MUTUAL = re.compile(r"\b(?:clash(?:ed|es|ing)?|fight(?:s|ing)?|fought|battl(?:ed|es|ing)|skirmish\w*) with\s+"
                          + _DET + "$", re.I)
# A casualty participle right after its noun, with no object after it, is a reduced passive:
# "four civilians killed in the strike".
_OUTCOME_PP = re.compile(r"(?:killed|wounded|injured|captured|detained|abducted|kidnapped|arrested|executed|"
                         r"displaced|shot|hurt|taken)$", re.I)
_NO_OBJECT_AFTER = re.compile(r"\s*(?:$|[,.;:]|\b(?:in|on|at|near|during|when|after|while|as|and|overnight|"
                              r"yesterday|today|last|early|late|by|since|following|amid)\b)", re.I)


# People who are, in conflict reports, almost only ever on the receiving end of violence.
_VICTIM_HEAD = re.compile(
    r"\b(?:civilians?|people|persons|children|child|women|men|villagers|residents|worshipp?ers|students|pupils|"
    r"farmers|herders|refugees|migrants|passengers|families|patients|cadets|bystanders|shoppers|mourners|"
    r"pilgrims|teachers|journalists|aid workers|health workers|medics|paramedics|doctors|nurses|victims|"
    r"displaced|hostages|detainees|prisoners|fishermen|miners|traders|travell?ers|commuters|girls|boys|infants|"
    r"babies|elderly|inhabitants|locals|dead|wounded|injured)$", re.I)


def assign_roles(sentence: str, sentence_start: int, actors: Sequence[Entity]) -> list[ActorRef]:
    """Roles of the sentence's ACTOR entities (original-text offsets), pure sources left out.

    >>> s = "HTS fighters attacked army positions, killing three soldiers."
    >>> ents = [Entity("ACTOR", s.index(w), s.index(w) + len(w), w, 1.0) for w in ("HTS fighters", "army", "soldiers")]
    >>> [a.role for a in assign_roles(s, 0, ents)]
    ['initiator', 'target', 'target']
    """
    triggers = find_triggers(sentence)
    pure = [src for src in sources(sentence) if not src.participant]
    out = []
    for ent in sorted(actors, key=lambda e: e.start):
        start, end = ent.start - sentence_start, ent.end - sentence_start
        if any(src.start <= start and end <= src.end for src in pure):
            continue
        out.append(ActorRef(ent.text, ent.start, ent.end, role_of(sentence, start, end, triggers)))
    return out


def role_of(sentence: str, start: int, end: int, triggers: Sequence[Trigger] | None = None) -> Role:
    """Role of the actor at ``sentence[start:end]`` (sentence offsets).

    >>> s = "Clashes between the army and HTS left 12 dead."
    >>> role_of(s, 20, 24), role_of(s, 29, 32)
    ('unknown', 'unknown')
    """
    if triggers is None:
        triggers = find_triggers(sentence)
    if not triggers:
        return "unknown"
    before, after = sentence[:start], sentence[end:]
    nxt = _next_word_end(sentence, end)
    seg_start, seg_end = _piece(_SEGMENT_BREAK, sentence, start, end)
    seg_before = sentence[seg_start:start]
    if _HELD_BEFORE.search(seg_before) or _HELD_AFTER.match(after):
        return "target"  # the defenders of the place attacked: "HTS-held villages"
    if _BETWEEN.search(before) or _WITH_MUTUAL.search(seg_before):
        return "unknown"
    if _BY_BEFORE.search(seg_before) or _FROM_BEFORE.search(seg_before) or _BLAME_BEFORE.search(before):
        return "initiator"
    if _TARGET_BEFORE.search(seg_before):
        return "target"
    if nxt > end and _OUTCOME_PP.search(sentence, 0, nxt) and _NO_OBJECT_AFTER.match(sentence, nxt):
        return "target"
    verbs = [t for t in triggers if t.kind != "noun"]
    # As subject: the first verb after the actor in its segment, else in its clause
    # when nothing but the subject precedes it there.
    role = _as_subject(verbs, end, seg_end)
    if role is None:
        cl_start, cl_end = _piece(_CLAUSE_BREAK, sentence, start, end)
        if not any(cl_start <= v.start < start for v in verbs):
            role = _as_subject(verbs, end, cl_end)
    if role is not None:
        return role
    # As object: the last verb before the actor in its segment.
    prior = [v for v in verbs if seg_start <= v.start and v.end <= start]
    if prior:
        v = prior[-1]
        if v.kind in ("act", "support") and not v.passive:
            return "target"
    if _VICTIM_HEAD.search(sentence, 0, end):
        return "target"  # no pattern placed it: a victim noun is a target ("13 of them civilians")
    return "unknown"


def _as_subject(verbs: Sequence[Trigger], actor_end: int, limit: int) -> Role | None:
    following = [v for v in verbs if actor_end <= v.start < limit]
    if not following:
        return None
    v = following[0]
    if v.kind == "mutual":
        return "unknown"
    if v.kind == "victim" or v.passive:
        return "target"
    return "initiator"


def _piece(pattern: re.Pattern, sentence: str, start: int, end: int) -> tuple[int, int]:
    """The ``(start, end)`` of the piece between breaks of ``pattern`` that holds the actor."""
    lo, hi = 0, len(sentence)
    for m in pattern.finditer(sentence):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def _next_word_end(sentence: str, pos: int) -> int:
    m = re.match(r"\s+[\w'\-]+", sentence[pos:])
    return pos + m.end() if m else pos
