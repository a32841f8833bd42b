from __future__ import annotations

import pytest

from conflict_ner.events.roles import assign_roles
from conflict_ner.events.sentence import Sentence


def _roles(entities, sentence: str, *actors: str) -> list[tuple[str, str]]:
    ents = entities(sentence, [("ACTOR", a) for a in actors])
    return [(a.text, a.role) for a in assign_roles(Sentence(sentence), ents)]


@pytest.mark.parametrize("sentence, actors, expected", [
    # active voice: subject initiates, object suffers
    ("Militants attacked soldiers near the border.", ("Militants", "soldiers"), ["initiator", "target"]),
    ("Government troops and allied militias stormed the town.", ("Government troops", "allied militias"),
     ["initiator", "initiator"]),
    ("Syrian forces fired 36 rockets at Kafr Nabl, killing four civilians.", ("Syrian forces", "civilians"),
     ["initiator", "target"]),
    ("Militants attacked the base and killed three soldiers.", ("Militants", "soldiers"), ["initiator", "target"]),
    # passive voice
    ("Rebels were attacked by government troops.", ("Rebels", "government troops"), ["target", "initiator"]),
    ("Four civilians were killed when militants attacked a checkpoint.", ("civilians", "militants"),
     ["target", "initiator"]),
    ("Two soldiers were wounded in the blast.", ("soldiers",), ["target"]),
    ("Four civilians killed in the strike were buried.", ("civilians",), ["target"]),
    ("Our network recorded nine civilians killed across the Idlib and Hama provinces today.", ("civilians",),
     ["target"]),
    ("Five soldiers died in an ambush.", ("soldiers",), ["target"]),
    ("Villagers came under fire from RSF fighters.", ("Villagers", "RSF fighters"), ["target", "initiator"]),
    # prepositions that mark the target
    ("Israeli jets carried out strikes against Hezbollah.", ("Israeli jets", "Hezbollah"), ["initiator", "target"]),
    ("An airstrike targeting Houthi fighters hit the port.", ("Houthi fighters",), ["target"]),
    ("Drones struck on positions of the SDF overnight.", ("SDF",), ["target"]),
    ("Artillery pounded HTS positions near Idlib.", ("HTS",), ["target"]),
    ("The offensive on Ukrainian troops stalled.", ("Ukrainian troops",), ["target"]),
    # the one who lost men suffered the act, and so did its men
    ("A spokesman said the Al-Bunyan al-Marsous forces had lost more than 700 fighters since May.",
     ("Al-Bunyan al-Marsous forces", "fighters"), ["target", "target"]),
    # the subject of its own relative clause
    ("Boko Haram militants who seized the town of Baga on January 3 have since burned 16 villages.",
     ("Boko Haram militants",), ["initiator"]),
    ("Soldiers who were ambushed near the border, residents said, later returned to base.", ("Soldiers",), ["target"]),
    ("The gunmen who attacked the village on Monday, witnesses said, came on motorcycles.", ("gunmen",), ["initiator"]),
    # an act noun's "of": what the act was done to
    ("Videos showed the execution of captured soldiers by the militia.", ("captured soldiers", "militia"),
     ["target", "initiator"]),
    ("Videos showed the killing of three captured soldiers by the militia.", ("captured soldiers", "militia"),
     ["target", "initiator"]),
    # the group a place is held by takes part, neither doing nor suffering the act (ANNOTATION section 9)
    ("Government forces shelled HTS-held villages.", ("Government forces", "HTS"), ["initiator", "other"]),
    ("Shells hit a town held by the rebels.", ("rebels",), ["other"]),
    # a backer or patron takes no part in the act itself
    ("Kurdish forces, backed by the US-led coalition, stormed the prison.", ("Kurdish forces", "US-led coalition"),
     ["initiator", "other"]),
    ("The al-Qaeda-linked JNIM attacked the base.", ("al-Qaeda", "JNIM"), ["other", "initiator"]),
    # mutual fighting with no side named as attacker: both sides fought (ANNOTATION section 9)
    ("Clashes between the army and HTS left 12 dead.", ("army", "HTS"), ["initiator", "initiator"]),
    ("HTS clashed with government forces.", ("HTS", "government forces"), ["initiator", "initiator"]),
    ("Fighting between the army and the RSF killed 20 people.", ("army", "RSF", "people"),
     ["initiator", "initiator", "target"]),
    ("The army and the RSF fought in Omdurman.", ("army", "RSF"), ["initiator", "initiator"]),
    # no act
    ("The UN envoy met Russia in Geneva.", ("UN", "Russia"), ["unknown", "unknown"]),
    # participant sources keep a role
    ("The army said it killed 30 militants.", ("army", "militants"), ["initiator", "target"]),
    ("Islamic State claimed responsibility for the attack.", ("Islamic State",), ["initiator"]),
    ("The RSF, which controls most of Darfur, said it had seized the camp.", ("RSF",), ["initiator"]),
    ("The army, which rarely comments, said its troops had been ambushed near the border.", ("army",), ["target"]),
])
def test_roles(entities, sentence, actors, expected):
    assert [role for _, role in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, kept", [
    ("Rebels shelled Hama, according to SANA.", ("Rebels", "SANA"), ["Rebels"]),
    ("Residents said militias looted the market.", ("Residents", "militias"), ["militias"]),
    ("Drones hit the town, the Syrian Observatory reported.", ("Syrian Observatory",), []),
    ("The army told Reuters it repelled the assault.", ("army",), ["army"]),
])
def test_pure_sources_are_left_out(entities, sentence, actors, kept):
    assert [text for text, _ in _roles(entities, sentence, *actors)] == kept


