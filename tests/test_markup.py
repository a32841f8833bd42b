import json

import pytest

from conflict_ner.training.corpus.markup import parse_markup
from conflict_ner.errors import DataError
from conflict_ner.schema import record_errors

HEAD = "### d-1\npublished: 2024-05-08\ntheatre: Syria\nstyle: wire\n\n"

DOC = HEAD + """By Staff Reporter
[DAMASCUS](LOCATION), [May 8](DATE) - [Government forces](ACTOR) fired
[at least 36](COUNT) [rockets](WEAPON) at [Kafr Nabl](LOCATION) on [Monday](DATE), killing [four](COUNT)
[civilians](ACTOR), the [SOHR](ACTOR) said. A \\[sic\\] note.

Second paragraph with [HTS](ACTOR)-held [Idlib](LOCATION)'s edge.

@events
- sentence: "Government forces fired at least 36 rockets at Kafr Nabl on Monday, killing four civilians, the SOHR said."
  trigger: fired
  sub_event_type: Shelling/artillery/missile attack
  date: {value: 2024-05-06, precision: day, text: Monday}
  actors:
    - {text: Government forces, role: initiator}
    - {text: civilians, role: target}
  locations: [Kafr Nabl]
  weapons: [rockets]
  counts:
    - {text: at least 36, value: 36, low: 36, high: null, counted: rockets, outcome: other, cumulative: false}
    - {text: four, value: 4, low: 4, high: 4, counted: civilians, outcome: killed, cumulative: false}
  modality: asserted
  attribution: SOHR
"""


def test_markup_compiles_text_spans_and_events():
    md = parse_markup(DOC, path="x.md")[0]
    doc = md.document
    assert doc.text.startswith("By Staff Reporter\nDAMASCUS, May 8 - Government forces fired\nat least 36")
    assert "\n\nSecond paragraph" in doc.text and "A [sic] note." in doc.text
    surfaces = [(doc.text[s:e], lab) for s, e, lab in doc.spans]
    assert surfaces[:3] == [("DAMASCUS", "LOCATION"), ("May 8", "DATE"), ("Government forces", "ACTOR")]
    assert ("HTS", "ACTOR") in surfaces and ("Idlib", "LOCATION") in surfaces
    assert doc.published == "2024-05-08" and doc.meta == {"theatre": "Syria", "style": "wire", "furniture": False}
    (record,) = md.events
    assert record_errors(record) == []
    s = record["sentence"]
    assert doc.text[s["start"]:s["end"]] == s["text"] and "\n" in s["text"]  # quote matched across a line break
    for field in ("actors", "locations", "weapons", "counts"):
        for item in record[field]:
            assert doc.text[item["start"]:item["end"]] == item["text"]
    assert record["attribution"]["text"] == "SOHR"
    assert record["date"] == {"value": "2024-05-06", "precision": "day", "text": "Monday", "start": "2024-05-06",
                              "end": "2024-05-06", "source": "text"}
    assert record["trigger"]["text"] == "fired" and record["event_type"] == "Explosions/Remote violence"
    assert md.span_lines[0] == 7
    json.dumps(record)


@pytest.mark.parametrize("body,line,message", [
    ("[Rebels](ACTOR fired.", 6, "span is not followed by '(LABEL)'"),
    ("[Rebels [x](ACTOR)](ACTOR)", 6, "'[' inside an open span"),
    ("Rebels] fired.", 6, "']' without '['"),
    ("[Rebels fired.", 6, "is not closed in its paragraph"),
    ("[Hayat Tahrir\n\nal-Sham](ACTOR)", 6, "never a blank line"),
    ("ok\n[Rebels](PERSON) fired.", 7, "unknown label 'PERSON'"),
    ("[Rebel](ACTOR)s fired.", 6, "ends inside a word"),
    ("[Rebels](ACTOR) fired.\nand Hama[,](LOCATION)", 7, "starts inside a word"),
])
def test_markup_errors_name_file_and_line(body, line, message):
    with pytest.raises(DataError) as err:
        parse_markup(HEAD + body, path="x.md")
    assert f"x.md:{line}: document d-1:" in str(err.value)
    assert message in str(err.value)


