"""Event scores of several training seeds as mean and standard deviation, and as markdown.

>>> a = {"records": {"f1": 0.8, "gold": 10}, "sub_event_type": {"baseline": "Armed clash", "f1": 0.5}}
>>> b = {"records": {"f1": 0.9, "gold": 10}, "sub_event_type": {"baseline": "Armed clash", "f1": 0.7}}
>>> m = mean_std([a, b])
>>> m["records"]["f1"], m["sub_event_type"]["baseline"]
({'mean': 0.85, 'std': 0.0707, 'values': [0.8, 0.9]}, 'Armed clash')
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

#: The rows of the field table, in order (``trigger``: the predicted trigger overlaps the gold one;
#: ``date_matched``, ``modality_matched``: accuracy of the field on matched records).
TABLE_FIELDS = ("records", "actors", "actors_text", "locations", "weapons", "counts", "date", "date_value",
                "date_matched", "modality", "modality_matched", "trigger", "trigger_exact", "event_type",
                "sub_event_type")
SOURCES = {"predicted_entities": "from predicted entities", "gold_entities": "from gold entities (rules on gold spans)"}


def mean_std(runs: Sequence[Any]) -> Any:
    """Numbers of the same place in each run become ``{mean, std, values}`` (sample standard
    deviation; 0 for one run); anything else keeps the first run's value."""
    first = runs[0]
    if isinstance(first, dict):
        return {k: mean_std([r[k] for r in runs]) for k in first}
    if isinstance(first, (int, float)) and not isinstance(first, bool) and \
            all(isinstance(r, (int, float)) for r in runs):
        values = [float(r) for r in runs]
        std = statistics.stdev(values) if len(values) > 1 else 0.0
        return {"mean": round(statistics.fmean(values), 4), "std": round(std, 4), "values": list(runs)}
    return first


def _cell(figure: Any) -> str:
    if isinstance(figure, dict) and "mean" in figure:
        if all(isinstance(v, int) for v in figure["values"]):  # a count (matched records)
            return f"{figure['mean']:g}" + (f" ± {figure['std']:g}" if figure["std"] else "")
        return f"{figure['mean']:.3f} ± {figure['std']:.3f}" if figure["std"] else f"{figure['mean']:.3f}"
    return "—" if figure is None else str(figure)


def markdown(report: dict[str, Any]) -> str:
    """Tables of a report of :func:`conflict_ner.app.event_eval_cli.evaluate_event_gold`: F1 per
    field and split for each entity source, then the type figures (macro-F1, accuracy on
    matched records, the majority baseline's accuracy)."""
    splits = report["splits"]
    names = list(splits)
    n_models = len(report.get("models") or [])
    out = [f"Event records against the gold ({report.get('gold')}); "
           + (f"mean ± std over {n_models} model(s)" if n_models else "rules only") + "."]
    docs = ", ".join(f"{s} {splits[s]['documents']} docs / {splits[s]['gold_records']} records" for s in names)
    out.append(f"\nGold: {docs}.")
    for source, title in SOURCES.items():
        present = [s for s in names if splits[s].get(source)]
        if not present:
            continue
        out.append(f"\n**F1 {title}**\n")
        out.append("| field | " + " | ".join(present) + " |")
        out.append("|---|" + "---:|" * len(present))
        for field in TABLE_FIELDS:
            cells = [_cell(splits[s][source].get(field, {}).get("f1")) for s in present]
            out.append(f"| {field} | " + " | ".join(cells) + " |")
        out.append(f"\n**Types {title}**\n")
        out.append("| split | field | micro F1 | macro-F1 | accuracy (matched) | majority baseline | matched |")
        out.append("|---|---|---:|---:|---:|---:|---:|")
        for s in present:
            for field in ("event_type", "sub_event_type"):
                t = splits[s][source][field]
                base = f"{_cell(t['baseline_accuracy'])} ({t['baseline']})" if t.get("baseline") else "—"
                out.append(f"| {s} | {field} | {_cell(t['f1'])} | {_cell(t['macro_f1'])} | {_cell(t['accuracy'])} "
                           f"| {base} | {_cell(t['matched'])} |")
    return "\n".join(out) + "\n"
