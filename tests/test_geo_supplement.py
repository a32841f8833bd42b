"""The corpus gazetteer (geo/supplement*.py): its file, its build from gold rows, how the
geocoder consults it, and re-anchoring the gold after a document edit (geo/gold_anchor.py)."""

from __future__ import annotations

import json

import pytest

from conflict_ner.errors import DataError
from conflict_ner.geo.evaluate import GoldPlace
from conflict_ner.geo.gazetteer import Gazetteer, GazetteerError, admin1_code, default_gazetteer
from conflict_ner.geo.gold_anchor import anchor, reanchor_gold
from conflict_ner.geo.resolve import Geocoder
from conflict_ner.geo.supplement import COLUMNS, SupplementEntry, is_supplement, read_supplement, write_supplement
from conflict_ner.geo.supplement_build import from_gold, needed


def city(gid, name, lat, lon, cc, admin1, population, *alternates):
    return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
            "admin1code": admin1, "population": population, "alternatenames": list(alternates)}


CITIES = [
    city(1, "Idlib", 35.930, 36.634, "SY", "12", 128840, "Idleb"),
    city(2, "Ma‘arrat an Nu‘mān", 35.643, 36.670, "SY", "12", 58008, "Maarat al-Numan"),
    city(3, "Aleppo", 36.202, 37.159, "SY", "09", 2098210),
    city(4, "Al Burayqah", 12.739, 44.884, "YE", "02", 30000),
    city(5, "Aden", 12.779, 45.037, "YE", "02", 550602),
    city(6, "Al Ḩudaydah", 14.798, 42.955, "YE", "08", 617871, "Hodeidah"),
    city(7, "Tahtah", 14.0, 43.1, "YE", "08", 900),
]


@pytest.fixture(scope="module")
def base():
    return Gazetteer.build(cities=CITIES)


def gold(text, level, lat, lon, iso3, admin1, precision, gid=None, doc="d1", split="train"):
    return GoldPlace(doc, 0, len(text), text, split, level, gid, lat, lon, iso3, admin1, precision, 2,
                     "geonames" if gid else "annotator")


def test_gold_rows_become_entries_only_where_the_gazetteer_falls_short(base):
    rows = [gold("Bab al-Hawa crossing", "place", 36.232, 36.672, "SYR", "Idlib", 1),
            gold("Bab al-Hawa", "place", 36.232, 36.672, "SYR", "Idlib", 2, doc="d2"),
            gold("Little Aden", "place", 12.739, 44.884, "YEM", "Aden", 2, gid=4),
            gold("Idleb", "place", 35.93, 36.634, "SYR", "Idlib", 1, gid=1),        # cities500 has it
            gold("Maarat al-Numan outskirts", "place", 35.65, 36.67, "SYR", "Idlib", 2),  # 1 km off: found
            gold("Damascus-Aleppo highway", "place", 35.648, 36.677, "SYR", "Idlib", 2),  # a stretch
            gold("Tihama", "place", 14.5, 43.2, "YEM", "Al Hudaydah", 3)]
    entries = from_gold(rows, base)
    assert [(e.name, e.aliases, e.geonames_id, e.geo_precision) for e in entries] == [
        ("Bab al-Hawa crossing", ("Bab al-Hawa",), None, 1), ("Little Aden", (), 4, 2), ("Tihama", (), None, 3)]
    assert entries[0].origin == "train:d1,d2"
    assert not needed(rows[3], "Idleb", base) and needed(rows[2], "Little Aden", base)


def test_the_geocoder_consults_the_supplement_with_the_article_context(base):
    sup = [SupplementEntry("Bab al-Hawa crossing", ("Bab al-Hawa",), "place", None, 36.232, 36.672, "SYR", "Idlib"),
           SupplementEntry("Little Aden", (), "place", 4, 12.739, 44.884, "YEM", "Aden", 2),
           SupplementEntry("Tihama", (), "place", None, 14.5, 43.2, "YEM", "", 3),
           SupplementEntry("Tihama", (), "place", None, 9.0, 9.0, "NGA", "")]  # a namesake elsewhere
    g = base.with_supplement(sup)
    assert len(base.lookup("Bab al-Hawa")) == 0 and len(g) == len(base) + 3  # the base is left as it was
    text = "Trucks crossed at Bab al Hawa into Idlib. In Yemen, the Tihama plain near Hodeidah and Little Aden."
    spans = [(text.index(m), text.index(m) + len(m)) for m in ("Bab al Hawa", "Idlib", "Tihama", "Little Aden")]
    crossing, _, tihama, little = Geocoder(g).geocode(text, spans)
    assert (crossing.geo.name, crossing.geo.latitude, crossing.geo.admin1, crossing.geo.geo_precision) == \
        ("Bab al-Hawa crossing", 36.232, "Idlib", 1)
    # the plain, not the province the seats table also calls Tihama
    assert (tihama.level, tihama.geo.latitude, tihama.geo.admin1, tihama.geo.geo_precision) == \
        ("place", 14.5, "Al Hudaydah", 3)
    assert (little.geo.geonames_id, little.geo.geo_precision) == (4, 1)


