"""The entity tagger: a token classifier, its tokenizer and its inference settings, as one object.

Everything that tags text goes through it: the API (``EventExtractor``), ``conflict-ner
evaluate`` and dev evaluation during training, so what is scored is what users run,
text repair included.

>>> # tagger = EntityTagger.from_pretrained("runs/default")
>>> # tagger.predict(["Rebels shelled Hama on Monday."])[0]
>>> # [Entity(label='ACTOR', start=0, end=6, text='Rebels', score=0.98), ...]
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from conflict_ner.errors import ModelError
from conflict_ner.labels import labels_from_tags
from conflict_ner.records import Entity
from conflict_ner.tagging.settings import InferenceSettings, legacy_settings
from conflict_ner.text.document import Document
from conflict_ner.text.repair import RepairedText, repair_text

log = logging.getLogger("conflict_ner")

#: files a folder needs to be loadable as a tokenizer (any one of them)
TOKENIZER_FILES = ("tokenizer.json", "vocab.txt")


class EntityTagger:
    """Entities in text from a fine-tuned token classifier (or an ensemble: a list of them)."""

    def __init__(self, model, tokenizer, settings: InferenceSettings | None = None, *, name: str | None = None,
                 event_heads=None):
        from conflict_ner.tagging.predict import as_models, model_tags

        self.model = model
        self.models = as_models(model)
        self.tokenizer = tokenizer
        self.settings = settings or InferenceSettings.from_model_config(self.models[0].config) or InferenceSettings()
        self.tags = model_tags(model)
        self.labels = labels_from_tags(self.tags)
        self.name = name
        #: learned event heads on the same encoder (:mod:`conflict_ner.tagging.event_heads`), or None
        self.event_heads = event_heads
        if event_heads is not None and len(self.models) > 1:
            raise ModelError("event heads run with one model, not an ensemble")
        self._runners: list | None = None  # the forward functions, built once (the lean path copies weights)
        self._event_runners: list | None = None

    # --- loading and saving ---------------------------------------------------------------

    @classmethod
    def from_pretrained(cls, path: str | Path | Sequence[str | Path], *, quantize: str | None = None,
                        **overrides: Any) -> "EntityTagger":
        """Load a model folder (several folders: their ensemble, with the first one's settings
        and tokenizer). ``quantize`` is ``None``/``"fp32"`` (training and scoring read fp32), ``"auto"`` (per CPU), ``"int8"`` or ``"bf16"``; ``overrides`` replace saved
        inference settings (``decoding="greedy"``...).

        Raises :class:`ModelError` naming the folder when it is not a trained tagger.
        """
        from conflict_ner.tagging.loading import load_tokenizer
        from conflict_ner.tagging.predict import model_tags
        from conflict_ner.tagging.quantization import apply_quantization, resolve_quantize

        quantize = resolve_quantize(quantize)
        paths = [Path(path)] if isinstance(path, (str, Path)) else [Path(p) for p in path]
        # ensemble members share the first member's tokenizer
        models = [apply_quantization(load_token_classifier(p, tokenizer=i == 0), quantize) for i, p in enumerate(paths)]
        if len(models) > 1:
            try:
                model_tags(models)
            except ValueError as err:
                raise ModelError(f"{', '.join(map(str, paths))}: {err}") from None
        settings = InferenceSettings.from_model_config(models[0].config) or legacy_settings(paths[0])
        if overrides:
            settings = settings.replace(**overrides)
        try:
            tokenizer = load_tokenizer(str(paths[0]))
        except Exception as err:  # noqa: BLE001 - a broken tokenizer file raises many kinds
            raise ModelError(f"{paths[0]}: cannot load the tokenizer: {err}") from None
        name = "+".join(p.name for p in paths) + (f"+{quantize}" if quantize else "")
        heads = None
        if len(models) == 1:  # an ensemble extracts with the rules
            from conflict_ner.tagging.event_heads import load_event_heads

            heads = load_event_heads(paths[0], models[0].config)
        return cls(models[0] if len(models) == 1 else models, tokenizer, settings, name=name, event_heads=heads)

    def save_pretrained(self, path: str | Path) -> None:
        """Save model (settings on its config), tokenizer and nothing else; the folder loads with
        :meth:`from_pretrained` and, as a token classifier, in plain transformers."""
        if len(self.models) > 1:
            raise ModelError("an ensemble cannot be saved as one model")
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        from conflict_ner.tagging.event_heads import WEIGHTS_FILE, save_event_heads, store_settings

        model = self.models[0]
        self.settings.store_on(model.config)
        heads = self.event_heads
        store_settings(heads.settings if heads is not None else None, model.config)
        model.save_pretrained(path)
        save_tokenizer(self.tokenizer, path)
        if heads is not None:
            save_event_heads(heads, path)
        elif (path / WEIGHTS_FILE).exists():  # a folder saved over must not keep stale heads
            (path / WEIGHTS_FILE).unlink()

    # --- prediction -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Forget the built forward (call after the weights changed, e.g. during training)."""
        self._runners = None
        self._event_runners = None

    def predict(self, texts: Sequence[str], progress: bool = False) -> list[list[Entity]]:
        """Entities of each text; offsets index the text as given (repair is undone)."""
        return self.predict_documents([Document(str(i), t) for i, t in enumerate(texts)], progress)

    def predict_documents(self, docs: Sequence[Document], progress: bool = False,
                          docs_per_call: int = 64) -> list[list[Entity]]:
        """Entities of each document, predicted on its repaired text and mapped back; a
        pre-tokenised document keeps its tokens as units. ``docs_per_call`` documents are
        windowed and batched together (more pads less)."""
        return [entities for entities, _ in self._predict(docs, progress, docs_per_call, events=False)]

    def predict_with_events(self, docs: Sequence[Document], progress: bool = False, docs_per_call: int = 64
                            ) -> list[tuple[list[Entity], "DocumentEvents | None"]]:
        """Entities and the event heads' reading of each document, from one forward pass; the
        second item is ``None`` when the model has no event heads."""
        return self._predict(docs, progress, docs_per_call, events=self.event_heads is not None)

    def _predict(self, docs: Sequence[Document], progress: bool, docs_per_call: int, events: bool):
        from tqdm.auto import tqdm

        from conflict_ner.tagging.event_decoding import EventScores
        from conflict_ner.tagging.predict import make_runners, predict_documents

        if events and self._event_runners is None:
            self._event_runners = make_runners(self.models, words_only=True, event_heads=self.event_heads.eval())
        if not events and self._runners is None:
            self._runners = make_runners(self.models, words_only=True)
        out: list = []
        bar = tqdm(total=len(docs), desc="tagging", unit="doc", disable=not progress)
        for k in range(0, len(docs), docs_per_call):
            chunk = docs[k:k + docs_per_call]
            repaired = [repair_text(d.text) for d in chunk]
            inputs = [_repaired_document(d, r) for d, r in zip(chunk, repaired)]
            s = self.settings
            scores: list | None = [] if events else None
            spans, _ = predict_documents(self.model, self.tokenizer, inputs, max_length=s.max_length,
                                         stride=s.stride, max_batch_tokens=s.max_batch_tokens,
                                         decoding=s.decoding, event_scores=scores,
                                         runners=self._event_runners if events else self._runners)
            for i, (rep, doc_spans) in enumerate(zip(repaired, spans)):
                found = None
                if scores is not None:
                    units, merged = scores[i]
                    if rep.changed:
                        units = [rep.to_original(a, b) for a, b in units]
                    found = DocumentEvents(rep, EventScores(units, merged, self.event_heads.settings))
                out.append((_entities_in_original(rep, doc_spans), found))
            bar.update(len(chunk))
        bar.close()
        return out


