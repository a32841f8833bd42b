"""Event records from (text, entities, publication date): one record per act a sentence reports.

>>> text = "Rebels shelled Hama on Monday, killing 3 civilians."
>>> ents = [Entity(label, text.index(w), text.index(w) + len(w), w, 0.9) for label, w in
...         [("ACTOR", "Rebels"), ("LOCATION", "Hama"), ("DATE", "Monday"), ("COUNT", "3"), ("ACTOR", "civilians")]]
>>> rec = build_records(text, ents, date(2024, 5, 8), "doc-1")[0]
>>> rec.date.value, [(a.text, a.role) for a in rec.actors], rec.counts[0].outcome
('2024-05-06', [('Rebels', 'initiator'), ('civilians', 'target')], 'killed')
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from conflict_ner.errors import DataError
from conflict_ner.events.acts import LASTING_BEFORE, NO_SUBJECT_GAP, Act, competing_figures, sentence_acts
from conflict_ner.events.attribution import attribution
from conflict_ner.events.counts import count_refs
from conflict_ner.events.date_carry import CarryMode, DateCarry
from conflict_ner.events.date_choice import UNREALIZED, date_of, saw_dates
from conflict_ner.events.furniture import is_furniture
from conflict_ner.events.headings import is_headline, is_section_heading
from conflict_ner.events.modality import modality, party_speaker, speaks_as_party
from conflict_ner.events.qualifiers import displaced_population, places_told_act, weapon_tells_act, witness_quote
from conflict_ner.events.roles import assign_roles
from conflict_ner.events.sentence import Sentence
from conflict_ner.events.subject_acts import object_roles, subject_act, subject_roles
from conflict_ner.events.type_carry import settle_types
from conflict_ner.events.types import classify
from conflict_ner.events.unreported import (consequence_only, demanded, lasting_since, left_unsaid, named_only,
                                            only_possible, present_reference, spoken_of, support_alleged,
                                            timeless, unclaimed)
from conflict_ner.labels import LABELS
from conflict_ner.records import Entity, EventDate, EventRecord, PlaceRef, TextSpan
from conflict_ner.text.published import parse_published
from conflict_ner.text.sentences import dateline_end, split_sentences

#: How sure the rules are that a sentence reports an act, by what qualified it.
CERTAINTY = {"trigger": 1.0, "count": 0.8, "weapon": 0.6, "subject": 0.5}
# A record with no actor, place, weapon or count says little about the act (kept with keep_bare).
_BARE_FACTOR = 0.8
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def build_records(text: str, entities: Sequence[Entity], published: date | str | None,
                  doc_id: str | None = None, *, carry: CarryMode = "recent",
                  keep_bare: bool = True) -> list[EventRecord]:
    """Event records of one document, in text order.

    ``entities`` index ``text``; ``published`` anchors relative dates (an ISO string is
    read once here, see :func:`conflict_ner.text.published.parse_published`). A DATE or
    LOCATION inside a dateline (``KHARTOUM, May 8 (Reuters) -``) does not date or place
    the act. A record without an act DATE of its own takes the most recent record date
    before it (``carry``, see :mod:`.date_carry`), kept or moved by words such as ``the
    next day`` (:mod:`.date_shifts`). Furniture sentences yield nothing and give no dates.

    ``keep_bare=False`` leaves out an act only mentioned, not reported: one with no actor,
    place, weapon or count (``It was the deadliest attack in years``: nothing to code), or told
    only as a possibility (``its capture would have given the group the border``), as the
    extractor and the event evaluation do; the default keeps them, as the rules' unit tests of
    dates and types expect.
    """
    _check(text, entities, doc_id)
    published = parse_published(published)  # a bad date fails before any work
    ordered = sorted(entities, key=lambda e: (e.start, e.end))
    starts = [e.start for e in ordered]
    records: list[EventRecord] = []
    dates = DateCarry(carry)
    party_document = speaks_as_party(text)
    previous_end = 0
    speaker: str | None = None  # the last source named, whom "he said" stands for
    for start, end in split_sentences(text):
        if _PARAGRAPH_BREAK.search(text, previous_end, start):
            dates.new_paragraph()
        previous_end = end
        sentence = Sentence(text[start:end], start)
        if is_furniture(sentence.text) or is_section_heading(sentence):
            continue
        if not keep_bare and is_headline(text, start, sentence):
            continue  # the body tells the headline's act with its details
        body_start = start + dateline_end(sentence.text)
        first, last = bisect_left(starts, body_start), bisect_left(starts, end)
        ents = [e for e in ordered[first:last] if e.end <= end]
        found = _records(text, sentence, ents, dates, published, doc_id, party_document, speaker, keep_bare)
        records += found
        speaker = next((r.attribution.text for r in found if r.attribution is not None), None) \
            or (party_speaker(sentence.text) if found else None) or speaker
        if not found:
            saw_dates(text, (body_start, end), [e for e in ents if e.label == "DATE"], dates, published)
    return settle_types(records)  # types a sentence alone cannot tell (trigger, document)


def _records(text: str, sentence: Sentence, ents: list[Entity], dates: DateCarry,
             published: date | None, doc_id: str | None, party_document: bool,
             speaker: str | None = None, keep_bare: bool = True) -> list[EventRecord]:
    """The records of one sentence: one per act it reports (:mod:`.acts`), none if it reports none."""
    by_label: dict[str, list[Entity]] = {label: [] for label in LABELS}
    for e in ents:
        by_label[e.label].append(e)
    counts = count_refs(sentence, by_label["COUNT"])
    verb = None  # an act told only by its subject's own verb (:mod:`.subject_acts`)
    if sentence.reports_violence:
        certainty = CERTAINTY["trigger"]
    elif _counts_outcome(sentence, counts):
        certainty = CERTAINTY["count"]
    elif by_label["WEAPON"] and (keep_bare or weapon_tells_act(
            sentence.text, has_actor=bool(by_label["ACTOR"]), has_place=bool(by_label["LOCATION"]))):
        certainty = CERTAINTY["weapon"]
    else:
        verb = subject_act(sentence, {label: [(e.start - sentence.start, e.end - sentence.start) for e in found]
                                      for label, found in by_label.items()})
        if verb is None:
            return []
        certainty = CERTAINTY["subject"]
    actors = assign_roles(sentence, by_label["ACTOR"])
    if verb is not None:
        actors = subject_roles(sentence.text, verb, object_roles(sentence.text, verb, actors, sentence.start),
                               sentence.start)
    source = attribution(sentence, ents)
    acts = ([Act(verb, 0, len(sentence.text))] if verb is not None else
            sentence_acts(sentence, [(e.start - sentence.start, e.end - sentence.start) for e in ents]))
    acts = competing_figures(sentence, acts, [c.start - sentence.start for c in counts])
    stance = _stance_act(sentence, acts) if verb is None else None
    if stance is not None:
        acts = [stance, acts[0]._replace(start=stance.end)] + acts[1:]
    acts = _one_act_told_twice(sentence, acts, ents, actors, counts)
    if len(acts) > 1:
        certainty = CERTAINTY["trigger"]
    # each entity, actor and count goes to the act whose stretch holds it (one pass each)
    act_starts = [sentence.start + a.start for a in acts]

    def split(items: Sequence) -> list[list]:
        parts: list[list] = [[] for _ in acts]
        for x in items:
            parts[max(0, bisect_right(act_starts, x.start) - 1)].append(x)
        # acts told in one stretch ("air strikes and shelling") share what it holds
        for i in range(len(acts) - 1, 0, -1):
            if act_starts[i] == act_starts[i - 1]:
                parts[i - 1] = parts[i]
        return parts

    own_ents, own_actors, own_counts = split(ents), split(actors), split(counts)
    for share in (_shared_subjects, _fought_before, _lasting_fight, _left_ground):  # actors an act gives another
        own_actors = share(sentence, acts, own_actors)
    # acts told in one stretch ("air strikes and shelling"): each is typed without the others' words
    told_with: dict[int, list] = {}
    for a in acts:
        told_with.setdefault(a.start, []).append(a.trigger)
    out = []
    made: dict[int, EventRecord] = {}  # each act's record, by the act's index
    for i, act in enumerate(acts):
        if not keep_bare and not _codable(own_ents[i], own_actors[i], own_counts[i]):
            continue  # "It was the deadliest attack in years": nothing to code
        act_source = attribution(sentence, ents, (act.start, act.end)) if act.own_source else source
        act_dates = [e for e in own_ents[i] if e.label == "DATE"]
        # an act without a DATE in its stretch takes the sentence's ("shelled A on Monday
        # as rebels ambushed B": both Monday)
        borrowed = [] if act_dates else by_label["DATE"]
        if not act_dates and act.background and i > 0:
            # what the act before answered or came after is told on its day ("on Monday the factions took the
            # town after an hours-long battle"), not on the sentence's first
            borrowed = [e for e in own_ents[i - 1] if e.label == "DATE"] or borrowed
        # each act its own modality: a denial after one act's word denies another act
        mode = "negated" if act.negates else modality(
            sentence, act_source.text if act_source else None, party_document,
            act=(act.trigger.start, act.trigger.end) if act.trigger else None, previous=speaker,
            since=act.start if act.report or act.blames else 0)
        if act.background and mode == "asserted" and _SAYING_BEFORE.search(sentence.text, 0, act.start):
            mode = "claimed"  # "fired at a post, saying it was avenging an air raid on X": the doer's own account
        if not keep_bare and only_possible(sentence, own_counts[i], mode):
            continue
        if not keep_bare and not own_counts[i] and not (act_dates or borrowed) and places_told_act(sentence.text):
            continue  # "The attack came as the area faces a cholera outbreak": context of an act told before
        if not keep_bare and mode != "claimed" and not (act_dates or borrowed) and witness_quote(sentence.text):
            continue  # "We heard four or five explosions, one after another.": a witness's colour
        if not keep_bare and not own_counts[i] and act is not stance and spoken_of(sentence, act):
            continue  # "The ministry did not comment on the strike": a reaction to an act told before
        if not keep_bare and act is not stance and demanded(sentence, act):
            continue  # "We call on all parties to stop attacks on civilians": a demand, not a report
        if not keep_bare and not own_counts[i] and left_unsaid(sentence, act):
            continue  # "The command does not say which aircraft carried out each strike": a silence
        if not keep_bare and not own_counts[i] and not act_dates and consequence_only(sentence, act):
            continue  # "The fighting has also closed the coast road": what an act told before brought about
        if not keep_bare and not own_counts[i] and timeless(sentence, act):
            continue  # "The opposition has drones of its own.": a weapon in a present state, no act told
        if not keep_bare and not own_counts[i] and not act_dates and present_reference(sentence, act):
            continue  # "For the rebels, the battle is a major propaganda win.": an act told before, judged now
        if not keep_bare and not own_counts[i] and unclaimed(sentence, act):
            continue  # "No group has claimed the attack.": nothing of the act but that no one owned it
        if not keep_bare and not own_counts[i] and lasting_since(sentence, act):
            continue  # "the Houthis, who have besieged the city since 2015": a state told as background
        if not keep_bare and support_alleged(sentence, act):
            continue  # "accused X of arming the rebels, which X denies": support to a side, no act of violence
        if not keep_bare and not own_counts[i] and not (act_dates or borrowed) and act is not stance \
                and not _lasted(sentence, act) and named_only(sentence, act, own_ents[i]):
            continue  # "Turkey remained silent throughout the fighting": the act named, nothing reported of it
        others = [t for t in told_with[act.start] if t is not None and t is not act.trigger]
        # what the act before answered or came after ("avenging a drone attack on August 25") dates no later sentence
        carried = dates.state() if act.background else None
        rec = _record(text, sentence, act, own_ents[i] + borrowed, own_actors[i], own_counts[i],
                      act_dates or borrowed, act_source, mode, dates, published, doc_id, certainty, others)
        if carried is not None:
            dates.restore(carried)
        if act.negates and i - 1 in made:
            rec = _denial(sentence, act, rec, made[i - 1])
        elif act.blames and i - 1 in made:
            rec = _blame(sentence, act, rec, made[i - 1])
        made[i] = rec
        out.append(rec)
    if stance is not None and 0 in made:
        made[0] = _stance_record(sentence, stance, made[0], made.get(1))
        out[0] = made[0]
    return out


def _one_act_told_twice(sentence: Sentence, acts: list[Act], ents: Sequence[Entity], actors: Sequence,
                        counts: Sequence) -> list[Act]:
    """``acts`` with each act cut off at an ``and`` (:attr:`.Act.joined`) joined back to the act before
    it when the two stretches, each typed alone, are the same sub-event type: one act told twice (``blamed
    the deaths on shelling by X and said X had fired mortars at the monastery``), not two acts (section 9:
    a sentence with two triggers of different acts is cut between them)."""
    if not any(a.joined for a in acts):
        return acts
    out = [acts[0]]
    for act in acts[1:]:
        before = out[-1]
        if act.joined and not before.negates and _stretch_type(sentence, before, ents, actors, counts) \
                == _stretch_type(sentence, act, ents, actors, counts):
            out[-1] = before._replace(end=act.end)
        else:
            out.append(act)
    return out


def _stretch_type(sentence: Sentence, act: Act, ents: Sequence[Entity], actors: Sequence, counts: Sequence) -> str:
    """The sub-event type of an act's stretch read alone, with the entities, actors and counts in it."""
    lo, hi = sentence.start + act.start, sentence.start + act.end

    def spans(label: str) -> tuple:
        return tuple(TextSpan(e.text, e.start, e.end) for e in ents if e.label == label and lo <= e.start < hi)

    return classify(Sentence(sentence.text[act.start:act.end], lo), [a for a in actors if lo <= a.start < hi],
                    spans("WEAPON"), [c for c in counts if lo <= c.start < hi], spans("LOCATION")).sub_event_type


