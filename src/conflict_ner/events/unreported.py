"""Acts a sentence names but does not report as done: the tests that keep them out of the records (pure).

Each takes the sentence and one of its acts (:func:`.acts.sentence_acts`) and says whether that act is
only a possibility, a reaction's object, a demand, alleged support, a silence, a consequence, a state,
an act told before and judged now, an unclaimed act, a state lasting since a year or a name;
:func:`.builder.build_records` makes no record for it (``keep_bare`` keeps them all). Each test's
decision and its measured effect are in ``training/ANNOTATION.md`` sections 6 and 9.

>>> s = Sentence("We call on all parties to stop attacks on civilians.")
>>> demanded(s, sentence_acts(s)[0])
True
"""

from __future__ import annotations

import re

from conflict_ner.events.acts import Act, sentence_acts
from conflict_ner.events.sentence import Sentence
from conflict_ner.records import Entity

__all__ = ["consequence_only", "demanded", "lasting_since", "left_unsaid", "named_only", "only_possible",
           "present_reference", "spoken_of", "support_alleged", "timeless", "unclaimed"]

_POSSIBILITY = re.compile(r"\b(?:would|could|might|may|should|will|can|cannot|can't|won't|if|unless)\b", re.I)


def only_possible(sentence: Sentence, counts: list, mode: str) -> bool:
    """Whether a sentence tells an act only as a possibility: no act word reported as done, a
    modal or a condition, no count and no threat or plan (``its capture would have given the
    group the border``, ``the incursion will look like a costly distraction``)."""
    return (mode not in ("threatened", "planned") and not counts and not any(t.realized for t in sentence.triggers)
            and bool(_POSSIBILITY.search(sentence.text)))


# A reaction to an act, with the act as its object: "condemned the attack", "called the strike an
# aggression", "did not comment on the raids", "made no mention of the attack".
_REACTION_BEFORE = re.compile(
    r"\b(?:condemn(?:ed|s|ing)?|describ(?:ed|es|ing|e)|comment(?:ed|s|ing)?\s+on|mention\s+of|"
    r"criticis(?:ed|es|ing|e)|criticiz(?:ed|es|ing|e)|denounc(?:ed|es|ing|e)|investigat(?:ed|es|ing|e)|"
    r"prais(?:ed|es|ing|e)|welcom(?:ed|es|ing|e)|hail(?:ed|s|ing)?)\s+"
    r"(?:the|this|these|that|those|its|their|every|any)\s+(?:[\w'\u2019-]+\s+){0,2}?$", re.I)


def spoken_of(sentence: Sentence, act: Act) -> bool:
    """Whether the act is only the object of a reaction (``condemned the attack``, ``did not comment
    on the strikes``) in a sentence that reports nothing done: no act word of it is realised, and
    each is the object of a reaction (``condemned any attack ... and accused X of staging bombings``
    reports the bombings).

    >>> s = Sentence("The ministry did not comment on the strike.")
    >>> spoken_of(s, sentence_acts(s)[0])
    True
    >>> s = Sentence("Officials condemned the strike, which killed a farmer.")
    >>> spoken_of(s, sentence_acts(s)[0])
    False
    """
    if act.trigger is None or any(x.realized for x in sentence.triggers):
        return False
    return all(_REACTION_BEFORE.search(sentence.text, max(0, t.start - 80), t.start)
               for t in (act.trigger, *sentence.triggers) if t.kind != "support")


# A call on others to act: "called on X to", "called for", "urged X to", "appealed to" (not "appealed
# for blood donors": a need, not a demand on the parties).
_CALL = re.compile(r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon|for)|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)?\s+to)\b",
                   re.I)


def demanded(sentence: Sentence, act: Act) -> bool:
    """Whether the act is only what a call asks for (``We call on all parties to stop attacks on
    civilians``, ``urged both sides to pull back``, ``called for a pause in the fighting``): its act word
    comes after a call word, or, with no act word, its stretch holds a call and no act word done before it.

    >>> s = Sentence("The agency urged both sides to stop the attacks on hospitals.")
    >>> demanded(s, sentence_acts(s)[0])
    True
    >>> s = Sentence("Gunmen killed four guards, and the governor called for calm.")
    >>> demanded(s, sentence_acts(s)[0])
    False
    """
    t = act.trigger
    if t is not None:  # the act word in the call's own clause: no stop or semicolon between
        return any(m.end() <= t.start and not re.search(r"[.;!?]", sentence.text[m.end():t.start])
                   for m in _CALL.finditer(sentence.text))
    m = _CALL.search(sentence.text, act.start, act.end)
    return m is not None and not any(x.realized and x.kind != "support" and act.start <= x.start < m.start()
                                     for x in sentence.triggers) \
        and not re.search(r"[.;!?]", sentence.text[m.end():act.end].rstrip(" .!?\"'\u201d\u2019)"))


