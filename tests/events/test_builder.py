from __future__ import annotations

import pytest

from conflict_ner.errors import DataError, InputError
from conflict_ner.events import build_records
from conflict_ner.records import Entity, EventDate
from conflict_ner.schema import record_errors

WIRE = """Rebels pound villages in northern Hama

By Jane Doe
Published 8 May 2024

DAMASCUS, May 8 (Reuters) - Syrian government forces
fired at least 36 rockets at Kafr Nabl on
Monday, killing four civilians, a monitor said. Two children were among the dead.

Talks on a truce resumed in Geneva on Tuesday. The army said it killed 30 militants near Saraqib.

\u00a9 2024 Reuters. All rights reserved."""

WIRE_SPANS = [
    ("LOCATION", "northern Hama"), ("LOCATION", "DAMASCUS"), ("DATE", "May 8"),
    ("ACTOR", "Syrian government forces"), ("COUNT", "at least 36"), ("WEAPON", "rockets"),
    ("LOCATION", "Kafr Nabl"), ("DATE", "Monday"), ("COUNT", "four"), ("ACTOR", "civilians"),
    ("ACTOR", "monitor"), ("COUNT", "Two"), ("ACTOR", "children"), ("LOCATION", "Geneva"), ("DATE", "Tuesday"),
    ("ACTOR", "army"), ("COUNT", "30"), ("ACTOR", "militants"), ("LOCATION", "Saraqib"),
]

MONITOR = """Drone strikes hit the outskirts of Idlib city overnight.
A local official said 12 people were killed and 20 wounded, including five children.

Fighting has displaced more than 18,000 families since January, according to the UN.
No casualties were reported in a second strike on Ariha.
The weekly market in Ariha reopened.
Turkish-backed militias vowed to retake the town."""

MONITOR_SPANS = [
    ("WEAPON", "Drone"), ("LOCATION", "Idlib city"), ("DATE", "overnight"), ("COUNT", "12"), ("ACTOR", "people"),
    ("COUNT", "20"), ("COUNT", "five"), ("ACTOR", "children"), ("COUNT", "more than 18,000"),
    ("DATE", "since January"), ("ACTOR", "UN"), ("LOCATION", "Ariha"), ("LOCATION", "Ariha"),
    ("ACTOR", "Turkish-backed militias"),
]


def assert_valid(text: str, records) -> None:
    for rec in records:
        d = rec.to_dict()
        assert record_errors(d) == []
        spans = [d["sentence"], *d["actors"], *d["locations"], *d["weapons"], *d["counts"]]
        if d["attribution"]:
            spans.append(d["attribution"])
        for span in spans:
            assert text[span["start"]:span["end"]] == span["text"]
        assert 0.0 <= d["confidence"] <= 1.0


def test_wire_article(entities):
    records = build_records(WIRE, entities(WIRE, WIRE_SPANS), "2024-05-08", "syria-001")
    assert_valid(WIRE, records)
    assert [r.sentence.text.split()[0] for r in records] == ["Rebels", "DAMASCUS,", "Two", "The"]
    headline, attack, among, claim = records

    # the dateline's place and date neither place nor date the act
    assert [x.text for x in attack.locations] == ["Kafr Nabl"]
    assert attack.date == EventDate("2024-05-06", "day", "Monday")
    assert [(a.text, a.role) for a in attack.actors] == [("Syrian government forces", "initiator"),
                                                          ("civilians", "target")]
    assert [(c.text, c.value, c.low, c.high, c.counted, c.outcome, c.cumulative) for c in attack.counts] == [
        ("at least 36", 36, 36, None, "rockets", "other", False),
        ("four", 4, 4, 4, "civilians", "killed", False),
    ]
    assert attack.weapons[0].text == "rockets"
    assert attack.modality == "asserted"
    assert attack.attribution.text == "monitor"  # the ACTOR entity inside "a monitor"
    assert attack.doc_id == "syria-001"

    # no DATE of its own: the narrative's date, carried from the lede
    assert among.date == EventDate("2024-05-06", "day", "Monday")
    assert [(a.text, a.role) for a in among.actors] == [("children", "target")]
    assert among.counts[0].outcome == "killed"

    # a party speaking of its own action
    assert claim.modality == "claimed"
    assert [(a.text, a.role) for a in claim.actors] == [("army", "initiator"), ("militants", "target")]
    # the Tuesday of a sentence that reports no act does not date it; the lede's date does
    # (the rules cannot tell that the army's claim may be another act)
    assert claim.date == EventDate("2024-05-06", "day", "Monday")

    # the headline has no DATE and none came before it in its paragraph
    assert headline.date == EventDate("2024-05-08", "unknown", None)


def test_monitor_article(entities):
    records = build_records(MONITOR, entities(MONITOR, MONITOR_SPANS), "2024-03-15", None)
    assert_valid(MONITOR, records)
    by_start = {r.sentence.text.split()[0]: r for r in records}
    # non-violent sentences give nothing
    assert set(by_start) == {"Drone", "A", "Fighting", "No", "Turkish-backed"}

    drone = by_start["Drone"]
    assert drone.weapons[0].text == "Drone" and drone.date == EventDate("2024-03-14", "day", "overnight")

    toll = by_start["A"]
    assert toll.attribution.text == "A local official"
    assert toll.date.text == "overnight"  # carried over from the previous sentence
    assert [(c.text, c.outcome) for c in toll.counts] == [("12", "killed"), ("20", "injured"), ("five", "injured")]

    displaced = by_start["Fighting"]
    assert displaced.counts[0].outcome == "displaced" and displaced.counts[0].cumulative is True
    assert displaced.counts[0].value == 18000 and displaced.counts[0].low == 18000
    assert displaced.actors == ()  # the UN is the source, not a participant
    assert displaced.attribution.text == "UN"
    # a running total is dated by publication, not by the start of its period
    assert displaced.date == EventDate("2024-03-15", "unknown", None)

    assert by_start["No"].modality == "negated"
    assert by_start["No"].date == EventDate("2024-03-14", "day", "overnight")  # the narrative's date
    assert by_start["Turkish-backed"].modality == "threatened"


