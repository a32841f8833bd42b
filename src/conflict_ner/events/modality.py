"""Modality of a reported act: asserted, negated, claimed, threatened or planned.

Per training/ANNOTATION.md section 3, a statement from a party to the fighting
is ``claimed``; one from the reporter or a neutral source (monitor, UN body,
hospital, residents, NGO) is ``asserted``, with the source in the attribution.

>>> modality("The army said it killed 30 militants.")
'claimed'
>>> modality("Thirty people were killed, a hospital official said.")
'asserted'
"""

from __future__ import annotations

import re
from typing import Literal

from conflict_ner.events.attribution import attribution, sources  # noqa: F401  (attribution re-exported)
from conflict_ner.events.triggers import find_triggers
from conflict_ner.records import Modality

SourceKind = Literal["party", "neutral", "unknown"]

_VIOLENT_VERB = (r"attack|kill|fire|fired|strike|struck|hit|shell|injur|wound|bomb|target|carr(?:y|ied) out|launch|"
                 r"cause|take place|took place|happen|occur|involve|participate|damage|hurt|harm|shoot|shot|seize|"
                 r"capture|use|used")
_NEGATED = re.compile(
    r"\bden(?:y|ies|ied|ying|ial)\b|"
    r"\bno (?:one|casualties|injuries|deaths|fatalities|damage|victims|losses|people|civilians|soldiers|lives)\b|"
    r"\bnobody\b|\bnone of\b|"
    r"\bwithout (?:causing )?(?:any )?(?:casualties|injuries|damage|loss)\b|"
    r"\b(?:rejected|dismissed|refuted) (?:the |these |those |such )?(?:claims?|reports?|allegations?|accusations?)\b|"
    r"\b(?:baseless|fabricated)\b|"
    rf"\b(?:did|does|do|has|have|had|was|were|is|are|would)(?:\s+not|n't)\s+(?:\w+\s+){{0,2}}?(?:{_VIOLENT_VERB})|"
    rf"\bnever\s+(?:\w+\s+){{0,2}}?(?:{_VIOLENT_VERB})",
    re.I,
)
_THREATENED = re.compile(
    r"\bthreat(?:en|ens|ened|ening)\b|\bvow(?:ed|s|ing)?\b|\bultimatum\b|\bthreat of\b|"
    r"\bwarn(?:ed|s|ing)? (?:that )?(?:it|they|he|she|we|the \w+) (?:would|will)\b|"
    r"\b(?:pledg|promis)(?:ed|es|ing) to (?:retaliate|avenge|attack|strike|respond|hit|destroy|punish)",
    re.I,
)
_PLANNED = re.compile(
    r"\bplan(?:s|ned|ning)? (?:to|an?|for)\b|\bprepar(?:es|ed|ing) (?:to|for)\b|\bintends? to\b|\bset to\b|"
    r"\babout to\b|\bupcoming\b|\bimminent\b|\bwill (?:\w+ )?(?:attack|launch|strike|begin|start|send|deploy|"
    r"target|bomb|storm|invade|continue|expand|resume)\b|"
    r"\bannounc(?:ed|es|ing) (?:an? |the |its )?(?:new |major |imminent |large-scale )?"
    r"(?:offensive|operation|campaign|assault|attack|mobilization|mobilisation)\b|"
    r"\bwould (?:launch|attack|strike)\b",
    re.I,
)
# Words a party uses of itself or its enemy, in its own statements ("our units", "terrorists were neutralised").
_PARTY_VOICE = re.compile(r"\bour (?:forces|units|troops|fighters|soldiers|army|heroes|mujahideen|men|brave|valiant|"
                          r"armed forces|air defen[cs]es?)\b|\bwe (?:killed|destroyed|repelled|struck|targeted|attacked|"
                          r"shot down|downed|captured|liberated)\b|\bneutrali[sz](?:ed|ing)\b|\bmartyr(?:ed|s|dom)\b|\bterrorists?\b|"
                          r"\benemy\b|\bliquidat(?:ed|ing)\b|\bmujahideen\b|\bkhawarij\b", re.I)
_CLAIM_WORD = re.compile(r"\bclaim(?:ed|s|ing)?\b(?! (?:the )?lives\b)", re.I)
_SAYS_OWN = re.compile(r"\b(?:said|says|say|stated|announced|reported)(?: on \w+| in a statement)? "
                       r"(?:that )?(?:it|its) ", re.I)