def _stance_act(sentence: Sentence, acts: Sequence[Act]) -> Act | None:
    """The stance that opens a sentence as an act of its own (:attr:`.Sentence.stance_clause`:
    ``Police blamed X and said two suspects had been arrested``; section 9: a denial, a rejection or
    blame keeps its record), when the sentence's first act starts in the stretch it opens."""
    found = sentence.stance_clause
    if found is None or acts[0].start != 0 or acts[0].trigger is None or acts[0].trigger.start < found[1]:
        return None
    return Act(found[0], 0, found[1])


def _stance_record(sentence: Sentence, act: Act, rec: EventRecord, told: EventRecord | None) -> EventRecord:
    """The stance's record with the type of the act it speaks of, the one told after it (section 9),
    and its alleged author as ``initiator``: those blamed, named after the word (``blamed X``), or the
    side that denies or rejects, named before it (``X denied any involvement``)."""
    word = sentence.start + act.trigger.start
    blame = sentence.text[act.trigger.start:act.trigger.end].lower().startswith("blam")
    actors = tuple(replace(a, role="initiator") if (a.start > word if blame else a.end <= word) else a
                   for a in rec.actors)
    if told is None:
        return replace(rec, actors=actors)
    return replace(rec, event_type=told.event_type, sub_event_type=told.sub_event_type, actors=actors)


