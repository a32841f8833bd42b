"""Which DATE dates a record: act dates, reporting dates, and dates that open a period."""

from __future__ import annotations

import pytest

from conflict_ner.events import build_records
from conflict_ner.events.date_choice import opens_period
from tests.events.conftest import locate

PUB = "2024-03-12"  # a Tuesday


@pytest.mark.parametrize("text, surface, expected", [
    ("At least 40 people have been killed since Saturday.", "Saturday", True),
    ("1,100 civilians were killed since the offensive began on 18 February.", "18 February", True),
    ("185 people died since fighting broke out on Saturday.", "Saturday", True),
    ("Jets struck Aleppo for the first time since 2016 on Friday night.", "2016", True),
    ("Jets struck Aleppo for the first time since 2016 on Friday night.", "Friday night", False),
    ("Troops made a fourth attempt since May to storm Kabani.", "May", True),
    ("Rebels shelled Hama on Monday.", "Monday", False),
    # a clause break ends the look-back: the later DATE dates its own act
    ("Since the truce, the town was calm; on Monday jets struck it.", "Monday", False),
])
def test_a_date_after_since_opens_a_period(text, surface, expected):
    (e,) = locate(text, [("DATE", surface)])
    assert opens_period(text, e) is expected


def test_a_period_start_neither_dates_the_record_nor_carries():
    text = ("Jets struck Aleppo on Monday. The monitor said 44 soldiers had been killed since Saturday. "
            "Troops shelled Hama.")
    recs = build_records(text, locate(text, [("DATE", "Monday"), ("COUNT", "44"), ("DATE", "Saturday")]), PUB)
    assert [(r.date.value, r.date.precision) for r in recs] == [
        ("2024-03-11", "day"), (PUB, "unknown"), ("2024-03-11", "day")]
    assert recs[1].date.source == "publication"


def test_an_act_date_beside_a_period_start_still_dates_the_act():
    text = "Russian jets struck Aleppo for the first time since 2016 on Friday night."
    (rec,) = build_records(text, locate(text, [("DATE", "2016"), ("DATE", "Friday night")]), PUB)
    assert (rec.date.value, rec.date.text) == ("2024-03-08", "Friday night")


def test_a_statement_made_before_the_story_s_day_dates_its_act():
    # the ministry spoke on Sunday: its strike cannot be Tuesday's; the statement date dates it
    # and carries nowhere (the next sentence is Tuesday's again)
    text = ("Turkish drones struck Kobani on Tuesday. The Defense Ministry said on Sunday that its aircraft "
            "had destroyed 89 targets. Shells hit Derik.")
    recs = build_records(text, locate(text, [("DATE", "Tuesday"), ("DATE", "Sunday")]), PUB)
    assert [(r.date.value, r.date.source) for r in recs] == [
        ("2024-03-12", "text"), ("2024-03-10", "text"), ("2024-03-12", "carried")]


def test_a_statement_made_after_the_story_s_day_keeps_the_carried_date():
    text = "Jets struck Aleppo on Sunday. The army said on Tuesday that its aircraft had destroyed 9 depots."
    recs = build_records(text, locate(text, [("DATE", "Sunday"), ("DATE", "Tuesday")]), PUB)
    assert [r.date.value for r in recs] == ["2024-03-10", "2024-03-10"]


def test_a_bare_year_beside_a_finer_date_is_background():
    text = ("In Nawa, gunmen shot dead a former commander who had joined the settlement in 2018, "
            "as he left a mosque on Saturday evening.")
    (rec,) = build_records(text, locate(text, [("DATE", "2018"), ("DATE", "Saturday evening")]), PUB)
    assert (rec.date.value, rec.date.precision, rec.date.text) == ("2024-03-09", "day", "Saturday evening")
    # a year alone still dates its act
    text = "Gunmen shot dead a commander in 2018."
    (rec,) = build_records(text, locate(text, [("DATE", "2018")]), PUB)
    assert (rec.date.value, rec.date.precision) == ("2018-01-01", "year")


