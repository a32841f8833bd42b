import json

from conflict_ner.cli import main

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
