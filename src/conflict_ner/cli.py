"""The ``conflict-ner`` command line: thin wrappers over the package's functions.

    conflict-ner train configs/default.yaml --set training.epochs=3
    conflict-ner evaluate --model runs/default training/corpus/compiled/test.jsonl
    conflict-ner data build
    conflict-ner data check training/corpus
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from .errors import ConflictNerError


def _cmd_train(args: argparse.Namespace) -> int:
    from .config import load_config
    from .trainer import train

    config = load_config(args.config, args.set)
    result = train(config, resume=args.resume, overwrite=args.overwrite, progress=not args.quiet)
    print(f"model, metrics and model card written to {result.output_dir}")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_path

    metrics = evaluate_path(args.model, args.data, fmt=args.format, batch_size=args.batch_size,
                            output=args.output)
    for name, m in metrics.items():
        print(f"{name}: micro P/R/F1 {m['micro']['precision']:.4f}/{m['micro']['recall']:.4f}/"
              f"{m['micro']['f1']:.4f}  macro F1 {m['macro']['f1']:.4f}  partial F1 {m['partial']['f1']:.4f}")
        for label, r in m["per_label"].items():
            print(f"  {label:<18} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  n={r['support']}")
    return 0


def _cmd_check_markup(args: argparse.Namespace) -> int:
    from .corpus.markup import read_markup

    errors: list = []
    labels: Counter = Counter()
    n_docs = n_events = n_gold = 0
    for path in args.files:
        for md in read_markup(path, errors=errors):
            n_docs += 1
            labels.update(label for _, _, label in md.document.spans)
            if md.events is not None:
                n_gold += 1
                n_events += len(md.events)
    for err in errors:
        print(f"error: {err}")
    print(f"{n_docs} documents, {sum(labels.values())} spans, {n_gold} with event gold ({n_events} records)")
    for label, count in sorted(labels.items()):
        print(f"  {label:<9} {count}")
    return 1 if errors else 0


def _cmd_data_build(args: argparse.Namespace) -> int:
    from .corpus.build import build_corpus

    summary = build_corpus(args.corpus)
    print(json.dumps(summary, indent=2))
    return 0


def _cmd_data_check(args: argparse.Namespace) -> int:
    from .corpus.check import check_corpus

    ok, lines = check_corpus(args.path)
    print("\n".join(lines))
    return 0 if ok else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="conflict-ner", description="Entities and event records from conflict news.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("train", help="fine-tune a model from a YAML config")
    p.add_argument("config", help="YAML config (see configs/)")
    p.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                   help="override a config value, e.g. --set training.epochs=3 (repeatable)")
    p.add_argument("--resume", action="store_true", help="continue from the output directory's last checkpoint")
    p.add_argument("--overwrite", action="store_true", help="replace a non-empty output directory")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_train)

    p = sub.add_parser("evaluate", help="score a trained model on labeled data")
    p.add_argument("--model", required=True, help="a trained model directory")
    p.add_argument("data", help="JSONL file/folder, CoNLL file, re3d folder, or a YAML config (its dev/test)")
    p.add_argument("--format", choices=["jsonl", "conll", "re3d"], help="data format (detected if omitted)")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("-o", "--output", help="write the metrics as JSON here")
    p.set_defaults(func=_cmd_evaluate)

    data = sub.add_parser("data", help="corpus tools").add_subparsers(dest="data_command", required=True)
    p = data.add_parser("check-markup", help="compile markup files and report every error")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=_cmd_check_markup)
    p = data.add_parser("build", help="compile training/corpus/markup into the compiled splits")
    p.add_argument("--corpus", default="training/corpus", help="corpus folder (default training/corpus)")
    p.set_defaults(func=_cmd_data_build)
    p = data.add_parser("check", help="check a corpus folder: counts, errors, label consistency")
    p.add_argument("path", nargs="?", default="training/corpus")
    p.set_defaults(func=_cmd_data_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ConflictNerError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
