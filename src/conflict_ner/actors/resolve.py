"""Actor identity of the ACTOR mentions of one article.

A mention is resolved, in order, by: the table's aliases (folded spellings); an acronym the
article defines ("Hayat Tahrir al-Sham (HTS)": HTS is it; a pair the table lacks names the
group ACLED's way, "ACR: Long Form"); a named group with a member noun ("HTS fighters"); a demonym with a
state noun ("Turkish soldiers": Turkey's military); a described group ("government forces",
"the regime", "civilians", "gunmen") of the article's country; an earlier mention it
shortens ("Putin" after "Vladimir Putin"); a near spelling of an alias (rapidfuzz ratio of
the folded forms at or above ``fuzzy_threshold``, named mentions only). Otherwise None.
Then the article's rules (:mod:`conflict_ner.actors.coref`) revisit described groups.

The article's country comes from its dateline, its places and the countries it names
(:func:`article_country`); its date chooses government periods and period-bound entries.

>>> text = "IDLIB, May 6 - Hayat Tahrir al-Sham (HTS) said government forces shelled the town. HTS fighters replied."
>>> spans = [(15, 35), (37, 40), (47, 64), (83, 95)]
>>> [i.canonical for i in ActorResolver().resolve(text, spans, published=date(2019, 5, 6))]
['Hayat Tahrir al-Sham', 'Hayat Tahrir al-Sham', 'Military Forces of Syria (2000-2024)', 'Hayat Tahrir al-Sham']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz, process

from conflict_ner.actors.coref import by_document
from conflict_ner.actors.fold import fold
from conflict_ner.actors.place_country import default_place_country
from conflict_ner.actors.table import ACTOR_TYPES, ActorTable, Country, Entry, Identity, default_table
from conflict_ner.actors.unseen import guess_inter, member_group, state_unit
from conflict_ner.text.mojibake import same_length_apostrophes

#: rapidfuzz ratio (0-100) of folded forms at or above which a named mention takes the nearest
#: alias; chosen on the dev gold (``conflict-ner evaluate-actors --sweep``, training/ANNOTATION.md).
FUZZY_THRESHOLD = 80.0
#: nouns after a group's name that still name the group ("HTS fighters", "SDF members").
MEMBER_NOUNS = frozenset(fold(w) for w in (
    "fighters", "fighter", "members", "member", "militants", "militant", "forces", "force", "troops", "soldiers",
    "units", "cells", "cell", "men", "gunmen", "commanders", "commander", "militia", "militias", "militiamen",
    "rebels", "personnel", "loyalists", "elements", "positions", "officials", "official", "leaders", "leader",
    "spokesman", "spokesperson", "spokeswoman", "columns", "convoy", "group", "groups", "movement", "mercenaries",
    "jihadists", "insurgents", "terrorists", "operatives", "affiliates", "supporters", "combatants", "units",
    "servicemen", "officers", "brigades", "battalions", "factions", "faction", "ranks", "delegation", "contractors"))
_DETERMINERS = frozenset(fold(w) for w in (
    "a", "an", "its", "their", "his", "her", "some", "several", "many", "other", "two", "three", "four", "five",
    "dozens", "hundreds", "thousands", "of", "both", "all", "these", "those", "this", "that", "rival", "allied",
    "suspected", "alleged", "so-called", "so called", "unidentified", "unknown", "armed", "local", "senior",
    "newly", "remaining", "fellow", "heavily", "nearby", "pro", "anti"))
#: words that make a demonym's phrase its country's military ("Iraqi Army Aviation", "Russian reserves").
_MILITARY_WORDS = frozenset(fold(w) for w in (
    "army", "military", "forces", "troops", "soldiers", "navy", "air force", "reserves", "aviation", "brigade",
    "brigades", "division", "battalion", "regiment", "corps", "marines", "paratroopers", "artillery", "airborne",
    "warplanes", "jets", "drones", "personnel", "servicemen", "commanders", "guards", "gendarmerie", "guard",
    "special services", "security services"))
#: a word right after a government mention that makes it the military ("government warplanes")
_ARMED_NEXT = _MILITARY_WORDS | frozenset(fold(w) for w in (
    "aircraft", "planes", "helicopters", "gunships", "tanks", "bombers", "fighter", "troop", "soldier"))
#: "X-aligned fighters": the fighters are X's
_ALIGNED = frozenset(fold(w) for w in ("aligned", "affiliated", "allied", "loyal", "linked"))
#: words for a grouping whose members, named after "of", say who it is
_GROUPINGS = frozenset(("coalition", "alliance", "umbrella", "grouping", "network", "consortium"))
#: titles before a name that give the person's body: the article country's government, or the
#: body named before the title ("Army spokesman X", "LNA commander X").
_GOVERNMENT_TITLES = ("president", "prime minister", "premier", "king", "emir", "foreign minister",
                      "defence minister", "defense minister", "interior minister", "minister")
_SPEAKER_TITLES = ("spokesman", "spokeswoman", "spokesperson", "commander", "chief", "leader", "head",
                   "official", "general", "colonel", "major", "brigadier", "lieutenant", "press secretary")
#: "(federal) government of X", "armed forces of X": a body named with its country (folded forms)
_BODY_KINDS = {"government": "government", "armed forces": "military", "military forces": "military",
               "security forces": "military",
               "army": "military", "police forces": "police", "police": "police"}
_BODY_OF = re.compile(r"^(?:federal |central |national |transitional )?(" + "|".join(_BODY_KINDS) + r") of (.+)$")
#: ranks that make a person with no body before them the article country's military
_MILITARY_RANKS = frozenset(("general", "colonel", "major", "brigadier", "lieutenant"))
_TITLE_BEFORE = re.compile(r"((?:[\w’'-]+\s+){0,4}?)(" + "|".join(_GOVERNMENT_TITLES + _SPEAKER_TITLES)
                           + r")\.?(?:\s*,)?\s+(?:(?:sheikh|mullah|imam|mufti|haji|dr|mr|mrs|ms)\.?\s+)?$", re.IGNORECASE)
#: a person's apposition that names the body they serve: "X, a general in Iran's Revolutionary Guards"
_TITLE_AFTER = re.compile(r"\s*,\s+(?:a|an|the)\s+(?:senior\s+|top\s+|former\s+|veteran\s+)?(?:general|commander|"
                          r"leader|spokes(?:man|woman|person)|official|colonel|chief|officer|member)\s+(?:in|of|with|for)"
                          r"\s+(?:the\s+)?((?:[\w’'.-]+\s+){0,4}[\w’'.-]+)")
#: a person the clause after them makes a body's leader: "X was the face of Y", "X, who led Y"
_LEADER_OF = re.compile(r"\s*(?:,\s+who\s+|\s+)(?:(?:was|is|has\s+been|had\s+been|became)\s+(?:the\s+)?(?:long-time\s+|"
                        r"longtime\s+|founding\s+)?(?:face|leader|head|chief|founder|commander|spokes(?:man|woman|person))"
                        r"\s+(?:of|for)|(?:led|leads|heads|headed|founded|commands|commanded))\s+(?:the\s+)?"
                        r"((?:[\w’'.-]+\s+){0,4}[\w’'.-]+)")
_SPEAKS_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|leader|commander|head|chief|representative)\s+"
                         r"(?:for|of)\s+((?:[\w’'-]+\s+){0,5}?[\w’'-]+)\s*,\s*$", re.IGNORECASE)
_POSSESSOR = re.compile(r"((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)['’]s\s+$")
_POINTER = re.compile(r"\b(its|their|the|these|those)\s+(?:remaining\s+|surviving\s+)?$", re.IGNORECASE)
#: "the militia" points back to a militia (inter 3, 4); "the militants" first to a rebel group (2)
_POINTING_MILITIA = frozenset(fold(w) for w in ("militia", "militias", "militiamen"))
_POINTING_REBEL = frozenset(fold(w) for w in ("militants", "jihadists", "terrorists", "insurgents", "extremists"))
#: described groups that "the" may point back with to a named armed group
_POINTING_ARMED = frozenset(fold(w) for w in (
    "militants", "jihadists", "terrorists", "insurgents", "rebels", "fighters", "gunmen", "attackers", "assailants",
    "extremists", "militiamen", "insurgency", "group"))
# canonical names of described groups, which name no one in particular
_DESCRIBED = ("Unidentified Armed Group", "Civilians", "Protesters", "Rioters", "Military Forces of",
              "Police Forces of", "Government of")
_DESCRIBED_NON_STATE = ("Unidentified Armed Group", "Civilians", "Protesters", "Rioters")
_PLAIN_STATE_NAME = re.compile(r"^(?:Government|Military Forces|Police Forces) of [^()]+(?: \([^()]*\))?$")
_STATE_NAME = re.compile(r"^(Government|Military Forces|Police Forces) of (.+?)(?: \(.*\))?$")
_DATELINE = re.compile(r"\s*([A-Z][A-Za-z'’.-]*(?:[ -][A-Z][A-Za-z'’.-]*){0,3})\s*(?:,|\(|-|—|–)")
#: a country's possessive right before a name ("Australia's X")
_COUNTRY_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)[’']s\s+$")
#: a state force's members in training ("air force cadets", "police recruits") are that force
_TRAINEES = frozenset(fold(w) for w in ("cadets", "cadet", "recruits", "recruit", "trainees", "conscripts"))
#: a person quoted with no title ("..." said X) or named with a civilian's occupation ("singer X")
_WITNESS_BEFORE = re.compile(r"(?:[”\"]\s*,?\s*said\s+|\b(?:singer|farmer|resident|student|teacher|villager|shepherd|"
                             r"herder|shopkeeper|trader|fisherman|widow|mother|father|survivor|witness|refugee)\s+)$",
                             re.IGNORECASE)
#: described people "armed with" / "carrying" weapons are an armed group
_ARMED_WITH = re.compile(r"^\s+(?:(?:who\s+were\s+|who\s+are\s+)?(?:heavily\s+)?armed\s+with|carrying\s+(?:guns|rifles|"
                         r"weapons|machetes|assault\s+rifles|AK-47s|Kalashnikovs))\b", re.IGNORECASE)
#: "X faction led by Y": Y's group
_FACTION_LED_BY = re.compile(r"^\s+(?:faction|wing|splinter\s+group|splinter\s+faction|branch)\s+(?:that\s+is\s+|which\s+is\s+)?"
                             r"(?:led|headed|commanded|controlled)\s+by\s+((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)")
#: "U.S.-led forces", "Saudi-led troops": the X-led coalition
_LED_FORCE = re.compile(r"^(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)-led\s+(?:forces|troops|coalition\s+forces|"
                        r"military\s+coalition|military\s+forces|international\s+forces|soldiers|alliance)$")
#: "the Houthi-run", "Hamas-controlled": a group that runs the state body after it
_RUN_BY = re.compile(r"([A-Z][\w’'.]*(?:\s+[A-Z][\w’'.]*)?)-(?:run|controlled|dominated)\s+$")
#: "X and Y forces": a force of two actors
_MIXED = re.compile(r"^(?:the\s+)?([\w’'.-]+(?:\s+[\w’'.-]+)?)\s+and\s+([\w’'.-]+(?:\s+[\w’'.-]+)?)\s+"
                    r"(forces|troops|soldiers|fighters|militias|units|personnel)$", re.IGNORECASE)
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([^()\n]{1,40}?)\s*\)")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


class ActorResolver:
    """Resolves the ACTOR mentions of an article against an :class:`ActorTable`.

    ``aliases``: users' table files (same shape as the packaged ``aliases.yaml``) that extend it;
    ``place_country``: a LOCATION mention's ISO alpha-2 country for places the table does not
    know (default: the geocoder's gazetteer, :mod:`conflict_ner.actors.place_country`, loaded on
    first need; ``gazetteer_places=False`` turns it off).
    """

    def __init__(self, table: ActorTable | None = None, *, aliases: Iterable[str | Path] = (),
                 fuzzy_threshold: float | None = FUZZY_THRESHOLD, name_unknown_groups: bool = True,
                 place_country: Callable[[str], str | None] | None = None, gazetteer_places: bool = True):
        self.table = table or default_table(tuple(str(a) for a in aliases))
        self.fuzzy_threshold = fuzzy_threshold
        self.name_unknown_groups = name_unknown_groups
        self.place_country = place_country or (_gazetteer_country if gazetteer_places else None)
        self._keys = list(self.table.aliases)
        self._canonical_parts = canonical_parts(self.table)

    def resolve(self, text: str, spans: Sequence[tuple[int, int]], *, published: date | None = None,
                places: Sequence[str] | None = None) -> list[Identity]:
        """Identities of ``text[start:end]`` for each span (canonical None when unresolved).

        ``places``: the article's LOCATION mentions (they weigh more than a name in running
        text when the article's country is chosen).
        """
        # a page decoded in the wrong code page ("Iranâ€™s"): its apostrophe, same length, offsets kept
        text = same_length_apostrophes(text)
        country = article_country(text, places or (), self.table, self.place_country)
        mentions = [_trimmed(text, s, e) for s, e in spans]
        defined = self._acronyms(text, mentions, country, published)
        out: list[Identity] = []
        earlier: list[tuple[str, Identity]] = []  # folded named mentions resolved so far, in order
        for m in mentions:
            identity = defined.get((m.start, m.end))
            if identity is None:
                before = text[max(0, m.start - 80):m.start]
                identity = self._one(m.text, country, published, earlier, before)
                identity = self._antecedent(m.text, before, identity, out, country, published) or identity
                identity = self._armed_body(m.text, identity, text[m.end:m.end + 40], country, published)
                identity = self._made_of(m.text, identity, text[m.end:m.end + 60], country, published)
                identity = self._armed_people(identity, text[m.end:m.end + 30], country, published)
                if identity.canonical is None and self.name_unknown_groups:
                    identity = _described_name(m.text, text[m.end:m.end + 80]) or identity
                if identity.canonical is None and _named(m.text):
                    identity = self._titled_after(text[m.end:m.end + 80], country, published) or identity
                if identity.canonical is None and _named(m.text) and _WITNESS_BEFORE.search(before) \
                        and not _organisation_name(m.text) and not self._place_word(m.text):
                    identity = self.table.generic_identity("civilians", country, published)
                if identity.canonical is None and _person_name(m.text) and not self._place_word(m.text):
                    home = _COUNTRY_POSSESSIVE.search(before)
                    home = self.table.country_names.get(fold(home.group(1))) if home else None
                    if home in self.table.countries:  # "Australia's X": no title, no body: a civilian of X's country
                        identity = self.table.generic_identity("civilians", self.table.countries[home], published)
                identity = self._faction_led_by(identity, text[m.end:m.end + 80], country, published)
            out.append(identity)
            if identity.canonical is not None and _named(m.text):
                earlier.append((fold(m.text), identity))
        out = _shortened_before(mentions, out)
        out = _backer_before_actor(text, mentions, out)
        out = _members_of(text, mentions, out)
        out = self._owner_clause(text, mentions, out, country, published)
        out = _leader_of_named_force(mentions, out, self._place_word)
        return by_document([m.text for m in mentions], out, text, [(m.start, m.end) for m in mentions],
                           self._place_word)

    # --- one mention ----------------------------------------------------------------------

    def _one(self, text: str, country: Country | None, day: date | None,
             earlier: Sequence[tuple[str, Identity]] = (), before: str = "") -> Identity:
        text = re.sub(r"[’']s$", "", text.strip())
        tokens = fold(text).split()
        whole = tokens  # before determiners go: "armed groups" is a head, "groups" is not
        if "backed" in tokens[:-1]:  # "Rwanda-backed M23 rebels": the backer is not the actor
            tokens = tokens[tokens.index("backed") + 1:]
        named_whole = " ".join(tokens)  # "Allied Democratic Forces": "allied" is a name's word here
        while tokens and tokens[0] in _DETERMINERS and len(tokens) > 1:
            tokens = tokens[1:]
        key = " ".join(tokens)
        if not key:
            return _NONE
        runner = self._run_by(before, tokens, country, day)
        if runner:
            return runner
        found = (self._lookup(named_whole, country, day) if named_whole != key and _named(text) else None) \
            or self._lookup(key, country, day)
        if found:
            return self._home_generic(key, found, country, day) or found
        found = self._led_coalition(text, country, day) or self._demonym_people(key, day)
        if found:
            return found
        if self._mixed(text, country, day):
            return _NONE
        found = self._demonym_group(tokens, country, day)
        if found:
            return found
        named_group = self._group_member(tokens, country, day) or self._aligned(tokens, country, day)
        if named_group:
            return named_group
        owner = self._possessor(before, country, day, tokens, text)
        if owner:
            return owner
        found = self._country_itself(key, country, day) or self._country_itself(" ".join(whole), country, day) \
            or self._state_of_demonym(tokens, country, day) or self._whole_head(whole, country, day) \
            or self._generic(tokens, country, day) or self._generic(whole, country, day) \
            or self._generic(_without_plain_modifiers(text), country, day) \
            or self._generic(_after_leader(tokens), country, day) \
            or (self._generic(tokens[:-1], country, day) if len(tokens) > 1 and tokens[-1] in _TRAINEES else None)
        if found:
            return found
        if text.isupper():  # a unit in a headline's capitals: "PRESS RELEASE, SEVENTH DIVISION"
            found = self._state_unit(text, None, country, day)
            if found:
                return found
        if _named(text):
            for name, identity in reversed(earlier):  # "Putin" after "Vladimir Putin"
                if len(key) > 2 and (name.endswith(" " + key) or name.startswith(key + " ")):
                    return identity
            core = _capitalised_core(text)  # "separatist Balochistan Liberation Army", "joint UNAMID mission"
            found = self._state_unit(text, core, country, day) or self._dash_part(text, country, day) \
                or self._fuzzy(key, country, day) \
                or self._core(core, country, day) or self._titled(before, country, day)
            if found:
                return found
            people = self._people_civilians(text, tokens, country, day)
            if people:
                return people
            if self.name_unknown_groups:
                return self._unseen(text, core, country, day)
        return _NONE

    def _armed_people(self, identity: Identity, after: str, country: Country | None, day: date | None) -> Identity:
        """Described people armed with weapons (``young men armed with rifles``, ``villagers
        carrying guns``) are an armed group of the article's country, not civilians."""
        if identity.inter_code != 7 or not (identity.canonical or "").startswith("Civilians") \
                or not _ARMED_WITH.match(after):
            return identity
        return self.table.generic_identity("armed_group", country, day)

    def _faction_led_by(self, identity: Identity, after: str, country: Country | None, day: date | None) -> Identity:
        """A group's faction led by a person the table ties to a group (``the X faction led by Y``,
        ``X's wing headed by Y``) is Y's group: the faction, not the whole movement."""
        match = _FACTION_LED_BY.match(after)
        if match is None or identity.canonical is None or identity.canonical.startswith(_DESCRIBED):
            return identity
        found = self._lookup(fold(match.group(1)), country, day)
        if found is None or found.canonical is None or found.canonical.startswith(_DESCRIBED) \
                or found.inter_code in (1, 7, None):
            return identity
        return found

    def _led_coalition(self, text: str, country: Country | None, day: date | None) -> Identity | None:
        """``U.S.-led forces``, ``Saudi-led troops``: the coalition the table names ``X-led coalition``."""
        match = _LED_FORCE.match(text.strip())
        if match is None:
            return None
        return self._lookup(fold(f"{match.group(1)}-led coalition"), country, day)

    def _demonym_people(self, key: str, day: date | None) -> Identity | None:
        """A demonym in the plural alone (``Libyans``, ``Afghans``) is that country's civilians."""
        if " " in key or not key.endswith("s"):
            return None
        home = self.table.demonyms.get(key[:-1])
        if home is None or fold(home) == key[:-1] or home not in self.table.countries:
            return None
        return self.table.generic_identity("civilians", self.table.countries[home], day)

    def _dash_part(self, text: str, country: Country | None, day: date | None) -> Identity | None:
        """A long name joined by a spaced dash (``Combined Joint Task Force – Operation Inherent
        Resolve``) is the first of its parts the table names."""
        parts = [p for p in re.split(r"\s+[–—-]\s+", text.strip()) if p]
        if len(parts) < 2:
            return None
        for part in parts:
            found = self._lookup(fold(part), country, day)
            if found is not None and found.canonical is not None:
                return found
        return None

    def _people_civilians(self, text: str, tokens: list[str], country: Country | None,
                          day: date | None) -> Identity | None:
        """A people's name the table lacks before a civilian noun (``Fulani villagers``,
        ``Hazara families``) are the article country's civilians."""
        words = text.split()
        if len(words) != 2 or not words[0][:1].isupper() or not words[1][:1].islower() \
                or not _is_head(tokens[-1:], self.table.generics["civilians"]):
            return None
        return self.table.generic_identity("civilians", country, day)

    def _run_by(self, before: str, tokens: list[str], country: Country | None, day: date | None) -> Identity | None:
        """A state body a named group runs (``the Houthi-run Interior Ministry``, ``Hamas-controlled
        police``) is that group."""
        match = _RUN_BY.search(before)
        if match is None or not any(_is_head(tokens, self.table.generics[k]) for k in ("government", "police", "military")):
            return None
        found = self._lookup(fold(match.group(1)), country, day)
        if found is None or found.canonical is None or found.canonical.startswith(_DESCRIBED) or found.inter_code == 7:
            return None
        return found

    def _demonym_group(self, tokens: list[str], country: Country | None, day: date | None) -> Identity | None:
        """A demonym before a named group of its country (``Afghan Taliban``) is that group."""
        for n in (2, 1):
            home = self.table.demonyms.get(" ".join(tokens[:n]))
            if home is None or len(tokens) <= n:
                continue
            found = self._lookup(" ".join(tokens[n:]), country, day)
            if found is None or found.canonical is None or found.canonical.startswith(_DESCRIBED_NON_STATE):
                return None
            state = _STATE_NAME.match(found.canonical)
            return found if state is None or state.group(2) == home else None
        return None

    def _mixed(self, text: str, country: Country | None, day: date | None) -> bool:
        """``US and AMISOM forces``, ``US and partner forces``: a force of a named actor and another
        (ANNOTATION.md section 10: mixed mentions have no canonical); ``refugees and migrants``,
        ``Justice and Equality Movement`` are not."""
        match = _MIXED.match(text)
        if match is None:
            return False
        first = self._one(f"{match.group(1)} {match.group(3)}", country, day)  # "US forces"
        return first.canonical is not None and not first.canonical.startswith(_DESCRIBED_NON_STATE) \
            and fold(match.group(2)) not in (fold(match.group(1)), "its", "their")

    def _armed_body(self, mention: str, identity: Identity, after: str, country: Country | None, day: date | None) -> Identity:
        """A government whose weapons or troops the next word names (``Sudanese government``
        ``warplanes``, ``regime`` ``artillery``) is its country's military: the act is the forces'."""
        state = _STATE_NAME.match(identity.canonical or "")
        if state is None or state.group(1) != "Government" or state.group(2) not in self.table.countries \
                or fold(mention).split()[-1:] not in (["government"], ["regime"]):
            return identity  # "Russia's forces", "Assad's forces": the possessor is named, not the force
        nxt = re.match(r"\s+([A-Za-z-]+)", after)
        if nxt is None or fold(nxt.group(1)) not in _ARMED_NEXT:
            return identity
        return self.table.identity(Entry(None, None, None, state.group(2), "military"), country, day)

    def _made_of(self, mention: str, identity: Identity, after: str, country: Country | None,
                 day: date | None) -> Identity:
        """A word for a grouping followed by what it is made of (``a coalition of armed groups``,
        ``an alliance of militias``) is what those are, not a named coalition."""
        tokens = fold(mention).split()
        if _named(mention) or not tokens or tokens[-1] not in _GROUPINGS:
            return identity
        made = re.match(r"\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+)", after)
        if made is None:
            return identity
        words = fold(made.group(1)).split()
        for n in range(len(words), 0, -1):  # "armed groups backing the army": the longest head
            found = self._generic(words[:n], country, day)
            if found is not None:
                return found
        return identity

    def _state_unit(self, text: str, core: str | None, country: Country | None, day: date | None) -> Identity | None:
        """A unit of state forces the table lacks (``Frontier Corps``, ``12th Brigade``) is the
        article country's military (before near spellings: ``12th Brigade`` is not ``444 Brigade``)."""
        if self.name_unknown_groups and country is not None and \
                (state_unit(text) or (core is not None and state_unit(core))):
            return self.table.identity(Entry(None, None, None, country.name, "military"), country, day)
        return None

    def _unseen(self, text: str, core: str | None, country: Country | None, day: date | None) -> Identity:
        """A group the table lacks (:mod:`conflict_ner.actors.unseen`), named as the article names
        it, with the inter code its words suggest."""
        name = text if _organisation_name(text) else core if core and _organisation_name(core) else None
        if name:
            canonical = _unknown_group_name(name)
            return _typed(canonical, guess_inter(canonical))
        found = member_group(text, self._known_name)
        return _typed(*found) if found else _NONE

    def _place_word(self, name: str) -> bool:
        """A country's name, demonym, capital or place (``Syrian``, ``Darfur``)."""
        key = fold(name)
        return key in self.table.country_words or key in self.table.demonyms

    def _known_name(self, name: str) -> bool:
        """A country, demonym or actor the table holds (no member noun makes it an unseen group)."""
        key = fold(name)
        return key in self.table.country_words or key in self.table.demonyms or key in self.table.aliases

    def _core(self, core: str | None, country: Country | None, day: date | None) -> Identity | None:
        """The named actor the capitalised core of a wider mention is (a people's name aside:
        ``Rohingya insurgents`` are not the Rohingya)."""
        found = self._lookup(fold(core), country, day) if core else None
        return found if found is not None and found.inter_code != 7 else None

    def _group_member(self, tokens: list[str], country: Country | None, day: date | None) -> Identity | None:
        """A named group with a member noun: ``HTS fighters``, ``Houthi militia`` are the group;
        a people's name takes only a civilian noun (``Rohingya villagers``, not ``Rohingya insurgents``)."""
        if len(tokens) < 2:
            return None
        civilian = _is_head(tokens[-1:], self.table.generics["civilians"]) or \
            _is_head(tokens[-2:], self.table.generics["civilians"])
        if tokens[-1] not in MEMBER_NOUNS and not civilian:
            return None
        for cut in range(len(tokens) - 1, 0, -1):
            rest = tokens[cut:]
            if not (all(t in MEMBER_NOUNS for t in rest) or _is_head(rest, self.table.generics["civilians"])):
                continue
            group = self._lookup(" ".join(tokens[:cut]), country, day)
            if group and (group.inter_code == 7) == _is_head(rest, self.table.generics["civilians"]):
                return group
        return None

    def _aligned(self, tokens: list[str], country: Country | None, day: date | None) -> Identity | None:
        """``GNA-aligned fighters``, ``SDF-affiliated forces``: the actor they are aligned with, as
        "fighters loyal to X" are X (ANNOTATION.md section 10)."""
        for i, t in enumerate(tokens[1:-1], start=1):
            if t in _ALIGNED and all(w in MEMBER_NOUNS for w in tokens[i + 1:]):
                found = self._lookup(" ".join(tokens[:i]), country, day)
                plain = found is None or (found.canonical or "").startswith(_DESCRIBED_NON_STATE) \
                    or _PLAIN_STATE_NAME.match(found.canonical or "")
                return None if plain else found  # "troops loyal to the government" stay generic
        return None

    def _antecedent(self, text: str, before: str, identity: Identity, resolved: Sequence[Identity],
                    country: Country | None, day: date | None) -> Identity | None:
        """A described group that points back: ``its fighters`` / ``their troops`` are the last
        named group or state before them; ``the militants`` / ``the jihadists`` the last named
        armed group (non-state)."""
        if identity.canonical is not None and not identity.canonical.startswith(_DESCRIBED):
            return None  # named, or a state body said with its country
        tokens = fold(text).split()
        if not tokens or _named(text):
            return None
        pronoun = _POINTER.search(before)
        if pronoun is None:
            return None
        head = tokens[-1]
        if pronoun.group(1).lower() in ("its", "their"):
            if head not in MEMBER_NOUNS and not _is_head(tokens, self.table.generics["military"]):
                return None
            for prior in reversed(resolved):
                if prior.canonical is None or prior.canonical.startswith(_DESCRIBED_NON_STATE):
                    continue
                state = _STATE_NAME.match(prior.canonical)
                if state and state.group(2) in self.table.countries:  # "Moscow ... its troops": its military
                    kind = "police" if head in ("police", "policemen") else "military"
                    return self.table.identity(Entry(None, None, None, state.group(2), kind), country, day)
                return prior
            return None
        if head not in _POINTING_ARMED and head not in _POINTING_MILITIA:  # "the militants"
            return None
        named = [p for p in reversed(resolved)
                 if p.canonical and p.inter_code in (2, 3, 4) and not p.canonical.startswith(_DESCRIBED)]
        if head in _POINTING_MILITIA:
            named = [p for p in named if p.inter_code in (3, 4)]
        elif head in _POINTING_REBEL:
            named = [p for p in named if p.inter_code == 2] or named
        return named[0] if named else None

    def _possessor(self, before: str, country: Country | None, day: date | None,
                   tokens: list[str], text: str = "") -> Identity | None:
        """``Russia's Defence Ministry``: a state noun takes the possessor country's body, and a
        unit or an operation its military (``France's Operation Barkhane``, ``Ukraine's 47th
        Mechanized Brigade``); ``Haftar's eastern forces``: a force or member noun takes the possessor group."""
        match = _POSSESSOR.search(before)
        if match is None:
            return None
        words = match.group(1).split()
        owner_key = fold(match.group(1))
        home = None
        for n in range(len(words), 0, -1):  # "Izium. Russia's": the possessor is the last words
            key = fold(" ".join(words[-n:]))
            home = self.table.country_names.get(key) or self.table.demonyms.get(key)
            if home is not None or self.table.aliases.get(key):
                owner_key = key
                break
        if home is not None:
            for kind in ("military", "police", "government"):
                if _is_head(tokens, self.table.generics[kind]):
                    return self.table.identity(Entry(None, None, None, home, kind), country, day)
            if tokens[:1] == ["operation"] or state_unit(text):
                return self.table.identity(Entry(None, None, None, home, "military"), country, day)
            return None
        if tokens and (tokens[-1] in MEMBER_NOUNS or _is_head(tokens, self.table.generics["military"])):
            return self._lookup(owner_key, country, day)
        return None

    def _country_itself(self, key: str, country: Country | None, day: date | None) -> Identity | None:
        """A country or its capital named as an actor (``Russia``, ``Kyiv``) is its government;
        ``Government of Iraq``, ``Armed Forces of Mali`` name the body of that country."""
        kind = "government"
        body = _BODY_OF.match(key)
        if body:
            kind, key = _BODY_KINDS[body.group(1)], body.group(2)
        home = self.table.country_names.get(key)
        if home is None:
            return None
        return self.table.identity(Entry(None, None, None, home, kind), country, day)

    def _titled(self, before: str, country: Country | None, day: date | None) -> Identity | None:
        """A person after a title: ``President X`` is the article country's government; ``Army
        spokesman X`` speaks for the army."""
        spoken = _SPEAKS_FOR.search(before)  # "a spokesman for the Houthi movement, X"
        if spoken is not None:
            found = self._one(spoken.group(1), country, day)
            if found.canonical is not None:
                return found
        match = _TITLE_BEFORE.search(before)
        if match is None:
            return None
        words = match.group(1).split()
        marks = [i for i, w in enumerate(words) if not re.search(r"\w", w)]
        if marks:  # "ADEN - Former president X": a dateline before a dash is not the title's body
            words = words[marks[-1] + 1:]
        for n in range(min(3, len(words)), 0, -1):
            found = self._one(" ".join(words[-n:]), country, day)
            if found.canonical is not None:
                return found
        if match.group(2).lower() in _GOVERNMENT_TITLES and country is not None:
            return self.table.identity(Entry(None, None, None, country.name, "government"), country, day)
        if match.group(2).lower() in _MILITARY_RANKS and country is not None:  # "Lieutenant General X"
            return self.table.identity(Entry(None, None, None, country.name, "military"), country, day)
        return None

    def _titled_after(self, after: str, country: Country | None, day: date | None) -> Identity | None:
        """A person the apposition after them gives a body (``X, a general in Iran's Revolutionary
        Guards``, ``X, the spokesman for the Y movement``) is that body's, as "Army spokesman X" is."""
        match = _TITLE_AFTER.match(after) or _LEADER_OF.match(after)
        if match is None:
            return None
        words = match.group(1).split()
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n])
            for part in (re.split(r"[’']s\s+", phrase)[-1], phrase):  # "Iran's Guards": the Guards first
                found = self._one(part, country, day)
                if found.canonical is not None and not found.canonical.startswith(_DESCRIBED_NON_STATE):
                    return found
        return None

    def _lookup(self, key: str, country: Country | None, day: date | None) -> Identity | None:
        entries = [e for e, local in self.table.aliases.get(key, ())
                   if not local or (country is not None and e.country == country.name)]
        if not entries and key in self._canonical_parts:  # "TPLF", "March 23 Movement": its ACLED name's parts
            entries = [self._canonical_parts[key]]
        entry = _choose(entries, country, day)
        return None if entry is None else self.table.identity(entry, country, day)

    def _state_of_demonym(self, tokens: list[str], country: Country | None, day: date | None) -> Identity | None:
        """``Turkish soldiers``, ``Syrian government forces``, ``Russian defence ministry``."""
        for n in (2, 1):
            home = self.table.demonyms.get(" ".join(tokens[:n]))
            if home is None or len(tokens) <= n:
                continue
            rest = tokens[n:]
            for kind in ("military", "police", "government"):
                if _is_head(rest, self.table.generics[kind]):
                    entry = Entry(None, None, None, home, kind)
                    return self.table.identity(entry, country, day)
            if any(t in _MILITARY_WORDS for t in rest) or " ".join(rest[-2:]) in _MILITARY_WORDS:
                return self.table.identity(Entry(None, None, None, home, "military"), country, day)
            if home in self.table.countries and _is_head(rest, self.table.generics["civilians"]):
                return self.table.generic_identity("civilians", self.table.countries[home], day)
        return None

    def _generic(self, tokens: list[str], country: Country | None, day: date | None) -> Identity | None:
        """A described group: a head of one generic, in either number (``demonstrators`` when the
        table holds ``demonstrator``), or heads of one generic joined by ``and`` (``refugees and migrants``)."""
        for generic in self.table.generics.values():
            if _is_head(tokens, generic):
                return self.table.generic_identity(generic.kind, country, day)
        parts = _coordinated(tokens)
        for generic in self.table.generics.values():
            if parts and all(any(_is_head(form, generic) for form in _number_forms(part)) for part in parts):
                return self.table.generic_identity(generic.kind, country, day)
        return None

    def _whole_head(self, whole: Sequence[str], country: Country | None, day: date | None) -> Identity | None:
        """A described group whose whole words are one generic's head (``armed men``), before its
        words lose determiners (``men`` alone are civilians)."""
        key = " ".join(whole)
        for generic in self.table.generics.values():
            if key in generic.heads:
                return self.table.generic_identity(generic.kind, country, day)
        return None

    def _home_generic(self, key: str, found: Identity, country: Country | None, day: date | None) -> Identity | None:
        """A state alias of another country that is also a generic head of the same body
        (``federal police``: Iraq's Federal Police, and any country's federal police) is the
        article country's body."""
        state = _STATE_NAME.match(found.canonical or "")
        if state is None or country is None or state.group(2) == country.name:
            return None
        kind = {"Government": "government", "Military Forces": "military", "Police Forces": "police"}[state.group(1)]
        if key in self.table.generics[kind].heads:
            return self.table.generic_identity(kind, country, day)
        return None

    def _fuzzy(self, key: str, country: Country | None, day: date | None) -> Identity | None:
        if self.fuzzy_threshold is None or len(key) < 4:
            return None
        best = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=self.fuzzy_threshold)
        if best is None or best[0][:1] != key[:1]:  # "Nasrallah" is not "Ansarallah", "Jamala" not "Amal"
            return None
        # "Berti fighters" is not "IS fighters": the names, without member nouns, must be near too
        core, matched = _without_member_nouns(key), _without_member_nouns(best[0])
        if (core, matched) != (key, best[0]) and fuzz.ratio(core, matched) < self.fuzzy_threshold:
            return None
        return self._lookup(best[0], country, day)

    def _owner_clause(self, text: str, mentions: Sequence[Mention], identities: Sequence[Identity],
                      country: Country | None, day: date | None) -> list[Identity]:
        """A described force whose owner the clause before it names (``Turkey, which keeps
        soldiers``, ``the Wagner Group, whose contractors``, ``X still has thousands of fighters``)
        is that owner; a state owner gives its military."""
        out = list(identities)
        for i in range(1, len(mentions)):
            here, prev = mentions[i], mentions[i - 1]
            words = fold(here.text).split()
            if not words or _named(here.text) or not (words[-1] in MEMBER_NOUNS or
                                                      _is_head(words, self.table.generics["military"])):
                continue
            owner, mine = out[i - 1].canonical, out[i].canonical
            if owner is None or owner.startswith(_DESCRIBED_NON_STATE) or \
                    (mine is not None and not mine.startswith(_DESCRIBED)) or not _OWNER_CLAUSE.match(text[prev.end:here.start]):
                continue
            state = _STATE_NAME.match(owner)
            if state and state.group(2) in self.table.countries:
                out[i] = self.table.identity(Entry(None, None, None, state.group(2), "military"), country, day)
            else:
                out[i] = out[i - 1]
        return out

    # --- the article's acronyms -----------------------------------------------------------

    def _acronyms(self, text: str, mentions: Sequence[Mention], country: Country | None,
                  day: date | None) -> dict[tuple[int, int], Identity]:
        """Mentions an acronym pair of the article resolves: ``Long Name (ACR)`` or ``ACR (Long Name)``;
        a pair the table lacks names the group ACLED's way, ``ACR: Long Name``."""
        by_key: dict[str, Identity] = {}
        for m in mentions:
            after = _ACRONYM_AFTER.match(text, m.end)
            if after is None:
                continue
            inner = " ".join(after.group(1).split())
            short, long = (inner, m.text) if _is_acronym(inner) else (m.text, inner) if _is_acronym(m.text) else (None, None)
            if short is None or not _initials_fit(short, long):
                continue
            identity = self._lookup(fold(long), country, day) or self._lookup(fold(short), country, day)
            if identity is None:
                identity = Identity(f"{short}: {_long_form(long)}", None, None)  # ACLED: "ACR: Long Name"
            by_key.setdefault(fold(short), identity)
            by_key.setdefault(fold(long), identity)
        return {(m.start, m.end): by_key[fold(m.text)] for m in mentions if fold(m.text) in by_key}


