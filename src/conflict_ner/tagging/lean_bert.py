"""A lean inference forward for BERT token classifiers: same weights, same maths, less work.

Against ``BertForTokenClassification.forward`` it saves, exactly (to float rounding):

- one fused query/key/value matrix multiply per layer instead of three;
- residual sums as one in-place multiply-add on the residual (the projection's bias moved
  into the layer norm that produced it), GELU in place: fewer full passes over memory;
- no attention mask when a batch has no padding;
- in the last layer, attention output, feed-forward and classifier only for the rows
  whose scores are read (first subwords of words); keys and values still see every token;
- the other matrix-multiply outputs written into one reused buffer per role (per thread), so
  the same memory stays warm in cache instead of a fresh allocation per layer and batch.

Only plain BERT classifiers are handled (absolute positions, exact GELU, ``nn.Linear``
layers in fp32 or bf16); :func:`supports` says so, and callers fall back to the model's
own forward otherwise (int8-quantized layers have their own lean forward:
:mod:`conflict_ner.tagging.lean_bert_int8`).

>>> from transformers import BertConfig, BertForTokenClassification
>>> model = BertForTokenClassification(BertConfig(hidden_size=32, num_hidden_layers=1,
...     num_attention_heads=2, intermediate_size=64, num_labels=3)).eval()
>>> ids = torch.tensor([[101, 2000, 2001, 102]])
>>> rows = torch.tensor([[False, True, True, False]])
>>> lean = LeanBert(model)(ids, torch.ones_like(ids), rows)
>>> torch.allclose(lean, model(input_ids=ids).logits[rows], atol=1e-5)
True
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn
from transformers import BertForTokenClassification


def supports(model) -> bool:
    """Whether :class:`LeanBert` reproduces ``model``'s forward."""
    config = getattr(model, "config", None)
    return (isinstance(model, BertForTokenClassification) and not model.training
            and getattr(config, "position_embedding_type", "absolute") == "absolute"
            and config.hidden_act == "gelu"
            and all(type(m) is nn.Linear for m in model.modules() if "Linear" in type(m).__name__))


def _t(linear: nn.Linear) -> torch.Tensor:
    # [in, out] contiguous, the layout addmm reads fastest
    return linear.weight.detach().t().contiguous()


def _ln(norm: nn.LayerNorm) -> tuple[torch.Tensor, torch.Tensor, float]:
    return norm.weight.detach(), norm.bias.detach(), norm.eps


@dataclass(frozen=True)
class _Layer:
    """One encoder layer's weights (``[in, out]``), with the residual projections' biases
    folded into the layer norms before them (see :func:`_folded_layers`)."""
    qkv_w: torch.Tensor
    qkv_b: torch.Tensor
    out_w: torch.Tensor
    ln1: tuple[torch.Tensor, torch.Tensor, float]
    ffn1_w: torch.Tensor
    ffn1_b: torch.Tensor
    ffn2_w: torch.Tensor
    ln2: tuple[torch.Tensor, torch.Tensor, float]


def _shift(norm: tuple[torch.Tensor, torch.Tensor, float], bias: torch.Tensor | None
           ) -> tuple[torch.Tensor, torch.Tensor, float]:
    weight, beta, eps = norm
    return norm if bias is None else (weight, (beta.float() + bias.float()).to(beta.dtype), eps)


