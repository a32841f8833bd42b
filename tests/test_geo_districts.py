"""The districts table: units with a name of their own (Ethiopia's zones) at their seats."""

from __future__ import annotations

import pytest

from conflict_ner.geo.districts import DISTRICTS, district_entries
from conflict_ner.geo.fold import fold
from conflict_ner.geo.gazetteer import Gazetteer
from conflict_ner.geo.resolve import Geocoder


def city(gid, name, lat, lon, cc, admin1, population, *alternates):
    return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
            "admin1code": admin1, "population": population, "alternatenames": list(alternates)}


@pytest.fixture(scope="module")
def gazetteer():
    base = Gazetteer.build(cities=[
        city(11, "Nazrēt", 8.55, 39.267, "ET", "51", 450000, "Adama"),
        city(12, "Hāgere Hiywet", 8.983, 37.85, "ET", "51", 99000, "Ambo"),
        city(13, "Jijiga", 9.35, 42.8, "ET", "52", 480000),
        city(14, "Ambo", 14.0, 38.0, "ET", "53", 900),  # a namesake village in another region
        city(15, "Addis Ababa", 9.025, 38.747, "ET", "44", 3000000),
    ])
    return base.with_supplement(district_entries(base))


def test_a_zone_is_a_district_at_its_seat(gazetteer):
    text = "Gunmen abducted bus passengers in West Shewa on Monday, 100 km from Addis Ababa."
    start = text.index("West Shewa")
    zone = Geocoder(gazetteer).geocode(text, [(start, start + 10)])[0]
    assert zone is not None
    assert (zone.level, zone.geo.geo_precision, zone.geo.latitude, zone.geo.longitude) == ("admin2", 2, 8.983, 37.85)
    text = "Clashes were reported in the East Shewa Zone."
    start = text.index("East Shewa Zone")
    zone = Geocoder(gazetteer).geocode(text, [(start, start + 15)])[0]
    assert (zone.level, zone.geo.latitude) == ("admin2", 8.55)


def test_a_seats_own_name_stays_the_town(gazetteer):
    text = "Protests spread in Jijiga."
    start = text.index("Jijiga")
    town = Geocoder(gazetteer).geocode(text, [(start, start + 6)])[0]
    assert (town.level, town.geo.geonames_id) == ("place", 13)


def test_no_unit_is_named_after_its_seat_and_a_missing_seat_leaves_it_out(gazetteer):
    base = Gazetteer.build(cities=[city(12, "Hāgere Hiywet", 8.983, 37.85, "ET", "51", 99000, "Ambo"),
                                   city(11, "Nazrēt", 8.55, 39.267, "ET", "51", 450000, "Adama")])
    entries = district_entries(base)
    assert {e.name for e in entries} == {"West Shewa", "East Shewa"}  # other seats are not in this gazetteer
    seats = {name: seat for units in DISTRICTS.values() for name, seat, _ in units}
    for entry in district_entries(gazetteer):
        assert fold(seats[entry.name]) not in {fold(n) for n in entry.names}
