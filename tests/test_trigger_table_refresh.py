"""`data build` keeps the rules' trigger table in step with the train gold of this checkout only."""
from pathlib import Path

from conflict_ner.events import type_lexicon

REPO = Path(__file__).resolve().parents[1]


def test_another_corpus_never_touches_the_packaged_table(tmp_path):
    (tmp_path / "compiled").mkdir()
    (tmp_path / "compiled" / "events.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "splits.tsv").write_text("", encoding="utf-8")
    assert type_lexicon.refresh_packaged(tmp_path) is None


def test_the_checkout_corpus_rewrites_the_table_it_compiles_to():
    corpus = REPO / "training" / "corpus"
    written = type_lexicon.refresh_packaged(corpus)
    assert written == REPO / "src" / "conflict_ner" / "resources" / type_lexicon.RESOURCE
    expected = type_lexicon.dumps(type_lexicon.build(corpus / "compiled" / "events.jsonl", corpus / "splits.tsv"))
    assert written.read_text(encoding="utf-8") == expected
