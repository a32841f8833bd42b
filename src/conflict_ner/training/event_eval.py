"""Scoring predicted event records against gold records, field by field.

Each gold record is matched to the predicted record of the same document whose
sentence overlaps it most (one-to-one). Fields are then compared as sets of items:
actors as (text, role), locations and weapons as text, counts as (value, outcome),
and date (value, precision) and modality as single items. Items of unmatched records
count as misses (gold) or false alarms (predicted).

>>> g = {"sentence": {"start": 0, "end": 10}, "locations": [{"text": "Hama"}]}
>>> p = {"sentence": {"start": 0, "end": 10}, "locations": [{"text": "hama"}]}
>>> score_records([g], [p])["locations"]["f1"]
1.0
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Record = dict[str, Any]

FIELDS: dict[str, Callable[[Record], set]] = {
    "actors": lambda r: {(a["text"].lower(), a["role"]) for a in r.get("actors", [])},
    "actors_text": lambda r: {a["text"].lower() for a in r.get("actors", [])},
    "locations": lambda r: {x["text"].lower() for x in r.get("locations", [])},
    "weapons": lambda r: {x["text"].lower() for x in r.get("weapons", [])},
    "counts": lambda r: {(c["value"], c["outcome"]) for c in r.get("counts", [])},
    "count_values": lambda r: {c["value"] for c in r.get("counts", [])},
    "date_value": lambda r: {r["date"]["value"]} if r.get("date", {}).get("value") else set(),
    "date": lambda r: {(r["date"]["value"], r["date"]["precision"])} if r.get("date", {}).get("value") else set(),
    "modality": lambda r: {r["modality"]} if r.get("modality") else set(),
}


def _overlap(a: Record, b: Record) -> int:
    sa, sb = a["sentence"], b["sentence"]
    return max(0, min(sa["end"], sb["end"]) - max(sa["start"], sb["start"]))


def match_records(gold: Sequence[Record], pred: Sequence[Record]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs by largest sentence overlap."""
    pairs = sorted(((_overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True)
    used_g, used_p, out = set(), set(), []
    for size, i, j in pairs:
        if size > 0 and i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return sorted(out)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "gold": n_gold, "predicted": n_pred}


def score_records(gold: Sequence[Record], pred: Sequence[Record], totals: dict | None = None) -> dict:
    """Per-field precision/recall/F1 for the records of one document (or accumulate into ``totals``)."""
    totals = totals if totals is not None else {}
    pairs = match_records(gold, pred)
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    t = totals.setdefault("records", [0, 0, 0])
    t[0] += len(pairs)
    t[1] += len(pred)
    t[2] += len(gold)
    for name, items in FIELDS.items():
        t = totals.setdefault(name, [0, 0, 0])
        for i, j in pairs:
            gi, pj = items(gold[i]), items(pred[j])
            t[0] += len(gi & pj)
            t[1] += len(pj)
            t[2] += len(gi)
        t[1] += sum(len(items(pred[j])) for j in range(len(pred)) if j not in matched_p)
        t[2] += sum(len(items(gold[i])) for i in range(len(gold)) if i not in matched_g)
    return {name: _prf(*v) for name, v in totals.items()}


def evaluate_events(gold_docs: Sequence[tuple[Sequence[Record], Sequence[Record]]]) -> dict:
    """Scores over many documents: ``gold_docs`` holds (gold records, predicted records) pairs."""
    totals: dict = {}
    result: dict = {}
    for gold, pred in gold_docs:
        result = score_records(gold, pred, totals)
    return result
