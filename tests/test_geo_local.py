"""An unknown place in a round-up falls back to the province its own sentence or line is about
(geo/local.py, resolve.local_counts / _local_province), not to nothing."""

from __future__ import annotations

import pytest

from conflict_ner.geo.gazetteer import Gazetteer
from conflict_ner.geo.local import dominant, enclosing, sentence_bounds
from conflict_ner.geo.resolve import Geocoder


def city(gid, name, lat, lon, cc, admin1, population, *alternates):
    return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
            "admin1code": admin1, "population": population, "alternatenames": list(alternates)}


CITIES = [city(3, "Idlib", 35.930, 36.634, "SY", "12", 128840, "Idleb"),
          city(4, "Ma‘arrat an Nu‘mān", 35.643, 36.670, "SY", "12", 58008, "Maarat al-Numan"),
          city(7, "Aleppo", 36.202, 37.159, "SY", "09", 2098210),
          city(8, "Al Bāb", 36.370, 37.517, "SY", "09", 130745, "al-Bab"),
          city(9, "Hama", 35.131, 36.757, "SY", "10", 696863),
          city(11, "Hamrin", 37.0, 40.0, "TR", "80", 2000, "Tal Hamra")]  # an alternate name abroad


@pytest.fixture(scope="module")
def geocoder():
    return Geocoder(Gazetteer.build(cities=CITIES))


def resolve(geocoder, text, *mentions):
    spans = sorted((text.index(m), text.index(m) + len(m)) for m in mentions)
    return dict(zip((text[s:e] for s, e in spans), geocoder.geocode(text, spans)))


ROUNDUP = ("Syria weekly update.\n"
           "IDLIB: Jets struck Idlib and Maarat al-Numan; shelling hit Kafr Zita.\n"
           "ALEPPO: Drones hit al-Bab. Shells landed in Umm Adasa.\n"
           "Turkey said its forces in Syria would stay.")


def test_an_unknown_place_takes_the_province_of_its_line(geocoder):
    got = resolve(geocoder, ROUNDUP, "IDLIB", "Idlib", "Maarat al-Numan", "Kafr Zita", "ALEPPO", "al-Bab",
                  "Umm Adasa", "Syria", "Turkey")
    kafr, umm = got["Kafr Zita"], got["Umm Adasa"]
    assert (kafr.level, kafr.how, kafr.geo.admin1, kafr.geo.geo_precision) == ("admin1", "local", "Idlib", 3)
    assert (umm.level, umm.how, umm.geo.admin1, umm.geo.geo_precision) == ("admin1", "local", "Aleppo", 3)


def test_the_sentence_outranks_its_line(geocoder):
    text = "Jets struck Idlib and Maarat al-Numan. In Hama, gunmen hit Tal Sukkar. Syria said nothing."
    got = resolve(geocoder, text, "Idlib", "Maarat al-Numan", "Hama", "Tal Sukkar", "Syria")
    assert (got["Tal Sukkar"].how, got["Tal Sukkar"].geo.admin1) == ("local", "Hama")


def test_an_alternate_name_abroad_says_nothing_of_the_province(geocoder):
    # "Tal Hamra" is only an alternate name of a Turkish village: the line is about Aleppo (al-Bab),
    # not split between Aleppo and Turkey's province (the article as a whole is about Idlib)
    text = "Jets hit Idlib and Maarat al-Numan.\nShelling hit Tal Hamra, Kafr Saghir, then al-Bab in Syria and Turkey."
    got = resolve(geocoder, text, "Idlib", "Maarat al-Numan", "Tal Hamra", "Kafr Saghir", "al-Bab", "Syria", "Turkey")
    assert (got["Kafr Saghir"].how, got["Kafr Saghir"].geo.admin1) == ("local", "Aleppo")


def test_with_no_province_around_it_an_unknown_place_stays_unresolved(geocoder):
    text = "Jets struck Idlib.\nShelling hit Kafr Zita.\nDrones hit Aleppo."
    assert resolve(geocoder, text, "Idlib", "Kafr Zita", "Aleppo")["Kafr Zita"] is None


def test_units_and_dominance():
    text = 'He said: "Go." Then U.S. jets hit Raqqa.\nNext line.'
    s, e = sentence_bounds(text, text.index("Raqqa"))
    assert text[s:e] == "Then U.S. jets hit Raqqa."
    assert [text[a:b] for a, b in enclosing(text, text.index("Next"))] == ["Next line."]
    assert dominant({"x": 2, "y": 1}, 1.5) == "x" and dominant({"x": 3, "y": 2}, 1.5) is None


BORDER = [city(21, "Majdal Shams", 33.269, 35.770, "SY", "03", 10000),
          city(22, "Al Qunayţirah", 33.126, 35.824, "SY", "03", 36143, "Quneitra"),
          city(23, "Khan Arnabeh", 33.185, 35.890, "SY", "03", 12000),
          city(24, "Kfar Kila", 33.283, 35.533, "LB", "07", 5878)]


def test_the_sentence_may_hold_a_province_across_the_border():
    # Lebanon holds few of the article's votes (not a main country), but the sentence is about
    # its Kfar Kila: the unknown Chebaa falls back to Kfar Kila's province, not to Quneitra
    geocoder = Geocoder(Gazetteer.build(cities=BORDER))
    text = "Rockets hit Majdal Shams, Quneitra and Khan Arnabeh in Syria on Saturday.\n" \
           "Jets then hit sites in Chebaa, then in Kfar Kila."
    got = resolve(geocoder, text, "Majdal Shams", "Quneitra", "Khan Arnabeh", "Syria", "Chebaa", "Kfar Kila")
    assert got["Kfar Kila"].country == "LB"
    assert (got["Chebaa"].how, got["Chebaa"].country, got["Chebaa"].admin1) == ("local", "LB", "07")
