"""The acts a sentence reports: one per clause that has its own act word (ANNOTATION.md section 9).

A sentence such as ``Government artillery shelled Kafr Nabl as rebels ambushed a convoy``
reports two acts; each gets its own record. The rules split a sentence where a clause
break (a semicolon, a subordinating word, ``as``, ``, and``) separates two clauses that
each hold an act word; a clause with only a casualty word (``killed``, ``died``) or a
support verb (``carried out``) is not an act of its own but an outcome or part of the
act next to it. Each act's stretch runs from its clause to the next act's clause, so
every word of the sentence belongs to exactly one act.

>>> s = Sentence("Government artillery shelled Kafr Nabl as rebels ambushed an army convoy near Saraqib.")
>>> [(s.text[a.trigger.start:a.trigger.end], s.text[a.start:a.end].strip()) for a in sentence_acts(s)]
[('shelled', 'Government artillery shelled Kafr Nabl'), ('ambushed', 'rebels ambushed an army convoy near Saraqib.')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from conflict_ner.events.clauses import Breaks
from conflict_ner.events.lexicon import IRREGULAR_PAST, SUBORDINATORS
from conflict_ner.events.sentence import Sentence
from conflict_ner.events.triggers import AGREEMENT_IN_FORCE, Trigger, find_triggers

# "as" opens a clause unless it is part of a fixed phrase ("as well as", "such as", "as part of")
_AS_CLAUSE = (r"(?<!such )(?<!well )\bas\b"
              r"(?!\s+(?:well|part|a result|of|if|though|many|much|far|long|soon|to|for|the result)\b)")
_ACT_BREAK = re.compile(rf";|,\s+and\b|\b(?:{SUBORDINATORS})\b|{_AS_CLAUSE}", re.I)
# ... and a plain "and" too, kept as a break only before a verb of its own act (:func:`_and_breaks`)
# A second report joined by "and" ("denied the siege had been lifted and said its jets were pounding the
# town", "said the attack was repelled and that several attackers had been captured"): a clause of its own.
_AND_SAID = r"\band\s+(?:(?:said|says|added|adds|claimed|claims|insisted|stated|suggested)(?:\s+that)?|that)\b"
_SAID_BREAK = re.compile(rf",?\s*{_AND_SAID}", re.I)
# A later act named by a noun, told as what the first act answered ("shelled the base in response to rocket fire on
# X", "saying it was avenging a drone attack on Y": not "in response to the attack", one told before) or what it came
# after ("took the town after a three-day assault"): a clause of its own, whose act noun opens an act.
# A fight told by how long it lasted before the act ("after a three-day assault", "after an hours-long battle")
LASTING_BEFORE = r"\bafter\s+(?:an?\s+)?\w+-(?:day|hour|week|month|long)\b"
# ... and the strikes that helped it ("entered the district with the help of air strikes by the coalition")
#: the words that tell support of a ground act ("backed by", "with the help of", "under cover of")
SUPPORT_WORDS = (r"(?:with\s+the\s+help\s+of|with\s+(?:the\s+)?support\s+(?:of|from)|under\s+(?:the\s+)?cover\s+of|"
                 r"(?:backed|supported)\s+by)")
_AIR_HELP = (r"\b" + SUPPORT_WORDS + r"(?=\s+(?:[\w-]+\s+){0,2}?(?:air\s?strikes|air\s+raids|drone\s+strikes|"
             r"bombardment|shelling|artillery\s+fire)\b)")
_OWN_NOUN_OPENER = (r"\b(?:in\s+(?:response|retaliation|reprisal|revenge)\s+(?:to|for)|avenging)"
                    r"(?!\s+(?:the|this|that|these|those|its|their|his|her|our|such)\b)|" + LASTING_BEFORE + "|" + _AIR_HELP)
_OWN_NOUN = re.compile(_OWN_NOUN_OPENER, re.I)
_ACT_OR_AND_BREAK = re.compile(
    rf";|,\s+and\b|{_AND_SAID}|\band\b|{_OWN_NOUN_OPENER}|\b(?:{SUBORDINATORS})\b|{_AS_CLAUSE}", re.I)
# Between a later act's clause break and its verb when the clause has no subject of its own: ", and
# had shelled", ", and were firing", "and then stormed" (auxiliaries and adverbs only).
NO_SUBJECT_GAP = re.compile(r"\s*(?:(?:had|has|have|was|were|is|are|then|also|later|subsequently|"
                            r"again|still|briefly|\w+ly)\s+)*", re.I)
# Where a second source's figure starts ("..., while residents said 100 bodies were found")
_FIGURE_BREAK = re.compile(r",?\s+(?:while|whereas|but)\b|,\s+and\b|;", re.I)
# A new item of a list, on a line of its own ("\n- Civilian deaths: 6", "\n\u2022 SDF fighters: nine killed")
_LIST_ITEM = re.compile(r"\n[ \t]*[-*\u2022\u2013][ \t]+")
# Between two coordinated act nouns: "and", and at most one modifier ("bombing and gun attack")
_AND_NOUN = re.compile(r",?\s+and\s+(?:[\w-]+\s+)?", re.I)
# Words that tell an outcome of an act, not an act: alone in a sentence they name it.
_CASUALTY = re.compile(r"(?:kill|wound|injur|hurt|die|died|dies|dying|perish|lost their|martyr|among the|"
                       r"casualt|death toll|suffer|sustain|los|destroy)", re.I)


class Act(NamedTuple):
    """One act of a sentence: its trigger (None when no act word names it), the stretch
    ``[start, end)`` of the sentence that tells it (sentence offsets), and whether the stretch
    has its own source (a competing figure: :func:`competing_figures`), and whether it is the
    other side's denial of the act before it (:func:`_counter_act`)."""

    trigger: Trigger | None
    start: int
    end: int
    own_source: bool = False
    negates: bool = False  # the other side's denial of the act before it (:func:`_counter_act`)
    joined: bool = False  # cut from the act before at an "and" with no comma (:func:`_and_breaks`)
    blames: bool = False  # "... and blamed X": the blame of the act before, an act of its own (:func:`_blame_act`)
    report: bool = False  # opened by "and said" / "and that": a report of its own (:data:`_AND_SAID`)
    background: bool = False  # what the act before answered or came after (:data:`_OWN_NOUN_OPENER`)


