"""The Python API: an article in, entities and event records out.

>>> # from conflict_ner import EventExtractor
>>> # ex = EventExtractor.from_pretrained("runs/default")
>>> # ex.entities("Rebels fired 36 rockets at Hama on Monday.")
>>> # [Entity(label='ACTOR', start=0, end=6, text='Rebels', score=0.98), ...]
>>> # ex.extract(text, published="2019-05-08")            # -> list[EventRecord]
>>> # for result in ex.extract_batch(docs):               # -> DocumentResult per input
>>> #     print(result.doc_id, len(result.records), result.error)

Input is checked and parsed here, once: text (a string, not empty, under
``max_input_bytes``; lone surrogates, which no file can hold, become U+FFFD one for
one so offsets stay), ``published`` (a date, see :mod:`conflict_ner.text.published`)
and ``doc_id`` (a string). The rules below never see raw input.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import signal
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from conflict_ner.errors import ConflictNerError, InputError
from conflict_ner.labels import LABELS
from conflict_ner.records import Entity, EventRecord
from conflict_ner.schema import SCHEMA_VERSION
from conflict_ner.text.published import parse_published
from conflict_ner.text.repair import replace_surrogates

__all__ = ["EventExtractor", "DocumentResult", "InputError", "DEFAULT_MAX_INPUT_BYTES"]

log = logging.getLogger("conflict_ner")

DEFAULT_MAX_INPUT_BYTES = 2_000_000
DEFAULT_DOCS_PER_CHUNK = 32
ErrorKind = Literal["input", "timeout", "internal"]


@dataclass(frozen=True)
class DocumentResult:
    """The outcome for one input of :meth:`EventExtractor.extract_batch`.

    ``error_kind``: ``"input"`` (the input was refused), ``"timeout"`` (the per-document time
    budget ran out) or ``"internal"`` (a bug: the traceback is logged), else ``None``.
    """

    doc_id: str | None
    records: tuple[EventRecord, ...] = ()
    entities: tuple[Entity, ...] = ()
    error: str | None = None
    error_kind: ErrorKind | None = None

    def to_dict(self, model: str | None = None) -> dict[str, Any]:
        """The batch script's JSONL line."""
        return {"doc_id": self.doc_id, "model": model, "schema_version": SCHEMA_VERSION,
                "records": [r.to_dict() for r in self.records], "error": self.error}


@dataclass
class _Input:
    doc_id: str | None
    text: str = ""
    published: dt.date | None = None
    error: str | None = None
    #: the event heads' reading of the text (tagging fills it when the model's field choice uses them)
    events: Any = None


class DocumentTimeout(ConflictNerError):
    """The per-document time budget ran out."""


