"""Described groups resolved by the document (training/ANNOTATION.md section 10: "the referent,
as the article makes it clear").

Document-level rules, run after each mention has its own identity:

- :func:`sole_armed_group`: "the insurgents", "terrorists" after the article has named its one
  non-state armed group (Daesh, ARSA) are that group; with two or more candidates, none, or
  before the name, they stay the described actor of the article's country;
- :func:`sharing_name`: "Rohingya insurgents" are the article's one named group whose name
  holds "Rohingya" (the Arakan Rohingya Salvation Army), before or after it is named;
- :func:`loyal_to`: "forces loyal to Khalifa Haftar", "fighters allied with the SDF" are the
  actor named right after "loyal to" (the span that follows);
- :func:`police_by_context`, :func:`rioters_by_verb`: "officers" after the police are the
  police; protesters who storm or burn are rioters.

>>> from conflict_ner.actors.table import Identity
>>> isis = Identity("Islamic State (Iraq)", "Rebel Groups", 2)
>>> pmf = Identity("PMF: Popular Mobilization Forces", "Political Militias", 3)
>>> army = Identity("Military Forces of Iraq (2014-2018)", "State Forces", 1)
>>> sole_armed_group([army, pmf, isis, isis]) == isis
True
>>> text = "forces loyal to Khalifa Haftar shelled it"
>>> loyal_to(text, (0, 6), [(0, 6), (16, 30)])
1
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from conflict_ner.actors.fold import fold
from conflict_ner.actors.table import Identity

#: described armed groups that name a group by what it believes or does, not anonymous
#: attackers ("gunmen", "a suicide bomber" stay unidentified when no group claims them)
REFERRING_HEADS = frozenset(fold(w) for w in (
    "militants", "militant", "jihadists", "jihadist", "terrorists", "terrorist", "insurgents", "insurgent",
    "extremists", "extremist", "insurgency", "infiltrators", "terrorist group",
    "terrorist organisation", "terrorist organization", "jihadist group", "militant group", "islamists"))
#: modifiers that say the article does not know who they are
_UNKNOWN = frozenset(fold(w) for w in ("unidentified", "unknown", "suspected", "other", "rival", "several",
                                       "different", "various", "local", "allied", "pro-government", "former",
                                       "convicted", "islamist"))
#: described names the resolver gives, which name no group in particular
_DESCRIBED_PREFIXES = ("Unidentified Armed Group", "Civilians", "Protesters", "Rioters", "Military Forces of",
                       "Police Forces of", "Government of")
#: state nouns either the military or the police may be
_EITHER_FORCE = frozenset(fold(w) for w in ("officers", "the officers"))
# a violent verb soon after the mention, in its sentence ("protesters in Damazin torched")
_RIOT_VERB = re.compile(r"[^.;:!?]{0,25}?\b(?:storm(?:ed|ing)|set fire|torch(?:ed|ing)|burn(?:ed|t)|loot(?:ed|ing)|"
                        r"ransack(?:ed)?|threw stones|hurled stones|pelted|vandali[sz]ed|attacked)\b", re.IGNORECASE)
_RIOT_REACH = 60
# a state body as such ("Government of Libya (2014-)"), not a faction of it ("... Haftar Faction")
_PLAIN_STATE = re.compile(r"^(?:Government|Military Forces|Police Forces) of [^()]+(?: \([^()]*\))?$")
_LOYAL = re.compile(r"\s+(?:loyal|allied|affiliated|linked|belonging|aligned)\s+(?:to|with)\s+(?:the\s+)?$",
                    re.IGNORECASE)


def is_named_group(identity: Identity) -> bool:
    """A named non-state armed actor (inter 2, 3 or 4), not a described one."""
    return (identity.canonical is not None and identity.inter_code in (2, 3, 4)
            and not identity.canonical.startswith(_DESCRIBED_PREFIXES))


def sole_armed_group(identities: Sequence[Identity]) -> Identity | None:
    """The article's one named armed group: the only rebel group (inter 2) it names; None when it
    names none or several (militias, 3 and 4, are not what "terrorists" or "insurgents" name).

    >>> sole_armed_group([Identity("A", "Rebel Groups", 2), Identity("B", "Rebel Groups", 2)]) is None
    True
    """
    named = [i for i in identities if is_named_group(i)]
    found = {i.canonical: i for i in named if i.inter_code == 2}
    return next(iter(found.values())) if len(found) == 1 else None


#: described militias that the article's one named militia may be ("militia commanders")
MILITIA_HEADS = frozenset(fold(w) for w in (
    "militia", "militias", "militiamen", "paramilitaries", "paramilitary fighters", "militia commanders",
    "militia members", "militia fighters", "militia leaders"))


def described_militia(mentions: Sequence[str], identities: Sequence[Identity]) -> list[Identity]:
    """Described militias ("militia commanders", "the militiamen") after the article has named
    its one militia (inter 3 or 4) are that militia; with two or more, or before the name, they
    stay as they are.

    >>> pmf = Identity("PMF: Popular Mobilization Forces", "Political Militias", 3)
    >>> [i.canonical for i in described_militia(["PMF", "militia commanders"], [pmf, Identity(None, None, None)])]
    ['PMF: Popular Mobilization Forces', 'PMF: Popular Mobilization Forces']
    """
    named = {i.canonical: i for i in identities if is_named_group(i) and i.inter_code in (3, 4)}
    if len(named) != 1:
        return list(identities)
    militia = next(iter(named.values()))
    first = next(i for i, ident in enumerate(identities) if ident.canonical == militia.canonical)
    out = list(identities)
    for i, (mention, ident) in enumerate(zip(mentions, identities)):
        tokens = fold(mention).split()
        if i <= first or not tokens or any(t in _UNKNOWN for t in tokens) or (
                ident.canonical is not None and not ident.canonical.startswith("Unidentified Armed Group")):
            continue
        if tokens[-1] in MILITIA_HEADS or " ".join(tokens[-2:]) in MILITIA_HEADS:
            out[i] = militia
    return out


def refers_to_group(mention: str, identity: Identity) -> bool:
    """A described armed group that the article's named group may be (``the insurgents``,
    ``Rohingya insurgents``), not an anonymous one (``gunmen``, ``unidentified militants``).

    >>> refers_to_group("the terrorists", Identity("Unidentified Armed Group (Iraq)", "Political Militias", 3))
    True
    >>> refers_to_group("unidentified militants", Identity(None, None, None))
    False
    """
    if identity.canonical is not None and not identity.canonical.startswith("Unidentified Armed Group"):
        return False
    tokens = fold(mention).split()
    if not tokens or any(t in _UNKNOWN for t in tokens):
        return False
    return tokens[-1] in REFERRING_HEADS or " ".join(tokens[-2:]) in REFERRING_HEADS


#: nouns after a people's or place's name that make a described group (``Rohingya insurgents``)
_GROUP_NOUNS = REFERRING_HEADS | frozenset(fold(w) for w in (
    "rebels", "rebel", "fighters", "fighter", "militiamen", "militia", "militias", "gunmen", "guerrillas", "forces"))


def sharing_name(mention: str, identity: Identity, groups: Sequence[Identity],
                 place_word: Callable[[str], bool] = lambda word: False) -> Identity | None:
    """The one named armed group whose name holds every capitalised word of a described group
    (``Rohingya insurgents`` and ``ARSA: Arakan Rohingya Salvation Army``), before or after it is
    named; None when no group or several do, or the mention is not such a description. A
    country's or place's word (``place_word``) names no one group: ``Syrian rebels`` are not the
    Free Syrian Army.

    >>> arsa = Identity("ARSA: Arakan Rohingya Salvation Army", "Rebel Groups", 2)
    >>> sharing_name("Rohingya insurgents", Identity(None, None, None), [arsa]) == arsa
    True
    >>> sharing_name("Kachin fighters", Identity(None, None, None), [arsa]) is None
    True
    >>> sharing_name("Rohingya insurgents", Identity(None, None, None), [arsa], {"Rohingya"}.__contains__) is None
    True
    """
    words = mention.split()
    if len(words) < 2 or fold(words[-1]) not in _GROUP_NOUNS or not all(w[:1].isupper() for w in words[:-1]):
        return None
    own = fold(" ".join(words[:-1]))
    # unresolved, described, or named by these words alone ("Tarang insurgents": the group "Tarang")
    if identity.canonical is not None and not identity.canonical.startswith("Unidentified Armed Group") \
            and fold(identity.canonical) != own:
        return None
    if place_word(" ".join(words[:-1])):
        return None
    name = set(own.split())
    found = {g.canonical: g for g in groups if is_named_group(g) and g.canonical != identity.canonical
             and all(_people_word(w, set(fold(g.canonical).split())) for w in name)}
    return next(iter(found.values())) if len(found) == 1 else None


#: endings that make a people's word of a place's or people's name ("Tigrayan": "Tigray")
_PEOPLE_ENDINGS = ("an", "n", "ian", "i", "ese")


def _people_word(word: str, words: set[str]) -> bool:
    """``word`` is one of ``words`` or its people's word (``tigraian`` of ``tigrai``)."""
    return word in words or any(len(w) >= 4 and word.startswith(w) and word[len(w):] in _PEOPLE_ENDINGS
                                for w in words)


