"""The batch contract on a fake extractor: one line per input, unique ids, the output tied
to its model, locked, never read as input, never edited beyond its own partial tail."""

import csv
import errno
import json
import os
import signal

import pytest

from conflict_ner.app import batch_output
from conflict_ner.app.batch import run_batch
from conflict_ner.app.batch_output import BatchOutput, OutputError

from .batch_fakes import FakeExtractor, SimulatedKill

ARTICLE = "Rebels fired rockets at Hama on Monday, killing civilians."


def lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def by_id(path):
    return {x["doc_id"]: x for x in lines(path)}


def write_jsonl(path, objs):
    path.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")
    return path


def folder_of(tmp_path, n=5):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i}.txt").write_text(f"Doc {i}. {ARTICLE}")
    return folder


# --- issue 16 item 1: the output is writable whatever the text holds ------------------------


def test_lone_surrogates_in_text_and_id_are_written_and_read_back(tmp_path):
    src = tmp_path / "s.jsonl"
    src.write_text('{"id": "x\\udc00", "text": "\\ud800 Rebels shelled Hama \\udfff"}\n'
                   '{"id": "y", "text": "Troops \\ud83d\\ude00 left Idlib"}\n', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    summary = run_batch(FakeExtractor(), [str(src)], out, progress=False)
    assert summary.written == 2 and summary.errors == 0
    got = lines(out)
    assert got[0]["doc_id"] == "x\ufffd"  # ids are cleaned at the input boundary
    text = "\ud800 Rebels shelled Hama \udfff"
    for rec in got[0]["records"]:  # record text keeps the surrogate, as a JSON escape
        for span in [rec["sentence"], *rec["actors"]]:
            assert text[span["start"]:span["end"]] == span["text"]
    out.read_bytes().decode("utf-8")  # valid UTF-8 throughout
    assert run_batch(FakeExtractor(), [str(src)], out, progress=False).skipped == 2


# --- item 2: ids unique per run, nothing dropped as "already done" ------------------------


def test_same_file_names_in_two_folders_and_ids_1_and_quoted_1_all_get_lines(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "article.txt").write_text(f"{name.upper()} {ARTICLE}")
    feed1 = write_jsonl(tmp_path / "f1.jsonl", [{"id": 1, "text": "Feed one " + ARTICLE},
                                                {"id": 1, "text": "Same file, same id " + ARTICLE}])
    feed2 = write_jsonl(tmp_path / "f2.jsonl", [{"id": "1", "text": "Feed two " + ARTICLE}])
    inputs = [str(tmp_path / "a"), str(tmp_path / "b"), str(feed1), str(feed2)]
    out = tmp_path / "o.jsonl"
    summary = run_batch(FakeExtractor(), inputs, out, progress=False)
    got = lines(out)
    assert summary.written == len(got) == 5
    ids = [x["doc_id"] for x in got]
    assert len(set(ids)) == 5
    assert ids[:2] == ["article.txt", f"article.txt@{tmp_path / 'b' / 'article.txt'}"]
    assert ids[2:] == ["1", f"1@{feed1}:2", f"1@{feed2}:1"]
    assert len(summary.renamed) == 3
    assert all(x["source"] for x in got)
    again = run_batch(FakeExtractor(), inputs, out, progress=False)  # stable: all done, none twice
    assert again.skipped == 5 and again.written == 0 and len(lines(out)) == 5


# --- item 3: the output is never read as input ---------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_output_and_sidecars_inside_an_input_folder_are_not_read(tmp_path, fmt):
    folder = folder_of(tmp_path, 3)
    (folder / "bad.txt").write_text("")  # one failure, so an errors report exists too
    out = folder / f"events.{fmt}"
    for _ in range(3):
        run_batch(FakeExtractor(), [str(folder)], out, fmt=fmt, progress=False)
    assert (folder / f"events.{fmt}.errors.jsonl").exists()
    ledger = out if fmt == "jsonl" else folder / "events.csv.done.jsonl"
    assert sorted(x["doc_id"] for x in lines(ledger)) == ["a0.txt", "a1.txt", "a2.txt", "bad.txt"]


def test_the_output_given_as_an_input_is_refused_untouched(tmp_path):
    src = write_jsonl(tmp_path / "input.jsonl", [{"id": "a", "text": ARTICLE}])
    with open(src, "a") as f:
        f.write('{"id": "b", "text": "last line without newline"}')
    before = src.read_bytes()
    with pytest.raises(OutputError, match="also an input"):
        run_batch(FakeExtractor(), [str(src)], src, progress=False)
    with pytest.raises(OutputError, match="also an input"):
        run_batch(FakeExtractor(), [str(src)], src, overwrite=True, progress=False)
    assert src.read_bytes() == before


# --- item 5: -o edits only this tool's own output -------------------------------------------


def test_a_foreign_output_file_is_refused_before_anything_is_cut(tmp_path):
    other = tmp_path / "notes.jsonl"
    other.write_text('{"mine": 1}\n{"partial": tru')  # last line without newline
    before = other.read_bytes()
    folder = folder_of(tmp_path, 2)
    with pytest.raises(OutputError, match="not known to be this tool's output"):
        run_batch(FakeExtractor(), [str(folder)], other, progress=False)
    assert other.read_bytes() == before
    assert not (tmp_path / "notes.jsonl.meta.json").exists()
    run_batch(FakeExtractor(), [str(folder)], other, overwrite=True, progress=False)
    assert len(lines(other)) == 2


def test_a_blank_line_in_the_output_does_not_break_resume(tmp_path):
    folder = folder_of(tmp_path, 4)
    out = tmp_path / "o.jsonl"
    with pytest.raises(SimulatedKill):
        run_batch(FakeExtractor(stop_after=2), [str(folder)], out, progress=False)
    with open(out, "a") as f:
        f.write("\n   \n")
    summary = run_batch(FakeExtractor(), [str(folder)], out, progress=False)
    assert summary.skipped == 2 and summary.written == 2
    assert sorted(by_id(out)) == [f"a{i}.txt" for i in range(4)]


def test_a_hand_edited_line_is_named_not_a_traceback(tmp_path):
    folder = folder_of(tmp_path, 2)
    out = tmp_path / "o.jsonl"
    run_batch(FakeExtractor(), [str(folder)], out, progress=False)
    out.write_text(out.read_text() + "garbage\n" + '{"doc_id": "x", "error": null}\n')
    with pytest.raises(OutputError, match=r"o.jsonl:3: invalid JSON"):
        run_batch(FakeExtractor(), [str(folder)], out, progress=False)


# --- kills and partial writes ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_kill_in_the_middle_of_a_write_then_resume_loses_and_duplicates_nothing(tmp_path, monkeypatch, fmt):
    folder = folder_of(tmp_path, 7)
    full = tmp_path / f"full.{fmt}"
    run_batch(FakeExtractor(), [str(folder)], full, fmt=fmt, progress=False)
    out = tmp_path / f"cut.{fmt}"
    real = batch_output._write_all
    calls = {"n": 0}

    def dying(fd, data):
        calls["n"] += 1
        if calls["n"] == 5:  # half a line (or half the rows), then the process is gone
            real(fd, data[: len(data) // 2])
            raise SimulatedKill()
        real(fd, data)

    monkeypatch.setattr(batch_output, "_write_all", dying)
    with pytest.raises(SimulatedKill):
        run_batch(FakeExtractor(), [str(folder)], out, fmt=fmt, progress=False)
    monkeypatch.setattr(batch_output, "_write_all", real)
    run_batch(FakeExtractor(), [str(folder)], out, fmt=fmt, progress=False)
    assert out.read_bytes() == full.read_bytes()


# --- the ledger is tied to the model ----------------------------------------------------------


def test_another_model_refuses_to_resume_unless_overwrite(tmp_path):
    folder = folder_of(tmp_path, 3)
    out = tmp_path / "o.jsonl"
    with pytest.raises(SimulatedKill):
        run_batch(FakeExtractor(stop_after=1), [str(folder)], out, progress=False)
    before = out.read_bytes()
    with pytest.raises(OutputError, match="another model or settings.*fingerprint"):
        run_batch(FakeExtractor(fingerprint="other"), [str(folder)], out, progress=False)
    assert out.read_bytes() == before
    with pytest.raises(OutputError, match="written as jsonl, not csv"):
        run_batch(FakeExtractor(), [str(folder)], out, fmt="csv", progress=False)
    moved = FakeExtractor()
    moved.identity = lambda: {**FakeExtractor().identity(), "path": "/elsewhere"}  # same model, moved
    assert run_batch(moved, [str(folder)], out, progress=False).skipped == 1
    summary = run_batch(FakeExtractor(fingerprint="other"), [str(folder)], out, overwrite=True, progress=False)
    assert summary.written == 3 and len(lines(out)) == 3


def test_a_second_run_on_the_same_output_is_locked_out(tmp_path):
    out = BatchOutput(tmp_path / "o.jsonl", "jsonl", {"fingerprint": "a"}, "m")
    out.open()
    try:
        with pytest.raises(OutputError, match="being written by another run"):
            run_batch(FakeExtractor(), [str(folder_of(tmp_path, 1))], tmp_path / "o.jsonl", progress=False)
    finally:
        out.close()
    assert run_batch(FakeExtractor(), [str(tmp_path / "in")], tmp_path / "o.jsonl", progress=False).written == 1


# --- failures: named, listed, retried ------------------------------------------------------


def test_failures_are_lines_listed_in_a_report_and_retried_on_request(tmp_path):
    folder = folder_of(tmp_path, 2)
    (folder / "big.txt").write_text("Big " + ARTICLE * 10)
    (folder / "bug.txt").write_text("<fail> " + ARTICLE)
    (folder / "slow.txt").write_text("<hang> " + ARTICLE)
    out = tmp_path / "o.jsonl"
    summary = run_batch(FakeExtractor(max_input_bytes=300), [str(folder)], out, progress=False)
    got = by_id(out)
    assert got["big.txt"]["error_kind"] == "input" and "above the limit of 300" in got["big.txt"]["error"]
    assert got["bug.txt"]["error_kind"] == "internal" and got["slow.txt"]["error_kind"] == "timeout"
    assert summary.errors == summary.failed_total == 3
    report = [json.loads(x) for x in (tmp_path / "o.jsonl.errors.jsonl").read_text().splitlines()]
    assert sorted(r["doc_id"] for r in report) == ["big.txt", "bug.txt", "slow.txt"]
    assert all(r["source"].endswith(r["doc_id"]) for r in report)
    # a plain rerun keeps them as done; --retry-errors with a higher limit runs them again
    assert run_batch(FakeExtractor(max_input_bytes=300), [str(folder)], out, progress=False).written == 0
    summary = run_batch(FakeExtractor(max_input_bytes=10_000), [str(folder)], out, retry_errors=True,
                        progress=False)
    assert summary.written == 3 and summary.failed_total == 2
    got = by_id(out)
    assert len(lines(out)) == 5 and got["big.txt"]["error"] is None and got["big.txt"]["records"]
    os.unlink(folder / "bug.txt")
    (folder / "slow.txt").write_text(ARTICLE)
    (folder / "bug.txt").write_text(ARTICLE)
    summary = run_batch(FakeExtractor(), [str(folder)], out, retry_errors=True, progress=False)
    assert summary.failed_total == 0 and not (tmp_path / "o.jsonl.errors.jsonl").exists()


def test_a_crash_inside_extract_batch_costs_one_input_not_the_run(tmp_path):
    docs = [{"id": f"d{i}", "text": f"Doc {i} " + ARTICLE} for i in range(8)]
    docs[4]["text"] = "<crash> " + ARTICLE
    src = write_jsonl(tmp_path / "d.jsonl", docs)
    out = tmp_path / "o.jsonl"
    summary = run_batch(FakeExtractor(docs_per_chunk=3), [str(src)], out, progress=False)
    got = lines(out)
    assert [x["doc_id"] for x in got] == [f"d{i}" for i in range(8)]
    assert [x["error_kind"] for x in got] == [None] * 4 + ["internal"] + [None] * 3
    assert "RuntimeError: fake model crashed" in got[4]["error"] and summary.errors == 1


# --- stopping: signals and a full disk -------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_flushes_what_is_done_and_returns(tmp_path, signum):
    folder = folder_of(tmp_path, 9)
    ex = FakeExtractor(docs_per_chunk=2)
    real = ex._one

    def signalling(doc):
        if len(ex.seen) == 4:
            os.kill(os.getpid(), signum)
        return real(doc)

    ex._one = signalling
    out = tmp_path / "o.jsonl"
    summary = run_batch(ex, [str(folder)], out, progress=False)
    assert summary.interrupted == signal.Signals(signum).name
    assert 0 < summary.written == len(lines(out)) < 9
    assert out.read_bytes().endswith(b"\n")
    rest = run_batch(FakeExtractor(), [str(folder)], out, progress=False)
    assert rest.skipped == summary.written and len(by_id(out)) == len(lines(out)) == 9


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_full_disk_stops_with_a_clear_error_and_a_resumable_file(tmp_path, monkeypatch, fmt):
    folder = folder_of(tmp_path, 6)
    full = tmp_path / f"full.{fmt}"
    run_batch(FakeExtractor(), [str(folder)], full, fmt=fmt, progress=False)
    out = tmp_path / f"o.{fmt}"
    real = batch_output._write_all
    budget = {"bytes": len(full.read_bytes()) // 2}

    def small_disk(fd, data):
        room = budget["bytes"]
        real(fd, data[:room])
        budget["bytes"] = max(0, room - len(data))
        if room < len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(batch_output, "_write_all", small_disk)
    with pytest.raises(OutputError, match="the disk is full.*rerun the same command"):
        run_batch(FakeExtractor(), [str(folder)], out, fmt=fmt, progress=False)
    monkeypatch.setattr(batch_output, "_write_all", real)
    run_batch(FakeExtractor(), [str(folder)], out, fmt=fmt, progress=False)
    assert out.read_bytes() == full.read_bytes()


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_ids_with_newlines_formulas_and_failures(tmp_path):
    src = write_jsonl(tmp_path / "d.jsonl", [
        {"id": "two\nlines", "text": "Rebels shelled Hama."},
        {"id": "=cmd|' /C calc'!A0", "text": "=HYPERLINK(\"http://x\") Rebels shelled Hama."},
        {"id": "empty", "text": "  "},
        {"id": "+1", "text": "-5 Troops @home"}])
    out = tmp_path / "o.csv"
    run_batch(FakeExtractor(), [str(src)], out, fmt="csv", progress=False)
    first = out.read_bytes()
    for _ in range(2):  # reruns repeat nothing
        assert run_batch(FakeExtractor(), [str(src)], out, fmt="csv", progress=False).skipped == 4
    assert out.read_bytes() == first
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert {r["source_id"] for r in rows} == {"two\nlines", "'=cmd|' /C calc'!A0", "empty", "'+1"}
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), row
    failed = [r for r in rows if r["error"]]
    assert len(failed) == 1 and failed[0]["source_id"] == "empty" and failed[0]["error"] == "input: input is empty"


# --- item 9: .TXT files and broken links -------------------------------------------------------


def test_upper_case_suffixes_are_read_and_broken_links_reported(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "A.TXT").write_text(ARTICLE)
    (folder / "b.Txt").write_text(ARTICLE)
    write_jsonl(folder / "c.JSONL", [{"id": "c1", "text": ARTICLE}])
    (folder / "notes.md").write_text("not an input")
    os.symlink(folder / "gone.txt", folder / "link.txt")
    out = tmp_path / "o.jsonl"
    summary = run_batch(FakeExtractor(), [str(folder), str(tmp_path / "missing.txt")], out, progress=False)
    got = by_id(out)
    assert set(got) == {"A.TXT", "b.Txt", "c1", "link.txt", str(tmp_path / "missing.txt")}
    assert got["A.TXT"]["records"] and got["b.Txt"]["records"]
    assert got["link.txt"]["error"].startswith("broken symbolic link")
    assert got[str(tmp_path / "missing.txt")]["error"] == "no such file or folder"
    assert summary.ignored_files == 1


def test_a_signal_during_a_write_waits_for_the_line_to_end(tmp_path, monkeypatch):
    folder = folder_of(tmp_path, 5)
    out = tmp_path / "o.jsonl"
    real = batch_output._write_all
    calls = {"n": 0}

    def signalled_mid_line(fd, data):
        calls["n"] += 1
        if calls["n"] == 3:
            real(fd, data[:10])
            os.kill(os.getpid(), signal.SIGTERM)
            data = data[10:]
        real(fd, data)

    monkeypatch.setattr(batch_output, "_write_all", signalled_mid_line)
    summary = run_batch(FakeExtractor(), [str(folder)], out, progress=False)
    assert summary.interrupted == "SIGTERM" and summary.written == 3
    assert out.read_bytes().endswith(b"\n") and len(lines(out)) == 3


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_records_that_cannot_be_written_are_an_internal_error_line(tmp_path, fmt):
    src = write_jsonl(tmp_path / "d.jsonl", [{"id": "a", "text": ARTICLE}, {"id": "b", "text": "<unwritable> x"},
                                             {"id": "c", "text": ARTICLE}])
    out = tmp_path / f"o.{fmt}"
    summary = run_batch(FakeExtractor(), [str(src)], out, fmt=fmt, progress=False)
    assert summary.written == 3 and summary.errors == summary.failed_total == 1
    got = by_id(out if fmt == "jsonl" else tmp_path / "o.csv.done.jsonl")
    assert got["b"]["error_kind"] == "internal" and got["b"]["error"].startswith("internal error writing records")
    assert got["a"]["error"] is None and got["c"]["error"] is None
