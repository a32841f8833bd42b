import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflict_ner.tagging.boundaries import MAX_WRAP, hard_breaks, spans_crossing_lines, unit_breaks
from conflict_ner.tagging.decoding import chunks, chunks_to_spans, repair_iob2, viterbi
from conflict_ner.tagging.encoding import DocumentEncoding
from conflict_ner.tagging.predict import decode_document
from conflict_ner.text.document import Document
from conflict_ner.text.words import pieces, words

# A hard-wrapped .txt paragraph (greedy fill at 60 columns), then a blank line.
WRAPPED = (
    "Fighters of the jihadist alliance known as Hayat Tahrir\n"
    "al-Sham seized the villages of Kafr Nabl and Maarat al-Numan\n"
    "in the southern Idlib countryside after overnight clashes\n"
    "with Syrian government forces, the monitor said on Tuesday.\n"
    "\n"
    "Syrian Arab Army\n"
    "units withdrew."
)


def lines_text(text, offsets):
    """The line ending at each break offset."""
    return [text[:k].rsplit("\n", 1)[-1] for k in offsets]


def test_wrapped_paragraph_lines_are_soft_blank_line_and_short_line_hard():
    breaks = hard_breaks(WRAPPED)
    assert lines_text(WRAPPED, breaks) == [
        "with Syrian government forces, the monitor said on Tuesday.",  # ends a sentence and the block
        "",                                                              # the blank line
        "Syrian Arab Army",                                              # a short line
    ]


@pytest.mark.parametrize("first_line, why", [
    ("Syrian army retakes key town from rebels in Idlib countryside", "heading over a long line"),
    ("Photo: Displaced families queue for food near Saraqib camp", "caption over a long line"),
    ("Home | World | Middle East | Syria | Iraq | Analysis | Video |", "menu ending in a separator"),
    ("Government forces shelled the villages of Kafr Nabl and Hass.", "a sentence ends"),
    ('He said the rebels had withdrawn from the town of Kafr Nabl."', "quote closes a sentence"),
])
def test_line_before_an_unwrapped_paragraph_ends_a_span(first_line, why):
    body = "Rebels " + "and government forces fought for the town all day " * 6 + "."
    text = first_line + "\n" + body
    assert hard_breaks(text) == [len(first_line)], why


LONG = "Government forces shelled the villages of Kafr Nabl and Hass"  # 59 characters


@pytest.mark.parametrize("block, why", [
    (LONG + " with\nartillery on Monday", "block does not end a sentence (headline list)"),
    (LONG + " with\n- artillery on Monday.", "next line is a list item"),
    (LONG + " with\n2. artillery on Monday.", "next line is a numbered item"),
    (LONG + " with\nRelated Coverage: artillery on Monday.", "next line is a label"),
    ("Home | World | Syria | Iraq | Government forces\nshelled the villages on Monday.", "menu separator"),
    ("News \u00b7 World \u00b7 Syria \u00b7 Iraq \u00b7 Government forces\nshelled the villages on Monday.",
     "menu separator"),
])
def test_wrapped_looking_lines_that_are_not_running_text(block, why):
    assert len(hard_breaks(block)) == 1, why


def test_the_same_first_line_before_running_text_is_soft():
    assert hard_breaks(LONG + " with\nartillery on Monday.") == []


def test_paragraph_per_line_web_text_breaks_everywhere():
    # trafilatura-style: one paragraph per line, no blank lines, a paragraph not ending in a stop
    para = "Turkish-backed factions and the Syrian Democratic Forces exchanged fire " * 3
    assert len(para.strip()) > MAX_WRAP
    text = para.strip() + "\n" + para.strip() + "\nShare this article"
    assert len(hard_breaks(text)) == 2


def test_crlf_form_feed_and_paragraph_separator():
    wrapped_crlf = WRAPPED.replace("\n", "\r\n")
    assert len(hard_breaks(wrapped_crlf)) == 3
    long_line = "Fighters of the jihadist alliance known as Hayat Tahrir"
    assert hard_breaks(long_line + "\u2029al-Sham") == [len(long_line)]
    assert hard_breaks(long_line + "\x0cal-Sham") == [len(long_line)]
    assert hard_breaks(long_line + "\u2028al-Sham seized the villages of Kafr Nabl and Hass.") == []


def test_unit_breaks_on_pieces():
    text = "BEIRUT\n\nSyria's army\nHome"
    units = pieces(text)  # BEIRUT | Syria 's army | Home
    assert unit_breaks(text, units) == [1, 4]
    assert unit_breaks("", []) == [] and unit_breaks("Hama", [(0, 4)]) == []


