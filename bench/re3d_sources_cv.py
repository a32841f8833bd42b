"""re3d sources scored by models that never saw them: leave-sources-out cross-validation.

    .venv/bin/python bench/re3d_sources_cv.py --model runs/re3dfold-A --model runs/re3dfold-B \
        [--baseline runs/default] [--out cv.json]

A model trained with some re3d sources in ``data.extra_train`` cannot be scored on those
sources. Each ``--model`` is scored only on the re3d source folders its
``training_config.yaml`` did not train on; every source must be held out by exactly one
model, so the pooled figure covers all of re3d once, each document scored by a model that
never saw its source (no document, and no other document of the same source, leaks). The
pooled strict and partial micro F1 are comparable with the ``re3d sources`` row of
``bench/transfer.py`` (the same importer, the same scoring); ``--baseline`` scores a model
trained without re3d on the same documents, source by source, beside it.

Writing the fold configs: ``configs/default.yaml`` plus, under ``data.extra_train``, one
entry per source folder of the fold (see ``bench/README.md``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import yaml

from conflict_ner.errors import DataError
from conflict_ner.tagging.tagger import EntityTagger
from conflict_ner.training.data import read_documents
from conflict_ner.training.evaluate import score_entities
from conflict_ner.training.readers.re3d import source_folders

RE3D = Path("../shared/data/re3d")


def trained_sources(model_dir: str | Path, root: Path = RE3D) -> set[str]:
    """Names of the re3d source folders under ``root`` that a model's training config used."""
    path = Path(model_dir) / "training_config.yaml"
    if not path.is_file():
        raise DataError("no training_config.yaml: not a model trained by conflict-ner", path=str(model_dir))
    config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    names = set()
    for entry in (config.get("data") or {}).get("extra_train") or []:
        names |= {folder.resolve() for folder in source_folders(entry["path"])}
    return {folder.name for folder in source_folders(root) if folder.resolve() in names}


def held_out_assignment(models: list[str], all_sources: list[str], trained: dict[str, set[str]]) -> dict[str, str]:
    """source -> the one model that did not train on it; an error unless each source has exactly one.

    >>> held_out_assignment(["a", "b"], ["S1", "S2"], {"a": {"S2"}, "b": {"S1"}})
    {'S1': 'a', 'S2': 'b'}
    """
    out = {}
    for source in all_sources:
        holders = [m for m in models if source not in trained[m]]
        if len(holders) != 1:
            raise DataError(f"re3d source {source!r} is held out by {len(holders)} models ({holders}); "
                            "each must be held out by exactly one")
        out[source] = holders[0]
    return out


def _row(docs, predicted) -> dict:
    m = score_entities(docs, predicted)
    return {"docs": len(docs), "strict": m["micro"]["f1"], "partial": m["partial"]["f1"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", required=True, help="a fold model; repeat")
    parser.add_argument("--baseline", help="a model trained without re3d, scored on the same documents")
    parser.add_argument("--re3d", default=str(RE3D))
    parser.add_argument("--out")
    args = parser.parse_args()
    root = Path(args.re3d)
    folders = {f.name: f for f in source_folders(root)}
    trained = {m: trained_sources(m, root) for m in args.model}
    assignment = held_out_assignment(args.model, sorted(folders), trained)
    pooled = {"cv": ([], []), "baseline": ([], [])}
    rows: dict[str, dict] = {}
    taggers = {m: EntityTagger.from_pretrained(m) for m in args.model}
    baseline = EntityTagger.from_pretrained(args.baseline) if args.baseline else None
    for source, model in assignment.items():
        tagger = taggers[model]
        docs = read_documents(folders[source], tagger.labels, "re3d")
        pred = tagger.predict_documents(docs)
        rows[source] = {"model": model, "cv": _row(docs, pred)}
        pooled["cv"][0].extend(docs)
        pooled["cv"][1].extend(pred)
        if baseline is not None:
            base = baseline.predict_documents(docs)
            rows[source]["baseline"] = _row(docs, base)
            pooled["baseline"][0].extend(docs)
            pooled["baseline"][1].extend(base)
    rows["all sources (pooled)"] = {"cv": _row(*pooled["cv"])}
    if baseline is not None:
        rows["all sources (pooled)"]["baseline"] = _row(*pooled["baseline"])
    print("| re3d source | docs | scored by | strict F1 | partial F1 |"
          + (" baseline strict | baseline partial |" if baseline else ""))
    print("|---|---:|---|---:|---:|" + ("---:|---:|" if baseline else ""))
    for source, row in rows.items():
        cv = row["cv"]
        line = f"| {source} | {cv['docs']} | {row.get('model', 'its fold model')} | {cv['strict']:.3f} | {cv['partial']:.3f} |"
        if baseline is not None:
            line += f" {row['baseline']['strict']:.3f} | {row['baseline']['partial']:.3f} |"
        print(line)
    if args.out:
        Path(args.out).write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
