"""The ``conflict-ner`` command line: thin wrappers over the package's functions."""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from .errors import ConflictNerError


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
        print(f"error: {err}", file=sys.stderr)
    print(f"{n_docs} documents, {sum(labels.values())} spans, {n_gold} with event gold "
          f"({n_events} records)")
    for label, count in sorted(labels.items()):
        print(f"  {label:<9} {count}")
    return 1 if errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="conflict-ner", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    data = sub.add_parser("data", help="corpus tools").add_subparsers(dest="data_command", required=True)
    p = data.add_parser("check-markup", help="compile markup files and report every error")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=_cmd_check_markup)
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
