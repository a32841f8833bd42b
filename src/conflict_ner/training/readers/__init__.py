"""Readers that turn corpora on disk into validated :class:`~conflict_ner.text.document.Document` lists."""

from conflict_ner.training.readers.conll import read_conll
from conflict_ner.training.readers.jsonl import read_jsonl, write_jsonl
from conflict_ner.training.readers.re3d import Re3dOptions, Re3dReport, read_re3d

__all__ = ["read_conll", "read_jsonl", "write_jsonl", "read_re3d", "Re3dOptions", "Re3dReport"]
