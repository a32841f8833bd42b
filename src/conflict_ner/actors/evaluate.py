"""Actor identity against the corpus's hand-mapped gold (``training/corpus/actor_gold.tsv``).

Each gold row is one ACTOR mention of a corpus document with the canonical actor, ACLED
actor type and inter code the annotator gave it (an empty canonical: the mention names no
actor). Scored per split:

- from gold spans: the resolver sees the document's gold ACTOR and LOCATION spans;
- from predicted spans: a model tags the document; a gold mention counts as right when a
  predicted ACTOR span overlapping it most resolves to the gold canonical (a mention the model
  missed is wrong).

Accuracy is exact agreement of the canonical name (``None`` agrees with an empty gold);
``named`` restricts it to mentions with a gold canonical; inter codes are scored apart.

>>> row = GoldMention("d", 0, 6, "Rebels", "test", "Unidentified Armed Group (Syria)", "Political Militias", 3)
>>> row.inter_code
3
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

from conflict_ner.actors.cross_validate import TUNING_SPLITS, fold_tables, parse_leave_out, tuning_folds
from conflict_ner.actors.leave_out import leave_out_table
from conflict_ner.actors.resolve import ActorResolver
from conflict_ner.actors.table import ActorTable, Identity, default_table
from conflict_ner.errors import DataError

GOLD_COLUMNS = ["doc_id", "start", "end", "text", "split", "canonical", "actor_type", "inter_code"]
SCORED_SPLITS = ("test", "test_new", "heldout")
ALL_SPLITS = ("train", "dev", "test", "test_new", "heldout")


@dataclass(frozen=True)
class GoldMention:
    doc_id: str
    start: int
    end: int
    text: str
    split: str
    canonical: str | None
    actor_type: str | None
    inter_code: int | None


def read_gold(path: str | Path, docs: Mapping[str, Mapping[str, Any]] | None = None) -> list[GoldMention]:
    """The gold rows; with ``docs`` (id -> corpus document) each row's text is checked against
    the document (a bad row raises :class:`DataError` naming file and line)."""
    out: list[GoldMention] = []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        header = next(reader, None)
        if header != GOLD_COLUMNS:
            raise DataError(f"header must be {GOLD_COLUMNS}, not {header}", path=str(path), line=1)
        for line, row in enumerate(reader, start=2):
            if len(row) != len(GOLD_COLUMNS):
                raise DataError(f"{len(row)} columns, expected {len(GOLD_COLUMNS)}", path=str(path), line=line)
            doc_id, start, end, text, split, canonical, actor_type, inter = row
            try:
                s, e = int(start), int(end)
                code = int(inter) if inter else None
            except ValueError as err:
                raise DataError(f"start, end and inter_code must be integers: {err}", path=str(path), line=line,
                                doc_id=doc_id) from err
            if docs is not None:
                doc = docs.get(doc_id)
                if doc is None:
                    raise DataError("no such document in the corpus", path=str(path), line=line, doc_id=doc_id)
                found = " ".join(doc["text"][s:e].split())
                if found != text:
                    raise DataError(f"text {text!r} is not the document's {found!r} at {s}-{e}", path=str(path),
                                    line=line, doc_id=doc_id, offset=s)
            out.append(GoldMention(doc_id, s, e, text, split, canonical or None, actor_type or None, code))
    return out


def read_corpus(folder: str | Path, splits: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Documents by id from the compiled corpus splits (each marked with its ``split``)."""
    docs: dict[str, dict[str, Any]] = {}
    for split in splits:
        path = Path(folder) / f"{split}.jsonl"
        with open(path, encoding="utf-8") as handle:
            for line, raw in enumerate(handle, start=1):
                if raw.strip():
                    try:
                        doc = json.loads(raw)
                    except json.JSONDecodeError as err:
                        raise DataError(f"not JSON: {err.msg}", path=str(path), line=line) from err
                    doc.setdefault("split", split)
                    docs[doc["id"]] = doc
    return docs


@dataclass
class Score:
    n: int = 0
    right: int = 0
    named_n: int = 0
    named_right: int = 0
    inter_n: int = 0
    inter_right: int = 0

    def add(self, gold: GoldMention, got: Identity | None) -> None:
        canonical = got.canonical if got is not None else None
        ok = canonical == gold.canonical
        self.n += 1
        self.right += ok
        if gold.canonical is not None:
            self.named_n += 1
            self.named_right += ok
        if gold.inter_code is not None:
            self.inter_n += 1
            self.inter_right += (got is not None and got.inter_code == gold.inter_code)

    def to_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None
        return {"mentions": self.n, "accuracy": ratio(self.right, self.n), "named": self.named_n,
                "named_accuracy": ratio(self.named_right, self.named_n), "inter_accuracy": ratio(self.inter_right, self.inter_n)}


