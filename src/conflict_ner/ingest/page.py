"""A saved or fetched web page as a document: its main text (menus, share prompts, captions,
related-article teasers and footers left out, by ``trafilatura``) and its provenance.

The text keeps one block (paragraph, heading, list item) per paragraph, separated by a blank
line, so that no entity runs from one block into the next; record offsets index this text.
The publication date comes from the page's markup (meta tags, ``<time>``, the URL); when
the markup has none, the caller's date applies, and only then ``htmldate``'s search of the
whole page (which can pick up the date of a linked article, hence ``page-guess``).

>>> page = read_page(b"<html><head><title>T</title></head><body><article><p>Rebels shelled Hama on "
...                  b"Monday, killing five civilians, a monitor said.</p></article></body></html>")
>>> page.text, page.title, page.published
('Rebels shelled Hama on Monday, killing five civilians, a monitor said.', 'T', None)
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass

from conflict_ner.errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# browsers read these labels as windows-1252 (WHATWG encoding standard), and so do we
_AS_CP1252 = {"iso8859-1", "latin-1", "ascii", "cp1252"}


@dataclass(frozen=True)
class Page:
    """What a page gives: ``published_from`` is ``page``, ``--published`` or ``page-guess``."""

    text: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: dt.date | None = None
    published_from: str | None = None


def looks_like_html(data: bytes) -> bool:
    """True when ``data`` starts (after a BOM and blanks) like an HTML document.

    >>> looks_like_html(b"  <!DOCTYPE html><html>"), looks_like_html(b"Rebels <b>fired</b>")
    (True, False)
    """
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return True
    # an XML prolog, or the comment browsers put first in a saved page
    return head.startswith((b"<?xml", b"<!--")) and b"<html" in head


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_CP1252 else name


def decode_page(data: bytes, declared: str | None = None) -> str | None:
    """The page as text: a BOM, then the declared charset (an HTTP header), then the page's
    ``<meta charset>``, then UTF-8; ``None`` when none of them decodes it (the caller lets
    ``trafilatura`` guess).

    >>> decode_page('<meta charset="windows-1252"><p>Hay\\u2019at</p>'.encode("cp1252"))
    '<meta charset="windows-1252"><p>Hay’at</p>'
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    found = _META_CHARSET.search(data[:4096])
    for label in (declared, found.group(1).decode("ascii") if found else None, "utf-8"):
        codec = _codec(label)
        if codec is None:
            continue
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def main_text(body: str) -> str:
    """trafilatura's text with one blank line between blocks and no blank-only lines.

    >>> main_text("Title\\nFirst paragraph.\\n\\n  \\nSecond.")
    'Title\\n\\nFirst paragraph.\\n\\nSecond.'
    """
    return "\n\n".join(line.strip() for line in body.splitlines() if line.strip())


def read_page(data: bytes | str, url: str | None = None, *, charset: str | None = None,
              published: dt.date | None = None) -> Page:
    """The main text and metadata of one HTML page (``url``: where it was fetched; the page's
    canonical URL wins). ``published`` is the date to use when the markup has none.

    Raises :class:`InputError` when the page has no article text.
    """
    import trafilatura

    html = data if isinstance(data, str) else decode_page(data, charset) or data
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_images=False, include_tables=True,
        # the markup only: htmldate's search of the whole page is the last resort (below)
        date_extraction_params={"extensive_search": False, "original_date": True})
    text = main_text(doc.text or "") if doc is not None else ""
    if not text:
        raise InputError("no article text found in the page")
    date, source = _date(doc.date), "page"
    if date is None and published is not None:
        date, source = published, "--published"
    if date is None:
        from htmldate import find_date

        date, source = _date(find_date(html, extensive_search=True, original_date=True, url=url)), "page-guess"
    return Page(text, title=doc.title or None, url=doc.url or url, site=doc.sitename or doc.hostname or None,
                published=date, published_from=source if date else None)
