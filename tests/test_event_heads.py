"""Event heads: gold alignment, decoding, scoring, save/load, one-forward inference, training."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch

from conflict_ner.errors import ConfigError, DataError
from conflict_ner.tagging.alignment import IGNORE
from conflict_ner.tagging.event_decoding import EventScores
from conflict_ner.tagging.event_heads import (
    MODALITIES, ROLES, TRIGGER_TAGS, WEIGHTS_FILE, EventHeadSettings, EventHeads, head_losses,
)
from conflict_ner.training.event_data import (
    CONTINUING_TRIGGER_IDS, read_event_gold, unit_event_labels, window_event_labels,
)
from conflict_ner.training.event_head_metrics import score_event_heads

from .conftest import FIXTURES, heads_config, tagger_with_linear_heads

TEXT = "Rebels launched an air strike on Hama. Troops withdrew."
UNITS = [(0, 6), (7, 15), (16, 18), (19, 22), (23, 29), (30, 32), (33, 37), (39, 45), (46, 54)]
SPANS = [(0, 6, "ACTOR"), (33, 37, "LOCATION"), (39, 45, "ACTOR")]
AIR = "Air/drone strike"


def _rec(trigger=None, sub=None, actors=(), sentence=(0, 38)):
    rec = {"sentence": {"start": sentence[0], "end": sentence[1]},
           "actors": [{"text": TEXT[s:e], "start": s, "end": e, "role": r} for s, e, r in actors]}
    if trigger:
        rec["trigger"] = {"text": TEXT[trigger[0]:trigger[1]], "start": trigger[0], "end": trigger[1]}
        rec["sub_event_type"] = sub
    return rec


def _tags(ids):
    return [TRIGGER_TAGS[i] if i != IGNORE else None for i in ids]


# --- alignment ----------------------------------------------------------------------------


def test_multiword_trigger_gets_b_and_i_of_its_sub_type():
    trig = unit_event_labels(UNITS, [_rec((19, 29), AIR)], SPANS)["triggers"]
    assert _tags(trig) == ["O", "O", "O", f"B-{AIR}", f"I-{AIR}", "O", "O", "O", "O"]


def test_record_without_trigger_masks_its_sentence_only():
    recs = [_rec((19, 29), AIR), _rec(sentence=(39, 55), actors=[(39, 45, "initiator")])]
    trig = unit_event_labels(UNITS, recs, SPANS)["triggers"]
    assert _tags(trig)[3] == f"B-{AIR}"
    assert trig[7:] == [IGNORE, IGNORE]


def test_document_without_any_trigger_is_masked_for_triggers_but_trains_roles():
    labels = unit_event_labels(UNITS, [_rec(actors=[(0, 6, "unknown")])], SPANS)
    trig, roles = labels["triggers"], labels["roles"]
    assert set(trig) == {IGNORE}
    assert roles[0] == ROLES.index("other")       # v1 'unknown' reads as other
    assert roles[7] == ROLES.index("O")           # an ACTOR no record names
    assert roles[1] == IGNORE                     # not an actor: not trained


def test_actor_with_two_roles_in_two_acts_is_masked():
    recs = [_rec((7, 15), AIR, [(0, 6, "initiator")]), _rec((46, 54), "Other", [(0, 6, "target")])]
    roles = unit_event_labels(UNITS, recs, SPANS)["roles"]
    assert roles[0] == IGNORE


def test_no_records_no_labels():
    labels = unit_event_labels(UNITS, [], SPANS)
    assert all(set(v) == {IGNORE} for v in labels.values()) and len(labels) == 3


def test_modality_is_trained_on_trigger_units_only():
    rec = _rec((19, 29), AIR)
    rec["modality"] = "claimed"
    mod = unit_event_labels(UNITS, [rec], SPANS)["modality"]
    assert mod == [IGNORE] * 3 + [MODALITIES.index("claimed")] * 2 + [IGNORE] * 4


def test_window_cut_inside_a_trigger_is_not_trained_there():
    trig = unit_event_labels(UNITS, [_rec((19, 29), AIR)], SPANS)["triggers"]
    first = list(range(len(UNITS)))
    cut = window_event_labels(first, trig, 4, 9, 1, 1, CONTINUING_TRIGGER_IDS)
    assert cut[1] == IGNORE and cut[2:-1] == trig[5:9]
    whole = window_event_labels(first, trig, 0, 9, 1, 1, CONTINUING_TRIGGER_IDS)
    assert whole[1:-1] == trig


def test_read_event_gold_checks_offsets_against_the_text(tmp_path):
    path = tmp_path / "events.jsonl"
    bad = _rec((20, 29), AIR)  # one character off: "ir strike" vs the stored text
    bad["trigger"]["text"] = "air strike"
    path.write_text(json.dumps({"doc_id": "d", "records": [_rec((19, 29), AIR)]}) + "\n"
                    + json.dumps({"doc_id": "e", "records": [bad]}) + "\n")
    with pytest.raises(DataError) as err:
        read_event_gold(path, {"d": TEXT, "e": TEXT})
    assert f"{path}:2:" in str(err.value) and err.value.offset == 20


def test_read_event_gold_rejects_an_unknown_sub_type(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps({"doc_id": "d", "records": [_rec((19, 29), "Airstrike")]}) + "\n")
    with pytest.raises(DataError, match="sub_event_type 'Airstrike'"):
        read_event_gold(path)


def test_fixture_gold_matches_the_fixture_documents():
    texts = {json.loads(line)["id"]: json.loads(line)["text"]
             for line in (FIXTURES / "sample.jsonl").read_text().splitlines()}
    gold = read_event_gold(FIXTURES / "sample_events.jsonl", texts)
    assert sorted(gold) == ["sample-001", "sample-002", "sample-003"]


# --- decoding and scoring -----------------------------------------------------------------


def _scores(trigger_rows: dict[int, str], role_rows: dict[int, str], n: int = len(UNITS)) -> EventScores:
    trig = np.full((n, len(TRIGGER_TAGS)), -9.0)
    trig[:, 0] = -0.1
    for u, tag in trigger_rows.items():
        trig[u, TRIGGER_TAGS.index(tag)] = 0.0
    roles = np.full((n, len(ROLES)), -9.0)
    roles[:, 0] = 0.0
    for u, role in role_rows.items():
        roles[u] = -9.0
        roles[u, ROLES.index(role)] = 0.0
    return EventScores(UNITS, np.concatenate([trig, roles], axis=1),
                       EventHeadSettings(heads=("triggers", "roles"), hidden_size=4))


def test_decoding_two_acts_in_one_sentence_and_a_stray_i_tag():
    scores = _scores({3: f"B-{AIR}", 4: f"I-{AIR}", 8: "I-Non-violent transfer of territory"}, {0: "initiator"})
    found = [(t.start, t.end, t.sub_event_type) for t in scores.triggers()]
    assert found == [(19, 29, AIR), (46, 54, "Non-violent transfer of territory")]
    assert scores.role_of(0, 6)[0] == "initiator"
    assert scores.role_of(39, 45)[0] == "O"


def test_score_event_heads_counts_typed_and_untyped_matches():
    recs = [_rec((19, 29), AIR, [(0, 6, "initiator")]), _rec(sentence=(39, 55), actors=[(39, 45, "target")])]
    predicted = [(19, 29, "Armed clash"), (46, 54, "Other")]  # second one sits in an unmarked (v1) sentence
    scores = score_event_heads([recs], [predicted], [lambda s, e: ("initiator", 1.0)])
    assert scores["trigger_span_f1"] == 1.0 and scores["trigger_f1"] == 0.0
    assert scores["role_accuracy"] == 0.5 and scores["role_gold"] == 2


# --- the heads as modules, saved and loaded -----------------------------------------------


def test_head_loss_is_zero_without_labels_and_positive_with():
    heads = EventHeads(EventHeadSettings(heads=("triggers", "roles"), hidden_size=8))
    logits = heads(torch.randn(2, 5, 8))
    labels = {"triggers": torch.full((2, 5), IGNORE), "roles": torch.tensor([[IGNORE, 1, 2, IGNORE, 0]] * 2)}
    losses = head_losses(logits, labels)
    assert float(losses["triggers"].detach()) == 0.0 and float(losses["roles"].detach()) > 0
    assert not torch.isnan(losses["triggers"])


def test_unknown_head_name_is_refused():
    from conflict_ner.errors import ModelError

    with pytest.raises(ModelError):
        EventHeadSettings(heads=("triggers", "sentiment"), hidden_size=8)


@pytest.fixture(scope="module")
def tagger_with_heads(tiny_model_dir, tmp_path_factory):
    # module scope: set up before the autouse fp32 pin of conftest, so precision is named in the helper
    out = tmp_path_factory.mktemp("with-heads")
    return tagger_with_linear_heads(tiny_model_dir, out, spread=1.0), out


def test_save_load_round_trip_keeps_the_heads(tagger_with_heads):
    from conflict_ner.tagging.tagger import EntityTagger

    tagger, folder = tagger_with_heads
    assert (folder / WEIGHTS_FILE).is_file()
    saved = json.loads((folder / "config.json").read_text())["conflict_ner"]
    assert saved["event_heads"]["heads"] == ["triggers", "roles", "modality"] and saved["max_length"] == tagger.settings.max_length
    loaded = EntityTagger.from_pretrained(folder)
    assert loaded.event_heads is not None
    for (name, a), (_, b) in zip(tagger.event_heads.state_dict().items(), loaded.event_heads.state_dict().items()):
        assert torch.equal(a, b), name
    text = ["Rebels launched an air strike on Hama on Monday, killing 3 civilians."]
    first = tagger.predict_with_events([_doc(text[0])])[0][1]
    again = loaded.predict_with_events([_doc(text[0])])[0][1]
    assert first.triggers() == again.triggers()
    assert first.role_of(0, 6) == again.role_of(0, 6) and first.modality_of(7, 15) == again.modality_of(7, 15)


def test_plain_transformers_still_loads_the_entity_part(tagger_with_heads):
    from transformers import AutoModelForTokenClassification

    tagger, folder = tagger_with_heads
    plain = AutoModelForTokenClassification.from_pretrained(folder).eval()
    ids = torch.tensor([[101, 2000, 2001, 102]])
    assert torch.allclose(plain(input_ids=ids).logits, tagger.model(input_ids=ids).logits, atol=1e-6)


def test_a_model_without_heads_loads_and_extracts_as_before(tiny_model_dir, tmp_path):
    from conflict_ner.tagging.tagger import EntityTagger

    tagger = EntityTagger.from_pretrained(tiny_model_dir)
    assert tagger.event_heads is None
    ents, events = tagger.predict_with_events([_doc("Rebels shelled Hama.")])[0]
    assert events is None and ents == tagger.predict(["Rebels shelled Hama."])[0]
    tagger.save_pretrained(tmp_path)  # saving over a folder drops stale heads
    assert not (tmp_path / WEIGHTS_FILE).exists()
    assert "event_heads" not in json.loads((tmp_path / "config.json").read_text())["conflict_ner"]


def test_one_forward_lean_path_equals_the_full_forward(tagger_with_heads):
    from conflict_ner.tagging.predict import make_runners, predict_documents

    tagger, _ = tagger_with_heads
    docs = [_doc("Rebels launched an air strike on Hama on Monday. " * 8), _doc("Troops withdrew.")]
    results = []
    for words_only in (True, False):
        runners = make_runners([tagger.model], words_only, event_heads=tagger.event_heads)
        assert getattr(runners[0], "lean", False) == words_only
        scores: list = []
        spans, _ = predict_documents(tagger.model, tagger.tokenizer, docs, max_length=32, stride=8,
                                     runners=runners, event_scores=scores)
        results.append((spans, scores))
    (lean_spans, lean_scores), (full_spans, full_scores) = results
    # same spans; scores to float rounding (the lean forward sums in another order, and which
    # kernels run depends on the CPU: on an AVX2-only EPYC they differ in the last bits)
    assert [[(s.start, s.end, s.label) for s in doc] for doc in lean_spans] == \
        [[(s.start, s.end, s.label) for s in doc] for doc in full_spans]
    assert np.allclose([s.score for doc in lean_spans for s in doc], [s.score for doc in full_spans for s in doc],
                       rtol=1e-5, atol=0)
    for (units_a, a), (units_b, b) in zip(lean_scores, full_scores):
        assert units_a == units_b and a.shape == b.shape and a.shape[1] == len(TRIGGER_TAGS) + len(ROLES) + len(MODALITIES)
        assert np.allclose(a, b, atol=1e-4)


def test_heads_need_a_single_model(tiny_model_dir):
    from conflict_ner.errors import ModelError
    from conflict_ner.tagging.tagger import EntityTagger

    tagger = EntityTagger.from_pretrained(tiny_model_dir)
    heads = EventHeads(EventHeadSettings(heads=("roles",), hidden_size=tagger.model.config.hidden_size))
    with pytest.raises(ModelError):
        EntityTagger([tagger.model, tagger.model], tagger.tokenizer, event_heads=heads)


def _doc(text: str):
    from conflict_ner.text.document import Document

    return Document("x", text)


# --- training -----------------------------------------------------------------------------


def test_events_section_is_validated(smoke_overrides):
    with pytest.raises(ConfigError, match="events"):
        heads_config(smoke_overrides, "events.heads=[triggers, sentiment]")
    with pytest.raises(ConfigError, match="events.bogus"):
        heads_config(smoke_overrides, "events.bogus=1")
    with pytest.raises(ConfigError, match="events.gold"):
        heads_config(smoke_overrides, "events.heads=[roles]", "events.gold=null")
    assert heads_config(smoke_overrides).events.heads == []


def test_heads_learn_on_the_tiny_model(smoke_overrides, tokenizer):
    """A few steps on one batch: each head's loss goes down, the entity loss still trains."""
    from conflict_ner.labels import bio_tags
    from conflict_ner.training.data import load_data
    from conflict_ner.training.modeling import build_model
    from conflict_ner.training.trainer import (
        batch_loss_function, build_heads, encode_training_windows, prepare_event_training,
    )

    torch.manual_seed(0)
    config = heads_config(smoke_overrides, "events.heads=[triggers, roles, modality]")
    data = load_data(config.data)
    tags = bio_tags(config.data.labels)
    windows, encodings = encode_training_windows(data, tokenizer, tags, config)
    events = prepare_event_training(config, data, tokenizer, windows, encodings)
    assert data.report["event_heads"]["documents_with_triggers"] == 3  # sample-004 has no event gold
    model = build_model(config.model, config.data.labels)
    heads = build_heads(config, model, None)
    loss = batch_loss_function(model, windows, tokenizer.pad_token_id, tags, config, heads=heads,
                               event_labels=events.labels)
    params = list(model.parameters()) + list(heads.parameters())
    optimizer = torch.optim.AdamW(params, lr=3e-3)
    model.train(), heads.train()
    batch = list(range(len(windows)))
    for _ in range(15):
        optimizer.zero_grad()
        loss(batch).backward()
        optimizer.step()
    first, last = loss.head_losses[0], loss.head_losses[-1]
    assert set(first) == {"triggers", "roles", "modality"}
    assert all(last[h] < first[h] * 0.5 for h in first), (first, last)


