"""What every export reads off a record the same way: sides, deaths, dates, the reporting outlet.

>>> split_evenly(7, 3)
[3, 2, 2]
>>> outlet({"url": "https://www.reuters.com/world/x"})
'reuters.com'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from conflict_ner.events.counts import outcome_total
from conflict_ner.records import ActorRef, CountRef, EventRecord

#: Modalities of acts that happened as reported (a denied, threatened or planned act is no event).
REPORTED = frozenset({"asserted", "claimed"})


def reported(records: Iterable[EventRecord]) -> list[EventRecord]:
    """The records of acts that happened as reported (asserted, or claimed by a party)."""
    return [r for r in records if r.modality in REPORTED]


def sides(record: EventRecord) -> tuple[list[ActorRef], list[ActorRef]]:
    """The record's two sides: the initiators, and the targets (actors of unknown role join the
    initiators' side when it is empty, else the targets')."""
    initiators = [a for a in record.actors if a.role == "initiator"]
    targets = [a for a in record.actors if a.role == "target"]
    unknown = [a for a in record.actors if a.role == "unknown"]
    if initiators:
        return initiators, targets + unknown
    return unknown, targets


def actor_name(actor: ActorRef) -> str:
    """The actor's canonical name once resolved, else its text as written."""
    return actor.canonical or " ".join(actor.text.split())


def names(actors: Sequence[ActorRef]) -> list[str]:
    """Distinct names of actors, in order."""
    return list(dict.fromkeys(actor_name(a) for a in actors))


def deaths(record: EventRecord, counts: Sequence[CountRef] | None = None, bound: str = "value") -> int:
    """Killed in the act (``bound``: ``value``, ``low`` or ``high`` of each count; a count without
    that bound gives its value), parts of a total not added twice; 0 for none."""
    counts = record.counts if counts is None else counts
    if bound != "value":
        counts = [replace(c, value=getattr(c, bound) if getattr(c, bound) is not None else c.value) for c in counts]
    return outcome_total(record.sentence, counts, "killed") or 0


def split_evenly(total: int, parts: int) -> list[int]:
    """``total`` shared over ``parts`` rows, the remainder on the first ones (the sum stays ``total``)."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def middle_day(start: str | None, end: str | None) -> str | None:
    """The middle day of a date range (its start when the range has an even number of days).

    >>> middle_day("2024-05-01", "2024-05-31"), middle_day("2024-04-29", "2024-05-05")
    ('2024-05-16', '2024-05-02')
    """
    if start is None or end is None:
        return start or end
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    return date.fromordinal((a.toordinal() + b.toordinal()) // 2).isoformat()


def outlet(fields: Mapping[str, Any] | None) -> str | None:
    """The reporting outlet of an input: its ``site`` name, else its URL's host."""
    fields = fields or {}
    site = fields.get("site")
    if isinstance(site, str) and site.strip():
        return " ".join(site.split())
    url = fields.get("url")
    if isinstance(url, str) and url:
        host = urlsplit(url).hostname or ""
        return re.sub(r"^www\.", "", host) or None
    return None


def join(values: Iterable[str | None]) -> str:
    """Distinct non-empty values joined as ACLED joins them (``"; "``)."""
    return "; ".join(dict.fromkeys(v for v in values if v))


def one_line(text: str) -> str:
    return " ".join(text.split())
