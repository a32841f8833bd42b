"""The licence a trained model can be given, derived from the data it was trained on.

Each training source has a licence of one of a few kinds, from the least to the most
restrictive: the project's own corpus (Apache-2.0, like the code), public domain,
attribution (CC BY, OGL, the EU reuse notice), share-alike (CC BY-SA), unknown (a
user's corpus) and non-commercial (re3d's BBC part, inside the standard re3d CoNLL
split). A model is ``apache-2.0`` only when all its data is the project's own; any
other source makes it ``other``, with an explanation and the attributions its data
requires.

The re3d entries restate the ``LICENSE`` and ``ATTRIBUTION`` files of each source
folder in ``../shared/data/re3d/``.

>>> model_licence([OWN_CORPUS]).id
'apache-2.0'
>>> model_licence([OWN_CORPUS, RE3D_CONLL[-1]]).id
'other'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: licence kinds, least restrictive first
KINDS = ("apache-2.0", "public-domain", "attribution", "share-alike", "unknown", "non-commercial")


@dataclass(frozen=True)
class DataSource:
    """One source of training data and the terms it comes under."""

    name: str
    licence: str
    kind: str
    #: what a user of the model owes the source (attribution statement, restriction)
    terms: str
    #: who made the data set the source belongs to (shown once per data set)
    credit: str = ""


@dataclass(frozen=True)
class ModelLicence:
    """The card's ``license`` (a Hugging Face licence id), its name when ``other``, and why."""

    id: str
    name: str
    explanation: str
    sources: tuple[DataSource, ...]

    @property
    def credits(self) -> list[str]:
        """The makers of the data sets used, once each."""
        return list(dict.fromkeys(s.credit for s in self.sources if s.credit))


OWN_CORPUS = DataSource(
    "conflict-ner's own corpus (`training/corpus/`): original reports written for the project",
    "Apache-2.0", "apache-2.0", "none beyond the Apache-2.0 notice")

_RE3D_CREDIT = ("re3d, the Relationship and Entity Extraction Evaluation Dataset, was made for the UK Defence "
                "Science and Technology Laboratory (Dstl): documents collected and annotated by Aleph Insights "
                "working with Committed Software.")
#: re3d's source folders, as their LICENSE and ATTRIBUTION files state
RE3D_SOURCES = {
    "Australian Department of Foreign Affairs": DataSource(
        "re3d: Australian Department of Foreign Affairs documents (dfat.gov.au)",
        "CC BY 3.0 AU", "attribution", "attribution to the Australian Department of Foreign Affairs and re3d",
        _RE3D_CREDIT),
    "CENTCOM": DataSource(
        "re3d: CENTCOM documents (centcom.mil)",
        "public domain", "public-domain", "byline credit to CENTCOM requested", _RE3D_CREDIT),
    "Delegation of the European Union to Syria": DataSource(
        "re3d: Delegation of the European Union to Syria documents (eeas.europa.eu)",
        "EU legal notice (reuse authorised provided the source is acknowledged)", "attribution",
        "acknowledge the EEAS as source", _RE3D_CREDIT),
    "UK Government": DataSource(
        "re3d: UK Government documents (gov.uk)",
        "Open Government Licence v3.0", "attribution",
        "state: contains public sector information licensed under the Open Government Licence v3.0",
        _RE3D_CREDIT),
    "US State Department": DataSource(
        "re3d: US State Department documents",
        "public domain", "public-domain", "citation of the U.S. State Department appreciated", _RE3D_CREDIT),
    "Wikipedia": DataSource(
        "re3d: Wikipedia articles (wikipedia.org)",
        "CC BY-SA 3.0", "share-alike",
        "attribution to Wikipedia's authors; share-alike binds adaptations, and whether a model trained on "
        "the text is one is unsettled", _RE3D_CREDIT),
}
#: the standard re3d CoNLL split: built from the full re3d, its BBC part included
RE3D_CONLL = tuple(RE3D_SOURCES.values()) + (DataSource(
    "re3d: BBC News documents (inside the standard re3d CoNLL split, as used by ConfliBERT, NAACL 2022)",
    "BBC terms: non-commercial use only", "non-commercial", "no commercial use", _RE3D_CREDIT),)


def unknown_source(path: str, fmt: str) -> DataSource:
    """A user's own data: its licence is whatever its owner set."""
    return DataSource(f"user-supplied {fmt} data `{path}`", "unknown to conflict-ner", "unknown",
                      "as set by the owner of the data")


def re3d_folder_source(root: str, folder: str) -> DataSource:
    """A re3d-format source folder: a known re3d source, else the first line of its LICENSE file."""
    if folder in RE3D_SOURCES:
        return RE3D_SOURCES[folder]
    licence_file = Path(root) / folder / "LICENSE"
    first = licence_file.read_text(encoding="utf-8", errors="replace").strip().splitlines()[:1] \
        if licence_file.is_file() else []
    return DataSource(f"re3d-format source `{folder}`", first[0] if first else "unknown to conflict-ner",
                      "unknown", "see its LICENSE file")


def model_licence(sources: list[DataSource]) -> ModelLicence:
    """The licence the model can carry given its training ``sources``."""
    unique = tuple(dict.fromkeys(sources))
    worst = max((s.kind for s in unique), key=KINDS.index, default="apache-2.0")
    if worst == "apache-2.0":
        return ModelLicence("apache-2.0", "Apache-2.0",
                            "Trained only on the project's own corpus, which is Apache-2.0 like the code.", unique)
    if worst == "non-commercial":
        name = "non-commercial (training data terms)"
        why = ("Not for commercial use. The model was trained on data whose licence forbids commercial use "
               "(re3d's BBC part, inside the standard re3d CoNLL split), so it is not Apache-2.0: it may be "
               "used for research and other non-commercial purposes only, with the attributions below.")
    elif worst == "unknown":
        name = "depends on the training data"
        why = ("The model was trained on data whose licence conflict-ner does not know; the terms of that "
               "data, set by its owner, apply to the model. The code that trained it is Apache-2.0.")
    else:
        name = "Apache-2.0 with the training data's attribution terms"
        why = ("The weights are released under Apache-2.0 subject to the licences of the training data: "
               "the attributions below are required" + (", and the CC BY-SA 3.0 part may bind adaptations "
                                                         "to share-alike terms" if worst == "share-alike" else "")
               + ".")
    return ModelLicence("other", name, why, unique)
