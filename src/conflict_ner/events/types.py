"""ACLED event and sub-event types of a record, by rules over its sentence's words.

The sentence's words are read as *cues* (``air strike`` -> ``air``, ``clashes`` ->
``clash``, ``seized the town`` -> ``territory``...), the record's weapons add theirs, and
its actors and counts say who suffered the act (armed men, civilians, protesters). A fixed
precedence turns cues into one of ACLED's 25 sub-event types; the decisions are written in
``training/ANNOTATION.md``, "Event types (ACLED codebook)".

>>> classify(Sentence("A suicide car bomb exploded at a checkpoint."))
EventType(event_type='Explosions/Remote violence', sub_event_type='Suicide bomb')
>>> classify(Sentence("Warplanes bombed the town as clashes went on."))
EventType(event_type='Explosions/Remote violence', sub_event_type='Air/drone strike')
>>> classify(Sentence("Army artillery shelled rebel positions amid heavy clashes."))
EventType(event_type='Battles', sub_event_type='Armed clash')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from conflict_ner.events.lexicon import (AGREED_TO, BASE_SET_UP_PASSIVE, CIVIL_ACT_VERBS, FORCES_SENT, MARCHED,
                                         MUTUAL_VERBS, VICTIM_NOUNS)
from conflict_ner.events.regex_literals import fold, may_match, required_literals
from conflict_ner.events.sentence import Sentence
from conflict_ner.events.triggers import AGREEMENT_MADE, ARRIVAL, fleeing
from conflict_ner.records import TYPE_OF_SUB_EVENT, ActorRef, CountRef, TextSpan


class EventType(NamedTuple):
    """An ACLED event type and one of its sub-event types."""

    event_type: str
    sub_event_type: str


def typed(sub_event_type: str) -> EventType:
    """The event type of a sub-event type, with it.

    >>> typed("Grenade")
    EventType(event_type='Explosions/Remote violence', sub_event_type='Grenade')
    """
    return EventType(TYPE_OF_SUB_EVENT[sub_event_type], sub_event_type)



# --- cues: what the words say about the means and the act ------------------------------------------------

# "rocket-propelled grenade" is a direct-fire weapon of a fight, neither a rocket attack nor a thrown grenade
_RPG = re.compile(r"\brocket[- ]propelled grenades?\b|\brpgs?\b|\banti-tank (?:guided )?missiles?\b|\batgms?\b|"
                  r"\b(?:anti-tank )?guided missiles\b", re.I)
# places whose control can change hands (fighting positions and checkpoints are part of a battle);
# lexicon.PLACE_NOUNS, the objects of "take", holds them on purpose: "took army positions" is an act
_PLACE_NOUNS = (r"towns?|villages?|city|cities|areas?|districts?|hills?|neighbou?rhoods?|bases?|air ?bases?|"
                r"airports?|dams?|crossings?|bridges?|roads?|highways?|regions?|provinces?|territory|territories|"
                r"outskirts|suburbs?|countryside|ports?|islands?|border posts?|mountains?|ridges?|settlements?|camps?|"
                r"strongholds?|headquarters|barracks|localit(?:y|ies)|heights|farmland|square|capital|"
                r"municipalit(?:y|ies)|oil ?fields?|gas ?fields?|prisons?|jails?|enclaves?|airfields?|townships?|"
                r"communes?|citadel|quarters?")
# what is looted, burned or blown up (a bridge or a shrine is property; fighting positions are not)
_PROPERTY = (r"homes?|houses?|huts?|shelters?|tents?|shops?|property|properties|buildings?|structures?|crops|fields|"
             r"villages?|churches?|mosques?|shrines?|minarets?|bridges?|warehouses?|schools?|markets?|vehicles|cars|"
             r"farms?|livestock|planes?|aircraft|stations?|power lines?|pipelines?|infrastructure|remains|ruins|"
             r"monuments?|statues?|offices?|hospitals?|clinics?|stores?|stalls?|trucks|lorries|granar(?:y|ies)")
_WEAPON_GOODS = r"weapons|arms|ammunition|munitions|explosives|rifles|mortars|rockets|missiles|guns|cache|caches"
#: One pattern per cue; a cue is present when its pattern matches the sentence (or, for the
#: means of an act, one of the record's WEAPON spans).
CUES: dict[str, str] = {
    "chemical": r"chemical (?:weapons?|attacks?|agents?|munitions?|strikes?|bombs?|shells?)|chlorine|sarin|"
                r"mustard gas|nerve (?:agents?|gas)|toxic gas|poison(?:ous)? gas",
    "suicide": r"suicide|blew (?:himself|herself|themselves) up|svbieds?|explosive (?:vests?|belts?)|"
               r"(?:explosives?|bomb)-(?:laden|packed|rigged) (?:\w+ )?(?:vehicles?|cars?|trucks?)",
    "air": r"air ?strikes?|air ?raids?|airstrikes?|drone (?:strikes?|attacks?)|aerial (?:bombardments?|attacks?|"
           r"strikes?|bombings?)|warplanes?|war planes?|(?:fighter |military )?jets?|(?<!anti-)aircraft(?! carriers?)|helicopters?|"
           r"gunships?|bombers?|barrel bombs?|air forces?|drones?|uavs?|unmanned aerial \w+|reapers?|mq-\d+|hellfires?|"
           r"shaheds?|bayraktars?|tb2s?|su-\d+|mig-\d+|f-1[56]s?|"
           r"bombs? (?:fell|rained|were dropped)|dropped (?:\w+ )?bombs|"
           r"(?<!hunger )(?<!general )(?<!missile )(?<!artillery )(?<!rocket )(?<!drone )strikes?(?! back)|sorties",
    "shelling": r"shells?|shell(?:ed|ing)|artillery|mortars?|rockets?|missiles?|howitzers?|grads?|katyushas?|mlrs|"
                r"multiple rocket launchers?|tank (?:fire|shells?|rounds?)|bombard(?:ed|ment|ments|ing|s)?|himars|"
                r"iskanders?|kalibrs?|ballistic|projectiles?",
    "explosive": r"ieds?|improvised explosive(?: devices?)?|roadside bombs?|"
                 r"(?:land|anti-personnel|anti-tank|naval|sea) ?mines?|"
                 r"(?:stepped on|hit|struck|triggered|ran over|detonated) an? (?:\w+ )?mine|"
                 r"mines? (?:exploded|blasts?|explosions?)|car bombs?|vbieds?|booby[- ]?trap(?:ped|s)?|"
                 r"explosive devices?|sticky bombs?|magnetic bombs?|bombs? (?:blasts?|explosions?|exploded|"
                 r"went off|detonated|ripped)|planted (?:an? )?(?:\w+ )?(?:bombs?|explosives?)",
    "blast": r"explosions?|blasts?|bomb(?:s|ed|ing|ings)?|explosives?|detonat(?:ed|es|ing|ion|ions|e)|"
             r"explod(?:ed|es|ing)|went off",
    "grenade": r"grenades?",
    "clash": rf"{MUTUAL_VERBS}|clashes|fighting|battles?|firefights?|gunfights?|gun ?battles?|"
             r"exchanges? of fire|engagements?",
    "assault": r"ambush(?:ed|es|ing)?|assault(?:ed|s|ing)?|storm(?:ed|ing|s)?|offensives?|counter-?offensives?|"
               r"counter-?attack(?:ed|s)?|attack(?:ed|s|ing)? (?:\w+ ){0,3}(?:positions?|posts?|checkpoints?|bases?|"
               r"barracks|convoys?|outposts?|patrols?|lines|troops|soldiers|fighters|forces)|incursions?|"
               r"repel(?:led|s|ling)?|infiltrat\w*|advance[ds]? (?:on|into|towards?)|"
               r"(?:destroy\w*|hit|knocked out|disabled) (?:\w+ ){0,3}(?:tanks?|armou?red vehicles?|bmps?|apcs?|"
               r"humvees?|infantry fighting vehicles?)|(?:tanks?|armou?red vehicles?) (?:\w+ ){0,4}(?:destroyed|hit)",
    # face-to-face means: firearms and blades
    "direct": r"shot|shoot(?:s|ing|ings)?|gunned down|opened fire|gunfire|gunmen|gunshots?|stabb\w*|knif\w*|"
              r"machetes?|beat(?:en)? to death|hacked|behead\w*|execut(?:ed|es|ing|ion|ions)|massacre\w*|"
              r"burn(?:ed|t) alive|guns?|rifles?|small arms|machine ?guns?|ak-47s?|kalashnikovs?|snipers?|"
              r"automatic (?:weapons?|gunfire|fire)",
    # harm without a means
    "harm": r"kill(?:ed|ing|s)?|murder\w*|assassinat\w*|raid(?:ed|s)?|attack(?:ed|s|ing)?|"
            r"engag(?:ed|es|ing) (?:the |an? )?(?:\w+ )?(?:patrols?|troops|forces|soldiers|fighters|enemy|convoys?)",
    "sexual": r"rap(?:e|ed|es|ing|ists?)|gang-?raped|sexual(?:ly)? (?:violence|assault\w*|abuse\w*|slavery|"
              r"exploitation|harassment)|sexually assaulted",
    "abduction": r"abduct\w*|kidnap\w*|taken hostage|took (?:\w+ )?hostages?|held (?:\w+ )?hostage|held captive|"
                 r"forcibly disappeared|(?:forced|enforced) disappearances?",
    "arrest": r"arrest\w*|detain\w*|detention|apprehend\w*|rounded up|round-ups?|taken into custody|jailed",
    "protest": r"protest(?:s|ed|ers|ors|ing)?|demonstrat(?:ion|ions|ors)|rall(?:y|ies)|protest marches|marchers|"
               r"(?-i:march(?:es)?)|" + MARCHED + r"|"
               r"sit-ins?|(?:general|hunger) strikes?|went on strike|strikers",
    "intervention": r"dispers(?:ed|e|es|ing)|tear ?gas|water cannons?|rubber bullets|stun grenades|batons?|"
                    r"broke up|pepper spray|arrest\w*|detain\w*",
    "excessive": r"live (?:ammunition|fire|rounds|bullets)|(?:opened fire on|shot dead|shot and killed) (?:the )?"
                 r"(?:\w+ )?(?:protesters|protestors|demonstrators|crowds?|marchers)",
    # riot police break up protests: they do not make one a riot
    "riot": r"(?<!anti-)riot(?:s|ed|ing|ers)?(?!\s+(?:police|gear|control|squads?|units?|officers))|"
            r"threw (?:stones|rocks|molotov\w*|petrol bombs)|stone-?throwing|molotov\w*|"
            r"petrol bombs?|vandali[sz]\w*",
    "mob": r"mobs?|lynch\w*|vigilantes?|angry (?:crowds?|residents|villagers)|"
           r"crowds? (?:[\w,-]+ ){0,10}?(?:dragged|beat|stoned|lynched)",
    "territory": r"(?:re)?captur(?:ed|es|ing|e)|(?:re)?took (?:full |back |over )?control|"
                 r"(?:re)?tak(?:es|ing|en) (?:full |back )?control|retook|retak(?:es|en|ing|e)|regain(?:ed|s|ing)?|"
                 r"seiz(?:ed|es|ing|e)|overr(?:an|un|unning)|liberat(?:ed|es|ing)|took over|gained control|"
                 r"wrested(?: control)?|advanced into|enter(?:ed|ing|s)?|took|taken|take|takes|taking|"
                 r"recover(?:ed|s|ing)|los(?:t|es|ing)(?: (?:full |effective )?control (?:of|over))?|"
                 r"(?:moved|pushed|swept|walked|marched|rolled|fought (?:their|its) way) into|"
                 # "pushed through three villages", "drove the militants out of the town"
                 r"(?:pushed|swept) through|(?:pushed|drove|driven) (?:[\w-]+ ){1,4}?out of|"
                 r"raised (?:\w+ ){0,2}flags? over|occup(?:ied|ies|y|ying)|clear(?:ed|s|ing)|secur(?:ed|es|ing)|"
                 r"restor(?:ed|es|ing) (?:full |state |government )?(?:control|security|order|authority)"
                 r"(?: and stability)?[\"'”’]?(?: (?:over|to|in|of))?",
    # a place falls with or without "to"; "fell back", "shells fell on" are no capture
    # breaking through to a besieged place takes it back (ACLED: the besieger loses ground)
    "siege_broken": r"br(?:oke|eak|eaks|eaking) (?:through to|(?:the |a |an )?(?:[\w-]+ ){0,4}siege)",
    "fell_to": r"f(?:ell|alls?|allen)(?: (?:in)?to\b|(?! (?:back|silent|apart|short|ill|asleep|into|near|"
               r"sharply|by|from|under|below|behind|to)\b))",
    "disrupted": r"intercept\w*|shot down|shoot(?:s|ing)? down|downed|brought down|defus\w*|dismantl\w*|"
                 r"destroyed (?:an? |one |two |three |\d+ )?(?:further |more |incoming |hostile )?(?:[\w-]+ ){0,2}?"
                 r"(?:drones?|warplanes?|missiles?|uavs?)(?! (?:on|at|in) the ground)|"
                 # mines cleared from a road or a field: their use prevented (ACLED: demining)
                 r"clear(?:ed|ing|s)? (?:\w+ ){0,2}?(?:land ?)?mines|de-?mining|mine[- ]clearing|"
                 r"thwart\w*|foil\w*|jammed|neutrali[sz]ed (?:an? |the )?(?:\w+ )?(?:drones?|missiles?|rockets?|"
                 r"bombs?|ieds?|explosives?)|weapons? (?:caches?|depots?)|arms (?:caches?|depots?)|"
                 rf"(?:seiz|confiscat|found|discover)\w* (?:\w+ ){{0,3}}(?:{_WEAPON_GOODS})",
    "base": r"(?:establish|set(?:s|ting)? up|buil[dt]|open(?:ed|s)?)\w* (?:an? |its |their |the |new |\w+ ){0,3}"
            r"(?:military )?(?:bases?|headquarters|hq|outposts?|military posts?|observation posts?|garrisons?|"
            r"(?:permanent|military|army) camps?|"
            r"command (?:centers?|centres?))|" + BASE_SET_UP_PASSIVE,
    "looting": r"loot\w*|pillag\w*|plunder\w*|ransack\w*|arson|property destruction|"
               r"(?:dr(?:ove|iven)|carr(?:ied|ying)|ma(?:de|king)) off (?:[\w,-]+ ){0,4}?(?:cattle|livestock|herds?|goats|"
               r"sheep|camels|cows)|"
               rf"(?:torch|burn|raz|demolish|destroy|bulldoz|set fire to|vandali[sz]|blew up|blown up)\w* "
               rf"(?:\w+ ){{0,3}}(?:{_PROPERTY})|set(?:ting)? (?:\w+ ){{0,3}}(?:{_PROPERTY}) (?:on fire|alight|ablaze)|"
               rf"(?:{_PROPERTY}) (?:\w+ ){{0,6}}?(?:were|was) (?:looted|burned|burnt|torched|razed|set ablaze|"
               r"demolished|ransacked|blown up)",
    "transfer": r"withdr(?:ew|awn|awal|aws|aw)|pull(?:ed|s|ing)? (?:out|back)|retreat(?:ed|s|ing)?|"
                r"hand(?:ed|s|ing)? over|hand-?over|ceded",
    "peaceful": r"without (?:a fight|a shot|resistance|fighting|bloodshed)|peaceful(?:ly)? (?:handover|transfer)|"
                r"unopposed",
    "change": r"arriv(?:ed|ing)|massed|crossed into|" + FORCES_SENT + r"|"
              # an airspace closed, forces on their way: a change of a side's activity, no strike
              r"clos(?:ed|es|ing) (?:[\w'’-]+ ){0,2}?airspace|airspace (?:[\w-]+ ){0,5}?(?:was|were|is|had been) closed|"
              r"(?:troops|forces|warships|ships|reinforcements|convoys?|units|vessels) (?:were|was|are|is) on (?:their|its) way to|"
              r"moved (?:\w+ ){0,3}(?:troops|forces|reinforcements|armou?red vehicles|tanks|convoys?)|"
              r"defect(?:ed|ion|ions|ors?)|merg(?:ed|er|ers)|split from|dissolv\w*|reinforcements?|"
              r"(?:re)?deploy(?:ed|ment|ments|s|ing)|mobili[sz]\w*|recruit\w*|curfew|state of emergency|martial law|"
              r"(?:troop|military) (?:build-?ups?|movements?)|formation of",
    # supplies dropped from the air to a side: no strike (ACLED: Other)
    "airdrop": r"air-?drop(?:s|ped|ping)? (?:of )?(?:[\w-]+ ){0,3}?(?:supplies|aid|food|ammunition|weapons|medicines?|"
               r"provisions)|dropp(?:ed|ing) (?:[\w-]+,? (?:and )?){0,4}?(?:supplies|aid|food|provisions|medicines?)",
    "agreement": AGREEMENT_MADE + r"|cease-?fires?|truces?|peace (?:deals?|agreements?|accords?|treaty|talks)|(?:signed|reached|brokered|"
                 r"agreed (?:on|to)) (?:an? |the )?(?:\w+ )?(?:agreements?|deals?|accords?)|prisoner (?:exchanges?|"
                 r"swaps?)|exchange of prisoners|armistice|" + AGREED_TO,
}
_CUE_RES = {name: re.compile(rf"\b(?:{rx})\b", re.I) for name, rx in CUES.items()}
_AIR_CUE = _CUE_RES["air"]
_AIR_FORCE = re.compile(r"\bair forces?\b", re.I)
# words one of which each cue's match must hold: most sentences rule out most cues without a regex search
_CUE_GATES = {name: required_literals(rx) for name, rx in _CUE_RES.items()}
#: Cues that name the means of an act: a WEAPON span of the record carries them too.
_MEANS = ("chemical", "suicide", "air", "shelling", "explosive", "blast", "grenade")
# words between a capture verb and the place it takes ("seized most of", "overran dozens of")
_OBJECT_GAP = (r"the|a|an|full|complete|control|of|over|back|most|much|all|parts?|large|swathes?|several|key|"
               r"strategic|nearby|two|three|four|five|\d+|its|their|rebel-held|government-held|[\w'-]+-held|"
               r"remaining|dozens|hundreds|scores|more|than|at|least|about|nearly|almost|half|third|quarter|"
               r"(?:north|south)?(?:east|west)ern|northern|southern|central|cent(?:er|re)|heart|rest|remainder|"
               r"entire|whole|string|series|number|handful|border|last|frontline|old|new|[\w'-]+-(?:controlled|run)|"
               r"dozen|estimated|some|around|roughly|approximately|another|further|other|many|six|seven|eight|"
               r"nine|ten|eleven|twelve|twenty")
# quotes may wrap the verb or the place ('had "liberated" the village')
_SEP = r"[\"'“”‘’]?\s+[\"'“”‘’]?"
_PLACE_OBJECT = re.compile(rf"{_SEP}(?:(?:{_OBJECT_GAP}){_SEP})*(?:[a-z][\w'-]*{_SEP})?(?:{_PLACE_NOUNS})\b", re.I)
_LOCATION_GAP = re.compile(rf"{_SEP}(?:(?:{_OBJECT_GAP}){_SEP})*", re.I)
# a place as the subject of a passive capture ("the base was retaken", "Al Bab ... was captured")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?$", re.I)
_PLACE_SUBJECT = re.compile(rf"^(?:\W*(?:the|its|their)\s+)?(?:[\w'-]+\s+){{0,2}}(?:{_PLACE_NOUNS})\b", re.I)
_FALL_SUBJECT = re.compile(rf"\b(?:{_PLACE_NOUNS})\s+(?:\w+\s+){{0,2}}$", re.I)
# "the fall of Laukkai to the MNDAA": the noun with its place after "of", and who took it after "to"
_FALL_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?", re.I)
_FALL_OF_TO = re.compile(r"\s+of\s+[^,;.]{1,60}?\s+to\b", re.I)
_TIME_CLAUSE = re.compile(r"\b(?:before|after|until|since|once|as)\s+(?:the\s+|its\s+)?(?:[\w'-]+\s+){0,3}$", re.I)
# an act without violence (a protest, an agreement, a base): its trigger does not make the sentence violent
_CIVIL_ACT = re.compile(rf"(?:{CIVIL_ACT_VERBS}|{AGREEMENT_MADE})\b", re.I)
_REGAIN = re.compile(
    r"\b(?:re(?:captur|took|tak|gain|conquer|enter|claim|stor|cover)\w*|liberat\w*|took back|back control)\b", re.I)


def find_cues(text: str, weapons: Iterable[str] = ()) -> frozenset[str]:
    """The cues in a sentence's text (and the means its WEAPON spans name).

    >>> sorted(find_cues("Rebels fired rocket-propelled grenades and mortars at troops."))
    ['shelling']
    >>> sorted(find_cues("The town was hit.", weapons=["Su-24 jets"]))
    ['air']
    """
    found = set(_text_cues(text))
    for w in weapons:
        w = _RPG.sub("RPG", w)
        found.update(name for name in _MEANS if _CUE_RES[name].search(w))
    return frozenset(found)


_BREAK = re.compile(r"[\t\n\r\f\v\u00a0]")


def one_line(text: str) -> str:
    """A hard-wrapped text with each line break (or tab, no-break space) read as a space, so that
    cue words wrapped over a line still match; same length, so offsets hold.

    >>> one_line("blew up the pumping\\nstation")
    'blew up the pumping station'
    """
    return _BREAK.sub(" ", text)


@lru_cache(maxsize=256)  # every record of a sentence asks again; a small cache keeps it to one document
def _text_cues(text: str) -> frozenset[str]:
    text = _RPG.sub("RPG", one_line(text))
    folded = fold(text)
    found = {name for name, rx in _CUE_RES.items() if may_match(folded, _CUE_GATES[name]) and rx.search(text)}
    # people who flee and arrive move no armed group: their arrival is no change cue (as it is no trigger)
    if "change" in found and all(ARRIVAL.fullmatch(m.group(0)) and fleeing(text, m.start())
                                 for m in _CUE_RES["change"].finditer(text)):
        found.discard("change")
    return frozenset(found)


# --- who suffered it -------------------------------------------------------------------------------------

_ARMED = re.compile(
    r"\b(?:soldiers?|troops|fighters?|militants?|rebels?|insurgents?|forces|army|armed|police(?:men|women)?|officers?|"
    r"guards?|personnel|combatants?|gunmen|militia(?:s|men)?|jihadists?|servicem[ae]n|commanders?|positions?|"
    r"checkpoints?|convoys?|bases?|patrols?|posts?|barracks|outposts?|conscripts?|recruits|paramilitar\w*|"
    r"terrorists?)\b", re.I)
_VICTIM = re.compile(rf"\b(?:{VICTIM_NOUNS})\b", re.I)
_PROTESTERS = re.compile(r"\b(?:protesters?|protestors?|demonstrators?|marchers|strikers|rioters|crowds?)\b", re.I)
_HARMED = ("killed", "injured", "captured")
# people hurt face to face: homes burned while their owners are shot is an attack on them, not looting
_HURT = re.compile(r"\b(?:shot|shoot(?:s|ing)?|gunned down|opened fire|stabb\w*|hacked|behead\w*|execut(?:ed|ing)|"
                   r"massacre\w*|burn(?:ed|t) alive|kill(?:ed|ing|s)?|murder\w*|with (?:\w+ ){0,2}inside)\b", re.I)
# means used on crowds only: a sentence that names them tells of a protest met by force
_CROWD_CONTROL = re.compile(r"\b(?:tear ?gas|water cannons?|rubber bullets|stun grenades|pepper spray)\b", re.I)
# what a crowd does that makes its protest violent (in a sentence about a protest only)
_CROWD_VIOLENCE = re.compile(
    r"\b(?:set fire to|set (?:\w+ ){0,3}(?:ablaze|on fire)|torch(?:ed|ing)|burn(?:ed|t|ing) (?:down )?(?:the |a |an )?"
    r"(?:\w+ )?(?:offices?|buildings?|houses?|homes?|cars?|vehicles?|flags?|headquarters|stations?)|"
    r"broke into|stormed|attacked (?:the |a |an )?(?:\w+ ){0,3}(?:offices?|embass(?:y|ies)|bases?|houses?|homes?|"
    r"buildings?|compounds?|stations?)|beat (?:\w+ ){0,2}(?:police|officers))\b", re.I)


def names_protest(text: str) -> bool:
    """Whether a text names a protest or its crowd itself (not only a crowd's dispersal).

    >>> names_protest("Students protested outside the ministry."), names_protest("Police fired tear gas to disperse them.")
    (True, False)
    """
    return "protest" in find_cues(text) or bool(_PROTESTERS.search(text))


def harmed(actors: Sequence[ActorRef], counts: Sequence[CountRef]) -> list[str]:
    """Who suffered the act: its targets, and the nouns of its killed, injured or captured counts.

    >>> harmed([ActorRef("HTS", 0, 3, "initiator"), ActorRef("villagers", 10, 19, "target")],
    ...        [CountRef("3", 30, 31, 3, 3, 3, "soldiers", "killed")])
    ['villagers', 'soldiers']
    """
    out = [a.text for a in actors if a.role == "target"]
    out += [c.counted for c in counts if c.outcome in _HARMED and c.counted]
    return out


def civilian_target(actors: Sequence[ActorRef], counts: Sequence[CountRef]) -> bool:
    """Whether civilians, and no armed men, suffered the act (ACLED's ``civilian_targeting``).

    >>> civilian_target([ActorRef("civilians", 0, 9, "target")], []), civilian_target([], [])
    (True, False)
    """
    victims = harmed(actors, counts)
    return any(is_civilian(v) for v in victims) and not any(_is_armed(v) for v in victims)


def _is_armed(noun: str) -> bool:
    return bool(_ARMED.search(noun)) or is_state_actor(noun)


def is_civilian(noun: str) -> bool:
    """Whether a noun names civilians (or protesters), not armed men.

    >>> is_civilian("four children"), is_civilian("civilian militiamen")
    (True, False)
    """
    return bool(_VICTIM.search(noun) or _PROTESTERS.search(noun)) and not _is_armed(noun)


# --- who did it: the state or not ------------------------------------------------------------------------

_STATE = re.compile(
    r"\b(?:army|armies|armed forces|military|troops|soldiers?|government|regime|pro-government|pro-regime|loyalists?|"
    r"security forces|police|gendarmerie|national guard|republican guard|air force|navy|marines|idf|saa|"
    r"special forces|state forces|border guards?|coast guard|ministry|defen[cs]e forces|(?:government|state)-backed|"
    r"presidential guard|tiger forces|tatmadaw|fardc|sadf|saf|sudanese armed forces|police(?:men|women)?|"
    # a state's own units by name, and the forces of a country that fights on its own soil in the corpus
    r"counter[- ]terrorism service|peshmerga|popular mobili[sz]ation(?: forces| units)?|"
    r"(?:iraqi|afghan|somali|malian|nigerian|sudanese|yemeni|libyan|ethiopian|congolese|burkinabe|mozambican|"
    r"cameroonian|nigerien|chadian|ukrainian|colombian|mexican|pakistani|filipino|lebanese|egyptian|syrian|"
    r"burmese|myanmar|kenyan|ugandan|malian and russian)(?: \w+)? forces)\b", re.I)
_NON_STATE = re.compile(
    r"\b(?:rebels?|rebel|militants?|insurgents?|jihadists?|fighters|militia(?:s|men)?|gunmen|armed (?:group|men)|"
    r"terrorists?|opposition|islamic state|isis|isil|daesh|hts|hayat tahrir|tahrir al-sham|al-?qaeda|al-?shabaab|"
    r"boko haram|iswap|jnim|houthis?|ansar allah|hezbollah|hamas|sdf|democratic forces|ypg|pkk|rsf|rapid support forces|m23|wagner|"
    r"free syrian army|fsa|syrian national army|tribal|clan|vigilantes|bandits|separatists|paramilitar\w*|"
    r"mujahideen|taliban|(?:arakan|kachin|independence|liberation|alliance|resistance|mahdi|republican|"
    r"democratic|national democratic alliance) army|mndaa|tnla|kia|aa)\b", re.I)
_POLICE = re.compile(r"\bpolice\b", re.I)
# forces named beside the state's as its helpers ("the army and allied militias")
_ALLY = re.compile(r"\b(?:allied|allies|auxiliary|auxiliaries|loyal|supporting|backed)\b", re.I)
# pro-government militias act for the state (ACLED: its "affiliates")
_AFFILIATE = re.compile(r"\bpro-(?:government|regime)\b", re.I)


def is_state_actor(text: str, inter_code: int | None = None) -> bool:
    """Whether an actor is the state's forces (ACLED inter code 1), by its code when known, else by
    its words; a non-state word wins ("rebel troops"), except for pro-government forces.

    >>> is_state_actor("Syrian government forces"), is_state_actor("rebel troops"), is_state_actor("HTS")
    (True, False, False)
    """
    if inter_code is not None:
        return inter_code == 1
    if _AFFILIATE.search(text):
        return True
    return bool(_STATE.search(text)) and not _NON_STATE.search(text)


# --- the precedence -------------------------------------------------------------------------------------

class Decision(NamedTuple):
    """A type and what gave it: ``cue`` (the words named the kind of act), ``armed`` (only armed
    men among its victims: a fight of some kind), ``taker`` (a place taken by no one named) or
    ``fallback`` (violence, or nothing, of no named kind). The act's trigger may still tell a
    type not given by a cue, and the document one given by a fallback or who took a place
    (:mod:`.type_carry`)."""

    kind: EventType
    basis: str = "cue"

    @property
    def weak(self) -> bool:
        return self.basis != "cue"


def classify(sentence: Sentence, actors: Sequence[ActorRef] = (), weapons: Sequence[TextSpan] = (),
             counts: Sequence[CountRef] = (), locations: Sequence[TextSpan] = ()) -> EventType:
    """ACLED's event type of the act a sentence reports (refs index the document; ``sentence.start``
    places them in the sentence). The order of the checks is the codebook's precedence.

    >>> s = Sentence("Government forces recaptured the town of Kafr Nabl from rebels.")
    >>> classify(s, [ActorRef("Government forces", 0, 17, "initiator")])
    EventType(event_type='Battles', sub_event_type='Government regains territory')
    """
    return decide(sentence, actors, weapons, counts, locations).kind


def decide(sentence: Sentence, actors: Sequence[ActorRef] = (), weapons: Sequence[TextSpan] = (),
           counts: Sequence[CountRef] = (), locations: Sequence[TextSpan] = ()) -> Decision:
    """:func:`classify` with whether a fallback decided it.

    >>> decide(Sentence("Three soldiers were killed.")).weak, decide(Sentence("Clashes erupted.")).weak
    (True, False)
    """
    text = one_line(sentence.text)
    cues = find_cues(text, [w.text for w in weapons])
    victims = harmed(actors, counts)
    armed_target = any(_is_armed(v) for v in victims)
    civilians = any(is_civilian(v) for v in victims) and not armed_target
    casualties = any(c.outcome in ("killed", "injured") for c in counts)
    initiators = [a for a in actors if a.role == "initiator"]
    protest = "protest" in cues or any(_PROTESTERS.search(v) for v in victims) or bool(_CROWD_CONTROL.search(text))
    remote = cues & {"chemical", "suicide", "air", "shelling", "explosive"}

    # Demonstrations: a crowd's own action, unless weapons of war were used
    if "mob" in cues:
        return _cue("Mob violence")
    if protest and not remote:
        protesters_hurt = any(_PROTESTERS.search(v) for v in victims) and (casualties or "direct" in cues)
        state_killed = casualties and any(is_state_actor(a.text, a.inter_code) for a in initiators)
        if "excessive" in cues or protesters_hurt or state_killed:
            return _cue("Excessive force against protesters")
        if "riot" in cues or "clash" in cues or "looting" in cues or _CROWD_VIOLENCE.search(text):
            return _cue("Violent demonstration")
        if "intervention" in cues:
            return _cue("Protest with intervention")
        return _cue("Peaceful protest")
    if "riot" in cues and not remote:
        return _cue("Violent demonstration")
    # The means decide an attack's type; the worst means first
    if "chemical" in cues:
        return _cue("Chemical weapon")
    if "suicide" in cues:
        return _cue("Suicide bomb")
    if "disrupted" in cues and not casualties:
        return _cue("Disrupted weapons use")
    if "airdrop" in cues and not casualties:
        return _cue("Other")
    violent = bool(remote or cues & {"clash", "assault", "direct", "harm"} or casualties)
    if "peaceful" in cues and cues & {"territory", "transfer"} or "transfer" in cues and not violent:
        return _cue("Non-violent transfer of territory")
    territory = _territory(text, sentence.start, locations) if cues & {"territory", "fell_to"} else False
    if territory or "siege_broken" in cues:
        return _taker(text, initiators, [a for a in actors if a.role == "target"])
    if "air" in cues and not ("shelling" in cues and (_only_air_force(text, weapons) or _missiles_fired(text))):
        return _cue("Air/drone strike")
    if cues & {"clash"}:
        return _cue("Armed clash")
    if "shelling" in cues and "assault" not in cues:  # an assault backed by artillery is a battle
        return _cue("Shelling/artillery/missile attack")
    if "explosive" in cues:
        return _cue("Remote explosive/landmine/IED")
    if "grenade" in cues:
        return _cue("Grenade")
    # Violence against people, face to face
    if "sexual" in cues:
        return _cue("Sexual violence")
    if "abduction" in cues and not casualties:  # gunmen who kidnap kill no one: an abduction
        return _cue("Abduction/forced disappearance")
    # property burned by armed men who hurt no one: weapons named do not make it an attack
    if "looting" in cues and "direct" in cues and not casualties and not _HURT.search(text):
        return _cue("Looting/property destruction")
    if civilians and "direct" in cues:
        return _cue("Attack")
    if "abduction" in cues:
        return _cue("Abduction/forced disappearance")
    if "arrest" in cues:
        state = [a for a in initiators if is_state_actor(a.text, a.inter_code)]
        # police arrest: a group's own military police acts as a state would
        police = bool(_POLICE.search(text))
        return _cue("Abduction/forced disappearance" if initiators and not state and not police else "Arrests")
    if "base" in cues:
        return _cue("Headquarters or base established")
    if "looting" in cues and not casualties and not _HURT.search(text):
        return _cue("Looting/property destruction")
    if "assault" in cues:
        return _cue("Armed clash")
    if armed_target:  # soldiers among the dead: a fight, of a kind the words do not say
        return Decision(typed("Armed clash"), "armed")
    # blasts heard with bursts of gunfire: the sound of a fight, not a bomb
    if "blast" in cues and _GUNFIRE.search(text) and not civilians:
        return _cue("Armed clash")
    if "blast" in cues:
        return _cue("Remote explosive/landmine/IED")
    if civilians:  # civilians killed by a named side: an attack, whatever was told before
        named = initiators and _KILLING.search(text) and any(is_civilian(v) and not _BARE_MEN.match(v) for v in victims)
        return _cue("Attack") if named else _weak("Attack")
    violence = any(t.kind != "support" and not _CIVIL_ACT.match(text, t.start) for t in sentence.triggers)
    # an agreement made is the act, whatever moves of forces it allows ("agreed to allow the deployment")
    if "agreement" in cues and not (cues & {"direct", "harm"} or violence):
        return _cue("Agreement")
    if "change" in cues:
        return _cue("Change to group/activity")
    if cues & {"direct", "harm"} or violence or casualties:
        return _weak("Armed clash")
    if "agreement" in cues:
        return _cue("Agreement")
    return _weak("Other")


def _only_air_force(text: str, weapons: Sequence[TextSpan]) -> bool:
    """Whether an air force is the only air word: a unit that speaks or fires missiles, not a means.

    >>> _only_air_force("The air force said missiles hit Kyiv.", []), _only_air_force("Air force jets struck.", [])
    (True, False)
    """
    return not any(_AIR_CUE.search(_AIR_FORCE.sub("", t)) for t in (text, *(w.text for w in weapons)))


# missiles, rockets or shells fired or launched: the act's means, whatever drones are named after them
_FIRED_MISSILES = re.compile(r"\b(?:fired|fires|firing|launched|launches|launching) (?:[\w-]+ ){0,4}?"
                             r"(?:missiles?|rockets?|shells|mortars?|mortar rounds)\b", re.I)
# the air words that name aircraft at work, not only drones or a bare strike
_AIRCRAFT = re.compile(r"\b(?:air ?strikes?|air ?raids?|air attacks?|warplanes?|war planes?|jets?|(?<!anti-)aircraft(?! carriers?)|"
                       r"helicopters?|gunships?|bombers?|barrel bombs?|aerial)\b", re.I)


def _missiles_fired(text: str) -> bool:
    """Whether missiles or rockets fired are the act's means: no aircraft named, and no drone or strike
    word before the firing (``a drone fired two missiles`` is a drone strike).

    >>> _missiles_fired("Rebels fired missiles and drones at the base."), _missiles_fired("A drone fired missiles.")
    (True, False)
    """
    m = _FIRED_MISSILES.search(text)
    return bool(m) and not _AIRCRAFT.search(text) and not _AIR_CUE.search(text, 0, m.start())


_GUNFIRE = re.compile(r"\b(?:gunfire|gunshots|automatic (?:weapons?|gunfire|fire)|bursts of (?:[\w-]+ )?(?:gun)?fire|"
                      r"exchanges? of fire|small arms fire)\b", re.I)
_KILLING = re.compile(r"\b(?:kill(?:ed|ing|s)?|murder\w*|massacr\w*|execut(?:ed|ing)|shot dead)\b", re.I)
# "nine men" may be fighters: only a word that names civilians makes the killing an attack
_BARE_MEN = re.compile(r"^(?:[\w,-]+\s+)*?(?:men|males?)$", re.I)


def _cue(sub_event_type: str) -> Decision:
    return Decision(typed(sub_event_type))


def _weak(sub_event_type: str) -> Decision:
    return Decision(typed(sub_event_type), "fallback")


# a side that lost the place: the other side took it ("the group had lost Crater")
_LOST = re.compile(r"\blos(?:t|es|ing)\b", re.I)


def _taker(text: str, initiators: Sequence[ActorRef], targets: Sequence[ActorRef] = ()) -> Decision:
    """Who took the place: the state (its first initiator the state's forces or their ally) or not;
    without an initiator, the words say it ("fell to X", "recaptured"), or nothing does
    (basis ``taker``: the document's last capture may tell whose it was).

    >>> army = ActorRef("Government forces", 0, 17, "initiator")
    >>> allies = ActorRef("allied militias", 22, 37, "initiator")
    >>> _taker("Government forces and allied militias entered the town.", [army, allies]).kind
    EventType(event_type='Battles', sub_event_type='Government regains territory')
    """
    if initiators:
        state = _state_takes(initiators, text)
        return _cue("Government regains territory" if state else "Non-state actor overtakes territory")
    if targets and _LOST.search(text):  # the loser named, the taker not: the state lost it or took it
        lost_by_state = is_state_actor(targets[0].text, targets[0].inter_code)
        return _cue("Non-state actor overtakes territory" if lost_by_state else "Government regains territory")
    # "the town fell to rebels": the words after say who took it; a bare "Taloqan fell" names no one
    fell = next((m for m in _CUE_RES["fell_to"].finditer(text) if m.group(0).lower().endswith("to")), None)
    fall_of = next((to for m in _CUE_RES["fell_to"].finditer(text) if m.group(0).lower() == "fall"
                    and (to := _FALL_OF_TO.match(text, m.end()))), None)
    if fell or fall_of:
        end = fell.end() if fell else fall_of.end()
        taker = is_state_actor(re.split(r"[,;.]| after | when | on ", text[end:end + 60])[0])
    elif _REGAIN.search(text):
        taker = True
    else:
        return Decision(typed("Non-state actor overtakes territory"), "taker")
    return _cue("Government regains territory" if taker else "Non-state actor overtakes territory")


def _state_takes(initiators: Sequence[ActorRef], text: str = "") -> bool:
    """Whether the state took the place: the first initiator named (the capture's subject) is the
    state's, or an ally named with its forces. A non-state group named after the state's forces is
    mostly the side the place was taken from ("took control of Kirkuk, meeting little resistance
    from Peshmerga fighters"), whatever role it was given. A country's forces abroad (:func:`_abroad`,
    read in the sentence ``text``) are not the state of the place they take.

    >>> army, hts = ActorRef("Army units", 0, 10, "initiator"), ActorRef("HTS fighters", 15, 27, "initiator")
    >>> rebels_first = [ActorRef("HTS", 0, 3, "initiator"), ActorRef("the army", 8, 16, "initiator")]
    >>> _state_takes([army, hts]), _state_takes(rebels_first)
    (True, False)
    """
    first = min(initiators, key=lambda a: a.start)
    if first.inter_code is None and _abroad(first.text, text):
        return False
    return is_state_actor(first.text, first.inter_code) or (_ALLY.search(first.text) is not None
                                                             and any(is_state_actor(a.text, a.inter_code)
                                                                     for a in initiators))


# a country's forces by its adjective, and the names of the country ("Turkish troops", "Syria")
_COUNTRIES = {
    "turkish": "turkey|türkiye", "russian": "russia", "ukrainian": "ukraine", "syrian": "syria", "iraqi": "iraq",
    "israeli": "israel", "iranian": "iran", "rwandan": "rwanda", "congolese": "congo|drc", "ugandan": "uganda",
    "kenyan": "kenya", "ethiopian": "ethiopia", "eritrean": "eritrea", "somali": "somalia", "sudanese": "sudan",
    "chadian": "chad", "malian": "mali", "nigerien": "niger", "nigerian": "nigeria", "burkinabe": "burkina faso",
    "french": "france", "american": "united states|u\\.?s\\.?a?", "u\\.?s\\.?": "united states|u\\.?s\\.?a?",
    "saudi": "saudi arabia", "emirati": "uae|united arab emirates", "yemeni": "yemen",
    "lebanese": "lebanon", "jordanian": "jordan", "egyptian": "egypt", "libyan": "libya", "afghan": "afghanistan",
    "pakistani": "pakistan", "indian": "india", "armenian": "armenia", "azerbaijani": "azerbaijan",
    "burundian": "burundi", "mozambican": "mozambique", "cameroonian": "cameroon", "south sudanese": "south sudan",
}
_FORCES_OF = re.compile(rf"\b(?P<nation>{'|'.join(sorted(_COUNTRIES, key=len, reverse=True))})(?:[- ]led)? "
                        r"(?:\w+ ){0,2}(?:troops|forces|army|soldiers|brigades|units|military|marines)\b", re.I)


def _abroad(actor: str, text: str) -> bool:
    """Whether an actor is a country's forces that fight in another country named in the sentence
    ("Turkish troops ... took Afrin, Syria"): ACLED codes a foreign state's capture as a non-state
    actor's.

    >>> _abroad("Turkish troops", "AFRIN, Syria - Turkish troops took the town of Afrin in Syria.")
    True
    >>> _abroad("Syrian troops", "Syrian troops, backed by Russian jets, took the town of Kafr Nabl in Syria.")
    False
    """
    m = _FORCES_OF.search(actor)
    if not m:
        return False
    nation = next(k for k in _COUNTRIES if re.fullmatch(k, m.group("nation"), re.I))
    others = [v for k, v in _COUNTRIES.items() if k != nation and _COUNTRIES[nation] != v]
    own = re.compile(rf"\b(?:{_COUNTRIES[nation]})\b", re.I)
    # a country named as a place (its noun, not its people's adjective), not the actor's own
    named = re.compile(rf"\b(?:{'|'.join(others)})(?:'s|’s)?\b(?! (?:troops|forces|army|government|backed))", re.I)
    return bool(named.search(text)) and not own.search(text)


def _place_subject(text: str, verb: int, starts: set[int]) -> bool:
    """Whether the sentence opens with a place (a LOCATION or a place noun) as the subject of the
    passive verb at ``verb`` ("The base, manned by ATMIS troops, was retaken")."""
    head = text[:verb]
    return bool(_PLACE_SUBJECT.match(head)) or any(0 <= s < 5 for s in starts)


def _territory(text: str, offset: int, locations: Sequence[TextSpan]) -> bool:
    """Whether a capture verb takes a place as its object ("seized the town", "captured Kafr Nabl"),
    or a place is said to have fallen ("the town fell to rebels")."""
    starts = {loc.start - offset for loc in locations}
    for m in _CUE_RES["territory"].finditer(text):
        if _PLACE_OBJECT.match(text, m.end()):
            return True
        gap = _LOCATION_GAP.match(text, m.end())
        # a place right after the verb or the gap's words ("retook southern Syria" with or without "southern")
        if gap and any(m.end() < s <= gap.end() for s in starts):
            return True
        if _PASSIVE_BEFORE.search(text, 0, m.start()) and _place_subject(text, m.start(), starts):
            return True
    ends = {loc.end - offset for loc in locations}
    for m in _CUE_RES["fell_to"].finditer(text):
        before = text[max(0, m.start() - 60):m.start()]
        if _TIME_CLAUSE.search(before):  # "before the town fell, a strike hit": the fall is not this act
            continue
        if _FALL_SUBJECT.search(before):
            return True
        # "fell to X" may name its place well before; a bare "fell" only right after it ("Taloqan fell")
        if m.group(0).lower().endswith("to"):
            told = any(0 <= m.start() - s <= 60 for s in starts)
        elif m.group(0).lower() == "fall" and (of := _FALL_OF.match(text, m.end())):
            told = of.end() in starts  # "the fall of Saraqib"
        else:
            told = any(0 <= m.start() - e <= 2 for e in ends)
        if told:
            return True
    return False
