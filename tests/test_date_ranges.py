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
    ("late March", "2024-03-01", "month", "2024-03-21", "2024-03-31"),
    ("mid-January", "2024-01-01", "month", "2024-01-11", "2024-01-20"),
    ("early February", "2024-02-01", "month", "2024-02-01", "2024-02-10"),
    ("the end of February", "2024-02-01", "month", "2024-02-21", "2024-02-29"),
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
