"""Line breaks a span may not cross (training/ANNOTATION.md, section 2, "Line breaks").

A blank line always ends a span. A single line break ends one too, unless the line
before it is *running text*: a line of a hard-wrapped paragraph, where
``Hayat Tahrir\\nal-Sham`` is one ACTOR. A line is running text when

- its block (the lines between blank lines) ends a sentence (``.``, ``!``, ``?``
  or ``…``, before closing quotes and brackets): lists of headlines, menus and
  bylines do not;
- it is :data:`MIN_WRAP` to :data:`MAX_WRAP` characters long, holds no menu
  separator (``|``, ``•``, ``·``) and does not end a sentence or a label (``.``,
  ``!``, ``?``, ``:``, ``;``, ``…``, before closing quotes and brackets);
- it is filled: it, a space and the next line's first word reach :data:`FILL` of
  the longest line of its block, i.e. the line was broken because the next word
  did not fit;
- the next line does not start a list item (``- ``, ``• ``, ``2. ``) or a label
  (``Map: ...``, ``Our Standards: ...``: up to three words, the first capitalised,
  and a colon).

Headings, captions, menus, lists and one-line paragraphs (web-page text) fail one
of these.

Decoding applies :func:`unit_breaks` (no entity continues into a unit after such a
break) and ``data check`` can call :func:`spans_crossing_lines` on gold spans.

>>> text = "Clashes in Idlib\\nGovernment forces advanced."
>>> hard_breaks(text)
[16]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

#: Shortest line that can be part of a hard-wrapped paragraph.
MIN_WRAP = 40
#: Longest one: nobody wraps text wider; longer lines are paragraphs.
MAX_WRAP = 120
#: A wrapped line plus the next word reaches this share of the block's longest line.
FILL = 0.8
_LINE_END = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# separators that mean a new paragraph (or page) whatever the lines look like
_PARAGRAPH_BREAKS = frozenset("\x0c\x1c\x1d\x1e\u2029")
_CLOSERS = "\"'\u2019\u201d\u00bb)]}"
_ENDERS = frozenset(".!?:;\u2026")
_SENTENCE_ENDERS = frozenset(".!?\u2026")
_MENU = re.compile("[|\u2022\u00b7]")
_LIST_ITEM = re.compile(r"([-\u2013\u2014*\u2022\u25aa\u25ba]|\d{1,2}[.)])\s|[A-Z][^\s:]*(?: [^\s:]+){0,2}:\s")


def hard_breaks(text: str) -> list[int]:
    """Sorted offsets of the line breaks no span may cross (the rule in the module docstring).

    >>> wrapped = ("Fighters of the jihadist alliance known as Hayat Tahrir\\n"
    ...            "al-Sham seized two villages near Saraqib on Monday.\\n\\nNext.")
    >>> hard_breaks(wrapped)  # the blank line only
    [107, 108]
    """
    lines = []  # (start, end of content, offset of the break after it or -1, break text)
    pos = 0
    for m in _LINE_END.finditer(text):
        lines.append((pos, m.start(), m.start(), m.group()))
        pos = m.end()
    lines.append((pos, len(text), -1, ""))
    stripped = [text[s:e].strip() for s, e, _, _ in lines]
    out = []
    block_start = 0
    for k in range(len(lines)):
        if stripped[k] and k + 1 < len(lines) and stripped[k + 1] and lines[k][3][0] not in _PARAGRAPH_BREAKS:
            continue  # the block goes on
        widest = max((len(x) for x in stripped[block_start:k + 1]), default=0)
        prose = stripped[k].rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDERS
        for j in range(block_start, k + 1):
            at = lines[j][2]
            if at == -1:
                continue
            inside = j < k  # a break inside the block, else the one that ends it
            if not (inside and prose and _running(stripped[j], stripped[j + 1], widest)):
                out.append(at)
        block_start = k + 1
    return out


def _running(line: str, next_line: str, widest: int) -> bool:
    """Whether ``line`` (stripped) reads as a hard-wrapped line of running text."""
    if not MIN_WRAP <= len(line) <= MAX_WRAP or _MENU.search(line) or _LIST_ITEM.match(next_line):
        return False
    if line.rstrip(_CLOSERS)[-1:] in _ENDERS:
        return False
    next_word = next_line.split(maxsplit=1)[0]
    return len(line) + 1 + len(next_word) >= FILL * widest


def unit_breaks(text: str, units: Sequence[tuple[int, int]]) -> list[int]:
    """Indices ``i`` of the units that start after a hard break (no entity runs from unit
    ``i - 1`` into unit ``i``); ``units`` are sorted ``(start, end)`` ranges.

    >>> text = "Menu | Syria\\nRebels"
    >>> unit_breaks(text, [(0, 4), (7, 12), (13, 19)])
    [2]
    """
    breaks = hard_breaks(text)
    out = []
    k = 0
    for i in range(1, len(units)):
        gap_start, gap_end = units[i - 1][1], units[i][0]
        while k < len(breaks) and breaks[k] < gap_start:
            k += 1
        if k < len(breaks) and breaks[k] < gap_end:
            out.append(i)
    return out


def spans_crossing_lines(text: str, spans: Sequence[tuple[int, int, str]]
                         ) -> list[tuple[int, int, str, int]]:
    """Gold spans that cross a hard break, each with the offset of its first one
    (``(start, end, label, break_offset)``): input for ``data check``.

    >>> spans_crossing_lines("Idlib\\n\\nprovince", [(0, 15, "LOCATION"), (0, 5, "LOCATION")])
    [(0, 15, 'LOCATION', 5)]
    """
    breaks = hard_breaks(text)
    out = []
    for start, end, label in spans:
        k = bisect.bisect_left(breaks, start)
        if k < len(breaks) and breaks[k] < end:
            out.append((start, end, label, breaks[k]))
    return out