def test_a_year_that_names_a_thing_does_not_date_the_act():
    text = ("HTS fighters captured Hama on Monday. The leadership called the capture revenge "
            "for the 1982 massacre in the city.")
    recs = build_records(text, locate(text, [("DATE", "Monday"), ("DATE", "1982")]), PUB)
    assert [r.date.value for r in recs] == ["2024-03-11", "2024-03-11"]
    # a year of its own still dates its act
    text = "Rebels captured Hama in 2012."
    (rec,) = build_records(text, locate(text, [("DATE", "2012")]), PUB)
    assert rec.date.value == "2012-01-01"


def test_a_main_clause_date_before_an_after_clause_with_its_own_date_dates_the_sequel():
    # the search is Friday's; the bombing of the "after" clause is Thursday's, and the story's
    text = ("Families searched the morgues of Kabul on Friday for relatives missing after a bomber "
            "struck the crowds at the airport on Thursday. Thirteen soldiers were killed.")
    recs = build_records(text, locate(text, [("DATE", "Friday"), ("LOCATION", "airport"), ("DATE", "Thursday"),
                                             ("COUNT", "Thirteen")]), PUB)
    assert [(r.date.value, r.date.source) for r in recs] == [("2024-03-07", "text"), ("2024-03-07", "carried")]


def test_days_after_puts_the_act_before_the_main_clause_s_date():
    # "two days after": the bombing was not Monday's; Monday still dates the story's sequel
    text = ("Silence hung over Gwoza on Monday, two days after suicide bombers struck a wedding in the town. "
            "Soldiers shelled Bama.")
    recs = build_records(text, locate(text, [("LOCATION", "Gwoza"), ("DATE", "Monday"), ("LOCATION", "Bama")]), PUB)
    assert [(r.date.value, r.date.precision) for r in recs] == [(PUB, "unknown"), ("2024-03-11", "day")]


def test_a_same_day_sequel_before_after_still_dates_the_act():
    # no DATE of its own and no span of days: the fighting's Tuesday dates the killing, as the gold does
    text = "The fighting erupted in Sirte on Tuesday after gunmen shot dead two commanders."
    recs = build_records(text, locate(text, [("LOCATION", "Sirte"), ("DATE", "Tuesday"), ("COUNT", "two")]), PUB)
    assert {r.date.value for r in recs} == {"2024-03-12"}


def test_a_threatened_act_without_its_own_date_takes_the_publication_date():
    # a threat is not an act of the story's day: no carried Monday, and Monday still carries on
    text = ("Jets struck Hama on Monday. The army said it reserved the right to strike the rebels in Idlib again. "
            "Shells hit Kafr Nabl.")
    recs = build_records(text, locate(text, [("LOCATION", "Hama"), ("DATE", "Monday"), ("ACTOR", "The army"),
                                             ("ACTOR", "the rebels"), ("LOCATION", "Idlib"),
                                             ("LOCATION", "Kafr Nabl")]), PUB)
    assert [(r.modality, r.date.value, r.date.precision) for r in recs] == [
        ("asserted", "2024-03-11", "day"), ("threatened", PUB, "unknown"), ("asserted", "2024-03-11", "day")]



