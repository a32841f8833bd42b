"""Factored event heads, refitting heads on a frozen encoder, and records started by learned triggers."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest
import torch

from conflict_ner.errors import ConfigError
from conflict_ner.tagging.event_heads import (
    MODALITIES, ROLES, SUB_EVENT_TYPES, WEIGHTS_FILE, EventHeads, EventHeadSettings, load_event_heads,
)
from conflict_ner.tagging.factored_heads import FactoredHeads, factored_losses, trigger_context

from .conftest import FIXTURES, heads_config, tagger_with_linear_heads

FACTORED_WIDTH = 3 + len(SUB_EVENT_TYPES) + len(ROLES) + len(MODALITIES)


def _factored(hidden_size=8, **kw) -> FactoredHeads:
    torch.manual_seed(0)
    return FactoredHeads(EventHeadSettings(heads=("triggers", "roles", "modality"), hidden_size=hidden_size,
                                           design="factored", mlp_size=8, **kw)).eval()


# --- the factored design ------------------------------------------------------------------


def test_factored_columns_are_span_tags_sub_types_roles_modality():
    heads = _factored()
    assert heads.settings.sizes() == {"triggers": 3 + len(SUB_EVENT_TYPES), "roles": 4, "modality": 5}
    out = heads.log_probs(torch.randn(2, 6, 8))
    assert out.shape == (2, 6, FACTORED_WIDTH)
    # each part is a distribution of its own
    cuts = np.cumsum([0, 3, len(SUB_EVENT_TYPES), 4, 5])
    for a, b in zip(cuts[:-1], cuts[1:]):
        assert torch.allclose(out[..., a:b].exp().sum(-1), torch.ones(2, 6), atol=1e-5)


def test_packed_word_states_give_what_the_dense_window_gives_on_its_words():
    """The lean runner hands the heads only the words' states; the answer must not change."""
    heads = _factored()
    hidden = torch.randn(2, 7, 8)
    rows = torch.tensor([[False, True, True, False, True, True, False],
                         [False, True, False, True, True, False, False]])
    dense = heads.log_probs(hidden, rows)[rows]
    packed = heads.log_probs(hidden[rows], rows)
    assert torch.allclose(dense, packed, atol=1e-5)
    with pytest.raises(ValueError):
        heads.log_probs(hidden[rows])


def test_role_context_is_the_nearest_likely_trigger_and_ignores_padding():
    states = torch.tensor([[[1.0], [0.0], [5.0], [0.0], [7.0], [9.0]]])
    span = torch.full((1, 6, 3), 0.0)
    span[..., 0] = 9.0
    span[0, 2] = torch.tensor([0.0, 9.0, 0.0])   # word 2 is a trigger
    span[0, 5] = torch.tensor([0.0, 9.0, 0.0])   # word 5 too, but it is padding
    mask = torch.tensor([[True, True, True, True, True, False]])
    ctx = trigger_context(states, span, mask, 4.0)
    assert abs(float(ctx[0, 0, 0]) - 5.0) < 0.05 and abs(float(ctx[0, 4, 0]) - 5.0) < 0.05
    assert float(ctx[0, 0, 1]) > 0.99 and float(ctx[0, 4, 1]) < -0.99   # the trigger after word 0, before word 4


def test_factored_losses_weigh_trigger_words_and_train_types_on_triggers_only():
    logits = {"trigger_span": torch.zeros(1, 3, 3), "trigger_type": torch.zeros(1, 3, 25),
              "roles": torch.zeros(1, 3, 4), "modality": torch.zeros(1, 3, 5)}
    labels = {"triggers": torch.tensor([[0, 1, -100]]), "roles": torch.tensor([[-100, -100, -100]]),
              "modality": torch.tensor([[-100, 0, -100]])}
    plain = factored_losses(logits, labels)
    weighted = factored_losses({**logits, "trigger_span": torch.tensor([[[2.0, 0, 0], [2.0, 0, 0], [0, 0, 0]]])},
                               labels, span_weight=5.0)
    assert float(plain["roles"]) == 0.0 and float(plain["trigger_type"]) == pytest.approx(np.log(25), abs=1e-4)
    unweighted = factored_losses({**logits, "trigger_span": torch.tensor([[[2.0, 0, 0], [2.0, 0, 0], [0, 0, 0]]])},
                                 labels)
    # the missed trigger word weighs 5x against the right O: the mean loss rises
    assert float(weighted["trigger_span"]) > float(unweighted["trigger_span"])


