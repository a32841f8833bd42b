"""Building the model a training run starts from: base encoder plus a fresh tag head.

>>> # model = build_model(ModelConfig(), ["ACTOR", "DATE"])
"""

from __future__ import annotations

from pathlib import Path

from conflict_ner.errors import ConfigError
from conflict_ner.labels import bio_tags
from conflict_ner.tagging.loading import PACKAGED_MODEL, load_tokenizer, resolve_model_path
from conflict_ner.training.config import ModelConfig


def build_model(config: ModelConfig, labels: list[str]):
    """A token-classification model with ``id2label``/``label2id`` for ``labels``.

    Raises :class:`ConfigError` naming ``model.base_model`` when it cannot be loaded
    (no such folder, not a model, damaged weights).
    """
    try:
        return _build(config, labels)
    except ConfigError:
        raise
    except Exception as err:  # noqa: BLE001 - missing files raise OSError, damaged weights many kinds
        raise ConfigError(f"model.base_model: cannot load {config.base_model!r}{_missing_hint(config.base_model)}: "
                          f"{_first_line(err)}") from None


def load_training_tokenizer(config: ModelConfig):
    """The tokenizer a run trains with (``model.tokenizer`` or the base model's), or a
    :class:`ConfigError` naming the setting it came from."""
    return load_base_tokenizer(tokenizer_source(config), "model.tokenizer" if config.tokenizer else "model.base_model")


def load_base_tokenizer(source: str, key: str):
    """The fast tokenizer at ``source``, or a :class:`ConfigError` naming the setting ``key``."""
    try:
        return load_tokenizer(source)
    except ConfigError:
        raise
    except Exception as err:  # noqa: BLE001 - OSError for missing files, others for broken ones
        raise ConfigError(f"{key}: cannot load a tokenizer from {source!r}{_missing_hint(source)}: "
                          f"{_first_line(err)}") from None


def load_masked_lm(name: str, key: str = "base_model"):
    """``name`` as a masked-LM model (a sentence encoder gets a fresh MLM head, its decoder tied
    to the embeddings), or a :class:`ConfigError` naming the setting ``key``."""
    from transformers import AutoModelForMaskedLM

    try:
        return AutoModelForMaskedLM.from_pretrained(resolve_model_path(name))
    except Exception as err:  # noqa: BLE001 - as in build_model
        raise ConfigError(f"{key}: cannot load {name!r}{_missing_hint(name)}: {_first_line(err)}") from None


def tokenizer_source(config: ModelConfig) -> str:
    """Where the tokenizer comes from: ``model.tokenizer`` or the base model."""
    if config.tokenizer:
        return config.tokenizer
    if config.random_init and not (Path(config.base_model) / "tokenizer.json").exists() \
            and config.base_model != PACKAGED_MODEL and Path(config.base_model).exists():
        return PACKAGED_MODEL  # a config-only folder uses the packaged vocabulary
    return config.base_model


def _build(config: ModelConfig, labels: list[str]):
    from transformers import AutoConfig, AutoModelForTokenClassification

    from conflict_ner.tagging.shape_bert import register

    register()  # a base that is itself a shape-feature model loads through the Auto classes
    tags = bio_tags(labels)
    kwargs = {"num_labels": len(tags), "id2label": dict(enumerate(tags)),
              "label2id": {t: i for i, t in enumerate(tags)}}
    path = resolve_model_path(config.base_model)
    if config.num_layers is not None:
        available = AutoConfig.from_pretrained(path).num_hidden_layers
        if config.num_layers > available:
            raise ConfigError(f"model.num_layers={config.num_layers}, but {config.base_model!r} has {available} layers")
        # from_pretrained then loads the first num_layers layers' weights and skips the rest
        kwargs["num_hidden_layers"] = config.num_layers
    if config.shape_features:
        return _build_shape_model(path, config.random_init, kwargs)
    if config.random_init:
        model_config = AutoConfig.from_pretrained(path, **kwargs)
        return AutoModelForTokenClassification.from_config(model_config)
    # a base that is itself a token classifier with other labels gets a fresh head
    return AutoModelForTokenClassification.from_pretrained(path, ignore_mismatched_sizes=True, **kwargs)


def _missing_hint(name: str) -> str:
    if name == PACKAGED_MODEL or Path(resolve_model_path(name)).exists():
        return ""
    return " (no such local folder; a Hugging Face id needs network access or the local cache)"


def _first_line(err: Exception) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0] if text else ''}"


def _build_shape_model(path: str, random_init: bool, kwargs: dict):
    from transformers import AutoConfig

    from conflict_ner.tagging.shape_bert import ShapeBertConfig, ShapeBertForTokenClassification

    base = AutoConfig.from_pretrained(path)
    if base.model_type not in ("bert", "conflict-ner-shape-bert"):
        raise ConfigError(f"model.shape_features needs a BERT encoder, {path!r} is {base.model_type!r}")
    fields = {k: v for k, v in base.to_dict().items() if k not in ("model_type", "architectures", "transformers_version")}
    fields.update(kwargs)
    config = ShapeBertConfig(**fields)
    if random_init:
        return ShapeBertForTokenClassification(config)
    return ShapeBertForTokenClassification.from_pretrained(path, config=config, ignore_mismatched_sizes=True)
