"""Entity-level metrics: seqeval strict IOB2 on units, plus partial-overlap matching on spans.

Units are the documents' own: given tokens for CoNLL data (comparable with published
figures), guideline pieces for span corpora.

>>> gold = [["B-ACTOR", "I-ACTOR", "O"]]
>>> pred = [["B-ACTOR", "O", "O"]]
>>> entity_scores(gold, pred)["micro"]["f1"]
0.0
>>> partial_scores([[(0, 10, "ACTOR")]], [[(0, 5, "ACTOR")]])["f1"]
1.0
"""

from __future__ import annotations

from collections.abc import Sequence

from seqeval.metrics import classification_report
from seqeval.scheme import IOB2


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def entity_scores(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict:
    """Strict IOB2 entity scores (seqeval): ``micro``, ``macro`` and ``per_label``."""
    gold, pred = [list(g) for g in gold], [list(p) for p in pred]
    if not any(t != "O" for seq in gold + pred for t in seq):
        zero = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
        return {"micro": zero, "macro": zero, "per_label": {}}
    report = classification_report(gold, pred, mode="strict", scheme=IOB2, output_dict=True,
                                   zero_division=0)

    def row(key: str) -> dict:
        v = report[key]
        return {"precision": float(v["precision"]), "recall": float(v["recall"]),
                "f1": float(v["f1-score"]), "support": int(v["support"])}

    return {"micro": row("micro avg"), "macro": row("macro avg"),
            "per_label": {k: row(k) for k in report if not k.endswith(" avg")}}


def partial_scores(gold: Sequence[Sequence[tuple[int, int, str]]],
                   pred: Sequence[Sequence[tuple[int, int, str]]]) -> dict[str, float]:
    """Right label and overlapping span: a prediction is correct if it overlaps a gold
    span of its label; a gold span is found if some prediction of its label overlaps it."""
    tp_pred = tp_gold = n_pred = n_gold = 0
    for g_spans, p_spans in zip(gold, pred):
        n_pred += len(p_spans)
        n_gold += len(g_spans)
        tp_pred += sum(any(_overlap(p, g) for g in g_spans) for p in p_spans)
        tp_gold += sum(any(_overlap(p, g) for p in p_spans) for g in g_spans)
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _overlap(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def score_documents(gold_tags: Sequence[Sequence[str]], pred_tags: Sequence[Sequence[str]],
                    gold_spans: Sequence[Sequence[tuple[int, int, str]]],
                    pred_spans: Sequence[Sequence[tuple[int, int, str]]]) -> dict:
    """All metrics for one evaluation set."""
    out = entity_scores(gold_tags, pred_tags)
    out["partial"] = partial_scores(gold_spans, pred_spans)
    out["documents"] = len(gold_tags)
    return out
