import subprocess
import sys

import torch

from conflict_ner.training.config import load_config
from conflict_ner.text.shapes import token_shapes, word_shape
from conflict_ner.training.trainer import train
from conflict_ner.text.words import pieces

from .conftest import REPO


def test_word_shapes():
    assert [word_shape(w) for w in ["rebels", "Hama", "HTS", "T-72", "McCain", "--", "I"]] == [1, 2, 3, 4, 5, 6, 2]


def test_token_shapes_follow_their_word(tokenizer):
    text = "Hayat Tahrir al-Sham fired."
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    units = pieces(text)
    from conflict_ner.tagging.alignment import first_subword_units

    first = first_subword_units(enc["offset_mapping"], units)
    shapes = token_shapes(text, enc["offset_mapping"], units, first)
    toks = tokenizer.convert_ids_to_tokens(enc["input_ids"])
    assert dict(zip(toks, shapes))["tahr"] if "tahr" in toks else True
    assert shapes[0] == 2 and shapes[-1] == 6  # "hayat" Title, "." punctuation
    assert len(set(shapes[toks.index("al"):toks.index("fired")])) == 1  # al - sham share the word's shape


def test_shape_model_trains_saves_and_loads_with_auto_classes(smoke_overrides):
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    import conflict_ner
    from conflict_ner.tagging.shape_bert import ShapeBertForTokenClassification

    cfg = load_config(REPO / "configs/smoke.yaml", smoke_overrides + ["model.shape_features=true"])
    out = train(cfg, progress=False).output_dir
    # a fresh process: loading through the project registers the class by itself; plain
    # transformers needs the one call the model card gives
    code = ("import sys; from conflict_ner import EntityTagger; t = EntityTagger.from_pretrained(sys.argv[1]); "
            "print(type(t.model).__name__)")
    found = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "ShapeBertForTokenClassification"
    conflict_ner.register_models()
    model = AutoModelForTokenClassification.from_pretrained(out)
    assert isinstance(model, ShapeBertForTokenClassification)
    tok = AutoTokenizer.from_pretrained(out)
    enc = tok("Rebels fired at Hama.", return_tensors="pt")
    plain = model(**enc).logits  # plain transformers use: no shape ids
    shaped = model(**enc, shape_ids=torch.full_like(enc["input_ids"], 2)).logits
    assert plain.shape == shaped.shape and not torch.allclose(plain, shaped)
