"""Cross-validated actor identity over the TRAIN+DEV gold: an honest tuning score.

The alias table was built from train and dev mentions, and the rules were tuned on dev, so
neither the shipped table nor the leave-dev-out one says how the resolver does on actors it
has never seen. Here the train and dev documents are cut into ``k`` folds (by document, or by
theatre so that a fold's actors are mostly new); each fold's gold mentions are scored with the
table minus every alias, generic head and country place that only that fold's documents hold
(:func:`conflict_ner.actors.leave_out.without_held_out`, the other folds kept).

Spec strings (``conflict-ner evaluate-actors --leave-out``): ``dev`` (leave dev out),
``folds:K`` (K folds by document), ``theatres:K`` (K folds by theatre, the id before ``-NNN``).

>>> parse_leave_out("folds:5"), parse_leave_out("dev"), parse_leave_out("theatres:4")
(('document', 5), ('split', 'dev'), ('theatre', 4))
>>> assign_folds(["sy-001", "sy-002", "ir-001", "ir-002"], 2)
{'ir-001': 0, 'ir-002': 1, 'sy-001': 0, 'sy-002': 1}
>>> assign_folds(["sy-001", "sy-002", "ir-001"], 2, by="theatre")
{'ir-001': 0, 'sy-001': 1, 'sy-002': 1}
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from conflict_ner.actors.leave_out import without_held_out
from conflict_ner.actors.table import ActorTable
from conflict_ner.errors import DataError

#: the splits whose documents the folds cut (the table was built from their mentions)
TUNING_SPLITS = ("train", "dev")
_SPEC = re.compile(r"^(folds|theatres):(\d+)$")


def parse_leave_out(spec: str) -> tuple[str, Any]:
    """``("split", name)`` for a split, ``("document" | "theatre", k)`` for folds (k >= 2)."""
    match = _SPEC.match(spec)
    if match is None:
        return "split", spec
    k = int(match.group(2))
    if k < 2:
        raise DataError(f"--leave-out {spec}: need at least 2 folds")
    return ("document" if match.group(1) == "folds" else "theatre"), k


def theatre(doc_id: str) -> str:
    """The theatre of a corpus id: the id without its trailing number.

    >>> theatre("syria-nb-007"), theatre("mozambique-005"), theatre("odd")
    ('syria-nb', 'mozambique', 'odd')
    """
    return re.sub(r"-\d+$", "", doc_id)


def assign_folds(doc_ids: Iterable[str], k: int, by: str = "document") -> dict[str, int]:
    """Fold of each document: sorted ids (or theatres) dealt round-robin, so that one
    theatre's documents spread over the folds (``by="document"``) or stay in one (``"theatre"``)."""
    ids = sorted(set(doc_ids))
    if by == "document":
        return {d: i % k for i, d in enumerate(ids)}
    if by != "theatre":
        raise ValueError(f"folds are by document or theatre, not {by!r}")
    groups = {t: i % k for i, t in enumerate(sorted({theatre(d) for d in ids}))}
    return {d: groups[theatre(d)] for d in ids}


def fold_tables(table: ActorTable, docs: Mapping[str, Mapping[str, Any]], folds: Mapping[str, int],
                k: int) -> list[ActorTable]:
    """One table per fold: ``table`` without what only that fold's documents' mentions hold."""
    def texts(ids: Sequence[str], label: str) -> list[str]:
        return [docs[d]["text"][s:e] for d in ids for s, e, lab in docs[d]["spans"] if lab == label]

    out = []
    for fold in range(k):
        held = [d for d, f in folds.items() if f == fold]
        kept = [d for d, f in folds.items() if f != fold]
        out.append(without_held_out(table, texts(kept, "ACTOR"), texts(held, "ACTOR"),
                                    texts(kept, "LOCATION"), texts(held, "LOCATION")))
    return out


def tuning_folds(docs: Mapping[str, Mapping[str, Any]], k: int, by: str = "document") -> dict[str, int]:
    """Folds of the corpus's train and dev documents."""
    ids = [d for d, doc in docs.items() if doc.get("split") in TUNING_SPLITS]
    if len(ids) < k:
        raise DataError(f"{len(ids)} train+dev documents cannot make {k} folds")
    return assign_folds(ids, k, by)