_PARTY = re.compile(
    r"\b(?:army|military|armed forces|forces|troops|defen[cs]e ministry|ministry of defen[cs]e|defen[cs]e forces|"
    r"general staff|idf|command|militants?|rebels?|insurgents?|fighters|militias?|militiamen|jihadists?|the group|"
    r"armed group|amaq|islamic state|isis|isil|daesh|hamas|hezbollah|houthis?|ansar allah|hts|"
    r"hayat tahrir al-sham|taliban|al-shabaab|al-qaeda|wagner|rapid support forces|rsf|sdf|ypg|pkk|boko haram|"
    r"iswap|m23|pro-militant|militant|pro-government|state media|state-run|state news|state tv|state television|"
    r"sana|tass|kremlin|pentagon|navy|air force|brigade|battalion|regiment|corps|national guard|"
    r"spokesm[ae]n for the (?:army|military|group)|(?<!local )government|"
    r"(?:defen[cs]e|interior|information|foreign) ministry|ministry of (?:defen[cs]e|interior|information|foreign)|"
    r"(?:prime )?minister of|president|press service|media (?:wing|office|cell)|defen[cs]e forces?|"
    r"security sources?|(?:both|each|either) sides?)\b",
    re.I,
)
_NEUTRAL = re.compile(
    r"\b(?:observatory|monitor|monitors|monitoring|u\.?n|united nations|ocha|unhcr|unicef|who|world health|"
    r"hospitals?|medics?|doctors?|paramedics?|health ministry|ministry of health|health (?:officials|authorities)|"
    r"health workers?|"
    r"residents?|witness(?:es)?|ngos?|red cross|red crescent|msf|doctors without borders|amnesty|"
    r"human rights watch|hrw|acled|airwars|civil defen[cs]e|white helmets|activists?|journalists?|reporters?|"
    r"correspondents?|officials?|police|rescuers|rescue workers|aid (?:group|agency|workers)|charity|watchdog|"
    r"villagers|relatives|survivors|local sources)\b",
    re.I,
)


def speaks_as_party(text: str) -> bool:
    """Whether a document is written in a party's own voice (a military or armed group's
    statement: "our units repelled", "terrorists were neutralised").

    >>> speaks_as_party("Our units repelled the assault."), speaks_as_party("Rebels attacked, a monitor said.")
    (True, False)
    """
    return bool(_PARTY_VOICE.search(text))


def modality(sentence: str, source: str | None = None, party_document: bool = False) -> Modality:
    """Modality of the act the sentence reports. ``source`` is its attribution text, if known.

    Order: negated, then threatened / planned (only when no act is reported as
    done), then claimed (a party's statement or a claim of responsibility),
    else asserted.

    >>> modality("The army denied shelling the village."), modality("Rebels vowed to attack Hama.")
    ('negated', 'threatened')
    """
    if _NEGATED.search(sentence):
        return "negated"
    realized = any(t.realized for t in find_triggers(sentence))
    if not realized:
        if _THREATENED.search(sentence):
            return "threatened"
        if _PLANNED.search(sentence):
            return "planned"
    if _CLAIM_WORD.search(sentence):
        return "claimed"
    if source is None:
        found = sources(sentence)
        source = sentence[found[0].start:found[0].end] if found else None
    kind = source_kind(source) if source else "unknown"
    if kind == "party":
        return "claimed"
    if kind != "neutral" and (_PARTY_VOICE.search(sentence) or (party_document and source is None)):
        return "claimed"  # the party's own voice, in this sentence or in the whole statement
    if kind == "unknown" and source and _SAYS_OWN.search(sentence):
        return "claimed"  # an unclassified organisation reporting its own action
    return "asserted"


def source_kind(source: str) -> SourceKind:
    """Whether a source phrase names a party to the fighting or a neutral source.

    Party words win when both occur ("Hamas-run health ministry").

    >>> source_kind("the Defence Ministry"), source_kind("a hospital official"), source_kind("Ahmed Ali")
    ('party', 'neutral', 'unknown')
    """
    if _PARTY.search(source):
        return "party"
    if _NEUTRAL.search(source):
        return "neutral"
    return "unknown"
