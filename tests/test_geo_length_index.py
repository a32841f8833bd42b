"""The length cut before fuzzy matching drops only names that could never reach the cutoff."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from conflict_ner.geo.length_index import LengthIndex, length_bounds
from conflict_ner.geo.phrases import _strip_tail


@pytest.mark.parametrize("cutoff", [50.0, 75.0, 80.0, 85.0, 88.0, 90.0, 92.5, 100.0])
def test_every_name_that_reaches_the_cutoff_is_within_the_bounds(cutoff):
    rnd = random.Random(7)
    for _ in range(3000):
        a = "".join(rnd.choice("abn ") for _ in range(rnd.randint(1, 14)))
        b = "".join(rnd.choice("abn ") for _ in range(rnd.randint(1, 14)))
        low, high = length_bounds(len(a), cutoff)
        if fuzz.ratio(a, b) >= cutoff:
            assert low <= len(b) <= high, (a, b, fuzz.ratio(a, b))


def test_bounds_are_tight_on_an_exact_edge():
    # 'abcdefgh' vs 'abcdef': 2*6/14 = 85.7; vs 'abcde': 2*5/13 = 76.9
    assert length_bounds(8, 80.0) == (6, 12)
    assert fuzz.ratio("abcdefgh", "abcdef") >= 80 > fuzz.ratio("abcdefgh", "abcde")


def test_extract_on_the_cut_list_gives_the_same_matches_in_the_same_order():
    rnd = random.Random(3)
    names = ["".join(rnd.choice("aeiklmnr") for _ in range(rnd.randint(3, 16))) for _ in range(4000)]
    index = LengthIndex(names)
    for query in names[:200]:
        low, high = length_bounds(len(query), 80.0)
        whole = [(m, s) for m, s, _ in process.extract(query, names, scorer=fuzz.ratio, score_cutoff=80.0, limit=3)]
        cut = [(m, s) for m, s, _ in process.extract(query, index.within(low, high), scorer=fuzz.ratio,
                                                      score_cutoff=80.0, limit=3)]
        assert cut == whole


def test_within_keeps_the_given_order():
    assert LengthIndex(["ccc", "a", "bb", "dd", "e"]).within(1, 2) == ["a", "bb", "dd", "e"]


@pytest.mark.parametrize("name, expected", [
    ("Mezzeh military airport", ("Mezzeh", "part")),
    ("Mezzeh airport", ("Mezzeh", "part")),
    ("southern Idlib countryside", ("southern Idlib", "region")),
    ("Idlib province", ("Idlib", "admin1")),
    ("Latakia city", ("Latakia", "place")),
    ("Base", ("Base", None)),
    ("Aleppo", ("Aleppo", None)),
])
def test_strip_tail_takes_the_longest_tail_word(name, expected):
    assert _strip_tail(name) == expected