def test_settings_without_a_design_are_the_old_linear_heads(tmp_path):
    """Folders saved before the factored design (no design key) load as they did."""
    old = EventHeads(EventHeadSettings(heads=("triggers", "roles"), hidden_size=8))
    from conflict_ner.tagging.event_heads import save_event_heads

    save_event_heads(old, tmp_path)
    settings = old.settings.to_dict()
    for key in ("design", "mlp_size", "context_scale", "trigger_threshold"):
        settings.pop(key)
    (tmp_path / "config.json").write_text(json.dumps({"conflict_ner": {"event_heads": settings}}))
    loaded = load_event_heads(tmp_path)
    assert isinstance(loaded, EventHeads) and loaded.settings.design == "linear"
    assert loaded.settings.sizes()["triggers"] == 51


def test_an_unknown_design_is_refused():
    from conflict_ner.errors import ModelError

    with pytest.raises(ModelError, match="design"):
        EventHeadSettings(heads=("roles",), hidden_size=8, design="deep")


# --- refit on the tiny fixture ------------------------------------------------------------


@pytest.fixture(scope="module")
def linear_model(tiny_model_dir, tmp_path_factory):
    """The tiny model with (random) linear heads, saved as joint training saves it."""
    out = tmp_path_factory.mktemp("linear")
    tagger_with_linear_heads(tiny_model_dir, out)
    return out


def _refit(model, out, **kw):
    from conflict_ner.training.head_refit import refit_heads

    return refit_heads(model, out, gold=FIXTURES / "sample_events.jsonl", train_docs=FIXTURES / "sample.jsonl",
                       dev_docs=FIXTURES / "sample.jsonl", choose=False, log=lambda *_: None, **kw)


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_refit_writes_a_copy_with_factored_heads_that_loads_and_extracts(linear_model, tmp_path):
    from conflict_ner.tagging.tagger import EntityTagger
    from conflict_ner.text.document import Document

    before = _digest(linear_model / WEIGHTS_FILE), _digest(linear_model / "config.json")
    report = _refit(linear_model, tmp_path / "refit", epochs=3)
    out = tmp_path / "refit"
    assert (_digest(linear_model / WEIGHTS_FILE), _digest(linear_model / "config.json")) == before
    assert report["windows"]["train"] > 0 and len(report["history"]) == 3
    assert report["dev_before"] is not None and "trigger_f1" in report["dev_after"]
    saved = json.loads((out / "config.json").read_text())["conflict_ner"]["event_heads"]
    assert saved["design"] == "factored" and saved["fields"] == {}
    assert json.loads((out / "refit.json").read_text())["epochs"] == 3
    tagger = EntityTagger.from_pretrained(out)
    assert isinstance(tagger.event_heads, FactoredHeads)
    ents, events = tagger.predict_with_events([Document("d", "Rebels shelled Hama on Monday. " * 3)])[0]
    assert events.role_of(0, 6) is not None and isinstance(events.triggers(), list)


def test_refit_learns_on_cached_states(linear_model, tmp_path):
    report = _refit(linear_model, tmp_path / "refit", epochs=12, learning_rate=3e-3)
    losses = [h["loss"] for h in report["history"]]
    assert losses[-1] < losses[0] * 0.7, losses


def test_refit_refuses_to_write_over_its_model(linear_model, tmp_path):
    with pytest.raises(ConfigError, match="differ"):
        _refit(linear_model, linear_model, epochs=1)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(ConfigError, match="not empty"):
        _refit(linear_model, tmp_path / "full", epochs=1)


def test_lean_and_full_forward_agree_for_factored_heads(tiny_model_dir):
    from conflict_ner.tagging.predict import make_runners, predict_documents
    from conflict_ner.tagging.tagger import EntityTagger
    from conflict_ner.text.document import Document

    tagger = EntityTagger.from_pretrained(tiny_model_dir, quantize="fp32")
    heads = _factored(hidden_size=tagger.model.config.hidden_size)
    docs = [Document("a", "Rebels launched an air strike on Hama on Monday. " * 8), Document("b", "Troops withdrew.")]
    results = []
    for words_only in (True, False):
        runners = make_runners([tagger.model], words_only, event_heads=heads)
        scores: list = []
        predict_documents(tagger.model, tagger.tokenizer, docs, max_length=32, stride=8, runners=runners,
                          event_scores=scores)
        results.append(scores)
    for (units_a, a), (units_b, b) in zip(*results):
        assert units_a == units_b and a.shape[1] == FACTORED_WIDTH
        assert np.allclose(a, b, atol=1e-4)


