"""CoNLL ``token<TAB>tag`` files (IOB2, blank line between sentences, CRLF tolerated).

Each sentence becomes a :class:`Document` whose text is its tokens joined by single
spaces and whose ``tokens`` are the given tokens, so it is labelled and scored on
them, as published work on the standard re3d split does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from conflict_ner.text.document import Document
from conflict_ner.errors import DataError
from conflict_ner.training.readers.lines import numbered_lines
from conflict_ner.training.validation import validate_document


def read_conll(path: str | Path, labels: Iterable[str]) -> list[Document]:
    """Read a CoNLL file; an invalid line raises :class:`DataError` naming file and line.

    >>> import tempfile, os
    >>> f = os.path.join(tempfile.mkdtemp(), "s.txt")
    >>> _ = open(f, "w").write("Rebels\\tB-Org\\r\\nfired\\tO\\r\\n\\r\\n")
    >>> d = read_conll(f, ["Org"])[0]; d.text, d.spans
    ('Rebels fired', [(0, 6, 'Org')])
    """
    path = Path(path)
    labels = list(labels)
    return [_sentence(rows, path, number, labels) for number, rows in enumerate(conll_sentences(path), start=1)]


def conll_sentences(path: str | Path) -> Iterator[list[tuple[str, str, int]]]:
    """The sentences of a CoNLL file as ``(token, tag, line number)`` rows, tags unchecked;
    a line that is not ``token<TAB>tag`` raises :class:`DataError` naming file and line."""
    path = Path(path)
    if not path.is_file():
        raise DataError("no such file", path=str(path))
    rows: list[tuple[str, str, int]] = []
    for lineno, raw in numbered_lines(path):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if rows:
                yield rows
            rows = []
        elif not line.startswith("-DOCSTART-"):
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0] or not parts[1]:
                raise DataError(f"expected 'token<TAB>tag', got {line!r}", path=str(path), line=lineno)
            rows.append((parts[0], parts[1].strip(), lineno))
    if rows:
        yield rows


def _sentence(rows: list[tuple[str, str, int]], path: Path, number: int, labels: list[str]) -> Document:
    doc_id = f"{path.stem}-{number:05d}"
    pieces, tokens, spans = [], [], []
    pos = 0
    open_span: list | None = None
    for token, tag, lineno in rows:
        if " " in token:
            raise DataError(f"token {token!r} contains a space", path=str(path), line=lineno, doc_id=doc_id)
        start = pos
        tokens.append((start, start + len(token)))
        pieces.append(token)
        pos += len(token) + 1
        if tag == "O":
            open_span = None
            continue
        if tag[:2] not in ("B-", "I-") or tag[2:] not in labels:
            raise DataError(f"tag {tag!r} is not O or B-/I- of {labels}", path=str(path), line=lineno,
                            doc_id=doc_id)
        if tag.startswith("I-"):
            if open_span is None or open_span[2] != tag[2:]:
                raise DataError(f"tag {tag!r} does not continue an entity (invalid IOB2)", path=str(path),
                                line=lineno, doc_id=doc_id)
            open_span[1] = start + len(token)
            continue
        open_span = [start, start + len(token), tag[2:]]
        spans.append(open_span)
    doc = Document(doc_id, " ".join(pieces), [tuple(s) for s in spans], None,
                   {"source": str(path), "first_line": rows[0][2]}, tokens)
    return validate_document(doc, labels, path=str(path), line=rows[0][2])
