"""The corpus document: text, character spans, publication date, metadata.

>>> doc = Document("d1", "Rebels shelled Hama.", [(0, 6, "ACTOR"), (15, 19, "LOCATION")])
>>> [doc.text[s:e] for s, e, _ in doc.spans]
['Rebels', 'Hama']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from conflict_ner.text.words import pieces, words

SpanTuple = tuple[int, int, str]


@dataclass
class Document:
    """One labeled document. Offsets are ``[start, end)`` character offsets into ``text``.

    ``tokens`` is set only for pre-tokenised corpora (CoNLL): those documents are
    scored and labelled on their given tokens instead of guideline pieces.
    """

    id: str
    text: str
    spans: list[SpanTuple] = field(default_factory=list)
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    tokens: list[tuple[int, int]] | None = None

    def units(self) -> list[tuple[int, int]]:
        """The units the model labels: given tokens, else guideline pieces."""
        return list(self.tokens) if self.tokens is not None else pieces(self.text)

    def unit_starts(self) -> set[int]:
        """Offsets where a span may start: token starts, else guideline word starts."""
        if self.tokens is not None:
            return {s for s, _ in self.tokens}
        return {s for s, _ in words(self.text)}

    def to_json(self) -> dict[str, Any]:
        """The native JSONL form."""
        out: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "spans": [[s, e, label] for s, e, label in self.spans],
            "published": self.published,
            "meta": self.meta,
        }
        if self.tokens is not None:
            out["tokens"] = [[s, e] for s, e in self.tokens]
        return out
