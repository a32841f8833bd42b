"""Actor roles (initiator / target / other / unknown) from word patterns around the violence triggers.

Pure sources ("according to X", "X said" where X takes no part) are not actors
of the record; they become its attribution (see :mod:`.attribution`).

>>> s = Sentence("Rebels were shelled by government troops, according to SANA.")
>>> ents = [Entity("ACTOR", s.text.index(w), s.text.index(w) + len(w), w, 1.0)
...         for w in ("Rebels", "government troops", "SANA")]
>>> [(a.text, a.role) for a in assign_roles(s, ents)]
[('Rebels', 'target'), ('government troops', 'initiator')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from conflict_ner.events.clauses import lookback
from conflict_ner.events.lexicon import ACTOR_PREMODIFIERS, CASUALTY_PARTICIPLES, MUTUAL_VERBS, VICTIM_NOUNS
from conflict_ner.events.modality import source_kind
from conflict_ner.events.regex_literals import may_match, required_literals
from conflict_ner.events.role_lists import in_casualty_list, is_object_of, share_roles
from conflict_ner.events.sentence import Sentence
from conflict_ner.events.sources import heads_appositive_source, is_outlet
from conflict_ner.events.triggers import Trigger
from conflict_ner.records import ActorRef, Entity, Role

# The patterns below read the words right before an actor (``..._BEFORE``, ending at it) or right after it.
# A patron named in a hyphenated modifier stands in it too: "claimed by the al-Qaeda-linked [JNIM]",
# "carried out by a government-allied [militia]".
_PATRON_MODIFIER = r"[\w.'\u2019-]+-(?:allied|backed|aligned|linked|affiliated|trained|funded|sponsored|supported)"
_DET = rf"(?:(?:{ACTOR_PREMODIFIERS}|{_PATRON_MODIFIER})\s+)*[\"\u201c]?"
# military objects an attack hits, not places (see types.py and lexicon.py for those)
_OBJECT_NOUNS = (r"positions?|posts?|bases?|strongholds?|checkpoints?|convoys?|hideouts?|headquarters|barracks|"
                r"lines|outposts?|defen[cs]es|targets|vehicles?|camps?|concentrations?|gatherings?|depots?")
# "fighters of X" share X's role: a target only after a target preposition ("attacked fighters of X").
_POSITION_NOUNS = _OBJECT_NOUNS + r"|fighters|troops|forces|members|units?"
# ... but a place "occupied" or "besieged" by X is X's act: "the city was being occupied by Rwandan
# troops", "besieged by government forces" (the occupier and the besieger: initiator, by "by X").
_HELD_BEFORE = re.compile(rf"\b(?:held|controlled|defended|run) by\s+{_DET}$", re.I)
_HELD_AFTER = re.compile(r"-(?:held|controlled|occupied|run)\b", re.I)
# ... but fire from ground a group holds is that group's: "fired from positions held by M23 rebels",
# "rockets fired from SDF-held territory", "drones launched from Houthi-controlled areas".
_FROM_HELD_BEFORE = re.compile(rf"\bfrom\s+(?:the\s+)?(?:[\w'-]+\s+){{0,2}}?(?:positions?|areas?|territor(?:y|ies)|"
                               rf"districts?|villages?|towns?|bases?|hills?)\s+(?:held|controlled|occupied) by\s+{_DET}$|"
                               rf"\bfrom\s+{_DET}$", re.I)
# ... and the last ground a group held is what it lost: "captured the last pocket held by IS", "took
# Maungdaw, the last junta-held town" (the holder: target).
_LAST_HELD_BEFORE = re.compile(rf"\blast\s+(?:[\w'\u2019-]+\s+){{0,5}}?(?:held|controlled|run) by\s+{_DET}$|"
                               r"\blast\s+(?:[\w'\u2019-]+\s+){0,2}?$", re.I)
_BACKED_BY_BEFORE = re.compile(rf"\b(?:backed|supported|assisted|aided|funded|sponsored|armed|brokered|"
                               rf"recogni[sz]ed|mediated) by\s+{_DET}$", re.I)
# ... unless the backer is itself a fighting force: "Afghan forces backed by US special forces fought",
# "troops backed by Iranian-backed militiamen pushed west" (section 9: an ally that acts).
_FIGHTING_HEAD = re.compile(r"\b(?:forces|fighters|troops|army|militias?|militiamen|units|soldiers)$", re.I)
_LINKED_AFTER = re.compile(r"-(?:linked|backed|affiliated|allied|aligned|supported|sponsored|funded|trained)\b", re.I)
# The group another is described by takes no part in its act (section 9: other): "a faction said to be
# linked to the Hafiz Gul Bahadur group", "X, which is affiliated with the SDF", "X, a coalition of
# Turkey-backed rebel groups, said", "the wing of the Sudan Liberation Army", "the al-Qaeda affiliate",
# "al Qaeda's branch in the Sahel".
_AFFILIATION_BEFORE = re.compile(rf"\b(?:linked|affiliated|aligned|allied|tied|close) (?:to|with)\s+{_DET}$|"
                                 rf",\s+(?:the|a|an)\s+(?:[\w'\u2019-]+\s+){{0,2}}?(?:affiliate|branch|offshoot|wing|"
                                 rf"coalition|umbrella|alliance) of\s+{_DET}$|\bwing of\s+{_DET}$", re.I)
_AFFILIATE_AFTER = re.compile(r"(?:'s|\u2019s)?\s+(?:regional\s+)?(?:affiliate|branch|offshoot|franchise)\b", re.I)
# "attacked by dozens of gunmen", "shot dead by two gunmen": a count may stand between "by" and the doer.
_QUANTITY = (r"(?:(?:at least|more than|about|nearly|up to|over|some)\s+)?"
             r"(?:(?:dozens|hundreds|scores|thousands|a group|a handful|a hundred|a dozen) of|a hundred|a dozen|"
             r"a few|several|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*)\s+")
_BY_BEFORE = re.compile(rf"\bby\s+(?:{_QUANTITY})?{_DET}(?:(?-i:[A-Z][\w'-]*)\s+|\w+ing\s+)?$", re.I)
# What an act hit is "used by" its owner, who suffered it: "depots used by the PKK", "pagers used by Hezbollah members".
_USED_BY_BEFORE = re.compile(rf"\bused by\s+{_DET}$", re.I)
# ... and one named after "by" with a verb that is no part of the act (it stored, sent, evacuated or
# reviewed something: "ammunition stored by the militia", "wounded evacuated by the mission", "images
# reviewed by a lab", "mines left behind by the fighters") takes no part in it (section 9: other).
_NOT_ACT_BY_BEFORE = re.compile(rf"\b(?:stored|kept|reviewed|sent|brought(?: in)?|evacuated|left(?: behind)?|"
                                rf"spread|recovered|verified|documented|compiled|appointed|established|"
                                rf"founded|treated|rescued|ordered|fabricated) by\s+{_DET}$", re.I)
# ... and a loss or defeat "suffered by" a side is that side's: "the heaviest loss suffered by the Turkish
# army", "the second regional command lost by the junta".
_SUFFERED_BY_BEFORE = re.compile(rf"\b(?:suffered|sustained|incurred|lost) by\s+{_DET}$", re.I)
# The side an act was done for or at the request of takes no part in it (section 9: other): "strikes in
# support of the ground forces", "at the request of Iraqi forces", "in coordination with the Attorney
# General's Office", "deployed the army to support police".
_ON_BEHALF_BEFORE = re.compile(rf"\b(?:in support of|at the request of|to support|supporting|on behalf of|"
                               rf"in coordination with)\s+{_DET}$", re.I)
# Those an act frees, spares or protects take no part in it (section 9: other): "freeing dozens of
# hostages", "releasing hundreds of prisoners", "withdrew to spare civilians", "the evacuation of patients".
_SPARED_BEFORE = re.compile(rf"\b(?:free(?:d|ing)?|releas(?:ed|ing)|spar(?:e|ed|ing)|protect(?:ed|ing)?|"
                            rf"evacuat(?:ed|ing)|evacuation of|rescu(?:ed|ing)|lives of|harm to)\s+"
                            rf"(?:{_QUANTITY}(?:of\s+)?)?(?:(?:the\s+)?remaining\s+)?{_DET}$", re.I)
# The ally another side fought alongside is named, not acting in the act told (section 9: other):
# "sending troops across the border to fight alongside the rebels", "contractors, who fought
# alongside the LNA on the southern front, were pulled out".
_ALONGSIDE_BEFORE = re.compile(rf"\b(?:fight|fights|fought|fighting)\s+alongside\s+{_DET}$", re.I)
# The partner an act was done with did it too: "carried out the attacks together with the Arakan Army",
# "with the help of clan militias", "in cooperation with allied forces" (not "in coordination with":
# below).
_JOINT_BEFORE = re.compile(rf"\b(?:together with|with the help of|in cooperation with|in conjunction with|jointly with)"
                           rf"\s+{_DET}$", re.I)
# The one blamed or accused is the (alleged) initiator: "blamed the attack on X", "accused X of".
_BLAME_BEFORE = re.compile(rf"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|attribut(?:ed|es|ing) (?:[\w'-]+ ){{0,5}}?to|"
                           rf"blam(?:ed|es|ing) (?:[\w'-]+ ){{0,5}}?on|claimed by|(?:was|were) the work of)\s+{_DET}$",
                           re.I)
# "Ramadi fell to ISIL", "the battalion surrendered to Karen forces": the one it fell to took it.
# "the fall of Laukkai to the MNDAA" likewise
_FELL_TO_BEFORE = re.compile(rf"\b(?:fell|falls|fallen|surrender(?:ed|s)?|fall of (?:[\w'\u2019-]+\s+){{0,5}}?[\w'\u2019-]+) to\s+{_DET}$",
                             re.I)
_FROM_BEFORE = re.compile(rf"\b(?:fire|attacks?|shelling|rockets?|missiles?|strikes?) from\s+{_DET}$", re.I)
# "captured from X", "retaking the capital of Gezira state from X": X lost the place.
_TAKEN_FROM_BEFORE = re.compile(rf"\b(?:captur|seiz|took|tak|retook|retak|recaptur|wrest|liberat|regain)\w*\s+"
                                rf"(?:[\w'\u2019-]+\s+){{0,8}}?from\s+{_DET}$", re.I)
# The side chased or hunted suffers the pursuit: "crossed the border in pursuit of the raiders", "promised
# to hunt down the attackers", "sent troops and aircraft after the attackers".
_PURSUED_BEFORE = re.compile(rf"\b(?:in pursuit of|pursu(?:e|ed|es|ing)|hunt(?:ed|ing|s)? down|hunt(?:ing)? for|"
                             rf"manhunt for|(?:troops|forces|soldiers|aircraft|reinforcements|units|jets) after)\s+{_DET}$",
                             re.I)
# "under X's bombardment", "under the army's fire": X did it.
_UNDER_BEFORE = re.compile(rf"\bunder\s+{_DET}$", re.I)
_UNDER_AFTER = re.compile(r"(?:'s|\u2019s|'|\u2019)?\s+(?:\w+\s+){0,2}?(?:bombardment|shelling|fire|attacks?|assaults?|"
                          r"pressure|strikes|air strikes|airstrikes|barrage|siege)\b", re.I)
# An aside between commas; a comma that groups thousands is no end of it ("people, including
# 80,000 children, were displaced").
_ASIDE = r"\s*,(?:[^,;]|(?<=\d),(?=\d{3}\b)){1,80},"
# Between an actor and a verb it is the subject of: an aside ("X, a paramilitary force, denied") or
# the rest of a list the actor opens ("government forces and the 5th Corps lost").
_ASIDE_OR_LIST = rf"(?:{_ASIDE}|\s+(?:and|or)\s+[^,;:]{{1,60}}?)?"
# Forces moved by their own side carry out the move (section 8, change to group/activity): "troops
# were deployed", "peacekeepers were pulled out", "the army deployed troops", "sent reinforcements".
_MOVED_AFTER = re.compile(rf"{_ASIDE_OR_LIST}\s+(?:\w+ly\s+)?(?:was|were|had been|have been|has been|being)\s+"
                          r"(?:\w+ly\s+)?(?:deployed|redeployed|reinforced|dispatched|sent|pulled (?:out|back))\b", re.I)
_MOVED_BEFORE = re.compile(rf"\b(?:deploy(?:ed|s|ing)?|sen(?:t|ds?|ding)|br(?:ought|ings?|inging)|dispatch(?:ed|es|ing)?)\s+"
                           rf"(?:(?:at least|more than|about|some|up to|nearly|over)\s+)?(?:[\d,]+\s+)?"
                           rf"(?:(?:additional|more|extra|fresh|new)\s+)?{_DET}$", re.I)
# "X was forced to withdraw", "forced X to retreat": X suffered it.
_LEAVE = r"(?:to\s+(?:withdraw|retreat|pull|abandon|flee|surrender|evacuate|leave)|out|back)\b"
_FORCED_AFTER = re.compile(rf"\s+(?:(?:was|were|had been|have been|has been|being)\s+)?(?:\w+ly\s+)?forced\s+(?:back\s+)?"
                           rf"{_LEAVE}", re.I)
_LEAVE_AFTER = re.compile(rf"\s+{_LEAVE}", re.I)
_FORCED_BEFORE = re.compile(rf"\bforc(?:ed|ing|es)\s+{_DET}$", re.I)
# Fallback for an actor no pattern placed: the subject of a verb of its own, in any tense the rules
# have no act word for ("Turkish security forces used tear gas", "MNDAA columns moved west", "the army
# is advancing", headlines' "Afghan forces fall back"), acted; a reporting verb tells nothing.
SUBJECT_VERB_AFTER = re.compile(
    rf"(?:{_ASIDE})?\s+(?:(?:fighters|forces|troops|units|columns|members|militants|soldiers|men)\s+)?"
    r"(?:\w+ly\s+)?(?:also\s+|then\s+|first\s+|now\s+|still\s+|later\s+|soon\s+)?"
    r"(?:(?:had|have|has|will|would|could|can|may|might|must|is|are|was|were)\s+(?:also\s+|now\s+|still\s+|not\s+)?)?"
    r"(?!(?:said|reported|claimed|stated|added|noted|announced|confirmed|denied|accused|warned|acknowledged|"
    r"admitted|alleged|called|described|estimated|recorded|documented|blamed|insisted|urged|condemned|"
    r"be|been|being|saying|reporting|claiming|calling|urging|asking)\b)"
    r"(?:[a-z]+ed|[a-z]{3,}ing|took|made|used|sent|led|began|won|held|broke|drove|fought|set|built|threw|brought|"
    r"seized|came|flew|fell|cut|hit|struck|shot|overran|went|withdrew|retook|taken|broken|driven|begun|overrun|"
    r"enter|advance|attack|push|strike|fire|take|launch|deploy|withdraw|fall|send|seize|capture|move|retake)\b")
# The one who denies an act or claims it is its (alleged) author: "Iran denied any involvement",
# "ARSA, which claimed responsibility, said"
_DENIES_AFTER = re.compile(rf"(?:\s*,\s*(?:which|who)\s+|{_ASIDE_OR_LIST}\s+)(?:\w+ly\s+)?(?:(?:has|have|had)\s+)?(?:also\s+)?"
                           r"(?:denied|denies|deny|claimed responsibility|claims responsibility)\b", re.I)
# ... but the side that denies a loss suffered the act it speaks of: "Damascus denied suffering any losses",
# "rebel groups deny losing the town", "the SDF denied losing any vehicles" (target).
_DENIES_LOSS_AFTER = re.compile(rf"{_ASIDE_OR_LIST}\s+(?:\w+ly\s+)?(?:(?:has|have|had)\s+)?(?:also\s+)?"
                                r"(?:denied|denies|deny)\s+(?:(?:that\s+)?(?:it|they)\s+(?:had\s+)?)?"
                                r"(?:losing|suffering|having lost|lost|suffered|sustaining)\b", re.I)
# The one who blames or accuses another takes no part in the act it speaks of: "Ankara blamed Syrian
# government forces", "the army blamed the RSF" (section 9: other); not "civilians accused of ...".
_BLAMES_AFTER = re.compile(rf"{_ASIDE_OR_LIST}\s+(?:\w+ly\s+)?(?:(?:has|have|had)\s+)?(?:also\s+)?"
                           r"(?:blam(?:ed|es|e)|accus(?:ed|es|e)|attribut(?:ed|es|e))\b(?!\s+(?:of|to|by)\b)", re.I)
# The one that came under fire suffered it, whatever the words between ("Turkish troops at an observation
# post near Taftanaz came under artillery fire", "groups that came under Syrian fire").
_UNDER_FIRE_AFTER = re.compile(rf"{_ASIDE_OR_LIST}\s+(?:(?:that|which|who)\s+)?"
                               r"(?:(?:at|in|near|on|outside|inside|along|around|of)\s+[^,;.]{1,60}?\s+)??(?:\w+ly\s+)?"
                               r"(?:(?:had|has|have)\s+)?(?:came|come|comes|coming) under\s+(?:[\w'\u2019-]+\s+){0,2}?"
                               r"(?:fire|attacks?|shelling|bombardment|assaults?)\b", re.I)
# Those holed up, trapped or still besieged suffer the act that pins them ("the last of the attackers
# holed up inside", "soldiers remained besieged in the hospital"); not "troops besieged the town".
_TRAPPED_AFTER = re.compile(rf"(?:{_ASIDE})?\s+(?:(?:who|that|which)\s+)?(?:(?:\w+ly|still|now)\s+)?"
                            r"(?:holed up|trapped|(?:were|was|are|is|remained|remain|remains|had been|have been|"
                            r"has been|being)\s+(?:still\s+)?(?:besieged|encircled|surrounded|cornered|holed up|trapped))\b",
                            re.I)
# Those the place hit held, named in a "where" clause with a verb of being there, not of fighting, suffered
# the act: "struck the gate, where Marines were searching people", "a strike on a restaurant where unit
# commanders were meeting", "a house where displaced families were sheltering", "where advisers were present".
_WHERE_BEFORE = re.compile(rf"\bwhere\s+{_DET}$", re.I)
# Those an advance met resistance from are the side it was against: "took the city, meeting little
# resistance from Kurdish fighters, who withdrew north" (target).
_RESISTANCE_BEFORE = re.compile(rf"\b(?:resistance|opposition)\s+from\s+{_DET}$", re.I)
# Those taken or held prisoner or hostage suffered the act: "had taken 14 police officers prisoner",
# "held 10 officers and National Guard troops hostage".
_CAPTIVE_AFTER = re.compile(r"(?:\s+(?:and|or)\s+[^,;:]{1,60}?)?\s+(?:prisoners?|hostages?|captives?)\b"
                            r"(?!\s+(?:of|to)\b)", re.I)
# Those a burnt or struck building held suffered the act: "set homes on fire with families inside".
_WITH_BEFORE = re.compile(rf"\bwith\s+(?:{_QUANTITY})?{_DET}$", re.I)
_INSIDE_AFTER = re.compile(r"\s+(?:still\s+)?(?:inside|within|indoors|aboard|on board)\b", re.I)
_PRESENT_AFTER = re.compile(rf"{_ASIDE_OR_LIST}\s+(?:(?:was|were|are|is|had been|have been|has been)\s+)(?:\w+ly\s+)?"
                            r"(?:present|stationed|based|sheltering|staying|living|meeting|gathered|gathering|searching|"
                            r"working|waiting|sleeping|praying|hiding|sitting|standing|queu(?:e)?ing|shopping|camped|"
                            r"celebrating|attending)\b", re.I)
# Those told as freed take no part in the act (section 9: other) ("four civilians held captive were freed",
# "prisoners freed from the jail"), whoever freed them.
_FREED_AFTER = re.compile(rf"(?:{_ASIDE})?\s+(?:held (?:captive|hostage)\s+)?(?:(?:were|was|have been|had been|has been|"
                          r"being)\s+(?:\w+ly\s+)?(?:freed|released|rescued|set free)|freed\s+from)\b", re.I)
# The one said to be the victim of an act, or to have survived it, suffered it: "a detachment moving between
# two towns was the victim of an ambush", "the prime minister survived an assassination attempt".
_VICTIM_OF_AFTER = re.compile(rf"(?:{_ASIDE}|\s+(?:moving|travell?ing|operating|patrolling|stationed|based|deployed)\b"
                              r"[^,;.]{0,60}?)?\s+(?:\w+ly\s+)?(?:(?:was|were|fell)\s+(?:the\s+)?victims?\s+of|"
                              r"(?:(?:had|has|have)\s+)?survived)\b", re.I)
# The one that repelled an attack by a named attacker suffered that attack, the record's act ("army units
# repelled an attack by terrorist groups on their positions"); "repelled four assaults", with no
# attacker named, stays the repelling side's act.
_REPELLED_BY_AFTER = re.compile(rf"{_ASIDE_OR_LIST}\s+(?:\w+ly\s+)?(?:(?:had|has|have)\s+)?(?:on \w+\s+)?"
                                r"(?:repel\w*|repuls\w*|fought off|thwart\w*|foil\w*)\s+(?:an?|the|\w+)\s+"
                                r"(?:[\w'\u2019-]+\s+){0,3}?(?:attacks?|assaults?|offensive|infiltration|attempts?|"
                                r"advances?)\s+by\b", re.I)
# The one who lost men or ground suffered the act, and so did the men it lost.
_LOST_AFTER = re.compile(rf"{_ASIDE_OR_LIST}\s+(?:\w+ly\s+)?(?:(?:had|has|have)\s+)?"
                         r"(?:also\s+)?(?:lost|loses)\b", re.I)
_LOST_BEFORE = re.compile(r"\b(?:lost|loses)\s+(?:(?:at least|more than|about|nearly|up to|some|over)\s+)?"
                          r"(?:[\d,]+\s+|\w+\s+(?:of\s+(?:its|their)\s+)?)?$", re.I)
# The side a defeat or a loss is told of: "the heaviest loss for Turkey's military", "a second major defeat for
# Damascus", "the deadliest blow to the army", "after the loss of the Northern Command".
_DEFEAT_BEFORE = re.compile(rf"\b(?:loss(?:es)?|defeats?|setbacks?|blows?|reversals?)\s+(?:for|to|of)\s+{_DET}"
                            r"(?:[\w.'\u2019-]+(?:'s|\u2019s)\s+)?$", re.I)
_TARGET_BEFORE = re.compile(
    rf"\b(?:against|targeting|targeted|on|at|upon|toward|towards|into)\s+(?:{_QUANTITY}(?:of\s+)?)?{_DET}"
    rf"(?:(?:{_POSITION_NOUNS}) (?:of|belonging to|held by)\s+{_DET})?$|"
    rf"\b(?:{_OBJECT_NOUNS}) (?:of|belonging to)\s+{_DET}$|"
    # those a camp or shelter houses suffer what hits it: "a strike on a camp for displaced people"
    rf"\b(?:camps?|shelters?|settlements?) for\s+{_DET}$",
    re.I,
)
# The dead a toll or the bodies found count: "puts the toll among government troops at 41", "the bodies of
# at least 30 soldiers", the side whose losses or ranks are told ("no casualties among US personnel",
# "heavy losses in the ranks of the militants"), and the enemies a party says it "neutralised" or "eliminated".
_COUNTED_DEAD_BEFORE = re.compile(
    rf"\b(?:(?:death )?toll among|(?:casualties|losses) among|(?:in|from) the ranks of|bodies of|"
    rf"neutrali[sz](?:ed|ing|es)?[\"\u201d]?|eliminat(?:ed|ing)|liquidat(?:ed|ing)|"
    # those the dead are said to be ("the dead were two Indian nationals", "among the dead was a medic"), and those
    # killed beside the victim ("was killed with her driver")
    rf"the (?:dead|victims|wounded|injured|casualties|killed) (?:were|was|are|is|included|include|includes)|"
    rf"(?:killed|died|shot dead) (?:along )?with (?:his|her|their|its))\s+"
    rf"(?:{_QUANTITY}(?:of\s+)?)?{_DET}$", re.I)
# The rest of a casualty count after its first member, in a list the verb no longer reaches: "39 soldiers
# killed in the past 72 hours, and at least 46 fighters of HTS", "lost 1,200 fighters, against more than 1,300
# among the rebels", "the toll among troops at 41 and among the rebels at 35" (target); a count reported first.
_MORE_COUNTED_BEFORE = re.compile(
    rf"(?:,\s*|\s)(?:and|against|as well as|along with)\s+(?:among\s+{_DET}|{_QUANTITY}(?:(?:of|among|from)\s+)?"
    rf"{_DET}(?:(?!(?:when|as|after|while|were|was|had|have|has|and|who|which|that)\b)[\w'\u2019-]+\s+"
    rf"(?:(?:of|from)\s+{_DET})?)?)$", re.I)
_COUNTED_BEFORE = re.compile(r"\b(?:killed|dead|deaths?|died|toll|lost|losses|wounded|injured|casualties|"
                             r"neutrali[sz]ed)\b", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:[^,;]*?\s+and\s+(?:the\s+)?)?$", re.I)
# "clashed with X", and the nouns of an exchange of fire ("died in a firefight with smugglers",
# "killed in exchanges of fire with the Republican Guard"): each side fought.
_WITH_MUTUAL = re.compile(rf"\b(?:{MUTUAL_VERBS}|exchanges? of fire|firefights?|gunfights?|gun ?battles?|shoot-?outs?) "
                          rf"with\s+{_DET}$", re.I)
# A casualty participle right after its noun, with no object after it, is a reduced passive:
# "four civilians killed in the strike".
_OUTCOME_PP = re.compile(rf"(?:{CASUALTY_PARTICIPLES})$", re.I)
# "guards shot at people" is an active verb with its object, not a reduced passive ("soldiers shot in").
_SHOT_AT = re.compile(r"(?<=shot)\s+at\b(?!\s+(?:least|most|close range|point-blank)\b)", re.I)
_NO_OBJECT_AFTER = re.compile(r"\s*(?:$|[,.;:\u2014\u2013]|\b(?:in|on|at(?! (?:least|most)\b)|near|during|when|after|while|as|and|overnight|"
                              r"yesterday|today|last|early|late|by|since|following|amid|across|around|over|inside|"
                              r"outside|throughout|along|within|so far|this|that)\b)", re.I)
# Fallback for an actor no pattern placed: the subject of a passive suffered it ("two trucks were
# ambushed", "the attackers have been eliminated"), unless the verb reports or judges ("were reported").
_PASSIVE_AFTER = re.compile(
    rf"(?:{_ASIDE})?\s+(?:\w+ly\s+)?(?:was|were|had been|have been|has been|being|is being|are being|got)\s+"
    r"(?:(?:still|also|later|then|reportedly|allegedly|all|both|not)\s+)?"
    r"(?!(?:reported|said|believed|thought|seen|expected|known|called|described|accused|blamed|quoted|told|"
    r"asked|urged|involved|based|deployed|stationed|backed|supported|led|allied|linked|aligned)\b)"
    r"(?:[a-z]+ed|[a-z]+en|shot|hit|hurt|struck|taken|held|caught|left|found|cut|lost)\b", re.I)
# Between an act noun and the actor it was done to: "of", a determiner, a count, modifiers.
_NOUN_OF_GAP = re.compile(rf"\s+of\s+{_DET}(?:(?:at least|more than|about|nearly|up to|some)\s+)?"
                          rf"(?:[\w'\u2019,.%-]+\s+){{0,3}}?", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her|a|an|this|these)\s+(?:[\w-]+\s+)?$", re.I)
_RELATIVE_AFTER = re.compile(r"\s*,?\s+(?:who|which|that)\s+(?:\w+ly\s+)?(?:(?:had|has|have)\s+)?(?:also\s+)?(?=\w)",
                             re.I)
# Cues rare enough that a sentence without their words skips them (:mod:`.regex_literals`), by
# pattern text (a wrapped pattern, as tests/events/test_linear.py counts them, finds its gate).
_GATES = {rx.pattern: required_literals(rx) for rx in (_USED_BY_BEFORE, _FELL_TO_BEFORE, _BLAMES_AFTER,
                                                        _FROM_HELD_BEFORE, _JOINT_BEFORE, _MOVED_AFTER,
                                                        _MOVED_BEFORE, _ON_BEHALF_BEFORE, _COUNTED_DEAD_BEFORE,
                                                        _SPARED_BEFORE, _LAST_HELD_BEFORE, _PURSUED_BEFORE,
                                                        _SUFFERED_BY_BEFORE, _UNDER_FIRE_AFTER, _TRAPPED_AFTER,
                                                        _WHERE_BEFORE, _FREED_AFTER, _VICTIM_OF_AFTER,
                                                        _REPELLED_BY_AFTER, _ALONGSIDE_BEFORE, _NOT_ACT_BY_BEFORE,
                                                        _CAPTIVE_AFTER)}
# From an actor to the participle its list ends with: "[soldiers] and at least 18 rebel fighters killed",
# "[Civilians]: 11 killed".
_LIST_GAP = re.compile(r"\s+(?:and|or|as well as)\s+[^,;:]{1,80}?\s+|\s*:\s*(?:at least\s+)?[\d,]+\s+", re.I)
# Words before a participle that make it an active verb ("had killed", "who killed", "and killed").
_ACTIVE_BEFORE = re.compile(r"\b(?:had|has|have|having|who|which|that|and|also|then|they|it|he|she|we|\w+ly)\s+$", re.I)
# A word that opens a clause of its own between a verb and an actor: the actor is that clause's
# subject, not the verb's object ("The strike came on the same day that opposition factions ...").
_CLAUSE_OPENER = re.compile(r"\b(?:that|which|who|whom|when|while|after|before|because|as|since|until)\b", re.I)
_NEXT_WORD = re.compile(r"\s+[\w'\-]+")
# A copula before an actor makes it part of a description, not the act's subject ("On the other side
# are army regulars, National Defence Forces ...").
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were)\b", re.I)
# Those named only as what an act left them (its victims, survivors, wounded or dead) did not do it, whatever verb
# follows them ("buried 11 victims of the raid", "thousands of survivors have crossed the lake").
_SUFFERER_HEAD = re.compile(r"\b(?:victims|survivors|wounded|injured|dead|casualties)$", re.I)
_VICTIM_HEAD = re.compile(rf"\b(?:{VICTIM_NOUNS})$", re.I)


def assign_roles(sentence: Sentence, actors: Sequence[Entity]) -> list[ActorRef]:
    """Roles of the sentence's ACTOR entities (original-text offsets), pure sources left out.

    >>> s = Sentence("HTS fighters attacked army positions, killing three soldiers.")
    >>> ents = [Entity("ACTOR", s.text.index(w), s.text.index(w) + len(w), w, 1.0)
    ...         for w in ("HTS fighters", "army", "soldiers")]
    >>> [a.role for a in assign_roles(s, ents)]
    ['initiator', 'target', 'target']
    """
    out: list[ActorRef] = []
    source_starts = [x.start for x in sentence.sources]
    for ent in sorted(actors, key=lambda e: e.start):
        start, end = ent.start - sentence.start, ent.end - sentence.start
        if (sentence.in_pure_source(start, end) or heads_appositive_source(sentence.text, end)
                or is_outlet(sentence.text, start, end)):
            continue
        role = "other" if _neutral_speaker(sentence, source_starts, start, end) else role_of(sentence, start, end)
        if role == "initiator" and _SUFFERER_HEAD.search(sentence.text, lookback(end), end):
            role = "target"  # "buried 11 victims of the raid", "survivors have crossed the lake": they suffered it
        if role != "target" and _spokesperson(sentence.text, start, end):
            continue  # "OLA spokesman Odaa Tarbii rejected the accusation": the group speaks, not an actor
        if role != "target" and _led_named_group(sentence, actors, start):
            continue  # "Ansar Dine, the group led by X, claimed the attack": the group is the side, not its leader
        out.append(ActorRef(ent.text, ent.start, ent.end, role))
    spans = [(a.start - sentence.start, a.end - sentence.start) for a in out]
    roles = share_roles(sentence.text, spans, [a.role for a in out])
    # an appositive that names the group another belongs to is no list ("JNIM, al Qaeda's branch")
    roles = [r if a.role != "other" or not _affiliation(sentence.text, *span) else "other"
             for a, r, span in zip(out, roles, spans)]
    return [replace(a, role=r) for a, r in zip(out, roles)]


_POLICE = re.compile(r"\bpolice\b", re.I)
# A person named as a side's spokesperson: "OLA spokesman [Odaa Tarbii]", "[Ahmed Ali], spokesman for the army,"
_TITLES = (r"(?:Sheikh|Colonel|General|Major|Captain|Brigadier|Lieutenant|"
           r"Col\.|Gen\.|Maj\.|Capt\.|Brig\.|Lt\.|Dr\.|Mr\.|Ms\.)")
_SPOKESPERSON_BEFORE = re.compile(rf"\bspokes(?:man|woman|person)\s+(?:{_TITLES}\s+)*$", re.I)
_SPOKESPERSON_AFTER = re.compile(r"\s*,\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w'\u2019-]+\s+){0,3}?"
                                 r"spokes(?:man|woman|person)\b", re.I)

# A group's leader named beside it: "the faction led by alias X", "Ansar Dine, the group led by X", "The RSF, commanded
# by X, said" (no article before the name: "forces, led by the Tiger Forces," names a unit that fought).
_LEADER_BEFORE = re.compile(rf"(?:\b(?:party|faction|group|wing|movement|organi[sz]ation|militia|army|front)\s+"
                            rf"(?:[\w'\u2019-]+\s+){{0,4}}?|,\s+)(?:led|commanded|headed|founded)\s+by\s+"
                            rf"(?:(?:alias|{_TITLES})\s+)*$", re.I)



def _led_named_group(sentence: Sentence, actors: Sequence[Entity], start: int) -> bool:
    """Whether the actor at ``start`` is the leader of a group named as an actor right before it (``Ansar Dine, the
    group led by X``, ``The RSF, commanded by X, said``): the group is the side and the gold leaves its leader out.
    With the group unnamed (``The party, led by X, denied any role``) the leader is the only name of the side.

    >>> s = Sentence("The Hill Front, commanded by Ali Musa, said it had taken the town.")
    >>> ents = [Entity("ACTOR", s.text.index(w), s.text.index(w) + len(w), w, 1.0) for w in ("Hill Front", "Ali Musa")]
    >>> _led_named_group(s, ents, s.text.index("Ali")), _led_named_group(s, ents, s.text.index("Hill"))
    (True, False)
    """
    m = _LEADER_BEFORE.search(sentence.text, lookback(start), start)
    if m is None:
        return False
    return any(e.start - sentence.start < m.start() and m.start() - 40 <= e.end - sentence.start <= m.end()
               and not re.search(r"[.;:]", sentence.text[e.end - sentence.start:m.start()]) for e in actors)


def _spokesperson(text: str, start: int, end: int) -> bool:
    """Whether the actor at ``[start, end)`` is named as a side's spokesperson: the side speaks through it
    and is the actor (the gold leaves the person out).

    >>> s = "Army spokesman Colonel Ali Musa said the town was retaken."
    >>> _spokesperson(s, s.index("Ali"), s.index(" said")), _spokesperson(s, 0, 4)
    (True, False)
    """
    return bool(_SPOKESPERSON_BEFORE.search(text, lookback(start), start) or _SPOKESPERSON_AFTER.match(text, end))


def _neutral_speaker(sentence: Sentence, source_starts: list[int], start: int, end: int) -> bool:
    """Whether the actor at ``[start, end)`` speaks for a neutral body (section 3: a UN body, an NGO,
    a hospital, a monitor) about its own work (``MSF said its teams had treated 42 wounded
    patients``): it takes no part in the act (section 9: ``other``), though its words name ``its``.
    Police who say they arrested or fired did it.

    >>> s = Sentence("Medecins Sans Frontieres said its team had received 130 wounded patients.")
    >>> _neutral_speaker(s, [x.start for x in s.sources], 0, 24)
    True
    """
    i = bisect_right(source_starts, start) - 1  # the last source opening at or before the actor
    if i < 0:
        return False
    src = sentence.sources[i]
    if not (src.participant and end <= src.end):
        return False
    phrase = sentence.text[src.start:src.end]
    return source_kind(phrase) == "neutral" and not _POLICE.search(phrase)


def _affiliation(text: str, start: int, end: int) -> bool:
    """Whether the actor at ``[start, end)`` is named as the group another is linked to or part of.

    >>> s = "JNIM, al Qaeda's branch in Mali, ambushed the convoy."
    >>> _affiliation(s, 6, 14), _affiliation(s, 0, 4)
    (True, False)
    """
    return bool(_AFFILIATE_AFTER.match(text, end) or _AFFILIATION_BEFORE.search(text, lookback(start), start))


def role_of(sentence: Sentence, start: int, end: int) -> Role:
    """Role of the actor at ``[start, end)`` of the sentence (sentence offsets).

    >>> s = Sentence("Clashes between the army and HTS left 12 dead.")
    >>> role_of(s, 20, 24), role_of(s, 29, 32)  # mutual fighting: both sides fought
    ('initiator', 'initiator')
    """
    text = sentence.text
    nxt = _next_word_end(text, end)
    seg_start, seg_end = sentence.segments.piece(start, end)
    near, seg_near = lookback(start), lookback(start, seg_start)
    if _HELD_BEFORE.search(text, seg_near, start) or _HELD_AFTER.match(text, end):
        if _ends_before(sentence, _FROM_HELD_BEFORE, seg_near, start):
            return "initiator"  # what was fired from its ground
        if _ends_before(sentence, _LAST_HELD_BEFORE, seg_near, start):
            return "target"  # the last ground it held, lost
        return "other"  # the group the place is held by (section 9)
    if _BACKED_BY_BEFORE.search(text, seg_near, start):
        return "initiator" if _FIGHTING_HEAD.search(text, start, end) else "other"
    if _LINKED_AFTER.match(text, end):
        return "other"  # a backer or patron takes no part in the act itself ("backed by the US-led coalition")
    if _affiliation(text, start, end):
        return "other"  # the group another is linked to or part of ("affiliated with the SDF")
    if _ends_after(sentence, _FREED_AFTER, end):
        return "other"  # "hundreds of prisoners were freed": the freed take no part (section 9)
    if in_casualty_list(text, start, end) or _ends_before(sentence, _COUNTED_DEAD_BEFORE, seg_near, start):
        return "target"  # "killed ..., including X", "deaths among X", "the toll among X"
    if _ends_after(sentence, _UNDER_FIRE_AFTER, end) or _ends_after(sentence, _REPELLED_BY_AFTER, end):
        return "target"  # "came under artillery fire", "repelled an attack by X"
    if _ends_after(sentence, _VICTIM_OF_AFTER, end):
        return "target"  # "was the victim of a terrorist ambush", "survived an assassination attempt"
    if _ends_after(sentence, _TRAPPED_AFTER, end):
        return "target"  # "the last fighters holed up in the prison"
    if _RESISTANCE_BEFORE.search(text, seg_near, start):
        return "target"  # "meeting little resistance from Kurdish fighters"
    if _ends_after(sentence, _CAPTIVE_AFTER, end):
        return "target"  # "had taken 14 police officers prisoner"
    if _INSIDE_AFTER.match(text, end) and _WITH_BEFORE.search(text, seg_near, start):
        return "target"  # "set homes on fire with families inside"
    if _ends_before(sentence, _WHERE_BEFORE, near, start) and _PRESENT_AFTER.match(text, end):
        return "target"  # "hit the house where displaced families were sheltering"
    if _LOST_AFTER.match(text, end) or _LOST_BEFORE.search(text, seg_near, start):
        return "target"  # "the forces had lost more than 700 fighters": both suffered the act
    if _DEFEAT_BEFORE.search(text, seg_near, start):
        return "target"  # "the heaviest single-day loss for Turkey's military": the side that lost
    if _DENIES_LOSS_AFTER.match(text, end):
        return "target"  # "Damascus denied suffering any losses"
    if _DENIES_AFTER.match(text, end):
        return "initiator"
    if _ends_after(sentence, _BLAMES_AFTER, end):
        return "other"
    if _ends_after(sentence, _MOVED_AFTER, end) or _ends_before(sentence, _MOVED_BEFORE, seg_near, start):
        return "initiator"
    if _BETWEEN.search(text, near, start) or _WITH_MUTUAL.search(text, seg_near, start):
        return "initiator"  # mutual fighting, no side named as attacker: each fought (section 9)
    if _ends_before(sentence, _JOINT_BEFORE, seg_near, start):
        return "initiator"
    if (_ends_before(sentence, _ON_BEHALF_BEFORE, seg_near, start)
            or _ends_before(sentence, _ALONGSIDE_BEFORE, seg_near, start)
            or _ends_before(sentence, _SPARED_BEFORE, seg_near, start)):
        return "other"
    if _ends_before(sentence, _NOT_ACT_BY_BEFORE, seg_near, start):
        return "other"  # "ammunition stored by the militia", "evacuated by the mission"
    if (_ends_before(sentence, _USED_BY_BEFORE, seg_near, start)
            or _ends_before(sentence, _SUFFERED_BY_BEFORE, seg_near, start)):
        return "target"
    if (_BY_BEFORE.search(text, seg_near, start) or _FROM_BEFORE.search(text, seg_near, start)
            or _BLAME_BEFORE.search(text, near, start) or _ends_before(sentence, _FELL_TO_BEFORE, seg_near, start)):
        return "initiator"
    if _UNDER_BEFORE.search(text, seg_near, start) and _UNDER_AFTER.match(text, end):
        return "initiator"  # "forced to withdraw under [Z]'s bombardment"
    if (_TARGET_BEFORE.search(text, seg_near, start) or _TAKEN_FROM_BEFORE.search(text, seg_near, start)
            or _ends_before(sentence, _PURSUED_BEFORE, near, start)
            or _FORCED_AFTER.match(text, end)
            or (_FORCED_BEFORE.search(text, seg_near, start) and _LEAVE_AFTER.match(text, end))):
        return "target"
    if (nxt > end and _OUTCOME_PP.search(text, lookback(nxt), nxt) and _NO_OBJECT_AFTER.match(text, nxt)
            and not _SHOT_AT.match(text, nxt)):
        return "target"
    if _of_act_noun(sentence, start):
        return "target"  # "summary executions of captured soldiers", "the killing of 190 civilians"
    verbs = sentence.verbs
    last = bisect_right(sentence.verb_ends, start) - 1
    if last >= 0 and verbs[last].kind == "act" and not verbs[last].passive and is_object_of(text, verbs[last].end, start):
        return "target"  # "killing [six] civilians and wounding 17": the object, whatever verb follows
    if last >= 0 and verbs[last].kind == "mutual" and is_object_of(text, verbs[last].end, start):
        return "initiator"  # "Ahrar al-Sham fought [HTS units]": each side fought (section 9)
    # As subject: the first verb after the actor in its segment, else in its clause
    # when nothing but the subject precedes it there.
    role = _as_subject(sentence, end, seg_end)
    if role is None and _PASSIVE_AFTER.match(text, end):
        return "target"  # "More than 200 people, most of them women, were taken hostage during the attack"
    if role is None:
        cl_start, cl_end = sentence.subordinate_clauses.piece(start, end)
        first = sentence.first_verb_from(cl_start)
        if not (first < len(verbs) and verbs[first].start < start):
            role = _as_subject(sentence, end, cl_end)
    if role is None:
        # the subject of its own relative clause: "Boko Haram militants who seized the town ..."
        rel = _RELATIVE_AFTER.match(text, end)
        if rel is not None:
            role = _as_subject(sentence, rel.end(), sentence.segments.first_start_at_or_after(rel.end()))
    if role is not None:
        return role
    # As object: the last verb before the actor in its segment.
    last = bisect_right(sentence.verb_ends, start) - 1
    if last >= 0 and verbs[last].start >= seg_start:
        v = verbs[last]
        if v.kind in ("act", "support") and not v.passive and not _CLAUSE_OPENER.search(text, v.end, start):
            return "target"
    if _VICTIM_HEAD.search(text, lookback(end), end):
        return "target"  # no pattern placed it: a victim noun is a target ("13 of them civilians")
    if _PASSIVE_AFTER.match(text, end):
        return "target"
    if SUBJECT_VERB_AFTER.match(text, end):
        return "initiator"
    role = _speaker_role(sentence, start, end)
    if role == "unknown" and _more_counted(sentence, start):
        return "target"  # "... killed, and at least 46 fighters of HTS": the rest of the count
    if role == "unknown" and _before_every_act_word(sentence, start, end):
        return "initiator"  # named before any act word, no pattern placed it: the act's subject
    return role


def _more_counted(sentence: Sentence, start: int) -> bool:
    """Whether the actor at ``start`` is a later member of a casualty count, after ``and`` / ``against`` /
    ``along with`` and its number, with a casualty word earlier in the sentence.

    >>> s = Sentence("At least 20 soldiers were killed on Monday, and at least 15 fighters of the militia.")
    >>> _more_counted(s, s.text.index("militia")), _more_counted(s, s.text.index("soldiers"))
    (True, False)
    """
    m = _MORE_COUNTED_BEFORE.search(sentence.text, lookback(start), start)
    return m is not None and _COUNTED_BEFORE.search(sentence.text, 0, m.start()) is not None


def _ends_before(sentence: Sentence, cue: re.Pattern, lo: int, start: int) -> bool:
    """Whether the gated ``cue`` matches in the sentence between ``lo`` and ``start``.

    >>> s = Sentence("Jets hit camps used by the TTP.")
    >>> _ends_before(s, _USED_BY_BEFORE, 0, s.text.index("TTP")), _ends_before(s, _FELL_TO_BEFORE, 0, 27)
    (True, False)
    """
    return may_match(sentence.folded, _GATES[cue.pattern]) and cue.search(sentence.text, lo, start) is not None


def _ends_after(sentence: Sentence, cue: re.Pattern, end: int) -> bool:
    """Whether the gated ``cue`` matches right after ``end`` in the sentence.

    >>> s = Sentence("Ankara blamed the PKK.")
    >>> _ends_after(s, _BLAMES_AFTER, 6), _ends_after(s, _BLAMES_AFTER, 17)
    (True, False)
    """
    return may_match(sentence.folded, _GATES[cue.pattern]) and cue.match(sentence.text, end) is not None


def _speaker_role(sentence: Sentence, start: int, end: int) -> Role:
    """The role of a speaker who takes part in what it reports, from the first act verb after it
    (``The RSF, which ..., said it had taken the camp``: initiator; ``said its troops had been
    ambushed``: target), else ``unknown``.

    >>> s = Sentence("The Jaish al-Fatah alliance, which includes Ahrar al-Sham, said its fighters had seized it.")
    >>> _speaker_role(s, 4, 27)
    'initiator'
    """
    if not any(x.participant and x.start <= start and end <= x.end for x in sentence.sources):
        return "unknown"
    return _as_subject(sentence, end, len(sentence.text)) or "unknown"


def _before_every_act_word(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the actor at ``[start, end)`` comes before every act word of the sentence, and
    one follows it (``Jaysh al-Izza and Jund al-Aqsa reached the edge of Maardes ... in an
    offensive``: the side named first, by a verb the rules do not know, carries out the act).

    >>> s = Sentence("The Tiger Forces played a leading role in the offensive.")
    >>> _before_every_act_word(s, 4, 16), _before_every_act_word(Sentence("The offensive hit HTS."), 18, 21)
    (True, False)
    """
    triggers = sentence.triggers
    return (bool(triggers) and bisect_right(sentence.trigger_ends, start) == 0 and triggers[-1].start >= end
            and not _COPULA_BEFORE.search(sentence.text, lookback(start), start))


