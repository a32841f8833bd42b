"""Domain-adaptive masked-LM: text sources, window packing, a loadable encoder out."""

from __future__ import annotations

import json

import pytest
import torch

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
    with pytest.raises(DataError, match=r"bad.jsonl:2: expected a JSON object with a string 'text' field"):
        adaptation_texts([bad])
    with pytest.raises(DataError, match="no such file"):
        adaptation_texts([tmp_path / "missing.jsonl"])


def test_pack_windows_keeps_every_token_once_and_bounds_length():
    ids = [[i] * (i % 7 + 1) for i in range(1, 40)]
    windows = pack_windows(ids, 16, 101, 102)
    assert all(len(w) <= 16 and w[0] == 101 and w[-1] == 102 for w in windows)
    body = [t for w in windows for t in w[1:-1]]
    assert [t for t in body if t != 102] == [t for x in ids for t in x]


def _texts(tmp_path):
    src = tmp_path / "texts.txt"
    src.write_text("\n\n".join(f"Militants attacked a checkpoint in district {i} on Monday." for i in range(40)))
    return src


def test_adapt_encoder_writes_an_encoder_a_config_can_fine_tune(tmp_path, tiny_model_dir):
    from conflict_ner.training.config import AdaptConfig, ModelConfig, load_section
    from conflict_ner.training.modeling import build_model

    src = _texts(tmp_path)
    result = adapt_encoder(str(tiny_model_dir), [src], tmp_path / "adapted", epochs=1, batch_size=8,
                           max_length=32, progress=False)
    assert result.steps == result.windows // 8 + (result.windows % 8 > 0)
    assert result.first_loss == result.first_loss and result.last_loss == result.last_loss  # not NaN
    out = tmp_path / "adapted"
    saved = json.loads((out / "adaptation.json").read_text())
    assert saved["texts"] == 40 and saved["steps"] == result.steps and saved["max_length"] == 32
    config = load_section(AdaptConfig, out / "adapt_config.yaml")
    assert config.sources == [str(src)] and config.epochs == 1 and config.batch_size == 8
    assert "local_files_only" not in json.loads((out / "tokenizer_config.json").read_text())
    model = build_model(ModelConfig(base_model=str(out)), ["ACTOR", "LOCATION"])
    assert model.config.num_labels == 5


def test_adapt_is_seeded_and_learns(tmp_path, tiny_model_dir):
    from safetensors.torch import load_file

    src = _texts(tmp_path)
    runs = [adapt_encoder(str(tiny_model_dir), [src], tmp_path / name, epochs=2, batch_size=4, max_length=32,
                          learning_rate=2e-3, seed=1, progress=False) for name in ("a", "b")]
    a, b = (load_file(r.output_dir / "model.safetensors") for r in runs)
    assert all(torch.equal(a[k], b[k]) for k in a)  # same seed: the same weights, bit for bit
    assert runs[0].steps == 8 and runs[0].last_loss < runs[0].first_loss


def test_adapt_settings_are_validated_like_a_config(tmp_path, tiny_model_dir):
    from conflict_ner.errors import ConfigError

    with pytest.raises(ConfigError, match="adapt: batch_size: Input should be greater than or equal to 1"):
        adapt_encoder(str(tiny_model_dir), [_texts(tmp_path)], tmp_path / "x", batch_size=0, progress=False)
    with pytest.raises(ConfigError, match="adapt: epoch: Extra inputs are not permitted"):
        adapt_encoder(str(tiny_model_dir), [_texts(tmp_path)], tmp_path / "x", epoch=2, progress=False)
    with pytest.raises(ConfigError, match="base_model: cannot load .*no such local folder"):
        adapt_encoder(str(tmp_path / "missing"), [_texts(tmp_path)], tmp_path / "x", progress=False)


def test_the_adapt_command_keeps_its_arguments(tmp_path, tiny_model_dir, capsys):
    from conflict_ner.app.cli import main

    args = ["adapt", str(_texts(tmp_path)), "-o", str(tmp_path / "cli"), "--base-model", str(tiny_model_dir),
            "--epochs", "1", "--learning-rate", "1e-3", "--batch-size", "8", "--max-length", "32", "--seed", "3",
            "--quiet"]
    assert main(args) == 0
    saved = json.loads((tmp_path / "cli" / "adaptation.json").read_text())
    assert (saved["learning_rate"], saved["batch_size"], saved["max_length"], saved["seed"]) == (1e-3, 8, 32, 3)
    assert "encoder written to" in capsys.readouterr().out
    assert main(args[:-1] + ["--batch-size", "0", "--quiet"]) == 2
    assert "batch_size" in capsys.readouterr().err


def test_a_non_utf8_source_names_file_and_line(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b"First paragraph.\n\nSecond caf\xe9 paragraph.\n")
    with pytest.raises(DataError, match=r"latin1.txt:3: not UTF-8: byte 0xe9"):
        adaptation_texts([bad])


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
