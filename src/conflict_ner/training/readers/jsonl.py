"""Native JSON-lines corpus: one document a line, ``{"id", "text", "spans", "published", "meta"}``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from conflict_ner.text.document import Document
from conflict_ner.errors import DataError
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
        with open(file, encoding="utf-8") as handle:
            for lineno, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as err:
                    raise DataError(f"invalid JSON: {err.msg} at column {err.colno}", path=str(file),
                                    line=lineno) from None
                doc = validate_document(parse_document(obj, path=str(file), line=lineno), labels,
                                        path=str(file), line=lineno)
                if doc.id in seen:
                    raise DataError(f"duplicate id (first seen at {seen[doc.id]})", path=str(file),
                                    line=lineno, doc_id=doc.id)
                seen[doc.id] = f"{file}:{lineno}"
                docs.append(doc)
    return docs


def write_jsonl(docs: Iterable[Document], path: str | Path) -> int:
    """Write documents as native JSONL; returns how many were written."""
    n = 0
    with open(path, "w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
            n += 1
    return n
