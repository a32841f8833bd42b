"""The training run: what its folder holds, that it reproduces its own metrics, resume, and
the inputs it must refuse with a named error."""

import json
import random

import pytest
import torch

from conflict_ner.errors import ConfigError, DataError, ModelError
from conflict_ner.training.checkpoint import checkpoint_dir
from conflict_ner.training.config import dump_config, load_config
from conflict_ner.training.trainer import length_grouped_batches, train

from .conftest import FIXTURES, REPO

#: figures of one session of a run (a resumed run has two)
TIMINGS = ("train_seconds_this_session", "step_seconds_this_session", "step_tokens_this_session")


def smoke(overrides, *extra):
    return load_config(REPO / "configs/smoke.yaml", overrides + list(extra))


def _overrides(root):
    sample = FIXTURES / "sample.jsonl"
    return [f"training.output_dir={root / 'run'}", f"data.train={sample}", f"data.dev={sample}",
            f"data.test={sample}", f"model.base_model={FIXTURES / 'tiny-bert'}"]


@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    """One completed smoke run, with inference settings that are not the defaults."""
    root = tmp_path_factory.mktemp("finished")
    config = smoke(_overrides(root), "model.stride=6", "model.max_batch_tokens=96")
    return config, train(config, progress=False)


#: no dev set: the run saves its last model, so the weights compared are those of the last step
NO_DEV = ("data.dev=", "evaluation.splits=[test]")


@pytest.fixture(scope="module")
def finished_without_dev(tmp_path_factory):
    root = tmp_path_factory.mktemp("finished-no-dev")
    return train(smoke(_overrides(root), *NO_DEV), progress=False)


def _weights(folder):
    from safetensors.torch import load_file

    return load_file(folder / "model.safetensors")


def _without_timings(metrics):
    return {k: v for k, v in metrics.items() if k not in TIMINGS}


def test_the_run_folder_holds_one_shareable_model_and_no_resumable_state(finished):
    config, result = finished
    out = result.output_dir
    names = {p.relative_to(out).as_posix() for p in out.rglob("*")}
    for name in ("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
                 "training_config.yaml", "metrics.json", "training_log.jsonl", "README.md", "data_report.json"):
        assert name in names, name
    assert [n for n in names if n.endswith(".safetensors")] == ["model.safetensors"]  # no second copy
    assert not [n for n in names if n.endswith(".pt") or "checkpoint" in n]           # no optimizer state
    assert not checkpoint_dir(out).exists()  # deleted once the run completed
    assert "local_files_only" not in json.loads((out / "tokenizer_config.json").read_text())


def test_the_saved_model_carries_its_inference_settings(finished):
    config, result = finished
    saved = json.loads((result.output_dir / "config.json").read_text())["conflict_ner"]
    assert saved == config.model.inference_settings().to_dict()
    assert saved["stride"] == 6 and saved["max_batch_tokens"] == 96 and saved["max_length"] == 32


def test_the_saved_model_reproduces_the_recorded_metrics_exactly(finished):
    from conflict_ner.training.evaluate import evaluate_path

    config, result = finished
    metrics = json.loads((result.output_dir / "metrics.json").read_text())
    again = evaluate_path(str(result.output_dir), str(FIXTURES / "sample.jsonl"))["sample"]
    assert again == metrics["dev"] == metrics["test"]  # dev and test are the same file here
    assert metrics["dev"]["micro"]["support"] == 31
    # the best model by the dev scores recorded during training is the one saved
    best = max(metrics["history"], key=lambda h: h["dev_micro_f1"])
    assert metrics["best_step"] == best["step"] and metrics["best_dev_f1"] == best["dev_micro_f1"]
    assert metrics["dev"]["micro"]["f1"] == metrics["best_dev_f1"]
    assert result.metrics == metrics


def test_training_config_round_trips(finished):
    config, result = finished
    saved = load_config(result.output_dir / "training_config.yaml")
    assert saved == config
    assert dump_config(saved) == (result.output_dir / "training_config.yaml").read_text()


