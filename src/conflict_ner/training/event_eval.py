"""Scoring predicted event records against gold records, field by field.

Within a document each gold record is paired, one to one, with a predicted record whose
sentence overlaps it: the largest sentence overlap first, then, inside one sentence, the
record whose trigger overlaps the gold trigger most, then the nearest trigger (so a sentence
that reports two acts pairs act to act), then text order. Fields are then compared as sets of
items: actors as (text, role), locations and weapons as text, counts as (value, outcome),
date (value, precision), modality, event type and sub-event type as single items, the
trigger as a span that must overlap the gold one; ``date_matched`` is the share of matched
records whose date (value, precision) is the gold's, ``modality_matched`` the same for modality. Items of unmatched records count as
misses (gold) or false alarms (predicted). An actor role ``unknown`` (what the rules write
when they cannot tell, and version-1 gold) is scored as ``other``. Gold records without a
sub-event type (written before markup v2) are left out of the type scores.

The type fields also get, over the classes present in gold, a macro-F1, the accuracy on
matched records, and the majority-class baseline: the most frequent type of the training
gold assigned to every matched record (:func:`majority_type`).

>>> g = {"sentence": {"start": 0, "end": 10}, "locations": [{"text": "Hama"}]}
>>> p = {"sentence": {"start": 0, "end": 10}, "locations": [{"text": "hama"}]}
>>> score_records([g], [p])["locations"]["f1"]
1.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

Record = dict[str, Any]
TYPE_FIELDS = ("event_type", "sub_event_type")


def _role(role: str | None) -> str | None:
    return "other" if role == "unknown" else role


FIELDS: dict[str, Callable[[Record], set]] = {
    "actors": lambda r: {(a["text"].lower(), _role(a.get("role"))) for a in r.get("actors", [])},
    "actors_text": lambda r: {a["text"].lower() for a in r.get("actors", [])},
    "locations": lambda r: {x["text"].lower() for x in r.get("locations", [])},
    "weapons": lambda r: {x["text"].lower() for x in r.get("weapons", [])},
    "counts": lambda r: {(c["value"], c["outcome"]) for c in r.get("counts", [])},
    "count_values": lambda r: {c["value"] for c in r.get("counts", [])},
    "date_value": lambda r: {r["date"]["value"]} if r.get("date", {}).get("value") else set(),
    "date": lambda r: {(r["date"]["value"], r["date"]["precision"])} if r.get("date", {}).get("value") else set(),
    "modality": lambda r: {r["modality"]} if r.get("modality") else set(),
}


def _span_overlap(a: dict | None, b: dict | None) -> int:
    if not a or not b:
        return 0
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _span_distance(a: dict | None, b: dict | None) -> float:
    if not a or not b:
        return float("inf")
    return max(0, max(a["start"], b["start"]) - min(a["end"], b["end"]))


def match_records(gold: Sequence[Record], pred: Sequence[Record]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs: sentence overlap, then trigger overlap,
    then trigger distance, then text order decide (greedily).

    >>> s = {"start": 0, "end": 60}
    >>> gold = [{"sentence": s, "trigger": {"start": 5, "end": 12}}, {"sentence": s, "trigger": {"start": 40, "end": 48}}]
    >>> pred = [{"sentence": s, "trigger": {"start": 41, "end": 48}}, {"sentence": s, "trigger": {"start": 5, "end": 12}}]
    >>> match_records(gold, pred)
    [(0, 1), (1, 0)]
    """
    keys = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            sentence = _span_overlap(g["sentence"], p["sentence"])
            if sentence > 0:
                trig_g, trig_p = g.get("trigger"), p.get("trigger")
                keys.append((-sentence, -_span_overlap(trig_g, trig_p), _span_distance(trig_g, trig_p), i, j))
    used_g, used_p, out = set(), set(), []
    for *_, i, j in sorted(keys):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return sorted(out)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "gold": n_gold, "predicted": n_pred}


def _typed(record: Record, name: str) -> str | None:
    return record.get(name) or None


