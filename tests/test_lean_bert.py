"""The lean inference forward reproduces the model's own forward on the rows it computes."""

from __future__ import annotations

import pytest
import torch
from transformers import AutoModelForTokenClassification

from conflict_ner.text.document import Document
from conflict_ner.tagging.lean_bert import LeanBert, supports
from conflict_ner.tagging.predict import predict_documents, window_logprobs
from conflict_ner.tagging.quantization import apply_quantization
from conflict_ner.tagging.shape_bert import ShapeBertConfig, ShapeBertForTokenClassification


def _batch(seed: int = 0):
    gen = torch.Generator().manual_seed(seed)
    ids = torch.randint(1000, 5000, (3, 11), generator=gen)
    mask = torch.ones_like(ids)
    mask[1, 7:] = 0  # padded rows
    mask[2, 4:] = 0
    rows = torch.rand(ids.shape, generator=gen) > 0.4
    rows &= mask.bool()
    return ids, mask, rows


def _with_random_biases(model, seed: int = 0):
    # Fresh BERT weights have zero biases and unit/zero layer norms, which would hide any
    # mistake in moving biases between projections and norms; trained ones never do.
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, (torch.nn.Linear, torch.nn.LayerNorm)) and module.bias is not None:
                module.bias.copy_(torch.randn(module.bias.shape, generator=gen) * 0.5)
            if isinstance(module, torch.nn.LayerNorm):
                module.weight.copy_(1 + torch.randn(module.weight.shape, generator=gen) * 0.3)
    return model


def test_same_logits_as_the_model_forward_on_selected_rows(tiny_model_dir):
    model = _with_random_biases(AutoModelForTokenClassification.from_pretrained(tiny_model_dir).eval())
    ids, mask, rows = _batch()
    with torch.inference_mode():
        expected = model(input_ids=ids, attention_mask=mask).logits[rows]
        got = LeanBert(model)(ids, mask, rows)
        unpadded = LeanBert(model)(ids[:1], mask[:1], torch.ones_like(rows[:1]))  # no-mask path
        expected_unpadded = model(input_ids=ids[:1]).logits[0]
    assert got.shape == expected.shape and rows.sum() < rows.numel()
    torch.testing.assert_close(got, expected, atol=1e-5, rtol=1e-4)
    torch.testing.assert_close(unpadded, expected_unpadded, atol=1e-5, rtol=1e-4)


def test_reused_buffers_across_batch_shapes_and_threads(tiny_model_dir):
    # One LeanBert serves batches of different shapes (its matmul buffers grow and shrink as
    # views) and other threads; earlier results must not be overwritten by later calls.
    from concurrent.futures import ThreadPoolExecutor

    model = _with_random_biases(AutoModelForTokenClassification.from_pretrained(tiny_model_dir).eval(), 1)
    lean = LeanBert(model)
    ids, mask, rows = _batch(2)
    small = (ids[:1, :5], mask[:1, :5], rows[:1, :5])
    with torch.inference_mode():
        expected_big = model(input_ids=ids, attention_mask=mask).logits[rows]
        expected_small = model(input_ids=small[0], attention_mask=small[1]).logits[small[2]]
        first_big = lean(ids, mask, rows)
        got_small = lean(*small)
        second_big = lean(ids, mask, rows)
        with ThreadPoolExecutor(2) as pool:
            threaded = list(pool.map(lambda args: lean(*args), [(ids, mask, rows), small] * 4))
    for got in (first_big, second_big, *threaded[::2]):
        torch.testing.assert_close(got, expected_big, atol=1e-5, rtol=1e-4)
    for got in (got_small, *threaded[1::2]):
        torch.testing.assert_close(got, expected_small, atol=1e-5, rtol=1e-4)


def test_shape_model_with_shape_ids():
    torch.manual_seed(0)
    model = ShapeBertForTokenClassification(ShapeBertConfig(
        hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64, num_labels=5)).eval()
    _with_random_biases(model, 2)
    ids, mask, rows = _batch(1)
    shapes = torch.randint(0, model.config.num_shapes, ids.shape)
    with torch.inference_mode():
        expected = model(input_ids=ids, attention_mask=mask, shape_ids=shapes).logits[rows]
        got = LeanBert(model)(ids, mask, rows, shapes)
    torch.testing.assert_close(got, expected, atol=1e-5, rtol=1e-4)


def test_bf16_model_close_to_its_own_forward(tiny_model_dir):
    # the folded biases are computed in fp32 and cast once, so bf16 rounding stays close to the model's forward
    model = _with_random_biases(AutoModelForTokenClassification.from_pretrained(tiny_model_dir).eval(), 3)
    ids, mask, rows = _batch(3)
    with torch.inference_mode():
        exact = model(input_ids=ids, attention_mask=mask).logits[rows]
        bf16 = apply_quantization(model, "bf16")
        expected = bf16(input_ids=ids, attention_mask=mask).logits[rows].float()
        got = LeanBert(bf16)(ids, mask, rows).float()
    model_error = (expected - exact).abs().max()
    assert (got - exact).abs().max() <= 2 * model_error + 1e-3
    torch.testing.assert_close(got, expected, atol=0.1, rtol=0.05)


def test_unsupported_models_are_refused(tiny_model_dir):
    model = AutoModelForTokenClassification.from_pretrained(tiny_model_dir)
    assert not supports(model.train())  # dropout would differ
    assert not supports(apply_quantization(model.eval(), "int8"))
    assert supports(apply_quantization(model.eval(), "bf16"))
    with pytest.raises(ValueError, match="plain BERT"):
        LeanBert(model.train())


def test_prediction_is_unchanged_by_the_lean_path(tiny_model_dir, tokenizer, monkeypatch):
    model = AutoModelForTokenClassification.from_pretrained(tiny_model_dir)
    texts = ["Rebels shelled Idlib on Monday, killing 4 civilians. " * n for n in (1, 3, 40)]
    docs = [Document(id=str(i), text=t) for i, t in enumerate(texts)]
    from conflict_ner.tagging.encoding import encode_documents

    windows, _, _ = encode_documents(docs, tokenizer, None, 64, 16, shapes=False)
    full = window_logprobs(model, windows, 256, tokenizer.pad_token_id)
    lean = window_logprobs(model, windows, 256, tokenizer.pad_token_id, words_only=True)
    for w, a, b in zip(windows, full, lean):
        read = [p for p, u in enumerate(w.unit_index) if u >= 0]
        skipped = [p for p, u in enumerate(w.unit_index) if u < 0]
        assert torch.allclose(torch.from_numpy(a[read]), torch.from_numpy(b[read]), atol=1e-4)
        assert torch.isnan(torch.from_numpy(b[skipped])).all()
    spans, tags = predict_documents(model, tokenizer, docs, max_length=64, stride=16)
    monkeypatch.setattr("conflict_ner.tagging.predict.supports_lean", lambda m: False)
    ref_spans, ref_tags = predict_documents(model, tokenizer, docs, max_length=64, stride=16)
    assert ref_tags == tags
    assert [[(p.start, p.end, p.label) for p in d] for d in ref_spans] == [[(p.start, p.end, p.label) for p in d] for d in spans]
    assert [p.score for d in ref_spans for p in d] == pytest.approx([p.score for d in spans for p in d], abs=1e-5)
    assert len(spans) == 3 and any(spans)
