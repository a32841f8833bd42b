"""Section headings: short title lines that name a topic, not an act (``Casualties``, ``The convoy strike``).

A headline reports an act and gets a record (ANNOTATION.md section 3, ``Rebels seize key
town``); a section heading only names what the next paragraphs are about. The rules tell
them apart by form: a heading line (no closing punctuation, one line) of a few words with
no verb of violence and no count is a section heading.

The document's own headline, its first line when unpunctuated, reports the story's act
again in few words; the body tells the same act with its details, and the event gold
codes the headline in few documents (13 of 71 train, 0 of 10 dev): the extractor leaves
it out (:func:`is_headline`, ANNOTATION.md section 9).

>>> from conflict_ner.events.sentence import Sentence
>>> [is_section_heading(Sentence(s)) for s in ("Casualties", "Siege of Kobani", "The convoy strike",
...                                            "Rebels seize key town on Aleppo highway", "Rebels shelled Hama.")]
[True, True, True, False, False]
"""

from __future__ import annotations

import re

from conflict_ner.events.sentence import Sentence

#: The most words a section heading has; longer title lines read as headlines.
MAX_HEADING_WORDS = 8
_CLOSED = re.compile(r"[.!?:;\"'\u201d\u2019)\]]\s*$")
_NON_BLANK = re.compile(r"\S")
_DIGIT = re.compile(r"\d")
_OF_AFTER = re.compile(r"\s+of\b", re.I)


def is_section_heading(sentence: Sentence) -> bool:
    """Whether the sentence is a section heading: one short unpunctuated line, no act verb, no number.

    >>> is_section_heading(Sentence("Shelling in Stepanakert as fighting spreads"))
    False
    >>> is_section_heading(Sentence("Civilian deaths: 6"))
    False
    """
    text = sentence.text.strip()
    if not text or "\n" in text or _CLOSED.search(text) or _DIGIT.search(text):
        return False
    if len(text.split()) > MAX_HEADING_WORDS:
        return False
    # a headline's verb has a complement after it: a trigger that ends the line ("The convoy strike")
    # or heads an "of" phrase ("Recapture of the town") is a noun
    end = len(sentence.text.rstrip())
    return all(t.kind == "noun" or t.end >= end or _OF_AFTER.match(sentence.text, t.end) for t in sentence.triggers)


def is_headline(text: str, start: int, sentence: Sentence) -> bool:
    """Whether ``sentence`` (at ``start`` in the document ``text``) is the document's headline:
    nothing but blanks before it and no closing punctuation.

    >>> text = "Rebels seize key town\\n\\nRebels seized the town on Monday."
    >>> is_headline(text, 0, Sentence(text[:21])), is_headline(text, 23, Sentence(text[23:], 23))
    (True, False)
    >>> is_headline("Rebels seized the town.", 0, Sentence("Rebels seized the town."))
    False
    """
    first = _NON_BLANK.search(text)  # reads only the leading blanks: asked of every sentence
    return (first is None or start <= first.start()) and not _CLOSED.search(sentence.text)
