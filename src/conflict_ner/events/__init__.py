"""Rule layer: (text, entities, publication date) -> event records.

No model is involved here; every module is a small set of word patterns over the
original text, and every offset it returns indexes that text.
"""

from conflict_ner.events.builder import build_records

__all__ = ["build_records"]
