"""Running the extractor over the corpus's event gold and scoring it (``conflict-ner evaluate-events``).

Per split (frozen ``test``, ``test_new``, ``heldout``, ``dev`` by default), records are scored
twice: from the entities a model predicts, and from the gold entities (the event rules run on
the document's gold spans, so entity errors and event errors can be told apart). With several
``--model`` folders (one per training seed) each figure is a mean and standard deviation;
without any, only the gold-entity figures (model-free rules) are given.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from conflict_ner.errors import DataError
from conflict_ner.training.event_eval import EventScorer, majority_type
from conflict_ner.training.event_eval_report import markdown, mean_std
from conflict_ner.training.readers.jsonl import json_objects

DEFAULT_GOLD = "training/corpus/compiled/events.jsonl"
DEFAULT_SPLITS = ("test", "test_new", "heldout", "dev")


def _read_gold(gold: str | Path) -> tuple[dict[str, dict], list[tuple[int, dict]]]:
    """Documents beside ``gold`` by id, and the gold lines with their line numbers."""
    gold = Path(gold)
    if not gold.is_file():
        raise DataError("no such event gold file", path=str(gold))
    texts: dict[str, dict] = {}
    for f in sorted(gold.parent.glob("*.jsonl")):
        if f == gold:
            continue
        for lineno, obj in json_objects(f):
            if not isinstance(obj, dict) or not isinstance(obj.get("id"), str) or not isinstance(obj.get("text"), str):
                raise DataError("expected a document with string 'id' and 'text'", path=str(f), line=lineno)
            texts[obj["id"]] = obj
    lines = []
    for lineno, obj in json_objects(gold):
        if not isinstance(obj, dict) or not isinstance(obj.get("doc_id"), str) \
                or not isinstance(obj.get("records"), list):
            raise DataError("expected an object with a string 'doc_id' and a list of 'records'", path=str(gold),
                            line=lineno)
        lines.append((lineno, obj))
    return texts, lines


def load_event_gold(gold: str | Path, split: str = "test") -> list[tuple[dict, list[dict]]]:
    """(document, gold records) pairs of ``split`` (``all``: every split); document texts come
    from the JSONL files beside ``gold``."""
    texts, lines = _read_gold(gold)
    out = []
    for lineno, obj in lines:
        if split != "all" and obj.get("split") != split:
            continue
        if obj["doc_id"] not in texts:
            raise DataError(f"no document text for {obj['doc_id']!r} beside the gold file", path=str(gold),
                            line=lineno)
        out.append((texts[obj["doc_id"]], obj["records"]))
    return out


def gold_entities(doc: dict) -> list:
    """The document's gold spans as entities (score 1)."""
    from conflict_ner.records import Entity

    text = doc["text"]
    return [Entity(label, s, e, text[s:e], 1.0) for s, e, label in doc.get("spans") or []]


def rule_records(doc: dict) -> list[dict]:
    """The event rules' records of a document, built on its gold entities."""
    from conflict_ner.events.builder import build_records

    records = build_records(doc["text"], gold_entities(doc), doc.get("published"), doc["id"], keep_bare=False)
    return [r.to_dict() for r in records]


def model_records(extractor, docs: Sequence[dict]) -> list[list[dict]]:
    """The extractor's records of each document (from its own predicted entities)."""
    out = []
    for doc, result in zip(docs, extractor.extract_batch(
            [{"id": d["id"], "text": d["text"], "published": d.get("published")} for d in docs])):
        if result.error is not None:
            raise DataError(f"the extractor failed: {result.error}", doc_id=doc["id"])
        out.append([r.to_dict() for r in result.records])
    return out


def _score(pairs: Sequence[tuple[list[dict], list[dict]]], baseline: dict) -> dict[str, Any]:
    scorer = EventScorer(baseline)
    for gold, pred in pairs:
        scorer.add(gold, pred)
    return scorer.scores()


def evaluate_event_gold(models: str | Sequence[str] | None, gold: str | Path = DEFAULT_GOLD, *,
                        splits: Sequence[str] = DEFAULT_SPLITS, split: str | None = None,
                        with_gold_entities: bool = True, output: str | None = None,
                        markdown_output: str | None = None) -> dict[str, Any]:
    """Scores of each model's records, and of the rules on gold entities, per split.

    ``models``: model folders (one per seed); their figures become mean and std. ``split``
    (the older single-split form) overrides ``splits``. The baseline of the type fields is the
    most frequent type of the ``train`` split's gold.
    """
    if isinstance(models, (str, Path)):
        models = [str(models)]
    models = list(models or [])
    if split is not None:
        splits = [split]
    if not models and not with_gold_entities:
        raise ValueError("nothing to score: give --model, or keep the gold-entity figures")
    texts, lines = _read_gold(gold)
    by_split: dict[str, list[tuple[dict, list[dict]]]] = {s: [] for s in splits}
    train_records = []
    for lineno, obj in lines:
        if obj.get("split") == "train":
            train_records += obj["records"]
        wanted = obj.get("split") if "all" not in splits else "all"
        if wanted not in by_split:
            continue
        if obj["doc_id"] not in texts:
            raise DataError(f"no document text for {obj['doc_id']!r} beside the gold file", path=str(gold),
                            line=lineno)
        by_split[wanted].append((texts[obj["doc_id"]], obj["records"]))
    baseline = majority_type(train_records)
    report: dict[str, Any] = {"gold": str(gold), "models": models, "baseline": baseline, "splits": {}}
    runs: dict[str, list[dict]] = {s: [] for s in splits}
    if models:
        from conflict_ner.extractor import EventExtractor

        for path in models:
            extractor = EventExtractor.from_pretrained(path)
            for s in splits:
                if by_split[s]:
                    predicted = model_records(extractor, [d for d, _ in by_split[s]])
                    runs[s].append(_score([(g, p) for (_, g), p in zip(by_split[s], predicted)], baseline))
    for s in splits:
        pairs = by_split[s]
        entry: dict[str, Any] = {"documents": len(pairs), "gold_records": sum(len(g) for _, g in pairs),
                                 "predicted_entities": mean_std(runs[s]) if runs[s] else None,
                                 "gold_entities": None}
        if with_gold_entities and pairs:
            entry["gold_entities"] = mean_std([_score([(g, rule_records(d)) for d, g in pairs], baseline)])
        report["splits"][s] = entry
    if output:
        Path(output).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if markdown_output:
        Path(markdown_output).write_text(markdown(report), encoding="utf-8")
    return report
