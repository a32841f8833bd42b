import json
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


def test_test_split_is_frozen_and_new_test_draws_go_to_test_new():
    docs = parse_markup("".join(_doc(i, "A" if i % 2 else "B", gold=i % 5 == 0) for i in range(200)))
    first = assign_splits(docs, {})
    assert "test_new" not in first.values()  # a fresh corpus fills test itself
    more = parse_markup("".join(_doc(i, "A" if i % 2 else "B", gold=i % 5 == 0) for i in range(200, 400)))
    second = assign_splits(docs + more, first)
    new = {k: v for k, v in second.items() if k not in first}
    assert all(second[k] == v for k, v in first.items())
    assert "test" not in new.values() and 20 <= list(new.values()).count("test_new") <= 40
    assert 120 <= list(new.values()).count("train") <= 160
    # deterministic: same input, same answer
    assert assign_splits(docs + more, first) == second


def test_heldout_theatres_take_all_their_documents(tmp_path):
    docs = parse_markup("".join(_doc(i, ["A", "Mozambique", "Haiti"][i % 3]) for i in range(90)))
    splits = assign_splits(docs, {"t-000": "train"}, frozenset({"Mozambique", "Haiti"}))
    for md in docs:
        theatre = md.document.meta["theatre"]
        assert (splits[md.document.id] == "heldout") == (theatre != "A")
    # an assigned document of a held-out theatre is an error, never moved silently
    from conflict_ner.errors import DataError

    with pytest.raises(DataError, match="t-001.*held out.*'train'"):
        assign_splits(docs, {"t-001": "train"}, frozenset({"Mozambique"}))


def test_build_writes_heldout_and_test_new_files_and_event_splits(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "markup").mkdir(parents=True)
    (corpus / "markup" / "a.md").write_text("".join(_doc(i, "A", gold=True) for i in range(40)))
    build_corpus(corpus)
    old = (corpus / "splits.tsv").read_text()
    assert "\ttest\n" in old
    (corpus / "heldout_theatres.txt").write_text("# held out\nHaiti\n")
    (corpus / "markup" / "b.md").write_text("".join(_doc(i, "Haiti", gold=True) for i in range(40, 45))
                                           + "".join(_doc(i, "A", gold=True) for i in range(45, 85)))
    summary = build_corpus(corpus)
    assert summary["splits"]["heldout"] == 5 and summary["splits"]["test_new"] >= 3
    new = (corpus / "splits.tsv").read_text()
    assert all(line in new for line in old.splitlines()[1:])  # existing assignments never change
    heldout = [json.loads(line)["id"] for line in (corpus / "compiled" / "heldout.jsonl").read_text().splitlines()]
    assert heldout == [f"t-{i:03d}" for i in range(40, 45)]
    events = {e["doc_id"]: e["split"] for e in map(json.loads, (corpus / "compiled" / "events.jsonl").open())}
    assert events["t-040"] == "heldout" and "test_new" in events.values()
    assert (corpus / "compiled" / "test_new.jsonl").read_text().count("\n") == summary["splits"]["test_new"]
    assert check_corpus(corpus)[0]
