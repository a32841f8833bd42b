"""A table as if built without one split's mentions (leave-dev-out), for honest tuning on dev.

``aliases.yaml`` was built by hand from the ACTOR mentions of train and dev. Scoring dev with
it flatters dev: a spelling seen only in dev was put in the table because of dev. This module
removes from a table what only the held-out split could have taught: an alias, a generic head
or a country's place whose folded form occurs (as whole words) in some held-out mention and in
no mention of the kept splits. What neither split holds (the annotator's own spellings and
acronyms) stays, so the result is a close, slightly pessimistic stand-in for a table built
from train alone.

>>> table = ActorTable()
>>> table.add({"countries": {"Syria": {"iso": "SYR"}},
...            "actors": [{"canonical": "Tiger Forces", "type": "State Forces", "inter": 1,
...                        "aliases": ["Tiger Forces", "Tigers", "Qawat al-Nimr"]}]}, "t")
>>> lean = without_held_out(table, kept=["the Tiger Forces"], held=["Tigers", "Tiger Forces fighters"])
>>> sorted(lean.aliases)
['kawat nimr', 'tiger forces']
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from conflict_ner.actors.fold import fold
from conflict_ner.actors.table import ActorTable, put_under

#: longest alias (in folded words) looked for inside a mention
MAX_WORDS = 8


def word_ngrams(texts: Iterable[str], longest: int = MAX_WORDS) -> set[str]:
    """Every run of 1..``longest`` folded words of each text.

    >>> sorted(word_ngrams(["HTS fighters"]))
    ['fighters', 'hts', 'hts fighters']
    """
    out: set[str] = set()
    for text in texts:
        tokens = fold(text).split()
        for i in range(len(tokens)):
            for n in range(1, min(longest, len(tokens) - i) + 1):
                out.add(" ".join(tokens[i:i + n]))
    return out


def held_only(kept: Iterable[str], held: Iterable[str]) -> set[str]:
    """Folded word runs of the ``held`` mentions that no ``kept`` mention holds.

    >>> sorted(held_only(["Syrian army"], ["the Syrian army", "Tigers"]))
    ['tigers']
    """
    return word_ngrams(held) - word_ngrams(kept)


def without_held_out(table: ActorTable, kept: Iterable[str], held: Iterable[str],
                     kept_places: Iterable[str] = (), held_places: Iterable[str] = ()) -> ActorTable:
    """A copy of ``table`` without the aliases and generic heads only ``held`` mentions hold
    (and the countries' places only ``held_places`` hold)."""
    drop = held_only(kept, held)
    lean = copy.copy(table)
    lean.aliases = {key: list(entries) for key, entries in table.aliases.items() if key not in drop}
    for key, entries in table.known_aliases.items():  # the general-knowledge layer no split taught
        put_under(lean.aliases, key, entries)
    lean.generics = {kind: replace(g, heads=frozenset(h for h in g.heads if h not in drop))
                     for kind, g in table.generics.items()}
    drop_places = held_only(kept_places, held_places)
    lean.country_words = dict(table.country_words)
    for country in table.countries.values():
        for place in country.places:
            key = fold(place)
            if key in drop_places and key not in {fold(w) for w in (country.name, *country.demonyms, *country.capitals)}:
                lean.country_words.pop(key, None)
    return lean


def split_mentions(docs: Mapping[str, Mapping[str, Any]], splits: Sequence[str], label: str = "ACTOR") -> list[str]:
    """The ``label`` mention texts of the documents of ``splits`` (a document says its split in
    ``split``; ``docs`` from :func:`conflict_ner.actors.evaluate.read_corpus`)."""
    return [doc["text"][s:e] for doc in docs.values() if doc.get("split") in splits
            for s, e, lab in doc["spans"] if lab == label]


def leave_out_table(table: ActorTable, docs: Mapping[str, Mapping[str, Any]], held: str = "dev",
                    kept: Sequence[str] = ("train",)) -> ActorTable:
    """``table`` as if built from the ``kept`` splits' mentions only (see the module's note)."""
    return without_held_out(table, split_mentions(docs, kept), split_mentions(docs, [held]),
                            split_mentions(docs, kept, "LOCATION"), split_mentions(docs, [held], "LOCATION"))
