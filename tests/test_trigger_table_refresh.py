"""`data build` keeps the rules' trigger table in step with the train gold of this checkout only."""
from pathlib import Path

from conflict_ner.events.type_lexicon import RESOURCE
from conflict_ner.training.corpus import trigger_table

REPO = Path(__file__).resolve().parents[1]


def test_another_corpus_never_touches_the_packaged_table(tmp_path):
    (tmp_path / "compiled").mkdir()
    (tmp_path / "compiled" / "events.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "splits.tsv").write_text("", encoding="utf-8")
    assert trigger_table.refresh_packaged(tmp_path) is None


def test_the_checkout_corpus_rewrites_the_table_it_compiles_to():
    corpus = REPO / "training" / "corpus"
    written = trigger_table.refresh_packaged(corpus)
    assert written == REPO / "src" / "conflict_ner" / "resources" / RESOURCE
    expected = trigger_table.dumps(trigger_table.build(corpus / "compiled" / "events.jsonl", corpus / "splits.tsv"))
    assert written.read_text(encoding="utf-8") == expected


def test_the_type_model_counts_are_refreshed_beside_the_table():
    from conflict_ner.training.corpus import type_counts

    corpus = REPO / "training" / "corpus"
    counts = REPO / "src" / "conflict_ner" / "resources" / type_counts.RESOURCE
    trigger_table.refresh_packaged(corpus)
    built = type_counts.build(corpus / "compiled" / "events.jsonl", corpus / "splits.tsv")
    assert counts.read_text(encoding="utf-8") == type_counts.dumps(built)