@pytest.mark.parametrize("header,message", [
    ("### d-2\ntheatre: Syria\nstyle: wire\n\nText.", "missing header(s) ['published']"),
    ("### d-2\npublished: 2024-01-01\ntheatre: Syria\nstyle: blog\n\nText.", "style 'blog' is not one of"),
    ("### d-2\npublished: 2024-01-01\ntheatre: Syria\nstyle: wire\nnot a header\n\nText.", "expected a 'key: value'"),
    ("### d-2\npublished: 2024-13-01\ntheatre: Syria\nstyle: wire\n\nText.", "'published' must be YYYY-MM-DD"),
    ("### d-2\npublished: 2024-01-01\ntheatre: Syria\nstyle: wire\n\n", "no body text"),
])
def test_header_errors(header, message):
    with pytest.raises(DataError, match=None) as err:
        parse_markup(header, path="h.md")
    assert message in str(err.value) and "h.md:" in str(err.value)


@pytest.mark.parametrize("event,message", [
    ('- sentence: "Not in the text."\n  date: {value: null, precision: unknown, text: null}\n  modality: asserted',
     "occurs 0 times"),
    ('- sentence: "Rebels fired 3 rockets."\n  date: {value: null, precision: unknown, text: null}\n'
     '  weapons: [missiles]\n  modality: asserted', "'weapons' names 'missiles'"),
    ('- sentence: "Rebels fired 3 rockets."\n  date: {value: null, precision: unknown, text: null}\n'
     '  modality: rumoured', "does not match the event schema"),
    ('- sentence: "Rebels fired 3 rockets."\n  date: {value: null, precision: unknown, text: Friday}\n'
     '  modality: asserted', "date text 'Friday' is not a DATE span"),
    ('- sentence: "Rebels fired 3 rockets."\n  date: {value: null, precision: unknown, text: null}\n'
     '  modality: asserted\n  attribution: the ministry', "attribution 'the ministry' does not occur"),
    ('- sentence: "Rebels fired 3 rockets."\n  colour: red', "unknown key(s) ['colour']"),
    ('- sentence: [unclosed', "invalid YAML in @events"),
])
def test_event_gold_errors(event, message):
    text = HEAD + "[Rebels](ACTOR) fired [3](COUNT) [rockets](WEAPON).\n\n@events\n" + event + "\n"
    with pytest.raises(DataError) as err:
        parse_markup(text, path="e.md")
    assert message in str(err.value)
    assert "e.md:" in str(err.value) and "document d-1" in str(err.value)


def test_errors_are_collected_per_document():
    errors = []
    docs = parse_markup(HEAD + "[Bad](ACTOR\n" + HEAD.replace("d-1", "d-2") + "[Good](ACTOR) text.", errors=errors)
    assert [d.document.id for d in docs] == ["d-2"] and len(errors) == 1


def test_span_runs_on_over_a_line_break_inside_a_paragraph():
    body = ("Fighters of [Hayat Tahrir\nal-Sham](ACTOR) seized [Kafr\nNabl](LOCATION) on\n[Monday](DATE).\n\n"
            "Next [paragraph](ACTOR).\n\n@events\n"
            "- sentence: \"Fighters of Hayat Tahrir al-Sham seized Kafr Nabl on Monday.\"\n"
            "  date: {value: 2024-05-06, precision: day, text: Monday}\n"
            "  actors: [{text: Hayat Tahrir al-Sham, role: initiator}]\n  locations: [Kafr Nabl]\n  modality: asserted\n")
    parsed = parse_markup(HEAD + body, path="x.md")[0]
    doc = parsed.document
    assert [doc.text[s:e] for s, e, _ in doc.spans] == ["Hayat Tahrir\nal-Sham", "Kafr\nNabl", "Monday", "paragraph"]
    assert parsed.span_lines == [6, 7, 9, 11]  # the line each span opens on
    event = parsed.events[0]
    assert doc.text[event["actors"][0]["start"]:event["actors"][0]["end"]] == "Hayat Tahrir\nal-Sham"
    assert doc.text[event["locations"][0]["start"]:event["locations"][0]["end"]] == "Kafr\nNabl"
