"""Pages, URLs and stdin for the batch path, and the last step before the model: dates and
the English-only gate.

A page or URL item is made with a ``loader`` and read only in :func:`prepare`, which runs
after the resume check; any failure there is the item's error line (``input`` for what is
wrong with the input: offline, HTTP 404, not a web page, no article text, not English;
``internal`` for a bug), never a crash. The parsing itself lives in :mod:`conflict_ner.ingest`.

stdin (``-``) is one document, unless its first non-blank line is a JSON object: then it is
JSONL, one document per line like a JSONL file. Lines of stdin documents carry their
``text`` (nothing on disk holds it for the offsets to index). A document that starts like an HTML page
(``<!DOCTYPE html``, ``<html``) is read as a page. A plain or HTML document from stdin has
the id ``stdin-`` and the first 12 hex digits of its text's SHA-256, so piping another text
into the same output is a new input, and piping the same one again is already done.

>>> import io
>>> [i.key for i in read_stdin(InputOptions(stdin=io.BytesIO(b'{"id": "a", "text": "x"}\\n{"text": "y"}\\n')), 100)]
['a', 'stdin:2']
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import sys
from collections.abc import Iterator
from functools import partial

from conflict_ner.app.batch_inputs import (STDIN, InputItem, InputOptions, SourceFile, bounded_lines, failed,
                                           iter_inputs, jsonl_items, jsonl_line_limit, text_item)
from conflict_ner.errors import InputError
from conflict_ner.text.published import parse_published

logger = logging.getLogger("conflict_ner")
# a page's HTML may be this many times the size allowed for the text the model reads
PAGE_BYTES_FACTOR = 10
STDIN_DISPLAY = "<stdin>"


def page_limit(max_bytes: int) -> int:
    """The largest page (or fetched body) read for a text limit of ``max_bytes``."""
    return PAGE_BYTES_FACTOR * max_bytes


def deferred(src: SourceFile, max_bytes: int) -> InputItem:
    """A page file or URL as an item whose reading waits for :func:`prepare`."""
    if src.kind == "url":
        return InputItem(src.key, src.display, url=src.path, show_text=True,
                         loader=partial(_load_url, src.path, max_bytes))
    return InputItem(src.key, src.display, show_text=True, loader=partial(_load_page_file, src.path, max_bytes))


def _fill_from_page(item: InputItem, data: bytes, url: str | None, charset: str | None,
                    options: InputOptions) -> None:
    from conflict_ner.ingest.page import read_page

    page = read_page(data, url, charset=charset, published=parse_published(options.published))
    item.text, item.title, item.site = page.text, page.title, page.site
    item.url = page.url or item.url
    item.published = page.published.isoformat() if page.published else None
    item.published_from = page.published_from


def _load_page_file(path: str, max_bytes: int, item: InputItem, options: InputOptions) -> None:
    limit = page_limit(max_bytes)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}") from None
    if len(data) > limit:
        raise InputError(f"page is over {limit:,} bytes, above the limit for a page "
                         f"({PAGE_BYTES_FACTOR} x {max_bytes:,})")
    _fill_from_page(item, data, None, None, options)


def _load_url(url: str, max_bytes: int, item: InputItem, options: InputOptions) -> None:
    from conflict_ner.ingest.fetch import fetch

    got = fetch(url, max_bytes=page_limit(max_bytes), timeout=options.fetch_timeout)
    item.url = got.url
    if got.kind == "page":
        _fill_from_page(item, got.body, got.url, got.charset, options)
        return
    try:
        item.text = got.body.decode(got.charset or "utf-8-sig")
    except (LookupError, UnicodeDecodeError):
        raise InputError(f"{url}: the text is not in the charset it declares ({got.charset or 'utf-8'})") from None


def read_stdin(options: InputOptions, max_bytes: int) -> Iterator[InputItem]:
    """The documents on stdin (``options.stdin``, else the process's): JSONL lines, or one
    plain-text or HTML document."""
    stream = options.stdin if options.stdin is not None else sys.stdin.buffer
    lines = bounded_lines(stream, jsonl_line_limit(max_bytes))
    head: list[tuple[int, bytes | None, int]] = []
    for entry in lines:
        head.append(entry)
        if entry[1] is None or entry[1].strip():
            break
    first = head[-1][1] if head else None
    if first is not None and _is_json_object(first):
        for item in jsonl_items(itertools.chain(head, lines), "stdin", STDIN_DISPLAY, max_bytes):
            item.show_text = True  # nothing on disk holds what was piped in
            yield item
        return
    yield _stdin_document(head, stream, max_bytes)


def _is_json_object(raw: bytes) -> bool:
    try:
        return isinstance(json.loads(raw.decode("utf-8-sig")), dict)
    except (ValueError, RecursionError):
        return False


def _stdin_document(head: list[tuple[int, bytes | None, int]], stream, max_bytes: int) -> InputItem:
    if any(raw is None for _, raw, _ in head):
        return failed("stdin", STDIN_DISPLAY, f"stdin is larger than the limit of {max_bytes:,} bytes")
    data = b"".join(raw for _, raw, _ in head)
    from conflict_ner.ingest.page import looks_like_html

    is_page = looks_like_html(data)
    limit = page_limit(max_bytes) if is_page else max_bytes
    data += stream.read(max(0, limit + 1 - len(data)))
    if len(data) > limit:
        return failed("stdin", STDIN_DISPLAY, f"stdin is larger than the limit of {limit:,} bytes")
    key = f"stdin-{hashlib.sha256(data).hexdigest()[:12]}"
    if is_page:
        return InputItem(key, STDIN_DISPLAY, show_text=True,
                         loader=lambda item, options: _fill_from_page(item, data, None, None, options))
    item = text_item(key, STDIN_DISPLAY, data)
    item.show_text = True
    return item


def _dates(item: InputItem, options: InputOptions) -> None:
    """``published`` as an ISO date: the input's own, else ``options.published``."""
    if item.published_from is not None:  # a page settled it
        return
    raw, item.published = item.published, None  # an error line never shows an unread date
    date = parse_published(raw)
    if date is not None:
        item.published_from = "input"
    else:
        date = parse_published(options.published)
        item.published_from = "--published" if date is not None else None
    item.published = date.isoformat() if date is not None else None


def prepare(item: InputItem, options: InputOptions) -> InputItem:
    """Read a deferred item, settle its date, refuse it when it is not in English; every
    failure becomes the item's error."""
    try:
        if item.loader is not None:
            loader, item.loader = item.loader, None
            loader(item, options)
        if item.error is None:
            _dates(item, options)
        if item.error is None and options.check_language and item.text:
            from conflict_ner.ingest.language import foreign_language

            language = foreign_language(item.text)
            if language is not None:
                raise InputError(f"the text is in {language}, not English: the model reads English only "
                                 "(--any-language runs it anyway)")
    except InputError as err:
        item.error, item.error_kind = str(err), "input"
    except Exception as err:  # noqa: BLE001 - a bug in reading one input costs that input only
        logger.error("cannot read input %s", item.source, exc_info=True)
        item.error, item.error_kind = f"cannot read: {type(err).__name__}: {str(err)[:300]}", "internal"
    return item


def load_one(name: str, max_bytes: int, options: InputOptions) -> InputItem:
    """The one document ``name`` holds (a file, a page, a URL, ``-``), prepared; raises
    :class:`InputError` when it holds none, several, or cannot be read."""
    items = list(itertools.islice(iter_inputs([name], max_bytes, options=options), 2))
    if len(items) != 1:
        where = STDIN_DISPLAY if name == STDIN else name
        raise InputError(f"{where} holds {'no document' if not items else 'more than one document'}; "
                         "give one article")
    item = prepare(items[0], options)
    if item.error is not None:
        raise InputError(item.error if item.error.startswith(item.source) else f"{item.source}: {item.error}")
    return item
