import re

import pytest

from conflict_ner.text.repair import repair_text

CASES = [
    "Syria\u00e2\u20ac\u2122s army shelled Hama",
    "caf\u00c3\u00a9 bombed in Kyiv\u00e2\u20ac\u2122s centre",
    "\ufb01ghters in \uff28\uff41\uff4d\uff41 fired",
    "He said \u00e2\u20ac\u0153no\u00e2\u20ac\u009d and left",
]


@pytest.mark.parametrize("text", CASES)
def test_every_word_maps_back_to_its_original_characters(text):
    r = repair_text(text)
    assert r.changed
    for m in re.finditer(r"\w+", r.text):
        start, end = r.to_original(m.start(), m.end())
        original = text[start:end]
        assert 0 <= start < end <= len(text)
        # the original slice repairs to the same word (or contains it, for a split mojibake quote)
        assert m.group() in repair_text(original).text


def test_mojibake_possessive_is_fixed_and_entity_offsets_exact():
    text = "Syria\u00e2\u20ac\u2122s army"
    r = repair_text(text)
    assert r.text == "Syria's army"
    assert text[slice(*r.to_original(0, 5))] == "Syria"
    assert text[slice(*r.to_original(8, 12))] == "army"


def test_clean_text_is_untouched_and_identity_mapped():
    r = repair_text("Plain ASCII text, nothing to fix.")
    assert not r.changed and r.to_original(6, 11) == (6, 11)
    r = repair_text("Zürich and Đakovo are fine")
    assert r.text == "Zürich and Đakovo are fine"
