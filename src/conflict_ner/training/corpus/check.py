"""``conflict-ner data check``: counts, errors and consistency of the corpus.

Fails, naming file and line, on:

- markup errors and compiled files out of date;
- surface strings that carry different labels in different places, unless listed in
  ``label_exceptions.tsv`` (``surface<TAB>LABEL LABEL``, case-insensitive);
- strings labelled in one place and left unlabelled in another (:mod:`.consistency`),
  unless listed in ``consistency_allow.tsv``;
- the old place-noun convention, ``[Homs](LOCATION) province`` (:mod:`.conventions`);
- a gold span that crosses a hard line break: a blank line, or the end of a heading, caption,
  menu or other line that is not running text (:func:`~conflict_ner.tagging.boundaries.spans_crossing_lines`);
- a real news agency credited as author of a document (:mod:`.conventions`);
- a run of 8 words shared with the re3d benchmark (:mod:`.overlap`; skipped with a note
  when re3d is not at ``../shared/data/re3d`` beside the repository);
- once ``CONFLICT_NER_REQUIRE_TRIGGERS=1`` is set, a gold record of a test, test_new or heldout
  document without trigger or sub-event type (:mod:`.event_gold`; off while annotators write markup v2).

It also reports how the corpus is shaped next to real news pages (:mod:`.shape`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from conflict_ner.errors import DataError
from conflict_ner.labels import LABELS
from conflict_ner.tagging.boundaries import spans_crossing_lines
from conflict_ner.training.corpus.build import SPLITS, compile_corpus, stale_files, tsv_rows
from conflict_ner.training.corpus.consistency import read_allow, unlabelled_mentions
from conflict_ner.training.corpus.conventions import agency_credits, place_nouns_outside
from conflict_ner.training.corpus.event_gold import (REQUIRE_ENV, event_gold_shape, incomplete_records,
                                                      require_triggers)
from conflict_ner.training.corpus.overlap import NGRAM, read_re3d_texts, shared_runs
from conflict_ner.training.corpus.shape import corpus_shape

TARGETS = {"documents": 400, "spans": 6000, "theatres": 10, "per_label": 600}
MAX_LISTED = 40  # lines listed per failed check


def default_re3d(corpus: Path) -> Path:
    """``../shared/data/re3d`` beside the repository that holds ``corpus`` (training/corpus)."""
    return corpus.resolve().parents[1].parent / "shared" / "data" / "re3d"


def _listed(items: list[str]) -> list[str]:
    more = len(items) - MAX_LISTED
    return items[:MAX_LISTED] + ([f"  ... and {more} more"] if more > 0 else [])


def convention_problems(compiled, allow: dict[str, list[str]]) -> dict[str, list[str]]:
    """Lines per failed convention check (consistency, place nouns, agency credits, line breaks)."""
    by_id = {md.document.id: md for md in compiled.documents}
    docs = [md.document for md in compiled.documents]
    out: dict[str, list[str]] = {"consistency": [], "place nouns": [], "agency credits": [], "line breaks": []}
    for m in unlabelled_mentions(docs, allow):
        md = by_id[m.doc_id]
        out["consistency"].append(f"  {md.path}:{md.line_of(m.start)}: document {m.doc_id}: {m.surface!r} is "
                                  f"not labelled here ({'/'.join(m.labels)} elsewhere)")
    for md in compiled.documents:
        doc = md.document
        for (s, e, _), ns, ne in place_nouns_outside(doc):
            out["place nouns"].append(f"  {md.path}:{md.line_of(s)}: document {doc.id}: [{doc.text[s:e]}]"
                                      f"{doc.text[e:ne]}: the place noun joins the LOCATION span")
        for s, e in agency_credits(doc):
            out["agency credits"].append(f"  {md.path}:{md.line_of(s)}: document {doc.id}: {doc.text[s:e]!r} "
                                         "credited as author (use an invented outlet or none)")
        for s, e, label, brk in spans_crossing_lines(doc.text, doc.spans):
            out["line breaks"].append(f"  {md.path}:{md.line_of(s)}: document {doc.id}: {doc.text[s:e]!r} ({label}) "
                                      f"crosses the hard line break after markup line {md.line_of(brk)}")
    return out


def read_exceptions(path: Path) -> dict[str, set[str]]:
    """Surfaces allowed to carry several labels, from ``label_exceptions.tsv``."""
    out: dict[str, set[str]] = {}
    for lineno, line, parts in tsv_rows(path):
        labels = set(parts[1].split()) if len(parts) == 2 else set()
        if len(parts) != 2 or not labels or not labels <= set(LABELS):
            raise DataError(f"expected 'surface<TAB>LABEL LABEL...', got {line!r}", path=str(path), line=lineno)
        out[parts[0].lower()] = labels
    return out


def label_conflicts(compiled, exceptions: dict[str, set[str]]) -> list[str]:
    """One line per surface string with more than one label, not covered by the exceptions."""
    where: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for md in compiled.documents:
        doc = md.document
        for (start, end, label), line in zip(doc.spans, md.span_lines):
            where[doc.text[start:end].lower()][label].append(f"{md.path}:{line}")
    out = []
    for surface, by_label in sorted(where.items()):
        if len(by_label) < 2:
            continue
        allowed = exceptions.get(surface, set())
        if set(by_label) <= allowed:
            continue
        detail = "; ".join(f"{label} x{len(locs)} (e.g. {locs[0]})" for label, locs in sorted(by_label.items()))
        out.append(f"  {surface!r}: {detail}")
    return out


def check_corpus(path: str | Path = "training/corpus", re3d: str | Path | None = None,
                 require_complete_gold: bool | None = None) -> tuple[bool, list[str]]:
    """Run every check; returns (ok, report lines). ``re3d``: the re3d folder for the overlap
    check (default: ``../shared/data/re3d`` beside the repository); ``require_complete_gold``:
    fail on evaluation-split records without trigger or type (default: the environment's
    ``CONFLICT_NER_REQUIRE_TRIGGERS``)."""
    corpus = Path(path)
    try:
        compiled = compile_corpus(corpus)
    except DataError as err:
        return False, [f"error: {err}"]
    lines: list[str] = []
    ok = True
    docs = compiled.documents
    label_counts: dict[str, Counter] = {s: Counter() for s in SPLITS}
    theatre_docs: dict[str, Counter] = defaultdict(Counter)
    styles: Counter = Counter()
    gold: Counter = Counter()
    furniture = 0
    for md in docs:
        split = compiled.splits[md.document.id]
        label_counts[split].update(label for _, _, label in md.document.spans)
        theatre_docs[md.document.meta.get("theatre", "?")][split] += 1
        styles[md.document.meta.get("style", "?")] += 1
        furniture += bool(md.document.meta.get("furniture"))
        if md.events is not None:
            gold[split] += 1
    total = Counter()
    for c in label_counts.values():
        total.update(c)
    n_spans = sum(total.values())
    lines.append(f"{len(docs)} documents, {n_spans} spans, {len(theatre_docs)} theatres, "
                 f"{sum(gold.values())} with event gold, {furniture} with page furniture")
    lines.append("\nspans per label and split:")
    lines.append(f"  {'label':<10}" + "".join(f"{s:>9}" for s in SPLITS) + f"{'total':>9}")
    for label in LABELS:
        lines.append(f"  {label:<10}" + "".join(f"{label_counts[s][label]:>9}" for s in SPLITS) + f"{total[label]:>9}")
    lines.append("\ndocuments per theatre and split:")
    for theatre, c in sorted(theatre_docs.items()):
        lines.append(f"  {theatre:<12}" + "".join(f"{c[s]:>9}" for s in SPLITS) + f"{sum(c.values()):>9}")
    lines.append(f"  {'(all)':<12}" + "".join(f"{sum(c[s] for c in theatre_docs.values()):>9}" for s in SPLITS))
    lines.append("\nevent-gold documents per split: " + ", ".join(f"{s} {gold[s]}" for s in SPLITS))
    lines.append("styles: " + ", ".join(f"{k} {v}" for k, v in styles.most_common()))
    lines.append("\nevent gold, markup v2 (training/ANNOTATION.md, section 9):")
    lines += event_gold_shape(docs, compiled.splits).lines()
    incomplete = incomplete_records(docs, compiled.splits)
    if incomplete and require_triggers(require_complete_gold):
        ok = False
        lines.append(f"\nerror: {len(incomplete)} gold record(s) of test/test_new/heldout documents lack a trigger "
                     f"or sub_event_type ({REQUIRE_ENV} is set):")
        lines += _listed(incomplete)
    elif incomplete:
        lines.append(f"  {len(incomplete)} test/test_new/heldout record(s) lack a trigger or sub_event_type "
                     f"(an error once {REQUIRE_ENV}=1)")

    stale = stale_files(corpus, compiled)
    if stale:
        ok = False
        lines.append("\nerror: generated files do not match the markup (run `conflict-ner data build`):")
        lines += [f"  {p}" for p in stale]
    try:
        exceptions = read_exceptions(corpus / "label_exceptions.tsv")
    except DataError as err:
        return False, lines + [f"error: {err}"]
    conflicts = label_conflicts(compiled, exceptions)
    if conflicts:
        ok = False
        lines.append(f"\nerror: {len(conflicts)} surface string(s) carry different labels (fix them, or list "
                     "intended ones in label_exceptions.tsv):")
        lines += conflicts
    try:
        allow = read_allow(corpus / "consistency_allow.tsv")
    except DataError as err:
        return False, lines + [f"error: {err}"]
    problems = convention_problems(compiled, allow)
    messages = {
        "consistency": "string(s) labelled elsewhere are left unlabelled (label them, or list intended "
                       "cases in consistency_allow.tsv)",
        "place nouns": "LOCATION span(s) stop before their generic place noun (round-3 convention: "
                       "[Homs province])",
        "agency credits": "document(s) credit a real news agency as author",
        "line breaks": "gold span(s) cross a hard line break (a blank line, or the end of a heading, caption, "
                       "menu or other line that is not running text: training/ANNOTATION.md, section 2)",
    }
    for key, found in problems.items():
        if found:
            ok = False
            lines.append(f"\nerror: {len(found)} {messages[key]}:")
            lines += _listed(found)
    re3d_root = Path(re3d) if re3d is not None else default_re3d(corpus)
    if any(re3d_root.glob("*/documents.json")):
        runs = shared_runs([md.document for md in docs], read_re3d_texts(re3d_root))
        by_id = {md.document.id: md for md in docs}
        if runs:
            ok = False
            lines.append(f"\nerror: {len(runs)} document(s) share a run of {NGRAM} words with re3d:")
            lines += _listed([f"  {by_id[r.doc_id].path}:{by_id[r.doc_id].line_of(r.offset)}: document "
                              f"{r.doc_id}: {r.words!r} (re3d {r.re3d_doc})" for r in runs])
        else:
            lines.append(f"\nre3d overlap: no run of {NGRAM} words shared with {re3d_root}")
    else:
        lines.append(f"\nre3d overlap: skipped (no re3d documents under {re3d_root})")
    lines.append("\ncorpus shape (a report; real news pages: median ~490 tokens, ~24% furniture, "
                 "~60% curly quotes, quotes in 10-16% of sentences):")
    lines += corpus_shape([md.document for md in docs]).lines()
    targets = [
        ("documents", len(docs) >= TARGETS["documents"]),
        ("spans", n_spans >= TARGETS["spans"]),
        ("theatres", len(theatre_docs) >= TARGETS["theatres"]),
    ] + [(f"{label} spans", total[label] >= TARGETS["per_label"]) for label in LABELS]
    missed = [name for name, met in targets if not met]
    lines.append("\ncorpus targets (>= 400 documents, 6,000 spans, 10 theatres, 600 per label): "
                 + ("all met" if not missed else "not met: " + ", ".join(missed)))
    lines.append("OK" if ok else "FAILED")
    return ok, lines
