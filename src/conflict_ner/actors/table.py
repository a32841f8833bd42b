"""The actor table: canonical actors, their aliases, the generic described groups and the
countries an article may be about, read from ``aliases.yaml`` (and users' files of its shape).

>>> table = ActorTable.load()
>>> [e.canonical for e in table.candidates("Hay'at Tahrir al-Sham")]
['Hayat Tahrir al-Sham']
>>> syria = table.countries["Syria"]
>>> table.identity(table.candidates("Tiger Forces")[0], syria, date(2019, 5, 6))
Identity(canonical='Military Forces of Syria (2000-2024)', actor_type='State Forces', inter_code=1)
>>> table.identity(table.candidates("Russian troops")[0], syria, date(2019, 5, 6)).inter_code
8
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from conflict_ner.actors.fold import fold
from conflict_ner.errors import DataError

#: ACLED's actor types by inter code.
ACTOR_TYPES = {1: "State Forces", 2: "Rebel Groups", 3: "Political Militias", 4: "Identity Militias",
               5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other Forces"}
#: Bodies that report or help but take no part in the violence: not ACLED actors, no inter code.
SOURCE_TYPE = "Source"
STATE_KINDS = ("military", "police", "government")


@dataclass(frozen=True)
class Identity:
    """Who an actor mention names: ACLED-style canonical name, actor type and inter code (1-8)."""

    canonical: str | None
    actor_type: str | None
    inter_code: int | None


@dataclass(frozen=True)
class Country:
    name: str
    iso: str
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    periods: tuple[tuple[date, str], ...] = ()

    def period(self, day: date | None) -> str:
        """ACLED's government period label for an article of ``day`` (the latest when unknown);
        empty when the table has none."""
        if not self.periods:
            return ""
        if day is None:
            return self.periods[-1][1]
        label = self.periods[0][1]
        for start, name in self.periods:
            if start <= day:
                label = name
        return label


@dataclass(frozen=True)
class Entry:
    """One canonical actor (or, with ``state``, a country's military, police or government)."""

    canonical: str | None
    actor_type: str | None
    inter: int | None
    country: str | None = None
    state: str | None = None
    start: date | None = None
    end: date | None = None
    where: str = field(default="", compare=False)

    def holds_on(self, day: date | None) -> bool:
        if day is None:  # no date: the entry of the latest period holds
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Generic:
    """A described group: head nouns (``soldiers``), modifiers that may precede them, a template."""

    kind: str
    template: str
    actor_type: str
    inter: int
    heads: frozenset[str]
    modifiers: frozenset[str]


class ActorTable:
    """Entries by folded alias, generics and countries; later files override earlier ones alias by alias."""

    def __init__(self) -> None:
        self.aliases: dict[str, list[tuple[Entry, bool]]] = {}  # folded alias -> (entry, local only)
        self.generics: dict[str, Generic] = {}
        self.countries: dict[str, Country] = {}
        self.country_words: dict[str, str] = {}  # folded name, demonym, capital or place -> country
        self.demonyms: dict[str, str] = {}  # folded demonym or country name -> country
        self.country_names: dict[str, str] = {}  # folded country name or capital -> country
        self.by_iso: dict[str, str] = {}  # ISO alpha-3 code -> country
        #: folded alias -> entries of the general-knowledge layer (``known_actors.yaml``), kept apart
        #: so that a leave-out table (:mod:`conflict_ner.actors.leave_out`) keeps them
        self.known_aliases: dict[str, list[tuple[Entry, bool]]] = {}

    @classmethod
    def load(cls, extra: Iterable[str | Path] = (), generated: bool = True, known: bool = True) -> "ActorTable":
        """The packaged table, with a generated country for every ISO country it lacks
        (:mod:`conflict_ner.actors.countries`, unless ``generated`` is False), the general-knowledge
        actors of ``known_actors.yaml`` under it (unless ``known`` is False: :meth:`add_known`),
        extended by ``extra`` files (a later file's alias replaces an earlier one's)."""
        table = cls()
        table.add(*_read(None))
        if generated:
            from conflict_ner.actors.countries import generated_countries

            table.add_generated(generated_countries(table.by_iso))
        if known:
            table.add_known(*_read(None, KNOWN_FILE))
        for path in extra:
            table.add(*_read(path))
        return table

    def add_generated(self, countries: Mapping[str, Mapping[str, Any]]) -> None:
        """Add generated countries (``{name: {iso, names, demonyms}}``) that take no word the
        table already gives a country: the hand-written entries keep every name they hold.

        >>> table = ActorTable()
        >>> table.add({"countries": {"Niger": {"iso": "NER", "demonyms": ["Nigerien"]}}}, "t")
        >>> table.add_generated({"Gabon": {"iso": "GAB", "names": ["Gabon"], "demonyms": ["Gabonese"]},
        ...                      "Niger2": {"iso": "XXX", "names": ["Niger"], "demonyms": []},
        ...                      "Niger3": {"iso": "YYY", "names": ["Niger"], "demonyms": []}})
        >>> table.demonyms["gabonese"], table.country_names["niger"], sorted(table.countries)
        ('Gabon', 'Niger', ['Gabon', 'Niger', 'Niger2', 'Niger3'])
        """
        for name, spec in countries.items():
            if name in self.countries or str(spec.get("iso", "")).upper() in self.by_iso:
                continue
            demonyms = tuple(spec.get("demonyms") or ())
            self.countries[name] = Country(name, str(spec.get("iso", "")), demonyms)
            if self.countries[name].iso:
                self.by_iso[self.countries[name].iso.upper()] = name
            taken = [f" {k} " for k in self.country_names]
            for word in (*(spec.get("names") or (name,)), *demonyms):
                key = fold(word)
                # "Congo" (pycountry's Republic of the Congo) is also a word of the table's DR Congo
                if key and key not in self.country_words and not any(f" {key} " in t for t in taken):
                    self.country_words[key] = name
                    self.demonyms.setdefault(key, name)
                    if word not in demonyms:
                        self.country_names.setdefault(key, name)

    def add_known(self, data: Mapping[str, Any], source: str) -> None:
        """Add a general-knowledge layer (actors only, the shape of ``aliases.yaml``) UNDER the
        table: an alias the table already holds keeps its entries; the layer's own aliases are also
        kept in :attr:`known_aliases`, which leave-out tables put back under what they keep.

        >>> table = ActorTable()
        >>> table.add({"actors": [{"canonical": "A", "type": "Rebel Groups", "inter": 2, "aliases": ["Alpha"]}]}, "t")
        >>> table.add_known({"actors": [{"canonical": "B", "type": "Rebel Groups", "inter": 2,
        ...                              "aliases": ["Alpha", "Bravo"]}]}, "k")
        >>> [e.canonical for e in table.candidates("Alpha")], [e.canonical for e in table.candidates("Bravo")]
        (['A'], ['B'])
        >>> sorted(table.known_aliases)
        ['alfa', 'bravo']
        """
        if set(data) - {"actors"}:
            raise DataError(f"a general-knowledge layer holds only 'actors', not {sorted(set(data) - {'actors'})}",
                            path=source)
        # without the generated countries (``load(generated=False)``) the entries of other countries wait
        actors = [a for a in data.get("actors") or [] if not isinstance(a, Mapping) or a.get("country") is None
                  or a.get("country") in self.countries]
        corpus, self.aliases = self.aliases, {}
        try:
            self.add({"actors": actors}, source)
            layer = self.aliases
        finally:
            self.aliases = corpus
        for key, entries in layer.items():
            self.known_aliases.setdefault(key, []).extend(e for e in entries if e not in self.known_aliases.get(key, ()))
            put_under(self.aliases, key, entries)

    def add(self, data: Mapping[str, Any], source: str) -> None:
        """Merge one parsed file (``source`` names it in errors)."""
        unknown = set(data) - {"generic", "actors", "countries"}
        if unknown:
            raise DataError(f"unknown top-level keys {sorted(unknown)} (expected generic, actors, countries)", path=source)
        for name, spec in (data.get("countries") or {}).items():
            self._add_country(str(name), spec, f"{source}: countries.{name}")
        for kind, spec in (data.get("generic") or {}).items():
            self._add_generic(str(kind), spec, f"{source}: generic.{kind}")
        replaced: set[str] = set()  # a file's aliases replace those of earlier files, not its own
        for i, spec in enumerate(data.get("actors") or []):
            self._add_entry(spec, f"{source}: actors[{i}]", replaced)

    def candidates(self, text: str, country: str | None = None) -> list[Entry]:
        """Entries an alias may name (local aliases only in an article of their entry's country)."""
        return [e for e, local in self.aliases.get(fold(text), ()) if not local or e.country == country]

    def identity(self, entry: Entry, country: Country | None, day: date | None) -> Identity:
        """The identity an entry gives in an article about ``country`` published on ``day``."""
        if entry.state is not None:
            home = self.countries[entry.country]
            generic = self.generics[entry.state]
            name = generic.template.format(country=home.name, period=_paren(home.period(day)))
            return self._abroad(Identity(name, generic.actor_type, generic.inter), entry.country, country)
        canonical = entry.canonical
        if "{period}" in canonical:
            home = self.countries.get(entry.country or "") or country
            canonical = canonical.replace("{period}", _paren(home.period(day)) if home else "")
        if "{country}" in canonical:
            canonical = canonical.replace(" ({country})", "").replace("{country}", "") if country is None \
                else canonical.format(country=country.name)
        return self._abroad(Identity(canonical, entry.actor_type, entry.inter), entry.country, country)

    def generic_identity(self, kind: str, country: Country | None, day: date | None) -> Identity:
        """A described group of the article's country (``Civilians (Syria)``); no name without a country."""
        generic = self.generics[kind]
        if country is None:
            return Identity(None, generic.actor_type, generic.inter)
        name = generic.template.format(country=country.name, period=_paren(country.period(day)))
        return Identity(name, generic.actor_type, generic.inter)

    @staticmethod
    def _abroad(identity: Identity, home: str | None, country: Country | None) -> Identity:
        # ACLED: a state's forces active outside their country are External/Other Forces (8)
        if identity.inter_code == 1 and home and country is not None and country.name != home:
            return Identity(identity.canonical, ACTOR_TYPES[8], 8)
        return identity

    # --- reading ---------------------------------------------------------------------------

    def _add_country(self, name: str, spec: Any, where: str) -> None:
        spec = _mapping(spec, where, {"iso", "demonyms", "capitals", "places", "periods"})
        periods = []
        for j, p in enumerate(spec.get("periods") or []):
            p = _mapping(p, f"{where}.periods[{j}]", {"from", "label"})
            periods.append((_date(p.get("from"), f"{where}.periods[{j}].from"), str(p.get("label", ""))))
        country = Country(name, str(spec.get("iso", "")), _strings(spec, "demonyms", where),
                          _strings(spec, "capitals", where), _strings(spec, "places", where), tuple(sorted(periods)))
        self.countries[name] = country
        if country.iso:
            self.by_iso[country.iso.upper()] = name
        for word in (name, *country.demonyms, *country.capitals, *country.places):
            self.country_words.setdefault(fold(word), name)
        for word in (name, *country.demonyms):
            self.demonyms[fold(word)] = name
        for word in (name, *country.capitals):
            self.country_names[fold(word)] = name

    def _add_generic(self, kind: str, spec: Any, where: str) -> None:
        spec = _mapping(spec, where, {"template", "type", "inter", "heads", "modifiers"})
        for key in ("template", "type", "inter", "heads"):
            if key not in spec:
                raise DataError(f"{where}: missing '{key}'")
        self.generics[kind] = Generic(kind, str(spec["template"]), str(spec["type"]), _inter(spec["inter"], where),
                                      frozenset(fold(h) for h in _strings(spec, "heads", where)),
                                      frozenset(fold(m) for m in _strings(spec, "modifiers", where)))

    def _add_entry(self, spec: Any, where: str, replaced: set[str]) -> None:
        spec = _mapping(spec, where, {"canonical", "type", "inter", "country", "state", "from", "until",
                                      "aliases", "local_aliases"})
        state = spec.get("state")
        if state is not None:
            if state not in STATE_KINDS:
                raise DataError(f"{where}: state must be one of {list(STATE_KINDS)}, not {state!r}")
            if spec.get("country") not in self.countries:
                raise DataError(f"{where}: a state entry needs a country of the table, not {spec.get('country')!r}")
            if state not in self.generics:
                raise DataError(f"{where}: no generic '{state}' to name the state body")
            entry = Entry(None, None, None, spec["country"], state, where=where)
        else:
            if not spec.get("canonical") or not spec.get("type"):
                raise DataError(f"{where}: an actor needs 'canonical' and 'type' (or 'state' and 'country')")
            inter = spec.get("inter")
            if inter is None and spec["type"] != SOURCE_TYPE:
                raise DataError(f"{where}: type {spec['type']!r} needs an inter code 1-8 (only {SOURCE_TYPE!r} has none)")
            entry = Entry(str(spec["canonical"]), str(spec["type"]), None if inter is None else _inter(inter, where),
                          spec.get("country"), where=where)
        if entry.country is not None and entry.country not in self.countries:
            raise DataError(f"{where}: country {entry.country!r} is not in the table's countries")
        entry = Entry(entry.canonical, entry.actor_type, entry.inter, entry.country, entry.state,
                      _date(spec.get("from"), f"{where}.from") if spec.get("from") else None,
                      _date(spec.get("until"), f"{where}.until") if spec.get("until") else None, where)
        aliases = [(a, False) for a in _strings(spec, "aliases", where)] + \
                  [(a, True) for a in _strings(spec, "local_aliases", where)]
        if not aliases:
            raise DataError(f"{where}: no aliases")
        for alias, local in aliases:
            key = fold(alias)
            if not key:
                raise DataError(f"{where}: alias {alias!r} folds to nothing")
            if key not in replaced:
                self.aliases[key] = []
                replaced.add(key)
            if (entry, local) not in self.aliases[key]:
                self.aliases[key].append((entry, local))


#: the general-knowledge layer: well-known conflict actors by region and country, written from the
#: annotator's knowledge (not from the corpus), loaded under ``aliases.yaml`` (:meth:`ActorTable.add_known`)
KNOWN_FILE = "known_actors.yaml"


def put_under(aliases: dict[str, list[tuple[Entry, bool]]], key: str, entries: Sequence[tuple[Entry, bool]]) -> None:
    """Put a general-knowledge alias's ``entries`` under ``aliases``: all of them where the key is
    new; else only its local entries (``UN mission`` in an article of a country) of countries the
    key's entries do not hold yet.

    >>> mali = Entry("MINUSMA", "External/Other Forces", 8, "Mali")
    >>> drc = Entry("MONUSCO", "External/Other Forces", 8, "Democratic Republic of Congo")
    >>> un = Entry("United Nations", "External/Other Forces", 8)
    >>> table = {"un mision": [(drc, True)]}
    >>> put_under(table, "un mision", [(mali, True), (drc, True), (un, False)])
    >>> [(e.canonical, local) for e, local in table["un mision"]]
    [('MONUSCO', True), ('MINUSMA', True)]
    """
    if key not in aliases:
        aliases[key] = list(entries)
        return
    held = {e.country for e, _ in aliases[key]}
    aliases[key] = aliases[key] + [(e, local) for e, local in entries if local and e.country not in held]


def packaged_table_bytes() -> bytes:
    """The packaged ``aliases.yaml`` and ``known_actors.yaml`` as bytes (what a run's identity fingerprints)."""
    folder = resources.files("conflict_ner.actors")
    return folder.joinpath("aliases.yaml").read_bytes() + b"\n" + folder.joinpath(KNOWN_FILE).read_bytes()


def _read(path: str | Path | None, packaged: str = "aliases.yaml") -> tuple[Mapping[str, Any], str]:
    if path is None:
        source = f"conflict_ner/actors/{packaged}"
        text = resources.files("conflict_ner.actors").joinpath(packaged).read_text(encoding="utf-8")
    else:
        source = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as err:
            raise DataError(f"cannot read the actor table: {err.strerror}", path=source) from err
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise DataError(f"not valid YAML: {getattr(err, 'problem', err)}", path=source,
                        line=None if mark is None else mark.line + 1) from err
    if not isinstance(data, Mapping):
        raise DataError("an actor table is a mapping with generic, actors, countries", path=source)
    return data, source


def _mapping(spec: Any, where: str, keys: set[str]) -> Mapping[str, Any]:
    if not isinstance(spec, Mapping):
        raise DataError(f"{where}: expected a mapping, got {type(spec).__name__}")
    unknown = set(spec) - keys
    if unknown:
        raise DataError(f"{where}: unknown keys {sorted(unknown)} (allowed: {sorted(keys)})")
    return spec


def _strings(spec: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = spec.get(key) or []
    if isinstance(value, str) or not isinstance(value, Sequence) or not all(isinstance(v, (str, int)) for v in value):
        raise DataError(f"{where}.{key}: expected a list of names")
    return tuple(str(v) for v in value)


def _inter(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in ACTOR_TYPES:
        raise DataError(f"{where}: inter must be an ACLED inter code 1-8, not {value!r}")
    return value


def _date(value: Any, where: str) -> date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as err:
        raise DataError(f"{where}: not an ISO date: {value!r}") from err


def _paren(label: str) -> str:
    return f" ({label})" if label else ""


@lru_cache(maxsize=8)
def default_table(extra: tuple[str, ...] = (), known: bool = True) -> ActorTable:
    """The packaged table (extended by ``extra`` files; without the general-knowledge layer
    when ``known`` is False), read once per process."""
    return ActorTable.load(extra, known=known)
