"""Property tests of text repair on random unicode (hypothesis, derandomized): it never
raises, and every range of the repaired text maps to a valid, monotone range of the original."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflict_ner.text.repair import repair_text

SETTINGS = settings(derandomize=True, max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

SPECIAL = [
    "\ud800", "\udfff", "\ud83d", "\ude00",                  # lone surrogates (and the halves of a pair)
    "\u202e", "\u202c", "\u200f", "\u2066",                  # bidi controls
    "\u200b", "\u200d", "\ufeff", "\u00ad",                  # zero-width, joiner, BOM, soft hyphen
    "\u0301", "\u0308", "\u0e34", "\u064e",                  # combining marks (Latin, Thai, Arabic)
    "中", "文", "한", "ア", "ع", "ש", "ก", "Р", "ё", "é", "ß", "ﬁ", "Ｈ",
    "\xa0", " ", "\n", "\t", "\x00", "\x1b", "\x85", "\ufffd", "'", '"', "-",
]
MOJIBAKE = [  # fragments of UTF-8 shown through code pages, whole and cut
    "â€™", "â€œ", "â€\x9d", "Ã©", "Ã", "â€", "Ã¢â‚¬â„¢", "Ð\xa0", "Ñ\x81", "Гљ", "вЂ™",
    "โ€™", "โ€", "รผ", "เธ", "Б─≥", "п═", "ΓÇÖ", "├⌐", "ÔÇö", "â€\u200c", "أ©", "Â", "Â\xa0",
    "\u0622\u00bb", "\u0622\xa0", "\u0622",
]
pieces = st.one_of(
    st.characters(codec=None, categories=None),  # anything, surrogates included
    st.sampled_from(SPECIAL),
    st.sampled_from(MOJIBAKE),
    st.text(alphabet="abcHama ", max_size=6),
)
texts = st.lists(pieces, max_size=30).map("".join)
NO_SPACE = [p for p in MOJIBAKE + SPECIAL if not any(c.isspace() for c in p)] + ["Hama", "x"]
long_chunks = st.lists(st.sampled_from(NO_SPACE), min_size=40, max_size=120).map("".join)


def check_map(text: str) -> None:
    """Every range of the repaired text maps to a valid range of ``text``, every character to
    a non-empty one; starts and ends map monotonically; an unchanged text maps to itself."""
    r = repair_text(text)
    assert r.original == text
    n = len(r.text)
    if r.text == text:
        assert not r.changed
        assert all(r.to_original(a, b) == (a, b) for a in range(n + 1) for b in range(a, min(a + 12, n) + 1))
        return
    starts = [r.to_original(a, a)[0] for a in range(n + 1)]
    ends = [r.to_original(b - 1, b)[1] for b in range(1, n + 1)]
    assert starts == sorted(starts) and ends == sorted(ends)
    assert all(starts[k] < ends[k] for k in range(n))  # every repaired character has an origin
    for a in range(n + 1):
        assert r.to_original(a, a) == (starts[a], starts[a])
        for b in {*range(a + 1, min(a + 12, n) + 1), n} - {a}:  # short ranges (entities), and to the end
            start, end = r.to_original(a, b)
            assert (start, end) == (starts[a], ends[b - 1])
            assert 0 <= start <= end <= len(text)


@SETTINGS
@given(texts)
def test_repair_never_raises_and_maps_every_range_into_the_original(text):
    check_map(text)


@settings(derandomize=True, max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(long_chunks)
def test_long_chunks_without_spaces_are_cut_and_still_map(text):
    check_map(text)


@SETTINGS
@given(st.text(alphabet=st.characters(codec="ascii"), max_size=60), st.sampled_from(MOJIBAKE))
def test_text_before_a_repair_maps_to_itself(prefix, moji):
    text = prefix + " " + moji + " ."
    r = repair_text(text)
    assert r.text.startswith(prefix + " ")
    for a in range(len(prefix) + 1):
        assert r.to_original(a, len(prefix)) == (a, len(prefix))