def test_later_paragraphs_take_the_first_act_date_of_the_story(entities):
    # wire paragraphs are one sentence long: the lede's date carries through the story
    text = "Rebels attacked Hama on Monday.\n\nThe army said on Tuesday that 12 soldiers died.\n\nMilitants shelled Homs."
    recs = build_records(text, entities(text, [("DATE", "Monday"), ("DATE", "Tuesday")]), "2024-05-08")
    assert [r.date for r in recs] == [EventDate("2024-05-06", "day", "Monday")] * 3


def test_a_reporting_date_dates_the_act_only_when_nothing_else_does(entities):
    text = "The army said on Tuesday that 12 soldiers died."
    recs = build_records(text, entities(text, [("DATE", "Tuesday")]), "2024-05-08")
    assert recs[0].date == EventDate("2024-05-07", "day", "Tuesday")


def test_without_publication_date(entities):
    text = "Rebels attacked Hama on Monday. Militants shelled Homs on December 5, 2023."
    recs = build_records(text, entities(text, [("DATE", "Monday"), ("DATE", "December 5, 2023")]), None)
    assert [r.date for r in recs] == [EventDate(None, "unknown", "Monday"),
                                      EventDate("2023-12-05", "day", "December 5, 2023")]
    recs = build_records("Militants shelled Homs.", [], None)
    assert recs[0].date == EventDate(None, "unknown", None)


def test_count_outcome_or_weapon_alone_qualify_with_lower_confidence(entities):
    text = "Thirty people were displaced. The convoy carried tanks. Rebels attacked Hama. The market reopened."
    ents = entities(text, [("COUNT", "Thirty"), ("ACTOR", "people"), ("WEAPON", "tanks"), ("ACTOR", "Rebels"),
                           ("LOCATION", "Hama")])
    recs = build_records(text, [Entity(e.label, e.start, e.end, e.text, 1.0) for e in ents], "2024-05-08")
    assert [r.sentence.text for r in recs] == ["Thirty people were displaced.", "The convoy carried tanks.",
                                               "Rebels attacked Hama."]
    assert [r.confidence for r in recs] == [0.8, 0.6, 1.0]


def test_confidence_is_the_mean_entity_score_scaled(entities):
    text = "Rebels attacked Hama."
    a, loc = entities(text, [("ACTOR", "Rebels"), ("LOCATION", "Hama")])
    recs = build_records(text, [Entity("ACTOR", a.start, a.end, a.text, 0.6),
                                Entity("LOCATION", loc.start, loc.end, loc.text, 1.0)], "2024-05-08")
    assert recs[0].confidence == pytest.approx(0.8)
    bare = build_records("Clashes erupted.", [], "2024-05-08")[0]
    assert bare.confidence == pytest.approx(0.8)


def test_furniture_yields_nothing_even_with_violent_words():
    text = "Photo: Smoke rises after an airstrike on Idlib / AFP\nRead more: Drone strike kills 12"
    assert build_records(text, [], "2024-05-08") == []


def test_entities_must_match_the_text():
    with pytest.raises(DataError, match="does not match"):
        build_records("Rebels attacked Hama.", [Entity("ACTOR", 0, 6, "Rebelz", 0.9)], None, "d1")
    with pytest.raises(DataError, match="unknown entity label"):
        build_records("Rebels attacked Hama.", [Entity("PERSON", 0, 6, "Rebels", 0.9)], None)
    with pytest.raises(InputError, match="'May 8'"):
        build_records("Rebels attacked Hama.", [], "May 8")


def test_no_entities_and_empty_text():
    assert build_records("", [], "2024-05-08") == []
    recs = build_records("Shelling hit the town.", [], "2024-05-08", "x")
    assert len(recs) == 1 and recs[0].actors == () and record_errors(recs[0].to_dict()) == []


def test_random_documents_give_valid_records_with_exact_spans():
    # Seeded word salad with random entity spans: whatever the rules decide, every
    # record must validate and every span must index the original text.
    import random
    import re

    rng = random.Random(7)
    vocab = ("Rebels attacked shelled killed at least 36 rockets Kafr Nabl on Monday , . ; the army said it "
             "according to SANA U.S. Gen. 12 people were wounded and dozens fled between 20 and 80 civilians "
             "\n \n\n By Jane Doe Published \" ( ) - : Nov. 27 clashes HTS-held by militants no casualties vowed "
             "Region: \u00a9 bringing the death toll to 45 so far last week early hours of Thursday a.m.").split(" ")
    n_records = 0
    for _ in range(60):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 80)))
        ents, last = [], 0
        for m in re.finditer(r"[\w.\-]+", text):
            if m.start() >= last and rng.random() < 0.3:
                label = rng.choice(["ACTOR", "LOCATION", "WEAPON", "COUNT", "DATE"])
                ents.append(Entity(label, m.start(), m.end(), m.group(0), rng.random()))
                last = m.end()
        records = build_records(text, ents, rng.choice([None, "2024-05-08"]), "fuzz")
        assert_valid(text, records)
        n_records += len(records)
    assert n_records > 20