_NONE = Identity(None, None, None)


_TRAILING_GLUE = re.compile(r"(?:\s+(?:of|the|and|in|for|with|from|to|by))+\s*$", re.IGNORECASE)


def _trimmed(text: str, start: int, end: int) -> Mention:
    """The mention of a span without the words a name never ends with (a model's span may run
    into the next phrase: ``coalition of``, ``health ministry of the``).

    >>> _trimmed("a coalition of armed groups", 2, 14)
    Mention(start=2, end=11, text='coalition')
    """
    cut = _TRAILING_GLUE.search(text, start, end)
    if cut is not None and cut.start() > start:
        end = cut.start()
    return Mention(start, end, " ".join(text[start:end].split()))


#: words that make a described group an armed one (a rights group or a news outlet is not)
_ARMED_CUES = frozenset(("armed", "gang", "gangs", "militia", "rebel", "jihadist", "insurgent", "militant", "separatist",
                         "terrorist", "vigilante", "criminal", "paramilitary", "guerrilla", "islamist", "extremist",
                         "self-defence", "self-defense", "dissident", "armed-group"))
_NOT_THE_GROUP = frozenset(("member", "members", "leader", "head", "founder", "spokesman", "commander", "part",
                            "former", "rights", "monitoring", "aid"))
#: an appositive that says a name is a group's: "X, a gang coalition", "X, an armed group that"
_APPOSITIVE_GROUP = re.compile(r"^\s*,\s+(?:a|an|the|another)\s+((?:[\w’'-]+\s+){0,4}?)(group|gang|gangs|militia|"
                               r"coalition|alliance|faction|movement|front|organi[sz]ation|network|outfit)\b",
                               re.IGNORECASE)


