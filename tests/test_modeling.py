"""Building token classifiers: labels, a smaller encoder from the first layers."""

from __future__ import annotations

import pytest
import torch

from conflict_ner.training.config import ModelConfig
from conflict_ner.errors import ConfigError
from conflict_ner.training.modeling import build_model


def test_build_model_sets_label_maps(tiny_model_dir):
    model = build_model(ModelConfig(base_model=str(tiny_model_dir)), ["ACTOR", "DATE"])
    assert model.config.id2label == {0: "O", 1: "B-ACTOR", 2: "I-ACTOR", 3: "B-DATE", 4: "I-DATE"}
    assert model.config.label2id["I-DATE"] == 4


@pytest.mark.parametrize("shape_features", [False, True])
def test_num_layers_keeps_the_first_layers_weights(tiny_model_dir, shape_features):
    full = build_model(ModelConfig(base_model=str(tiny_model_dir)), ["ACTOR"])
    small = build_model(ModelConfig(base_model=str(tiny_model_dir), num_layers=1,
                                    shape_features=shape_features), ["ACTOR"])
    assert small.config.num_hidden_layers == 1 and len(small.bert.encoder.layer) == 1
    for (name, a), (_, b) in zip(full.bert.encoder.layer[0].state_dict().items(),
                                 small.bert.encoder.layer[0].state_dict().items()):
        assert torch.equal(a, b), name


def test_num_layers_above_the_base_models_is_an_error(tiny_model_dir):
    with pytest.raises(ConfigError, match="num_layers=5.*2 layers"):
        build_model(ModelConfig(base_model=str(tiny_model_dir), num_layers=5), ["ACTOR"])
