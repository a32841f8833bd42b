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


def _front(card):
    return yaml.safe_load(card.split("---\n")[1])


def test_card_has_hf_metadata_metrics_licences_and_limitations():
    cfg = load_config(REPO / "configs/conflict-re3d.yaml")
    card = render_model_card(cfg, METRICS, REPORT, name="conflict-ner-test")
    front = _front(card)
    assert front["pipeline_tag"] == "token-classification"
    assert front["base_model"] == "sentence-transformers/all-MiniLM-L6-v2"
    result = front["model-index"][0]["results"][0]
    assert result["dataset"]["split"] == "dev" and result["metrics"][0]["value"] == 0.444
    assert "| ACTOR | 2 | 1 |" in card
    assert "dropped 4 (pronoun)" in card and "trimmed 7 (leading 'the')" in card
    for needle in ("English only", "News-source bias", "Personal names of victims", "CC BY-SA 3.0",
                   "Open Government Licence v3.0", "CC BY 3.0 AU", "own corpus", "Dstl"):
        assert needle in card, needle


def test_only_a_model_trained_on_the_projects_own_corpus_is_apache_2():
    own = load_config(REPO / "configs/default.yaml", ["data.extra_train=[]"])
    card = render_model_card(own, METRICS, REPORT)
    assert _front(card)["license"] == "apache-2.0" and "license_name" not in _front(card)
    assert "re3d" not in card.split("## Training data and licences")[1]
    # re3d's public sources added (the default config reads them): attribution and share-alike
    # terms, so not plain apache-2.0
    for config in ("default.yaml", "conflict-re3d.yaml"):
        card = render_model_card(load_config(REPO / "configs" / config), METRICS, REPORT)
        front = _front(card)
        assert front["license"] == "other" and "attribution" in front["license_name"], config
        assert "BBC" not in card and "non-commercial" not in card


def test_benchmark_card_is_not_apache_and_names_the_non_commercial_bbc_part():
    card = render_model_card(load_config(REPO / "configs/re3d-benchmark.yaml"), METRICS, REPORT)
    front = _front(card)
    assert front["license"] == "other" and "non-commercial" in front["license_name"]
    assert "Not for commercial use" in card and "BBC News documents" in card
    assert "apache-2.0" not in card.split("---\n")[1]
    for source in ("CENTCOM", "Wikipedia", "UK Government", "US State Department", "Australian Department",
                   "Delegation of the European Union"):
        assert source in card, source


def test_a_users_own_corpus_has_a_licence_conflict_ner_does_not_know(tmp_path):
    cfg = load_config(REPO / "configs/default.yaml", [f"data.train={tmp_path / 'mine.jsonl'}"])
    card = render_model_card(cfg, METRICS, REPORT)
    assert _front(card)["license"] == "other" and "mine.jsonl" in card and "own corpus" not in card


def test_the_card_lists_the_re3d_sources_that_were_read():
    report = dict(REPORT, **{"re3d:../shared/data/re3d": {"dropped": {}, "trimmed": {},
                                                          "sources": {"CENTCOM": 3, "UK Government": 2}}})
    card = render_model_card(load_config(REPO / "configs/conflict-re3d.yaml"), METRICS, report)
    assert "CENTCOM documents" in card and "Open Government Licence" in card
    assert "Wikipedia" not in card and "CC BY 3.0 AU" not in card


def test_a_shape_feature_card_says_how_to_load_it_and_claims_no_plain_transformers():
    card = render_model_card(load_config(REPO / "configs/re3d-benchmark.yaml"), METRICS, REPORT, name="m")
    assert _front(card)["library_name"] == "conflict-ner"
    loading = card[card.index("## How to load it"):card.index("## Training run")]
    assert "conflict_ner.register_models()" in loading
    assert loading.index("register_models") < loading.index("AutoModelForTokenClassification.from_pretrained")
    assert "EntityTagger.from_pretrained" in loading and "transformers alone" not in card
    plain = render_model_card(load_config(REPO / "configs/default.yaml"), METRICS, REPORT)
    assert "transformers alone" in plain and "register_models" not in plain
    assert _front(plain)["library_name"] == "transformers"


def test_benchmark_card_sets_our_test_f1_beside_published_results():
    cfg = load_config(REPO / "configs/re3d-benchmark.yaml")
    assert cfg.evaluation.reference_results  # the shipped config carries them
    metrics = dict(METRICS, test=dict(METRICS["dev"], micro=dict(METRICS["dev"]["micro"], f1=0.675)))
    card = render_model_card(cfg, metrics, REPORT)
    table = card[card.index("Compared with published results"):card.index("## Labels")]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "system" not in line]
    assert "| **this model** | 0.675 |" in rows
    scores = [float(r.rsplit("|", 2)[1]) for r in rows]
    assert scores == sorted(scores, reverse=True)
    # no test metrics (or no references): no comparison section
    assert "Compared with published" not in render_model_card(cfg, METRICS, REPORT)


def test_a_distilled_student_card_names_its_layers_and_teachers():
    card = render_model_card(load_config(REPO / "configs/fast.yaml"), METRICS, REPORT, name="fast")
    assert "| encoder layers | the first 4 of the base model's |" in card
    assert "| distilled from | `runs/default`, `runs/default-s29`, `runs/default-s47` (soft-target share 0.7" in card
    plain = render_model_card(load_config(REPO / "configs/default.yaml"), METRICS, REPORT)
    assert "distilled from" not in plain and "encoder layers" not in plain
