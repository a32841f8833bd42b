"""Grouping records of different documents that report one act (conflict_ner.dedup)."""

import json

import pytest

from conflict_ner.app.cli import main
from conflict_ner.dedup import group_records
from conflict_ner.dedup_io import read_records
from conflict_ner.errors import DataError


def rec(doc, sub="Air/drone strike", day="2019-05-06", end=None, places=("Kafr Nabl",), actors=(), counts=(),
        precision="day", **extra):
    r = {"doc_id": doc, "event_type": "Explosions/Remote violence", "sub_event_type": sub,
         "sentence": {"text": f"report of {doc}"},
         "date": {"value": day, "precision": precision, "start": day, "end": end or day},
         "locations": [p if isinstance(p, dict) else {"text": p} for p in places],
         "actors": [{"text": t, "role": role} for t, role in actors],
         "counts": [{"value": v, "outcome": o} for v, o in counts], "modality": "asserted"}
    r.update(extra)
    return r


def docs_of(groups):
    return sorted(sorted(g.documents) for g in groups)


def test_spelling_variants_of_one_act_are_one_group_with_the_toll_range():
    groups = group_records([rec("a", places=["Kafr Nabl"], counts=[(5, "killed")]),
                            rec("b", day="2019-05-07", places=["Kfar Nabl"], counts=[(9, "killed")]),
                            rec("c", places=["southern Kafr Nabl countryside"], counts=[(6, "killed")])])
    assert docs_of(groups) == [["a", "b", "c"]]
    (killed,) = groups[0].casualties
    assert (killed.low, killed.best, killed.high, killed.reports) == (5, 6, 9, 3)


def test_type_date_and_place_keep_acts_apart():
    groups = group_records([rec("a"), rec("b", sub="Shelling/artillery/missile attack"),
                            rec("c", day="2019-05-09"), rec("d", places=["Saraqib"])])
    assert docs_of(groups) == [["a"], ["b"], ["c"], ["d"]]


def test_a_week_holds_any_of_its_days():
    groups = group_records([rec("a", day="2019-05-06", end="2019-05-12", precision="week"),
                            rec("b", day="2019-05-11")])
    assert docs_of(groups) == [["a", "b"]]


def test_initiator_of_one_as_target_of_the_other_is_another_act():
    one = rec("a", sub="Attack", actors=[("Hay'at Tahrir al-Sham", "initiator"), ("Jaysh al-Izza", "target")])
    other = rec("b", sub="Attack", actors=[("Jaish al-Izza", "initiator"), ("Hayat Tahrir a-Sham", "target")])
    same = rec("c", sub="Attack", actors=[("Hayat Tahrir al-Sham", "initiator")])
    assert docs_of(group_records([one, other, same])) == [["a", "c"], ["b"]]


def test_records_of_one_document_are_never_compared_with_each_other():
    groups = group_records([rec("a", places=["Kafr Nabl"]), rec("a", places=["Saraqib"]), rec("b", places=["Saraqib"])])
    assert docs_of(groups) == [["a"], ["a", "b"]]
    assert [s.record_index for g in groups for s in g.sources if len(g.documents) == 2] == [1, 0]


def test_geocoded_places_within_the_radius_are_one_place():
    geo = {"latitude": 35.58, "longitude": 36.56, "admin1": "Idlib", "geo_precision": 1}
    near = {"latitude": 35.60, "longitude": 36.60, "admin1": "Idlib", "geo_precision": 2}
    far = {"latitude": 36.20, "longitude": 37.15, "admin1": "Aleppo", "geo_precision": 1}
    province = {"latitude": 35.9, "longitude": 36.6, "admin1": "Idlib", "geo_precision": 3}
    groups = group_records([rec("a", places=[{"text": "Kafr Nabl", "geo": geo}]),
                            rec("b", places=[{"text": "the village outskirts", "geo": near}]),
                            rec("c", places=[{"text": "Haylan", "geo": far}]),
                            rec("d", places=[{"text": "Idlib", "geo": province}])])
    assert docs_of(groups) == [["a", "b", "d"], ["c"]]


def test_no_place_needs_a_shared_actor_and_negated_acts_are_left_out():
    groups = group_records([rec("a", actors=[("the Wagner Group", "initiator")]),
                            rec("b", places=[], actors=[("Wagner Group", "initiator")]),
                            rec("c", places=[], actors=[("gunmen", "initiator")]),
                            rec("d", modality="negated")])
    assert docs_of(groups) == [["a", "b"], ["c"]]


def test_cli_reads_extract_output_and_writes_groups(tmp_path):
    lines = [{"doc_id": "a", "url": "https://one.example/1", "title": "One", "records": [rec("a")], "error": None},
             {"doc_id": "b", "records": [rec("b", counts=[(3, "killed")])], "error": None},
             {"doc_id": "x", "records": [], "error": "boom"}]
    src = tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    out = tmp_path / "groups.jsonl"
    assert main(["dedup", str(src), "-o", str(out)]) == 0
    (group,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert group["documents"] == ["a", "b"]
    assert group["sources"][0]["url"] == "https://one.example/1" and group["sources"][0]["title"] == "One"
    assert group["casualties"] == [{"outcome": "killed", "low": 3, "best": 3, "high": 3, "reports": 1}]


def test_a_bad_line_is_named(tmp_path):
    src = tmp_path / "bad.jsonl"
    src.write_text(json.dumps(rec("a")) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bad.jsonl:2: not JSON"):
        read_records(src)


def test_pairwise_counts_links_between_documents_only():
    from conflict_ner.dedup_eval import pairwise

    gold = {("a", 0): "c1", ("a", 1): "c1", ("b", 0): "c1", ("c", 0): "n1"}
    perfect = pairwise([[("a", "c1"), ("b", "c1")], [("c", "n1")]], gold)
    assert (perfect["precision"], perfect["recall"], perfect["links_gold"]) == (1.0, 1.0, 1)
    merged = pairwise([[("a", "c1"), ("b", "c1"), ("c", "n1")]], gold)
    assert merged["precision"] == round(1 / 3, 4) and merged["recall"] == 1.0


def test_the_cluster_gold_names_records_of_the_compiled_corpus():
    from pathlib import Path

    from conflict_ner.dedup_eval import read_clusters, read_corpus

    clusters = read_clusters(Path("training/corpus/clusters.tsv"))
    _, gold = read_corpus("training/corpus", {d for d, _ in clusters})
    assert all(i < len(gold[d]) for d, i in clusters)
    acts = {}
    for (d, _), act in clusters.items():
        acts.setdefault(act, set()).add(d)
    assert sum(len(docs) >= 2 for docs in acts.values()) >= 40
    assert sum(a.startswith("n") for a in acts) >= 15
