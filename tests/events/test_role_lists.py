"""Roles shared along a coordinated phrase (role_lists.share_roles)."""

from __future__ import annotations

import pytest

from conflict_ner.events.role_lists import in_casualty_list, is_object_of, share_roles
from tests.conftest import spans_of


@pytest.mark.parametrize("text, actors, placed, shared", [
    # forward: the role of the first of a phrase passes on, even over a role of its own
    ("Ahrar al-Sham, the Nusra Front and their allies launched an advance.",
     ("Ahrar al-Sham", "Nusra Front", "allies"), ["initiator", "unknown", "target"],
     ["initiator", "initiator", "initiator"]),
    # back: only an unknown takes the role of the placed one after it
    ("Government forces and their allies made an attempt to storm the village.",
     ("Government forces", "allies"), ["unknown", "initiator"], ["initiator", "initiator"]),
    ("Government forces and their allies made an attempt to storm the village.",
     ("Government forces", "allies"), ["target", "initiator"], ["target", "target"]),
    # not across a clause
    ("The army said rebels attacked.", ("army", "rebels"), ["unknown", "initiator"], ["unknown", "initiator"]),
    ("Rebels killed two soldiers, and the army responded.", ("Rebels", "army"), ["initiator", "unknown"],
     ["initiator", "unknown"]),
    # a short form in parentheses is the same actor
    ("Turkish forces have been fighting the Kurdistan Workers' Party (PKK) in the mountains.",
     ("Kurdistan Workers' Party", "PKK"), ["target", "unknown"], ["target", "target"]),
    # nothing placed, nothing shared
    ("HTS and the NLF met.", ("HTS", "NLF"), ["unknown", "unknown"], ["unknown", "unknown"]),
    ("", (), [], []),
])
def test_share_roles(text, actors, placed, shared):
    assert share_roles(text, spans_of(text, *actors), placed) == shared


@pytest.mark.parametrize("text, verb, actor", [
    ('The ministry said it had "neutralized" 58 "terrorists" near the border.', "neutralized", "terrorists"),
    ("Rebels \u201cattacked\u201d two \u201cmercenaries\u201d overnight.", "attacked", "mercenaries"),
])
def test_quotes_around_the_verb_or_its_object_do_not_hide_the_object(text, verb, actor):
    assert is_object_of(text, text.index(verb) + len(verb), text.index(actor))


@pytest.mark.parametrize("text, actor", [
    ("Fourteen people were wounded, five of them medical staff.", "medical staff"),
    ("The fighting has so far killed 182 people: 102 fighters from HTS and 19 civilians.", "fighters"),
    ("It put the number of combatants killed at 84, 47 of them government soldiers.", "government soldiers"),
])
def test_a_count_of_them_or_a_colon_opens_the_list_of_casualties(text, actor):
    assert in_casualty_list(text, text.index(actor), text.index(actor) + len(actor))


def test_a_unit_of_a_side_passes_its_role_to_the_side():
    text = "Raiders struck fighters of the River Brigade at dawn."
    spans = spans_of(text, "Raiders", "fighters", "River Brigade")
    assert share_roles(text, spans, ["initiator", "target", "initiator"]) == ["initiator", "target", "target"]
    # a side named as "other" (a backer, an affiliation) keeps its role
    assert share_roles(text, spans, ["initiator", "target", "other"]) == ["initiator", "target", "other"]
