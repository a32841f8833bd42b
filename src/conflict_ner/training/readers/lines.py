"""Numbered lines of a UTF-8 file, with an error naming file, line and byte on bad bytes.

Every reader goes through :func:`numbered_lines`, so a corpus saved in Latin-1 or cut
in the middle of a character is reported where it is broken, not as a traceback.

>>> import tempfile, os
>>> f = os.path.join(tempfile.mkdtemp(), "a.jsonl")
>>> _ = open(f, "wb").write(b"ok\\ncaf\\xe9\\n")
>>> list(numbered_lines(f))
Traceback (most recent call last):
...
conflict_ner.errors.DataError: ...a.jsonl:2: not UTF-8: byte 0xe9 at column 4 (save the file as UTF-8)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from conflict_ner.errors import DataError

BOM = "\ufeff"


def numbered_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` for each line of ``path`` (1-based, line ends kept); a leading
    byte-order mark is dropped."""
    with open(path, "rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                raise DataError(f"not UTF-8: byte 0x{raw[err.start]:02x} at column {err.start + 1} "
                                "(save the file as UTF-8)", path=str(path), line=lineno, offset=err.start) from None
            yield lineno, line[1:] if lineno == 1 and line.startswith(BOM) else line


def read_text(path: str | Path) -> str:
    """The whole of a UTF-8 text file, with the same error as :func:`numbered_lines`."""
    return "".join(line for _, line in numbered_lines(path))
