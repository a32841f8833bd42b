import pytest

from conflict_ner.training.event_eval import evaluate_events, match_records


def rec(start, end, **fields):
    base = {"sentence": {"start": start, "end": end}, "date": {"value": None, "precision": "unknown"},
            "actors": [], "locations": [], "weapons": [], "counts": [], "modality": "asserted"}
    base.update(fields)
    return base


def test_match_one_to_one_by_largest_overlap():
    gold = [rec(0, 50), rec(60, 100)]
    pred = [rec(55, 100), rec(0, 40), rec(200, 220)]
    assert match_records(gold, pred) == [(0, 1), (1, 0)]


def test_field_scores_count_unmatched_records():
    gold = [rec(0, 50, actors=[{"text": "Rebels", "role": "initiator"}], locations=[{"text": "Hama"}],
                counts=[{"value": 4, "outcome": "killed"}], date={"value": "2024-05-06", "precision": "day"}),
            rec(60, 90, weapons=[{"text": "rockets"}])]
    pred = [rec(0, 50, actors=[{"text": "rebels", "role": "target"}], locations=[{"text": "Hama"}],
                counts=[{"value": 4, "outcome": "killed"}], date={"value": "2024-05-06", "precision": "week"}),
            rec(120, 130, weapons=[{"text": "drones"}])]
    s = evaluate_events([(gold, pred)])
    assert s["records"]["precision"] == 0.5 and s["records"]["recall"] == 0.5
    assert s["actors"]["f1"] == 0.0 and s["actors_text"]["f1"] == 1.0
    assert s["locations"]["f1"] == 1.0 and s["counts"]["f1"] == 1.0
    assert s["weapons"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": 1, "predicted": 1}
    assert s["date_value"]["f1"] == 1.0 and s["date"]["f1"] == 0.0
    assert s["modality"]["precision"] == 0.5  # one matched pair agrees; the unmatched prediction counts


def _gold_folder(tmp_path, gold_lines, doc_lines=('{"id": "d1", "text": "Rebels shelled Hama."}',)):
    (tmp_path / "docs.jsonl").write_text("\n".join(doc_lines) + "\n")
    gold = tmp_path / "events.jsonl"
    gold.write_bytes(b"\n".join(line if isinstance(line, bytes) else line.encode() for line in gold_lines) + b"\n")
    return gold



@pytest.mark.parametrize("bad,message", [
    ("{not json", "events.jsonl:2: invalid JSON"),
    ('{"split": "test", "records": []}', "events.jsonl:2: expected an object with a string 'doc_id'"),
    ('{"doc_id": "d1", "split": "test", "records": {}}', "events.jsonl:2: expected an object"),
    (b'{"doc_id": "d1", "split": "test", "records": [], "x": "\xff"}', "events.jsonl:2: not UTF-8"),
])
def test_bad_event_gold_is_an_error_naming_file_and_line(tmp_path, capsys, tiny_model_dir, bad, message):
    from conflict_ner.app.cli import main

    gold = _gold_folder(tmp_path, ['{"doc_id": "d1", "split": "test", "records": []}', bad])
    assert main(["evaluate-events", "--model", str(tiny_model_dir), str(gold)]) == 2
    assert message in capsys.readouterr().err


def test_a_bad_document_beside_the_gold_names_its_file(tmp_path):
    from conflict_ner.app.event_eval_cli import load_event_gold
    from conflict_ner.errors import DataError

    gold = _gold_folder(tmp_path, ['{"doc_id": "d1", "split": "test", "records": []}'],
                        doc_lines=('{"id": "d1", "text": "ok"}', '{"id": 2}'))
    with pytest.raises(DataError, match=r"docs.jsonl:2: expected a document"):
        load_event_gold(gold)
    assert load_event_gold(_gold_folder(tmp_path, ['{"doc_id": "d1", "split": "test", "records": []}']))[0][1] == []


# --- markup v2: acts, triggers, types, several seeds ------------------------------------------

from conflict_ner.training.event_eval import majority_type, score_records  # noqa: E402
from conflict_ner.training.event_eval_report import markdown, mean_std  # noqa: E402


def act(trigger, sub=None, event=None, **fields):
    r = rec(0, 80, trigger={"start": trigger[0], "end": trigger[1]}, **fields)
    if sub:
        r.update(sub_event_type=sub, event_type=event or "Battles")
    return r


def test_a_two_act_sentence_pairs_act_to_act_by_trigger():
    gold = [act((10, 17), locations=[{"text": "Kafr Nabl"}]), act((50, 58), locations=[{"text": "Saraqib"}])]
    pred = [act((51, 58), locations=[{"text": "Saraqib"}]), act((10, 17), locations=[{"text": "Kafr Nabl"}])]
    assert match_records(gold, pred) == [(0, 1), (1, 0)]
    s = evaluate_events([(gold, pred)])
    assert s["locations"]["f1"] == 1.0 and s["trigger"]["f1"] == 1.0 and s["trigger_exact"]["f1"] == 0.5
    # without triggers the nearest one cannot decide: text order pairs them crosswise
    bare = [rec(0, 80, locations=p["locations"]) for p in pred]
    assert evaluate_events([(gold, bare)])["locations"]["f1"] == 0.0


def test_trigger_distance_decides_when_no_trigger_overlaps():
    gold = [act((10, 17)), act((50, 58))]
    pred = [act((45, 48)), act((20, 25))]
    assert match_records(gold, pred) == [(0, 1), (1, 0)]
    assert evaluate_events([(gold, pred)])["trigger"]["precision"] == 0.0


def test_role_unknown_is_scored_as_other():
    gold = [rec(0, 10, actors=[{"text": "UN", "role": "other"}])]
    pred = [rec(0, 10, actors=[{"text": "UN", "role": "unknown"}])]
    assert score_records(gold, pred)["actors"]["f1"] == 1.0
    pred[0]["actors"][0]["role"] = "initiator"
    assert score_records(gold, pred)["actors"]["f1"] == 0.0


def test_type_scores_macro_accuracy_and_majority_baseline():
    gold = [act((0, 5), "Armed clash"), act((10, 15), "Armed clash"), act((20, 25), "Air/drone strike"),
            act((30, 35), "Attack", "Violence against civilians"),
            act((40, 45))]  # untyped gold: left out of the type scores
    pred = [act((0, 5), "Armed clash"), act((10, 15), "Air/drone strike"), act((20, 25), "Air/drone strike"),
            act((40, 45), "Grenade"), act((60, 65), "Armed clash")]
    # Attack (30-35) overlaps no predicted trigger: the nearest free one (60-65, Armed clash) pairs with it;
    # the Grenade prediction pairs with the untyped gold record and is not scored
    s = evaluate_events([(gold, pred)], baseline={"sub_event_type": "Armed clash", "event_type": "Battles"})
    t = s["sub_event_type"]
    assert (t["gold"], t["predicted"], t["matched"]) == (4, 4, 4)
    assert t["accuracy"] == 0.5 and t["baseline_accuracy"] == 0.5 and t["baseline"] == "Armed clash"
    # per class F1: Armed clash 1/2 pred right of 2 gold -> 0.5; Air/drone 1 of 2 pred, 1 gold -> 0.667; Attack 0
    assert t["per_class"]["Air/drone strike"]["f1"] == 0.6667 and t["per_class"]["Attack"]["f1"] == 0.0
    assert t["macro_f1"] == round((0.5 + 0.6667 + 0.0) / 3, 4)
    assert "Grenade" not in t["per_class"]  # only classes present in gold


def test_majority_type_comes_from_typed_records():
    recs = [{"event_type": "Battles", "sub_event_type": "Armed clash"}] * 2 + \
        [{"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}] * 3 + [{}] * 9
    assert majority_type(recs) == {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}


def test_several_seeds_become_mean_and_std_and_a_markdown_table():
    one = {"records": {"f1": 0.8}, "sub_event_type": {"f1": 0.5, "baseline": "Armed clash"}}
    two = {"records": {"f1": 0.6}, "sub_event_type": {"f1": 0.7, "baseline": "Armed clash"}}
    m = mean_std([one, two])
    assert m["records"]["f1"] == {"mean": 0.7, "std": 0.1414, "values": [0.8, 0.6]}
    assert mean_std([one])["records"]["f1"]["std"] == 0.0


T = "Rebels shelled Hama on Monday, killing 4 civilians. Later, troops ambushed a convoy near Homs."


def _span(word, label):
    s = T.index(word)
    return [s, s + len(word), label]


def _doc(doc_id):
    return {"id": doc_id, "text": T, "published": "2024-05-08",
            "spans": [_span(w, lab) for w, lab in (("Rebels", "ACTOR"), ("Hama", "LOCATION"), ("Monday", "DATE"),
                                                   ("4", "COUNT"), ("civilians", "ACTOR"), ("troops", "ACTOR"),
                                                   ("convoy", "ACTOR"), ("Homs", "LOCATION"))]}


def _gold_record(doc_id, sentence, trigger, sub, event, location):
    s = T.index(sentence)
    t = T.index(trigger)
    loc = T.index(location)
    return {"schema_version": "2", "doc_id": doc_id, "event_type": event, "sub_event_type": sub,
            "trigger": {"text": trigger, "start": t, "end": t + len(trigger)},
            "sentence": {"text": sentence, "start": s, "end": s + len(sentence)},
            "date": {"value": "2024-05-06", "precision": "day", "text": "Monday"}, "actors": [],
            "locations": [{"text": location, "start": loc, "end": loc + len(location)}], "weapons": [],
            "counts": [], "modality": "asserted", "attribution": None, "confidence": 1.0}


def test_cli_reports_predicted_and_gold_entity_figures_over_seeds(tmp_path, tiny_model_dir, capsys):
    import json

    from conflict_ner.app.cli import main

    first, second = T.split(". ")[0] + ".", T.split(". ")[1]
    shelled = ("shelled", "Shelling/artillery/missile attack", "Explosions/Remote violence", "Hama")
    ambushed = ("ambushed", "Armed clash", "Battles", "Homs")
    (tmp_path / "test.jsonl").write_text(json.dumps(_doc("t1")) + "\n")
    (tmp_path / "train.jsonl").write_text(json.dumps(_doc("r1")) + "\n")
    gold = tmp_path / "events.jsonl"
    gold.write_text(
        json.dumps({"doc_id": "t1", "split": "test", "records": [_gold_record("t1", first, *shelled),
                                                                 _gold_record("t1", second, *ambushed)]}) + "\n"
        + json.dumps({"doc_id": "r1", "split": "train", "records": [_gold_record("r1", second, *ambushed)]}) + "\n")
    out, md = tmp_path / "report.json", tmp_path / "report.md"
    assert main(["evaluate-events", "--model", str(tiny_model_dir), "--model", str(tiny_model_dir), str(gold),
                 "--splits", "test", "heldout", "-o", str(out), "--markdown", str(md)]) == 0
    report = json.loads(out.read_text())
    test = report["splits"]["test"]
    assert (test["documents"], test["gold_records"]) == (1, 2) and report["splits"]["heldout"]["documents"] == 0
    assert report["baseline"]["sub_event_type"] == "Armed clash"
    rules = test["gold_entities"]
    assert rules["records"]["f1"]["mean"] == 1.0 and rules["locations"]["f1"]["mean"] == 1.0
    assert rules["sub_event_type"]["accuracy"]["mean"] == 1.0 and rules["sub_event_type"]["macro_f1"]["mean"] == 1.0
    assert rules["sub_event_type"]["baseline_accuracy"]["mean"] == 0.5
    seeds = test["predicted_entities"]["records"]["f1"]
    assert len(seeds["values"]) == 2 and seeds["std"] == 0.0  # the same model twice
    table = md.read_text()
    assert "| sub_event_type | " in table and "0.500 (Armed clash)" in table
    assert table == capsys.readouterr().out


def test_date_matched_is_the_date_accuracy_on_matched_records_only():
    day = {"value": "2024-05-06", "precision": "day"}
    gold = [rec(0, 50, date=day), rec(60, 90, date=day), rec(100, 120, date=day)]
    pred = [rec(0, 50, date=day), rec(60, 90, date={"value": "2024-05-06", "precision": "week"}),
            rec(200, 220, date=day)]  # the third is unmatched: it does not count
    s = evaluate_events([(gold, pred)])
    assert s["date_matched"]["precision"] == s["date_matched"]["recall"] == 0.5
    assert s["date_matched"]["gold"] == 2


def test_modality_matched_is_the_modality_accuracy_on_matched_records_only():
    gold = [rec(0, 50, modality="claimed"), rec(60, 90, modality="asserted"), rec(100, 120, modality="claimed")]
    pred = [rec(0, 50, modality="claimed"), rec(60, 90, modality="claimed"),
            rec(200, 220, modality="claimed")]  # the third is unmatched: it does not count
    s = evaluate_events([(gold, pred)])
    assert s["modality_matched"]["precision"] == s["modality_matched"]["recall"] == 0.5
    assert s["modality_matched"]["gold"] == 2
    assert s["modality"]["f1"] == 0.3333  # the plain field still counts the unmatched records
