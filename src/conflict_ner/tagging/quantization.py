"""Lower-precision inference for faster CPU runs: int8 dynamic quantization or bf16.

``int8``: the encoder's ``nn.Linear`` layers (over 90% of its FLOPs) get int8 weights
and activations quantized on the fly; embeddings, layer norms and attention softmax
stay fp32 (fast where the CPU has VNNI). ``bf16``: all weights and activations in
bfloat16 (fast where the CPU has AMX or AVX-512 BF16; slower than fp32 elsewhere).
Accuracy is checked per model with ``conflict-ner evaluate --quantize ...``; speed
with ``bench/extract_speed.py``.

``auto`` (the default of the API and the commands) reads the CPU: bf16 where it has AMX or
AVX-512 BF16 (measured faster and within 1 point of fp32, bench/README.md), fp32 elsewhere;
never int8 (1.4 points lower on the corpus test) and never bf16 on plain AVX2 (over 100x
slower there). ``fp32`` (or ``None``) asks for full precision.

>>> from transformers import BertConfig, BertForTokenClassification
>>> model = quantize_int8(BertForTokenClassification(BertConfig(hidden_size=32,
...     num_hidden_layers=1, num_attention_heads=2, intermediate_size=64)))
>>> type(model.classifier).__module__
'torch.ao.nn.quantized.dynamic.modules.linear'
"""

from __future__ import annotations

import copy
import os
import warnings
from collections.abc import Iterable, Mapping

import torch

from conflict_ner.tagging.settings import QUANTIZE_CHOICES  # noqa: E402,F401  (re-exported)

#: what ``--quantize`` accepts: ``auto`` picks per CPU (:func:`choose_precision`)
PRECISION_CHOICES = ("auto", "fp32", *QUANTIZE_CHOICES)
# oneDNN's ISA levels, lowest first (ONEDNN_MAX_CPU_ISA caps the kernels it may use)
_ONEDNN_ISAS = ("SSE41", "AVX", "AVX2", "AVX2_VNNI", "AVX2_VNNI_2", "AVX512_CORE", "AVX512_CORE_VNNI",
                "AVX512_CORE_BF16", "AVX10_1_512", "AVX512_CORE_AMX", "AVX512_CORE_AMX_FP16",
                "AVX10_1_512_AMX", "AVX10_1_512_AMX_FP16", "AVX10_2_512", "AVX10_2_512_AMX_2")


def _onednn_allows(isa: str | None, needed: str) -> bool:
    """Whether an ``ONEDNN_MAX_CPU_ISA`` value lets oneDNN use ``needed`` (unset, ALL: yes;
    an unknown name: no, the safe side)."""
    if not isa or isa.upper() in ("ALL", "DEFAULT"):
        return True
    isa = isa.upper()
    return isa in _ONEDNN_ISAS and _ONEDNN_ISAS.index(isa) >= _ONEDNN_ISAS.index(needed)


def choose_precision(flags: Iterable[str], env: Mapping[str, str] | None = None) -> str | None:
    """The inference precision for a CPU with these ``/proc/cpuinfo`` flags: ``"bf16"`` with AMX
    (``amx_bf16``) or AVX-512 BF16 (``avx512_bf16``), else ``None`` (fp32). ``env`` restrictions
    win: ``ATEN_CPU_CAPABILITY`` below avx512 or ``ONEDNN_MAX_CPU_ISA`` below the bf16 kernels
    give fp32, as on a CPU without them.

    >>> choose_precision({"avx2", "fma"})
    >>> choose_precision({"avx512f", "avx512_bf16", "amx_bf16", "amx_tile"})
    'bf16'
    >>> choose_precision({"avx512f", "avx512_bf16", "amx_bf16"}, {"ATEN_CPU_CAPABILITY": "avx2",
    ...                                                         "ONEDNN_MAX_CPU_ISA": "AVX2"})
    """
    flags = {f.lower() for f in flags}
    env = {} if env is None else env
    aten = (env.get("ATEN_CPU_CAPABILITY") or "").lower()
    if aten and not aten.startswith("avx512"):  # default/avx2: bf16 elementwise ops lose their kernels
        return None
    isa = env.get("ONEDNN_MAX_CPU_ISA")
    if "amx_bf16" in flags and "amx_tile" in flags and _onednn_allows(isa, "AVX512_CORE_AMX"):
        return "bf16"
    if "avx512_bf16" in flags and _onednn_allows(isa, "AVX512_CORE_BF16"):
        return "bf16"
    return None


def cpu_flags(cpuinfo: str = "/proc/cpuinfo") -> set[str]:
    """The first processor's feature flags (an empty set where the file is missing: not Linux)."""
    try:
        with open(cpuinfo, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith(("flags", "Features")):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


#: set to fp32, bf16 or int8, what ``auto`` takes on this machine instead of reading the CPU
PRECISION_ENV = "CONFLICT_NER_PRECISION"


def resolve_quantize(quantize: str | None) -> str | None:
    """The path ``quantize`` names on this machine: ``"auto"`` -> ``$CONFLICT_NER_PRECISION`` if
    set, else :func:`choose_precision` of this CPU and environment; ``"fp32"`` or ``None`` ->
    ``None``; ``"int8"``/``"bf16"`` as given.

    >>> resolve_quantize("fp32"), resolve_quantize("int8")
    (None, 'int8')
    """
    if quantize is None or quantize == "fp32":
        return None
    if quantize == "auto":
        forced = os.environ.get(PRECISION_ENV, "").strip().lower()
        if forced and forced != "auto":
            if forced not in PRECISION_CHOICES:
                raise ValueError(f"{PRECISION_ENV} must be one of {PRECISION_CHOICES}, not {forced!r}")
            return resolve_quantize(forced)
        return choose_precision(cpu_flags(), os.environ)
    if quantize not in QUANTIZE_CHOICES:
        raise ValueError(f"quantize must be one of {PRECISION_CHOICES} or None, not {quantize!r}")
    return quantize


def quantize_int8(model: torch.nn.Module) -> torch.nn.Module:
    """A copy of ``model`` with int8 dynamically quantized linear layers (inference only).

    Weights get one scale per output channel, not one per matrix: measured (``bench/README.md``,
    "Accuracy of the faster paths"), per-tensor int8 cost the 4-layer re3d students 1.55 points on
    average over 3 seeds and per-channel 0.69, the 6-layer corpus model 1.39 and per-channel less.
    """
    # torch.ao's eager quantization is deprecated in favour of torchao, which is not
    # installed here; it still ships and runs on the pinned torch 2.13.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

        return quantize_dynamic(model.eval(), {torch.nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8,
                                inplace=False)


def apply_quantization(model: torch.nn.Module, quantize: str | None) -> torch.nn.Module:
    """``model`` unchanged for ``None`` or ``"fp32"``, else its ``"int8"`` or ``"bf16"`` inference
    copy (``"auto"``: see :func:`resolve_quantize`)."""
    quantize = resolve_quantize(quantize)
    if quantize is None:
        return model
    if quantize == "int8":
        return quantize_int8(model)
    if quantize == "bf16":
        return copy.deepcopy(model).eval().to(torch.bfloat16)
    raise ValueError(f"quantize must be one of {QUANTIZE_CHOICES} or None, not {quantize!r}")
