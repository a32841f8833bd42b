"""ACLED event types by rules (conflict_ner.events.types): each sub-event type, the precedence
between them (training/ANNOTATION.md, "Event types (ACLED codebook)") and the builder's use."""

from __future__ import annotations

import pytest

from conflict_ner.events import build_records
from conflict_ner.events.sentence import Sentence
from conflict_ner.events.types import EventType, civilian_target, classify, find_cues, is_state_actor
from conflict_ner.records import EVENT_TYPES, ActorRef, CountRef, Entity, TextSpan


def _at(text: str, word: str) -> tuple[int, int]:
    return text.index(word), text.index(word) + len(word)


def kind(text: str, actors=(), counts=(), weapons=(), locations=()) -> str:
    """The sub-event type of ``text`` with actors ``(word, role)``, counts ``(word, counted,
    outcome)``, weapons and locations given by their words."""
    acts = [ActorRef(w, *_at(text, w), role) for w, role in actors]
    cnts = [CountRef(w, *_at(text, w), 1, 1, 1, counted, outcome) for w, counted, outcome in counts]
    weps = [TextSpan(w, *_at(text, w)) for w in weapons]
    locs = [TextSpan(w, *_at(text, w)) for w in locations]
    got = classify(Sentence(text), acts, weps, cnts, locs)
    assert got.sub_event_type in EVENT_TYPES[got.event_type]
    return got.sub_event_type


@pytest.mark.parametrize("text,expected", [
    # Explosions/Remote violence, by means
    ("Russian warplanes carried out air strikes on Kafr Nabl.", "Air/drone strike"),
    ("A drone strike hit a car near the border.", "Air/drone strike"),
    ("The village was bombed by warplanes overnight.", "Air/drone strike"),
    ("Helicopters dropped barrel bombs on Daraya.", "Air/drone strike"),
    ("An MQ-9 Reaper fired Hellfire missiles at two cars.", "Air/drone strike"),
    ("Government artillery shelled Ariha.", "Shelling/artillery/missile attack"),
    ("Rebels fired rockets at Aleppo.", "Shelling/artillery/missile attack"),
    ("Missiles hit Kyiv overnight.", "Shelling/artillery/missile attack"),
    # a bare strike is, in train gold, nearly always from the air (80 of 83 "strikes")
    ("Near Bayji, five strikes hit ISIL fighting positions.", "Air/drone strike"),
    ("A missile strike hit the port.", "Shelling/artillery/missile attack"),
    ("Prisoners went on hunger strike in Hama.", "Peaceful protest"),
    ("A roadside bomb hit an army convoy.", "Remote explosive/landmine/IED"),
    ("An IED exploded near a patrol.", "Remote explosive/landmine/IED"),
    ("Two shepherds were killed when they stepped on a landmine.", "Remote explosive/landmine/IED"),
    ("A car bomb exploded in the market.", "Remote explosive/landmine/IED"),
    ("An explosion ripped through a market in Azaz.", "Remote explosive/landmine/IED"),
    ("A second device exploded at the mosque.", "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at a mosque.", "Suicide bomb"),
    ("A suicide car bomb hit the checkpoint.", "Suicide bomb"),  # suicide before car bomb
    ("Militants threw a grenade at a police station.", "Grenade"),
    ("Chlorine was dropped by helicopters on Douma.", "Chemical weapon"),  # chemical before air
    # Battles
    ("Clashes between the army and HTS left 12 dead.", "Armed clash"),
    ("HTS fighters ambushed an army patrol.", "Armed clash"),
    ("Army artillery shelled rebel positions amid heavy clashes.", "Armed clash"),  # clashes before shelling
    ("Warplanes bombed the town as clashes went on.", "Air/drone strike"),  # air strikes before clashes
    ("Fighters fired rocket-propelled grenades at troops.", "Armed clash"),  # an RPG is neither rocket nor grenade
    # an assault backed by artillery is a battle; an anti-tank missile is a weapon of a fight
    ("Rebels backed by tanks and heavy artillery launched an assault on the town.", "Armed clash"),
    ("Fighters destroyed two tanks with anti-tank guided missiles.", "Armed clash"),
    ("The Russian air force was striking fortified positions on the hills.", "Air/drone strike"),
    ("Government forces attacked the town.", "Armed clash"),  # violence of no more specific kind
    # Strategic developments
    ("Air defences shot down 10 drones over the city.", "Disrupted weapons use"),
    ("Security forces defused a bomb near the market.", "Disrupted weapons use"),
    ("The destroyer engaged and destroyed one further drone over the sea.", "Disrupted weapons use"),
    ("Police seized a large cache of weapons and ammunition.", "Disrupted weapons use"),
    ("Rebels withdrew from the town and handed it over to the army.", "Non-violent transfer of territory"),
    ("The army entered the town without a fight.", "Non-violent transfer of territory"),
    ("Turkish forces set up a new military base near Afrin.", "Headquarters or base established"),
    ("Militants looted and burned houses in the village.", "Looting/property destruction"),
    ("Eleven houses and a small health post were burned.", "Looting/property destruction"),
    ("Reinforcements were deployed to the front.", "Change to group/activity"),
    ("Moscow deployed military police to Saraqib.", "Change to group/activity"),
    ("Russian military police arrived at the northern entrance of the city.", "Change to group/activity"),
    ("A convoy of Turkish armored vehicles crossed into Idlib province.", "Change to group/activity"),
    ("Rebels fired a captured anti-aircraft gun at the base.", "Armed clash"),  # not an aircraft
    ("The two sides agreed to a ceasefire.", "Agreement"),
    ("Talks resumed in Geneva.", "Other"),
    # Protests and riots
    ("Thousands of protesters rallied in Khartoum.", "Peaceful protest"),
    ("Police fired tear gas to disperse protesters.", "Protest with intervention"),
    ("Riot police dispersed demonstrators in the square.", "Protest with intervention"),
    ("Security forces opened fire on protesters in Omdurman.", "Excessive force against protesters"),
    ("Protesters threw stones and torched a police station.", "Violent demonstration"),
    ("A mob lynched a man accused of theft.", "Mob violence"),
])
def test_sentence_words_give_the_sub_event_type(text, expected):
    assert kind(text) == expected


