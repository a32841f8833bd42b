"""Event gold markup v2 (training/ANNOTATION.md, sections 4 and 9): triggers, sub-event types,
roles, one record per act, date ranges."""

import pytest

from conflict_ner.errors import DataError
from conflict_ner.records import TYPE_OF_SUB_EVENT
from conflict_ner.schema import record_errors
from conflict_ner.training.corpus.markup import parse_markup

HEAD = "### d-1\npublished: 2019-05-08\ntheatre: Syria\nstyle: wire\n\n"
BODY = ("[Government](ACTOR) [artillery](WEAPON) shelled [Kafr Nabl](LOCATION) on [Monday](DATE) as\n"
        "[rebels](ACTOR) ambushed an [army](ACTOR) convoy near [Saraqib](LOCATION).\n\n"
        "[Rebels](ACTOR) shelled and shelled [Hama](LOCATION) [between May 3 and May 5](DATE).\n")
SENT = "Government artillery shelled Kafr Nabl on Monday as rebels ambushed an army convoy near Saraqib."
SHELLED = f"""- sentence: "{SENT}"
  trigger: shelled
  sub_event_type: Shelling/artillery/missile attack
  date: {{value: 2019-05-06, precision: day, text: Monday}}
  actors:
    - {{text: Government, role: initiator}}
  locations: [Kafr Nabl]
  weapons: [artillery]
  counts: []
  modality: asserted
  attribution: null
"""
AMBUSHED = f"""- sentence: "{SENT}"
  trigger: ambushed
  sub_event_type: Armed clash
  date: {{value: 2019-05-06, precision: day, text: Monday}}
  actors:
    - {{text: rebels, role: initiator}}
    - {{text: army, role: target}}
  locations: [Saraqib]
  modality: asserted
"""


def compile_events(events: str, body: str = BODY) -> list[dict]:
    return parse_markup(HEAD + body + "\n@events\n" + events, path="e.md")[0].events


def test_a_two_act_sentence_compiles_to_one_record_per_act():
    shelled, ambushed = compile_events(SHELLED + AMBUSHED)
    assert shelled["sentence"] == ambushed["sentence"]
    text = parse_markup(HEAD + BODY, path="e.md")[0].document.text
    for rec, word in ((shelled, "shelled"), (ambushed, "ambushed")):
        t = rec["trigger"]
        assert text[t["start"]:t["end"]] == t["text"] == word
        assert rec["sentence"]["start"] <= t["start"] < t["end"] <= rec["sentence"]["end"]
        assert record_errors(rec) == [] and rec["schema_version"] == "2"
    assert (shelled["event_type"], shelled["sub_event_type"]) == ("Explosions/Remote violence",
                                                                  "Shelling/artillery/missile attack")
    assert (ambushed["event_type"], ambushed["sub_event_type"]) == ("Battles", "Armed clash")
    assert [(a["text"], a["role"]) for a in ambushed["actors"]] == [("rebels", "initiator"), ("army", "target")]
    assert [x["text"] for x in shelled["locations"]] == ["Kafr Nabl"]


@pytest.mark.parametrize("sub", sorted(TYPE_OF_SUB_EVENT))
def test_every_acled_sub_event_type_compiles_with_its_event_type(sub):
    (rec,) = compile_events(SHELLED.replace("Shelling/artillery/missile attack", sub))
    assert rec["event_type"] == TYPE_OF_SUB_EVENT[sub] and record_errors(rec) == []


def test_v1_unknown_role_is_read_as_other_and_other_is_accepted():
    (rec,) = compile_events(SHELLED.replace("role: initiator", "role: unknown"))
    assert rec["actors"][0]["role"] == "other"
    (rec,) = compile_events(SHELLED.replace("role: initiator", "role: other"))
    assert rec["actors"][0]["role"] == "other"


def test_trigger_occurrence_picks_the_nth_whole_word_match():
    sent = "Rebels shelled and shelled Hama between May 3 and May 5."
    event = (f'- sentence: "{sent}"\n  trigger: shelled\n  trigger_occurrence: 2\n  sub_event_type: Armed clash\n'
             "  date: {value: 2024-05-03, precision: day, text: between May 3 and May 5, start: 2024-05-03, "
             "end: 2024-05-05}\n  modality: asserted\n")
    (rec,) = compile_events(event)
    assert rec["trigger"]["start"] - rec["sentence"]["start"] == sent.index("shelled", 10)
    assert rec["date"] == {"value": "2024-05-03", "precision": "day", "text": "between May 3 and May 5",
                           "start": "2024-05-03", "end": "2024-05-05", "source": "text"}


def test_a_date_range_without_value_takes_its_start_and_a_date_elsewhere_is_carried():
    sent = "Rebels shelled and shelled Hama between May 3 and May 5."
    event = (f'- sentence: "{sent}"\n  trigger: shelled\n  trigger_occurrence: 1\n  sub_event_type: Armed clash\n'
             "  date: {precision: day, text: Monday, start: 2024-05-03, end: 2024-05-05}\n  modality: asserted\n")
    (rec,) = compile_events(event)
    assert (rec["date"]["value"], rec["date"]["source"]) == ("2024-05-03", "carried")


