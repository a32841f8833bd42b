"""One record per act: where a sentence reports two acts in separate clauses, the rules build two."""

from __future__ import annotations

import pytest

from conflict_ner.events import build_records
from conflict_ner.events.acts import sentence_acts
from conflict_ner.events.sentence import Sentence
from conflict_ner.records import EventDate


def _triggers(sentence: str, spans=()) -> list[str | None]:
    s = Sentence(sentence)
    return [s.text[a.trigger.start:a.trigger.end] if a.trigger else None for a in sentence_acts(s, spans)]


@pytest.mark.parametrize("sentence, triggers", [
    # two clauses, each with its own act word
    ("Government artillery shelled Kafr Nabl as rebels ambushed an army convoy near Saraqib.",
     ["shelled", "ambushed"]),
    ("Jets bombed Ariha; later militants attacked a checkpoint in Idlib.", ["bombed", "attacked"]),
    ("Militants stormed the base, and troops shelled the village.", ["stormed", "shelled"]),
    ("The attack was led by Malanga, who was shot dead.", ["attack", "shot"]),
    # one act: its outcome in another clause is not an act of its own
    ("Four civilians were killed when militants attacked a checkpoint.", ["attacked"]),
    ("Rebels shelled Hama, killing four civilians.", ["shelled"]),
    ("Fighting between the army and the RSF has killed 80 people.", ["Fighting"]),
    # a noun after the first act refers back to an act, it does not report one
    ("Guards shot at people trying to flee after the first air strike.", ["shot"]),
    # a planned act is an act of its own (its record says planned or threatened)
    ("Jets struck the camp where dissidents had gathered to prepare an attack on troops.", ["struck", "attack"]),
    ("Russia fired 84 missiles at cities in the heaviest wave since the invasion began.", ["fired"]),
    # a casualty word names the act only when nothing else does
    ("Two soldiers were killed near Hish.", ["killed"]),
    # "as well as" does not open a clause
    ("Troops shelled Hama as well as attacked Homs.", ["shelled"]),
    # no act word at all
    ("Talks resumed in Geneva.", [None]),
])
def test_acts_of_a_sentence(sentence, triggers):
    assert _triggers(sentence) == triggers


def test_an_entity_span_is_never_the_trigger():
    sentence = "A car bomb exploded near the market."
    start = sentence.index("car bomb")
    assert _triggers(sentence, [(start, start + len("car bomb"))]) == ["exploded"]
    assert _triggers(sentence) == ["bomb"]  # without the WEAPON span the first act word


@pytest.mark.parametrize("sentence, weapon, trigger", [
    ("A roadside bomb went off near Ariha.", "roadside bomb", "went off"),
    ("Two bombers blew themselves up at the gate.", None, "blew themselves up"),
    ("Militants rammed a truck bomb into the wall.", "truck bomb", "rammed"),
    ("Troops withdrew from the town.", None, "withdrew"),
])
def test_act_words_the_gold_uses(entities, sentence, weapon, trigger):
    recs = build_records(sentence, entities(sentence, [("WEAPON", weapon)] if weapon else []), "2024-05-08")
    assert [r.trigger.text for r in recs] == [trigger]


def test_each_word_belongs_to_exactly_one_act():
    s = Sentence("Jets struck Ariha on Monday while rebels ambushed a convoy near Saraqib, a monitor said.")
    acts = sentence_acts(s)
    assert acts[0].start == 0 and acts[-1].end == len(s.text)
    assert all(a.end <= b.start for a, b in zip(acts, acts[1:]))


SPEC = "Government artillery shelled Kafr Nabl on Monday as rebels ambushed an army convoy near Saraqib."
SPEC_SPANS = [("ACTOR", "Government"), ("WEAPON", "artillery"), ("LOCATION", "Kafr Nabl"), ("DATE", "Monday"),
              ("ACTOR", "rebels"), ("ACTOR", "army"), ("LOCATION", "Saraqib")]


def test_two_acts_give_two_records_with_their_own_fields(entities):
    shelling, ambush = build_records(SPEC, entities(SPEC, SPEC_SPANS), "2019-05-08", "d")
    assert shelling.sentence == ambush.sentence
    assert (shelling.trigger.text, ambush.trigger.text) == ("shelled", "ambushed")
    assert SPEC[ambush.trigger.start:ambush.trigger.end] == "ambushed"
    assert [(a.text, a.role) for a in shelling.actors] == [("Government", "initiator")]
    assert [(a.text, a.role) for a in ambush.actors] == [("rebels", "initiator"), ("army", "target")]
    assert [x.text for x in shelling.locations] == ["Kafr Nabl"]
    assert [x.text for x in ambush.locations] == ["Saraqib"]
    assert [x.text for x in shelling.weapons] == ["artillery"] and ambush.weapons == ()
    assert (shelling.sub_event_type, ambush.sub_event_type) == ("Shelling/artillery/missile attack", "Armed clash")
    # the second act has no DATE of its own: it takes the sentence's
    assert shelling.date == ambush.date == EventDate("2019-05-06", "day", "Monday")


