"""What the article says about where it is: its dateline, and the province a place is said to be in.

Pure string functions; the geocoder weighs what they find against the gazetteer.

>>> dateline("ALEPPO, Syria (Reuters) - Shells hit the city on Monday.")
['ALEPPO', 'Syria']
>>> dateline("TRIPOLI, May 13 (Maghreb Ledger) - Clashes erupted.")
['TRIPOLI']
>>> text = "Shelling hit Kafr Zeita, in the northern Hama countryside, on Monday."
>>> province_said(text, text.index("Kafr"), text.index(","))
'Hama'
"""

from __future__ import annotations

import re

_DATELINE = re.compile(r"^\s*([A-Z][A-Z'’.\- ]{1,40}[A-Z])(?:,\s*([A-Z][A-Za-z'’.\- ]{1,40}?))?"
                       r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?)?\s*"  # "TRIPOLI, May 13 (Outlet) -"
                       r"(?:\([^)\n]{1,40}\)\s*)?[-–—:]\s")
_DIRECTION = r"(?:(?:north|south|east|west|central)(?:ern|-?east|-?west|-?eastern|-?western)?\s+)?"
_NAME = r"([A-Z][\w'’\-]+(?:\s+(?:al-|el-|ez-|ad-|as-)?[A-Z][\w'’\-]+){0,2})"
# "X, in (the) (northern) Y province", "X in rural Y", "X, in Y's countryside", "X of Y governorate"
_SAID_IN = [
    re.compile(r"^,?\s+(?:in|of)\s+(?:the\s+)?(?:countryside\s+of|outskirts\s+of|province\s+of|governorate\s+of)\s+"
               + _NAME),
    re.compile(r"^,?\s+(?:in|of|near)\s+(?:the\s+)?" + _DIRECTION + r"(?:rural\s+)" + _NAME),
    re.compile(r"^,?\s+(?:in|of)\s+(?:the\s+)?" + _DIRECTION + _NAME + r"(?:['’]s)?\s+"
               r"(?:province|governorate|countryside|region|state|oblast|district)\b"),
    re.compile(r"^,\s+(?:the\s+)?" + _DIRECTION + _NAME + r"\s+(?:province|governorate|countryside|oblast)\b"),
    re.compile(r"^,?\s+(?:in|of)\s+(?:the\s+)?(?:north|south|east|west|central)[\w-]*\s+" + _NAME),
]
_WINDOW = 90
# Nigeria's districts: the corpus leaves the words out of the span ("in Jere local government
# area", "Bokkos and Barkin Ladi local government areas")
_LGA_AFTER = re.compile(r"^(?:\s*,\s*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)*"
                        r"(?:\s*,?\s+(?:and|or)\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)?"
                        r"\s+(?:local\s+government\s+areas?|LGAs?)\b")
# words right before a place that put the act near it, not in it ("fighting around Sake",
# "the road to Kosti", "12 km north of Bakhmut"): ACLED's precision 2
_NEAR_BEFORE = re.compile(r"(?:\baround|\bnear|\bnearby|\boutside|\boutskirts\s+of|\bvicinity\s+of|\bsuburbs\s+of|"
                          r"\bedge\s+of|\bapproaches\s+to|\b(?:roads?|highway|motorway|route)\s+(?:to|from|between)|\bclose\s+to|"
                          r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of|\bkm\s+(?:from|of)|\bmiles\s+(?:from|of)|"
                          r"\bkilometres\s+(?:from|of)|\bkilometers\s+(?:from|of)|\bthe\s+(?:[a-z]+\s+)?(?:districts?|townships?)\s+of)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$",
                          re.IGNORECASE)


def lga_after(text: str, end: int) -> bool:
    """Whether the words after the mention ending at ``end`` make it a local government area, a
    district (precision 2 at its seat, the guide's section 11), alone or in a list the words close.

    >>> text = "raids in Bokkos and Barkin Ladi local government areas, and in Jos"
    >>> lga_after(text, text.index(" and")), lga_after(text, text.index(" local")), lga_after(text, len(text))
    (True, True, False)
    >>> lga_after("Koshobe, in Jere local government area", 7)
    False
    """
    return bool(_LGA_AFTER.match(text[end:end + 120]))


def dateline(text: str) -> list[str]:
    """The places of an article's dateline (``BEIRUT, Lebanon (AFP) -``): [] when it has none."""
    for line in text.lstrip().splitlines()[:3]:
        found = _DATELINE.match(line)
        if found:
            return [g for g in found.groups() if g]
    return []


