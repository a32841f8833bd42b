from __future__ import annotations

import pytest

from conflict_ner.events.counts import counted_noun, is_cumulative, outcome_for
from conflict_ner.events.numbers import normalize_count
from conflict_ner.events.sentence import Sentence


@pytest.mark.parametrize("text, expected", [
    # exact
    ("36", (36, 36, 36)), ("727", (727, 727, 727)), ("3,500", (3500, 3500, 3500)),
    ("1,200,000", (1200000, 1200000, 1200000)), ("three", (3, 3, 3)), ("one", (1, 1, 1)),
    ("twenty-three", (23, 23, 23)), ("twenty three", (23, 23, 23)),
    ("one hundred and five", (105, 105, 105)), ("two thousand five hundred", (2500, 2500, 2500)),
    ("a hundred", (100, 100, 100)), ("1.2 million", (1200000, 1200000, 1200000)),
    ("2.3 million", (2300000, 2300000, 2300000)), ("5 million", (5000000, 5000000, 5000000)),
    ("half a million", (500000, 500000, 500000)), ("half a dozen", (6, 6, 6)),
    ("two dozen", (24, 24, 24)), ("a dozen", (12, 12, 12)), ("a pair", (2, 2, 2)), ("a couple", (2, 2, 2)),
    # lower bounds
    ("at least 36", (36, 36, None)), ("more than 36", (36, 36, None)), ("over 36", (36, 36, None)),
    ("36 or more", (36, 36, None)), ("more than 18,000", (18000, 18000, None)), ("20+", (20, 20, None)),
    ("30-odd", (30, 30, None)), ("more than a dozen", (12, 12, None)), ("at least dozens", (12, 12, None)),
    # upper bounds
    ("up to 20", (20, None, 20)), ("as many as 20", (20, None, 20)), ("no more than 20", (20, None, 20)),
    # approximations
    ("about 50", (50, None, None)), ("nearly 100", (100, None, None)), ("around 30", (30, None, None)),
    ("some 200", (200, None, None)), ("approximately 40", (40, None, None)), ("roughly 40", (40, None, None)),
    ("almost 40", (40, None, None)), ("nearly two dozen", (24, None, None)), ("a dozen or so", (12, None, None)),
    ("about 20 to 30", (20, None, None)),
    # ranges
    ("from 20 to 80", (20, 20, 80)), ("20-80", (20, 20, 80)), ("20\u201380", (20, 20, 80)),
    ("20 to 80", (20, 20, 80)), ("between 20 and 80", (20, 20, 80)), ("two or three", (2, 2, 3)),
    ("from twenty to eighty", (20, 20, 80)), ("20 to 30 thousand", (20000, 20000, 30000)),
    # vague plurals: value and low, high open
    ("tens", (10, 10, None)), ("dozens", (12, 12, None)), ("scores", (20, 20, None)),
    ("hundreds", (100, 100, None)), ("thousands", (1000, 1000, None)),
    ("tens of thousands", (10000, 10000, None)), ("hundreds of thousands", (100000, 100000, None)),
    ("millions", (1000000, 1000000, None)), ("Dozens of", (12, 12, None)), ("several hundred", (200, 200, None)),
])
def test_normalize_count(text, expected):
    assert normalize_count(text) == expected


@pytest.mark.parametrize("text", ["a handful", "several", "many", "a number of", "", "blah", "1.5", "two three",
                                  "20 to 10"])
def test_unparseable_counts_are_none(text):
    assert normalize_count(text) == (None, None, None)


def _after(sentence: str, count: str) -> int:
    return sentence.index(count) + len(count)


@pytest.mark.parametrize("sentence, count, expected", [
    ("They fired 36 rockets at the town.", "36", "rockets"),
    ("Dozens of families fled.", "Dozens", "families"),
    ("Shelling killed four Ukrainian soldiers in Kharkiv.", "four", "Ukrainian soldiers"),
    ("Two of its soldiers died.", "Two", "soldiers"),
    ("It fired 12 Grad rockets, residents said.", "12", "Grad rockets"),
    ("Four wounded soldiers were evacuated.", "Four", "wounded soldiers"),
    ("Two armed men stormed the bank.", "Two", "armed men"),
    ("One soldier was killed.", "One", "soldier"),
    ("Five Hamas fighters were detained.", "Five", "Hamas fighters"),
    ("At least 12 people were killed.", "12", "people"),
])
def test_counted_noun(sentence, count, expected):
    noun, start, end = counted_noun(sentence, _after(sentence, count))
    assert noun == expected
    assert sentence[start:end] == expected