def resolve_doc(resolver: ActorResolver, doc: Mapping[str, Any], actor_spans: Sequence[tuple[int, int]],
                place_spans: Sequence[tuple[int, int]]) -> dict[tuple[int, int], Identity]:
    """Identities of a document's actor spans, keyed by span."""
    text = doc["text"]
    published = date.fromisoformat(doc["published"]) if doc.get("published") else None
    places = [text[s:e] for s, e in place_spans]
    return dict(zip(actor_spans, resolver.resolve(text, actor_spans, published=published, places=places)))


def score_gold_spans(resolver: ActorResolver, gold: Sequence[GoldMention], docs: Mapping[str, Mapping[str, Any]],
                     errors: list[tuple[GoldMention, Identity | None]] | None = None) -> dict[str, Score]:
    """Scores per split with the documents' gold ACTOR and LOCATION spans."""
    scores: dict[str, Score] = defaultdict(Score)
    for doc_id, rows in _by_doc(gold).items():
        doc = docs[doc_id]
        actors = [(s, e) for s, e, label in doc["spans"] if label == "ACTOR"]
        places = [(s, e) for s, e, label in doc["spans"] if label == "LOCATION"]
        found = resolve_doc(resolver, doc, actors, places)
        for row in rows:
            got = found.get((row.start, row.end))
            scores[row.split].add(row, got)
            if errors is not None and (got.canonical if got else None) != row.canonical:
                errors.append((row, got))
    return dict(scores)


def score_predicted_spans(resolver: ActorResolver, gold: Sequence[GoldMention], docs: Mapping[str, Mapping[str, Any]],
                          predict: Callable[[list[str]], list[list[Any]]]) -> dict[str, Score]:
    """Scores per split with the spans a model predicts (``predict``: texts -> entities per text)."""
    grouped = _by_doc(gold)
    ids = list(grouped)
    entities = predict([docs[i]["text"] for i in ids])
    scores: dict[str, Score] = defaultdict(Score)
    for doc_id, ents in zip(ids, entities):
        doc = docs[doc_id]
        actors = [(e.start, e.end) for e in ents if e.label == "ACTOR"]
        places = [(e.start, e.end) for e in ents if e.label == "LOCATION"]
        found = resolve_doc(resolver, doc, actors, places)
        for row in grouped[doc_id]:
            span = _best_overlap((row.start, row.end), actors)
            scores[row.split].add(row, found.get(span) if span else None)
    return dict(scores)


def sweep_threshold(gold: Sequence[GoldMention], docs: Mapping[str, Mapping[str, Any]], split: str = "dev",
                    thresholds: Iterable[float] = (70, 75, 80, 84, 86, 88, 90, 92, 95, 100),
                    table: ActorTable | None = None) -> list[tuple[float, float]]:
    """Accuracy on ``split`` from gold spans for each fuzzy threshold (how the default was chosen)."""
    rows = [g for g in gold if g.split == split]
    out = []
    for t in thresholds:
        score = score_gold_spans(ActorResolver(table, fuzzy_threshold=t), rows, docs).get(split, Score())
        out.append((t, score.to_dict()["accuracy"]))
    return out


def _by_doc(gold: Sequence[GoldMention]) -> dict[str, list[GoldMention]]:
    grouped: dict[str, list[GoldMention]] = defaultdict(list)
    for row in gold:
        grouped[row.doc_id].append(row)
    return dict(grouped)