def test_train_with_heads_saves_them_and_reports_their_dev_scores(smoke_overrides):
    from conflict_ner.tagging.tagger import EntityTagger
    from conflict_ner.training.trainer import train

    config = heads_config(smoke_overrides, "events.heads=[triggers, roles, modality]", "training.max_steps=3",
                     "events.loss_weights={triggers: 1.0, roles: 0.3}")
    result = train(config, progress=False)
    out = result.output_dir
    assert (out / WEIGHTS_FILE).is_file()
    assert set(result.metrics["event_heads"]["dev"]) >= {"trigger_f1", "role_accuracy", "modality_accuracy"}
    assert "dev_event_heads" in result.metrics["history"][-1]
    log = [json.loads(line) for line in (out / "training_log.jsonl").read_text().splitlines()]
    assert any("dev_event_heads" in e.get("eval", {}) for e in log)
    assert EntityTagger.from_pretrained(out).event_heads.settings.heads == ("triggers", "roles", "modality")


def test_train_without_heads_is_todays_run(smoke_overrides):
    from conflict_ner.training.trainer import train

    result = train(heads_config(smoke_overrides, "training.max_steps=2"), progress=False)
    assert not (result.output_dir / WEIGHTS_FILE).exists()
    assert "event_heads" not in result.metrics