def test_refit_epochs_key_is_validated():
    from conflict_ner.training.config import EventsConfig

    with pytest.raises(ValueError, match="refit_epochs needs events.heads"):
        EventsConfig(refit_epochs=3)
    with pytest.raises(ValueError):
        EventsConfig(heads=["roles"], refit_epochs=-1)
    assert EventsConfig(heads=["roles"], refit_epochs=3).refit_design == "factored"


def test_cli_refit_heads(linear_model, tmp_path, capsys):
    from conflict_ner.app.cli import main

    sample = str(FIXTURES / "sample.jsonl")
    code = main(["refit-heads", str(linear_model), "--output", str(tmp_path / "r"), "--epochs", "1",
                 "--gold", str(FIXTURES / "sample_events.jsonl"), "--train-docs", sample, "--dev-docs", sample,
                 "--no-choose"])
    assert code == 0 and (tmp_path / "r" / WEIGHTS_FILE).is_file()
    assert "heads refitted" in capsys.readouterr().out


# --- records started by learned triggers, and the types choice ------------------------------


class _Heads:
    """What the heads read in a text: fixed triggers, every actor an initiator."""

    def __init__(self, triggers):
        self._triggers = triggers

    def triggers(self):
        return list(self._triggers)

    def role_of(self, start, end):
        return ("initiator", 0.9)

    def modality_of(self, start, end):
        return ("asserted", 0.9)


TWO = "Rebels shelled Hama on Monday. Gunmen abducted 4 aid workers near Kidal on Tuesday."


def _entities(text, spans):
    from conflict_ner.records import Entity

    return [Entity(label, text.index(w), text.index(w) + len(w), w, 0.9) for label, w in spans]


def _rule_record(text):
    from conflict_ner.events.builder import build_records

    ents = _entities(text, [("ACTOR", "Rebels"), ("LOCATION", "Hama"), ("DATE", "Monday"), ("ACTOR", "Gunmen"),
                            ("COUNT", "4"), ("ACTOR", "aid workers"), ("LOCATION", "Kidal"), ("DATE", "Tuesday")])
    records = [r for r in build_records(text, ents, "2024-05-08", "d") if r.sentence.start == 0]
    return records, ents


def test_a_learned_trigger_starts_a_record_where_the_rules_made_none():
    from conflict_ner.event_fields import apply_fields
    from conflict_ner.tagging.event_decoding import PredictedTrigger as T

    records, ents = _rule_record(TWO)
    assert len(records) == 1  # the second sentence's record is left out, as if the rules missed it
    start = TWO.index("abducted")
    heads = _Heads([T(7, 14, "Shelling/artillery/missile attack", .9),
                    T(start, start + 8, "Abduction/forced disappearance", .7)])
    for mode in ("learned", "both"):
        out = apply_fields(records, TWO, heads, {"triggers": mode}, ents, "2024-05-08", "d")
        assert [r.trigger.text for r in out] == ["shelled", "abducted"], mode
        new = out[1]
        assert new.sub_event_type == "Abduction/forced disappearance" and new.event_type == "Violence against civilians"
        assert [a.text for a in new.actors] == ["Gunmen", "aid workers"] and new.locations[0].text == "Kidal"
        assert new.date.value == "2024-05-07" and new.counts[0].text == "4" and new.confidence == 0.7
    # without the entities, nothing new is made (the old behaviour)
    assert len(apply_fields(records, TWO, heads, {"triggers": "learned"})) == 1


def test_a_sentence_without_a_date_takes_the_date_of_the_record_before_it():
    from conflict_ner.learned_records import records_from_triggers
    from conflict_ner.tagging.event_decoding import PredictedTrigger as T

    from conflict_ner.events.builder import build_records

    text = "Rebels shelled Hama on Monday. Later gunmen torched a market."
    ents = _entities(text, [("ACTOR", "Rebels"), ("LOCATION", "Hama"), ("DATE", "Monday"), ("ACTOR", "gunmen")])
    records = [r for r in build_records(text, ents, "2024-05-08", "d") if r.sentence.start == 0]
    start = text.index("torched")
    [new] = records_from_triggers(text, [T(start, start + 7, "Looting/property destruction", .8)], ents,
                                  "2024-05-08", "d", records)
    assert new.date.value == records[0].date.value == "2024-05-06"


