"""Pairwise scores of :func:`conflict_ner.dedup.group_records` against the clustered-reports gold.

The gold is ``training/corpus/clusters.tsv``: per gold record (document, index in its ``@events``)
the act it reports. A *unit* is one document's report of one act, ``(doc_id, act)``; the gold
links every two units of one act from different documents. A predicted group links every two
of its units from different documents, a predicted record taking the act of the gold record it
matches (same trigger, else same sentence) or, matching none, an act of its own. Precision,
recall and F1 are over these links.

>>> gold = {("a", 0): "c1", ("b", 0): "c1", ("c", 0): "n1"}
>>> pairwise([[("a", "c1"), ("b", "c1"), ("c", "n1")]], gold)["recall"], pairwise([[("a", "c1"), ("b", "c1")]], gold)["f1"]
(1.0, 1.0)
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from conflict_ner.dedup import group_records
from conflict_ner.errors import DataError

Unit = tuple[str, str]


def read_clusters(path: str | Path) -> dict[tuple[str, int], str]:
    """``(doc_id, record index) -> act`` from the side file (``#`` comments; doc, index, trigger, act)."""
    out: dict[tuple[str, int], str] = {}
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 4 or not cells[1].isdigit():
            raise DataError("expected doc_id, record index, trigger, act (4 tab-separated cells)",
                            path=str(path), line=lineno)
        out[(cells[0], int(cells[1]))] = cells[3]
    return out


def _links(units_per_group: Iterable[Iterable[Unit]]) -> set[frozenset[Unit]]:
    links = set()
    for units in units_per_group:
        units = sorted(set(units))
        for i, a in enumerate(units):
            for b in units[i + 1:]:
                if a[0] != b[0]:
                    links.add(frozenset((a, b)))
    return links


def pairwise(predicted: Iterable[Iterable[Unit]], gold: Mapping[tuple[str, int], str]) -> dict[str, Any]:
    """Precision, recall and F1 of the links of ``predicted`` groups of units against the gold's."""
    by_act: dict[str, set[Unit]] = defaultdict(set)
    for (doc, _), act in gold.items():
        by_act[act].add((doc, act))
    want, got = _links(by_act.values()), _links(predicted)
    tp = len(want & got)
    p = tp / len(got) if got else 0.0
    r = tp / len(want) if want else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "links_gold": len(want),
            "links_predicted": len(got), "links_correct": tp}