class EventScorer:
    """Accumulates per-field counts over documents; :meth:`scores` gives the figures.

    ``baseline``: the majority type per type field (:func:`majority_type`), or None.
    """

    def __init__(self, baseline: dict[str, str | None] | None = None):
        self.baseline = baseline or {}
        self.totals: dict[str, list[int]] = {}
        # per type field: (gold type, predicted type or None) of each typed gold record, and the
        # predicted types of records no typed gold record was paired with
        self.type_pairs: dict[str, list[tuple[str, str | None]]] = {f: [] for f in TYPE_FIELDS}
        self.type_extra: dict[str, list[str]] = {f: [] for f in TYPE_FIELDS}

    def _add(self, name: str, tp: int, n_pred: int, n_gold: int) -> None:
        t = self.totals.setdefault(name, [0, 0, 0])
        t[0] += tp
        t[1] += n_pred
        t[2] += n_gold

    def add(self, gold: Sequence[Record], pred: Sequence[Record]) -> None:
        """Score the records of one document."""
        pairs = match_records(gold, pred)
        pair_of_gold = dict(pairs)
        self._add("records", len(pairs), len(pred), len(gold))
        for name, items in FIELDS.items():
            tp = sum(len(items(gold[i]) & items(pred[j])) for i, j in pairs)
            self._add(name, tp, sum(len(items(p)) for p in pred), sum(len(items(g)) for g in gold))
        # the date on matched records alone (precision = recall = accuracy), apart from finding the record
        same_date = sum(FIELDS["date"](gold[i]) == FIELDS["date"](pred[j]) for i, j in pairs)
        self._add("date_matched", same_date, len(pairs), len(pairs))
        same_modality = sum(FIELDS["modality"](gold[i]) == FIELDS["modality"](pred[j]) for i, j in pairs)
        self._add("modality_matched", same_modality, len(pairs), len(pairs))
        for exact in (False, True):
            tp = sum(1 for i, j in pairs if (_span_overlap(gold[i].get("trigger"), pred[j].get("trigger")) > 0
                                             if not exact else _same_span(gold[i].get("trigger"), pred[j].get("trigger"))))
            self._add("trigger_exact" if exact else "trigger", tp, sum(bool(p.get("trigger")) for p in pred),
                      sum(bool(g.get("trigger")) for g in gold))
        for name in TYPE_FIELDS:
            for i, g in enumerate(gold):
                if _typed(g, name) is None:
                    continue
                j = pair_of_gold.get(i)
                self.type_pairs[name].append((g[name], _typed(pred[j], name) if j is not None else None))
            typed_gold_pairs = {j for i, j in pairs if _typed(gold[i], name) is not None}
            # a prediction paired with an untyped gold record is neither right nor wrong
            untyped_pairs = {j for i, j in pairs if _typed(gold[i], name) is None}
            self.type_extra[name] += [p[name] for j, p in enumerate(pred) if _typed(p, name) is not None
                                      and j not in typed_gold_pairs and j not in untyped_pairs]

    def scores(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: _prf(*v) for name, v in self.totals.items()}
        for name in TYPE_FIELDS:
            out[name] = type_scores(self.type_pairs[name], self.type_extra[name], self.baseline.get(name))
        return out


def _same_span(a: dict | None, b: dict | None) -> bool:
    return bool(a and b and a["start"] == b["start"] and a["end"] == b["end"])


def type_scores(pairs: Sequence[tuple[str, str | None]], extra: Sequence[str], baseline: str | None
                ) -> dict[str, Any]:
    """Micro P/R/F1, macro-F1 over the gold classes, accuracy on matched records and the
    majority baseline's accuracy there, from (gold type, predicted type or None when the gold
    record was not matched) pairs and the types of unpaired predictions.

    >>> s = type_scores([("A", "A"), ("A", "B"), ("B", "B"), ("B", None)], ["A"], "A")
    >>> s["f1"], s["macro_f1"], s["accuracy"], s["baseline_accuracy"]
    (0.5, 0.5, 0.6667, 0.6667)
    """
    tp = sum(g == p for g, p in pairs)
    n_pred = sum(p is not None for _, p in pairs) + len(extra)
    out = _prf(tp, n_pred, len(pairs))
    classes = sorted({g for g, _ in pairs})
    per_class = {}
    for c in classes:
        c_tp = sum(g == c and p == c for g, p in pairs)
        c_pred = sum(p == c for _, p in pairs) + sum(x == c for x in extra)
        c_gold = sum(g == c for g, _ in pairs)
        per_class[c] = _prf(c_tp, c_pred, c_gold)
    out["macro_f1"] = round(sum(v["f1"] for v in per_class.values()) / len(classes), 4) if classes else 0.0
    matched = [(g, p) for g, p in pairs if p is not None]
    out["matched"] = len(matched)
    out["accuracy"] = round(sum(g == p for g, p in matched) / len(matched), 4) if matched else 0.0
    out["baseline"] = baseline
    out["baseline_accuracy"] = (round(sum(g == baseline for g, _ in matched) / len(matched), 4)
                                if matched and baseline else None)
    out["per_class"] = per_class
    return out


def majority_type(records: Iterable[Record]) -> dict[str, str | None]:
    """The most frequent event type and sub-event type of (training) gold records; ties go to
    the alphabetically first.

    >>> majority_type([{"event_type": "Battles", "sub_event_type": "Armed clash"}, {}])
    {'event_type': 'Battles', 'sub_event_type': 'Armed clash'}
    """
    out: dict[str, str | None] = {}
    records = list(records)
    for name in TYPE_FIELDS:
        counts = Counter(r[name] for r in records if _typed(r, name))
        out[name] = min(counts, key=lambda c: (-counts[c], c)) if counts else None
    return out


def score_records(gold: Sequence[Record], pred: Sequence[Record]) -> dict:
    """Per-field scores for the records of one document."""
    scorer = EventScorer()
    scorer.add(gold, pred)
    return scorer.scores()


def evaluate_events(gold_docs: Iterable[tuple[Sequence[Record], Sequence[Record]]],
                    baseline: dict[str, str | None] | None = None) -> dict:
    """Scores over many documents: ``gold_docs`` holds (gold records, predicted records) pairs."""
    scorer = EventScorer(baseline)
    for gold, pred in gold_docs:
        scorer.add(gold, pred)
    return scorer.scores()
