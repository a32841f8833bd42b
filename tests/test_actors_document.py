"""Actor identity by the document (coreference, police by context), the leave-dev-out table,
and the mention rules added with them (issue 19, actor identity)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conflict_ner.actors import ActorResolver
from conflict_ner.actors.evaluate import evaluate_actor_gold, read_corpus
from conflict_ner.actors.leave_out import leave_out_table, split_mentions, without_held_out
from conflict_ner.actors.table import default_table
from conflict_ner.errors import DataError

from tests.conftest import spans_of

CORPUS = Path(__file__).parent.parent / "training" / "corpus"


def names(text: str, *mentions: str, published: date | None = date(2017, 8, 20)) -> list[str | None]:
    spans = spans_of(text, *mentions)
    return [i.canonical for i in ActorResolver().resolve(text, spans, published=published)]


# --- the article's one named armed group ------------------------------------------------------

def test_described_group_after_the_named_group_is_that_group():
    text = "BAGHDAD - Troops retook the district from Daesh. At least 20 terrorists were killed."
    assert names(text, "Troops", "Daesh", "terrorists")[1:] == ["Islamic State (Iraq)", "Islamic State (Iraq)"]


def test_described_group_before_the_name_or_with_two_groups_stays_unidentified():
    before = "BAGHDAD - Insurgents attacked a checkpoint; later Daesh claimed a bombing."
    assert names(before, "Insurgents", "Daesh")[0] == "Unidentified Armed Group (Iraq)"
    two = "BAGHDAD - Daesh and al-Qaeda fighters clashed. Twenty terrorists were killed."
    assert names(two, "Daesh", "al-Qaeda fighters", "terrorists")[2] == "Unidentified Armed Group (Iraq)"


def test_anonymous_or_qualified_groups_are_not_the_named_group():
    text = "BAGHDAD - Daesh lost the town. Unidentified militants and gunmen fired at troops."
    got = names(text, "Daesh", "Unidentified militants", "gunmen")
    assert got[1:] == ["Unidentified Armed Group (Iraq)", "Unidentified Armed Group (Iraq)"]


def test_forces_loyal_to_a_named_commander_are_his():
    text = "TRIPOLI - The Government of National Accord blamed forces loyal to Khalifa Haftar."
    got = names(text, "Government of National Accord", "forces", "Khalifa Haftar", published=date(2019, 7, 4))
    assert got[1] == got[2] == "Military Forces of Libya (2014-) Haftar Faction"


def test_troops_loyal_to_the_president_stay_the_military():
    text = "SANAA - Army units loyal to President Abd-Rabbu Mansour Hadi held the port."
    got = names(text, "Army units", "Abd-Rabbu Mansour Hadi", published=date(2015, 3, 27))
    assert got[0].startswith("Military Forces of Yemen")


def test_officers_after_the_police_are_the_police():
    text = "BOGOTA - Police said a suspect was held by residents until officers arrived."
    got = names(text, "Police", "residents", "officers", published=date(2025, 8, 22))
    assert got[2] == got[0] == "Police Forces of Colombia (2022-)"
    alone = "BOGOTA - Soldiers said officers had arrived."
    assert names(alone, "Soldiers", "officers", published=date(2025, 8, 22))[1] == "Military Forces of Colombia (2022-)"


# --- mention rules ---------------------------------------------------------------------------

def test_a_peoples_name_takes_civilian_nouns_only():
    text = "SITTWE, Myanmar - Rohingya insurgents attacked posts; the army burned the homes of Rohingya villagers."
    got = names(text, "Rohingya insurgents", "army", "Rohingya villagers")
    assert got[0] != "Rohingya Ethnic Group (Myanmar)"
    assert got[2] == "Rohingya Ethnic Group (Myanmar)"


@pytest.mark.parametrize("text, mention, expected", [
    ("GOMA - A coalition of armed groups backs the army.", "armed groups",
     "Unidentified Armed Group (Democratic Republic of Congo)"),
    ("JOS, Nigeria - A female suicide bomber struck a church.", "female suicide bomber", "Unidentified Armed Group (Nigeria)"),
    ("NASIRIYAH, Iraq - Lieutenant General Jamil al-Shammari was recalled.", "Jamil al-Shammari", "Military Forces of Iraq (2018-2020)"),
    ("KABUL - One Afghan guard was wounded.", "Afghan guard", "Military Forces of Afghanistan (2021-)"),
    ("QUETTA, Pakistan - The Balochistan Liberation Army claimed it.", "Balochistan Liberation Army",
     "BLA: Balochistan Liberation Army"),
    ("BEIRUT - Ten soldiers were wounded.", "soldiers", "Military Forces of Lebanon (2016-2022)"),
])
def test_mention_rules(text, mention, expected):
    published = date(2019, 11, 29) if "Iraq" in text else date(2023, 9, 7) if "KABUL" in text else date(2017, 8, 20)
    assert names(text, mention, published=published) == [expected]


# --- the leave-dev-out table -----------------------------------------------------------------

def test_leave_out_drops_what_only_the_held_split_taught():
    table = default_table(known=False)  # the corpus-learned part (the general-knowledge layer always stays)
    lean = without_held_out(table, kept=["Janjaweed fighters"], held=["Hayat Tahrir al-Sham", "Sudanese army"],
                            kept_places=["Aleppo"], held_places=["Idlib"])
    assert "haiat tahrir sham" in table.aliases and "haiat tahrir sham" not in lean.aliases
    assert "janjawed" in lean.aliases  # the kept split holds it
    assert "hts" in lean.aliases  # neither split holds it: the annotator's own alias stays
    assert "army" in table.generics["military"].heads and "army" not in lean.generics["military"].heads
    assert "idlib" not in lean.country_words and "alepo" in lean.country_words
    assert "haiat tahrir sham" in table.aliases  # the shared table is untouched


def test_leave_out_dev_on_the_corpus():
    docs = read_corpus(CORPUS / "compiled", ["train", "dev"])
    assert {d["split"] for d in docs.values()} == {"train", "dev"}
    lean = leave_out_table(default_table(), docs)
    assert split_mentions(docs, ["train"]) and len(lean.aliases) < len(default_table().aliases)
    assert "hts" in lean.aliases  # train holds it
    full = evaluate_actor_gold(CORPUS / "actor_gold.tsv", CORPUS / "compiled", splits=["dev"])
    honest = evaluate_actor_gold(CORPUS / "actor_gold.tsv", CORPUS / "compiled", splits=["dev"], leave_out="dev")
    assert honest["gold_spans"]["dev"]["mentions"] == full["gold_spans"]["dev"]["mentions"] >= 200
    assert honest["gold_spans"]["dev"]["accuracy"] <= full["gold_spans"]["dev"]["accuracy"]


def test_leave_out_refuses_train():
    with pytest.raises(DataError, match="can leave out"):
        evaluate_actor_gold(CORPUS / "actor_gold.tsv", CORPUS / "compiled", splits=["dev"], leave_out="train")


def test_protesters_who_burn_are_rioters():
    text = "DAMAZIN, Sudan - Protesters in Damazin torched a government building. Later, protesters marched."
    got = names(text, "Protesters", "protesters", published=date(2022, 7, 17))
    assert got == ["Rioters (Sudan)", "Protesters (Sudan)"]


def test_a_wider_span_resolves_by_its_capitalised_name():
    text = "KHARTOUM - The joint UNAMID peacekeeping mission said separatist Balochistan Liberation Army men fled."
    got = names(text, "joint UNAMID peacekeeping mission", "separatist Balochistan Liberation Army",
                published=date(2018, 1, 21))
    assert got == ["UNAMID: United Nations-African Union Mission in Darfur", "BLA: Balochistan Liberation Army"]


def test_near_spelling_needs_a_near_name_not_just_the_same_member_noun():
    text = "DAMAZIN, Sudan - Berti fighters burned homes."
    assert names(text, "Berti fighters", published=date(2022, 7, 17)) != ["Islamic State (Sudan)"]
    typo = "IDLIB, Syria - Hayat Tahrir al-Shamm fighters advanced."
    assert names(typo, "Hayat Tahrir al-Shamm fighters", published=date(2019, 5, 6)) == ["Hayat Tahrir al-Sham"]


def test_a_body_named_with_its_country():
    text = "BAGHDAD - The Federal Government of Iraq thanked the Armed Forces of Mali."
    got = names(text, "Federal Government of Iraq", "Armed Forces of Mali", published=date(2023, 1, 5))
    assert got == ["Government of Iraq (2022-)", "Military Forces of Mali (2021-)"]


def test_kurdish_forces_are_the_sdf_in_syria_and_the_peshmerga_in_iraq():
    syria = "RAQQA, Syria - Kurdish forces advanced."
    iraq = "ERBIL, Iraq - Kurdish forces advanced."
    assert names(syria, "Kurdish forces", published=date(2017, 6, 6)) == ["SDF: Syrian Democratic Forces"]
    assert names(iraq, "Kurdish forces", published=date(2017, 6, 6)) == ["Peshmerga"]


# --- round 5: the article's country from a heading body; described groups in the other number ----------------

def test_a_state_body_heading_the_article_gives_its_country():
    from conflict_ner.actors.resolve import dateline_country

    table = default_table()
    assert dateline_country("Lebanese Army Command - communique No. 4\n\nArmy units advanced.", table) == "Lebanon"
    assert dateline_country("KABUL, Dec 25 - Pakistani jets struck.", table) == "Afghanistan"
    assert dateline_country("Rebels said, on Monday, that", table) is None
    text = ("Lebanese Army Command - communique No. 4\n\nAt dawn, army units attacked Daesh in the hills near "
            "Western Qalamoun, on the Syrian side of the border. Ten soldiers were wounded.")
    spans = [(text.index(m), text.index(m) + len(m)) for m in ("army units", "soldiers")]
    got = ActorResolver().resolve(text, spans, published=date(2017, 8, 20), places=["Western Qalamoun"])
    assert [i.canonical for i in got] == ["Military Forces of Lebanon (2016-2022)"] * 2


def test_described_groups_in_the_other_number_or_joined_by_and():
    lean = without_held_out(default_table(), kept=["refugees"], held=["demonstrators", "refugees and migrants", "migrants"])
    assert "demonstrators" not in lean.generics["protesters"].heads  # what a table without them sees
    text = "BAGHDAD - Three demonstrators were shot. An airstrike killed 53 refugees and migrants; migrants fled."
    spans = [(text.index(m), text.index(m) + len(m)) for m in ("demonstrators", "refugees and migrants")]
    spans.append((text.rindex("migrants"), text.rindex("migrants") + len("migrants")))
    got = ActorResolver(lean).resolve(text, spans, published=date(2019, 11, 29))
    assert [i.canonical for i in got] == ["Protesters (Iraq)", "Civilians (Iraq)", "Civilians (Iraq)"]
