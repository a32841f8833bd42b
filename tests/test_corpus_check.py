"""`conflict-ner data check`, round-3 rules: each problem fails the check on a small corpus."""

import json

import pytest

from conflict_ner.errors import DataError
from conflict_ner.text.document import Document
from conflict_ner.training.corpus.build import build_corpus
from conflict_ner.training.corpus.check import check_corpus
from conflict_ner.training.corpus.consistency import read_allow, unlabelled_mentions
from conflict_ner.training.corpus.conventions import (agency_credits, dateline_credits, furniture_lines,
                                                      place_nouns_outside)
from conflict_ner.training.corpus.overlap import shared_runs
from conflict_ner.training.corpus.shape import corpus_shape, has_mojibake

from .conftest import SHARED


def _doc(doc_id, body, extra=""):
    return f"### {doc_id}\npublished: 2024-01-01\ntheatre: Syria\nstyle: wire\n{extra}\n{body}\n\n"


CLEAN = (_doc("c-001", "[BEIRUT](LOCATION), [May 8](DATE) (Levant Ledger) - [Rebels](ACTOR) shelled "
                       "[Homs province](LOCATION), [SANA](ACTOR) said.")
         + _doc("c-002", "The [attackers](ACTOR) fled to [Idlib](LOCATION) and [Hama provinces](LOCATION)."))


def _corpus(tmp_path, markup, allow=None):
    corpus = tmp_path / "corpus"
    (corpus / "markup").mkdir(parents=True)
    (corpus / "markup" / "a.md").write_text(markup)
    if allow is not None:
        (corpus / "consistency_allow.tsv").write_text(allow)
    build_corpus(corpus)
    return corpus


def _check(corpus, re3d=None):
    return check_corpus(corpus, re3d=re3d or corpus / "no-re3d")


def test_clean_corpus_passes_and_reports_shape(tmp_path):
    ok, lines = _check(_corpus(tmp_path, CLEAN))
    assert ok, lines
    text = "\n".join(lines)
    assert "re3d overlap: skipped" in text and "corpus shape" in text and "Syria documents                2" in text


def test_string_labelled_elsewhere_and_left_unlabelled_fails_with_file_and_line(tmp_path):
    corpus = _corpus(tmp_path, CLEAN + _doc("c-003", "Later the attackers\nreturned, and SANA said so."))
    ok, lines = _check(corpus)
    assert not ok
    text = "\n".join(lines)
    assert "2 string(s) labelled elsewhere are left unlabelled" in text
    assert "a.md:20: document c-003: 'attackers' is not labelled here (ACTOR elsewhere)" in text
    assert "a.md:21: document c-003: 'SANA'" in text
    # the allow-list takes a whole surface or a context around it
    corpus = _corpus(tmp_path / "b", CLEAN + _doc("c-003", "Later the attackers\nreturned, and SANA said so."),
                     allow="# why\nattackers\tthe attackers\tstory-telling\nSANA\t*\ta test\n")
    assert _check(corpus)[0]
    corpus = _corpus(tmp_path / "c", CLEAN + _doc("c-003", "Later the attackers\nreturned, and SANA said so."),
                     allow="attackers\ttheir attackers\tnot this context\nSANA\t*\ta test\n")
    ok, lines = _check(corpus)
    assert not ok and "1 string(s) labelled elsewhere" in "\n".join(lines)


def test_consistency_ignores_furniture_datelines_units_and_pronoun_owners():
    labelled = Document("a", "Rebels fired two rockets at Idlib.", [(0, 6, "ACTOR"), (13, 16, "COUNT"),
                                                                      (28, 33, "LOCATION")])
    page = Document("b", "Rebels hit Idlib hard.\nRelated: Rebels in Idlib", [(0, 6, "ACTOR"), (11, 16, "LOCATION")],
                    meta={"furniture": True})
    other = Document("c", "IDLIB, May 8 (Rebels) - Fighting went on for two days; their rebels held two posts.", [])
    found = [(m.doc_id, m.surface) for m in unlabelled_mentions([labelled, page, other], {})]
    assert found == [("c", "two")]  # "two posts"; not "two days", nor the credit, nor the furniture line
    assert unlabelled_mentions([labelled, page, other], {"two": ["two posts"]}) == []
    # a count of days stays out even where the number also carries another label somewhere
    dated = Document("d", "It ended on the two.", [(16, 19, "DATE")])
    assert [m.surface for m in unlabelled_mentions([labelled, dated, other], {"two": ["two posts"]})] == []


