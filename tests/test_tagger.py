"""The EntityTagger: settings on the model config, one forward built once, what is scored is
what is extracted, folders validated on load."""

import json

import pytest

from conflict_ner import EventExtractor
from conflict_ner.errors import ModelError
from conflict_ner.tagging.settings import InferenceSettings
from conflict_ner.tagging.tagger import EntityTagger, trim_span
from conflict_ner.text.document import Document
from conflict_ner.training.evaluate import evaluate_path
from conflict_ner.training.readers import write_jsonl

LONG = ("Government forces fired at least 12 rockets at Darat Izza on Monday, killing three civilians, "
        "a monitor said. Rebels answered with mortar fire on Aleppo's western districts. ") * 6


def test_saved_settings_travel_on_the_model_config(tiny_model_dir, tmp_path):
    tagger = EntityTagger.from_pretrained(tiny_model_dir, max_length=32, stride=8, decoding="greedy")
    tagger.save_pretrained(tmp_path / "saved")
    saved = json.loads((tmp_path / "saved/config.json").read_text())
    assert saved["conflict_ner"] == {"max_length": 32, "stride": 8, "decoding": "greedy", "max_batch_tokens": 2048}
    assert EntityTagger.from_pretrained(tmp_path / "saved").settings == tagger.settings
    assert not (tmp_path / "saved/extractor_config.json").exists()  # one owner: the model config


def test_a_model_saved_by_the_api_is_scored_with_the_settings_it_extracts_with(tiny_model_dir, tmp_path):
    short = EventExtractor.from_pretrained(tiny_model_dir, max_length=32, stride=8)
    default = EventExtractor.from_pretrained(tiny_model_dir)
    found = short.entities(LONG)
    assert len(short.tokenizer(LONG)["input_ids"]) > 3 * 32  # many windows
    # precondition: windowing changes what this model finds, else the test could not fail
    assert found != default.entities(LONG)
    short.save_pretrained(tmp_path / "saved")
    write_jsonl([Document("long", LONG, [(e.start, e.end, e.label) for e in found])], tmp_path / "gold.jsonl")
    scores = evaluate_path(str(tmp_path / "saved"), str(tmp_path / "gold.jsonl"))["gold"]
    assert scores["micro"]["f1"] == 1.0 and scores["partial"]["f1"] == 1.0


def test_old_folders_keep_their_settings(tiny_model_dir, tmp_path):
    import shutil

    old_api = tmp_path / "old-api"
    shutil.copytree(tiny_model_dir, old_api)
    (old_api / "extractor_config.json").write_text(json.dumps(
        {"max_length": 64, "stride": 16, "decoding": "greedy", "batch_size": 32, "window_batch": 4}))
    assert EntityTagger.from_pretrained(old_api).settings == InferenceSettings(64, 16, "greedy", 256)
    old_run = tmp_path / "old-run"
    shutil.copytree(tiny_model_dir, old_run)
    (old_run / "training_config.yaml").write_text("model:\n  max_length: 128\n  stride: 24\n  decoding: viterbi\n"
                                                 "evaluation:\n  batch_size: 32\n")
    assert EntityTagger.from_pretrained(old_run).settings == InferenceSettings(128, 24, "viterbi")


def test_the_fast_forward_is_built_once_per_tagger(tiny_model_dir, monkeypatch):
    import conflict_ner.tagging.predict as predict

    built = []
    real = predict.LeanBert
    monkeypatch.setattr(predict, "LeanBert", lambda model: built.append(1) or real(model))
    ex = EventExtractor.from_pretrained(tiny_model_dir)
    for _ in range(3):
        ex.extract(LONG, published="2024-05-08")
    ex.entities("Rebels shelled Hama.")
    assert len(built) == 1


def test_tokenizer_config_has_no_machine_local_flags(tiny_model_dir, tmp_path):
    EntityTagger.from_pretrained(tiny_model_dir).save_pretrained(tmp_path / "saved")
    config = json.loads((tmp_path / "saved/tokenizer_config.json").read_text())
    assert not {"local_files_only", "cache_dir", "is_local"} & set(config)


@pytest.mark.parametrize("make,message", [
    (lambda d: None, "no such model directory"),
    (lambda d: d.mkdir(), "no config.json"),
    (lambda d: (d.mkdir(), (d / "config.json").write_text("{not json")), "not valid JSON"),
])
def test_non_folders_are_refused_with_the_reason(tmp_path, make, message):
    make(tmp_path / "m")
    with pytest.raises(ModelError, match=message):
        EntityTagger.from_pretrained(tmp_path / "m")


def test_a_plain_encoder_is_not_a_tagger(tmp_path, tokenizer):
    from transformers import BertConfig, BertModel

    BertModel(BertConfig(hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                         intermediate_size=64)).save_pretrained(tmp_path / "enc")
    tokenizer.save_pretrained(tmp_path / "enc")
    with pytest.raises(ModelError, match="not a trained entity tagger"):
        EntityTagger.from_pretrained(tmp_path / "enc")


def test_a_folder_without_tokenizer_files_is_refused(tiny_model_dir, tmp_path):
    import shutil

    ckpt = tmp_path / "checkpoint"
    ckpt.mkdir()
    for name in ("config.json", "model.safetensors"):
        shutil.copy(tiny_model_dir / name, ckpt / name)
    with pytest.raises(ModelError, match="no tokenizer files"):
        EntityTagger.from_pretrained(ckpt)


def test_corrupt_weights_name_the_folder(tiny_model_dir, tmp_path):
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(tiny_model_dir, broken)
    data = (broken / "model.safetensors").read_bytes()
    (broken / "model.safetensors").write_bytes(data[: len(data) // 3])
    with pytest.raises(ModelError, match="broken: cannot load the model weights"):
        EntityTagger.from_pretrained(broken)


def test_a_model_with_other_labels_gives_entities_without_records(tiny_model_dir, tmp_path, tokenizer, caplog):
    from transformers import AutoModelForTokenClassification

    tags = ["O", "B-Weapon", "I-Weapon", "B-Money", "I-Money"]
    other = AutoModelForTokenClassification.from_pretrained(
        tiny_model_dir, num_labels=5, id2label=dict(enumerate(tags)), label2id={t: i for i, t in enumerate(tags)},
        ignore_mismatched_sizes=True)
    other.save_pretrained(tmp_path / "other")
    tokenizer.save_pretrained(tmp_path / "other")
    with caplog.at_level("WARNING", logger="conflict_ner"):
        ex = EventExtractor.from_pretrained(tmp_path / "other")
    assert "entities only" in caplog.text
    results = list(ex.extract_batch([LONG, {"id": 2, "text": LONG}]))
    assert [r.error for r in results] == [None, None] and all(r.records == () for r in results)
    assert {e.label for r in results for e in r.entities} <= {"Weapon", "Money"}
    assert results[1].doc_id == "2"


def test_spans_never_start_or_end_on_invisible_characters():
    text = "x \u202eHama\u200b\u2069 y"
    assert trim_span(text, 2, 9) == (3, 7)
    assert trim_span(text, 7, 9) == (9, 9)  # only invisible characters: empty, dropped by the tagger
