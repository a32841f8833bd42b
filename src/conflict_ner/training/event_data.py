"""Event gold -> token labels for the event heads (pure functions), and reading the gold.

A document's compiled records (``events.jsonl``: trigger char span + sub-event type, actor
char spans + role) become one label per *unit* for each head, then one label per window
position (on first subwords, like the entity labels). ``-100`` means "not trained":

- triggers: a document with at least one record that names its trigger is labelled ``O``
  everywhere except its triggers (``B-``/``I-`` + sub-event type); the sentence of a record
  without a trigger (v1 gold) is masked, since its act word is there but unmarked. A
  document without any trigger is masked whole.
- roles: in a document with records, the units of every gold ACTOR span are ``O`` unless a
  record gives the actor a role (v1's ``unknown`` reads as ``other``); an actor given
  different roles by two records (one mention, two acts) is masked.
- modality: the units of each trigger take their record's modality; nothing else is trained.

>>> units = [(0, 6), (7, 14), (15, 19)]                      # "Rebels shelled Hama"
>>> rec = {"sentence": {"start": 0, "end": 19}, "trigger": {"text": "shelled", "start": 7, "end": 14},
...        "sub_event_type": "Shelling/artillery/missile attack", "modality": "asserted",
...        "actors": [{"text": "Rebels", "start": 0, "end": 6, "role": "initiator"}]}
>>> labels = unit_event_labels(units, [rec], [(0, 6, "ACTOR"), (15, 19, "LOCATION")])
>>> [TRIGGER_TAGS[t] for t in labels["triggers"]], labels["roles"], labels["modality"]
(['O', 'B-Shelling/artillery/missile attack', 'O'], [1, -100, -100], [-100, 0, -100])
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from pathlib import Path

from conflict_ner.errors import DataError
from conflict_ner.tagging.alignment import IGNORE
from conflict_ner.tagging.event_decoding import units_in
from conflict_ner.tagging.event_heads import MODALITIES, ROLES, TRIGGER_TAGS

_TRIGGER_ID = {t: i for i, t in enumerate(TRIGGER_TAGS)}
_ROLE_ID = {r: i for i, r in enumerate(ROLES)}
_MODALITY_ID = {m: i for i, m in enumerate(MODALITIES)}
#: gold role names -> head roles (v1's ``unknown`` is read as ``other``)
ROLE_OF_GOLD = {"initiator": "initiator", "target": "target", "other": "other", "unknown": "other"}


def unit_event_labels(units: Sequence[tuple[int, int]], records: Sequence[dict],
                      spans: Sequence[tuple[int, int, str]]) -> dict[str, list[int]]:
    """Label ids per unit of each head (``triggers``, ``roles``, ``modality``) for one
    document (see the module doc)."""
    n = len(units)
    triggers = [IGNORE] * n
    if any(r.get("trigger") for r in records):
        triggers = [_TRIGGER_ID["O"]] * n
        for rec in records:
            if not rec.get("trigger"):
                sent = rec.get("sentence") or {}
                for u in units_in(units, sent.get("start", 0), sent.get("end", 0)):
                    triggers[u] = IGNORE
        for rec in records:
            trig, sub = rec.get("trigger"), rec.get("sub_event_type")
            if not trig:
                continue
            span = units_in(units, trig["start"], trig["end"])
            if f"B-{sub}" not in _TRIGGER_ID:  # a trigger without a known sub-type teaches nothing sure
                for u in span:
                    triggers[u] = IGNORE
                continue
            for k, u in enumerate(span):
                triggers[u] = _TRIGGER_ID[("B-" if k == 0 else "I-") + sub]
    roles = [IGNORE] * n
    if records:
        for start, end, label in spans:
            if label == "ACTOR":
                for u in units_in(units, start, end):
                    roles[u] = _ROLE_ID["O"]
        given: dict[int, set[int]] = {}
        for rec in records:
            for actor in rec.get("actors") or ():
                role = _ROLE_ID[ROLE_OF_GOLD.get(actor.get("role") or "unknown", "other")]
                for u in units_in(units, actor["start"], actor["end"]):
                    given.setdefault(u, set()).add(role)
        for u, choices in given.items():
            roles[u] = choices.pop() if len(choices) == 1 else IGNORE
    return {"triggers": triggers, "roles": roles, "modality": _modality_labels(units, records)}


def _modality_labels(units: Sequence[tuple[int, int]], records: Sequence[dict]) -> list[int]:
    out = [IGNORE] * len(units)
    told: dict[int, set[int]] = {}
    for rec in records:
        trig, mod = rec.get("trigger"), rec.get("modality")
        if trig and mod in _MODALITY_ID:
            for u in units_in(units, trig["start"], trig["end"]):
                told.setdefault(u, set()).add(_MODALITY_ID[mod])
    for u, choices in told.items():
        out[u] = choices.pop() if len(choices) == 1 else IGNORE
    return out


def window_event_labels(first: Sequence[int], unit_labels: Sequence[int], start: int, end: int,
                        n_head: int, n_tail: int, continuing: Collection[int] = ()) -> list[int]:
    """Labels of one window ``[start, end)`` of content tokens with ``n_head``/``n_tail``
    special tokens around it: the unit's label on its first subword, ``-100`` elsewhere. A
    span cut by the window's left edge (its first unit's label is in ``continuing``, the
    ``I-`` ids) is not trained there.

    >>> window_event_labels([0, -1, 1, 2], [0, 3, 4], 0, 4, 1, 1)
    [-100, 0, -100, 3, 4, -100]
    >>> window_event_labels([0, -1, 1, 2], [1, 2, 0], 2, 4, 1, 1, continuing={2})
    [-100, -100, 0, -100]
    """
    content = [unit_labels[u] if u >= 0 else IGNORE for u in first[start:end]]
    inside = [i for i, u in enumerate(first[start:end]) if u >= 0]
    if inside and content[inside[0]] in continuing:
        content[inside[0]] = IGNORE
    return [IGNORE] * n_head + content + [IGNORE] * n_tail


#: trigger ids that continue a trigger (``I-`` tags)
CONTINUING_TRIGGER_IDS = frozenset(i for i, t in enumerate(TRIGGER_TAGS) if t.startswith("I-"))


def read_event_gold(path: str | Path, doc_texts: dict[str, str] | None = None) -> dict[str, list[dict]]:
    """Records per document id from a compiled ``events.jsonl``. With ``doc_texts``, each
    trigger and actor span is checked against its document's text; errors name the file,
    the line and the offset."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DataError("no such event gold file (events.gold)", path=str(path)) from None
    out: dict[str, list[dict]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            doc_id, records = doc["doc_id"], doc["records"]
        except (ValueError, KeyError, TypeError) as err:
            raise DataError(f"not an event gold line ({type(err).__name__}: {err})", path=str(path),
                            line=number) from None
        text = (doc_texts or {}).get(doc_id)
        for rec in records:
            _check_record(rec, text, path, number, doc_id)
        out.setdefault(doc_id, []).extend(records)
    return out


def _check_record(rec: dict, text: str | None, path: Path, line: int, doc_id: str) -> None:
    trig = rec.get("trigger")
    sub = rec.get("sub_event_type")
    if trig and sub is not None and f"B-{sub}" not in _TRIGGER_ID:
        raise DataError(f"unknown sub_event_type {sub!r}", path=str(path), line=line, doc_id=doc_id)
    spans = ([("trigger", trig)] if trig else []) + [("actor", a) for a in rec.get("actors") or ()]
    for what, span in spans:
        try:
            start, end, said = int(span["start"]), int(span["end"]), span.get("text")
        except (KeyError, TypeError, ValueError):
            raise DataError(f"{what} without start/end offsets: {span!r}", path=str(path), line=line) from None
        if text is not None and (end > len(text) or start >= end
                                 or (said is not None and not _same_words(text[start:end], said))):
            raise DataError(f"{what} {said!r} at offset {start}-{end} does not match the document text "
                            f"({text[start:end]!r})", path=str(path), line=line, doc_id=doc_id, offset=start)


def _same_words(found: str, said: str) -> bool:
    r"""The span's text as the gold gives it: a line break inside a wrapped name may be
    written as a space.

    >>> _same_words("Syrian army\nconscripts", "Syrian army conscripts"), _same_words("army", "navy")
    (True, False)
    """
    return found == said or found.split() == said.split()


def training_window_labels(docs: Sequence, windows: Sequence, encodings: Sequence, gold: dict[str, list[dict]],
                           heads: Sequence[str], n_head: int, n_tail: int
                           ) -> tuple[list[dict[str, list[int]]], dict[str, int]]:
    """Each window's labels for each head in ``heads`` (all ``-100`` for a document without
    event gold), and counts of what was labelled."""
    per_doc = []
    for doc, enc in zip(docs, encodings):
        records = gold.get(doc.id, [])
        per_doc.append(unit_event_labels(enc.units, records, doc.spans) if records else None)
    out: list[dict[str, list[int]]] = []
    report = {"documents_with_gold": sum(p is not None for p in per_doc),
              "documents_with_triggers": sum(p is not None and any(t != IGNORE for t in p["triggers"]) for p in per_doc),
              "windows_trained": 0, "trigger_units": 0, "role_units": 0, "modality_units": 0}
    for w in windows:
        labels = per_doc[w.doc_index]
        width = len(w.input_ids)
        entry: dict[str, list[int]] = {}
        for name in heads:
            if labels is None:
                entry[name] = [IGNORE] * width
                continue
            continuing = CONTINUING_TRIGGER_IDS if name == "triggers" else ()
            first = encodings[w.doc_index].first
            entry[name] = window_event_labels(first, labels[name], w.token_start, w.token_end, n_head, n_tail,
                                              continuing)
        trained = {k: sum(v != IGNORE for v in vals) for k, vals in entry.items()}
        report["windows_trained"] += any(trained.values())
        report["trigger_units"] += trained.get("triggers", 0)
        report["role_units"] += trained.get("roles", 0)
        report["modality_units"] += trained.get("modality", 0)
        out.append(entry)
    return out, report
