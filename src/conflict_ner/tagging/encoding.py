"""Documents -> model inputs: tokenise once per document, tag units, cut windows.

>>> from conflict_ner.text.document import Document
>>> # encode_documents([Document("d", "Rebels fired.", [(0, 6, "ACTOR")])], tokenizer, tag2id, 128, 32)
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from conflict_ner.tagging.alignment import (EncodedWindow, all_subword_labels, cut_units, first_subwords, plan_windows,
                        sentence_starts, token_units, unit_tags, window_labels)
from conflict_ner.text.document import Document
from conflict_ner.text.shapes import token_shapes


@dataclass
class EncodingReport:
    """What alignment could not represent, per document id (never dropped silently)."""

    unmatched_spans: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    windows: int = 0
    documents: int = 0
    split_documents: int = 0

    def summary(self) -> dict[str, int]:
        return {"documents": self.documents, "windows": self.windows,
                "documents_split_into_windows": self.split_documents,
                "unmatched_spans": sum(len(v) for v in self.unmatched_spans.values())}


@dataclass
class DocumentEncoding:
    """Tokenisation of one document, kept for decoding predictions back to characters."""

    units: list[tuple[int, int]]
    token_offsets: list[tuple[int, int]]
    first: list[int]


def special_tokens(tokenizer) -> tuple[list[int], list[int]]:
    """Token ids put before and after a window's content (``[CLS]``/``[SEP]`` for BERT)."""
    head = tokenizer.cls_token_id if tokenizer.cls_token_id is not None else tokenizer.bos_token_id
    tail = tokenizer.sep_token_id if tokenizer.sep_token_id is not None else tokenizer.eos_token_id
    return ([head] if head is not None else []), ([tail] if tail is not None else [])


def tokenize_texts(tokenizer, texts: Sequence[str]) -> list[tuple[list[int], list[tuple[int, int]]]]:
    """Fast batch tokenisation without specials or truncation (the packaged tokenizer has
    truncation at 128 baked in, so it is switched off explicitly)."""
    if not texts:
        return []
    enc = tokenizer(list(texts), add_special_tokens=False, return_offsets_mapping=True, truncation=False,
                    verbose=False)
    return [(ids, [tuple(o) for o in offs]) for ids, offs in zip(enc["input_ids"], enc["offset_mapping"])]


def encode_documents(docs: Sequence[Document], tokenizer, tag2id: dict[str, int] | None,
                     max_length: int, stride: int, all_subwords: bool = False, shapes: bool = True
                     ) -> tuple[list[EncodedWindow], list[DocumentEncoding], EncodingReport]:
    """Windows for ``docs`` (with labels when ``tag2id`` is given: on first subwords, or on
    every subword with ``all_subwords``), their tokenisations, a report. ``shapes=False``
    leaves out the word-shape ids (only shape-feature models read them)."""
    head, tail = special_tokens(tokenizer)
    budget = max_length - len(head) - len(tail)
    report = EncodingReport(documents=len(docs))
    windows: list[EncodedWindow] = []
    encodings: list[DocumentEncoding] = []
    for index, (doc, (ids, offsets)) in enumerate(zip(docs, tokenize_texts(tokenizer, [d.text for d in docs]))):
        units = doc.units()
        within = token_units(offsets, units)
        first = first_subwords(within)
        shape_ids = token_shapes(doc.text, offsets, units, first) if shapes else None
        # never cut a window before a word's continuation subword
        cuttable = [not (f == -1 and u >= 0) for f, u in zip(first, within)]
        token_starts = [s for s, _ in offsets]
        sent_tokens = [bisect.bisect_left(token_starts, c) for c in sentence_starts(doc.text)]
        tags: list[str] | None = None
        tag_ids: list[int] | None = None
        protected: list[tuple[int, int]] = []
        if tag2id is not None:
            tags, unmatched = unit_tags(units, doc.spans)
            if unmatched:
                report.unmatched_spans[doc.id] = unmatched
            tag_ids = [tag2id[t] for t in tags]
            protected = _entity_token_ranges(tags, first)
        ranges = plan_windows(len(ids), budget, stride, cuttable=cuttable, sentence_tokens=sent_tokens,
                              protected=protected)
        report.windows += len(ranges)
        report.split_documents += len(ranges) > 1
        for start, end in ranges:
            labels = None
            if tag_ids is not None:
                masked = cut_units(first, tags, start, end)
                content = (all_subword_labels(first, within, tags, tag2id, start, end, masked) if all_subwords
                           else window_labels(first, tag_ids, start, end, masked))
                labels = [-100] * len(head) + content + [-100] * len(tail)
            window_shapes = None if shape_ids is None else [0] * len(head) + shape_ids[start:end] + [0] * len(tail)
            windows.append(EncodedWindow(index, start, end, head + ids[start:end] + tail, labels,
                                         [-1] * len(head) + first[start:end] + [-1] * len(tail), window_shapes))
        encodings.append(DocumentEncoding(units, offsets, first))
    return windows, encodings, report


def _entity_token_ranges(tags: list[str], first: list[int]) -> list[tuple[int, int]]:
    """Token ranges [a, b) covering each gold entity (from its first unit's first token up to,
    not including, the first token of the unit after it)."""
    token_of_unit = {u: i for i, u in enumerate(first) if u >= 0}
    out = []
    u = 0
    n_tokens = len(first)
    while u < len(tags):
        if tags[u].startswith("B-"):
            v = u + 1
            while v < len(tags) and tags[v].startswith("I-"):
                v += 1
            a = token_of_unit.get(u)
            b = token_of_unit.get(v, n_tokens)
            if a is not None:
                out.append((a, b))
            u = v
        else:
            u += 1
    return out
