"""Date F1 of each date-carry variant of the event rules, on gold entities (ANNOTATION.md section 6).

    .venv/bin/python bench/date_carry.py                          # dev
    .venv/bin/python bench/date_carry.py --splits dev train

Runs ``evaluate_event_gold`` (the ``conflict-ner evaluate-events`` scorer, rules on the
gold spans so entity errors do not blur the comparison) once per variant of
``build_records(carry=...)``: ``document`` (the first act date of the story), ``paragraph``
(the paragraph's first record date, else the document's) and ``recent`` (the most recent
record date before the sentence). Prints one markdown row per split and variant.
"""

from __future__ import annotations

import argparse
from functools import partial

import conflict_ner.events.builder as builder
from conflict_ner.app.event_eval_cli import DEFAULT_GOLD, evaluate_event_gold
from conflict_ner.events.date_carry import CARRY_MODES

FIELDS = ("records", "date", "date_value", "date_matched")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=DEFAULT_GOLD)
    parser.add_argument("--splits", nargs="+", default=["dev"])
    args = parser.parse_args()
    original = builder.build_records
    print("| split | carry | " + " | ".join(FIELDS) + " |")
    print("|---|---|" + "---:|" * len(FIELDS))
    try:
        for mode in CARRY_MODES:
            # the scorer imports build_records from the module at call time
            builder.build_records = partial(original, carry=mode)
            report = evaluate_event_gold(None, args.gold, splits=args.splits)
            for split in args.splits:
                scores = report["splits"][split]["gold_entities"]
                cells = " | ".join(f"{scores[f]['f1']['mean']:.3f}" for f in FIELDS)
                print(f"| {split} | {mode} | {cells} |")
    finally:
        builder.build_records = original


if __name__ == "__main__":
    main()