def _denial(sentence: Sentence, act: Act, rec: EventRecord, denied: EventRecord) -> EventRecord:
    """The other side's denial of the act before it (``..., a claim the army denied``): that act's
    type (section 9: a denial keeps its record and its act's type), and the side that denies, named
    before its word, as the act's (alleged) initiator."""
    stance = sentence.start + act.trigger.start
    actors = tuple(replace(a, role="initiator") if a.end <= stance else a for a in rec.actors)
    return replace(rec, event_type=denied.event_type, sub_event_type=denied.sub_event_type, actors=actors)



def _blame(sentence: Sentence, act: Act, rec: EventRecord, blamed: EventRecord) -> EventRecord:
    """Blame laid after the act it is laid for (``... and blamed unidentified gunmen``): that act's type and
    its targets (section 9: blame keeps its record and its act's type), and those blamed, named after the
    word, as its (alleged) initiators."""
    word = sentence.start + act.trigger.start
    actors = tuple(replace(a, role="initiator") if a.start > word else a for a in rec.actors)
    seen = {a.text.lower() for a in actors}
    actors += tuple(a for a in blamed.actors if a.role == "target" and a.text.lower() not in seen)
    return replace(rec, event_type=blamed.event_type, sub_event_type=blamed.sub_event_type, actors=actors)


