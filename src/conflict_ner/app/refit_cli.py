"""``conflict-ner refit-heads MODEL --output DIR``: new event heads on a trained model's frozen
encoder (:mod:`conflict_ner.training.head_refit`), then the per-field choice on dev.

>>> import argparse
>>> sub = argparse.ArgumentParser().add_subparsers()
>>> p = add_refit_parser(sub, argparse.ArgumentParser(add_help=False))
>>> p.parse_args(["runs/default", "--output", "runs/default-refit"]).epochs
20
"""

from __future__ import annotations

import argparse


def add_refit_parser(sub, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The ``refit-heads`` sub-command's parser."""
    p = sub.add_parser("refit-heads", parents=[common],
                       help="train better event heads on a trained model's frozen encoder (a copy of the model)")
    p.add_argument("model", help="a trained model folder (left as it is)")
    p.add_argument("--output", required=True, help="the new model folder: a copy with the refitted heads")
    p.add_argument("--epochs", type=int, default=20, help="passes over the cached train states (default 20)")
    p.add_argument("--learning-rate", type=float, default=2e-3, help="AdamW learning rate (default 2e-3)")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--design", choices=["factored", "linear"], default="factored",
                   help="factored MLP heads (default) or the linear design of joint training")
    p.add_argument("--gold", default="training/corpus/compiled/events.jsonl",
                   help="compiled event gold; train.jsonl and dev.jsonl beside it are the documents")
    p.add_argument("--train-docs", help="training documents (default: train.jsonl beside the gold)")
    p.add_argument("--dev-docs", help="dev documents (default: dev.jsonl beside the gold)")
    p.add_argument("--span-weight", type=float, default=3.0, help="weight of trigger words in the span loss")
    p.add_argument("--state-cache", metavar="FILE",
                   help="keep the encoder states in FILE and reuse them on the next run with the same model and data")
    p.add_argument("--no-choose", action="store_true", help="skip the per-field choice on dev")
    p.set_defaults(func=refit_command)
    return p


def refit_command(args: argparse.Namespace) -> int:
    from conflict_ner.training.head_refit import refit_heads

    report = refit_heads(args.model, args.output, epochs=args.epochs, seed=args.seed, design=args.design,
                         gold=args.gold, span_weight=args.span_weight, learning_rate=args.learning_rate,
                         choose=not args.no_choose,
                         train_docs=args.train_docs, dev_docs=args.dev_docs, state_cache=args.state_cache)
    print(f"heads refitted in {report['seconds']['fit']} s (encoder states cached in "
          f"{report['seconds']['cache']} s); model written to {report['output']}")
    return 0
