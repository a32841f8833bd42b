"""The batch path's output file: locked, tied to the model that writes it, resumable.

Beside ``OUT`` (JSONL, one line per input; or CSV, one row per event: ``csv``, ``acled``, ``ucdp``)
live its sidecars (for Parquet, ``OUT`` is written from the JSONL lines of ``OUT.jsonl`` at every
close, and the sidecars are that file's):

- ``OUT.meta.json``: the model identity and format that wrote ``OUT``; its presence is what
  makes ``OUT`` this tool's output (anything else is never edited), and it carries the
  lock (``fcntl.flock``) that keeps a second run from writing ``OUT`` at the same time;
- ``OUT.done.jsonl`` (CSV only): one JSON line per finished input with the byte offset
  where its rows end, so a kill between rows and ledger is cut back exactly;
- ``OUT.errors.jsonl``: the failed inputs, rewritten at the end of each run (absent if none).

On resume only this tool's own unfinished tail is cut: a partial last line (a kill or a full
disk mid-write), CSV rows past the last ledger entry.

>>> sorted(p.name for p in sidecars(Path("out.csv")))
['out.csv.done.jsonl', 'out.csv.done.jsonl.tmp', 'out.csv.errors.jsonl', 'out.csv.errors.jsonl.tmp', \
'out.csv.meta.json', 'out.csv.tmp']
"""

from __future__ import annotations

import errno
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conflict_ner.app.batch_rows import ROW_FORMATS, csv_bytes, json_line, row_format
from conflict_ner.errors import ConflictNerError
from conflict_ner.schema import SCHEMA_VERSION

try:
    import fcntl
except ImportError:  # Windows: no advisory locks, the rest works
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger("conflict_ner")
LEDGER_VERSION = 1
# identity keys that do not change what a finished input's line says (where the model lies,
# how big inputs may be, how long one may take, how documents are grouped)
NEUTRAL_KEYS = {"path", "model_path", "name", "model", "max_input_bytes", "time_budget", "docs_per_chunk"}


class OutputError(ConflictNerError):
    """The output cannot be used or written (not ours, another model's, locked, disk full)."""


def sidecars(output: Path) -> list[Path]:
    """Every file this tool writes beside ``output`` (never read as input)."""
    names = [".meta.json", ".done.jsonl", ".errors.jsonl", ".tmp", ".done.jsonl.tmp", ".errors.jsonl.tmp"]
    return [output.with_name(output.name + n) for n in names]


def _write_all(fd: int, data: bytes) -> None:
    """``os.write`` until all of ``data`` is written (one call for a line, in practice)."""
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _flatten(obj: Any, prefix: str = "") -> dict[str, Any]:
    if not isinstance(obj, dict):
        return {prefix: obj}
    out: dict[str, Any] = {}
    for k, v in obj.items():
        out.update(_flatten(v, f"{prefix}.{k}" if prefix else str(k)))
    return out


def identity_differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Keys (dotted) where two model identities differ in a way that changes results.

    >>> identity_differences({"fingerprint": "a", "path": "x"}, {"fingerprint": "b", "path": "y"})
    ['fingerprint']
    """
    a, b = _flatten(old), _flatten(new)
    return sorted(k for k in a.keys() | b.keys()
                  if k.rsplit(".", 1)[-1] not in NEUTRAL_KEYS and a.get(k) != b.get(k))


@dataclass
class DoneState:
    """Inputs an earlier run finished: ``ok`` ids, and ``failed`` ids with their error entry."""

    ok: set[str] = field(default_factory=set)
    failed: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.ok or doc_id in self.failed

    def add(self, entry: dict[str, Any]) -> None:
        doc_id = entry["doc_id"]
        if entry.get("error") is None:
            self.ok.add(doc_id)
            self.failed.pop(doc_id, None)
        elif doc_id not in self.ok:
            self.failed[doc_id] = {"doc_id": doc_id, "source": entry.get("source"),
                                   "error_kind": entry.get("error_kind") or "input", "error": entry["error"]}


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _lines_with_offsets(path: Path):
    """``(offset, line)`` of a file's lines; the last one may lack its newline."""
    offset = 0
    with open(path, "rb") as handle:
        for raw in handle:
            yield offset, raw
            offset += len(raw)


def _truncate(path: Path, size: int) -> None:
    with open(path, "rb+") as handle:
        handle.truncate(size)
        handle.flush()
        os.fsync(handle.fileno())


