import yaml

from conflict_ner.training.config import load_config
from conflict_ner.training.model_card import render_model_card

from .conftest import REPO

METRICS = {"steps": 10, "best_step": 8,
           "dev": {"micro": {"precision": 0.5, "recall": 0.4, "f1": 0.444, "support": 9},
                   "macro": {"precision": 0.3, "recall": 0.2, "f1": 0.24, "support": 9},
                   "partial": {"precision": 0.6, "recall": 0.5, "f1": 0.545},
                   "per_label": {"ACTOR": {"precision": 0.5, "recall": 0.4, "f1": 0.444, "support": 9}}}}
REPORT = {"documents": {"train": 3, "dev": 1}, "spans": {"train": dict.fromkeys(["ACTOR", "LOCATION", "WEAPON", "COUNT", "DATE"], 2),
                                                        "dev": dict.fromkeys(["ACTOR", "LOCATION", "WEAPON", "COUNT", "DATE"], 1)},
          "re3d:../shared/data/re3d": {"dropped": {"pronoun": 4}, "trimmed": {"leading 'the'": 7}}}


def test_card_has_hf_metadata_metrics_licences_and_limitations():
    cfg = load_config(REPO / "configs/conflict-re3d.yaml")
    card = render_model_card(cfg, METRICS, REPORT, name="conflict-ner-test")
    front = yaml.safe_load(card.split("---\n")[1])
    assert front["pipeline_tag"] == "token-classification"
    assert front["base_model"] == "sentence-transformers/all-MiniLM-L6-v2"
    result = front["model-index"][0]["results"][0]
    assert result["dataset"]["split"] == "dev" and result["metrics"][0]["value"] == 0.444
    assert "| ACTOR | 2 | 1 |" in card
    assert "dropped 4 (pronoun)" in card and "trimmed 7 (leading 'the')" in card
    for needle in ("English only", "News-source bias", "Personal names of victims", "CC BY-SA 3.0",
                   "Open Government Licence v3.0", "CC BY 3.0 AU", "own corpus"):
        assert needle in card, needle


def test_benchmark_card_notes_the_non_commercial_bbc_part():
    card = render_model_card(load_config(REPO / "configs/re3d-benchmark.yaml"), METRICS, REPORT)
    assert "non-commercial" in card and "re3d-conll" in card


def test_benchmark_card_sets_our_test_f1_beside_published_results():
    cfg = load_config(REPO / "configs/re3d-benchmark.yaml")
    assert cfg.evaluation.reference_results  # the shipped config carries them
    metrics = dict(METRICS, test=dict(METRICS["dev"], micro=dict(METRICS["dev"]["micro"], f1=0.675)))
    card = render_model_card(cfg, metrics, REPORT)
    table = card[card.index("Compared with published results"):]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "system" not in line]
    assert "| **this model** | 0.675 |" in rows
    scores = [float(r.rsplit("|", 2)[1]) for r in rows]
    assert scores == sorted(scores, reverse=True)
    # no test metrics (or no references): no comparison section
    assert "Compared with published" not in render_model_card(cfg, METRICS, REPORT)