def test_who_suffered_decides_between_attack_and_armed_clash():
    text = "Gunmen killed five villagers in Kafr Nabl."
    assert kind(text, [("Gunmen", "initiator"), ("villagers", "target")], [("five", "villagers", "killed")]) == "Attack"
    text = "Gunmen killed five soldiers in Kafr Nabl."
    assert kind(text, [("Gunmen", "initiator"), ("soldiers", "target")], [("five", "soldiers", "killed")]) \
        == "Armed clash"
    # civilians and soldiers among the dead: armed men were fought
    text = "Gunmen killed two soldiers and three civilians."
    assert kind(text, [("Gunmen", "initiator")], [("two", "soldiers", "killed"), ("three", "civilians", "killed")]) \
        == "Armed clash"
    text = "Islamic State executed 10 prisoners."
    assert kind(text, [("Islamic State", "initiator")], [("10", "prisoners", "killed")]) == "Attack"
    # a remote means keeps its type when civilians die (civilian_targeting marks it in exports)
    text = "Shelling killed 9 civilians in Ariha."
    assert kind(text, [("civilians", "target")], [("9", "civilians", "killed")]) == "Shelling/artillery/missile attack"


def test_who_acted_decides_territory_and_arrests():
    text = "Government forces recaptured the town of Kafr Nabl from rebels."
    assert kind(text, [("Government forces", "initiator"), ("rebels", "target")]) == "Government regains territory"
    text = "HTS fighters seized the village of Hish."
    assert kind(text, [("HTS fighters", "initiator")]) == "Non-state actor overtakes territory"
    text = "Rebels took control of Saraqib."
    assert kind(text, [("Rebels", "initiator")], locations=["Saraqib"]) == "Non-state actor overtakes territory"
    assert kind("The town fell to rebels on Sunday.") == "Non-state actor overtakes territory"
    assert kind("The town fell to government forces after a week.") == "Government regains territory"
    assert kind("The army retook the hills overlooking the road.") == "Government regains territory"
    # capturing people is not taking territory
    text = "Rebels captured three soldiers near the village."
    assert kind(text, [("Rebels", "initiator")], [("three", "soldiers", "captured")]) == "Armed clash"
    assert kind("Police arrested 12 people in Hama.", [("Police", "initiator")]) == "Arrests"
    assert kind("HTS detained two activists in Idlib.", [("HTS", "initiator")]) == "Abduction/forced disappearance"
    # a group's own military police arrests: ACLED's arrests
    text = "The Syrian National Army said its military police had arrested two suspects."
    assert kind(text, [("Syrian National Army", "initiator")]) == "Arrests"
    assert kind("Militants abducted 20 students.", [("Militants", "initiator")]) == "Abduction/forced disappearance"
    # gunmen who kidnap civilians and kill no one abduct them
    text = "Gunmen abducted 317 girls from a boarding school."
    assert kind(text, [("Gunmen", "initiator"), ("girls", "target")]) == "Abduction/forced disappearance"
    assert kind("Soldiers raped women in the village.", [("Soldiers", "initiator")]) == "Sexual violence"