def _described_name(mention: str, after: str) -> Identity | None:
    """A name the table lacks that the article describes right after it as a group (``Ba Sud,
    a gang coalition that``) is that group, named as written, with the inter code its
    description suggests; persons and places are not described that way.

    >>> _described_name("Ba Sud", ", a gang coalition that controls the port")
    Identity(canonical='Ba Sud', actor_type='Political Militias', inter_code=3)
    >>> _described_name("Ba Sud", ", a local rights group,") is None, _described_name("Ba Sud", ", a former member of the gang") is None
    (True, True)
    """
    found = _APPOSITIVE_GROUP.match(after)
    if found is None or not all(w[:1].isupper() or w.lower() in _NAME_GLUE for w in mention.split()):
        return None  # "a member of the Civilian JTF" is not the group's name
    described = f"{found.group(1)}{found.group(2)}".lower()
    words = set(re.findall(r"[\w-]+", described))
    if not words & _ARMED_CUES or words & _NOT_THE_GROUP:  # "a rights group", "a former member of the group"
        return None
    return _typed(_long_form(mention), guess_inter(described) or 3)


_BACKER_ONLY = re.compile(r"^[\w’'. -]+-(?:backed|led|supported|sponsored|allied|aligned)$", re.IGNORECASE)


def _backer_before_actor(text: str, mentions: Sequence[Mention], identities: Sequence[Identity]) -> list[Identity]:
    """A span cut before its head (``Rwanda-backed`` | ``M23 rebels``, a model's split of one
    phrase) is the actor that follows it, not the backer.

    >>> text = "Rwanda-backed M23 rebels took Goma."
    >>> m23 = Identity("M23: March 23 Movement", "Rebel Groups", 2)
    >>> got = _backer_before_actor(text, [Mention(0, 13, "Rwanda-backed"), Mention(14, 24, "M23 rebels")], [_NONE, m23])
    >>> got[0] == m23
    True
    """
    out = list(identities)
    for i in range(len(mentions) - 1):
        here, nxt = mentions[i], mentions[i + 1]
        if _BACKER_ONLY.match(here.text) and not text[here.end:nxt.start].strip() and out[i + 1].canonical:
            out[i] = out[i + 1]
    return out