# Support to a side, alleged or denied: "accused X of arming the group", "denied backing the rebels".
_SUPPORT_ALLEGED = re.compile(
    r"\b(?:accus(?:ed|es|ing|e)\b(?:(?!\b(?:and|but|said|says)\b)[^.;]){0,60}?\bof|den(?:y|ies|ied)|reject(?:ed|s))\s+"
    r"(?:(?:ever|repeatedly|any|of)\s+)?"
    r"(?:arming|backing|supplying|providing|funding|financing|coordinating|equipping|training)\b", re.I)


def support_alleged(sentence: Sentence, act: Act) -> bool:
    """Whether the act is support to a side that one party alleges or another denies (``accused X of arming
    the group, which X denies``, ``has denied backing the rebels``): no act of violence, which ACLED leaves out.
    An act word before the allegation stays an act (``X targeted clerics whom it accuses of backing Y``);
    sending troops to fight is no support (``accused X of sending troops to fight alongside the rebels``).

    >>> s = Sentence("Officials accused the neighbour of arming the militia, a charge it denies.")
    >>> support_alleged(s, sentence_acts(s)[0])
    True
    >>> s = Sentence("The militia shelled the town, and officials accused the neighbour of arming it.")
    >>> support_alleged(s, sentence_acts(s)[0])
    False
    """
    at = act.trigger.start if act.trigger is not None else act.end
    return any(m.start() <= at for m in _SUPPORT_ALLEGED.finditer(sentence.text, act.start))


# A source's silence: "did not comment", "does not say", "has not released figures", "did not mention".
_SILENCE = re.compile(r"\b(?:did|does|do|has|have|had)\s*(?:not|n't)\s+(?:yet\s+|publicly\s+)?"
                      r"(?:say|said|comment(?:ed)?|released?|publish(?:ed)?|described?|give|given|disclosed?|specif(?:y|ied)|"
                      r"identif(?:y|ied)|named?|mention(?:ed)?)\b", re.I)


def left_unsaid(sentence: Sentence, act: Act) -> bool:
    """Whether the act word stands in what a source does not say (``The command does not say which aircraft
    carried out each strike``, ``did not comment on casualties``, ``did not say who carried out the strike``):
    a silence about an act told before, in the same clause as the silence (the builder also asks for no count).

    >>> s = Sentence("The ministry did not say who carried out the strike.")
    >>> left_unsaid(s, sentence_acts(s)[0])
    True
    >>> s = Sentence("The group said it had shelled the base but did not say how many died.")
    >>> left_unsaid(s, sentence_acts(s)[0])
    False
    """
    t = act.trigger
    if t is None:
        return False
    return any(m.end() <= t.start and not re.search(r"[;]|\bbut\b", sentence.text[m.end():t.start], re.I)
               for m in _SILENCE.finditer(sentence.text))


# An act told before as the subject of what it brought about: "The fighting has also closed the coast road",
# "Its capture opens a route", "The strikes drew praise", "The attack did not change the balance".
_CONSEQUENCE = re.compile(
    r"^\W*(?:(?:the|its|this|that|these|those|their)\s+)(?:[\w'\u2019-]+\s+){0,2}?(?P<noun>[\w-]+)\s+"
    r"(?:(?:has|have|had|did|does|do|also|not|now|already|only|still|further)\s+)*"
    r"(?:open(?:s|ed)?|clos(?:es|ed)|put|puts|dr(?:ew|aws?)|rais(?:es|ed)|appear(?:s|ed)?|chang(?:e|es|ed)|"
    r"threaten(?:s|ed)?|shattered|bec(?:ome|ame|omes)|signal(?:s|led)?|harden(?:s|ed)|reflect(?:s|ed))\b", re.I)


