import json

import pytest

from conflict_ner.app.cli import main

from .conftest import FIXTURES, REPO


def test_train_evaluate_extract_view_through_the_cli(tmp_path, capsys):
    out = tmp_path / "run"
    args = ["train", str(REPO / "configs/smoke.yaml"), "--quiet", "--set", f"training.output_dir={out}",
            "--set", f"data.train={FIXTURES / 'sample.jsonl'}", "--set", f"data.dev={FIXTURES / 'sample.jsonl'}",
            "--set", f"data.test={FIXTURES / 'sample.jsonl'}", "--set", f"model.base_model={FIXTURES / 'tiny-bert'}"]
    assert main(args) == 0
    assert main(["evaluate", "--model", str(out), str(FIXTURES / "sample.jsonl"), "-o", str(tmp_path / "m.json")]) == 0
    metrics = json.loads((tmp_path / "m.json").read_text())
    assert metrics["sample"]["micro"]["support"] == 31
    assert main(["extract", "--model", str(out), str(REPO / "examples"), "-o", str(tmp_path / "e.jsonl"), "--quiet"]) == 0
    lines = (tmp_path / "e.jsonl").read_text().splitlines()
    assert len(lines) == 6 and all(json.loads(line)["error"] is None for line in lines)
    assert main(["view", "--model", str(out), str(REPO / "examples/ex-wire-idlib.txt"), "-o",
                 str(tmp_path / "p.html"), "--published", "2024-05-08"]) == 0
    assert (tmp_path / "p.html").read_text().startswith("<!DOCTYPE html>")
    capsys.readouterr()


def test_errors_are_reported_not_raised(tmp_path, capsys):
    assert main(["train", str(tmp_path / "missing.yaml")]) == 2
    assert "missing.yaml: no such config file" in capsys.readouterr().err
    assert main(["train", str(REPO / "configs/smoke.yaml"), "--set", "training.nope=1"]) == 2
    assert "training.nope: Extra inputs are not permitted" in capsys.readouterr().err
    assert main(["evaluate", "--model", str(tmp_path / "none"), str(FIXTURES / "sample.jsonl")]) == 2
    assert "no such model directory" in capsys.readouterr().err


def test_evaluate_an_ensemble_and_the_int8_path(tmp_path, tiny_model_dir, capsys, monkeypatch):
    from conflict_ner.training.evaluate import evaluate_path

    sample = str(FIXTURES / "sample.jsonl")
    single = evaluate_path(str(tiny_model_dir), sample)["sample"]
    # an ensemble of one model twice averages identical log-probabilities: same scores
    twice = evaluate_path([str(tiny_model_dir), str(tiny_model_dir)], sample)["sample"]
    assert twice["micro"] == single["micro"]
    import conflict_ner.tagging.quantization as quantization

    calls = []
    real = quantization.apply_quantization
    monkeypatch.setattr(quantization, "apply_quantization", lambda m, q: calls.append(q) or real(m, q))
    assert main(["evaluate", "--model", str(tiny_model_dir), "--model", str(tiny_model_dir), "--quantize", "int8",
                 sample, "-o", str(tmp_path / "m.json")]) == 0
    assert calls == ["int8", "int8"]  # both members run the int8 path
    printed = json.loads((tmp_path / "m.json").read_text())["sample"]
    assert printed["micro"]["support"] == single["micro"]["support"] == 31
    f1 = printed["micro"]["f1"]
    assert f"sample: micro P/R/F1 {printed['micro']['precision']:.4f}/{printed['micro']['recall']:.4f}/{f1:.4f}" \
        in capsys.readouterr().out


def test_ensemble_members_must_share_labels(tmp_path, tiny_model_dir, capsys):
    from transformers import AutoModelForTokenClassification

    other = AutoModelForTokenClassification.from_pretrained(tiny_model_dir, num_labels=3,
                                                            id2label={0: "O", 1: "B-X", 2: "I-X"},
                                                            label2id={"O": 0, "B-X": 1, "I-X": 2},
                                                            ignore_mismatched_sizes=True)
    other.save_pretrained(tmp_path / "other")
    assert main(["evaluate", "--model", str(tiny_model_dir), "--model", str(tmp_path / "other"),
                 str(FIXTURES / "sample.jsonl")]) == 2
    assert "ensemble members have different labels" in capsys.readouterr().err


def test_evaluate_decoding_override(tiny_model_dir, capsys):
    from conflict_ner.training.evaluate import evaluate_path

    sample = str(FIXTURES / "sample.jsonl")
    own = evaluate_path(str(tiny_model_dir), sample)["sample"]  # no training_config.yaml: viterbi
    viterbi = evaluate_path(str(tiny_model_dir), sample, decoding="viterbi")["sample"]
    greedy = evaluate_path(str(tiny_model_dir), sample, decoding="greedy")["sample"]
    assert own == viterbi
    # the random tiny model emits stray I- tags, which the two decoders resolve differently
    assert greedy["partial"] != viterbi["partial"]
    assert main(["evaluate", "--model", str(tiny_model_dir), "--decoding", "greedy", sample]) == 0
    with pytest.raises(SystemExit):  # argparse refuses an unknown decoder
        main(["evaluate", "--model", str(tiny_model_dir), "--decoding", "crf", sample])
