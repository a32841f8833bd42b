"""Readers that turn corpora on disk into validated :class:`~conflict_ner.document.Document` lists."""

from .conll import read_conll
from .jsonl import read_jsonl, write_jsonl
from .re3d import Re3dOptions, Re3dReport, read_re3d

__all__ = ["read_conll", "read_jsonl", "write_jsonl", "read_re3d", "Re3dOptions", "Re3dReport"]