def test_counts_go_to_their_act(entities):
    text = "Jets struck Ariha, killing 5 civilians; later militants attacked a checkpoint, wounding 3 soldiers."
    spans = [("LOCATION", "Ariha"), ("COUNT", "5"), ("ACTOR", "civilians"), ("ACTOR", "militants"),
             ("COUNT", "3"), ("ACTOR", "soldiers")]
    strike, attack = build_records(text, entities(text, spans), "2024-05-08")
    assert [(c.value, c.outcome) for c in strike.counts] == [(5, "killed")]
    assert [(c.value, c.outcome) for c in attack.counts] == [(3, "injured")]


def test_a_one_act_sentence_keeps_one_record_with_its_trigger(entities):
    text = "Four civilians were killed when militants attacked a checkpoint."
    recs = build_records(text, entities(text, [("COUNT", "Four"), ("ACTOR", "civilians"), ("ACTOR", "militants")]),
                         "2024-05-08")
    assert len(recs) == 1 and recs[0].trigger.text == "attacked"
    assert [c.outcome for c in recs[0].counts] == ["killed"]


def test_an_act_word_after_a_weapon_span_is_the_trigger(entities):
    # "drone" is the WEAPON; the act word is "strike" (ANNOTATION section 9: never an entity span)
    text = "A drone strike killed 26 people in Finote Selam, as fighting between the army and Fano entered its second month."
    ents = entities(text, [("WEAPON", "drone"), ("COUNT", "26"), ("ACTOR", "people"), ("LOCATION", "Finote Selam"),
                           ("ACTOR", "army"), ("ACTOR", "Fano")])
    recs = build_records(text, ents, "2024-05-08")
    assert [r.trigger.text for r in recs] == ["strike", "fighting"]


@pytest.mark.parametrize("sentence, triggers", [
    ("Eleven civilians were killed in air strikes and shelling on Ariha.", ["air strikes", "shelling"]),
    ("A suicide bombing and gun attack outside the airport killed 13 soldiers.", ["bombing", "attack"]),
    # a verb done and its outcome, or a participle after a comma, is one act
    ("Militants ambushed and killed four soldiers.", ["ambushed"]),
    ("Jets carried out the strikes, targeting weapons depots.", ["strikes"]),
])
def test_coordinated_act_nouns_are_acts_of_their_own(sentence, triggers):
    # ANNOTATION.md section 6, one record per act: the gold codes "air strikes and shelling" as two acts
    assert _triggers(sentence) == triggers


def test_coordinated_acts_share_their_stretch(entities):
    text = "Eleven civilians were killed in air strikes and shelling on Ariha on Monday."
    ents = entities(text, [("COUNT", "Eleven"), ("ACTOR", "civilians"), ("LOCATION", "Ariha"), ("DATE", "Monday")])
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [(r.trigger.text, [c.value for c in r.counts], [p.text for p in r.locations], r.date.value)
            for r in recs] == [("air strikes", [11], ["Ariha"], "2024-05-06"), ("shelling", [11], ["Ariha"], "2024-05-06")]


def test_coordinated_acts_are_typed_each_by_its_own_word(entities):
    text = "Eleven civilians were killed in air strikes and shelling on Ariha on Monday."
    ents = entities(text, [("COUNT", "Eleven"), ("ACTOR", "civilians"), ("LOCATION", "Ariha"), ("DATE", "Monday")])
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [r.sub_event_type for r in recs] == ["Air/drone strike", "Shelling/artillery/missile attack"]


@pytest.mark.parametrize("sentence, triggers", [
    # the other side's denial at the end of a sentence that reports an act is an act of its own
    ("The monitor said jets bombed the clinic, a claim the ministry rejected.", ["bombed", "rejected"]),
    ("Activists accused the militia of shelling the camp, which the militia denies.", ["shelling", "denies"]),
    ("More than 90 people were killed in the siege, a figure the governor disputes.", ["siege", "disputes"]),
    # a denial with no act word before it stays the one act
    ("The envoy spoke of sabotage, which the company denies.", ["denies"]),
])
def test_a_denial_clause_is_an_act_of_its_own(sentence, triggers):
    assert _triggers(sentence) == triggers


def test_a_denial_clause_negates_only_its_own_record(entities):
    text = "Rebels said they shelled Tal Sabha on Monday, a claim the army denied."
    ents = entities(text, [("ACTOR", "Rebels"), ("LOCATION", "Tal Sabha"), ("DATE", "Monday"), ("ACTOR", "army")])
    recs = build_records(text, ents, "2024-05-08")
    assert [(r.trigger.text, r.modality) for r in recs] == [("shelled", "claimed"), ("denied", "negated")]


