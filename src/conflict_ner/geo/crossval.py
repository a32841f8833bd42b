"""Cross-validated geocoding scores over the TRAIN and DEV gold: the honest tuning set.

The packaged supplement is built from the TRAIN and DEV gold, so scoring those rows with it
only checks that it was built. Here the documents are dealt into ``k`` folds; each fold is
geocoded with a supplement built from the other folds' rows only (:func:`.supplement_build.from_gold`),
so a place counts as known only when another article located it. Test, test_new and heldout
rows are never read.

>>> folds = assign_folds(["a", "b", "c", "d", "e"], 2)
>>> sorted(folds.values()), assign_folds(["e", "d", "c", "b", "a"], 2) == folds
([0, 0, 0, 1, 1], True)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from conflict_ner.errors import InputError
from conflict_ner.geo.evaluate import GoldPlace, outcomes, summarise
from conflict_ner.geo.gazetteer import Gazetteer
from conflict_ner.geo.resolve import FUZZY_THRESHOLD, Geocoder, Resolution
from conflict_ner.geo.supplement_build import from_gold

#: the splits whose gold may tune the geocoder (never test, test_new or heldout)
TUNING_SPLITS = ("train", "dev")


def assign_folds(doc_ids: Iterable[str], k: int) -> dict[str, int]:
    """Each document's fold (0 .. k-1): documents ordered by a hash of their id (stable across
    runs and machines, unlike ``hash``), then dealt round-robin, so fold sizes differ by one
    document at most and a document's fold does not depend on the order it was listed in.

    >>> assign_folds(["x"], 3)
    {'x': 0}
    >>> assign_folds(["x"], 1)
    Traceback (most recent call last):
    ...
    conflict_ner.errors.InputError: cross-validation needs at least 2 folds, not 1
    """
    if k < 2:
        raise InputError(f"cross-validation needs at least 2 folds, not {k}")
    ordered = sorted(set(doc_ids), key=lambda d: (hashlib.sha256(d.encode("utf-8")).hexdigest(), d))
    return {doc: n % k for n, doc in enumerate(ordered)}


def fold_outcomes(gold: Sequence[GoldPlace], texts: Mapping[str, str],
                  mentions: Mapping[str, Sequence[tuple[int, int]]], base: Gazetteer, k: int = 5,
                  threshold: float = FUZZY_THRESHOLD, splits: Sequence[str] = TUNING_SPLITS,
                  ) -> list[tuple[GoldPlace, Resolution | None, dict[str, bool], int]]:
    """Each gold row of ``splits`` with its resolution, verdict and fold; a fold is geocoded on
    ``base`` (a gazetteer without the packaged supplement) plus the supplement of the other folds."""
    rows = [r for r in gold if r.split in splits]
    folds = assign_folds((r.doc_id for r in rows), k)
    out: list[tuple[GoldPlace, Resolution | None, dict[str, bool], int]] = []
    for fold in range(k):
        held = [r for r in rows if folds[r.doc_id] == fold]
        if not held:
            continue
        known = from_gold([r for r in rows if folds[r.doc_id] != fold], base)
        geocoder = Geocoder(base.with_supplement(known), threshold)
        out.extend((row, got, verdict, fold) for row, got, verdict in outcomes(held, texts, mentions, geocoder))
    return out


def cross_validate(gold: Sequence[GoldPlace], texts: Mapping[str, str],
                   mentions: Mapping[str, Sequence[tuple[int, int]]], base: Gazetteer, k: int = 5,
                   threshold: float = FUZZY_THRESHOLD, splits: Sequence[str] = TUNING_SPLITS) -> dict[str, Any]:
    """Scores (as :func:`.evaluate.evaluate_geo`'s: per split, ``all``, and by row source) of the
    rows of ``splits``, each fold geocoded with a supplement of the other folds (the module doc)."""
    return summarise([(row, verdict) for row, _, verdict, _ in
                      fold_outcomes(gold, texts, mentions, base, k, threshold, splits)])
