"""Domain-adaptive masked-LM: text sources, window packing, a loadable encoder out."""

from __future__ import annotations

import json

import pytest

from conflict_ner.training.adapt import adapt_encoder, adaptation_texts, pack_windows
from conflict_ner.errors import DataError


def test_adaptation_texts_reads_jsonl_conll_and_txt(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "1", "text": "Shelling hit Kharkiv."}) + "\n\n")
    (tmp_path / "b.txt").write_text("First paragraph.\n\nSecond paragraph.\n")
    (tmp_path / "c.conll").write_text("-DOCSTART-\tO\n\nRebels\tB-Org\r\nfired\tO\n\nTroops\tB-Org\n")
    assert adaptation_texts([tmp_path / "a.jsonl"]) == ["Shelling hit Kharkiv."]
    assert adaptation_texts([tmp_path / "b.txt"]) == ["First paragraph.", "Second paragraph."]
    assert adaptation_texts([tmp_path / "c.conll"]) == ["Rebels fired", "Troops"]
    assert len(adaptation_texts([tmp_path])) == 5


def test_adaptation_texts_names_file_and_line_of_a_bad_jsonl_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "ok"}) + "\n" + json.dumps({"body": "no text"}) + "\n")
    with pytest.raises(DataError, match=r"bad.jsonl.*2|line 2"):
        adaptation_texts([bad])
    with pytest.raises(DataError, match="no such file"):
        adaptation_texts([tmp_path / "missing.jsonl"])


def test_pack_windows_keeps_every_token_once_and_bounds_length():
    ids = [[i] * (i % 7 + 1) for i in range(1, 40)]
    windows = pack_windows(ids, 16, 101, 102)
    assert all(len(w) <= 16 and w[0] == 101 and w[-1] == 102 for w in windows)
    body = [t for w in windows for t in w[1:-1]]
    assert [t for t in body if t != 102] == [t for x in ids for t in x]


def test_adapt_encoder_writes_an_encoder_a_config_can_fine_tune(tmp_path, tiny_model_dir):
    from conflict_ner.training.config import ModelConfig
    from conflict_ner.training.modeling import build_model

    src = tmp_path / "texts.txt"
    src.write_text("\n\n".join(f"Militants attacked a checkpoint in district {i} on Monday." for i in range(40)))
    result = adapt_encoder(str(tiny_model_dir), [src], tmp_path / "adapted", epochs=1, batch_size=8,
                           max_length=32, progress=False)
    assert result.steps == result.windows // 8 + (result.windows % 8 > 0)
    assert result.first_loss == result.first_loss and result.last_loss == result.last_loss  # not NaN
    saved = json.loads((tmp_path / "adapted" / "adaptation.json").read_text())
    assert saved["texts"] == 40 and saved["steps"] == result.steps
    model = build_model(ModelConfig(base_model=str(tmp_path / "adapted")), ["ACTOR", "LOCATION"])
    assert model.config.num_labels == 5


def test_masked_lm_loss_equals_the_library_loss(tiny_model_dir, tokenizer):
    import torch
    from transformers import AutoModelForMaskedLM, DataCollatorForLanguageModeling

    from conflict_ner.training.adapt import masked_lm_loss

    torch.manual_seed(0)
    model = AutoModelForMaskedLM.from_pretrained(tiny_model_dir).eval()
    ids = tokenizer(["Rebels shelled the town of Kafr Nabl on Monday, killing four civilians."] * 4)["input_ids"]
    batch = DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.3)([{"input_ids": i} for i in ids])
    with torch.no_grad():
        assert torch.allclose(masked_lm_loss(model, batch), model(**batch).loss, atol=1e-5)
