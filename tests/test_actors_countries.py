"""The article's country from places the table does not know (the geocoder's gazetteer) and the
generated state actors of every country (issue 19, actor identity: unseen theatres)."""

from __future__ import annotations

from datetime import date

import pytest

from conflict_ner.actors import ActorResolver
from conflict_ner.actors.place_country import default_place_country

from tests.conftest import spans_of


def names(text: str, *mentions: str, published: date | None = date(2017, 8, 20), **kwargs) -> list[str | None]:
    spans = spans_of(text, *mentions)
    places = kwargs.pop("places", ())
    return [i.canonical for i in ActorResolver(**kwargs).resolve(text, spans, published=published, places=places)]


def test_a_place_the_table_lacks_gives_the_article_its_country():
    text = "Police said a bomber struck a church in Potiskum, killing five worshippers."
    lookup = {"Potiskum": "NG"}.get
    got = names(text, "Police", "bomber", "worshippers", places=["Potiskum"], place_country=lookup)
    assert got == ["Police Forces of Nigeria (2015-2023)", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"]
    assert names(text, "Police", places=["Potiskum"], gazetteer_places=False) == [None]


def test_the_table_s_own_place_words_come_first():
    text = "Gunmen attacked Idlib."
    assert names(text, "Gunmen", places=["Idlib"], place_country=lambda p: "NG") == ["Unidentified Armed Group (Syria)"]


def test_the_default_gazetteer_knows_towns_and_provinces():
    country = default_place_country()
    assert country("Potiskum") == "NG" and country("eastern Yobe State") == "NG"
    assert country("Cali") == "CO" and country("Nowhere-at-all") is None


def test_every_iso_country_has_state_actors():
    import pycountry

    from conflict_ner.actors.table import ActorTable, default_table

    table = default_table()
    assert {c.alpha_3 for c in pycountry.countries} <= set(table.by_iso)
    assert "Gabon" not in ActorTable.load(generated=False).countries
    # the hand-written entries keep their names, demonyms and periods
    assert table.demonyms["congolese"] == "Democratic Republic of Congo"
    assert table.country_words.get("congo") != "Republic of the Congo"


@pytest.mark.parametrize("text, mention, expected", [
    ("LIBREVILLE - Gabonese soldiers fired on a crowd in Gabon.", "Gabonese soldiers", ("Military Forces of Gabon", 1)),
    ("BANGUI, Central African Republic - Gabonese troops of the mission withdrew.", "Gabonese troops",
     ("Military Forces of Gabon", 8)),
    ("Guinea said the border with Sierra Leone was closed.", "Guinea", ("Government of Guinea", 1)),
    ("Sri Lankan police arrested 12 people in Sri Lanka.", "Sri Lankan police", ("Police Forces of Sri Lanka", 1)),
])
def test_generated_countries_name_state_forces(text, mention, expected):
    start = text.index(mention)
    got = ActorResolver().resolve(text, [(start, start + len(mention))])[0]
    assert (got.canonical, got.inter_code) == expected
