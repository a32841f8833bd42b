import pytest

from conflict_ner.training.config import PACKAGED_MODEL, Config, apply_overrides, dump_config, load_config
from conflict_ner.errors import ConfigError

from .conftest import REPO


def test_shipped_configs_validate():
    for name in ("default", "fast", "conflict-re3d", "re3d-benchmark", "smoke"):
        cfg = load_config(REPO / "configs" / f"{name}.yaml")
        assert isinstance(cfg, Config)
    assert load_config(REPO / "configs/default.yaml").model.base_model == PACKAGED_MODEL


def test_yaml_scientific_notation_string_is_coerced(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("training:\n  learning_rate: 1e-5\n")
    assert load_config(path).training.learning_rate == 1e-5


def test_unknown_key_rejected_with_file_and_key(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("training:\n  epoch: 3\n")
    with pytest.raises(ConfigError, match=r"c.yaml: training.epoch: Extra inputs are not permitted"):
        load_config(path)


def test_dotted_overrides(tmp_path):
    cfg = load_config(REPO / "configs/smoke.yaml", ["training.epochs=3", "model.decoding=greedy",
                                                   "data.labels=[ACTOR, DATE]"])
    assert cfg.training.epochs == 3 and cfg.model.decoding == "greedy" and cfg.data.labels == ["ACTOR", "DATE"]
    with pytest.raises(ConfigError, match="not of the form"):
        apply_overrides({}, ["training.epochs"])
    with pytest.raises(ConfigError, match="training.batch_size: Input should be greater than or equal to 1"):
        load_config(None, ["training.batch_size=0"])


def test_invalid_values_and_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.yaml")
    with pytest.raises(ConfigError, match="stride"):
        load_config(None, ["model.max_length=32", "model.stride=20"])
    bad = tmp_path / "b.yaml"
    bad.write_text("- a list\n")
    with pytest.raises(ConfigError, match="must be a mapping"):
        load_config(bad)


def test_dump_roundtrip(tmp_path):
    cfg = load_config(REPO / "configs/default.yaml")
    path = tmp_path / "r.yaml"
    path.write_text(dump_config(cfg))
    assert load_config(path) == cfg


def test_the_fast_config_is_a_distilled_four_layer_student_of_the_default():
    fast, default = load_config(REPO / "configs/fast.yaml"), load_config(REPO / "configs/default.yaml")
    assert (fast.model.num_layers, fast.model.base_model) == (4, default.training.output_dir)
    assert fast.training.distill.teachers[0] == default.training.output_dir
    assert len(fast.training.distill.teachers) == 3 and fast.training.output_dir != default.training.output_dir
    assert fast.data == default.data and fast.events == default.events
