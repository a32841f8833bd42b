"""Is a document in English? The model reads English only; a document in another language
gets an error naming that language instead of English-model garbage.

Cheap by design: at most :data:`WINDOWS` windows of :data:`WINDOW` characters, spread over
the text, are judged, whatever its length; a window full of English function words is
English without asking the detector; the others go to ``lingua`` (built once, lazily,
for a handful of languages common in conflict news). A document is refused only when
most judged windows are in one other language and under half are English, so an English
article quoting Arabic, or a page of two languages, goes through; a window with fewer than
:data:`MIN_LETTERS` letters (a headline, a list of names) is not judged at all.

>>> foreign_language("Rebels shelled Hama on Monday, a monitor said.") is None
True
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

WINDOW = 400
WINDOWS = 4
MIN_LETTERS = 100
# words frequent in English news and absent (or rare) as words in the other languages listed
ENGLISH_MARKERS = frozenset("the of and to said that with from which their after were have has by for was "
                            "is are".split())
MARKER_SHARE = 0.15
MIN_MARKER_WORDS = 20
# scripts other than Latin are told apart almost for free; Thai is left out on purpose: UTF-8
# read as cp874 turns English punctuation into Thai letters (mojibake, not Thai)
LANGUAGES = ("ENGLISH", "FRENCH", "SPANISH", "PORTUGUESE", "GERMAN", "ITALIAN", "DUTCH", "TURKISH", "INDONESIAN",
             "SOMALI", "SWAHILI", "ARABIC", "PERSIAN", "URDU", "HEBREW", "RUSSIAN", "UKRAINIAN", "CHINESE", "HINDI",
             "JAPANESE", "KOREAN")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _detector():
    """The lingua detector, built on first use (its language models load lazily too)."""
    from lingua import Language, LanguageDetectorBuilder

    # a minimum distance makes lingua answer None rather than guess on a close call
    return (LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in LANGUAGES))
            .with_minimum_relative_distance(0.1).build())


def windows(text: str, size: int = WINDOW, count: int = WINDOWS) -> list[str]:
    """Up to ``count`` slices of ``size`` characters spread evenly over ``text`` (first and
    last included); a text no longer than ``size`` is one window.

    >>> [len(w) for w in windows("x" * 1000, 400, 3)]
    [400, 400, 400]
    >>> windows("short")
    ['short']
    """
    if len(text) <= size:
        return [text]
    n = min(count, -(-len(text) // size))
    if n == 1:
        return [text[:size]]
    starts = [i * (len(text) - size) // (n - 1) for i in range(n)]
    return [text[s:s + size] for s in starts]


def looks_english(window: str) -> bool:
    """True when English function words make up a large share of the window's words (a
    shortcut: ``False`` means "ask the detector", not "not English").

    >>> looks_english("The army said that the rebels had withdrawn from the town after two days of fighting "
    ...               "with the government, and the monitor said they were hit by shells for hours.")
    True
    """
    words = _WORD.findall(window.lower())
    return len(words) >= MIN_MARKER_WORDS and sum(w in ENGLISH_MARKERS for w in words) >= MARKER_SHARE * len(words)


def window_language(window: str) -> str | None:
    """``"English"``, another language's name, or ``None`` (too few letters, or undecided)."""
    if sum(c.isalpha() for c in window) < MIN_LETTERS:
        return None
    if looks_english(window):
        return "English"
    # lingua takes UTF-8 only: a lone surrogate (JSON can carry one) becomes U+FFFD
    found = _detector().detect_language_of(window.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
    return None if found is None else found.name.title()


def decide(verdicts: list[str | None]) -> str | None:
    """The language to refuse the document for, from its windows' verdicts, or ``None``.

    >>> decide(["French", "French", "English", None]), decide(["French", "English"]), decide([None])
    ('French', None, None)
    """
    judged = [v for v in verdicts if v is not None]
    if not judged or 2 * judged.count("English") >= len(judged):
        return None
    language, n = Counter(v for v in judged if v != "English").most_common(1)[0]
    return language if 2 * n > len(judged) else None


def foreign_language(text: str) -> str | None:
    """The name of the language ``text`` is written in when that is clearly not English,
    else ``None`` (English, too short to tell, or mixed)."""
    return decide([window_language(w) for w in windows(text)])
