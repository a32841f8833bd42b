"""``--quantize auto``: the precision each CPU gets, and what restricts it."""

from __future__ import annotations

import pytest

from conflict_ner.tagging.quantization import choose_precision, cpu_flags, resolve_quantize

AVX2_EPYC = {"fpu", "sse4_2", "avx", "avx2", "fma", "f16c"}  # Zen 2/3: no AVX-512, no VNNI
ZEN4_EPYC = AVX2_EPYC | {"avx512f", "avx512bw", "avx512_vnni", "avx512_bf16"}  # AVX-512 BF16, no AMX
SAPPHIRE_RAPIDS = ZEN4_EPYC | {"amx_bf16", "amx_tile", "amx_int8"}
CASCADE_LAKE = AVX2_EPYC | {"avx512f", "avx512bw", "avx512_vnni"}  # VNNI but no bf16


@pytest.mark.parametrize("flags, expected", [
    (AVX2_EPYC, None), (CASCADE_LAKE, None), (ZEN4_EPYC, "bf16"), (SAPPHIRE_RAPIDS, "bf16"), (set(), None),
    ({"AMX_BF16", "AMX_TILE"}, "bf16"),  # flags read case-insensitively
])
def test_bf16_only_with_amx_or_avx512_bf16_never_int8(flags, expected):
    assert choose_precision(flags) == expected


@pytest.mark.parametrize("env, expected", [
    ({"ATEN_CPU_CAPABILITY": "avx2", "ONEDNN_MAX_CPU_ISA": "AVX2"}, None),  # the AVX2 stand-in
    ({"ATEN_CPU_CAPABILITY": "default"}, None),
    ({"ONEDNN_MAX_CPU_ISA": "AVX512_CORE_VNNI"}, None),  # below the bf16 kernels
    ({"ONEDNN_MAX_CPU_ISA": "avx512_core_bf16"}, "bf16"),  # AVX-512 BF16 kernels, AMX capped
    ({"ONEDNN_MAX_CPU_ISA": "ALL", "ATEN_CPU_CAPABILITY": "avx512"}, "bf16"),
    ({"ONEDNN_MAX_CPU_ISA": "NOT_AN_ISA"}, None),  # unknown: the safe side
])
def test_environment_restrictions_win(env, expected):
    assert choose_precision(SAPPHIRE_RAPIDS, env) == expected


def test_amx_capped_below_amx_without_avx512_bf16_is_fp32():
    amx_only = AVX2_EPYC | {"avx512f", "amx_bf16", "amx_tile"}
    assert choose_precision(amx_only, {"ONEDNN_MAX_CPU_ISA": "AVX512_CORE_BF16"}) is None
    assert choose_precision(amx_only, {}) == "bf16"


def test_cpu_flags_reads_the_flags_line(tmp_path):
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nmodel name\t: X\nflags\t\t: fpu avx2 amx_bf16\n\nprocessor\t: 1\n")
    assert cpu_flags(str(info)) == {"fpu", "avx2", "amx_bf16"}
    assert cpu_flags(str(tmp_path / "missing")) == set()


def test_resolve_quantize_follows_the_environment(monkeypatch):
    monkeypatch.delenv("CONFLICT_NER_PRECISION")
    monkeypatch.setenv("ATEN_CPU_CAPABILITY", "avx2")
    monkeypatch.setenv("ONEDNN_MAX_CPU_ISA", "AVX2")
    assert resolve_quantize("auto") is None
    assert resolve_quantize("fp32") is None and resolve_quantize(None) is None
    assert resolve_quantize("bf16") == "bf16"  # asked for by name: given, even where slow
    with pytest.raises(ValueError, match="quantize must be one of"):
        resolve_quantize("fp8")
    monkeypatch.setenv("CONFLICT_NER_PRECISION", "bf16")  # a machine's own choice for auto
    assert resolve_quantize("auto") == "bf16" and resolve_quantize("fp32") is None
    monkeypatch.setenv("CONFLICT_NER_PRECISION", "fast")
    with pytest.raises(ValueError, match="CONFLICT_NER_PRECISION must be one of"):
        resolve_quantize("auto")


def test_auto_is_the_api_default_and_names_the_path_it_took(tiny_model_dir, monkeypatch):
    """``EventExtractor.from_pretrained`` (the API) defaults to ``auto``; the tagger loader that
    training and scoring use stays fp32 unless asked."""
    from conflict_ner.extractor import EventExtractor
    from conflict_ner.tagging import quantization
    from conflict_ner.tagging.tagger import EntityTagger

    monkeypatch.setattr(quantization, "cpu_flags", lambda: set(SAPPHIRE_RAPIDS))
    monkeypatch.delenv("CONFLICT_NER_PRECISION")
    monkeypatch.delenv("ATEN_CPU_CAPABILITY", raising=False)
    monkeypatch.delenv("ONEDNN_MAX_CPU_ISA", raising=False)
    import torch

    ex = EventExtractor.from_pretrained(tiny_model_dir, geocode=False)
    assert ex.name.endswith("+bf16") and next(ex.model.parameters()).dtype == torch.bfloat16
    tagger = EntityTagger.from_pretrained(tiny_model_dir)
    assert "+" not in tagger.name and next(tagger.model.parameters()).dtype == torch.float32
    monkeypatch.setattr(quantization, "cpu_flags", lambda: set(AVX2_EPYC))
    tagger = EntityTagger.from_pretrained(tiny_model_dir, quantize="auto")
    assert "+" not in tagger.name and next(tagger.model.parameters()).dtype == torch.float32
