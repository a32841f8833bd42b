"""The per-record type model learned from train gold (events/type_model.py), its counts
(training/corpus/type_counts.py) and where it may replace the rules' type (events/type_carry.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflict_ner.errors import DataError
from conflict_ner.events import build_records
from conflict_ner.events.type_carry import settle_types
from conflict_ner.events.type_model import TypeModel, features, overrides, packaged
from conflict_ner.records import Entity
from conflict_ner.training.corpus.type_counts import build, count_records, dumps

ROOT = Path(__file__).resolve().parents[2]


def _rec(sub: str, sentence: str, trigger: str | None = None) -> dict:
    return {"sub_event_type": sub, "sentence": {"text": sentence}, "actors": [], "weapons": [], "counts": [],
            "trigger": {"text": trigger} if trigger else None}


def _corpus(tmp_path: Path, docs: dict[str, list[dict]], splits: dict[str, str]) -> tuple[Path, Path]:
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps({"doc_id": d, "records": rs}) + "\n" for d, rs in docs.items()),
                      encoding="utf-8")
    tsv = tmp_path / "splits.tsv"
    tsv.write_text("".join(f"{d}\t{s}\n" for d, s in splits.items()), encoding="utf-8")
    return events, tsv


def test_the_counts_come_from_typed_train_records_only(tmp_path):
    untyped = _rec("Attack", "Gunmen raided Mbau.")
    del untyped["sub_event_type"]
    events, tsv = _corpus(tmp_path, {"a": [_rec("Attack", "Gunmen shot farmers.", "shot"), untyped],
                                     "b": [_rec("Armed clash", "Troops clashed.")]}, {"a": "train", "b": "dev"})
    counts = build(events, tsv)
    assert counts["classes"] == {"Attack": 1}
    assert counts["features"]["t=shot"] == {"Attack": 1}
    assert "w=troops" not in counts["features"] and "w=raided" not in counts["features"]


def test_bad_gold_is_named(tmp_path):
    events, tsv = _corpus(tmp_path, {"a": [_rec("Airstrike", "Jets hit Idlib.")]}, {"a": "train"})
    with pytest.raises(DataError, match="Airstrike") as err:
        build(events, tsv)
    assert (err.value.path, err.value.line) == (str(events), 1)
    events, tsv = _corpus(tmp_path, {"a": [{"sub_event_type": "Attack", "sentence": {}}]}, {"a": "train"})
    with pytest.raises(DataError, match="sentence text"):
        build(events, tsv)


def test_the_packaged_counts_are_the_build_of_the_committed_corpus():
    built = build(ROOT / "training/corpus/compiled/events.jsonl", ROOT / "training/corpus/splits.tsv")
    text = (ROOT / "src/conflict_ner/resources/type_counts.json").read_text(encoding="utf-8")
    assert text == dumps(built), "stale type counts: run conflict-ner data build"
    assert json.loads(text) == built
    assert packaged() is not None


def _model() -> TypeModel:
    recs = [_rec("Attack", "Gunmen shot farmers in the village.", "shot")] * 6 + \
           [_rec("Armed clash", "Troops and rebels fought near the village.", "fought")] * 6
    return TypeModel(count_records(recs))


def test_the_model_reads_the_words_of_a_record():
    best, p = _model().best(features("shot", "Gunmen shot farmers."))
    assert best == "Attack" and p > 0.99
    assert _model().best(features(None, "Calm returned."))[1] == pytest.approx(0.5)  # words it never saw: the priors


def test_the_codebook_s_precedence_bounds_the_model():
    assert overrides("Armed clash", True, "Attack", 0.995)
    assert not overrides("Armed clash", True, "Attack", 0.98)  # not sure enough
    # remote means are the sentence's words' to tell
    assert not overrides("Air/drone strike", True, "Shelling/artillery/missile attack", 0.999)
    assert overrides("Air/drone strike", False, "Shelling/artillery/missile attack", 0.999)
    # a rare kind named by its cue never becomes a common kind; it may become another rare kind
    assert not overrides("Looting/property destruction", True, "Armed clash", 0.999)
    assert overrides("Mob violence", True, "Arrests", 0.999)


def test_a_sure_model_retypes_a_record_and_none_keeps_the_rules_type():
    text = "Gunmen shot farmers in Mbau."
    ents = [Entity("ACTOR", 0, 6, "Gunmen", 1.0), Entity("ACTOR", 12, 19, "farmers", 1.0)]
    recs = build_records(text, ents, "2024-05-08", "d")
    assert [r.sub_event_type for r in settle_types(recs, model=None)] == ["Attack"]
    clash = TypeModel(count_records([_rec("Armed clash", "Gunmen shot farmers in Mbau.", "shot")] * 9 +
                                    [_rec("Attack", "Rebels raided a camp.", "raided")]))
    assert [(r.event_type, r.sub_event_type) for r in settle_types(recs, model=clash)] == [("Battles", "Armed clash")]
