"""`extract --engine ray` on a local 2-CPU Ray with the tiny fixture model: the same lines as the
local path, resume (also across engines), error lines and exit code, Parquet output.

Ray starts once for the module (a few seconds) and stops at its end."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("ray.data", reason='the ray extra is not installed (pip install "conflict-ner[ray]")')

from conflict_ner.app.batch import run_batch  # noqa: E402
from conflict_ner.app.cli import main  # noqa: E402
from conflict_ner.app.engine_ray import extract_ray  # noqa: E402

ARTICLE = "Rebels fired 12 rockets at Hama on Monday, killing 5 civilians, a monitor said. "
TEXTS = [ARTICLE * 3, "Government forces shelled Idlib on 3 May. " + ARTICLE, "An airstrike hit Aleppo.",
         ARTICLE + "Two soldiers were captured near Raqqa.", "Nothing happened here."]


@pytest.fixture(scope="module")
def ray_local():
    import ray

    from conflict_ner.app.engine_ray import start_ray

    resources = start_ray(num_cpus=2)
    yield resources
    ray.shutdown()


@pytest.fixture
def inputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    lines = [json.dumps({"id": f"d{i}", "text": t, "published": "2024-05-06"}) for i, t in enumerate(TEXTS)]
    lines.insert(2, '{"id": "broken", "text": ')  # a bad line: an error line, the run goes on
    (src / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (src / "b.txt").write_text(ARTICLE, encoding="utf-8")
    return src


def _lines(path):
    return {x["doc_id"]: x for x in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _same(a, b, path="$"):
    """Equal, except floats (scores) within 1e-3: batching changes padding."""
    if isinstance(a, float) or isinstance(b, float):
        assert a == pytest.approx(b, abs=1e-3), path
    elif isinstance(a, dict):
        assert a.keys() == b.keys(), path
        for k in a:
            _same(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)):
            _same(x, y, f"{path}[{i}]")
    else:
        assert a == b, path


def test_lines_equal_the_local_path_and_resume_across_engines(ray_local, tiny_model_dir, inputs, tmp_path):
    from conflict_ner.extractor import EventExtractor

    local = tmp_path / "local.jsonl"
    summary = run_batch(EventExtractor.from_pretrained(tiny_model_dir), [str(inputs)], local, progress=False)
    assert summary.failed_total == 1
    # windows of 3 documents, batches of 1, 2 actors: two pools, results in order
    out = tmp_path / "ray.jsonl"
    summary = extract_ray(tiny_model_dir, [str(inputs)], out, actors=2, window=3, batch_docs=1)
    assert (summary.seen, summary.written, summary.errors) == (7, 7, 1)
    want, got = _lines(local), _lines(out)
    assert list(got) == list(want)  # same ids, same order
    assert sum(len(x["records"]) for x in got.values()) > 0
    _same(got, want)
    assert got["a.jsonl:3"]["error_kind"] == "input" and "a.jsonl:3" in got["a.jsonl:3"]["error"]

    # resume: a Ray run over a local output does only what is new
    (inputs / "c.txt").write_text("Militants attacked a checkpoint in Deir ez-Zor.", encoding="utf-8")
    summary = extract_ray(tiny_model_dir, [str(inputs)], local, actors=1)
    assert (summary.seen, summary.skipped, summary.written) == (8, 7, 1)
    assert list(_lines(local))[-1] == "c.txt"
    assert len(local.read_text().splitlines()) == 8


def test_cli_exit_code_error_report_and_parquet(ray_local, tiny_model_dir, inputs, tmp_path, capsys):
    from conflict_ner.exports.parquet import read_records

    (inputs / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    out = tmp_path / "events.parquet"
    args = ["extract", "--engine", "ray", "--actors", "2", "--model", str(tiny_model_dir), str(inputs),
            "-o", str(out), "--format", "parquet", "-q"]
    assert main(args) == 1  # an input failed
    printed = capsys.readouterr().out
    assert "8 input(s): 8 written" in printed and "2 failed" in printed
    assert "actor process(es) on 1 node(s)" in printed
    report = [json.loads(x) for x in (tmp_path / "events.parquet.jsonl.errors.jsonl").read_text().splitlines()]
    assert {(r["doc_id"], r["error_kind"]) for r in report} == {("a.jsonl:3", "input"), ("gone.txt", "input")}
    lines = _lines(tmp_path / "events.parquet.jsonl")
    rows = read_records(out)
    assert len(rows) == sum(len(x["records"]) for x in lines.values()) > 0
    assert {r["doc_id"] for r in rows} <= set(lines)
    assert main(args) == 1 and "8 already done" in capsys.readouterr().out  # resumed: nothing redone
