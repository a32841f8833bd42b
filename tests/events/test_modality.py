from __future__ import annotations

import pytest

from conflict_ner.events import modality as modality_rule
from conflict_ner.events.modality import source_kind, speaks_as_party
from conflict_ner.events.sentence import Sentence


def modality(text: str, *args, **kwargs) -> str:
    return modality_rule.modality(Sentence(text), *args, **kwargs)


@pytest.mark.parametrize("sentence", [
    "The army denied shelling the village.",
    "No casualties were reported.",
    "No one was hurt in the blast.",
    "The ministry rejected claims that its jets struck a school.",
    "Militants did not attack the base.",
    "The drone fell without causing casualties.",
])
def test_negated(sentence):
    assert modality(sentence) == "negated"


@pytest.mark.parametrize("sentence", [
    "A rebel spokesman dismissed the army's toll as invented.",
    "The militia has rejected such figures as propaganda.",
    "A commander of the brigade, speaking by phone, rejected that account.",
    "The ministry rejected the monitor's version.",
    "He rejected any responsibility for the killings in the camp.",
])
def test_rejecting_the_other_side_s_account_is_negated(sentence):
    assert modality(sentence) == "negated"


def test_knowledge_negation_is_not_negated():
    assert modality("It was not immediately clear who carried out the attack, which killed 12.") == "asserted"


@pytest.mark.parametrize("sentence", [
    "Hezbollah threatened to strike Haifa.",
    "The group vowed to avenge its commander.",
    "The army warned it would respond with force.",
    "Sisi said Egypt reserved the right to strike again wherever it chose.",
    "Putin warned that Moscow considered itself entitled to strike the facilities of such countries.",
])
def test_threatened(sentence):
    assert modality(sentence) == "threatened"


@pytest.mark.parametrize("sentence", [
    "The army is preparing to launch an offensive on Idlib.",
    "Russia announced an offensive in Kharkiv.",
    "Israel plans to expand the ground operation.",
    "Troops will attack the city next week.",
])
def test_planned(sentence):
    assert modality(sentence) == "planned"


def test_a_realized_act_outweighs_a_threat_in_the_same_sentence():
    assert modality("Militants killed three soldiers and vowed more attacks.") == "asserted"


@pytest.mark.parametrize("sentence", [
    "Islamic State claimed responsibility for the bombing.",
    "According to SANA, terrorists shelled Aleppo.",
    "Ten died, according to pro-militant sources.",
    "The army said it killed 30 militants.",
    "The Defence Ministry said its forces destroyed four tanks.",
    "Acme Brigade said it had destroyed three drones.",
])
def test_claimed(sentence):
    assert modality(sentence) == "claimed"


@pytest.mark.parametrize("sentence", [
    "Airstrikes hit Idlib on Monday.",
    "According to the Syrian Observatory for Human Rights, 12 died.",
    "Thirty people were killed, a hospital official said.",
    "Residents said drones struck the market.",
    "The attack claimed the lives of 12 people.",
])
def test_asserted(sentence):
    assert modality(sentence) == "asserted"


def test_given_source_decides_party_or_neutral():
    s = "Twelve fighters were killed, the statement said."
    assert modality(s, "the army") == "claimed"
    assert modality(s, "a monitor") == "asserted"


@pytest.mark.parametrize("source, kind", [
    ("the Defence Ministry", "party"), ("Amaq", "party"), ("sources close to the group", "party"),
    ("SANA", "party"), ("Hamas-run health ministry", "party"),
    ("a monitor", "neutral"), ("the U.N. refugee agency", "neutral"), ("residents", "neutral"),
    ("a hospital official", "neutral"), ("Human Rights Watch", "neutral"),
    ("Ahmed Ali", "unknown"),
])
def test_source_kind(source, kind):
    assert source_kind(source) == kind


@pytest.mark.parametrize("source, kind", [
    ("the government", "party"), ("the Interior Ministry", "party"), ("President Gustavo Petro", "party"),
    ("security sources", "party"), ("officials on both sides", "party"),
    ("a local government official", "neutral"), ("a hospital official", "neutral"),
])
def test_source_kind_of_governments_and_their_voices(source, kind):
    assert source_kind(source) == kind


def test_a_party_speaking_in_its_own_voice_claims():
    assert modality("Our units repelled the assault and neutralised 42 enemy combatants.") == "claimed"
    assert modality("Four terrorists were killed in the exchange of fire.") == "claimed"
    # an aid group's "our" is not a party's voice
    assert modality("Our teams treated 120 wounded people.") == "asserted"


