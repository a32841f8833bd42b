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
