"""The batch path on Ray Data: ``conflict-ner extract --engine ray``, one actor pool, the same output.

The driver keeps the batch contract exactly as the local path has it, by running
:func:`conflict_ner.app.batch.run_batch` itself: it reads the inputs with the project's readers
(ids, resume, error lines for unreadable inputs), writes JSONL, CSV or Parquet through
:class:`~conflict_ner.app.batch_output.BatchOutput`, and sets the exit code. What it hands
to Ray is the model work: :class:`RayExtractor` stands in for ``EventExtractor`` and sends the
documents, a window at a time, through ``ray.data.from_items(...).map_batches`` on an actor
pool, each actor holding one ``EventExtractor``; results come back in input order. Reading
stays on the driver because it is cheap beside the model (a disk reads megabytes a second,
an actor tags about 30 KB of text a second) and ids, resume and duplicate renaming need
the inputs' order.

Every node loads the model from ``model`` (a path every node sees: shared storage or the
same copy on each). The precision is settled once on the driver (``auto`` reads the
driver's CPU) so every actor runs the precision the output's identity names.

>>> # summary = extract_ray("runs/default", ["articles/"], "events.jsonl", actors=2, threads_per_actor=1)
"""

from __future__ import annotations

import logging
import os
import pickle
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

logger = logging.getLogger("conflict_ner")
#: documents handed to Ray at a time; each window starts the actor pool anew (one model load per actor)
DEFAULT_WINDOW = 4096
#: documents per ``map_batches`` batch (one ``extract_batch`` call in an actor)
DEFAULT_BATCH_DOCS = 32


def ray_available() -> bool:
    """Whether the optional ``ray`` extra is installed (``pip install "conflict-ner[ray]"``)."""
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


def _require_ray():
    from conflict_ner.errors import ConfigError

    if not ray_available():
        raise ConfigError('--engine ray needs Ray: pip install "conflict-ner[ray]"')
    import ray

    return ray


def start_ray(address: str | None = None, num_cpus: int | None = None) -> dict[str, float]:
    """Join the cluster at ``address`` (``auto``, ``HOST:PORT``), or start a local Ray with
    ``num_cpus`` (default: this machine's cores); no dashboard, no usage report, quiet.
    Returns the cluster's resources. A Ray already started in this process is reused."""
    ray = _require_ray()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no network call home
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                  "configure_logging": False}
        if address:
            ray.init(address=address, **kwargs)
        else:
            # the actors do the run's work: Ray's default (nice 15) leaves them behind every other process
            os.environ.setdefault("RAY_worker_niceness", "0")
            ray.init(num_cpus=num_cpus or os.cpu_count() or 1, **kwargs)
        ray.data.DataContext.get_current().enable_progress_bars = False
    return ray.cluster_resources()


class _ExtractActor:
    """One pool actor: loads the model once, turns batches of documents into result rows."""

    def __init__(self, model: str, quantize: str | None, threads: int, options: dict[str, Any]):
        import ray
        import torch

        torch.set_num_threads(max(1, threads))
        self.node = ray.get_runtime_context().get_node_id()
        from conflict_ner.extractor import EventExtractor

        self.extractor = EventExtractor.from_pretrained(model, quantize=quantize or "fp32", **options)

    def __call__(self, batch: Mapping[str, Any]) -> dict[str, list]:
        import resource

        docs = [{"id": i, "text": t, "published": p if isinstance(p, str) else None}
                for i, t, p in zip(batch["id"], batch["text"], batch["published"])]
        out: dict[str, list] = {"doc_id": [], "payload": [], "pid": [], "rss_kb": [], "node": []}
        for result in self.extractor.extract_batch(docs):
            out["doc_id"].append(result.doc_id)
            out["pid"].append(os.getpid())  # peak memory per actor, for bench/ray_scaling.py
            out["rss_kb"].append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
            out["node"].append(self.node)
            # the records as objects (EventRecord dataclasses): every output format writes them
            out["payload"].append(pickle.dumps((tuple(result.records), result.error, result.error_kind)))
        return out


@dataclass(frozen=True)
class RayResult:
    """What one document gave, as ``EventExtractor.extract_batch`` gives it."""

    doc_id: str
    records: tuple = ()
    error: str | None = None
    error_kind: str | None = None


@dataclass
class RayTimings:
    """Where a run's time went: windows handed to Ray (documents, wall seconds) and each
    actor process's peak resident memory (KB)."""

    windows: list[tuple[int, float]] = field(default_factory=list)
    actor_rss_kb: dict[int, int] = field(default_factory=dict)
    nodes: set[str] = field(default_factory=set)

    def line(self) -> str:
        """``ray: 3 window(s), 4 actor process(es) on 2 node(s)``."""
        return (f"ray: {len(self.windows)} window(s), {len(self.actor_rss_kb)} actor process(es) on "
                f"{len(self.nodes)} node(s)")


