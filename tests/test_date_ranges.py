"""Date ranges a DATE span states (conflict_ner.events.date_ranges) and the builder's use."""

from __future__ import annotations

from datetime import date

import pytest

from conflict_ner.events import build_records
from conflict_ner.events.date_ranges import with_range
from conflict_ner.events.dates import resolve_date
from conflict_ner.records import Entity

PUB = date(2024, 5, 8)  # a Wednesday


@pytest.mark.parametrize("text,value,precision,start,end", [
    ("between May 3 and May 5", "2024-05-03", "week", "2024-05-03", "2024-05-05"),
    ("from May 3 to May 5", "2024-05-03", "week", "2024-05-03", "2024-05-05"),
    ("May 3-5", "2024-05-03", "week", "2024-05-03", "2024-05-05"),
    ("3\u20135 May", "2024-05-03", "week", "2024-05-03", "2024-05-05"),
    ("Monday and Tuesday", "2024-05-06", "week", "2024-05-06", "2024-05-07"),
    ("April 20 to May 5", "2024-04-20", "month", "2024-04-20", "2024-05-05"),
    # "late" and "the end of" a month take the 21st as their value (ANNOTATION.md section 6, round 5)
    ("late March", "2024-03-21", "month", "2024-03-21", "2024-03-31"),
    ("mid-January", "2024-01-01", "month", "2024-01-11", "2024-01-20"),
    ("early February", "2024-02-01", "month", "2024-02-01", "2024-02-10"),
    ("the end of February", "2024-02-21", "month", "2024-02-21", "2024-02-29"),
    ("late last week", "2024-04-29", "week", "2024-05-02", "2024-05-05"),
    ("early this week", "2024-05-06", "week", "2024-05-06", "2024-05-08"),
])
def test_a_span_s_range(text, value, precision, start, end):
    d = with_range(resolve_date(text, PUB), PUB)
    assert (d.value, d.precision, d.start, d.end, d.text, d.source) == (value, precision, start, end, text, "text")


@pytest.mark.parametrize("text", ["Monday", "late Friday", "early hours of Tuesday", "2024-05-03", "May 2024",
                                  "May 5 to May 3", "last week"])
def test_no_range_leaves_the_date_as_resolved(text):
    d = resolve_date(text, PUB)
    assert with_range(d, PUB) is d


def test_records_get_the_range_and_keep_it_when_carried():
    text = "Rebels shelled Hama between May 3 and May 5.\n\nThe shelling killed 4 people."
    ents = [Entity("LOCATION", 15, 19, "Hama", 0.9), Entity("DATE", 20, 43, "between May 3 and May 5", 0.9)]
    recs = build_records(text, ents, PUB, "d")
    assert [(r.date.start, r.date.end, r.date.source) for r in recs] == [
        ("2024-05-03", "2024-05-05", "text"), ("2024-05-03", "2024-05-05", "carried")]


@pytest.mark.parametrize("sentence, first, second, start, end, precision", [
    ("Jets bombed Tanai on Monday and Tuesday.", "Monday", "Tuesday", "2024-05-06", "2024-05-07", "week"),
    ("RSF fighters attacked the camp from Friday to Sunday.", "Friday", "Sunday", "2024-05-03", "2024-05-05", "week"),
    ("23 people died between Sunday and Monday.", "Sunday", "Monday", "2024-05-05", "2024-05-06", "week"),
    ("Jets struck the valley between April 20 and May 5.", "April 20", "May 5", "2024-04-20", "2024-05-05", "month"),
])
def test_two_joined_date_spans_state_one_range(sentence, first, second, start, end, precision):
    ents = [Entity("DATE", sentence.index(w), sentence.index(w) + len(w), w, 0.9) for w in (first, second)]
    (rec,) = build_records(sentence, ents, PUB, "d")
    assert (rec.date.value, rec.date.precision, rec.date.start, rec.date.end, rec.date.text) == (
        start, precision, start, end, first)


def test_date_spans_not_joined_as_a_range_stay_apart():
    s = "Jets bombed Tanai on Monday, and on Tuesday rebels shelled Hama."
    ents = [Entity("DATE", s.index(w), s.index(w) + len(w), w, 0.9) for w in ("Monday", "Tuesday")]
    assert (build_records(s, ents, PUB, "d")[0].date.precision) == "day"


@pytest.mark.parametrize("text, value", [
    ("8 a.m. on 15 June", "2023-06-15"),  # pub below: the hour is no day
    ("15 June at 10:30", "2023-06-15"),
    ("around 10 pm on 3 June", "2023-06-03"),
])
def test_a_time_of_day_in_a_span_is_not_its_day(text, value):
    assert resolve_date(text, date(2023, 6, 18)).value == value


def test_a_range_between_two_clock_times():
    d = with_range(resolve_date("8 a.m. on 15 June and 8 a.m. on 16 June", date(2015, 6, 18)), date(2015, 6, 18))
    assert (d.value, d.precision, d.start, d.end) == ("2015-06-15", "week", "2015-06-15", "2015-06-16")
