"""Shared helper: Entity lists built by locating substrings of the test text."""

from __future__ import annotations

import pytest

from conflict_ner.records import Entity


def locate(text: str, spans: list[tuple[str, str]], score: float = 0.9) -> list[Entity]:
    """Entities for ``(label, surface)`` pairs, found left to right in ``text``.

    A repeated surface is searched after the previous occurrence of the same
    surface, so list spans in text order.
    """
    out = []
    after: dict[str, int] = {}
    for label, surface in spans:
        start = text.index(surface, after.get(surface, 0))
        after[surface] = start + len(surface)
        out.append(Entity(label, start, start + len(surface), surface, score))
    return out


@pytest.fixture
def entities():
    return locate
