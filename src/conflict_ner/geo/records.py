"""Fill the ``geo`` slot of each place of an article's event records.

All the article's LOCATION entities are geocoded together (they tell the geocoder which
country and province the article is about); a record's place takes the resolution of its span.

>>> from conflict_ner.geo.gazetteer import Gazetteer
>>> from conflict_ner.geo.resolve import Geocoder
>>> from conflict_ner.records import Entity, EventDate, EventRecord, TextSpan
>>> g = Gazetteer.build(cities=[{"geonameid": 7, "name": "Hama", "latitude": 35.13, "longitude": 36.75,
...     "countrycode": "SY", "admin1code": "10", "population": 460602, "alternatenames": []}])
>>> text = "Shells hit Hama."
>>> record = EventRecord("d", TextSpan(text, 0, 16), EventDate(None, "unknown", None),
...                      locations=(TextSpan("Hama", 11, 15),))
>>> [p.geo.geonames_id for p in with_geo([record], text, [Entity("LOCATION", 11, 15, "Hama", 1.0)], Geocoder(g))[0].locations]
[7]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from conflict_ner.geo.resolve import Geocoder
from conflict_ner.records import Entity, EventRecord, PlaceRef


def with_geo(records: Sequence[EventRecord], text: str, entities: Sequence[Entity],
             geocoder: Geocoder) -> list[EventRecord]:
    """``records`` with each location a :class:`PlaceRef` whose ``geo`` is filled where resolved."""
    spans = sorted({(e.start, e.end) for e in entities if e.label == "LOCATION"}
                   | {(p.start, p.end) for r in records for p in r.locations})
    if not spans:
        return list(records)
    resolved = dict(zip(spans, geocoder.geocode(text, spans)))
    out = []
    for record in records:
        places = tuple(PlaceRef(p.text, p.start, p.end, _geo(resolved.get((p.start, p.end))))
                       for p in record.locations)
        out.append(replace(record, locations=places) if places else record)
    return out


def _geo(resolution):
    return resolution.geo if resolution is not None else None
