"""The literal gates before the cue regexes never skip a search that would match."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from conflict_ner.events import regex_literals as rl
from conflict_ner.events import types

CORPUS = Path(__file__).resolve().parents[2] / "training" / "corpus" / "compiled" / "train.jsonl"


def test_lookalikes_are_all_non_ascii_chars_that_ignorecase_matches_to_ascii():
    every_char = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    found = set(re.findall("(?i)[\x00-\x7f]", every_char))
    assert found == set(rl._ASCII_LOOKALIKES.pattern.strip("[]"))


@pytest.mark.parametrize("pattern, text", [
    (r"\b(?:air ?strikes?|drones?)\b", "An AIRSTRIKE hit."),
    (r"\bkill(?:ed|s)?\b", "They were KILLED."),
    (r"(?i:shell)", "SHELL"),
    (r"(?-i:Shell)", "Shell fire"),
])
def test_gate_lets_through_every_match(pattern, text):
    rx = re.compile(pattern, re.I)
    assert rx.search(text)
    assert rl.may_match(rl.fold(text), rl.required_literals(rx))


def test_gate_rules_out_text_without_a_required_word():
    assert not rl.may_match(rl.fold("Rain fell on the market."), rl.required_literals(r"\b(?:kill\w*|shot)\b"))


def test_a_lookalike_character_turns_the_gate_off():
    text = "The ſhelling went on."  # long s: re.I matches it to 's'
    assert re.search(r"(?i)shelling", text)
    assert rl.fold(text) is None
    assert rl.may_match(rl.fold(text), rl.required_literals(r"shelling"))


@pytest.mark.parametrize("pattern", [r"\w+", r"(?:kill|\d+)", r"a?b?", r"[xyz]{3}", r"(?:ab)*"])
def test_no_gate_when_some_match_needs_no_literal(pattern):
    assert rl.required_literals(pattern) is None


def test_every_cue_has_a_gate():
    assert all(types._CUE_GATES.values())


def _corpus_sentences() -> list[str]:
    texts = [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8")]
    return [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()]


def test_each_cue_match_in_the_train_corpus_holds_one_of_its_gate_words():
    sentences = _corpus_sentences()
    assert len(sentences) > 5000
    for name, rx in types._CUE_RES.items():
        gate = types._CUE_GATES[name]
        for sentence in sentences:
            for m in rx.finditer(types._RPG.sub("RPG", sentence)):
                assert any(lit in m.group(0).lower() for lit in gate), (name, m.group(0))