def _shortened_before(mentions: Sequence[Mention], identities: Sequence[Identity]) -> list[Identity]:
    """A short name the article gives before the full one (a headline's ``Nasrallah`` before
    ``Hassan Nasrallah``) is what the full name is, as a later short name is.

    >>> body = Identity("Hezbollah", "Political Militias", 3)
    >>> got = _shortened_before([Mention(0, 9, "Nasrallah"), Mention(20, 36, "Hassan Nasrallah")], [_NONE, body])
    >>> got[0] == body
    True
    """
    out = list(identities)
    for i, m in enumerate(mentions):
        key = fold(m.text)
        if out[i].canonical is not None or not _named(m.text) or len(key) <= 2:
            continue
        for later, identity in zip(mentions[i + 1:], identities[i + 1:]):
            name = fold(later.text)
            if identity.canonical is not None and _named(later.text) and \
                    (name.endswith(" " + key) or name.startswith(key + " ")):
                out[i] = identity
                break
    return out


def canonical_parts(table: ActorTable) -> dict[str, Entry]:
    """The forms an entry's own ACLED-style name gives (folded): the whole name, its acronym and
    long form around ``": "``, and a worded parenthesis (``AGC: ... (Clan del Golfo)``; not a country
    or place: ``Islamic State (Somalia)`` gives no ``Somalia``), for the
    entries the table's aliases still reach; a form two entries give is dropped.

    >>> table = ActorTable()
    >>> table.add({"actors": [{"canonical": "TPLF: Tigray People's Liberation Front", "type": "Rebel Groups",
    ...                        "inter": 2, "aliases": ["Tigray Defense Forces"]}]}, "t")
    >>> sorted(canonical_parts(table))
    ['tigrai peoples liberation front', 'tplf', 'tplf tigrai peoples liberation front']
    """
    found: dict[str, Entry] = {}
    clash: set[str] = set()
    for entries in table.aliases.values():
        for entry, local in entries:
            name = entry.canonical
            if not name or local or "{" in name or entry.state is not None:
                continue
            forms = {name, *name.split(": ", 1)}
            # a worded parenthesis names the group, unless it is a country or place: "Islamic State
            # (Somalia)" and "Rohingya Ethnic Group (Myanmar)" do not make "Somalia", "Myanmar" theirs
            forms |= {inner for inner in re.findall(r"\(([^()]+)\)", name)
                      if not re.search(r"\d", inner) and fold(inner) not in table.country_words}
            for form in forms:
                key = fold(re.sub(r"\s*\([^()]*\)", "", form) if form != name else form)
                if len(key) < 2:  # "AA" folds to "a"
                    continue
                if key in found and found[key].canonical != name:
                    clash.add(key)
                found.setdefault(key, entry)
    return {k: e for k, e in found.items() if k not in clash}