def test_allow_list_rows_are_checked(tmp_path):
    path = tmp_path / "consistency_allow.tsv"
    path.write_text("army\tarmy base\tmodifier\nforces\tthe militia\twrong context\n")
    with pytest.raises(DataError, match="consistency_allow.tsv:2"):
        read_allow(path)
    path.write_text("army\t*\n")
    with pytest.raises(DataError, match="consistency_allow.tsv:1"):
        read_allow(path)


def test_old_place_noun_convention_fails(tmp_path):
    corpus = _corpus(tmp_path, CLEAN + _doc("c-003", "[Rebels](ACTOR) shelled [Daraa](LOCATION) province and the "
                                                      "[Idlib](LOCATION) de-escalation zone."))
    ok, lines = _check(corpus)
    text = "\n".join(lines)
    assert not ok and "2 LOCATION span(s) stop before their generic place noun" in text
    assert "document c-003: [Daraa] province: the place noun joins" in text
    assert "[Idlib] de-escalation zone" in text


WRAPPED = ("[Fighters](ACTOR) of the jihadist alliance known as [Hayat Tahrir\n"
           "al-Sham](ACTOR) advanced on the town of [Saraqib](LOCATION) on [Monday](DATE) night.")


def test_span_crossing_a_hard_line_break_fails(tmp_path):
    # a heading is not running text: the name after it cannot continue the heading's span
    heading = "Clashes near [Idlib\ncountryside](LOCATION) as [rebels](ACTOR) advance on the town."
    corpus = _corpus(tmp_path, CLEAN + _doc("c-003", heading))
    ok, lines = _check(corpus)
    text = "\n".join(lines)
    assert not ok and "1 gold span(s) cross a hard line break" in text
    assert "a.md:20: document c-003: 'Idlib\\ncountryside' (LOCATION) crosses the hard line break after " \
           "markup line 20" in text
    # a hard-wrapped paragraph of running text does not stop a span
    ok, lines = _check(_corpus(tmp_path / "b", CLEAN + _doc("c-003", WRAPPED)))
    assert ok, lines


@pytest.mark.parametrize("text,nouns", [
    ("[Homs] province and [Hama] provinces", ["province", "provinces"]),
    ("[Borno] State and [Syria] state media", ["State"]),
    ("the outskirts of [Idlib] and [Hmeimim] air base", ["air base"]),
    ("[Homs province] and the town of [Kafr Nabl]", []),
])
def test_place_nouns_outside(text, nouns):
    # "[name]" marks a LOCATION span
    spans, out, pos = [], [], 0
    while "[" in text[pos:]:
        a, b = text.index("[", pos), text.index("]", pos)
        out.append(text[pos:a])
        start = len("".join(out))
        spans.append((start, start + b - a - 1, "LOCATION"))
        out.append(text[a + 1:b])
        pos = b + 1
    plain = "".join(out) + text[pos:]
    doc = Document("d", plain, spans)
    assert [plain[s:e] for _, s, e in place_nouns_outside(doc)] == nouns


def test_real_agency_credited_as_author_fails(tmp_path):
    corpus = _corpus(tmp_path, CLEAN + _doc("c-003", "[DAMASCUS](LOCATION), [May 8](DATE) (Reuters) - [Rebels](ACTOR) "
                                                      "advanced.\n\nPhoto: Smoke over the city / AFP"))
    ok, lines = _check(corpus)
    text = "\n".join(lines)
    assert not ok and "2 document(s) credit a real news agency as author" in text
    assert "document c-003: 'Reuters' credited as author" in text and "'AFP' credited" in text


def test_agency_credit_detection():
    doc = Document("d", "KYIV, May 8 (AP) \u2014 Shelling went on, AFP reported, citing Reuters.\n"
                        "Photo: A crater in Kyiv / Dnipro Dispatch\nReporting by AP staff", [])
    assert [doc.text[s:e] for s, e in agency_credits(doc)] == ["AP", "AP"]
    assert [doc.text[s:e] for s, e in dateline_credits(doc)] == ["AP"]
    assert [doc.text[s:e] for s, e in dateline_credits(Document("x", "The United Nations (UN) - a body", []))] == []


