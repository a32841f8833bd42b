"""Event head scores per unit -> triggers with their sub-event type, and actor roles (pure).

>>> import numpy as np
>>> from conflict_ner.tagging.event_heads import EventHeadSettings, TRIGGER_TAGS
>>> units = [(0, 6), (7, 14), (15, 19)]                          # "Rebels shelled Hama"
>>> trig = np.full((3, len(TRIGGER_TAGS)), -9.0); trig[:, 0] = 0.0
>>> trig[1, TRIGGER_TAGS.index("B-Shelling/artillery/missile attack")] = 1.0
>>> roles = np.log(np.array([[.1, .8, .05, .05], [1, 0, 0, 0], [1, 0, 0, 0]]) + 1e-9)
>>> scores = EventScores(units, np.concatenate([trig, roles], axis=1),
...                      EventHeadSettings(heads=("triggers", "roles"), hidden_size=8))
>>> [(t.start, t.end, t.sub_event_type) for t in scores.triggers()]
[(7, 14, 'Shelling/artillery/missile attack')]
>>> scores.role_of(0, 6)[0]
'initiator'
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from conflict_ner.tagging.decoding import chunks, repair_iob2
from conflict_ner.tagging.event_heads import SPAN_TAGS, EventHeadSettings


@dataclass(frozen=True)
class PredictedTrigger:
    """A predicted trigger: the act's word(s) ``[start, end)`` and its ACLED sub-event type."""

    start: int
    end: int
    sub_event_type: str
    score: float


def units_in(units: Sequence[tuple[int, int]], start: int, end: int, ends: Sequence[int] | None = None) -> range:
    """Indices of the (sorted, disjoint) units overlapping ``[start, end)`` (``ends``: the
    units' ends, when the caller keeps them).

    >>> units_in([(0, 6), (7, 14), (15, 19)], 5, 16)
    range(0, 3)
    """
    ends = [e for _, e in units] if ends is None else ends
    first = bisect.bisect_right(ends, start)
    last = first
    while last < len(units) and units[last][0] < end:
        last += 1
    return range(first, last)


class EventScores:
    """The heads' merged log-probabilities of one document's units, read as triggers and roles."""

    def __init__(self, units: Sequence[tuple[int, int]], scores: np.ndarray, settings: EventHeadSettings):
        self.units = list(units)
        self._ends = [e for _, e in self.units]  # for the span lookups (units are sorted)
        self.settings = settings
        self._triggers: list[PredictedTrigger] | None = None
        self.parts: dict[str, np.ndarray] = {}
        col = 0
        for name, size in settings.sizes().items():
            self.parts[name] = scores[:, col:col + size]
            col += size

    def triggers(self) -> list[PredictedTrigger]:
        """Trigger spans (greedy tags made valid BIO), scored by their units' mean probability
        (decoded once, then kept)."""
        if self._triggers is None:
            self._triggers = self._decode_triggers()
        return list(self._triggers)

    def _decode_triggers(self) -> list[PredictedTrigger]:
        logp = self.parts.get("triggers")
        if logp is None or not len(self.units):
            return []
        if self.settings.design == "factored":
            return [PredictedTrigger(self.units[a][0], self.units[b][1], sub, score)
                    for a, b, sub, score in factored_triggers(logp, self.settings.sub_event_types,
                                                              self.settings.trigger_threshold)]
        tags = self.settings.trigger_tags
        best = logp.argmax(axis=1)
        seq = repair_iob2([tags[i] for i in best])
        out = []
        for first, last, sub in chunks(seq):
            probs = np.exp(logp[range(first, last + 1), best[first:last + 1]])
            out.append(PredictedTrigger(self.units[first][0], self.units[last][1], sub, round(float(probs.mean()), 4)))
        return out

    def role_of(self, start: int, end: int) -> tuple[str, float] | None:
        """The most probable role of the span ``[start, end)`` (an ACTOR mention) and its
        probability, from its units' mean probabilities; ``None`` without a roles head or units."""
        return self._read("roles", self.settings.roles, start, end)

    def modality_of(self, start: int, end: int) -> tuple[str, float] | None:
        """The most probable modality of the act whose trigger is ``[start, end)``, and its
        probability; ``None`` without a modality head or units."""
        return self._read("modality", self.settings.modalities, start, end)

    def _read(self, head: str, names: Sequence[str], start: int, end: int) -> tuple[str, float] | None:
        logp = self.parts.get(head)
        span = units_in(self.units, start, end, self._ends)
        if logp is None or not len(span):
            return None
        probs = np.exp(logp[span.start:span.stop]).mean(axis=0)
        k = int(probs.argmax())
        return names[k], round(float(probs[k]), 4)


def factored_triggers(logp: np.ndarray, sub_types: Sequence[str], threshold: float = 0.5
                      ) -> list[tuple[int, int, str, float]]:
    """``(first_unit, last_unit, sub_event_type, score)`` of each trigger from a factored
    head's log-probabilities (span tags ``O``/``B``/``I``, then the sub-types): a unit is in a
    trigger when ``P(B) + P(I) >= threshold``, ``B`` or ``I`` by the larger; a trigger takes
    the sub-type of its units' mean probabilities; its score is its units' mean span probability.

    >>> lp = np.log(np.array([[.9, .05, .05, .5, .5], [.2, .7, .1, .1, .9], [.3, .1, .6, .2, .8]]))
    >>> factored_triggers(lp, ["Armed clash", "Arrests"])
    [(1, 2, 'Arrests', 0.75)]
    """
    n_span = len(SPAN_TAGS)
    span = np.exp(logp[:, :n_span])
    inside = span[:, 1] + span[:, 2]
    tags = ["O" if p < threshold else ("B-T" if b >= i else "I-T") for p, b, i in zip(inside, span[:, 1], span[:, 2])]
    out = []
    for first, last, _ in chunks(repair_iob2(tags)):
        kinds = np.exp(logp[first:last + 1, n_span:]).mean(axis=0)
        out.append((first, last, sub_types[int(kinds.argmax())], round(float(inside[first:last + 1].mean()), 4)))
    return out
