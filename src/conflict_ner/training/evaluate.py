"""Scoring a trained model on labeled data in any supported format.

>>> # evaluate_path("runs/default", "training/corpus/compiled/test.jsonl")["test"]["micro"]["f1"]
"""

from __future__ import annotations

import json
from pathlib import Path

from conflict_ner.training.config import Config, ModelConfig, load_config
from conflict_ner.training.data import read_documents
from conflict_ner.errors import ConfigError
from conflict_ner.labels import labels_from_tags


def run_settings(model_dir: str | Path) -> ModelConfig:
    """The model section a run was trained with (windowing, decoding), or defaults."""
    path = Path(model_dir) / "training_config.yaml"
    if path.is_file():
        return load_config(path).model
    return ModelConfig()


def evaluate_path(model_dir: str | list[str], data: str, *, fmt: str | None = None, batch_size: int = 32,
                  output: str | None = None, quantize: str | None = None,
                  decoding: str | None = None) -> dict[str, dict]:
    """Metrics of the model in ``model_dir`` on ``data`` (a YAML config means its dev and test);
    ``quantize="int8"`` scores the int8 inference path instead of fp32; ``decoding`` replaces
    the run's own (``greedy`` or ``viterbi``). Several model directories score their ensemble
    (mean log-probabilities; windowing of the first)."""
    from transformers import AutoModelForTokenClassification

    from conflict_ner.tagging.loading import load_tokenizer
    from conflict_ner.tagging.predict import model_tags
    from conflict_ner.tagging.quantization import apply_quantization
    from conflict_ner.training.trainer import evaluate_model

    dirs = [model_dir] if isinstance(model_dir, str) else list(model_dir)
    for d in dirs:
        if not Path(d).is_dir():
            raise ConfigError(f"{d}: no such model directory")
    models = [apply_quantization(AutoModelForTokenClassification.from_pretrained(d), quantize) for d in dirs]
    try:
        tags = model_tags(models)
    except ValueError as err:
        raise ConfigError(f"{', '.join(dirs)}: {err}") from None
    model = models[0] if len(models) == 1 else models
    tokenizer = load_tokenizer(dirs[0])
    labels = labels_from_tags(tags)
    config = Config(model=run_settings(dirs[0]))
    if decoding:
        config.model.decoding = decoding
    config.evaluation.batch_size = batch_size
    sets: dict[str, list] = {}
    if data.endswith((".yaml", ".yml")):
        cfg = load_config(data)
        for split in ("dev", "test"):
            path = getattr(cfg.data, split)
            if path:
                sets[split] = read_documents(path, labels, cfg.data.format)
    else:
        sets[Path(data).stem or data] = read_documents(data, labels, fmt)
    metrics = {name: evaluate_model(model, tokenizer, docs, config) for name, docs in sets.items()}
    if output:
        Path(output).write_text(json.dumps(metrics, indent=2), encoding="utf-8")
    return metrics
