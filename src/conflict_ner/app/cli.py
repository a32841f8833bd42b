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

from conflict_ner import __version__
from conflict_ner.app.output import configure_output
from conflict_ner.errors import ConflictNerError
from conflict_ner.tagging.settings import QUANTIZE_CHOICES

PRECISION_CHOICES = ("auto", "fp32", *QUANTIZE_CHOICES)  # tagging.quantization's, without importing torch


def _cmd_train(args: argparse.Namespace) -> int:
    from conflict_ner.training.config import load_config
    from conflict_ner.training.trainer import train

    config = load_config(args.config, args.set)
    result = train(config, resume=args.resume, overwrite=args.overwrite, progress=not args.quiet)
    print(f"model, metrics and model card written to {result.output_dir}")
    return 0


def _cmd_adapt(args: argparse.Namespace) -> int:
    from conflict_ner.training.adapt import adapt_encoder

    result = adapt_encoder(args.base_model, args.sources, args.output, epochs=args.epochs,
                           learning_rate=args.learning_rate, batch_size=args.batch_size,
                           max_length=args.max_length, seed=args.seed, progress=not args.quiet)
    print(f"masked-LM on {result.texts} texts ({result.windows} windows, {result.steps} steps, "
          f"{result.seconds:.0f} s): loss {result.first_loss:.3f} -> {result.last_loss:.3f}; "
          f"encoder written to {result.output_dir}")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from conflict_ner.training.evaluate import evaluate_path

    metrics = evaluate_path(args.model, args.data, fmt=args.format, output=args.output, quantize=args.quantize,
                            decoding=args.decoding, progress=not args.quiet)
    for name, m in metrics.items():
        print(f"{name}: micro P/R/F1 {m['micro']['precision']:.4f}/{m['micro']['recall']:.4f}/"
              f"{m['micro']['f1']:.4f}  macro F1 {m['macro']['f1']:.4f}  partial F1 {m['partial']['f1']:.4f}")
        for label, r in m["per_label"].items():
            print(f"  {label:<18} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  n={r['support']}")
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    from conflict_ner.app.batch import extract_command

    return extract_command(args)


def _cmd_dedup(args: argparse.Namespace) -> int:
    from conflict_ner.dedup_io import dedup_file, summary

    groups = dedup_file(args.records, args.output, max_km=args.max_km, keep_singletons=not args.only_shared)
    print(f"{summary(groups)} -> {args.output}")
    return 0


def _cmd_evaluate_dedup(args: argparse.Namespace) -> int:
    from conflict_ner.dedup_eval import evaluate_dedup

    result = evaluate_dedup(args.corpus, args.clusters, model=args.model, geocode=not args.no_geo)
    for name in ("gold_records", "rules_gold_entities", "model_predicted_entities"):
        if name in result:
            r = result[name]
            print(f"{name}: pairwise P/R/F1 {r['precision']:.3f}/{r['recall']:.3f}/{r['f1']:.3f} "
                  f"({r['links_correct']} of {r['links_predicted']} predicted links, {r['links_gold']} gold; "
                  f"{r['records']} records in {r['groups']} groups)")
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2)
    return 0


def _cmd_view(args: argparse.Namespace) -> int:
    from conflict_ner.app.view import view_command

    return view_command(args)


def _cmd_choose_event_fields(args: argparse.Namespace) -> int:
    from conflict_ner.app.choose_fields import field_ablation, markdown_table, write_choice

    report = field_ablation(args.model, args.gold, args.split)
    if not args.dry_run:
        write_choice(args.model, report)
    print(markdown_table(report), end="")
    return 0


def _cmd_evaluate_events(args: argparse.Namespace) -> int:
    from conflict_ner.app.event_eval_cli import evaluate_event_gold

    from conflict_ner.training.event_eval_report import markdown

    if not args.model and args.no_gold_entities:
        print("error: nothing to score: give --model, or drop --no-gold-entities", file=sys.stderr)
        return 2
    report = evaluate_event_gold(args.model, args.gold, splits=args.splits, split=args.split,
                                 with_gold_entities=not args.no_gold_entities, output=args.output,
                                 markdown_output=args.markdown)
    print(markdown(report), end="")
    return 0


def _cmd_evaluate_geo(args: argparse.Namespace) -> int:
    from conflict_ner.app.geo_eval_cli import evaluate_geo_command

    return evaluate_geo_command(args)


