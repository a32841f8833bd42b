"""Who says so: the attribution of a record, from the source phrases of its sentence.

>>> attribution(Sentence("Rebels shelled Kafr Nabl on Monday, a local official said.", 100), []).text
'a local official'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from conflict_ner.events.sentence import Sentence
from conflict_ner.records import Entity, TextSpan

_ARTICLE = re.compile(r"(?:(?:the|a|an)\s+)?", re.I)


def attribution(sentence: Sentence, entities: Sequence[Entity],
                within: tuple[int, int] | None = None) -> TextSpan | None:
    """The first source phrase of the sentence (of its stretch ``within``, sentence offsets, when
    given) as a span of the original text, or None.

    An ACTOR entity that heads the phrase (only a determiner before it) is
    preferred to the phrase as written: ``the [SOHR] said`` gives ``SOHR``, but
    ``sources close to [HTS]`` stays the described source.

    >>> attribution(Sentence("Ten died, according to pro-militant sources."), [])
    TextSpan(text='pro-militant sources', start=23, end=43)
    """
    lo, hi = within or (0, len(sentence.text))
    src = next((x for x in sentence.sources if lo <= x.start and x.end <= hi), None)
    if src is None:
        return None
    offset = sentence.start
    for ent in sorted(entities, key=lambda e: e.start):
        local = ent.start - offset, ent.end - offset
        if (ent.label == "ACTOR" and src.start <= local[0] and local[1] <= src.end
                and _ARTICLE.fullmatch(sentence.text, src.start, local[0])):
            return TextSpan(ent.text, ent.start, ent.end)
    return TextSpan(sentence.text[src.start:src.end], offset + src.start, offset + src.end)


def is_pure_source(sentence: Sentence, start: int, end: int) -> bool:
    """Whether ``[start, end)`` of the sentence lies in a source phrase whose speaker takes no
    part in what it reports.

    >>> s = Sentence("The army said it killed 30 militants, a monitor said.")
    >>> is_pure_source(s, 4, 8), is_pure_source(s, 40, 47)
    (False, True)
    """
    return sentence.in_pure_source(start, end)
