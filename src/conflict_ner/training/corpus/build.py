"""Compile the corpus markup into fixed splits.

Layout under the corpus folder (``training/corpus``):

- ``markup/*.md`` — the source of truth (training/ANNOTATION.md, section 4);
- ``splits.tsv`` — ``doc_id<TAB>split``, assigned once, never reshuffled;
- ``heldout_theatres.txt`` — theatres kept out of training, one a line;
- ``compiled/{train,dev,test,test_new,heldout}.jsonl`` and ``compiled/events.jsonl`` — generated.

New documents are assigned to train/dev/test (70/15/15) stratified by theatre and by
whether they carry event gold, deterministically from their ids. ``test`` is frozen once
it has documents: a new document that the assignment puts in test goes to ``test_new``
instead, so test figures stay comparable as the corpus grows. Every document of a held-out theatre goes to ``heldout``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from conflict_ner.errors import DataError
from conflict_ner.training.corpus.markup import MarkupDocument, read_markup

SPLITS = ("train", "dev", "test", "test_new", "heldout")
FRACTIONS = {"train": 0.70, "dev": 0.15, "test": 0.15}  # the stratified assignment's shares


@dataclass
class CompiledCorpus:
    documents: list[MarkupDocument]
    splits: dict[str, str]
    files: dict[str, str]  # relative path -> content


def read_corpus_markup(corpus: Path) -> list[MarkupDocument]:
    """Every document of ``corpus/markup/*.md``; all errors are reported together."""
    files = sorted((corpus / "markup").glob("*.md"))
    if not files:
        raise DataError("no markup files (markup/*.md)", path=str(corpus))
    errors: list[DataError] = []
    docs: list[MarkupDocument] = []
    seen: dict[str, str] = {}
    for file in files:
        for md in read_markup(file, errors=errors):
            if md.document.id in seen:
                errors.append(DataError(f"duplicate id (first at {seen[md.document.id]})", path=str(file),
                                        line=md.line, doc_id=md.document.id))
                continue
            seen[md.document.id] = f"{file}:{md.line}"
            docs.append(md)
    if errors:
        raise DataError(f"{len(errors)} error(s) in the markup:\n" + "\n".join(str(e) for e in errors))
    return docs


def tsv_rows(path: Path):
    """``(line number, line, tab-separated fields)`` of a TSV file, blank and ``#`` lines
    skipped; nothing when the file does not exist."""
    if not path.is_file():
        return
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            yield lineno, line, line.split("\t")


def read_splits(path: Path) -> dict[str, str]:
    """``doc_id -> split`` from ``splits.tsv`` (empty if the file does not exist)."""
    out: dict[str, str] = {}
    for lineno, line, parts in tsv_rows(path):
        if len(parts) != 2 or parts[1] not in SPLITS:
            raise DataError(f"expected 'doc_id<TAB>{'|'.join(SPLITS)}', got {line!r}", path=str(path), line=lineno)
        out[parts[0]] = parts[1]
    return out


def read_heldout_theatres(path: Path) -> frozenset[str]:
    """Theatres whose documents all go to the ``heldout`` split, one a line (``#`` comments);
    none when the file does not exist."""
    return frozenset(parts[0].strip() for _, _, parts in tsv_rows(path))


def _stratum(md: MarkupDocument) -> tuple[str, bool]:
    return md.document.meta.get("theatre", ""), md.events is not None


def assign_splits(docs: list[MarkupDocument], existing: dict[str, str],
                  heldout_theatres: frozenset[str] = frozenset()) -> dict[str, str]:
    """Keep existing assignments; put each new document of a held-out theatre in ``heldout``
    and give every other new document the split furthest below its share within its stratum
    (theatre x has-event-gold), in an order fixed by a hash of its id. ``test`` is frozen once
    it has documents: from then on a new document drawn for test goes to ``test_new``.

    Raises DataError when an assigned document belongs to a held-out theatre but sits in
    another split (moving it would change every earlier figure: do it on purpose, in splits.tsv).
    """
    splits = {md.document.id: existing[md.document.id] for md in docs if md.document.id in existing}
    counts: dict[tuple, Counter] = defaultdict(Counter)
    for md in docs:
        split = splits.get(md.document.id)
        if split is None:
            continue
        if _stratum(md)[0] in heldout_theatres and split != "heldout":
            raise DataError(f"theatre {_stratum(md)[0]!r} is held out, but splits.tsv puts this document in "
                            f"{split!r}", path=md.path, line=md.line, doc_id=md.document.id)
        counts[_stratum(md)]["test" if split == "test_new" else split] += 1
    frozen_test = "test" in splits.values()
    new = [md for md in docs if md.document.id not in splits]
    new.sort(key=lambda md: hashlib.sha1(md.document.id.encode()).hexdigest())
    for md in new:
        if _stratum(md)[0] in heldout_theatres:
            splits[md.document.id] = "heldout"
            continue
        c = counts[_stratum(md)]
        total = sum(c[s] for s in FRACTIONS) + 1
        split = max(FRACTIONS, key=lambda s: (FRACTIONS[s] * total - c[s], FRACTIONS[s]))
        c[split] += 1
        splits[md.document.id] = "test_new" if split == "test" and frozen_test else split
    return splits


def compile_corpus(corpus: str | Path) -> CompiledCorpus:
    """Compile markup and splits into the contents of the generated files (nothing written)."""
    corpus = Path(corpus)
    docs = read_corpus_markup(corpus)
    splits = assign_splits(docs, read_splits(corpus / "splits.tsv"),
                           read_heldout_theatres(corpus / "heldout_theatres.txt"))
    files: dict[str, str] = {}
    lines: dict[str, list[str]] = {s: [] for s in SPLITS}
    events: list[str] = []
    for md in docs:
        split = splits[md.document.id]
        lines[split].append(json.dumps(md.document.to_json(), ensure_ascii=False))
        if md.events is not None:
            events.append(json.dumps({"doc_id": md.document.id, "split": split,
                                      "published": md.document.published, "records": md.events},
                                     ensure_ascii=False))
    for split in SPLITS:
        files[f"compiled/{split}.jsonl"] = "".join(line + "\n" for line in lines[split])
    files["compiled/events.jsonl"] = "".join(line + "\n" for line in events)
    files["splits.tsv"] = "# doc_id<TAB>split (train, dev, test: frozen, test_new, heldout), assigned once by " \
        "`conflict-ner data build`; never reshuffled\n" + \
        "".join(f"{md.document.id}\t{splits[md.document.id]}\n" for md in docs)
    return CompiledCorpus(docs, splits, files)


def stale_files(corpus: str | Path, compiled: CompiledCorpus | None = None) -> list[str]:
    """Generated files whose content differs from what the markup compiles to."""
    corpus = Path(corpus)
    compiled = compiled or compile_corpus(corpus)
    out = []
    for rel, content in compiled.files.items():
        path = corpus / rel
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            out.append(str(path))
    return out


def build_corpus(corpus: str | Path = "training/corpus") -> dict:
    """Compile and write the generated files; returns a summary."""
    corpus = Path(corpus)
    compiled = compile_corpus(corpus)
    (corpus / "compiled").mkdir(parents=True, exist_ok=True)
    for rel, content in compiled.files.items():
        (corpus / rel).write_text(content, encoding="utf-8")
    per_split = Counter(compiled.splits.values())
    gold = Counter(compiled.splits[md.document.id] for md in compiled.documents if md.events is not None)
    return {"documents": len(compiled.documents), "splits": dict(per_split), "event_gold_documents": dict(gold)}
