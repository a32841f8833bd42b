"""`conflict-ner extract` end to end on the tiny fixture model: exit codes, summary line,
options reaching the extractor, another model refused, surrogates, a real SIGKILL/SIGTERM."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conflict_ner.text.repair import replace_surrogates
from conflict_ner.app.cli import main

from .conftest import REPO


def _lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def _spans(record):
    yield record["sentence"]
    for key in ("actors", "locations", "weapons", "counts"):
        yield from record[key]
    if record["attribution"]:
        yield record["attribution"]


ARTICLE = "Rebels fired 12 rockets at Hama on Monday, killing 5 civilians, a monitor said. "


def test_surrogates_through_the_real_extractor_and_the_writer(tiny_model_dir, tmp_path, capsys):
    texts = ["\ud800 " + ARTICLE * 2 + "\udfff", ARTICLE + "\u202e\u200bIdlib\u0301 \u4e2d\u6587 \u0627\u0644", "\udc80"]
    src = tmp_path / "s.jsonl"
    ids = ["s0\udc80", "s1", "s2"]
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in zip(ids, texts)), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", "--model", str(tiny_model_dir), str(src), "-o", str(out), "-q"]) == 0
    got = _lines(out)
    assert [x["doc_id"] for x in got] == ["s0\ufffd", "s1", "s2"] and all(x["error"] is None for x in got)
    assert sum(len(x["records"]) for x in got) > 0
    for text, line in zip(texts, got):
        for rec in line["records"]:
            for span in _spans(rec):
                assert replace_surrogates(text)[span["start"]:span["end"]] == span["text"]
    assert "3 input(s): 3 written" in capsys.readouterr().out


def test_exit_code_summary_report_and_retry_with_a_higher_limit(tiny_model_dir, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(ARTICLE)
    (folder / "big.txt").write_text(ARTICLE * 20)
    out = tmp_path / "o.jsonl"
    args = ["extract", "--model", str(tiny_model_dir), str(folder), "-o", str(out), "-q", "--max-bytes", "500"]
    assert main(args) == 1
    printed = capsys.readouterr().out
    assert "2 input(s): 2 written" in printed and f"1 failed (listed in {out}.errors.jsonl)" in printed
    assert main(args) == 1  # the output still holds a failure
    assert "2 already done" in capsys.readouterr().out
    assert main([*args[:-1], "5000", "--retry-errors"]) == 0
    assert "1 written" in capsys.readouterr().out
    assert [x["error"] for x in _lines(out)] == [None, None] and not (tmp_path / "o.jsonl.errors.jsonl").exists()


def test_options_reach_the_extractor_and_quiet_silences_progress(tiny_model_dir, tmp_path, monkeypatch, capsys):
    from conflict_ner.extractor import EventExtractor

    seen = {}
    real = EventExtractor.from_pretrained

    def spy(path, quantize=None, **options):
        seen.update(options)
        return real(path, quantize=quantize, **options)

    monkeypatch.setattr(EventExtractor, "from_pretrained", spy)
    src = str(REPO / "examples" / "ex-wire-idlib.txt")
    assert main(["extract", "--model", str(tiny_model_dir), src, "-o", str(tmp_path / "a.jsonl"),
                 "--time-budget", "7.5", "--batch-size", "4"]) == 0
    assert seen == {"time_budget": 7.5, "docs_per_chunk": 4}
    assert "extracting" in capsys.readouterr().err  # the progress bar
    assert main(["extract", "--model", str(tiny_model_dir), src, "-o", str(tmp_path / "b.jsonl"), "-q",
                 "--time-budget", "0", "--docs-per-chunk", "2"]) == 0
    assert seen == {"time_budget": None, "docs_per_chunk": 2}
    assert "extracting" not in capsys.readouterr().err


def test_another_model_is_refused_with_exit_2(tiny_model_dir, tmp_path, capsys):
    import torch

    from conflict_ner.extractor import EventExtractor

    other = EventExtractor.from_pretrained(tiny_model_dir)
    with torch.no_grad():
        next(other.model.parameters()).add_(0.01)
    other.save_pretrained(tmp_path / "other")
    src = str(REPO / "examples" / "ex-wire-idlib.txt")
    out = str(tmp_path / "o.jsonl")
    assert main(["extract", "--model", str(tiny_model_dir), src, "-o", out, "-q"]) == 0
    assert main(["extract", "--model", str(tmp_path / "other"), src, "-o", out, "-q"]) == 2
    assert "written by another model or settings (they differ in: fingerprint)" in capsys.readouterr().err
    assert main(["extract", "--model", str(tmp_path / "other"), src, "-o", out, "-q", "--overwrite"]) == 0


def _wait_for_lines(path, n, proc, timeout=120):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        if proc.poll() is not None:
            pytest.fail(f"the run ended early: {proc.returncode}")
        time.sleep(0.05)
    pytest.fail("no progress")


def test_real_sigkill_and_sigterm_then_resume(tiny_model_dir, tmp_path):
    from conflict_ner.app.batch import run_batch
    from conflict_ner.extractor import EventExtractor

    docs = [{"id": i, "text": f"Report {i}. " + ARTICLE * (1 + i % 3)} for i in range(150)]
    docs[7]["text"] = ""
    src = tmp_path / "d.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs) + "{bad\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    cmd = [sys.executable, "-m", "conflict_ner.app.cli", "extract", "--model", str(tiny_model_dir), str(src),
           "-o", str(out), "-q", "--docs-per-chunk", "4"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_lines(out, 20, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed = out.read_bytes().count(b"\n")
    assert 20 <= killed < 151

    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_lines(out, killed + 20, proc)
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, stderr.decode()
    assert b"interrupted by SIGTERM" in stdout and b"Traceback" not in stderr
    assert out.read_bytes().endswith(b"\n")

    extractor = EventExtractor.from_pretrained(tiny_model_dir)
    summary = run_batch(extractor, [str(src)], out, progress=False)
    assert summary.skipped == out.read_bytes().count(b"\n") - summary.written
    got = _lines(out)
    assert sorted(x["doc_id"] for x in got) == sorted([str(i) for i in range(150)] + ["d.jsonl:151"])
    full = tmp_path / "full.jsonl"
    run_batch(extractor, [str(src)], full, progress=False)
    assert sorted(got, key=lambda x: x["doc_id"]) == sorted(_lines(full), key=lambda x: x["doc_id"])
