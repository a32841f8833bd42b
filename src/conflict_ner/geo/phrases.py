"""What a LOCATION mention says about the place it names: the name to look up, and how exactly.

``eastern Daraa countryside`` names a part of Daraa province (ACLED's geo_precision 3),
``outskirts of Idlib`` or ``Mezzeh military airport`` a place near or part of a town
(precision 2), ``Latakia city`` the town itself (precision 1). Pure string work: the gazetteer
is not consulted here.

>>> parse_phrase("eastern Daraa countryside")
Phrase(name='Daraa', scope='region', precision=3)
>>> parse_phrase("Sheikh Maqsoud neighbourhood"), parse_phrase("Latakia city")
(Phrase(name='Sheikh Maqsoud', scope='part', precision=2), Phrase(name='Latakia', scope='place', precision=1))
>>> parse_phrase("Idlib province"), parse_phrase("Rural Damascus")
(Phrase(name='Idlib', scope='admin1', precision=3), Phrase(name='Rural Damascus', scope='place', precision=1))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Scope = Literal["place", "part", "region", "admin1"]

_DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
               "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
               "southwestern", "north-east", "north-west", "south-east", "south-west", "north-eastern",
               "north-western", "south-eastern", "south-western", "far", "upper-", "greater"}
# a capitalised compass word after a direction adjective begins the name ("eastern North Kivu";
# "North East Nigeria" is one direction)
_COMPASS_NAMES = {"North", "South", "East", "West", "Central"}
# a bare compass point after a name is a direction of travel, not part of the name (a span that
# ran one word long: "from the coastal city of Sirte south to ...")
_COMPASS_AFTER = {"north", "south", "east", "west"}
# tail words, longest first: a province, a region of one, a part of or a spot near a town, the town
_ADMIN = ("province", "provinces", "governorate", "governorates", "governate", "oblast", "oblasts", "state", "states",
          "region", "regions", "krai", "kray",
          "prefecture", "department", "wilayah", "muhafazah", "county")
_REGION = ("de-escalation zone", "countryside", "countrysides", "front", "fronts", "frontline", "frontlines",
           "countryside areas", "desert", "plains", "badia", "rural areas", "border area", "border region",
           "border strip", "hinterland")
_PART = ("international airport", "military airport", "air base", "airbase", "airport", "military base", "base",
         "border crossing", "crossing", "checkpoint", "neighbourhood", "neighbourhoods", "neighborhood",
         "neighborhoods", "district", "districts", "area", "areas", "outskirts", "suburb", "suburbs", "camp",
         "refugee camp", "prison", "hospital", "university", "market", "square", "bridge", "dam", "port",
         "harbour", "harbor", "villages", "village area", "hills", "hill", "heights", "ridge", "mountain",
         "mountains", "plain",
         "valley", "junction", "roundabout", "highway", "road", "front line", "outpost", "barracks", "quarter",
         "town centre", "city centre", "sub-district", "subdistrict", "territory", "commune", "township",
         "municipality", "locality", "plant", "power plant", "nuclear power plant", "local government area",
         "local government areas", "lga", "lgas", "woreda", "woredas", "cercle", "raion", "rayon")
_PLACE = ("city", "town", "village", "center", "centre")
_LEADING_PART = re.compile(r"^(?:the\s+)?(?:outskirts|suburbs|vicinity|edge|edges|outskirt|environs|periphery)\s+of\s+"
                           r"|^(?:near|around|outside|nearby)\s+", re.IGNORECASE)
_LEADING_RURAL = re.compile(r"^(?:rural|the\s+countryside\s+of|countryside\s+of)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Phrase:
    """``name``: what to look up; ``scope``: the place itself, a part of or a spot near it, a region
    of its province, or the province; ``precision``: ACLED's geo_precision that scope gives."""

    name: str
    scope: Scope
    precision: int