def _compensated(bias: torch.Tensor, shift: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
    return (bias.float() - shift.float() @ weight.float()).to(bias.dtype)


def _folded_layers(model: BertForTokenClassification) -> tuple[tuple, list[_Layer]]:
    """The embedding norm and the layers, with each residual projection's bias moved into the
    layer norm whose output it is added to, so ``x + a @ W + b`` is one in-place ``addmm`` on ``x``.

    The norm's shift gains ``b``; the projection that reads the shifted output subtracts
    ``b @ W_in`` from its own bias, so its result is unchanged (folded in fp32, then cast).
    """
    blocks = model.bert.encoder.layer

    def out_bias(i: int) -> torch.Tensor | None:  # attention output bias of layer i, if any
        return blocks[i].attention.output.dense.bias.detach() if i < len(blocks) else None

    layers = []
    for i, layer in enumerate(blocks):
        att = layer.attention
        q, k, v = att.self.query, att.self.key, att.self.value
        qkv_w = torch.cat([_t(q), _t(k), _t(v)], dim=1)
        ffn1_w, ffn2_b = _t(layer.intermediate.dense), layer.output.dense.bias.detach()
        layers.append(_Layer(
            qkv_w, _compensated(torch.cat([q.bias, k.bias, v.bias]).detach(), out_bias(i), qkv_w),  # reads x + out_b
            _t(att.output.dense), _shift(_ln(att.output.LayerNorm), ffn2_b),
            ffn1_w, _compensated(layer.intermediate.dense.bias.detach(), ffn2_b, ffn1_w),  # reads h + ffn2_b
            _t(layer.output.dense), _shift(_ln(layer.output.LayerNorm), out_bias(i + 1))))
    return _shift(_ln(model.bert.embeddings.LayerNorm), out_bias(0)), layers


class LeanBert:
    """Logits of a BERT token classifier, for selected rows only.

    Built from the model's current weights (cheap: a few weight copies), so build it
    per prediction call rather than keeping it across training steps.
    """

    def __init__(self, model: BertForTokenClassification):
        if not supports(model):
            raise ValueError(f"{type(model).__name__} is not a plain BERT token classifier in eval mode")
        self._take_embeddings(model)
        self.emb_ln, self.layers = _folded_layers(model)
        self.cls_w, self.cls_b = _t(model.classifier), model.classifier.bias.detach()

    def _take_embeddings(self, model: BertForTokenClassification) -> None:
        """The embedding tables, head count and per-thread state every lean forward needs."""
        emb = model.bert.embeddings
        self.word = emb.word_embeddings.weight.detach()
        self.shape = getattr(model, "shape_embeddings", None)
        self.position = emb.position_embeddings.weight.detach()
        self.token_type0 = emb.token_type_embeddings.weight.detach()[0]
        self.heads = model.config.num_attention_heads
        # per thread, so concurrent callers never share one (and a finished thread's are freed)
        self._local = threading.local()

    def _embed(self, input_ids: torch.Tensor, shape_ids: torch.Tensor | None) -> torch.Tensor:
        """The embedding layer's output, ``[B * L, width]``."""
        batch, length = input_ids.shape
        width = self.word.shape[1]
        x = F.embedding(input_ids, self.word)
        if self.shape is not None and shape_ids is not None:
            x = x + self.shape(shape_ids)
        x = x + self.position[:length] + self.token_type0
        return F.layer_norm(x, (width,), *self.emb_ln).reshape(batch * length, width)

    def _attend(self, qkv: torch.Tensor, batch: int, length: int, mask: torch.Tensor | None) -> torch.Tensor:
        """Self-attention context ``[B * L, width]`` from the fused query/key/value rows."""
        q, k, v = qkv.view(batch, length, 3, self.heads, -1).permute(2, 0, 3, 1, 4).unbind(0)
        context = F.scaled_dot_product_attention(q, k, v, attn_mask=mask).transpose(1, 2)
        return context.reshape(batch * length, -1)

    def _buffer(self, name: str, rows: int, cols: int, dtype: torch.dtype) -> torch.Tensor:
        # Matmul outputs reuse one allocation per role across layers and batches: the same
        # memory stays warm in cache instead of a fresh block per call.
        buffers = self._local.__dict__.setdefault("buffers", {})
        buf = buffers.get(name)
        if buf is None or buf.numel() < rows * cols or buf.dtype != dtype:
            buf = buffers[name] = torch.empty(rows * cols, dtype=dtype)
        return buf[:rows * cols].view(rows, cols)

    def __call__(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, rows: torch.Tensor,
                 shape_ids: torch.Tensor | None = None, hidden: bool = False):
        """Logits ``[rows.sum(), n_labels]`` of the positions where ``rows`` (``[B, L]`` bool) is
        true, in row-major order (as ``logits[rows]`` would give). With ``hidden``, a pair:
        the logits and the last hidden states of those rows (what event heads read)."""
        batch, length = input_ids.shape
        width = self.word.shape[1]
        x = self._embed(input_ids, shape_ids)
        mask = None if bool(attention_mask.all()) else attention_mask.bool()[:, None, None, :]
        keep = rows.reshape(-1).nonzero().squeeze(1)
        for i, layer in enumerate(self.layers):
            qkv = torch.addmm(layer.qkv_b, x, layer.qkv_w, out=self._buffer("qkv", len(x), layer.qkv_w.shape[1], x.dtype))
            context = self._attend(qkv, batch, length, mask)
            if i == len(self.layers) - 1:
                # the rest of the last layer is per position: skip positions nobody reads
                context, x = context.index_select(0, keep), x.index_select(0, keep)
            # x and h already hold the biases of the projections they are added to (see
            # _folded_layers), so each residual sum is one in-place multiply-add
            h = F.layer_norm(torch.addmm(x, context, layer.out_w, out=x), (width,), *layer.ln1)
            inner = torch.addmm(layer.ffn1_b, h, layer.ffn1_w, out=self._buffer("inner", len(h), layer.ffn1_w.shape[1], x.dtype))
            inner = torch._C._nn.gelu_(inner)
            x = F.layer_norm(torch.addmm(h, inner, layer.ffn2_w, out=h), (width,), *layer.ln2)
        if not self.layers:
            x = x.index_select(0, keep)
        logits = torch.addmm(self.cls_b, x, self.cls_w)
        return (logits, x) if hidden else logits
