from __future__ import annotations

import pytest

from conflict_ner.text.sentences import dateline_end, split_paragraphs, split_sentences


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_plain_sentences_and_offsets_index_the_original():
    text = "  Rebels shelled Hama.  Two died!\tWas it planned?  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Rebels shelled Hama.", "Two died!", "Was it planned?"]
    assert spans[0][0] == 2


@pytest.mark.parametrize("text", [
    "The U.S. military said the U.N. envoy left.",
    "Gen. Smith and Lt. Col. Jones met Dr. Ali in St. Petersburg.",
    "The attack on Nov. 27 hit Route No. 5 at 3 a.m. on Monday.",
    "John F. Kennedy airport was closed.",
    "The blast destroyed 1.5 tons of grain and 2.75 million rounds.",
    "He said e.g. rockets and i.e. shells.",
])
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(text):
    assert texts(text) == [text]


def test_dotted_abbreviation_ends_a_sentence_before_a_typical_starter():
    assert texts("Drones were supplied by the U.S. The army denied it.") == [
        "Drones were supplied by the U.S.", "The army denied it."]
    assert texts("The blast came at 3 p.m. Residents fled.") == ["The blast came at 3 p.m.", "Residents fled."]


def test_quote_after_the_period_stays_with_its_sentence():
    text = '"We will not leave." The commander said so. \u201cThey fled.\u201d Later, shelling resumed.'
    assert texts(text) == ['"We will not leave."', "The commander said so.", "\u201cThey fled.\u201d",
                           "Later, shelling resumed."]


def test_question_inside_quote_followed_by_lowercase_continues():
    assert texts('"Why now?" he asked. Nobody answered.') == ['"Why now?" he asked.', "Nobody answered."]


def test_dateline_stays_with_its_sentence():
    text = "KHARTOUM, May 8 (Reuters) - Shelling hit Omdurman. Ten died."
    assert texts(text) == ["KHARTOUM, May 8 (Reuters) - Shelling hit Omdurman.", "Ten died."]
    text = "ALEPPO, Syria, Nov. 27 (AP) \u2014 Rebels advanced."
    assert texts(text) == [text]


def test_blank_line_always_ends_a_sentence():
    text = "Rebels advanced on the town and\n\nthe army withdrew"
    assert texts(text) == ["Rebels advanced on the town and", "the army withdrew"]


def test_heading_line_without_final_punctuation_ends_at_single_newline():
    text = "Rebels seize town in Idlib\nBEIRUT (AP) - Rebels took the town. It fell fast."
    assert texts(text) == ["Rebels seize town in Idlib", "BEIRUT (AP) - Rebels took the town.", "It fell fast."]
    text = "By Jane Doe\nPublished 14 March 2023\nRegion: Middle East\nTheme: Armed conflict"
    assert texts(text) == ["By Jane Doe", "Published 14 March 2023", "Region: Middle East", "Theme: Armed conflict"]


def test_wrapped_lines_inside_a_paragraph_are_joined():
    text = ("DAMASCUS, May 8 (Reuters) - Syrian government forces\nfired at least 36 rockets at Kafr Nabl on\n"
            "Monday, killing four civilians,\nthe monitor said.")
    assert texts(text) == [text]


def test_paragraphs():
    text = "One.\n\n  Two. Three.\n \nFour"
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["One.", "Two. Three.", "Four"]
    assert split_sentences("") == [] and split_paragraphs(" \n\n ") == []


@pytest.mark.parametrize("sentence, body", [
    ("KHARTOUM, May 8 (Reuters) - Shelling hit Omdurman.", "Shelling hit Omdurman."),
    ("BEIRUT (AP) \u2014 Rebels advanced.", "Rebels advanced."),
    ("AMMAN: Jordan closed the border.", "Jordan closed the border."),
    ("ALEPPO, Syria, Nov. 27 (AP) - Rebels advanced.", "Rebels advanced."),
    ("The U.N. said 12 died.", "The U.N. said 12 died."),
    ("Rebels advanced - and the army fled.", "Rebels advanced - and the army fled."),
])
def test_dateline_end(sentence, body):
    assert sentence[dateline_end(sentence):] == body


def test_runs_of_final_punctuation_end_one_sentence():
    text = 'He paused... Then left?! "Why?" she asked. Wait..... no.. Yes!!! OK.'
    assert texts(text) == ["He paused...", "Then left?!", '"Why?" she asked.', "Wait..... no..", "Yes!!!", "OK."]
    # a run with no space after it ends nothing, however long
    assert texts("a" + "." * 3000 + "b. Next one.") == ["a" + "." * 3000 + "b.", "Next one."]


@pytest.mark.parametrize("sentence, body", [
    ("BEIRUT, 13 March \u2014 Syrian forces advanced.", "Syrian forces advanced."),
    ("PEMBA, 13 Aug (Indian Ocean Desk) \u2014 Insurgents took the town.", "Insurgents took the town."),
    # the dash's UTF-8 bytes misread as cp1252, cp874, cp437 and twice as cp1252
    ("SANAA, March 17 (Gulf Observer) \u00e2\u20ac\u201d Jets struck.", "Jets struck."),
    ("BEIRUT, Sept. 6 (Desk) \u0e42\u20ac\u201d Troops advanced.", "Troops advanced."),
    ("ISTANBUL, 28 February (Newsline) \u0393\u00c7\u00f6 Soldiers died.", "Soldiers died."),
    ("IDLIB, 26 June (Levant 24) \u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u20ac\x9d A strike hit.", "A strike hit."),
    ("Rebels killed 13 - and the army fled.", "Rebels killed 13 - and the army fled."),
])
def test_dateline_with_a_leading_day_or_a_misread_dash(sentence, body):
    assert sentence[dateline_end(sentence):] == body
