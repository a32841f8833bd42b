from __future__ import annotations

from datetime import date

import pytest

from conflict_ner.events.dates import FUTURE_TOLERANCE_DAYS, record_date, resolve_date
from conflict_ner.records import Entity, EventDate

PUB = date(2024, 5, 8)  # a Wednesday


@pytest.mark.parametrize("text, value, precision", [
    # weekdays: the most recent such day on or before publication
    ("Monday", "2024-05-06", "day"),
    ("on Sunday", "2024-05-05", "day"),
    ("Thursday", "2024-05-02", "day"),
    ("Wednesday", "2024-05-08", "day"),  # the publication day itself
    ("last Friday", "2024-05-03", "day"),
    ("last Wednesday", "2024-05-08", "day"),
    ("Wednesday night", "2024-05-08", "day"),
    ("early hours of Thursday", "2024-05-02", "day"),
    ("Tuesday morning", "2024-05-07", "day"),
    ("next Monday", "2024-05-13", "day"),
    # relative days
    ("yesterday", "2024-05-07", "day"),
    ("last night", "2024-05-07", "day"),
    ("overnight", "2024-05-07", "day"),
    ("today", "2024-05-08", "day"),
    ("this morning", "2024-05-08", "day"),
    ("two days ago", "2024-05-06", "day"),
    # weeks: value is the Monday
    ("earlier this week", "2024-05-06", "week"),
    ("this week", "2024-05-06", "week"),
    ("last week", "2024-04-29", "week"),
    ("over the weekend", "2024-04-29", "week"),
    ("3 weeks ago", "2024-04-15", "week"),
    # months and years: the first day
    ("last month", "2024-04-01", "month"),
    ("earlier this month", "2024-05-01", "month"),
    ("in March", "2024-03-01", "month"),
    ("mid-March", "2024-03-01", "month"),
    ("June", "2023-06-01", "month"),  # after the publication month: last year's
    ("March 2023", "2023-03-01", "month"),
    ("2019", "2019-01-01", "year"),
    ("late 2019", "2019-01-01", "year"),
    ("last year", "2023-01-01", "year"),
    ("this year", "2024-01-01", "year"),
    # month-day without a year: the most recent one, with a small future tolerance
    ("May 6", "2024-05-06", "day"),
    ("6 May", "2024-05-06", "day"),
    ("May 10", "2024-05-10", "day"),
    ("May 20", "2023-05-20", "day"),
    ("Nov. 27", "2023-11-27", "day"),
    ("May 6th", "2024-05-06", "day"),
    # full dates as given
    ("December 5, 2024", "2024-12-05", "day"),
    ("5 December 2024", "2024-12-05", "day"),
    ("Dec. 5, 2024", "2024-12-05", "day"),
    ("2024-12-05", "2024-12-05", "day"),
    ("Monday, May 6", "2024-05-06", "day"),
    # the last third of a month starts on its 21st, as the gold dates it; the first third on the 1st
    ("late April", "2024-04-21", "month"),
    ("the end of April", "2024-04-21", "month"),
    ("late last month", "2024-04-21", "month"),
    ("early April", "2024-04-01", "month"),
    ("late Monday", "2024-05-06", "day"),
])
def test_resolve_date(text, value, precision):
    assert resolve_date(text, PUB) == EventDate(value, precision, text)


def test_tolerance_boundary():
    # published 2024-05-08: May 15 is exactly the tolerance away, May 16 is past it
    assert FUTURE_TOLERANCE_DAYS == 7
    assert resolve_date("May 15", PUB).value == "2024-05-15"
    assert resolve_date("May 16", PUB).value == "2023-05-16"


def test_weekday_across_a_month_and_year_boundary():
    assert resolve_date("Friday", date(2024, 1, 1)).value == "2023-12-29"  # Jan 1 2024 is a Monday
    assert resolve_date("last week", date(2024, 1, 3)).value == "2023-12-25"
    assert resolve_date("last month", date(2024, 1, 15)).value == "2023-12-01"


@pytest.mark.parametrize("text", ["Monday", "yesterday", "last week", "earlier this week", "May 6", "in March",
                                  "last month", "two days ago"])
def test_relative_dates_without_publication_are_unknown(text):
    assert resolve_date(text, None) == EventDate(None, "unknown", text)


