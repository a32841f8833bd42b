"""Learned event heads on the tagger's encoder: trigger tags, actor roles, act modality.

Small linear heads read the encoder's last hidden states (the same states the entity
classifier reads, so one forward serves all three):

- ``triggers``: BIO tags over ACLED's 25 sub-event types (``B-Air/drone strike``...), on
  the first subword of each unit;
- ``roles``: the role of an ACTOR unit in its event: ``O`` (not a party), ``initiator``,
  ``target`` or ``other``;
- ``modality``: how the act is told (``asserted``, ``negated``, ``claimed``, ``threatened``,
  ``planned``), read on the trigger's units.

Two designs (``settings.design``): ``linear`` (one linear layer per head over BIO tags, trained
with the tagger) and ``factored`` (small MLPs: a trigger span head plus a sub-type head, a role
head that also reads the nearest trigger's state; see :mod:`.factored_heads`, fitted on frozen
states by :mod:`conflict_ner.training.head_refit`). Settings without a design are ``linear``.

They are saved beside the token classifier as ``event_heads.safetensors``; their settings
ride on ``config.json`` under ``conflict_ner.event_heads``, next to the inference settings.
A folder without the file loads as before (rules only), and the entity part still loads
in plain transformers (the heads are not in its weights).

>>> heads = EventHeads(EventHeadSettings(heads=("triggers", "roles"), hidden_size=8))
>>> out = heads(torch.zeros(1, 3, 8))
>>> out["triggers"].shape[-1], out["roles"].shape[-1]
(51, 4)
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn

from conflict_ner.errors import ModelError
from conflict_ner.records import EVENT_TYPES

#: the heads there are, in the order their scores are concatenated at inference
HEAD_NAMES = ("triggers", "roles", "modality")
#: sub-event types in ACLED's order
SUB_EVENT_TYPES: tuple[str, ...] = tuple(sub for subs in EVENT_TYPES.values() for sub in subs)
#: BIO trigger tags: O, then B-/I- of each sub-event type
TRIGGER_TAGS: tuple[str, ...] = ("O",) + tuple(f"{p}-{sub}" for sub in SUB_EVENT_TYPES for p in ("B", "I"))
#: roles of an ACTOR unit (``O``: named, but no party to an act)
ROLES: tuple[str, ...] = ("O", "initiator", "target", "other")
#: modalities of an act, as records spell them
MODALITIES: tuple[str, ...] = ("asserted", "negated", "claimed", "threatened", "planned")
#: head designs: BIO linear heads, or factored MLP heads (:mod:`.factored_heads`)
DESIGNS = ("linear", "factored")
#: the factored trigger head's span tags (its first columns; the sub-types follow)
SPAN_TAGS = ("O", "B", "I")
WEIGHTS_FILE = "event_heads.safetensors"
#: key of the heads' settings inside the ``conflict_ner`` entry of config.json
SETTINGS_KEY = "event_heads"
CONFIG_KEY = "conflict_ner"


@dataclass(frozen=True)
class EventHeadSettings:
    """Which heads a model has and what their outputs mean."""

    heads: tuple[str, ...]
    hidden_size: int
    trigger_tags: tuple[str, ...] = TRIGGER_TAGS
    roles: tuple[str, ...] = ROLES
    modalities: tuple[str, ...] = MODALITIES
    dropout: float = 0.1
    #: per-field choice between rules and heads (``rules``/``learned``/``both``), set after training
    fields: dict[str, str] = field(default_factory=dict)
    #: ``linear`` (old folders) or ``factored``
    design: str = "linear"
    #: factored: width of each head's hidden layer
    mlp_size: int = 256
    #: factored: how fast a trigger's pull on a role fades with distance, in units
    context_scale: float = 8.0
    #: factored: a unit is part of a trigger when its span probability (B + I) reaches this
    trigger_threshold: float = 0.5

    def __post_init__(self) -> None:
        unknown = [h for h in self.heads if h not in HEAD_NAMES]
        if unknown or not self.heads or len(set(self.heads)) != len(self.heads):
            raise ModelError(f"event heads must be a non-empty subset of {HEAD_NAMES} without repeats, "
                             f"not {list(self.heads)}")
        if self.design not in DESIGNS:
            raise ModelError(f"event heads: design must be one of {DESIGNS}, not {self.design!r}")

    @property
    def sub_event_types(self) -> tuple[str, ...]:
        """The sub-event types of the trigger tags, in their order."""
        return tuple(t[2:] for t in self.trigger_tags if t.startswith("B-"))

    def sizes(self) -> dict[str, int]:
        """Output width of each head, in :data:`HEAD_NAMES` order (a factored trigger head: its
        span tags, then the sub-event types)."""
        triggers = len(self.trigger_tags) if self.design == "linear" else len(SPAN_TAGS) + len(self.sub_event_types)
        width = {"triggers": triggers, "roles": len(self.roles), "modality": len(self.modalities)}
        return {h: width[h] for h in HEAD_NAMES if h in self.heads}

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "EventHeadSettings":
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()
                  if k in cls.__dataclass_fields__}
        return cls(**values)


class EventHeads(nn.Module):
    """Per-token logits of each head from hidden states ``[..., hidden_size]``."""

    def __init__(self, settings: EventHeadSettings):
        super().__init__()
        self.settings = settings
        self.dropout = nn.Dropout(settings.dropout)
        self.heads = nn.ModuleDict({name: nn.Linear(settings.hidden_size, size)
                                    for name, size in settings.sizes().items()})

    def forward(self, hidden: torch.Tensor) -> dict[str, torch.Tensor]:
        hidden = self.dropout(hidden)
        return {name: head(hidden) for name, head in self.heads.items()}

    def log_probs(self, hidden: torch.Tensor, rows: torch.Tensor | None = None) -> torch.Tensor:
        """Log-probabilities of every head side by side ``[..., sum(sizes)]`` (inference). The
        states are cast to the heads' precision: a bf16 encoder feeds fp32 heads. Each token
        is read alone, so ``rows`` (which positions are words) is not needed."""
        dtype = next(self.parameters()).dtype
        hidden = hidden.to(dtype)
        return torch.cat([torch.log_softmax(head(hidden).float(), dim=-1) for head in self.heads.values()], dim=-1)


def head_losses(logits: dict[str, torch.Tensor], labels: dict[str, torch.Tensor],
                weights: dict[str, torch.Tensor] | None = None) -> dict[str, torch.Tensor]:
    """Mean cross-entropy of each head over its labelled positions (-100 elsewhere); a head
    with no labelled position in the batch gives a zero loss that still has a gradient path.

    >>> z = {"roles": torch.zeros(1, 2, 4, requires_grad=True)}
    >>> float(head_losses(z, {"roles": torch.tensor([[-100, -100]])})["roles"].detach())
    0.0
    """
    out = {}
    for name, scores in logits.items():
        gold = labels.get(name)
        if gold is None or not bool((gold != -100).any()):
            out[name] = scores.sum() * 0.0
            continue
        out[name] = nn.functional.cross_entropy(scores.reshape(-1, scores.shape[-1]).float(), gold.reshape(-1),
                                                weight=(weights or {}).get(name), ignore_index=-100)
    return out


def build_event_heads(settings: EventHeadSettings) -> nn.Module:
    """Fresh heads of the settings' design."""
    if settings.design == "factored":
        from conflict_ner.tagging.factored_heads import FactoredHeads

        return FactoredHeads(settings)
    return EventHeads(settings)


