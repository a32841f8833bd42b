import json
import random

import pytest
import torch

from conflict_ner.training.config import load_config
from conflict_ner.errors import ConfigError
from conflict_ner.training.trainer import length_grouped_batches, train

from .conftest import REPO


def smoke(overrides, *extra):
    return load_config(REPO / "configs/smoke.yaml", overrides + list(extra))


def test_train_save_load_predict_roundtrip(smoke_overrides):
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    result = train(smoke(smoke_overrides), progress=False)
    out = result.output_dir
    for name in ("config.json", "model.safetensors", "tokenizer.json", "training_config.yaml", "metrics.json",
                 "training_log.jsonl", "README.md", "data_report.json"):
        assert (out / name).is_file(), name
    model = AutoModelForTokenClassification.from_pretrained(out)
    tok = AutoTokenizer.from_pretrained(out)
    assert model.config.id2label[1] == "B-ACTOR" and len(model.config.id2label) == 11
    logits = model(**tok("Rebels fired rockets at Hama.", return_tensors="pt")).logits
    assert logits.shape[-1] == 11
    metrics = json.loads((out / "metrics.json").read_text())
    assert {"dev", "test", "best_step", "history"} <= set(metrics)
    assert 0.0 <= metrics["test"]["micro"]["f1"] <= 1.0
    assert metrics["test"]["micro"]["support"] == 31
    assert metrics["best_step"] == max(metrics["history"], key=lambda h: h["dev_micro_f1"])["step"]
    card = (out / "README.md").read_text()
    assert card.startswith("---\n") and "model-index:" in card and "| ACTOR |" in card


def test_resume_after_interruption_matches_uninterrupted_run(smoke_overrides, tmp_path, monkeypatch):
    from transformers import AutoModelForTokenClassification

    import conflict_ner.training.trainer as trainer

    full = train(smoke(smoke_overrides, f"training.output_dir={tmp_path / 'full'}"), progress=False)

    real_collate, calls = trainer.collate, {"n": 0}

    def dying_collate(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt("simulated kill")
        return real_collate(*args, **kwargs)

    cfg = smoke(smoke_overrides, f"training.output_dir={tmp_path / 'cut'}")
    monkeypatch.setattr(trainer, "collate", dying_collate)
    with pytest.raises(KeyboardInterrupt):
        train(cfg, progress=False)
    monkeypatch.setattr(trainer, "collate", real_collate)
    state = json.loads((tmp_path / "cut" / "checkpoint" / "state.json").read_text())
    assert 0 < state["global_step"] < 6
    with pytest.raises(ConfigError, match="not empty; use --resume"):
        train(cfg, progress=False)
    resumed = train(cfg, resume=True, progress=False)
    a = AutoModelForTokenClassification.from_pretrained(full.output_dir).state_dict()
    b = AutoModelForTokenClassification.from_pretrained(resumed.output_dir).state_dict()
    assert all(torch.allclose(a[k], b[k], atol=1e-6) for k in a)
    assert resumed.metrics["steps"] == 6


def test_resume_without_checkpoint_is_an_error(smoke_overrides):
    with pytest.raises(ConfigError, match="no checkpoint to resume from"):
        train(smoke(smoke_overrides), resume=True, progress=False)


def test_length_grouped_batches_cover_everything_once_with_little_padding():
    lengths = [random.Random(i).randint(5, 500) for i in range(400)]
    batches = length_grouped_batches(lengths, 16, 10, random.Random(1))
    flat = sorted(i for b in batches for i in b)
    assert flat == list(range(400))
    padded = sum(max(lengths[i] for i in b) * len(b) for b in batches)
    shuffled = list(range(400))
    random.Random(2).shuffle(shuffled)
    naive = sum(max(lengths[i] for i in shuffled[k:k + 16]) * len(shuffled[k:k + 16]) for k in range(0, 400, 16))
    assert padded < 0.8 * naive


def test_layer_decay_gives_lower_rates_to_lower_layers(tiny_model_dir):
    from transformers import AutoModelForTokenClassification

    from conflict_ner.training.config import TrainingConfig
    from conflict_ner.training.trainer import make_optimizer

    model = AutoModelForTokenClassification.from_pretrained(tiny_model_dir)  # 2 layers
    opt = make_optimizer(model, TrainingConfig(learning_rate=1e-4, head_learning_rate=1e-3, layer_decay=0.5))
    rate = {}
    names = {id(p): n for n, p in model.named_parameters()}
    for group in opt.param_groups:
        for p in group["params"]:
            rate[names[id(p)]] = group["lr"]
    assert rate["classifier.weight"] == 1e-3
    assert rate["bert.encoder.layer.1.output.dense.weight"] == 1e-4
    assert rate["bert.encoder.layer.0.output.dense.weight"] == 5e-5
    assert rate["bert.embeddings.word_embeddings.weight"] == 2.5e-5
