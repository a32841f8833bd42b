from conflict_ner.tagging.alignment import (cut_units, first_subword_units, plan_windows, sentence_starts,
                                    unit_tags)
from conflict_ner.text.document import Document
from conflict_ner.tagging.encoding import encode_documents
from conflict_ner.labels import LABELS, bio_tags

TAG2ID = {t: i for i, t in enumerate(bio_tags(LABELS))}
ID2TAG = {i: t for t, i in TAG2ID.items()}


def test_first_subword_and_punctuation_ignored():
    units = [(0, 6), (7, 13)]
    offsets = [(0, 3), (3, 6), (6, 7), (7, 13), (13, 14), (0, 0)]
    assert first_subword_units(offsets, units) == [0, -1, -1, 1, -1, -1]


def test_unit_tags_reports_spans_off_unit_boundaries():
    units = [(0, 6), (7, 13), (14, 18)]
    tags, unmatched = unit_tags(units, [(0, 13, "ACTOR"), (15, 18, "LOCATION")])
    assert tags == ["B-ACTOR", "I-ACTOR", "O"]
    assert unmatched == [(15, 18, "LOCATION")]


def test_plan_windows_prefers_sentence_starts_and_never_cuts_subwords():
    cuttable = [True] * 20
    cuttable[9] = False  # token 9 continues the word of token 8
    windows = plan_windows(20, 10, 2, cuttable=cuttable, sentence_tokens=[6, 14])
    assert windows[0] == (0, 6)
    assert all(cuttable[s] or s == 0 for s, _ in windows)
    assert windows[-1][1] == 20
    for (a, b), (c, d) in zip(windows, windows[1:]):
        assert c < b and b - a <= 10  # overlap and size


def test_protected_entity_at_window_edge_is_seen_whole_in_next_window():
    windows = plan_windows(30, 10, 3, cuttable=[True] * 30, protected=[(8, 12)])
    assert windows[0] == (0, 8)
    assert any(s <= 8 and 12 <= e for s, e in windows)


def test_cut_units_masks_partial_entities():
    tags = ["O", "B-ACTOR", "I-ACTOR", "I-ACTOR", "O"]
    first = [0, 1, 2, 3, 4]
    assert cut_units(first, tags, 0, 3) == {1, 2}
    assert cut_units(first, tags, 2, 5) == {2, 3}
    assert cut_units(first, tags, 0, 5) == set()


def test_sentence_starts():
    text = 'He said "Go." Then U.S. troops left.\nHeadline\n\nNext para.'
    starts = sentence_starts(text)
    assert text[starts[0]:].startswith("Then") and any(text[s:].startswith("Next") for s in starts)


def test_encode_long_document_every_entity_whole_in_a_window(tokenizer):
    sentence = "Hay'at Tahrir al-Sham fighters fired 12 rockets at Kafr Nabl on Monday. "
    text = sentence * 12
    spans = []
    for k in range(12):
        base = k * len(sentence)
        spans += [(base, base + 30, "ACTOR"), (base + 37, base + 39, "COUNT"), (base + 40, base + 47, "WEAPON"),
                  (base + 51, base + 60, "LOCATION"), (base + 64, base + 70, "DATE")]
    doc = Document("long", text, spans)
    assert [text[s:e] for s, e, _ in spans[:5]] == ["Hay'at Tahrir al-Sham fighters", "12", "rockets",
                                                     "Kafr Nabl", "Monday"]
    windows, encodings, report = encode_documents([doc], tokenizer, TAG2ID, max_length=40, stride=10)
    assert report.windows == len(windows) > 3 and report.unmatched_spans == {}
    assert all(len(w.input_ids) <= 40 for w in windows)
    assert windows[0].input_ids[0] == tokenizer.cls_token_id and windows[0].input_ids[-1] == tokenizer.sep_token_id
    units = encodings[0].units
    seen_whole = set()
    for w in windows:
        labelled = [(u, ID2TAG[lab]) for u, lab in zip(w.unit_index, w.labels) if u >= 0 and lab != -100]
        for u, tag in labelled:
            if tag.startswith("B-"):
                seen_whole.add(units[u][0])
        # no window teaches a partial entity: an I- label always follows its B- in the window
        for (u1, t1), (u2, t2) in zip(labelled, labelled[1:]):
            if t2.startswith("I-"):
                assert t1 != "O" and t1[2:] == t2[2:]
        assert not (labelled and labelled[0][1].startswith("I-"))
    assert {s for s, _, _ in spans} <= seen_whole


