"""The batch path: every input document to one output line, resumable, nothing lost.

:func:`run_batch` reads the inputs (:mod:`batch_inputs`), streams them through
``extractor.extract_batch`` (which owns chunking and the per-document time budget) and
writes each result as it arrives (:mod:`batch_output`). The contract (README, "Batch
contract"): each input gets exactly one line, records or a named error, across kills and
reruns; ids are unique per run; the output is tied to its model, locked, and never read
as input; SIGTERM/SIGINT stop cleanly after the document being written.

>>> # summary = run_batch(extractor, ["articles/"], "events.jsonl")
"""

from __future__ import annotations

import logging
import signal
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conflict_ner.app.batch_ingest import prepare
from conflict_ner.app.batch_inputs import InputItem, InputOptions, UniqueIds, count_inputs, iter_inputs
from conflict_ner.app.batch_output import BatchOutput, OutputError
from conflict_ner.app.batch_rows import CSV_COLUMNS, csv_rows  # noqa: F401  (re-exported)

logger = logging.getLogger("conflict_ner")


@dataclass
class BatchSummary:
    """What one run did; ``failed_total`` counts failed inputs in the whole output."""

    seen: int = 0
    written: int = 0
    skipped: int = 0
    errors: int = 0
    records: int = 0
    failed_total: int = 0
    renamed: list[tuple[str, str]] = field(default_factory=list)
    ignored_files: int = 0
    interrupted: str | None = None
    report: Path | None = None

    def line(self, output: str | Path) -> str:
        """The one-line summary the command prints."""
        parts = [f"{self.seen} input(s): {self.written} written ({self.records} event records)",
                 f"{self.skipped} already done"]
        if self.failed_total:
            failed = f"{self.errors} failed" if self.errors == self.failed_total else \
                f"{self.errors} failed now, {self.failed_total} in the output"
            parts.append(f"{failed} (listed in {self.report})")
        if self.renamed:
            parts.append(f"{len(self.renamed)} duplicate id(s) renamed")
        if self.ignored_files:
            parts.append(f"{self.ignored_files} other file(s) in folders ignored")
        text = ", ".join(parts) + f" -> {output}"
        if self.interrupted:
            text = f"interrupted by {self.interrupted}; rerun the same command to resume. " + text
        return text


