"""Dev/test scores of the event heads against the event gold (pure functions).

- triggers: exact-span P/R/F1 typed by sub-event type (``trigger_f1``), the same ignoring
  the type (``trigger_span_f1``), and the type's accuracy on span matches; only documents
  whose gold names triggers are scored, and predictions inside the sentence of a gold
  record without a trigger (v1 gold) are not counted.
- roles: accuracy of the predicted role of each gold record actor (``O`` predicted counts as
  wrong; an actor given two roles by two records is skipped).
- modality: accuracy of the modality read on each gold trigger.

>>> rec = {"sentence": {"start": 0, "end": 19}, "sub_event_type": "Armed clash",
...        "trigger": {"start": 7, "end": 14}, "actors": [{"start": 0, "end": 6, "role": "initiator"}]}
>>> s = score_event_heads([[rec]], [[(7, 14, "Armed clash")]], [lambda a, b: ("initiator", 0.9)])
>>> s["trigger_f1"], s["role_accuracy"]
(1.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from conflict_ner.training.event_data import ROLE_OF_GOLD


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


Reader = Callable[[int, int], "tuple[str, float] | None"]


def score_event_heads(gold: Sequence[Sequence[dict]], triggers: Sequence[Sequence[tuple[int, int, str]]] | None,
                      role_of: Sequence[Reader] | None, modality_of: Sequence[Reader] | None = None) -> dict:
    """Scores over documents: ``gold`` records, predicted ``(start, end, sub_event_type)``
    triggers, a role reader and a modality reader per document (``None`` for a head the
    model lacks)."""
    out: dict = {}
    if triggers is not None:
        tp = typed_tp = n_pred = n_gold = 0
        for records, predicted in zip(gold, triggers):
            gold_spans = {(r["trigger"]["start"], r["trigger"]["end"]): r.get("sub_event_type")
                          for r in records if r.get("trigger")}
            if not gold_spans:
                continue
            unmarked = [(r["sentence"]["start"], r["sentence"]["end"]) for r in records
                        if not r.get("trigger") and r.get("sentence")]
            kept = {(s, e): sub for s, e, sub in predicted if not any(a <= s < b for a, b in unmarked)}
            n_pred += len(kept)
            n_gold += len(gold_spans)
            for span, sub in kept.items():
                if span in gold_spans:
                    tp += 1
                    typed_tp += sub == gold_spans[span]
        out["trigger_p"], out["trigger_r"], out["trigger_f1"] = (round(x, 4) for x in _prf(typed_tp, n_pred, n_gold))
        out["trigger_span_f1"] = round(_prf(tp, n_pred, n_gold)[2], 4)
        out["sub_event_type_accuracy_on_matches"] = round(typed_tp / tp, 4) if tp else 0.0
        out["trigger_gold"] = n_gold
    if role_of is not None:
        right = total = 0
        for records, reader in zip(gold, role_of):
            roles: dict[tuple[int, int], set[str]] = {}
            for rec in records:
                for actor in rec.get("actors") or ():
                    roles.setdefault((actor["start"], actor["end"]), set()).add(
                        ROLE_OF_GOLD.get(actor.get("role") or "unknown", "other"))
            for (start, end), choices in roles.items():
                if len(choices) != 1:
                    continue
                found = reader(start, end)
                total += 1
                right += found is not None and found[0] == next(iter(choices))
        out["role_accuracy"] = round(right / total, 4) if total else 0.0
        out["role_gold"] = total
    if modality_of is not None:
        right = total = 0
        for records, reader in zip(gold, modality_of):
            for rec in records:
                if rec.get("trigger") and rec.get("modality"):
                    found = reader(rec["trigger"]["start"], rec["trigger"]["end"])
                    total += 1
                    right += found is not None and found[0] == rec["modality"]
        out["modality_accuracy"] = round(right / total, 4) if total else 0.0
        out["modality_gold"] = total
    return out


def evaluate_event_heads(tagger, docs, gold: dict[str, list[dict]], entities_out: list | None = None) -> dict:
    """Score ``tagger``'s heads on the documents of ``docs`` that have event gold (one forward
    per document serves entities too: pass a list as ``entities_out`` to receive them for
    every document of ``docs``)."""
    predictions = tagger.predict_with_events(docs)
    if entities_out is not None:
        entities_out.extend(ents for ents, _ in predictions)
    heads = tagger.event_heads.settings.heads
    chosen = [(gold[d.id], events) for d, (_, events) in zip(docs, predictions) if gold.get(d.id)]
    records = [r for r, _ in chosen]
    triggers = [[(t.start, t.end, t.sub_event_type) for t in ev.triggers()] for _, ev in chosen] \
        if "triggers" in heads else None
    readers = [ev.role_of for _, ev in chosen] if "roles" in heads else None
    modality = [ev.modality_of for _, ev in chosen] if "modality" in heads else None
    scores = score_event_heads(records, triggers, readers, modality)
    scores["documents"] = len(chosen)
    return scores
