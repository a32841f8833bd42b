"""The Python API: an article in, entities and event records out.

>>> # from conflict_ner import EventExtractor
>>> # ex = EventExtractor.from_pretrained("runs/default")
>>> # ex.entities("Rebels fired 36 rockets at Hama on Monday.")
>>> # [Entity(label='ACTOR', start=0, end=6, text='Rebels', score=0.98), ...]
>>> # ex.extract(text, published="2019-05-08")            # -> list[EventRecord]
>>> # for result in ex.extract_batch(docs, batch_size=32):  # -> DocumentResult per input
>>> #     print(result.doc_id, len(result.records), result.error)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conflict_ner.text.document import Document
from conflict_ner.errors import ConflictNerError
from conflict_ner.labels import labels_from_tags
from conflict_ner.records import Entity, EventRecord
from conflict_ner.schema import SCHEMA_VERSION
from conflict_ner.text.repair import repair_text

DEFAULT_MAX_INPUT_BYTES = 2_000_000
SETTINGS_FILE = "extractor_config.json"


class InputError(ConflictNerError):
    """An input the extractor refuses (empty, too large, not text)."""


@dataclass(frozen=True)
class DocumentResult:
    """The outcome for one input of :meth:`EventExtractor.extract_batch`."""

    doc_id: str | None
    records: tuple[EventRecord, ...] = ()
    entities: tuple[Entity, ...] = ()
    error: str | None = None

    def to_dict(self, model: str | None = None) -> dict[str, Any]:
        """The batch script's JSONL line."""
        return {"doc_id": self.doc_id, "model": model, "schema_version": SCHEMA_VERSION,
                "records": [r.to_dict() for r in self.records], "error": self.error}


@dataclass
class _Doc:
    doc_id: str | None
    text: str
    published: str | None
    error: str | None = None


