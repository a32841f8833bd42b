"""Span -> token label alignment and document windowing (pure functions).

The model labels *units* (guideline pieces, or given tokens for CoNLL data). Each
unit's first subword carries its IOB2 tag; other subwords and tokens outside any
unit (edge punctuation) are ignored in the loss (-100). Long documents are cut into
windows of at most ``max_tokens`` tokens, preferably on sentence starts, overlapping
by about ``stride`` tokens, so an entity cut at one window's edge is seen whole in
the next.

>>> units = [(0, 6), (7, 13), (14, 18)]            # "Rebels fired Hama"
>>> offsets = [(0, 3), (3, 6), (7, 12), (12, 13), (14, 18)]
>>> first_subword_units(offsets, units)
[0, -1, 1, -1, 2]
>>> unit_tags(units, [(0, 6, "ACTOR"), (14, 18, "LOCATION")])
(['B-ACTOR', 'O', 'B-LOCATION'], [])
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from conflict_ner.text.sentences import split_sentences

IGNORE = -100


def token_units(token_offsets: Sequence[tuple[int, int]], units: Sequence[tuple[int, int]]) -> list[int]:
    """For each token, the index of the unit containing its first character, else -1
    (edge punctuation outside units, special tokens with empty offsets).

    >>> token_units([(0, 3), (3, 6), (6, 7), (8, 12)], [(0, 6), (8, 12)])
    [0, 0, -1, 1]
    """
    starts = [s for s, _ in units]
    out = []
    for start, end in token_offsets:
        k = bisect.bisect_right(starts, start) - 1 if end > start else -1
        out.append(k if k >= 0 and start < units[k][1] else -1)
    return out


def first_subword_units(token_offsets: Sequence[tuple[int, int]], units: Sequence[tuple[int, int]]
                        ) -> list[int]:
    """For each token, the index of the unit it is the first subword of, else -1."""
    return first_subwords(token_units(token_offsets, units))


def first_subwords(within: Sequence[int]) -> list[int]:
    """:func:`first_subword_units` from :func:`token_units`' output (a unit's first token keeps it).

    >>> first_subwords([0, 0, -1, 1])
    [0, -1, -1, 1]
    """
    out, last = [], -1
    for unit in within:
        out.append(unit if unit != -1 and unit != last else -1)
        if unit != -1:
            last = unit
    return out


def unit_tags(units: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int, str]]
              ) -> tuple[list[str], list[tuple[int, int, str]]]:
    """IOB2 tag per unit, and the spans that no unit boundaries match (reported, not tagged)."""
    tags = ["O"] * len(units)
    index_of_start = {s: i for i, (s, _) in enumerate(units)}
    index_of_end = {e: i for i, (_, e) in enumerate(units)}
    unmatched = []
    for start, end, label in spans:
        first, last = index_of_start.get(start), index_of_end.get(end)
        if first is None or last is None or last < first:
            unmatched.append((start, end, label))
            continue
        tags[first] = f"B-{label}"
        for k in range(first + 1, last + 1):
            tags[k] = f"I-{label}"
    return tags, unmatched


def sentence_starts(text: str) -> list[int]:
    """Offsets where the second and later sentences start (the splitter the event rules use)."""
    return [start for start, _ in split_sentences(text)[1:]]


@dataclass(frozen=True)
class WindowPlan:
    """Token ranges ``[start, end)`` of the windows of one document."""

    ranges: tuple[tuple[int, int], ...]


def plan_windows(n_tokens: int, max_tokens: int, stride: int, *, cuttable: Sequence[bool],
                 sentence_tokens: Sequence[int] = (), protected: Sequence[tuple[int, int]] = ()
                 ) -> list[tuple[int, int]]:
    """Cut ``n_tokens`` into overlapping windows of at most ``max_tokens``.

    ``cuttable[i]`` says a window may start or end before token ``i``;
    ``sentence_tokens`` are preferred cut points; ``protected`` are token ranges
    ``[a, b)`` (gold entities) that a window should not cut, and that the next window
    then starts before.

    >>> plan_windows(10, 4, 1, cuttable=[True] * 10)
    [(0, 4), (3, 7), (6, 10)]
    """
    if max_tokens < 2:
        raise ValueError("max_tokens must be at least 2")
    stride = max(0, min(stride, max_tokens // 2))
    cuts = [i for i in range(1, n_tokens) if cuttable[i]]
    sents = sorted(set(i for i in sentence_tokens if 0 < i < n_tokens and cuttable[i]))
    windows: list[tuple[int, int]] = []
    start = 0
    while True:
        if n_tokens - start <= max_tokens:
            windows.append((start, n_tokens))
            return windows
        limit = start + max_tokens
        end = _last_in(sents, start + max_tokens // 2, limit) or _last_in(cuts, start + 1, limit)
        if end is None:  # a single unit longer than a window: cut it anyway
            end = limit
        for a, b in protected:
            if a < end < b and a > start:
                end = a
                break
        windows.append((start, end))
        target = max(start + 1, end - stride)
        nxt = _first_in(sents, target, end - 1) or _first_in(cuts, target, end - 1) or end
        for a, b in protected:
            if a < nxt < b and a > start:
                nxt = a
                break
        start = nxt


def _last_in(sorted_points: list[int], low: int, high: int) -> int | None:
    k = bisect.bisect_right(sorted_points, high) - 1
    return sorted_points[k] if k >= 0 and sorted_points[k] >= low else None


def _first_in(sorted_points: list[int], low: int, high: int) -> int | None:
    k = bisect.bisect_left(sorted_points, low)
    return sorted_points[k] if k < len(sorted_points) and sorted_points[k] <= high else None


@dataclass
class EncodedWindow:
    """One model input: content tokens ``[token_start, token_end)`` of a document."""

    doc_index: int
    token_start: int
    token_end: int
    input_ids: list[int]
    labels: list[int] | None
    #: per input position, the unit whose first subword sits there, else -1
    unit_index: list[int]
    #: per input position, the word-shape id (see :mod:`conflict_ner.text.shapes`)
    shape_ids: list[int] | None = None


def window_labels(first: Sequence[int], tag_ids: Sequence[int], start: int, end: int,
                  masked_units: set[int]) -> list[int]:
    """Labels for content tokens ``[start, end)``: the unit tag on first subwords, else -100."""
    return [tag_ids[u] if u >= 0 and u not in masked_units else IGNORE for u in first[start:end]]


def all_subword_labels(first: Sequence[int], within: Sequence[int], tags: Sequence[str],
                       tag2id: dict[str, int], start: int, end: int, masked_units: set[int]) -> list[int]:
    """Labels for content tokens ``[start, end)`` when every subword is trained: the first
    subword takes the unit's tag, later subwords its ``I-`` form (``O`` stays ``O``).
    ``within`` is :func:`token_units`. Prediction still reads first subwords only.

    >>> tag2id = {"O": 0, "B-ACTOR": 1, "I-ACTOR": 2}
    >>> all_subword_labels([0, -1, 1, -1], [0, 0, 1, -1], ["B-ACTOR", "O"], tag2id, 0, 4, set())
    [1, 2, 0, -100]
    """
    out = []
    for f, u in zip(first[start:end], within[start:end]):
        unit = f if f >= 0 else u
        if unit < 0 or unit in masked_units:
            out.append(IGNORE)
            continue
        tag = tags[unit]
        if f < 0 and tag != "O":
            tag = "I-" + tag[2:]
        out.append(tag2id[tag])
    return out


def cut_units(first: Sequence[int], tags: Sequence[str], start: int, end: int) -> set[int]:
    """Units of entities that this window cuts at either edge: masked so no partial entity is learned."""
    inside = [u for u in first[start:end] if u >= 0]
    if not inside:
        return set()
    lo, hi = inside[0], inside[-1]
    masked: set[int] = set()
    # An entity continuing across the left edge: its I- units at the window start.
    u = lo
    if tags[u].startswith("I-"):
        while u <= hi and tags[u].startswith("I-"):
            masked.add(u)
            u += 1
    # An entity continuing across the right edge.
    if hi + 1 < len(tags) and tags[hi + 1].startswith("I-"):
        u = hi
        while u >= lo and tags[u] != "O":
            masked.add(u)
            if tags[u].startswith("B-"):
                break
            u -= 1
    return masked
