"""The API, batch script and view on real models: a keyword model with known predictions
(to check offsets and window merging exactly) and the tiny random BERT (round trip)."""

import json
from types import SimpleNamespace

import pytest
import torch

from conflict_ner import EventExtractor
from conflict_ner.app.batch import run_batch
from conflict_ner.extractor import InputError
from conflict_ner.labels import LABELS, bio_tags
from conflict_ner.schema import SCHEMA_VERSION, record_errors
from conflict_ner.app.view import render_html

TAGS = bio_tags(LABELS)
KEYWORDS = {"hama": "B-LOCATION", "rebels": "B-ACTOR", "rockets": "B-WEAPON", "monday": "B-DATE", "12": "B-COUNT"}


class KeywordModel(torch.nn.Module):
    """Predicts a fixed tag for a few words, O elsewhere (deterministic, so results are exact)."""

    def __init__(self, tokenizer):
        super().__init__()
        self.config = SimpleNamespace(id2label=dict(enumerate(TAGS)))
        self.table = torch.zeros(len(tokenizer), len(TAGS))
        self.table[:, 0] = 5.0
        for word, tag in KEYWORDS.items():
            tid = tokenizer(word, add_special_tokens=False)["input_ids"][0]  # first subword decides
            self.table[tid, 0] = 0.0
            self.table[tid, TAGS.index(tag)] = 5.0

    def forward(self, input_ids, attention_mask=None):
        return SimpleNamespace(logits=self.table[input_ids])


@pytest.fixture(scope="module")
def keyword_extractor(tokenizer):
    return EventExtractor(KeywordModel(tokenizer), tokenizer, max_length=24, stride=6, name="keywords")


SENTENCE = "Rebels fired 12 rockets at Hama on Monday, killing civilians. "


def test_long_article_windows_merge_to_exact_unique_entities(keyword_extractor):
    text = SENTENCE * 15
    ents = keyword_extractor.entities(text)
    assert len(ents) == 5 * 15  # each entity once, although windows overlap
    for e in ents:
        assert text[e.start:e.end] == e.text
    assert [e.label for e in ents[:5]] == ["ACTOR", "COUNT", "WEAPON", "LOCATION", "DATE"]
    assert len({(e.start, e.end) for e in ents}) == len(ents)


def test_offsets_index_the_original_through_text_repair(keyword_extractor):
    text = "Hama\u00e2\u20ac\u2122s rebels fired \uff11\uff12 rockets."
    ents = keyword_extractor.entities(text)
    assert [(e.label, e.text) for e in ents] == [("LOCATION", "Hama"), ("ACTOR", "rebels"), ("COUNT", "\uff11\uff12"),
                                                 ("WEAPON", "rockets")]
    for e in ents:
        assert text[e.start:e.end] == e.text


def test_extract_records_validate_against_schema(keyword_extractor):
    records = keyword_extractor.extract("By Staff\n\n" + SENTENCE, published="2024-05-08", doc_id="a")
    assert records
    for r in records:
        assert record_errors(r.to_dict()) == []
        assert r.doc_id == "a"
    assert records[0].date.value == "2024-05-06"


@pytest.mark.parametrize("bad,message", [("", "input is empty"), ("   \n", "input is empty"),
                                         (b"bytes", "input is not text but bytes")])
def test_bad_inputs_raise_in_single_calls(keyword_extractor, bad, message):
    with pytest.raises(InputError, match=message):
        keyword_extractor.extract(bad)


def test_extract_batch_streams_one_result_per_input_and_reports_errors(keyword_extractor):
    keyword_extractor.max_input_bytes = 500
    try:
        docs = [SENTENCE, {"id": "b", "text": SENTENCE, "published": "2024-05-08"}, {"id": "c", "text": ""},
                {"id": "d", "text": "x" * 600}, 42]
        results = list(keyword_extractor.extract_batch(docs, batch_size=2))
    finally:
        keyword_extractor.max_input_bytes = 2_000_000
    assert [r.doc_id for r in results] == [None, "b", "c", "d", None]
    assert results[0].error is None and results[1].records[0].date.value == "2024-05-06"
    assert results[2].error == "input is empty"
    assert "above the limit of 500" in results[3].error
    assert "not text or a mapping" in results[4].error


def _inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(7):
        (folder / f"a{i}.txt").write_text(SENTENCE * (i + 1))
    (folder / "empty.txt").write_text("")
    (folder / "latin1.txt").write_bytes("Caf\xe9 bombed".encode("latin-1"))
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    with open(folder / "more.jsonl", "w") as f:
        f.write(json.dumps({"id": "j1", "text": SENTENCE, "published": "2024-05-08"}) + "\n")
        f.write("{broken\n")
    return folder


