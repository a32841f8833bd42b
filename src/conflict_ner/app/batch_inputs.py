"""The batch path's inputs: which files, one :class:`InputItem` per document, ids unique per run.

Inputs are ``.txt`` files (any case: ``.TXT`` too), JSONL files (``id``, ``text``,
``published`` per line, other fields passed through), ``.html``/``.htm`` pages, folders of
all of these, walked recursively in name order, ``http(s)://`` URLs and ``-`` (stdin). Every
document, readable or not, becomes one item; a broken symbolic link, an unreadable file
or a bad JSONL line is an item with an ``error``, never skipped silently. Pages and URLs
are read only when their turn comes (:func:`conflict_ner.app.batch_ingest.prepare`), so a
resumed run neither parses nor fetches what is already done.

>>> ids = UniqueIds()
>>> ids.assign("1", "a.jsonl:1"), ids.assign("1", "b.jsonl:4")
('1', '1@b.jsonl:4')
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from conflict_ner.ingest.fetch import is_url
from conflict_ner.text.repair import replace_surrogates

MAX_ID_CHARS = 1000
# JSONL fields the output line carries as its own; every other field goes to its ``meta``
PROVENANCE_FIELDS = ("url", "title", "site")
_READ_FIELDS = {"id", "text", "published", *PROVENANCE_FIELDS}
# JSON escapes can make a line up to 6x the bytes of its text ("\u0001" for one byte)
_JSON_OVERHEAD = 6


def path_str(path: str | os.PathLike) -> str:
    """A printable, UTF-8-safe form of a path: undecodable bytes of a file name become ``\\xNN``.

    >>> path_str(os.fsdecode(b"caf\\xe9.txt"))
    'caf\\\\xe9.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@dataclass
class InputItem:
    """One input document, or the reason it could not be read.

    ``key`` is the id the input asked for (JSONL ``id``, a file's relative path); ``source``
    says where it came from (``path`` or ``path:line``); ``doc_id`` is the run's unique id.
    """

    key: str
    source: str
    text: str | None = None
    published: Any = None
    error: str | None = None
    error_kind: str | None = None
    doc_id: str = ""
    # provenance written on the output line (see :meth:`line_fields`)
    published_from: str | None = None
    url: str | None = None
    title: str | None = None
    site: str | None = None
    meta: dict[str, Any] | None = None
    show_text: bool = False  # the text was made here (a page, stdin): the line carries it
    # reads the document when its turn comes (pages, URLs): fills text and provenance, or error
    loader: Callable[["InputItem", "InputOptions"], None] | None = None

    def as_mapping(self) -> dict[str, Any]:
        return {"id": self.doc_id, "text": self.text, "published": self.published}

    def line_fields(self) -> dict[str, Any]:
        """What the output line says about the input besides its records: ``url``, ``title``,
        ``site``, ``published`` (ISO), ``published_from``, ``meta`` (JSONL fields passed
        through, if any) and ``text`` (a page's or stdin's text, which offsets index)."""
        fields: dict[str, Any] = {"url": self.url, "title": self.title, "site": self.site,
                                  "published": self.published if isinstance(self.published, str) else None,
                                  "published_from": self.published_from}
        if self.meta:
            fields["meta"] = self.meta
        if self.show_text and self.text is not None:
            fields["text"] = self.text
        return fields


@dataclass
class InputOptions:
    """How inputs are read: ``published`` for documents without a date of their own,
    ``check_language`` (refuse documents not in English), ``fetch_timeout`` per URL, and
    the ``stdin`` stream ``-`` reads."""

    published: Any = None
    check_language: bool = True
    fetch_timeout: float = 20.0
    stdin: BinaryIO | None = None


def failed(key: str, source: str, message: str, kind: str = "input") -> InputItem:
    return InputItem(key, source, error=message, error_kind=kind)