def test_an_act_with_nothing_to_code_is_left_out_on_request(entities):
    text = ("Rebels shelled Hama on Monday. It was the deadliest attack in years.\n\n"
            "Troops fired on the protest.")
    ents = entities(text, [("ACTOR", "Rebels"), ("LOCATION", "Hama"), ("DATE", "Monday"), ("ACTOR", "Troops")])
    kept = build_records(text, ents, "2024-05-08")
    assert [r.sentence.text for r in kept] == ["Rebels shelled Hama on Monday.", "It was the deadliest attack in years.",
                                               "Troops fired on the protest."]
    codable = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [r.sentence.text for r in codable] == ["Rebels shelled Hama on Monday.", "Troops fired on the protest."]
    # the act left out still hands on nothing, and what follows keeps its carried date
    assert codable[1].date.value == "2024-05-06"


def test_an_act_told_only_as_a_possibility_is_left_out_on_request(entities):
    text = ("Rebels shelled Hama on Monday. Its capture would give the rebels the highway to Aleppo.\n\n"
            "Rebels vowed to attack Homs.")
    ents = entities(text, [("ACTOR", "Rebels"), ("LOCATION", "Hama"), ("DATE", "Monday"), ("ACTOR", "rebels"),
                           ("LOCATION", "Aleppo"), ("LOCATION", "Homs")])
    assert len(build_records(text, ents, "2024-05-08")) == 3
    codable = build_records(text, ents, "2024-05-08", keep_bare=False)
    # the threat stays: threatened and planned acts are what such sentences report
    assert [(r.sentence.text, r.modality) for r in codable] == [
        ("Rebels shelled Hama on Monday.", "asserted"), ("Rebels vowed to attack Homs.", "threatened")]


@pytest.mark.parametrize("sentence, actor, trigger, mode", [
    ("Iran denied any involvement.", "Iran", "denied", "negated"),
    ("The PMF rejected the accusation.", "PMF", "rejected", "negated"),
    ("The army blamed the Carlos Patino Front.", "Carlos Patino Front", "blamed", "claimed"),
    # a neutral source's blame is its finding (ANNOTATION.md, modality round 4)
    ("Officials blamed the Carlos Patino Front.", "Carlos Patino Front", "blamed", "asserted"),
    ("The Arakan Rohingya Salvation Army, which claimed responsibility, said it had acted.",
     "Arakan Rohingya Salvation Army", "claimed responsibility", "claimed"),
])
def test_a_sentence_that_only_takes_a_stance_on_an_act_keeps_a_record(entities, sentence, actor, trigger, mode):
    text = "Rockets hit Erbil on Monday. " + sentence
    ents = entities(text, [("LOCATION", "Erbil"), ("DATE", "Monday"), ("ACTOR", actor)])
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [(r.trigger.text, r.modality) for r in recs[1:]] == [(trigger, mode)]
    assert recs[1].date.value == "2024-05-06"  # the act's date, carried


def test_a_stance_word_beside_an_act_word_is_no_act_of_its_own(entities):
    text = "The army denied shelling the village."
    recs = build_records(text, entities(text, [("ACTOR", "army")]), "2024-05-08")
    assert [(r.trigger.text, r.modality) for r in recs] == [("shelling", "negated")]


def test_competing_figures_from_two_sources_are_two_records(entities):
    # ANNOTATION.md section 3, "Competing figures": one record per source and figure
    text = ("Gunmen attacked Kuje on Sunday. Police put the toll at 34, "
            "while residents said more than 100 bodies had been found in the bush.")
    ents = entities(text, [("ACTOR", "Gunmen"), ("LOCATION", "Kuje"), ("DATE", "Sunday"), ("COUNT", "34"),
                           ("COUNT", "more than 100")])
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)[1:]
    assert [(r.attribution.text, [c.value for c in r.counts]) for r in recs] == [("Police", [34]),
                                                                               ("residents", [100])]
    assert {r.date.value for r in recs} == {"2024-05-05"}  # both carry the act's date


def test_one_source_with_two_figures_stays_one_record(entities):
    text = "Police said 34 people were killed, while 12 were wounded."
    ents = entities(text, [("COUNT", "34"), ("ACTOR", "people"), ("COUNT", "12")])
    assert len(build_records(text, ents, "2024-05-08", keep_bare=False)) == 1


def test_each_item_of_a_list_of_figures_is_a_record(entities):
    # ANNOTATION.md section 6, competing figures: a list line with its own count is its own record
    text = ("Rebels shelled Hama on Monday.\n\nFigures for the week\n"
            "- Deaths among soldiers (monitor estimates): 12 to 15\n"
            "- Deaths among rebel fighters (monitor estimates): 9 to 11\n"
            "- Civilian deaths: 4")
    ents = entities(text, [("ACTOR", "Rebels"), ("LOCATION", "Hama"), ("DATE", "Monday"), ("ACTOR", "soldiers"),
                           ("COUNT", "12 to 15"), ("ACTOR", "rebel fighters"), ("COUNT", "9 to 11"), ("COUNT", "4")])
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)[1:]
    assert [([c.value for c in r.counts], [a.text for a in r.actors]) for r in recs] == [
        ([12], ["soldiers"]), ([9], ["rebel fighters"]), ([4], [])]
    assert {r.sentence.text for r in recs} == {text[text.index("- Deaths"):]}  # one sentence, three records


