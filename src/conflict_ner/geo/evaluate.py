"""Score the geocoder against hand-geocoded mentions (``training/corpus/geo_gold.tsv``).

Per split: ``exact`` (the same GeoNames entry; for a country or province row, that country or
province; for a row the annotator placed from their own knowledge, a point within 5 km),
``within_25km`` (exact, or the predicted point within 25 km of the gold one) and ``precision``
(the same ACLED geo_precision). Every gold row counts: a mention left unresolved, or (from
predicted spans) not found, is wrong on all three.

>>> round(_ratio(3, 4), 3), _ratio(0, 0)
(0.75, None)
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conflict_ner.errors import InputError
from conflict_ner.geo.fold import fold
from conflict_ner.geo.resolve import Geocoder, Resolution, admin1_codes, distance_km

GOLD_COLUMNS = ["doc_id", "start", "end", "text", "split", "level", "geonames_id", "name", "latitude", "longitude",
                "country_iso3", "admin1", "geo_precision", "source", "note"]
LEVELS = ("place", "admin2", "admin1", "country")
SPLITS = ("train", "dev", "test", "test_new", "heldout")
EXACT_KM, NEAR_KM = 5.0, 25.0


@dataclass(frozen=True)
class GoldPlace:
    """One hand-geocoded mention (a row of the gold file; ``line`` its line number)."""

    doc_id: str
    start: int
    end: int
    text: str
    split: str
    level: str
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    country_iso3: str
    admin1: str
    geo_precision: int
    line: int
    source: str = ""


def read_gold(path: str | Path) -> list[GoldPlace]:
    """The rows of a geocoding gold file; :class:`InputError` naming the file and line of a bad row."""
    path = Path(path)
    rows: list[GoldPlace] = []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or [h.strip() for h in header][: len(GOLD_COLUMNS)] != GOLD_COLUMNS:
            raise InputError(f"{path}:1: header is not {' '.join(GOLD_COLUMNS)}")
        for number, cols in enumerate(reader, 2):
            if not any(c.strip() for c in cols):
                continue
            cols += [""] * (len(GOLD_COLUMNS) - len(cols))
            row = dict(zip(GOLD_COLUMNS, (c.strip() for c in cols)))
            try:
                rows.append(GoldPlace(row["doc_id"], int(row["start"]), int(row["end"]), cols[3], row["split"],
                                      row["level"], int(row["geonames_id"]) if row["geonames_id"] else None,
                                      float(row["latitude"]) if row["latitude"] else None,
                                      float(row["longitude"]) if row["longitude"] else None,
                                      row["country_iso3"].upper(), row["admin1"], int(row["geo_precision"]), number,
                                      row["source"]))
            except ValueError as err:
                raise InputError(f"{path}:{number}: {err}") from err
            if row["level"] not in LEVELS:
                raise InputError(f"{path}:{number}: level {row['level']!r} is none of {', '.join(LEVELS)}")
    return rows


def _compiled(corpus: str | Path):
    """Each document of the compiled corpus (``<corpus>/compiled/<split>.jsonl``), as parsed JSON."""
    folder = Path(corpus) / "compiled"
    for split in SPLITS:
        path = folder / f"{split}.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    yield json.loads(line)


def read_documents(corpus: str | Path) -> dict[str, str]:
    """Texts of the compiled corpus documents by id."""
    return {doc["id"]: doc["text"] for doc in _compiled(corpus)}


def read_locations(corpus: str | Path) -> dict[str, list[tuple[int, int]]]:
    """The gold LOCATION spans of each compiled document."""
    return {doc["id"]: [(s, e) for s, e, label in doc["spans"] if label == "LOCATION"] for doc in _compiled(corpus)}


def evaluate_geo(gold: Sequence[GoldPlace], texts: Mapping[str, str], mentions: Mapping[str, Sequence[tuple[int, int]]],
                 geocoder: Geocoder) -> dict[str, Any]:
    """Scores per split (and ``all``) of the geocoder on the gold rows, each document geocoded
    with its ``mentions`` (gold LOCATION spans, or a model's); a gold row takes the resolution
    of the mention that overlaps it most."""
    return summarise([(row, verdict) for row, _, verdict in outcomes(gold, texts, mentions, geocoder)])


def outcomes(gold: Sequence[GoldPlace], texts: Mapping[str, str], mentions: Mapping[str, Sequence[tuple[int, int]]],
             geocoder: Geocoder) -> list[tuple[GoldPlace, Resolution | None, dict[str, bool]]]:
    """Each gold row with the resolution it got (None: not found or unresolved) and its verdict
    (:func:`judge`); what :func:`evaluate_geo` sums, kept per row for error analysis."""
    by_doc: dict[str, list[GoldPlace]] = defaultdict(list)
    for row in gold:
        by_doc[row.doc_id].append(row)
    out: list[tuple[GoldPlace, Resolution | None, dict[str, bool]]] = []
    for doc_id, rows in by_doc.items():
        text = texts.get(doc_id)
        if text is None:
            raise InputError(f"gold line {rows[0].line}: document {doc_id!r} is not in the corpus")
        for row in rows:
            if text[row.start:row.end] != row.text:
                raise InputError(f"gold line {row.line}: {row.text!r} is not {doc_id}[{row.start}:{row.end}] "
                                 f"({text[row.start:row.end]!r})")
        spans = sorted(set(mentions.get(doc_id, ())))
        resolved = dict(zip(spans, geocoder.geocode(text, spans)))
        for row in rows:
            span = _overlapping(row, spans)
            got = resolved.get(span) if span else None
            out.append((row, got, judge(row, got, geocoder, found=span is not None)))
    return out


def judge(row: GoldPlace, got: Resolution | None, geocoder: Geocoder, *, found: bool = True) -> dict[str, bool]:
    """Whether a resolution is exact, within 25 km, and of the gold precision."""
    if got is None:
        return {"found": found, "resolved": False, "exact": False, "within_25km": False, "precision": False}
    geo = got.geo
    distance = None
    if row.latitude is not None and row.longitude is not None and geo.latitude is not None and geo.longitude is not None:
        distance = distance_km(row.latitude, row.longitude, geo.latitude, geo.longitude)
    if row.level == "country":
        exact = got.level == "country" and geo.country_iso == row.country_iso3
    elif row.level == "admin1":
        exact = got.level == "admin1" and geo.country_iso == row.country_iso3 and _same_admin1(row, got, geocoder)
    elif row.geonames_id is not None:
        exact = geo.geonames_id == row.geonames_id
    else:
        exact = distance is not None and distance <= EXACT_KM
    near = exact or (distance is not None and distance <= NEAR_KM)
    return {"found": found, "resolved": True, "exact": exact, "within_25km": near,
            "precision": geo.geo_precision == row.geo_precision}


def _same_admin1(row: GoldPlace, got: Resolution, geocoder: Geocoder) -> bool:
    if row.admin1 and got.geo.admin1 and fold(row.admin1) == fold(got.geo.admin1):
        return True
    import pycountry

    country = pycountry.countries.get(alpha_3=row.country_iso3)
    return bool(country and row.admin1 and got.admin1 in admin1_codes(geocoder.gazetteer, row.admin1, country.alpha_2))


def _overlapping(row: GoldPlace, spans: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    best, most = None, 0
    for s, e in spans:
        overlap = min(e, row.end) - max(s, row.start)
        if overlap > most:
            best, most = (s, e), overlap
    return best


def summarise(outcomes: Sequence[tuple[GoldPlace, dict[str, bool]]]) -> dict[str, Any]:
    groups: dict[str, list[dict[str, bool]]] = defaultdict(list)
    for row, verdict in outcomes:
        for split in (row.split, "all"):
            groups[split].append(verdict)
            # rows placed from GeoNames vs by the annotator (places the default gazetteer lacks)
            groups[f"{split}/{row.source or 'unknown'}"].append(verdict)
    out: dict[str, Any] = {}
    order = [*SPLITS, "all"]
    for split in order + sorted(k for k in groups if "/" in k and k.split("/")[0] in order):
        verdicts = groups.get(split)
        if not verdicts:
            continue
        n = len(verdicts)
        out[split] = {"n": n, **{key: _ratio(sum(v[key] for v in verdicts), n)
                                 for key in ("found", "resolved", "exact", "within_25km", "precision")}}
    return out


def _ratio(hits: int, n: int) -> float | None:
    return round(hits / n, 4) if n else None


def sweep(gold: Sequence[GoldPlace], texts: Mapping[str, str], mentions: Mapping[str, Sequence[tuple[int, int]]],
          make: Callable[[float], Geocoder], thresholds: Sequence[float], split: str = "dev") -> dict[float, dict]:
    """Scores on one split for each fuzzy threshold (to choose it on dev, never on test)."""
    rows = [r for r in gold if r.split == split]
    return {t: evaluate_geo(rows, texts, mentions, make(t)).get(split, {}) for t in thresholds}