def test_a_spot_known_by_its_whole_name_keeps_its_own_precision(base):
    g = base.with_supplement([SupplementEntry("Tahtah dam", (), "place", None, 14.01, 43.12, "YEM", "Al Hudaydah")])
    text = "Fighters took the Tahtah dam on Monday and shelled positions near the Tahtah dam on Tuesday."
    first = text.index("Tahtah dam")
    second = text.index("Tahtah dam", first + 1)
    spans = [(first, first + 10), (second, second + 10)]
    dam, near = Geocoder(g).geocode(text, spans)
    # the entry is the dam itself (its tail word does not make it a part of Tahtah) ...
    assert (dam.geo.name, dam.geo.latitude, dam.geo.geo_precision) == ("Tahtah dam", 14.01, 1)
    # ... and "near" still puts the act near it
    assert (near.geo.name, near.geo.geo_precision) == ("Tahtah dam", 2)
    plain = Geocoder(base).geocode(text, spans)[0]  # unknown as a whole: a spot at the town
    assert (plain.geo.name, plain.geo.geo_precision) == ("Tahtah", 2)


def test_admin1_code_by_name_else_by_the_nearest_place(base):
    assert admin1_code(base, "Idlib", "SY") == "12"
    assert admin1_code(base, "", "YE", 14.1, 43.0) == "08"  # Tahtah is nearest
    assert admin1_code(base, "Nowhere", "SY") == ""


def test_a_bad_supplement_is_refused_with_file_and_line(tmp_path, base):
    path = tmp_path / "mine.tsv"
    write_supplement([SupplementEntry("Laman", (), "place", None, 32.72, 69.22, "AFG", "Paktika")], path, ["mine"])
    assert is_supplement(path) and read_supplement(path)[0].latitude == 32.72
    path.write_text(path.read_text(encoding="utf-8") + "Kabani hill\t\tplace\t\t\t\tAFG\t\t1\tuser\t\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"mine\.tsv:4: a place needs a geonames_id or latitude and longitude"):
        read_supplement(path)
    with pytest.raises(GazetteerError, match="unknown country 'ZZZ'"):
        base.with_supplement([SupplementEntry("X", (), "place", None, 1.0, 1.0, "ZZZ")])
    assert not is_supplement(tmp_path / "absent.tsv")


def test_a_users_file_passed_as_a_dump_adds_to_the_default_gazetteer(tmp_path):
    path = tmp_path / "mine.tsv"
    write_supplement([SupplementEntry("Qqqzzx Camp", (), "place", None, 32.72, 69.22, "AFG", "Paktika")], path)
    plain = default_gazetteer(supplement=False)
    mine = default_gazetteer([path], supplement=False)
    assert not plain.lookup("Qqqzzx Camp") and [mine.place(i).country for i in mine.lookup("Qqqzzx Camp")] == ["AF"]
    assert len(default_gazetteer()) > len(plain)  # the packaged supplement
    # the districts table is general geography, in even without the corpus supplement
    assert {plain.place(i).kind for i in plain.lookup("East Wollega Zone")} == {"admin2"}


def test_anchor_follows_the_words_around_a_mention():
    old = "Sirte and Jufra. Shells hit Sirte."
    new = "Home / Libya / Sirte\nSirte and Jufra. Shells hit Sirte."
    spans = [(21, 26), (31, 36), (49, 54)]  # the header's Sirte is no LOCATION span
    assert anchor(old, 0, 5, new, spans) == (21, 26) and anchor(old, 28, 33, new, spans) == (49, 54)
    assert anchor(old, 10, 15, new, [(21, 26)]) is None


def test_reanchor_gold_moves_shifted_rows(tmp_path):
    for folder, text in (("old", "Shells hit Sirte."), ("new", "Updated\nShells hit Sirte.")):
        (tmp_path / folder / "compiled").mkdir(parents=True)
        start = text.index("Sirte")
        doc = {"id": "d", "text": text, "spans": [[start, start + 5, "LOCATION"]]}
        (tmp_path / folder / "compiled" / "train.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    path = tmp_path / "gold.tsv"
    from conflict_ner.geo.evaluate import GOLD_COLUMNS
    path.write_text("\t".join(GOLD_COLUMNS) + "\nd\t11\t16\tSirte\ttrain\tplace\t1\tSirte\t31.2\t16.6\tLBY\tSirte\t1"
                    "\tgeonames\t\n", encoding="utf-8")
    assert reanchor_gold(path, tmp_path / "old", tmp_path / "new") == (1, [])
    assert path.read_text(encoding="utf-8").splitlines()[1].split("\t")[1:3] == ["19", "24"]
    assert COLUMNS[0] == "name"
