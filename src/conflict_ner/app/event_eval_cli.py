"""Running the extractor over the corpus's event gold and scoring it (``conflict-ner evaluate-events``)."""

from __future__ import annotations

import json
from pathlib import Path

from conflict_ner.errors import DataError
from conflict_ner.training.event_eval import evaluate_events
from conflict_ner.training.readers.jsonl import json_objects


def load_event_gold(gold: str | Path, split: str = "test") -> list[tuple[dict, list[dict]]]:
    """(document, gold records) pairs; document texts come from the JSONL files beside ``gold``."""
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
    out = []
    for lineno, obj in json_objects(gold):
        if not isinstance(obj, dict) or not isinstance(obj.get("doc_id"), str) \
                or not isinstance(obj.get("records"), list):
            raise DataError("expected an object with a string 'doc_id' and a list of 'records'", path=str(gold),
                            line=lineno)
        if split != "all" and obj.get("split") != split:
            continue
        if obj["doc_id"] not in texts:
            raise DataError(f"no document text for {obj['doc_id']!r} beside the gold file", path=str(gold),
                            line=lineno)
        out.append((texts[obj["doc_id"]], obj["records"]))
    return out


def evaluate_event_gold(model_dir: str, gold: str, *, split: str = "test", output: str | None = None) -> dict:
    """Per-field scores of the model's records on the gold documents of ``split``."""
    from conflict_ner.extractor import EventExtractor

    extractor = EventExtractor.from_pretrained(model_dir)
    pairs = load_event_gold(gold, split)
    results = extractor.extract_batch([{"id": d["id"], "text": d["text"], "published": d.get("published")}
                                       for d, _ in pairs])
    scored = [(records, [r.to_dict() for r in result.records]) for (_, records), result in zip(pairs, results)]
    scores = evaluate_events(scored)
    if output:
        Path(output).write_text(json.dumps(scores, indent=2), encoding="utf-8")
    return scores
