from __future__ import annotations

import pytest

from conflict_ner.events.triggers import find_triggers, reports_violence


def _kinds(sentence: str) -> list[tuple[str, str, bool, bool]]:
    return [(sentence[t.start:t.end], t.kind, t.passive, t.realized) for t in find_triggers(sentence)]


def test_active_and_passive_verbs():
    assert _kinds("Militants attacked a checkpoint.") == [("attacked", "act", False, True)]
    assert _kinds("Four people were reportedly killed.") == [("killed", "act", True, True)]
    assert _kinds("The town was shelled by rebels.") == [("shelled", "act", True, True)]
    assert _kinds("Civilians hit by the strike.")[0] == ("hit", "act", True, True)


def test_kinds():
    assert _kinds("HTS clashed with the army.") == [("clashed", "mutual", False, True)]
    assert _kinds("Five soldiers died.") == [("died", "victim", False, True)]
    assert _kinds("The village came under heavy fire.") == [("came under heavy fire", "victim", False, True)]
    assert _kinds("An airstrike hit the market.")[0][:2] == ("airstrike", "noun")
    assert _kinds("Israel carried out the operation.") == [("carried out", "support", False, True)]
    assert _kinds("Air defences shot down a drone.") == [("shot down", "act", False, True)]


@pytest.mark.parametrize("sentence", [
    "Rebels vowed to attack Hama.",
    "The army will strike back.",
    "They could not shell the town.",
])
def test_unrealized_acts(sentence):
    assert [t.realized for t in find_triggers(sentence)] == [False]


@pytest.mark.parametrize("sentence, expected", [
    ("Shelling hit Idlib.", True),
    ("An explosion rocked the city.", True),
    ("Clashes erupted overnight.", True),
    ("Three fighters were abducted.", True),
    ("Talks resumed in Geneva.", False),
    ("The ministry announced new fuel prices.", False),
    ("Israel carried out the operation.", False),  # support verb alone
    ("He lost the election.", False),
])
def test_reports_violence(sentence, expected):
    assert reports_violence(find_triggers(sentence)) is expected


@pytest.mark.parametrize("sentence, word", [
    ("Government forces entered Khan Shaykhun on the night of 20 August.", "entered"),
    ("The city had been fully liberated.", "liberated"),
    ("Army units restored full control over the city.", "restored full control"),
    ("Troops surrounded the town.", "surrounded"),
    ("Two rounds landed near the hospital.", "landed"),
    ("Rebels advanced on the airport.", "advanced on"),
    ("The army said its troops had regained control of Merowe air base.", "regained"),
    ("Units have so far recovered 100 square kilometres of territory.", "recovered 100 square kilometres of territory"),
])
def test_taking_ground_is_an_act(sentence, word):
    # ANNOTATION.md section 9: territory acts have their trigger ("entered", "liberated")
    found = [(sentence[t.start:t.end], t.kind, t.realized) for t in find_triggers(sentence)]
    assert found == [(word, "act", True)]


def test_moving_forces_is_an_act():
    s = "Moscow deployed military police to Saraqib."
    assert [(s[t.start:t.end], t.kind) for t in find_triggers(s)] == [("deployed", "act")]


@pytest.mark.parametrize("sentence, word", [
    ("The factions were pulling out of the town by nightfall.", "pulling out"),
    ("Rebel units fell back to a second line of trenches.", "fell back"),
    ("The militia began withdrawing from the hills.", "withdrawing"),
    ("Soldiers retreated toward the border crossing.", "retreated"),
    ("The army said its units had redeployed outside the city.", "redeployed"),
    ("Local fighters handed over their posts to the police.", "handed over"),
])
def test_giving_up_ground_is_an_act(sentence, word):
    # ANNOTATION.md section 9 (round 6): the side that leaves ground did the act (Non-violent transfer of territory)
    found = [(sentence[t.start:t.end], t.kind, t.realized) for t in find_triggers(sentence)]
    assert found == [(word, "act", True)]


def test_a_withdrawal_is_an_act_word():
    s = "A spokesman called it a tactical withdrawal."
    assert [(s[t.start:t.end], t.kind) for t in find_triggers(s)] == [("withdrawal", "act")]


def test_those_who_surrender_suffer_the_act():
    assert _kinds("Two hundred soldiers surrendered to the rebels.") == [("surrendered", "victim", False, True)]


@pytest.mark.parametrize("sentence", [
    "Rebel fighters withdrew from the hill.",
    "Its fighters had withdrawn from the town.",
    "The insurgents have overrun three villages.",
])
def test_irregular_past_forms_are_reported_as_done(sentence):
    assert [t.realized for t in find_triggers(sentence)] == [True]


@pytest.mark.parametrize("sentence, word", [
    ("By Friday the militia had taken Qasr Harb and two hamlets.", "taken"),
    ("Loyalist units took the old fortress district overnight.", "took"),
    ("The insurgents have taken more than forty villages since May.", "taken"),
    ("Rebels take most of Dar Salam as the garrison flees", "take"),
    ("The brigade said it had taken full control of Umm Kadda.", "taken"),
    ("Tribal fighters pushed east, taking three border posts.", "taking"),
])
def test_taking_a_place_is_an_act(sentence, word):
    # ANNOTATION.md section 9: "take" with a place after it names a capture
    assert [(sentence[t.start:t.end], t.kind) for t in find_triggers(sentence) if t.kind == "act"][:1] == [(word, "act")]