def test_records_without_trigger_or_type_still_compile_during_the_transition():
    (rec,) = compile_events(SHELLED.replace("  trigger: shelled\n", "").replace(
        "  sub_event_type: Shelling/artillery/missile attack\n", ""))
    assert rec["trigger"] is None and "sub_event_type" not in rec and "event_type" not in rec


def _error(events: str, body: str = BODY) -> DataError:
    with pytest.raises(DataError) as err:
        compile_events(events, body)
    return err.value


# the markup line of each key: HEAD is 5 lines, BODY 4, a blank, '@events' on line 11, SHELLED from 12
TRIGGER_LINE, TYPE_LINE, DATE_LINE = 13, 14, 15


@pytest.mark.parametrize("replace,message,line", [
    (("trigger: shelled", "trigger: bombed"), "trigger 'bombed' does not occur as whole word(s)", TRIGGER_LINE),
    (("trigger: shelled", "trigger: Shelled"), "(it occurs as 'shelled': write it verbatim)", TRIGGER_LINE),
    (("trigger: shelled", "trigger: shell"), "does not occur as whole word(s)", TRIGGER_LINE),
    (("trigger: shelled", "trigger: Kafr"), "overlaps the LOCATION span 'Kafr Nabl'", TRIGGER_LINE),
    (("trigger: shelled", "trigger: artillery shelled"), "overlaps the WEAPON span 'artillery'", TRIGGER_LINE),
    (("trigger: shelled", "trigger: 12"), "'trigger' must be the word(s)", TRIGGER_LINE),
    (("trigger: shelled", "trigger: shelled\n  trigger_occurrence: 2"), "trigger_occurrence 2: trigger 'shelled' "
     "occurs 1 time(s)", TRIGGER_LINE + 1),
    (("  trigger: shelled\n", ""), None, None),
    (("Shelling/artillery/missile attack", "Airstrike"), "sub_event_type 'Airstrike' is not one of ACLED's 25 "
     "(conflict_ner.records.EVENT_TYPES); did you mean 'Air/drone strike'?", TYPE_LINE),
    (("sub_event_type: Shelling/artillery/missile attack", "sub_event_type: Shelling/artillery/missile attack\n"
      "  event_type: Battles"), "'event_type' is derived from 'sub_event_type'", TYPE_LINE + 1),
    (("role: initiator", "role: mediator"), "role 'mediator' is not one of initiator, target, other", DATE_LINE + 1),
    (("text: Monday}", "text: Monday, start: 2019-05-06}"), "needs both 'start' and 'end'", DATE_LINE),
    (("text: Monday}", "text: Monday, start: 2019-05-07, end: 2019-05-08}"), "must be the range's start", DATE_LINE),
    (("text: Monday}", "text: Monday, start: 2019-05-06, end: 2019-05-01}"), "ends (2019-05-01) before", DATE_LINE),
])
def test_each_bad_v2_record_is_an_error_naming_file_line_and_document(replace, message, line):
    event = SHELLED.replace(*replace)
    if message is None:  # the control: the same record without a trigger is fine
        compile_events(event)
        return
    err = _error(event)
    assert message in str(err), str(err)
    assert (err.path, err.line, err.doc_id) == ("e.md", line, "d-1"), str(err)


def test_an_ambiguous_trigger_needs_its_occurrence():
    sent = "Rebels shelled and shelled Hama between May 3 and May 5."
    event = f'- sentence: "{sent}"\n  trigger: shelled\n  sub_event_type: Armed clash\n' \
            "  date: {value: null, precision: unknown, text: null}\n  modality: asserted\n"
    err = _error(event)
    assert "occurs 2 times in the sentence: add 'trigger_occurrence: N'" in str(err)
    assert (err.line, err.doc_id) == (TRIGGER_LINE, "d-1")


def test_two_records_naming_the_same_act_are_an_error_at_the_second():
    err = _error(SHELLED + SHELLED)
    assert "event #2: names the same act as event #1" in str(err)
    assert err.line == TRIGGER_LINE + SHELLED.count("\n")  # the second record's trigger line


def test_two_sources_accounts_of_one_act_may_share_its_trigger():
    body = BODY.replace("[rebels](ACTOR)", "[rebels](ACTOR), [SOHR](ACTOR) and [SANA](ACTOR) said,")
    sent = SENT.replace("rebels", "rebels, SOHR and SANA said,")
    one = SHELLED.replace(SENT, sent)
    a, b = compile_events(one.replace("attribution: null", "attribution: SOHR")
                          + one.replace("attribution: null", "attribution: SANA"), body)
    assert a["trigger"] == b["trigger"] and a["attribution"]["text"] != b["attribution"]["text"]


def test_a_trigger_is_looked_for_only_in_its_own_sentence():
    event = SHELLED.replace("trigger: shelled", "trigger: and")  # 'and' is only in the third sentence
    assert "trigger 'and' does not occur" in str(_error(event))
