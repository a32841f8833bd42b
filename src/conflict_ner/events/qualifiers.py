"""Whether a sentence with no act word, qualified only by a count or a weapon, reports an act.

A sentence without an act word of the lexicon still reports an act when it counts an
outcome (``Some 40 people were displaced``) or names a weapon used (``Mortars were
found``). Two kinds of such sentences describe the background instead, and the event
gold gives them no record:

- **a population of the displaced**: where the displaced live or are hosted, not their
  flight (``Dikwa hosts a camp for tens of thousands of displaced people``, ``Some 70,000
  remain displaced``): :func:`displaced_population`;
- **a weapon alone**, with no actor and no place, neither found nor seized (``We heard the
  planes``, ``The use of cluster munitions in populated areas is indiscriminate``):
  :func:`weapon_tells_act`. A weapon recovered, defused or seized is an act (ACLED's
  Disrupted weapons use) even with no one named.

A third kind has act words: **a witness's words quoted** (``"We heard four or five
explosions, one after another.``, ``"For eight years we did not sleep without hearing the
shells," said a shopkeeper``): a sentence that opens a quotation tells what a witness
lived through, not an act to code, unless it is a party's claim or dates the act
(:func:`witness_quote`; the builder checks those two).

>>> displaced_population("Djibo, home to tens of thousands of displaced people, depends on convoys.")
True
>>> displaced_population("More than 3,000 people were displaced from Sebba on Sunday.")
False
>>> weapon_tells_act("We heard the planes since Sunday morning.", has_actor=False, has_place=False)
False
>>> witness_quote('"We heard four or five explosions, one after another.'), witness_quote('He said "no".')
(True, False)
>>> weapon_tells_act("Three grenades were recovered from their hideout.", has_actor=False, has_place=False)
True
"""

from __future__ import annotations

import re

# Words that place the displaced as a population (where they live or are hosted), not as
# the outcome of their flight; "now sheltering" after an act of flight is rare in the gold.
_POPULATION = re.compile(r"\b(?:host(?:s|ed|ing)?|home to|liv(?:e|es|ing)|shelter(?:s|ed|ing)?|remain(?:s)?|"
                         r"refuge|holds|received)\b", re.I)
# Verbs of finding or taking weapons: the act of a sentence that names a weapon and no one.
_FOUND = re.compile(r"\b(?:recover\w*|found|finds?|discover\w*|uncover\w*|defus\w*|dismantl\w*|seiz\w*|"
                    r"confiscat\w*|captur\w*|took|taken|handed over|surrender\w*)\b", re.I)


def displaced_population(text: str) -> bool:
    """Whether a sentence speaks of the displaced as a population (hosted, living, remaining)."""
    return bool(_POPULATION.search(text))


def weapon_tells_act(text: str, *, has_actor: bool, has_place: bool) -> bool:
    """Whether a sentence qualified only by a WEAPON reports an act: it names an actor or a
    place, or a weapon found or seized."""
    return has_actor or has_place or bool(_FOUND.search(text))


def witness_quote(text: str) -> bool:
    """Whether a sentence opens a quotation (straight or curly double quotes)."""
    return text.lstrip().startswith(('"', "\u201c"))


# "The attack came as ...": an act told before, placed in time against other news.
_CAME_AS = re.compile(r"(?:The|This|That|These|Those)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+\s+(?:came|comes)\s+"
                      r"(?:as|after|amid|days|hours|weeks|months|a day|a week|one|two|three|just|only|shortly|less|"
                      r"barely|moments|minutes)\b")


def places_told_act(text: str) -> bool:
    """Whether a sentence only sets an act told before against other news (``The attack came as
    the area faces a cholera outbreak``, ``The offensive comes days after ...``).

    >>> places_told_act("The strike came one week after the Turkish army began withdrawing."), places_told_act(
    ...     "The strike hit a market.")
    (True, False)
    """
    return bool(_CAME_AS.match(text.lstrip()))