_IN_TOWN = re.compile(r"^,?\s+(?:in|at|near|outside|of)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?" + _NAME
                      + r"(?!['’]s|\s+(?:province|governorate|countryside|region|state|oblast)\b)")


def town_said(text: str, start: int, end: int) -> str | None:
    """The town the text puts the mention in, right after it ("Munzenze prison in Goma"); None
    when it names none (a province after it is :func:`province_said`'s).

    >>> text = "A truck bomb exploded near the Marco Fidel Suarez air base in Cali, killing six."
    >>> town_said(text, text.index("Marco"), text.index(" in Cali"))
    'Cali'
    """
    found = _IN_TOWN.match(text[end:end + _WINDOW])
    return found.group(1) if found else None


_WORD = r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?"
# "Luhansk, Sumy and Kharkiv regions": the plural after a list makes each name a province
_ADMIN_LIST = re.compile(r"^(?:\s*,\s*" + _WORD + r")*\s*,?\s+(?:and|or)\s+" + _WORD
                         + r"\s+(?:regions|provinces|states|governorates|oblasts)\b")


def in_admin_list(text: str, end: int) -> bool:
    """Whether the mention ending at ``end`` opens or continues a list that a plural province
    word closes ("in the Luhansk, Sumy and Kharkiv regions").

    >>> text = "posts in the Luhansk, Sumy and Kharkiv regions were shelled"
    >>> in_admin_list(text, text.index(",")), in_admin_list(text, text.index(" and"))
    (True, True)
    >>> in_admin_list("Luhansk and Kharkiv were shelled", 7)
    False
    """
    return bool(_ADMIN_LIST.match(text[end:end + 160]))


# the second end of a road ("the road between Ambo and Guder", "the highway from Sidon to Beirut")
_ROAD_END = re.compile(r"\b(?:roads?|highway|motorway|route)\s+(?:between|from)\s+"
                       r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}\s+(?:and|to)\s+$")
# a noun after the name that the name only qualifies ("near Al Bab vegetable market"): "near"
# then places the act near the market, in the town
_QUALIFIED = re.compile(r"^\s+(?:[a-z]+\s+)?(?:market|hospital|school|mosque|bakery|church|stadium|station|"
                        r"square|roundabout|checkpoint|bridge|prison|camp|airport|base|port|court|hotel|"
                        r"university|neighbou?rhood|district|quarter|junction|hall)\b")


def near_before(text: str, start: int, end: int | None = None) -> bool:
    """Whether the words right before ``text[start:]`` put the act near the place, not in it
    (with ``end``, the mention's end: not when a noun after it takes the "near").

    >>> near_before("fighting around Sake", 16), near_before("fighting in Sake", 12)
    (True, False)
    >>> near_before("on the road to Kosti", 15), near_before("5 km north of the town of Bakhmut", 26)
    (True, True)
    >>> text = "on the highway from Sidon to Beirut"
    >>> near_before(text, text.index("Sidon")), near_before(text, text.index("Beirut"))
    (True, True)
    >>> near_before("a bomb near Al Bab vegetable market", 12, 18)
    False
    """
    before = text[max(0, start - 60):start]
    if end is not None and _QUALIFIED.match(text[end:end + 40]):
        return False
    return bool(_NEAR_BEFORE.search(before[-40:]) or _ROAD_END.search(before))


def province_said(text: str, start: int, end: int) -> str | None:
    """The province (or town whose countryside) the text puts the mention ``text[start:end]`` in,
    right after it and in the same sentence; None when it says none."""
    after = text[end:end + _WINDOW]
    after = re.split(r"[.;!?\n]", after, maxsplit=1)[0]
    for pattern in _SAID_IN:
        found = pattern.match(after)
        if found:
            return found.group(1)
    return None


# words before a name that make it an area, not a town: "across Homs", "the push in Kharkiv",
# "positions in Donetsk" (a seat's name then means its province)
_AREA_BEFORE = re.compile(r"(?:\bacross|\bthroughout|\b(?:push|offensive|counter-?offensive|campaign|positions)"
                          r"\s+(?:in|into|across))\s+(?:the\s+)?$", re.IGNORECASE)


def area_before(text: str, start: int) -> bool:
    """Whether the words right before ``text[start:]`` make the name an area ("across Homs").

    >>> area_before("shelling across Homs", 16), area_before("the push in Kharkiv", 12)
    (True, True)
    >>> area_before("a blast in Homs", 11)
    False
    """
    return bool(_AREA_BEFORE.search(text[max(0, start - 40):start]))
