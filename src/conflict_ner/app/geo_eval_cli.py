"""``conflict-ner evaluate-geo``: the geocoder against the hand-geocoded gold, per split.

From the gold LOCATION spans of the corpus and, with ``--model``, from the spans the model
predicts (a gold mention counts as found when a predicted LOCATION overlaps it); ``--sweep``
scores the dev split at several fuzzy thresholds (choose it there, never on test);
``--cross-validate K`` scores only the TRAIN and DEV rows, in K folds by document, each with a
supplement built from the other folds (:mod:`conflict_ner.geo.crossval`: the tuning score).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DEFAULT_GOLD = "training/corpus/geo_gold.tsv"
SWEEP = (70.0, 75.0, 80.0, 85.0, 88.0, 90.0, 92.0, 95.0, 100.0)  # 100: no fuzzy match


def evaluate_geo_gold(gold: str | Path = DEFAULT_GOLD, corpus: str | Path = "training/corpus", *,
                      model: str | None = None, dumps: Sequence[str] = (), threshold: float | None = None,
                      sweep: bool = False, supplement: bool = True, cross_validate: int = 0) -> dict[str, Any]:
    """Scores from gold spans (``gold_spans``), from the model's spans (``predicted_spans``, with
    ``model``) and the dev sweep (``sweep``); ``supplement`` False leaves the packaged corpus
    gazetteer out (``dumps`` may name another supplement, e.g. one built from TRAIN only);
    ``cross_validate`` K > 0 gives only ``cross_validated``, the TRAIN and DEV rows in K folds."""
    from conflict_ner.geo import FUZZY_THRESHOLD, Geocoder, default_gazetteer
    from conflict_ner.geo.evaluate import evaluate_geo, read_documents, read_gold, read_locations
    from conflict_ner.geo.evaluate import sweep as run_sweep

    rows = read_gold(gold)
    texts = read_documents(corpus)
    if cross_validate:
        from conflict_ner.errors import InputError
        from conflict_ner.geo.crossval import TUNING_SPLITS, cross_validate as run_cv

        if model or sweep:
            raise InputError("--cross-validate scores the gold spans of TRAIN and DEV only: leave out --model "
                             "and --sweep (run them without it)")

        threshold = FUZZY_THRESHOLD if threshold is None else threshold
        base = default_gazetteer(dumps, supplement=False)  # the packaged one holds every fold's places
        return {"gold": str(gold), "threshold": threshold, "gazetteer_dumps": list(dumps), "packaged_supplement": False,
                "folds": cross_validate, "cross_validated": run_cv(rows, texts, read_locations(corpus), base,
                                                                   cross_validate, threshold, TUNING_SPLITS)}
    gazetteer = default_gazetteer(dumps, supplement=supplement)
    threshold = FUZZY_THRESHOLD if threshold is None else threshold
    geocoder = Geocoder(gazetteer, threshold)
    report: dict[str, Any] = {"gold": str(gold), "threshold": threshold, "gazetteer_dumps": list(dumps),
                              "packaged_supplement": supplement,
                              "gold_spans": evaluate_geo(rows, texts, read_locations(corpus), geocoder)}
    if model:
        from conflict_ner.extractor import EventExtractor

        extractor = EventExtractor.from_pretrained(model, actor_identity=False, geocode=False)
        ids = sorted({r.doc_id for r in rows})
        predicted = {doc_id: [(e.start, e.end) for e in ents if e.label == "LOCATION"]
                     for doc_id, ents in zip(ids, extractor.entities_batch(texts[i] for i in ids))}
        report["model"] = str(model)
        report["predicted_spans"] = evaluate_geo(rows, texts, predicted, geocoder)
    if sweep:
        report["sweep"] = {str(t): s for t, s in run_sweep(rows, texts, read_locations(corpus),
                                                           lambda t: Geocoder(gazetteer, t), SWEEP).items()}
    return report


def print_report(report: dict[str, Any]) -> None:
    for source in ("gold_spans", "predicted_spans", "cross_validated"):
        if source not in report:
            continue
        what = f"{report['folds']}-fold cross-validation over TRAIN+DEV, gold spans, each fold's supplement " \
            "from the other folds" if source == "cross_validated" else f"from {source.replace('_', ' ')}"
        print(f"{what} (fuzzy threshold {report['threshold']:g}, packaged supplement "
              f"{'on' if report.get('packaged_supplement', True) else 'off'}):")
        print(f"  {'split':<17} {'n':>4} {'found':>6} {'resolved':>8} {'exact':>6} {'<=25km':>6} {'prec':>6}")
        for split, s in report[source].items():
            print(f"  {split:<17} {s['n']:>4} {s['found']:>6.3f} {s['resolved']:>8.3f} {s['exact']:>6.3f} "
                  f"{s['within_25km']:>6.3f} {s['precision']:>6.3f}")
    if "sweep" in report:
        print("dev sweep (gold spans): threshold exact <=25km prec")
        for t, s in report["sweep"].items():
            if s:
                print(f"  {float(t):>6.1f} {s['exact']:.3f} {s['within_25km']:.3f} {s['precision']:.3f}")


def evaluate_geo_command(args) -> int:
    report = evaluate_geo_gold(args.gold, args.corpus, model=args.model, dumps=args.gazetteer or (),
                               threshold=args.threshold, sweep=args.sweep,
                               supplement=not getattr(args, "no_supplement", False),
                               cross_validate=getattr(args, "cross_validate", 0) or 0)
    print_report(report)
    if args.output:
        Path(args.output).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0