def consequence_only(sentence: Sentence, act: Act) -> bool:
    """Whether the sentence's subject is the act's noun and its verb tells what the act brought about, not the
    act (``The fighting has also closed the coast road``, ``Its capture opens a route for the rebels``): an act
    told before (the builder also asks for no count and no DATE of its own).

    >>> s = Sentence("The fighting has also closed the coast road.")
    >>> consequence_only(s, sentence_acts(s)[0])
    True
    >>> s = Sentence("The fighting displaced thousands.")
    >>> consequence_only(s, sentence_acts(s)[0])
    False
    """
    t = act.trigger
    m = _CONSEQUENCE.match(sentence.text)
    return t is not None and m is not None and m.start("noun") <= t.start < m.end("noun")


# No side owning an act told before: "No group has claimed the attack", "no one claimed responsibility for".
_NO_CLAIM = re.compile(r"\bno\s+(?:group|one|organi[sz]ation|side|faction)\s+(?:(?:has|had|have)\s+)?(?:yet\s+)?"
                       r"claimed\s+(?:responsibility\s+for\s+)?(?:the|this|that|these|those|either|any)\s+"
                       r"(?:[\w'\u2019-]+\s+){0,2}?$", re.I)
# ... unless someone is blamed, suspected or denies instead ("but officials blamed al Shabaab", "and HTS denied
# involvement"): the gold codes the blame or the denial
_BLAMED_INSTEAD = re.compile(r"\b(?:blam\w*|suspect\w*|suspicion|accus\w*|attribut\w*|believed|den(?:y|ies|ied|ying)|"
                             r"rejected)\b", re.I)


# a word told in the past or as done: "-ed", "was", "had", "took", "seen", ... (perfects with "has" included); not the
# "-ed" words that only describe a side or a weapon ("armed drones", "Iran-backed militias")
_TOLD_DONE = re.compile(
    r"\b(?:(?!(?:armed|alleged|suspected|unidentified|so-called|based|backed|affiliated|linked|allied)\b)\w{2,}ed|was|were|had|did|said|took|taken|came|went|gone|fell|fallen|left|made|sent|found|told|saw|seen|"
    r"began|begun|brought|fought|held|hit|shot|won|lost|led|got|gave|given|struck|flew|flown|ran|knew|known|kept|set|"
    r"put|met|stood|became|rose|risen|been|done|shown|broke|broken|drove|driven|threw|thrown|blew|blown|overran|"
    r"overrun|withdrew|withdrawn|fled|laid|dug|sank|sunk|sought|caught|bought|built|spent|heard|meant|felt|lit|"
    r"shut|cut|beat|beaten|tore|torn|wrote|written|swept|retook|retaken|died|spoke|hid|hidden|bore|borne)\b", re.I)


def timeless(sentence: Sentence, act: Act) -> bool:
    """Whether an act with no act word (a weapon or a party alone made it) stands in a sentence told wholly in
    the present, no verb in the past or the perfect (``The opposition has drones of its own``, ``Enemy drones
    are active over the road``, ``The plant is now within range of their artillery``): a state or a habit, no
    act reported (the builder also asks for no count: ``our count stands at 50 deaths`` is a toll).

    >>> s = Sentence("The rebels have drones of their own.")
    >>> timeless(s, sentence_acts(s)[0])
    True
    >>> s = Sentence("The rebels used drones against the base.")
    >>> timeless(s, sentence_acts(s)[0])
    False
    """
    return act.trigger is None and _TOLD_DONE.search(sentence.text) is None


# "the battle", "its capture", "the deliberate killing": an act noun after a determiner of what was told before
_DEFINITE_BEFORE = re.compile(r"\b(?:the|its|their|this|these|those)\s+(?:[\w'\u2019-]+\s+){0,2}$", re.I)
# what ends the act's noun phrase: a stop, a preposition, a present verb of being ("the siege is", "the attacks, ...")
_NOUN_END = re.compile(r"\s*(?:[,.;:!?]|(?:of|on|in|for|against|at|around|near|by|as|is|are|has|have)\b)", re.I)
_VERB_BETWEEN = re.compile(r"\b(?:is|are|has|have|do|does|can|will|would|must|may|only|still)\b", re.I)
_CLOSED_SENTENCE = re.compile(r"[.!?][\"\u201d\u2019')]*\s*$")