# The other side's answer to an act the sentence reports, in a clause of its own at the end:
# ", which the government denies", ", a claim the coalition rejected", ", a figure X disputes"
_COUNTER_CLAUSE = re.compile(
    r",\s+(?:which|an?\s+(?:\w+\s+)?(?:claims?|figures?|charges?|accusations?|allegations?|versions?|accounts?))\b"
    r"(?=[^,.;:]{0,80}?\b(?P<stance>den(?:ied|ies|y)|rejected|rejects|disputed|disputes?|dismissed|dismisses)\b)", re.I)


def _counter_act(sentence: Sentence, acts: list[Act]) -> list[Act]:
    """``acts`` and, when the sentence ends with the other side's denial of what it reports
    (``..., which the government denies``, ``..., a claim the coalition rejected``), that denial as
    an act of its own (ANNOTATION.md section 9: a denial keeps its record), named by its word.

    >>> s = Sentence("Rebels said they shelled the base, a claim the army denied.")
    >>> [(s.text[a.trigger.start:a.trigger.end], s.text[a.start:a.end]) for a in sentence_acts(s)]
    [('shelled', 'Rebels said they shelled the base'), ('denied', ', a claim the army denied.')]
    """
    last = acts[-1]
    if last.trigger is None:
        return acts
    for m in _COUNTER_CLAUSE.finditer(sentence.text, last.trigger.end):
        if m.start() < last.start:
            continue
        stance = Trigger(m.start("stance"), m.end("stance"), "noun", False, True)
        return acts[:-1] + [last._replace(end=m.start()), Act(stance, m.start(), last.end, last.own_source, True)]
    return acts


# Blame laid after the act it is laid for: "denied its forces had fired on protesters and blamed gunmen"
_AND_BLAMED = re.compile(r"\band\s+(?P<stance>blamed|blames)\b", re.I)


