"""Exports analysts load directly: ACLED's and UCDP's columns (order, meaning, pandas dtypes) and
Parquet records, written by ``extract`` through the resumable batch path."""

from __future__ import annotations

import json
from dataclasses import replace

import pandas as pd
import pytest

from conflict_ner.app.batch import run_batch
from conflict_ner.app.batch_output import OutputError
from conflict_ner.app.batch_rows import CSV_COLUMNS, csv_rows
from conflict_ner.app.cli import main
from conflict_ner.exports.acled import ACLED_COLUMNS, ACLED_DTYPES, DISORDER_TYPE, acled_rows
from conflict_ner.exports.parquet import RECORD_SCHEMA, read_records, write_parquet
from conflict_ner.exports.ucdp import UCDP_COLUMNS, UCDP_DTYPES, ucdp_rows
from conflict_ner.records import (TYPE_OF_SUB_EVENT, ActorRef, CountRef, EventDate, EventRecord, Geo, PlaceRef,
                                  TextSpan)
from tests.batch_fakes import FakeExtractor

TEXT = ("Government forces shelled Kafr Nabl and Hish on Monday, killing 9 civilians, including 4 children, "
        "and 2 HTS fighters, a monitor said.")


def _at(word: str) -> tuple[int, int]:
    return TEXT.index(word), TEXT.index(word) + len(word)