@pytest.mark.parametrize("text, dates, word, expected", [
    # "a day after": the day before the main clause's DATE (a statement's included)
    ("Crowds gathered at the clinic on Monday, a day after jets bombed it.", ["Monday"], "bombed",
     ("2024-03-10", "day")),
    ("The governor said on Monday that order was back, a day after police stormed the camp.", ["Monday"],
     "stormed", ("2024-03-10", "day")),
    # "a week after": a week before, with precision week
    ("Troops retook the ridge on Friday, a week after rebels crossed the river and seized it.", ["Friday"],
     "seized", ("2024-03-01", "week")),
    # "after a week of": the fighting runs from a week before
    ("The town fell to rebels on Monday after a week of street fighting.", ["Monday"], "fighting",
     ("2024-03-04", "week")),
    # a longer span: the publication date
    ("The mosque reopened on Monday, two days after gunmen attacked worshippers there.", ["Monday"],
     "attacked", (PUB, "unknown")),
    # the act's clause has a DATE of its own, no number is told, or the span is a DATE
    ("Rebels took the hill on Monday, a day after troops shelled the village on Friday.", ["Monday", "Friday"],
     "shelled", ("2024-03-08", "day")),
    ("The town fell on Monday after days of fighting.", ["Monday"], "fighting", ("2024-03-11", "day")),
    ("A truce reached last week after talks ended the fighting.", ["last week"], "fighting",
     ("2024-03-04", "week")),
])
def test_an_act_told_a_span_before_its_main_clause(text, dates, word, expected):
    recs = build_records(text, locate(text, [("DATE", d) for d in dates]), PUB)
    (rec,) = [r for r in recs if r.trigger is not None and r.trigger.text == word]
    assert (rec.date.value, rec.date.precision) == expected


def test_a_week_after_takes_the_carried_day_and_does_not_move_it():
    text = ("Jets struck the market on Friday. The strike came one week after the army began withdrawing "
            "from its post. Shells hit the town.")
    recs = build_records(text, locate(text, [("DATE", "Friday")]), PUB)
    assert [(r.trigger.text, r.date.value, r.date.precision) for r in recs] == [
        ("struck", "2024-03-08", "day"), ("strike", "2024-03-08", "day"),
        ("withdrawing", "2024-03-01", "week"), ("Shells", "2024-03-08", "day")]


def test_a_period_start_dates_the_act_of_its_when_clause():
    # "since May, when ...": the "when" clause tells the act the period began with
    text = ("It was the second school raid in the province since May, when gunmen abducted 90 pupils in Kumba. "
            "The insurgents have struck 14 towns since January.")
    recs = build_records(text, locate(text, [("DATE", "May"), ("COUNT", "90"), ("LOCATION", "Kumba"),
                                             ("COUNT", "14"), ("DATE", "January")]), PUB)
    (freed,) = [r for r in recs if r.trigger is not None and r.trigger.text == "abducted"]
    assert (freed.date.value, freed.date.precision, freed.date.source) == ("2023-05-01", "month", "text")
    # a period start with no "when" clause still gives the publication date
    (struck,) = [r for r in recs if r.trigger is not None and r.trigger.text == "struck"]
    assert (struck.date.value, struck.date.precision) == (PUB, "unknown")


@pytest.mark.parametrize("text, word, expected", [
    # the main clause's DATE, one day away
    ("Relatives on Monday buried nine fishermen killed by a drone the day before.", "killed",
     ("2024-03-10", "day")),
    ("Elders met the governor on Sunday, and gunmen attacked their convoy the next day near Tora.", "attacked",
     ("2024-03-11", "day")),
])
def test_a_day_before_or_after_the_main_clause_s_date(text, word, expected):
    dates = [d for d in ("Monday", "Sunday") if d in text]
    recs = build_records(text, locate(text, [("DATE", d) for d in dates]), PUB)
    (rec,) = [r for r in recs if r.trigger is not None and r.trigger.text == word]
    assert (rec.date.value, rec.date.precision) == expected


def test_a_carried_month_gives_the_publication_date():
    # "in March" dates its own sentence; a later sentence with no DATE of its own is no act of a day
    text = "Rebels shelled the garrison in February. Troops later pulled out of the valley."
    recs = build_records(text, locate(text, [("DATE", "February"), ("LOCATION", "the valley")]), PUB)
    assert [(r.date.value, r.date.precision, r.date.source) for r in recs] == [
        ("2024-02-01", "month", "text"), (PUB, "unknown", "publication")]