def present_reference(sentence: Sentence, act: Act) -> bool:
    """Whether the act is named by a noun after a determiner (``the battle``, ``its capture``, ``the strikes``) in a
    closed sentence told wholly in the present (no verb in the past or the perfect, :func:`timeless`): an act told
    before, judged or framed now (``For the rebels, the battle is a major propaganda victory``, ``Officials frame the
    strikes as self-defence``); a claim of responsibility keeps its record (the builder also asks for no count and no
    DATE of its own).

    >>> s = Sentence("For the army, the siege is a costly distraction.")
    >>> present_reference(s, sentence_acts(s)[0])
    True
    >>> s = Sentence("For the army, the siege was a costly distraction.")
    >>> present_reference(s, sentence_acts(s)[0])
    False
    """
    t = act.trigger
    text = sentence.text
    if t is None or t.kind == "support" or act.negates or act.blames or not _CLOSED_SENTENCE.search(text):
        return False
    det = _DEFINITE_BEFORE.search(text, 0, t.start)
    return (det is not None and not _VERB_BETWEEN.search(text, det.start(), t.start)
            and _NOUN_END.match(text, t.end) is not None and _TOLD_DONE.search(text) is None
            and not re.search(r"\bresponsibility\b", text, re.I))


def unclaimed(sentence: Sentence, act: Act) -> bool:
    """Whether the act is only said to be unclaimed (``No group has claimed the attack in Owo``), with no one
    blamed, suspected or denying in the sentence (the builder also asks for no count).

    >>> s = Sentence("No group has claimed the attack.")
    >>> unclaimed(s, sentence_acts(s)[0])
    True
    >>> s = Sentence("No group has claimed the attacks, but officials suspect the militia.")
    >>> unclaimed(s, sentence_acts(s)[0])
    False
    """
    t = act.trigger
    return (t is not None and bool(_NO_CLAIM.search(sentence.text, max(0, t.start - 80), t.start))
            and not _BLAMED_INSTEAD.search(sentence.text))


# "since 2015", "since early 2015", "since March 2015", "since the summer of 2012": a period that opens in a year
_SINCE_YEAR = re.compile(
    r"\bsince\s+(?:at\s+least\s+)?(?:(?:early|late|mid-?|the\s+(?:summer|spring|autumn|fall|winter|start|end)\s+of)\s*)?"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
    r"(?:19|20)\d\d\b", re.I)
# what ends the act's clause, or makes the year a record's measure ("for the first time since 2016")
_NOT_LASTING = re.compile(r"[.;:]|\b(?:when|after|before|while|which|who|that|first|last|deadliest|worst|biggest|"
                          r"largest|heaviest|most|time)\b", re.I)


def lasting_since(sentence: Sentence, act: Act) -> bool:
    """Whether the act is a state that has lasted since a year named after its word, in its clause
    (``the Houthis, who have besieged the city since 2015``, ``under siege since 2012``, ``has fought the
    Huthis since March 2015``): background to the story, not one of its acts (the builder also asks for no count).
    A record set against a year (``struck Aleppo for the first time since 2016``) is none.

    >>> s = Sentence("The base has been under siege since 2012.")
    >>> lasting_since(s, sentence_acts(s)[0])
    True
    >>> s = Sentence("Jets struck the city for the first time since 2016 on Friday.")
    >>> lasting_since(s, sentence_acts(s)[0])
    False
    """
    t = act.trigger
    if t is None:
        return False
    m = _SINCE_YEAR.search(sentence.text, t.end, t.end + 120)
    return m is not None and not _NOT_LASTING.search(sentence.text, t.end, m.start())


def named_only(sentence: Sentence, act: Act, ents: list[Entity]) -> bool:
    """Whether the act is only named: its one act word a noun or a verb of fighting not reported
    as done (``the offensive``, ``fighting``, ``a direct clash``), with no place or weapon in its
    stretch (the builder also asks for no count and no DATE).

    >>> s = Sentence("Turkey remained silent throughout the fighting.")
    >>> named_only(s, sentence_acts(s)[0], [])
    True
    >>> s = Sentence("Fighting continued on Monday.")
    >>> named_only(s, sentence_acts(s)[0], [])
    True
    >>> s = Sentence("Rebels fought the army.")
    >>> named_only(s, sentence_acts(s)[0], [])
    False
    """
    t = act.trigger
    if t is None or t.kind not in ("noun", "mutual") or any(x.realized for x in sentence.triggers):
        return False
    if sum(x.kind != "support" for x in sentence.triggers) > 1:
        return False
    return not any(e.label in ("LOCATION", "WEAPON") for e in ents)
