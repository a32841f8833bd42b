"""A sentence with no act word, qualified only by a count or a weapon (events/qualifiers.py)."""

from __future__ import annotations

from datetime import date

import pytest

from conflict_ner.events import build_records
from conflict_ner.events.qualifiers import displaced_population, weapon_tells_act


def _records(locate, text: str, pairs: list[tuple[str, str]]) -> list:
    return build_records(text, locate(text, pairs), date(2024, 5, 8), "doc", keep_bare=False)


@pytest.mark.parametrize("text, pairs", [
    ("Dikwa hosts a camp for 25,000 displaced people.", [("LOCATION", "Dikwa"), ("COUNT", "25,000")]),
    ("Some 70,000 remain displaced, mostly in Hasakah.", [("COUNT", "70,000"), ("LOCATION", "Hasakah")]),
    ("About 3 million people live in the province, half of them displaced from Aleppo.",
     [("COUNT", "3 million"), ("LOCATION", "Aleppo")]),
])
def test_the_displaced_counted_as_a_population_report_no_act(entities, text, pairs):
    assert _records(entities, text, pairs) == []


def test_people_displaced_by_an_act_still_report_it(entities):
    text = "The UN said more than 8,000 people had been displaced from Sebba on Sunday."
    recs = _records(entities, text, [("ACTOR", "UN"), ("COUNT", "8,000"), ("LOCATION", "Sebba"), ("DATE", "Sunday")])
    assert len(recs) == 1 and recs[0].counts[0].outcome == "displaced"


def test_a_population_word_beside_a_death_toll_keeps_the_record(entities):
    text = "Dikwa, home to many displaced people, buried 12 dead on Sunday."
    assert len(_records(entities, text, [("LOCATION", "Dikwa"), ("COUNT", "12"), ("DATE", "Sunday")])) == 1


@pytest.mark.parametrize("text, pairs", [
    ("We heard the planes since Sunday morning.", [("WEAPON", "planes"), ("DATE", "Sunday morning")]),
    ("The use of cluster munitions is indiscriminate by nature.", [("WEAPON", "cluster munitions")]),
])
def test_a_weapon_alone_with_no_actor_or_place_reports_no_act(entities, text, pairs):
    assert _records(entities, text, pairs) == []


@pytest.mark.parametrize("text, pairs", [
    ("Weapons and three hand grenades were recovered from their hideout.",
     [("WEAPON", "Weapons"), ("WEAPON", "hand grenades")]),
    ("Engineers have defused more than 300 IEDs.", [("WEAPON", "IEDs")]),
    ("Mortars fell on Kafr Nabl overnight.", [("WEAPON", "Mortars"), ("LOCATION", "Kafr Nabl")]),
    ("Drones of the army circled overhead.", [("WEAPON", "Drones"), ("ACTOR", "army")]),
])
def test_a_weapon_found_or_beside_an_actor_or_place_still_reports_an_act(entities, text, pairs):
    assert len(_records(entities, text, pairs)) == 1


def test_the_weapon_rule_leaves_bare_records_to_keep_bare(entities):
    # the rules' unit tests of types and dates build with keep_bare=True: a weapon alone is kept there
    text = "We heard the planes since Sunday morning."
    ents = entities(text, [("WEAPON", "planes")])
    assert len(build_records(text, ents, date(2024, 5, 8), "doc", keep_bare=True)) == 1
    assert weapon_tells_act(text, has_actor=False, has_place=False) is False
    assert displaced_population("Families who fled now live in camps.") is True


@pytest.mark.parametrize("text, pairs", [
    ('"For eight years we did not sleep without hearing the shells," said a shopkeeper in Aleppo.',
     [("LOCATION", "Aleppo")]),
    ("\u201cThey shell us, we shell them, and the people in the middle die,\u201d said a resident of Salaheddine.",
     [("LOCATION", "Salaheddine")]),
])
def test_a_witness_quoted_without_a_date_reports_no_act(entities, text, pairs):
    assert _records(entities, text, pairs) == []


@pytest.mark.parametrize("text, pairs", [
    ('"The shells fell in the middle of the camp on Sunday," a resident said.',
     [("WEAPON", "shells"), ("DATE", "Sunday")]),
    ('"Fano lost 12 fighters at Bichena, not the figure the army gave," the movement\'s spokesman said.',
     [("ACTOR", "Fano"), ("COUNT", "12"), ("LOCATION", "Bichena"), ("ACTOR", "army")]),
    ('Residents said "the shells fell on our quarter" in Aleppo.', [("LOCATION", "Aleppo")]),
])
def test_a_dated_quote_a_partys_claim_or_a_quote_inside_the_sentence_keeps_its_record(entities, text, pairs):
    assert len(_records(entities, text, pairs)) == 1


@pytest.mark.parametrize("text, pairs, n", [
    ("The attack came as the area faces a cholera outbreak, the UN said.", [("ACTOR", "UN")], 0),
    ("The offensive comes days after Washington revoked the designation of the Huthis.",
     [("ACTOR", "Washington"), ("ACTOR", "Huthis")], 0),
    ("The attack on Hama came hours after talks on Monday.", [("LOCATION", "Hama"), ("DATE", "Monday")], 1),  # a date
    ("The attack came as rebels shelled Hama, killing 3 people.", [("ACTOR", "rebels"), ("LOCATION", "Hama"),
                                                                   ("COUNT", "3")], 1),            # its own count
])
def test_an_act_told_before_set_against_other_news_reports_no_act(entities, text, pairs, n):
    assert len(_records(entities, text, pairs)) == n
