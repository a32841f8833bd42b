"""Geocoding, offline: an article's LOCATION mentions to GeoNames places, provinces and countries.

- :mod:`.fold`: a transliteration-tolerant key of a place name;
- :mod:`.phrases`: what a mention's words say (``eastern Daraa countryside``: a region, precision 3);
- :mod:`.context`: the article's dateline, the province a place is said to be in;
- :mod:`.gazetteer`: cities500 + pycountry (+ GeoNames dumps), indexed by folded name, cached;
- :mod:`.supplement`, :mod:`.supplement_build`: the corpus gazetteer (places geocoded by hand in
  the TRAIN and DEV gold, packaged as ``resources/geo_supplement.tsv``; users add their own TSV);
- :mod:`.districts`, :mod:`.knowledge`: general geography always in (Ethiopia's zones; second-level
  units, conflict sites and named regions from ``resources/geo_admin2.tsv`` and ``geo_sites.tsv``);
- :mod:`.resolve`: the entry the article makes likeliest (:class:`Geocoder`);
- :mod:`.records`: the ``geo`` slot of records' places;
- :mod:`.evaluate`: scores against ``training/corpus/geo_gold.tsv``.

GeoNames data is CC BY 4.0: :data:`CREDIT`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from conflict_ner.geo.gazetteer import CREDIT, Gazetteer, GazetteerError, default_gazetteer
from conflict_ner.geo.resolve import FUZZY_THRESHOLD, Geocoder, Resolution

__all__ = ["CREDIT", "Gazetteer", "GazetteerError", "Geocoder", "Resolution", "default_geocoder", "FUZZY_THRESHOLD"]


def default_geocoder(dumps: Sequence[str | Path] = (), threshold: float = FUZZY_THRESHOLD, *,
                     supplement: bool = True) -> Geocoder:
    """A geocoder over the default gazetteer plus ``dumps`` (GeoNames dumps or supplement TSVs),
    with the packaged supplement unless ``supplement`` is False (built once per process)."""
    return Geocoder(default_gazetteer(dumps, supplement=supplement), threshold)
