"""Native JSON-lines corpus: one document a line, ``{"id", "text", "spans", "published", "meta"}``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from conflict_ner.text.document import Document
from conflict_ner.errors import DataError
from conflict_ner.training.readers.lines import numbered_lines
from conflict_ner.training.validation import parse_document, validate_document


def jsonl_files(path: str | Path) -> list[Path]:
    """The ``.jsonl`` files at ``path``: the file itself, or a folder's files in name order."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise DataError("folder holds no .jsonl files", path=str(path))
        return files
    if not path.exists():
        raise DataError("no such file or folder", path=str(path))
    return [path]


def read_jsonl(path: str | Path, labels: Iterable[str]) -> list[Document]:
    """Read and validate native JSONL documents from a file or folder.

    >>> read_jsonl("missing.jsonl", ["ACTOR"])
    Traceback (most recent call last):
    ...
    conflict_ner.errors.DataError: missing.jsonl: no such file or folder
    """
    labels = list(labels)
    docs: list[Document] = []
    seen: dict[str, str] = {}
    for file in jsonl_files(path):
        for lineno, obj in json_objects(file):
            doc = validate_document(parse_document(obj, path=str(file), line=lineno), labels,
                                    path=str(file), line=lineno)
            if doc.id in seen:
                raise DataError(f"duplicate id (first seen at {seen[doc.id]})", path=str(file),
                                line=lineno, doc_id=doc.id)
            seen[doc.id] = f"{file}:{lineno}"
            docs.append(doc)
    return docs


def json_objects(path: str | Path) -> Iterator[tuple[int, Any]]:
    """``(line number, parsed JSON)`` for each non-blank line of one JSONL file; bad bytes or
    bad JSON raise :class:`DataError` naming file and line."""
    for lineno, line in numbered_lines(path):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line)
        except json.JSONDecodeError as err:
            raise DataError(f"invalid JSON: {err.msg} at column {err.colno}", path=str(path), line=lineno) from None


def read_texts(path: str | Path) -> list[str]:
    """The ``text`` field of each line of the JSONL files at ``path`` (no labels needed:
    texts for masked-LM adaptation)."""
    texts = []
    for file in jsonl_files(path):
        for lineno, obj in json_objects(file):
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise DataError("expected a JSON object with a string 'text' field", path=str(file), line=lineno)
            texts.append(obj["text"])
    return texts


def write_jsonl(docs: Iterable[Document], path: str | Path) -> int:
    """Write documents as native JSONL; returns how many were written."""
    n = 0
    with open(path, "w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
            n += 1
    return n