def test_subword_labels_and_unicode(tokenizer):
    text = "Đakovo’s warplanes hit Ḥamā."
    doc = Document("u", text, [(0, 6, "LOCATION"), (9, 18, "WEAPON"), (23, 27, "LOCATION")])
    windows, encodings, report = encode_documents([doc], tokenizer, TAG2ID, 64, 8)
    assert report.unmatched_spans == {}
    (w,) = windows
    tags = [ID2TAG[lab] for lab in w.labels if lab != -100]
    assert tags == ["B-LOCATION", "O", "B-WEAPON", "O", "B-LOCATION"]  # Đakovo ’s warplanes hit Ḥamā


def test_unmatched_span_is_reported_not_dropped_silently(tokenizer):
    doc = Document("x", "Rebels fired.", [(0, 4, "ACTOR")])
    _, _, report = encode_documents([doc], tokenizer, TAG2ID, 64, 8)
    assert report.unmatched_spans == {"x": [(0, 4, "ACTOR")]}


def test_all_subword_labels_continue_the_word_tag_and_keep_cut_entities_masked():
    from conflict_ner.tagging.alignment import all_subword_labels

    tags = ["B-WEAPON", "I-WEAPON", "O"]  # "warplanes jets hit" with warplanes in two subwords
    first, within = [0, -1, 1, 2, -1], [0, 0, 1, 2, -1]
    labels = all_subword_labels(first, within, tags, TAG2ID, 0, 5, set())
    assert [ID2TAG.get(x, x) for x in labels] == ["B-WEAPON", "I-WEAPON", "I-WEAPON", "O", -100]
    assert all_subword_labels(first, within, tags, TAG2ID, 0, 5, {0, 1})[:3] == [-100, -100, -100]


def test_encoding_all_subwords_labels_more_tokens_with_the_same_first_subword_tags(tokenizer):
    doc = Document("u", "Kalashnikovs were seized in Đakovo.", [(0, 12, "WEAPON"), (28, 34, "LOCATION")])
    (first_only,), _, _ = encode_documents([doc], tokenizer, TAG2ID, 64, 8)
    (every,), _, _ = encode_documents([doc], tokenizer, TAG2ID, 64, 8, all_subwords=True)
    assert first_only.input_ids == every.input_ids
    for a, b in zip(first_only.labels, every.labels):
        assert a == -100 or a == b  # first subwords keep their tag
    extra = [ID2TAG[b] for a, b in zip(first_only.labels, every.labels) if a == -100 and b != -100]
    assert extra and set(extra) <= {"I-WEAPON", "I-LOCATION", "O"}
    assert "I-WEAPON" in extra  # Kalashnikovs is several subwords


def test_shape_ids_only_when_asked_and_identical_windows_otherwise(tokenizer):
    doc = Document("d", "ISIS fighters shelled Mosul with T-72 tanks.", [(0, 4, "ACTOR")])
    with_shapes, _, _ = encode_documents([doc], tokenizer, TAG2ID, 64, 8)
    without, _, _ = encode_documents([doc], tokenizer, TAG2ID, 64, 8, shapes=False)
    assert without[0].shape_ids is None
    assert len(with_shapes[0].shape_ids) == len(with_shapes[0].input_ids)
    assert (without[0].input_ids, without[0].labels) == (with_shapes[0].input_ids, with_shapes[0].labels)
