from __future__ import annotations

from datetime import date

import pytest

from conflict_ner.events.builder import build_records
from conflict_ner.events.headings import is_section_heading
from conflict_ner.events.sentence import Sentence


@pytest.mark.parametrize("line", ["Casualties", "Siege of Kobani", "Other strikes", "The convoy strike",
                                  "Airstrikes and displacement", "Recapture of the town"])
def test_section_headings(line):
    assert is_section_heading(Sentence(line))


@pytest.mark.parametrize("line", [
    "Rebels seize key town on Aleppo highway",          # a headline: a verb with its complement
    "Russian missile hits apartment block in Zaporizhzhia",
    "Civilian deaths: 6",                               # a count
    "Rebels shelled Hama.",                             # closed by punctuation: a sentence
    "Casualties\nmounted in the north",                 # runs on over a line
    "Weekly security bulletin No. 24/2024: ADF killings in Lubero and Beni territories",
])
def test_not_section_headings(line):
    assert not is_section_heading(Sentence(line))


def test_a_section_heading_yields_no_record_and_its_paragraph_does(entities):
    text = "The convoy strike\n\nRussian jets struck the convoy on Monday."
    ents = entities(text, [("DATE", "Monday")])
    records = build_records(text, ents, date(2024, 5, 8))
    assert [r.sentence.text for r in records] == ["Russian jets struck the convoy on Monday."]


def test_the_documents_headline_yields_no_record_in_the_extractor_and_the_body_does(entities):
    text = "Russian jets strike convoy near Idlib\n\nRussian jets struck a convoy near Idlib on Monday."
    ents = entities(text, [("ACTOR", "Russian jets"), ("LOCATION", "Idlib"),
                           ("ACTOR", "Russian jets"), ("LOCATION", "Idlib"), ("DATE", "Monday")])
    extracted = build_records(text, ents, date(2024, 5, 8), keep_bare=False)
    assert [r.sentence.text for r in extracted] == ["Russian jets struck a convoy near Idlib on Monday."]
    assert len(build_records(text, ents, date(2024, 5, 8))) == 2  # the rules' unit tests keep it


def test_a_first_line_closed_by_punctuation_is_no_headline(entities):
    text = "Russian jets struck a convoy near Idlib on Monday."
    ents = entities(text, [("ACTOR", "Russian jets"), ("LOCATION", "Idlib"), ("DATE", "Monday")])
    assert len(build_records(text, ents, date(2024, 5, 8), keep_bare=False)) == 1
