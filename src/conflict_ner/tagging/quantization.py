"""Lower-precision inference for faster CPU runs: int8 dynamic quantization or bf16.

``int8``: the encoder's ``nn.Linear`` layers (over 90% of its FLOPs) get int8 weights
and activations quantized on the fly; embeddings, layer norms and attention softmax
stay fp32 (fast where the CPU has VNNI). ``bf16``: all weights and activations in
bfloat16 (fast where the CPU has AMX or AVX-512 BF16; slower than fp32 elsewhere).
Accuracy is checked per model with ``conflict-ner evaluate --quantize ...``; speed
with ``bench/extract_speed.py``.

>>> from transformers import BertConfig, BertForTokenClassification
>>> model = quantize_int8(BertForTokenClassification(BertConfig(hidden_size=32,
...     num_hidden_layers=1, num_attention_heads=2, intermediate_size=64)))
>>> type(model.classifier).__module__
'torch.ao.nn.quantized.dynamic.modules.linear'
"""

from __future__ import annotations

import copy
import warnings

import torch

from conflict_ner.tagging.settings import QUANTIZE_CHOICES  # noqa: E402,F401  (re-exported)


def quantize_int8(model: torch.nn.Module) -> torch.nn.Module:
    """A copy of ``model`` with int8 dynamically quantized linear layers (inference only)."""
    # torch.ao's eager quantization is deprecated in favour of torchao, which is not
    # installed here; it still ships and runs on the pinned torch 2.13.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from torch.ao.quantization import quantize_dynamic

        return quantize_dynamic(model.eval(), {torch.nn.Linear}, dtype=torch.qint8, inplace=False)


def apply_quantization(model: torch.nn.Module, quantize: str | None) -> torch.nn.Module:
    """``model`` unchanged for ``None``, else its ``"int8"`` or ``"bf16"`` inference copy."""
    if quantize is None:
        return model
    if quantize == "int8":
        return quantize_int8(model)
    if quantize == "bf16":
        return copy.deepcopy(model).eval().to(torch.bfloat16)
    raise ValueError(f"quantize must be one of {QUANTIZE_CHOICES} or None, not {quantize!r}")
