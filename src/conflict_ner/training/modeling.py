"""Building the model a training run starts from: base encoder plus a fresh tag head.

>>> # model = build_model(ModelConfig(), ["ACTOR", "DATE"])
"""

from __future__ import annotations

from pathlib import Path

from conflict_ner.errors import ConfigError
from conflict_ner.labels import bio_tags
from conflict_ner.tagging.loading import PACKAGED_MODEL, resolve_model_path
from conflict_ner.training.config import ModelConfig


def build_model(config: ModelConfig, labels: list[str]):
    """A token-classification model with ``id2label``/``label2id`` for ``labels``."""
    from transformers import AutoConfig, AutoModelForTokenClassification

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
    try:
        # a base that is itself a token classifier with other labels gets a fresh head
        return AutoModelForTokenClassification.from_pretrained(path, ignore_mismatched_sizes=True, **kwargs)
    except OSError as err:
        hint = "" if Path(path).exists() else " (no such local path; hub ids need network access)"
        raise ConfigError(f"cannot load base_model {config.base_model!r}{hint}: {err}") from None


def tokenizer_source(config: ModelConfig) -> str:
    """Where the tokenizer comes from: ``model.tokenizer`` or the base model."""
    if config.tokenizer:
        return config.tokenizer
    if config.random_init and not (Path(config.base_model) / "tokenizer.json").exists() \
            and config.base_model != PACKAGED_MODEL and Path(config.base_model).exists():
        return PACKAGED_MODEL  # a config-only folder uses the packaged vocabulary
    return config.base_model


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
