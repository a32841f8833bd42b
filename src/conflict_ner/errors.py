"""Errors raised on bad input: each names where the problem is."""

from __future__ import annotations


class ConflictNerError(Exception):
    """Base class of the project's errors."""


class DataError(ConflictNerError):
    """Bad data, located by file, line and document id where known.

    >>> str(DataError("span overlaps another", path="a.jsonl", line=3, doc_id="x"))
    'a.jsonl:3: document x: span overlaps another'
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 doc_id: str | None = None, offset: int | None = None):
        self.message, self.path, self.line, self.doc_id = message, path, line, doc_id
        #: character offset in the document text the problem was found at, if any
        self.offset = offset
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        if doc_id is not None:
            where += f"document {doc_id}: "
        super().__init__(where + message)


class ConfigError(ConflictNerError):
    """An invalid training configuration."""


class ModelError(ConflictNerError):
    """A model folder that cannot be used: missing, corrupt, or not a trained entity tagger."""


class InputError(ConflictNerError):
    """An input the extractor refuses (empty, too large, not text, a bad ``published`` date)."""
