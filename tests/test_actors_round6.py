"""Actor identity rules of round 6, chosen on the cross-validated train+dev gold (issue 19,
training/ANNOTATION.md section 10). Texts are written for the tests."""

from __future__ import annotations

from datetime import date

from conflict_ner.actors import ActorResolver
from conflict_ner.actors.leave_out import without_held_out
from conflict_ner.actors.table import default_table

from tests.conftest import spans_of


def names(text: str, *mentions: str, published: date | None = date(2020, 3, 2), table=None) -> list[str | None]:
    spans = spans_of(text, *mentions)
    return [i.canonical for i in ActorResolver(table).resolve(text, spans, published=published)]


def test_an_entrys_own_acled_name_gives_its_acronym_and_long_form():
    # a table that never saw "TPLF" or the long form as aliases still knows the entry's name
    lean = without_held_out(default_table(), [], ["TPLF", "Tigray People's Liberation Front"])
    text = "MEKELLE - The TPLF said the Tigray People's Liberation Front would talk."
    assert names(text, "TPLF", "Tigray People's Liberation Front", table=lean) == [
        "TPLF: Tigray People's Liberation Front"] * 2


def test_member_noun_before_of_and_a_named_group_is_that_group():
    text = "GOMA - The army and its allies of the Wazalendo movement held the hill against fighters of the former M23."
    got = names(text, "army", "allies", "Wazalendo", "fighters", "M23")
    assert got[1] == got[2] == "Wazalendo"
    assert got[3] == got[4] == "M23: March 23 Movement"


def test_a_force_the_clause_before_it_gives_an_owner_is_the_owners():
    text = ("MOSUL - Iran, which keeps 2,000 soldiers near the city, wants a role. "
            "Hezbollah still has thousands of fighters. Eritrean troops, who fought alongside federal forces, left.")
    got = names(text, "Iran", "soldiers", "Hezbollah", "fighters", "Eritrean troops", "federal forces",
                published=date(2016, 10, 17))
    assert got[1] == "Military Forces of Iran"
    assert got[3] == "Hezbollah"
    assert got[5] == "Military Forces of Iraq (2014-2018)"  # fighting alongside is not having


def test_pointers_back_choose_by_the_kind_of_group_and_take_these_and_remaining():
    text = ("MOPTI - JNIM attacked the town, then Dan Na Ambassagou arrived. The militants fled north "
            "and the militia stayed. These fighters later returned; the remaining fighters surrendered.")
    got = names(text, "JNIM", "Dan Na Ambassagou", "militants", "militia", "fighters", "fighters")
    assert got[2] == "JNIM: Group for Support of Islam and Muslims"  # a rebel group, not the last militia
    assert got[3] == "Dan Na Ambassagou"  # a militia, not the last rebel group
    assert got[4] == got[5] == "Dan Na Ambassagou"  # "these", "the remaining": the last named group


def test_another_countrys_state_alias_that_is_a_generic_head_is_the_home_body():
    text = "ADDIS ABABA - The government sent federal police and soldiers to the district."
    assert names(text, "federal police", published=date(2019, 2, 1))[0] == "Police Forces of Ethiopia (2018-)"
    text = "MOSUL - Federal Police units entered the old city."  # in Iraq it is still Iraq's
    assert names(text, "Federal Police", published=date(2017, 3, 1))[0] == "Police Forces of Iraq (2014-2018)"


def test_a_whole_generic_head_wins_over_its_words_without_determiners():
    text = "MOPTI - Armed men on motorbikes killed ten villagers."
    assert names(text, "Armed men", "villagers", published=date(2019, 3, 1)) == [
        "Unidentified Armed Group (Mali)", "Civilians (Mali)"]


def test_a_person_takes_the_body_a_title_or_apposition_gives():
    text = ("KISMAYO - An al-Shabaab spokesman, Sheikh Abdi Nur Farah, denied the toll. "
            "Pentagon Press Secretary Jane Doyle said the strike worked. "
            "Omar Haji Dirie, a commander in the Somali National Army, was wounded.")
    got = names(text, "al-Shabaab", "Abdi Nur Farah", "Pentagon", "Jane Doyle", "Omar Haji Dirie", "Somali National Army",
                published=date(2018, 5, 1))
    assert got[1] == "Al Shabaab"
    assert got[3] == "Military Forces of United States"
    assert got[4] == got[5] == "Military Forces of Somalia (2017-2022)"


def test_described_militias_after_the_one_named_militia_and_faith_words_name_no_group():
    text = ("BAGHDAD - Sunni fighters fled as the Popular Mobilization Forces advanced; "
            "later militia commanders said the town was taken.")
    got = names(text, "Sunni fighters", "Popular Mobilization Forces", "militia commanders", published=date(2016, 6, 1))
    assert got[0] != "Sunni"
    assert got[1] == got[2] == "PMF: Popular Mobilization Forces"
