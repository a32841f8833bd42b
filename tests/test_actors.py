"""Actor identity: folding, the alias table, the resolver, records, exports and the gold."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from conflict_ner.actors import ActorResolver, ActorTable
from conflict_ner.actors.evaluate import (GOLD_COLUMNS, evaluate_actor_gold, read_corpus, read_gold,
                                          score_gold_spans)
from conflict_ner.actors.fold import fold
from conflict_ner.actors.records import with_identities
from conflict_ner.errors import DataError
from conflict_ner.records import ActorRef, Entity, EventDate, EventRecord, TextSpan

from .conftest import spans_of

REPO = Path(__file__).parent.parent
CORPUS = REPO / "training" / "corpus"


def resolve(text: str, *mentions: str, published: date | None = date(2019, 5, 6), **kwargs):
    return ActorResolver(**kwargs).resolve(text, spans_of(text, *mentions), published=published)


@pytest.mark.parametrize("variants", [
    ("Hayat Tahrir al-Sham", "Hay'at Tahrir al-Sham", "Hay’at Tahrir a-Sham", "HAYAT TAHRIR AL SHAM"),
    ("Jaysh al-Izza", "Jaish al-Izza", "Jaish al Izza"),
    ("al-Shabaab", "Al Shabab", "al-Shabab"),
    ("Houthis", "the Huthis"),
    ("Médecins Sans Frontières", "Medecins Sans Frontieres"),
])
def test_fold_joins_transliterations(variants):
    assert len({fold(v) for v in variants}) == 1


def test_fold_keeps_different_names_apart():
    assert fold("Jaish al-Islam") != fold("Jaish al-Izza")
    assert fold("Ahrar al-Sham") != fold("Faylaq al-Sham")


def test_named_groups_and_their_members():
    text = "Hay'at Tahrir al-Sham said HTS fighters and Jaysh al-Izza repelled the attack."
    got = resolve(text, "Hay'at Tahrir al-Sham", "HTS fighters", "Jaysh al-Izza")
    assert [i.canonical for i in got] == ["Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham", "Jaish al-Izza"]
    assert [i.inter_code for i in got] == [2, 2, 2]


def test_acronym_defined_by_the_article_names_an_unknown_group():
    text = "The Balochistan Liberation Army (BLA) attacked a convoy. The BLA said it killed 12."
    got = resolve(text, "Balochistan Liberation Army", "BLA", "BLA")
    assert [i.canonical for i in got] == ["BLA: Balochistan Liberation Army"] * 3  # ACLED's "ACR: Long Name"
    # without the definition an acronym no table knows is only itself (or nothing, when unknown groups
    # stay unnamed); the general-knowledge layer knows the BLA
    assert resolve("The QLA said it killed 12.", "QLA")[0].canonical == "QLA"
    assert resolve("The QLA said it killed 12.", "QLA", name_unknown_groups=False)[0].canonical is None
    assert resolve("The BLA said it killed 12.", "BLA")[0].canonical == "BLA: Balochistan Liberation Army"


def test_unknown_groups_are_named_as_written_persons_are_not():
    text = "The Derna Protection Force said Ali Hassan was killed."
    got = resolve(text, "Derna Protection Force", "Ali Hassan")
    assert [i.canonical for i in got] == ["Derna Protection Force", None]
    assert got[0].actor_type is None and got[0].inter_code is None


def test_described_groups_point_back_to_the_named_actor():
    text = ("TRIPOLI - Islamic State held the old city. Moscow said its troops had left; "
            "the LNA said its soldiers advanced and the militants fled. Gunmen fired.")
    got = resolve(text, "Islamic State", "Moscow", "troops", "LNA", "soldiers", "militants", "Gunmen",
                  published=date(2018, 6, 1))
    haftar = "Military Forces of Libya (2014-) Haftar Faction"
    assert [i.canonical for i in got] == ["Islamic State (Libya)", "Government of Russia (2000-)",
                                          "Military Forces of Russia (2000-)", haftar, haftar, "Islamic State (Libya)",
                                          "Unidentified Armed Group (Libya)"]


def test_generic_mentions_take_the_article_country_and_period():
    text = "DAMASCUS, May 6 - Government forces shelled Idlib, killing civilians; the regime denied it."
    old = resolve(text, "Government forces", "civilians", "regime", published=date(2019, 5, 6))
    assert [i.canonical for i in old] == ["Military Forces of Syria (2000-2024)", "Civilians (Syria)",
                                          "Government of Syria (2000-2024)"]
    assert [i.inter_code for i in old] == [1, 7, 1]
    new = resolve(text, "Government forces", published=date(2025, 3, 1))
    assert new[0].canonical == "Military Forces of Syria (2024-)"


def test_article_country_from_dateline_and_places():
    text = "KABUL, Dec 25 - Security forces arrested gunmen."
    assert [i.canonical for i in resolve(text, "Security forces", "gunmen", published=date(2024, 12, 25))] == [
        "Military Forces of Afghanistan (2021-)", "Unidentified Armed Group (Afghanistan)"]
    no_country = resolve("Security forces arrested gunmen.", "Security forces")
    assert no_country[0].canonical is None and no_country[0].inter_code == 1


def test_foreign_state_forces_are_external():
    text = "ALEPPO, May 6 - Turkish soldiers and Russian military police patrolled the road."
    got = resolve(text, "Turkish soldiers", "Russian military police")
    assert [i.canonical for i in got] == ["Military Forces of Turkey (2016-)", "Military Forces of Russia (2000-)"]
    assert [(i.actor_type, i.inter_code) for i in got] == [("External/Other Forces", 8)] * 2


def test_period_bound_entries():
    text = "KABUL - The Taliban said they had taken the district."
    assert resolve(text, "Taliban", published=date(2019, 1, 1))[0].canonical == "Taliban"
    after = resolve(text, "Taliban", published=date(2022, 1, 1))[0]
    assert (after.canonical, after.inter_code) == ("Military Forces of Afghanistan (2021-)", 1)


def test_local_aliases_only_in_their_country():
    assert resolve("GOMA - UN peacekeepers returned fire in North Kivu.", "UN peacekeepers")[0].canonical \
        .startswith("MONUSCO")
    assert resolve("SIDON - UN peacekeepers returned fire near Tyre.", "UN peacekeepers")[0].canonical \
        .startswith("UNIFIL")


def test_possessor_title_and_shortened_names():
    text = ("KYIV - Russia's Defence Ministry denied it. President Vladimir Putin spoke; Putin later "
            "met Army spokesman Oleh Ivanenko.")
    got = resolve(text, "Defence Ministry", "Vladimir Putin", "Putin", "Oleh Ivanenko", published=date(2023, 1, 1))
    assert [i.canonical for i in got] == ["Military Forces of Russia (2000-)", "Government of Russia (2000-)",
                                          "Government of Russia (2000-)", "Military Forces of Ukraine (2019-)"]


def test_fuzzy_near_spelling_and_its_switch():
    text = "ALEPPO - Jabhat al-Nusrah fighters advanced."
    assert resolve(text, "Jabhat al-Nusrah")[0].canonical == "Jabhat al-Nusra"
    # without fuzzy matching it is a group the table lacks, named as written (actors/unseen.py)
    assert resolve(text, "Jabhat al-Nusrah", fuzzy_threshold=None)[0].canonical == "Jabhat al-Nusrah"


def test_user_table_extends_and_overrides(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors:\n"
                     "  - canonical: 'Viv Ansanm'\n    type: Political Militias\n    inter: 3\n"
                     "    aliases: [Viv Ansanm, Living Together]\n"
                     "  - canonical: 'My HTS'\n    type: Rebel Groups\n    inter: 2\n    aliases: [HTS]\n",
                     encoding="utf-8")
    table = ActorTable.load([extra])
    got = ActorResolver(table).resolve("Viv Ansanm and HTS.", [(0, 10), (15, 18)])
    assert [i.canonical for i in got] == ["Viv Ansanm", "My HTS"]
    assert got[0].inter_code == 3


@pytest.mark.parametrize("body, message", [
    ("actors:\n  - canonical: X\n    type: Rebel Groups\n    inter: 9\n    aliases: [X]\n", "inter code 1-8"),
    ("actors:\n  - canonical: X\n    type: Rebel Groups\n    inter: 2\n    alias: [X]\n", "unknown keys"),
    ("actors:\n  - state: military\n    country: Atlantis\n    aliases: [X]\n", "country"),
    ("actors: [\n", "not valid YAML"),
    ("people: []\n", "unknown top-level keys"),
])
def test_bad_user_tables_name_file_and_entry(tmp_path, body, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(DataError, match=message) as err:
        ActorTable.load([bad])
    assert str(bad) in str(err.value)


def test_records_get_identities_and_acled_export_uses_them():
    from conflict_ner.exports.acled import ACLED_COLUMNS, acled_rows

    text = "IDLIB, May 6 - Syrian troops shelled Saraqib, killing 3 civilians."
    spans = spans_of(text, "Syrian troops", "civilians")
    record = EventRecord("d", TextSpan(text, 0, len(text)), EventDate("2019-05-06", "day", "May 6"),
                         actors=(ActorRef("Syrian troops", *spans[0], "initiator"),
                                 ActorRef("civilians", *spans[1], "target")))
    entities = [Entity("ACTOR", s, e, text[s:e], 1.0) for s, e in spans]
    [out] = with_identities([record], text, entities, ActorResolver(), date(2019, 5, 6))
    assert [(a.canonical, a.inter_code) for a in out.actors] == [
        ("Military Forces of Syria (2000-2024)", 1), ("Civilians (Syria)", 7)]
    row = dict(zip(ACLED_COLUMNS, acled_rows([out], "d", now=0)[0]))
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == (
        "Military Forces of Syria (2000-2024)", 1, "Civilians (Syria)", 7, 17)
    from conflict_ner.exports.ucdp import UCDP_COLUMNS, ucdp_rows

    shelling = replace(out, event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack")
    [ucdp] = ucdp_rows([shelling], "d")
    assert dict(zip(UCDP_COLUMNS, ucdp))["side_a"] == "Military Forces of Syria (2000-2024)"


def test_extractor_fills_identities_and_can_turn_them_off(tiny_model_dir):
    from conflict_ner.extractor import EventExtractor, _Input

    text = "IDLIB, May 6 - Syrian troops shelled Saraqib on Monday, killing 3 civilians."
    spans = spans_of(text, "Syrian troops", "Saraqib", "Monday", "3", "civilians")
    labels = ["ACTOR", "LOCATION", "DATE", "COUNT", "ACTOR"]
    entities = [Entity(lab, s, e, text[s:e], 1.0) for lab, (s, e) in zip(labels, spans)]
    doc = _Input("d", text, date(2019, 5, 8))
    on = EventExtractor.from_pretrained(tiny_model_dir)
    off = EventExtractor.from_pretrained(tiny_model_dir, actor_identity=False)
    with_ids = [a for r in on._records(doc, entities) for a in r.actors]
    without = [a for r in off._records(doc, entities) for a in r.actors]
    assert with_ids and {a.canonical for a in with_ids} <= {"Military Forces of Syria (2000-2024)", "Civilians (Syria)"}
    assert None not in {a.canonical for a in with_ids}
    assert without and {a.canonical for a in without} == {None}
    assert "actor_tables" in on.identity() and "actor_tables" not in off.identity()


def test_extractor_refuses_a_bad_alias_file(tiny_model_dir, tmp_path):
    from conflict_ner.extractor import EventExtractor

    bad = tmp_path / "aliases.yaml"
    bad.write_text("actors:\n  - canonical: X\n", encoding="utf-8")
    with pytest.raises(DataError, match="actors\\[0\\]"):
        EventExtractor.from_pretrained(tiny_model_dir, actor_aliases=[bad])


# --- the gold --------------------------------------------------------------------------------

def test_gold_matches_the_corpus_and_covers_the_splits():
    docs = read_corpus(CORPUS / "compiled", ["train", "dev", "test", "test_new", "heldout"])
    gold = read_gold(CORPUS / "actor_gold.tsv", docs)
    by_split = {s: sum(g.split == s for g in gold) for s in ("dev", "test", "test_new", "heldout")}
    assert len(gold) >= 350 and by_split["test"] >= 90 and by_split["heldout"] >= 30
    for g in gold:  # each row's split is its document's
        assert g.split in {"train", "dev", "test", "test_new", "heldout"}
        assert (g.canonical is None) == (g.actor_type is None)
    # every ACTOR mention of a gold document is mapped: gold documents are whole
    for doc_id in {g.doc_id for g in gold}:
        actors = {(s, e) for s, e, label in docs[doc_id]["spans"] if label == "ACTOR"}
        assert actors == {(g.start, g.end) for g in gold if g.doc_id == doc_id}, doc_id


def test_gold_row_that_disagrees_with_its_document_is_refused(tmp_path):
    docs = {"d": {"id": "d", "text": "Rebels fired.", "spans": []}}
    path = tmp_path / "gold.tsv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle, delimiter="\t")
        w.writerow(GOLD_COLUMNS)
        w.writerow(["d", 0, 6, "Rebels", "test", "", "", ""])
        w.writerow(["d", 0, 5, "Rebels", "test", "", "", ""])
    with pytest.raises(DataError, match=r"gold.tsv:3: document d: text 'Rebels' is not"):
        read_gold(path, docs)


def test_scoring_counts_a_wrong_identity():
    docs = {"d": {"id": "d", "text": "DAMASCUS - Rebels fired.", "published": "2019-05-06",
                  "spans": [[11, 17, "ACTOR"]]}}
    from conflict_ner.actors.evaluate import GoldMention

    right = GoldMention("d", 11, 17, "Rebels", "test", "Unidentified Armed Group (Syria)", "Political Militias", 3)
    wrong = GoldMention("d", 11, 17, "Rebels", "test", "Hayat Tahrir al-Sham", "Rebel Groups", 2)
    assert score_gold_spans(ActorResolver(), [right], docs)["test"].to_dict()["accuracy"] == 1.0
    assert score_gold_spans(ActorResolver(), [wrong], docs)["test"].to_dict()["accuracy"] == 0.0


def test_evaluate_actors_cli(tmp_path, tiny_model_dir, capsys):
    from conflict_ner.app.cli import main

    out = tmp_path / "scores.json"
    assert main(["evaluate-actors", "--splits", "heldout", "--model", str(tiny_model_dir), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "gold_spans      heldout" in printed and "predicted_spans heldout" in printed
    result = json.loads(out.read_text())
    assert result["gold_spans"]["heldout"]["mentions"] == result["predicted_spans"]["heldout"]["mentions"] >= 30
    assert [t for t, _ in result["dev_sweep"]][:2] == [70, 75]


def test_evaluate_actor_gold_refuses_empty_splits():
    with pytest.raises(DataError, match="no gold mentions"):
        # every split holds gold rows since round 6 (train too); cross-validation scores train and dev only
        evaluate_actor_gold(CORPUS / "actor_gold.tsv", CORPUS / "compiled", splits=["heldout"], leave_out="folds:5")
