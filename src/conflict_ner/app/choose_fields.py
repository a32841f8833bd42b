"""Choosing, per field, between the event rules and the learned heads on dev (``conflict-ner
choose-event-fields MODEL``).

The model tags the split's documents once (entities and heads from one forward); the rules
build their records on those entities; then each field (``triggers``, ``roles``,
``modality``) is scored with each choice (``rules``, ``learned``, ``both``; for triggers also
``types``, for roles also ``prune``, see :mod:`conflict_ner.event_fields`) while the other fields stay with the rules;
learned triggers may start records of their own in sentences the rules made none for. The best choice per field (ties go to the rules, then
``learned``) is written into the model's config.json (``conflict_ner.event_heads.fields``),
the table into ``event_fields.json`` beside it, and the records with every field as chosen
are scored once more.

>>> figure("roles", {"actors": {"f1": 0.61}})
0.61
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conflict_ner.errors import ModelError

#: what decides each field: records F1 and sub-event macro-F1 (their mean) for triggers
METRICS = {"triggers": "mean of records F1 and sub_event_type macro-F1", "roles": "actors+role F1",
           "modality": "modality F1"}
TABLE_FILE = "event_fields.json"


def figure(field: str, scores: dict) -> float:
    """The one number a field's choice is made on, from :class:`EventScorer` scores."""
    if field == "triggers":
        return round((scores["records"]["f1"] + scores["sub_event_type"]["macro_f1"]) / 2, 4)
    return scores["actors" if field == "roles" else "modality"]["f1"]


def field_ablation(model_dir: str | Path, gold: str | Path, split: str = "dev") -> dict[str, Any]:
    """The ablation table (field x choice -> figure and its parts), the choice, and the scores
    of the records with every field as chosen, on ``split`` of ``gold``."""
    from conflict_ner.app.event_eval_cli import load_event_gold
    from conflict_ner.event_fields import FIELD_CHOICES, FIELDS, HEAD_OF_FIELD, apply_fields
    from conflict_ner.events.builder import build_records
    from conflict_ner.tagging.tagger import EntityTagger
    from conflict_ner.text.document import Document
    from conflict_ner.training.event_eval import EventScorer, majority_type

    tagger = EntityTagger.from_pretrained(model_dir)
    if tagger.event_heads is None:
        raise ModelError(f"{model_dir}: the model has no event heads (trained with events.heads: []); "
                         "its records come from the rules")
    pairs = load_event_gold(gold, split)
    if not pairs:
        raise ModelError(f"{gold}: no event gold in split {split!r}")
    baseline = majority_type(r for _, records in load_event_gold(gold, "train") for r in records)
    predicted = tagger.predict_with_events([Document(d["id"], d["text"]) for d, _ in pairs])
    # as the extractor builds them: an act with nothing to code is left out
    rules = [build_records(d["text"], ents, d.get("published"), d["id"], keep_bare=False)
             for (d, _), (ents, _) in zip(pairs, predicted)]

    def scores(fields: dict[str, str]) -> dict:
        scorer = EventScorer(baseline)
        for (doc, gold_records), (ents, events), recs in zip(pairs, predicted, rules):
            chosen = apply_fields(recs, doc["text"], events, fields, ents, doc.get("published"), doc["id"])
            scorer.add(gold_records, [r.to_dict() for r in chosen])
        return scorer.scores()

    heads = tagger.event_heads.settings.heads
    table: dict[str, dict[str, dict]] = {}
    choice: dict[str, str] = {}
    for field in FIELDS:
        options = FIELD_CHOICES[field] if HEAD_OF_FIELD[field] in heads else ("rules",)
        table[field] = {}
        for option in options:
            s = scores({field: option})
            table[field][option] = {"figure": figure(field, s), "records_f1": s["records"]["f1"],
                                    "sub_event_type_macro_f1": s["sub_event_type"]["macro_f1"],
                                    "trigger_f1": s["trigger"]["f1"], "actors_f1": s["actors"]["f1"],
                                    "modality_f1": s["modality"]["f1"]}
        choice[field] = max(options, key=lambda o: (table[field][o]["figure"], -options.index(o)))
    final = scores(choice)
    return {"model": str(model_dir), "gold": str(gold), "split": split, "documents": len(pairs),
            "metrics": METRICS, "table": table, "choice": choice,
            "chosen": {k: final[k]["f1"] for k in ("records", "actors", "modality", "trigger", "date")}
            | {"sub_event_type_macro_f1": final["sub_event_type"]["macro_f1"]}}


def write_choice(model_dir: str | Path, report: dict[str, Any]) -> None:
    """Save the choice on the model's config.json and the table in ``event_fields.json``."""
    path = Path(model_dir) / "config.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["conflict_ner"]["event_heads"]["fields"] = report["choice"]
    path.write_text(json.dumps(raw, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (Path(model_dir) / TABLE_FILE).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def markdown_table(report: dict[str, Any]) -> str:
    """The ablation as a markdown table: one row per field, the figure of each choice."""
    lines = [f"Event fields on {report['split']} ({report['documents']} documents), model {report['model']}:", "",
             "| field | decided on | rules | learned | both | types | prune | chosen |",
             "|---|---|---:|---:|---:|---:|---:|---|"]
    for field, row in report["table"].items():
        cells = [f"{row[c]['figure']:.4f}" if c in row else "n/a" for c in ("rules", "learned", "both", "types", "prune")]
        lines.append(f"| {field} | {report['metrics'][field]} | " + " | ".join(cells) + f" | {report['choice'][field]} |")
    chosen = report["chosen"]
    lines += ["", "With every field as chosen: " + ", ".join(f"{k} {v:.4f}" for k, v in chosen.items())]
    return "\n".join(lines) + "\n"
