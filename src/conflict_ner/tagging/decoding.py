"""Decoding: per-unit predictions -> valid IOB2 chunks -> character spans (pure functions).

>>> tags = ["I-ACTOR", "I-ACTOR", "O", "B-LOCATION"]
>>> repair_iob2(tags)
['B-ACTOR', 'I-ACTOR', 'O', 'B-LOCATION']
>>> chunks(repair_iob2(tags))
[(0, 1, 'ACTOR'), (3, 3, 'LOCATION')]
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import lru_cache

import numpy as np

from conflict_ner.text.words import is_possessive


def repair_iob2(tags: Sequence[str], breaks: Collection[int] = ()) -> list[str]:
    """Make a tag sequence valid IOB2: an ``I-X`` that does not continue an ``X`` starts one,
    and so does one at a unit in ``breaks`` (a line break no entity crosses, see
    :func:`conflict_ner.tagging.boundaries.unit_breaks`).

    >>> repair_iob2(["B-ACTOR", "I-ACTOR", "I-ACTOR"], breaks=[2])
    ['B-ACTOR', 'I-ACTOR', 'B-ACTOR']
    """
    out = []
    prev = "O"
    breaks = set(breaks)
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (prev[2:] != tag[2:] or i in breaks):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first_unit, last_unit, label)`` of each entity in a valid IOB2 sequence."""
    out: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            out.append((i, i, tag[2:]))
        elif tag.startswith("I-") and out and out[-1][1] == i - 1 and out[-1][2] == tag[2:]:
            out[-1] = (out[-1][0], i, tag[2:])
    return out


def allowed_transitions(tags: Sequence[str]) -> np.ndarray:
    """``allowed[i, j]``: tag j may follow tag i in IOB2 (``I-X`` only after ``B-X``/``I-X``)."""
    n = len(tags)
    allowed = np.ones((n, n), dtype=bool)
    for j, tj in enumerate(tags):
        if tj.startswith("I-"):
            for i, ti in enumerate(tags):
                allowed[i, j] = ti != "O" and ti[2:] == tj[2:]
    return allowed


@lru_cache(maxsize=16)
def _constraints(tags: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Allowed transitions and allowed first tags (cached: decoding calls this per document)."""
    allowed = allowed_transitions(tags)
    start_ok = np.array([not tag.startswith("I-") for tag in tags])
    allowed.flags.writeable = start_ok.flags.writeable = False
    return allowed, start_ok


def viterbi(logprobs: np.ndarray, tags: Sequence[str], breaks: Collection[int] = ()) -> list[int]:
    """The most probable tag sequence that is valid IOB2 (constrained decoding), where the
    units in ``breaks`` may not continue an entity (no ``I-`` tag there).

    >>> lp = np.log(np.array([[0.1, 0.2, 0.7], [0.2, 0.1, 0.7]]))  # tags O, B-X, I-X
    >>> viterbi(lp, ["O", "B-X", "I-X"]), viterbi(lp, ["O", "B-X", "I-X"], breaks=[1])
    ([1, 2], [1, 0])
    """
    n, t = logprobs.shape
    if n == 0:
        return []
    allowed, start_ok = _constraints(tuple(tags))
    must_start = np.zeros(n, dtype=bool)
    must_start[[i for i in breaks if 0 < i < n]] = True
    # Constraints are hard (no transition scores), so a valid argmax path is already the
    # best valid path: the common case needs no dynamic programming.
    best_each = logprobs.argmax(axis=1)
    if (start_ok[best_each[0]] and allowed[best_each[:-1], best_each[1:]].all()
            and start_ok[best_each[must_start]].all()):
        return best_each.tolist()
    trans = np.where(allowed, 0.0, -np.inf)
    no_continue = np.where(start_ok, 0.0, -np.inf)
    score = np.where(start_ok, logprobs[0], -np.inf)
    back = np.zeros((n, t), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + logprobs[i]
        if must_start[i]:
            score = score + no_continue
    best = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i, best[-1]]))
    return best[::-1]


def chunks_to_spans(found: Sequence[tuple[int, int, str]], units: Sequence[tuple[int, int]],
                    allowed_starts: set[int], allowed_ends: set[int] | None = None,
                    text: str | None = None) -> list[tuple[int, int, str, int, int]]:
    """Map unit chunks to character spans ``(start, end, label, first_unit, last_unit)``.

    A chunk must start on a word start: leading pieces that are not (a possessive or a
    ``-held`` suffix predicted as an entity's start) are dropped; a trailing possessive
    piece is dropped, as the guidelines keep ``'s`` outside. With ``text``, a possessive
    piece is recognised by its text (also ``â€™s``), else by its shape (two characters
    glued to the piece before).
    """
    out = []
    for first, last, label in found:
        while first <= last and units[first][0] not in allowed_starts:
            first += 1
        while last > first and _is_possessive_piece(units, last, text):
            last -= 1
        if first > last:
            continue
        start, end = units[first][0], units[last][1]
        if allowed_ends is not None and end not in allowed_ends:
            continue
        out.append((start, end, label, first, last))
    return out


def _is_possessive_piece(units: Sequence[tuple[int, int]], k: int, text: str | None) -> bool:
    start, end = units[k]
    if not (k > 0 and units[k - 1][1] == start):
        return False
    return is_possessive(text[start:end]) if text is not None else end - start == 2


def merge_windows(n_units: int, n_tags: int, pieces: Sequence[tuple[np.ndarray, Sequence[int]]]
                  ) -> np.ndarray:
    """Per-unit scores from overlapping windows: each unit takes the window where it sits
    farthest from an edge (most context on both sides).

    ``pieces`` holds, per window, its ``[positions, n_tags]`` scores and the unit index of
    each position (-1 for none). Units no window saw get uniform scores.
    """
    merged = np.full((n_units, n_tags), -np.log(n_tags), dtype=np.float32)
    best_margin = np.full(n_units, -1, dtype=np.int64)
    for scores, unit_index in pieces:
        index = np.asarray(unit_index, dtype=np.int64)
        positions = np.flatnonzero(index >= 0)
        if not len(positions):
            continue
        units = index[positions]  # first subwords only: each unit at most once per window
        margins = np.minimum(positions - positions[0], positions[-1] - positions)
        better = margins > best_margin[units]
        best_margin[units[better]] = margins[better]
        merged[units[better]] = scores[positions[better]]
    return merged
