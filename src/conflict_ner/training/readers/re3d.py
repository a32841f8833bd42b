"""re3d's original JSON folders, mapped onto the project's labels and boundaries.

Each source folder holds ``documents.json`` and ``entities.json`` (JSON lines). The
reader maps types through a configurable table, drops low-confidence annotations,
keeps the longer span on overlap, and normalises boundaries to our guidelines.
Every dropped or changed annotation is counted by reason in a :class:`Re3dReport`.

re3d conventions that differ from ours and how they are handled:

- a leading ``the`` (``the Syrian Arab Army``) -> trimmed;
- possessive ``'s`` and end punctuation inside spans -> trimmed;
- pronouns tagged Person (``he``, ``we``, ``I``) -> dropped;
- a leading title on a person (``President Obama``) -> trimmed; a bare title -> dropped;
- Quantity also holds distances, areas, durations, percentages and ordinals -> those
  are dropped when ``quantity_filter`` is on, the rest become COUNT;
- Nationality, Vehicle, Money, DocumentReference, CommsIdentifier, Frequency have no
  counterpart and are dropped as ``unmapped type``;
- act nouns tagged Weapon (``strikes``, ``airstrikes``) -> dropped.
Remaining differences (not fixed here): re3d annotates some generic nouns as
Organisation (``the coalition``), and its Temporal holds durations.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from conflict_ner.text.document import Document
from conflict_ner.errors import DataError
from conflict_ner.training.readers.jsonl import json_objects
from conflict_ner.training.validation import validate_document
from conflict_ner.text.words import fix_span, pieces, words

PRONOUNS = frozenset(
    "i me my mine we us our ours you your yours he him his she her hers they them their theirs it its "
    "himself herself themselves itself ourselves myself".split()
)
TITLES = (
    "president", "prime minister", "foreign minister", "defence minister", "defense minister", "minister",
    "secretary of state", "secretary", "general", "gen.", "gen", "lieutenant general", "lt. gen.",
    "major general", "maj. gen.", "brigadier general", "colonel", "col.", "commander", "king", "prince",
    "sheikh", "mr", "mr.", "mrs", "ms", "dr", "dr.", "ambassador", "envoy", "special envoy", "senator",
    "spokesman", "spokeswoman", "chairman", "admiral", "army gen.", "marine gen.", "sen.", "rep.",
)
_NOT_COUNT = re.compile(
    r"(%|per ?cent|\b(kilomet(er|re)s?|km|miles?|met(er|re)s?|square|hectares?|acres?|tonnes?|tons?|"
    r"hours?|days?|weeks?|months?|years?|minutes?|seconds?|occasions?|once|twice|times)\b|"
    r"\b\d+(st|nd|rd|th)\b|\b(first|second|third|fourth|fifth)\b|[$£€])",
    re.IGNORECASE,
)
_ACT_NOUNS = frozenset("strike strikes airstrike airstrikes air-strikes shelling bombing bombings "
                       "bombardment raids raid attack attacks".split())


@dataclass
class Re3dReport:
    """Counts of annotations dropped or changed, by reason."""

    read: int = 0
    kept: int = 0
    dropped: Counter = field(default_factory=Counter)
    trimmed: Counter = field(default_factory=Counter)
    #: documents read per source folder (each folder has its own licence: the model card lists them)
    sources: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict:
        return {"read": self.read, "kept": self.kept, "dropped": dict(self.dropped.most_common()),
                "trimmed": dict(self.trimmed.most_common()), "sources": dict(sorted(self.sources.items()))}

    def lines(self) -> list[str]:
        out = [f"re3d: {self.read} annotations read, {self.kept} kept"]
        out += [f"  dropped {n:>5}  {why}" for why, n in self.dropped.most_common()]
        out += [f"  trimmed {n:>5}  {why}" for why, n in self.trimmed.most_common()]
        return out


@dataclass
class Re3dOptions:
    """How re3d is mapped (mirrors :class:`conflict_ner.training.config.Re3dSource`)."""

    type_map: dict[str, str]
    min_confidence: float = 0.5
    quantity_filter: bool = True


def source_folders(root: str | Path) -> list[Path]:
    """The source folders under ``root`` (each with documents.json and entities.json)."""
    root = Path(root)
    if (root / "documents.json").is_file():
        return [root]
    folders = sorted(p for p in root.iterdir() if (p / "documents.json").is_file()) if root.is_dir() else []
    if not folders:
        raise DataError("no re3d source folders (with documents.json) found", path=str(root))
    return folders


def read_re3d(root: str | Path, options: Re3dOptions, report: Re3dReport | None = None) -> list[Document]:
    """Read every source folder under ``root`` into validated documents on our labels."""
    report = report if report is not None else Re3dReport()
    labels = sorted(set(options.type_map.values()))
    docs = []
    for folder in source_folders(root):
        texts: dict[str, dict] = {}
        for lineno, obj in _json_lines(folder / "documents.json"):
            if not isinstance(obj.get("_id"), str) or not isinstance(obj.get("text"), str):
                raise DataError("document needs string '_id' and 'text'", path=str(folder / "documents.json"),
                                line=lineno)
            texts[obj["_id"]] = obj
        report.sources[folder.name] += len(texts)
        by_doc: dict[str, list[dict]] = {}
        for lineno, ent in _json_lines(folder / "entities.json"):
            if ent.get("documentId") not in texts:
                raise DataError(f"entity refers to unknown document {ent.get('documentId')!r}",
                                path=str(folder / "entities.json"), line=lineno)
            ent["_line"] = lineno
            by_doc.setdefault(ent["documentId"], []).append(ent)
        for doc_id, obj in texts.items():
            spans = _map_entities(obj["text"], by_doc.get(doc_id, []), options, report,
                                  str(folder / "entities.json"))
            doc = Document(f"re3d-{doc_id}", obj["text"], spans, None,
                           {"source": folder.name, "title": obj.get("title"), "url": obj.get("sourceUrl")})
            docs.append(validate_document(doc, labels, path=str(folder / "documents.json")))
    return docs


def _json_lines(path: Path):
    if not path.is_file():
        raise DataError("missing file", path=str(path))
    for lineno, obj in json_objects(path):
        if not isinstance(obj, dict):
            raise DataError("expected a JSON object", path=str(path), line=lineno)
        yield lineno, obj


def _map_entities(text: str, entities: list[dict], options: Re3dOptions, report: Re3dReport,
                  path: str) -> list[tuple[int, int, str]]:
    word_starts = {s for s, _ in words(text)}
    units = pieces(text)
    piece_ends = sorted(e for _, e in units)
    candidates = []
    for ent in entities:
        report.read += 1
        begin, end = ent.get("begin"), ent.get("end")
        if not isinstance(begin, int) or not isinstance(end, int) or not 0 <= begin < end <= len(text):
            raise DataError(f"entity offsets [{begin}, {end}) outside the text", path=path, line=ent["_line"])
        label = options.type_map.get(ent.get("type"))
        if label is None:
            report.dropped[f"unmapped type {ent.get('type')}"] += 1
            continue
        if float(ent.get("confidence", 1.0)) < options.min_confidence:
            report.dropped[f"confidence below {options.min_confidence}"] += 1
            continue
        span = _normalise(text, begin, end, label, ent.get("type"), options, report)
        if span is None:
            continue
        start, stop = span
        if start not in word_starts or stop not in set(piece_ends):
            start, stop = _snap(words(text), units, start, stop)
            report.trimmed["expanded to whole words"] += 1
        candidates.append((start, stop, label))
    # Longer span wins on overlap; ties keep the earlier one.
    kept: list[tuple[int, int, str]] = []
    for cand in sorted(set(candidates), key=lambda s: (-(s[1] - s[0]), s[0])):
        if any(cand[0] < k[1] and k[0] < cand[1] for k in kept):
            report.dropped["overlap (longer span kept)"] += 1
            continue
        kept.append(cand)
    report.dropped["duplicate annotation"] += len(candidates) - len(set(candidates))
    if not report.dropped["duplicate annotation"]:
        del report.dropped["duplicate annotation"]
    report.kept += len(kept)
    return sorted(kept)


def _normalise(text: str, begin: int, end: int, label: str, rtype: str, options: Re3dOptions,
               report: Re3dReport) -> tuple[int, int] | None:
    fixed = fix_span(text, begin, end)
    if fixed is None:
        report.dropped["no word characters"] += 1
        return None
    if fixed != (begin, end):
        report.trimmed["punctuation, space or possessive"] += 1
    start, stop = fixed
    m = re.match(r"(the|The|THE)\s+", text[start:stop])
    if m and start + m.end() < stop:
        start += m.end()
        report.trimmed["leading 'the'"] += 1
    surface = text[start:stop]
    low = surface.lower()
    if rtype == "Person":
        if low in PRONOUNS:
            report.dropped["pronoun"] += 1
            return None
        for title in sorted(TITLES, key=len, reverse=True):
            if low == title:
                report.dropped["bare title"] += 1
                return None
            if low.startswith(title + " "):
                start += len(title) + 1
                report.trimmed["leading title"] += 1
                break
    if rtype == "Quantity" and options.quantity_filter and _NOT_COUNT.search(surface):
        report.dropped["quantity that is not a count (distance, duration, percent...)"] += 1
        return None
    if label == "WEAPON" and low in _ACT_NOUNS:
        report.dropped["act noun tagged as weapon"] += 1
        return None
    return start, stop


def _snap(word_ranges: list[tuple[int, int]], units: list[tuple[int, int]], start: int, stop: int
          ) -> tuple[int, int]:
    """Expand ``[start, stop)`` to the enclosing word start and piece end."""
    first = max((s for s, e in word_ranges if s <= start < e), default=start)
    last = min((e for s, e in units if s < stop <= e), default=stop)
    return first, max(last, stop)
