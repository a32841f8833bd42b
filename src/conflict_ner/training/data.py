"""Loading the train/dev/test documents a config names, with a report of what was skipped.

>>> detect_format("../shared/data/re3d-conll/test.txt")
'conll'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from conflict_ner.training.config import DataConfig, Re3dSource
from conflict_ner.text.document import Document
from conflict_ner.errors import DataError
from conflict_ner.training.readers import Re3dOptions, Re3dReport, read_conll, read_jsonl, read_re3d


@dataclass
class DataBundle:
    """The documents of each split and what the readers dropped or changed."""

    train: list[Document]
    dev: list[Document]
    test: list[Document]
    report: dict = field(default_factory=dict)


def detect_format(path: str | Path) -> str:
    """``jsonl``, ``conll`` (``.txt``/``.conll``) or ``re3d`` (a folder of source folders)."""
    path = Path(path)
    if path.is_dir():
        if (path / "documents.json").is_file() or any((p / "documents.json").is_file() for p in path.iterdir()):
            return "re3d"
        return "jsonl"
    if path.suffix in (".txt", ".conll", ".tsv"):
        return "conll"
    return "jsonl"


def read_documents(path: str | Path, labels: list[str], fmt: str | None = None,
                   re3d: Re3dSource | None = None, report: dict | None = None) -> list[Document]:
    """Read one data set in any supported format (detected from the path if not given); a
    set without documents is an error naming it."""
    fmt = fmt or detect_format(path)
    docs = _read(path, labels, fmt, re3d, report)
    if not docs:
        raise DataError("no documents (an empty file; to go without a split, set it to null)", path=str(path))
    return docs


def _read(path: str | Path, labels: list[str], fmt: str, re3d: Re3dSource | None, report: dict | None
          ) -> list[Document]:
    if fmt == "jsonl":
        return read_jsonl(path, labels)
    if fmt == "conll":
        return read_conll(path, labels)
    if fmt == "re3d":
        source = re3d or Re3dSource(path=str(path))
        rep = Re3dReport()
        docs = read_re3d(path, Re3dOptions(source.type_map, source.min_confidence, source.quantity_filter), rep)
        if report is not None:
            report[f"re3d:{path}"] = rep.to_dict()
        for line in rep.lines():
            print(line)
        return docs
    raise DataError(f"unknown data format {fmt!r}", path=str(path))


def load_data(cfg: DataConfig) -> DataBundle:
    """Read the splits a config names; extra training sources are appended to train."""
    report: dict = {}
    train = read_documents(cfg.train, cfg.labels, cfg.format, report=report)
    for source in cfg.extra_train:
        if not Path(source.path).exists():
            # the default config reads re3d from beside the checkout; a user without it should
            # learn how to train without it rather than meet a bare missing-path error
            raise DataError("data.extra_train names a re3d folder that does not exist (re3d is read, never "
                            "copied: see ../shared/data/README.md); train without it with "
                            "--set data.extra_train=[]", path=str(source.path))
        extra = read_documents(source.path, cfg.labels, "re3d", source, report)
        train = train + extra * source.repeat
    dev = read_documents(cfg.dev, cfg.labels, cfg.format, report=report) if cfg.dev else []
    test = read_documents(cfg.test, cfg.labels, cfg.format, report=report) if cfg.test else []
    report["documents"] = {"train": len(train), "dev": len(dev), "test": len(test)}
    report["spans"] = {name: _label_counts(docs, cfg.labels) for name, docs in
                       (("train", train), ("dev", dev), ("test", test))}
    return DataBundle(train, dev, test, report)


def _label_counts(docs: list[Document], labels: list[str]) -> dict[str, int]:
    counts = dict.fromkeys(labels, 0)
    for doc in docs:
        for _, _, label in doc.spans:
            counts[label] += 1
    return counts
