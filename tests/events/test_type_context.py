"""Types beyond the sentence's own cues: the train-gold trigger table (events/type_lexicon.py,
built by training/corpus/trigger_table.py)
and the document carry of weak types (events/type_carry.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflict_ner.errors import DataError
from conflict_ner.events import build_records
from conflict_ner.events.sentence import Sentence
from conflict_ner.events.type_carry import settle_types
from conflict_ner.events.type_lexicon import likely_type, packaged
from conflict_ner.events.types import decide
from conflict_ner.records import Entity
from conflict_ner.training.corpus.trigger_table import build, dumps

ROOT = Path(__file__).resolve().parents[2]


def _corpus(tmp_path: Path, records: dict[str, list[tuple[str, str]]], splits: dict[str, str]) -> tuple[Path, Path]:
    events = tmp_path / "events.jsonl"
    lines = []
    for doc, recs in records.items():
        rs = [{"trigger": {"text": t, "start": 0, "end": len(t)}, "sub_event_type": s} for t, s in recs]
        lines.append(json.dumps({"doc_id": doc, "split": "ignored", "records": rs}))
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tsv = tmp_path / "splits.tsv"
    tsv.write_text("# doc_id<TAB>split\n" + "".join(f"{d}\t{s}\n" for d, s in splits.items()), encoding="utf-8")
    return events, tsv


def test_the_table_counts_train_documents_only(tmp_path):
    events, tsv = _corpus(tmp_path, {"a": [("Strikes", "Air/drone strike"), ("strikes", "Air/drone strike")],
                                     "b": [("strikes", "Armed clash")]}, {"a": "train", "b": "dev"})
    assert build(events, tsv) == {"strikes": {"Air/drone strike": 2}}


def test_bad_corpus_lines_are_named(tmp_path):
    events, tsv = _corpus(tmp_path, {"a": [("hit", "Airstrike")]}, {"a": "train"})
    with pytest.raises(DataError, match="Airstrike") as err:
        build(events, tsv)
    assert (err.value.path, err.value.line) == (str(events), 1)
    events.write_text('{"doc_id": "a", "records": []}\n{"doc_id": \n', encoding="utf-8")
    with pytest.raises(DataError, match="invalid JSON") as err:
        build(events, tsv)
    assert err.value.line == 2
    tsv.write_text("a train\n", encoding="utf-8")
    with pytest.raises(DataError, match="doc_id<TAB>train") as err:
        build(events, tsv)
    assert (err.value.path, err.value.line) == (str(tsv), 1)
    with pytest.raises(DataError, match="no such splits file"):
        build(events, tmp_path / "missing.tsv")


def test_the_packaged_table_is_the_build_of_the_committed_corpus():
    built = build(ROOT / "training/corpus/compiled/events.jsonl", ROOT / "training/corpus/splits.tsv")
    # after a change to the train event gold, rerun: conflict-ner data build
    text = (ROOT / "src/conflict_ner/resources/trigger_types.json").read_text(encoding="utf-8")
    assert text == dumps(built), "stale trigger table: run conflict-ner data build"
    assert json.loads(text) == packaged()


def test_a_trigger_speaks_only_when_seen_often_with_one_type():
    table = {"strikes": {"Air/drone strike": 9, "Armed clash": 1}, "hit": {"Air/drone strike": 5, "Armed clash": 5},
             "razed": {"Looting/property destruction": 2}}
    assert likely_type("strikes", table) == "Air/drone strike"
    assert likely_type("hit", table) is None  # split between types
    assert likely_type("razed", table) is None  # too rare
    assert likely_type("unseen", table) is None


def test_what_decided_a_type():
    assert decide(Sentence("Clashes erupted in Hama.")).basis == "cue"
    assert decide(Sentence("Nine people were killed.")).basis == "fallback"
    assert decide(Sentence("Talks resumed in Geneva.")).basis == "fallback"


def _records(text: str, spans=()):
    ents = [Entity(label, text.index(w), text.index(w) + len(w), w, 1.0) for label, w in spans]
    return build_records(text, ents, "2024-05-08", "d")


def test_an_outcome_sentence_takes_the_type_of_the_act_before_it():
    text = "Warplanes bombed Ariha on Monday. Nine people were killed, a monitor said."
    assert [r.sub_event_type for r in _records(text)] == ["Air/drone strike", "Air/drone strike"]
    # alone, the outcome is an attack on civilians of no named kind
    assert [r.sub_event_type for r in _records("Nine people were killed, a monitor said.",
                                               [("ACTOR", "people")])] == ["Attack"]


def test_only_acts_of_violence_carry_their_type():
    text = "Rebels withdrew from the town. Nine people were killed, a monitor said."
    recs = _records(text)
    assert recs[0].sub_event_type == "Non-violent transfer of territory"
    assert recs[1].sub_event_type != "Non-violent transfer of territory"


def test_soldiers_killed_stay_a_fight_unless_the_trigger_says_more():
    text = "Warplanes bombed Ariha on Monday. Three soldiers were killed near Hish."
    spans = [("ACTOR", "soldiers"), ("COUNT", "Three")]
    assert [r.sub_event_type for r in _records(text, spans)] == ["Air/drone strike", "Armed clash"]
    # the trigger table still speaks for them: a strike is mostly from the air
    text = "Shelling hit Ariha on Monday. A strike on the base killed three soldiers."
    recs = settle_types(_records(text, spans=[("ACTOR", "soldiers"), ("COUNT", "three")]),
                        lexicon=lambda t: "Air/drone strike" if t == "strike" else None)
    assert [r.sub_event_type for r in recs] == ["Shelling/artillery/missile attack", "Air/drone strike"]


def test_a_sentence_of_two_acts_keeps_each_act_s_type():
    text = "Warplanes bombed Ariha. Government artillery shelled Kafr Nabl as rebels ambushed an army convoy."
    assert [r.sub_event_type for r in _records(text)] == [
        "Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"]


def test_a_place_taken_by_no_one_named_is_taken_as_the_last_capture_was():
    text = "The army recaptured the town of Saraqib on Monday. The town centre was entered before dawn, residents said."
    spans = [("ACTOR", "army"), ("LOCATION", "Saraqib")]
    assert [r.sub_event_type for r in _records(text, spans)] == ["Government regains territory"] * 2
    assert decide(Sentence("The town centre was entered before dawn.")).basis == "taker"
    # alone, a place taken by no one named is taken by a non-state actor (ACLED's default)
    assert [r.sub_event_type for r in _records("The town centre was entered before dawn.")] == [
        "Non-state actor overtakes territory"]


def test_an_act_whose_own_word_moves_forces_is_a_change_to_their_activity():
    def at(text: str, word: str) -> tuple[int, int]:
        return text.index(word), text.index(word) + len(word)

    text = "Jets of the air force arrived overhead within the hour to cover the convoy's withdrawal."
    ents = [Entity("ACTOR", *at(text, "air force"), "air force", 1.0)]
    assert [(r.trigger.text, r.sub_event_type) for r in build_records(text, ents, "2024-05-08")] == \
        [("arrived", "Change to group/activity")]
    # nobody hurt only: a toll makes the arrival part of the violence
    text = "Jets arrived overhead and killed 4 fighters near the convoy."
    ents = [Entity("COUNT", *at(text, "4"), "4", 1.0)]
    assert [r.sub_event_type for r in build_records(text, ents, "2024-05-08")] != ["Change to group/activity"]


def test_the_dead_after_a_protest_met_by_force_take_excessive_force():
    text = "Police fired tear gas at marchers in the capital on Monday. Hospital staff said 9 people were killed."
    ents = [Entity("ACTOR", text.index("Police"), 6, "Police", 1.0),
            Entity("COUNT", text.index("9"), text.index("9") + 1, "9", 1.0)]
    assert [r.sub_event_type for r in build_records(text, ents, "2024-05-08")] == \
        ["Protest with intervention", "Excessive force against protesters"]


def test_a_crowd_dispersed_in_the_next_sentence_was_a_protest_met_with_intervention():
    def types(text: str) -> list[str]:
        return [r.sub_event_type for r in build_records(text, [], "2024-05-08")]

    text = "Several hundred traders protested outside the town hall on Friday. Officers fired tear gas to disperse them."
    assert types(text) == ["Protest with intervention", "Protest with intervention"]
    # a violent demonstration dispersed stays violent, and its dispersal is part of it
    text = "Protesters set fire to a police station on Friday. Officers fired tear gas to disperse them."
    assert types(text) == ["Violent demonstration", "Violent demonstration"]
    # a dispersal at a place of its own, or of a crowd it names, is not the protest told before
    text = "Several hundred traders protested outside the town hall on Friday. Officers fired tear gas at mourners."
    assert types(text) == ["Peaceful protest", "Protest with intervention"]


def test_the_learned_check_keeps_a_broken_siege_as_ground_taken():
    class SureOfAClash:
        def best(self, feats):
            return "Armed clash", 0.999

    text = "The army broke through to the besieged garrison of Hish on Tuesday."
    recs = build_records(text, [Entity("ACTOR", 4, 8, "army", 1.0)], "2024-05-08")
    assert [r.sub_event_type for r in settle_types(recs, model=None)] == ["Government regains territory"]
    assert [r.sub_event_type for r in settle_types(recs, model=SureOfAClash())] == ["Government regains territory"]
    # a capture of no rare kind is still the model's to move when it is sure
    text = "The army captured the town of Hish on Tuesday."
    recs = build_records(text, [Entity("ACTOR", 4, 8, "army", 1.0)], "2024-05-08")
    assert [r.sub_event_type for r in settle_types(recs, model=SureOfAClash())] == ["Armed clash"]


def test_the_learned_check_finds_no_excessive_force_where_nobody_was_hurt():
    class SureOfExcessiveForce:
        def best(self, feats):
            return "Excessive force against protesters", 0.999

    def types(text: str) -> list[str]:
        return [r.sub_event_type for r in settle_types(build_records(text, [], "2024-05-08"),
                                                       model=SureOfExcessiveForce())]

    # tear gas and water cannon with nobody hurt: a protest met with intervention, whatever the model says
    assert types("Riot police fired tear gas and water cannon at marchers near the bridge.") == \
        ["Protest with intervention"]
    # people shot or wounded: the model may still tell excessive force
    assert types("Riot units fired on marchers near the bridge, wounding several of them.") == \
        ["Excessive force against protesters"]


def test_the_learned_check_keeps_an_act_of_named_air_strikes_from_a_battle():
    class SureOfAClash:
        def best(self, feats):
            return "Armed clash", 0.999

    def types(text: str) -> list[str]:
        return [r.sub_event_type for r in settle_types(build_records(text, [], "2024-05-08"), model=SureOfAClash())]

    # the means named as air strikes decide the type (the rules' precedence), whatever the battle words
    assert types("The army began its push on Monday with airstrikes on rebel positions near the river.") == \
        ["Air/drone strike"]
    assert types("The army began its push on Monday with air\nstrikes on rebel positions near the river.") == \
        ["Air/drone strike"]
    # an air word that is no strike noun (jets, drones) leaves the model free
    assert types("Jets bombed rebel positions near the river on Monday.") == ["Armed clash"]
