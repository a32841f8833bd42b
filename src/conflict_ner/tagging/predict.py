"""Batched entity prediction over documents of any length.

Windows from all documents are sorted by length and batched (little padding), run
under ``torch.inference_mode``, merged back per document (each unit takes its most
central window) and decoded to character spans.

>>> # spans = predict_spans(model, tokenizer, docs, max_length=256, stride=48)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch

from conflict_ner.tagging.boundaries import unit_breaks
from conflict_ner.tagging.decoding import chunks, chunks_to_spans, merge_windows, repair_iob2, viterbi
from conflict_ner.text.document import Document
from conflict_ner.tagging.encoding import DocumentEncoding, encode_documents
from conflict_ner.tagging.lean_bert import LeanBert
from conflict_ner.tagging.lean_bert import supports as supports_lean_fp
from conflict_ner.tagging.lean_bert_int8 import LeanBertInt8
from conflict_ner.tagging.lean_bert_int8 import supports as supports_lean_int8


@dataclass(frozen=True)
class PredictedSpan:
    start: int
    end: int
    label: str
    score: float


def pad_batch(sequences: Sequence[Sequence[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Right-pad to the longest sequence; returns ids and attention mask."""
    width = max(len(s) for s in sequences)
    ids = torch.full((len(sequences), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(sequences), width), dtype=torch.long)
    for i, seq in enumerate(sequences):
        ids[i, :len(seq)] = torch.as_tensor(seq, dtype=torch.long)
        mask[i, :len(seq)] = 1
    return ids, mask


def as_models(model) -> list:
    """A model or an ensemble (list of models) as a list of models."""
    return list(model) if isinstance(model, (list, tuple)) else [model]


def uses_shapes(model) -> bool:
    """Whether the model takes word-shape ids (see :mod:`conflict_ner.tagging.shape_bert`)."""
    return bool(getattr(model.config, "num_shapes", 0))


def model_inputs(windows, idx: Sequence[int], pad_id: int, shapes: bool) -> dict[str, torch.Tensor]:
    """Padded ``input_ids``, ``attention_mask`` (and ``shape_ids``) for windows ``idx``."""
    ids, mask = pad_batch([windows[i].input_ids for i in idx], pad_id)
    batch = {"input_ids": ids, "attention_mask": mask}
    if shapes:
        batch["shape_ids"], _ = pad_batch([windows[i].shape_ids for i in idx], 0)
    return batch


def token_budget_batches(sorted_lengths: Sequence[int], budget: int) -> list[tuple[int, int]]:
    """``[start, end)`` ranges of length-sorted sequences, each batch padded to at most
    ``budget`` tokens: short sequences go in bigger batches (at least one per batch).

    >>> token_budget_batches([2, 2, 3, 3, 5, 8], 8)
    [(0, 2), (2, 4), (4, 5), (5, 6)]
    """
    out, start = [], 0
    for i, length in enumerate(sorted_lengths):
        if i > start and (i - start + 1) * length > budget:
            out.append((start, i))
            start = i
    if start < len(sorted_lengths):
        out.append((start, len(sorted_lengths)))
    return out


