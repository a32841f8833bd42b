"""The general-knowledge tables: second-level units and conflict sites that cities500 lacks."""

from __future__ import annotations

import pycountry
import pytest

from conflict_ner.errors import DataError
from conflict_ner.geo import gazetteer as gazetteer_module
from conflict_ner.geo import knowledge
from conflict_ner.geo.gazetteer import Gazetteer, alpha2, sources_fingerprint
from conflict_ner.geo.knowledge import (ADMIN2, SITES, Admin2Row, admin2_entries, knowledge_entries,
                                        read_admin2_text, site_entries)
from conflict_ner.geo.resolve import Geocoder
from conflict_ner.geo.supplement import read_supplement

HEADER = "province\tname\tseat\tlatitude\tlongitude\taliases\tkind\n"


def city(gid, name, lat, lon, cc, admin1, population, *alternates):
    return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
            "admin1code": admin1, "population": population, "alternatenames": list(alternates)}


@pytest.fixture(scope="module")
def base():
    return Gazetteer.build(cities=[
        city(21, "Gbajimba", 7.815, 8.858, "NG", "26", 9000),
        city(22, "Makurdi", 7.733, 8.533, "NG", "26", 300000),
        city(23, "Maiduguri", 11.846, 13.16, "NG", "27", 1100000),
        city(24, "Homs", 34.727, 36.723, "SY", "11", 775000),
        city(25, "Aleppo", 36.202, 37.158, "SY", "09", 1800000),
        city(26, "Goma", -1.679, 29.228, "CD", "11", 670000),
        city(27, "Sake", -1.573, 29.045, "CD", "11", 70000),
        city(28, "Beni", 0.491, 29.473, "CD", "11", 230000),
    ])


@pytest.fixture(scope="module")
def gazetteer(base):
    return base.with_supplement(knowledge_entries(base))


def test_a_unit_is_a_district_at_its_seats_point_or_else_the_tables(base):
    rows = [Admin2Row("NG-BE", "Gumaland", "Gbajimba", 7.8, 8.9, ("Guma-land",), "LGA"),
            Admin2Row("NG-BE", "Farland", "Nowhere", 7.1, 8.2, (), "LGA")]
    by_name = {e.name: e for e in admin2_entries(base, rows)}
    assert (by_name["Gumaland"].latitude, by_name["Gumaland"].longitude) == (7.815, 8.858)
    assert by_name["Gumaland"].aliases == ("Guma-land",)
    assert (by_name["Farland"].latitude, by_name["Farland"].longitude) == (7.1, 8.2)
    assert {e.level for e in by_name.values()} == {"admin2"} and {e.geo_precision for e in by_name.values()} == {2}
    assert "seat's cities500 point" in by_name["Gumaland"].origin and "table point" in by_name["Farland"].origin


def test_a_seat_too_far_from_the_rows_point_is_another_place(base):
    row = Admin2Row("NG-BE", "Gumaland", "Gbajimba", 9.5, 8.9, (), "LGA")  # ~190 km from the cities500 one
    entry, = admin2_entries(base, [row])
    assert (entry.latitude, entry.longitude) == (9.5, 8.9)


def test_a_unit_whose_name_a_nearby_town_bears_is_left_to_the_town(base, gazetteer):
    # every spelling: the town's own name, and the others through the fuzzy match
    row = Admin2Row("CD-NK", "Beni", "Beni", 0.49, 29.47, ("Bheni",), "territory")
    assert admin2_entries(base, [row]) == []
    # an alias a nearby town bears leaves the unit's other names
    row = Admin2Row("NG-BE", "Makurdi-Land", "Gbajimba", 7.8, 8.9, ("Gbajimba",), "LGA")
    entry, = admin2_entries(base, [row])
    assert entry.names == ("Makurdi-Land",)
    text = "Rebels raided a market in Beni on Sunday."
    start = text.index("Beni")
    town = Geocoder(gazetteer).geocode(text, [(start, start + 4)])[0]
    assert (town.level, town.geo.geonames_id) == ("place", 28)


def test_a_packaged_unit_with_no_town_of_its_name_is_a_district(gazetteer):
    text = "Herders and farmers clashed again in Guma, Benue State, the police said."
    start = text.index("Guma")
    unit = Geocoder(gazetteer).geocode(text, [(start, start + 4), (text.index("Benue"), text.index("Benue") + 11)])[0]
    assert (unit.level, unit.geo.geo_precision) == ("admin2", 2)
    assert (unit.geo.latitude, unit.geo.longitude) == (7.815, 8.858)  # at the seat, Gbajimba