def test_checkpoint_keeps_the_heads(smoke_overrides, tmp_path):
    """What a resumed run starts from: the checkpoint's heads, not fresh ones."""
    from conflict_ner.training.checkpoint import load_checkpoint_model, save_checkpoint
    from conflict_ner.training.loop import TrainState
    from conflict_ner.training.modeling import build_model
    from conflict_ner.training.trainer import build_heads

    config = heads_config(smoke_overrides, "events.heads=[roles]")
    model = build_model(config.model, config.data.labels)
    heads = build_heads(config, model, None)
    optimizer = torch.optim.AdamW(list(model.parameters()) + list(heads.parameters()))
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: 1.0)
    ckpt = tmp_path / "run.checkpoint"
    save_checkpoint(ckpt, model, optimizer, scheduler, TrainState(), event_heads=heads)
    restored = build_heads(config, load_checkpoint_model(ckpt), ckpt)
    for (name, a), (_, b) in zip(heads.state_dict().items(), restored.state_dict().items()):
        assert torch.equal(a, b), name


def test_heads_read_repaired_text_in_the_offsets_of_the_text_as_given(tagger_with_heads):
    """Mojibake repaired before tagging: triggers and roles still index the original text."""
    tagger, _ = tagger_with_heads
    broken = "Rebels launched an air strike on Hama â€” killing 3 civilians in Idlib, the army said."
    clean = broken.replace("â€”", "—")
    (_, on_broken), (_, on_clean) = tagger.predict_with_events([_doc(broken), _doc(clean)])
    assert [broken[t.start:t.end].replace("â€”", "—") for t in on_broken.triggers()] == \
        [clean[t.start:t.end] for t in on_clean.triggers()]
    assert on_clean.triggers()  # random heads with large weights find something to compare
    for word in ("Rebels", "Idlib", "army"):
        assert on_broken.role_of(broken.index(word), broken.index(word) + len(word)) == \
            on_clean.role_of(clean.index(word), clean.index(word) + len(word))


def test_heads_run_on_a_bf16_encoder(tagger_with_heads):
    """--quantize auto picks bf16 on AMX CPUs: the heads (fp32) read its states."""
    from conflict_ner.tagging.tagger import EntityTagger

    _, folder = tagger_with_heads
    tagger = EntityTagger.from_pretrained(folder, quantize="bf16")
    assert next(tagger.model.parameters()).dtype == torch.bfloat16
    ents, events = tagger.predict_with_events([_doc("Rebels launched an air strike on Hama on Monday.")])[0]
    assert events is not None and isinstance(events.triggers(), list)
    assert events.role_of(0, 6) is not None
