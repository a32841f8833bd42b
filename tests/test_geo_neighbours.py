"""An unknown place is near the known place the text sets beside it: the seat of the district
it is said to be in, else a place of the same country listed with it (geo/neighbours.py)."""

from __future__ import annotations

import pytest

from conflict_ner.geo.gazetteer import Gazetteer
from conflict_ner.geo.neighbours import district_after, listed_beside
from conflict_ner.geo.resolve import Geocoder


def city(gid, name, lat, lon, cc, admin1, population):
    return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
            "admin1code": admin1, "population": population, "alternatenames": []}


@pytest.fixture(scope="module")
def geocoder():
    return Geocoder(Gazetteer.build(cities=[
        city(1, "Birnin Kebbi", 12.45, 4.20, "NG", "40", 125000),
        city(2, "Augie", 12.89, 4.60, "NG", "40", 20000),
        city(3, "Suran", 35.29, 36.75, "SY", "10", 20000),
        city(4, "Hama", 35.13, 36.76, "SY", "10", 700000),
        city(5, "Idlib", 35.93, 36.63, "SY", "12", 130000),
    ]))


def resolve(geocoder, text, *mentions):
    return geocoder.geocode(text, [(text.index(m), text.index(m) + len(m)) for m in mentions])


def test_a_village_said_to_be_in_a_district_is_near_its_seat(geocoder):
    text = "Gunmen killed 15 villagers in Mera, in Kebbi State's Augie district, on November 8."
    mera = resolve(geocoder, text, "Mera", "Kebbi State", "Augie district")[0]
    assert (mera.geo.geonames_id, mera.level, mera.geo.geo_precision, mera.how) == (2, "place", 2, "district")
    plain = "Gunmen killed 15 villagers in Mera, in Kebbi State, on November 8."
    mera = resolve(geocoder, plain, "Mera", "Kebbi State")[0]  # no district: the state, as before
    assert (mera.level, mera.geo.geo_precision) == ("admin1", 3)


def test_an_unknown_name_listed_with_a_known_place_is_near_it(geocoder):
    text = "Hama: troops recovered villages such as Suran and Khattab before Tuesday."
    got = resolve(geocoder, text, "Hama", "Suran", "Khattab")
    assert (got[2].geo.geonames_id, got[2].geo.geo_precision, got[2].how) == (3, 2, "listed")
    assert (got[1].geo.geonames_id, got[1].geo.geo_precision) == (3, 1)  # the known place keeps its own code
    alone = "Hama: troops recovered Suran. Khattab was shelled in Hama province."
    got = resolve(geocoder, alone, "Hama", "Suran", "Khattab", "Hama province")
    assert got[2].how != "listed"


def test_a_province_or_a_spot_near_a_place_is_not_moved_to_a_listed_neighbour(geocoder):
    # "around X and Y" makes both spots near somewhere (precision 2 of their own): not listed
    text = "Hama: shelling around Khattab and Suran, and in Idlib and Hama provinces."
    got = resolve(geocoder, text, "Hama", "Khattab", "Suran", "Idlib", "Hama provinces")
    assert got[1] is None or got[1].how != "listed"
    assert got[3].level == "admin1"


def test_district_after_and_listed_beside_read_only_the_words_between():
    text = "Mera, in the Augie district; Sabiid and Afgooye. Rufaa. Tamboul"
    spans = [(0, 4), (13, 18), (29, 35), (40, 47), (49, 54), (56, 63)]
    assert district_after(text, spans, 0) == 1  # the word after the span names the unit
    assert district_after(text, spans, 2) is None
    assert [listed_beside(text, spans, k) for k in range(6)] == [[], [], [3], [2], [], []]


def test_an_unknown_name_ending_in_a_town_of_its_province_is_that_towns_area(geocoder):
    text = "Fighters raided Unguwan Augie, in Kebbi State, on Monday."
    got = resolve(geocoder, text, "Unguwan Augie", "Kebbi State")[0]
    assert (got.geo.geonames_id, got.level, got.geo.geo_precision, got.how) == (2, "place", 2, "named")
    elsewhere = "Fighters raided Unguwan Hama, in Kebbi State, on Monday."  # a town of another province
    got = resolve(geocoder, elsewhere, "Unguwan Hama", "Kebbi State")[0]
    assert (got.level, got.geo.geo_precision) == ("admin1", 3)