def test_batch_resume_after_kill_loses_and_duplicates_nothing(keyword_extractor, tmp_path, monkeypatch):
    folder = _inputs(tmp_path)
    full = tmp_path / "full.jsonl"
    run_batch(keyword_extractor, [str(folder)], full, progress=False)
    expected = [json.loads(line) for line in full.read_text().splitlines()]
    assert len(expected) == 12

    out = tmp_path / "cut.jsonl"
    real = keyword_extractor.extract_batch

    def dying(docs):
        for n, result in enumerate(real(docs)):
            if n == 5:
                raise KeyboardInterrupt("killed")
            yield result

    monkeypatch.setattr(keyword_extractor, "extract_batch", dying)
    with pytest.raises(KeyboardInterrupt):
        run_batch(keyword_extractor, [str(folder)], out, progress=False)
    monkeypatch.setattr(keyword_extractor, "extract_batch", real)
    with open(out, "a") as f:
        f.write('{"doc_id": "half a li')  # a kill in the middle of a write
    partial = len(out.read_text().splitlines()) - 1
    assert 0 < partial < 12
    summary = run_batch(keyword_extractor, [str(folder)], out, progress=False)
    assert summary.skipped == partial
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(got, key=lambda x: x["doc_id"]) == sorted(expected, key=lambda x: x["doc_id"])


def test_batch_bad_inputs_give_error_lines(keyword_extractor, tmp_path):
    folder = _inputs(tmp_path)
    out = tmp_path / "o.jsonl"
    run_batch(keyword_extractor, [str(folder), str(tmp_path / "missing.txt")], out, progress=False)
    lines = {x["doc_id"]: x for x in map(json.loads, out.read_text().splitlines())}
    assert lines["empty.txt"]["error"] == "input is empty"
    assert lines["latin1.txt"]["error"].startswith("not UTF-8")
    assert lines["binary.txt"]["error"] == "not a text file (NUL bytes)"
    assert "invalid JSON" in lines["more.jsonl:2"]["error"]
    assert lines[str(tmp_path / "missing.txt")]["error"] == "no such file or folder"
    good = lines["a0.txt"]
    assert good["error"] is None and good["model"] == "keywords" and good["schema_version"] == SCHEMA_VERSION == "2"
    assert all(record_errors(r) == [] for r in good["records"])


def test_batch_csv_rows_and_resume(keyword_extractor, tmp_path):
    folder = _inputs(tmp_path)
    out = tmp_path / "e.csv"
    run_batch(keyword_extractor, [str(folder)], out, fmt="csv", progress=False)
    first = out.read_text()
    assert first.splitlines()[0].startswith("event_date,time_precision,actor1,actor2,location,weapons")
    summary = run_batch(keyword_extractor, [str(folder)], out, fmt="csv", progress=False)
    assert summary.written == 0 and summary.skipped == 12 and out.read_text() == first
    assert "Rebels" in first and "Hama" in first
    # the date cells say what the records say (value and ACLED precision code), row by row
    import csv
    import io

    jsonl = tmp_path / "e.jsonl"
    run_batch(keyword_extractor, [str(folder)], jsonl, progress=False)
    records = [r for line in jsonl.read_text().splitlines() for r in json.loads(line)["records"]]
    rows = [row for row in csv.DictReader(io.StringIO(first)) if not row["error"]]
    assert len(rows) == len(records) > 0
    codes = {"day": "1", "week": "2", "month": "3", "year": "3", "unknown": "3"}
    assert [(row["event_date"], row["time_precision"]) for row in rows] == \
        [(r["date"]["value"] or "", codes[r["date"]["precision"]]) for r in records]
    assert any(row["event_date"] for row in rows)


def test_view_page_highlights_and_tabulates(keyword_extractor):
    text = "Rebels fired 12 rockets at Hama on Monday <script>."
    html = render_html(text, keyword_extractor.entities(text), keyword_extractor.extract(text, "2024-05-08"),
                       title="t & co", model="m")
    assert html.startswith("<!DOCTYPE html>") and "&lt;script&gt;" in html and "t &amp; co" in html
    assert '<mark class="LOCATION"' in html and "<td>Hama \u2192 " in html  # as written, then as geocoded
    assert "http" not in html  # self-contained


def test_tiny_model_save_and_load_roundtrip(tiny_model_dir, tmp_path):
    ex = EventExtractor.from_pretrained(tiny_model_dir, max_length=48, stride=12, decoding="greedy")
    ex.save_pretrained(tmp_path / "saved")
    again = EventExtractor.from_pretrained(tmp_path / "saved")
    text = SENTENCE * 24  # several windows: a lost max_length, stride or decoding changes the entities
    assert len(ex.tokenizer(text)["input_ids"]) > 4 * 48
    assert again.settings == ex.settings
    assert ex.entities(text) == again.entities(text)
    assert EventExtractor.from_pretrained(tiny_model_dir).entities(text) != ex.entities(text)
    for e in again.entities(text):
        assert text[e.start:e.end] == e.text