# A relative clause's opening right before a later act's verb: "Peshmerga fighters who withdrew north"
_RELATIVE_BEFORE = re.compile(r",?\s+(?:who|which)\s*$", re.I)


def _shared_subjects(sentence: Sentence, acts: Sequence[Act], own_actors: list[list]) -> list[list]:
    """``own_actors`` with the initiators of an act given to the act after it when that act's verb
    has no subject of its own (``X shelled A, and had stormed B``: X did both; section 9: an entity
    may appear in several records). An act told in the same stretch already shares its actors. A
    relative clause's verb (``meeting resistance from X, who withdrew north``) was done by the actor
    the clause is about, named right before it, whatever its role in the act before.

    >>> from conflict_ner.records import ActorRef
    >>> s = Sentence("Rebels shelled the town, and had stormed the base.")
    >>> acts = sentence_acts(s)
    >>> rebels = ActorRef("Rebels", 0, 6, "initiator")
    >>> [[a.text for a in part] for part in _shared_subjects(s, acts, [[rebels], []])]
    [['Rebels'], ['Rebels']]
    """
    out = [list(part) for part in own_actors]
    for i in range(1, len(acts)):
        act, before = acts[i], acts[i - 1]
        t = act.trigger
        if (t is None or act.start == before.start or act.negates or t.kind not in ("act", "mutual") or t.passive
                or not t.realized):  # "as fighting intensified": a noun, the subject of its own verb
            continue
        if NO_SUBJECT_GAP.fullmatch(sentence.text, act.start, t.start) is None:
            continue
        if any(a.start - sentence.start < t.start for a in out[i]):
            continue  # a subject of its own
        rel = _RELATIVE_BEFORE.search(sentence.text, max(0, act.start - 12), act.start)
        if rel is not None:
            # "fighters who withdrew north": the one the relative clause is about did its act
            carried = [replace(a, role="initiator") for a in out[i - 1] if a.end - sentence.start == rel.start()]
            if carried:
                out[i] = carried + out[i]
            continue
        carried = [a for a in out[i - 1] if a.role == "initiator" and a.start - sentence.start < before.trigger.start] \
            if before.trigger is not None else []
        if carried:
            out[i] = carried + out[i]
    return out


