"""Roles an actor takes from its place in a phrase, not from a verb pattern (ANNOTATION.md section 9).

Long real sentences list their actors: ``killing six civilians and wounding 17 others``,
``at least 327 people had been killed, including 183 HTS fighters and 100 soldiers``,
``X, the Y and their allies launched an advance``. Three readings, each a pure function
of the sentence text and offsets:

- :func:`is_object_of`: the actor right after an active act verb is what the act hit;
- :func:`in_casualty_list`: an actor in the list of the dead or wounded is a target;
- :func:`coordinated`: two actors joined by ``and`` / ``along with`` share one role;
  :func:`share_roles` passes each placed role on along such a phrase, forward and back.

>>> s = "Artillery fired into Chaman, killing six civilians and wounding 17 others."
>>> is_object_of(s, s.index("killing") + 7, s.index("civilians"))
True
>>> s = "At least 327 people were killed, including 183 HTS fighters."
>>> in_casualty_list(s, s.index("HTS"), s.index("HTS") + 12)
True
>>> s = "Turkish troops and allied Syrian rebel factions took Afrin."
>>> coordinated(s, s.index(" and"), s.index("allied"), s.index(" took"))
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from conflict_ner.events.clauses import lookback

# Between an act verb and its object: a determiner, a count and modifiers, no clause word
# ("killing [at least 18] people", "killed [more than 220] civilians", "attacked [a] convoy").
# Quotes around either, or around a word of the gap, may stand in it ('"neutralized" 58 "terrorists"',
# 'killed “hundreds” of soldiers').
_OBJECT_GAP = re.compile(r"[\"\u201d]?\s+(?:(?:at least|at most|up to|more than|as many as|nearly|about)\s+)?"
                         r"(?:(?!(?:and|or|but|while|as|when|after|before|that|which|who|by|in|on|at|near|from|"
                         r"with|to|for|since|during)\b)[\"\u201c]?[\w'\u2019,.%-]+[\"\u201d]?\s+){0,4}?[\"\u201c]?", re.I)
# A casualty word, then (within its list) the word that opens the list of those it hit ("including",
# "five of them", a colon before counts: "killed 182 people: 102 fighters from HTS, ...").
_CASUALTY_LIST = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|ies)|dead|deaths?|died|casualties|victims|"
    r"los(?:t|ses)|martyrs?)\b"
    r"(?P<gap>[^;:()]{0,160}?)"
    r"(?:\b(?:including|among them|among whom|among the dead|among those killed|of whom|most of them|"
    r"many of them|along with|as well as)\b|(?<=deaths) of\b|(?<=death) of\b|(?<=dead) among\b|"
    r"(?<=deaths) among\b|(?<=losses) among\b|\b[\w,-]+ of them\b|:(?=\s*(?:at least\s+)?\d))"
    r"(?P<tail>[^;:()]{0,120})$",
    re.I,
)
# A verb in the gap starts another clause: the list then belongs to it, not to the casualty word.
_CLAUSE_VERB = re.compile(r"\b(?:said|says|reported|attacked|shelled|struck|stormed|seized|captured|took|fled|"
                          r"carried out|launched|fired|bombed|claimed|denied|accused|blamed)\b", re.I)
_SUBJECT_OF_VERB = re.compile(r"\s+(?:\w+ly\s+)?(?:said|says|had|has|have|was|were|is|are|would|will|\w+ed)\b",
                              re.I)
# What joins two actors of one phrase: "and", "or", "as well as", "along with", "together with",
# an opening parenthesis (a name's short form: "the Kurdistan Workers' Party (PKK)"), an apposition
# that names the group a person leads or belongs to ("killed X, a senior commander of Y": Y suffered
# it with X), a part of the whole named before ("people, including 80,000 children"), with a determiner
# and up to three modifiers before the second ("and their allies", ", the Y").
_COORDINATION = re.compile(
    r"\s*(?:,\s*(?:(?:a|an|the)\s+)?(?:[\w'\u2019-]+\s+){0,2}?(?:commanders?|leaders?|heads?|chiefs?|founders?|"
    r"members?)\s+(?:of|in)\s+|,\s*(?:and\s+|or\s+|including\s+|among them\s+|most of them\s+|many of them\s+)?|"
    r"\s(?:and|or|as well as|along with|together with)\s+|\()"
    r"(?:(?:the|its|their|his|her|other|allied|several|some|\d[\d,]*)\s+)*"
    r"(?:(?:[\w'\u2019-]+|\d[\d,]*\d)\s+){0,2}?",
    re.I,
)
# A part of a whole named before it ("people, including 80,000 children"): only the whole's suffering passes
# on; the whole may be the subject of a verb its parts did not do ("1,000 people, among them 745 civilians").
_PART_OF = re.compile(r"\s*,\s*(?:including|among them|most of them|many of them)\s", re.I)
# A unit named with the side it belongs to: "[troops] of the [Hill Force]", "[fighters] of [HTS]": one party.
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?", re.I)
_NO_VERB_GAP = re.compile(r"(?!.*\b(?:said|says|and said|who|which|that|where|when|while|after|before)\b)", re.I)


def is_object_of(text: str, verb_end: int, actor_start: int) -> bool:
    """Whether the actor at ``actor_start`` is the direct object of the verb ending at ``verb_end``:
    only a determiner, a count and modifiers lie between them, no clause word or preposition.

    >>> s = "Government forces shelled Idlib and rebels attacked Hama."
    >>> is_object_of(s, s.index("shelled") + 7, s.index("rebels"))
    False
    >>> s = "Gunmen killed at least 100 people in the village."
    >>> is_object_of(s, s.index("killed") + 6, s.index("people"))
    True
    >>> s = 'The army said it had "neutralized" 58 "terrorists".'
    >>> is_object_of(s, s.index("neutralized") + 11, s.index("terrorists"))
    True
    """
    return actor_start >= verb_end and bool(_OBJECT_GAP.fullmatch(text, verb_end, actor_start))


def in_casualty_list(text: str, actor_start: int, actor_end: int) -> bool:
    """Whether the actor at ``actor_start`` is listed among those a casualty word counts
    (``killed ..., including X``, ``deaths among X``, ``the deaths of X``): a target.

    >>> s = "Deaths among government forces and allied militias: 28 to 43"
    >>> in_casualty_list(s, s.index("government"), 30), in_casualty_list(s, s.index("allied"), 50)
    (True, True)
    >>> s = "Rebels killed two soldiers, including an officer, and the army said it shelled Hama."
    >>> in_casualty_list(s, s.index("army"), s.index("army") + 4)
    False
    """
    m = _CASUALTY_LIST.search(text, lookback(actor_start), actor_start)
    if m is None or _SUBJECT_OF_VERB.match(text, actor_end):
        return False  # "..., and the army said": the subject of a new clause
    return not _CLAUSE_VERB.search(m.group("gap")) and not _CLAUSE_VERB.search(m.group("tail"))


def coordinated(text: str, first_end: int, second_start: int, second_end: int) -> bool:
    """Whether two actors (the first ending at ``first_end``) are joined into one phrase, so
    that the second shares the first's role: ``X and Y``, ``X, the Y and their allies``,
    ``X along with Y``; not across a clause (``X said Y``, ``X, who ... Y``).

    >>> s = "Hayat Tahrir al-Sham and the Free Syrian Army attacked."
    >>> coordinated(s, s.index(" and"), s.index("Free"), s.index(" attacked"))
    True
    >>> s = "The army said rebels attacked."
    >>> coordinated(s, s.index(" said"), s.index("rebels"), s.index(" attacked"))
    False
    >>> s = "Rebels killed two soldiers, and the army responded."
    >>> coordinated(s, s.index(","), s.index("army"), s.index(" responded"))
    False
    """
    if second_start <= first_end:
        return False
    gap = text[first_end:second_start]
    if "," in gap and _SUBJECT_OF_VERB.match(text, second_end):
        return False  # "killed two soldiers, and the army said": a new clause's subject
    return bool(_COORDINATION.fullmatch(text, first_end, second_start)) and bool(_NO_VERB_GAP.match(gap))


def share_roles(text: str, spans: Sequence[tuple[int, int]], roles: Sequence[str]) -> list[str]:
    """The roles of actors at ``spans`` (text order) once coordinated actors share them.

    Forward, an actor joined to a placed one before it takes that one's role (``X, the Y and
    their allies launched ...``: one phrase, one role); back, an actor still ``unknown`` takes
    the role of the placed one joined after it (``Government forces and their allies made an
    attempt to storm ...``: only the second is placed by a pattern).

    >>> s = "Government forces and their allies stormed the town of the rebels and the NDF."
    >>> spans = [(0, 17), (28, 34), (59, 65), (74, 77)]
    >>> share_roles(s, spans, ["unknown", "initiator", "target", "unknown"])
    ['initiator', 'initiator', 'target', 'target']
    """
    out = list(roles)
    forward = [(i - 1, i) for i in range(1, len(out))]  # (placed actor, the one joined after it)
    back = [(i + 1, i) for i in range(len(out) - 2, -1, -1)]  # (placed actor, the one joined before it)
    for pairs, fill_only in ((forward, False), (back, True)):
        for src, dst in pairs:
            if out[src] == "unknown" or (fill_only and out[dst] != "unknown"):
                continue
            if (not fill_only and {out[src], out[dst]} <= {"initiator", "target"}
                    and _OF_GAP.fullmatch(text, spans[src][1], spans[dst][0])):
                out[dst] = out[src]  # "troops of the Hill Force": the unit and its side are one party
                continue
            first, second = sorted((src, dst))
            if out[src] != "target" and _PART_OF.match(text, spans[first][1]):
                continue
            if coordinated(text, spans[first][1], spans[second][0], spans[second][1]):
                out[dst] = out[src]
    return out