#: between an owner and a described force it has: ", which keeps ", ", whose ", " still has thousands of "
_OWNER_CLAUSE = re.compile(r"^(?:\s*,\s+whose\s+(?:[a-z-]+\s+){0,2}|\s*(?:,\s+(?:which|who)\s+)?"
                           r"\s*(?:still\s+|also\s+|now\s+)?(?:(?:approved|agreed\s+to|voted\s+for|began|started|plans\s+to)\s+)?"
                           r"(?:has|have|had|keeps|kept|fields|maintains|deployed|deploying|sent|sending)"
                           r"\s+(?:[^,.;:!?()\n]|(?<=\d)[,.](?=\d)){0,40})$")
#: between a described member noun and the named group it belongs to: "of the (former) "
_MEMBERS_OF = re.compile(r"^\s+of\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$")
_ALLY_NOUNS = frozenset(fold(w) for w in ("allies", "ally", "partners", "partner"))


def _members_of(text: str, mentions: Sequence[Mention], identities: Sequence[Identity]) -> list[Identity]:
    """A described member noun right before the named group it belongs to (``fighters of the
    former Nusra Front``, ``its allies of the Wazalendo movement``) is that group.

    >>> text = "Fighters of the newly formed Kayan Front shot."
    >>> front = Identity("Kayan Front", "Rebel Groups", 2)
    >>> _members_of(text, [Mention(0, 8, "Fighters"), Mention(29, 40, "Kayan Front")], [_NONE, front])[0] == front
    True
    """
    out = list(identities)
    for i in range(len(mentions) - 1):
        here, nxt = mentions[i], mentions[i + 1]
        words = fold(here.text).split()
        if not words or (words[-1] not in MEMBER_NOUNS and words[-1] not in _ALLY_NOUNS) \
                or any(w[:1].isupper() for w in here.text.split()[1:]):
            continue
        mine, theirs = out[i].canonical, out[i + 1].canonical
        if (mine is not None and not mine.startswith(("Unidentified Armed Group", "Civilians"))) or theirs is None \
                or theirs.startswith(("Unidentified Armed Group", "Civilians")):
            continue
        if _MEMBERS_OF.match(text[here.end:nxt.start]):
            out[i] = out[i + 1]
    return out


