"""Words that report violence or military action, with their kind, voice and tense.

>>> s = "Four civilians were killed when militants attacked a checkpoint."
>>> [(s[t.start:t.end], t.kind, t.passive) for t in find_triggers(s)]
[('killed', 'act', True), ('attacked', 'act', False)]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, NamedTuple

TriggerKind = Literal["act", "mutual", "victim", "noun", "support"]

# Verbs whose subject carries out the act and whose object suffers it.
_ACT = (
    r"attack(?:ed|s|ing)?|shell(?:ed|s|ing)?|fir(?:ed|es|ing)|fire|opened fire|struck|strik(?:es|ing)|strike|"
    r"kill(?:ed|s|ing)?|ambush(?:ed|es|ing)?|storm(?:ed|s|ing)?|seiz(?:ed|es|ing|e)|bomb(?:ed|s|ing)?|"
    r"target(?:ed|s|ing)?|raid(?:ed|s|ing)?|abduct(?:ed|s|ing)?|kidnap(?:ped|s|ping)?|wound(?:ed|s|ing)?|"
    r"injur(?:ed|es|ing|e)|captur(?:ed|es|ing|e)|recaptur(?:ed|es|ing|e)|detain(?:ed|s|ing)?|arrest(?:ed|s|ing)?|"
    r"execut(?:ed|es|ing|e)|assault(?:ed|s|ing)?|hit(?:s|ting)?|pound(?:ed|s|ing)?|bombard(?:ed|s|ing)?|"
    r"destroy(?:ed|s|ing)?|intercept(?:ed|s|ing)?|shot down|shoot(?:s|ing)? down|gunned down|down(?:ed|ing)|"
    r"massacr(?:ed|es|ing|e)|besieg(?:ed|es|ing|e)|overr(?:an|un|unning)|invad(?:ed|es|ing|e)|shot|shoot(?:s|ing)?|"
    r"stabb(?:ed|ing)|stabs?|behead(?:ed|s|ing)?|torch(?:ed|es|ing)?|loot(?:ed|s|ing)?|retook|retak(?:es|ing|e)|"
    r"overpower(?:ed|s|ing)?|repel(?:led|s|ling)?|detonat(?:ed|es|ing|e)|blew up|blow(?:s|ing)? up|"
    r"took control|tak(?:es|ing) control|massacre|hurt(?:s|ing)?"
)
# Verbs that report the act only together with its object ("carried out strikes").
_SUPPORT = (
    r"carr(?:ied|ies|ying|y) out|conduct(?:ed|s|ing)?|claim(?:ed|s|ing)? responsibility|launch(?:ed|es|ing)?|"
    r"drop(?:ped|s|ping)?|hurl(?:ed|s|ing)?"
)
# Both sides act: no initiator or target can be read off the sentence.
_MUTUAL = (r"clash(?:ed|es|ing)?|fought|fight(?:s|ing)?|battl(?:ed|es|ing|e)|skirmish(?:ed|es|ing)?|"
           r"exchang(?:ed|es|ing) fire")
# Intransitive outcomes: the subject suffers the act.
_VICTIM = (r"died|dies|dying|die|perished|fled|flee(?:ing|s)?|lost their lives|"
           r"los(?:t|es|ing) (?:\w+ )?(?:soldiers|fighters|troops|men|members)|"
           r"suffer(?:ed|s|ing) (?:heavy |serious |severe )?(?:losses|casualties|injuries|wounds)|"
           r"sustain(?:ed|s|ing) (?:\w+ )?(?:injuries|wounds)|martyred|"
           r"c(?:ame|ome|omes|oming) under (?:heavy |renewed |intense )?(?:fire|attack|shelling|bombardment|assault)|"
           r"among the (?:dead|killed|wounded|injured|victims|casualties)")
_NOUN = (
    r"air ?strikes?|air raids?|drone strikes?|offensives?|counter-?offensives?|bombardments?|explosions?|blasts?|"
    r"gunfire|gunfights?|firefights?|killings?|executions?|abductions?|kidnappings?|hostilities|incursions?|"
    r"invasion|siege|military operations?|casualties|death toll|massacres|shelling|ambushes"
)
_TRIGGER_RE = re.compile(
    rf"\b(?:(?P<mutual>{_MUTUAL})|(?P<victim>{_VICTIM})|(?P<support>{_SUPPORT})|(?P<act>{_ACT})|"
    rf"(?P<noun>{_NOUN}))\b",
    re.I,
)
_BE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got|gets|getting)\s+(?:\w+\s+){0,2}$", re.I)
_BY_AFTER = re.compile(r"\s+by\b", re.I)
_UNREALIZED_BEFORE = re.compile(
    r"\b(?:to|will|would|could|might|may|shall|can|should|must|not|never|n't|\w+n't)\s+(?:\w+\s+)?$", re.I)
_IRREGULAR_PAST = frozenset("struck shot hit hurt fought fled died overran retook lost blew took came among".split())


class Trigger(NamedTuple):
    """A violence word at ``[start, end)`` of the sentence."""

    start: int
    end: int
    kind: TriggerKind
    passive: bool
    realized: bool  # reported as done: past or participle, not after "to", "will", "not"...


@lru_cache(maxsize=2048)
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
        before = sentence[: m.start()]
        passive = kind in ("act", "support") and bool(_BE_BEFORE.search(before) or _BY_AFTER.match(sentence, m.end()))
        first = m.group(0).split()[0].lower()
        past = first.endswith("ed") or first in _IRREGULAR_PAST or first.endswith("ing") and kind != "mutual"
        realized = kind != "noun" and (past or passive) and not _UNREALIZED_BEFORE.search(before)
        out.append(Trigger(m.start(), m.end(), kind, passive, realized))
    return tuple(out)


def reports_violence(sentence: str) -> bool:
    """Whether the sentence has a violence trigger (``support`` verbs alone do not count).

    >>> reports_violence("Talks resumed in Geneva."), reports_violence("Shelling hit Idlib.")
    (False, True)
    """
    return any(t.kind != "support" for t in find_triggers(sentence))
