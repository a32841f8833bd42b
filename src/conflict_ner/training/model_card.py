"""Render the model card (``README.md`` of a run) from the packaged Jinja template.

The template is ``resources/model_card.md.j2`` (linked from ``model_cards/``); the card
carries Hugging Face metadata with a model-index of the run's metrics, the licence its
training data allows (:mod:`conflict_ner.training.licences`) and how to load the model
(a shape-feature model needs conflict-ner to register its class).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import jinja2

from conflict_ner.labels import LABELS
from conflict_ner.training.config import PACKAGED_MODEL, Config
from conflict_ner.training.licences import (
    OWN_CORPUS, RE3D_CONLL, RE3D_SOURCES, DataSource, model_licence, re3d_folder_source, unknown_source,
)

DEFINITIONS = {
    "ACTOR": "who acts or is acted upon: forces and units, armed groups, governments, agencies, "
             "international bodies, named persons, and group nouns for participants or victims.",
    "LOCATION": "a named place: countries, regions, towns, villages, terrain, named roads, bases, "
                "bridges and zones.",
    "WEAPON": "an instrument of violence: weapons, munitions, systems and the platforms that carry them; "
              "not act nouns such as airstrikes or shelling.",
    "COUNT": "a number of people or things as written, with hedges and ranges, without the counted noun.",
    "DATE": "when something happened: dates, weekdays, months, event years, relative days.",
}


def training_sources(config: Config, report: dict) -> list[DataSource]:
    """Where the training data came from, each with its licence (from the config and the
    data report: re3d sources are listed as read)."""
    data = config.data
    sources: list[DataSource] = []
    if data.format == "jsonl":
        sources.append(OWN_CORPUS if "training/corpus" in Path(data.train).as_posix()
                       else unknown_source(data.train, "JSONL"))
    elif data.format == "conll":
        sources += RE3D_CONLL if "re3d-conll" in Path(data.train).as_posix() else [unknown_source(data.train, "CoNLL")]
    else:
        sources += _re3d_sources(data.train, report)
    for extra in data.extra_train:
        sources += _re3d_sources(extra.path, report)
    return sources


def _re3d_sources(path: str, report: dict) -> list[DataSource]:
    # reports written before they listed their source folders: re3d's six public sources
    folders = report.get(f"re3d:{path}", {}).get("sources") or list(RE3D_SOURCES)
    return [re3d_folder_source(path, folder) for folder in folders]


def _comparison(config: Config, metrics: dict) -> str | None:
    """Our test micro F1 beside the config's published reference results, best first."""
    refs = config.evaluation.reference_results
    if not refs or "test" not in metrics:
        return None
    rows = [(f, name) for name, f in refs.items()] + [(metrics["test"]["micro"]["f1"], "**this model**")]
    lines = ["### Compared with published results on the same test split", "",
             "| system | test micro F1 |", "|---|---:|"]
    lines += [f"| {name} | {f:.3f} |" for f, name in sorted(rows, reverse=True)]
    return "\n".join(lines)


def render_model_card(config: Config, metrics: dict, report: dict, name: str = "conflict-ner-model",
                      comparison: str | None = None) -> str:
    """The card text for a run."""
    template = resources.files("conflict_ner").joinpath("resources/model_card.md.j2").read_text()
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, trim_blocks=False, autoescape=False)
    splits = [s for s in ("train", "dev", "test") if report.get("documents", {}).get(s)]
    spans = report.get("spans", {})
    dropped = []
    for key, rep in report.items():
        if key.startswith("re3d:"):
            dropped += [f"{key}: dropped {n} ({why})" for why, n in rep["dropped"].items()]
            dropped += [f"{key}: trimmed {n} ({why})" for why, n in rep["trimmed"].items()]
    m, t = config.model, config.training
    conll = config.data.format == "conll"
    return env.from_string(template).render(
        name=name,
        base_model=m.base_model,
        base_model_id="sentence-transformers/all-MiniLM-L6-v2" if m.base_model == PACKAGED_MODEL else m.base_model,
        random_init=m.random_init,
        labels=config.data.labels,
        definitions=[(lab, DEFINITIONS.get(lab, "a re3d entity type (see the re3d documentation).")) for lab in config.data.labels],
        data_format=config.data.format,
        max_length=m.max_length, stride=m.stride, decoding=m.decoding,
        epochs=t.epochs, max_steps=t.max_steps, steps=metrics.get("steps"), best_step=metrics.get("best_step"),
        batch_size=t.batch_size, learning_rate=t.learning_rate,
        head_learning_rate=t.head_learning_rate or t.learning_rate,
        warmup_ratio=t.warmup_ratio, weight_decay=t.weight_decay, seed=t.seed,
        splits=splits, spans=spans, documents=report.get("documents", {}), dropped=dropped,
        eval_rows=[(s, metrics[s]) for s in ("dev", "test") if s in metrics],
        dataset_type="re3d-conll" if conll else "conflict-ner-corpus",
        dataset_name="re3d (standard CoNLL split)" if conll else "conflict-ner corpus",
        unit_note="the data's given tokens" if conll else "guideline word pieces",
        comparison=comparison or _comparison(config, metrics),
        licence=model_licence(training_sources(config, report)),
        shape_features=m.shape_features,
        event_labels=list(config.data.labels) == list(LABELS),
        max_batch_tokens=m.max_batch_tokens,
        num_layers=m.num_layers,
        teachers=list(t.distill.teachers) if t.distill else [],
        distill_weight=t.distill.weight if t.distill else None,
        distill_temperature=t.distill.temperature if t.distill else None,
    )


def write_model_card(out: Path, config: Config, metrics: dict, report: dict, **kwargs) -> Path:
    """Write ``README.md`` (the card) into a run's output directory."""
    path = Path(out) / "README.md"
    path.write_text(render_model_card(config, metrics, report, name=Path(out).name, **kwargs), encoding="utf-8")
    return path