class EventExtractor:
    """Entities and event records: an :class:`~conflict_ner.tagging.tagger.EntityTagger` plus the
    event rules.

    ``docs_per_chunk`` documents are tagged together (their windows batch by tokens, see
    :class:`~conflict_ner.tagging.settings.InferenceSettings`); ``time_budget`` seconds bound
    the work on one document (``None``: no bound; enforced in the main thread).
    ``actor_identity`` fills the records' actors' canonical name, ACLED actor type and inter
    code (:mod:`conflict_ner.actors`); ``actor_aliases``: users' alias files that extend the table.
    ``geocode`` fills each place's ``geo`` (:mod:`conflict_ner.geo`: GeoNames cities500 and
    pycountry; ``gazetteer``: GeoNames dump files, e.g. ``SY.txt``, that add villages).
    """

    def __init__(self, tagger, tokenizer=None, *, docs_per_chunk: int = DEFAULT_DOCS_PER_CHUNK,
                 max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES, time_budget: float | None = None,
                 name: str | None = None, path: str | Path | None = None, actor_identity: bool = True,
                 actor_aliases: Iterable[str | Path] = (), geocode: bool = True,
                 gazetteer: Iterable[str | Path] = (), **settings: Any):
        from conflict_ner.tagging.settings import InferenceSettings
        from conflict_ner.tagging.tagger import EntityTagger

        if not isinstance(tagger, EntityTagger):  # (model, tokenizer, **inference settings)
            tagger = EntityTagger(tagger, tokenizer, InferenceSettings().replace(**settings) if settings else None)
        elif settings:
            raise TypeError(f"inference settings {sorted(settings)} belong to the tagger, not the extractor")
        if docs_per_chunk < 1:
            raise ValueError(f"docs_per_chunk must be positive, not {docs_per_chunk}")
        self.tagger = tagger
        self.docs_per_chunk = docs_per_chunk
        self.max_input_bytes = max_input_bytes
        self.time_budget = time_budget
        self.name = name or tagger.name
        self.path = None if path is None else str(path)
        self.event_rules = set(tagger.labels) <= set(LABELS)
        if not self.event_rules:
            log.warning("model %s has labels %s, not the project's %s: entities only, no event records",
                        self.name, tagger.labels, list(LABELS))
        self._fingerprint: str | None = None
        self.actor_resolver = None
        self._actor_tables: list[str] = []
        if actor_identity:
            from conflict_ner.actors import ActorResolver
            from conflict_ner.actors.table import packaged_table_bytes

            aliases = [str(a) for a in actor_aliases]
            self.actor_resolver = ActorResolver(aliases=aliases)  # a bad alias file fails here, before any work
            self._actor_tables = [hashlib.sha256(t).hexdigest()[:16] for t in
                                  [packaged_table_bytes(), *(Path(a).read_bytes() for a in aliases)]]
        self._gazetteer: tuple[str, ...] | None = None
        self._geocoder = None
        if geocode:
            from conflict_ner.geo.gazetteer import sources_fingerprint

            self._gazetteer = tuple(str(g) for g in gazetteer)
            self._gazetteer_id = sources_fingerprint(self._gazetteer)  # a missing dump fails here

    @classmethod
    def from_pretrained(cls, path: str | Path, quantize: str | None = "auto", *,
                        docs_per_chunk: int = DEFAULT_DOCS_PER_CHUNK, max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES,
                        time_budget: float | None = None, actor_identity: bool = True,
                        actor_aliases: Iterable[str | Path] = (), geocode: bool = True,
                        gazetteer: Iterable[str | Path] = (), **inference: Any) -> "EventExtractor":
        """Load a model folder written by ``conflict-ner train`` or :meth:`save_pretrained`.

        ``quantize``: ``"auto"`` picks bf16 on CPUs with AMX or AVX-512 BF16, else fp32; ``"fp32"``,
        ``"int8"`` or ``"bf16"`` force a path (see ``bench/README.md``);
        ``inference`` overrides the model's saved inference settings (``decoding="greedy"``...).
        Raises :class:`~conflict_ner.errors.ModelError` for a folder that is not a trained tagger.
        """
        from conflict_ner.tagging.tagger import EntityTagger

        tagger = EntityTagger.from_pretrained(path, quantize=quantize, **inference)
        return cls(tagger, docs_per_chunk=docs_per_chunk, max_input_bytes=max_input_bytes,
                   time_budget=time_budget, path=path, actor_identity=actor_identity, actor_aliases=actor_aliases,
                   geocode=geocode, gazetteer=gazetteer)

    def save_pretrained(self, path: str | Path) -> None:
        """Save the tagger (model, tokenizer, inference settings on the model config)."""
        self.tagger.save_pretrained(path)

    @property
    def model(self):
        return self.tagger.model

    @property
    def tokenizer(self):
        return self.tagger.tokenizer

    @property
    def labels(self) -> list[str]:
        return self.tagger.labels

    @property
    def settings(self):
        return self.tagger.settings

    def identity(self) -> dict[str, Any]:
        """What produced an output: model name and path, a fingerprint of its weights, labels and
        inference settings. Two extractors with equal identities write the same records."""
        if self._fingerprint is None:
            digest = hashlib.sha256()
            for model in self.tagger.models:
                for key, tensor in sorted(model.state_dict().items()):
                    digest.update(key.encode())
                    if hasattr(tensor, "dequantize") and tensor.is_quantized:
                        tensor = tensor.dequantize()
                    if hasattr(tensor, "float"):
                        digest.update(tensor.detach().float().contiguous().numpy().tobytes())
            self._fingerprint = digest.hexdigest()[:16]
        identity = {"model": self.name, "path": self.path, "fingerprint": self._fingerprint,
                    "labels": list(self.labels), "settings": self.settings.to_dict(),
                    "schema_version": SCHEMA_VERSION}
        if self.actor_resolver is not None:  # actor identities change the records: a resume must match
            identity["actor_tables"] = list(self._actor_tables)
        if self._gazetteer is not None:  # so do places' geo slots
            identity["gazetteer"] = self._gazetteer_id
        return identity

    # --- entities -------------------------------------------------------------------------

    def entities(self, text: str) -> list[Entity]:
        """Entities of one text; offsets index ``text`` itself.

        Raises :class:`InputError` for an empty or too large input.
        """
        return self.tagger.predict([self._checked_text(text)])[0]

    def entities_batch(self, texts: Iterable[str]) -> Iterator[list[Entity]]:
        """Entities of many texts, streamed in chunks of ``docs_per_chunk`` documents."""
        chunk: list[str] = []
        for text in texts:
            chunk.append(self._checked_text(text))
            if len(chunk) >= self.docs_per_chunk:
                yield from self.tagger.predict(chunk)
                chunk = []
        if chunk:
            yield from self.tagger.predict(chunk)

    # --- events ---------------------------------------------------------------------------

    def extract(self, text: str, published: str | dt.date | None = None, doc_id: Any = None
                ) -> list[EventRecord]:
        """Event records of one article; ``published`` (a date or ``YYYY-MM-DD``) anchors relative dates.

        Raises :class:`InputError` for a refused text or an unreadable ``published``.
        """
        doc = _Input(_as_id(doc_id), self._checked_text(text), parse_published(published))
        return self._records(doc, self._predict([doc])[0])

    def extract_batch(self, docs: Iterable[str | Mapping[str, Any]], batch_size: int | None = None
                      ) -> Iterator[DocumentResult]:
        """One :class:`DocumentResult` per input, in input order, streaming.

        A doc is a string or a mapping with ``text`` and optional ``id``, ``published``. A bad
        input, a document over its time budget or a failure inside the rules yields a result
        with ``error`` set; the batch goes on. ``batch_size`` is a deprecated name for
        ``docs_per_chunk``.
        """
        size = batch_size or self.docs_per_chunk
        chunk: list[_Input] = []
        for item in docs:
            chunk.append(self._as_input(item))
            if len(chunk) >= size:
                yield from self._run_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._run_chunk(chunk)

    def _checked_text(self, text: Any) -> str:
        if not isinstance(text, str):
            raise InputError(f"input is not text but {type(text).__name__}")
        if not text.strip():
            raise InputError("input is empty")
        size = len(text.encode("utf-8", errors="surrogatepass"))
        if size > self.max_input_bytes:
            raise InputError(f"input is {size:,} bytes, above the limit of {self.max_input_bytes:,} "
                             "(max_input_bytes)")
        return replace_surrogates(text)

    def _as_input(self, item: Any) -> _Input:
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, Mapping):
            return _Input(None, error=f"input is not text or a mapping but {type(item).__name__}")
        doc = _Input(_as_id(item.get("id")))
        try:
            doc.text = self._checked_text(item.get("text"))
            doc.published = parse_published(item.get("published"))
        except InputError as err:
            doc.error = str(err)
        return doc

    def _run_chunk(self, chunk: list[_Input]) -> Iterator[DocumentResult]:
        ok = [d for d in chunk if d.error is None]
        entities = self._tag(ok)
        for d in chunk:
            if d.error is not None:
                yield DocumentResult(d.doc_id, error=d.error, error_kind="input")
                continue
            ents = entities[id(d)]
            if isinstance(ents, DocumentResult):
                yield ents
                continue
            try:
                with _deadline(self.time_budget):
                    records = self._records(d, ents)
            except DocumentTimeout:
                yield _timeout(d, self.time_budget, "building records")
                continue
            except Exception as err:  # noqa: BLE001 - one document's bug must not stop the batch
                yield _internal(d, err, "event rules")
                continue
            yield DocumentResult(d.doc_id, tuple(records), tuple(ents))

    def _tag(self, docs: list[_Input]) -> dict[int, list[Entity] | DocumentResult]:
        """Entities per document (keyed by ``id(doc)``); when the chunk fails or runs over its
        budget, each document is tagged alone so only the culprit gets an error."""
        if not docs:
            return {}
        try:
            with _deadline(self.time_budget and self.time_budget * len(docs)):
                found = self._predict(docs)
            return {id(d): ents for d, ents in zip(docs, found)}
        except Exception as err:  # noqa: BLE001 - DocumentTimeout included
            if len(docs) == 1:
                d = docs[0]
                return {id(d): _timeout(d, self.time_budget, "tagging") if isinstance(err, DocumentTimeout)
                        else _internal(d, err, "tagging")}
        out: dict[int, list[Entity] | DocumentResult] = {}
        for d in docs:
            out.update(self._tag([d]))
        return out

    def _records(self, doc: _Input, entities: list[Entity]) -> list[EventRecord]:
        if not self.event_rules:
            return []
        from conflict_ner.events.builder import build_records

        records = build_records(doc.text, entities, doc.published, doc.doc_id, keep_bare=False)
        if doc.events is not None:  # learned triggers, roles, modality where the model's choice says so
            from conflict_ner.event_fields import apply_fields

            records = apply_fields(records, doc.text, doc.events, self.tagger.event_heads.settings.fields,
                                   entities, doc.published, doc.doc_id)
        if self._gazetteer is not None and any(r.locations for r in records):
            from conflict_ner.geo.records import with_geo

            records = with_geo(records, doc.text, entities, self.geocoder)
        if self.actor_resolver is None or not records:
            return records
        from conflict_ner.actors.records import with_identities

        return with_identities(records, doc.text, entities, self.actor_resolver, doc.published)

    def _predict(self, docs: list[_Input]) -> list[list[Entity]]:
        """Entities of ``docs``; with event heads the model's field choice uses, the same forward
        also gives each document's ``events``."""
        heads = self.tagger.event_heads
        if heads is None or not self.event_rules or all(v == "rules" for v in heads.settings.fields.values()):
            return self.tagger.predict([d.text for d in docs])
        from conflict_ner.text.document import Document

        found = self.tagger.predict_with_events([Document(str(i), d.text) for i, d in enumerate(docs)])
        for d, (_, events) in zip(docs, found):
            d.events = events
        return [ents for ents, _ in found]

    @property
    def geocoder(self):
        """The geocoder (its gazetteer loaded on first use, once per process); None when off."""
        if self._geocoder is None and self._gazetteer is not None:
            from conflict_ner.geo import default_geocoder

            self._geocoder = default_geocoder(self._gazetteer)
        return self._geocoder


def _as_id(value: Any) -> str | None:
    return None if value is None else str(value)


def _timeout(doc: _Input, budget: float | None, stage: str) -> DocumentResult:
    return DocumentResult(doc.doc_id, error=f"time budget of {budget:g} s per document ran out while {stage} "
                          f"({len(doc.text):,} characters)", error_kind="timeout")


def _internal(doc: _Input, err: Exception, stage: str) -> DocumentResult:
    log.error("internal error in %s on document %s", stage, doc.doc_id, exc_info=err)
    return DocumentResult(doc.doc_id, error=f"internal error in {stage}: {type(err).__name__}: {err}",
                          error_kind="internal")


@contextmanager
def _deadline(seconds: float | None):
    """Raise :class:`DocumentTimeout` in the block after ``seconds`` (main thread only: signals
    are delivered there; elsewhere the block runs unbounded)."""
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum, frame):
        raise DocumentTimeout(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
