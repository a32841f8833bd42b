"""Shared fixtures: a tiny randomly initialised BERT built from tests/fixtures/tiny-bert."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _fp32_by_default(monkeypatch):
    """``quantize="auto"`` (the default) reads the CPU: tests (and the commands they start as
    subprocesses) take fp32, so their results do not depend on the machine they run on."""
    monkeypatch.setenv("CONFLICT_NER_PRECISION", "fp32")


@pytest.fixture(scope="session")
def tokenizer():
    from conflict_ner.tagging.loading import load_tokenizer

    return load_tokenizer("packaged:all-MiniLM-L6-v2")


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory, tokenizer) -> Path:
    """A saved tiny BERT token classifier (random weights, packaged vocabulary)."""
    import torch

    from conflict_ner.training.config import ModelConfig
    from conflict_ner.labels import LABELS
    from conflict_ner.training.modeling import build_model

    torch.manual_seed(0)
    model = build_model(ModelConfig(base_model=str(FIXTURES / "tiny-bert"), random_init=True), list(LABELS))
    out = tmp_path_factory.mktemp("tiny-model")
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


@pytest.fixture
def smoke_overrides(tmp_path) -> list[str]:
    return [f"training.output_dir={tmp_path / 'run'}",
            f"data.train={FIXTURES / 'sample.jsonl'}", f"data.dev={FIXTURES / 'sample.jsonl'}",
            f"data.test={FIXTURES / 'sample.jsonl'}", f"model.base_model={FIXTURES / 'tiny-bert'}"]
