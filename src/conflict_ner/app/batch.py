"""The batch script's input reading and resumable output writing.

Inputs: ``.txt`` files, folders (their ``.txt`` and ``.jsonl`` files, recursively, in
name order), and JSONL files with ``id``, ``text``, ``published``. Output: JSONL, one
line per input, or CSV, one row per event. Re-running skips inputs already written, so
a killed run loses nothing and duplicates nothing.

>>> # n = run_batch(extractor, ["articles/"], "events.jsonl")
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conflict_ner.errors import ConflictNerError
from conflict_ner.events.counts import outcome_total
from conflict_ner.records import EventRecord

CSV_COLUMNS = ["event_date", "time_precision", "actor1", "actor2", "location", "weapons", "fatalities",
               "injured", "notes", "source_id", "modality"]
_ACLED_PRECISION = {"day": 1, "week": 2, "month": 2, "year": 3, "unknown": 3}


@dataclass
class InputItem:
    """One input document, or the reason it could not be read."""

    doc_id: str
    text: str | None = None
    published: str | None = None
    error: str | None = None

    def as_mapping(self) -> dict[str, Any]:
        return {"id": self.doc_id, "text": self.text, "published": self.published}


def _read_txt(path: Path, doc_id: str, max_bytes: int) -> InputItem:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputItem(doc_id, error=f"input is {size:,} bytes, above the limit of {max_bytes:,}")
        raw = path.read_bytes()
    except OSError as err:
        return InputItem(doc_id, error=f"cannot read: {err.strerror}")
    if b"\x00" in raw:
        return InputItem(doc_id, error="not a text file (NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return InputItem(doc_id, error=f"not UTF-8 (byte {err.start}: {err.reason})")
    return InputItem(doc_id, text)


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[InputItem]:
    with open(path, "rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            fallback = f"{path.name}:{lineno}"
            if len(raw) > max_bytes + 1000:
                yield InputItem(fallback, error=f"line is {len(raw):,} bytes, above the limit of {max_bytes:,}")
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as err:
                yield InputItem(fallback, error=f"{path}:{lineno}: not UTF-8 (byte {err.start})")
                continue
            except json.JSONDecodeError as err:
                yield InputItem(fallback, error=f"{path}:{lineno}: invalid JSON: {err.msg}")
                continue
            if not isinstance(obj, dict):
                yield InputItem(fallback, error=f"{path}:{lineno}: expected an object with 'text'")
                continue
            doc_id = str(obj["id"]) if obj.get("id") is not None else fallback
            text = obj.get("text")
            if not isinstance(text, str):
                yield InputItem(doc_id, error=f"{path}:{lineno}: field 'text' missing or not a string")
                continue
            published = obj.get("published")
            yield InputItem(doc_id, text, published if isinstance(published, str) else None)


def iter_inputs(inputs: list[str], max_bytes: int) -> Iterator[InputItem]:
    """Every input document, streamed (a JSONL file is read line by line)."""
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in (".txt", ".jsonl"))
            for f in files:
                rel = f.relative_to(path).as_posix()
                if f.suffix == ".jsonl":
                    yield from _read_jsonl(f, max_bytes)
                else:
                    yield _read_txt(f, rel, max_bytes)
        elif path.suffix == ".jsonl" and path.is_file():
            yield from _read_jsonl(path, max_bytes)
        elif path.is_file():
            yield _read_txt(path, path.name, max_bytes)
        else:
            yield InputItem(name, error="no such file or folder")


def count_inputs(inputs: list[str]) -> int:
    """How many documents the inputs hold (for the progress bar); cheap line/file counting."""
    n = 0
    for name in inputs:
        path = Path(name)
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".jsonl")) \
            if path.is_dir() else []
        for f in files:
            if f.suffix == ".jsonl":
                with open(f, "rb") as handle:
                    n += sum(1 for line in handle if line.strip())
            else:
                n += 1
        n += not files and not path.exists()
    return n


def _repair_tail(path: Path) -> None:
    """Cut a partly written last line (a kill mid-write), so the file holds whole lines only."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    with open(path, "rb+") as handle:
        data = handle.read()
        if data.endswith(b"\n"):
            return
        cut = data.rfind(b"\n") + 1
        handle.truncate(cut)


def done_ids(output: Path, fmt: str) -> set[str]:
    """Ids of inputs already written by an earlier run."""
    ledger = output if fmt == "jsonl" else _ledger(output)
    _repair_tail(ledger)
    if fmt == "csv":
        _repair_tail(output)
    out: set[str] = set()
    if ledger.is_file():
        with open(ledger, encoding="utf-8") as handle:
            for line in handle:
                if fmt == "jsonl":
                    out.add(json.loads(line)["doc_id"])
                else:
                    out.add(line.rstrip("\n"))
    return out


