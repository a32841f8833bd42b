"""Factored event heads: small MLPs over the encoder's word states (design ``factored``).

The linear heads spread a rare positive over 50 BIO tags. Here the trigger head is split in
two: a span head (``O``/``B``/``I``: is this word part of an act's trigger?) and a sub-type
head (which of the 25 ACLED sub-event types), trained only on trigger words. A role is
relative to an act, so the role head reads the actor's state beside a *trigger context*:
the states of the window's words weighted by how likely each is a trigger and how near it
is (:func:`trigger_context`). Modality is read on the trigger's own states.

Inputs are the states of the words (first subwords) of a window, ``[B, U, H]``, with a mask
of the real ones; positions count words, not subwords, so training on cached word states
and inference on a full window agree.

>>> from conflict_ner.tagging.event_heads import EventHeadSettings
>>> heads = FactoredHeads(EventHeadSettings(heads=("triggers", "roles"), hidden_size=8,
...                                         design="factored", mlp_size=4)).eval()
>>> heads.log_probs(torch.zeros(2, 5, 8)).shape     # 3 span tags + 25 sub-types + 4 roles
torch.Size([2, 5, 32])
"""

from __future__ import annotations

import torch
from torch import nn

from conflict_ner.tagging.event_heads import HEAD_NAMES, SPAN_TAGS, EventHeadSettings, head_losses

#: a masked score: low enough to vanish in a softmax, finite so an all-masked row stays finite
_MASKED = -1e4


def mlp(n_in: int, n_hidden: int, n_out: int, dropout: float) -> nn.Sequential:
    """Linear, GELU, dropout, linear."""
    return nn.Sequential(nn.Linear(n_in, n_hidden), nn.GELU(), nn.Dropout(dropout), nn.Linear(n_hidden, n_out))


def trigger_context(states: torch.Tensor, span_logits: torch.Tensor, mask: torch.Tensor, scale: float
                    ) -> torch.Tensor:
    """For each word, the mean of the window's word states weighted by
    ``P(trigger) * exp(-distance / scale)`` (distance in words): the state of the nearest
    likely trigger; then two numbers, where that trigger is (-1 before the word, +1 after)
    and how far (in ``scale`` units, at most 4): an actor before its act is more often its
    initiator. The trigger probabilities are not trained through this path.

    >>> s = torch.tensor([[[1.0], [0.0], [5.0], [0.0]]])
    >>> span = torch.tensor([[[9.0, 0, 0], [9.0, 0, 0], [0, 9.0, 0], [9.0, 0, 0]]])
    >>> ctx = trigger_context(s, span, torch.ones(1, 4, dtype=torch.bool), 4.0)
    >>> [round(float(x), 2) for x in ctx[0, 0]]     # word 0 looks at the trigger, word 2, 2 words on
    [5.0, 1.0, 0.5]
    """
    p = torch.softmax(span_logits.detach().float(), dim=-1)[..., 1:].sum(-1).clamp_min(1e-6)
    pos = torch.cumsum(mask.long(), dim=-1).float()
    offset = pos[:, None, :] - pos[:, :, None]          # [B, word, other word]
    score = torch.log(p)[:, None, :] - offset.abs() / scale
    score = score.masked_fill(~mask[:, None, :], _MASKED)
    weights = torch.softmax(score, dim=-1)
    where = torch.stack([(weights * offset.sign()).sum(-1), (weights * (offset.abs() / scale).clamp(max=4.0)).sum(-1)],
                        dim=-1)
    return torch.cat([weights.to(states.dtype) @ states, where.to(states.dtype)], dim=-1)


