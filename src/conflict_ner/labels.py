"""Entity labels and the IOB2 tag set built from them.

>>> bio_tags(["ACTOR", "DATE"])
['O', 'B-ACTOR', 'I-ACTOR', 'B-DATE', 'I-DATE']
"""

from __future__ import annotations

#: The project's labels, as defined in ../shared/annotation-guidelines.md.
LABELS: tuple[str, ...] = ("ACTOR", "LOCATION", "WEAPON", "COUNT", "DATE")


def bio_tags(labels: list[str] | tuple[str, ...]) -> list[str]:
    """IOB2 tags for ``labels``: ``O`` first, then ``B-``/``I-`` per label."""
    tags = ["O"]
    for label in labels:
        tags += [f"B-{label}", f"I-{label}"]
    return tags


def id2label(labels: list[str] | tuple[str, ...]) -> dict[int, str]:
    """Tag id -> tag, the mapping saved in the model config."""
    return dict(enumerate(bio_tags(labels)))


def labels_from_tags(tags: list[str]) -> list[str]:
    """Recover the ordered entity labels from an IOB2 tag list (e.g. a model's ``id2label``)."""
    out: list[str] = []
    for tag in tags:
        if tag != "O" and tag[2:] not in out:
            out.append(tag[2:])
    return out