def test_unattributed_sentences_of_a_party_statement_are_claimed():
    s = "Nineteen bodies were recovered at the site."
    assert modality(s) == "asserted"
    assert modality(s, party_document=True) == "claimed"
    # a neutral source still wins inside a party's document
    assert modality("Nineteen bodies were recovered, medics said.", party_document=True) == "asserted"
    assert speaks_as_party("The army said our forces killed 30.\n\nOur units repelled the assault.")
    assert not speaks_as_party("Our mobile clinic treated a dozen people with gunshot wounds.")


def _act(sentence: str, word: str) -> tuple[int, int]:
    start = sentence.index(word)
    return start, start + len(word)


@pytest.mark.parametrize("sentence, word, expected", [
    # the party claims the act it names and denies another one (ANNOTATION section 3, denials)
    ("Haftar's LNA said its jets had hit a militia depot and denied targeting the migrants.", "hit", "claimed"),
    ("The RSF said it had attacked three army camps and denied harming civilians.", "attacked", "claimed"),
    # the act the denial is about
    ("The RSF said it had attacked three army camps and denied harming civilians.", "harming", "negated"),
    ("The army denied shelling the village.", "shelling", "negated"),
    # without the act's word the whole sentence is read, as before
    ("The army said it attacked the camp and denied harming civilians.", None, "negated"),
])
def test_a_denial_after_the_act_denies_another_act(sentence, word, expected):
    act = _act(sentence, word) if word else None
    assert modality(sentence, act=act) == expected


def test_blame_is_a_party_s_word():
    assert modality("The Government of National Accord blamed the strike on forces loyal to Haftar.") == "claimed"
    assert modality("He attributed the Cali bombing to the Jaime Martinez front.") == "claimed"


def test_a_pronoun_speaker_stands_for_the_source_named_before():
    s = "One border guard had been killed, he said."
    assert modality(s) == "asserted"
    assert modality(s, previous="A Taliban official in Spin Boldak") == "claimed"
    assert modality(s, previous="a hospital official") == "asserted"
    # a named source of its own wins over the one before
    assert modality("One guard was killed, medics said.", previous="the army") == "asserted"


@pytest.mark.parametrize("source", ["US-led coalition", "the Department of Defense", "U.S. Africa Command",
                                    "Inter-Services Public Relations", "the information minister"])
def test_military_commands_and_ministers_are_parties(source):
    assert source_kind(source) == "party"


def test_a_neutral_report_quoting_a_party_is_not_a_party_statement():
    # the party's words in quotes are the reporter's citation; one "terrorist" is a paraphrase
    report = ('The Turkish military said 3,603 "terrorists" had been "neutralized" since January.\n\n'
              "Kurdish officials said the figure was inflated. Ankara lists the YPG as a terrorist organisation.\n\n"
              "\u201cOur forces will resist,\u201d a commander said. The Observatory said 40 terrorists died.")
    assert not speaks_as_party(report)
    # a statement uses its words throughout, outside quotes
    statement = ("Units repelled an attack by terrorists near the town. The terrorists fled after heavy losses.\n\n"
                 "Two terrorists were captured and the enemy left its weapons behind.")
    assert speaks_as_party(statement)
    assert speaks_as_party("The army said its units advanced.\n\nOur units repelled the assault.")


@pytest.mark.parametrize("source, kind", [
    ("Turkish officials", "party"), ("US officials", "party"), ("Israeli security officials", "party"),
    ("local officials", "neutral"), ("Local health officials", "neutral"), ("airport officials", "neutral"),
    ("A field commander", "party"), ("A spokesman for the SDF", "party"), ("Opposition media", "party"),
    # a neutral source beside a party vouches for the report
    ("state media and a war monitor", "neutral"), ("rebel officials and a monitor", "neutral"),
])
def test_source_kinds_of_issue_18(source, kind):
    assert source_kind(source) == kind


def test_it_said_stands_for_the_source_named_before():
    s = "It said many soldiers were killed."
    assert modality(s, previous="The Arakan Army") == "claimed"
    assert modality(s, previous="The Observatory") == "asserted"