class RayExtractor:
    """``EventExtractor``'s batch face (``extract_batch``, ``identity``, ``name``,
    ``max_input_bytes``) with the model work on a Ray actor pool.

    The driver loads the model once too: it checks the folder before Ray starts and gives the
    output's identity, so a Ray output and a local one resume each other.
    """

    def __init__(self, model: str | Path, *, quantize: str | None = "auto", actors: int | None = None,
                 threads_per_actor: int = 1, address: str | None = None, window: int = DEFAULT_WINDOW,
                 batch_docs: int | None = None, num_cpus: int | None = None, **options: Any):
        from conflict_ner.errors import ConfigError
        from conflict_ner.extractor import EventExtractor
        from conflict_ner.tagging.quantization import resolve_quantize

        # a map_batches batch is what the extractor tags together (--docs-per-chunk)
        batch_docs = batch_docs or options.get("docs_per_chunk") or DEFAULT_BATCH_DOCS
        if threads_per_actor < 1 or (actors is not None and actors < 1) or window < 1 or batch_docs < 1:
            raise ConfigError("--actors, --threads-per-actor, the window and the batch must be at least 1")
        self.model = str(Path(model).resolve())
        self.quantize = resolve_quantize(quantize)  # once, here: every node runs the same precision
        self.local = EventExtractor.from_pretrained(self.model, quantize=self.quantize or "fp32", **options)
        self.options = options
        self.threads = threads_per_actor
        self.window, self.batch_docs = window, batch_docs
        resources = start_ray(address, num_cpus)
        cpus = int(resources.get("CPU", 1))
        self.actors = actors or max(1, cpus // threads_per_actor)
        if self.actors * threads_per_actor > cpus:
            logger.warning("%d actors x %d threads ask for %d CPUs; the cluster has %d: some actors wait",
                           self.actors, threads_per_actor, self.actors * threads_per_actor, cpus)
        self.timings = RayTimings()

    # what run_batch and BatchOutput read
    @property
    def name(self) -> str:
        return self.local.name

    @property
    def max_input_bytes(self) -> int:
        return self.local.max_input_bytes

    def identity(self) -> dict[str, Any]:
        return self.local.identity()

    def extract_batch(self, docs: Iterable[Mapping[str, Any]]) -> Iterator[RayResult]:
        """One result per document, in input order, a window of documents at a time."""
        window: list[dict[str, Any]] = []
        for doc in docs:
            window.append({"id": doc["id"], "text": doc["text"], "published": doc.get("published")})
            if len(window) >= self.window:
                yield from self._run_window(window)
                window = []
        if window:
            yield from self._run_window(window)

    def _run_window(self, window: list[dict[str, Any]]) -> Iterator[RayResult]:
        import ray

        started = time.perf_counter()
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # results in input order, as run_batch needs
        size = min(self.actors, max(1, -(-len(window) // self.batch_docs)))
        ds = ray.data.from_items(window, override_num_blocks=max(1, -(-len(window) // self.batch_docs)))
        ds = ds.map_batches(_ExtractActor, batch_size=self.batch_docs, batch_format="pandas",
                            compute=ray.data.ActorPoolStrategy(size=size), num_cpus=self.threads,
                            fn_constructor_kwargs={"model": self.model, "quantize": self.quantize,
                                                   "threads": self.threads, "options": self.options})
        peaks = self.timings.actor_rss_kb
        for row in ds.iter_rows():
            pid = int(row["pid"])
            peaks[pid] = max(peaks.get(pid, 0), int(row["rss_kb"]))
            self.timings.nodes.add(row["node"])
            records, error, error_kind = pickle.loads(row["payload"])
            yield RayResult(row["doc_id"], records, error, error_kind)
        self.timings.windows.append((len(window), time.perf_counter() - started))


def extract_ray(model: str | Path, inputs: list[str], output: str | Path, *, fmt: str = "jsonl",
                overwrite: bool = False, retry_errors: bool = False, progress: bool = False,
                reading=None, **engine: Any):
    """``conflict-ner extract --engine ray`` from Python: returns the
    :class:`~conflict_ner.app.batch.BatchSummary` (``failed_total`` nonzero: some input failed).
    ``engine``: ``actors``, ``threads_per_actor``, ``address``, ``quantize``, ``window`` and the
    extractor's options (``time_budget``, ``max_input_bytes``...)."""
    from conflict_ner.app.batch import run_batch

    extractor = RayExtractor(model, **engine)
    return run_batch(extractor, inputs, output, fmt=fmt, overwrite=overwrite, retry_errors=retry_errors,
                     progress=progress, options=reading)
