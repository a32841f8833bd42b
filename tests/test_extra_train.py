"""Extra training sources (re3d folders) named by a config."""

from pathlib import Path

import pytest

from conflict_ner.errors import DataError
from conflict_ner.training.config import DataConfig
from conflict_ner.training.data import load_data

REPO = Path(__file__).resolve().parents[1]
RE3D = REPO.parent / "shared/data/re3d"


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "train.jsonl"
    path.write_text('{"id": "a", "text": "Rebels shelled Hama on Monday.", "spans": [[0, 6, "ACTOR"], [15, 19, "LOCATION"]]}\n')
    return path


def test_a_missing_extra_train_folder_says_how_to_train_without_it(tmp_path):
    cfg = DataConfig(train=str(_jsonl(tmp_path)), dev=None, test=None,
                     extra_train=[{"path": str(tmp_path / "no-such-re3d")}])
    with pytest.raises(DataError, match=r"no-such-re3d: .*--set data.extra_train=\[\]"):
        load_data(cfg)


@pytest.mark.skipif(not RE3D.is_dir(), reason="needs ../shared/data/re3d")
def test_one_re3d_source_folder_adds_only_its_documents(tmp_path):
    cfg = DataConfig(train=str(_jsonl(tmp_path)), dev=None, test=None,
                     extra_train=[{"path": str(RE3D / "Wikipedia")}])
    data = load_data(cfg)
    wikipedia = sum(1 for _ in open(RE3D / "Wikipedia/documents.json", encoding="utf-8"))
    assert len(data.train) == 1 + wikipedia


@pytest.mark.skipif(not RE3D.is_dir(), reason="needs ../shared/data/re3d")
def test_repeat_oversamples_a_source_and_leaves_the_corpus_once(tmp_path):
    once = load_data(DataConfig(train=str(_jsonl(tmp_path)), dev=None, test=None,
                                extra_train=[{"path": str(RE3D / "Wikipedia")}]))
    thrice = load_data(DataConfig(train=str(_jsonl(tmp_path)), dev=None, test=None,
                                  extra_train=[{"path": str(RE3D / "Wikipedia"), "repeat": 3}]))
    assert len(thrice.train) - 1 == 3 * (len(once.train) - 1)
    assert sum(doc.id == "a" for doc in thrice.train) == 1


def test_repeat_must_be_at_least_one():
    with pytest.raises(ValueError):
        DataConfig(extra_train=[{"path": "x", "repeat": 0}])