def test_a_party_s_statement_is_known_by_its_title():
    assert speaks_as_party("U.S. Africa Command statement on the ambush near Tongo Tongo\n\n"
                           "Three soldiers were killed when a patrol came under fire.")
    assert speaks_as_party("MINISTRY OF NATIONAL DEFENCE - PRESS STATEMENT\n\nTroops destroyed two camps.")
    # a neutral body's press release, a statement told in a sentence, a menu line: no
    assert not speaks_as_party("PRESS RELEASE | For immediate release\n\nOur teams treated 40 wounded.")
    assert not speaks_as_party("The army said in a statement that it repelled an attack.\n\nNine died.")
    assert not speaks_as_party("Statement: attacks on displacement camps must be investigated\n\nNine died.")


def test_the_source_phrase_as_written_decides_beside_its_actor():
    # the attribution is the ACTOR "LNA"; the phrase says a spokesman speaks for it
    s = "LNA spokesman Ahmed al-Mismari said 14 of its soldiers had been killed."
    assert modality(s, "LNA") == "claimed"


def test_named_sources_are_typed_by_the_actor_table():
    # armed groups the word lists do not name
    assert source_kind("The AA") == "party" and source_kind("JNIM") == "party"
    assert modality("The AA said at least 20 civilians were killed in airstrikes.", "AA") == "claimed"


@pytest.mark.parametrize("sentence", [
    "The Syria Civil Defense attributed the raids to Russian warplanes.",
    "The Syrian Network for Human Rights accused both factions of shelling towns.",
    "Flight observers blamed Russian jets for the strike, a war monitor said.",
])
def test_a_neutral_source_s_blame_is_its_finding(sentence):
    assert modality(sentence) == "asserted"


def test_a_party_s_blame_stays_claimed():
    assert modality("The army blamed the rebels for the attack on the market.") == "claimed"


@pytest.mark.parametrize("source, kind", [
    ("Major General Lucky Irabor", "party"),
    ("Lieutenant Jules Ngongo", "party"),
    ("Brigadier General Sylvain Ekenge", "party"),
    ("Captain Anthony Mualushayi", "party"),
    ("a hospital official", "neutral"),
    ("Major cities", "unknown"),  # no name after the word
])
def test_a_military_rank_speaks_for_an_armed_force(source, kind):
    assert source_kind(source) == kind


@pytest.mark.parametrize("sentence, expected", [
    ("JNIM, in a statement released through its media arm, said its fighters killed 300 militiamen.", "claimed"),
    ("The Turkistan Islamic Party released a video showing its fighters firing mortars at the town.", "claimed"),
    ("The Houthi-run Interior Ministry announced the killing of Saleh on television.", "claimed"),
    # an earlier clause does not lend the statement verb its subject
    ("Gwoza was captured by Boko Haram in August 2014, when Shekau declared a caliphate there.", "asserted"),
])
def test_a_party_as_the_subject_of_a_statement_verb_claims(sentence, expected):
    assert modality(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "At least 80 civilians were killed in attacks attributed to the Allied Democratic Forces in Lubero.",
    "The attack on Saturday, claimed by JNIM, was one of the deadliest of the war.",
    "The militia has also been accused of kidnapping young men in the town.",
])
def test_a_claim_in_the_passive_does_not_make_the_act_a_claim(sentence):
    assert modality(sentence) == "asserted"


@pytest.mark.parametrize("source, kind", [
    # a state's office holders speak for its government (ANNOTATION.md section 6, modality round 5)
    ("Regional governor Viacheslav Chaus", "party"), ("the governor of Hatay province", "party"),
    ("the governor's office", "party"), ("the health ministry", "party"), ("Health Minister Hassan al-Ghabbash", "party"),
    ("the Ministry of Health", "party"),
    ("a hospital official", "neutral"), ("health officials", "neutral"), ("a local government official", "neutral"),
])
def test_a_state_s_office_holders_speak_for_its_government(source, kind):
    assert source_kind(source) == kind


def test_the_outlet_s_own_correspondent_in_a_party_s_statement_is_the_party():
    s = "Our correspondent in the field reported that engineering teams entered the town."
    assert modality(s, "Our correspondent in the field", party_document=True) == "claimed"
    # in a neutral outlet the correspondent is the reporter
    assert modality(s, "Our correspondent in the field") == "asserted"
    # a neutral source named in a party's document still speaks for itself
    assert modality("Medics said six were killed.", "Medics", party_document=True) == "asserted"


