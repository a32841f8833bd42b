"""Property-based tests of the batch contract (hypothesis, derandomized): random unicode,
random JSONL corruption and kill points, on the fake extractor (fast) and the tiny model.

Invariant: every input gets exactly one output line (records or a named error), ids are
unique, nothing is lost or duplicated across kills and reruns, the run never crashes, and
``text[start:end] == span.text`` for every span written. Counts of what was tried go to
``$BATCH_FUZZ_STATS`` (a JSON file) when that variable is set.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conflict_ner.app import batch_output
from conflict_ner.app.batch import run_batch
from conflict_ner.text.repair import replace_surrogates

from .batch_fakes import FakeExtractor, SimulatedKill

STATS: Counter = Counter()
HUNG_SECONDS = 10.0  # one example's run taking longer than this counts as hung

FUZZ = settings(derandomize=True, deadline=None, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module", autouse=True)
def report_stats():
    yield
    target = os.environ.get("BATCH_FUZZ_STATS")
    if target:
        old = json.loads(Path(target).read_text()) if Path(target).exists() else {}
        keys = ["inputs_tried", "lines", "handled_ok", "handled_error", "crashed", "hung", "lost", "duplicated",
                "internal_error_lines", "planned_internal_lines", "runs", "kills"]
        total = Counter(old) + STATS
        Path(target).write_text(json.dumps({k: total[k] for k in keys}, indent=2))


# --- strategies ---------------------------------------------------------------------------

_RANGES = {
    "surrogate": (0xD800, 0xDFFF), "bidi": (0x202A, 0x202E), "isolate": (0x2066, 0x2069),
    "zero_width": (0x200B, 0x200F), "combining": (0x0300, 0x036F), "cjk": (0x4E00, 0x4E80),
    "arabic": (0x0600, 0x06FF), "hebrew": (0x05D0, 0x05EA), "emoji": (0x1F600, 0x1F64F),
}
odd_char = st.one_of(*[st.integers(lo, hi).map(chr) for lo, hi in _RANGES.values()],
                     st.sampled_from(["\ufeff", "\u2060", "\x00", "\r", "\u2028", "\u0085", "\ufffd"]))
word = st.sampled_from(["Rebels", "fired", "12", "rockets", "at", "Hama", "on", "Monday", "killing", "five",
                        "civilians", ".", ",", " ", " ", "\n", "Idlib", "troops", "said", "al-Assad", "3,000"])
chunk = st.one_of(word, word, odd_char, st.text(max_size=6))
texts = st.lists(chunk, max_size=40).map("".join)
ids = st.one_of(st.integers(0, 3), st.integers(0, 3).map(str), st.none(), st.text(max_size=4),
                st.sampled_from(["a@b", "x\ud800", "1@f0.jsonl:1", "line\nbreak"]))


def _stats_run(fn):
    """Run ``fn``, counting a crash (an exception out of the batch) or a hang."""
    STATS["runs"] += 1
    start = time.monotonic()
    try:
        return fn()
    except Exception:
        STATS["crashed"] += 1
        raise
    finally:
        STATS["hung"] += time.monotonic() - start > HUNG_SECONDS


def _lines(path: Path) -> list[dict]:
    return [json.loads(x.decode("utf-8")) for x in path.read_bytes().split(b"\n") if x]


def _check_spans(text: str, line: dict) -> None:
    for rec in line["records"]:
        spans = [rec["sentence"], *rec["actors"], *rec["locations"], *rec["weapons"], *rec["counts"]]
        spans += [rec["attribution"]] if rec["attribution"] else []
        for span in spans:
            assert text[span["start"]:span["end"]] == span["text"], (line["doc_id"], span)


def _account(expected: int, got: list[dict], planned_failures: bool = False) -> None:
    STATS["inputs_tried"] += expected
    ids = [x["doc_id"] for x in got]
    sources = [x["source"] for x in got]
    STATS["lines"] += len(got)
    STATS["lost"] += max(0, expected - len(set(sources)))
    STATS["duplicated"] += len(ids) - len(set(ids))
    STATS["handled_ok"] += sum(x["error"] is None for x in got)
    STATS["handled_error"] += sum(x["error"] is not None for x in got)
    internal = sum(x["error_kind"] == "internal" for x in got)
    STATS["planned_internal_lines" if planned_failures else "internal_error_lines"] += internal
    assert len(got) == expected == len(set(ids)) == len(set(sources))
    for x in got:
        assert (x["error"] is None) == (x["error_kind"] is None)
        assert x["error_kind"] in (None, "input", "timeout", "internal")


class _Dir:
    def __enter__(self) -> Path:
        # tmpfs where there is one: the contract's fsyncs cost nothing there
        shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
        self.path = Path(tempfile.mkdtemp(prefix="batch-fuzz-", dir=shm))
        return self.path

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _write_docs(path: Path, docs: list[tuple]) -> list[str]:
    lines = [json.dumps({"id": i, "text": t}) for i, t in docs]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    # what the file holds: JSON reads an escaped surrogate pair as one character
    return [json.loads(line)["text"] for line in lines]


# --- random unicode, fake extractor -------------------------------------------------------


@settings(FUZZ, max_examples=250)
@given(docs=st.lists(st.tuples(ids, texts), min_size=1, max_size=8), fmt=st.sampled_from(["jsonl", "jsonl", "csv"]))
@example(docs=[(None, "\ud800\udc00Rebels")], fmt="jsonl")  # an escaped pair reads back as one character
def test_random_unicode_each_input_one_line_exact_spans(docs, fmt):
    with _Dir() as tmp:
        src = tmp / "d.jsonl"
        text_of = dict(enumerate(_write_docs(src, docs), start=1))
        out = tmp / f"o.{fmt}"
        summary = _stats_run(lambda: run_batch(FakeExtractor(docs_per_chunk=3), [str(src)], out, fmt=fmt,
                                               progress=False))
        ledger = out if fmt == "jsonl" else tmp / "o.csv.done.jsonl"
        got = _lines(ledger)
        _account(len(docs), got)
        if fmt == "jsonl":
            for line in got:
                _check_spans(text_of[int(line["source"].rsplit(":", 1)[1])], line)
        before = out.read_bytes()
        again = run_batch(FakeExtractor(), [str(src)], out, fmt=fmt, progress=False)
        assert again.skipped == len(docs) == summary.written and out.read_bytes() == before


# --- random JSONL corruption --------------------------------------------------------------

good_line = st.builds(lambda i, t, p: {"id": i, "text": t, **({} if p is None else {"published": p})},
                      ids, texts, st.one_of(st.none(), st.sampled_from(["2024-05-08", "08/05/2024", "", "2024-13-45"]),
                                            st.integers(), st.lists(st.integers(), max_size=2)))
odd_object = st.fixed_dictionaries({}, optional={"id": st.one_of(ids, st.lists(st.integers(), max_size=2),
                                                                 st.booleans(), st.floats(allow_nan=True)),
                                                 "text": st.one_of(texts, st.none(), st.integers(), st.just("")),
                                                 "extra": st.integers()})


@st.composite
def raw_line(draw) -> bytes:
    """One line of a corrupted JSONL file (without its newline); b"" and spaces are blank lines."""
    kind = draw(st.sampled_from(["good", "good", "good", "odd", "truncated", "bad_utf8", "not_object",
                                 "blank", "nested", "bom", "crlf", "nul"]))
    if kind in ("not_object", "blank", "nested"):
        return {"not_object": lambda: draw(st.sampled_from([b"[1, 2]", b"42", b'"text"', b"null", b"true", b"{}"])),
                "blank": lambda: draw(st.sampled_from([b"", b"   ", b"\t", b"\r"])),
                "nested": lambda: b"[" * 100_000 + b"]" * 100_000}[kind]()
    if kind == "odd":
        return json.dumps(draw(odd_object)).encode()
    line = json.dumps(draw(good_line)).encode()
    if kind == "truncated":
        return line[:draw(st.integers(1, max(1, len(line) - 1)))]
    if kind == "bad_utf8":
        cut = draw(st.integers(0, len(line)))
        return line[:cut] + draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\x80", b"\xed\xa0\x80", b"\xf4\x90"])) + line[cut:]
    if kind == "bom":
        return b"\xef\xbb\xbf" + line
    if kind == "crlf":
        return line + b"\r"
    return line.replace(b'"text": "', b'"text": "\\u0000', 1) if kind == "nul" else line


@settings(FUZZ, max_examples=250)
@given(files=st.lists(st.lists(raw_line(), min_size=1, max_size=10), min_size=1, max_size=3),
       txts=st.lists(st.tuples(st.sampled_from(["a", "b"]), st.sampled_from(["x.txt", "Y.TXT", "z.Txt"]), texts),
                     max_size=3),
       last_newline=st.booleans())
def test_corrupt_jsonl_every_line_named_once(files, txts, last_newline):
    with _Dir() as tmp:
        inputs, expected = [], 0
        for n, raw_lines in enumerate(files):
            path = tmp / f"f{n}.jsonl"
            data = b"\n".join(raw_lines) + (b"\n" if last_newline else b"")
            path.write_bytes(data)
            inputs.append(str(path))
            expected += sum(1 for line in data.split(b"\n") if line.strip())
        for folder, name, text in txts:
            (tmp / folder).mkdir(exist_ok=True)
            if not (tmp / folder / name).exists():
                expected += 1
            (tmp / folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        inputs += sorted({str(tmp / folder) for folder, _, _ in txts})
        out = tmp / "o.jsonl"
        _stats_run(lambda: run_batch(FakeExtractor(docs_per_chunk=2), inputs, out, progress=False))
        got = _lines(out)
        _account(expected, got)
        for line in got:
            if line["error"]:
                assert line["error_kind"] != "internal", line  # bad input is named, not a bug


# --- kill points ----------------------------------------------------------------------------


@settings(FUZZ, max_examples=200)
@given(docs=st.lists(st.tuples(ids, st.one_of(texts, st.sampled_from(["", " ", "<fail> X", "<hang> Y", "<crash> Z"]))),
                     min_size=1, max_size=10),
       kills=st.lists(st.tuples(st.sampled_from(["after_result", "mid_write"]), st.integers(0, 12)), max_size=3),
       fmt=st.sampled_from(["jsonl", "csv"]))
def test_kills_then_reruns_lose_and_duplicate_nothing(docs, kills, fmt):
    with _Dir() as tmp:
        src = tmp / "d.jsonl"
        _write_docs(src, docs)
        full = tmp / f"full.{fmt}"
        run_batch(FakeExtractor(docs_per_chunk=3), [str(src)], full, fmt=fmt, progress=False)
        out = tmp / f"o.{fmt}"
        real_write = batch_output._write_all
        for how, k in kills:
            STATS["kills"] += 1
            if how == "after_result":
                ex = FakeExtractor(docs_per_chunk=3, stop_after=k)
            else:
                ex = FakeExtractor(docs_per_chunk=3)
                calls = Counter()

                def dying(fd, data, k=k, calls=calls):
                    calls["n"] += 1
                    if calls["n"] > k:
                        real_write(fd, data[: len(data) // 2])
                        raise SimulatedKill()
                    real_write(fd, data)

                batch_output._write_all = dying
            try:
                run_batch(ex, [str(src)], out, fmt=fmt, progress=False)
            except SimulatedKill:
                pass
            finally:
                batch_output._write_all = real_write
        _stats_run(lambda: run_batch(FakeExtractor(docs_per_chunk=3), [str(src)], out, fmt=fmt, progress=False))
        _account(len(docs), _lines(out if fmt == "jsonl" else tmp / "o.csv.done.jsonl"), planned_failures=True)
        assert out.read_bytes() == full.read_bytes()


# --- random unicode through the tiny model ------------------------------------------------


@pytest.fixture(scope="module")
def tiny_extractor(tiny_model_dir):
    from conflict_ner.extractor import EventExtractor

    return EventExtractor.from_pretrained(tiny_model_dir, docs_per_chunk=4, time_budget=20)


@settings(FUZZ, max_examples=80)
@given(docs=st.lists(texts.filter(str.strip), min_size=1, max_size=4))
def test_random_unicode_through_the_tiny_model(tiny_extractor, docs):
    results = list(tiny_extractor.extract_batch({"id": str(i), "text": t} for i, t in enumerate(docs)))
    assert [r.doc_id for r in results] == [str(i) for i in range(len(docs))]
    for text, result in zip(docs, results):
        for e in result.entities:
            assert replace_surrogates(text)[e.start:e.end] == e.text
    with _Dir() as tmp:
        src = tmp / "d.jsonl"
        as_read = _write_docs(src, list(enumerate(docs)))
        out = tmp / "o.jsonl"
        _stats_run(lambda: run_batch(tiny_extractor, [str(src)], out, progress=False))
        got = _lines(out)
        _account(len(docs), got)
        for line in got:
            assert line["error_kind"] != "internal", line["error"]  # a bug in the rules
            _check_spans(replace_surrogates(as_read[int(line["doc_id"])]), line)
