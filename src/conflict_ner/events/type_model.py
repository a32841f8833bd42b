"""A per-record sub-event type classifier learned from the train split's event gold (lookup side).

The rules (:mod:`.types`) type an act by the cue words of its sentence; what they miss (who
was hurt, a trigger the cues do not list, a toll that tells a battle) the annotators' choices
on similar records often tell. This is a multinomial naive Bayes model over a record's
:func:`features` (its trigger, the words of its sentence, its actors' words by role, its
weapons and what its counts counted), stored as plain counts in
``resources/type_counts.json`` (built by :mod:`conflict_ner.training.corpus.type_counts`,
rewritten by ``conflict-ner data build``). :func:`overrides` applies the codebook's
precedence: the model replaces the rules' type only when almost sure, never moves an act the
sentence names the remote means of (air, shelling, explosive) to another such means, and never
moves a rare kind its own cue word named (a chemical attack, looting, an arrest...) to a common
kind of violence (the model's counts lean to the common kinds).

>>> counts = {"classes": {"Attack": 3, "Armed clash": 3}, "features": {
...     "w=villagers": {"Attack": 3}, "w=troops": {"Armed clash": 3}}}
>>> model = TypeModel(counts)
>>> best, p = model.best(["w=villagers"])
>>> best, round(p, 2)
('Attack', 0.88)
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources

from conflict_ner.events.type_lexicon import key

RESOURCE = "type_counts.json"
#: Laplace smoothing of the counts, and the weight of the whole-trigger feature (chosen by
#: 5-fold cross-validation over the train documents; ANNOTATION.md, event types round 5).
ALPHA = 0.5
TRIGGER_WEIGHT = 3.0
#: The model's posterior needed to replace the rules' type.
MIN_POSTERIOR = 0.99
#: Means the sentence's own words tell apart better than the model (cross-validated on train).
REMOTE_MEANS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"})
#: The common kinds of violence (nine in ten train records); any other kind is rare.
#: Acts without violence their own words name (an agreement made, a base set up): rare in train, so the
#: model's words of their sentences (troops, a convoy, a deployment) point elsewhere; the rules' cue stands.
KEPT_WHEN_CUED = frozenset({"Agreement", "Headquarters or base established"})
COMMON = REMOTE_MEANS | {"Armed clash", "Attack", "Government regains territory", "Non-state actor overtakes territory"}

_WORD = re.compile(r"[a-z][a-z'-]+")
# function words carry no type; dropping them keeps the packaged counts small
_STOP = frozenset("the a an of to in on and or was were is are be been by for with at from that this as it its "
                  "their his her they he she which who said says had has have after before".split())


def words(text: str) -> list[str]:
    """The content words of a text, lower case.

    >>> words("The army shelled Idlib's outskirts")
    ['army', 'shelled', "idlib's", 'outskirts']
    """
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


def features(trigger: str | None, sentence: str, actors: Iterable[tuple[str, str]] = (),
             weapons: Iterable[str] = (), counts: Iterable[tuple[str, str | None]] = ()) -> list[str]:
    """A record's features: its trigger (whole and by word), its sentence's words (once each),
    its actors' words by role, its weapons' words and each count's outcome with its noun.

    >>> features("air strike", "An air strike hit the market.", [("market", "target")], [], [("killed", "people")])
    ['t=air strike', 'tw=air', 'tw=strike', 'w=air', 'w=hit', 'w=market', 'w=strike', 'target=market', 'c=killed:people']
    """
    out = []
    if trigger:
        out.append("t=" + key(trigger))
        out += ["tw=" + w for w in words(trigger)]
    out += ["w=" + w for w in sorted(set(words(sentence)))]
    for text, role in actors:
        out += [f"{role}=" + w for w in words(text)]
    for text in weapons:
        out += ["wp=" + w for w in words(text)]
    for outcome, counted in counts:
        out += [f"c={outcome}:" + w for w in words(counted or "")]
    return out


class TypeModel:
    """Naive Bayes over :func:`features` from ``{"classes": {type: n}, "features": {feature: {type: n}}}``."""

    def __init__(self, counts: Mapping, alpha: float = ALPHA, trigger_weight: float = TRIGGER_WEIGHT):
        self.classes: Mapping[str, int] = counts["classes"]
        self.features: Mapping[str, Mapping[str, int]] = counts["features"]
        self.alpha, self.trigger_weight = alpha, trigger_weight
        self.totals = {c: 0 for c in self.classes}
        for per_class in self.features.values():
            for c, n in per_class.items():
                self.totals[c] += n
        n = sum(self.classes.values())
        self.prior = {c: math.log(k / n) for c, k in self.classes.items()}
        self._log_likelihoods: dict[str, dict[str, float]] = {}  # per feature, filled on first use

    def _log_likelihood(self, feature: str, per_class: Mapping[str, int]) -> dict[str, float]:
        found = self._log_likelihoods.get(feature)
        if found is None:
            vocab = len(self.features)
            weight = self.trigger_weight if feature.startswith("t=") else 1.0
            found = {c: weight * math.log((per_class.get(c, 0) + self.alpha) / (self.totals[c] + self.alpha * vocab))
                     for c in self.prior}
            self._log_likelihoods[feature] = found
        return found

    def posterior(self, feats: Iterable[str]) -> dict[str, float]:
        """Each type's probability given the features (features never seen in train are skipped)."""
        scores = dict(self.prior)
        for f in feats:
            per_class = self.features.get(f)
            if per_class is None:
                continue
            for c, v in self._log_likelihood(f, per_class).items():
                scores[c] += v
        top = max(scores.values())
        z = sum(math.exp(v - top) for v in scores.values())
        return {c: math.exp(v - top) / z for c, v in scores.items()}

    def best(self, feats: Iterable[str]) -> tuple[str, float]:
        """The most probable type and its probability (ties: the alphabetically first)."""
        post = self.posterior(feats)
        top = min(post, key=lambda c: (-post[c], c))
        return top, post[top]


def overrides(rule: str, cued: bool, model: str, probability: float) -> bool:
    """Whether the model's type replaces the rules' (the codebook's precedence, above).

    >>> overrides("Armed clash", True, "Attack", 0.995)
    True
    >>> overrides("Shelling/artillery/missile attack", True, "Air/drone strike", 0.999)
    False
    >>> overrides("Armed clash", False, "Attack", 0.9)
    False
    >>> overrides("Chemical weapon", True, "Air/drone strike", 0.999), overrides("Chemical weapon", False, "Air/drone strike", 0.999)
    (False, True)
    """
    if model == rule or probability < MIN_POSTERIOR:
        return False
    if not cued:  # a fallback's type: the model knows more
        return True
    if rule in KEPT_WHEN_CUED:
        return False
    return not (rule in REMOTE_MEANS and model in REMOTE_MEANS or rule not in COMMON and model in COMMON)


@lru_cache(maxsize=1)
def packaged() -> TypeModel | None:
    """The packaged model (``resources/type_counts.json``); None when the package has none."""
    path = resources.files("conflict_ner").joinpath("resources", RESOURCE)
    if not path.is_file():
        return None
    return TypeModel(json.loads(path.read_text(encoding="utf-8")))