class FactoredHeads(nn.Module):
    """Logits of the factored heads; :meth:`log_probs` gives the columns inference reads
    (triggers: span tags then sub-types; roles; modality, in :data:`HEAD_NAMES` order)."""

    def __init__(self, settings: EventHeadSettings):
        super().__init__()
        self.settings = settings
        h, d, p = settings.hidden_size, settings.mlp_size, settings.dropout
        self.dropout = nn.Dropout(p)
        heads: dict[str, nn.Module] = {}
        if "triggers" in settings.heads:
            heads["trigger_span"] = mlp(h, d, len(SPAN_TAGS), p)
            heads["trigger_type"] = mlp(h, d, len(settings.sub_event_types), p)
        if "roles" in settings.heads:
            heads["roles"] = mlp(2 * h + 2 if "triggers" in settings.heads else h, d, len(settings.roles), p)
        if "modality" in settings.heads:
            heads["modality"] = mlp(h, d, len(settings.modalities), p)
        self.heads = nn.ModuleDict(heads)

    def forward(self, hidden: torch.Tensor, mask: torch.Tensor | None = None) -> dict[str, torch.Tensor]:
        """Logits of each part (``trigger_span``, ``trigger_type``, ``roles``, ``modality``)
        for word states ``[B, U, H]`` (``mask``: the real words; all when ``None``)."""
        if mask is None:
            mask = torch.ones(hidden.shape[:-1], dtype=torch.bool, device=hidden.device)
        x = self.dropout(hidden)
        out = {}
        if "trigger_span" in self.heads:
            out["trigger_span"] = self.heads["trigger_span"](x)
            out["trigger_type"] = self.heads["trigger_type"](x)
        if "roles" in self.heads:
            if "trigger_span" in out:
                ctx = trigger_context(x, out["trigger_span"], mask, self.settings.context_scale)
                x_roles = torch.cat([x, ctx], dim=-1)
            else:
                x_roles = x
            out["roles"] = self.heads["roles"](x_roles)
        if "modality" in self.heads:
            out["modality"] = self.heads["modality"](x)
        return out

    def training_losses(self, hidden: torch.Tensor, mask: torch.Tensor, labels: dict[str, torch.Tensor],
                        span_weight: float = 1.0) -> dict[str, torch.Tensor]:
        """The losses of :func:`factored_losses`, computed only where a part has labels: the
        sub-type, role and modality heads run on the few words they are trained on."""
        x = self.dropout(hidden)
        logits: dict[str, torch.Tensor] = {}
        gold: dict[str, torch.Tensor] = {}
        span = None
        if "trigger_span" in self.heads:
            span = self.heads["trigger_span"](x)
            gold["trigger_span"], gold["trigger_type"] = split_trigger_labels(labels["triggers"])
            logits["trigger_span"] = span
        for name in ("trigger_type", "roles", "modality"):
            if name not in self.heads:
                continue
            target = gold.get(name, labels.get(name))
            chosen = target != -100
            if name == "roles" and span is not None:
                inputs = torch.cat([x, trigger_context(x, span, mask, self.settings.context_scale)], dim=-1)
            else:
                inputs = x
            logits[name] = self.heads[name](inputs[chosen])
            gold[name] = target[chosen]
        return factored_losses(logits, gold, span_weight, split=False)

    def log_probs(self, hidden: torch.Tensor, rows: torch.Tensor | None = None) -> torch.Tensor:
        """Log-probabilities of every head side by side. ``hidden`` is ``[B, L, H]`` (``rows``,
        ``[B, L]`` bool, marks the words; all positions when ``None``) or, from the lean
        runner, the words' states ``[rows.sum(), H]``, answered in the same shape."""
        dtype = next(self.parameters()).dtype
        hidden = hidden.to(dtype)
        packed = hidden.dim() == 2
        if packed:
            if rows is None:
                raise ValueError("packed word states need the rows they came from")
            dense = hidden.new_zeros(*rows.shape, hidden.shape[-1])
            dense[rows] = hidden
            hidden = dense
        logits = self(hidden, rows)
        parts = []
        for name in HEAD_NAMES:
            if name == "triggers" and "trigger_span" in logits:
                parts += [torch.log_softmax(logits["trigger_span"].float(), -1),
                          torch.log_softmax(logits["trigger_type"].float(), -1)]
            elif name in logits:
                parts.append(torch.log_softmax(logits[name].float(), -1))
        out = torch.cat(parts, dim=-1)
        return out[rows] if packed else out


def split_trigger_labels(tags: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """BIO trigger tag ids (``O``, then ``B-``/``I-`` of each sub-type; -100 untrained) ->
    span ids (``O``/``B``/``I``) and sub-type ids (-100 off triggers).

    >>> split_trigger_labels(torch.tensor([0, 1, 2, 3, -100]))
    (tensor([   0,    1,    2,    1, -100]), tensor([-100,    0,    0,    1, -100]))
    """
    trained = tags != -100
    inside = trained & (tags > 0)
    span = torch.where(inside, 1 + (tags - 1) % 2, torch.where(trained, 0, -100))
    kind = torch.where(inside, (tags - 1) // 2, -100)
    return span, kind


def factored_losses(logits: dict[str, torch.Tensor], labels: dict[str, torch.Tensor], span_weight: float = 1.0,
                    split: bool = True) -> dict[str, torch.Tensor]:
    """Cross-entropy of each part over its labelled positions (``labels``: the BIO trigger
    ids, roles and modality ids of :mod:`conflict_ner.training.event_data`; with ``split``
    false, already one label tensor per part); trigger words weigh ``span_weight`` against
    ``O`` in the span loss. A part without labelled positions gives a zero loss that keeps
    its gradient path.

    >>> z = {"trigger_span": torch.zeros(1, 2, 3), "trigger_type": torch.zeros(1, 2, 25)}
    >>> out = factored_losses(z, {"triggers": torch.tensor([[0, 1]])})
    >>> round(float(out["trigger_span"]), 4), round(float(out["trigger_type"]), 4)
    (1.0986, 3.2189)
    """
    gold: dict[str, torch.Tensor] = {} if split else dict(labels)
    if split and "triggers" in labels and "trigger_span" in logits:
        gold["trigger_span"], gold["trigger_type"] = split_trigger_labels(labels["triggers"])
    for name in ("roles", "modality"):
        if split and name in labels and name in logits:
            gold[name] = labels[name]
    weights = {}
    if "trigger_span" in logits and span_weight != 1.0:
        weights["trigger_span"] = torch.tensor([1.0] + [span_weight] * (len(SPAN_TAGS) - 1),
                                               device=logits["trigger_span"].device)
    return head_losses(logits, gold, weights)
