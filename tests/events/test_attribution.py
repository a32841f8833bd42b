from __future__ import annotations

import pytest

from conflict_ner.events.attribution import attribution, is_pure_source
from conflict_ner.events.sentence import Sentence
from conflict_ner.events.sources import find_sources
from conflict_ner.records import TextSpan


@pytest.mark.parametrize("sentence, expected", [
    ("Ten died, according to pro-militant sources.", "pro-militant sources"),
    ("According to the Syrian Observatory for Human Rights, 12 died.", "the Syrian Observatory for Human Rights"),
    ("Twelve died, according to the U.N. refugee agency.", "the U.N. refugee agency"),
    ("Rebels shelled Kafr Nabl on Monday, killing four civilians, a monitor said.", "a monitor"),
    ("Residents said drones struck the market.", "Residents"),
    ("A local official said three houses burned.", "A local official"),
    ("Sources close to HTS told AFP that five fighters died.", "Sources close to HTS"),
    ("The Syrian Observatory reported 12 deaths.", "The Syrian Observatory"),
    ("Militants attacked the base and the army later said it repelled them.", "the army"),
    ('"We will fight on," said Ahmed Ali, a commander.', "Ahmed Ali"),
    ("Ahmed Ali, a local official, said militants attacked the base.", "a local official"),
    ("Five soldiers were killed, citing local sources.", "local sources"),
    ("KHARTOUM, May 8 (Reuters) - The RSF said on Monday it had seized the town.", "The RSF"),
])
def test_source_phrase_forms(sentence, expected):
    got = attribution(Sentence(sentence), [])
    assert got is not None and got.text == expected
    assert sentence[got.start:got.end] == expected


@pytest.mark.parametrize("sentence", [
    "Rebels shelled Hama on Monday.",
    "Government forces fired rockets at the town, killing four civilians, he told reporters.",
    "No casualties were reported.",
    "The army announced an offensive on Idlib.",
    "The attack claimed the lives of 12 people.",
])
def test_no_source(sentence):
    assert attribution(Sentence(sentence), []) is None


def test_offsets_index_the_original_text_and_an_actor_entity_is_preferred(entities):
    text = "Intro sentence. Twelve died, according to the Syrian Observatory for Human Rights."
    start = text.index("Twelve")
    sentence = text[start:]
    ents = entities(text, [("COUNT", "Twelve"), ("ACTOR", "Syrian Observatory for Human Rights")])
    got = attribution(Sentence(sentence, start), ents)
    assert got == TextSpan("Syrian Observatory for Human Rights", ents[1].start, ents[1].end)
    assert text[got.start:got.end] == got.text
    plain = attribution(Sentence(sentence, start), [])
    assert text[plain.start:plain.end] == "the Syrian Observatory for Human Rights"


def test_an_actor_that_does_not_head_the_source_is_not_preferred(entities):
    text = "Five fighters died, sources close to HTS told AFP."
    ents = entities(text, [("ACTOR", "HTS")])
    assert attribution(Sentence(text), ents).text == "sources close to HTS"
    text = "Five fighters died, the army spokesman said."
    ents = entities(text, [("ACTOR", "army")])
    assert attribution(Sentence(text), ents) == TextSpan("army", text.index("army"), text.index("army") + 4)


def test_a_location_inside_the_source_is_not_preferred(entities):
    text = "Ten died, according to doctors from Idlib."
    ents = entities(text, [("LOCATION", "Idlib")])
    assert attribution(Sentence(text), ents).text == "doctors from Idlib"
    # the phrase stops before a time or place adjunct
    assert attribution(Sentence("Ten died, said a doctor on Monday."), []).text == "a doctor"


def test_participant_sources():
    s = "The army said it killed 30 militants, a monitor said."
    assert is_pure_source(Sentence(s), s.index("army"), s.index("army") + 4) is False
    assert is_pure_source(Sentence(s), s.index("monitor"), s.index("monitor") + 7) is True
    s = "Islamic State claimed responsibility for the attack, Amaq said."
    found = {s[x.start:x.end]: x.participant for x in find_sources(s)}
    assert found == {"Islamic State": True, "Amaq": False}
    s = "The army denied targeting civilians."
    assert [x.participant for x in find_sources(s)] == [True]



@pytest.mark.parametrize("sentence, speaker", [
    ("HTS said on its news channel that two of its fighters blew up car bombs.", "HTS"),
    ("A Houthi spokesman said the group had fired five ballistic missiles.", "A Houthi spokesman"),
    ("The SDF said through its media office that one of its units had repelled the attack.", "The SDF"),
])
def test_a_speaker_whose_complement_speaks_of_its_own_men_takes_part(sentence, speaker):
    assert [(sentence[x.start:x.end], x.participant) for x in find_sources(sentence)] == [(speaker, True)]


def test_a_word_outside_every_source_is_not_a_source():
    s = "Rebels attacked the base, according to SANA."
    assert is_pure_source(Sentence(s), 0, 6) is False


@pytest.mark.parametrize("sentence, expected", [
    # monitors report a count with verbs of counting
    ("The Observatory recorded 11 government soldiers killed.", "The Observatory"),
    ("The monitor put the toll from Tuesday's bombing at 19.", "The monitor"),
    ("Civil Defence volunteers report three civilians killed in Maarat al-Numan.", "Civil Defence volunteers"),
])
def test_counting_verbs_name_a_source(sentence, expected):
    got = attribution(Sentence(sentence), [])
    assert got is not None and got.text == expected


def test_a_source_described_by_an_appositive_is_no_actor_of_the_act(entities):
    from conflict_ner.events.roles import assign_roles
    text = ("The Syrian Observatory for Human Rights, a British-based group that relies on a network of contacts, "
            "said 18 soldiers were killed.")
    ents = entities(text, [("ACTOR", "Syrian Observatory for Human Rights"), ("ACTOR", "soldiers")])
    assert [a.text for a in assign_roles(Sentence(text), ents)] == ["soldiers"]
    # a source that acts in what it reports keeps its role
    text = "The RSF, a paramilitary force, said it had seized the airport."
    ents = entities(text, [("ACTOR", "RSF")])
    assert [(a.text, a.role) for a in assign_roles(Sentence(text), ents)] == [("RSF", "initiator")]


def test_a_relative_clause_appositive_and_a_reporting_participle_keep_a_source_pure(entities):
    from conflict_ner.events.roles import assign_roles
    text = "The Syrian Observatory for Human Rights, which counts both sides, recorded 77 dead among the factions."
    ents = entities(text, [("ACTOR", "Syrian Observatory for Human Rights"), ("ACTOR", "factions")])
    assert [a.text for a in assign_roles(Sentence(text), ents)] == ["factions"]
    text = "State news agency SANA gave a different picture, saying army units had destroyed several pickups."
    ents = entities(text, [("ACTOR", "SANA"), ("ACTOR", "army units")])
    assert [a.text for a in assign_roles(Sentence(text), ents)] == ["army units"]