def _best_overlap(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The span overlapping ``span`` most (None when none overlaps).

    >>> _best_overlap((5, 10), [(0, 6), (6, 12), (20, 25)])
    (6, 12)
    """
    best, size = None, 0
    for s, e in spans:
        overlap = min(e, span[1]) - max(s, span[0])
        if overlap > size:
            best, size = (s, e), overlap
    return best


def score_folds(table: ActorTable, gold: Sequence[GoldMention], docs: Mapping[str, Mapping[str, Any]], k: int,
                by: str = "document", predict: Callable[[list[str]], list[list[Any]]] | None = None,
                errors: list[tuple[GoldMention, Identity | None]] | None = None,
                **resolver_kwargs: Any) -> tuple[dict[str, Score], dict[str, Score]]:
    """Cross-validated scores (gold spans; predicted spans with ``predict``) of the train and dev
    gold rows: each fold's rows resolved with the table its own documents did not teach
    (:mod:`conflict_ner.actors.cross_validate`); rows of other splits are not scored."""
    folds = tuning_folds(docs, k, by)
    tables = fold_tables(table, docs, folds, k)
    gold_scores: dict[str, Score] = defaultdict(Score)
    predicted: dict[str, Score] = defaultdict(Score)
    for fold, lean in enumerate(tables):
        rows = [g for g in gold if folds.get(g.doc_id) == fold]
        if not rows:
            continue
        resolver = ActorResolver(lean, **resolver_kwargs)
        for split, score in score_gold_spans(resolver, rows, docs, errors).items():
            _merge(gold_scores[split], score)
        if predict is not None:
            for split, score in score_predicted_spans(resolver, rows, docs, predict).items():
                _merge(predicted[split], score)
    return dict(gold_scores), dict(predicted)


def _merge(total: Score, part: Score) -> None:
    for name in ("n", "right", "named_n", "named_right", "inter_n", "inter_right"):
        setattr(total, name, getattr(total, name) + getattr(part, name))


def evaluate_actor_gold(gold_path: str | Path = "training/corpus/actor_gold.tsv",
                        corpus: str | Path = "training/corpus/compiled", *, model: str | Path | None = None,
                        splits: Sequence[str] = SCORED_SPLITS, aliases: Sequence[str | Path] = (),
                        fuzzy_threshold: float | None = None, leave_out: str | None = None,
                        known_actors: bool = True) -> dict[str, Any]:
    """Scores per split from gold spans (and from a model's predicted spans with ``model``);
    ``dev_sweep``: dev accuracy for each fuzzy threshold (how the default was chosen).

    ``leave_out="dev"``: the table without what only dev's mentions taught it
    (:mod:`conflict_ner.actors.leave_out`), so that dev scores what a train-only table gives;
    ``"folds:K"`` / ``"theatres:K"``: the train and dev gold cross-validated over K folds of
    documents / theatres (:mod:`conflict_ner.actors.cross_validate`; other splits are not scored).
    ``known_actors=False``: without the general-knowledge layer (``known_actors.yaml``), to measure it."""
    docs = read_corpus(corpus, [s for s in ALL_SPLITS if (Path(corpus) / f"{s}.jsonl").exists()])
    table = default_table(tuple(str(a) for a in aliases), known_actors)
    kind, value = parse_leave_out(leave_out) if leave_out is not None else (None, None)
    if kind == "split":
        if value not in ALL_SPLITS or value == "train":
            raise DataError(f"can leave out one of {list(ALL_SPLITS[1:])} or folds:K / theatres:K, not {leave_out!r}")
        table = leave_out_table(table, docs, held=value)
    kwargs: dict[str, Any] = {}
    if fuzzy_threshold is not None:
        kwargs["fuzzy_threshold"] = fuzzy_threshold
    gold = read_gold(gold_path, docs)
    rows = [g for g in gold if g.split in splits]
    if kind in ("document", "theatre"):
        rows = [g for g in rows if g.split in TUNING_SPLITS]
    if not rows:
        raise DataError(f"no gold mentions of splits {list(splits)}"
                        + (f" among {list(TUNING_SPLITS)} (cross-validation)" if kind in ("document", "theatre") else ""),
                        path=str(gold_path))
    predict = None
    if model is not None:
        from conflict_ner.extractor import EventExtractor

        predict = EventExtractor.from_pretrained(model, actor_identity=False).tagger.predict
    if kind in ("document", "theatre"):
        by_gold, by_model = score_folds(table, rows, docs, value, kind, predict, **kwargs)
        out: dict[str, Any] = {"cross_validated": {"folds": value, "by": kind},
                               "gold_spans": {s: v.to_dict() for s, v in sorted(by_gold.items())}}
        if predict is not None:
            out["predicted_spans"] = {s: v.to_dict() for s, v in sorted(by_model.items())}
        return out
    resolver = ActorResolver(table, **kwargs)
    out = {"gold_spans": {s: v.to_dict() for s, v in sorted(score_gold_spans(resolver, rows, docs).items())}}
    if predict is not None:
        scores = score_predicted_spans(resolver, rows, docs, predict)
        out["predicted_spans"] = {s: v.to_dict() for s, v in sorted(scores.items())}
    if any(g.split == "dev" for g in gold):
        out["dev_sweep"] = sweep_threshold(gold, docs, table=table)
    return out
