"""Text shared with the re3d benchmark: no corpus document may repeat 8 words in a row of it.

re3d is the transfer benchmark, so a corpus sentence copied or reconstructed from it would
leak the test into training. Words are compared lower-cased, with curly apostrophes made
straight and punctuation ignored. A run that is a name and one word more (``the Islamic
State of Iraq and the Levant``, at most one word outside the document's spans) is not
copied text and does not count.

>>> seqs = word_ngrams("The coalition struck ISIS positions near Raqqa on Monday night.", 8)
>>> len(seqs), " ".join(next(iter(seqs)))
(3, 'the coalition struck isis positions near raqqa on')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from conflict_ner.errors import DataError
from conflict_ner.text.document import Document

NGRAM = 8
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def _words(text: str) -> list[re.Match]:
    return list(_WORD.finditer(text))


def _norm(match: re.Match) -> str:
    return match.group().lower().replace("\u2019", "'")


def word_ngrams(text: str, n: int = NGRAM, spans=()) -> dict[tuple[str, ...], int]:
    """Every run of ``n`` words of ``text`` -> character offset of its first occurrence;
    with ``spans``, only runs with at least two words outside them."""
    words = _words(text)
    inside = [any(s <= m.start() and m.end() <= e for s, e, *_ in spans) for m in words]
    out: dict[tuple[str, ...], int] = {}
    for i in range(len(words) - n + 1):
        if spans and n - sum(inside[i:i + n]) < 2:
            continue
        out.setdefault(tuple(_norm(m) for m in words[i:i + n]), words[i].start())
    return out


def read_re3d_texts(root: Path) -> list[tuple[str, str]]:
    """``(source/_id, text)`` of every re3d document under ``root`` (``*/documents.json``,
    JSON lines)."""
    out = []
    for path in sorted(root.glob("*/documents.json")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise DataError(f"invalid JSON: {err.msg}", path=str(path), line=lineno) from None
            if isinstance(obj, dict) and isinstance(obj.get("text"), str):
                out.append((f"{path.parent.name}/{obj.get('_id', lineno)}", obj["text"]))
    return out


@dataclass(frozen=True)
class SharedRun:
    """A run of ``NGRAM`` words found both in a corpus document and in a re3d document."""

    doc_id: str
    offset: int
    words: str
    re3d_doc: str


def shared_runs(docs: list[Document], re3d: list[tuple[str, str]], n: int = NGRAM) -> list[SharedRun]:
    """The first shared run of each corpus document that shares any (one line per document)."""
    index: dict[tuple[str, ...], str] = {}
    for name, text in re3d:
        for gram in word_ngrams(text, n):
            index.setdefault(gram, name)
    out = []
    for doc in docs:
        for gram, offset in word_ngrams(doc.text, n, doc.spans).items():
            if gram in index:
                out.append(SharedRun(doc.id, offset, " ".join(gram), index[gram]))
                break
    return out