class BatchOutput:
    """The output file of one run: ``open`` (lock, check, repair, what is done), ``write`` per
    input, ``close`` (errors report, unlock)."""

    def __init__(self, path: str | Path, fmt: str, identity: dict[str, Any], model_name: str | None):
        if fmt not in ("jsonl", "parquet", *ROW_FORMATS):
            raise OutputError(f"unknown output format {fmt!r}")
        self.path = Path(os.path.realpath(path))
        # Parquet is written whole from resumable JSONL lines beside it (``OUT.jsonl``)
        self.export = self.path if fmt == "parquet" else None
        if self.export is not None:
            self.path = self.export.with_name(self.export.name + ".jsonl")
        # ``format`` as asked; ``fmt`` how its lines are written (jsonl, or csv rows of ``rows``)
        self.format, self.fmt = fmt, "jsonl" if fmt in ("jsonl", "parquet") else "csv"
        self.rows = row_format(fmt) if self.fmt == "csv" else None
        self.header = self.rows.header if self.rows else b""
        self.identity, self.model_name = identity, model_name
        (self.meta, self.ledger, self.report, self.tmp, self.ledger_tmp,
         self.report_tmp) = sidecars(self.path)
        own = [self.path, *sidecars(self.path), *([self.export] if self.export else [])]
        self.own = {os.path.realpath(p) for p in own}
        self.state = DoneState()
        self.new_failures = 0
        self._lock_fd: int | None = None
        self._out_fd: int | None = None
        self._ledger_fd: int | None = None
        self._csv_end = 0
        self._broken: str | None = None

    def is_own_file(self, path: str) -> bool:
        """Whether ``path`` is the output or one of its sidecars (so never an input)."""
        return os.path.realpath(path) in self.own

    # --- opening ------------------------------------------------------------------------

    def open(self, *, overwrite: bool = False, retry_errors: bool = False) -> DoneState:
        """Lock the output, check it is ours and the model's, cut its unfinished tail, and
        return what is done. ``overwrite`` starts afresh; ``retry_errors`` forgets failed inputs."""
        if self.path.is_dir():
            raise OutputError(f"{self.path}: is a folder, not an output file")
        if self.export is not None and self.export.exists() and not (overwrite or self.meta.exists()):
            raise OutputError(f"{self.export} exists and is not known to be this tool's output (no {self.meta.name} "
                              "beside it): nothing was changed; choose another -o, or pass --overwrite to replace it")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        existed = self.meta.exists()
        try:
            self._lock_fd = os.open(self.meta, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise OutputError(f"cannot create {self.meta}: {err.strerror}") from None
        if fcntl is not None:
            try:
                fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(self._lock_fd)
                self._lock_fd = None
                raise OutputError(f"{self.path} is being written by another run (it holds the lock on "
                                  f"{self.meta.name}); wait for it to finish or stop it") from None
        try:
            self._open_locked(existed, overwrite, retry_errors)
        except OSError as err:
            self._release()
            raise OutputError(f"cannot prepare {self.path} for writing: {err.strerror} ({err.filename or ''}); "
                              "nothing was lost: fix that and rerun the same command") from None
        except BaseException:
            self._release()
            raise
        return self.state

    def _open_locked(self, meta_existed: bool, overwrite: bool, retry_errors: bool) -> None:
        self._recover_rewrite()
        size = self.path.stat().st_size if self.path.exists() else 0
        if size and not overwrite:
            meta = self._read_meta()
            if meta is None:
                if not meta_existed:
                    os.unlink(self.meta)
                raise OutputError(f"{self.path} exists and is not known to be this tool's output (no valid "
                                  f"{self.meta.name} beside it): nothing was changed; choose another -o, or "
                                  "pass --overwrite to replace it")
            self._check_meta(meta)
            self._load()
            if retry_errors and self.state.failed:
                self._drop_failed()
        else:
            self._start_fresh()
        self._out_fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        if self.fmt == "csv":
            self._ledger_fd = os.open(self.ledger, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def _read_meta(self) -> dict[str, Any] | None:
        try:
            meta = json.loads(os.pread(self._lock_fd, 1 << 24, 0) or b"null")
        except ValueError:
            return None
        return meta if isinstance(meta, dict) and meta.get("tool") == "conflict-ner extract" else None

    def _check_meta(self, meta: dict[str, Any]) -> None:
        if meta.get("format") != self.format:
            raise OutputError(f"{self.path} was written as {meta.get('format')}, not {self.format}; "
                              "choose another -o, or pass --overwrite to start over")
        diff = identity_differences(meta.get("identity") or {}, self.identity)
        if diff:
            raise OutputError(f"{self.path} was written by another model or settings (they differ in: "
                              f"{', '.join(diff[:8])}); resuming would mix their results. Choose another -o, "
                              "or pass --overwrite to start over with this model")

    def _start_fresh(self) -> None:
        for p in (self.ledger, self.report):
            p.unlink(missing_ok=True)
        open(self.path, "wb").close()  # the output first: a kill now leaves an empty output
        meta = {"tool": "conflict-ner extract", "ledger_version": LEDGER_VERSION, "format": self.format,
                "model": self.model_name, "identity": self.identity}
        os.ftruncate(self._lock_fd, 0)
        _write_all_at(self._lock_fd, json.dumps(meta, indent=2, ensure_ascii=False, default=str)
                      .encode("utf-8", "backslashreplace") + b"\n")
        os.fsync(self._lock_fd)
        if self.fmt == "csv":
            with open(self.path, "ab") as handle:
                handle.write(self.header)
            self._csv_end = len(self.header)

    # --- what is done -------------------------------------------------------------------

    def _load(self) -> None:
        if self.fmt == "jsonl":
            self._load_jsonl()
        else:
            self._load_csv()

    def _bad_line(self, path: Path, lineno: int, why: str) -> OutputError:
        return OutputError(f"{path}:{lineno}: {why}, not a line this tool writes (edited by hand?); "
                           "fix or remove that line, or pass --overwrite to start over")

    def _parse_entry(self, path: Path, lineno: int, raw: bytes) -> dict[str, Any]:
        try:
            obj = json.loads(raw)
        except ValueError:
            raise self._bad_line(path, lineno, "invalid JSON") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("doc_id"), str) or "error" not in obj:
            raise self._bad_line(path, lineno, "no doc_id and error")
        return obj

    def _load_jsonl(self) -> None:
        cut = None
        for lineno, (offset, raw) in enumerate(_lines_with_offsets(self.path), start=1):
            if not raw.endswith(b"\n"):
                cut = offset  # a write cut short by a kill or a full disk
                break
            if raw.strip():  # a blank line is harmless
                self.state.add(self._parse_entry(self.path, lineno, raw))
        if cut is not None:
            _truncate(self.path, cut)

    def _load_csv(self) -> None:
        with open(self.path, "rb") as handle:
            head = handle.read(len(self.header))
        size = self.path.stat().st_size
        if head != self.header:
            if len(head) < len(self.header) and self.header.startswith(head):  # killed writing the header
                _truncate(self.path, 0)
                with open(self.path, "ab") as handle:
                    handle.write(self.header)
                self.ledger.unlink(missing_ok=True)
                self._csv_end = len(self.header)
                return
            raise OutputError(f"{self.path}: the first row is not this tool's CSV header; choose another -o, "
                              "or pass --overwrite to start over")
        end, cut = len(self.header), None
        if self.ledger.exists():
            for lineno, (offset, raw) in enumerate(_lines_with_offsets(self.ledger), start=1):
                if not raw.endswith(b"\n"):
                    cut = offset
                    break
                if not raw.strip():
                    continue
                entry = self._parse_entry(self.ledger, lineno, raw)
                row_end = entry.get("end")
                if not isinstance(row_end, int) or not end <= row_end <= size:
                    cut = offset  # rows the CSV does not hold (lost to a crash): redo from here
                    break
                end = row_end
                self.state.add(entry)
            if cut is not None:
                _truncate(self.ledger, cut)
        if size > end:
            _truncate(self.path, end)  # rows of an input the ledger does not list as finished
        self._csv_end = end

    # --- retrying failed inputs ---------------------------------------------------------

    def _drop_failed(self) -> None:
        """Remove failed inputs' lines (and CSV rows) so they run again; crash-safe: temporary
        copies, fsync, rename (see :meth:`_recover_rewrite`)."""
        failed = self.state.failed
        if self.fmt == "jsonl":
            with open(self.tmp, "wb") as dst:
                for _, raw in _lines_with_offsets(self.path):
                    if raw.strip() and json.loads(raw).get("error") is None:
                        dst.write(raw)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(self.tmp, self.path)
        else:
            with open(self.path, "rb") as src, open(self.tmp, "wb") as dst, open(self.ledger_tmp, "wb") as led:
                dst.write(self.header)
                start = len(self.header)
                new_end = start
                for _, raw in _lines_with_offsets(self.ledger):
                    if not raw.strip():
                        continue
                    entry = json.loads(raw)
                    src.seek(start)
                    rows = src.read(entry["end"] - start)
                    start = entry["end"]
                    if entry.get("error") is None:
                        dst.write(rows)
                        new_end += len(rows)
                        led.write(json_line({**entry, "end": new_end}))
                dst.flush()
                os.fsync(dst.fileno())
                led.flush()
                os.fsync(led.fileno())
            os.replace(self.tmp, self.path)  # the commit point: the ledger follows
            os.replace(self.ledger_tmp, self.ledger)
            self._csv_end = new_end
        _fsync_dir(self.path)
        self.state.failed = {}

    def _recover_rewrite(self) -> None:
        """Finish or undo a retry rewrite a kill interrupted."""
        if self.ledger_tmp.exists():
            if self.tmp.exists():  # the CSV was not replaced yet: undo
                self.tmp.unlink()
                self.ledger_tmp.unlink()
            else:  # the CSV was replaced: its ledger must follow
                os.replace(self.ledger_tmp, self.ledger)
        self.tmp.unlink(missing_ok=True)
        self.report_tmp.unlink(missing_ok=True)

    # --- writing ------------------------------------------------------------------------

    def write(self, doc_id: str, source: str | None, records=(), error: str | None = None,
              error_kind: str | None = None, fields: dict[str, Any] | None = None) -> str | None:
        """The line (JSONL) or rows and ledger entry (CSV) of one finished input; returns the
        error written (records that cannot be written become an ``internal`` error). ``fields``
        (provenance, see ``InputItem.line_fields``) end the JSONL line; its ``text`` only on a
        line without error, where offsets index it."""
        if self._broken:
            raise OutputError(self._broken)
        if error is not None and error_kind is None:
            error_kind = "input"
        try:
            payload = self._payload(doc_id, source, records, error, error_kind, fields)
        except Exception as err:  # noqa: BLE001 - a record that cannot be written is one error line
            logger.error("cannot write the records of %s", doc_id, exc_info=True)
            error, error_kind = f"internal error writing records: {type(err).__name__}: {err}", "internal"
            payload = self._payload(doc_id, source, (), error, error_kind, fields)
        try:
            _write_all(self._out_fd, payload)
            if self.fmt == "csv":
                self._csv_end += len(payload)
                _write_all(self._ledger_fd, json_line({"doc_id": doc_id, "source": source, "error_kind": error_kind,
                                                       "error": error, "end": self._csv_end}))
        except OSError as err:
            what = "the disk is full" if err.errno in (errno.ENOSPC, errno.EDQUOT) else err.strerror
            self._broken = (f"cannot write {self.path}: {what}. The run stopped; what it wrote is kept and "
                            "resumable: make room and rerun the same command")
            raise OutputError(self._broken) from None
        entry = {"doc_id": doc_id, "source": source, "error_kind": error_kind, "error": error}
        self.state.add(entry)
        self.new_failures += error is not None
        return error

    def _payload(self, doc_id: str, source: str | None, records, error: str | None,
                 error_kind: str | None, fields: dict[str, Any] | None = None) -> bytes:
        if self.fmt == "jsonl":
            line = {"doc_id": doc_id, "model": self.model_name, "schema_version": SCHEMA_VERSION,
                    "records": [r.to_dict() for r in records], "error": error, "error_kind": error_kind,
                    "source": source}
            line.update((k, v) for k, v in (fields or {}).items() if not (k == "text" and error is not None))
            return json_line(line)
        return csv_bytes(self.rows.rows(records, doc_id, fields) if error is None
                         else self.rows.error_rows(doc_id, error_kind, error))

    # --- closing ------------------------------------------------------------------------

    def write_report(self) -> Path | None:
        """``OUT.errors.jsonl``: every failed input in the output (removed when there is none)."""
        if not self.state.failed:
            self.report.unlink(missing_ok=True)
            return None
        with open(self.report_tmp, "wb") as handle:
            for entry in self.state.failed.values():
                handle.write(json_line(entry))
        os.replace(self.report_tmp, self.report)
        return self.report

    def close(self) -> Path | None:
        """Write the errors report and release the lock; returns the report's path if any."""
        try:
            if self._lock_fd is None:
                return None
            report = self.write_report()
            if self.export is not None:
                from conflict_ner.exports.parquet import jsonl_to_parquet

                jsonl_to_parquet(self.path, self.export)
            return report
        finally:
            self._release()

    def _release(self) -> None:
        for name in ("_out_fd", "_ledger_fd", "_lock_fd"):  # the lock last
            fd = getattr(self, name)
            if fd is not None:
                os.close(fd)
                setattr(self, name, None)


def _write_all_at(fd: int, data: bytes) -> None:
    offset = 0
    while offset < len(data):
        offset += os.pwrite(fd, data[offset:], offset)
