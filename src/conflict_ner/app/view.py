"""A self-contained HTML page: the article with entities highlighted, and its event records
(``conflict-ner view``: any one input ``extract`` reads, a page or URL with its title, URL,
site and date shown).

>>> from conflict_ner.records import Entity
>>> html = render_html("Rebels fired.", [Entity("ACTOR", 0, 6, "Rebels", 0.9)], [], title="t")
>>> '<mark class="ACTOR"' in html and "Rebels" in html
True
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from conflict_ner.app.view_map import MAP_CSS, render_map
from conflict_ner.records import ActorRef, Entity, EventRecord, PlaceRef

# marks the pages this module writes, so that a folder given to ``extract`` skips them
GENERATOR = "conflict-ner view"

COLOURS = {"ACTOR": "#fde68a", "LOCATION": "#bfdbfe", "WEAPON": "#fecaca", "COUNT": "#bbf7d0",
           "DATE": "#e9d5ff"}
_FALLBACK = "#e5e7eb"


def _highlight(text: str, entities: list[Entity]) -> str:
    out, pos = [], 0
    for e in sorted(entities, key=lambda e: e.start):
        if e.start < pos:
            continue
        out.append(escape(text[pos:e.start]))
        out.append(f'<mark class="{escape(e.label)}" title="{escape(e.label)} {e.score:.2f}">'
                   f'{escape(text[e.start:e.end])}<sup>{escape(e.label)}</sup></mark>')
        pos = e.end
    out.append(escape(text[pos:]))
    return "".join(out).replace("\n\n", "</p><p>").replace("\n", "<br>")


def _cell(items) -> str:
    return "<br>".join(escape(x) for x in items) or "&ndash;"


def _actor(a: ActorRef) -> str:
    """An actor as written, its role, and its identity once resolved.

    >>> _actor(ActorRef("HTS", 0, 3, "initiator", "Hayat Tahrir al-Sham", "Rebel group", 2))
    'HTS (initiator) → Hayat Tahrir al-Sham [Rebel group, inter 2]'
    """
    out = f"{a.text} ({a.role})"
    if a.canonical:
        kind = ", ".join(x for x in (a.actor_type, f"inter {a.inter_code}" if a.inter_code else None) if x)
        out += f" \u2192 {a.canonical}" + (f" [{kind}]" if kind else "")
    return out


def _place(p) -> str:
    geo = p.geo if isinstance(p, PlaceRef) else None
    if geo is None or (geo.name is None and geo.latitude is None):
        return p.text
    where = ", ".join(x for x in (geo.name, geo.admin1, geo.country) if x)
    return f"{p.text} \u2192 {where}" + (f" (precision {geo.geo_precision})" if geo.geo_precision else "")


def _record_row(i: int, r: EventRecord) -> str:
    # cells are plain text (typographic characters, not entity references) and escaped once, here
    actors = [_actor(a) for a in r.actors]
    counts = []
    for c in r.counts:
        noun = f" {c.counted}" if c.counted else ""
        rng = "" if c.low == c.high == c.value else \
            f" [{c.low if c.low is not None else ''}-{c.high if c.high is not None else ''}]"
        counts.append(f"{c.text}{noun} \u2192 {c.value} {c.outcome}{' (cumulative)' if c.cumulative else ''}{rng}")
    date = f"{r.date.value or '?'} ({r.date.precision})" + \
        (f" from \u201c{r.date.text}\u201d" if r.date.text else "")
    kind = f"{r.event_type} \u2013 {r.sub_event_type}"
    return (f"<tr><td>{i}</td><td>{escape(kind)}</td><td>{escape(' '.join(r.sentence.text.split()))}</td>"
            f"<td>{escape(date)}</td>"
            f"<td>{_cell(actors)}</td><td>{_cell(_place(x) for x in r.locations)}</td>"
            f"<td>{_cell(x.text for x in r.weapons)}</td><td>{_cell(counts)}</td>"
            f"<td>{escape(r.modality)}</td><td>{escape(r.attribution.text) if r.attribution else '&ndash;'}</td>"
            f"<td>{r.confidence:.2f}</td></tr>")


def _link(url: str) -> str:
    # only web addresses become links: a page's canonical URL could be ``javascript:``
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url, quote=True)}">{escape(url)}</a>'
    return escape(url)


def _meta_line(model: str | None, published: str | None, published_from: str | None, site: str | None,
               url: str | None) -> str:
    parts = [escape(f"model: {model}") if model else "", escape(f"site: {site}") if site else ""]
    if published:
        parts.append(escape(f"published: {published}" + (f" (from {published_from})" if published_from else "")))
    if url:
        parts.append(_link(url))
    return " &middot; ".join(p for p in parts if p)


def render_html(text: str, entities: list[Entity], records: list[EventRecord], *, title: str,
                model: str | None = None, published: str | None = None, published_from: str | None = None,
                site: str | None = None, url: str | None = None) -> str:
    """The page as a string (inline CSS and SVG, no scripts, no external resources): the article,
    a map of the records' geocoded places over Natural Earth outlines, and the records."""
    labels = sorted({e.label for e in entities} | set(COLOURS))
    css = "".join(f"mark.{lab}{{background:{COLOURS.get(lab, _FALLBACK)}}}" for lab in labels)
    legend = " ".join(f'<mark class="{lab}">{lab}</mark>' for lab in labels)
    rows = "".join(_record_row(i, r) for i, r in enumerate(records, start=1)) or \
        '<tr><td colspan="11">No event records.</td></tr>'
    meta = _meta_line(model, published, published_from, site, url)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="generator" content="{GENERATOR}">