def _overlap(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> bool:
    return bool(a and b and a.get("start") is not None and b.get("start") is not None
                and a["start"] < b["end"] and b["start"] < a["end"])


def act_of(record: Mapping[str, Any], gold_records: Sequence[Mapping[str, Any]],
           acts: Mapping[int, str]) -> str | None:
    """The act of the gold record a predicted record matches: the one whose trigger overlaps its
    trigger, else the only act among the gold records whose sentence overlaps its sentence."""
    for i, g in enumerate(gold_records):
        if i in acts and _overlap(record.get("trigger"), g.get("trigger")):
            return acts[i]
    same = {acts[i] for i, g in enumerate(gold_records) if i in acts and _overlap(record.get("sentence"), g.get("sentence"))}
    return same.pop() if len(same) == 1 else None


def score_records(records_per_doc: Mapping[str, Sequence[Mapping[str, Any]]],
                  gold_per_doc: Mapping[str, Sequence[Mapping[str, Any]]],
                  clusters: Mapping[tuple[str, int], str], **options) -> dict[str, Any]:
    """Group the records of all documents at once and score the groups' links."""
    acts_per_doc: dict[str, dict[int, str]] = defaultdict(dict)
    for (doc, index), act in clusters.items():
        acts_per_doc[doc][index] = act
    flat = [dict(r, doc_id=doc) for doc, recs in records_per_doc.items() for r in recs]
    groups = group_records(flat, **options)
    index_of = {doc: list(recs) for doc, recs in records_per_doc.items()}
    predicted = []
    for g in groups:
        units = []
        for s in g.sources:
            record = index_of[s.doc_id][s.record_index]
            act = act_of(record, gold_per_doc.get(s.doc_id, ()), acts_per_doc.get(s.doc_id, {}))
            units.append((s.doc_id, act if act is not None else f"unmatched:{s.doc_id}:{s.record_index}"))
        predicted.append(units)
    out = pairwise(predicted, clusters)
    out["records"] = len(flat)
    out["groups"] = len(groups)
    return out


def read_corpus(corpus: str | Path, doc_ids: Iterable[str]) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    """The compiled documents and gold records of ``doc_ids`` (whatever split they are in)."""
    wanted = set(doc_ids)
    folder = Path(corpus) / "compiled"
    docs: dict[str, dict] = {}
    for path in sorted(folder.glob("*.jsonl")):
        if path.name == "events.jsonl":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                if obj.get("id") in wanted:
                    docs[obj["id"]] = obj
    gold: dict[str, list[dict]] = {}
    for line in (folder / "events.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            if obj["doc_id"] in wanted:
                gold[obj["doc_id"]] = obj["records"]
    missing = sorted(wanted - docs.keys())
    if missing:
        raise DataError(f"{len(missing)} clustered document(s) are not in the compiled corpus, e.g. {missing[0]} "
                        "(run `conflict-ner data build`)", path=str(folder))
    return docs, gold


def evaluate_dedup(corpus: str | Path = "training/corpus", clusters_path: str | Path | None = None, *,
                   model: str | None = None, geocode: bool = True, **options) -> dict[str, Any]:
    """Scores of grouping (1) the gold records, (2) the rules' records on gold entities and,
    given ``model``, (3) its records from predicted entities; places geocoded unless ``geocode``
    is False, actors resolved to canonical names."""
    from conflict_ner.actors.records import with_identities
    from conflict_ner.actors.resolve import ActorResolver
    from conflict_ner.events.builder import build_records
    from conflict_ner.records import Entity

    clusters = read_clusters(clusters_path or Path(corpus) / "clusters.tsv")
    doc_ids = sorted({d for d, _ in clusters})
    docs, gold = read_corpus(corpus, doc_ids)
    result: dict[str, Any] = {"documents": len(doc_ids), "acts": len(set(clusters.values())),
                              "acts_reported_twice_or_more": sum(
                                  len({d for (d, _), a in clusters.items() if a == act}) > 1
                                  for act in set(clusters.values()))}
    result["gold_records"] = score_records(gold, gold, clusters, **options)
    geocoder = None
    if geocode:
        from conflict_ner.geo import default_geocoder
        from conflict_ner.geo.records import with_geo

        geocoder = default_geocoder()
    resolver = ActorResolver()
    rules: dict[str, list[dict]] = {}
    for doc_id in doc_ids:
        doc = docs[doc_id]
        text = doc["text"]
        entities = [Entity(label, s, e, text[s:e], 1.0) for s, e, label in doc.get("spans") or []]
        records = build_records(text, entities, doc.get("published"), doc_id)
        if geocoder is not None:
            records = with_geo(records, text, entities, geocoder)
        records = with_identities(records, text, entities, resolver, None)
        rules[doc_id] = [r.to_dict() for r in records]
    result["rules_gold_entities"] = score_records(rules, gold, clusters, **options)
    if model:
        from conflict_ner.extractor import EventExtractor

        extractor = EventExtractor.from_pretrained(model, geocode=geocode)
        predicted: dict[str, list[dict]] = {}
        for doc_id, res in zip(doc_ids, extractor.extract_batch(
                [{"id": d, "text": docs[d]["text"], "published": docs[d].get("published")} for d in doc_ids])):
            if res.error is not None:
                raise DataError(f"the extractor failed: {res.error}", doc_id=doc_id)
            predicted[doc_id] = [r.to_dict() for r in res.records]
        result["model_predicted_entities"] = score_records(predicted, gold, clusters, **options)
    return result