@pytest.mark.parametrize("sentence, actor", [
    ("The regional council condemned the attack.", "regional council"),
    ("The defence ministry did not comment on the raids.", "defence ministry"),
    ("State radio made no mention of the strike.", "State radio"),
    ("The envoy described the killings as a crime.", "envoy"),
])
def test_a_reaction_to_an_act_told_before_is_left_out_on_request(entities, sentence, actor):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday"), ("ACTOR", actor)])
    assert len(build_records(text, ents, "2024-05-08")) == 2
    assert [r.trigger.text for r in build_records(text, ents, "2024-05-08", keep_bare=False)] == ["raided"]


@pytest.mark.parametrize("sentence", [
    # an act reported beside the reaction keeps its record
    "The council condemned the attack, which wounded a guard.",
    "The council condemned any attack and accused the militia of staging bombings.",
])
def test_a_reaction_beside_an_act_reported_keeps_the_record(entities, sentence):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday"), ("ACTOR", "council")])
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [r.sentence.text for r in recs[1:]] == [sentence]


@pytest.mark.parametrize("sentence, actor", [
    ("The governor remained silent throughout the fighting.", "governor"),
    ("The militia has stayed out of the offensive so far.", "militia"),
    ("Both capitals know how close they came to a direct clash.", "capitals"),
])
def test_an_act_only_named_is_left_out_on_request(entities, sentence, actor):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday"), ("ACTOR", actor)])
    assert len(build_records(text, ents, "2024-05-08")) == 2
    assert [r.trigger.text for r in build_records(text, ents, "2024-05-08", keep_bare=False)] == ["raided"]