class DocumentEvents:
    """The event heads' reading of one document, in the offsets of the text as given (the
    units' offsets are mapped back from the repaired text once, so lookups cost nothing more)."""

    def __init__(self, rep: RepairedText, scores):
        self._text = rep.original
        self.scores = scores

    def triggers(self) -> list:
        """Predicted triggers (:class:`~conflict_ner.tagging.event_decoding.PredictedTrigger`),
        offsets into the original text."""
        from conflict_ner.tagging.event_decoding import PredictedTrigger

        out = []
        for t in self.scores.triggers():
            start, end = trim_span(self._text, t.start, t.end)
            if start < end:
                out.append(t if (start, end) == (t.start, t.end) else PredictedTrigger(start, end, t.sub_event_type,
                                                                                        t.score))
        return out

    def role_of(self, start: int, end: int) -> tuple[str, float] | None:
        """The predicted role (``O``, ``initiator``, ``target``, ``other``) of the original-text
        span ``[start, end)`` and its probability."""
        return self.scores.role_of(start, end)

    def modality_of(self, start: int, end: int) -> tuple[str, float] | None:
        """The predicted modality of the act whose trigger is the original-text span ``[start, end)``."""
        return self.scores.modality_of(start, end)


def load_token_classifier(path: Path, tokenizer: bool = True):
    """A trained token classifier from ``path``, checked: an IOB2 ``id2label``, a classification
    head in the weights, tokenizer files beside it. Errors name the folder and the problem."""
    import json

    from transformers import AutoModelForTokenClassification

    from conflict_ner.tagging.shape_bert import register

    register()  # a shape-feature model must load through the Auto classes too
    if not path.is_dir():
        raise ModelError(f"{path}: no such model directory")
    config_file = path / "config.json"
    if not config_file.is_file():
        raise ModelError(f"{path}: not a model folder (no config.json)")
    try:
        raw = json.loads(config_file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ModelError(f"{config_file}: not valid JSON ({err})") from None
    if not isinstance(raw, dict):
        raise ModelError(f"{config_file}: not a JSON object")
    tags = [str(t) for t in (raw.get("id2label") or {}).values()]
    if not tags or not all(t == "O" or t[:2] in ("B-", "I-") for t in tags) or "O" not in tags:
        raise ModelError(f"{path}: not a trained entity tagger: its labels are {tags[:4] or 'missing'} "
                         "(expected IOB2 tags such as O, B-ACTOR; a plain encoder or checkpoint folder "
                         "is not a tagger)")
    if tokenizer and not any((path / f).is_file() for f in TOKENIZER_FILES):
        raise ModelError(f"{path}: no tokenizer files ({' or '.join(TOKENIZER_FILES)}); a training "
                         "checkpoint folder is not a model to extract with")
    try:
        model, info = AutoModelForTokenClassification.from_pretrained(path, output_loading_info=True)
    except Exception as err:  # noqa: BLE001 - corrupt weights raise OSError, safetensors errors, ...
        raise ModelError(f"{path}: cannot load the model weights: {err}") from None
    missing = [k for k in info.get("missing_keys", ()) if "classifier" in k]
    if missing:
        raise ModelError(f"{path}: the weights have no trained classification head ({', '.join(missing)})")
    return model.eval()


def save_tokenizer(tokenizer, path: Path) -> None:
    """Save a tokenizer whose config loads anywhere (no machine-local loading flags)."""
    import json

    tokenizer.save_pretrained(path)
    config = path / "tokenizer_config.json"
    if config.is_file():
        data = json.loads(config.read_text(encoding="utf-8"))
        local = {k for k in data if k in ("local_files_only", "cache_dir", "_commit_hash", "is_local")}
        if local:
            for k in local:
                data.pop(k)
            config.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _repaired_document(doc: Document, rep: RepairedText) -> Document:
    if not rep.changed:
        return doc
    tokens = None
    if doc.tokens is not None:  # keep the given tokens as units, at their repaired offsets
        to_fixed = _inverse_offsets(rep)
        tokens = [(to_fixed[s], max(to_fixed[s] + 1, to_fixed[e])) for s, e in doc.tokens]
    return Document(doc.id, rep.text, tokens=tokens)


def _inverse_offsets(rep: RepairedText) -> list[int]:
    """For each original offset, the first repaired offset that maps at or after it."""
    inverse = [len(rep.text)] * (len(rep.original) + 1)
    for k in range(len(rep.text), -1, -1):
        start, _ = rep.to_original(k, k)
        inverse[start] = k
    for o in range(len(inverse) - 2, -1, -1):  # fill gaps (original characters merged by repair)
        inverse[o] = min(inverse[o], inverse[o + 1])
    return inverse


def _entities_in_original(rep: RepairedText, spans) -> list[Entity]:
    out = []
    for s in spans:
        start, end = rep.to_original(s.start, s.end)
        start, end = trim_span(rep.original, start, end)
        if start < end:
            out.append(Entity(s.label, start, end, rep.original[start:end], round(s.score, 4)))
    return out


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``[start, end)`` so it neither starts nor ends on space or an invisible format
    character (zero-width, bidi controls); the text itself is never changed.

    >>> trim_span("a \\u200bHama\\u202c b", 2, 8)
    (3, 7)
    """
    while start < end and _invisible(text[start]):
        start += 1
    while end > start and _invisible(text[end - 1]):
        end -= 1
    return start, end


def _invisible(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Cs")
