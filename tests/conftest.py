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


def tagger_with_linear_heads(model_dir: Path, out: Path, heads=("triggers", "roles", "modality"), seed: int = 1,
                             spread: float | None = None):
    """The tiny tagger with random linear event heads, saved to ``out`` as joint training saves it.

    ``spread`` redraws the heads' weights from N(0, spread) so that their outputs differ
    clearly (a freshly initialised head is near-uniform). Returns the tagger.
    """
    import torch

    from conflict_ner.tagging.event_heads import EventHeads, EventHeadSettings
    from conflict_ner.tagging.tagger import EntityTagger

    torch.manual_seed(seed)
    tagger = EntityTagger.from_pretrained(model_dir, quantize="fp32")
    event_heads = EventHeads(EventHeadSettings(heads=tuple(heads), hidden_size=tagger.model.config.hidden_size))
    if spread is not None:
        with torch.no_grad():
            for param in event_heads.parameters():
                param.normal_(0, spread)
    tagger = EntityTagger(tagger.model, tagger.tokenizer, tagger.settings, event_heads=event_heads.eval())
    tagger.save_pretrained(out)
    return tagger


def heads_config(smoke_overrides: list[str], *extra: str):
    """The smoke training config on the fixture corpus and its event gold, plus ``extra`` overrides."""
    from conflict_ner.training.config import load_config

    return load_config(None, smoke_overrides + ["model.random_init=true", "training.batch_size=2",
                                                f"events.gold={FIXTURES / 'sample_events.jsonl'}", *extra])


def spans_of(text: str, *mentions: str) -> list[tuple[int, int]]:
    """Spans of each mention in ``text``, searched left to right."""
    out, at = [], 0
    for m in mentions:
        start = text.index(m, at)
        out.append((start, start + len(m)))
        at = start + len(m)
    return out