def test_an_inter_code_overrides_the_words():
    text = "The brigade seized the town."
    brigade = ActorRef("The brigade", 0, 11, "initiator", inter_code=1)
    assert classify(Sentence(text), [brigade]).sub_event_type == "Government regains territory"
    assert classify(Sentence(text), [ActorRef("The brigade", 0, 11, "initiator", inter_code=2)]) \
        == EventType("Battles", "Non-state actor overtakes territory")


def test_casualties_undo_an_interception():
    text = "Air defences intercepted missiles, but debris killed two people."
    assert kind(text, counts=[("two", "people", "killed")]) == "Shelling/artillery/missile attack"


def test_weapons_name_the_means():
    assert kind("The town was hit on Monday.", weapons=[]) == "Armed clash"
    assert sorted(find_cues("The town was hit.", ["Shahed drones"])) == ["air"]
    text = "Two Su-24 bombers hit the town."
    assert kind(text, weapons=["Su-24 bombers"]) == "Air/drone strike"


@pytest.mark.parametrize("text,state", [
    ("Syrian government forces", True), ("the army", True), ("pro-government militias", True),
    ("police", True), ("rebel troops", False), ("HTS fighters", False), ("Islamic State", False),
    ("civilians", False), ("Iraqi forces", True), ("Counter-Terrorism Service", True), ("Peshmerga", True),
    ("Popular Mobilisation Forces", True), ("Malian and Russian forces", True), ("Turkish forces", False),
    ("Syrian Democratic Forces", False), ("Houthi forces", False)])
def test_state_actors_by_their_words(text, state):
    assert is_state_actor(text) is state


def test_civilian_targeting_needs_civilians_and_no_armed_men():
    civ = ActorRef("civilians", 0, 9, "target")
    assert civilian_target([civ], [])
    assert not civilian_target([civ, ActorRef("soldiers", 20, 28, "target")], [])
    assert not civilian_target([ActorRef("civilians", 0, 9, "initiator")], [])
    assert civilian_target([], [CountRef("4", 0, 1, 4, 4, 4, "children", "killed")])


@pytest.mark.parametrize("noun", ["farm workers", "seasonal labourers", "staff members", "an elderly man",
                                  "Egyptian Christians", "civil servants"])
def test_unarmed_people_by_trade_or_faith_are_civilians(noun):
    assert civilian_target([ActorRef(noun, 0, len(noun), "target")], [])
    assert not civilian_target([ActorRef(noun, 0, len(noun), "target"), ActorRef("troops", 30, 36, "target")], [])


def test_records_carry_their_type_and_the_date_s_source():
    text = ("Warplanes bombed Kafr Nabl on Monday, killing 4 civilians.\n\n"
            "Clashes killed 3 soldiers near Hish.\n\nA roadside bomb exploded in Ariha, a monitor said.")
    spans = [("LOCATION", "Kafr Nabl"), ("DATE", "Monday"), ("COUNT", "4"), ("ACTOR", "civilians"),
             ("COUNT", "3"), ("ACTOR", "soldiers"), ("LOCATION", "Hish"), ("WEAPON", "roadside bomb"),
             ("LOCATION", "Ariha")]
    ents = [Entity(label, text.index(w), text.index(w) + len(w), w, 0.9) for label, w in spans]
    recs = build_records(text, ents, "2024-05-08", "d")
    assert [(r.event_type, r.sub_event_type) for r in recs] == [
        ("Explosions/Remote violence", "Air/drone strike"), ("Battles", "Armed clash"),
        ("Explosions/Remote violence", "Remote explosive/landmine/IED")]
    assert [r.date.source for r in recs] == ["text", "carried", "carried"]
    assert [r.date.value for r in recs] == ["2024-05-06"] * 3
    assert build_records("Shelling hit the town.", [], "2024-05-08")[0].date.source == "publication"