def _record(**changes) -> EventRecord:
    counts = (CountRef("9", *_at("9"), 9, 9, 9, "civilians", "killed"), CountRef("4", *_at("4"), 4, 4, 4, "children",
                                                                                "killed"),
              CountRef("2", *_at("2"), 2, 2, 2, "HTS fighters", "killed"))
    rec = EventRecord(
        doc_id="d", sentence=TextSpan(TEXT, 0, len(TEXT)), date=EventDate("2024-05-06", "day", "Monday"),
        actors=(ActorRef("Government forces", *_at("Government forces"), "initiator"),
                ActorRef("civilians", *_at("civilians"), "target"), ActorRef("HTS fighters", *_at("HTS fighters"),
                                                                           "target")),
        locations=(PlaceRef("Kafr Nabl", *_at("Kafr Nabl")), PlaceRef("Hish", *_at("Hish"))),
        counts=counts, attribution=TextSpan("a monitor", *_at("a monitor")), confidence=0.876,
        event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack")
    return replace(rec, **changes)


def _as_dict(row, columns):
    assert len(row) == len(columns)
    return dict(zip(columns, row))


# --- ACLED ----------------------------------------------------------------------------------------------

def test_acled_columns_are_acled_s_31_in_acled_s_order():
    assert ACLED_COLUMNS == [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
        "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
        "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]
    assert set(DISORDER_TYPE) == set(TYPE_OF_SUB_EVENT)


def test_acled_rows_one_per_place_with_fatalities_shared():
    rows = [_as_dict(r, ACLED_COLUMNS) for r in acled_rows([_record()], "doc7", {"site": "Reuters"}, now=1715000000)]
    assert [r["location"] for r in rows] == ["Kafr Nabl", "Hish"]
    assert [r["event_id_cnty"] for r in rows] == ["doc7-1", "doc7-2"]
    # 9 civilians (4 children among them) and 2 fighters: 11, shared 6 + 5
    assert [r["fatalities"] for r in rows] == [6, 5]
    first = rows[0]
    assert (first["event_date"], first["year"], first["time_precision"]) == ("2024-05-06", 2024, 1)
    assert first["disorder_type"] == "Political violence"
    assert (first["actor1"], first["assoc_actor_1"]) == ("Government forces", "")
    assert (first["actor2"], first["assoc_actor_2"]) == ("civilians", "HTS fighters")
    assert first["civilian_targeting"] == ""  # fighters were hit too
    assert first["source"] == "Reuters; a monitor"
    assert first["tags"] == "confidence=0.88" and first["timestamp"] == 1715000000
    assert first["notes"] == TEXT and first["iso"] == first["latitude"] == first["inter1"] == ""


def test_acled_dates_precision_and_empty_fatalities():
    week = _record(date=EventDate("2024-04-29", "week", "last week"), counts=(), locations=())
    (row,) = [_as_dict(r, ACLED_COLUMNS) for r in acled_rows([week], "d")]
    assert (row["event_date"], row["time_precision"], row["fatalities"], row["location"]) == ("2024-05-02", 2, 0, "")
    month = _record(date=EventDate("2024-03-01", "month", "in March", source="carried"))
    row = _as_dict(acled_rows([month], "d")[0], ACLED_COLUMNS)
    assert (row["event_date"], row["time_precision"]) == ("2024-03-16", 3)  # ACLED codes a month 3, not 2
    assert "date_source=carried" in row["tags"]
    published = _record(date=EventDate("2024-05-08", "unknown", None))
    row = _as_dict(acled_rows([published], "d")[0], ACLED_COLUMNS)
    assert (row["event_date"], row["time_precision"]) == ("2024-05-08", 3) and "date_source=publication" in row["tags"]


def test_acled_skips_acts_that_did_not_happen_and_tags_claims():
    assert acled_rows([_record(modality="negated"), _record(modality="planned"), _record(modality="threatened")],
                      "d") == []
    row = _as_dict(acled_rows([_record(modality="claimed")], "d")[0], ACLED_COLUMNS)
    assert row["tags"].startswith("modality=claimed")


def test_acled_uses_filled_slots():
    geo = Geo("Kafr Nabl", 169387, 35.61, 36.56, "SYR", "Syria", "Idlib", "Maarrat an Nu'man", 1)
    actors = (ActorRef("Government forces", *_at("Government forces"), "initiator", "Military Forces of Syria",
                       "State forces", 1),
              ActorRef("civilians", *_at("civilians"), "target", "Civilians (Syria)", "Civilians", 7))
    rec = _record(locations=(PlaceRef("Kafr Nabl", *_at("Kafr Nabl"), geo),), actors=actors,
                  counts=_record().counts[:2])
    row = _as_dict(acled_rows([rec], "d")[0], ACLED_COLUMNS)
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == \
        ("Military Forces of Syria", 1, "Civilians (Syria)", 7, 17)
    assert (row["country"], row["admin1"], row["admin2"], row["location"]) == \
        ("Syria", "Idlib", "Maarrat an Nu'man", "Kafr Nabl")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == (35.61, 36.56, 1)
    assert row["civilian_targeting"] == "Civilian targeting" and row["fatalities"] == 9


# --- UCDP -----------------------------------------------------------------------------------------------

def test_ucdp_row_meanings():
    fields = {"url": "https://www.example.org/a", "title": "Shelling  kills 11", "site": None,
              "published": "2024-05-08"}
    (row,) = [_as_dict(r, UCDP_COLUMNS) for r in ucdp_rows([_record()], "doc7", fields)]
    assert (row["id"], row["year"], row["type_of_violence"]) == ("doc7-1", 2024, 1)  # the state on a side
    assert (row["side_a"], row["side_b"]) == ("Government forces", "civilians; HTS fighters")
    assert (row["date_start"], row["date_end"], row["date_prec"]) == ("2024-05-06", "2024-05-06", 1)
    assert (row["best"], row["low"], row["high"]) == (11, 11, 11)
    assert (row["deaths_civilians"], row["deaths_b"], row["deaths_a"], row["deaths_unknown"]) == (9, 2, 0, 0)
    assert (row["source_article"], row["source_office"], row["source_date"], row["source_headline"],
            row["source_original"]) == ("https://www.example.org/a", "example.org", "2024-05-08", "Shelling kills 11",
                                        "a monitor")
    assert row["where_description"] == "Kafr Nabl; Hish" and row["where_prec"] == ""


def test_ucdp_types_sides_and_ranges():
    one_sided = _record(actors=_record().actors[:2], counts=_record().counts[:2])
    row = _as_dict(ucdp_rows([one_sided], "d")[0], UCDP_COLUMNS)
    assert (row["type_of_violence"], row["side_a"], row["side_b"], row["deaths_civilians"]) == \
        (3, "Government forces", "Civilians", 9)
    # the government is side_a of state-based violence even as the target
    text = "HTS fighters attacked army positions, killing from 20 to 80 soldiers."
    s = TextSpan(text, 0, len(text))
    rec = EventRecord("d", s, EventDate("2024-05-01", "month", "in May"),
                      actors=(ActorRef("HTS fighters", 0, 12, "initiator"), ActorRef("army", 22, 26, "target")),
                      counts=(CountRef("from 20 to 80", 46, 59, 20, 20, 80, "soldiers", "killed"),),
                      event_type="Battles", sub_event_type="Armed clash")
    row = _as_dict(ucdp_rows([rec], "d")[0], UCDP_COLUMNS)
    assert (row["side_a"], row["side_b"], row["type_of_violence"]) == ("army", "HTS fighters", 1)
    assert (row["best"], row["low"], row["high"], row["date_prec"]) == (20, 20, 80, 4)
    assert (row["date_start"], row["date_end"]) == ("2024-05-01", "2024-05-31")
    # no organised violence, no row
    assert ucdp_rows([replace(rec, event_type="Strategic developments", sub_event_type="Arrests"),
                      replace(rec, event_type="Protests", sub_event_type="Peaceful protest")], "d") == []


# --- the CSV keeps its columns and gains the type ---------------------------------------------------------

def test_csv_rows_carry_the_type_and_code_a_month_3():
    row = dict(zip(CSV_COLUMNS, csv_rows([_record(date=EventDate("2024-03-01", "month", "March"))], "d")[0]))
    assert (row["event_type"], row["sub_event_type"], row["time_precision"]) == \
        ("Explosions/Remote violence", "Shelling/artillery/missile attack", 3)
    assert CSV_COLUMNS[:11] == ["event_date", "time_precision", "actor1", "actor2", "location", "weapons",
                                "fatalities", "injured", "notes", "source_id", "modality"]


# --- from extract ---------------------------------------------------------------------------------------

ARTICLES = [
    {"id": "a1", "published": "2024-05-08", "url": "https://www.reuters.com/a1", "title": "Idlib strikes",
     "text": "Rebels fired 12 rockets at Hama on Monday, killing civilians.\n\nRebels shelled Hama again."},
    {"id": "a2", "published": "2024-05-09", "site": "SANA", "topic": "syria",
     "text": "Rebels attacked Hama on Monday. 12 rockets hit Hama."},
    {"id": "a3", "published": "2024-05-09", "text": "Talks resumed in Geneva."},
]


@pytest.fixture
def articles(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES) + "{broken\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def keywords(tokenizer):
    from conflict_ner import EventExtractor
    from tests.test_extractor import KeywordModel

    return EventExtractor(KeywordModel(tokenizer), tokenizer, max_length=24, stride=6, name="keywords")


def test_an_acled_file_from_extract_loads_with_acled_s_dtypes(keywords, articles, tmp_path):
    out = tmp_path / "events.acled.csv"
    summary = run_batch(keywords, [str(articles)], out, fmt="acled", progress=False)
    assert summary.written == 4 and summary.errors == 1  # the broken line: listed, no row
    plain = pd.read_csv(out)
    assert list(plain.columns) == ACLED_COLUMNS and len(plain) >= 4
    for col in ("year", "time_precision", "fatalities", "timestamp"):
        assert plain[col].dtype == "int64", col
    for col in ("latitude", "longitude"):
        assert plain[col].dtype == "float64"
    typed = pd.read_csv(out, dtype=ACLED_DTYPES)
    assert {c: str(t) for c, t in typed.dtypes.items()} == {c: str(pd.Series(dtype=t).dtype)
                                                            for c, t in ACLED_DTYPES.items()}
    assert typed["event_id_cnty"].is_unique and set(typed["time_precision"]) <= {1, 2, 3}
    assert set(typed["sub_event_type"]) <= set(TYPE_OF_SUB_EVENT)
    assert (typed["fatalities"] >= 0).all()
    assert typed.loc[typed["event_id_cnty"] == "a1-1", "source"].item() == "reuters.com"
    assert typed.loc[typed["event_id_cnty"] == "a2-1", "source"].item() == "SANA"
    assert "Talks" not in out.read_text()
    # resumable like every output: a rerun adds nothing
    before = out.read_bytes()
    assert run_batch(keywords, [str(articles)], out, fmt="acled", progress=False).skipped == 4
    assert out.read_bytes() == before
    with pytest.raises(OutputError, match="written as acled, not ucdp"):
        run_batch(keywords, [str(articles)], out, fmt="ucdp", progress=False)


def test_a_ucdp_file_from_extract_loads_with_its_dtypes(keywords, articles, tmp_path):
    out = tmp_path / "events.ged.csv"
    run_batch(keywords, [str(articles)], out, fmt="ucdp", progress=False)
    typed = pd.read_csv(out, dtype=UCDP_DTYPES)
    assert list(typed.columns) == UCDP_COLUMNS and len(typed) >= 3
    assert {c: str(t) for c, t in typed.dtypes.items()} == {c: str(pd.Series(dtype=t).dtype)
                                                            for c, t in UCDP_DTYPES.items()}
    assert ((typed["low"] <= typed["best"]) & (typed["best"] <= typed["high"])).all()
    assert (typed["date_start"] <= typed["date_end"]).all()
    assert typed.loc[typed["id"] == "a1-1", "source_headline"].item() == "Idlib strikes"


def test_parquet_round_trips_the_records_with_model_doc_id_and_input_fields(keywords, articles, tmp_path):
    out = tmp_path / "events.parquet"
    run_batch(keywords, [str(articles)], out, fmt="parquet", progress=False)
    lines = [json.loads(x) for x in (tmp_path / "events.parquet.jsonl").read_text().splitlines()]
    rows = read_records(out)
    expected = [(line["doc_id"], r) for line in lines if line["error"] is None for r in line["records"]]
    assert len(rows) == len(expected) >= 4
    for row, (doc_id, record) in zip(rows, expected):
        assert row["doc_id"] == doc_id and row["model"] == "keywords"
        assert {k: row[k] for k in record} == record  # every field of the record, nested, unchanged
    a1 = [r for r in rows if r["doc_id"] == "a1"]
    assert a1[0]["url"] == "https://www.reuters.com/a1" and a1[0]["title"] == "Idlib strikes"
    assert [r["record"] for r in a1] == list(range(len(a1)))
    a2 = next(r for r in rows if r["doc_id"] == "a2")
    assert a2["site"] == "SANA" and json.loads(a2["meta"]) == {"topic": "syria"}
    # resumes from its JSONL lines and rewrites the same file
    assert run_batch(keywords, [str(articles)], out, fmt="parquet", progress=False).skipped == 4
    assert read_records(out) == rows


def test_parquet_refuses_a_file_it_did_not_write_and_writes_an_empty_run(tmp_path):
    out = tmp_path / "mine.parquet"
    out.write_bytes(b"someone else's")
    with pytest.raises(OutputError, match="not known to be this tool's output"):
        run_batch(FakeExtractor(), [str(tmp_path / "missing.txt")], out, fmt="parquet", progress=False)
    assert out.read_bytes() == b"someone else's"
    assert write_parquet([], tmp_path / "empty.parquet") == 0
    assert read_records(tmp_path / "empty.parquet") == []
    import pyarrow.parquet as pq

    assert pq.read_schema(tmp_path / "empty.parquet").names == RECORD_SCHEMA.names


def test_parquet_keeps_text_with_lone_surrogates(tmp_path):
    line = {"doc_id": "x", "model": "m", "error": None,
            "records": [_record(sentence=TextSpan("a\ud800b", 0, 3)).to_dict()]}
    write_parquet([line], tmp_path / "s.parquet")
    assert read_records(tmp_path / "s.parquet")[0]["sentence"]["text"] == "a\ufffdb"


def test_the_cli_writes_every_format(tiny_model_dir, articles, tmp_path, capsys):
    for fmt, name in [("acled", "e.csv"), ("ucdp", "g.csv"), ("parquet", "e.parquet")]:
        code = main(["extract", "--model", str(tiny_model_dir), str(articles), "-o", str(tmp_path / name),
                     "--format", fmt, "-q"])
        assert code == 1  # the broken line
    assert list(pd.read_csv(tmp_path / "e.csv", dtype=ACLED_DTYPES).columns) == ACLED_COLUMNS
    assert list(pd.read_csv(tmp_path / "g.csv", dtype=UCDP_DTYPES).columns) == UCDP_COLUMNS
    assert read_records(tmp_path / "e.parquet")