def test_offsets_are_original_text_offsets(entities):
    text = "Headline here. Militants attacked soldiers."
    start = text.index("Militants")
    ents = entities(text, [("ACTOR", "Militants"), ("ACTOR", "soldiers")])
    refs = assign_roles(Sentence(text[start:], start), ents)
    assert [(r.role, text[r.start:r.end] == r.text) for r in refs] == [("initiator", True), ("target", True)]


@pytest.mark.parametrize("sentence, actors, roles", [
    ("Police commanders blamed the Jaime Martinez front for the bombing.", ("Jaime Martinez front",), ["initiator"]),
    ("The ministry accused Pakistan of bombing a market.", ("Pakistan",), ["initiator"]),
    ("The attacks were claimed by JNIM.", ("JNIM",), ["initiator"]),
    ("Eighteen people were killed, 13 of them civilians.", ("people", "civilians"), ["target", "target"]),
])
def test_blame_and_victim_nouns(entities, sentence, actors, roles):
    assert [role for _, role in _roles(entities, sentence, *actors)] == roles


def test_hurt_is_an_act_and_its_passive_subject_a_target(entities):
    s = "The ministry denied that any civilians had been hurt in the strikes."
    assert _roles(entities, s, "civilians") == [("civilians", "target")]


@pytest.mark.parametrize("sentence, role", [
    ("Fighters of the Rapid Support Forces attacked the camp.", "initiator"),
    ("Drones struck fighters of the Rapid Support Forces.", "target"),
    ("Drones struck positions of the Rapid Support Forces.", "target"),
])
def test_members_of_a_group_share_its_role(entities, sentence, role):
    assert _roles(entities, sentence, "Rapid Support Forces") == [("Rapid Support Forces", role)]