def _cmd_evaluate_actors(args: argparse.Namespace) -> int:
    from conflict_ner.actors.evaluate import evaluate_actor_gold

    result = evaluate_actor_gold(args.gold, args.corpus, model=args.model, splits=args.splits,
                                 aliases=args.actor_aliases or (), leave_out=args.leave_out,
                                 known_actors=not args.without_known_actors)
    for source in ("gold_spans", "predicted_spans"):
        for split, s in result.get(source, {}).items():
            print(f"{source:<16}{split:<10} accuracy {s['accuracy']:.3f} (n={s['mentions']})  "
                  f"named {s['named_accuracy']:.3f} (n={s['named']})  inter code {s['inter_accuracy']:.3f}")
    if "dev_sweep" in result:
        print("dev accuracy by fuzzy threshold: " + ", ".join(f"{t:g}: {a:.3f}" for t, a in result["dev_sweep"]))
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=2)
    return 0


def _cmd_check_markup(args: argparse.Namespace) -> int:
    from conflict_ner.training.corpus.markup import read_markup

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
    from conflict_ner.training.corpus.build import build_corpus

    summary = build_corpus(args.corpus)
    from conflict_ner.training.corpus.trigger_table import refresh_packaged

    # the rules' trigger table is built from the train gold: keep it in step with the markup
    table = refresh_packaged(args.corpus)
    if table is not None:
        summary["trigger_table"] = str(table)
    print(json.dumps(summary, indent=2))
    return 0


def _cmd_data_check(args: argparse.Namespace) -> int:
    from conflict_ner.training.corpus.check import check_corpus

    ok, lines = check_corpus(args.path)
    print("\n".join(lines))
    return 0 if ok else 1


QUANTIZE_HELP = ("inference precision: auto (default) takes bf16 on CPUs with AMX or AVX-512 BF16, else fp32; "
                 "int8 is faster with VNNI but about 1.4 F1 points lower")


