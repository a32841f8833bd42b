"""`conflict-ner data check` on event gold markup v2: counts of records without trigger/type,
the multi-act share, and the opt-in failure for incomplete evaluation-split gold."""

import pytest

from conflict_ner.training.corpus.build import build_corpus
from conflict_ner.training.corpus.check import check_corpus
from conflict_ner.training.corpus.event_gold import REQUIRE_ENV, require_triggers

SENT = "Rebels shelled Homs as troops ambushed a convoy."
BODY = "[Rebels](ACTOR) shelled [Homs](LOCATION) as [troops](ACTOR) ambushed a convoy."


def _record(trigger=None, sub=None):
    lines = [f'- sentence: "{SENT}"']
    if trigger:
        lines.append(f"  trigger: {trigger}")
    if sub:
        lines.append(f"  sub_event_type: {sub}")
    lines += ["  date: {value: null, precision: unknown, text: null}", "  modality: asserted"]
    return "\n".join(lines) + "\n"


def _doc(doc_id, events):
    return (f"### {doc_id}\npublished: 2024-01-01\ntheatre: Syria\nstyle: wire\n\n{BODY}\n\n@events\n"
            + "".join(events) + "\n")


def _corpus(tmp_path, markup, splits):
    corpus = tmp_path / "corpus"
    (corpus / "markup").mkdir(parents=True)
    (corpus / "markup" / "a.md").write_text(markup)
    (corpus / "splits.tsv").write_text("".join(f"{d}\t{s}\n" for d, s in splits.items()))
    build_corpus(corpus)
    return corpus


def _check(corpus, require=None):
    return check_corpus(corpus, re3d=corpus / "no-re3d", require_complete_gold=require)


@pytest.fixture
def corpus(tmp_path):
    markup = (_doc("t-001", [_record("shelled", "Shelling/artillery/missile attack"),
                             _record("ambushed", "Armed clash")])
              + _doc("t-002", [_record()]))
    return _corpus(tmp_path, markup, {"t-001": "train", "t-002": "test"})


def test_check_reports_untriggered_records_and_the_multi_act_share(corpus):
    ok, lines = _check(corpus, require=False)
    assert ok, lines
    text = "\n".join(lines)
    assert "without trigger                1 (33.3%): test 1" in text
    assert "without sub_event_type         1 (33.3%)" in text
    assert "event sentences                2" in text
    assert "with more than one act         1 (50.0%; target >= 15%)" in text
    assert f"1 test/test_new/heldout record(s) lack a trigger or sub_event_type (an error once {REQUIRE_ENV}=1)" \
        in text


def test_incomplete_test_gold_fails_only_when_required(corpus, monkeypatch):
    ok, lines = _check(corpus, require=True)
    assert not ok
    text = "\n".join(lines)
    assert "error: 1 gold record(s) of test/test_new/heldout documents lack a trigger or sub_event_type" in text
    # the line of its own record: t-001 takes lines 1-19 (two records of 4 lines), t-002 opens on 20
    assert "a.md:28: document t-002: event #1 has no trigger and no sub_event_type" in text
    monkeypatch.setenv(REQUIRE_ENV, "1")
    assert require_triggers() and not _check(corpus)[0]
    monkeypatch.setenv(REQUIRE_ENV, "0")
    assert not require_triggers() and _check(corpus)[0]


def test_incomplete_train_gold_never_fails(tmp_path):
    corpus = _corpus(tmp_path, _doc("t-002", [_record()]), {"t-002": "train"})
    ok, lines = _check(corpus, require=True)
    assert ok, lines