def window_logprobs(model, windows, max_batch_tokens: int, pad_id: int, words_only: bool = False,
                    runners: Sequence | None = None) -> list[np.ndarray]:
    """Log-probabilities ``[len(window), n_tags]`` for each window, in input order. Windows are
    length-sorted; a batch holds at most ``max_batch_tokens`` padded tokens (at least one window).

    ``model`` may be a list of models with the same tags: an ensemble, whose
    log-probabilities are averaged. With ``words_only``, only the rows decoding reads (first
    subwords, ``unit_index >= 0``) are guaranteed; plain BERT classifiers then skip the
    others' last-layer work (:mod:`conflict_ner.tagging.lean_bert`) and leave them NaN.
    """
    models = as_models(model)
    order = sorted(range(len(windows)), key=lambda i: len(windows[i].input_ids))
    lengths = [len(windows[i].input_ids) for i in order]
    out: list[np.ndarray | None] = [None] * len(windows)
    was_training = [m.training for m in models]
    for m in models:
        m.eval()
    if runners is None:
        runners = make_runners(models, words_only)
    lean = [getattr(run, "lean", False) for run in runners]
    with torch.inference_mode():
        for b, e in token_budget_batches(lengths, max_batch_tokens):
            idx = order[b:e]
            inputs = model_inputs(windows, idx, pad_id, any(uses_shapes(m) for m in models))
            needs_rows = any(lean) or any(getattr(run, "needs_rows", False) for run in runners)
            rows = _read_rows(windows, idx, inputs["input_ids"].shape) if needs_rows else None
            logp = sum(run(inputs, rows) for run in runners) / len(models)
            logp = logp.numpy()
            for row, i in enumerate(idx):
                out[i] = logp[row, :len(windows[i].input_ids)]
    for m, training in zip(models, was_training):
        m.train(training)
    return out  # type: ignore[return-value]


def _read_rows(windows, idx: Sequence[int], shape: torch.Size) -> torch.Tensor:
    rows = np.zeros(tuple(shape), dtype=bool)
    for r, i in enumerate(idx):
        units = windows[i].unit_index
        rows[r, :len(units)] = np.asarray(units) >= 0
    return torch.from_numpy(rows)


def supports_lean(model) -> bool:
    """Whether a lean forward (fp32/bf16 or int8) reproduces ``model``'s."""
    return supports_lean_fp(model) or supports_lean_int8(model)


def make_runners(models: Sequence, words_only: bool, event_heads=None) -> list:
    """One forward function per model: the lean BERT path (built once: it copies the weights) when
    only the rows decoding reads are needed and the model supports it, else the model itself.

    With ``event_heads`` (one model only) the same forward also scores the heads: each runner
    returns the entity log-probabilities and then the heads' (see
    :meth:`~conflict_ner.tagging.event_heads.EventHeads.log_probs`) side by side.
    """
    if event_heads is not None and len(models) != 1:
        raise ValueError("event heads run with one model, not an ensemble")
    return [_lean_runner(m, event_heads) if words_only and supports_lean(m) else _full_runner(m, event_heads)
            for m in models]


def _full_runner(model, event_heads=None):
    shapes = uses_shapes(model)

    def run(inputs: dict[str, torch.Tensor], rows: torch.Tensor | None) -> torch.Tensor:
        batch = inputs if shapes else {k: v for k, v in inputs.items() if k != "shape_ids"}
        if event_heads is None:
            return torch.log_softmax(model(**batch).logits.float(), dim=-1)
        out = model(**batch, output_hidden_states=True)
        return torch.cat([torch.log_softmax(out.logits.float(), dim=-1),
                          event_heads.log_probs(out.hidden_states[-1], rows)], dim=-1)
    run.lean = False
    # factored heads relate words to each other: they need to know which positions are words
    run.needs_rows = event_heads is not None
    return run


def _lean_runner(model, event_heads=None):
    lean = LeanBertInt8(model) if supports_lean_int8(model) else LeanBert(model)
    shapes = uses_shapes(model)

    def run(inputs: dict[str, torch.Tensor], rows: torch.Tensor | None) -> torch.Tensor:
        ids = inputs["input_ids"]
        shape_ids = inputs.get("shape_ids") if shapes else None
        if event_heads is None:
            scores = torch.log_softmax(lean(ids, inputs["attention_mask"], rows, shape_ids).float(), dim=-1)
        else:  # the heads read the rows' last hidden states: no second forward
            logits, hidden = lean(ids, inputs["attention_mask"], rows, shape_ids, hidden=True)
            scores = torch.cat([torch.log_softmax(logits.float(), dim=-1), event_heads.log_probs(hidden, rows)],
                               dim=-1)
        full = torch.full((*ids.shape, scores.shape[-1]), float("nan"))
        full[rows] = scores
        return full
    run.lean = True
    return run


