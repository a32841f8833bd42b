"""Types the sentence alone cannot tell, from the act's trigger and the document.

:func:`.types.decide` marks a type *weak* when only a fallback gave it ("three soldiers were
killed": Armed clash; "nine civilians died": Attack). Such a record is often an outcome of an
act told before ("a strike hit the market", then "a doctor said 27 were treated"), which the
codebook types as that act (ANNOTATION.md section 9). So, in document order, a weak record
takes the type its trigger almost always has in train gold (:mod:`.type_lexicon`), else the
type of the last record before it whose own cues named its kind (the dead and wounded after a
protest: excessive force against it). An act whose own trigger moves forces ("arrived",
"massed") and hurt no one is a change to a group's activity, whatever else its sentence tells.
Last, the per-record model learned from train gold (:mod:`.type_model`) replaces a type when it
is almost sure of another.

>>> from conflict_ner.events import build_records
>>> text = "Warplanes bombed Ariha on Monday. Nine people were killed, a monitor said."
>>> [r.sub_event_type for r in build_records(text, [], "2024-05-08")]
['Air/drone strike', 'Air/drone strike']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from conflict_ner.events.acts import SUPPORT_WORDS
from conflict_ner.events.sentence import Sentence
from conflict_ner.events.type_lexicon import likely_type
from conflict_ner.events.type_model import TypeModel, features, overrides, packaged
from conflict_ner.events.types import Decision, decide, find_cues, names_protest, one_line, typed
from conflict_ner.records import EventRecord

Lexicon = Callable[[str], "str | None"]
#: The event types whose acts have outcomes told apart (a toll, a wounded count, a denial).
CARRIED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests"})
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
CHANGE = "Change to group/activity"
EXCESSIVE = "Excessive force against protesters"


def settle_types(records: Sequence[EventRecord], lexicon: Lexicon = likely_type,
                 model: TypeModel | None | str = "packaged") -> list[EventRecord]:
    """The records with their weak types settled by trigger, then by the last cue-typed record,
    then each checked by ``model`` (``"packaged"``: the package's; None: none)."""
    model = packaged() if model == "packaged" else model
    per_sentence: dict[int, int] = {}
    for r in records:
        per_sentence[r.sentence.start] = per_sentence.get(r.sentence.start, 0) + 1
    out, last, taken = [], None, None
    for r in records:
        # a sentence of several acts was split by act words, so each act's type has its cue
        basis = _decision(r).basis if per_sentence[r.sentence.start] == 1 else "cue"
        settled = _retyped(r, CHANGE) if _changes_activity(r) else _settled(r, basis, lexicon, last, taken)
        if basis == "cue" and r.event_type in CARRIED:
            last = r.sub_event_type
        if basis != "taker" and r.sub_event_type in TERRITORY:
            taken = r.sub_event_type
        out.append(_learned(settled, basis == "cue", model) if model is not None else settled)
        _met_protest(out)
    return out


#: The protest types from the mildest up: a protest met by force is no longer peaceful, a violent one stays violent.
PROTEST_ORDER = ("Peaceful protest", "Protest with intervention", "Violent demonstration",
                 "Excessive force against protesters")
INTERVENTION = "Protest with intervention"


# the dispersal speaks of the crowd just told ("to disperse them"), at no place of its own
_BACK_REFERENCE = re.compile(r"\b(?:them|they|it)\b", re.I)


def _met_protest(out: list[EventRecord]) -> None:
    """A crowd dispersed in the sentence right after a protest, spoken of as told there (``... protested in the centre on Monday.
    Police fired tear gas to disperse them.``): the protest was met with intervention, so a peaceful
    protest before it becomes one, and the dispersal, whose own words name no protest, takes the
    protest's type when that was harsher (a violent demonstration dispersed is still one)."""
    if len(out) < 2 or out[-1].sub_event_type != INTERVENTION:
        return
    r, before = out[-1], out[-2]
    if before.sub_event_type not in PROTEST_ORDER or not 0 <= r.sentence.start - before.sentence.end <= 2 \
            or names_protest(r.sentence.text) or r.locations or not _BACK_REFERENCE.search(r.sentence.text):
        return
    if before.sub_event_type == PROTEST_ORDER[0]:
        out[-2] = _retyped(before, INTERVENTION)
    elif PROTEST_ORDER.index(before.sub_event_type) > PROTEST_ORDER.index(INTERVENTION):
        out[-1] = _retyped(r, before.sub_event_type)


def _changes_activity(r: EventRecord) -> bool:
    """Whether the act's own word is a move of a group's forces or activity ("massed", "arrived",
    "deploying", "reinforcements") and nobody was hurt: the violence the sentence also tells is
    another act's ("jets arrived overhead to cover the withdrawal")."""
    return r.trigger is not None and not _hurt(r) and "change" in find_cues(r.trigger.text)


def _hurt(r: EventRecord) -> bool:
    return any(c.outcome in ("killed", "injured") for c in r.counts)


def _settled(r: EventRecord, basis: str, lexicon: Lexicon, last: str | None, taken: str | None) -> EventRecord:
    """A record's type by the rules' order: its own cue, else its trigger's, else the document's."""
    if basis == "taker":  # a place taken by no one named: as the last capture before it
        return _retyped(r, taken) if taken else r
    if basis == "cue":
        return r
    sub = (lexicon(r.trigger.text) if r.trigger else None) or (_after(last, r) if basis == "fallback" else None)
    return _retyped(r, sub) if sub else r


def _after(last: str | None, r: EventRecord) -> str | None:
    """The type a weak record takes from the last cue-typed act: that act's, except that the dead
    and wounded of a protest were met with excessive force (ANNOTATION.md section 8, item 2)."""
    if last is None or typed(last).event_type != "Protests":
        return last
    return EXCESSIVE if _hurt(r) else last


def _learned(r: EventRecord, cued: bool, model: TypeModel) -> EventRecord:
    """The record retyped by the learned model where it :func:`.type_model.overrides` the rules."""
    feats = features(r.trigger.text if r.trigger else None, r.sentence.text, [(a.text, a.role) for a in r.actors],
                     [w.text for w in r.weapons], [(c.outcome, c.counted) for c in r.counts])
    best, p = model.best(feats)
    if r.sub_event_type in TERRITORY and "siege_broken" in find_cues(r.sentence.text):
        return r  # a broken siege is ground taken: a cue too rare in train for the model to know it
    text = one_line(r.sentence.text)
    if cued and r.sub_event_type == "Air/drone strike" and best == "Armed clash" and _air_strikes_at_work(text):
        return r  # air strikes named: the means decide before the battle words (types.decide's precedence)
    if best == EXCESSIVE and r.event_type == "Protests" and not _hurt(r) and not _HARM_WORDS.search(text):
        return r  # force against protesters is excessive when it kills or wounds (codebook); no count says so
    return _retyped(r, best) if overrides(r.sub_event_type, cued, best, p) else r


# words that tell people killed or hurt where no count does ("shot dead", "wounding dozens", "live fire")
_HARM_WORDS = re.compile(r"\b(?:kill\w*|dead|deaths?|died|dying|die|shot|shoot\w*|wound\w*|injur\w*|hurt|"
                         r"live (?:ammunition|fire|rounds|bullets)|bullets?|gunfire|opened fire|beat\w*|casualt\w*|"
                         r"bloodshed|bloody|massacre\w*|lethal|deadly|fatal\w*|crackdown|targeted|"
                         r"fired (?:[\w-]+ ){0,4}?(?:on|into))\b", re.I)


# the strike nouns that name aircraft at work as the act's means (not a bare "jets" or "drones")
_AIR_NOUN = re.compile(r"\b(?:air ?strikes?|air ?raids?|airstrikes?)\b", re.I)
# ... unless they only back a ground act: "a counterattack backed by mortars and allied air strikes"
_SUPPORT_BEFORE = re.compile(rf"\b{SUPPORT_WORDS}\b[^.;:]{{0,60}}$", re.I)


def _air_strikes_at_work(sentence: str) -> bool:
    """Whether ``sentence`` names air strikes as an act's means, not only as support of a ground act.

    >>> _air_strikes_at_work("Jets carried out air strikes on the ridge.")
    True
    >>> _air_strikes_at_work("The brigade stormed the ridge, backed by artillery and allied air strikes.")
    False
    """
    return any(not _SUPPORT_BEFORE.search(sentence, 0, m.start()) for m in _AIR_NOUN.finditer(sentence))


def _decision(record: EventRecord) -> Decision:
    """The rules' decision for a record that is its sentence's only act."""
    s = record.sentence
    return decide(Sentence(s.text, s.start), record.actors, record.weapons, record.counts, record.locations)


def _retyped(record: EventRecord, sub_event_type: str) -> EventRecord:
    kind = typed(sub_event_type)
    return replace(record, event_type=kind.event_type, sub_event_type=kind.sub_event_type)
