"""conflict-ner: entity spans and event records from conflict news.

``import conflict_ner`` is cheap (no torch, no transformers); the API classes load on
first use.

>>> from conflict_ner import EventExtractor   # doctest: +SKIP
>>> ex = EventExtractor.from_pretrained("runs/default")   # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.2.0"

_LAZY = {
    "EventExtractor": "conflict_ner.extractor",
    "DocumentResult": "conflict_ner.extractor",
    "EntityTagger": "conflict_ner.tagging.tagger",
    "InferenceSettings": "conflict_ner.tagging.settings",
    "Entity": "conflict_ner.records",
    "EventRecord": "conflict_ner.records",
    "InputError": "conflict_ner.errors",
    "ModelError": "conflict_ner.errors",
    "ConflictNerError": "conflict_ner.errors",
}
__all__ = [*_LAZY, "register_models", "__version__"]


def register_models() -> None:
    """Make transformers' Auto classes know the project's shape-feature model, so a folder
    trained with ``model.shape_features`` loads with ``AutoModelForTokenClassification``."""
    from conflict_ner.tagging.shape_bert import register

    register()


def __getattr__(name: str):
    # Lazy, so `import conflict_ner` (and the CLI's --help) does not pay for torch.
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'conflict_ner' has no attribute {name!r}")
