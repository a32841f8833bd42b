"""The rules read a sentence in one pass: the work per character stays flat however many
counts, actors and triggers one sentence holds.

Work is counted, not timed: the Python lines the event rules execute, plus the characters
their regular expressions scan (a search counts the whole region it searches, an anchored
match the characters it matched).
"""

from __future__ import annotations

import re
import sys
from datetime import date

import pytest

import conflict_ner.events as events_package
from conflict_ner.events import build_records
from conflict_ner.records import Entity

_RULE_FILES = ("conflict_ner/events/", "conflict_ner/text/sentences.py")


class _CountedPattern:
    """A compiled pattern that adds the characters it scans to ``tally``."""

    def __init__(self, pattern: re.Pattern, tally: list[int]):
        self._pattern, self._tally = pattern, tally

    def __getattr__(self, name):
        return getattr(self._pattern, name)

    def _scan(self, method: str, string: str, pos: int = 0, endpos: int = sys.maxsize):
        self._tally[0] += max(0, min(endpos, len(string)) - pos)
        return getattr(self._pattern, method)(string, pos, endpos)

    def _anchored(self, method: str, string: str, pos: int = 0, endpos: int = sys.maxsize):
        found = getattr(self._pattern, method)(string, pos, endpos)
        self._tally[0] += 1 + (found.end() - pos if found else 0)
        return found

    def search(self, *args):
        return self._scan("search", *args)

    def match(self, *args):
        return self._anchored("match", *args)

    def fullmatch(self, *args):
        return self._anchored("fullmatch", *args)

    def finditer(self, *args):
        return self._scan("finditer", *args)

    def findall(self, *args):
        return self._scan("findall", *args)


def _work(monkeypatch, text: str, entities: list[Entity]) -> tuple[int, int]:
    """(Python lines run in the rules, characters scanned by the rules' patterns) of one build_records call."""
    scanned = [0]
    modules = [m for name, m in sys.modules.items()
               if name.startswith(events_package.__name__ + ".") or name == "conflict_ner.text.sentences"]
    for module in modules:
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, name, _CountedPattern(value, scanned))
    lines = [0]

    def trace(frame, event, arg):
        if not any(part in frame.f_code.co_filename.replace("\\", "/") for part in _RULE_FILES):
            return None

        def count(frame, event, arg):
            if event == "line":
                lines[0] += 1
            return count
        return count

    sys.settrace(trace)
    try:
        records = build_records(text, entities, date(2024, 5, 8), "many")
    finally:
        sys.settrace(None)
        monkeypatch.undo()
    assert records, "the sentence must give a record, or the rules did no work"
    return lines[0], scanned[0]


def _many_counts(n: int) -> tuple[str, list[Entity]]:
    """One sentence (no full stop) with ``n`` killed/wounded counts, their actors and places."""
    parts, ents, pos = [], [], 0
    for i in range(n):
        part = f"militants killed {i % 90 + 2} civilians in Hama and wounded {i % 80 + 3} soldiers, "
        cursor = 0
        for label, word in (("ACTOR", "militants"), ("COUNT", str(i % 90 + 2)), ("ACTOR", "civilians"),
                            ("LOCATION", "Hama"), ("COUNT", str(i % 80 + 3)), ("ACTOR", "soldiers")):
            start = part.index(word, cursor)
            cursor = start + len(word)
            ents.append(Entity(label, pos + start, pos + cursor, word, 0.9))
        parts.append(part)
        pos += len(part)
    return "".join(parts).rstrip(", "), ents


def _repeated(template: str, spans: tuple[tuple[str, str], ...], n: int) -> tuple[str, list[Entity]]:
    text = template * n
    ents, cursor = [], 0
    for _ in range(n):
        for label, word in spans:
            start = text.index(word, cursor)
            cursor = start + len(word)
            ents.append(Entity(label, start, cursor, word, 0.9))
    return text.rstrip(), ents


def _many_sources(n: int) -> tuple[str, list[Entity]]:
    """One unpunctuated sentence of reporting verbs, sources and actors."""
    return _repeated("rebels said militants attacked soldiers according to residents and the army told Reuters it "
                     "repelled them ", (("ACTOR", "rebels"), ("ACTOR", "militants"), ("ACTOR", "soldiers"),
                                        ("ACTOR", "residents"), ("ACTOR", "army")), n)


def _many_including(n: int) -> tuple[str, list[Entity]]:
    """One sentence of counts in a chain of "including" clauses, with running-total words."""
    return _repeated("12 people were killed, including 3 children, among them 2 girls, bringing the death toll to 45, ",
                     (("COUNT", "12"), ("ACTOR", "people"), ("COUNT", "3"), ("ACTOR", "children"), ("COUNT", "2"),
                      ("COUNT", "45")), n)


@pytest.mark.parametrize("make", [_many_counts, _many_sources, _many_including])
def test_work_per_character_stays_flat_as_counts_pile_up(monkeypatch, make):
    small_text, small_ents = make(40)
    big_text, big_ents = make(160)
    small = _work(monkeypatch, small_text, small_ents)
    big = _work(monkeypatch, big_text, big_ents)
    for what, s, b in zip(("lines run", "characters scanned"), small, big):
        per_char_small, per_char_big = s / len(small_text), b / len(big_text)
        # four times the counts in one sentence: the same work per character, give or take overheads
        assert per_char_big <= 1.2 * per_char_small, (what, per_char_small, per_char_big)