def _blame_act(sentence: Sentence, acts: list[Act]) -> list[Act]:
    """``acts`` and, when the last act's clause ends with ``and blamed X`` with no act word after it, that
    blame as an act of its own, named by its word (section 9: blame keeps its record, with the blamed as its
    alleged author; :func:`conflict_ner.events.builder._blame`).

    >>> s = Sentence("The ministry denied its troops fired on the crowd and blamed unknown gunmen.")
    >>> [(s.text[a.trigger.start:a.trigger.end], a.blames) for a in sentence_acts(s)]
    [('fired', False), ('blamed', True)]
    """
    last = acts[-1]
    if last.trigger is None or last.negates:
        return acts
    m = _AND_BLAMED.search(sentence.text, last.trigger.end, last.end)
    if m is None or any(t.start > m.end() and t.kind != "support" for t in sentence.triggers):
        return acts
    stance = Trigger(m.start("stance"), m.end("stance"), "noun", False, True)
    return acts[:-1] + [last._replace(end=m.start()), Act(stance, m.start(), last.end, last.own_source, blames=True)]


def sentence_acts(sentence: Sentence, entity_spans: Sequence[tuple[int, int]] = ()) -> list[Act]:
    """The sentence's acts in order; at least one (covering the whole sentence).

    ``entity_spans`` (sentence offsets) are never triggers: ``car bomb`` as a WEAPON is not
    the act word.

    >>> s = Sentence("Four civilians were killed when militants attacked a checkpoint.")
    >>> [s.text[a.trigger.start:a.trigger.end] for a in sentence_acts(s)]
    ['attacked']
    """
    words = _outside(sentence.triggers, entity_spans, sentence.text)
    if not any(_names_act(sentence.text, t) and not _MOVING.match(sentence.text, t.start) for t in words):
        # forces moving on name an act only beside another act word ("took the airport, and the brigade
        # pushed north into the old city"): alone they add nothing a record needs
        words = [t for t in words if not _MOVING.match(sentence.text, t.start)]
    main = _outcome_verbs_done(sentence.text, words, [t for t in words if _names_act(sentence.text, t)])
    whole = Act(_best(sentence.text, words), 0, len(sentence.text))
    if len(main) < 2:
        return _blame_act(sentence, _counter_act(sentence, [whole]))
    return _blame_act(sentence, _counter_act(
        sentence, _coordinated(sentence.text, _clause_acts(sentence, main, whole, words), main)))


# A headline that lists acts by their nouns, with no stop at its end ("Front weekly: a failed assault on A, air strikes
# on B"): each item between commas is an act of its own ("1,200" is no item).
_HEADLINE_ITEM = re.compile(rf",(?!\d)(?!\s*(?:and|or)\b)|{_ACT_OR_AND_BREAK.pattern}", re.I)


def _headline_list(text: str, main: Sequence[Trigger]) -> bool:
    """Whether the sentence is a headline whose act words are all nouns (:data:`_HEADLINE_ITEM`), none a participle
    (``shelling``) nor a verb done."""
    return not re.search(r"[.!?\"\u201d\u2019')\]]\s*$", text) and "\n" not in text.strip() \
        and all(_noun_form(text, t) and not t.realized for t in main)


