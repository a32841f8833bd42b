from conflict_ner.text.words import fix_span, pieces, split_word, words


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
