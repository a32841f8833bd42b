"""How far the event gold has moved to markup v2, and whether the evaluation splits are done.

``conflict-ner data check`` reports, for the gold records: how many lack a trigger or a
sub-event type (records written before markup v2 still compile), and the share of event
sentences that report more than one act (one record per act; issue 18 asks for 15% or more).
Once :data:`REQUIRE_ENV` is set (``CONFLICT_NER_REQUIRE_TRIGGERS=1``), every record of a
``test``, ``test_new`` or ``heldout`` document must have both, or the check fails: off by
default so the corpus stays green while annotators write the v2 gold split by split.

>>> from types import SimpleNamespace as NS
>>> rec = lambda s, t: {"sentence": {"start": s}, "trigger": t, "sub_event_type": "Armed clash"}
>>> md = NS(document=NS(id="d"), events=[rec(0, {"start": 1}), rec(0, {"start": 9}), rec(20, None)],
...         event_lines=[3, 9, 15], path="m.md")
>>> shape = event_gold_shape([md], {"d": "test"})
>>> shape.records, shape.untriggered, shape.sentences, shape.multi_act_sentences
(3, 1, 2, 1)
>>> incomplete_records([md], {"d": "test"})
['  m.md:15: document d: event #3 has no trigger']
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field

REQUIRE_ENV = "CONFLICT_NER_REQUIRE_TRIGGERS"
#: The splits that figures are reported on: their gold must be complete before any tuning.
EVALUATION_SPLITS = ("test", "test_new", "heldout")
MULTI_ACT_TARGET = 0.15


def require_triggers(flag: bool | None = None) -> bool:
    """``flag`` if given, else whether :data:`REQUIRE_ENV` is set to something other than 0/empty."""
    if flag is not None:
        return flag
    return os.environ.get(REQUIRE_ENV, "").strip().lower() not in ("", "0", "no", "false")


@dataclass
class EventGoldShape:
    records: int = 0
    untriggered: int = 0
    untyped: int = 0
    sentences: int = 0            # distinct event sentences
    multi_act_sentences: int = 0  # sentences with more than one record
    untriggered_by_split: Counter = field(default_factory=Counter)

    @property
    def multi_act_share(self) -> float:
        return self.multi_act_sentences / self.sentences if self.sentences else 0.0

    def lines(self) -> list[str]:
        n = self.records or 1
        by_split = ", ".join(f"{s} {c}" for s, c in sorted(self.untriggered_by_split.items()))
        return [
            f"  gold records                   {self.records}",
            f"  without trigger                {self.untriggered} ({self.untriggered / n:.1%})"
            + (f": {by_split}" if by_split else ""),
            f"  without sub_event_type         {self.untyped} ({self.untyped / n:.1%})",
            f"  event sentences                {self.sentences}",
            f"  with more than one act         {self.multi_act_sentences} ({self.multi_act_share:.1%}; "
            f"target >= {MULTI_ACT_TARGET:.0%})",
        ]


def event_gold_shape(docs, splits: dict[str, str]) -> EventGoldShape:
    """Count records, records without trigger/type and multi-act sentences over ``docs``
    (compiled :class:`~conflict_ner.training.corpus.markup.MarkupDocument` objects)."""
    shape = EventGoldShape()
    for md in docs:
        if not md.events:
            continue
        per_sentence = Counter(r["sentence"]["start"] for r in md.events)
        shape.sentences += len(per_sentence)
        shape.multi_act_sentences += sum(c > 1 for c in per_sentence.values())
        for r in md.events:
            shape.records += 1
            if r.get("trigger") is None:
                shape.untriggered += 1
                shape.untriggered_by_split[splits.get(md.document.id, "?")] += 1
            shape.untyped += r.get("sub_event_type") is None
    return shape


def incomplete_records(docs, splits: dict[str, str], evaluation=EVALUATION_SPLITS) -> list[str]:
    """One line per record of an evaluation-split document that lacks a trigger or a sub-event type."""
    out = []
    for md in docs:
        if not md.events or splits.get(md.document.id) not in evaluation:
            continue
        for k, r in enumerate(md.events):
            missing = [name for name, absent in (("trigger", r.get("trigger") is None),
                                                 ("sub_event_type", r.get("sub_event_type") is None)) if absent]
            if missing:
                line = md.event_lines[k] if k < len(md.event_lines) else md.line
                out.append(f"  {md.path}:{line}: document {md.document.id}: event #{k + 1} has no "
                           + " and no ".join(missing))
    return out