<title>{escape(title)}</title>
<style>
body{{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#111}}
article{{line-height:1.9;font-size:1.05rem;border:1px solid #ddd;padding:1rem 1.5rem;border-radius:6px}}
mark{{padding:0 .2em;border-radius:3px}} mark sup{{font-size:.6em;margin-left:.2em;color:#444}}
{css}
table{{border-collapse:collapse;width:100%;margin-top:1rem;font-size:.9rem}}
th,td{{border:1px solid #ddd;padding:.35rem;vertical-align:top;text-align:left}} th{{background:#f3f4f6}}
.meta{{color:#555}}
{MAP_CSS}
</style></head><body>
<h1>{escape(title)}</h1>
<p class="meta">{meta}</p>
<p>{legend}</p>
<article><p>{_highlight(text, entities)}</p></article>
<h2>Map</h2>
{render_map(records)}
<h2>Event records ({len(records)})</h2>
<table><thead><tr><th>#</th><th>event type</th><th>sentence</th><th>date</th><th>actors</th><th>locations</th><th>weapons</th>
<th>counts</th><th>modality</th><th>attribution</th><th>conf.</th></tr></thead>
<tbody>{rows}</tbody></table>
</body></html>
"""


def view_command(args) -> int:
    """``conflict-ner view``: read one input (file, page, URL, ``-``), tag it, write the page.
    An input that cannot be read, or is not in English, raises ``InputError`` (exit 2)."""
    from conflict_ner.app.batch import input_options
    from conflict_ner.app.batch_ingest import load_one
    from conflict_ner.extractor import DEFAULT_MAX_INPUT_BYTES, EventExtractor

    options = input_options(args)
    item = load_one(args.article, DEFAULT_MAX_INPUT_BYTES, options)  # before the model: fail fast
    extractor = EventExtractor.from_pretrained(args.model, quantize=args.quantize)
    text = item.text or ""
    entities = extractor.entities(text)
    records = extractor.extract(text, published=item.published, doc_id=item.key)
    title = args.title or item.title or (Path(args.article).name if args.article != "-" else "stdin")
    html = render_html(text, entities, records, title=title, model=extractor.name, published=item.published,
                       published_from=item.published_from, site=item.site, url=item.url)
    Path(args.output).write_text(html, encoding="utf-8")
    about = " | ".join(x for x in (item.title, item.url, item.published and f"published {item.published}") if x)
    print(f"{len(entities)} entities, {len(records)} event records -> {args.output}" + (f" ({about})" if about else ""))
    return 0
