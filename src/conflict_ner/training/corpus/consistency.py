"""Span consistency: a string labelled in one place and left unlabelled in another.

The check looks, in every document's article text, for whole-piece occurrences of each
labelled string (case-sensitive) that no span touches. Page furniture and dateline credits
are skipped (they are written without markup), and so are uses the guide rules out by
itself: a count followed by a unit of measure, time, money or share (``two kilometres``,
``33 years``, ``41 percent``) and a group noun owned by a pronoun (``their attackers``).
Intended exceptions live in ``consistency_allow.tsv``::

    surface<TAB>context<TAB>why

``context`` is ``*`` (every unlabelled occurrence of ``surface`` is intended) or a text that
contains ``surface`` and must surround the occurrence (``army base``).

>>> from conflict_ner.text.document import Document
>>> a = Document("a", "The attackers fled.", [(4, 13, "ACTOR")])
>>> b = Document("b", "The attackers hid, and their attackers ran.", [])
>>> [(m.doc_id, m.start, m.surface) for m in unlabelled_mentions([a, b], {})]
[('b', 4, 'attackers')]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from conflict_ner.errors import DataError
from conflict_ner.text.document import Document
from conflict_ner.text.words import pieces
from conflict_ner.training.corpus.conventions import dateline_credits, furniture_lines

# A COUNT never measures these (training/ANNOTATION.md, section 1: durations, distances,
# areas, percentages, money, ages, weights).
_UNITS = re.compile(
    r"(?:\s*(?:and|to|or|-|\u2013)\s*[\d,.]+)?(?: of| more)?[ -](?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|nights?|"
    r"km|kilomet(?:re|er)s?|miles?|nautical|met(?:re|er)s?|feet|foot|inch(?:es)?|kilograms?|kg|tonnes?|tons?|"
    r"litres?|liters?|hectares?|square|acres?|percent|per cent|%|dollars?|euros?|pounds?|birr|naira|"
    r"shillings?|rupees?|afghanis?|billion|million|trillion|p\.m|a\.m|o'clock|GMT|mm|cm)\b"
)
_BEFORE_COUNT = re.compile(r"(?:\baged(?: between| from)?(?: [\w,.]+ (?:and|to))?|\bage of|\bNo\.|\bnumber|[$\u20ac\u00a3])\s*$")
_PRONOUN_OWNER = re.compile(r"\b(?:its|their|our|his|her|my|your|whose)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """An unlabelled occurrence of a string labelled elsewhere."""

    doc_id: str
    start: int
    end: int
    surface: str
    labels: tuple[str, ...]  # the labels the string carries elsewhere


def read_allow(path: Path) -> dict[str, list[str]]:
    """``surface -> [context, ...]`` from ``consistency_allow.tsv`` (empty if missing)."""
    from conflict_ner.training.corpus.build import tsv_rows

    out: dict[str, list[str]] = defaultdict(list)
    for lineno, line, parts in tsv_rows(path):
        if len(parts) != 3 or not parts[0] or not parts[2].strip() or \
                (parts[1] != "*" and parts[0] not in parts[1]):
            raise DataError("expected 'surface<TAB>context (* or a text containing the surface)<TAB>why', "
                            f"got {line!r}", path=str(path), line=lineno)
        out[parts[0]].append(parts[1])
    return dict(out)


def _allowed(text: str, start: int, end: int, contexts: list[str]) -> bool:
    surface = text[start:end]
    for context in contexts:
        if context == "*":
            return True
        k = context.find(surface)
        while k != -1:
            if text.startswith(context, start - k):
                return True
            k = context.find(surface, k + 1)
    return False


def _ruled_out(text: str, start: int, end: int, labels: tuple[str, ...]) -> bool:
    if "COUNT" in labels and (_UNITS.match(text, end) or _BEFORE_COUNT.search(text, 0, start)):
        return True
    surface = text[start:end]
    return surface[:1].islower() and bool(_PRONOUN_OWNER.search(text, max(0, start - 8), start))


def unlabelled_mentions(docs: list[Document], allow: dict[str, list[str]]) -> list[Mention]:
    """Every unlabelled occurrence of a labelled string (see the module docstring)."""
    labels: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        for s, e, label in doc.spans:
            labels[doc.text[s:e]][label] += 1
    by_first: dict[str, list[str]] = defaultdict(list)
    for surface in labels:
        ps = pieces(surface)
        if ps:
            by_first[surface[ps[0][0]:ps[0][1]]].append(surface)
    out = []
    for doc in docs:
        text = doc.text
        ps = pieces(text)
        ends = {e for _, e in ps}
        skip = furniture_lines(doc) + dateline_credits(doc) + [(s, e) for s, e, _ in doc.spans]
        covered = bytearray(len(text) + 1)
        for s, e in skip:
            covered[s:e] = b"\x01" * (e - s)
        for s, e in ps:
            for surface in by_first.get(text[s:e], ()):
                end = s + len(surface)
                if end not in ends or not text.startswith(surface, s) or any(covered[s:end]):
                    continue
                found = tuple(sorted(labels[surface]))
                if _ruled_out(text, s, end, found) or _allowed(text, s, end, allow.get(surface, [])):
                    continue
                out.append(Mention(doc.id, s, end, surface, found))
    return out
