"""Trigger words -> sub-event types, counted from the train split's event gold (lookup side).

The rules' cues (:mod:`.types`) name the means of most acts; where none does ("a Russian
strike killed nine", "the city was retaken"), the words the annotators marked as the
trigger of an act of known type still tell it. The table counts, over the train documents
only, each gold trigger (:func:`key`) by sub-event type; it is packaged as
``resources/trigger_types.json``, built by :mod:`conflict_ner.training.corpus.trigger_table`
and rewritten by ``conflict-ner data build``.

>>> table = {"strikes": {"Air/drone strike": 8, "Armed clash": 1}}
>>> likely_type("Strikes", table)
'Air/drone strike'
>>> likely_type("killed", {"killed": {"Armed clash": 5, "Attack": 5}}) is None
True
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

Table = Mapping[str, Mapping[str, int]]

RESOURCE = "trigger_types.json"
#: A trigger speaks for a type when seen this often in train gold ...
MIN_SEEN = 5
#: ... and with this type this share of the time (tuned on dev; see ANNOTATION.md section 8).
MIN_SHARE = 0.7


def key(trigger: str) -> str:
    """The table's key of a trigger: lower case, spaces collapsed.

    >>> key("Air  Strikes")
    'air strikes'
    """
    return " ".join(trigger.lower().split())


@lru_cache(maxsize=1)
def packaged() -> Table:
    """The packaged table (``resources/trigger_types.json``)."""
    raw = resources.files("conflict_ner").joinpath("resources", RESOURCE).read_text(encoding="utf-8")
    return json.loads(raw)


def likely_type(trigger: str, table: Table | None = None, *, min_seen: int = MIN_SEEN,
                min_share: float = MIN_SHARE) -> str | None:
    """The sub-event type a trigger almost always had in train gold, or None when it was rare or split."""
    counts = (packaged() if table is None else table).get(key(trigger))
    if not counts:
        return None
    total = sum(counts.values())
    best, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return best if total >= min_seen and n / total >= min_share else None