@pytest.mark.parametrize("text, value, precision", [
    ("December 5, 2024", "2024-12-05", "day"),
    ("March 2023", "2023-03-01", "month"),
    ("2019", "2019-01-01", "year"),
])
def test_absolute_dates_resolve_without_publication(text, value, precision):
    assert resolve_date(text, None) == EventDate(value, precision, text)


def test_unparseable_date_keeps_its_text():
    assert resolve_date("the start of the offensive", PUB) == EventDate(None, "unknown", "the start of the offensive")


def _date(text: str, start: int) -> Entity:
    return Entity("DATE", start, start + len(text), text, 0.9)


def test_record_date_prefers_the_first_date_of_the_sentence():
    got = record_date([_date("Tuesday", 40), _date("Monday", 10)], [_date("May 1", 0)], PUB)
    assert got == EventDate("2024-05-06", "day", "Monday")


def test_record_date_falls_back_to_the_first_earlier_date_of_the_document():
    got = record_date([], [_date("last week", 50), _date("Monday", 5)], PUB)
    assert got == EventDate("2024-05-06", "day", "Monday")


def test_record_date_skips_reporting_dates_while_an_act_date_exists():
    text = "Rebels attacked Hama on Monday. The army said on Tuesday that 12 died."
    monday = Entity("DATE", text.index("Monday"), text.index("Monday") + 6, "Monday", 0.9)
    tuesday = Entity("DATE", text.index("Tuesday"), text.index("Tuesday") + 7, "Tuesday", 0.9)
    assert record_date([tuesday], [monday], PUB, text).text == "Monday"
    assert record_date([tuesday], [], PUB, text).text == "Tuesday"  # nothing better
    assert record_date([tuesday], [monday], PUB).text == "Tuesday"  # without the text, all dates count


def test_record_date_falls_back_to_publication_with_unknown_precision():
    assert record_date([], [], PUB) == EventDate("2024-05-08", "unknown", None)
    assert record_date([], [], None) == EventDate(None, "unknown", None)


@pytest.mark.parametrize("text, surface, reporting", [
    ("The military on Thursday confirmed it had carried out a strike on Tuesday.", "Thursday", True),
    ("The military on Thursday confirmed it had carried out a strike on Tuesday.", "Tuesday", False),
    ("The group claimed responsibility on Thursday for the assault.", "Thursday", True),
    ("Rebels on Sunday, said the governor, shelled the town.", "Sunday", False),  # a parenthesis
    ("Rebels on Sunday shelled the town, officials said.", "Sunday", False),
    # a short "through / in / via ..." phrase between the verb and its DATE
    ("The group claimed the attack through its official news outlet on Saturday.", "Saturday", True),
    ("A spokesman said in a recorded message on Monday that the unit had withdrawn.", "Monday", True),
    ("Gunmen killed 12 people in the market town of Ketu on Monday.", "Monday", False),
])
def test_a_date_before_or_after_a_reporting_verb_dates_the_statement(text, surface, reporting):
    from conflict_ner.events.dates import is_reporting_date

    start = text.index(surface)
    assert is_reporting_date(text, Entity("DATE", start, start + len(surface), surface, 1.0)) is reporting


@pytest.mark.parametrize("text, published, value", [
    ("Christmas Eve", date(2019, 12, 26), "2019-12-24"),
    ("on Christmas Day", date(2020, 1, 5), "2019-12-25"),  # the latest one before publication
    ("New Year's Eve", date(2024, 1, 2), "2023-12-31"),
    ("Christmas Eve 2018", None, "2018-12-24"),
])
def test_fixed_date_holidays(text, published, value):
    assert resolve_date(text, published) == EventDate(value, "day", text)


@pytest.mark.parametrize("text, value", [
    ("the first week of June", "2023-06-01"),
    ("second week of March", "2023-03-08"),
    ("the third week of July", "2023-07-15"),
])
def test_a_numbered_week_of_a_month_is_that_week(text, value):
    d = resolve_date(text, date(2023, 8, 10))
    assert (d.value, d.precision) == (value, "week")


def test_this_week_told_on_a_monday_is_the_week_just_ended():
    monday = date(2024, 5, 13)
    assert resolve_date("this week", monday) == EventDate("2024-05-06", "week", "this week")
    # any other day keeps its own week, and "earlier this week" is left alone
    assert resolve_date("this week", date(2024, 5, 14)).value == "2024-05-13"
    assert resolve_date("earlier this week", monday).value == "2024-05-13"
