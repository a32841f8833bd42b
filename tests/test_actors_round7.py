"""Actor identity rules of round 7, chosen on the cross-validated train+dev gold (issue 19,
training/ANNOTATION.md section 10; theatres:5 is the measure of transfer). Texts are written
for the tests."""

from __future__ import annotations

from datetime import date

from conflict_ner.actors import ActorResolver
from conflict_ner.actors.leave_out import without_held_out
from conflict_ner.actors.table import default_table
from conflict_ner.actors.unseen import state_unit


def names(text: str, *mentions: str, published: date | None = date(2020, 3, 2), table=None,
          places=None) -> list[str | None]:
    spans, at = [], 0
    for m in mentions:
        start = text.index(m, at)
        spans.append((start, start + len(m)))
        at = start + len(m)
    return [i.canonical for i in ActorResolver(table).resolve(text, spans, published=published, places=places)]


def test_a_near_spelling_must_start_with_the_same_letter():
    # "Nasrallah" folds near "Ansarallah" (the Houthis) and "Jamala" near "Amal": a person, not those groups
    lean = without_held_out(default_table(), [], ["Nasrallah", "Hassan Nasrallah"])
    text = "SIDON - Crowds chanted for Nasrallah while the singer Jamala performed."
    assert names(text, "Nasrallah", "Jamala", table=lean) == [None, None]
    # a true near spelling keeps its first letter
    assert names("KINSHASA - President Felix Tshisekedie spoke.", "Felix Tshisekedie",
                 published=date(2021, 5, 1)) == ["Government of Democratic Republic of Congo (2019-)"]


def test_units_numbered_in_figures_or_words_and_in_capitals_are_the_military():
    assert state_unit("9 Division") and state_unit("Seventh Division") and state_unit("THIRTEENTH BRIGADE")
    assert not state_unit("Hamza Division")
    text = "OFFICIAL STATEMENT, TWELFTH DIVISION. Soldiers of the 9 Division cleared a camp near Maiduguri."
    assert names(text, "TWELFTH DIVISION", "9 Division", published=date(2018, 4, 2), places=["Maiduguri"]) == [
        "Military Forces of Nigeria (2015-2023)"] * 2