# A fight told after the act it led to, with the other side named: "restored security to the town after fierce
# battles with X", "seized the palace after four days of fighting with X", "retaken the prison after week-long battle
# with X".
_AFTER_FIGHT_BEFORE = re.compile(r"\bafter\s+(?:[\w,'\u2019-]+\s+){0,5}?$", re.I)
_FIGHT_NOUN = re.compile(r"(?:battles?|fighting|clashes|combat)", re.I)
_WITH_AFTER = re.compile(r"\s+with\b", re.I)


def _fought_before(sentence: Sentence, acts: Sequence[Act], own_actors: list[list]) -> list[list]:
    """``own_actors`` with the side fought in a fight told after the act it led to (``X restored security to
    the town after fierce battles with Y``) given to that act's record too: Y suffered it (``target``; section
    9: an entity may appear in several records). The fight's record keeps its own actors.

    >>> from conflict_ner.records import ActorRef
    >>> s = Sentence("Army units seized the town after fierce battles with the militia.")
    >>> acts = sentence_acts(s)
    >>> army, militia = ActorRef("Army units", 0, 10, "initiator"), ActorRef("militia", 57, 64, "initiator")
    >>> [[(a.text, a.role) for a in part] for part in _fought_before(s, acts, [[army], [militia]])]
    [[('Army units', 'initiator'), ('militia', 'target')], [('militia', 'initiator')]]
    """
    out = [list(part) for part in own_actors]
    text = sentence.text
    for i in range(1, len(acts)):
        act, before = acts[i], acts[i - 1]
        t, b = act.trigger, before.trigger
        if (t is None or b is None or act.start == before.start or act.negates or b.kind != "act"
                or not _FIGHT_NOUN.fullmatch(text, t.start, t.end) or not _WITH_AFTER.match(text, t.end)
                or not _AFTER_FIGHT_BEFORE.search(text, max(0, t.start - 60), t.start)):
            continue
        fought = [a for a in out[i] if a.start - sentence.start >= t.end]
        doers = [a for a in out[i - 1] if a.role == "initiator" and a.start - sentence.start < b.start]
        if not fought or not doers or any(a.start - sentence.start < t.start for a in out[i]):
            continue
        out[i - 1] = _with_targets(out[i - 1], fought)
    return out


def _with_targets(actors: list, more: Sequence) -> list:
    """``actors`` and, as ``target``, each of ``more`` whose name they do not hold yet."""
    have = {a.text.lower() for a in actors}
    return actors + [replace(a, role="target") for a in more if a.text.lower() not in have]


