"""Refitting a trained model's event heads on its frozen encoder (``conflict-ner refit-heads``).

A full retrain costs the encoder's forward and backward on every step; the heads need
neither. So the model's encoder runs once over the train and dev windows that have event
gold (the same windows, labels and first-subword alignment as training and inference), the
word states are kept in memory, and new heads (:mod:`conflict_ner.tagging.factored_heads`,
or the old linear design) train on them for many epochs in seconds. Each epoch is scored on
dev with the heads' metrics; each head keeps its weights of its best epoch, then the trigger
threshold is picked on dev too. The output folder is a full copy of the model with the new heads and settings
(the model folder itself is never written); the per-field choice is then made on dev.

>>> selection_score({"trigger_f1": 0.5, "role_accuracy": 0.8, "modality_accuracy": 0.9})
2.2
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from conflict_ner.errors import ConfigError, ModelError
from conflict_ner.tagging.event_heads import HEAD_NAMES, EventHeadSettings, build_event_heads, settings_on

#: the thresholds the trigger span is tried at on dev (after the epochs)
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6)
REPORT_FILE = "refit.json"


@dataclass
class CachedSplit:
    """The word states of one split's windows that carry event labels, and what scoring needs."""

    states: list[torch.Tensor]                 #: per window, ``[words, hidden]`` (fp16)
    labels: list[dict[str, torch.Tensor]]      #: per window and head, ``[words]`` label ids
    window_doc: list[int]                      #: per window, its document (index into ``gold``)
    window_units: list[list[int]]              #: per window, the unit of each word
    n_units: list[int] = field(default_factory=list)       #: per document
    units: list[list] = field(default_factory=list)        #: per document, the units' offsets
    gold: list[list[dict]] = field(default_factory=list)   #: per document, its gold records


def selection_score(scores: dict) -> float:
    """What an epoch is kept on: typed trigger F1 + role accuracy + modality accuracy (those
    the heads have)."""
    return round(sum(scores.get(k, 0.0) for k in ("trigger_f1", "role_accuracy", "modality_accuracy")), 4)


def cache_split(model, tokenizer, docs: Sequence, gold: dict[str, list[dict]], heads: Sequence[str],
                max_length: int, stride: int, max_batch_tokens: int, tag2id: dict[str, int] | None,
                every_window: bool = False) -> CachedSplit:
    """Encode the documents of ``docs`` with event gold into windows (``tag2id``: as training
    does, else as inference does), label them for ``heads`` and keep the encoder's last
    hidden state of each word of each window that has a label (``every_window``: of every
    window, as scoring a document needs)."""
    from conflict_ner.tagging.encoding import encode_documents, special_tokens
    from conflict_ner.training.event_data import training_window_labels

    docs = [d for d in docs if gold.get(d.id)]
    if not docs:
        return CachedSplit([], [], [], [])
    windows, encodings, _ = encode_documents(docs, tokenizer, tag2id, max_length, stride, shapes=False)
    head, tail = special_tokens(tokenizer)
    labels, _ = training_window_labels(docs, windows, encodings, gold, heads, len(head), len(tail))
    keep = [i for i, lab in enumerate(labels)
            if every_window or any(v != -100 for vals in lab.values() for v in vals)]
    states = word_states(model, [windows[i] for i in keep], tokenizer.pad_token_id or 0, max_batch_tokens)
    out = CachedSplit([], [], [], [], [len(e.units) for e in encodings], [e.units for e in encodings],
                      [gold[d.id] for d in docs])
    for i, s in zip(keep, states):
        w = windows[i]
        words = [p for p, u in enumerate(w.unit_index) if u >= 0]
        out.states.append(s)
        out.labels.append({h: torch.tensor([labels[i][h][p] for p in words]) for h in heads})
        out.window_doc.append(w.doc_index)
        out.window_units.append([w.unit_index[p] for p in words])
    return out


def word_states(model, windows: Sequence, pad_id: int, max_batch_tokens: int) -> list[torch.Tensor]:
    """The last hidden states of each window's words (first subwords), fp16, one forward each."""
    from conflict_ner.tagging.predict import model_inputs, token_budget_batches

    order = sorted(range(len(windows)), key=lambda i: len(windows[i].input_ids))
    out: list[torch.Tensor | None] = [None] * len(windows)
    model.eval()
    with torch.inference_mode():
        for b, e in token_budget_batches([len(windows[i].input_ids) for i in order], max_batch_tokens):
            idx = order[b:e]
            inputs = model_inputs(windows, idx, pad_id, False)
            hidden = model(**inputs, output_hidden_states=True).hidden_states[-1]
            for row, i in enumerate(idx):
                words = torch.tensor([p for p, u in enumerate(windows[i].unit_index) if u >= 0], dtype=torch.long)
                out[i] = hidden[row, words].to(torch.float16).clone()
    return out  # type: ignore[return-value]