@pytest.mark.parametrize("sentence, actors, expected", [
    # the object of an active act verb, whatever verb follows it (issue 18, long sentences)
    ("Afghan border forces fired artillery into Chaman, killing six civilians and wounding 17 others.",
     ("Afghan border forces", "civilians"), ["initiator", "target"]),
    ("Gunmen killed at least 100 people in the village, in an attack that began late Friday.",
     ("Gunmen", "people"), ["initiator", "target"]),
    # the listed dead are targets, with or without a verb trigger
    ("The monitor said 327 people had been killed, including 183 HTS fighters and 100 soldiers.",
     ("HTS fighters", "soldiers"), ["target", "target"]),
    ("- Deaths among government forces and allied militias (monitor estimates): 28 to 43",
     ("government forces", "allied militias"), ["target", "target"]),
    # coordinated actors share a role: "X, the Y and their allies launched an advance on positions of A and B"
    ("Ahrar al-Sham, the Nusra Front and their allies launched an advance on positions of the army and the NDF.",
     ("Ahrar al-Sham", "Nusra Front", "allies", "army", "NDF"),
     ["initiator", "initiator", "initiator", "target", "target"]),
    ("The attack was launched by Hayat Tahrir al-Sham and the Free Syrian Army.",
     ("Hayat Tahrir al-Sham", "Free Syrian Army"), ["initiator", "initiator"]),
    # and back, when only the second of the two is placed
    ("Government forces and their allies made an attempt since May to storm the hilltop village.",
     ("Government forces", "allies"), ["initiator", "initiator"]),
    # the one who denies an act, or claims it, is its (alleged) author
    ("Iran denied any involvement.", ("Iran",), ["initiator"]),
    ("The Arakan Rohingya Salvation Army, which claimed responsibility, said it acted to defend villagers.",
     ("Arakan Rohingya Salvation Army",), ["initiator"]),
    # but not across a new clause
    ("Rebels killed two soldiers, and the army shelled their positions.",
     ("Rebels", "soldiers", "army"), ["initiator", "target", "initiator"]),
])
def test_roles_from_lists_and_objects(entities, sentence, actors, expected):
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    # passives of a forced retreat: the one who withdrew suffered it, the one under whose fire it did acted
    ("Government troops were forced to withdraw under the army's bombardment.",
     ("Government troops", "army"), ["target", "initiator"]),
    ("The rebels were forced back under heavy fire from HTS.", ("rebels", "HTS"), ["target", "initiator"]),
    ("Russian shelling forced Ukrainian troops to withdraw from the village.", ("Ukrainian troops",), ["target"]),
    # the side a place is taken from lost it
    ("The army retook the base from the RSF.", ("army", "RSF"), ["initiator", "target"]),
    ("Al Bab was captured from Islamic State by Turkish forces.", ("Islamic State", "Turkish forces"),
     ["target", "initiator"]),
    # a subject no pattern placed, with a verb of its own in the past, acted
    ("Turkish security forces used tear gas against the crowd after the blast.",
     ("Turkish security forces",), ["initiator"]),
    ("The attackers, about 50 fighters in pickups, engaged the patrol with rockets.", ("attackers",), ["initiator"]),
])
def test_roles_of_forced_retreats_captures_and_plain_subjects(entities, sentence, actors, expected):
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    # no act word known to the rules: the positional patterns still read the actor
    ("Pro-government outlets said the army was inflicting heavy losses on the rebels.", ("rebels",), ["target"]),
    ("The town was handed over by the SDF.", ("SDF",), ["initiator"]),
    # the subject of a passive suffered it, of a reporting passive nothing is known
    ("Two drivers were neutralised near the bridge.", ("drivers",), ["target"]),
    ("Two brigades were reported near the bridge.", ("brigades",), ["unknown"]),
    # the subject of any verb of its own acted: irregular past, progressive, modal, headline present
    ("MNDAA columns moved west from Laukkai and cut the highway.", ("MNDAA",), ["initiator"]),
    ("Britain and France flew missions over Iraq only.", ("Britain", "France"), ["initiator", "initiator"]),
    ("The army is advancing in the northern Hama countryside.", ("army",), ["initiator"]),
    ("Afghan forces fall back to Kunduz airport.", ("Afghan forces",), ["initiator"]),
    # but not the subject of a reporting verb
    ("The ministry said nothing about the convoy.", ("ministry",), ["unknown"]),
])
def test_roles_without_a_known_act_word(entities, sentence, actors, expected):
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Jets destroyed ammunition depots used by the PKK near the border.", ("Jets", "PKK"), ["initiator", "target"]),
    ("Hundreds of radios used by Hezbollah members exploded on Tuesday.", ("Hezbollah members",), ["target"]),
    # "by" alone still names who did it
    ("The depot was shelled by the PKK.", ("PKK",), ["initiator"]),
])
def test_the_owner_of_what_was_hit_suffered_the_act(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, roles round 6: "used by X" names the owner of the thing hit
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The patrol was attacked by dozens of gunmen on motorcycles.", ("gunmen",), ["initiator"]),
    ("A village chief was shot dead by two gunmen near the market.", ("gunmen",), ["initiator"]),
    ("The outpost was overrun by more than a hundred militants at dawn.", ("militants",), ["initiator"]),
])
def test_a_count_between_by_and_the_doer(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6: "by [count] X" names the doer as plain "by X" does
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The border town fell to the rebels on Friday.", ("rebels",), ["initiator"]),
    ("The last garrison surrendered to Karen forces on Thursday.", ("Karen forces",), ["initiator"]),
    ("Kafr Nabl falls to government troops", ("government troops",), ["initiator"]),
    # the noun too: "the fall of X to Y"
    ("The fall of Wadi Sura to the rebels on Monday cut the main road.", ("rebels",), ["initiator"]),
])
def test_the_side_a_place_fell_to_took_it(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6: "fell to X", "surrendered to X": X took it
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    # an ally that fights beside the subject did the act with it
    ("Army units backed by tribal fighters retook the ridge.", ("Army units", "tribal fighters"),
     ["initiator", "initiator"]),
    ("Local militiamen backed by the army entered the village.", ("Local militiamen", "army"),
     ["initiator", "initiator"]),
    # a patron stays out of it
    ("Opposition factions backed by Turkey launched an attack on the town.", ("Opposition factions", "Turkey"),
     ["initiator", "other"]),
])
def test_a_fighting_backer_acts_a_patron_does_not(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    # an aside between the subject and its passive verb, another act word later in the clause
    ("More than 150 villagers, most of them women, were taken hostage during the raid.", ("villagers",), ["target"]),
    ("About 300 defenders, 40 of them badly wounded, were bussed out after the assault.", ("defenders",),
     ["target"]),
])
def test_the_subject_of_a_passive_after_an_aside(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Ankara blamed Kurdish militants for the bombing.", ("Ankara", "Kurdish militants"), ["other", "initiator"]),
    ("The government, in a statement on Monday, accused the rebels of shelling the market.",
     ("government", "rebels"), ["other", "initiator"]),
    # a reduced passive is no accuser: "civilians accused of collaborating" suffered the act
    ("Militiamen executed 13 civilians accused of collaborating with the army.", ("civilians",), ["target"]),
])
def test_the_one_who_blames_takes_no_part(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The shell was fired from positions held by the rebels in the hills.", ("rebels",), ["initiator"]),
    ("Rockets fired from SDF-held territory killed two people.", ("SDF",), ["initiator"]),
    # a place held by a group and hit is still only held by it
    ("Jets struck villages held by the rebels.", ("Jets", "rebels"), ["initiator", "other"]),
])
def test_fire_from_ground_a_group_holds_is_its(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The group claimed the ambush through its Amaq news agency.", ("group", "Amaq"), [("group", "initiator")]),
    ("A witness told Radio Free Asia that soldiers fired on the crowd.", ("Radio Free Asia", "soldiers"),
     [("soldiers", "initiator")]),
    ("The Houthis' Al-Masirah television said the fighters shelled the camp.", ("Al-Masirah", "fighters"),
     [("fighters", "initiator")]),
    # a group's own media is the group: "Islamic State media claimed"
    ("Islamic State media claimed its fighters attacked the base.", ("Islamic State", "fighters"),
     [("Islamic State", "initiator"), ("fighters", "initiator")]),
])
def test_an_outlet_is_no_actor(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert _roles(entities, sentence, *actors) == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The monitor recorded at least 12 soldiers and at least 9 rebel fighters killed on Friday.",
     ("soldiers", "rebel fighters"), ["target", "target"]),
    ("It put the number of army troops and allied militiamen killed since Monday at 30.",
     ("army troops", "allied militiamen"), ["target", "target"]),
    # an active verb keeps its subject: "had killed", "and killed"
    ("Rebels had killed 18 soldiers.", ("Rebels", "soldiers"), ["initiator", "target"]),
])
def test_the_listed_dead_before_a_bare_participle(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ('The post had been shelled by "terrorists" from positions in Idlib.', ("terrorists",), ["initiator"]),
    ("The army inflicted heavy losses on \u201cterrorist groups\u201d near the town.", ("terrorist groups",),
     ["target"]),
])
def test_a_quote_before_the_actor_keeps_its_cue(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The TNLA said it had carried out the attacks together with the Arakan Army.", ("Arakan Army",),
     ["initiator"]),
    ("Government forces launched offensives in the region with the help of clan militias.",
     ("Government forces", "clan militias"), ["initiator", "initiator"]),
    ("Army units, in cooperation with the auxiliary forces, restored control of the town.",
     ("Army units", "auxiliary forces"), ["initiator", "initiator"]),
])
def test_the_partner_an_act_was_done_with_did_it(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, speaker, actors, expected", [
    ("General Tom Reed, head of the regional command, said gunmen had opened fire on civilians.",
     "General Tom Reed", ("gunmen", "civilians"), [("gunmen", "initiator"), ("civilians", "target")]),
    ("Ali Musa, chairman of the local council, said 23 mourners died at the scene.",
     "Ali Musa", ("mourners",), [("mourners", "target")]),
])
def test_what_is_said_after_an_appositive_is_no_source(entities, sentence, speaker, actors, expected):
    # ANNOTATION.md section 6, roles round 6: "X, head of Y, said gunmen had ...": X said it
    from conflict_ner.events.sources import find_sources
    assert [sentence[x.start:x.end] for x in find_sources(sentence)] == [speaker]
    assert _roles(entities, sentence, *actors) == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Peacekeepers were pulled out of two bases on Saturday.", ("Peacekeepers",), ["initiator"]),
    ("Army units and police were deployed around the bases on Wednesday.", ("Army units", "police"),
     ["initiator", "initiator"]),
    ("The army deployed troops to guard government buildings.", ("army", "troops"), ["initiator", "initiator"]),
])
def test_forces_moved_by_their_side_carry_out_the_move(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6 (section 8: change to group/activity)
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("In May, government forces and the 5th Corps lost at least 27 men in a series of raids.",
     ("government forces", "5th Corps"), ["target", "target"]),
    ("The LNA and its allies deny planting mines in civilian homes.", ("LNA", "allies"), ["initiator", "initiator"]),
    ("The Civil Defence and the monitor attributed the attack to government forces.",
     ("Civil Defence", "government forces"), ["other", "initiator"]),
])
def test_a_cue_after_a_list_reads_for_all_of_it(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6: "X and Y lost/denied/blamed" as "X lost"
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The group claimed to have killed or captured \u201chundreds\u201d of soldiers and seized tanks.", ("soldiers",),
     ["target"]),
    ('The front claimed to have killed "more than 50" soldiers in the attack.', ("soldiers",), ["target"]),
])
def test_a_quoted_count_before_the_object(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Coalition aircraft carried out dozens of strikes in support of the ground forces.",
     ("ground forces",), ["other"]),
    ("US jets struck the camp at the request of Iraqi forces.", ("US jets", "Iraqi forces"), ["initiator", "other"]),
    ("The government deployed the army to support police on Tuesday.", ("police",), ["other"]),
])
def test_the_side_an_act_was_done_for_takes_no_part(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    # the act word before "that"/"as" is not the verb whose object the actor is
    ("The strike came on the same day that opposition factions, backed by artillery, retook the town.",
     ("opposition factions",), ["initiator"]),
    ("Paratroopers call in fire from the rooftops as Iraqi troops push into the old city", ("Iraqi troops",),
     ["initiator"]),
])
def test_an_actor_after_a_clause_opener_is_no_object(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Survivors said guards shot at people trying to flee.", ("guards",), ["initiator"]),
    # a reduced passive still reads as one
    ("Two soldiers shot at close range died in hospital.", ("soldiers",), ["target"]),
])
def test_shot_at_is_an_active_verb(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The minister said Ukrainian troops still held part of the town and were advancing on it.",
     ("Ukrainian troops",), ["initiator"]),
    ("Rebels were shelling the outskirts of the city.", ("Rebels",), ["initiator"]),
    # a passive progressive stays passive
    ("Rebels were being shelled near the city.", ("Rebels",), ["target"]),
])
def test_a_progressive_is_no_passive(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6 (events/triggers.py)
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The monitor puts the toll among government troops at 41.", ("government troops",), ["target"]),
    ("A resident said he had seen the bodies of at least 30 soldiers.", ("soldiers",), ["target"]),
    ("The army says it neutralized dozens of militants near the border.", ("militants",), ["target"]),
])
def test_the_counted_dead_are_targets(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Ahrar al-Sham fought HTS units around the town for a week.", ("Ahrar al-Sham", "HTS units"),
     ["initiator", "initiator"]),
    ("Government troops have been battling Druze militias since Sunday.", ("Government troops", "Druze militias"),
     ["initiator", "initiator"]),
])
def test_the_object_of_mutual_fighting_fought_too(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6 (section 9: mutual fighting)
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Special forces moved through the hotel floor by floor, freeing dozens of hostages.", ("hostages",), ["other"]),
    ("The army said it withdrew from the city to spare civilians.", ("civilians",), ["other"]),
    ("Fighters opened the central prison, releasing hundreds of prisoners.", ("prisoners",), ["other"]),
])
def test_those_an_act_frees_or_spares_take_no_part(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 6
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The port town has been besieged by rebel militias since March.", ("rebel militias",), ["initiator"]),
    ("Two clinics were occupied by gunmen and turned into firing posts.", ("gunmen",), ["initiator"]),
    ("The officials said the valley was being occupied by foreign troops.", ("foreign troops",), ["initiator"]),
    ("Artillery hit villages held by the insurgents.", ("insurgents",), ["other"]),
])
def test_the_occupier_and_the_besieger_act(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 7: occupying and besieging are acts, not holding
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Kurdish fighters stormed the last pocket held by the jihadists on Friday.", ("Kurdish fighters", "jihadists"),
     ["initiator", "target"]),
    ("The rebels took Tamu, the last junta-held town on the river.", ("rebels", "junta"), ["initiator", "target"]),
    ("Jets bombed a market in a village held by the rebels.", ("Jets", "rebels"), ["initiator", "other"]),
])
def test_the_last_ground_a_group_held_is_lost(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 7
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("A new faction, believed to be linked to the Islamic State, claimed the bombing.",
     ("faction", "Islamic State"), ["initiator", "other"]),
    ("The Northern Brigade, which is affiliated with the SDF, said it shelled the village.",
     ("Northern Brigade", "SDF"), ["initiator", "other"]),
    ("The Liberation Front, a coalition of Turkish-backed factions, stormed the town.",
     ("Liberation Front", "Turkish-backed factions"), ["initiator", "other"]),
    ("The Islamic State's affiliate in the region claimed the attack.", ("Islamic State",), ["other"]),
    ("JNIM, al Qaeda's branch in Mali, ambushed the convoy.", ("JNIM", "al Qaeda"), ["initiator", "other"]),
])
def test_the_group_another_is_linked_to_takes_no_part(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 7
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Police crossed into the forest in pursuit of the kidnappers.", ("Police", "kidnappers"), ["initiator", "target"]),
    ("The governor vowed to hunt down the gunmen.", ("governor", "gunmen"), ["initiator", "target"]),
    ("The army said it had sent jets after the bandits.", ("army", "bandits"), ["unknown", "target"]),
])
def test_the_side_chased_suffers_the_pursuit(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 7
    assert [r for _, r in _roles(entities, sentence, *actors)][1:] == expected[1:]


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Eight soldiers died in the ambush, the worst loss suffered by the garrison this year.", ("garrison",),
     ["target"]),
    ("Rebels overran the fort, the third outpost lost by the army in a month.", ("Rebels", "army"),
     ["initiator", "target"]),
])
def test_a_loss_suffered_by_a_side_is_its_own(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 7
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The Hawks Brigade now controls the hills north of the town after a week-long offensive.",
     ("Hawks Brigade",), ["initiator"]),
    ("Army units and the Hawks Brigade, in a statement, announce the end of the siege.",
     ("Army units", "Hawks Brigade"), ["initiator", "initiator"]),
    # after a copula, a description
    ("On the other side are army regulars from the garrison and militia fighters who arrived by bus on Monday.",
     ("army regulars",), ["unknown"]),
])
def test_an_actor_named_before_every_act_word_does_the_act(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 7
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("A border guard died in a firefight with smugglers last week.", ("border guard", "smugglers"),
     ["target", "initiator"]),
    ("Two attackers were killed in exchanges of fire with the presidential guard.", ("attackers", "presidential guard"),
     ["target", "initiator"]),
])
def test_the_other_side_of_an_exchange_of_fire_fought(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 7 (section 9: mutual fighting)
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Militia fighters at a checkpoint near the bridge came under mortar fire on Monday.", ("Militia fighters",),
     ["target"]),
    ("The army said the rebels, who had massed east of the town, came under heavy shelling.", ("army", "rebels"),
     ["unknown", "target"]),
])
def test_the_side_that_came_under_fire_suffered_it(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 7
    assert [r for _, r in _roles(entities, sentence, *actors)][-1:] == expected[-1:]


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Border guards repelled an attack by smugglers on their post overnight.", ("Border guards", "smugglers"),
     ["target", "initiator"]),
    ("The garrison had on Sunday repelled a night assault by the rebels.", ("garrison", "rebels"),
     ["target", "initiator"]),
    ("Border guards repelled three assaults overnight.", ("Border guards",), ["initiator"]),
])
def test_the_side_that_repelled_a_named_attacker_suffered_the_attack(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 7
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The Red Crescent said its teams had treated 40 wounded civilians in the town.",
     ("Red Crescent", "civilians"), ["other", "target"]),
    ("Police said they had arrested three gunmen after the attack.", ("Police", "gunmen"), ["initiator", "target"]),
])
def test_a_neutral_body_speaking_of_its_own_work_takes_no_part(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 7
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The contractors, who fought alongside the militia for a year, were pulled out in May.",
     ("contractors", "militia"), ["initiator", "other"]),
])
def test_the_ally_fought_alongside_takes_no_part(entities, sentence, actors, expected):
    # ANNOTATION.md section 6, roles round 7
    assert [r for _, r in _roles(entities, sentence, *actors)][1:] == expected[1:]