def _ledger(output: Path) -> Path:
    return output.with_name(output.name + ".done")


def csv_rows(records: list[EventRecord], doc_id: str | None) -> list[list[Any]]:
    """ACLED-like rows, one per event: ``actor1`` the initiators, ``actor2`` the targets (actors of
    unknown role go to actor1 when nothing else is there, else to actor2); fatalities and injured
    are totals that do not add a part to its whole ("9 civilians, including 4 children" is 9)."""
    rows = []
    for r in records:
        initiators = [a.text for a in r.actors if a.role == "initiator"]
        targets = [a.text for a in r.actors if a.role == "target"]
        unknown = [a.text for a in r.actors if a.role == "unknown"]
        if initiators:
            side1, side2 = initiators, targets + unknown
        elif unknown:
            side1, side2 = unknown, targets
        else:
            side1, side2 = [], targets
        killed = outcome_total(r.sentence, r.counts, "killed")
        injured = outcome_total(r.sentence, r.counts, "injured")
        rows.append([r.date.value or "", _ACLED_PRECISION[r.date.precision], "; ".join(side1), "; ".join(side2),
                     "; ".join(x.text for x in r.locations), "; ".join(x.text for x in r.weapons),
                     "" if killed is None else killed, "" if injured is None else injured,
                     " ".join(r.sentence.text.split()), doc_id or "", r.modality])
    return rows


@dataclass
class BatchSummary:
    written: int = 0
    skipped: int = 0
    errors: int = 0
    records: int = 0


class _JsonlSink:
    """One JSON line per input; the output itself records what is done."""

    def __init__(self, output: Path, model_name: str | None):
        self.handle = open(output, "a", encoding="utf-8")
        self.model_name = model_name

    def write(self, doc_id: str, records: list[EventRecord], error: str | None) -> None:
        line = {"doc_id": doc_id, "model": self.model_name, "schema_version": "1",
                "records": [r.to_dict() for r in records], "error": error}
        self.handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()


class _CsvSink:
    """One row per event; ``OUTPUT.done`` lists the inputs whose rows are all written."""

    def __init__(self, output: Path):
        new = not output.is_file() or output.stat().st_size == 0
        self.handle = open(output, "a", encoding="utf-8", newline="")
        self.ledger = open(_ledger(output), "a", encoding="utf-8")
        self.writer = csv.writer(self.handle)
        if new:
            self.writer.writerow(CSV_COLUMNS)

    def write(self, doc_id: str, records: list[EventRecord], error: str | None) -> None:
        self.writer.writerows(csv_rows(records, doc_id))
        self.handle.flush()
        os.fsync(self.handle.fileno())  # rows reach the disk before the ledger says they did
        self.ledger.write(doc_id + "\n")
        self.ledger.flush()

    def close(self) -> None:
        self.handle.close()
        self.ledger.close()


def run_batch(extractor, inputs: list[str], output: str | Path, *, fmt: str = "jsonl",
              batch_size: int = 32, progress: bool = True) -> BatchSummary:
    """Extract events from every input into ``output``, resuming where an earlier run stopped."""
    from tqdm.auto import tqdm

    if fmt not in ("jsonl", "csv"):
        raise ConflictNerError(f"unknown output format {fmt!r}")
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    done = done_ids(output, fmt)
    summary = BatchSummary()
    bar = tqdm(total=count_inputs(inputs), desc="extracting", unit="doc", disable=not progress)
    sink = _JsonlSink(output, extractor.name) if fmt == "jsonl" else _CsvSink(output)
    try:
        items: list[InputItem] = []
        for item in iter_inputs(inputs, extractor.max_input_bytes):
            if item.doc_id in done:
                summary.skipped += 1
                bar.update(1)
                continue
            done.add(item.doc_id)  # a repeated id in the inputs is processed once
            items.append(item)
            if len(items) >= batch_size:
                _process(extractor, items, sink, summary, bar)
                items = []
        if items:
            _process(extractor, items, sink, summary, bar)
    finally:
        sink.close()
        bar.close()
    return summary


def _process(extractor, items: list[InputItem], sink, summary: BatchSummary, bar) -> None:
    good = [i for i in items if i.error is None]
    results = dict(zip(map(id, good), extractor.extract_batch([i.as_mapping() for i in good],
                                                               batch_size=max(1, len(good)))))
    for item in items:
        result = results.get(id(item))
        error = item.error if result is None else result.error
        records = list(result.records) if result is not None else []
        sink.write(item.doc_id, records, error)
        summary.written += 1
        summary.errors += error is not None
        summary.records += len(records)
        bar.update(1)
