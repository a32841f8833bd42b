"""Actor identity: ACTOR mentions to canonical actors with ACLED's actor types and inter codes.

- :mod:`.fold`: one key for the transliterations of a name;
- :mod:`.table`: the alias table (``aliases.yaml``, extendable by users' files);
- :mod:`.resolve`: an article's mentions to identities (acronyms, demonyms, described groups,
  the article's country and date);
- :mod:`.coref`: the article's rules ("forces loyal to X", "the terrorists" after its one named
  rebel group, "officers" after the police);
- :mod:`.leave_out`: the table without what only one split's mentions taught it (honest dev tuning);
- :mod:`.records`: the identities written into event records' actors;
- :mod:`.evaluate`: accuracy against the corpus's hand-mapped gold (``conflict-ner evaluate-actors``).

>>> from conflict_ner.actors import ActorResolver
>>> ActorResolver().resolve("Rebels and civilians fled Aleppo.", [(0, 6), (11, 20)])[1].canonical
'Civilians (Syria)'
"""

from conflict_ner.actors.resolve import ActorResolver, article_country
from conflict_ner.actors.table import ActorTable, Identity

__all__ = ["ActorResolver", "ActorTable", "Identity", "article_country"]