class EventExtractor:
    """Entities and event records from a fine-tuned token-classification model."""

    def __init__(self, model, tokenizer, *, max_length: int = 256, stride: int = 48, decoding: str = "viterbi",
                 batch_size: int = 32, max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES, name: str | None = None,
                 window_batch: int = 8):
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.max_length, self.stride, self.decoding = max_length, stride, decoding
        self.batch_size = batch_size  # documents per chunk in extract_batch
        # tokens per model call, in longest windows: small batches stay in cache (measured
        # faster than 32 on 2 cores, see bench/README.md); short windows still batch up
        self.window_batch = window_batch
        self.max_input_bytes = max_input_bytes
        self.name = name
        from conflict_ner.tagging.predict import model_tags

        self.labels = labels_from_tags(model_tags(model))

    @classmethod
    def from_pretrained(cls, path: str | Path, quantize: str | None = None, **overrides) -> "EventExtractor":
        """Load a model directory written by ``conflict-ner train`` (or :meth:`save_pretrained`).

        ``quantize="int8"`` or ``"bf16"`` gives a faster lower-precision path (see ``bench/README.md``
        for its speed and accuracy); ``overrides`` replace saved settings (``batch_size``...).
        """
        from transformers import AutoModelForTokenClassification

        from conflict_ner.training.evaluate import run_settings
        from conflict_ner.tagging.loading import load_tokenizer

        path = Path(path)
        if not path.is_dir():
            raise ConflictNerError(f"{path}: no such model directory")
        settings: dict[str, Any] = {}
        if (path / SETTINGS_FILE).is_file():
            settings = json.loads((path / SETTINGS_FILE).read_text())
        else:
            m = run_settings(path)
            settings = {"max_length": m.max_length, "stride": m.stride, "decoding": m.decoding}
        settings.update(overrides)
        settings.setdefault("name", path.name)
        from conflict_ner.tagging.quantization import apply_quantization

        model = apply_quantization(AutoModelForTokenClassification.from_pretrained(path), quantize)
        if quantize:
            settings["name"] = f"{settings['name']}+{quantize}"
        return cls(model, load_tokenizer(str(path)), **settings)

    def save_pretrained(self, path: str | Path) -> None:
        """Save model, tokenizer and inference settings; loads back with :meth:`from_pretrained`."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.model.save_pretrained(path)
        self.tokenizer.save_pretrained(path)
        settings = {"max_length": self.max_length, "stride": self.stride, "decoding": self.decoding,
                    "batch_size": self.batch_size, "window_batch": self.window_batch,
                    "max_input_bytes": self.max_input_bytes}
        (path / SETTINGS_FILE).write_text(json.dumps(settings, indent=2))

    # --- entities -------------------------------------------------------------------------

    def entities(self, text: str) -> list[Entity]:
        """Entities of one text; offsets index ``text`` itself.

        Raises :class:`InputError` for an empty or too large input.
        """
        self._check(text)
        return self._entities_many([text])[0]

    def entities_batch(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Entity]]:
        """Entities of many texts, streamed in chunks of ``batch_size`` documents (windows of a
        chunk are length-sorted together, so bigger chunks pad less)."""
        chunk: list[str] = []
        for text in texts:
            self._check(text)
            chunk.append(text)
            if len(chunk) >= batch_size:
                yield from self._entities_many(chunk)
                chunk = []
        if chunk:
            yield from self._entities_many(chunk)

    def _check(self, text: Any) -> None:
        if not isinstance(text, str):
            raise InputError(f"input is not text but {type(text).__name__}")
        if not text.strip():
            raise InputError("input is empty")
        size = len(text.encode("utf-8", errors="surrogatepass"))
        if size > self.max_input_bytes:
            raise InputError(f"input is {size:,} bytes, above the limit of {self.max_input_bytes:,} "
                             "(max_input_bytes)")

    def _entities_many(self, texts: list[str]) -> list[list[Entity]]:
        from conflict_ner.tagging.predict import predict_documents

        repaired = [repair_text(t) for t in texts]
        docs = [Document(str(i), r.text) for i, r in enumerate(repaired)]
        spans, _ = predict_documents(self.model, self.tokenizer, docs, max_length=self.max_length,
                                     stride=self.stride, batch_size=self.window_batch, decoding=self.decoding)
        out = []
        for rep, doc_spans in zip(repaired, spans):
            ents = []
            for s in doc_spans:
                start, end = rep.to_original(s.start, s.end)
                ents.append(Entity(s.label, start, end, rep.original[start:end], round(s.score, 4)))
            out.append(ents)
        return out

    # --- events ---------------------------------------------------------------------------

    def extract(self, text: str, published: str | None = None, doc_id: str | None = None) -> list[EventRecord]:
        """Event records of one article; ``published`` (``YYYY-MM-DD``) anchors relative dates."""
        self._check(text)
        return self._records(text, self._entities_many([text])[0], published, doc_id)

    def _records(self, text: str, entities: list[Entity], published: str | None,
                 doc_id: str | None) -> list[EventRecord]:
        from conflict_ner.events.builder import build_records

        return build_records(text, entities, published, doc_id)

    def extract_batch(self, docs: Iterable[str | Mapping[str, Any]], batch_size: int | None = None
                      ) -> Iterator[DocumentResult]:
        """One :class:`DocumentResult` per input, in input order, streaming.

        A doc is a string or a mapping with ``text`` and optional ``id``, ``published``.
        A bad input yields a result with ``error`` set; the batch goes on.
        """
        size = batch_size or self.batch_size
        chunk: list[_Doc] = []
        for item in docs:
            chunk.append(self._as_doc(item))
            if len(chunk) >= size:
                yield from self._run_chunk(chunk)
                chunk = []
        if chunk:
            yield from self._run_chunk(chunk)

    def _as_doc(self, item: Any) -> _Doc:
        if isinstance(item, str):
            doc = _Doc(None, item, None)
        elif isinstance(item, Mapping):
            doc = _Doc(None if item.get("id") is None else str(item.get("id")), item.get("text"),
                       item.get("published"))
        else:
            return _Doc(None, "", None, f"input is not text or a mapping but {type(item).__name__}")
        try:
            self._check(doc.text)
        except InputError as err:
            doc.error = str(err)
        return doc

    def _run_chunk(self, chunk: list[_Doc]) -> Iterator[DocumentResult]:
        ok = [d for d in chunk if d.error is None]
        entities = iter(self._entities_many([d.text for d in ok]) if ok else [])
        for d in chunk:
            if d.error is not None:
                yield DocumentResult(d.doc_id, error=d.error)
                continue
            ents = next(entities)
            try:
                records = self._records(d.text, ents, d.published, d.doc_id)
            except ValueError as err:  # e.g. an unparseable published date
                yield DocumentResult(d.doc_id, entities=tuple(ents), error=f"event rules failed: {err}")
                continue
            yield DocumentResult(d.doc_id, tuple(records), tuple(ents))