def test_places_taken_by_quantity_in_the_passive_or_by_restored_control():
    text = "Insurgents seized most of Aleppo on Saturday."
    assert kind(text, [("Insurgents", "initiator")], locations=["Aleppo"]) == "Non-state actor overtakes territory"
    text = "Opposition factions overran dozens of villages near Zarbeh."
    assert kind(text, [("Opposition factions", "initiator")]) == "Non-state actor overtakes territory"
    # a place as the subject of a passive capture; "retaken" without a taker says the state
    assert kind("The base, manned by Kenyan troops, was retaken two days later.") == "Government regains territory"
    text = "Al Bab was captured from Islamic State by rebel factions in February."
    assert kind(text, [("rebel factions", "initiator")], locations=["Al Bab"]) == \
        "Non-state actor overtakes territory"
    text = "Army units restored full control over the city of Saraqib after fierce battles."
    assert kind(text, [("Army units", "initiator")]) == "Government regains territory"
    text = "The AA took Maungdaw, the last junta-held town on the border."
    assert kind(text, [("AA", "initiator")], locations=["Maungdaw"]) == "Non-state actor overtakes territory"
    # people captured, or a verb without a place, take no territory
    assert kind("Three soldiers were captured near the village.", [("soldiers", "target")],
                [("Three", "soldiers", "captured")]) == "Armed clash"
    assert kind("The army took part in an offensive.", [("army", "initiator")]) == "Armed clash"


@pytest.mark.parametrize("text", ["Arakan Army", "Myanmar National Democratic Alliance Army",
                                  "Kachin Independence Army"])
def test_armies_named_for_a_cause_are_not_the_state(text):
    assert not is_state_actor(text)


def test_the_first_initiator_named_takes_the_place_with_its_allies():
    text = "Government forces and allied militias entered the town of Ariha."
    assert kind(text, [("Government forces", "initiator"), ("allied militias", "initiator")]) == \
        "Government regains territory"
    text = "Federal Police and the Counter-Terrorism Service entered the city."
    assert kind(text, [("Federal Police", "initiator"), ("Counter-Terrorism Service", "initiator")]) == \
        "Government regains territory"
    # a non-state group named after the state's forces is mostly the side that lost the place
    text = "Army units and tribal militias recaptured the village of Hish from the insurgents."
    assert kind(text, [("Army units", "initiator"), ("tribal militias", "initiator")]) == \
        "Government regains territory"
    text = "Federal troops took the airport, meeting little resistance from clan fighters."
    assert kind(text, [("Federal troops", "initiator"), ("clan fighters", "initiator")]) == \
        "Government regains territory"
    text = "HTS fighters and defecting army units entered the town of Ariha."
    assert kind(text, [("HTS fighters", "initiator"), ("defecting army units", "initiator")]) == \
        "Non-state actor overtakes territory"


def test_armour_destroyed_names_a_fight_so_no_earlier_act_retypes_it():
    from conflict_ner.events.types import decide

    got = decide(Sentence("HTS media claim fighters destroyed two tanks near Tal Sayyad."))
    assert (got.kind.sub_event_type, got.basis) == ("Armed clash", "cue")
    text = "Warplanes bombed Saraqib on Monday. Fighters destroyed two tanks near Tal Sayyad."
    assert [r.sub_event_type for r in build_records(text, [], "2024-05-08")] == ["Air/drone strike", "Armed clash"]


