"""Type cues of ANNOTATION.md section 8 added in round 6 session 3: more property destroyed, a siege broken."""

from __future__ import annotations

import pytest

from conflict_ner.events.sentence import Sentence
from conflict_ner.events.types import classify
from conflict_ner.records import ActorRef


@pytest.mark.parametrize("text", [
    "Raiders set fire to a cargo plane parked at the airstrip.",
    "The militia blew up the water pumping station outside the town.",
    "Fighters began to demolish the ruins with heavy machinery and burned the old monuments.",
])
def test_planes_stations_and_ruins_are_property(text):
    assert classify(Sentence(text)).sub_event_type == "Looting/property destruction"


def test_a_siege_broken_is_ground_taken_by_whoever_broke_it():
    text = "Army units broke through to the besieged garrison in the north of the city."
    army = ActorRef("Army units", 0, 10, "initiator")
    assert classify(Sentence(text), [army]).sub_event_type == "Government regains territory"
    text = "Rebels break the two-year siege of the old town."
    rebels = ActorRef("Rebels", 0, 6, "initiator")
    assert classify(Sentence(text), [rebels]).sub_event_type == "Non-state actor overtakes territory"


@pytest.mark.parametrize("text, sub_event_type", [
    ("The militia said it fired rockets and drones at the airfield overnight.", "Shelling/artillery/missile attack"),
    ("The navy fired two missiles at an aircraft carrier off the coast.", "Shelling/artillery/missile attack"),
    ("A drone fired two missiles at a car near the bridge.", "Air/drone strike"),
    ("The army fired drones and missiles at the port in a wide air attack.", "Air/drone strike"),
    ("Jets fired rockets at the convoy.", "Air/drone strike"),
])
def test_missiles_fired_are_the_means_unless_aircraft_or_a_drone_fired_them(text, sub_event_type):
    assert classify(Sentence(text)).sub_event_type == sub_event_type


def test_civilians_killed_by_a_named_side_are_an_attack_of_its_own():
    from conflict_ner.records import CountRef

    text = "A rights group said 30 villagers had been killed by militia fighters."
    fighters = ActorRef("militia fighters", text.index("militia"), len(text) - 1, "initiator")
    count = CountRef("30", text.index("30"), text.index("30") + 2, 30, 30, 30, "villagers", "killed")
    from conflict_ner.events.types import decide
    got = decide(Sentence(text), [fighters], counts=[count])
    assert got.kind.sub_event_type == "Attack" and not got.weak
    # nine "men" may be fighters; civilians harmed by no one named stay a weak attack
    men = CountRef("nine", 0, 4, 9, 9, 9, "nine men", "killed")
    assert decide(Sentence("Nine men were killed by the rebels."), [ActorRef("the rebels", 24, 34, "initiator")],
                  counts=[men]).weak
    assert decide(Sentence("30 villagers were killed."), counts=[CountRef("30", 0, 2, 30, 30, 30, "villagers",
                                                                          "killed")]).weak


def test_a_crowd_that_beats_someone_is_mob_violence_and_a_beating_is_an_act():
    text = "A crowd of angry traders gathered at the stall, dragged the thief out and beat him."
    assert classify(Sentence(text)).sub_event_type == "Mob violence"
    assert [text[t.start:t.end] for t in Sentence(text).triggers] == ["beat"]
    assert [t for t in Sentence("Rebels were beaten back from the hill.").triggers] == []
    assert "beat" not in [s.text[t.start:t.end] for s in [Sentence("Nobody beat us on the ground.")]
                          for t in s.triggers]


@pytest.mark.parametrize("text, word", [
    ("Fighters burned several houses near the well overnight.", "burned"),
    ("Raiders also drove off about 500 head of cattle.", "drove off"),
    ("The gang set two shops alight before dawn.", "set two shops alight"),
])
def test_property_burned_and_herds_driven_off_are_acts_of_looting(text, word):
    assert [text[t.start:t.end] for t in Sentence(text).triggers] == [word]
    assert classify(Sentence(text)).sub_event_type == "Looting/property destruction"


def test_burned_homes_as_a_place_and_weapons_named_beside_burning():
    assert Sentence("Bodies were found in burned homes near the church.").triggers == ()
    text = "Men armed with machetes and rifles burned huts and shops in the hamlet."
    assert classify(Sentence(text)).sub_event_type == "Looting/property destruction"


@pytest.mark.parametrize("text", [
    "Hundreds of families arrived at the crossing after shelling of their district.",
    "About 3,000 people crossed into the neighbouring country, fleeing the fighting.",
])
def test_people_who_flee_and_arrive_give_no_change_cue(text):
    from conflict_ner.events.types import find_cues

    assert "change" not in find_cues(text)


def test_forces_that_arrive_still_give_the_change_cue():
    from conflict_ner.events.types import find_cues

    assert "change" in find_cues("Fresh army reinforcements arrived in the valley on Monday.")


def test_a_foreign_army_taking_ground_abroad_is_a_non_state_capture():
    text = "KORVA, Dalmia - Turkish troops and allied fighters seized the hill town of Korva in eastern Syria on Friday."
    troops = ActorRef("Turkish troops", 16, 30, "initiator")
    assert classify(Sentence(text), [troops]).sub_event_type == "Non-state actor overtakes territory"
    own = "Syrian troops, backed by Russian jets, seized the hill town of Korva in eastern Syria on Friday."
    troops = ActorRef("Syrian troops", 0, 13, "initiator")
    assert classify(Sentence(own), [troops]).sub_event_type == "Government regains territory"