def settings_on(config: Any) -> EventHeadSettings | None:
    """The heads' settings saved on a model config, or ``None``."""
    data = getattr(config, CONFIG_KEY, None)
    if isinstance(data, dict) and isinstance(data.get(SETTINGS_KEY), dict):
        return EventHeadSettings.from_dict(data[SETTINGS_KEY])
    return None


def store_settings(settings: EventHeadSettings | None, config: Any) -> None:
    """Put (or, with ``None``, remove) the heads' settings in ``config.conflict_ner``."""
    data = dict(getattr(config, CONFIG_KEY, None) or {})
    data.pop(SETTINGS_KEY, None)
    if settings is not None:
        data[SETTINGS_KEY] = settings.to_dict()
    setattr(config, CONFIG_KEY, data)


def save_event_heads(heads: EventHeads, path: str | Path) -> None:
    """Write the heads' weights to ``path/event_heads.safetensors`` (settings go on config.json)."""
    from safetensors.torch import save_file

    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    save_file({k: v.detach().contiguous().cpu() for k, v in heads.state_dict().items()}, str(path / WEIGHTS_FILE))


def load_event_heads(path: str | Path, config: Any = None) -> EventHeads | None:
    """The heads saved in ``path``, or ``None`` when the folder has none. Settings come from
    ``config`` (the loaded model's) or the folder's config.json. A file without settings, or
    weights that do not fit them, raise :class:`ModelError` naming the folder."""
    from safetensors.torch import load_file

    path = Path(path)
    weights = path / WEIGHTS_FILE
    if not weights.is_file():
        return None
    settings = settings_on(config) if config is not None else _settings_in_folder(path)
    if settings is None:
        raise ModelError(f"{path}: {WEIGHTS_FILE} is there but config.json has no "
                         f"{CONFIG_KEY}.{SETTINGS_KEY} settings")
    heads = build_event_heads(settings)
    try:
        heads.load_state_dict(load_file(str(weights)))
    except Exception as err:  # noqa: BLE001 - a truncated file, wrong shapes or names
        raise ModelError(f"{weights}: cannot load the event heads ({type(err).__name__}: "
                         f"{str(err).strip().splitlines()[0] if str(err).strip() else ''})") from None
    return heads.eval()


def _settings_in_folder(path: Path) -> EventHeadSettings | None:
    try:
        raw = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    data = (raw.get(CONFIG_KEY) or {}).get(SETTINGS_KEY) if isinstance(raw, dict) else None
    return EventHeadSettings.from_dict(data) if isinstance(data, dict) else None