@pytest.mark.parametrize("sentence, actors, expected", [
    # a comma that groups thousands ends no stretch: the passive after the aside is the actor's
    ("Some 42,000 villagers, among them 9,500 herders, were displaced by the raids.", ("villagers",), ["target"]),
])
def test_a_thousands_comma_is_no_break(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, roles round 9
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Riot police fired rubber bullets at dozens of farmers and detained their leaders.", ("Riot police", "farmers"),
     ["initiator", "target"]),
    ("An explosion tore through a camp for displaced families near the river on Sunday night, killing six.",
     ("displaced families",), ["target"]),
    ("Our units continue to tighten the cordon on the last rebels holed up in the old mill.", ("rebels",),
     ["target"]),
    ("Rebels took the hill, while some 40 soldiers remained encircled near the dam.", ("Rebels", "soldiers"),
     ["initiator", "target"]),
    ("The convoy ambush was claimed by the ISIS-affiliated cell.", ("cell",), ["initiator"]),
])
def test_targets_counted_housed_or_pinned_and_a_hyphenated_patron(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, roles round 9
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


def test_a_besieger_is_not_pinned(entities):
    s = "Government troops besieged the market town for a month."
    assert _roles(entities, s, "Government troops") == [("Government troops", "initiator")]


@pytest.mark.parametrize("sentence, actors, expected", [
    # the group a person leads or belongs to suffers with the person killed
    ("A drone strike on a car killed Omar Haddad, a senior field commander of the Lions Brigade, near the bridge.",
     ("Omar Haddad", "Lions Brigade"), ["target", "target"]),
    # a part named after "including" shares the whole's suffering
    ("An estimated 15,000 residents, including some 6,000 children, were displaced from the valley and "
     "surrounding hamlets in May.", ("residents", "children"), ["target", "target"]),
])
def test_an_apposition_or_a_part_shares_the_role(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, roles round 9
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


def test_a_part_takes_only_the_suffering_of_the_whole(entities):
    # ANNOTATION.md section 9, roles round 9: the whole's own verb is not its parts'
    s = "Some 300 militants, among them 40 recruits wounded in the raid, stormed the barracks before dawn."
    assert _roles(entities, s, "militants", "recruits") == [("militants", "initiator"), ("recruits", "target")]


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Early reports show no casualties among Dutch personnel, and damage is being assessed.", ("Dutch personnel",),
     ["target"]),
    ("The brigade inflicted heavy losses in the ranks of the insurgents and destroyed their tunnels, an officer added.",
     ("brigade", "insurgents"), ["initiator", "target"]),
    ("Jets carried out raids on depots and concentrations of rebels across the plain and killed 40 of them.",
     ("rebels",), ["target"]),
])
def test_the_side_whose_losses_ranks_or_gatherings_are_told_suffered_the_act(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, roles round 9
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Two rockets struck the checkpoint at the north gate, where Dutch marines and local police were searching cars.",
     ("Dutch marines", "local police"), ["target", "target"]),
    # a "where" clause of fighting keeps its fighters
    ("Fighting raged in the hills where Turkmen brigades have been fighting government forces.",
     ("Turkmen brigades", "government forces"), ["initiator", "initiator"]),
])
def test_those_the_place_hit_held_suffered_the_act(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, roles round 9
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Police said two raiders were shot dead and five farmhands held hostage were freed.", ("farmhands",), ["other"]),
    ("Dozens of inmates were released from the district jail after the assault.", ("inmates",), ["other"]),
    ("The militia said it withdrew to spare the remaining villagers, and vowed to return.", ("villagers",), ["other"]),
])
def test_those_freed_or_spared_take_no_part(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, roles round 9
    assert [r for _, r in _roles(entities, sentence, *actors)][-1:] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("A patrol of the Border Guard Corps travelling near the pass was the victim of a bomb attack.",
     ("Border Guard Corps",), ["target"]),
    ("The governor survived an ambush on his convoy near the river, his office said.", ("governor",), ["target"]),
])
def test_the_victim_of_an_act_or_its_survivor_suffered_it(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, roles round 9
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The raiders torched the granary with two herdsmen inside and shot those who ran.",
     ("raiders", "herdsmen"), ["initiator", "target"]),
    ("Gunmen burned the bus with passengers still aboard and shot at the driver.", ("Gunmen", "passengers"),
     ["initiator", "target"]),
])
def test_those_a_building_held_when_it_was_hit_suffered_the_act(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, acts round 10: "with X inside" are the act's victims
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The spokesman said ammunition stored by the militia had exploded near the market.", ("militia",), ["other"]),
    ("Thirty wounded villagers were evacuated by the peacekeepers after the raid.", ("peacekeepers",), ["other"]),
    ("Engineers cleared mines left behind by the insurgents after the battle.", ("insurgents",), ["other"]),
    # the doer of the act itself, after "by", stays its initiator
    ("The market was shelled by the militia on Monday.", ("militia",), ["initiator"]),
])
def test_one_named_after_by_with_a_verb_no_part_of_the_act_takes_no_part(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, acts round 10
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Rebels had taken 20 border guards prisoner near the pass.", ("Rebels", "border guards"),
     ["initiator", "target"]),
    ("Rioters held six wardens and two nurses hostage for a day.", ("Rioters", "wardens", "nurses"),
     ["initiator", "target", "target"]),
])
def test_those_taken_prisoner_or_held_hostage_suffered_the_act(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, acts round 10
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    # each source of a list after "according to" is a source, not an actor of the act
    ("Jets bombed the depot on Monday, according to residents and to the Monitoring Group.",
     ("Jets", "residents", "Monitoring Group"), [("Jets", "initiator")]),
    # a period after a lone capital does not end the source's name
    ("Nine fighters were killed, according to the U.S. Southern Command, which runs the mission.",
     ("fighters", "U.S. Southern Command"), [("fighters", "target")]),
])
def test_every_source_after_according_to_is_left_out(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, acts round 10 (sources.py)
    assert _roles(entities, sentence, *actors) == expected


def test_a_long_named_source_is_left_out(entities):
    # ANNOTATION.md section 9, acts round 10: a source's name of up to ten words
    text = "The Joint Office for the Coordination of Relief Work said 20 villagers died in the raid."
    assert _roles(entities, text, "Joint Office for the Coordination of Relief Work", "villagers") == [
        ("villagers", "target")]


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Militia spokesman Captain Omar Farah rejected the accusation of shelling the camp.",
     ("Militia", "Omar Farah"), ["Militia"]),
    ("Omar Farah, a spokesman for the militia, denied that its gunmen attacked the convoy.",
     ("Omar Farah", "militia", "gunmen"), ["militia", "gunmen"]),
])
def test_a_sides_spokesperson_is_not_an_actor(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, acts round 10: the side speaks through its spokesperson
    assert [a for a, _ in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    # a name or a participle between "by" and the doer does not hide it
    ("Troops repelled an attack by Kivu gunmen on their post at dawn.", ("Troops", "gunmen"), ["target", "initiator"]),
    ("Two farmers were hit by bullets fired by fleeing soldiers near the bridge.", ("farmers", "soldiers"),
     ["target", "initiator"]),
])
def test_the_doer_after_by_with_a_modifier_did_the_act(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, acts round 10
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The garrison denied losing the hill on Monday.", ("garrison",), ["target"]),
    ("The ministry denied suffering any losses in the raid.", ("ministry",), ["target"]),
    # denying the act itself stays the doer's denial
    ("The militia denied shelling the market.", ("militia",), ["initiator"]),
])
def test_the_side_that_denies_a_loss_suffered_the_act(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, acts round 10
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


def test_those_an_advance_met_resistance_from_are_its_target(entities):
    # ANNOTATION.md section 9, acts round 10
    text = "Army units took the town, meeting little resistance from the militia, who pulled back north."
    assert _roles(entities, text, "Army units", "militia") == [("Army units", "initiator"), ("militia", "target")]


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The monitor counted 12 soldiers killed since Friday, and at least 9 fighters of the Border Front.",
     ("soldiers", "fighters", "Border Front"), ["target", "target", "target"]),
    ("The army had lost 300 men by March, against more than 500 among the insurgents.",
     ("army", "men", "insurgents"), ["target", "target", "target"]),
    ("It put the toll among the police at 14 and among the raiders at 6.", ("police", "raiders"),
     ["target", "target"]),
    # a clause with its own verb after the count is no member of it
    ("Nine soldiers were killed and 11 wounded when bandits raided the camp.", ("soldiers", "bandits"),
     ["target", "initiator"]),
])
def test_the_rest_of_a_casualty_count_suffered_the_act(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, roles round 11
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


@pytest.mark.parametrize("sentence, actors", [
    ("Villagers buried 14 victims of the shelling that struck the market.", ("victims",)),
    ("Hundreds of survivors have walked across the border since the raid.", ("survivors",)),
])
def test_victims_and_survivors_never_did_the_act(entities, sentence, actors):
    # ANNOTATION.md section 9, roles round 11
    assert [r for _, r in _roles(entities, sentence, *actors)] == ["target"] * len(actors)


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The Rights Monitor puts the toll for the week at 41 dead.", ("Rights Monitor",), []),
    ("The Rights Monitor gave a slightly higher toll of 15 villagers killed in the shelling.",
     ("Rights Monitor", "villagers"), [("villagers", "target")]),
    ("The Rights Monitor gives a higher figure of 15 people killed since Sunday.", ("Rights Monitor", "people"),
     [("people", "target")]),
    ("The Rights Monitor updates its toll to 90 dead: 40 civilians and 50 fighters.", ("Rights Monitor", "civilians"),
     [("civilians", "target")]),
])
def test_a_monitor_that_puts_or_gives_a_toll_is_a_source(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, roles round 11 (sources.py)
    assert _roles(entities, sentence, *actors) == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The dead were three Kenyan nationals and one Ugandan, officials said.", ("Kenyan nationals", "Ugandan"),
     ["target", "target"]),
    ("Among the victims were two Ugandan engineers, the agency said.", ("Ugandan engineers",), ["target"]),
    ("A district chief was killed with his bodyguard near the market on Friday.", ("district chief", "bodyguard"),
     ["target", "target"]),
])
def test_those_the_dead_are_said_to_be_suffered_the_act(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, roles round 11
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


def test_a_casualty_participle_before_a_dash_is_a_reduced_passive(entities):
    # ANNOTATION.md section 9, roles round 11: "the 9 Kenyans killed — 7 police officers and ... —"
    text = "The ministry said the nine Kenyans killed \u2014 seven officers and two drivers \u2014 were buried on Monday."
    assert _roles(entities, text, "Kenyans")[0] == ("Kenyans", "target")


@pytest.mark.parametrize("sentence, actors, expected", [
    ("The Hill Front, commanded by Ali Musa, said it had shelled the border post.", ("Hill Front", "Ali Musa"),
     [("Hill Front", "initiator")]),
    ("Lake Brigade, the faction led by Colonel Omar Sadiq, ambushed the convoy near the river.",
     ("Lake Brigade", "Omar Sadiq"), [("Lake Brigade", "initiator")]),
    # with the group unnamed the leader is the only name of the side
    ("The party, led by Omar Sadiq, denied any role in the ambush.", ("Omar Sadiq",), [("Omar Sadiq", "initiator")]),
    # a unit that led the others fought
    ("Government forces, led by the Desert Brigade, stormed the town.", ("Government forces", "Desert Brigade"),
     [("Government forces", "initiator"), ("Desert Brigade", "initiator")]),
])
def test_the_leader_of_a_named_group_is_no_actor(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, roles3: "X, the group led by Y": X is the side, the gold leaves Y out
    assert _roles(entities, sentence, *actors) == expected


@pytest.mark.parametrize("sentence, actors, expected", [
    ("Militants killed nine soldiers near Tamo on Monday, the worst loss for Kelan's army in a decade.",
     ("Militants", "soldiers", "army"), ["initiator", "target", "target"]),
    ("Rebels took the river port, a third defeat for the junta in a month.", ("Rebels", "junta"),
     ["initiator", "target"]),
    ("The ambush was the deadliest blow to the border guards since the truce.", ("border guards",), ["target"]),
])
def test_the_side_a_defeat_is_told_of_suffered_it(entities, sentence, actors, expected):
    # ANNOTATION.md section 9, roles3: "a loss / defeat / blow for / to X": X suffered the act
    assert [r for _, r in _roles(entities, sentence, *actors)] == expected


def test_a_unit_of_a_named_side_shares_its_role(entities):
    # a unit and the side it belongs to, joined by "of", are one party: the side is hit with its officers
    sentence = ("The army said it had shelled a gathering of officers of the Northern Sector Command"
                " and killed 40 soldiers.")
    assert _roles(entities, sentence, "army", "officers", "Northern Sector Command") == [
        ("army", "initiator"), ("officers", "target"), ("Northern Sector Command", "target")]
