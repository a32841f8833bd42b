"""Readers that turn corpora on disk into validated :class:`~conflict_ner.document.Document` lists."""

from .jsonl import read_jsonl, write_jsonl

__all__ = ["read_jsonl", "write_jsonl"]
