"""Rule layer: (text, entities, publication date) -> event records.

No model is involved. :mod:`conflict_ner.text.sentences` splits the text; each
sentence becomes a :class:`~.sentence.Sentence` whose violence words (``triggers``),
source phrases (``sources``) and breaks (``clauses``) are found once; the rules read
it: ``roles``, ``counts`` (numbers in ``numbers``), ``dates``, ``modality``,
``attribution``, ``furniture``; ``builder`` puts each record together. Every word
list lives in ``lexicon``. Offsets index the original text, and each rule is linear
in the length of its sentence.
"""

from conflict_ner.events.builder import build_records

__all__ = ["build_records"]