def test_places_taken_behind_quotes_place_words_or_a_bare_fall():
    text = 'The ministry said its army units had "liberated" the village of Voznesenka.'
    assert kind(text, [("army units", "initiator")]) == "Government regains territory"
    text = "Turkish-backed factions took control of the center of Tal Abyad on Sunday."
    assert kind(text, [("Turkish-backed factions", "initiator")], locations=["Tal Abyad"]) == \
        "Non-state actor overtakes territory"
    text = "The SDF entered the eastern districts of Hajin in December."
    assert kind(text, [("SDF", "initiator")], locations=["Hajin"]) == "Non-state actor overtakes territory"
    # a place span may hold the gap's words ("southern Syria") or follow them
    text = "Government forces retook southern Syria in 2018."
    assert kind(text, [("Government forces", "initiator")], locations=["southern Syria"]) == \
        "Government regains territory"
    assert kind("The SDF regained full control of a prison in Hasakah.", [("SDF", "initiator")]) == \
        "Non-state actor overtakes territory"
    assert kind("HTS-led factions take Saraqib on the third day.", [("HTS-led factions", "initiator")],
                locations=["Saraqib"]) == "Non-state actor overtakes territory"
    assert kind("In Takhar's capital, Taloqan, the city fell late on Sunday after weeks of fighting.") == \
        "Non-state actor overtakes territory"
    assert kind("Taloqan fell on Sunday after weeks of fighting.", locations=["Taloqan"]) == \
        "Non-state actor overtakes territory"


def test_a_fall_told_as_time_or_shells_falling_takes_no_place():
    text = "In the days before the town fell, a strike hit the main hospital in Afrin."
    assert kind(text, locations=["Afrin"]) == "Air/drone strike"
    text = "In Aleppo, three shells fell on the market."
    assert kind(text, locations=["Aleppo"]) == "Shelling/artillery/missile attack"
    assert kind("The front fell silent after weeks of clashes.") == "Armed clash"


def test_explosive_laden_vehicles_are_suicide_bombs():
    text = "Militants rammed two explosives-laden vehicles into the perimeter wall."
    assert kind(text, [("Militants", "initiator")]) == "Suicide bomb"


@pytest.mark.parametrize("text, expected", [
    ("Protesters stormed a Turkish visa office in Karbala and burned a Turkish flag.", "Violent demonstration"),
    ("In Amarah, protesters attacked the house of a member of parliament and set it on fire.", "Violent demonstration"),
    ("Residents protested in Beni, blocking roads with burning tyres.", "Peaceful protest"),
    ("Thousands of protesters marched peacefully through Lagos.", "Peaceful protest"),
])
def test_what_a_crowd_does_makes_its_protest_violent(text, expected):
    assert classify(Sentence(text)).sub_event_type == expected


def test_protest_deaths_at_the_state_s_hands_are_excessive_force():
    text = "Rights groups say 400 people have been killed by security forces since the protests began."
    actors = [ActorRef("security forces", 51, 66, "initiator"), ActorRef("people", 22, 28, "target")]
    counts = [CountRef("400", 18, 21, 400, 400, 400, "people", "killed")]
    assert classify(Sentence(text), actors, counts=counts).sub_event_type == "Excessive force against protesters"
    assert classify(Sentence(text), actors[1:], counts=counts).sub_event_type == "Peaceful protest"


def test_more_capture_words_take_a_place():
    text = "Rebel columns walked into the centre of Goma on Sunday."
    assert kind(text, [("Rebel columns", "initiator")], locations=["Goma"]) == "Non-state actor overtakes territory"
    text = "Militia fighters occupied the district headquarters overnight."
    assert kind(text, [("Militia fighters", "initiator")]) == "Non-state actor overtakes territory"
    text = "The town was cleared street by street, army engineers said."
    assert kind(text, [("army engineers", "initiator")]) == "Government regains territory"
    assert kind("Federal troops secured the airport by noon.", [("Federal troops", "initiator")]) == \
        "Government regains territory"
    # "recovered" ground, with no one named, is ground taken back: the state's
    assert kind("Units have recovered about 40 square kilometres of territory.") == "Government regains territory"


def test_a_bare_fall_leaves_the_taker_to_the_document():
    """A place that fell to no one named is typed by the document's last capture (type_carry)."""
    from conflict_ner.events.types import decide

    assert decide(Sentence("Taloqan fell on Sunday."), locations=[TextSpan("Taloqan", 0, 7)]).basis == "taker"
    assert decide(Sentence("The town fell to government forces.")).basis == "cue"