def test_the_log_records_every_dev_evaluation_of_the_history(finished):
    config, result = finished
    lines = [json.loads(x) for x in (result.output_dir / "training_log.jsonl").read_text().splitlines()]
    assert [x["eval"] for x in lines if "eval" in x] == result.metrics["history"]
    # 6 steps of 2 per epoch: dev scored at the end of each epoch
    assert [(h["step"], h["epoch"]) for h in result.metrics["history"]] == [(2, 0), (4, 1), (6, 2)]


def test_the_card_of_a_plain_model_says_it_loads_in_transformers(finished):
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    config, result = finished
    card = (result.output_dir / "README.md").read_text()
    assert "AutoModelForTokenClassification.from_pretrained" in card and "register_models" not in card
    model = AutoModelForTokenClassification.from_pretrained(result.output_dir)
    tok = AutoTokenizer.from_pretrained(result.output_dir)
    assert model.config.id2label[1] == "B-ACTOR" and len(model.config.id2label) == 11
    assert model(**tok("Rebels fired rockets at Hama.", return_tensors="pt")).logits.shape[-1] == 11


@pytest.fixture
def fresh_auto_classes(monkeypatch):
    """transformers' Auto classes as a new process has them: the shape-feature model unregistered."""
    from transformers import AutoModelForTokenClassification
    from transformers.models.auto.configuration_auto import CONFIG_MAPPING

    from conflict_ner.tagging.shape_bert import MODEL_TYPE, ShapeBertConfig

    monkeypatch.delitem(CONFIG_MAPPING._extra_content, MODEL_TYPE, raising=False)
    monkeypatch.delitem(AutoModelForTokenClassification._model_mapping._extra_content, ShapeBertConfig,
                        raising=False)


def test_a_shape_feature_run_completes_and_its_card_says_how_to_load_it(tmp_path, fresh_auto_classes):
    import conflict_ner
    from transformers import AutoModelForTokenClassification

    from conflict_ner.training.evaluate import evaluate_path

    result = train(smoke(_overrides(tmp_path), "model.shape_features=true", "training.max_steps=2"),
                   progress=False)
    out = result.output_dir
    card = (out / "README.md").read_text()
    assert "conflict_ner.register_models()" in card and "transformers alone" not in card
    assert evaluate_path(str(out), str(FIXTURES / "sample.jsonl"))["sample"] == result.metrics["dev"]
    conflict_ner.register_models()
    assert type(AutoModelForTokenClassification.from_pretrained(out)).__name__ == "ShapeBertForTokenClassification"


