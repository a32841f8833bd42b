import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflict_ner.text.words import fix_span, is_possessive, pieces, split_word, words


def texts(text, ranges):
    return [text[s:e] for s, e in ranges]


def test_words_strip_edge_punctuation_keep_inner():
    text = '"Hama," (SAA) Hay\'at de-escalation U.S. Nov. ...'
    assert texts(text, words(text)) == ["Hama", "SAA", "Hay'at", "de-escalation", "U.S", "Nov"]


def test_pieces_split_possessive_and_listed_suffixes_only():
    text = "Russia's HTS-held al-Sham Hayat Tahrir al-Sham-led Turkish-backed de-escalation"
    assert texts(text, pieces(text)) == [
        "Russia", "'s", "HTS", "-held", "al-Sham", "Hayat", "Tahrir", "al-Sham", "-led", "Turkish",
        "-backed", "de-escalation"]


def test_curly_possessive_and_unicode():
    text = "Kyiv\u2019s Đakovo Ḥamā"
    assert texts(text, pieces(text)) == ["Kyiv", "\u2019s", "Đakovo", "Ḥamā"]


def test_split_word_keeps_short_words_whole():
    assert split_word("'s", 0, 2) == [(0, 2)]


def test_fix_span_trims_space_punctuation_possessive():
    text = " the army's, "
    s, e = fix_span(text, 0, len(text))
    assert text[s:e] == "the army"
    assert fix_span("...", 0, 3) is None


# --- dateline colon (training/ANNOTATION.md, section 2, exception 3) ---------------------

def test_dateline_colon_splits_glued_dateline_from_first_word():
    text = "BEIRUT:Government forces shelled DEIR EZ-ZOR:Rebels and Idlib:Turkish-backed \"HAMA:The"
    assert texts(text, pieces(text)) == [
        "BEIRUT", "Government", "forces", "shelled", "DEIR", "EZ-ZOR", "Rebels", "and", "Idlib",
        "Turkish", "-backed", "HAMA", "The"]


def test_colon_outside_a_dateline_shape_does_not_split():
    text = ("at 10:30 ratio 3:1 https://sana.sy/en mailto:desk@x.org xmlns:xlink Re:syria "
            "fe80::1ff:fe23 ABCD:EF01:2345 A:The BEIRUT:10 U.S.:Forces Hay'at: HTS:")
    assert texts(text, words(text)) == [
        "at", "10:30", "ratio", "3:1", "https://sana.sy/en", "mailto:desk@x.org", "xmlns:xlink",
        "Re:syria", "fe80::1ff:fe23", "ABCD:EF01:2345", "A:The", "BEIRUT:10", "U.S.:Forces", "Hay'at",
        "HTS"]


def test_dateline_colon_left_part_may_hold_apostrophes_hyphens_periods():
    text = "HAY'AT:Fighters AL-BAB:Turkish"
    assert texts(text, words(text)) == ["HAY'AT", "Fighters", "AL-BAB", "Turkish"]


# --- apostrophes ---------------------------------------------------------------------------

APOSTROPHE_CHARS = ["'", "\u2019", "\u02bc", "\u2032", "\u2018"]


@pytest.mark.parametrize("apo", APOSTROPHE_CHARS)
def test_every_apostrophe_behaves_like_the_straight_one(apo):
    text = f"Hay{apo}at Tahrir, Iraq{apo}s army, {apo}Hama{apo} and the rebels{apo} positions"
    assert texts(text, pieces(text)) == [
        f"Hay{apo}at", "Tahrir", "Iraq", f"{apo}s", "army", "Hama", "and", "the", "rebels", "positions"]


def _utf8_misread(codec):
    return "\u2019".encode("utf-8").decode(codec, errors="replace")


MOJIBAKE = {
    "cp1252": _utf8_misread("cp1252"),          # â€™
    "cp874": _utf8_misread("cp874"),            # โ€ + U+FFFD
    "cp874-browser": "\u0e42\u20ac\u2122",      # โ€™: undefined 0x99 shown as cp1252 does
    "cp437": _utf8_misread("cp437"),            # ΓÇÖ
    "koi8_r": _utf8_misread("koi8_r"),          # Б─≥
    "cp1256": _utf8_misread("cp1256"),
    "cp1251": _utf8_misread("cp1251"),          # вЂ™
    "double-cp1252": _utf8_misread("cp1252").encode("utf-8").decode("cp1252"),  # Ã¢â‚¬â„¢
}


@pytest.mark.parametrize("family", sorted(MOJIBAKE))
def test_mojibake_apostrophe_splits_like_a_possessive(family):
    form = MOJIBAKE[family]
    text = f"Iraq{form}s army, the rebels{form} positions, Hay{form}at Tahrir, {form}s"
    assert texts(text, pieces(text)) == [
        "Iraq", f"{form}s", "army", "the", "rebels", "positions", f"Hay{form}at", "Tahrir", f"{form}s"]
    assert is_possessive(form + "s") and not is_possessive(form)
    s, e = fix_span(text, 0, len(f"Iraq{form}s "))
    assert text[s:e] == "Iraq"


def test_possessive_needs_a_whole_form():
    # a piece of a mojibake form, or an s after something else, is not a possessive
    assert texts("Iraq€™s Iraqs Iraq's's", pieces("Iraq€™s Iraqs Iraq's's")) == [
        "Iraq€™s", "Iraqs", "Iraq's", "'s"]


@given(st.text(alphabet="ab 'S\u2019:-.\n", max_size=40))
def test_curly_and_straight_apostrophes_give_the_same_pieces(text):
    assert pieces(text) == pieces(text.replace("\u2019", "'"))
    for start, end in pieces(text):
        assert 0 <= start < end <= len(text) and not text[start:end].isspace()