# A side that gave the ground up, told after the capture it allowed: "Army units entered the town after the militia
# withdrew", "took the district as rebels pulled out".
_WITHDRAWAL_WORD = re.compile(r"(?:withdr(?:ew|awn|awing|aws)|pull(?:ed|ing|s)?(?:\s+(?:out|back))?|retreat(?:ed|ing)|"
                              r"fell\s+back)", re.I)
_TAKEN_WORD = re.compile(r"(?:enter\w*|t[oa]ok|tak\w*|seiz\w*|captur\w*|recaptur\w*|retak\w*|retook|occup\w*|overr[au]n\w*|"
                         r"moved|control\w*)", re.I)
_AFTER_AS_BEFORE = re.compile(r"\b(?:after|as)\s+(?:the\s+)?$", re.I)


def _left_ground(sentence: Sentence, acts: Sequence[Act], own_actors: list[list]) -> list[list]:
    """``own_actors`` with the side that withdrew, told after the capture its withdrawal allowed (``Army units entered
    the town after the militia withdrew``), given to the capture's record too: it lost the ground (``target``; section
    9: an entity may appear in several records). The withdrawal's record keeps its own actors.

    >>> from conflict_ner.records import ActorRef
    >>> s = Sentence("Army units entered the town after the militia withdrew.")
    >>> acts = sentence_acts(s)
    >>> army, militia = ActorRef("Army units", 0, 10, "initiator"), ActorRef("militia", 38, 45, "initiator")
    >>> [[(a.text, a.role) for a in part] for part in _left_ground(s, acts, [[army], [militia]])]
    [[('Army units', 'initiator'), ('militia', 'target')], [('militia', 'initiator')]]
    """
    out = [list(part) for part in own_actors]
    text = sentence.text
    for i in range(1, len(acts)):
        act, before = acts[i], acts[i - 1]
        t, b = act.trigger, before.trigger
        if (t is None or b is None or act.start == before.start or act.negates or before.negates or b.kind != "act"
                or not _WITHDRAWAL_WORD.fullmatch(text, t.start, t.end)
                or not _TAKEN_WORD.match(text, b.start, b.end)):
            continue
        leavers = sorted((a for a in out[i] if a.start - sentence.start < t.start), key=lambda a: a.start)
        if not leavers or not _AFTER_AS_BEFORE.search(text, max(0, leavers[0].start - sentence.start - 30),
                                                      leavers[0].start - sentence.start):
            continue
        out[i - 1] = _with_targets(out[i - 1], leavers)
    return out


# A participle that reports the doer's words, in the clause that opens the act answered ("..., saying it was avenging")
_SAYING_BEFORE = re.compile(r",\s+(?:saying|claiming|insisting|adding|stating)\b[^,;.:]*$", re.I)
_LASTING_BEFORE = re.compile(LASTING_BEFORE + r"\s*$", re.I)


def _lasted(sentence: Sentence, act: Act) -> bool:
    """Whether the act is a fight told by how long it lasted before the act it led to (``seized the town after a
    three-day assault``: :data:`.acts.LASTING_BEFORE`)."""
    return act.background and act.trigger is not None and bool(
        _LASTING_BEFORE.search(sentence.text, max(0, act.start - 40), act.start))


def _lasting_fight(sentence: Sentence, acts: Sequence[Act], own_actors: list[list]) -> list[list]:
    """``own_actors`` with the initiators of an act given to the fight told after it by how long it lasted
    (``Army units seized the town after a three-day assault``: the army led the assault, ``initiator``; section 9: an
    entity may appear in several records). A fight that names its own sides keeps them.

    >>> from conflict_ner.records import ActorRef
    >>> s = Sentence("Army units seized the town after a three-day assault.")
    >>> acts = sentence_acts(s)
    >>> army = ActorRef("Army units", 0, 10, "initiator")
    >>> [[a.text for a in part] for part in _lasting_fight(s, acts, [[army], []])]
    [['Army units'], ['Army units']]
    """
    out = [list(part) for part in own_actors]
    for i in range(1, len(acts)):
        act, before = acts[i], acts[i - 1]
        b = before.trigger
        if b is None or act.start == before.start or not _lasted(sentence, act) or any(
                a.role == "initiator" for a in out[i]):
            continue
        doers = [a for a in out[i - 1] if a.role == "initiator" and a.start - sentence.start < b.start]
        out[i] = doers + out[i]
    return out


