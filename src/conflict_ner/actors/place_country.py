"""The country of a place the actor table does not know, from the geocoder's gazetteer.

The table's ``countries`` list main places only for the corpus's own theatres, so an article
from a theatre the table never saw ("Potiskum, Yobe State") had no country, and its "police",
"people" and "gunmen" no name. The default gazetteer (GeoNames ``cities500`` and pycountry's
provinces, without the corpus's hand-made supplement, which was built from the train and dev
gold) gives a LOCATION mention's country: the country of the entries its name has, when one
country dominates them by population.

>>> dominant_country([("LY", 1302947), ("LB", 229398), ("GR", 26561)])
'LY'
>>> dominant_country([("CO", 2392877), ("RU", 105965)]), dominant_country([("NG", 1040000), ("US", 2000)])
('CO', 'NG')
>>> dominant_country([("SY", 5000), ("TR", 4000)]) is None  # two countries' towns: no answer
True
>>> dominant_country([]) is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

#: the leading country's largest entry must be this many times the next country's
DOMINANCE = 5


def dominant_country(hits: Iterable[tuple[str, int]], dominance: float = DOMINANCE) -> str | None:
    """The country code of ``(country, population)`` hits whose largest entry outweighs every
    other country's largest ``dominance`` times (the only country, whatever its population)."""
    best: dict[str, int] = {}
    for country, population in hits:
        best[country] = max(best.get(country, 0), population or 0)
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if len(ranked) == 1:
        return ranked[0][0]
    (first, top), (_, second) = ranked[0], ranked[1]
    return first if top >= dominance * max(second, 1) else None


def place_country_finder(gazetteer) -> Callable[[str], str | None]:
    """A function from a LOCATION mention to the ISO alpha-2 code of its country (None when the
    gazetteer has no entry or no dominant country), reading the mention's name as the geocoder
    does (``eastern Yobe State`` looks up ``Yobe``). A border crossing tells no country: it
    lies on two (Torkham is Afghanistan's and Pakistan's)."""
    from conflict_ner.geo.knowledge import CROSSING
    from conflict_ner.geo.phrases import parse_phrase

    def country(mention: str) -> str | None:
        names = {" ".join(mention.split()), parse_phrase(mention).name}
        hits = [(p.country, p.population) for name in names if name
                for p in map(gazetteer.place, gazetteer.lookup(name)) if p.feature != CROSSING]
        return dominant_country(hits)

    return country


@lru_cache(maxsize=1)
def default_place_country() -> Callable[[str], str | None]:
    """:func:`place_country_finder` over the default gazetteer without the corpus supplement
    (loaded on first use: a few seconds, then cached on disk by :mod:`conflict_ner.geo`)."""
    from conflict_ner.geo.gazetteer import default_gazetteer

    return lru_cache(maxsize=4096)(place_country_finder(default_gazetteer(supplement=False)))
