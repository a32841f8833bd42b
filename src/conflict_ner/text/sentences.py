"""Rule-based sentence and paragraph segmentation for news text: the one splitter of the package.

The event rules read one sentence at a time and tagging prefers sentence starts as
window cuts; both split here. Linear in the text length.

>>> text = 'KHARTOUM, May 8 (Reuters) - U.S. Gen. Smith said 1.5 tons fell. "We fled." The army said.'
>>> [text[s:e] for s, e in split_sentences(text)]
['KHARTOUM, May 8 (Reuters) - U.S. Gen. Smith said 1.5 tons fell.', '"We fled."', 'The army said.']
"""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# Sentence-final punctuation, then closing quotes/brackets, then the whitespace gap. A run of
# punctuation is tried from its first mark only: from inside it the match cannot differ, and
# retrying every mark of a long run ("......") would take quadratic time.
_BOUNDARY = re.compile(r"(?<![.!?\u2026])[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
_SPACES = re.compile(r"\s*")
_NEXT_START = re.compile(r"\s+[\"'\u201c\u2018(\[]*(\w)")

#: Abbreviations always followed by a name, so never the end of a sentence.
TITLES = frozenset(
    "gen lt col maj capt cpt sgt cpl pvt adm brig cmdr cdr gov sen rep dr mr mrs ms prof rev "
    "st mt ft pres amb lieut messrs hon gens cols sgts rt".split()
)
#: Abbreviations that end a sentence only when no number follows (``Nov. 27``, ``No. 5``).
BEFORE_NUMBER = frozenset("no nos vol fig art jan feb mar apr jun jul aug sep sept oct nov dec p pp".split())
#: Abbreviations that can end a sentence (``by the U.S. The army ...``); split before a typical starter only.
AMBIGUOUS = frozenset("jr sr inc ltd co corp bros etc vs approx est dept univ".split())
#: Words that typically open a news sentence; an ambiguous abbreviation splits before them.
STARTERS = frozenset(
    "the a an he she it they we i in on at but and however meanwhile earlier later this that these those "
    "there his her its their our after before since during according while when as last separately also "
    "both some many most no one two three four five six seven eight nine ten residents officials".split()
)
# A line ending with one of these continues on the next line (a wrap, not a heading).
_CONTINUING_WORDS = frozenset(
    "a an the of in on at to by for from with into onto over under near and or but nor as than that which "
    "who whom whose where when while about around nearly least more most some up off per via against between "
    "among amid after before during since until toward towards across along behind beyond within without "
    "including is are was were be been being has have had will would could should may might can did do does "
    "not no its his her their our my your this these those said says told reported according also al el bin "
    "ibn abu de van von le la".split()
)
_CONTINUING_PUNCT = ",;:-\u2013\u2014(/&+"
_FINAL_PUNCT = ".!?\u2026"
# "KHARTOUM, May 8 (Reuters) -", "BEIRUT (AP) \u2014", "AMMAN:"; the caps word is the place.
# An em or en dash whose UTF-8 bytes were read as cp1252, cp874 or cp437, or twice as cp1252
# (copied pages keep it so: "IDLIB, 26 June (Levant 24) \u00e2\u20ac\u201d A Russian air strike").
_MISREAD_DASH = ("\u00e2\u20ac[\u201d\u201c]|\u0e42\u20ac[\u201d\u201c]|\u0393\u00c7[\u00f6\u00f4]|"
                 "\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u20ac.")
_DATELINE = re.compile(
    r"^[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+)*"          # place in capitals
    r"(?:,[ \t]*[A-Z0-9][\w.'\-]*(?: [\w.'\-]+){0,3})*"  # ", Syria", ", May 8", ", Nov. 27", ", 13 March"
    r"[ \t]*(?:\([^)\n]{1,40}\))?"                      # "(Reuters)"
    rf"[ \t]*(?:[-\u2013\u2014]+|:|{_MISREAD_DASH})[ \t]*"
)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph (blank-line separated), whitespace trimmed.

    >>> split_paragraphs("One.\\n\\n  Two.\\n")
    [(0, 4), (8, 12)]
    """
    out = []
    prev = 0
    for m in _BLANK_LINE.finditer(text):
        out.append(_trim(text, prev, m.start()))
        prev = m.end()
    out.append(_trim(text, prev, len(text)))
    return [span for span in out if span[0] < span[1]]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, whitespace trimmed, in order.

    Blank lines always end a sentence; a single newline ends one after a
    heading-like line (see :func:`_heading_breaks`).

    >>> text = "Rebels seize town\\nBEIRUT (AP) - Rebels took Kafr Nabl. It fell."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Rebels seize town', 'BEIRUT (AP) - Rebels took Kafr Nabl.', 'It fell.']
    """
    out: list[tuple[int, int]] = []
    for p_start, p_end in split_paragraphs(text):
        cuts = sorted(set(_heading_breaks(text, p_start, p_end)) | set(_punct_breaks(text, p_start, p_end)))
        prev = p_start
        for cut in cuts + [p_end]:
            span = _trim(text, prev, cut)
            if span[0] < span[1]:
                out.append(span)
            prev = cut
    return out


def dateline_end(sentence: str) -> int:
    """Length of the dateline that opens ``sentence`` (0 if none).

    >>> s = "KHARTOUM, May 8 (Reuters) - Shelling hit Omdurman."
    >>> s[dateline_end(s):]
    'Shelling hit Omdurman.'
    """
    m = _DATELINE.match(sentence)
    # A caps-only headline followed by a dash is not a dateline unless it has a
    # source in brackets or is a single place word.
    if not m:
        return 0
    head = m.group(0)
    if "(" not in head and ":" not in head and "," not in head and len(head.split()) > 3:
        return 0
    return m.end()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _heading_breaks(text: str, start: int, end: int) -> list[int]:
    """Newlines after a line that looks like a heading or furniture line.

    Such a line has no final or continuing punctuation, does not end with a
    function word, and the next line starts with a capital letter or a quote.
    A line of a hard-wrapped block (one at least 80% as long as the block's longest line,
    when that is 50+ characters and the block has 3+ lines) is body text, not a heading:
    ``to form`` + line break + ``Hay'at Tahrir al-Sham`` stays one sentence.

    >>> body = ("Rebel factions met in the north on Monday and agreed to form\\n"
    ...         "Hay'at Tahrir al-Sham, a new alliance under one command.\\nIt grew.")
    >>> _heading_breaks(body, 0, len(body))
    []
    >>> _heading_breaks("Rebels seize town\\nRebels took Kafr Nabl.", 0, 40)
    [17]
    """
    cuts = []
    lines = text[start:end].split("\n")
    longest = max(len(ln.rstrip()) for ln in lines)
    wrapped = len(lines) >= 3 and longest >= 50
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            return cuts
        line = text[pos:nl].rstrip()
        after = _SPACES.match(text, nl + 1, end).end()
        nxt = text[after] if after < end else ""
        pos = nl + 1
        if not line.strip() or not nxt:
            continue
        last = line[-1]
        if last in _FINAL_PUNCT or last in _CONTINUING_PUNCT:
            continue
        if wrapped and len(line) >= 0.8 * longest:
            continue
        last_word = line.split()[-1].strip("\"'\u201c\u201d\u2018\u2019()[]").lower()
        if last_word in _CONTINUING_WORDS:
            continue
        if nxt[0].isupper() or nxt[0] in "\"'\u201c\u2018\u2022*-\u2013\u2014":
            cuts.append(nl)


def _punct_breaks(text: str, start: int, end: int) -> list[int]:
    cuts = []
    for m in _BOUNDARY.finditer(text, start, end):
        nxt = _NEXT_START.match(text, m.end(), end)
        if not nxt or not (nxt.group(1).isupper() or nxt.group(1).isdigit()):
            continue
        if _is_abbreviation(text, start, m.start(), m.group(0), text[nxt.start(1):min(end, nxt.start(1) + 40)]):
            continue
        cuts.append(m.end())
    return cuts


def _is_abbreviation(text: str, floor: int, punct_start: int, punct: str, following: str) -> bool:
    """Whether the period at ``punct_start`` belongs to an abbreviation, not a sentence end."""
    if punct != ".":
        return False
    i = punct_start
    while i > floor and not text[i - 1].isspace():
        i -= 1
    token = text[i:punct_start].lstrip("\"'\u201c\u2018([")
    if not token:
        return False
    next_word = re.match(r"[\w'\-]*", following).group(0)
    low = token.lower()
    if low in TITLES:
        return True
    if low in {"e.g", "i.e"}:
        return True
    if low in BEFORE_NUMBER:
        if next_word[:1].isdigit():
            return True
        # "said no." ends a sentence; a month abbreviation rarely does.
        return low not in {"no", "nos", "p", "pp"} and next_word.lower() not in STARTERS
    if len(token) == 1 and token.isupper():
        return True  # an initial: "John F. Kennedy"
    if re.fullmatch(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}", token) or low in AMBIGUOUS:
        return next_word.lower() not in STARTERS  # "by the U.S. The army ..." ends; "U.S. troops" does not
    return False