def _typed(canonical: str, inter: int | None) -> Identity:
    return Identity(canonical, ACTOR_TYPES[inter] if inter else None, inter)


def _choose(entries: Sequence[Entry], country: Country | None, day: date | None) -> Entry | None:
    """The entry an alias names here: one that holds on the article's date, of the article's
    country before one of no country before one of another; a period-bound entry first."""
    if not entries:
        return None
    holding = [e for e in entries if e.holds_on(day)] or list(entries)
    name = country.name if country is not None else None

    def rank(e: Entry) -> tuple[int, int]:
        place = 0 if (name is not None and e.country == name) else 1 if e.country is None or e.state is not None else 2
        return place, 0 if (e.start or e.end) else 1

    return min(holding, key=rank)


def _is_head(tokens: Sequence[str], generic) -> bool:
    """``tokens`` is one of the generic's heads, after modifiers it allows."""
    i = 0
    while True:
        if " ".join(tokens[i:]) in generic.heads:
            return True
        if i < len(tokens) and (tokens[i] in generic.modifiers or tokens[i] in _DETERMINERS):
            i += 1
            continue
        return False


def _number_forms(tokens: Sequence[str]) -> list[list[str]]:
    """``tokens`` and, with its last word in the other number (English ``-s``/``-ies`` only), that form.

    >>> _number_forms(["demonstrators"]), _number_forms(["armed", "militia"]), _number_forms(["militias"])
    ([['demonstrators'], ['demonstrator']], [['armed', 'militia'], ['armed', 'militias']], [['militias'], ['militia']])
    """
    if not tokens:
        return [list(tokens)]
    *rest, last = tokens
    if last.endswith("ies") and len(last) > 4:
        other = [last[:-3] + "y"]
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        other = [last[:-1]]
    elif last.endswith("y") and len(last) > 3:
        other = [last[:-1] + "ies"]
    else:
        other = [last + "s"]
    return [list(tokens)] + [[*rest, o] for o in other]


