"""The general-knowledge actor table (``known_actors.yaml``, issue 19) and how it loads: under the
corpus-learned ``aliases.yaml``, kept by the leave-out tables of the cross-validation, under users'
files. Texts are written for the tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conflict_ner.actors import ActorResolver
from conflict_ner.actors.leave_out import without_held_out
from conflict_ner.actors.table import ActorTable, default_table

from tests.conftest import spans_of


def names(text: str, *mentions: str, published: date | None = date(2022, 6, 1), table=None,
          places=None) -> list[str | None]:
    spans = spans_of(text, *mentions)
    return [i.canonical for i in ActorResolver(table).resolve(text, spans, published=published, places=places)]


def test_the_known_layer_loads_and_an_acronym_and_a_spelling_resolve():
    text = ("BANGUI - MINUSCA said its patrol was fired on near Bambari. In the north-west, Amba Boys "
            "burned a school, and the Tehrik-e-Taliban Pakistan claimed a raid.")
    got = names(text, "MINUSCA", "Amba Boys", "Tehrik-e-Taliban Pakistan", places=["Bambari"])
    assert got == ["MINUSCA: United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic",
                   "Ambazonian Separatists", "TTP: Tehreek-i-Taliban Pakistan"]
    bare = ActorTable.load(known=False)
    assert not bare.candidates("MINUSCA") and not bare.candidates("Amba Boys")
    table = default_table()
    assert "minusca" in table.known_aliases and table.candidates("ATMIS")[0].inter == 8


def test_a_state_unit_of_the_known_layer_is_that_state_and_abroad_external():
    text = "GAROUA - Troops of the Rapid Intervention Battalion pushed into Nigeria, where Operation Hadin Kai units waited."
    assert names(text, "Rapid Intervention Battalion", "Operation Hadin Kai units", published=date(2019, 2, 1)) == [
        "Military Forces of Cameroon", "Military Forces of Nigeria (2015-2023)"]


def test_leave_out_tables_keep_the_known_layer():
    # a fold whose documents alone held "MINUSCA" loses the corpus alias, never the general knowledge
    lean = without_held_out(default_table(), ["the army"], ["MINUSCA", "Rapid Intervention Battalion"])
    assert lean.candidates("MINUSCA") and lean.candidates("Rapid Intervention Battalion")
    # the corpus-learned part still goes
    corpus_only = without_held_out(ActorTable.load(known=False), ["the army"], ["Tiger Forces"])
    assert not corpus_only.candidates("Tiger Forces")


def test_the_corpus_table_and_users_files_win_over_the_known_layer(tmp_path: Path):
    table = ActorTable()
    table.add({"actors": [{"canonical": "Corpus Name", "type": "Rebel Groups", "inter": 2, "aliases": ["Xyz Front"]}]}, "c")
    table.add_known({"actors": [{"canonical": "Known Name", "type": "Rebel Groups", "inter": 2,
                                 "aliases": ["Xyz Front", "Xyz Movement"]}]}, "k")
    assert [e.canonical for e in table.candidates("Xyz Front")] == ["Corpus Name"]
    # a leave-out that drops the corpus alias falls back to the known entry
    lean = without_held_out(table, [], ["Xyz Front"])
    assert [e.canonical for e in lean.candidates("Xyz Front")] == ["Known Name"]
    user = tmp_path / "mine.yaml"
    user.write_text("actors:\n  - canonical: My MINUSCA\n    type: External/Other Forces\n    inter: 8\n"
                    "    aliases: [MINUSCA]\n", encoding="utf-8")
    assert [e.canonical for e in ActorTable.load([user]).candidates("MINUSCA")] == ["My MINUSCA"]


def test_a_country_in_an_entrys_parenthesis_is_not_the_entrys_name():
    # "Islamic State (Somalia)", "Rohingya Ethnic Group (Myanmar)": "Somalia" and "Myanmar" named as
    # actors are governments, not the group
    text = "NAIROBI - Somalia said on Monday that Myanmar had sent an envoy."
    assert names(text, "Somalia", "Myanmar", published=date(2020, 1, 6)) == [
        "Government of Somalia (2017-2022)", "Government of Myanmar (2016-2021)"]


# --- rules of the error analysis (issue 19, lever 1) -------------------------------------------

def test_an_x_led_force_is_the_x_led_coalition():
    text = "MOSUL - U.S.-led forces struck a bridge while Saudi-led troops stayed home."
    assert names(text, "U.S.-led forces", "Saudi-led troops", published=date(2017, 5, 1)) == [
        "US-led Coalition", "Saudi-led Coalition"]


def test_a_plural_demonym_alone_is_that_countrys_civilians():
    text = "TRIPOLI - Many Syrians fled, and Afghans queued at the border."
    assert names(text, "Syrians", "Afghans") == ["Civilians (Syria)", "Civilians (Afghanistan)"]


def test_a_long_name_joined_by_a_spaced_dash_is_its_known_part():
    text = "RAQQA - The Joint Air Component – Operation Inherent Resolve said the raid hit a depot."
    assert names(text, "Joint Air Component – Operation Inherent Resolve", published=date(2017, 9, 1)) == [
        "US-led Coalition"]


def test_a_faction_led_by_a_known_leader_is_that_leaders_group():
    text = "EL FASHER - A spokesman for the Sudan Liberation Army faction led by Minni Minawi denied it."
    assert names(text, "Sudan Liberation Army", "Minni Minawi", published=date(2016, 3, 1)) == [
        "SLM/A-MM: Sudan Liberation Movement/Army - Minni Minawi"] * 2


def test_local_descriptions_of_the_known_layer():
    # "the UN mission" is the country's mission, "international forces" in Afghanistan before the
    # withdrawal are NATO's, and Iraq's Shia militias since 2014 are the PMF
    assert names("BANGUI - The UN mission said two of its peacekeepers were hurt.", "UN mission", "peacekeepers")[0] == \
        "MINUSCA: United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic"
    assert names("KANDAHAR - International forces and Afghan troops held the road.", "International forces",
                 published=date(2012, 4, 1)) == ["NATO"]
    assert names("SAMARRA - Shiite militias entered the town.", "Shiite militias", published=date(2016, 4, 1)) == [
        "PMF: Popular Mobilization Forces"]


def test_described_people_armed_with_weapons_are_an_armed_group():
    text = "GONDAR - Villagers armed with machetes attacked a bus; other villagers hid."
    assert names(text, "Villagers", "villagers", published=date(2021, 1, 5)) == [
        "Unidentified Armed Group (Ethiopia)", "Civilians (Ethiopia)"]


def test_a_past_head_of_state_is_the_government():
    text = "SIRTE - Muammar Gaddafi's home town was shelled, as under Hafez al-Assad decades ago in Hama."
    assert names(text, "Muammar Gaddafi", "Hafez al-Assad", published=date(2016, 6, 1)) == [
        "Government of Libya (2014-)", "Government of Syria (2000-2024)"]


def test_a_person_the_articles_armed_group_is_named_after_leads_it():
    text = "ADEN - Former president Ali Abdullah Saleh called on Saleh loyalists to hold; Saleh then fled."
    assert names(text, "Ali Abdullah Saleh", "Saleh loyalists", "Saleh", published=date(2017, 11, 1)) == [
        "Saleh Loyalists"] * 3
    # a country's word in a group's name names no person
    text = "PESHAWAR - Pakistan blamed the Tehrik-i-Taliban Pakistan for the blast."
    assert names(text, "Pakistan", "Tehrik-i-Taliban Pakistan", published=date(2023, 2, 1)) == [
        "Government of Pakistan (2022-2024)", "TTP: Tehreek-i-Taliban Pakistan"]


def test_a_dateline_before_a_dash_is_not_a_titles_body():
    text = "ADEN - Former president Omar Qadri Nasser spoke in Aden."
    assert names(text, "Omar Qadri Nasser", places=["Aden"], published=date(2019, 5, 1)) == ["Government of Yemen (2012-)"]


def test_a_state_forces_trainees_are_that_force():
    text = "TIKRIT - Gunmen killed army recruits and police cadets near the base."
    assert names(text, "army recruits", "police cadets", published=date(2016, 2, 1)) == [
        "Military Forces of Iraq (2014-2018)", "Police Forces of Iraq (2014-2018)"]


def test_a_person_quoted_without_title_or_named_by_a_civilian_trade_is_a_civilian():
    text = ('SITTWE - "They took our boats," said Hla Tun Aye. Fisherman Maung Zaw lost two brothers. '
            '"We will act," said Colonel Zaw Lin.')
    assert names(text, "Hla Tun Aye", "Maung Zaw", "Zaw Lin", published=date(2019, 3, 1)) == [
        "Civilians (Myanmar)", "Civilians (Myanmar)", "Military Forces of Myanmar (2016-2021)"]


def test_an_apostrophe_garbled_by_a_wrong_code_page_still_makes_a_possessive():
    text = "BEIRUT - Strikes killed Reza Tavakoli, a general in Iranâ€™s Revolutionary Guards, on Friday."
    assert names(text, "Reza Tavakoli", published=date(2024, 10, 1)) == ["Military Forces of Iran"]


def test_a_person_named_only_with_a_countrys_possessive_is_its_civilian():
    text = "OSLO - The prize went to Kenya's Amina Wanjiru ahead of Russia's Foreign Minister Sergei Lavrov."
    assert names(text, "Amina Wanjiru", "Sergei Lavrov", published=date(2021, 3, 1)) == [
        "Civilians (Kenya)", "Government of Russia (2000-)"]