def test_a_packaged_site_known_by_its_whole_name_is_its_own_point(gazetteer):
    text = "Missiles hit the Kuweires air base east of Aleppo overnight."
    start = text.index("Kuweires air base")
    site = Geocoder(gazetteer).geocode(text, [(start, start + 17), (text.index("Aleppo"), text.index("Aleppo") + 6)])[0]
    assert site is not None and site.level == "place" and site.geo.geo_precision == 1
    expected = next(e for e in read_supplement(SITES) if e.name == "Kuweires air base")
    assert (site.geo.latitude, site.geo.longitude) == (expected.latitude, expected.longitude)


def test_a_mountain_area_keeps_its_precision(gazetteer):
    text = "Turkish drones struck targets in the Qandil mountains of northern Iraq."
    start = text.index("Qandil mountains")
    area = Geocoder(gazetteer).geocode(text, [(start, start + 16)])[0]
    assert area is not None and area.geo.geo_precision == 2 and area.country == "IQ"


def test_site_names_a_nearby_town_bears_are_dropped():
    base = Gazetteer.build(cities=[city(31, "Benina", 32.09, 20.27, "LY", "01", 9000)])
    entry = next(e for e in site_entries(base) if e.name == "Benina airport")
    assert "Benina" not in entry.names and "Benina air base" in entry.names
    entry = next(e for e in site_entries(Gazetteer.build(cities=[])) if e.name == "Benina airport")
    assert "Benina" in entry.names


def test_the_packaged_tables_parse_and_name_real_provinces_and_countries():
    rows = read_admin2_text(ADMIN2.read_text(encoding="utf-8"))
    codes = {s.code for s in pycountry.subdivisions}
    assert rows and all(r.province in codes for r in rows)
    assert all(-90 <= r.latitude <= 90 and -180 <= r.longitude <= 180 for r in rows)
    assert len({(r.province, r.name) for r in rows}) == len(rows)
    sites = read_supplement(SITES)
    assert sites and all(alpha2(s.country_iso3) for s in sites)
    assert all(s.source == "knowledge" and "general knowledge" in s.origin for s in sites)
    assert len({s.name for s in sites}) == len(sites)


def test_a_bad_admin2_row_names_its_line():
    with pytest.raises(DataError, match=":3"):
        read_admin2_text(HEADER + "NG-BE\tGuma\tGbajimba\t7.8\t8.9\t\tLGA\nNG-BE\tLogo\tUgba\tx\t9.1\t\tLGA\n")
    with pytest.raises(DataError, match=":1"):
        read_admin2_text("name\tprovince\n")


def test_the_tables_are_in_the_sources_fingerprint(tmp_path, monkeypatch):
    before = sources_fingerprint()
    changed = tmp_path / "geo_sites.tsv"
    changed.write_text(SITES.read_text(encoding="utf-8") + "# one more line\n", encoding="utf-8")
    monkeypatch.setattr(knowledge, "SITES", changed)
    assert sources_fingerprint() != before
    assert gazetteer_module._tables()[1] == f"knowledge{knowledge.table_digest()}"


def test_a_border_crossing_tells_the_actors_no_country(gazetteer):
    from conflict_ner.actors.place_country import place_country_finder

    crossings = [e for e in knowledge_entries(Gazetteer.build(cities=[])) if e.feature == knowledge.CROSSING]
    assert crossings and all(e.origin.startswith("border crossing") for e in crossings)
    country = place_country_finder(gazetteer)
    assert country("Spin Boldak crossing") is None  # on the Afghan-Pakistani border
    assert country("Kuweires air base") == "SY"  # a site inside one country tells it


def test_a_table_point_yields_to_an_annotators_of_the_same_name():
    from conflict_ner.geo.supplement import SupplementEntry

    base = Gazetteer.build(cities=[city(51, "Duhok", 36.867, 42.988, "IQ", "06", 340000)])
    both = base.with_supplement([
        SupplementEntry("Kerrin Hills", (), "place", None, 37.10, 43.20, "IRQ", "", 2, "knowledge", "table"),
        SupplementEntry("Kerrin Hills", (), "place", None, 37.25, 43.55, "IRQ", "", 2, "annotator", "gold"),
    ])
    assert len(both.general) == 1
    text = "Drones struck the Kerrin Hills north of Duhok."
    hills = Geocoder(both).geocode(text, [(text.index("Kerrin Hills"), text.index("Kerrin Hills") + 12)])[0]
    assert (hills.geo.latitude, hills.geo.longitude) == (37.25, 43.55)


def test_a_named_region_is_coded_at_its_centre_with_the_regions_precision(gazetteer):
    text = "Shelling displaced thousands across the Nuba Mountains this week, aid groups in Sudan said."
    start = text.index("Nuba Mountains")
    region = Geocoder(gazetteer).geocode(text, [(start, start + 14)])[0]
    assert region is not None and (region.level, region.geo.geo_precision, region.country) == ("place", 3, "SD")