def test_csv_rows_put_initiators_and_targets_on_their_sides_and_do_not_add_parts_to_totals():
    from conflict_ner.app.batch import csv_rows
    from conflict_ner.records import ActorRef, CountRef, EventDate, EventRecord, TextSpan

    text = "Troops and militias shelled Hama, killing 9 civilians, including 4 children, and wounding 5."
    def span(t):
        return text.index(t), text.index(t) + len(t)
    counts = tuple(CountRef(t, *span(t), v, v, v, None, o, False) for t, v, o in
                   (("9", 9, "killed"), ("4", 4, "killed"), ("5", 5, "injured")))
    actors = (ActorRef("Troops", *span("Troops"), "initiator"), ActorRef("militias", *span("militias"), "initiator"),
              ActorRef("civilians", *span("civilians"), "target"))
    rec = EventRecord(doc_id="d", sentence=TextSpan(text, 0, len(text)), date=EventDate("2024-05-07", "day", "Tuesday"),
                      actors=actors, locations=(TextSpan("Hama", *span("Hama")),), weapons=(), counts=counts,
                      modality="asserted", attribution=None, confidence=0.9)
    row = csv_rows([rec], "d")[0]
    assert row[2:8] == ["Troops; militias", "civilians", "Hama", "", 9, 5]
    target_only = csv_rows([EventRecord(**{**rec.__dict__, "actors": actors[2:]})], "d")[0]
    assert target_only[2:4] == ["", "civilians"]


def test_a_numeric_doc_id_becomes_a_string_and_the_record_validates(keyword_extractor):
    records = keyword_extractor.extract(SENTENCE, published="2024-05-08", doc_id=5)
    assert records and all(r.doc_id == "5" and record_errors(r.to_dict()) == [] for r in records)


def test_entities_never_start_or_end_on_invisible_characters(keyword_extractor):
    text = "\u202eRebels\u200b fired 12 rockets at \u2066Hama\u2069 on Monday."
    ents = keyword_extractor.entities(text)
    assert {e.text for e in ents} >= {"Rebels", "Hama"}
    for e in ents:
        assert text[e.start:e.end] == e.text and e.text == e.text.strip("\u202e\u200b\u2066\u2069 ")


def test_lone_surrogates_are_replaced_one_for_one_and_records_serialise(keyword_extractor):
    text = "Rebels fired 12 rockets at Hama\ud800 on Monday."
    (result,) = keyword_extractor.extract_batch([{"id": "s", "text": text, "published": "2024-05-08"}])
    assert result.error is None and result.records
    json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")  # writable as UTF-8
    assert [e.start for e in result.entities] == [e.start for e in keyword_extractor.entities(text.replace("\ud800", "x"))]


def test_a_bad_published_date_is_an_input_error_line_and_the_batch_goes_on(keyword_extractor):
    results = list(keyword_extractor.extract_batch([{"id": 1, "text": SENTENCE, "published": "08/05/2024"},
                                                    {"id": 2, "text": SENTENCE, "published": "8 May 2024"}]))
    assert results[0].error_kind == "input" and "ambiguous" in results[0].error
    assert results[1].error is None and results[1].records[0].date.value == "2024-05-06"


def test_a_failure_inside_the_rules_is_an_internal_error_for_that_document_only(keyword_extractor, monkeypatch, caplog):
    import conflict_ner.events.builder as builder

    real = builder.build_records

    def flaky(text, entities, published, doc_id=None, **kw):
        if doc_id == "bad":
            raise RuntimeError("boom")
        return real(text, entities, published, doc_id, **kw)

    monkeypatch.setattr(builder, "build_records", flaky)
    with caplog.at_level("ERROR", logger="conflict_ner"):
        results = list(keyword_extractor.extract_batch([{"id": "ok1", "text": SENTENCE}, {"id": "bad", "text": SENTENCE},
                                                        {"id": "ok2", "text": SENTENCE}]))
    assert [r.error_kind for r in results] == [None, "internal", None]
    assert "RuntimeError: boom" in results[1].error and "Traceback" in caplog.text


def test_the_time_budget_turns_a_runaway_document_into_an_error(keyword_extractor, monkeypatch):
    import time

    import conflict_ner.events.builder as builder

    real = builder.build_records

    def slow(text, entities, published, doc_id=None, **kw):
        if doc_id == "slow":
            time.sleep(5)
        return real(text, entities, published, doc_id, **kw)

    monkeypatch.setattr(builder, "build_records", slow)
    monkeypatch.setattr(keyword_extractor, "time_budget", 0.5)
    results = list(keyword_extractor.extract_batch([{"id": "slow", "text": SENTENCE}, {"id": "ok", "text": SENTENCE}]))
    assert results[0].error_kind == "timeout" and "time budget of 0.5 s" in results[0].error
    assert results[1].error is None and results[1].records