def loyal_to(text: str, span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> int | None:
    """Index in ``spans`` of the mention named right after ``span`` by "loyal to" / "allied with"
    (None when no mention follows that way)."""
    for j, (start, _end) in enumerate(spans):
        if start > span[1] and start - span[1] <= 40 and _LOYAL.fullmatch(" " + text[span[1]:start].lstrip()):
            return j
    return None


def police_by_context(mentions: Sequence[str], identities: Sequence[Identity]) -> list[Identity]:
    """A noun either force may be (``officers``) read as the military is the police when the last
    state force named before it is the police (ANNOTATION.md section 10).

    >>> army = Identity("Military Forces of Colombia (2022-)", "State Forces", 1)
    >>> police = Identity("Police Forces of Colombia (2022-)", "State Forces", 1)
    >>> [i.canonical for i in police_by_context(["Police", "officers"], [police, army])]
    ['Police Forces of Colombia (2022-)', 'Police Forces of Colombia (2022-)']
    """
    out = list(identities)
    last: Identity | None = None  # the last state force (military or police) named so far
    for i, (mention, identity) in enumerate(zip(mentions, identities)):
        canonical = identity.canonical or ""
        if canonical.startswith("Military Forces of") and fold(mention) in _EITHER_FORCE and last is not None \
                and last.canonical.startswith("Police Forces of") and _country_of(last) == _country_of(identity):
            out[i] = last
        elif _PLAIN_STATE.match(canonical) and canonical.startswith(("Military Forces of", "Police Forces of")):
            last = identity
    return out


def rioters_by_verb(text: str, spans: Sequence[tuple[int, int]], identities: Sequence[Identity]) -> list[Identity]:
    """Protesters who storm, burn or loot right after they are named are rioters (ACLED: a
    demonstration that turns violent is a riot).

    >>> protesters = Identity("Protesters (Iraq)", "Protesters", 6)
    >>> text = "In Najaf, protesters stormed the consulate. Protesters marched in Basra."
    >>> [i.canonical for i in rioters_by_verb(text, [(10, 20), (44, 54)], [protesters, protesters])]
    ['Rioters (Iraq)', 'Protesters (Iraq)']
    """
    out = list(identities)
    for i, ((_start, end), identity) in enumerate(zip(spans, identities)):
        if identity.canonical and identity.canonical.startswith("Protesters (") and \
                _RIOT_VERB.match(text, end, min(len(text), end + _RIOT_REACH)):
            out[i] = Identity(identity.canonical.replace("Protesters", "Rioters", 1), "Rioters", 5)
    return out


def _country_of(identity: Identity) -> str:
    return re.sub(r"^(?:Government|Military Forces|Police Forces) of | \(.*$", "", identity.canonical or "")


def _specific(identity: Identity) -> bool:
    """A named actor a described group can be loyal to: not a described group, not a plain state
    body ("troops loyal to the president" are not the government)."""
    canonical = identity.canonical
    return canonical is not None and not canonical.startswith(_DESCRIBED_PREFIXES[:4]) \
        and not _PLAIN_STATE.match(canonical)


def by_document(mentions: Sequence[str], identities: Sequence[Identity], text: str,
                spans: Sequence[tuple[int, int]],
                place_word: Callable[[str], bool] = lambda word: False) -> list[Identity]:
    """``identities`` with the document's rules applied: a group "loyal to" a named actor is that
    actor; a described armed group is the article's sole named armed group."""
    out = list(identities)
    for i, span in enumerate(spans):
        if out[i].canonical is None or out[i].canonical.startswith(_DESCRIBED_PREFIXES):
            j = loyal_to(text, span, spans)
            if j is not None and _specific(out[j]):
                out[i] = out[j]
    out = [sharing_name(m, ident, identities, place_word) or ident for m, ident in zip(mentions, out)]
    out = police_by_context(mentions, out)
    out = rioters_by_verb(text, spans, out)
    out = described_militia(mentions, out)
    sole = sole_armed_group(out)
    if sole is None:
        return out
    first = next(i for i, ident in enumerate(out) if ident.canonical == sole.canonical)
    # only after the group is named: a description before it may be someone else
    return [sole if i > first and refers_to_group(m, ident) else ident
            for i, (m, ident) in enumerate(zip(mentions, out))]