def model_tags(model) -> list[str]:
    """The tag list of a model, or of an ensemble whose members must agree on it."""
    models = as_models(model)
    tag_lists = [[m.config.id2label[i] for i in range(len(m.config.id2label))] for m in models]
    if any(tags != tag_lists[0] for tags in tag_lists[1:]):
        raise ValueError("ensemble members have different labels")
    return tag_lists[0]


def decode_document(doc: Document, enc: DocumentEncoding, pieces, tags: list[str], decoding: str
                    ) -> tuple[list[PredictedSpan], list[str]]:
    """Merge window scores for one document and decode them to spans and unit tags."""
    units = enc.units
    merged = merge_windows(len(units), len(tags), pieces)
    breaks = unit_breaks(doc.text, units)  # no entity crosses a blank line or leaves a heading
    if decoding == "viterbi":
        best = viterbi(merged, tags, breaks)
        unit_tags = [tags[i] for i in best]
    else:
        unit_tags = repair_iob2([tags[i] for i in merged.argmax(axis=1)], breaks)
    tag_index = {t: i for i, t in enumerate(tags)}
    # the probability of each unit's own tag, gathered once (not a list per span)
    chosen = np.exp(merged[np.arange(len(units)), [tag_index[t] for t in unit_tags]]) if units else merged[:, 0]
    spans = []
    # Unit tags after boundary fixes, so scoring sees exactly the spans that are reported.
    final_tags = ["O"] * len(units)
    for start, end, label, first, last in chunks_to_spans(chunks(unit_tags), units, doc.unit_starts(),
                                                             text=doc.text):
        score = float(chosen[first:last + 1].mean())
        spans.append(PredictedSpan(start, end, label, score))
        final_tags[first] = f"B-{label}"
        for u in range(first + 1, last + 1):
            final_tags[u] = f"I-{label}"
    return spans, final_tags


def predict_documents(model, tokenizer, docs: Sequence[Document], *, max_length: int, stride: int,
                      max_batch_tokens: int = 2048, decoding: str = "viterbi", runners: Sequence | None = None,
                      event_scores: list | None = None) -> tuple[list[list[PredictedSpan]], list[list[str]]]:
    """Predicted spans and unit-level IOB2 tags for each document (``model`` may be a list: an
    ensemble); ``runners`` are prebuilt forwards from :func:`make_runners`. When the runners
    also score event heads, pass a list as ``event_scores``: it receives, per document, its
    units and their merged head log-probabilities ``[n_units, n_head_columns]``."""
    tags = model_tags(model)
    models = as_models(model)
    windows, encodings, _ = encode_documents(docs, tokenizer, None, max_length, stride,
                                             shapes=any(uses_shapes(m) for m in models))
    logps = window_logprobs(model, windows, max_batch_tokens, tokenizer.pad_token_id or 0, words_only=True,
                            runners=runners)
    n = len(tags)
    per_doc: list[list[tuple[np.ndarray, list[int]]]] = [[] for _ in docs]
    heads_per_doc: list[list[tuple[np.ndarray, list[int]]]] = [[] for _ in docs]
    for w, lp in zip(windows, logps):
        per_doc[w.doc_index].append((lp[:, :n], w.unit_index))
        if lp.shape[1] > n:
            heads_per_doc[w.doc_index].append((lp[:, n:], w.unit_index))
    spans_out, tags_out = [], []
    for doc, enc, pieces, head_pieces in zip(docs, encodings, per_doc, heads_per_doc):
        spans, unit_tag_seq = decode_document(doc, enc, pieces, tags, decoding)
        spans_out.append(spans)
        tags_out.append(unit_tag_seq)
        if event_scores is not None:
            merged = merge_windows(len(enc.units), head_pieces[0][0].shape[1], head_pieces) if head_pieces \
                else np.zeros((len(enc.units), 0), dtype=np.float32)
            event_scores.append((enc.units, merged))
    return spans_out, tags_out
