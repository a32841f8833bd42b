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
