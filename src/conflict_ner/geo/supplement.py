"""A corpus gazetteer: places geocoded by hand that the default gazetteer lacks or misnames.

cities500 has no villages, bases, crossings or hills, and misses some spellings of the places it
has. The annotators' gold (``training/corpus/geo_gold.tsv``) locates such places; this module
turns the rows of chosen splits into a supplement, a TSV of one entry a line, that the
gazetteer consults like its own entries (same folding, same document context):

- ``level`` ``place``/``admin2`` with no ``geonames_id``: a new entry at the annotator's point;
- ``place`` with a ``geonames_id``: more names for that cities500 entry ("Little Aden");
- ``admin1``: more names for the province (``Donbas``), ``country`` for the country.

Columns (tab-separated, a header line): ``name aliases level geonames_id latitude longitude
country_iso3 admin1 geo_precision source origin``; ``aliases`` are ``|``-separated,
``admin1`` is a province's name (or empty), ``geo_precision`` the least one the place itself
gets (a region such as Tihama: 3), ``origin`` where the entry comes from (doc ids, or a note).
The packaged file (:data:`PACKAGED`) is built from the TRAIN and DEV gold only::

    python -m conflict_ner.geo.supplement --splits train dev -o src/conflict_ner/resources/geo_supplement.tsv

Users add their own file of this shape with ``--gazetteer FILE`` (the header tells it from a
GeoNames dump); their entries add to the packaged ones.

>>> row = SupplementEntry("Bab al-Hawa", ("Bab al-Hawa crossing",), "place", None, 36.232, 36.672, "SYR", "Idlib", 1)
>>> parse_line(format_line(row), "x.tsv", 2) == row
True
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from conflict_ner.errors import DataError

COLUMNS = ["name", "aliases", "level", "geonames_id", "latitude", "longitude", "country_iso3", "admin1",
           "geo_precision", "source", "origin"]
LEVELS = ("place", "admin2", "admin1", "country")
#: The supplement shipped with the package (built from the TRAIN and DEV gold).
PACKAGED = Path(__file__).resolve().parent.parent / "resources" / "geo_supplement.tsv"


@dataclass(frozen=True)
class SupplementEntry:
    """One place of a supplement (see the module doc for the columns)."""

    name: str
    aliases: tuple[str, ...]
    level: str
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    country_iso3: str
    admin1: str = ""
    geo_precision: int = 1
    source: str = "annotator"
    origin: str = ""
    #: what kind of site the entry is, for the code that reads the gazetteer (not a TSV column:
    #: the general-knowledge tables set it, :data:`conflict_ner.geo.knowledge.CROSSING`)
    feature: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name, *self.aliases)))


def is_supplement(path: str | Path) -> bool:
    """Whether a file is a supplement (its first line is :data:`COLUMNS`), not a GeoNames dump."""
    try:
        with open(path, encoding="utf-8") as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError):
        return False  # the dump reader reports it
    return first.rstrip("\r\n").split("\t")[: len(COLUMNS)] == COLUMNS


def read_supplement(path: str | Path) -> list[SupplementEntry]:
    """The entries of a supplement file; :class:`DataError` naming the file and line of a bad row."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(f"gazetteer supplement: {err}", path=str(path)) from err
    if not lines or lines[0].split("\t")[: len(COLUMNS)] != COLUMNS:
        raise DataError(f"header is not {' '.join(COLUMNS)}", path=str(path), line=1)
    return [parse_line(line, path, number) for number, line in enumerate(lines[1:], 2)
            if line.strip() and not line.startswith("#")]


def parse_line(line: str, path: str | Path, number: int) -> SupplementEntry:
    """One row of a supplement file (``path`` and ``number`` name it in errors).

    >>> parse_line("Laman\\t\\tplace\\t\\t32.72\\tx\\tAFG\\t\\t1\\tannotator\\t", "s.tsv", 3)
    Traceback (most recent call last):
    ...
    conflict_ner.errors.DataError: s.tsv:3: longitude: could not convert string to float: 'x'
    """
    cols = [c.strip() for c in next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))]
    cols += [""] * (len(COLUMNS) - len(cols))
    row = dict(zip(COLUMNS, cols))

    def fail(message: str) -> DataError:
        return DataError(message, path=str(path), line=number)

    if not row["name"]:
        raise fail("no name")
    if row["level"] not in LEVELS:
        raise fail(f"level {row['level']!r} is none of {', '.join(LEVELS)}")
    values = {}
    for key, kind in (("geonames_id", int), ("latitude", float), ("longitude", float), ("geo_precision", int)):
        try:
            values[key] = kind(row[key]) if row[key] else None
        except ValueError as err:
            raise fail(f"{key}: {err}") from err
    if values["geonames_id"] is None and row["level"] in ("place", "admin2") \
            and (values["latitude"] is None or values["longitude"] is None):
        raise fail(f"a {row['level']} needs a geonames_id or latitude and longitude")
    if len(row["country_iso3"]) != 3:
        raise fail(f"country_iso3 {row['country_iso3']!r} is not an ISO 3166-1 alpha-3 code")
    if values["geo_precision"] not in (None, 1, 2, 3):
        raise fail(f"geo_precision {values['geo_precision']} is not 1, 2 or 3")
    return SupplementEntry(row["name"], tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
                           row["level"], values["geonames_id"], values["latitude"], values["longitude"],
                           row["country_iso3"].upper(), row["admin1"], values["geo_precision"] or 1,
                           row["source"] or "user", row["origin"])


def format_line(entry: SupplementEntry) -> str:
    """The TSV line of an entry (the inverse of :func:`parse_line`)."""
    def num(value) -> str:
        return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)

    return "\t".join([entry.name, "|".join(entry.aliases), entry.level, num(entry.geonames_id),
                      num(entry.latitude), num(entry.longitude), entry.country_iso3, entry.admin1,
                      str(entry.geo_precision), entry.source, entry.origin])


def write_supplement(entries: Iterable[SupplementEntry], path: str | Path, comment: Sequence[str] = ()) -> None:
    """Write a supplement file (``comment`` lines after the header, each starting with ``#``)."""
    out = io.StringIO()
    out.write("\t".join(COLUMNS) + "\n")
    for line in comment:
        out.write(f"# {line}\n")
    for entry in entries:
        out.write(format_line(entry) + "\n")
    Path(path).write_text(out.getvalue(), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m conflict_ner.geo.supplement``: build a supplement from the gold's rows of some splits."""
    from conflict_ner.geo.gazetteer import default_gazetteer
    from conflict_ner.geo.supplement_build import from_gold
    from conflict_ner.geo.evaluate import read_gold

    parser = argparse.ArgumentParser(prog="python -m conflict_ner.geo.supplement", description=main.__doc__)
    parser.add_argument("--gold", default="training/corpus/geo_gold.tsv")
    parser.add_argument("--splits", nargs="+", default=["train", "dev"],
                        help="gold splits to take places from (default: train dev; never the scored splits)")
    parser.add_argument("-o", "--output", default=str(PACKAGED))
    args = parser.parse_args(argv)
    rows = [r for r in read_gold(args.gold) if r.split in args.splits]
    entries = from_gold(rows, default_gazetteer(supplement=False))
    write_supplement(entries, args.output, [
        f"built by python -m conflict_ner.geo.supplement --splits {' '.join(args.splits)} from {args.gold}",
        f"({len(rows)} gold rows -> {len(entries)} entries; GeoNames data CC BY 4.0, the rest annotators' own)"])
    print(f"{args.output}: {len(entries)} entries from {len(rows)} gold rows of {', '.join(args.splits)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