def parse_phrase(text: str) -> Phrase:
    """The name a mention looks up and the scope its words give (see the module examples).

    >>> parse_phrase("southern Aleppo"), parse_phrase("Idlib de-escalation zone")
    (Phrase(name='Aleppo', scope='region', precision=3), Phrase(name='Idlib', scope='region', precision=3))
    >>> parse_phrase("outskirts of Idlib"), parse_phrase("Damascus International Airport")
    (Phrase(name='Idlib', scope='part', precision=2), Phrase(name='Damascus', scope='part', precision=2))
    >>> parse_phrase("northern West Bank"), parse_phrase("North East Nigeria")
    (Phrase(name='West Bank', scope='region', precision=3), Phrase(name='Nigeria', scope='region', precision=3))
    >>> parse_phrase("Sirte south")
    Phrase(name='Sirte', scope='place', precision=1)
    >>> parse_phrase("the Jebel Moya heights")  # a mountain area at its centre (the guide's section 11)
    Phrase(name='Jebel Moya', scope='part', precision=2)
    """
    name = " ".join(text.split())
    name = _THE.sub("", name)
    scope: Scope = "place"
    leading = _LEADING_PART.match(name)
    if leading:
        name, scope = name[leading.end():], "part"
    rural = _LEADING_RURAL.match(name)
    directed = False
    if rural and name.lower() != "rural damascus":
        name, scope = name[rural.end():], "region"
    words, before = name.split(" "), ""
    while len(words) > 1 and words[0].lower() in _DIRECTIONS:
        if directed and words[0] in _COMPASS_NAMES and (before.islower() or before.lower().endswith("ern")):
            break  # "northern West Bank", "southern North Kivu": a direction of a name that has one
        before, words, directed = words[0], words[1:], True
    while len(words) > 1 and words[-1].lower() in _COMPASS_AFTER:
        words = words[:-1]  # "Sirte south to the airbase": the way out of the town, not a region of it
    name = " ".join(words)
    tail_scope: Scope | None = None
    for _ in range(3):  # "Deir ez-Zor city countryside", "Afrin city" ...
        stripped, kind = _strip_tail(name)
        if kind is None:
            break
        name = stripped
        tail_scope = _wider(tail_scope, kind)
    name = _POSSESSIVE.sub("", name).strip(" ,")
    if tail_scope is not None:
        scope = _wider(scope, tail_scope) if scope != "place" else tail_scope
    if directed:
        scope = "admin1" if scope == "admin1" else "region" if scope in ("place", "region") else scope
    precision = 3 if scope in ("region", "admin1") else 2 if scope == "part" else 1
    if _strip_tail("x " + name)[1] is not None and " " not in name:
        return Phrase("", scope, precision)  # "Airport Road", "the Old City": no name to look up
    return Phrase(name or " ".join(text.split()), scope, precision)


def _tail_index(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Tail words by their own last word, longest first: only those can end a name that ends so.

    >>> _tail_index(("air base", "base", "camp"))
    {'base': ('air base', 'base'), 'camp': ('camp',)}
    """
    index: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        index.setdefault(word.rsplit(" ", 1)[-1], []).append(word)
    return {last: tuple(ws) for last, ws in index.items()}


# built once: a mention is stripped several times, and each try used to sort every list
_TAILS = tuple((_tail_index(words), kind) for words, kind in
               ((_REGION, "region"), (_ADMIN, "admin1"), (_PART, "part"), (_PLACE, "place")))


def _strip_tail(name: str) -> tuple[str, Scope | None]:
    low = name.lower()
    last = low.rsplit(" ", 1)[-1]  # a name ending in " " + word ends in that word's last word
    for index, kind in _TAILS:
        for word in index.get(last, ()):
            if low.endswith(" " + word) and len(low) > len(word) + 1:
                return name[: -len(word) - 1].rstrip(" ,-"), kind  # type: ignore[return-value]
    return name, None


def _wider(a: Scope | None, b: Scope) -> Scope:
    order = {"place": 0, "part": 1, "region": 2, "admin1": 3}
    if a is None:
        return b
    return a if order[a] >= order[b] else b
