"""Scoring a tagger on labeled data: the same :class:`EntityTagger` path users extract with.

>>> # evaluate_path("runs/default", "training/corpus/compiled/test.jsonl")["test"]["micro"]["f1"]
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from conflict_ner.errors import ConfigError, ModelError
from conflict_ner.tagging.alignment import unit_tags
from conflict_ner.text.document import Document
from conflict_ner.training.config import load_config
from conflict_ner.training.data import read_documents
from conflict_ner.training.metrics import score_documents


def evaluate_tagger(tagger, docs: Sequence[Document], progress: bool = False) -> dict:
    """Entity metrics of ``tagger`` on ``docs``. Predictions come from
    :meth:`EntityTagger.predict_documents` (text repair, windowing and decoding as in extraction)."""
    return score_entities(docs, tagger.predict_documents(docs, progress=progress))


def score_entities(docs: Sequence[Document], predicted: Sequence[Sequence]) -> dict:
    """Strict seqeval over each document's units (given tokens or guideline pieces) and
    partial-overlap span scores of ``predicted`` entities (one list per document) against gold."""
    gold_tags, pred_tags, pred_spans = [], [], []
    for doc, ents in zip(docs, predicted):
        units = doc.units()
        spans = [(e.start, e.end, e.label) for e in ents]
        gold_tags.append(unit_tags(units, doc.spans)[0])
        pred_tags.append(unit_tags(units, spans)[0])
        pred_spans.append(spans)
    return score_documents(gold_tags, pred_tags, [d.spans for d in docs], pred_spans)


def evaluate_path(model_dir: str | list[str], data: str, *, fmt: str | None = None,
                  output: str | None = None, quantize: str | None = None, decoding: str | None = None,
                  progress: bool = False) -> dict[str, dict]:
    """Metrics of the model in ``model_dir`` on ``data`` (a YAML config means its dev and test);
    ``quantize="int8"``/``"bf16"``/``"auto"`` scores that inference path (``conflict-ner evaluate`` passes ``auto``); ``decoding`` replaces the model's
    own (``greedy`` or ``viterbi``). Several model directories score their ensemble (mean
    log-probabilities; settings of the first)."""
    from conflict_ner.tagging.tagger import EntityTagger

    dirs = [model_dir] if isinstance(model_dir, str) else list(model_dir)
    overrides = {"decoding": decoding} if decoding else {}
    try:
        tagger = EntityTagger.from_pretrained(dirs, quantize=quantize, **overrides)
    except ModelError as err:
        raise ConfigError(str(err)) from None
    sets: dict[str, list[Document]] = {}
    if data.endswith((".yaml", ".yml")):
        cfg = load_config(data)
        for split in ("dev", "test"):
            path = getattr(cfg.data, split)
            if path:
                sets[split] = read_documents(path, tagger.labels, cfg.data.format)
    else:
        sets[Path(data).stem or data] = read_documents(data, tagger.labels, fmt)
    metrics = {name: evaluate_tagger(tagger, docs, progress=progress) for name, docs in sets.items()}
    if output:
        Path(output).write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    return metrics