def _coordinated(tokens: Sequence[str]) -> list[list[str]]:
    """The parts of a described mention joined by ``and`` (one part when there is none; none
    when a part is missing: ``and police`` is the tail of a wider phrase).

    >>> _coordinated(["refugees", "and", "migrants"]), _coordinated(["displaced", "people"]), _coordinated(["and", "police"])
    ([['refugees'], ['migrants']], [['displaced', 'people']], [])
    """
    parts: list[list[str]] = [[]]
    for t in tokens:
        if t == "and":
            parts.append([])
        else:
            parts[-1].append(t)
    return parts if all(parts) else []


def _after_leader(tokens: Sequence[str]) -> list[str]:
    """The described group after ``X-led`` (``Tuareg-led rebels``: rebels; the leader is not the actor).

    >>> _after_leader(["tuareg", "led", "rebels"]), _after_leader(["rebels"])
    (['rebels'], [])
    """
    return list(tokens[tokens.index("led") + 1:]) if "led" in tokens[:-1] else []


def _without_plain_modifiers(text: str) -> list[str]:
    """The folded words of a described mention after its leading lower-case words that are not
    nouns of a head (``female suicide bomber`` -> ``suicide bomber``): the longest tail tried by
    :meth:`ActorResolver._generic` is the last two words.

    >>> _without_plain_modifiers("female suicide bomber"), _without_plain_modifiers("Hausa and Berti fighters")
    (['suicide', 'bomber'], [])
    """
    words = text.split()
    if len(words) < 3 or not all(w[:1].islower() for w in words):
        return []
    return fold(" ".join(words[-2:])).split()


def _without_member_nouns(key: str) -> str:
    """A folded name without the member nouns that end it (``is fighters`` -> ``is``)."""
    tokens = key.split()
    while len(tokens) > 1 and tokens[-1] in MEMBER_NOUNS:
        tokens = tokens[:-1]
    return " ".join(tokens)


def _capitalised_core(text: str) -> str | None:
    """The name inside a mention that also holds lower-case words (a model's wider span):
    its longest run of capitalised words (``al-``, ``of`` and the like may join them); None
    when the mention is all name or has none.

    >>> _capitalised_core("separatist Balochistan Liberation Army"), _capitalised_core("joint UNAMID peacekeeping mission")
    ('Balochistan Liberation Army', 'UNAMID')
    >>> _capitalised_core("Hayat Tahrir al-Sham") is None
    True
    """
    words = text.split()
    runs: list[list[str]] = [[]]
    for w in words:
        if w[:1].isupper() or (runs[-1] and w.lower() in _NAME_GLUE) or (runs[-1] and w[:3].lower() in ("al-", "el-")):
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    for run in runs:
        while run and run[-1].lower() in _NAME_GLUE:
            run.pop()
    best = max(runs, key=len)
    if not best or len(best) == len(words) or best[-1].endswith(("-led", "-backed")):  # "HTS-led factions"
        return None
    return " ".join(best)