def test_property_blown_up_or_set_on_fire_is_destroyed_unless_people_are_hurt():
    assert kind("Fighters blew up two bridges on the highway.") == "Looting/property destruction"
    assert kind("Raiders set several huts on fire before dawn.") == "Looting/property destruction"
    assert kind("The village shrine was blown up overnight.") == "Looting/property destruction"
    # owners shot while their homes burn suffered an attack, not only property destruction
    assert kind("Gunmen set fire to homes and shot residents who tried to flee.") != "Looting/property destruction"


def test_crowd_control_means_tell_a_protest_met_by_force():
    text = "Riot units used tear gas and water cannon on residents blocking the main road."
    assert kind(text, [("Riot units", "initiator"), ("residents", "target")]) == "Protest with intervention"
    text = "Police fired rubber bullets at villagers, wounding 12 people."
    assert kind(text, [("Police", "initiator")], [("12", "people", "injured")]) == "Excessive force against protesters"


def test_a_capture_reads_through_a_closing_quote_and_counted_places():
    text = "The agency said soldiers had “restored security” to the village after two days."
    assert kind(text, [("soldiers", "initiator")]) == "Government regains territory"
    text = "Army units have captured an estimated 40 villages since March."
    assert kind(text, [("Army units", "initiator")]) == "Government regains territory"
    text = "Militants overran about ten villages and more than a dozen farms in the district."
    assert kind(text, [("Militants", "initiator")]) == "Non-state actor overtakes territory"


def test_one_describing_word_may_stand_before_the_place_taken():
    text = "Government forces captured the hilltop town of Qaryat Sharqi."
    assert kind(text, [("Government forces", "initiator")]) == "Government regains territory"
    assert kind("Rebels overran three army camps near the river.", [("Rebels", "initiator")]) == \
        "Non-state actor overtakes territory"


def test_an_air_force_that_reports_missiles_names_no_air_means():
    assert kind("The air force said four cruise missiles struck the port overnight.") == \
        "Shelling/artillery/missile attack"
    assert kind("Air force jets fired missiles at the convoy.") == "Air/drone strike"


def test_aircraft_destroyed_with_a_two_word_name_and_mines_cleared_are_disrupted_use():
    # a country and a model before the aircraft ("two Syrian Su-24 warplanes") still name what was stopped
    assert kind("Air defence units said they had destroyed two enemy Su-25 warplanes near the coast.") == \
        "Disrupted weapons use"
    # mines cleared from a road: their use prevented, not a fight for the road
    assert kind("Engineers cleared mines from the main road south of the town on Friday.") == "Disrupted weapons use"
    assert kind("Sappers were clearing landmines in the fields east of the river.") == "Disrupted weapons use"


def test_cue_words_wrapped_over_a_line_break_still_match():
    # hard-wrapped copy: the break between the cue's words reads as a space
    assert kind("Militants later blew up the water pumping\nstation on the edge of the valley.") == \
        "Looting/property destruction"
    assert kind("Two children were killed when a roadside\nbomb went off near the school.") == \
        "Remote explosive/landmine/IED"
    assert sorted(find_cues("Police fired tear\ngas at the crowd of protesters.")) == ["intervention", "protest"]


def test_supplies_dropped_from_the_air_are_no_strike():
    assert kind("Cargo planes dropped food, water and medical supplies to the besieged garrison overnight.") == "Other"
    assert kind("Helicopters began airdropping aid to the cut-off villages on Monday.") == "Other"
    # bombs dropped are still a strike
    assert kind("Helicopters dropped barrel bombs on the cut-off villages on Monday.") == "Air/drone strike"


def test_an_airspace_closed_or_forces_on_their_way_are_a_change_of_activity():
    assert kind("The navy said three of its frigates and two warships were on their way to the strait.") == \
        "Change to group/activity"
    assert kind("The military council closed the country's airspace on Monday.") == "Change to group/activity"
    # people on their way somewhere who are hurt tell of another act
    assert kind("Gunmen shot dead four traders who were on their way to the market.", [("traders", "target")]) != \
        "Change to group/activity"


def test_blasts_heard_with_bursts_of_gunfire_are_a_fight():
    assert kind("Witnesses reported loud explosions and bursts of automatic gunfire near the barracks overnight.") == \
        "Armed clash"
    assert kind("A blast and heavy gunfire were heard near the airport before dawn.") == "Armed clash"
    # a blast alone is still a bomb
    assert kind("A loud blast was heard near the airport before dawn.") == "Remote explosive/landmine/IED"