def test_types_keeps_the_rule_records_and_takes_the_heads_sub_type():
    from conflict_ner.event_fields import apply_fields, check_fields
    from conflict_ner.tagging.event_decoding import PredictedTrigger as T

    records, ents = _rule_record(TWO)
    heads = _Heads([T(7, 14, "Air/drone strike", .9), T(40, 48, "Abduction/forced disappearance", .7)])
    [out] = apply_fields(records, TWO, heads, {"triggers": "types"}, ents, "2024-05-08", "d")
    assert out.sub_event_type == "Air/drone strike" and out.event_type == "Explosions/Remote violence"
    assert (out.trigger, out.actors, out.date) == (records[0].trigger, records[0].actors, records[0].date)
    with pytest.raises(ValueError):
        check_fields({"roles": "types"})


def test_training_losses_on_labelled_words_only_equal_the_full_losses():
    """The cheap training path (heads run on the words they are trained on) is the same loss."""
    heads = _factored()
    torch.manual_seed(3)
    hidden = torch.randn(2, 5, 8)
    mask = torch.tensor([[True] * 5, [True, True, True, False, False]])
    labels = {"triggers": torch.tensor([[0, 3, 4, 0, 0], [0, 0, 9, -100, -100]]),
              "roles": torch.tensor([[1, -100, -100, 2, -100], [-100, 0, -100, -100, -100]]),
              "modality": torch.tensor([[-100, 1, -100, -100, -100], [-100, -100, 0, -100, -100]])}
    full = factored_losses(heads(hidden, mask), labels, 3.0)
    cheap = heads.training_losses(hidden, mask, labels, 3.0)
    assert set(full) == set(cheap)
    for name in full:
        assert torch.allclose(full[name], cheap[name], atol=1e-5), name


def test_train_with_refit_epochs_writes_the_refitted_copy_beside_the_run(smoke_overrides):
    from conflict_ner.tagging.tagger import EntityTagger
    from conflict_ner.training.trainer import train

    config = heads_config(smoke_overrides, "training.max_steps=2", "events.heads=[triggers, roles, modality]",
                          "events.refit_epochs=2")
    out = train(config, progress=False).output_dir
    refit = out.with_name(out.name + "-refit")
    assert isinstance(EntityTagger.from_pretrained(out).event_heads, EventHeads)       # the run as trained
    assert isinstance(EntityTagger.from_pretrained(refit).event_heads, FactoredHeads)  # the refitted copy
    assert json.loads((refit / "refit.json").read_text())["epochs"] == 2


def test_event_scores_decode_factored_triggers_by_span_mass_and_mean_type():
    """A trigger is where P(B) + P(I) reaches the threshold, even when no single tag wins;
    its type is the mean over its words."""
    from conflict_ner.tagging.event_decoding import EventScores

    settings = EventHeadSettings(heads=("triggers",), hidden_size=8, design="factored", trigger_threshold=0.5)
    units = [(0, 6), (7, 10), (11, 17), (18, 22)]                 # "Rebels air strike Hama"
    span = np.log(np.array([[.9, .05, .05], [.45, .30, .25], [.4, .2, .4], [.8, .1, .1]]))
    kinds = np.full((4, len(SUB_EVENT_TYPES)), 1e-3)
    kinds[1, SUB_EVENT_TYPES.index("Air/drone strike")] = .6
    kinds[1, SUB_EVENT_TYPES.index("Armed clash")] = .3
    kinds[2, SUB_EVENT_TYPES.index("Armed clash")] = .5
    kinds[2, SUB_EVENT_TYPES.index("Air/drone strike")] = .45
    scores = EventScores(units, np.concatenate([span, np.log(kinds)], axis=1), settings)
    [t] = scores.triggers()
    assert (t.start, t.end, t.sub_event_type) == (7, 17, "Air/drone strike")
    from dataclasses import replace

    strict = EventScores(units, np.concatenate([span, np.log(kinds)], axis=1),
                         replace(settings, trigger_threshold=0.7))
    assert strict.triggers() == []
