"""A fast stand-in for EventExtractor in batch-path tests, where the model is irrelevant.

It keeps the extractor's contract (one result per input, in order, chunked by
``docs_per_chunk``) and reacts to markers in a text: ``<crash>`` makes ``extract_batch``
raise (a bug outside the per-document guard), ``<fail>`` gives an internal error result,
``<hang>`` a timeout result, ``<unwritable>`` a record that cannot be serialised. Records are one per capitalised word, built from the raw text
(lone surrogates included), so the writer must cope with whatever the text holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from conflict_ner.records import ActorRef, EventDate, EventRecord, TextSpan

CAPITALISED = re.compile(r"[A-Z][a-z]+")


class SimulatedKill(BaseException):
    """Stands for SIGKILL in-process: nothing catches it, nothing after it runs in the batch loop."""


@dataclass(frozen=True)
class FakeResult:
    doc_id: str | None
    records: tuple = ()
    entities: tuple = ()
    error: str | None = None
    error_kind: str | None = None


def fake_records(text: str, doc_id: str) -> tuple[EventRecord, ...]:
    out = []
    for m in list(CAPITALISED.finditer(text))[:3]:
        start = max(0, m.start() - 5)
        out.append(EventRecord(doc_id=doc_id, sentence=TextSpan(text[start:m.end()], start, m.end()),
                               date=EventDate(None, "unknown", None),
                               actors=(ActorRef(m.group(), m.start(), m.end(), "initiator"),)))
    return tuple(out)


class UnwritableRecord:
    """A record whose serialisation fails (a bug in a record type)."""

    def to_dict(self):
        raise TypeError("not serialisable")


class FakeExtractor:
    name = "fake"

    def __init__(self, *, max_input_bytes: int = 2_000_000, docs_per_chunk: int = 3, fingerprint: str = "f1",
                 stop_after: int | None = None):
        self.max_input_bytes = max_input_bytes
        self.docs_per_chunk = docs_per_chunk
        self.fingerprint = fingerprint
        self.stop_after = stop_after  # raise SimulatedKill after this many results
        self.seen: list[str] = []  # ids handed to the model, in order
        self.yielded = 0

    def identity(self) -> dict[str, Any]:
        return {"model": self.name, "path": "/models/fake", "fingerprint": self.fingerprint,
                "labels": ["ACTOR"], "settings": {"max_length": 256}}

    def extract_batch(self, docs, batch_size=None):  # batch_size: the old batch path passed it
        chunk = []
        for doc in docs:
            chunk.append(doc)
            if len(chunk) >= self.docs_per_chunk:
                yield from self._run(chunk)
                chunk = []
        if chunk:
            yield from self._run(chunk)

    def _run(self, chunk):
        for doc in chunk:  # like the model: the whole chunk is tagged before any result
            if "<crash>" in (doc.get("text") or ""):
                raise RuntimeError("fake model crashed")
        for doc in chunk:
            if self.stop_after is not None and self.yielded >= self.stop_after:
                raise SimulatedKill()
            self.yielded += 1
            yield self._one(doc)

    def _one(self, doc) -> FakeResult:
        doc_id, text = str(doc["id"]), doc.get("text")
        self.seen.append(doc_id)
        if not isinstance(text, str) or not text.strip():
            return FakeResult(doc_id, error="input is empty", error_kind="input")
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > self.max_input_bytes:
            return FakeResult(doc_id, error=f"input is {size:,} bytes, above the limit of {self.max_input_bytes:,}",
                              error_kind="input")
        if "<fail>" in text:
            return FakeResult(doc_id, error="internal error in event rules: ValueError: boom", error_kind="internal")
        if "<unwritable>" in text:
            return FakeResult(doc_id, (UnwritableRecord(),))
        if "<hang>" in text:
            return FakeResult(doc_id, error="time budget of 1 s per document ran out", error_kind="timeout")
        return FakeResult(doc_id, fake_records(text, doc_id))