def test_furniture_lines():
    doc = Document("d", "By Staff Reporter\nRebels fired.\nShare this article", [(18, 24, "ACTOR")])
    assert [doc.text[s:e] for s, e in furniture_lines(doc)] == ["By Staff Reporter"]
    doc.meta["source"] = "web"
    assert [doc.text[s:e] for s, e in furniture_lines(doc)] == ["By Staff Reporter", "Share this article"]


def test_text_shared_with_re3d_fails(tmp_path):
    re3d = tmp_path / "re3d"
    (re3d / "Source").mkdir(parents=True)
    (re3d / "Source" / "documents.json").write_text(json.dumps(
        {"_id": "x1", "text": "Coalition forces conducted five strikes near Raqqa on Monday, officials said."}) + "\n")
    corpus = _corpus(tmp_path, CLEAN + _doc("c-003", "[Coalition forces](ACTOR) conducted [five](COUNT) strikes near "
                                                      "[Raqqa](LOCATION) late on [Monday](DATE)."))
    assert _check(corpus, re3d)[0]  # seven words in a row are allowed
    corpus = _corpus(tmp_path / "b", CLEAN + _doc("c-003", "[Coalition forces](ACTOR) conducted [five](COUNT) "
                                                            "strikes near [Raqqa](LOCATION) on [Monday](DATE)."))
    ok, lines = _check(corpus, re3d)
    text = "\n".join(lines)
    assert not ok and "1 document(s) share a run of 8 words with re3d" in text
    assert "document c-003: 'coalition forces conducted five strikes near raqqa on' (re3d Source/x1)" in text


def test_a_name_and_one_word_is_not_copied_text():
    re3d = [("r", "Strikes hit the Islamic State of Iraq and the Levant on Monday near Raqqa.")]
    doc = Document("d", "Officials blamed the Islamic State of Iraq and the Levant.", [(21, 57, "ACTOR")])
    assert doc.text[21:57] == "Islamic State of Iraq and the Levant"
    assert not shared_runs([doc], re3d)  # the name and "the"
    doc = Document("d", "Officials blamed the Islamic State of Iraq and the Levant on Monday.", [(21, 57, "ACTOR")])
    assert [r.words for r in shared_runs([doc], re3d)] == ["state of iraq and the levant on monday"]


def test_shared_runs_normalise_case_and_apostrophes():
    doc = Document("d", "Hay\u2019at Tahrir al-Sham fighters stormed the town of Kafr Nabl.", [])
    assert shared_runs([doc], [("r", "HAY'AT TAHRIR AL-SHAM FIGHTERS STORMED THE TOWN")])
    assert not shared_runs([doc], [("r", "Hayat Tahrir al-Sham fighters stormed the town")])


def test_corpus_shape_counts():
    docs = [
        Document("a", "One. " * 30, meta={"theatre": "Syria", "source": "web"}),
        Document("b", "Iraq\u00e2\u20ac\u2122s army said: \u201cWe hold it.\u201d", meta={"theatre": "Iraq"}),
        Document("c", "Hay\u2019at Tahrir al-Sham's fighters.", meta={"theatre": "Syria"}),
    ]
    shape = corpus_shape(docs)
    assert (shape.documents, shape.web_pages, shape.syria_documents, shape.mojibake_documents) == (3, 1, 2, 1)
    assert shape.long_document_share == pytest.approx(1 / 3)
    assert shape.curly_quote_share == pytest.approx(3 / 4)  # “ ” ’ against one straight apostrophe
    assert has_mojibake("Iraq\u00e2\u20ac\u2122s") and not has_mojibake("Iraq\u2019s \u201cquote\u201d")


def test_repository_corpus_passes_the_round_3_rules():
    from conflict_ner.training.corpus.build import compile_corpus
    from conflict_ner.training.corpus.check import convention_problems
    from .conftest import REPO

    corpus = REPO / "training" / "corpus"
    if not (corpus / "markup").is_dir():
        pytest.skip("no corpus")
    problems = convention_problems(compile_corpus(corpus), read_allow(corpus / "consistency_allow.tsv"))
    assert problems == {"consistency": [], "place nouns": [], "agency credits": [], "line breaks": []}
    if not any((SHARED / "data" / "re3d").glob("*/documents.json")):
        pytest.skip("re3d not present")
    ok, lines = check_corpus(corpus)
    assert not any("re3d" in line and "error" in line for line in lines), lines
