import itertools

import numpy as np

from conflict_ner.tagging.decoding import chunks, chunks_to_spans, merge_windows, repair_iob2, viterbi
from conflict_ner.text.words import pieces, words

TAGS = ["O", "B-ACTOR", "I-ACTOR", "B-LOCATION", "I-LOCATION"]


def spans_for(text, unit_tags):
    units = pieces(text)
    starts = {s for s, _ in words(text)}
    return [(text[s:e], lab) for s, e, lab, _, _ in chunks_to_spans(chunks(repair_iob2(unit_tags)), units, starts)]


def test_repair_iob2_and_chunks():
    tags = ["O", "I-ACTOR", "I-LOCATION", "B-ACTOR", "I-ACTOR", "I-ACTOR"]
    assert repair_iob2(tags) == ["O", "B-ACTOR", "B-LOCATION", "B-ACTOR", "I-ACTOR", "I-ACTOR"]
    assert chunks(repair_iob2(tags)) == [(1, 1, "ACTOR"), (2, 2, "LOCATION"), (3, 5, "ACTOR")]


def test_words_stay_whole():
    text = "Hay'at Tahrir al-Sham warplanes hit the de-escalation zone."
    # pieces: Hay'at Tahrir al-Sham warplanes hit the de-escalation zone
    tags = ["B-ACTOR", "I-ACTOR", "I-ACTOR", "O", "O", "O", "B-LOCATION", "I-LOCATION"]
    assert spans_for(text, tags) == [("Hay'at Tahrir al-Sham", "ACTOR"), ("de-escalation zone", "LOCATION")]


def test_possessive_and_suffix_splits():
    text = "Russia's army hit HTS-held Idlib."
    # pieces: Russia 's army hit HTS -held Idlib
    tags = ["B-ACTOR", "I-ACTOR", "O", "O", "B-ACTOR", "O", "B-LOCATION"]
    assert spans_for(text, tags) == [("Russia", "ACTOR"), ("HTS", "ACTOR"), ("Idlib", "LOCATION")]


def test_entity_never_starts_on_a_suffix_piece():
    text = "HTS-held Idlib"
    tags = ["O", "B-LOCATION", "I-LOCATION"]  # model starts the entity on "-held"
    assert spans_for(text, tags) == [("Idlib", "LOCATION")]
    assert spans_for("Russia's", ["O", "B-ACTOR"]) == []


def test_viterbi_forbids_i_after_o_and_across_labels():
    lp = np.log(np.array([
        [0.6, 0.1, 0.1, 0.1, 0.1],   # O
        [0.1, 0.1, 0.5, 0.2, 0.1],   # greedy would say I-ACTOR after O
        [0.1, 0.1, 0.1, 0.1, 0.6],   # greedy I-LOCATION after I-ACTOR
    ]))
    best = [TAGS[i] for i in viterbi(lp, TAGS)]
    assert best[0] == "O" or best[0].startswith("B-")
    for prev, cur in zip(best, best[1:]):
        if cur.startswith("I-"):
            assert prev != "O" and prev[2:] == cur[2:]
    assert viterbi(np.zeros((0, 5)), TAGS) == []


def _best_valid_path(lp, tags):
    """Exhaustive search over every valid IOB2 sequence (tiny inputs only)."""
    def valid(seq):
        return all(not t.startswith("I-") or (p != "O" and p[2:] == t[2:])
                   for p, t in zip(["O"] + seq, seq))
    best = max((seq for seq in itertools.product(range(len(tags)), repeat=len(lp))
                if valid([tags[i] for i in seq])), key=lambda seq: lp[range(len(lp)), seq].sum())
    return list(best)


def test_viterbi_matches_exhaustive_search_whether_or_not_greedy_is_valid():
    rng = np.random.default_rng(0)
    greedy_valid = greedy_invalid = 0
    for _ in range(150):
        n = int(rng.integers(1, 6))
        lp = np.log(rng.dirichlet(np.full(len(TAGS), 0.3), size=n))
        greedy = [TAGS[i] for i in lp.argmax(axis=1)]
        if repair_iob2(greedy) == greedy:
            greedy_valid += 1
        else:
            greedy_invalid += 1
        assert viterbi(lp, TAGS) == _best_valid_path(lp, TAGS)
    assert greedy_valid > 20 and greedy_invalid > 20  # both the shortcut and the search ran


def test_merge_windows_takes_most_central_window():
    a = np.zeros((4, 2)); a[:, 0] = 1.0
    b = np.zeros((4, 2)); b[:, 1] = 1.0
    # window a covers units 0..3 at positions 0..3; b covers units 2..5
    merged = merge_windows(6, 2, [(a, [0, 1, 2, 3]), (b, [2, 3, 4, 5])])
    assert merged[1, 0] == 1.0 and merged[4, 1] == 1.0
    assert merged[2, 0] == 1.0  # unit 2: margin 1 in a (pos 2 of 0..3) vs 0 in b
    assert merged[3, 1] == 1.0  # unit 3: margin 0 in a vs 1 in b


def test_trailing_possessive_found_by_text_suffix_piece_kept():
    text = "Iraq\u00e2\u20ac\u2122s HTS-held"
    units = pieces(text)  # Iraq | â€™s | HTS | -held
    starts = {s for s, _ in words(text)}
    found = [(0, 1, "LOCATION"), (2, 3, "ACTOR")]
    got = [text[s:e] for s, e, _, _, _ in chunks_to_spans(found, units, starts, text=text)]
    assert got == ["Iraq", "HTS-held"]  # a suffix split is allowed, not required
    # without the text only a two-character glued piece reads as a possessive
    assert [text[s:e] for s, e, _, _, _ in chunks_to_spans(found, units, starts)] == ["Iraq\u00e2\u20ac\u2122s",
                                                                                     "HTS-held"]


def test_breaks_turn_a_continuation_into_a_start():
    assert repair_iob2(["B-ACTOR", "I-ACTOR", "I-ACTOR", "O", "I-ACTOR"], breaks={2}) == [
        "B-ACTOR", "I-ACTOR", "B-ACTOR", "O", "B-ACTOR"]
    lp = np.log(np.array([[0.1, 0.8, 0.04, 0.03, 0.03], [0.1, 0.05, 0.8, 0.03, 0.02]]))
    assert [TAGS[i] for i in viterbi(lp, TAGS)] == ["B-ACTOR", "I-ACTOR"]
    assert [TAGS[i] for i in viterbi(lp, TAGS, breaks=[1])] == ["B-ACTOR", "O"]