def test_a_statement_s_date_before_anything_dated_dates_the_statement_s_acts():
    text = ("The army command issued the following statement on Monday evening:\n\n"
            "\"Our units cleared the village of Tel Qasr and destroyed the terrorists' positions.\"")
    recs = build_records(text, locate(text, [("DATE", "Monday evening"), ("LOCATION", "Tel Qasr")]), PUB)
    assert [(r.date.value, r.date.precision, r.date.source) for r in recs] == [("2024-03-11", "day", "carried")]
    # once a story is dated, a statement's date still carries nowhere
    text = ("Jets struck Hama on Sunday. The ministry issued a statement on Monday evening. "
            "Troops shelled the village of Tel Qasr.")
    recs = build_records(text, locate(text, [("DATE", "Sunday"), ("DATE", "Monday evening"),
                                             ("LOCATION", "Tel Qasr")]), PUB)
    assert [r.date.value for r in recs] == ["2024-03-10", "2024-03-10"]


def test_a_chronology_s_entry_opening_with_its_date_dates_what_follows():
    text = ("Incidents, by date\n\n"
            "4 March: Kitoro and Bulongo (Rutshuru territory). Gunmen killed at least 12 farmers in their fields.\n\n"
            "7 March: Nyanzale road. Militiamen ambushed a lorry near Kikuku.")
    recs = build_records(text, locate(text, [("DATE", "4 March"), ("LOCATION", "Kitoro"), ("LOCATION", "Bulongo"),
                                             ("COUNT", "12"), ("DATE", "7 March"), ("LOCATION", "Kikuku")]), PUB)
    assert [(r.date.value, r.date.source) for r in recs] == [("2024-03-04", "carried"), ("2024-03-07", "carried")]


def test_a_date_that_bounds_an_account_does_not_move_the_story():
    # "had died by Wednesday" dates its own record, but the story's day stays the attack's
    text = ("Jets struck the market in Kafr Tal on Sunday. Doctors said 31 people had died by Monday. "
            "Rescue teams said a second strike hit the clinic.")
    recs = build_records(text, locate(text, [("DATE", "Sunday"), ("COUNT", "31"), ("DATE", "Monday")]), PUB)
    assert [(r.date.value, r.date.source) for r in recs] == [
        ("2024-03-10", "text"), ("2024-03-11", "text"), ("2024-03-10", "carried")]
    # a sentence opening with "By" moves the story on
    text = "Jets struck the market in Kafr Tal on Sunday. By Monday, rebels had retaken the village. Shells hit it."
    recs = build_records(text, locate(text, [("DATE", "Sunday"), ("DATE", "Monday")]), PUB)
    assert [r.date.value for r in recs] == ["2024-03-10", "2024-03-11", "2024-03-11"]


def test_this_month_as_the_frame_of_a_rank_or_tally_dates_nothing():
    # "the third raid ... this month" frames a rank: the act keeps its own Sunday
    text = "Gunmen looted the grain store in Mabanda on Sunday, the third raid on the town this month."
    recs = build_records(text, locate(text, [("DATE", "Sunday"), ("LOCATION", "Mabanda"),
                                             ("DATE", "this month")]), PUB)
    assert [(r.date.value, r.date.precision) for r in recs] == [("2024-03-10", "day")]
    # "the biggest ... this month" with no DATE of its own: the story's day carries
    text = ("Jets struck the depot in Kafr Tal on Sunday. "
            "Later, shells hit the market in the biggest barrage of this month.")
    recs = build_records(text, locate(text, [("DATE", "Sunday"), ("DATE", "this month")]), PUB)
    assert [(r.date.value, r.date.precision) for r in recs] == [("2024-03-10", "day"), ("2024-03-10", "day")]
    # a plain "this month" still dates its act
    text = "Militiamen burned three villages near Mabanda this month."
    recs = build_records(text, locate(text, [("LOCATION", "Mabanda"), ("DATE", "this month")]), PUB)
    assert [(r.date.value, r.date.precision) for r in recs] == [("2024-03-01", "month")]