def _clause_acts(sentence: Sentence, main: list[Trigger], whole: Act, words: Sequence[Trigger] = ()) -> list[Act]:
    """The acts of a sentence with two act words or more: one per clause that holds one."""
    headline = _headline_list(sentence.text, main)
    breaks = _and_breaks(Breaks(_HEADLINE_ITEM if headline else _ACT_OR_AND_BREAK, sentence.text), sentence.text, main)
    pieces = breaks.pieces()
    # the pieces that hold an act word, with the first such word
    acts: list[tuple[int, Trigger]] = []
    k = 0  # one sweep: pieces and act words are both in text order
    for i, (lo, hi, _) in enumerate(pieces):
        first = None
        # a report of its own ("and that 21 civilians died in air raids") names its act by a noun too
        report = i > 0 and _SAID_BREAK.match(sentence.text, breaks.starts[i - 1]) is not None
        # ... and so does a noun after an answer or a lasting fight (:data:`_OWN_NOUN_OPENER`)
        named = report or headline or i > 0 and _OWN_NOUN.match(sentence.text, breaks.starts[i - 1]) is not None
        while k < len(main) and main[k].start < hi:
            # a noun after the first act mostly refers back ("after the first strike", "since the invasion")
            if first is None and main[k].start >= lo and (not acts or main[k].kind != "noun" or named):
                first = main[k]
            k += 1
        stop = main[k].start if k < len(main) else len(sentence.text)
        if first is None and _said_next(sentence.text, breaks, i, stop):
            # "said 68 soldiers had been killed, and that 21 civilians died in air raids": a toll told
            # as a report of its own beside the next one
            first = next((t for t in words if lo <= t.start < hi and t.realized and t.kind != "support"), None)
        if first is not None:
            acts.append((i, first))
    if len(acts) < 2:
        return [whole]
    out = []
    for k, (i, trigger) in enumerate(acts):
        lo = 0 if k == 0 else pieces[i][0]
        hi = pieces[acts[k + 1][0]][0] if k + 1 < len(acts) else len(sentence.text)
        # the stretch ends where the next act's piece begins, less the break before it
        if k + 1 < len(acts):
            hi = breaks.starts[acts[k + 1][0] - 1]
        joined = k > 0 and breaks.texts[i - 1][:3].lower() == "and"
        report = k > 0 and _SAID_BREAK.match(sentence.text, breaks.starts[i - 1]) is not None
        background = k > 0 and _OWN_NOUN.match(sentence.text, breaks.starts[i - 1]) is not None
        out.append(Act(trigger, lo, hi, joined=joined, report=report, background=background))
    return out


# What the doers took in the act they did ("attacked the post and seized weapons", "repelled an attack and
# captured 14 fighters", "fired tear gas and arrested 200"): the same act in the gold, not one of its own.
_TAKING = re.compile(r"(?:seiz|captur|arrest|detain|apprehend|took|tak|carr|loot|round)", re.I)


def _said_next(text: str, breaks: Breaks, i: int, stop: int) -> bool:
    """Whether an ``and said`` / ``and that`` break (:data:`_AND_SAID`) follows piece ``i`` before ``stop``."""
    for b0 in breaks.starts[i:]:
        if b0 >= stop:
            return False
        if _SAID_BREAK.match(text, b0):
            return True
    return False


def _and_breaks(breaks: Breaks, text: str, main: Sequence[Trigger]) -> Breaks:
    """``breaks`` less each plain ``and`` that is not followed, past auxiliaries and adverbs only, by a
    verb of an act reported as done (``militants stormed the village and abducted 12``: two acts; ``air
    strikes and shelling``, ``soldiers and police``: none)."""
    starts = {t.start: t for t in main}
    keep, k, before = [], 0, None  # one sweep: breaks and act words are in text order
    for i, (b0, b1, word) in enumerate(zip(breaks.starts, breaks.ends, breaks.texts)):
        while k < len(main) and main[k].end <= b0:
            before, k = main[k], k + 1
        if word.lower() == "and":  # a plain "and" ("and said" always breaks)
            gap = NO_SUBJECT_GAP.match(text, b1)
            t = starts.get(gap.end()) if gap else None
            outcome = before is not None and not _names_act(text, before)  # "killed 40 and captured 12"
            if t is None or before is None or not _done_verb(text, t, taking=outcome) \
                    or before.kind not in ("act", "mutual") or before.passive or _TAKING.match(text, before.start):
                continue
        keep.append(i)
    breaks.starts = [breaks.starts[i] for i in keep]
    breaks.ends = [breaks.ends[i] for i in keep]
    breaks.texts = [breaks.texts[i] for i in keep]
    return breaks


# From a casualty verb done to the "and" before the next act verb: "killed 86 people and set huts ablaze"
_TO_AND = re.compile(r"[^,;:]*?\band\s+", re.I)