class UniqueIds:
    """Ids unique within a run: the first input asking for an id gets it; a later one gets
    ``id@source`` (``source`` is path and line), stable as long as inputs keep their order."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.renamed: list[tuple[str, str]] = []

    def assign(self, key: str, source: str) -> str:
        doc_id = key
        if doc_id in self.seen:
            doc_id = f"{key}@{source}"
            n = 1
            while doc_id in self.seen:  # an input may already use the suffixed form
                n += 1
                doc_id = f"{key}@{source}#{n}"
            self.renamed.append((key, doc_id))
        self.seen.add(doc_id)
        return doc_id


# --- which files --------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceFile:
    """A file to read: ``kind`` is ``txt``, ``jsonl``, or the reason it cannot be (``error``)."""

    path: str
    display: str
    key: str
    kind: str
    error: str | None = None


STDIN = "-"


def _kind(name: str) -> str | None:
    suffix = os.path.splitext(name)[1].lower()
    return {".txt": "txt", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}.get(suffix)


def _is_view_page(path: str) -> bool:
    """A page ``conflict-ner view`` wrote (its output, not an article)."""
    from conflict_ner.app.view import GENERATOR

    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError:
        return False  # reading it later gives the error line
    return f'<meta name="generator" content="{GENERATOR}">'.encode() in head


def _walk(top: str, display: str, rel: str, skip: Callable[[str], bool], visited: set,
          ignored: list[str]) -> Iterator[SourceFile]:
    try:
        st = os.stat(top)
        if (st.st_dev, st.st_ino) in visited:  # a symlink loop
            return
        visited.add((st.st_dev, st.st_ino))
        with os.scandir(top) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        yield SourceFile(top, display, rel or display, "error", f"cannot list folder: {err.strerror}")
        return
    for entry in entries:
        child_display = os.path.join(display, entry.name)
        child_rel = f"{rel}/{entry.name}" if rel else entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(entry.path, child_display, child_rel, skip, visited, ignored)
            continue
        kind = _kind(entry.name)
        if kind is None or (kind == "html" and _is_view_page(entry.path)):
            ignored.append(entry.path)
            continue
        if skip(entry.path):
            continue
        key = path_str(child_rel)
        if entry.is_symlink() and not os.path.exists(entry.path):
            target = path_str(os.readlink(entry.path))
            yield SourceFile(entry.path, path_str(child_display), key, "error",
                             f"broken symbolic link (to {target})")
        elif not entry.is_file():
            yield SourceFile(entry.path, path_str(child_display), key, "error", "not a regular file")
        else:
            yield SourceFile(entry.path, path_str(child_display), key, kind)


def list_sources(inputs: list[str], skip: Callable[[str], bool] = lambda p: False,
                 ignored: list[str] | None = None) -> Iterator[SourceFile]:
    """The files the inputs name, in order; ``skip(path)`` leaves a folder's file out (the
    output and its sidecars); names of other files found in folders go to ``ignored``."""
    ignored = [] if ignored is None else ignored
    for name in inputs:
        display = path_str(name)
        if name == STDIN:
            yield SourceFile(name, "<stdin>", "stdin", "stdin")
        elif is_url(name) and not os.path.exists(name):
            yield SourceFile(name, display, display, "url")
        elif os.path.isdir(name):
            yield from _walk(name, name, "", skip, set(), ignored)
        elif os.path.isfile(name):
            yield SourceFile(name, display, path_str(os.path.basename(name)), _kind(name) or "txt")
        elif os.path.islink(name):
            yield SourceFile(name, display, display, "error",
                             f"broken symbolic link (to {path_str(os.readlink(name))})")
        elif os.path.exists(name):
            yield SourceFile(name, display, display, "error", "not a file or folder")
        else:
            yield SourceFile(name, display, display, "error", "no such file or folder")


# --- reading ------------------------------------------------------------------------------


def read_txt(src: SourceFile, max_bytes: int) -> InputItem:
    """One ``.txt`` file as one document (UTF-8, a BOM allowed)."""
    try:
        with open(src.path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
            if len(raw) > max_bytes:
                size = os.fstat(handle.fileno()).st_size
                return failed(src.key, src.display, f"input is {size:,} bytes, above the limit of {max_bytes:,}")
    except OSError as err:
        return failed(src.key, src.display, f"cannot read: {err.strerror}")
    return text_item(src.key, src.display, raw)


def text_item(key: str, source: str, raw: bytes) -> InputItem:
    """Bytes of one plain-text document as an item (UTF-8, a BOM allowed), or the reason not."""
    if b"\x00" in raw:
        return failed(key, source, "not a text file (NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return failed(key, source, f"not UTF-8 (byte {err.start}: {err.reason})")
    return InputItem(key, source, text)


def bounded_lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """``(line number, bytes, size)``; bytes is None for a line longer than ``limit`` (not kept
    in memory)."""
    lineno = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw)
            while True:
                rest = handle.readline(1 << 20)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None, size
        else:
            yield lineno, raw, len(raw)


def _parse_line(raw: bytes, key: str, source: str, first: bool) -> InputItem:
    try:
        line = raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as err:
        return failed(key, source, f"{source}: not UTF-8 (byte {err.start}: {err.reason})")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return failed(key, source, f"{source}: invalid JSON at column {err.colno}: {err.msg}")
    except (ValueError, RecursionError) as err:  # huge integers, deep nesting
        return failed(key, source, f"{source}: invalid JSON: {type(err).__name__}: {str(err)[:200]}")
    if not isinstance(obj, dict):
        return failed(key, source, f"{source}: expected an object with 'text', got {type(obj).__name__}")
    raw_id = obj.get("id")
    if isinstance(raw_id, str) and raw_id:
        key = replace_surrogates(raw_id)
    elif isinstance(raw_id, (int, float)) and not isinstance(raw_id, bool):
        key = str(raw_id)
    elif raw_id not in (None, ""):
        return failed(key, source, f"{source}: field 'id' is {type(raw_id).__name__}, expected a string or number")
    if len(key) > MAX_ID_CHARS:
        return failed(f"{key[:100]}...", source,
                       f"{source}: field 'id' is {len(key):,} characters long, above {MAX_ID_CHARS:,}")
    text = obj.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"{type(text).__name__}, not a string"
        return failed(key, source, f"{source}: field 'text' is {what}")
    published = obj.get("published")
    if published is not None and not isinstance(published, str):
        return failed(key, source, f"{source}: field 'published' is {type(published).__name__}, "
                                    "expected a YYYY-MM-DD string")
    known = {}
    for name in PROVENANCE_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return failed(key, source, f"{source}: field {name!r} is {type(value).__name__}, expected a string")
        known[name] = value
    meta = {k: v for k, v in obj.items() if k not in _READ_FIELDS}
    return InputItem(key, source, text, published, meta=meta or None, **known)


def jsonl_line_limit(max_bytes: int) -> int:
    """The longest JSONL line read for a text of ``max_bytes``."""
    return _JSON_OVERHEAD * max_bytes + 65536


def jsonl_items(lines: Iterator[tuple[int, bytes | None, int]], base: str, display: str,
                max_bytes: int) -> Iterator[InputItem]:
    """One item per non-blank line of :func:`bounded_lines`; a bad line is an item with an
    error naming ``display`` and the line."""
    for lineno, raw, size in lines:
        key, source = f"{base}:{lineno}", f"{display}:{lineno}"
        if raw is None:
            yield failed(key, source, f"{source}: line is {size:,} bytes, above the limit of "
                                       f"{max_bytes:,} for its text")
        elif raw.strip():
            try:
                yield _parse_line(raw, key, source, lineno == 1)
            except Exception as err:  # noqa: BLE001 - one odd line must not end the file
                yield failed(key, source, f"{source}: cannot read: {type(err).__name__}: {err}", "internal")


def read_jsonl(src: SourceFile, max_bytes: int) -> Iterator[InputItem]:
    """One document per non-blank line; a bad line is an item with an error naming file and line."""
    base = src.key
    try:
        handle = open(src.path, "rb")
    except OSError as err:
        yield failed(base, src.display, f"cannot read: {err.strerror}")
        return
    with handle:
        try:
            yield from jsonl_items(bounded_lines(handle, jsonl_line_limit(max_bytes)), base, src.display, max_bytes)
        except OSError as err:
            yield failed(f"{base}:?", src.display, f"{src.display}: read failed: {err.strerror}")


def read_inputs(inputs: list[str], max_bytes: int, skip: Callable[[str], bool] = lambda p: False,
                ignored: list[str] | None = None, options: InputOptions | None = None) -> Iterator[InputItem]:
    """Every input document, streamed, without ids assigned (see :func:`iter_inputs`); pages
    and URLs come with a ``loader`` that reads them later."""
    for src in list_sources(inputs, skip, ignored):
        if src.kind == "error":
            yield failed(src.key, src.display, src.error or "cannot read")
        elif src.kind == "jsonl":
            yield from read_jsonl(src, max_bytes)
        elif src.kind in ("html", "url", "stdin"):
            from conflict_ner.app import batch_ingest

            if src.kind == "stdin":
                yield from batch_ingest.read_stdin(options or InputOptions(), max_bytes)
            else:
                yield batch_ingest.deferred(src, max_bytes)
        else:
            try:
                item = read_txt(src, max_bytes)
            except Exception as err:  # noqa: BLE001
                item = failed(src.key, src.display, f"cannot read: {type(err).__name__}: {err}", "internal")
            yield item


def iter_inputs(inputs: list[str], max_bytes: int, ids: UniqueIds | None = None,
                skip: Callable[[str], bool] = lambda p: False,
                ignored: list[str] | None = None, options: InputOptions | None = None) -> Iterator[InputItem]:
    """Every input document with its run-unique ``doc_id`` (not yet prepared: see
    :func:`conflict_ner.app.batch_ingest.prepare`)."""
    ids = UniqueIds() if ids is None else ids
    for item in read_inputs(inputs, max_bytes, skip, ignored, options):
        item.doc_id = ids.assign(item.key, item.source)
        yield item


def count_inputs(inputs: list[str], skip: Callable[[str], bool] = lambda p: False) -> int | None:
    """How many items :func:`read_inputs` gives (for the progress bar): files, URLs and non-blank
    lines; ``None`` (unknown) when stdin is an input, which can be read only once."""
    if STDIN in inputs:
        return None
    n = 0
    for src in list_sources(inputs, skip):
        if src.kind != "jsonl":
            n += 1
            continue
        try:
            with open(src.path, "rb") as handle:
                n += sum(1 for _, raw, _ in bounded_lines(handle, 1 << 20) if raw is None or raw.strip())
        except OSError:
            n += 1
    return n
