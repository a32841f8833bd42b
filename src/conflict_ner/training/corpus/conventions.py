"""Annotation conventions the checker can test on the text alone (training/ANNOTATION.md,
"Decisions of round 3"): page-furniture lines, dateline credits, real agencies credited as
author, and LOCATION spans that stop before their generic place noun.

>>> from conflict_ner.text.document import Document
>>> doc = Document("d", "BEIRUT, May 8 (Reuters) - Shells hit Homs province.", [(37, 41, "LOCATION")])
>>> [doc.text[s:e] for s, e in agency_credits(doc)]
['Reuters']
>>> [doc.text[s:e] for _, s, e in place_nouns_outside(doc)]
['province']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from conflict_ner.text.document import Document

#: Generic place nouns that join the place span when written right after its name. The
#: guide's list, plus the administrative units of the corpus's theatres that play the same
#: part (township, neighbourhood, territory, commune, kebele, oblast, ...).
PLACE_NOUNS = frozenset(
    "province provinces governorate governorates countryside district districts region regions "
    "state states county counties city town towns village villages camp camps zone zones front "
    "fronts frontline frontlines plains desert valley valleys mountains hills hill border borders "
    "outskirts suburbs highway road crossing airport airbase base bridge dam river basin area "
    "township townships neighbourhood neighbourhoods neighborhood neighborhoods territory "
    "territories commune subregion kebele oblast municipality".split()
)
#: Two-word place nouns (the first word alone is not one).
PLACE_NOUN_PAIRS = frozenset({("air", "base"), ("de-escalation", "zone"), ("front", "line"),
                              ("border", "area"), ("air", "bases")})
# "state" right after a name is a place noun, but not in "state media", "state television"...
_NOT_AFTER_STATE = frozenset("media television tv news agency broadcaster radio run owned".split())

#: Real news agencies and outlets: never the credited author of a corpus document.
REAL_AGENCIES = (
    "Reuters", "AFP", "AP", "Associated Press", "Agence France-Presse", "Agence France Presse",
    "dpa", "Deutsche Presse-Agentur", "EFE", "ANSA", "Xinhua", "Kyodo", "Bloomberg", "UPI",
    "United Press International", "TASS", "RIA Novosti", "Interfax", "Anadolu", "Anadolu Agency",
    "SANA", "IRNA", "Tasnim", "Fars", "Yonhap", "PTI", "Al Jazeera", "BBC", "CNN",
)
_AGENCY = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in sorted(REAL_AGENCIES, key=len, reverse=True))
                     + r")(?![\w-])")
# "PLACE, Month 8 (Credit) -": the parenthesis before a dash or colon near a line start.
_DATELINE_CREDIT = re.compile(r"^[A-Z\u00c0-\u00de]{2}[A-Z\u00c0-\u00de.'\u2019 -]*\b[^\n()]{0,60}?\(([^()\n]{1,60})\)"
                              r"\s*[-\u2013\u2014:]", re.MULTILINE)
# Lines that credit people or agencies: bylines, photo credits, reporting and editing lines.
_CREDIT_LINE = re.compile(
    r"^[ \t]*(?:by\s|photo|photos|picture|image|credit|source:|reporting by|writing by|editing by|"
    r"additional reporting|compiled by|copyright|\u00a9)", re.IGNORECASE | re.MULTILINE)
_CREDIT_TAIL = re.compile(r"/\s*([^/\n]+?)\s*$", re.MULTILINE)  # "... / AFP" at a caption's end


def lines(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every line of ``text`` (without its line break)."""
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _overlaps(spans, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, _ in spans)


def furniture_lines(doc: Document) -> list[tuple[int, int]]:
    """Lines that are page furniture, as far as the text tells: credit lines (bylines, photo
    credits, "Reporting by"), and, in a document marked ``furniture: yes`` or ``source: web``,
    every line without a span (furniture is written without markup)."""
    page = bool(doc.meta.get("furniture")) or doc.meta.get("source") == "web"
    out = []
    for start, end in lines(doc.text):
        if start == end:
            continue
        if _CREDIT_LINE.match(doc.text, start) and not _overlaps(doc.spans, start, end):
            out.append((start, end))
        elif page and not _overlaps(doc.spans, start, end):
            out.append((start, end))
    return out


def dateline_credits(doc: Document) -> list[tuple[int, int]]:
    """The ``(Credit)`` of each dateline, e.g. ``BEIRUT, May 8 (Credit) -``."""
    return [m.span(1) for m in _DATELINE_CREDIT.finditer(doc.text)]


def agency_credits(doc: Document) -> list[tuple[int, int]]:
    """Real agencies credited as author: in a dateline credit or a credit line."""
    text = doc.text
    out = []
    for s, e in dateline_credits(doc):
        out += [(s + m.start(), s + m.end()) for m in _AGENCY.finditer(text[s:e])]
    for m in _CREDIT_LINE.finditer(text):
        end = text.find("\n", m.start())
        end = len(text) if end == -1 else end
        tail = _CREDIT_TAIL.search(text, m.start(), end)
        zone = (m.start(), end) if not text[m.start():end].lower().lstrip().startswith(("photo", "picture", "image")) \
            else ((tail.start(1), tail.end(1)) if tail else (m.start(), m.start()))
        out += [(zone[0] + a.start(), zone[0] + a.end()) for a in _AGENCY.finditer(text[zone[0]:zone[1]])]
    return sorted(set(out))


_WORD = re.compile(r"[\w'\u2019-]+")


def place_nouns_outside(doc: Document) -> list[tuple[tuple[int, int, str], int, int]]:
    """LOCATION spans followed directly (one space) by a generic place noun left outside the
    span: ``[Homs](LOCATION) province``. Returns ``(span, noun start, noun end)``."""
    text = doc.text
    starts = {s for s, _, _ in doc.spans}
    out = []
    for span in doc.spans:
        s, e, label = span
        if label != "LOCATION" or text[e:e + 1] != " " or (e + 1) in starts:
            continue
        m = _WORD.match(text, e + 1)
        if not m:
            continue
        word = re.sub(r"['\u2019]s?$", "", m.group().lower())
        after = _WORD.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
        nxt = after.group().lower() if after else ""
        if (word, nxt) in PLACE_NOUN_PAIRS:
            out.append((span, m.start(), after.end()))
        elif word in PLACE_NOUNS and not (word == "state" and nxt in _NOT_AFTER_STATE):
            out.append((span, m.start(), m.end()))
    return out