def test_spans_crossing_lines_for_data_check():
    text = WRAPPED
    hts = (text.index("Hayat"), text.index("al-Sham") + len("al-Sham"), "ACTOR")
    saa = (text.index("Syrian Arab Army"), text.index("units") + len("units"), "ACTOR")
    month = (text.index("Tuesday"), len(text), "DATE")
    assert spans_crossing_lines(text, [hts, saa, month]) == [
        (*saa, text.index("Syrian Arab Army") + len("Syrian Arab Army")),
        (*month, text.index("Tuesday.") + len("Tuesday.")),
    ]


@given(st.text(alphabet="ab .\n\r", max_size=60))
def test_hard_breaks_are_line_ends_and_blank_lines_always_are(text):
    breaks = hard_breaks(text)
    assert breaks == sorted(set(breaks))
    assert all(text[k] in "\r\n" for k in breaks)
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\r" not in text:
        for k, ch in enumerate(lines):
            # a newline right after a blank (or no) line, or right before one, is hard
            if ch == "\n" and (not lines[:k].rsplit("\n", 1)[-1].strip()
                               or not lines[k + 1:].split("\n", 1)[0].strip()):
                assert k in breaks


# --- decoding applies the rule ---------------------------------------------------------------

TAGS = ["O", "B-ACTOR", "I-ACTOR", "B-LOCATION", "I-LOCATION"]


def _spans(text, unit_tags):
    units = pieces(text)
    found = chunks(repair_iob2(unit_tags, unit_breaks(text, units)))
    return [text[s:e] for s, e, _, _, _ in chunks_to_spans(found, units, {s for s, _ in words(text)}, text=text)]


def test_repair_keeps_a_wrapped_name_whole_and_cuts_at_a_heading():
    text = WRAPPED
    units = pieces(text)
    tags = ["O"] * len(units)
    starts = [s for s, _ in units]
    for name in ("Hayat Tahrir\nal-Sham", "Syrian Arab Army\nunits"):
        a, b = text.index(name), text.index(name) + len(name)
        idx = [i for i, s in enumerate(starts) if a <= s < b]
        tags[idx[0]] = "B-ACTOR"
        for i in idx[1:]:
            tags[i] = "I-ACTOR"
    assert _spans(text, tags) == ["Hayat Tahrir\nal-Sham", "Syrian Arab Army", "units"]


def _decode(text, rows, decoding):
    units = pieces(text)
    scores = np.log(np.asarray(rows, dtype=np.float32))
    enc = DocumentEncoding(units, [], [])
    spans, final = decode_document(Document("d", text), enc, [(scores, list(range(len(units))))], TAGS, decoding)
    return [(text[s.start:s.end], s.label) for s in spans], final


@pytest.mark.parametrize("decoding", ["viterbi", "greedy"])
def test_decode_document_never_runs_a_span_out_of_a_dateline_line(decoding):
    text = "BEIRUT\nGovernment forces shelled Iraqâ€™s border"
    #         BEIRUT  Government  forces  shelled  Iraq  â€™s  border
    rows = [[.1, .1, .1, .6, .1], [.1, .1, .1, .1, .6], [.1, .6, .1, .1, .1], [.6, .1, .1, .1, .1],
            [.1, .1, .1, .6, .1], [.1, .1, .1, .1, .6], [.6, .1, .1, .1, .1]]
    rows[2] = [.1, .1, .6, .1, .1]  # forces: I-ACTOR
    spans, final = _decode(text, rows, decoding)
    # "Government" wanted I-LOCATION after BEIRUT: it cannot continue across the break
    assert spans[0] == ("BEIRUT", "LOCATION")
    assert ("Iraq", "LOCATION") in spans  # the mojibake possessive piece stays outside
    assert all("\n" not in s for s, _ in spans)
    assert final[1] != "I-LOCATION"


def test_viterbi_with_breaks_matches_exhaustive_search():
    import itertools

    rng = np.random.default_rng(1)
    for _ in range(120):
        n = int(rng.integers(1, 5))
        breaks = [i for i in range(1, n) if rng.random() < 0.5]
        lp = np.log(rng.dirichlet(np.full(len(TAGS), 0.3), size=n))

        def valid(seq):
            tags = [TAGS[i] for i in seq]
            return all(not t.startswith("I-") or (i not in breaks and p != "O" and p[2:] == t[2:])
                       for i, (p, t) in enumerate(zip(["O"] + tags, tags)))
        best = max((seq for seq in itertools.product(range(len(TAGS)), repeat=n) if valid(seq)),
                   key=lambda seq: lp[range(n), seq].sum())
        assert viterbi(lp, TAGS, breaks) == list(best)
