"""The view's map: pins over the packaged Natural Earth outlines, self-contained."""

import re
from dataclasses import replace

from conflict_ner.app.view import render_html
from conflict_ner.app.view_map import collect_places, fit_frame, load_outlines, render_map
from conflict_ner.records import ActorRef, EventDate, EventRecord, Geo, PlaceRef, TextSpan

TEXT = "HTS shelled Idlib and Saraqib near the hills."


def _record(*places, actors=()):
    return EventRecord("d", TextSpan(TEXT, 0, len(TEXT)), EventDate("2024-05-07", "day", None),
                       actors=actors, locations=places, event_type="Explosions/Remote violence",
                       sub_event_type="Shelling/artillery/missile attack")


IDLIB = PlaceRef("Idlib", 12, 17, Geo(name="Idlib", geonames_id=169388, latitude=35.93, longitude=36.63,
                                      country_iso="SYR", country="Syria", admin1="Idlib", geo_precision=1))
SARAQIB = PlaceRef("Saraqib", 22, 29, Geo(name="Saraqib", geonames_id=163345, latitude=35.86, longitude=36.80,
                                          country_iso="SYR", country="Syria", admin1="Idlib", geo_precision=1))
HILLS = PlaceRef("the hills", 35, 44, None)
IDLEB = PlaceRef("Idleb", 12, 17, replace(IDLIB.geo, geo_precision=2))  # the same entry, spelled otherwise


def test_outlines_file_has_admin0_and_admin1_features():
    data = load_outlines()
    assert "naturalearthdata.com" in data["credit"]
    assert len(data["admin0"]) > 150 and len(data["admin1_lines"]) > 1000 and data["admin0_lines"] and data["land"]
    syria = [c for c in data["admin0"] if c["iso_a3"] == "SYR"]
    assert syria and syria[0]["rings"][0]
    # province lines exist inside Syria (Idlib governorate's borders), in hundredths of a degree
    assert any(line["bbox"][0] < 3700 and line["bbox"][2] > 3600 and line["bbox"][1] < 3600 and line["bbox"][3] > 3550
               for line in data["admin1_lines"])


def test_page_has_outlines_and_one_pin_per_geocoded_place():
    records = [_record(IDLIB, HILLS), _record(IDLEB, SARAQIB)]
    html = render_html(TEXT, [], records, title="t")
    assert html.count('class="pin"') == 2  # Idlib shared by records 1 and 2 (one as Idleb), Saraqib
    assert "Idlib (as Idleb)" in html
    for cls in ("land", "admin1", "admin0-line"):
        d = re.search(f'<path class="{cls}" d="([^"]*)"', html).group(1)
        assert d.count("M") >= 1 and len(d) > 100, cls  # real outlines in the frame, not an empty canvas
    assert "records 1, 2" in html and "geo_precision 1, 2" in html  # Idlib's tooltip
    assert "Places without coordinates" in html and "the hills (records 1)" in html
    assert "naturalearthdata.com" in html and "Countries in view: " in html and "Syria" in html
    assert "http" not in html and "<script" not in html  # self-contained


def test_pins_lie_inside_the_frame_where_they_belong():
    pins, _ = collect_places([_record(IDLIB, SARAQIB)])
    frame = fit_frame([(p.longitude, p.latitude) for p in pins])
    (x1, y1), (x2, y2) = (frame.xy(p.longitude, p.latitude) for p in pins)
    assert 0 < x1 < x2 < frame.width  # Saraqib is east of Idlib
    assert 0 < y1 < y2 < frame.height  # and south of it (SVG y grows downward)


def test_page_without_geocoded_places_says_so():
    html = render_map([_record(HILLS)])
    assert "No place of these records was geocoded" in html and "<svg" not in html
    assert "the hills" in html
    assert "<svg" not in render_map([])


def test_records_show_type_and_canonical_actors():
    hts = ActorRef("HTS", 0, 3, "initiator", "Hayat Tahrir al-Sham", "Rebel group", 2)
    html = render_html(TEXT, [], [_record(IDLIB, actors=(hts,))], title="t")
    assert "Explosions/Remote violence \u2013 Shelling/artillery/missile attack" in html
    assert "HTS (initiator) \u2192 Hayat Tahrir al-Sham [Rebel group, inter 2]" in html
    assert "Idlib \u2192 Idlib, Idlib, Syria (precision 1)" in html