@pytest.mark.parametrize("source", [
    "The International Organization for Migration", "IOM", "MONUSCO", "the State Emergency Service",
    "The Ombudsman's Office", "a Sudanese rights group", "rights groups",
])
def test_neutral_bodies_the_actor_table_would_type_as_parties(source):
    assert source_kind(source) == "neutral"
    assert modality("At least 11 people were killed and 64 wounded.", source) == "asserted"


@pytest.mark.parametrize("speaker", ["The source", "the general", "the announcement", "the commander"])
def test_a_definite_speaker_stands_for_the_source_named_before(speaker):
    s = f"{speaker} said the fiercest fighting was around the hilltop."
    assert modality(s, speaker, previous="a military source") == "claimed"
    assert modality(s, speaker, previous="a monitor") == "asserted"


@pytest.mark.parametrize("sentence, word, expected", [
    # "no casualties" after the act's word is its outcome: the act happened
    ("On Tuesday, another drone hit a house in Sarmin, causing damage but no casualties.", "hit", "asserted"),
    ("A separate strike near the hospital caused damage but no deaths.", "strike", "asserted"),
    ("The army said its jets had struck a base and that no civilians were present.", "struck", "claimed"),
    # before the act's word, or with no act word, it still negates
    ("No one was hurt in the blast.", "blast", "negated"),
    ("The coalition said no soldiers were hurt.", "hurt", "negated"),
    ("A drone hit a house, causing no casualties.", None, "negated"),
])
def test_no_casualties_after_the_act_is_its_outcome(sentence, word, expected):
    act = _act(sentence, word) if word else None
    assert modality(sentence, act=act) == expected


@pytest.mark.parametrize("sentence", [
    # "claimed to have" is the claimant's own word (an infinitive), not a claim word in the passive
    "The rebel brigade claimed to have shot down two army helicopters over the valley.",
    "The insurgents had claimed to have killed 60 soldiers in the raid on the outpost.",
    "The defence ministry claimed to be holding the ridge after a night of shelling.",
])
def test_claimed_to_have_is_the_claimants_word(sentence):
    assert modality(sentence) == "claimed"


@pytest.mark.parametrize("sentence", [
    # a party and a neutral source joined by "and" vouch together: the neutral source makes it a finding
    "Government troops retook the hilltop on Monday, according to rebels and a war monitor.",
    "The militia entered the market town at dawn, according to the army and to local residents.",
    "Insurgents overran two checkpoints north of the river, a monitor and both sides said.",
    "Gunmen burned the granaries of three villages on Friday, residents and a militia commander said.",
])
def test_a_neutral_source_joined_to_a_party_makes_the_act_asserted(sentence):
    assert modality(sentence) == "asserted"


@pytest.mark.parametrize("sentence", [
    # no neutral source in the coordination, or the words before "and" are a clause, not a source
    "Government troops retook the hilltop on Monday, according to the army and allied militias.",
    "Rebels shelled the town and the army said it had killed 20 of them.",
])
def test_joined_sources_without_a_neutral_one_stay_a_claim(sentence):
    assert modality(sentence) == "claimed"


@pytest.mark.parametrize("sentence", [
    # "the army" names a party of its own, whoever spoke before
    "The army said it had pushed the insurgents back from the ridge.",
    "Two mortar rounds struck the depot on Sunday, according to the military.",
])
def test_the_army_as_speaker_does_not_stand_for_the_source_before(sentence):
    assert modality(sentence, previous="residents") == "claimed"


def test_the_group_as_speaker_still_stands_for_the_source_before():
    s = "The clinic was shelled again in the afternoon, the group said."
    assert modality(s, previous="a medical charity") == "asserted"


@pytest.mark.parametrize("sentence, expected", [
    # the words before the statement verb are a clause of their own, not its subject
    ("Rebel forces seized the bridge on Monday, and the army announced a counter-offensive.", "asserted"),
    # a party as the subject of the statement verb still claims
    ("The rebel forces announced the capture of the bridge on Monday.", "claimed"),
])
def test_a_clause_before_the_statement_verb_is_not_its_subject(sentence, expected):
    assert modality(sentence) == expected


def test_the_ministry_as_written_stands_for_the_party_named_before():
    # the attribution is the actor "ministry", the phrase as written "the ministry"
    s = "Four soldiers were hurt when a shell landed inside the outpost, the ministry said."
    assert modality(s, "ministry", previous="the Defence Ministry") == "claimed"
    assert modality(s, "ministry", previous="a hospital director") == "asserted"


