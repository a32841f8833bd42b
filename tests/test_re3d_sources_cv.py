"""The leave-sources-out scoring of bench/re3d_sources_cv.py: which model scores which source."""

import importlib.util
from pathlib import Path

import pytest

from conflict_ner.errors import DataError

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("re3d_sources_cv", REPO / "bench/re3d_sources_cv.py")
cv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cv)


def _re3d_root(tmp_path: Path, names: list[str]) -> Path:
    root = tmp_path / "re3d"
    for name in names:
        (root / name).mkdir(parents=True)
        (root / name / "documents.json").write_text("")
    return root


def _model(tmp_path: Path, name: str, sources: list[Path]) -> Path:
    out = tmp_path / name
    out.mkdir()
    entries = "".join(f"    - path: \"{s}\"\n" for s in sources)
    out.joinpath("training_config.yaml").write_text(f"data:\n  train: t.jsonl\n  extra_train:\n{entries}")
    return out


def test_each_source_is_scored_by_the_model_that_never_trained_on_it(tmp_path):
    root = _re3d_root(tmp_path, ["CENTCOM", "UK Government", "Wikipedia"])
    a = _model(tmp_path, "fold-a", [root / "CENTCOM"])
    b = _model(tmp_path, "fold-b", [root / "UK Government", root / "Wikipedia"])
    trained = {str(a): cv.trained_sources(a, root), str(b): cv.trained_sources(b, root)}
    assert trained[str(a)] == {"CENTCOM"}
    assert cv.held_out_assignment([str(a), str(b)], ["CENTCOM", "UK Government", "Wikipedia"], trained) == {
        "CENTCOM": str(b), "UK Government": str(a), "Wikipedia": str(a)}


def test_a_model_trained_on_the_whole_root_holds_out_nothing(tmp_path):
    root = _re3d_root(tmp_path, ["CENTCOM", "Wikipedia"])
    assert cv.trained_sources(_model(tmp_path, "all", [root]), root) == {"CENTCOM", "Wikipedia"}


def test_a_source_held_out_by_two_models_or_none_is_an_error(tmp_path):
    with pytest.raises(DataError, match="'S1' is held out by 2 models"):
        cv.held_out_assignment(["a", "b"], ["S1", "S2"], {"a": {"S2"}, "b": {"S2"}})
    with pytest.raises(DataError, match="'S1' is held out by 0 models"):
        cv.held_out_assignment(["a", "b"], ["S1", "S2"], {"a": {"S1"}, "b": {"S1", "S2"}})


def test_a_folder_without_a_training_config_is_named(tmp_path):
    with pytest.raises(DataError, match="training_config.yaml"):
        cv.trained_sources(tmp_path, tmp_path)
