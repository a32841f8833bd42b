"""conflict-ner: entity spans and event records from conflict news.

>>> from conflict_ner import EventExtractor   # doctest: +SKIP
>>> ex = EventExtractor.from_pretrained("runs/default")   # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"


def _register_models() -> None:
    # Models with parts beyond the stock head must load with AutoModelForTokenClassification.
    try:
        from conflict_ner.tagging.shape_bert import register
    except ImportError:  # pragma: no cover - transformers/torch missing
        return
    register()


_register_models()
__all__ = ["EventExtractor", "DocumentResult", "Entity", "EventRecord", "__version__"]


def __getattr__(name: str):
    # Lazy, so `import conflict_ner` (and the CLI's --help) does not pay for torch.
    if name in ("EventExtractor", "DocumentResult"):
        from . import extractor

        return getattr(extractor, name)
    if name in ("Entity", "EventRecord"):
        from . import records

        return getattr(records, name)
    raise AttributeError(f"module 'conflict_ner' has no attribute {name!r}")