def _of_act_noun(sentence: Sentence, start: int) -> bool:
    """Whether the actor at ``start`` follows an act noun and ``of``: what the act was done to.

    >>> s = Sentence("Rights groups documented the killing of at least 190 civilians.")
    >>> _of_act_noun(s, s.text.index("civilians")), _of_act_noun(s, s.text.index("Rights"))
    (True, False)
    """
    i = bisect_right(sentence.trigger_ends, start) - 1
    if i < 0:
        return False
    t = sentence.triggers[i]
    # a gerund after a determiner is a noun too ("the killing of")
    noun = t.kind == "noun" or bool(_DETERMINER_BEFORE.search(sentence.text, lookback(t.start), t.start)
                                    and sentence.text[t.start:t.end].lower().endswith(("ing", "ings")))
    return noun and bool(_NOUN_OF_GAP.fullmatch(sentence.text, t.end, start))


def _as_subject(sentence: Sentence, actor_end: int, limit: int) -> Role | None:
    i = sentence.first_verb_from(actor_end)
    if i == len(sentence.verbs) or sentence.verbs[i].start >= limit:
        return None
    v = sentence.verbs[i]
    if v.kind == "mutual":
        return "initiator"
    if v.kind == "victim" or v.passive:
        return "target"
    if _LIST_GAP.fullmatch(sentence.text, actor_end, v.start) and _reduced_passive(sentence.text, v):
        return "target"  # the dead of a list: "29 soldiers and 18 rebels killed"
    return "initiator"


def _reduced_passive(text: str, verb: Trigger) -> bool:
    """Whether ``verb`` is a casualty participle after a noun with no object: the dead of a list
    (``recorded 29 government soldiers and 18 opposition fighters killed on Thursday``).

    >>> s = "It recorded 29 soldiers and 18 rebels killed on Thursday."
    >>> _reduced_passive(s, Trigger(s.index("killed"), s.index("killed") + 6, "act", False, True))
    True
    >>> s = "Rebels had killed 18 soldiers."
    >>> _reduced_passive(s, Trigger(s.index("killed"), s.index("killed") + 6, "act", False, True))
    False
    """
    return (_OUTCOME_PP.fullmatch(text, verb.start, verb.end) is not None
            and _NO_OBJECT_AFTER.match(text, verb.end) is not None
            and _ACTIVE_BEFORE.search(text, lookback(verb.start), verb.start) is None)


def _next_word_end(text: str, pos: int) -> int:
    m = _NEXT_WORD.match(text, pos)
    return m.end() if m else pos
