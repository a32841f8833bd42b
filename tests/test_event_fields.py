"""The per-field choice rules / learned / both applied to rule records."""

from __future__ import annotations

import pytest

from conflict_ner.event_fields import apply_fields, check_fields
from conflict_ner.records import ActorRef, EventDate, EventRecord, TextSpan
from conflict_ner.tagging.event_decoding import PredictedTrigger

TEXT = "Rebels shelled Hama as troops ambushed a convoy near Idlib. The UN called for calm."
SHELL, CLASH = "Shelling/artillery/missile attack", "Armed clash"


class FakeEvents:
    """The heads' reading, fixed by the test."""

    def __init__(self, triggers=(), roles=None, modality=None):
        self._triggers = list(triggers)
        self._roles = roles or {}
        self._modality = modality or {}

    def triggers(self):
        return self._triggers

    def role_of(self, start, end):
        return self._roles.get(TEXT[start:end])

    def modality_of(self, start, end):
        return self._modality.get(TEXT[start:end])


def _span(word):
    start = TEXT.index(word)
    return start, start + len(word)


def _record(actors=(("Rebels", "initiator"), ("troops", "unknown")), modality="asserted", sentence=(0, 59)):
    refs = tuple(ActorRef(w, *_span(w), role) for w, role in actors)
    places = (TextSpan("Hama", *_span("Hama")), TextSpan("Idlib", *_span("Idlib")))
    return EventRecord("d", TextSpan(TEXT[sentence[0]:sentence[1]], *sentence), EventDate("2024-05-06", "day", None),
                       actors=refs, locations=places, modality=modality)


def _trigger(word, sub, score=0.9):
    return PredictedTrigger(*_span(word), sub, score)


TWO_ACTS = FakeEvents([_trigger("shelled", SHELL), _trigger("ambushed", CLASH)])


def test_rules_everywhere_changes_nothing():
    rec = _record()
    assert apply_fields([rec], TEXT, TWO_ACTS, {}) == [rec]
    assert apply_fields([rec], TEXT, None, {"roles": "learned"}) == [rec]


def test_learned_triggers_split_a_two_act_sentence_and_type_each_act():
    out = apply_fields([_record()], TEXT, TWO_ACTS, {"triggers": "learned"})
    assert [(r.trigger.text, r.sub_event_type, r.event_type) for r in out] == [
        ("shelled", SHELL, "Explosions/Remote violence"), ("ambushed", CLASH, "Battles")]
    assert [[a.text for a in r.actors] for r in out] == [["Rebels"], ["troops"]]
    assert [[p.text for p in r.locations] for r in out] == [["Hama"], ["Idlib"]]


def test_learned_triggers_drop_a_record_without_an_act_but_both_keeps_it():
    rec = _record()
    assert apply_fields([rec], TEXT, FakeEvents(), {"triggers": "learned"}) == []
    assert apply_fields([rec], TEXT, FakeEvents(), {"triggers": "both"}) == [rec]


def test_a_trigger_outside_the_sentence_does_not_type_the_record():
    far = FakeEvents([PredictedTrigger(64, 70, "Agreement", 0.9)])  # in the second sentence
    assert apply_fields([_record()], TEXT, far, {"triggers": "both"})[0].sub_event_type == "Other"


def test_roles_learned_replaces_and_drops_no_party_both_fills_only_unknown():
    events = FakeEvents(roles={"Rebels": ("target", 0.7), "troops": ("O", 0.8)})
    learned = apply_fields([_record()], TEXT, events, {"roles": "learned"})[0]
    assert [(a.text, a.role) for a in learned.actors] == [("Rebels", "target")]
    events = FakeEvents(roles={"Rebels": ("target", 0.7), "troops": ("initiator", 0.8)})
    both = apply_fields([_record()], TEXT, events, {"roles": "both"})[0]
    assert [(a.text, a.role) for a in both.actors] == [("Rebels", "initiator"), ("troops", "initiator")]


def test_roles_prune_drops_only_an_actor_the_heads_are_sure_is_no_party():
    from conflict_ner.event_fields import NO_PARTY_CONFIDENCE

    sure, unsure = min(1.0, NO_PARTY_CONFIDENCE + 0.05), NO_PARTY_CONFIDENCE - 0.05
    # the heads are sure "troops" is no party, unsure about "Rebels": only "troops" goes
    events = FakeEvents(roles={"Rebels": ("O", unsure), "troops": ("O", sure)})
    pruned = apply_fields([_record()], TEXT, events, {"roles": "prune"})[0]
    assert [(a.text, a.role) for a in pruned.actors] == [("Rebels", "initiator")]
    # a confident role of the heads does not replace the rules' role; unknown is filled as in both
    events = FakeEvents(roles={"Rebels": ("target", sure), "troops": ("target", unsure)})
    pruned = apply_fields([_record()], TEXT, events, {"roles": "prune"})[0]
    assert [(a.text, a.role) for a in pruned.actors] == [("Rebels", "initiator"), ("troops", "target")]
    both = apply_fields([_record()], TEXT, FakeEvents(roles={"troops": ("O", sure)}), {"roles": "both"})[0]
    assert [a.text for a in both.actors] == ["Rebels", "troops"]  # both never drops an actor


