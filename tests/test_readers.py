import json

import pytest

from conflict_ner.training.config import Re3dSource
from conflict_ner.errors import DataError
from conflict_ner.labels import LABELS
from conflict_ner.training.readers import Re3dOptions, Re3dReport, read_conll, read_jsonl, read_re3d, write_jsonl

from .conftest import FIXTURES, SHARED


def test_jsonl_roundtrip_file_and_folder(tmp_path):
    docs = read_jsonl(FIXTURES / "sample.jsonl", LABELS)
    assert len(docs) == 4 and docs[0].id == "sample-001"
    (tmp_path / "a").mkdir()
    write_jsonl(docs[:2], tmp_path / "a" / "1.jsonl")
    write_jsonl(docs[2:], tmp_path / "a" / "2.jsonl")
    again = read_jsonl(tmp_path / "a", LABELS)
    assert [d.to_json() for d in again] == [d.to_json() for d in docs]


@pytest.mark.parametrize("line,message", [
    ("{not json", "bad.jsonl:2: invalid JSON"),
    ('{"id": "z", "text": "Rebels fired.", "spans": [[0, 5, "ACTOR"]]}', "bad.jsonl:2: document z: span [0, 5) 'Rebel' ends inside a word"),
    ('{"id": "sample-001", "text": "x"}', "bad.jsonl:2: document sample-001: duplicate id (first seen at"),
])
def test_jsonl_errors_name_file_line_and_id(tmp_path, line, message):
    first = (FIXTURES / "sample.jsonl").read_text().splitlines()[0]
    path = tmp_path / "bad.jsonl"
    path.write_text(first + "\n" + line + "\n")
    with pytest.raises(DataError) as err:
        read_jsonl(path, LABELS)
    assert message in str(err.value)


def test_jsonl_missing_and_empty_folder(tmp_path):
    with pytest.raises(DataError, match="no such file or folder"):
        read_jsonl(tmp_path / "none.jsonl", LABELS)
    with pytest.raises(DataError, match="folder holds no .jsonl files"):
        read_jsonl(tmp_path, LABELS)


def test_conll_reader_crlf_and_tokens(tmp_path):
    path = tmp_path / "s.txt"
    path.write_bytes(b"The\tO\r\nSyrian\tB-Organisation\r\nArab\tI-Organisation\r\nArmy\tI-Organisation\r\n"
                     b"shelled\tO\r\nHama\tB-Location\r\n.\tO\r\n\r\nNext\tO\r\n")
    docs = read_conll(path, ["Organisation", "Location"])
    assert len(docs) == 2
    d = docs[0]
    assert d.text == "The Syrian Arab Army shelled Hama ."
    assert [(d.text[s:e], lab) for s, e, lab in d.spans] == [("Syrian Arab Army", "Organisation"), ("Hama", "Location")]
    assert d.units()[-1] == (34, 35)  # the given "." token is a unit


@pytest.mark.parametrize("content,message", [
    (b"Hama\tB-Location\nx\n", "s.txt:2: expected 'token<TAB>tag'"),
    (b"Hama\tI-Location\n", "s.txt:1: document s-00001: tag 'I-Location' does not continue an entity"),
    (b"Hama\tB-Place\n", "tag 'B-Place' is not O or B-/I- of"),
])
def test_conll_errors(tmp_path, content, message):
    path = tmp_path / "s.txt"
    path.write_bytes(content)
    with pytest.raises(DataError) as err:
        read_conll(path, ["Location"])
    assert message in str(err.value)


def _write_re3d(root, text, entities):
    src = root / "Src"
    src.mkdir(parents=True)
    (src / "documents.json").write_text(json.dumps({"_id": "D1", "text": text, "title": "t"}) + "\n")
    (src / "entities.json").write_text("".join(json.dumps({"_id": f"E{i}", "documentId": "D1", **e}) + "\n"
                                               for i, e in enumerate(entities)))


def test_re3d_normalisation_and_report(tmp_path):
    text = "He said the Syrian Arab Army's tanks shelled Aleppo. President Assad spoke. Strikes hit 20 km away."
    ents = [
        {"begin": 0, "end": 2, "type": "Person", "confidence": 1.0},                    # pronoun
        {"begin": 8, "end": 28, "type": "Organisation", "confidence": 0.9},            # the ... Army
        {"begin": 12, "end": 30, "type": "Organisation", "confidence": 0.8},           # possessive inside
        {"begin": 31, "end": 36, "type": "Vehicle", "confidence": 1.0},                # unmapped
        {"begin": 45, "end": 52, "type": "Location", "confidence": 0.9},               # "Aleppo."
        {"begin": 53, "end": 68, "type": "Person", "confidence": 0.9},                 # title + name
        {"begin": 76, "end": 83, "type": "Weapon", "confidence": 0.9},                 # act noun
        {"begin": 88, "end": 93, "type": "Quantity", "confidence": 0.9},               # distance
        {"begin": 45, "end": 51, "type": "Location", "confidence": 0.2},               # low confidence
    ]
    _write_re3d(tmp_path, text, ents)
    src = Re3dSource(path=str(tmp_path))
    report = Re3dReport()
    (doc,) = read_re3d(tmp_path, Re3dOptions(src.type_map, src.min_confidence, src.quantity_filter), report)
    assert [(doc.text[s:e], lab) for s, e, lab in doc.spans] == [
        ("Syrian Arab Army", "ACTOR"), ("Aleppo", "LOCATION"), ("Assad", "ACTOR")]
    d = report.to_dict()
    assert d["read"] == 9 and d["kept"] == 3
    assert d["dropped"]["pronoun"] == 1 and d["dropped"]["unmapped type Vehicle"] == 1
    assert d["dropped"]["act noun tagged as weapon"] == 1 and d["dropped"]["confidence below 0.5"] == 1
    assert d["dropped"]["duplicate annotation"] == 1  # both Army spans normalise to the same span
    assert d["dropped"]["quantity that is not a count (distance, duration, percent...)"] == 1
    assert d["trimmed"]["leading 'the'"] == 1 and d["trimmed"]["leading title"] == 1


def test_re3d_bad_entity_offsets(tmp_path):
    _write_re3d(tmp_path, "Short.", [{"begin": 0, "end": 99, "type": "Location", "confidence": 1.0}])
    src = Re3dSource()
    with pytest.raises(DataError, match=r"entities.json:1: entity offsets \[0, 99\) outside the text"):
        read_re3d(tmp_path, Re3dOptions(src.type_map))


@pytest.mark.skipif(not (SHARED / "data/re3d").is_dir(), reason="../shared/data/re3d not present")
def test_real_re3d_reads_with_all_spans_on_guideline_boundaries():
    src = Re3dSource()
    report = Re3dReport()
    docs = read_re3d(SHARED / "data/re3d", Re3dOptions(src.type_map, src.min_confidence, src.quantity_filter), report)
    assert len(docs) > 50 and report.kept > 1000
    assert report.read == report.kept + sum(report.dropped.values())