@pytest.mark.parametrize("sentence, spans", [
    # a demand: the act word is what a call asks of others, nothing reported done
    ("The aid agency urged both sides to stop attacks on clinics in Kandar.",
     [("ACTOR", "aid agency"), ("LOCATION", "Kandar")]),
    ("We call on all armed groups to end the shelling of Orsa on Tuesday.",
     [("ACTOR", "armed groups"), ("LOCATION", "Orsa"), ("DATE", "Tuesday")]),
    ("The envoy called for a weekly pause in the fighting around Orsa.", [("ACTOR", "envoy"), ("LOCATION", "Orsa")]),
    ("The council appealed to the militia to stop shelling Orsa.",
     [("ACTOR", "council"), ("ACTOR", "militia"), ("LOCATION", "Orsa")]),
])
def test_an_act_only_demanded_is_left_out_on_request(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    assert len(build_records(text, ents, "2024-05-08")) == 2
    assert [r.trigger.text for r in build_records(text, ents, "2024-05-08", keep_bare=False)] == ["raided"]


@pytest.mark.parametrize("sentence, spans", [
    # an act reported before the call keeps its record; "appealed for" asks for help, not of the parties
    ("Gunmen shot two guards in Orsa, and the governor called for calm.",
     [("ACTOR", "Gunmen"), ("ACTOR", "guards"), ("LOCATION", "Orsa"), ("ACTOR", "governor")]),
    ("Hospitals in Orsa appealed for blood donors after the strike on Tuesday.",
     [("LOCATION", "Orsa"), ("DATE", "Tuesday")]),
    # a call that ends before the act word, even where a missing space joins two sentences
    ("The governor called for calm.Gunmen shot two guards in Orsa.",
     [("ACTOR", "governor"), ("ACTOR", "Gunmen"), ("ACTOR", "guards"), ("LOCATION", "Orsa")]),
])
def test_an_act_reported_beside_a_call_keeps_its_record(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [r.sentence.text for r in recs[1:]] == [sentence]


@pytest.mark.parametrize("sentence, spans", [
    # support to a side, alleged or denied, is no act of violence
    ("The ministry accused Norland of arming the militia, a charge Norland denies.",
     [("ACTOR", "ministry"), ("ACTOR", "Norland"), ("ACTOR", "militia"), ("ACTOR", "Norland")]),
    ("Norland has repeatedly denied supplying the militia with drones used in the attacks.",
     [("ACTOR", "Norland"), ("ACTOR", "militia"), ("WEAPON", "drones")]),
    ("Envoys accuse Norland of backing the militia with troops and weapons.",
     [("ACTOR", "Envoys"), ("ACTOR", "Norland"), ("ACTOR", "militia"), ("WEAPON", "weapons")]),
])
def test_support_alleged_or_denied_is_left_out_on_request(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    assert len(build_records(text, ents, "2024-05-08")) == 2
    assert [r.trigger.text for r in build_records(text, ents, "2024-05-08", keep_bare=False)] == ["raided"]


@pytest.mark.parametrize("sentence, spans", [
    # an act told before the allegation stays; sending troops to fight is taking part, not support
    ("The militia shelled Orsa, and officials accused Norland of arming it.",
     [("ACTOR", "militia"), ("LOCATION", "Orsa"), ("ACTOR", "officials"), ("ACTOR", "Norland")]),
    ("Officials accused Norland of sending troops to fight alongside the militia, which Norland denied.",
     [("ACTOR", "Officials"), ("ACTOR", "Norland"), ("ACTOR", "troops"), ("ACTOR", "militia"), ("ACTOR", "Norland")]),
])
def test_an_act_beside_alleged_support_keeps_its_record(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert recs[1].sentence.text == sentence


@pytest.mark.parametrize("sentence, spans", [
    # a state that has lasted since a year: background, not one of the story's acts
    ("The garrison at Orsa has been under siege since 2014.", [("ACTOR", "garrison"), ("LOCATION", "Orsa")]),
    ("The militia, which has fought the army since March 2016, said little.",
     [("ACTOR", "militia"), ("ACTOR", "army"), ("DATE", "March 2016")]),
    ("Rebels had encircled the northern districts of Orsa since early 2015.",
     [("ACTOR", "Rebels"), ("LOCATION", "Orsa"), ("DATE", "early 2015")]),
])
def test_a_state_lasting_since_a_year_is_left_out_on_request(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    assert len(build_records(text, ents, "2024-05-08")) == 2
    assert [r.trigger.text for r in build_records(text, ents, "2024-05-08", keep_bare=False)] == ["raided"]


@pytest.mark.parametrize("sentence, spans", [
    # an act set against a year, an act with a count, or one after the period keeps its record
    ("Jets struck Orsa for the first time since 2016 on Tuesday.", [("LOCATION", "Orsa"), ("DATE", "Tuesday")]),
    ("Mines have killed 300 people in Orsa since 2010.", [("COUNT", "300"), ("ACTOR", "people"), ("LOCATION", "Orsa")]),
    ("The militia has held Orsa since 2015, shelling its outskirts daily.", [("ACTOR", "militia"), ("LOCATION", "Orsa")]),
])
def test_an_act_beside_a_year_keeps_its_record(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [r.sentence.text for r in recs[1:]] == [sentence]


@pytest.mark.parametrize("sentence, spans", [
    # a source's silence about an act told before
    ("The ministry did not say who carried out the strike on Orsa.", [("ACTOR", "ministry"), ("LOCATION", "Orsa")]),
    ("The army has not released figures on casualties from the raids.", [("ACTOR", "army")]),
    ("The air force did not comment, in line with its practice of never confirming strikes.", [("ACTOR", "air force")]),
    ("State radio did not mention the strike on the convoy at all.", [("ACTOR", "State radio")]),
])
def test_an_act_left_unsaid_is_left_out_on_request(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    assert len(build_records(text, ents, "2024-05-08")) == 2
    assert [r.trigger.text for r in build_records(text, ents, "2024-05-08", keep_bare=False)] == ["raided"]


@pytest.mark.parametrize("sentence, spans", [
    # an act told before the silence, or after a "but", keeps its record
    ("The militia said it had shelled Orsa but did not say how many had died.", [("ACTOR", "militia"), ("LOCATION", "Orsa")]),
    ("The army did not comment, but residents said jets had bombed Orsa.", [("ACTOR", "army"), ("LOCATION", "Orsa")]),
])
def test_an_act_told_beside_a_silence_keeps_its_record(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [r.sentence.text for r in recs[1:]] == [sentence]


@pytest.mark.parametrize("sentence, spans", [
    # nothing of the act but that no one owned it
    ("No group has claimed the attack in Orsa.", [("LOCATION", "Orsa")]),
    ("No one claimed responsibility for the bombing, the worst in Orsa for years.", [("LOCATION", "Orsa")]),
])
def test_an_act_only_unclaimed_is_left_out_on_request(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    assert len(build_records(text, ents, "2024-05-08")) == 2
    assert [r.trigger.text for r in build_records(text, ents, "2024-05-08", keep_bare=False)] == ["raided"]


@pytest.mark.parametrize("sentence, spans", [
    # someone blamed, suspected or denying keeps the record
    ("No group has claimed the attack in Orsa, but officials blamed the militia.",
     [("LOCATION", "Orsa"), ("ACTOR", "officials"), ("ACTOR", "militia")]),
    ("No group claimed the attack in Orsa, and the militia denied any role.", [("LOCATION", "Orsa"), ("ACTOR", "militia")]),
])
def test_an_unclaimed_act_with_blame_or_denial_keeps_its_record(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert recs[1].sentence.text == sentence


@pytest.mark.parametrize("sentence, spans", [
    # the act told before as the subject of what it brought about
    ("The fighting has also closed the main road to Orsa.", [("LOCATION", "Orsa")]),
    ("Its capture opens a route for the militia towards Orsa.", [("ACTOR", "militia"), ("LOCATION", "Orsa")]),
    ("The raid did not change the balance of forces around Orsa.", [("LOCATION", "Orsa")]),
])
def test_an_act_told_only_by_its_consequence_is_left_out_on_request(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    assert len(build_records(text, ents, "2024-05-08")) == 2
    assert [r.trigger.text for r in build_records(text, ents, "2024-05-08", keep_bare=False)] == ["raided"]


@pytest.mark.parametrize("sentence, spans", [
    # an outcome of the act itself, or a DATE of its own, keeps the record
    ("The fighting displaced thousands of families from Orsa.", [("LOCATION", "Orsa")]),
    ("The shelling on Tuesday closed the road to Orsa.", [("DATE", "Tuesday"), ("LOCATION", "Orsa")]),
])
def test_an_act_with_its_own_outcome_or_date_keeps_its_record(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [r.sentence.text for r in recs[1:]] == [sentence]


@pytest.mark.parametrize("sentence, spans", [
    # a place, a DATE or a count says something of the act
    ("Fighting continued in Tal Sabha.", [("LOCATION", "Tal Sabha")]),
    ("Fighting with the militia resumed on Tuesday.", [("ACTOR", "militia"), ("DATE", "Tuesday")]),
    ("The offensive has cost 40 lives.", [("COUNT", "40")]),
])
def test_an_act_named_with_a_place_date_or_count_keeps_its_record(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [r.sentence.text for r in recs[1:]] == [sentence]


@pytest.mark.parametrize("text, second", [
    # a later act's verb with no subject of its own: the earlier act's doer did it too (section 9)
    ("The militia shelled Dorva on Monday, and had stormed the police post.", "stormed"),
    ("The militia overran Dorva, before storming the police post.", "storming"),
    ("The militia took Dorva, and then seized the police post.", "seized"),
])
def test_a_verb_without_its_own_subject_shares_the_earlier_doer(entities, text, second):
    ents = entities(text, [("ACTOR", "militia"), ("LOCATION", "Dorva")])
    recs = build_records(text, ents, "2024-05-08")
    assert [r.trigger.text for r in recs][1] == second
    assert [[(a.text, a.role) for a in r.actors] for r in recs] == [[("militia", "initiator")]] * 2


def test_a_later_act_with_a_subject_of_its_own_keeps_its_actors(entities):
    text = "The militia shelled Dorva, and the army stormed the police post."
    ents = entities(text, [("ACTOR", "militia"), ("LOCATION", "Dorva"), ("ACTOR", "army")])
    recs = build_records(text, ents, "2024-05-08")
    assert [[a.text for a in r.actors] for r in recs] == [["militia"], ["army"]]


def test_a_relative_clause_act_is_done_by_the_actor_it_is_about(entities):
    # section 9: the actor named right before "who <verb>" did that act, and keeps its place in the first
    text = "The army took Dorva on Monday, meeting little resistance from the militia, who withdrew north."
    ents = entities(text, [("ACTOR", "army"), ("LOCATION", "Dorva"), ("DATE", "Monday"), ("ACTOR", "militia")])
    recs = build_records(text, ents, "2024-05-08")
    assert [r.trigger.text for r in recs] == ["took", "withdrew"]
    assert [(a.text, a.role) for a in recs[1].actors] == [("militia", "initiator")]
    assert "militia" in [a.text for a in recs[0].actors]


def test_the_other_sides_denial_takes_the_acts_type_and_its_denier_did_it(entities):
    # section 9: a denial keeps its record with the denied act's type; the side that denies is its initiator
    text = "Rebels said a drone strike had destroyed the clinic in Dorva, a claim the ministry disputes."
    ents = entities(text, [("ACTOR", "Rebels"), ("WEAPON", "drone"), ("LOCATION", "Dorva"), ("ACTOR", "ministry")])
    act, denial = build_records(text, ents, "2024-05-08")
    assert denial.modality == "negated" and denial.trigger.text == "disputes"
    assert denial.sub_event_type == act.sub_event_type != "Other"
    assert [(a.text, a.role) for a in denial.actors] == [("ministry", "initiator")]


def test_a_stance_opening_the_sentence_before_and_said_is_an_act_of_its_own(entities):
    # section 9: blame keeps its record, with the type of the act told after "and said"; those blamed did it
    text = "The ministry blamed the Eastern Front and said its gunmen had also set fire to the market in Dorva."
    ents = entities(text, [("ACTOR", "ministry"), ("ACTOR", "Eastern Front"), ("ACTOR", "gunmen"),
                           ("LOCATION", "Dorva")])
    stance, act = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert (stance.trigger.text, act.trigger.text) == ("blamed", "set fire to")
    assert ("Eastern Front", "initiator") in [(a.text, a.role) for a in stance.actors]
    assert "Eastern Front" not in [a.text for a in act.actors]
    assert stance.sub_event_type == act.sub_event_type


def test_a_rejection_before_and_said_has_the_side_that_rejects_as_its_initiator(entities):
    text = "Rebel spokesman Ali Musa rejected the accusation and said the massacre was carried out by a local militia."
    ents = entities(text, [("ACTOR", "Rebel"), ("ACTOR", "local militia")])
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [(r.trigger.text, [(a.text, a.role) for a in r.actors]) for r in recs] == [
        ("rejected", [("Rebel", "initiator")]), ("massacre", [("local militia", "initiator")])]



@pytest.mark.parametrize("text, doer, opponent", [
    ("Army units seized the river town of Ruzo on Monday after three days of fighting with the Lake Brigade.",
     "Army units", "Lake Brigade"),
    ("The militia retook Ruzo on Monday after fierce battles with border guards.", "militia", "border guards"),
])
def test_the_side_fought_before_an_act_suffered_it(entities, text, doer, opponent):
    # ANNOTATION.md section 9, roles round 11: "took X after battles with Y": Y is the taking's target too
    ents = entities(text, [("ACTOR", doer), ("ACTOR", opponent), ("LOCATION", "Ruzo"), ("DATE", "Monday")])
    recs = build_records(text, ents, "2024-05-08", "d", keep_bare=False)
    assert [(a.text, a.role) for a in recs[0].actors] == [(doer, "initiator"), (opponent, "target")]
    # the fight keeps its own record with its own side
    assert [(a.text, a.role) for a in recs[1].actors] == [(opponent, "initiator")]


@pytest.mark.parametrize("text, doer, leavers", [
    ("Hill Brigade fighters entered Ruzo on Monday after the Lake Front and its allied units withdrew.",
     "Hill Brigade fighters", ("Lake Front", "allied units")),
    ("Border guards took control of Ruzo on Monday as militia fighters pulled back toward the hills.",
     "Border guards", ("militia fighters",)),
])
def test_the_side_that_withdrew_before_a_capture_lost_the_ground(entities, text, doer, leavers):
    # ANNOTATION.md section 9, roles3: "entered X after Y withdrew": Y is the capture's target too
    ents = entities(text, [("ACTOR", doer)] + [("ACTOR", a) for a in leavers]
                    + [("LOCATION", "Ruzo"), ("DATE", "Monday")])
    recs = build_records(text, ents, "2024-05-08", "d", keep_bare=False)
    assert [(a.text, a.role) for a in recs[0].actors] == [(doer, "initiator")] + [(a, "target") for a in leavers]
    # the withdrawal keeps its own record with its own side
    assert [(a.text, a.role) for a in recs[1].actors] == [(a, "initiator") for a in leavers]


def test_a_withdrawal_noun_after_an_act_gives_no_target(entities):
    text = "Hill Brigade fighters took Ruzo on Monday as the Lake Front began its withdrawal."
    ents = entities(text, [("ACTOR", "Hill Brigade fighters"), ("ACTOR", "Lake Front"), ("LOCATION", "Ruzo"),
                           ("DATE", "Monday")])
    recs = build_records(text, ents, "2024-05-08", "d", keep_bare=False)
    assert ("Lake Front", "target") not in [(a.text, a.role) for a in recs[0].actors]


def test_it_said_stands_for_a_party_that_opened_the_sentence_before(entities):
    # the claim's subject is no attribution, yet "It said" in the next sentence is the party speaking
    text = ("The rebel alliance, known locally as the Front, claimed the attack on the garrison in Kalo on Monday. "
            "It said the gunman had reached the gate before detonating his explosive vest.")
    ents = entities(text, [("ACTOR", "rebel alliance"), ("LOCATION", "Kalo"), ("DATE", "Monday"),
                           ("ACTOR", "gunman"), ("WEAPON", "explosive vest")])
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [(r.sentence.text.split()[0], r.modality) for r in recs] == [("The", "claimed"), ("It", "claimed")]


@pytest.mark.parametrize("text, spans, second", [
    ("Militia gunners shelled army posts near Tamo in response to drone strikes on Bela.",
     [("ACTOR", "Militia"), ("ACTOR", "army"), ("LOCATION", "Tamo"), ("LOCATION", "Bela")], "drone strikes"),
    ("The Northern Front fired rockets at a border post on Friday, saying it was avenging an air raid on Kefa.",
     [("ACTOR", "Northern Front"), ("DATE", "Friday"), ("LOCATION", "Kefa")], "air raid"),
])
def test_the_act_an_act_answered_is_an_act_of_its_own(entities, text, spans, second):
    # ANNOTATION.md section 9, round 13 (nouns3): "X did A in response to attacks on Y": two records
    recs = build_records(text, entities(text, spans), "2024-05-08", keep_bare=False)
    assert [r.trigger.text for r in recs][1:] == [second]
    assert len(recs) == 2
    # the answer's own sides stay with the answer
    assert not any(a.role == "initiator" for a in recs[1].actors)


def test_an_act_answered_that_was_told_before_opens_no_record(entities):
    text = "Militia gunners shelled army posts near Tamo in response to the strikes."
    ents = entities(text, [("ACTOR", "Militia"), ("ACTOR", "army"), ("LOCATION", "Tamo")])
    assert [r.trigger.text for r in build_records(text, ents, "2024-05-08", keep_bare=False)] == ["shelled"]


def test_the_answered_acts_date_does_not_date_the_next_sentence(entities):
    text = ("The Northern Front fired rockets at a border post on Friday, saying it was avenging an air raid on "
            "Kefa on May 1. Later the border guards shelled Dorva.")
    ents = entities(text, [("ACTOR", "Northern Front"), ("DATE", "Friday"), ("LOCATION", "Kefa"),
                           ("DATE", "May 1"), ("ACTOR", "border guards"), ("LOCATION", "Dorva")])
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [r.date.value for r in recs] == ["2024-05-03", "2024-05-01", "2024-05-03"]


@pytest.mark.parametrize("text, fight", [
    ("On Monday the Lake Brigade captured Ruzo after a three-day assault.", "assault"),
    ("On Sunday the militia shelled Tamo, and on Monday the Lake Brigade captured Ruzo after an hours-long "
     "battle near the mill.", "battle"),
])
def test_a_fight_told_by_how_long_it_lasted_before_the_act(entities, text, fight):
    # ANNOTATION.md section 9, round 13 (nouns3): a record of its own, led by the act's initiators, on its day
    ents = entities(text, [("ACTOR", "Lake Brigade"), ("LOCATION", "Ruzo"), ("DATE", "Monday")]
                    + ([("DATE", "Sunday"), ("ACTOR", "militia")] if "Sunday" in text else []))
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert recs[-1].trigger.text == fight
    assert [(a.text, a.role) for a in recs[-1].actors] == [("Lake Brigade", "initiator")]
    assert recs[-1].date.value == recs[-2].date.value == "2024-05-06"


@pytest.mark.parametrize("helped", ["with the help of", "backed by", "under the cover of"])
def test_the_strikes_that_helped_an_act_are_an_act_of_their_own(entities, helped):
    # ANNOTATION.md section 9, round 13 (nouns3): the strikes' side goes to the strikes, not to the entry
    text = f"Militia fighters entered the Tamo district on Monday {helped} allied air strikes by the Northern Command."
    ents = entities(text, [("ACTOR", "Militia fighters"), ("LOCATION", "Tamo"), ("DATE", "Monday"),
                           ("ACTOR", "Northern Command")])
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [(r.trigger.text, [(a.text, a.role) for a in r.actors]) for r in recs] == [
        ("entered", [("Militia fighters", "initiator")]), ("air strikes", [("Northern Command", "initiator")])]
    assert recs[1].sub_event_type == "Air/drone strike"


@pytest.mark.parametrize("text", [
    "The Lake Brigade said its fighters had destroyed two tanks in a counterattack near Tamo.",
    "The Lake Brigade launched a counterattack near Tamo on Monday, backed by mortars, rockets and allied air strikes.",
])
def test_a_counterattack_names_its_act(entities, text):
    # ANNOTATION.md section 9, round 13 (nouns3): one word, as "counter-offensive" and "counter-attack" were
    spans = [("ACTOR", "Lake Brigade"), ("LOCATION", "Tamo")] + ([("DATE", "Monday")] if "Monday" in text else [])
    recs = build_records(text, entities(text, spans), "2024-05-08", keep_bare=False)
    assert [(r.trigger.text, r.sub_event_type) for r in recs] == [("counterattack", "Armed clash")]


def test_the_act_answered_in_the_doers_own_words_is_claimed(entities):
    # ANNOTATION.md section 9, round 13 (nouns3): ", saying it was avenging X": the doer's account of X
    text = "The Northern Front fired rockets at a border post on Friday, saying it was avenging an air raid on Kefa."
    ents = entities(text, [("ACTOR", "Northern Front"), ("DATE", "Friday"), ("LOCATION", "Kefa")])
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [(r.trigger.text, r.modality) for r in recs] == [("fired", "asserted"), ("air raid", "claimed")]


@pytest.mark.parametrize("sentence, spans", [
    # ANNOTATION.md section 9 (prec3): a weapon or a side in a state told in the present, no act word
    ("The rebels in Orsa have armed drones of their own.", [("ACTOR", "rebels"), ("LOCATION", "Orsa"), ("WEAPON", "armed drones")]),
    ("Hostile drones are active over the Orsa road.", [("WEAPON", "Hostile drones"), ("LOCATION", "Orsa")]),
    ("The dam at Orsa is now within reach of the militia's mortars.",
     [("LOCATION", "Orsa"), ("ACTOR", "militia"), ("WEAPON", "mortars")]),
])
def test_a_present_state_without_an_act_word_is_left_out_on_request(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    assert len(build_records(text, ents, "2024-05-08")) == 2
    assert [r.trigger.text for r in build_records(text, ents, "2024-05-08", keep_bare=False)] == ["raided"]


@pytest.mark.parametrize("sentence, spans", [
    # told in the past or the perfect, or with a count: the record stays
    ("The rebels in Orsa used armed drones against the depot.", [("ACTOR", "rebels"), ("LOCATION", "Orsa"), ("WEAPON", "armed drones")]),
    ("The rebels have sent armed drones over Orsa.", [("ACTOR", "rebels"), ("LOCATION", "Orsa"), ("WEAPON", "armed drones")]),
])
def test_a_weapon_told_as_used_keeps_its_record(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [r.sentence.text for r in recs[1:]] == [sentence]


@pytest.mark.parametrize("sentence, spans", [
    # ANNOTATION.md section 9 (prec3): an act told before, named by "the / its" noun and judged in the present
    ("For the militia, the siege is a costly distraction from Orsa.", [("ACTOR", "militia"), ("LOCATION", "Orsa")]),
    ("Officials in Orsa frame the strikes as a warning to the militia.",
     [("ACTOR", "Officials"), ("LOCATION", "Orsa"), ("ACTOR", "militia")]),
])
def test_an_act_told_before_and_judged_now_is_left_out_on_request(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    assert len(build_records(text, ents, "2024-05-08")) == 2
    assert [r.trigger.text for r in build_records(text, ents, "2024-05-08", keep_bare=False)] == ["raided"]


@pytest.mark.parametrize("sentence, spans", [
    # told in the past, or a verb after its subject ("its fighters shell"), or a claim: the record stays
    ("For the militia, the siege of Orsa was a costly failure.", [("ACTOR", "militia"), ("LOCATION", "Orsa")]),
    ("The militia says its fighters shell the depot at Orsa every night.", [("ACTOR", "militia"), ("LOCATION", "Orsa")]),
    ("The militia claims responsibility for the attack on Orsa.", [("ACTOR", "militia"), ("LOCATION", "Orsa")]),
])
def test_an_act_named_in_the_present_with_a_verb_or_a_claim_keeps_its_record(entities, sentence, spans):
    text = "Militants raided Kandar on Monday. " + sentence
    ents = entities(text, [("ACTOR", "Militants"), ("LOCATION", "Kandar"), ("DATE", "Monday")] + spans)
    recs = build_records(text, ents, "2024-05-08", keep_bare=False)
    assert [r.sentence.text for r in recs[1:]] == [sentence]