def test_modality_read_on_the_records_trigger():
    events = FakeEvents([_trigger("shelled", SHELL)], modality={"shelled": ("claimed", 0.6)})
    assert apply_fields([_record()], TEXT, events, {"modality": "learned"})[0].modality == "claimed"
    assert apply_fields([_record()], TEXT, events, {"modality": "both"})[0].modality == "claimed"
    negated = _record(modality="negated")
    assert apply_fields([negated], TEXT, events, {"modality": "both"})[0].modality == "negated"
    assert apply_fields([negated], TEXT, events, {"modality": "learned"})[0].modality == "claimed"


def test_bad_choices_are_refused():
    with pytest.raises(ValueError):
        check_fields({"roles": "model"})
    with pytest.raises(ValueError):
        check_fields({"dates": "learned"})


def test_extractor_applies_the_models_choice(tiny_model_dir, tmp_path):
    """A model whose saved choice is roles: learned gives its records the heads' roles."""
    import torch

    from conflict_ner.extractor import EventExtractor
    from conflict_ner.tagging.event_heads import EventHeadSettings, EventHeads
    from conflict_ner.tagging.tagger import EntityTagger

    tagger = EntityTagger.from_pretrained(tiny_model_dir)
    settings = EventHeadSettings(heads=("roles",), hidden_size=tagger.model.config.hidden_size,
                                 fields={"roles": "learned"})
    heads = EventHeads(settings)
    with torch.no_grad():  # every unit: "target", whatever it reads
        heads.heads["roles"].weight.zero_()
        heads.heads["roles"].bias.copy_(torch.tensor([0.0, 0.0, 5.0, 0.0]))
    EntityTagger(tagger.model, tagger.tokenizer, tagger.settings, event_heads=heads).save_pretrained(tmp_path)
    extractor = EventExtractor.from_pretrained(tmp_path)
    assert extractor.tagger.event_heads.settings.fields == {"roles": "learned"}
    docs = [TEXT * 3, "Gunmen killed 5 villagers in Zamfara on Monday."]
    roles = [a.role for result in extractor.extract_batch(docs) for rec in result.records for a in rec.actors]
    plain = EventExtractor.from_pretrained(tiny_model_dir)
    rule_roles = [a.role for result in plain.extract_batch(docs) for rec in result.records for a in rec.actors]
    assert rule_roles and set(rule_roles) != {"target"}  # the rules alone give other roles here
    assert roles == ["target"] * len(rule_roles)
    single = extractor.extract(TEXT)
    assert all(a.role == "target" for rec in single for a in rec.actors)


def test_choose_event_fields_writes_the_choice_and_the_table(tiny_model_dir, tmp_path, capsys):
    """On the fixture gold: every field gets a choice from the table, saved with the model."""
    import json

    from conflict_ner.app.choose_fields import TABLE_FILE
    from conflict_ner.app.cli import main
    from conflict_ner.tagging.tagger import EntityTagger

    from .conftest import FIXTURES, tagger_with_linear_heads

    tagger_with_linear_heads(tiny_model_dir, tmp_path, heads=("roles", "modality"), seed=0)
    assert main(["choose-event-fields", str(tmp_path), "--gold", str(FIXTURES / "sample_events.jsonl"),
                 "--split", "train"]) == 0
    printed = capsys.readouterr().out
    assert "| roles | actors+role F1 |" in printed and "| triggers |" in printed
    report = json.loads((tmp_path / TABLE_FILE).read_text())
    assert set(report["table"]["triggers"]) == {"rules"}  # no triggers head: the rules only
    assert set(report["table"]["roles"]) == {"rules", "learned", "both", "prune"}
    for field, row in report["table"].items():
        best = max(v["figure"] for v in row.values())
        assert row[report["choice"][field]]["figure"] == best
    assert EntityTagger.from_pretrained(tmp_path).event_heads.settings.fields == report["choice"]


def test_a_sentence_the_rules_split_keeps_one_record_per_learned_trigger():
    # the rules gave two records for two acts: each learned trigger types its own act's record
    from conflict_ner.events import build_records
    from conflict_ner.records import Entity
    from conflict_ner.tagging.event_decoding import PredictedTrigger

    text = "Rebels shelled Hama as troops ambushed a convoy."
    ents = [Entity("ACTOR", 0, 6, "Rebels", 1.0), Entity("ACTOR", 23, 29, "troops", 1.0)]
    rules = build_records(text, ents, "2024-05-08")
    assert [r.trigger.text for r in rules] == ["shelled", "ambushed"]

    class Heads:
        def triggers(self):
            return [PredictedTrigger(7, 14, SHELL, .9), PredictedTrigger(30, 38, CLASH, .9)]

    out = apply_fields(rules, text, Heads(), {"triggers": "learned"})
    assert [(r.trigger.text, r.sub_event_type, [a.text for a in r.actors]) for r in out] == [
        ("shelled", SHELL, ["Rebels"]), ("ambushed", CLASH, ["troops"])]
