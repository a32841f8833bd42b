"""Names for actors the table has never seen (training/ANNOTATION.md section 10: "groups the
table lacks are named as the article names them").

- :func:`state_unit`: a unit of a state's forces (``Frontier Corps``, ``4th Armoured Division``,
  ``Republican Guard``) is that state's military: ACLED codes units as their parent force;
- :func:`member_group`: a name before a member noun (``Janjaweed militias``) is the group itself;
  a name with a lower-case organisation noun (``Hafiz Gul Bahadur group``) the group with that
  noun as part of its name; a name built with the words Arabic group names use (``Suqour
  al-Jabal``, ``Liwa al-Quds``) the name as written;
- :func:`guess_inter`: the ACLED inter code a group's head words suggest (militia 3; front,
  movement, liberation army, brigade 2; protesters 6; rioters 5), None when they say nothing.

>>> state_unit("Frontier Corps"), state_unit("47th Mechanized Brigade"), state_unit("Hamza Brigade")
(True, True, False)
>>> member_group("Janjaweed militias"), member_group("Hafiz Gul Bahadur group"), member_group("Suqour al-Jabal")
(('Janjaweed', 3), ('Hafiz Gul Bahadur Group', None), ('Suqour al-Jabal', 2))
>>> member_group("Hausa and Berti fighters") is None, member_group("Gustavo Petro") is None
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: words of Arabic armed groups' names (army, brigade, battalions, companies, legion, front,
#: movement, party, supporters, falcons, organisation, forces, division, league)
ARABIC_GROUP_WORDS = frozenset((
    "jaish", "jaysh", "liwa", "kataib", "kata'ib", "katibat", "saraya", "faylaq", "jabhat", "harakat", "hizb",
    "ansar", "suqour", "suqur", "tanzim", "quwat", "firqat", "firqa", "asaib", "usbat", "jund", "junud", "tajammu"))
#: unit nouns of a state's forces, and the words that make a unit named with them a state's
_UNIT_NOUNS = frozenset(("corps", "division", "brigade", "regiment", "battalion", "guard", "guards", "rangers",
                         "command", "fleet", "squadron"))
_STATE_UNIT_WORDS = frozenset((
    "frontier", "border", "republican", "presidential", "national", "coast", "royal", "special", "airborne",
    "mechanized", "mechanised", "armoured", "armored", "infantry", "motorized", "motorised", "marine", "naval",
    "artillery", "tank", "rifle", "assault", "mountain", "air", "army", "operations", "operational", "military",
    "territorial", "rapid", "reaction", "intervention", "counter-terrorism", "counterterrorism", "commando",
    "separate", "guards", "joint", "central", "northern", "southern", "eastern", "western"))
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"eleventh|twelfth|\w+(?:teenth|tieth)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                      r"-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))$", re.IGNORECASE)
#: member nouns: the name before them is the group ("Janjaweed militias"), with the inter code they suggest
_MEMBER_INTER = {"militias": 3, "militiamen": 3, "fighters": None, "rebels": 2, "insurgents": 2, "militants": None,
                 "members": None, "gunmen": None, "forces": None, "loyalists": None}
#: organisation nouns that belong to the name ("Hafiz Gul Bahadur group": "... Group")
_NAME_NOUNS = frozenset(("group", "front", "movement", "brigade", "brigades", "battalion", "battalions", "militia",
                         "army", "organisation", "organization", "network", "alliance", "council", "coalition"))
_INTER_WORDS = ((3, ("militia", "militias", "militiamen", "self-defense", "self-defence", "vigilantes",
                     "vigilante")),
                (2, ("front", "movement", "liberation", "brigade", "brigades", "battalion", "battalions", "jihad",
                     "mujahideen", "insurgents", "rebels", "rebel", "insurgent", "jihadist", "separatist",
                     *ARABIC_GROUP_WORDS)),
                (6, ("protesters", "demonstrators")), (5, ("rioters",)))
#: words of a state army's own bodies, which no rebel army's name holds
_STATE_COMMAND = frozenset(("command", "general", "staff", "headquarters", "ministry"))
_GLUE = frozenset(("of", "the", "for", "and", "al", "el", "de", "du", "des", "la", "le", "wa", "wal", "bin", "ibn"))


def _words(text: str) -> list[str]:
    return re.sub(r"^(?:the|The)\s+", "", " ".join(text.split())).split()


def _name_word(word: str) -> bool:
    """A word of a proper name: capitalised, a number, ``al-X``, or glue between such words."""
    return word[:1].isupper() or word[:1].isdigit() or word.lower() in _GLUE or word[:3].lower() in ("al-", "el-")


def state_unit(text: str) -> bool:
    """A unit of state forces: a unit noun after an ordinal or after words that only state units
    carry (``Frontier Corps``, ``3rd Separate Assault Brigade``, ``Republican Guard``)."""
    words = [w.lower().strip(".,") for w in _words(text)]
    if len(words) < 2 or words[-1] not in _UNIT_NOUNS:
        return False
    rest = words[:-1]
    return bool(_ORDINAL.match(rest[0])) or all(w in _STATE_UNIT_WORDS for w in rest)


def guess_inter(name: str) -> int | None:
    """The inter code the words of a group's name suggest (None when none does).

    An army of three or more words the table lacks is a rebel group (states' armies are named
    by their country, and their units are caught by :func:`state_unit` first).

    >>> guess_inter("Zawiya Martyrs Brigade"), guess_inter("Baloch Liberation Front"), guess_inter("Derna Council")
    (2, 2, None)
    >>> guess_inter("ARSA: Arakan Rohingya Salvation Army"), guess_inter("Pakistan Army")
    (2, None)
    >>> guess_inter("GCA: General Command of the Army") is None, guess_inter("United Nations Assistance Mission in Afghanistan")
    (True, 8)
    """
    found = re.findall(r"[\w'-]+", name.split(": ", 1)[-1])
    words = {w.lower() for w in found}
    if "mission" in words and words & {"united", "nations", "un", "union", "african"}:
        return 8  # a UN or African Union mission (ACLED: external forces)
    for inter, cues in _INTER_WORDS:
        if words & set(cues):
            return inter
    named = [w for w in found if w.lower() not in _GLUE]
    if len(named) >= 3 and found[-1] == "Army" and found[-2].lower() not in _GLUE \
            and all(w[:1].isupper() for w in named) and not words & _STATE_COMMAND:
        return 2  # not "General Command of the Army"
    return None


#: faiths and sects: a member noun after one describes a group, it names none
_FAITHS = frozenset(("shiite", "shia", "shii", "sunni", "christian", "muslim", "druze", "alawite", "yazidi",
                     "hindu", "buddhist", "catholic", "evangelical"))


def member_group(text: str, known: Callable[[str], bool] = lambda name: False) -> tuple[str, int | None] | None:
    """The name and guessed inter code of a group the table lacks, or None (``known(name)``: the
    name is a country, demonym or people the table holds, which no member noun makes a group;
    ``Tuareg-led rebels`` name their leader, not a group)."""
    words = _words(text)
    if len(words) < 1 or "and" in words or any("," in w for w in words) \
            or any(w.lower().endswith(("-led", "-backed", "-aligned", "-affiliated", "-allied", "-linked"))
                   for w in words):
        return None
    head = words[-1].lower() if len(words) > 1 else ""
    name = words[:-1]
    if head in _MEMBER_INTER and name and all(_name_word(w) for w in name) and name[0][:1].isupper():
        joined = " ".join(name)
        if known(joined) or (len(name) == 1 and re.sub(r"[’'-]", "", joined.lower()) in _FAITHS):
            return None  # "Shi'ite militias", "Sunni fighters" describe, they name no group
        return joined, _MEMBER_INTER[head] if _MEMBER_INTER[head] is not None else guess_inter(joined)
    if head in _NAME_NOUNS and words[-1].islower() and name and all(_name_word(w) for w in name) \
            and sum(w[:1].isupper() for w in name) >= 2 and not known(" ".join(name)):
        joined = " ".join([*name, words[-1].capitalize()])
        return joined, guess_inter(joined)
    if len(words) >= 2 and all(_name_word(w) for w in words) and \
            any(w.lower().split("-")[0] in ARABIC_GROUP_WORDS for w in words):
        joined = " ".join(words)
        return joined, guess_inter(joined)
    return None