@pytest.mark.parametrize("sentence", [
    "The minister took part in the talks.",
    "The governor took office in March.",
    "Earlier attempts to take Kandar failed.",
    "The soldiers did not take the town on their own.",
    "Guards were seen taking positions on the roofs.",
    "Fighters carried rifles taken from the base.",
])
def test_take_without_a_place_taken_is_no_act(sentence):
    assert [sentence[t.start:t.end] for t in find_triggers(sentence)] == []


@pytest.mark.parametrize("sentence, found", [
    # a coup told as who rules is no act; seizing a place or goods still is
    ("The colonel, who seized power in a coup last year, faces anger in the ranks.", []),
    ("Critics say the general wants to seize power again.", []),
    ("The guards seized the radio station.", ["seized"]),
    ("Police seized weapons and power cables.", ["seized"]),
])
def test_seizing_power_is_no_act_word(sentence, found):
    assert [sentence[t.start:t.end] for t in find_triggers(sentence)] == found


@pytest.mark.parametrize("sentence, found", [
    # "surrounding" before a place noun is an adjective naming places, not an encirclement
    ("Farmers from surrounding villages sold their crops in the market.", []),
    ("Aid reached the town and the surrounding countryside.", []),
    ("Troops were surrounding the town.", ["surrounding"]),
    ("Fighters surrounding the base fired mortars.", ["surrounding", "fired"]),
])
def test_surrounding_places_is_no_act_word(sentence, found):
    assert [sentence[t.start:t.end] for t in find_triggers(sentence)] == found


@pytest.mark.parametrize("sentence, found", [
    # shots into the air in celebration, and a conflict entering its third week, are no acts
    ("Crowds filled the square, waving flags and firing into the air.", []),
    ("Soldiers fired into the air in celebration as the convoy came in.", []),
    ("The standoff entered its third week on Sunday.", []),
    # a warning volley at a crowd, and forces entering a town, still are
    ("Police fired into the air to disperse the crowd.", ["fired"]),
    ("Rebels entered the town on Sunday.", ["entered"]),
])
def test_celebration_and_a_conflict_entering_its_day_are_no_act_words(sentence, found):
    assert [sentence[t.start:t.end] for t in find_triggers(sentence)] == found


def test_bombings_is_an_act_noun():
    assert _kinds("A wave of bombings shook the city.") == [("bombings", "noun", False, False)]


@pytest.mark.parametrize("sentence", [
    "Several hundred families arrived at the border post overnight.",
    "About 4,000 have crossed into the neighbouring country since Monday.",
    "The bodies of the two guards arrived at the morgue before noon.",
    "Refugees from the valley arrived in the capital, aid groups said.",
])
def test_people_fleeing_or_brought_in_move_no_armed_group(sentence):
    assert [w for w, *_ in _kinds(sentence)] == []


@pytest.mark.parametrize("sentence", [
    "Fresh army reinforcements arrived in the valley on Monday.",
    "Hundreds of soldiers crossed into the neighbouring country.",
])
def test_forces_that_arrive_or_cross_still_move(sentence):
    assert [w for w, *_ in _kinds(sentence)] in (["arrived"], ["crossed into"])


def test_an_agreement_made_on_a_day_named_is_an_act():
    from conflict_ner.events import build_records

    text = "Under a truce announced late on Friday, the two factions withdrew from the market town."
    assert _kinds(text)[0] == ("truce", "act", False, True)
    assert [r.sub_event_type for r in build_records(text, [], "2024-05-08")][:1] == ["Agreement"]
    # an agreement told as the background of another act is none
    assert [w for w, *_ in _kinds("Since a truce brokered by the elders in 2019, the road has stayed open.")] == []


@pytest.mark.parametrize("sentence, found", [
    # a place's fall named by its noun is an act; a fall of prices, of rain, or "fell back" is none
    ("The fall of Wadi Sura cut the main road.", [("fall", "noun")]),
    ("After the fall of the town of Ketu, families fled north.", [("fall", "noun"), ("fled", "victim")]),
    ("Traders blamed the fall of prices on the blockade.", []),
    ("Heavy rain marked the fall of night.", []),
])
def test_the_fall_of_a_place(sentence, found):
    assert [(w, k) for w, k, _, _ in _kinds(sentence)] == found


def test_the_fall_of_a_place_to_a_side_is_its_capture():
    from conflict_ner.events import build_records
    from tests.events.conftest import locate

    text = "The fall of Wadi Sura to the rebels on Monday cut the main road."
    (rec,) = build_records(text, locate(text, [("LOCATION", "Wadi Sura"), ("ACTOR", "the rebels"),
                                               ("DATE", "Monday")]), "2024-03-12")
    assert rec.trigger.text == "fall"
    assert rec.sub_event_type == "Non-state actor overtakes territory"
    assert [(a.text, a.role) for a in rec.actors] == [("the rebels", "initiator")]
    # with no actor named, the words after "to" tell who took it
    text = "The fall of Wadi Sura to government forces on Monday cut the main road."
    (rec,) = build_records(text, locate(text, [("LOCATION", "Wadi Sura"), ("DATE", "Monday")]), "2024-03-12")
    assert rec.sub_event_type == "Government regains territory"