@pytest.mark.parametrize("sentence, triggers", [
    # a plain "and" before a verb of an act done, with no subject of its own: a second act
    ("Raiders stormed the hamlet and abducted nine herders.", ["stormed", "abducted"]),
    ("The militia shelled the depot and then stormed the barracks.", ["shelled", "stormed"]),
    # ... but not a taking told with the act, a passive before it, nor coordinated nouns
    ("Rebels overran the outpost and seized two mortars.", ["overran"]),
    ("Two rockets were fired from the hills and struck a fuel depot.", ["fired"]),
    ("Air strikes and shelling hit the market.", ["Air strikes", "shelling"]),
])
def test_a_plain_and_before_an_act_verb_done_opens_an_act(sentence, triggers):
    # ANNOTATION.md section 9, acts round 10
    assert _triggers(sentence) == triggers


def test_coordinated_verbs_share_their_subject(entities):
    # section 9: "militants stormed the village and abducted 12": the militants did both acts
    text = "Raiders stormed the hamlet of Dorva and abducted nine herders."
    ents = entities(text, [("ACTOR", "Raiders"), ("LOCATION", "Dorva"), ("COUNT", "nine"), ("ACTOR", "herders")])
    recs = build_records(text, ents, "2024-05-08")
    assert [(r.trigger.text, [(a.text, a.role) for a in r.actors]) for r in recs] == [
        ("stormed", [("Raiders", "initiator")]),
        ("abducted", [("Raiders", "initiator"), ("herders", "target")])]


def test_a_second_report_joined_by_and_said_or_and_that_is_an_act_of_its_own(entities):
    # ANNOTATION.md section 9, acts round 10: "... and that X had done Y" tells another act
    text = "The army said it had repelled a raid on Dorva and that its jets had bombed a rebel depot near Kesh."
    ents = entities(text, [("ACTOR", "army"), ("LOCATION", "Dorva"), ("ACTOR", "rebel"), ("LOCATION", "Kesh")])
    recs = build_records(text, ents, "2024-05-08")
    assert [(r.trigger.text, [p.text for p in r.locations]) for r in recs] == [
        ("repelled", ["Dorva"]), ("bombed", ["Kesh"])]
    assert _triggers("Rebels said they had ambushed a convoy and added that jets had bombed the camp.") == [
        "ambushed", "bombed"]


def test_one_act_told_twice_across_and_said_stays_one_record(entities):
    # section 9: two acts are cut apart only when they are different acts; the same type told twice is one
    text = ("Local officials blamed the deaths on shelling by the militia and said the militia had fired mortars "
            "at the clinic.")
    ents = entities(text, [("ACTOR", "Local officials"), ("ACTOR", "militia"), ("ACTOR", "militia"),
                           ("WEAPON", "mortars")])
    recs = build_records(text, ents, "2024-05-08")
    assert [(r.trigger.text, [w.text for w in r.weapons]) for r in recs] == [("shelling", ["mortars"])]


@pytest.mark.parametrize("sentence, triggers", [
    # a killing done by its subject and joined by "and" to another act done is an act of its own
    ("Raiders killed 30 herders and abducted 15 boys near the river.", ["killed", "abducted"]),
    ("The brigade killed 40 insurgents and captured 9 others.", ["killed", "captured"]),
    # "set ... ablaze" is done ("set" is its past too)
    ("Raiders killed 30 herders and set the granaries ablaze.", ["killed", "set the granaries ablaze"]),
    # ... not an outcome after the act, nor one outcome beside another
    ("The brigade ambushed and killed 40 insurgents.", ["ambushed"]),
    ("Jets killed 5 farmers and wounded 9.", ["killed"]),
])
def test_a_killing_joined_to_another_act_done_is_an_act_of_its_own(sentence, triggers):
    # ANNOTATION.md section 9, acts round 10
    assert _triggers(sentence) == triggers


def test_a_toll_reported_beside_and_that_is_an_act_of_its_own():
    # ANNOTATION.md section 9, acts round 10: "X said N were killed, and that M died in strikes": two reports
    text = ("The monitor said 40 fighters had been killed since Friday, and that nine villagers died in air strikes "
            "and shelling.")
    assert _triggers(text) == ["killed", "air strikes", "shelling"]


def test_a_denial_does_not_negate_the_report_after_and_said(entities):
    # ANNOTATION.md section 9, acts round 10: the denial belongs to its own clause
    text = "The army denied that the siege had been broken and said its jets had bombed the rebels in Dorva."
    ents = entities(text, [("ACTOR", "army"), ("ACTOR", "rebels"), ("LOCATION", "Dorva")])
    recs = build_records(text, ents, "2024-05-08")
    assert [(r.trigger.text, r.modality) for r in recs] == [("siege", "negated"), ("bombed", "claimed")]