def _reading_options(p: argparse.ArgumentParser) -> None:
    """The input options ``extract`` and ``view`` share."""
    p.add_argument("--published", metavar="DATE",
                   help="publication date (YYYY-MM-DD, RFC 2822, '8 May 2024') for inputs without one of their own; "
                        "anchors relative dates")
    p.add_argument("--any-language", action="store_true",
                   help="run documents the language check finds not in English (refused by default)")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="errors only: no progress bars, no third-party messages")
    common.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                        help="more detail (repeat for debug output, third-party libraries included)")
    parser = argparse.ArgumentParser(prog="conflict-ner", parents=[common],
                                     description="Entities and event records from conflict news.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("train", parents=[common], help="fine-tune a model from a YAML config")
    p.add_argument("config", help="YAML config (see configs/)")
    p.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                   help="override a config value, e.g. --set training.epochs=3 (repeatable)")
    p.add_argument("--resume", action="store_true", help="continue from the output directory's last checkpoint")
    p.add_argument("--overwrite", action="store_true", help="replace a non-empty output directory")
    p.set_defaults(func=_cmd_train)

    p = sub.add_parser("adapt", parents=[common], help="domain-adaptive masked-LM training of an encoder (before fine-tuning)")
    p.add_argument("sources", nargs="+", help="JSONL corpora, CoNLL files or .txt files (never test data)")
    p.add_argument("-o", "--output", required=True, help="folder for the adapted encoder (use as base_model)")
    p.add_argument("--base-model", default="packaged:all-MiniLM-L6-v2")
    p.add_argument("--epochs", type=float, default=3)
    p.add_argument("--learning-rate", type=float, default=1e-4)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--max-length", type=int, default=128)
    p.add_argument("--seed", type=int, default=13)
    p.set_defaults(func=_cmd_adapt)

    p = sub.add_parser("evaluate", parents=[common], help="score a trained model on labeled data")
    p.add_argument("--model", required=True, action="append",
                   help="a trained model directory; repeated, their ensemble (mean log-probabilities)")
    p.add_argument("data", help="JSONL file/folder, CoNLL file, re3d folder, or a YAML config (its dev/test)")
    p.add_argument("--format", choices=["jsonl", "conll", "re3d"], help="data format (detected if omitted)")
    p.add_argument("-o", "--output", help="write the metrics as JSON here")
    p.add_argument("--quantize", choices=PRECISION_CHOICES, default="auto", help=QUANTIZE_HELP)
    p.add_argument("--decoding", choices=["greedy", "viterbi"],
                   help="decode this way instead of the run's own setting (ablations)")
    p.set_defaults(func=_cmd_evaluate)

    p = sub.add_parser("extract", parents=[common], help="event records from articles, streamed and resumable")
    p.add_argument("--model", required=True, help="a trained model directory")
    p.add_argument("inputs", nargs="+",
                   help=".txt, .html/.htm and JSONL files (id, text, published, other fields passed through), "
                        "folders of them, http(s):// URLs, or - for stdin")
    p.add_argument("-o", "--output", required=True, help="output file (re-running resumes it)")
    p.add_argument("--format", choices=["jsonl", "csv", "acled", "ucdp", "parquet"], default="jsonl",
                   help="jsonl: one line per input; csv: one ACLED-like row per event; acled: ACLED's columns, a row "
                        "per event and place; ucdp: UCDP GED-style columns; parquet: one row per record")
    p.add_argument("--docs-per-chunk", type=int, metavar="N", help="documents tagged together (default 32)")
    p.add_argument("--batch-size", type=int, dest="docs_per_chunk", help=argparse.SUPPRESS)  # old name
    p.add_argument("--max-bytes", type=int, help="refuse inputs larger than this (default 2 MB)")
    p.add_argument("--time-budget", type=float, default=300, metavar="SECONDS",
                   help="per document; one that takes longer becomes an error line (default 300, 0: none)")
    p.add_argument("--retry-errors", action="store_true", help="run again the inputs that failed in the output")
    p.add_argument("--overwrite", action="store_true", help="start the output afresh (also with another model)")
    p.add_argument("--quantize", choices=PRECISION_CHOICES, default="auto", help=QUANTIZE_HELP)
    p.add_argument("--actor-aliases", action="append", metavar="FILE",
                   help="an alias table (aliases.yaml's shape) extending the packaged one; repeatable")
    p.add_argument("--no-actor-identity", action="store_true",
                   help="leave the actors' canonical name, actor type and inter code empty")
    p.add_argument("--gazetteer", action="append", metavar="DUMP",
                   help="a GeoNames dump (SY.txt, allCountries.txt) adding villages to the geocoder; repeatable")
    p.add_argument("--no-geo", action="store_true", help="leave the places' geo slot (and geo columns) empty")
    p.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="ray: the model runs on a Ray actor pool (pip install 'conflict-ner[ray]'); same output")
    p.add_argument("--address", help="with --engine ray: join this Ray cluster (auto, HOST:PORT); default: "
                                     "start a local Ray with this machine's cores")
    p.add_argument("--actors", type=int, metavar="N", help="with --engine ray: model actors (default: CPUs / threads)")
    p.add_argument("--threads-per-actor", type=int, default=1, metavar="T",
                   help="with --engine ray: torch threads (and CPUs reserved) per actor (default 1)")
    p.add_argument("--dedup", metavar="GROUPS.jsonl",
                   help="also group the records of different inputs that report one act (jsonl output only)")
    _reading_options(p)
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("dedup", parents=[common], help="group records of different articles that report one act")
    p.add_argument("records", help="extract's JSONL output, or JSONL of records")
    p.add_argument("-o", "--output", required=True, help="the groups, one JSON object a line")
    p.add_argument("--max-km", type=float, help="geocoded places this close are one place (default 25)")
    p.add_argument("--only-shared", action="store_true", help="write only groups reported by several documents")
    p.set_defaults(func=_cmd_dedup)

    p = sub.add_parser("evaluate-dedup", parents=[common],
                       help="pairwise precision/recall of dedup groups against the clustered-reports gold")
    p.add_argument("--model", help="also score the model's records from its predicted entities")
    p.add_argument("--corpus", default="training/corpus", help="corpus folder with compiled/ (default training/corpus)")
    p.add_argument("--clusters", help="the gold side file (default CORPUS/clusters.tsv)")
    p.add_argument("--no-geo", action="store_true", help="compare places by name only")
    p.add_argument("-o", "--output", help="write the scores as JSON here")
    p.set_defaults(func=_cmd_evaluate_dedup)

    p = sub.add_parser("view", parents=[common], help="an HTML page of one article's entities and event records")
    p.add_argument("--model", required=True)
    p.add_argument("article", help="a UTF-8 .txt file, an .html page, an http(s):// URL, or - for stdin")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.add_argument("--title", help="the page's heading (default: the page's own title, else the file name)")
    p.add_argument("--quantize", choices=PRECISION_CHOICES, default="auto", help=QUANTIZE_HELP)
    _reading_options(p)
    p.set_defaults(func=_cmd_view)

    p = sub.add_parser("evaluate-events", parents=[common], help="per-field scores of event records against gold")
    p.add_argument("--model", action="append", metavar="DIR",
                   help="a trained model; repeat for several seeds (figures become mean and std)")
    p.add_argument("gold", nargs="?", default="training/corpus/compiled/events.jsonl",
                   help="compiled event gold (default training/corpus/compiled/events.jsonl)")
    p.add_argument("--splits", nargs="+", default=["test", "test_new", "heldout", "dev"])
    p.add_argument("--split", choices=["train", "dev", "test", "test_new", "heldout", "all"],
                   help="one split only (overrides --splits)")
    p.add_argument("--no-gold-entities", action="store_true", help="skip the rules-on-gold-spans figures")
    p.add_argument("-o", "--output", help="write the report as JSON here")
    p.add_argument("--markdown", help="write the tables as markdown here")
    p.set_defaults(func=_cmd_evaluate_events)

    p = sub.add_parser("choose-event-fields", parents=[common],
                       help="per field (triggers, roles, modality): rules, learned heads or both, picked on dev")
    p.add_argument("model", help="a trained model with event heads; the choice is written into its config.json")
    p.add_argument("--gold", default="training/corpus/compiled/events.jsonl")
    p.add_argument("--split", default="dev", help="the split the choice is made on (default dev)")
    p.add_argument("--dry-run", action="store_true", help="print the table, write nothing")
    p.set_defaults(func=_cmd_choose_event_fields)

    from conflict_ner.app.refit_cli import add_refit_parser

    add_refit_parser(sub, common)

    p = sub.add_parser("evaluate-geo", parents=[common],
                       help="geocoding accuracy against the hand-geocoded gold (gold and predicted spans)")
    p.add_argument("--model", help="also score from this model's predicted LOCATION spans")
    p.add_argument("--gold", default="training/corpus/geo_gold.tsv")
    p.add_argument("--corpus", default="training/corpus", help="corpus folder with compiled/ (default training/corpus)")
    p.add_argument("--gazetteer", action="append", metavar="DUMP",
                   help="a GeoNames dump or a gazetteer supplement TSV to add; repeatable")
    p.add_argument("--no-supplement", action="store_true",
                   help="leave out the packaged corpus gazetteer (resources/geo_supplement.tsv, TRAIN+DEV gold)")
    p.add_argument("--threshold", type=float, help="fuzzy match threshold (default: the one chosen on dev)")
    p.add_argument("--sweep", action="store_true", help="also score dev at several fuzzy thresholds")
    p.add_argument("--cross-validate", type=int, default=0, metavar="K",
                   help="score only TRAIN+DEV, K folds by document, each with a supplement of the other folds")
    p.add_argument("-o", "--output", help="write the scores as JSON here")
    p.set_defaults(func=_cmd_evaluate_geo)

    p = sub.add_parser("evaluate-actors", parents=[common],
                       help="actor identity accuracy against the hand-mapped gold (gold and predicted spans)")
    p.add_argument("--model", help="also score from this model's predicted ACTOR spans")
    p.add_argument("--gold", default="training/corpus/actor_gold.tsv")
    p.add_argument("--corpus", default="training/corpus/compiled", help="the compiled splits the gold indexes")
    p.add_argument("--splits", nargs="+", default=["test", "test_new", "heldout"])
    p.add_argument("--actor-aliases", action="append", metavar="FILE", help="extend the alias table; repeatable")
    p.add_argument("--leave-out", metavar="dev|folds:K|theatres:K",
                   help="dev: score with the table minus what only dev's mentions taught it; folds:K / theatres:K: "
                   "cross-validate the train+dev gold over K folds of documents / theatres")
    p.add_argument("--without-known-actors", action="store_true",
                   help="score without the general-knowledge actor table (known_actors.yaml), to measure it")
    p.add_argument("-o", "--output", help="write the scores as JSON here")
    p.set_defaults(func=_cmd_evaluate_actors)

    data = sub.add_parser("data", parents=[common], help="corpus tools").add_subparsers(dest="data_command", required=True)
    p = data.add_parser("check-markup", parents=[common], help="compile markup files and report every error")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=_cmd_check_markup)
    p = data.add_parser("build", parents=[common], help="compile training/corpus/markup into the compiled splits")
    p.add_argument("--corpus", default="training/corpus", help="corpus folder (default training/corpus)")
    p.set_defaults(func=_cmd_data_build)
    p = data.add_parser("check", parents=[common], help="check a corpus folder: counts, errors, label consistency")
    p.add_argument("path", nargs="?", default="training/corpus")
    p.set_defaults(func=_cmd_data_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.quiet = getattr(args, "quiet", False)
    args.verbose = getattr(args, "verbose", 0) or 0
    configure_output(quiet=args.quiet, verbose=args.verbose)
    try:
        return args.func(args)
    except ConflictNerError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