def _counts_outcome(sentence: Sentence, counts: Sequence) -> bool:
    """Whether a count of the sentence is an act's outcome; the displaced counted as a
    population (``Dikwa hosts tens of thousands of displaced people``) are none (:mod:`.qualifiers`)."""
    outcomes = {c.outcome for c in counts} - {"other"}
    return bool(outcomes - {"displaced"}) or (bool(outcomes) and not displaced_population(sentence.text))


def _codable(ents: list[Entity], actors: list, counts: list) -> bool:
    """Whether an act has something an analyst codes: an actor, a place, a weapon or a count."""
    return bool(actors or counts or any(e.label in ("LOCATION", "WEAPON") for e in ents))


def _record(text: str, sentence: Sentence, act: Act, ents: list[Entity], actors: list, counts: list,
            act_dates: list[Entity], source: TextSpan | None, mode: str, dates: DateCarry,
            published: date | None, doc_id: str | None, certainty: float,
            others: Sequence = ()) -> EventRecord:
    locations = tuple(PlaceRef(e.text, e.start, e.end) for e in ents if e.label == "LOCATION")
    weapons = tuple(TextSpan(e.text, e.start, e.end) for e in ents if e.label == "WEAPON")
    counts = tuple(counts)
    when = _date_of(text, sentence, act_dates, counts, dates, published,
                    None if act.trigger is None else sentence.start + act.trigger.start, mode)
    kept = {(a.start, a.end) for a in actors}
    used = [e for e in ents if e.label != "ACTOR" or (e.start, e.end) in kept]
    if when.source == "text" and act_dates:
        used = [e for e in used if e.label != "DATE" or e.text == when.text]
    else:
        used = [e for e in used if e.label != "DATE"]
    base = sum(e.score for e in used) / len(used) if used else 1.0
    if not (actors or locations or weapons or counts):
        certainty *= _BARE_FACTOR
    # the act's own stretch decides its type: "shelled A as rebels ambushed B" is two types
    told = sentence if act.start == 0 and act.end == len(sentence.text) and not others else \
        Sentence(_blank(sentence.text, others)[act.start:act.end], sentence.start + act.start)
    kind = classify(told, actors, weapons, counts, locations)
    trigger = None
    if act.trigger is not None:
        t0, t1 = sentence.start + act.trigger.start, sentence.start + act.trigger.end
        trigger = TextSpan(text[t0:t1], t0, t1)
    return EventRecord(
        doc_id=doc_id,
        event_type=kind.event_type,
        sub_event_type=kind.sub_event_type,
        trigger=trigger,
        sentence=TextSpan(sentence.text, sentence.start, sentence.start + len(sentence.text)),
        date=when,
        actors=tuple(actors),
        locations=locations,
        weapons=weapons,
        counts=counts,
        modality=mode,
        attribution=source,
        confidence=min(1.0, max(0.0, base * certainty)),
    )


def _blank(text: str, spans: Sequence) -> str:
    """``text`` with each ``[start, end)`` span blanked out (offsets kept).

    >>> _blank("air strikes and shelling", [(16, 24)])
    'air strikes and         '
    """
    for start, end in ((t[0], t[1]) for t in spans):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _date_of(text: str, sentence: Sentence, spans: list[Entity], counts, dates: DateCarry,
             published: date | None, trigger: int | None = None, mode: str = "asserted") -> EventDate:
    """The record's date (ANNOTATION.md section 6, :mod:`.date_choice`); ``trigger``: the act
    word's offset in ``text``, ``mode`` the record's modality."""
    return date_of(text, sentence.text, spans, any(c.cumulative for c in counts), dates, published, trigger,
                   unrealized=mode in UNREALIZED)


def _check(text: str, entities: Sequence[Entity], doc_id: str | None) -> None:
    for e in entities:
        if e.label not in LABELS:
            raise DataError(f"unknown entity label {e.label!r}", doc_id=doc_id, offset=e.start)
        if not (0 <= e.start < e.end <= len(text)) or text[e.start:e.end] != e.text:
            raise DataError(f"entity {e.text!r} [{e.start}, {e.end}) does not match the text",
                            doc_id=doc_id, offset=e.start)