@pytest.mark.parametrize("sentence", [
    # the source finder reads the appositive or a word of the clause said; the subject before it is a party
    "The rebel alliance, the largest faction in the valley, said its fighters had retaken the oil field.",
    "The insurgents published photographs of what they said were soldiers captured at the dam.",
    "A spokesman for the militia, Ahmed Saleh, said 40 soldiers had been killed in the ambush.",
])
def test_a_party_subject_claims_when_the_source_found_is_unclassified(sentence):
    assert modality(sentence) == "claimed"


@pytest.mark.parametrize("sentence", [
    # "claimed on Saturday" is the claimant's word; "IS claimed" is the group, not the auxiliary "is"
    "Ali Musa, head of the militia, claimed on Tuesday that its gunmen had seized two villages.",
    "IS claimed the bombing of the checkpoint through its news agency.",
])
def test_claim_words_misread_as_passive(sentence):
    assert modality(sentence) == "claimed"


@pytest.mark.parametrize("sentence", [
    "The bombing of the checkpoint is claimed by a little-known group.",
    "Dozens were killed in raids blamed on the militia.",
])
def test_claim_words_in_the_passive_still_report_only(sentence):
    assert modality(sentence) == "asserted"


@pytest.mark.parametrize("sentence", [
    # the claim word's subject stands before it in a relative clause: an active blame, not a passive
    "The convoy was hit by a roadside bomb near the bridge, which the army blamed on the rebels.",
    "Two drones struck the refinery on Friday in an attack that the militia attributed to a rival faction.",
])
def test_a_relative_clause_blame_is_a_claim(sentence):
    assert modality(sentence) == "claimed"


@pytest.mark.parametrize("sentence, expected", [
    # a group of people none of whom was harmed negates the harm
    ("No aid workers were hurt.", "negated"),
    ("The brigade said no French soldiers had been wounded in the exchange.", "negated"),
    # unless others were
    ("No nurses were killed, but three patients were wounded in the shelling.", "asserted"),
    ("No villagers were hurt; two guards were wounded.", "asserted"),
])
def test_no_people_of_a_group_harmed(sentence, expected):
    assert modality(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # the appositive beside a named source tells who speaks
    ("Ivan Petrenko, governor of the border region, said three people had been killed in the shelling.", "claimed"),
    ("Two farmers were shot dead, said Musa Bello, the leader of a militia that guards the villages.", "claimed"),
    ("Two farmers were shot dead, said Musa Bello, a doctor at the district hospital.", "asserted"),
    # a clause before the source is no appositive
    ("Fighting broke out near the dam, killing four soldiers from the army, Musa Bello said.", "asserted"),
])
def test_an_appositive_tells_who_a_named_source_is(sentence, expected):
    assert modality(sentence) == expected


@pytest.mark.parametrize("sentence, word, expected", [
    # each side of "X said ..., while Y said ..." has its own source
    ("Medics said eleven civilians died in the raid, while the defence ministry said its jets had hit a depot.",
     "hit", "claimed"),
    ("The governor said on television that the rebels broke the truce, while residents said troops had opened fire.",
     "opened fire", "asserted"),
    # the first side keeps the sentence's first source
    ("Medics said eleven civilians died in the raid, while the defence ministry said its jets had hit a depot.",
     "died", "asserted"),
])
def test_each_side_of_a_contrast_has_its_own_source(sentence, word, expected):
    assert modality(sentence, act=_act(sentence, word)) == expected


@pytest.mark.parametrize("source, party", [
    # officers speak for an armed force; police and medical officers do not
    ("officers", True), ("Iraqi officers", True), ("a senior officer", True),
    ("police officers", False), ("a medical officer", False),
])
def test_officers_speak_for_an_armed_force(source, party):
    assert (source_kind(source) == "party") == party


@pytest.mark.parametrize("sentence, expected", [
    # "nobody" negates an outcome (nobody was hurt), not any sentence it appears in
    ("Nobody was hurt when the shell hit the school.", "negated"),
    ('A rebel commander said: "The hill is empty now, nobody holds it, we pulled back from the slope."', "claimed"),
])
def test_nobody_negates_an_outcome(sentence, expected):
    assert modality(sentence, act=_act(sentence, "hit" if "hit" in sentence else "pulled back")) == expected