class Interrupted(BaseException):
    """A stop signal arrived (raised outside a write, so no line is half written); a
    BaseException, like KeyboardInterrupt, so that no ``except Exception`` swallows it."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class _Signals:
    """SIGTERM/SIGINT raise :class:`Interrupted`, but never in the middle of a write: a signal
    that arrives while writing waits for the write to finish."""

    def __init__(self) -> None:
        self.writing = False
        self.pending: int | None = None
        self._old: dict[int, Any] = {}

    def __enter__(self) -> "_Signals":
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                self._old[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)

    def _handle(self, signum, frame) -> None:
        self.pending = signum
        if not self.writing:
            raise Interrupted(signum)

    def critical(self) -> "_Critical":
        """``with signals.critical():`` a block no signal interrupts (it raises after it)."""
        return _Critical(self)


class _Critical:
    def __init__(self, signals: _Signals):
        self.signals = signals

    def __enter__(self) -> None:
        self.signals.writing = True

    def __exit__(self, exc_type, exc, tb) -> None:
        self.signals.writing = False
        if exc_type is None and self.signals.pending is not None:
            raise Interrupted(self.signals.pending)


def _safe_results(extractor, feed: Iterator[dict[str, Any]], pending: deque) -> Iterator[Any]:
    """``extractor.extract_batch(feed)``, but if it dies on an unexpected exception, the inputs it
    had taken and not answered are tried alone, one result each (an ``internal`` error for the one
    that fails again), and the rest of ``feed`` goes on in a fresh call."""
    while True:
        try:
            for result in extractor.extract_batch(feed):
                yield result
            return
        except Exception as err:  # noqa: BLE001 - a bug must cost one input, not the run
            if not any(i.error is None for i in pending):
                raise  # it failed before taking an input: not an input's fault
            logger.error("extract_batch failed (%s: %s); retrying its unanswered inputs one by one",
                         type(err).__name__, err, exc_info=True)
            for item in [i for i in pending if i.error is None]:
                try:
                    (result,) = list(extractor.extract_batch([item.as_mapping()]))
                except Exception as again:  # noqa: BLE001
                    logger.error("input %s failed alone", item.doc_id, exc_info=True)
                    result = _internal_result(item.doc_id, again)
                yield result


@dataclass(frozen=True)
class _Failure:
    doc_id: str
    error: str
    error_kind: str = "internal"
    records: tuple = ()


def _internal_result(doc_id: str, err: BaseException) -> _Failure:
    return _Failure(doc_id, f"internal error: {type(err).__name__}: {str(err)[:300]}")


def run_batch(extractor, inputs: list[str], output: str | Path, *, fmt: str = "jsonl", overwrite: bool = False,
              retry_errors: bool = False, progress: bool = True, options: InputOptions | None = None) -> BatchSummary:
    """Extract events from every input into ``output``, resuming where an earlier run stopped;
    ``options`` say how inputs are read (a default date, the language gate, stdin).

    Raises :class:`OutputError` when the output is not this tool's, another model's, locked,
    an input itself, or cannot be written (the file stays resumable).
    """
    from tqdm.auto import tqdm

    options = InputOptions() if options is None else options
    out = BatchOutput(output, fmt, extractor.identity(), extractor.name)
    for name in inputs:
        if out.is_own_file(name):
            raise OutputError(f"{name} is the output (or one of its files) and also an input; choose another -o")
    done = out.open(overwrite=overwrite, retry_errors=retry_errors)
    summary = BatchSummary()
    ids = UniqueIds()
    ignored: list[str] = []
    bar = tqdm(total=count_inputs(inputs, out.is_own_file), desc="extracting", unit="doc", disable=not progress)
    pending: deque[InputItem] = deque()

    def feed() -> Iterator[dict[str, Any]]:
        for item in iter_inputs(inputs, extractor.max_input_bytes, ids, out.is_own_file, ignored, options):
            summary.seen += 1
            if item.doc_id in done:
                summary.skipped += 1
                bar.update(1)
                continue
            pending.append(prepare(item, options))  # pages are parsed, URLs fetched, only now
            if item.error is None:
                yield item.as_mapping()

    def write(item: InputItem, records=(), error=None, error_kind=None) -> None:
        with signals.critical():
            error = out.write(item.doc_id, item.source, records, error, error_kind, item.line_fields())
            summary.written += 1
            summary.errors += error is not None
            summary.records += len(records) if error is None else 0
            bar.update(1)

    def flush_failed_reads() -> None:
        while pending and pending[0].error is not None:
            item = pending.popleft()
            write(item, error=item.error, error_kind=item.error_kind)

    try:
        with _Signals() as signals:
            try:
                for result in _safe_results(extractor, feed(), pending):
                    flush_failed_reads()
                    item = pending.popleft()
                    if result.doc_id != item.doc_id:
                        raise OutputError(f"extract_batch answered {result.doc_id!r} for input {item.doc_id!r}: "
                                          "results out of order (a bug)")
                    records = tuple(result.records) if result.error is None else ()
                    write(item, records, result.error, getattr(result, "error_kind", None))
                flush_failed_reads()
            except Interrupted as stop:
                summary.interrupted = str(stop)
    finally:
        bar.close()
        try:
            summary.report = out.close()
        except OSError as err:
            logger.error("cannot write the errors report %s: %s", out.report, err.strerror)
    summary.failed_total = len(out.state.failed)
    summary.renamed = ids.renamed
    summary.ignored_files = len(ignored)
    return summary


def input_options(args) -> InputOptions:
    """The reading options of ``extract`` and ``view``; a bad ``--published`` raises
    :class:`~conflict_ner.errors.InputError` (exit 2) before any model loads."""
    from conflict_ner.text.published import parse_published

    return InputOptions(published=parse_published(args.published), check_language=not args.any_language)


def extract_command(args) -> int:
    """``conflict-ner extract``: exit 0 when every input has records, 1 when any failed (the
    errors report lists them), 128+signal when stopped; an unusable output raises (exit 2)."""
    from conflict_ner.extractor import EventExtractor

    options: dict[str, Any] = {"time_budget": args.time_budget or None}
    if args.max_bytes:
        options["max_input_bytes"] = args.max_bytes
    if args.docs_per_chunk:
        options["docs_per_chunk"] = args.docs_per_chunk
    if getattr(args, "no_actor_identity", False):
        options["actor_identity"] = False
    if getattr(args, "actor_aliases", None):
        options["actor_aliases"] = args.actor_aliases
    if getattr(args, "no_geo", False):
        options["geocode"] = False
    if getattr(args, "gazetteer", None):
        options["gazetteer"] = args.gazetteer
    reading = input_options(args)
    if getattr(args, "dedup", None) and args.format != "jsonl":
        from conflict_ner.errors import InputError

        raise InputError("--dedup reads the records back from the output: use --format jsonl")
    if getattr(args, "engine", "local") == "ray":
        from conflict_ner.app.engine_ray import RayExtractor

        extractor = RayExtractor(args.model, quantize=args.quantize, actors=args.actors, address=args.address,
                                 threads_per_actor=args.threads_per_actor, **options)
    else:
        extractor = EventExtractor.from_pretrained(args.model, quantize=args.quantize, **options)
    summary = run_batch(extractor, args.inputs, args.output, fmt=args.format, overwrite=args.overwrite,
                        retry_errors=args.retry_errors, progress=not args.quiet, options=reading)
    for old, new in summary.renamed[:5]:
        logger.warning("duplicate id %r renamed %r", old, new)
    if len(summary.renamed) > 5:
        logger.warning("... and %d more duplicate ids renamed", len(summary.renamed) - 5)
    print(summary.line(args.output))
    if hasattr(extractor, "timings"):  # --engine ray: where the work ran
        print(extractor.timings.line())
    if getattr(args, "dedup", None) and not summary.interrupted:
        from conflict_ner.dedup_io import dedup_file, summary as group_summary

        print(f"{group_summary(dedup_file(args.output, args.dedup))} -> {args.dedup}")
    if summary.interrupted:
        return 128 + int(signal.Signals[summary.interrupted])
    return 1 if summary.failed_total else 0
