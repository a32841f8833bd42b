"""Repair mojibake and odd unicode before the model sees a text, keeping offsets exact.

Each whitespace-separated chunk that may need it is fixed with ftfy on its own; the
fixed chunks are aligned back to the original characters, so any offset into the
repaired text maps to the original input.

>>> r = repair_text("Syria\u00e2\u20ac\u2122s army")
>>> r.text
"Syria's army"
>>> r.to_original(0, 5)
(0, 5)
>>> r.to_original(8, 12)
(10, 14)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

import ftfy

_CHUNK = re.compile(r"\S+")
_CONFIG = ftfy.TextFixerConfig(unescape_html=False, explain=False)


@dataclass(frozen=True)
class RepairedText:
    """The repaired text and, when it differs, maps from its offsets to the original's."""

    text: str
    original: str
    starts: tuple[int, ...] | None = None  # repaired index -> original start
    ends: tuple[int, ...] | None = None    # repaired end offset -> original end

    @property
    def changed(self) -> bool:
        return self.starts is not None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of the repaired text to the original text."""
        if self.starts is None:
            return start, end
        return self.starts[start], self.ends[end]


def _align(fixed: str, orig: str, base: int) -> tuple[list[int], list[int]]:
    """Per character of ``fixed``: original start and (exclusive) end offsets."""
    starts = [0] * len(fixed)
    ends = [0] * len(fixed)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, fixed, orig, autojunk=False).get_opcodes():
        for i in range(i1, i2):
            if tag == "equal":
                starts[i], ends[i] = base + j1 + (i - i1), base + j1 + (i - i1) + 1
            else:  # a replaced run maps as a whole onto the original run it came from
                starts[i], ends[i] = base + j1, base + max(j2, j1 + 1 if j1 < len(orig) else j1)
    return starts, ends


def repair_text(text: str) -> RepairedText:
    """Fix mojibake (``Syriaâ€™s`` -> ``Syria’s``), width and ligature oddities chunk by chunk."""
    # Most news text is ASCII or needs no fix: find the chunks that change before building
    # any offset map (this runs on every article, so the common case must stay cheap).
    fixes = []
    if not text.isascii():
        for m in _CHUNK.finditer(text):
            chunk = m.group()
            if not chunk.isascii():
                fixed = ftfy.fix_text(chunk, _CONFIG)
                if fixed != chunk:
                    fixes.append((m.start(), m.end(), fixed))
    if not fixes:
        return RepairedText(text, text)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for chunk_start, chunk_end, fixed in fixes:
        pieces.append(text[pos:chunk_start])
        starts.extend(range(pos, chunk_start))
        ends.extend(range(pos + 1, chunk_start + 1))
        s, e = _align(fixed, text[chunk_start:chunk_end], chunk_start)
        pieces.append(fixed)
        starts.extend(s)
        ends.extend(e)
        pos = chunk_end
    pieces.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    repaired = "".join(pieces)
    # starts gets a sentinel for an empty range at the very end; ends is indexed by end offset.
    start_map = tuple(starts) + (len(text),)
    end_map = (0,) + tuple(ends)
    return RepairedText(repaired, text, start_map, end_map)