@pytest.mark.parametrize("sentence, count", [
    ("Shelling left 12 killed and 30 wounded.", "12"),
    ("The army said three of them died.", "three"),
    ("The strike killed 12.", "12"),
    ("Rebels said 36, not 20, rockets fell.", "36"),
])
def test_no_counted_noun(sentence, count):
    end = _after(sentence, count)
    assert counted_noun(sentence, end) == (None, end, end)


def _outcome(sentence: str, count: str, *others: str) -> str:
    start = sentence.index(count)
    spans = tuple((sentence.index(o), sentence.index(o) + len(o)) for o in others)
    return outcome_for(Sentence(sentence), start, start + len(count), spans)


@pytest.mark.parametrize("sentence, count, expected", [
    ("At least 12 people were killed.", "12", "killed"),
    ("The bodies of 7 men were found.", "7", "killed"),
    ("Nine people lost their lives.", "Nine", "killed"),
    ("The death toll stood at 45.", "45", "killed"),
    ("Community leaders put the toll at 54.", "54", "killed"),
    ("The toll has since risen to 40.", "40", "killed"),
    ("It said several hundred soldiers had surrendered.", "several hundred", "captured"),
    ("Three people were hurt.", "Three", "injured"),
    ("Militants abducted 20 students.", "20", "captured"),
    ("Police arrested five suspects.", "five", "captured"),
    ("More than 3,000 people were forced from their homes.", "3,000", "displaced"),
    ("Air defences shot down 14 drones.", "14", "intercepted"),
    ("Troops intercepted two missiles.", "two", "intercepted"),
    ("The strike destroyed three tanks.", "three", "destroyed"),
    ("Forty houses were burned.", "Forty", "destroyed"),
    ("Rebels fired 36 rockets at the town.", "36", "other"),
])
def test_outcome_cues(sentence, count, expected):
    assert _outcome(sentence, count) == expected


def test_each_count_takes_the_verb_of_its_own_clause():
    s = "The attack killed four civilians and wounded 12 others."
    assert _outcome(s, "four", "12") == "killed"
    assert _outcome(s, "12", "four") == "injured"
    s = "Shelling left 12 dead and 30 injured."
    assert _outcome(s, "12", "30") == "killed" and _outcome(s, "30", "12") == "injured"


def test_cue_of_a_later_clause_is_not_stolen_from_its_own_object():
    s = "Forces fired at least 36 rockets at Kafr Nabl on Monday, killing four civilians."
    assert _outcome(s, "at least 36", "four") == "other"
    assert _outcome(s, "four", "at least 36") == "killed"


def test_coordinated_subjects_share_the_verb():
    s = "At least 36 rockets and two drones were intercepted."
    assert _outcome(s, "At least 36", "two") == "intercepted"


def test_subject_count_reaches_past_an_including_phrase():
    s = "Four soldiers, including an officer, were killed."
    assert _outcome(s, "Four") == "killed"
    s = "The strike killed 12 people, including three children."
    assert _outcome(s, "three", "12") == "killed"


def test_range_count_with_and_is_one_clause():
    s = "Between 20 and 80 people were killed."
    assert _outcome(s, "Between 20 and 80") == "killed"


def _cumulative(sentence: str, count: str) -> bool:
    start = sentence.index(count)
    return is_cumulative(Sentence(sentence), start, start + len(count))


@pytest.mark.parametrize("sentence, count, expected", [
    ("727 people have died since the start of the offensive.", "727", True),
    ("The strike killed three, bringing the death toll to 45.", "three", False),
    ("The strike killed three, bringing the death toll to 45.", "45", True),
    ("The toll has risen to 60.", "60", True),
    ("So far, 45 people have been killed.", "45", True),
    ("Fighting has displaced 2,000 families since January.", "2,000", True),
    ("A total of 90 rockets were fired.", "90", True),
    ("Some 300 people have been killed in total.", "300", True),
    ("Rebels fired 36 rockets on Monday.", "36", False),
])
def test_is_cumulative(sentence, count, expected):
    assert _cumulative(sentence, count) is expected
