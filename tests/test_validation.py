import pytest

from conflict_ner.text.document import Document
from conflict_ner.errors import DataError
from conflict_ner.labels import LABELS
from conflict_ner.training.validation import parse_document, validate_document

TEXT = "Rebels shelled HTS-held Idlib's villages."


def check(spans, text=TEXT, **kw):
    return validate_document(Document("d1", text, spans, **kw), LABELS, path="f.jsonl", line=7)


def test_valid_document_with_possessive_and_suffix_split():
    doc = check([(15, 18, "ACTOR"), (24, 29, "LOCATION")])
    assert [doc.text[s:e] for s, e, _ in doc.spans] == ["HTS", "Idlib"]


@pytest.mark.parametrize("spans,message", [
    ([(45, 99, "ACTOR")], "f.jsonl:7: document d1: span [45, 99) lies outside the text (length 41) or is empty"),
    ([(5, 5, "ACTOR")], "lies outside the text"),
    ([(0, 6, "PERSON")], "has unknown label 'PERSON'"),
    ([(0, 6, "ACTOR"), (0, 14, "ACTOR")], "overlaps span"),
    ([(1, 6, "ACTOR")], "starts inside a word"),
    ([(0, 5, "ACTOR")], "ends inside a word"),
    ([(0, 7, "ACTOR")], "ends inside a word"),
    ([(19, 23, "ACTOR")], "starts inside a word"),
])
def test_each_span_error_names_file_line_document(spans, message):
    with pytest.raises(DataError) as err:
        check(spans)
    assert message in str(err.value)
    assert str(err.value).startswith("f.jsonl:7: document d1:")


def test_bad_published_date():
    with pytest.raises(DataError, match="'published' must be YYYY-MM-DD or null, got '2024-5-1'"):
        check([], published="2024-5-1")


@pytest.mark.parametrize("obj,message", [
    ([], "expected a JSON object"),
    ({"text": "x"}, "missing or empty string field 'id'"),
    ({"id": "a", "text": 3}, "field 'text' must be a string"),
    ({"id": "a", "text": "x", "spans": [[0, 1]]}, "span #0 must be [start, end, label]"),
    ({"id": "a", "text": "x", "spans": [["0", 1, "ACTOR"]]}, "span #0 must be [start, end, label]"),
    ({"id": "a", "text": "x", "extra": 1}, "unknown field(s) ['extra']"),
    ({"id": "a", "text": "x", "meta": []}, "field 'meta' must be an object"),
])
def test_parse_document_errors(obj, message):
    with pytest.raises(DataError) as err:
        parse_document(obj, path="c.jsonl", line=3)
    assert message in str(err.value) and "c.jsonl:3" in str(err.value)