def padded(split: CachedSplit, idx: Sequence[int], heads: Sequence[str]
           ) -> tuple[torch.Tensor, torch.Tensor, dict[str, torch.Tensor]]:
    """States ``[B, U, H]`` (float), the word mask and the labels (-100 on padding) of windows ``idx``."""
    from torch.nn.utils.rnn import pad_sequence

    states = pad_sequence([split.states[i].float() for i in idx], batch_first=True)
    mask = pad_sequence([torch.ones(len(split.states[i]), dtype=torch.bool) for i in idx], batch_first=True)
    labels = {h: pad_sequence([split.labels[i][h] for i in idx], batch_first=True, padding_value=-100)
              for h in heads}
    return states, mask, labels


def split_scores(heads, split: CachedSplit, batch_size: int = 64) -> dict:
    """The heads' dev metrics (:func:`~conflict_ner.training.event_head_metrics.score_event_heads`)
    from the cached states: windows merged per document as inference merges them."""
    from conflict_ner.tagging.decoding import merge_windows
    from conflict_ner.tagging.event_decoding import EventScores
    from conflict_ner.training.event_head_metrics import score_event_heads

    settings = heads.settings
    width = sum(settings.sizes().values())
    pieces: list[list] = [[] for _ in split.gold]
    heads.eval()
    with torch.inference_mode():
        for k in range(0, len(split.states), batch_size):
            idx = list(range(k, min(k + batch_size, len(split.states))))
            states, mask, _ = padded(split, idx, settings.heads)
            logp = heads.log_probs(states, mask).numpy()
            for row, i in enumerate(idx):
                n = len(split.states[i])
                pieces[split.window_doc[i]].append((logp[row, :n], split.window_units[i]))
    readings = [EventScores(units, merge_windows(n, width, p) if p else np.zeros((n, width), np.float32), settings)
                for units, n, p in zip(split.units, split.n_units, pieces)]
    names = settings.heads
    return score_event_heads(split.gold,
                             [[(t.start, t.end, t.sub_event_type) for t in r.triggers()] for r in readings]
                             if "triggers" in names else None,
                             [r.role_of for r in readings] if "roles" in names else None,
                             [r.modality_of for r in readings] if "modality" in names else None)


def fit_heads(settings: EventHeadSettings, train: CachedSplit, dev: CachedSplit, *, epochs: int, seed: int,
              learning_rate: float = 1e-3, batch_size: int = 32, span_weight: float = 3.0,
              weight_decay: float = 0.01, log=print):
    """Train fresh heads of ``settings`` on ``train``'s cached states; each head keeps its
    weights of the epoch best on dev by its own figure (:data:`HEAD_METRIC`; the role head
    reads whichever trigger head is kept). Returns the heads and one history entry per epoch
    (``kept``: the heads taken from it)."""
    if not train.states:
        raise ConfigError("refit: no training window has event gold")
    threads = torch.get_num_threads()
    # small matrices: on a busy machine a second thread mostly waits for its core
    torch.set_num_threads(1)
    try:
        return _fit(settings, train, dev, epochs=epochs, seed=seed, learning_rate=learning_rate,
                    batch_size=batch_size, span_weight=span_weight, weight_decay=weight_decay, log=log)
    finally:
        torch.set_num_threads(threads)