def test_a_date_that_counts_from_the_main_clause_s_day():
    # "a week earlier" counts from the statement's Monday, not from publication (it had no value)
    text = "The governor said on Monday that rebels had seized Kafr Tal a week earlier."
    recs = build_records(text, locate(text, [("DATE", "Monday"), ("LOCATION", "Kafr Tal"),
                                             ("DATE", "a week earlier")]), PUB)
    assert [(r.date.value, r.date.precision) for r in recs] == [("2024-03-04", "week")]
    # "two days later" counts from the carried day
    text = "Jets struck the depot in Kafr Tal on Sunday. Rebels shelled the airport two days later."
    recs = build_records(text, locate(text, [("DATE", "Sunday"), ("LOCATION", "Kafr Tal"),
                                             ("DATE", "two days later")]), PUB)
    assert [(r.date.value, r.date.precision) for r in recs] == [("2024-03-10", "day"), ("2024-03-12", "day")]


def test_a_bare_year_as_the_frame_of_a_rank_dates_nothing():
    text = "Militants killed 12 herders near Mabanda, the deadliest raid the monitors counted in 2023."
    recs = build_records(text, locate(text, [("COUNT", "12"), ("LOCATION", "Mabanda"), ("DATE", "2023")]), PUB)
    assert [(r.date.value, r.date.precision) for r in recs] == [("2024-03-12", "unknown")]
    # a series is no rank: the year dates the act it names
    text = "Rebels captured a string of villages near Mabanda in 2023."
    recs = build_records(text, locate(text, [("LOCATION", "Mabanda"), ("DATE", "2023")]), PUB)
    assert [(r.date.value, r.date.precision) for r in recs] == [("2023-01-01", "year")]


def test_a_past_year_in_a_relative_clause_is_background():
    # "which split from the front in 2019" dates the split, not the raid: the carried Sunday does
    text = ("Jets struck the depot in Kafr Tal on Sunday. "
            "Fighters of the brigade, which split from the front in 2019, shelled the airport.")
    recs = build_records(text, locate(text, [("DATE", "Sunday"), ("LOCATION", "Kafr Tal"), ("DATE", "2019")]), PUB)
    assert [(r.date.value, r.date.precision) for r in recs] == [("2024-03-10", "day"), ("2024-03-10", "day")]
    # the year of the act itself, outside a relative clause, still dates it
    text = "Jets struck the depot in Kafr Tal on Sunday. Rebels shelled the airport in 2019."
    recs = build_records(text, locate(text, [("DATE", "Sunday"), ("LOCATION", "Kafr Tal"), ("DATE", "2019")]), PUB)
    assert [(r.date.value, r.date.precision) for r in recs][-1] == ("2019-01-01", "year")


def test_a_weekday_naming_the_publication_day_inside_a_week_is_last_week_s():
    monday = "2024-03-25"
    # "the week that began on Monday", told on a Monday: the week just ended
    text = "Monitors counted 9 shelling attacks on Kafr Tal during the week that began on Monday."
    recs = build_records(text, locate(text, [("COUNT", "9"), ("LOCATION", "Kafr Tal"), ("DATE", "Monday")]), monday)
    assert [(r.date.value, r.date.precision, r.date.end) for r in recs] == [("2024-03-18", "week", "2024-03-24")]
    # "The week opened with ... on Monday": that week's Monday, a day
    text = "The week opened with a drone strike on a bus near Kafr Tal on Monday morning."
    recs = build_records(text, locate(text, [("LOCATION", "Kafr Tal"), ("DATE", "Monday morning")]), monday)
    assert [(r.date.value, r.date.precision) for r in recs] == [("2024-03-18", "day")]
    # with no week told, Monday is the publication day itself
    text = "A drone struck a bus near Kafr Tal on Monday morning."
    recs = build_records(text, locate(text, [("LOCATION", "Kafr Tal"), ("DATE", "Monday morning")]), monday)
    assert [(r.date.value, r.date.precision) for r in recs] == [("2024-03-25", "day")]
