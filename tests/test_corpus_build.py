import shutil

import pytest

from conflict_ner.training.corpus.build import assign_splits, build_corpus, compile_corpus, stale_files
from conflict_ner.training.corpus.check import check_corpus
from conflict_ner.training.corpus.markup import parse_markup

from .conftest import FIXTURES, REPO


def _doc(i, theatre, gold=False):
    text = f"### t-{i:03d}\npublished: 2024-01-01\ntheatre: {theatre}\nstyle: wire\n\n[Rebels](ACTOR) fired.\n"
    if gold:
        text += ('@events\n- sentence: "Rebels fired."\n  date: {value: 2024-01-01, precision: unknown, text: null}\n'
                 '  actors: [{text: Rebels, role: initiator}]\n  modality: asserted\n')
    return text


def test_assign_splits_stratified_and_stable():
    docs = parse_markup("".join(_doc(i, "A" if i % 2 else "B", gold=i % 5 == 0) for i in range(200)))
    first = assign_splits(docs, {})
    counts = {s: list(first.values()).count(s) for s in ("train", "dev", "test")}
    assert 130 <= counts["train"] <= 150 and 25 <= counts["dev"] <= 35 and 25 <= counts["test"] <= 35
    for theatre in "AB":
        ids = [d.document.id for d in docs if d.document.meta["theatre"] == theatre]
        assert sum(first[i] == "test" for i in ids) >= 12
    # adding documents never moves existing ones
    more = parse_markup("".join(_doc(i, "A") for i in range(200, 260)))
    second = assign_splits(docs + more, first)
    assert all(second[k] == v for k, v in first.items()) and len(second) == 260


def test_build_then_check_and_staleness(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "markup").mkdir(parents=True)
    shutil.copy(FIXTURES / "sample.md", corpus / "markup" / "sample.md")
    summary = build_corpus(corpus)
    assert summary["documents"] == 4 and (corpus / "splits.tsv").is_file()
    assert stale_files(corpus) == []
    ok, lines = check_corpus(corpus)
    assert ok, lines
    assert any(line.startswith("  ACTOR") for line in lines)
    assert "not met" in lines[-2]  # a 4-document corpus misses the corpus targets (reported, not failed)
    with open(corpus / "markup" / "sample.md", "a") as f:
        f.write("\n" + _doc(999, "Syria"))
    ok, lines = check_corpus(corpus)
    assert not ok and any("do not match the markup" in line for line in lines)
    build_corpus(corpus)
    assert check_corpus(corpus)[0]


def test_check_reports_label_conflicts_and_honours_exceptions(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "markup").mkdir(parents=True)
    (corpus / "markup" / "a.md").write_text(
        "### c-001\npublished: 2024-01-01\ntheatre: X\nstyle: wire\n\n[Kyiv](ACTOR) said [Kyiv](LOCATION) was hit.\n")
    build_corpus(corpus)
    ok, lines = check_corpus(corpus)
    assert not ok and any("'kyiv': ACTOR x1" in line and "a.md:6" in line for line in lines)
    (corpus / "label_exceptions.tsv").write_text("Kyiv\tACTOR LOCATION\n")
    assert check_corpus(corpus)[0]
    (corpus / "label_exceptions.tsv").write_text("Kyiv\tPLACE\n")
    ok, lines = check_corpus(corpus)
    assert not ok and "label_exceptions.tsv:1" in lines[-1]


def test_check_fails_with_file_and_line_on_markup_errors(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "markup").mkdir(parents=True)
    (corpus / "markup" / "bad.md").write_text(_doc(1, "X").replace("[Rebels](ACTOR)", "[Rebel](ACTOR)s"))
    ok, lines = check_corpus(corpus)
    assert not ok and "bad.md:6: document t-001: span [0, 5) 'Rebel' ends inside a word" in lines[0]


def test_repository_corpus_compiled_files_are_current():
    corpus = REPO / "training" / "corpus"
    if not (corpus / "markup").is_dir():
        pytest.skip("no corpus")
    assert stale_files(corpus, compile_corpus(corpus)) == []


def test_bad_rows_of_splits_and_label_exceptions_name_file_and_line(tmp_path):
    import pytest

    from conflict_ner.training.corpus.build import read_splits
    from conflict_ner.training.corpus.check import read_exceptions
    from conflict_ner.errors import DataError

    splits = tmp_path / "splits.tsv"
    splits.write_text("# doc\tsplit\nsyria-001\ttrain\n\nsyria-002\tvalidation\n")
    with pytest.raises(DataError, match=r"splits.tsv.*4|line 4"):
        read_splits(splits)
    splits.write_text("syria-001\ttrain\nsyria-002\ttest\n")
    assert read_splits(splits) == {"syria-001": "train", "syria-002": "test"}
    assert read_splits(tmp_path / "missing.tsv") == {}

    exceptions = tmp_path / "label_exceptions.tsv"
    exceptions.write_text("Baghdad\tACTOR LOCATION\nKyiv\tACTOR PLACE\n")
    with pytest.raises(DataError, match=r"label_exceptions.tsv.*2|line 2"):
        read_exceptions(exceptions)
    exceptions.write_text("# surfaces\nBaghdad\tACTOR LOCATION\n")
    assert read_exceptions(exceptions) == {"baghdad": {"ACTOR", "LOCATION"}}
