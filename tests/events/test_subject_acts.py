"""An act told only by its subject's own verb (events/subject_acts.py)."""

from __future__ import annotations

from datetime import date

import pytest

from conflict_ner.events import build_records
from conflict_ner.events.sentence import Sentence
from conflict_ner.events.subject_acts import _in_subject, object_roles, subject_act
from conflict_ner.events.triggers import Trigger
from conflict_ner.records import ActorRef

TABLE = {"took": {"Government regains territory": 9}, "held": {"Abduction/forced disappearance": 4},
         "pushed": {"Armed clash": 3}, "reached": {"Armed clash": 2}}


def _spans(locate, text: str, pairs: list[tuple[str, str]]) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for e in locate(text, pairs):
        out.setdefault(e.label, []).append((e.start, e.end))
    return out


def _verb(locate, text: str, pairs: list[tuple[str, str]], table=TABLE) -> str | None:
    t = subject_act(Sentence(text), _spans(locate, text, pairs), table)
    return None if t is None else text[t.start:t.end]


@pytest.mark.parametrize("text, pairs, verb", [
    ("Government troops took Tal Othman on Monday.", [("ACTOR", "Government troops"), ("LOCATION", "Tal Othman")],
     "took"),
    ("The Taliban have now taken five provincial capitals, including Zaranj.",
     [("ACTOR", "Taliban"), ("LOCATION", "Zaranj")], None),  # 'taken' is not in this table
    ("ISIL fighters had reached the eastern edge of Kobani.", [("ACTOR", "ISIL fighters"), ("LOCATION", "Kobani")],
     "reached"),
    ("Army units pushed the rebels out of the town.", [("ACTOR", "Army units"), ("ACTOR", "rebels")], "pushed"),
])
def test_a_subject_that_did_something_to_a_place_or_actor_reports_an_act(entities, text, pairs, verb):
    assert _verb(entities, text, pairs) == verb


@pytest.mark.parametrize("text, pairs", [
    ("The army said it would retake Tal Othman.", [("ACTOR", "army"), ("LOCATION", "Tal Othman")]),  # reporting verb
    ("Rebels will take Tal Othman, a commander vowed.", [("ACTOR", "Rebels"), ("LOCATION", "Tal Othman")]),  # modal
    ("Government troops took part in talks in Geneva.", [("ACTOR", "Government troops")]),  # nothing acted on
    ("Officials visited Tal Othman on Monday.", [("ACTOR", "Officials"), ("LOCATION", "Tal Othman")]),  # no act verb
    ("Islamic State fighters still held the road to Deir ez-Zor.",
     [("ACTOR", "Islamic State fighters"), ("LOCATION", "Deir ez-Zor")]),  # a state, not an act
    ("Government troops took a break; later, they toured Hama.",
     [("ACTOR", "Government troops"), ("LOCATION", "Hama")]),  # the place is in another clause
])
def test_no_act_without_a_done_act_verb_and_its_object(entities, text, pairs):
    assert _verb(entities, text, pairs) is None


@pytest.mark.parametrize("text, pairs, verb", [
    ("The Observatory said Jabal Zayn al-Abidin fell at around midday.", [("LOCATION", "Jabal Zayn al-Abidin")],
     "fell"),
    ("Daily bulletin: Abu al-Duhur air base changes hands", [("LOCATION", "Abu al-Duhur air base")], "changes hands"),
    ("Kafr Nabl fell silent after the truce.", [("LOCATION", "Kafr Nabl")], None),
    ("Prices in Hama fell sharply.", [("LOCATION", "Hama")], None),
])
def test_a_place_that_fell_reports_an_act(entities, text, pairs, verb):
    assert _verb(entities, text, pairs) == verb


def test_the_direct_object_of_the_verb_is_its_target():
    text = "Government forces pushed opposition fighters out of the town."
    actors = [ActorRef("Government forces", 100, 117, "initiator"),
              ActorRef("opposition fighters", 125, 144, "unknown")]
    verb = Trigger(18, 24, "act", False, True)
    assert [a.role for a in object_roles(text, verb, actors, offset=100)] == ["initiator", "target"]


def test_the_builder_keeps_a_record_for_a_subject_act_with_its_verb_as_trigger(entities):
    text = "Fighting eased on Sunday.\n\nOn Monday, the Syrian army took Tal Othman from rebel factions."
    ents = entities(text, [("DATE", "Sunday"), ("DATE", "Monday"), ("ACTOR", "Syrian army"),
                         ("LOCATION", "Tal Othman"), ("ACTOR", "rebel factions")])
    recs = build_records(text, ents, date(2024, 5, 8), "d", keep_bare=False)
    took = [r for r in recs if r.trigger is not None and r.trigger.text == "took"]
    assert len(took) == 1
    assert [(a.text, a.role) for a in took[0].actors] == [("Syrian army", "initiator"), ("rebel factions", "target")]
    assert took[0].date.value == "2024-05-06"


def test_no_record_without_an_actor_verb_object(entities):
    text = "Officials met in Geneva on Monday."
    ents = entities(text, [("ACTOR", "Officials"), ("LOCATION", "Geneva"), ("DATE", "Monday")])
    assert build_records(text, ents, date(2024, 5, 8), "d") == []


@pytest.mark.parametrize("text, verb", [
    ("ISIL took the city on 16 June 2014.", "took"),          # a place named by a common noun
    ("ISIL fighters took the last two villages overnight.", "took"),
    ("ISIL took the decision to leave.", None),                # no place noun: no act
    ("ISIL took part in the talks.", None),
])
def test_a_place_noun_after_the_verb_is_what_it_acted_on(entities, text, verb):
    assert _verb(entities, text, [("ACTOR", text.split(" took")[0])]) == verb


def test_a_time_adverb_between_subject_and_verb_keeps_the_act(entities):
    text = "Government troops later took Tal Othman."
    assert _verb(entities, text, [("ACTOR", "Government troops"), ("LOCATION", "Tal Othman")]) == "took"



@pytest.mark.parametrize("text, actors, expected", [
    # every member of the subject did the act, not only the one right before the verb
    ("Border Guard units, local police and members of the Kivu Front reached Ruzo on Monday.",
     ("Border Guard", "local police", "Kivu Front"), ["initiator", "initiator", "initiator"]),
])
def test_the_whole_subject_of_a_subject_act_did_it(entities, text, actors, expected):
    # ANNOTATION.md section 9, roles round 11
    ents = entities(text, [("ACTOR", a) for a in actors] + [("LOCATION", "Ruzo"), ("DATE", "Monday")])
    recs = build_records(text, ents, date(2024, 5, 8), "d", keep_bare=False)
    assert len(recs) == 1
    assert [(a.text, a.role) for a in recs[0].actors] == list(zip(actors, expected))


@pytest.mark.parametrize("gap, inside", [
    (" units, local police and members of the ", True),
    (" of the ", True),
    # an aside between commas, a headline's second item, a clause break
    (" protection in May, ", False),
    (" in the main square, prisoners ", False),
    (" said the ", False),
])
def test_what_keeps_an_actor_in_the_subject(gap, inside):
    assert _in_subject(gap) is inside