def _kill_at_step(monkeypatch, n):
    """Make the n-th batch of the session raise, as a kill would stop the run."""
    import conflict_ner.training.trainer as trainer

    real, calls = trainer.collate, {"n": 0}

    def dying(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise KeyboardInterrupt("simulated kill")
        return real(*args, **kwargs)
    monkeypatch.setattr(trainer, "collate", dying)
    return lambda: monkeypatch.setattr(trainer, "collate", real)


def test_resume_after_a_kill_is_bit_identical_to_an_uninterrupted_run(finished_without_dev, tmp_path, monkeypatch):
    full = finished_without_dev
    assert full.metrics["best_step"] is None and full.metrics["steps"] == 6  # the saved model is step 6's
    cfg = smoke(_overrides(tmp_path), *NO_DEV)
    restore = _kill_at_step(monkeypatch, 5)
    with pytest.raises(KeyboardInterrupt):
        train(cfg, progress=False)
    restore()
    out = tmp_path / "run"
    state = json.loads((checkpoint_dir(out) / "state.json").read_text())
    assert state["global_step"] == 4 and state["epoch"] == 2 and state["step_in_epoch"] == 0
    assert not (out / "checkpoint").exists() and not list(out.glob("*.pt"))
    with pytest.raises(ConfigError, match="not empty; use --resume"):
        train(cfg, progress=False)
    resumed = train(cfg, resume=True, progress=False)
    a, b = _weights(full.output_dir), _weights(resumed.output_dir)
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    assert _without_timings(resumed.metrics) == _without_timings(full.metrics)
    assert not checkpoint_dir(out).exists()


def test_a_kill_between_the_checkpoint_renames_still_resumes_identically(finished, tmp_path, monkeypatch):
    import conflict_ner.training.checkpoint as checkpoint

    _, full = finished
    cfg = smoke(_overrides(tmp_path), "model.stride=6", "model.max_batch_tokens=96")
    real, calls = checkpoint._replace_step, {"n": 0}

    def killed_on_third_save(tmp, ckpt):
        calls["n"] += 1
        if calls["n"] == 3:  # saves after steps 2, 3, 4: die after moving step 3's aside
            raise KeyboardInterrupt("simulated kill")
        real(tmp, ckpt)
    monkeypatch.setattr(checkpoint, "_replace_step", killed_on_third_save)
    with pytest.raises(KeyboardInterrupt):
        train(cfg, progress=False)
    monkeypatch.setattr(checkpoint, "_replace_step", real)
    ckpt = checkpoint_dir(tmp_path / "run")
    assert not ckpt.exists() and (ckpt.with_name(ckpt.name + ".old") / "state.json").is_file()
    resumed = train(cfg, resume=True, progress=False)
    a, b = _weights(full.output_dir), _weights(resumed.output_dir)
    assert all(torch.equal(a[k], b[k]) for k in a)
    assert _without_timings(resumed.metrics) == _without_timings(full.metrics)
    assert not any(p.name.startswith("run.checkpoint") for p in tmp_path.iterdir())


def test_resume_from_a_damaged_checkpoint_names_the_checkpoint(tmp_path, monkeypatch):
    cfg = smoke(_overrides(tmp_path))
    restore = _kill_at_step(monkeypatch, 4)
    with pytest.raises(KeyboardInterrupt):
        train(cfg, progress=False)
    restore()
    ckpt = checkpoint_dir(tmp_path / "run")
    intact = (ckpt / "model.safetensors").read_bytes()
    (ckpt / "model.safetensors").write_bytes(intact[:1000])
    with pytest.raises(ModelError, match=r"run.checkpoint: the checkpoint is damaged, cannot load model"):
        train(cfg, resume=True, progress=False)
    (ckpt / "model.safetensors").write_bytes(intact)
    optimizer = (ckpt / "optimizer.pt").read_bytes()
    (ckpt / "optimizer.pt").write_bytes(optimizer[:len(optimizer) // 2])
    with pytest.raises(ModelError, match=r"checkpoint is damaged, cannot load optimizer.pt"):
        train(cfg, resume=True, progress=False)


def test_resume_without_checkpoint_is_an_error(tmp_path, finished):
    with pytest.raises(ConfigError, match="no checkpoint to resume from"):
        train(smoke(_overrides(tmp_path)), resume=True, progress=False)
    _, result = finished
    with pytest.raises(ConfigError, match="has completed"):
        train(smoke([f"training.output_dir={result.output_dir}"]), resume=True, progress=False)


def test_a_fresh_run_refuses_a_left_over_checkpoint(tmp_path):
    cfg = smoke(_overrides(tmp_path))
    ckpt = checkpoint_dir(tmp_path / "run")
    ckpt.mkdir()
    (ckpt / "state.json").write_text("{}")
    with pytest.raises(ConfigError, match="checkpoint of an unfinished run.*--overwrite"):
        train(cfg, progress=False)
    assert not (tmp_path / "run").exists()


# --- training inputs that must fail with a named error -----------------------------------


def _write_corpus(path, *lines):
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


GOOD = (FIXTURES / "sample.jsonl").read_bytes().splitlines()[0]


def test_a_non_utf8_corpus_names_file_and_line(tmp_path):
    bad = _write_corpus(tmp_path / "train.jsonl", GOOD, b'{"id": "x", "text": "caf\xe9 shelled"}')
    with pytest.raises(DataError, match=r"train.jsonl:2: not UTF-8"):
        train(smoke(_overrides(tmp_path), f"data.train={bad}"), progress=False)
    assert not (tmp_path / "run").exists()  # nothing written before the data is known good


@pytest.mark.parametrize("tokens", ['"abc"', "[[0, 6, 9]]", '[["a", "b"]]', "[[0, 99]]", "[[5, 2]]", "7"])
def test_a_malformed_tokens_field_names_file_line_and_document(tmp_path, tokens):
    bad = _write_corpus(tmp_path / "train.jsonl", GOOD,
                        b'{"id": "t1", "text": "Rebels fired.", "tokens": ' + tokens.encode() + b"}")
    with pytest.raises(DataError, match=r"train.jsonl:2: document t1: .*tokens"):
        train(smoke(_overrides(tmp_path), f"data.train={bad}"), progress=False)


def test_a_missing_local_base_model_is_a_config_error(tmp_path):
    missing = tmp_path / "no-such-encoder"
    for extra in ([], ["model.random_init=false"], ["model.shape_features=true"]):
        with pytest.raises(ConfigError, match=r"model.base_model.*no-such-encoder.*no such local folder"):
            train(smoke(_overrides(tmp_path), f"model.base_model={missing}", *extra), progress=False)


def test_corrupt_base_model_weights_are_a_config_error(tmp_path, tiny_model_dir):
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(tiny_model_dir, broken)
    data = (broken / "model.safetensors").read_bytes()
    (broken / "model.safetensors").write_bytes(data[:len(data) // 3])
    with pytest.raises(ConfigError, match=r"model.base_model: cannot load .*broken"):
        train(smoke(_overrides(tmp_path), f"model.base_model={broken}", "model.random_init=false"), progress=False)
    assert not (tmp_path / "run").exists()  # so the corrected run needs no --overwrite


def test_an_empty_dev_file_is_an_error_naming_it(tmp_path):
    empty = tmp_path / "dev.jsonl"
    empty.write_text("\n")
    with pytest.raises(DataError, match=r"dev.jsonl: no documents"):
        train(smoke(_overrides(tmp_path), f"data.dev={empty}"), progress=False)


def test_a_corpus_without_spans_fails_with_a_non_zero_exit(tmp_path, capsys):
    from conflict_ner.app.cli import main

    docs = [json.loads(x) for x in (FIXTURES / "sample.jsonl").read_text().splitlines()]
    bare = tmp_path / "bare.jsonl"
    bare.write_text("".join(json.dumps(dict(d, spans=[])) + "\n" for d in docs))
    args = ["train", str(REPO / "configs/smoke.yaml"), "--quiet"]
    for item in _overrides(tmp_path) + [f"data.train={bare}"]:
        args += ["--set", item]
    assert main(args) == 2
    assert "bare.jsonl: the training documents hold no labelled spans" in capsys.readouterr().err
    with pytest.raises(DataError, match="dev documents hold no labelled spans"):
        train(smoke(_overrides(tmp_path), f"data.dev={bare}"), progress=False)


# --- pieces ------------------------------------------------------------------------------


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

    from conflict_ner.training.loop import make_optimizer

    model = AutoModelForTokenClassification.from_pretrained(tiny_model_dir)  # 2 layers
    opt = make_optimizer(model, 1e-4, 0.01, head_learning_rate=1e-3, layer_decay=0.5)
    rate = {}
    names = {id(p): n for n, p in model.named_parameters()}
    for group in opt.param_groups:
        for p in group["params"]:
            rate[names[id(p)]] = group["lr"]
    assert rate["classifier.weight"] == 1e-3
    assert rate["bert.encoder.layer.1.output.dense.weight"] == 1e-4
    assert rate["bert.encoder.layer.0.output.dense.weight"] == 5e-5
    assert rate["bert.embeddings.word_embeddings.weight"] == 2.5e-5
