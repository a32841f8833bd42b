"""A BERT token classifier that also sees word shape (case, digits).

The packaged encoder is uncased; a learned shape embedding added to the token
embeddings gives it back the capitalisation cue. The classes register with
transformers' Auto classes on ``import conflict_ner``, so a saved model loads with
``AutoModelForTokenClassification.from_pretrained``. Without ``shape_ids`` (plain
transformers use) the model runs as a stock BERT classifier with no shape signal.

>>> config = ShapeBertConfig(hidden_size=8, num_hidden_layers=1, num_attention_heads=2,
...                          intermediate_size=16, num_labels=3)
>>> model = ShapeBertForTokenClassification(config)
>>> import torch
>>> model(input_ids=torch.tensor([[101, 2000, 102]]), shape_ids=torch.tensor([[0, 2, 0]])).logits.shape
torch.Size([1, 3, 3])
"""

from __future__ import annotations

import torch
from torch import nn
from transformers import AutoConfig, AutoModelForTokenClassification, BertConfig, BertForTokenClassification

from conflict_ner.text.shapes import NUM_SHAPES

MODEL_TYPE = "conflict-ner-shape-bert"


class ShapeBertConfig(BertConfig):
    model_type = MODEL_TYPE

    def __init__(self, num_shapes: int = NUM_SHAPES, **kwargs):
        super().__init__(**kwargs)
        self.num_shapes = num_shapes


class ShapeBertForTokenClassification(BertForTokenClassification):
    config_class = ShapeBertConfig

    def __init__(self, config: ShapeBertConfig):
        super().__init__(config)
        self.shape_embeddings = nn.Embedding(config.num_shapes, config.hidden_size)
        self.post_init()

    def forward(self, input_ids: torch.Tensor | None = None, attention_mask: torch.Tensor | None = None,
                shape_ids: torch.Tensor | None = None, labels: torch.Tensor | None = None, **kwargs):
        if shape_ids is not None and input_ids is not None:
            embeds = self.bert.embeddings.word_embeddings(input_ids) + self.shape_embeddings(shape_ids)
            return super().forward(inputs_embeds=embeds, attention_mask=attention_mask, labels=labels, **kwargs)
        return super().forward(input_ids=input_ids, attention_mask=attention_mask, labels=labels, **kwargs)


def register() -> None:
    """Make the Auto classes know the shape-aware model (idempotent)."""
    try:
        AutoConfig.register(MODEL_TYPE, ShapeBertConfig)
        AutoModelForTokenClassification.register(ShapeBertConfig, ShapeBertForTokenClassification)
    except ValueError:  # already registered
        pass