def test_blame_laid_after_the_act_is_a_record_of_its_own(entities):
    # ANNOTATION.md section 9, acts round 10: "... and blamed X": X is the blame's alleged author
    text = "The ministry denied that its troops had shelled the market in Dorva and blamed the rebels."
    ents = entities(text, [("ACTOR", "ministry"), ("ACTOR", "troops"), ("LOCATION", "Dorva"), ("ACTOR", "rebels")])
    recs = build_records(text, ents, "2024-05-08")
    assert [(r.trigger.text, r.modality) for r in recs] == [("shelled", "negated"), ("blamed", "claimed")]
    assert [(a.text, a.role) for a in recs[1].actors] == [("rebels", "initiator")]
    assert "rebels" not in [a.text for a in recs[0].actors]


@pytest.mark.parametrize("sentence, triggers", [
    # forces moving on in a clause of their own: a second act
    ("Police took the bridge on Monday, and the brigade pushed north into the old quarter.", ["took", "pushed"]),
    ("Jets pounded the ridge while infantry moved in on the ground.", ["pounded", "moved"]),
    ("Gunmen attacked the depot, and the guards pushed them back towards the river.", ["attacked", "pushed"]),
    # ... but a sentence told as one act is named by its other act or outcome word
    ("The brigade pushed the raiders back and killed 40 of them.", ["killed"]),
    # ... and alone they name nothing (the record, if any, comes from its entities)
    ("Armoured columns moved into the town at dawn.", [None]),
])
def test_forces_moving_on_are_an_act_beside_another(sentence, triggers):
    # ANNOTATION.md section 9, round 10 (trig2): "pushed into/through/back/out of", "moved in(to)"
    assert _triggers(sentence) == triggers


def test_civilians_who_moved_into_a_town_move_no_force():
    # ANNOTATION.md section 9, round 10 (trig2): like civilians who arrived, those who moved in fled
    from conflict_ner.events.triggers import find_triggers

    assert find_triggers("Several hundred families have moved into the town, officials said.") == ()


def test_forces_pushed_through_villages_take_them(entities):
    # ANNOTATION.md section 9, round 10 (trig2): "pushed through <places>" is a territory cue
    text = "The insurgents shelled Abra on Monday, and by Tuesday the insurgents had pushed through Bet and Gal."
    ents = entities(text, [("ACTOR", "insurgents"), ("LOCATION", "Abra"), ("DATE", "Monday"), ("DATE", "Tuesday"),
                           ("LOCATION", "Bet"), ("LOCATION", "Gal")])
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [(r.trigger.text, r.sub_event_type) for r in recs] == [
        ("shelled", "Shelling/artillery/missile attack"), ("pushed", "Non-state actor overtakes territory")]


@pytest.mark.parametrize("text, spans, sub_event_type", [
    ("The militia denied that it had lost Dorva on Monday.", [("ACTOR", "militia"), ("LOCATION", "Dorva")],
     "Government regains territory"),
    ("Rebel commanders acknowledged losing the northern districts of Abra.",
     [("ACTOR", "Rebel commanders"), ("LOCATION", "Abra")], "Government regains territory"),
    ("The army lost control of Gal after two days.", [("ACTOR", "army"), ("LOCATION", "Gal")],
     "Non-state actor overtakes territory"),
])
def test_a_side_that_lost_a_place_suffered_its_capture(entities, text, spans, sub_event_type):
    # ANNOTATION.md section 9, round 10 (trig2): the loser is the target; the other side took the place
    recs = build_records(text, entities(text, spans), "2024-05-08", keep_bare=False)
    assert [r.sub_event_type for r in recs] == [sub_event_type]
    assert recs[0].trigger.text in ("lost", "losing")
    assert [a.role for a in recs[0].actors] == ["target"]


def test_a_headline_that_lists_acts_by_their_nouns_has_one_act_per_item():
    # ANNOTATION.md section 9, round 13 (nouns3): no stop at the end, every act word a noun
    s = Sentence("Northern front weekly: a third failed assault on Tamo, air strikes on the Bela road")
    assert [s.text[a.trigger.start:a.trigger.end] for a in sentence_acts(s)] == ["assault", "air strikes"]
    # a sentence told with a stop keeps reading a later noun as the earlier act's
    s = Sentence("Rebels ended a third failed assault on Tamo, after air strikes on the Bela road.")
    assert len(sentence_acts(s)) == 1
    # a headline with a verb keeps its clauses ("as")
    s = Sentence("Army takes Tamo as air strikes pound Bela, monitors say")
    assert [s.text[a.trigger.start:a.trigger.end] for a in sentence_acts(s)] == ["takes", "air strikes"]