def _outcome_verbs_done(text: str, words: Sequence[Trigger], main: list[Trigger]) -> list[Trigger]:
    """``main`` with each casualty verb done by its subject (``gunmen killed 86 people``) that a plain
    ``and`` joins to a verb of another act done (``... and abducted 40``, ``... and captured 12 others``,
    a taking included): the killing is then an act of its own beside it (section 9), not only that act's
    outcome."""
    if not main:
        return main
    out, k = [], 0
    for t in words:
        while k < len(main) and main[k].start < t.end:
            k += 1
        if (t.kind == "act" and t.realized and not t.passive and k < len(main) and not _names_act(text, t)
                and text[t.start:t.end].split()[0].lower().endswith("ed")):
            gap = _TO_AND.match(text, t.end, main[k].start)
            nxt = main[k]
            if gap is not None and NO_SUBJECT_GAP.fullmatch(text, gap.end(), nxt.start) \
                    and _done_verb(text, nxt, taking=True):
                out.append(t)
    return sorted(main + out) if out else main


def _done_verb(text: str, t: Trigger, taking: bool = False) -> bool:
    """Whether an act word is a verb of an act done, active, not a taking (:data:`_TAKING`) unless ``taking``."""
    return (t.kind in ("act", "mutual") and t.realized and not t.passive and not _noun_form(text, t)
            and (taking or not _TAKING.match(text, t.start)))


def _coordinated(text: str, acts: list[Act], main: Sequence[Trigger]) -> list[Act]:
    """``acts`` and, after each, an act for every act noun coordinated with its word (``air strikes
    and shelling``, ``a suicide bombing and gun attack``): two acts told in one stretch, which
    share its actors, places and counts (one sweep: acts and act words are in text order).

    >>> s = Sentence("Eleven civilians were killed in air strikes and shelling on Ariha.")
    >>> [s.text[a.trigger.start:a.trigger.end] for a in sentence_acts(s)]
    ['air strikes', 'shelling']
    """
    out, k = [], 0
    for act in acts:
        out.append(act)
        if act.trigger is None or not _noun_form(text, act.trigger):
            continue
        while k < len(main) and main[k].start <= act.trigger.start:
            k += 1
        last = act.trigger
        while (k < len(main) and main[k].end <= act.end and _noun_form(text, main[k])
               and _AND_NOUN.fullmatch(text, last.end, main[k].start)):
            out.append(Act(main[k], act.start, act.end, act.own_source))
            last, k = main[k], k + 1
    return out


def _noun_form(text: str, trigger: Trigger) -> bool:
    """Whether an act word is written as a noun (``strikes``, ``shelling``), not a verb done (``shelled``)."""
    first = text[trigger.start:trigger.end].split()[0].lower()
    return trigger.kind != "support" and not first.endswith("ed") and first not in IRREGULAR_PAST


def _names_act(text: str, trigger: Trigger) -> bool:
    """Whether the word names an act of its own (not an outcome, not a support verb)."""
    if trigger.kind == "support" or trigger.kind == "victim":
        return False
    return not _CASUALTY.match(text, trigger.start)


# Forces moving on ("pushed into", "moved into"): an act of its own in a clause of its own, but a sentence told as
# one act is named by any other act or outcome word first ("pushed them back and killed 40").
_MOVING = re.compile(r"push|moved", re.I)
# An agreement in force names a sentence's one act last too ("since the truce took effect, monitors have counted
# 80 air strikes": the strikes' record)
_AGREED = re.compile(AGREEMENT_IN_FORCE, re.I)


def _second_name(text: str, t: Trigger) -> bool:
    """Whether the act word names an act only beside another (:data:`_MOVING`, :data:`_AGREED`)."""
    return bool(_MOVING.match(text, t.start) or _AGREED.match(text, t.start))


def _best(text: str, words: Sequence[Trigger]) -> Trigger | None:
    """The word that names the act: an act word, else an outcome word, else a word that names an act only
    beside another (:func:`_second_name`), else a support verb."""
    for wanted in (lambda t: _names_act(text, t) and not _second_name(text, t),
                   lambda t: t.kind != "support" and not _second_name(text, t),
                   lambda t: t.kind != "support", lambda t: True):
        found = [t for t in words if wanted(t)]
        if found:
            return found[0]
    return None


