"""The lean int8 forward keeps torch's int8 arithmetic: equal to the quantized model's own
forward wherever both compute the same rows, close where the last layer reads fewer rows."""

from __future__ import annotations

import torch
from transformers import AutoModelForTokenClassification

from conflict_ner.tagging.lean_bert_int8 import LeanBertInt8, supports
from conflict_ner.tagging.predict import make_runners
from conflict_ner.tagging.quantization import quantize_int8


def _int8(tiny_model_dir, seed: int = 0):
    model = AutoModelForTokenClassification.from_pretrained(tiny_model_dir).eval()
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():  # non-zero biases and norms, as a trained model has
        for module in model.modules():
            if isinstance(module, (torch.nn.Linear, torch.nn.LayerNorm)):
                module.bias.copy_(torch.randn(module.bias.shape, generator=gen) * 0.5)
    return model, quantize_int8(model)


def _batch():
    gen = torch.Generator().manual_seed(3)
    ids = torch.randint(1000, 5000, (3, 12), generator=gen)
    mask = torch.ones_like(ids)
    mask[1, 8:] = 0
    mask[2, 5:] = 0
    return ids, mask


def test_same_logits_as_the_quantized_model_forward_on_selected_rows(tiny_model_dir):
    # every layer quantizes the same activations as torch's forward, padding included
    _, model = _int8(tiny_model_dir)
    ids, mask = _batch()
    rows = mask.bool() & (torch.arange(ids.shape[1]) % 2 == 1)
    with torch.inference_mode():
        expected = model(input_ids=ids, attention_mask=mask).logits[rows]
        got, hidden = LeanBertInt8(model)(ids, mask, rows, hidden=True)
        unpadded = LeanBertInt8(model)(ids[:1], mask[:1], torch.ones_like(rows[:1]))  # the no-mask path
        expected_unpadded = model(input_ids=ids[:1]).logits[0]
    assert rows.sum() < mask.sum() and hidden.shape == (int(rows.sum()), model.config.hidden_size)
    torch.testing.assert_close(got, expected, atol=1e-5, rtol=1e-4)
    torch.testing.assert_close(unpadded, expected_unpadded, atol=1e-5, rtol=1e-4)


def test_the_runner_takes_the_int8_lean_path_only_for_per_channel_int8_models(tiny_model_dir):
    fp32, model = _int8(tiny_model_dir)
    assert supports(model) and not supports(fp32)
    (runner,) = make_runners([model], words_only=True)
    assert runner.lean
    with torch.no_grad():
        from torch.ao.quantization import default_dynamic_qconfig, quantize_dynamic
        per_tensor = quantize_dynamic(fp32, {torch.nn.Linear: default_dynamic_qconfig}, dtype=torch.qint8)
    assert not supports(per_tensor)
    (runner,) = make_runners([per_tensor], words_only=True)
    assert not runner.lean
