"""The lean forward for int8 BERT token classifiers (``--quantize int8``).

:mod:`conflict_ner.tagging.lean_bert` serves fp32 and bf16; a model whose linear layers torch
quantized dynamically (:func:`~conflict_ner.tagging.quantization.quantize_int8`) ran
transformers' own forward. This one keeps torch's int8 arithmetic and saves:

- one fused query/key/value int8 multiply per layer: the weights carry one scale per output
  channel, so the fused matrix holds exactly the three matrices' int8 values and scales, and
  the shared input is quantized once instead of three times;
- no attention mask when a batch has no padding, and no transformers module overhead.

It changes no number: biases stay where they are (the fp32 path folds them into the layer
norms) and the last layer runs on every position, because dynamic quantization measures each
activation's range over all the rows it is given, and a folded shift or fewer rows would move
those ranges. So the logits equal the quantized model's own to float rounding and the
accuracy measured for ``--quantize int8`` holds. (Computing the last layer only on the rows
read, as the fp32 path does, cost the round-6 default 0.25 points on the corpus test:
0.8932 against 0.8957, fp32 0.9045.)

>>> from transformers import BertConfig, BertForTokenClassification
>>> from conflict_ner.tagging.quantization import quantize_int8
>>> model = quantize_int8(BertForTokenClassification(BertConfig(hidden_size=32, num_hidden_layers=2,
...     num_attention_heads=2, intermediate_size=64, num_labels=3)))
>>> ids = torch.tensor([[101, 2000, 2001, 102]])
>>> every = torch.ones_like(ids, dtype=torch.bool)
>>> lean = LeanBertInt8(model)(ids, torch.ones_like(ids), every)
>>> torch.allclose(lean, model(input_ids=ids).logits[every], atol=1e-5)
True
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn
from transformers import BertForTokenClassification

from conflict_ner.tagging.lean_bert import LeanBert, _ln

try:  # the eager dynamic-quantization module torch still ships (quantization.py uses it)
    from torch.ao.nn.quantized.dynamic import Linear as _DynamicLinear
except ImportError:  # pragma: no cover - a torch without torch.ao
    _DynamicLinear = None


def supports(model) -> bool:
    """Whether :class:`LeanBertInt8` reproduces ``model``'s forward: a plain BERT token classifier
    in eval mode whose every linear layer is dynamically quantized to int8 per output channel."""
    config = getattr(model, "config", None)
    if _DynamicLinear is None or not isinstance(model, BertForTokenClassification) or model.training:
        return False
    if getattr(config, "position_embedding_type", "absolute") != "absolute" or config.hidden_act != "gelu":
        return False
    linears = [m for m in model.modules() if isinstance(m, (nn.Linear, _DynamicLinear))]
    return bool(linears) and all(
        type(m) is _DynamicLinear and m._packed_params.dtype == torch.qint8
        and m.weight().qscheme() == torch.per_channel_affine for m in linears)


def _pack(*linears: nn.Module):
    """One prepacked int8 weight (and fp32 bias) of ``linears`` stacked along their outputs."""
    weights = [m.weight() for m in linears]
    if len(weights) == 1:
        weight = weights[0]
    else:
        weight = torch._make_per_channel_quantized_tensor(
            torch.cat([w.int_repr() for w in weights]),
            torch.cat([w.q_per_channel_scales() for w in weights]),
            torch.cat([w.q_per_channel_zero_points() for w in weights]), 0)
    biases = [m.bias() for m in linears]
    bias = None if any(b is None for b in biases) else torch.cat([b.detach() for b in biases])
    return torch.ops.quantized.linear_prepack(weight, bias)


def _linear(x: torch.Tensor, packed) -> torch.Tensor:
    # reduce_range=True as torch's module (version 4) runs it: 7-bit activations, which fbgemm's
    # AVX2 kernels multiply without saturating (tests/test_quantization.py checks the product)
    return torch.ops.quantized.linear_dynamic(x, packed, reduce_range=True)


@dataclass(frozen=True)
class _Int8Layer:
    qkv: object
    out: object
    ln1: tuple[torch.Tensor, torch.Tensor, float]
    ffn1: object
    ffn2: object
    ln2: tuple[torch.Tensor, torch.Tensor, float]


class LeanBertInt8(LeanBert):
    """Logits of an int8 BERT token classifier for selected rows only (same call as :class:`LeanBert`)."""

    def __init__(self, model: BertForTokenClassification):  # noqa: D107 - LeanBert's contract
        if not supports(model):
            raise ValueError(f"{type(model).__name__} is not an int8 (per-channel) BERT token classifier in eval mode")
        self._take_embeddings(model)
        self.emb_ln = _ln(model.bert.embeddings.LayerNorm)  # unfolded: see the module's docstring
        self.layers = []
        for layer in model.bert.encoder.layer:
            att = layer.attention
            self.layers.append(_Int8Layer(
                _pack(att.self.query, att.self.key, att.self.value), _pack(att.output.dense),
                _ln(att.output.LayerNorm), _pack(layer.intermediate.dense), _pack(layer.output.dense),
                _ln(layer.output.LayerNorm)))
        self.classifier = _pack(model.classifier)

    def __call__(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, rows: torch.Tensor,
                 shape_ids: torch.Tensor | None = None, hidden: bool = False):
        batch, length = input_ids.shape
        width = self.word.shape[1]
        x = self._embed(input_ids, shape_ids)
        mask = None if bool(attention_mask.all()) else attention_mask.bool()[:, None, None, :]
        keep = rows.reshape(-1).nonzero().squeeze(1)
        for layer in self.layers:
            context = self._attend(_linear(x, layer.qkv), batch, length, mask)
            h = F.layer_norm(_linear(context, layer.out) + x, (width,), *layer.ln1)
            inner = torch._C._nn.gelu_(_linear(h, layer.ffn1))
            x = F.layer_norm(_linear(inner, layer.ffn2) + h, (width,), *layer.ln2)
        logits = _linear(x, self.classifier).index_select(0, keep)  # the classifier is cheap: all rows
        return (logits, x.index_select(0, keep)) if hidden else logits
