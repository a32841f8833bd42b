"""The int8 inference path: same labels, same API, close logits."""

from __future__ import annotations

import pytest
import torch

from conflict_ner.tagging.quantization import apply_quantization, quantize_int8


def test_quantize_int8_replaces_linear_layers_and_keeps_fp32_model(tiny_model_dir):
    from transformers import AutoModelForTokenClassification

    model = AutoModelForTokenClassification.from_pretrained(tiny_model_dir).eval()
    quantized = quantize_int8(model)
    from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

    assert sum(isinstance(m, DynamicLinear) for m in quantized.modules()) > 6
    assert not any(type(m) is torch.nn.Linear for m in quantized.modules())
    # The original is untouched (copy, not in place).
    assert any(type(m) is torch.nn.Linear for m in model.modules())
    ids = torch.randint(1000, 2000, (2, 12))
    with torch.inference_mode():
        ref = model(input_ids=ids).logits
        out = quantized(input_ids=ids).logits
    assert out.shape == ref.shape
    # int8 rounding moves logits a little, never wholesale.
    assert torch.allclose(out, ref, atol=0.1 * ref.abs().max().item() + 1e-3)


def test_apply_quantization_none_is_identity_and_rejects_unknown(tiny_model_dir):
    from transformers import AutoModelForTokenClassification

    model = AutoModelForTokenClassification.from_pretrained(tiny_model_dir)
    assert apply_quantization(model, None) is model
    with pytest.raises(ValueError, match="int4"):
        apply_quantization(model, "int4")


def test_extractor_int8_path_gives_valid_entities(tiny_model_dir):
    from conflict_ner import EventExtractor

    text = "Gunmen killed 12 villagers in Zamfara State on Tuesday, police said."
    from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

    ex = EventExtractor.from_pretrained(tiny_model_dir, quantize="int8")
    assert ex.name.endswith("+int8")
    assert any(isinstance(m, DynamicLinear) for m in ex.model.modules())  # the path really is int8
    ents = ex.entities(text)
    fp32 = EventExtractor.from_pretrained(tiny_model_dir).entities(text)
    assert len(fp32) >= 5  # the random model tags most words: the comparison below has content
    for ent in ents:
        assert text[ent.start:ent.end] == ent.text
    # int8 moves logits a little: nearly all entities (span and label) stay those of fp32
    same = {(e.start, e.end, e.label) for e in ents} & {(e.start, e.end, e.label) for e in fp32}
    assert len(same) >= 0.8 * len(fp32)


def test_bf16_copy_keeps_the_fp32_model_and_close_logits(tiny_model_dir):
    from transformers import AutoModelForTokenClassification

    model = AutoModelForTokenClassification.from_pretrained(tiny_model_dir).eval()
    half = apply_quantization(model, "bf16")
    assert next(half.parameters()).dtype == torch.bfloat16
    assert next(model.parameters()).dtype == torch.float32
    ids = torch.randint(1000, 2000, (2, 12))
    with torch.inference_mode():
        ref, out = model(input_ids=ids).logits, half(input_ids=ids).logits.float()
    assert torch.allclose(out, ref, atol=0.05 * ref.abs().max().item() + 1e-2)


def test_extractor_bf16_path(tiny_model_dir):
    from conflict_ner import EventExtractor

    text = "Gunmen killed 12 villagers in Zamfara State on Tuesday, police said."
    ex = EventExtractor.from_pretrained(tiny_model_dir, quantize="bf16")
    assert ex.name.endswith("+bf16")
    assert next(ex.model.parameters()).dtype == torch.bfloat16  # the path really is bf16
    ents = ex.entities(text)
    fp32 = EventExtractor.from_pretrained(tiny_model_dir).entities(text)
    assert len(fp32) >= 5 and all(text[e.start:e.end] == e.text for e in ents)
    same = {(e.start, e.end, e.label) for e in ents} & {(e.start, e.end, e.label) for e in fp32}
    assert len(same) >= 0.8 * len(fp32)


def test_int8_weights_have_one_scale_per_output_channel():
    # rows a hundred times apart: one scale per matrix rounds the small rows away, one per row keeps them
    torch.manual_seed(0)
    layer = torch.nn.Sequential(torch.nn.Linear(64, 8))
    with torch.no_grad():
        layer[0].weight[:4] *= 100.0
    quantized = quantize_int8(layer)
    assert quantized[0].weight().qscheme() == torch.per_channel_affine
    x = torch.randn(16, 64)
    with torch.inference_mode():
        ref, out = layer(x), quantized(x)
    small = (out[:, 4:] - ref[:, 4:]).abs().max() / ref[:, 4:].abs().max()
    assert small < 0.05


def test_int8_matmul_is_exact_integer_arithmetic_on_this_cpu():
    # Why: the int8 accuracy in bench/README.md was measured on a CPU with VNNI; an AVX2-only CPU
    # runs other fbgemm kernels, whose 16-bit pair sums saturate on full 8-bit activations. The
    # dynamic layers quantize activations to 7 bits (reduce_range), so both must give the exact
    # integer product. Activations on an exact grid (min 0, max 127 steps) quantize losslessly;
    # the reference multiplies the stored int8 weights in float64.
    torch.manual_seed(0)
    layer = torch.nn.Sequential(torch.nn.Linear(384, 96))
    quantized = quantize_int8(layer)[0]
    step = 0.03125
    x = torch.randint(0, 128, (64, 384)).float() * step
    x[0, 0], x[0, 1] = 0.0, 127 * step
    weight = quantized.weight()
    w_int = weight.int_repr().double()
    w_scale = weight.q_per_channel_scales().double()
    bias = quantized.bias().double()
    expected = (x.double() / step).round() @ w_int.T * step * w_scale + bias
    with torch.inference_mode():
        got = quantized(x).double()
    # float32 rounding of a sum of 384 products, never a saturated pair sum (those move results by
    # whole units of step * w_scale * 2**15)
    assert torch.allclose(got, expected, rtol=1e-4, atol=1e-4 * expected.abs().max().item())
