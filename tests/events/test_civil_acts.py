"""Acts without violence that ACLED codes (ANNOTATION.md section 8): a protest held, an
agreement made, a base set up are acts of their own, typed as such."""

from __future__ import annotations

import pytest

from conflict_ner.events import build_records
from conflict_ner.events.sentence import Sentence
from conflict_ner.events.triggers import find_triggers
from conflict_ner.events.types import classify
from conflict_ner.records import Entity


def _words(text: str) -> list[tuple[str, bool]]:
    return [(text[t.start:t.end], t.realized) for t in find_triggers(text)]


@pytest.mark.parametrize("text, word, sub_event_type", [
    ("Teachers marched through the old town to demand their pay.", "marched", "Peaceful protest"),
    ("Farmers held a silent rally outside the governor's office.", "held a silent rally", "Peaceful protest"),
    ("Several sit-ins were held at the two campuses.", "sit-ins were held", "Peaceful protest"),
    ("The two factions agreed to a truce in the valley.", "agreed to a truce", "Agreement"),
    ("Elders brokered a 'local ceasefire' between the clans.", "brokered a 'local ceasefire", "Agreement"),
    ("The militia had set up a permanent camp above the river.", "set up a permanent camp", "Headquarters or base established"),
    ("The army established a new observation post near the dam.", "established a new observation post",
     "Headquarters or base established"),
    # a base set up in the passive or the gerund
    ("The first outpost was established on a ridge above the valley.", "outpost was established",
     "Headquarters or base established"),
    ("The convoy was the first step in setting up observation posts along the road.", "setting up observation posts",
     "Headquarters or base established"),
    # forces sent: a change to a group's activity
    ("The neighbouring state has sent about 2,000 troops across the border.", "sent about 2,000 troops",
     "Change to group/activity"),
    ("The minister announced the deployment of three more battalions to the coast.", "announced the deployment of",
     "Change to group/activity"),
])
def test_a_civil_act_is_a_done_act_of_its_own_type(text, word, sub_event_type):
    assert _words(text) == [(word, True)]
    assert classify(Sentence(text)).sub_event_type == sub_event_type


def test_march_the_month_or_a_march_of_captives_or_troops_is_no_protest():
    assert _words("In March the talks stalled.") == []
    assert _words("The kidnappers marched the boys into the hills.") == []
    assert classify(Sentence("Troops marched into the town.")).sub_event_type != "Peaceful protest"


@pytest.mark.parametrize("text", [
    "The truce that took effect along the coast at midnight is holding.",
    "A six-month ceasefire between the two militias came into force on Friday.",
])
def test_an_agreement_that_took_effect_is_an_act(text):
    # ANNOTATION.md section 9, round 10 (trig2): the gold codes it (ACLED: Agreement)
    word = _words(text)[0]
    assert word[0].lower() in ("truce", "ceasefire") and word[1]
    assert classify(Sentence(text)).sub_event_type == "Agreement"


def test_an_agreement_that_took_effect_gets_its_own_record_beside_the_fighting(entities):
    # ANNOTATION.md section 9, round 10 (trig2)
    text = "The truce brokered by Qatar, which came into force at dawn on Sunday, has not stopped the fighting in Abra."
    ents = entities(text, [("ACTOR", "Qatar"), ("DATE", "Sunday"), ("LOCATION", "Abra")])
    recs = build_records(text, ents, "2024-05-11", "d", keep_bare=False)
    assert [(r.trigger.text, r.sub_event_type) for r in recs] == [("truce", "Agreement"), ("fighting", "Armed clash")]


def test_an_agreement_in_force_does_not_name_the_strikes_told_with_it():
    # ANNOTATION.md section 9, round 10 (trig2): the sentence's one act is the strikes, not the truce
    from conflict_ner.events.acts import sentence_acts

    s = Sentence("Since the truce took effect in May, monitors have counted 80 air strikes in the south.")
    assert [s.text[a.trigger.start:a.trigger.end] for a in sentence_acts(s)] == ["air strikes"]


def test_a_protest_held_gets_a_record_on_its_entities():
    text = "Hundreds of nurses marched to the ministry in Lusaka on Friday."
    ents = [Entity(label, text.index(w), text.index(w) + len(w), w, 1.0)
            for label, w in (("ACTOR", "Hundreds of nurses"), ("LOCATION", "Lusaka"), ("DATE", "Friday"))]
    recs = build_records(text, ents, "2024-05-11", "d", keep_bare=False)
    assert [(r.event_type, r.sub_event_type) for r in recs] == [("Protests", "Peaceful protest")]


def test_an_agreement_is_the_act_whatever_deployment_it_allows():
    text = "The two sides agreed to a truce that allows the deployment of monitors."
    assert classify(Sentence(text)).sub_event_type == "Agreement"


def test_the_learned_check_keeps_a_cued_agreement_or_base():
    from conflict_ner.events.type_model import overrides

    assert not overrides("Agreement", True, "Change to group/activity", 0.999)
    assert not overrides("Headquarters or base established", True, "Change to group/activity", 0.999)
    assert overrides("Agreement", False, "Change to group/activity", 0.999)


@pytest.mark.parametrize("text", [
    "The two clans agreed to leave the market town by Friday.",
    "The militia said it had agreed with the mission, through local elders, to allow the evacuation of the sick.",
    "The council agreed with the governor to reopen the bridge.",
])
def test_a_side_that_agreed_to_do_something_made_an_agreement(text):
    # ANNOTATION.md section 9, round 10 (trig2): "agreed (with X) to <verb>" is an act (ACLED: Agreement)
    assert _words(text) == [("agreed", True)]
    assert classify(Sentence(text)).sub_event_type == "Agreement"


def test_agreeing_to_talks_or_to_a_policy_is_no_act():
    assert _words("Officials agreed to talks on Monday.") == []
    assert _words("By signing up you agree to our privacy policy.") == []
