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
