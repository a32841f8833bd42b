"""The inference settings of a tagger: the one owner of windowing, decoding and batch size.

They travel on the model's own ``config.json`` (key ``conflict_ner``), as SpanMarker and
GLiNER keep theirs, so a model folder extracts and is scored with the same settings
wherever it goes. Training copies its ``model`` section into them; old folders are read
through :func:`legacy_settings`.

>>> s = InferenceSettings(max_length=128, stride=16)
>>> InferenceSettings.from_dict(s.to_dict()) == s
True
>>> InferenceSettings.from_dict({"max_length": 64, "stride": 16, "window_batch": 8}).max_batch_tokens
512
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from conflict_ner.errors import ConfigError

#: key of the settings in the model's ``config.json``
CONFIG_KEY = "conflict_ner"
DECODINGS = ("viterbi", "greedy")
#: lower-precision inference paths (see tagging/quantization.py)
QUANTIZE_CHOICES = ("int8", "bf16")


@dataclass(frozen=True)
class InferenceSettings:
    """How a tagger cuts, batches and decodes.

    ``max_batch_tokens`` is the unit of a model call: windows are length-sorted and a batch
    holds as many as fit in this many padded tokens (8 full 256-token windows by default:
    small batches stay in cache, measured faster than 32 on 2 cores, see bench/README.md).
    """

    max_length: int = 256
    stride: int = 48
    decoding: str = "viterbi"
    max_batch_tokens: int = 2048

    def __post_init__(self) -> None:
        if not 16 <= self.max_length <= 8192:
            raise ConfigError(f"max_length must be in 16..8192, not {self.max_length}")
        if not 0 <= self.stride < self.max_length // 2:
            raise ConfigError(f"stride ({self.stride}) must be in 0..max_length/2 ({self.max_length // 2})")
        if self.decoding not in DECODINGS:
            raise ConfigError(f"decoding must be one of {DECODINGS}, not {self.decoding!r}")
        if self.max_batch_tokens < 1:
            raise ConfigError(f"max_batch_tokens must be positive, not {self.max_batch_tokens}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def replace(self, **changes: Any) -> "InferenceSettings":
        """A copy with ``changes`` applied (unknown names are an error)."""
        unknown = set(changes) - {f.name for f in fields(self)}
        if unknown:
            raise ConfigError(f"unknown inference setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **changes)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "InferenceSettings":
        """Settings from a saved mapping; ``window_batch`` (windows per call, before 0.2) converts
        to tokens; keys that are not inference settings are ignored."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "max_batch_tokens" not in values and "window_batch" in data:
            values["max_batch_tokens"] = int(data["window_batch"]) * int(values.get("max_length", cls.max_length))
        return cls(**values)

    @classmethod
    def from_model_config(cls, config: Any) -> "InferenceSettings | None":
        """The settings saved on a model config, or ``None`` for a model saved without them."""
        data = getattr(config, CONFIG_KEY, None)
        return cls.from_dict(data) if isinstance(data, dict) else None

    def store_on(self, config: Any) -> None:
        """Put the settings on a model config, so ``save_pretrained`` writes them to config.json."""
        setattr(config, CONFIG_KEY, self.to_dict())


def legacy_settings(model_dir: str | Path) -> InferenceSettings:
    """Settings of a folder saved before they lived on the model config: the API's
    ``extractor_config.json``, else the ``model`` section of a run's ``training_config.yaml``,
    else defaults. Read directly, so loading a model never imports the training code."""
    path = Path(model_dir)
    if (path / "extractor_config.json").is_file():
        return InferenceSettings.from_dict(json.loads((path / "extractor_config.json").read_text()))
    if (path / "training_config.yaml").is_file():
        import yaml

        raw = yaml.safe_load((path / "training_config.yaml").read_text(encoding="utf-8")) or {}
        return InferenceSettings.from_dict(dict(raw.get("model") or {}))
    return InferenceSettings()