def _fit(settings: EventHeadSettings, train: CachedSplit, dev: CachedSplit, *, epochs: int, seed: int,
         learning_rate: float, batch_size: int, span_weight: float, weight_decay: float, log):
    from conflict_ner.tagging.event_heads import head_losses

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    heads = build_event_heads(settings)
    optimizer = torch.optim.AdamW(heads.parameters(), lr=learning_rate, weight_decay=weight_decay)
    steps = epochs * -(-len(train.states) // batch_size)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: max(0.0, 1 - s / max(1, steps)))
    best: dict[str, tuple[float, int, dict]] = {}  # per head: its dev metric, epoch, weights
    history = []
    for epoch in range(1, epochs + 1):
        heads.train()
        order = rng.permutation(len(train.states))
        total = 0.0
        for k in range(0, len(order), batch_size):
            states, mask, labels = padded(train, order[k:k + batch_size].tolist(), settings.heads)
            if settings.design == "factored":
                parts = heads.training_losses(states, mask, labels, span_weight)
            else:
                parts = head_losses(heads(states), labels)
            loss = sum(parts.values())
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(heads.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            total += float(loss.detach())
        scores = split_scores(heads, dev) if dev.states else {}
        history.append({"epoch": epoch, "loss": round(total, 4), "dev": scores, "score": selection_score(scores)})
        log(f"epoch {epoch}: loss {total:.3f}, dev {_line(scores)}")
        for head in settings.heads:
            figure = scores.get(HEAD_METRIC[head], 0.0)
            if head not in best or figure > best[head][0]:
                best[head] = (figure, epoch, head_weights(heads, head))
    state = heads.state_dict()
    for head, (_, epoch, weights) in best.items():
        state.update(weights)
        history[epoch - 1].setdefault("kept", []).append(head)
    heads.load_state_dict(state)
    return heads.eval(), history


#: the dev figure each head's epoch is picked on
HEAD_METRIC = {"triggers": "trigger_f1", "roles": "role_accuracy", "modality": "modality_accuracy"}


def head_weights(heads, head: str) -> dict[str, torch.Tensor]:
    """A copy of the weights of one head (``triggers``: both factored parts).

    >>> from conflict_ner.tagging.event_heads import EventHeads
    >>> sorted(head_weights(EventHeads(EventHeadSettings(("triggers", "roles"), 4)), "roles"))
    ['heads.roles.bias', 'heads.roles.weight']
    """
    names = ("trigger_span", "trigger_type", "triggers") if head == "triggers" else (head,)
    prefixes = tuple(f"heads.{n}." for n in names)
    return {k: v.detach().clone() for k, v in heads.state_dict().items() if k.startswith(prefixes)}


def pick_threshold(heads, dev: CachedSplit) -> tuple[float, dict]:
    """The trigger threshold with the best typed trigger F1 on dev (factored heads only; ties
    go to 0.5), and the heads' dev scores with it; the heads' settings are updated."""
    from dataclasses import replace

    if heads.settings.design != "factored" or "triggers" not in heads.settings.heads or not dev.states:
        return heads.settings.trigger_threshold, split_scores(heads, dev) if dev.states else {}
    tried = {}
    for t in THRESHOLDS:
        heads.settings = replace(heads.settings, trigger_threshold=t)
        tried[t] = split_scores(heads, dev)
    best = max(THRESHOLDS, key=lambda t: (tried[t]["trigger_f1"], -abs(t - 0.5)))
    heads.settings = replace(heads.settings, trigger_threshold=best)
    return best, tried[best]


def _line(scores: dict) -> str:
    keys = ("trigger_f1", "trigger_span_f1", "sub_event_type_accuracy_on_matches", "role_accuracy",
            "modality_accuracy")
    return ", ".join(f"{k} {scores[k]:.4f}" for k in keys if k in scores) or "-"


def refit_heads(model_dir: str | Path, output: str | Path, *, epochs: int = 20, seed: int = 13,
                design: str = "factored", gold: str | Path = "training/corpus/compiled/events.jsonl",
                heads: Sequence[str] | None = None, mlp_size: int = 256, span_weight: float = 3.0,
                learning_rate: float = 2e-3, choose: bool = True, train_docs: str | Path | None = None,
                dev_docs: str | Path | None = None, state_cache: str | Path | None = None, log=print) -> dict:
    """Refit the event heads of the model in ``model_dir`` into a copy at ``output`` (see the
    module doc); the documents are ``train_docs`` and ``dev_docs`` (default: ``train.jsonl``
    and ``dev.jsonl`` beside ``gold``). ``state_cache``: a file that keeps the encoder states
    between runs of the same model and data (for trying settings). Returns the report also
    written to ``output/refit.json``."""
    from conflict_ner.tagging.tagger import EntityTagger
    from conflict_ner.training.data import read_documents
    from conflict_ner.training.event_data import read_event_gold

    model_dir, output = Path(model_dir), Path(output)
    if output.resolve() == model_dir.resolve():
        raise ConfigError(f"refit: the output folder must differ from the model folder ({model_dir})")
    if output.exists() and any(output.iterdir()):
        raise ConfigError(f"{output}: output folder is not empty")
    started = time.time()
    tagger = EntityTagger.from_pretrained(model_dir)
    if len(tagger.models) != 1:
        raise ModelError(f"{model_dir}: refit needs one model, not an ensemble")
    model, old = tagger.models[0], settings_on(tagger.models[0].config)
    names = tuple(h for h in HEAD_NAMES if h in (heads or (old.heads if old else HEAD_NAMES)))
    labels = [model.config.id2label[i] for i in range(len(model.config.id2label))]
    entity_labels = sorted({t[2:] for t in labels if t != "O"})
    gold_path = Path(gold)
    train_set = read_documents(train_docs or gold_path.parent / "train.jsonl", entity_labels)
    dev_set = read_documents(dev_docs or gold_path.parent / "dev.jsonl", entity_labels)
    records = read_event_gold(gold_path, {d.id: d.text for d in train_set + dev_set})
    s = tagger.settings
    common = dict(max_length=s.max_length, stride=s.stride, max_batch_tokens=s.max_batch_tokens)
    key = {"model": str(model_dir.resolve()), "heads": list(names),
           "data": _digest([d.text for d in train_set + dev_set], records, [d.spans for d in train_set + dev_set])}
    if state_cache is not None and Path(state_cache).is_file() and \
            (saved := torch.load(state_cache, weights_only=False))["key"] == key:
        train, dev = saved["train"], saved["dev"]
    else:
        train = cache_split(model, tagger.tokenizer, train_set, records, names, tag2id=model.config.label2id,
                            **common)
        dev = cache_split(model, tagger.tokenizer, dev_set, records, names, tag2id=None, every_window=True,
                          **common)
        if state_cache is not None:
            torch.save({"key": key, "train": train, "dev": dev}, state_cache)
    cached = time.time() - started
    log(f"cached {len(train.states)} train and {len(dev.states)} dev windows in {cached:.1f} s")
    before = split_scores(tagger.event_heads, dev) if tagger.event_heads is not None and dev.states else None
    if before is not None:
        log(f"heads before: dev {_line(before)}")
    settings = EventHeadSettings(heads=names, hidden_size=model.config.hidden_size, design=design,
                                 mlp_size=mlp_size, dropout=old.dropout if old else 0.1)
    fit_started = time.time()
    new, history = fit_heads(settings, train, dev, epochs=epochs, seed=seed, learning_rate=learning_rate,
                             span_weight=span_weight, log=log)
    threshold, after = pick_threshold(new, dev)
    fitted = time.time() - fit_started
    log(f"heads after ({design}, threshold {threshold}): dev {_line(after)}; fitted in {fitted:.1f} s")
    save_refit(model_dir, output, new)
    report = {"model": str(model_dir), "output": str(output), "design": design, "heads": list(names),
              "epochs": epochs, "seed": seed, "span_weight": span_weight, "mlp_size": mlp_size,
              "learning_rate": learning_rate, "trigger_threshold": threshold,
              "kept_epochs": {h: e["epoch"] for e in history for h in e.get("kept", [])},
              "windows": {"train": len(train.states), "dev": len(dev.states)},
              "seconds": {"cache": round(cached, 1), "fit": round(fitted, 1)},
              "dev_before": before, "dev_after": after, "history": history}
    if choose:
        from conflict_ner.app.choose_fields import field_ablation, markdown_table, write_choice

        try:
            ablation = field_ablation(output, gold_path, "dev")  # the gold's dev split, documents beside it
        except ModelError as err:  # e.g. gold without a dev split: the heads are saved, fields stay rules
            log(f"field choice skipped: {err}")
            report["fields"] = None
        else:
            write_choice(output, ablation)
            report["fields"] = ablation["choice"]
            log(markdown_table(ablation))
    report["seconds"]["total"] = round(time.time() - started, 1)
    (output / REPORT_FILE).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def _digest(*parts) -> str:
    """A fingerprint of the data the states and labels were cached from."""
    import hashlib

    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def save_refit(model_dir: Path, output: Path, heads) -> None:
    """Copy the model folder to ``output`` with ``heads`` and their settings (the field choice
    reset to the rules until it is made again)."""
    from dataclasses import replace

    from conflict_ner.tagging.event_heads import CONFIG_KEY, SETTINGS_KEY, save_event_heads

    shutil.copytree(model_dir, output, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("event_fields.json", "example-*", REPORT_FILE))
    save_event_heads(heads, output)
    path = output / "config.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw.setdefault(CONFIG_KEY, {})[SETTINGS_KEY] = replace(heads.settings, fields={}).to_dict()
    path.write_text(json.dumps(raw, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
