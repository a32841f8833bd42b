"""Training configuration: a validated YAML file with dotted command-line overrides.

Unknown keys are rejected and values are coerced to their types (YAML reads ``1e-5``
as a string; here it becomes a float).

>>> cfg = Config.model_validate({"training": {"learning_rate": "1e-5"}})
>>> cfg.training.learning_rate
1e-05
>>> apply_overrides({"training": {"epochs": 3}}, ["training.epochs=5"])
{'training': {'epochs': 5}}
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from conflict_ner.errors import ConfigError
from conflict_ner.labels import LABELS

from conflict_ner.tagging.loading import PACKAGED_MODEL  # noqa: E402,F401  (one owner; re-exported)
from conflict_ner.tagging.settings import InferenceSettings  # noqa: E402

_INFERENCE = InferenceSettings()
_M = TypeVar("_M", bound=BaseModel)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Re3dSource(_Section):
    """re3d's original JSON folders mapped onto the project's labels."""

    path: str = "../shared/data/re3d"
    min_confidence: float = 0.5
    type_map: dict[str, str] = Field(default_factory=lambda: {
        "Organisation": "ACTOR", "Person": "ACTOR", "Location": "LOCATION", "Coordinate": "LOCATION",
        "Weapon": "WEAPON", "MilitaryPlatform": "WEAPON", "Temporal": "DATE", "Quantity": "COUNT",
    })
    #: re3d Quantity also holds distances, areas and money; only counts of people/things are kept
    quantity_filter: bool = True
    #: documents sharing a source with a split (``dev_fraction`` of them go to dev)
    dev_fraction: float = 0.15
    #: how many times the source's documents enter train (oversampling a small, real source
    #: against a large corpus whose conventions would otherwise drown it)
    repeat: int = Field(1, ge=1, le=20)


class DataConfig(_Section):
    """Where the labeled data comes from, and which labels it uses."""

    format: Literal["jsonl", "conll", "re3d"] = "jsonl"
    train: str = "training/corpus/compiled/train.jsonl"
    dev: str | None = "training/corpus/compiled/dev.jsonl"
    test: str | None = "training/corpus/compiled/test.jsonl"
    #: extra training data mixed into train (e.g. re3d mapped onto our labels)
    extra_train: list[Re3dSource] = Field(default_factory=list)
    labels: list[str] = Field(default_factory=lambda: list(LABELS))

    @field_validator("labels")
    @classmethod
    def _labels_unique(cls, value: list[str]) -> list[str]:
        if not value or len(set(value)) != len(value):
            raise ValueError("labels must be a non-empty list without repeats")
        return value


class ModelConfig(_Section):
    """The encoder and how the model decodes."""

    #: packaged all-MiniLM-L6-v2 by default; any Hugging Face id or local path works
    base_model: str = PACKAGED_MODEL
    #: tokenizer source when it differs from base_model (e.g. a config-only folder)
    tokenizer: str | None = None
    #: build the architecture from base_model's config with random weights (tests, ablations)
    random_init: bool = False
    # inference settings: saved on the trained model (tagging/settings.py owns their defaults and checks)
    max_length: int = Field(_INFERENCE.max_length, ge=16, le=8192)
    stride: int = Field(_INFERENCE.stride, ge=0)
    decoding: Literal["greedy", "viterbi"] = _INFERENCE.decoding
    #: padded tokens per model call at inference (dev evaluation included)
    max_batch_tokens: int = Field(_INFERENCE.max_batch_tokens, ge=1)
    #: add a learned word-shape (case/digit) embedding: the uncased encoder cannot see case
    shape_features: bool = False
    #: keep only the first N encoder layers of base_model (a smaller, faster model)
    num_layers: int | None = Field(None, ge=1)

    @model_validator(mode="after")
    def _stride_fits(self) -> "ModelConfig":
        if self.stride >= self.max_length // 2:
            raise ValueError(f"stride ({self.stride}) must be below half of max_length ({self.max_length})")
        return self

    def inference_settings(self) -> InferenceSettings:
        """The settings the trained model is saved with (and scored with during training)."""
        return InferenceSettings(max_length=self.max_length, stride=self.stride, decoding=self.decoding,
                                 max_batch_tokens=self.max_batch_tokens)


class DistillConfig(_Section):
    """Knowledge distillation: the student also learns the teachers' soft tag distributions.

    Teachers are trained models with the same tags and vocabulary; several teachers are an
    ensemble (their log-probabilities are averaged). Their targets are computed once, before
    training, so the cost is one forward pass over the training windows per teacher.
    """

    teachers: list[str] = Field(min_length=1)
    #: share of the loss from the teachers' soft targets (the rest is the gold labels' cross-entropy)
    weight: float = Field(0.5, ge=0, le=1)
    temperature: float = Field(2.0, gt=0)


class TrainingConfig(_Section):
    """Optimisation schedule."""

    output_dir: str = "runs/default"
    seed: int = 13
    epochs: float = Field(8, gt=0)
    #: stop after this many optimizer steps (overrides epochs when set; smoke tests)
    max_steps: int | None = Field(None, gt=0)
    batch_size: int = Field(16, ge=1)
    #: batches are sampled from length-sorted buckets of this many batches, to cut padding
    length_bucket_batches: int = Field(50, ge=1)
    learning_rate: float = Field(5e-5, gt=0)
    head_learning_rate: float | None = Field(None, gt=0)
    #: layer-wise learning-rate decay: layer i from the top trains at learning_rate * layer_decay**i
    layer_decay: float | None = Field(None, gt=0, le=1)
    weight_decay: float = Field(0.01, ge=0)
    warmup_ratio: float = Field(0.1, ge=0, lt=1)
    max_grad_norm: float = Field(1.0, gt=0)
    #: evaluate on dev and checkpoint every epoch, and also every N steps if set
    eval_every_steps: int | None = Field(None, gt=0)
    save_every_steps: int | None = Field(200, gt=0)
    threads: int | None = Field(None, ge=1)
    #: which subwords of a word carry its label: the first only, or all (continuations get I-)
    label_subwords: Literal["first", "all"] = "first"
    distill: DistillConfig | None = None


class EvaluationConfig(_Section):
    """What is scored after training."""

    @model_validator(mode="before")
    @classmethod
    def _drop_old_batch_size(cls, data: Any) -> Any:
        # before 0.2 evaluation had its own batch size; inference batching is model.max_batch_tokens now
        if isinstance(data, dict) and "batch_size" in data:
            data = {k: v for k, v in data.items() if k != "batch_size"}
        return data

    splits: list[Literal["dev", "test"]] = Field(default_factory=lambda: ["dev", "test"])
    #: published test micro F1 of other systems on the same split, shown beside ours in the model card
    reference_results: dict[str, float] = Field(default_factory=dict)


class EventsConfig(_Section):
    """Learned event heads trained with the tagger (see :mod:`conflict_ner.tagging.event_heads`).

    ``heads: []`` trains the entity tagger alone (records then come from the rules only).

    >>> EventsConfig(heads=["roles"]).loss_weights["roles"]
    0.5
    """

    heads: list[Literal["triggers", "roles", "modality"]] = Field(default_factory=list)
    #: each head's loss is added to the entity loss with this weight
    loss_weights: dict[Literal["triggers", "roles", "modality"], float] = Field(
        default_factory=lambda: {"triggers": 0.5, "roles": 0.5, "modality": 0.5})
    #: compiled event gold (records with trigger spans, sub-event types and actor roles)
    gold: str | None = "training/corpus/compiled/events.jsonl"
    dropout: float = Field(0.1, ge=0, lt=1)
    #: after training, refit the heads on the frozen encoder for this many epochs into
    #: ``<output_dir>-refit`` (:mod:`conflict_ner.training.head_refit`); 0: no refit
    refit_epochs: int = Field(0, ge=0)
    #: the refitted heads' design
    refit_design: Literal["factored", "linear"] = "factored"

    @field_validator("heads")
    @classmethod
    def _heads_unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("heads must not repeat")
        return value

    @field_validator("loss_weights")
    @classmethod
    def _weights_positive(cls, value: dict[str, float]) -> dict[str, float]:
        if any(w < 0 for w in value.values()):
            raise ValueError("loss weights must be >= 0")
        return value

    @model_validator(mode="after")
    def _gold_needed(self) -> "EventsConfig":
        if self.heads and not self.gold:
            raise ValueError("events.heads needs events.gold (the compiled event gold)")
        if self.refit_epochs and not self.heads:
            raise ValueError("events.refit_epochs needs events.heads (there are no heads to refit)")
        return self

    def weight(self, head: str) -> float:
        """The loss weight of ``head`` (0.5 when not given)."""
        return self.loss_weights.get(head, 0.5)


class Config(_Section):
    """A whole training run."""

    data: DataConfig = Field(default_factory=DataConfig)
    model: ModelConfig = Field(default_factory=ModelConfig)
    training: TrainingConfig = Field(default_factory=TrainingConfig)
    evaluation: EvaluationConfig = Field(default_factory=EvaluationConfig)
    events: EventsConfig = Field(default_factory=EventsConfig)


class AdaptConfig(_Section):
    """Domain-adaptive masked-LM training of an encoder (``conflict-ner adapt``).

    >>> AdaptConfig(sources=["corpus.jsonl"], output_dir="runs/mlm").max_length
    128
    """

    base_model: str = PACKAGED_MODEL
    #: JSONL corpora (``text`` field), CoNLL files, ``.txt`` files, or folders of them; never test data
    sources: list[str] = Field(min_length=1)
    output_dir: str
    seed: int = 13
    epochs: float = Field(3, gt=0)
    batch_size: int = Field(16, ge=1)
    #: tokens per packed window (texts are concatenated and cut, so no padding is wasted)
    max_length: int = Field(128, ge=8, le=8192)
    learning_rate: float = Field(1e-4, gt=0)
    weight_decay: float = Field(0.01, ge=0)
    warmup_ratio: float = Field(0.06, ge=0, lt=1)
    max_grad_norm: float = Field(1.0, gt=0)
    #: share of tokens masked (of which 80% become [MASK], 10% random, 10% unchanged)
    mlm_probability: float = Field(0.15, gt=0, lt=1)
    threads: int | None = Field(None, ge=1)


def apply_overrides(raw: dict[str, Any], overrides: list[str]) -> dict[str, Any]:
    """Set ``section.key=value`` overrides (values parsed as YAML scalars) into ``raw``."""
    for item in overrides:
        if "=" not in item:
            raise ConfigError(f"override {item!r} is not of the form section.key=value")
        dotted, value = item.split("=", 1)
        keys = dotted.strip().split(".")
        node = raw
        for key in keys[:-1]:
            node = node.setdefault(key, {})
            if not isinstance(node, dict):
                raise ConfigError(f"override {item!r}: {key!r} is not a section")
        node[keys[-1]] = yaml.safe_load(value) if value.strip() else None
    return raw


def load_config(path: str | Path | None, overrides: list[str] | None = None) -> Config:
    """Read a YAML config, apply overrides, validate. Errors name the file and the key."""
    return load_section(Config, path, overrides)


def load_section(model: type[_M], path: str | Path | None, overrides: list[str] | None = None,
                 values: dict[str, Any] | None = None, where: str = "<defaults>") -> _M:
    """Validate ``model`` from a YAML file (if given), ``values`` and dotted ``overrides``, in
    that order; errors are :class:`ConfigError` naming the file (else ``where``) and the key."""
    raw: dict[str, Any] = {}
    where = str(path) if path else where
    if path is not None:
        try:
            raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except FileNotFoundError:
            raise ConfigError(f"{where}: no such config file") from None
        except yaml.YAMLError as err:
            raise ConfigError(f"{where}: invalid YAML: {err}") from None
        if not isinstance(raw, dict):
            raise ConfigError(f"{where}: the config must be a mapping of sections")
    raw.update(values or {})
    apply_overrides(raw, overrides or [])
    try:
        return model.model_validate(raw)
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())
        raise ConfigError(f"{where}: {problems}") from None


def dump_config(config: BaseModel) -> str:
    """The resolved config as YAML, as saved with each run."""
    return yaml.safe_dump(config.model_dump(mode="json"), sort_keys=False)