def _leader_of_named_force(mentions: Sequence[Mention], identities: Sequence[Identity],
                           place_word: Callable[[str], bool] = lambda name: False) -> list[Identity]:
    """A person the article's armed group is named after (``Saleh`` and ``Saleh loyalists``) leads
    that force: the group, not the government he once led (ANNOTATION.md section 10); a country's
    or place's word in a group's name (``Tehreek-i-Taliban Pakistan``) names no person.

    >>> loyal = Identity("Saleh Loyalists", "Political Militias", 3)
    >>> gov = Identity("Government of Yemen (2012-)", "State Forces", 1)
    >>> got = _leader_of_named_force([Mention(0, 18, "Ali Abdullah Saleh"), Mention(30, 45, "Saleh loyalists")],
    ...                              [gov, loyal])
    >>> got[0] == loyal
    True
    """
    groups = {}
    for m, identity in zip(mentions, identities):
        if identity.canonical and identity.inter_code in (2, 3, 4) and not identity.canonical.startswith(_DESCRIBED):
            for word in re.findall(r"[A-Z][\w’'-]+", identity.canonical):
                if not place_word(word):
                    groups.setdefault(fold(word), identity)
    out = list(identities)
    for i, (m, identity) in enumerate(zip(mentions, identities)):
        words = m.text.split()
        if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or _organisation_name(m.text):
            continue
        if identity.canonical is not None and not (identity.inter_code == 1 and identity.canonical.startswith("Government of")):
            continue
        group = groups.get(fold(words[-1]))
        if group is not None and len(fold(words[-1])) > 3:
            out[i] = group
    return out


def _person_name(text: str) -> bool:
    """Two or three capitalised words that are no organisation's name (``Dami Im``)."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words) \
        and not _organisation_name(text)


def _named(text: str) -> bool:
    """A name, not a description: some word starts upper case (a sentence's first word aside)."""
    words = text.split()
    if len(words) > 1 and all(w.isupper() for w in words):  # a headline in capitals names no one
        return False
    return any(w[:1].isupper() for w in words)


#: words that make a capitalised name an organisation's (not a person's)
_ORGANISATION_WORDS = frozenset((
    "force", "forces", "army", "front", "group", "movement", "brigade", "brigades", "battalion", "party", "council",
    "network", "committee", "association", "agency", "organization", "organisation", "centre", "center", "campaign",
    "alliance", "jihad", "union", "coalition", "mission", "radio", "crescent", "cross", "watch", "commission",
    "institute", "community", "league", "militia", "militias", "corps", "regiment", "division", "guard", "guards",
    "federation", "foundation", "service", "services", "office", "ministry", "authority", "tribune", "news",
    "television", "tv", "brotherhood", "legion", "battalions", "command", "police", "administration"))
_NAME_GLUE = frozenset(("of", "the", "for", "and", "al", "el", "de", "du", "des", "la", "le", "in", "on", "e", "an", "wa"))


def _organisation_name(text: str) -> bool:
    """A capitalised name with an organisation word (``Derna Protection Force``) or an acronym
    (``UNESCO``): a group the table lacks, named as written. Persons and common nouns are not."""
    words = re.findall(r"[\w’'-]+", text)
    if not words or not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_GLUE for w in words):
        return False
    if len(words) == 1:
        return _is_acronym(words[0]) and len(words[0]) >= 3
    return any(w.lower() in _ORGANISATION_WORDS for w in words)


def _is_acronym(text: str) -> bool:
    compact = re.sub(r"[-/.&]", "", text)
    return 2 <= len(compact) <= 8 and " " not in text and sum(c.isupper() for c in compact) >= 2


def _initials_fit(short: str, long: str) -> bool:
    """The acronym's first letter starts a word of the long form (``HTS`` / ``Hayat Tahrir al-Sham``)."""
    words = re.findall(r"[A-Za-z]+", long)
    return len(words) >= 2 and short[0].lower() in {w[0].lower() for w in words}


def _unknown_group_name(text: str) -> str:
    """A group the table lacks, named as written; an army of three or more words takes its
    initials first, as ACLED names armed movements (``BLA: Balochistan Liberation Army``).

    >>> _unknown_group_name("the Balochistan Liberation Army"), _unknown_group_name("Derna Protection Force")
    ('BLA: Balochistan Liberation Army', 'Derna Protection Force')
    """
    name = _long_form(text)
    words = [w for w in re.findall(r"[\w’'-]+", name) if w.lower() not in _NAME_GLUE]
    if len(words) >= 3 and words[-1] == "Army" and all(w[:1].isupper() for w in words):
        return f"{''.join(w[0] for w in words)}: {name}"
    return name


def _long_form(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", " ".join(text.split()))


def _gazetteer_country(place: str) -> str | None:
    return default_place_country()(place)


def article_country(text: str, places: Sequence[str], table: ActorTable,
                    place_country: Callable[[str], str | None] | None = None) -> Country | None:
    """The country an article is about: its dateline (weight 3), its places (2 each: by the
    table's country words, else by ``place_country``, a place's ISO alpha-2 country) and the
    country words of its text (capitals, places, names, demonyms: 1 each); ties go to the first named.

    >>> table = default_table()
    >>> article_country("KABUL, Dec 25 - Pakistani jets struck Paktika.", [], table).name
    'Afghanistan'
    >>> article_country("A bomber struck Potiskum.", ["Potiskum"], table, {"Potiskum": "NG"}.get).name
    'Nigeria'
    """
    score: Counter[str] = Counter()
    first: dict[str, int] = {}
    found = dateline_country(text, table)
    if found:
        score[found] += 3
        first.setdefault(found, -1)
    for place in places:
        named = _country_words(fold(place), table)
        if not named and place_country is not None:
            named = [n for n in [_country_of_alpha2(place_country(place), table)] if n]
        for name in named:
            score[name] += 2
    for i, name in enumerate(_country_words(fold(text[:20000]), table)):
        score[name] += 1
        first.setdefault(name, i)
    if not score:
        return None
    best = max(score, key=lambda n: (score[n], -first.get(n, 10**9)))
    return table.countries[best]


def dateline_country(text: str, table: ActorTable) -> str | None:
    """The country of an article's dateline (``KABUL, Dec 25 -``), or of the state body that
    heads it where a dateline would stand (``Lebanese Army Command - communique No. 4``): a
    body's own communique is about its country, whatever neighbours it names later.

    >>> table = default_table()
    >>> dateline_country("KABUL, Dec 25 - Jets struck.", table), dateline_country("Lebanese Army Command - No. 4", table)
    ('Afghanistan', 'Lebanon')
    >>> dateline_country("Rebels said, on Monday", table) is None
    True
    """
    dateline = _DATELINE.match(text)
    if dateline is None:
        return None
    words = fold(dateline.group(1)).split()
    found = table.country_words.get(" ".join(words))
    if found:
        return found
    for n in (2, 1):  # a demonym or country name before the body's words
        if len(words) > n and " ".join(words[:n]) in table.demonyms:
            return table.demonyms[" ".join(words[:n])]
    return None


def _country_of_alpha2(code: str | None, table: ActorTable) -> str | None:
    """The table's country of an ISO alpha-2 code (None when the table has none)."""
    if not code:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    return table.by_iso.get(found.alpha_3) if found is not None else None


def _country_words(folded: str, table: ActorTable) -> list[str]:
    """Countries of the 1-3 word n-grams of a folded text that the table knows, longest first."""
    tokens = folded.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for n in (3, 2, 1):
            name = table.country_words.get(" ".join(tokens[i:i + n]))
            if name and i + n <= len(tokens):
                out.append(name)
                i += n
                break
        else:
            i += 1
    return out