def _outside(triggers: Sequence[Trigger], spans: Sequence[tuple[int, int]], text: str = "") -> list[Trigger]:
    """The triggers, or their words after a span, that overlap no span (one sweep over both, in
    text order): ``drone strike`` with the WEAPON ``drone`` keeps ``strike``.

    >>> s = "A drone strike hit the market."
    >>> [s[t.start:t.end] for t in _outside(find_triggers(s), [(2, 7)], s)]
    ['strike', 'hit']
    """
    spans = sorted(spans)
    out, k, reach = [], 0, -1  # spans starting before the trigger's end, and the furthest end among them
    for t in triggers:
        while k < len(spans) and spans[k][0] < t.end:
            reach = max(reach, spans[k][1])
            k += 1
        if reach <= t.start:
            out.append(t)
        elif reach < t.end and text:
            start = reach + len(text[reach:t.end]) - len(text[reach:t.end].lstrip())
            if start > reach and start < t.end:  # a whole word after the span
                out.append(t._replace(start=start))
    return out


def competing_figures(sentence: Sentence, acts: list[Act], count_starts: Sequence[int]) -> list[Act]:
    r"""``acts`` with each clause that gives another source's own figure made an act of its own
    (ANNOTATION.md section 3, competing figures), and each item of a list of figures too
    (``- Civilian deaths: 6``): ``count_starts`` are the sentence's counts (sentence offsets).

    >>> s = Sentence("Police put the toll at 34, while residents said more than 100 bodies were found.")
    >>> [s.text[a.start:a.end].strip() for a in competing_figures(s, sentence_acts(s), [23, 48])]
    ['Police put the toll at 34', 'residents said more than 100 bodies were found.']
    >>> s = Sentence("Toll of the week:\n- Soldiers killed: 12\n- Civilians killed: 4")
    >>> [s.text[a.start:a.end].strip() for a in competing_figures(s, sentence_acts(s), [37, 60])]
    ['Toll of the week:\n- Soldiers killed: 12', 'Civilians killed: 4']
    """
    if len(count_starts) < 2:
        return acts
    counts = sorted(count_starts)
    if len(sentence.sources) >= 2:
        sources = sorted(x.start for x in sentence.sources)
        acts = _split_figures(sentence, acts, Breaks(_FIGURE_BREAK, sentence.text),
                              lambda lo, hi: _any_in(sources, lo, hi) and _any_in(counts, lo, hi), True)
    if "\n" in sentence.text:
        acts = _split_figures(sentence, acts, Breaks(_LIST_ITEM, sentence.text),
                              lambda lo, hi: _any_in(counts, lo, hi), False)
    return acts


def _split_figures(sentence: Sentence, acts: list[Act], breaks: Breaks, figure, own_source: bool) -> list[Act]:
    """``acts`` split at each break between two pieces that are both ``figure(lo, hi)`` (one sweep:
    acts and breaks are both in text order)."""
    pieces = breaks.pieces()
    cuts = [(breaks.starts[i - 1], pieces[i][0]) for i in range(1, len(pieces))
            if figure(*pieces[i - 1][:2]) and figure(*pieces[i][:2])]
    if not cuts:
        return acts
    starts = [t.start for t in sentence.triggers]

    def first_trigger(lo: int, hi: int) -> Trigger | None:
        i = bisect_left(starts, lo)
        return sentence.triggers[i] if i < len(starts) and sentence.triggers[i].end <= hi else None

    out, k = [], 0
    for act in acts:
        while k < len(cuts) and cuts[k][0] < act.start:
            k += 1  # a break across two acts already parts them
        lo, trigger, own = act.start, act.trigger, act.own_source
        while k < len(cuts) and cuts[k][1] < act.end:
            cut, resume = cuts[k]
            out.append(Act(trigger if trigger is not None and trigger.start < cut else first_trigger(lo, cut),
                           lo, cut, own_source or own))
            trigger = trigger if trigger is not None and trigger.start >= resume else first_trigger(resume, act.end)
            lo, own, k = resume, own_source or own, k + 1
        out.append(act._replace(trigger=trigger, start=lo, own_source=own))
    return out


def _any_in(starts: Sequence[int], lo: int, hi: int) -> bool:
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi
