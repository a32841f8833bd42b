"""Domain-adaptive masked-LM training of the encoder on conflict text, before fine-tuning.

The packaged all-MiniLM-L6-v2 was trained for sentence similarity, not on news about
fighting; a few epochs of masked-LM on in-domain text (the project's corpus, a
benchmark's *train and dev* sentences) move its token representations towards the
domain. The result is a plain BERT folder that any config takes as ``base_model``.
Never feed it text from a test set (for re3d: not the ``re3d/`` documents, which the
benchmark's test sentences come from).

It runs on the fine-tuning loop (:mod:`conflict_ner.training.loop`) with a validated
:class:`~conflict_ner.training.config.AdaptConfig`, and reads its sources with the
project's readers.

>>> import tempfile, os
>>> f = os.path.join(tempfile.mkdtemp(), "s.txt")
>>> _ = open(f, "w").write("Rebels\\tB-Org\\nfired\\tO\\n\\nTroops\\tB-Org\\n")
>>> adaptation_texts([f])
['Rebels fired', 'Troops']
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from conflict_ner.errors import DataError
from conflict_ner.training.config import AdaptConfig, dump_config, load_section
from conflict_ner.training.readers.conll import conll_sentences
from conflict_ner.training.readers.jsonl import read_texts
from conflict_ner.training.readers.lines import numbered_lines, read_text

#: file types a source folder is searched for
SOURCE_SUFFIXES = (".jsonl", ".txt", ".conll")


@dataclass(frozen=True)
class AdaptResult:
    """Where the adapted encoder went and how its training went."""

    output_dir: Path
    texts: int
    windows: int
    steps: int
    seconds: float
    #: mean loss of the first and of the last steps (20, or half the steps when fewer than 40)
    first_loss: float
    last_loss: float


def adaptation_texts(sources: list[str | Path]) -> list[str]:
    """Plain texts from JSONL corpora (``text`` field), CoNLL files (one text per
    sentence, tokens joined by spaces) and ``.txt`` files (one text per paragraph), or
    folders of them."""
    texts: list[str] = []
    for source in sources:
        path = Path(source)
        files = sorted(p for p in path.rglob("*") if p.suffix in SOURCE_SUFFIXES) if path.is_dir() else [path]
        if not files:
            raise DataError(f"no {', '.join(SOURCE_SUFFIXES)} files", path=str(path))
        for file in files:
            texts.extend(_texts_of(file))
    return texts


def _texts_of(path: Path) -> list[str]:
    if not path.is_file():
        raise DataError("no such file", path=str(path))
    if path.suffix == ".jsonl":
        return read_texts(path)
    if path.suffix == ".conll" or _has_tabs(path):
        return [" ".join(token for token, _, _ in rows) for rows in conll_sentences(path)]
    text = read_text(path).replace("\r\n", "\n")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _has_tabs(path: Path, lines: int = 50) -> bool:
    """A ``.txt`` file whose first lines hold tabs is CoNLL ``token<TAB>tag``."""
    for lineno, line in numbered_lines(path):
        if "\t" in line:
            return True
        if lineno >= lines:
            break
    return False


def pack_windows(token_ids: list[list[int]], max_length: int, cls_id: int, sep_id: int) -> list[list[int]]:
    """Concatenate tokenised texts (separated by ``[SEP]``) and cut them into windows of
    ``max_length`` tokens, each ``[CLS] ... [SEP]``: no padding is wasted on short sentences.

    >>> pack_windows([[5, 6], [7], [8, 9, 10]], 5, 101, 102)
    [[101, 5, 6, 102, 102], [101, 7, 102, 8, 102], [101, 9, 10, 102, 102]]
    """
    body = max_length - 2
    stream: list[int] = []
    for ids in token_ids:
        stream.extend(ids)
        stream.append(sep_id)
    return [[cls_id] + stream[start:start + body] + [sep_id] for start in range(0, len(stream), body)]


def adapt(config: AdaptConfig, *, progress: bool = True) -> AdaptResult:
    """Masked-LM training per ``config``; saves model and tokenizer to ``config.output_dir``
    (loadable as ``base_model`` of any config) with ``adaptation.json`` (config and losses)."""
    import torch
    from tqdm.auto import tqdm
    from transformers import DataCollatorForLanguageModeling

    from conflict_ner.tagging.tagger import save_tokenizer
    from conflict_ner.training.loop import (
        Schedule, TrainState, epoch_batcher, linear_schedule, make_optimizer, optimizer_steps, set_seed, total_steps,
    )
    from conflict_ner.training.modeling import load_base_tokenizer, load_masked_lm

    if config.threads:
        torch.set_num_threads(config.threads)
    set_seed(config.seed)
    texts = adaptation_texts(config.sources)
    if not texts:
        raise DataError("no texts to train on", path=", ".join(config.sources))
    tokenizer = load_base_tokenizer(config.base_model, "base_model")
    encoded = tokenizer(texts, add_special_tokens=False, truncation=False)["input_ids"]
    windows = pack_windows(encoded, config.max_length, tokenizer.cls_token_id, tokenizer.sep_token_id)
    model = load_masked_lm(config.base_model)
    model.train()
    collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=config.mlm_probability)
    schedule = Schedule(total_steps(len(windows), config.batch_size, config.epochs, None))
    optimizer = make_optimizer(model, config.learning_rate, config.weight_decay)
    scheduler = linear_schedule(optimizer, config.warmup_ratio, schedule.total_steps)

    def loss(batch: list[int]):
        return masked_lm_loss(model, collator([{"input_ids": windows[i]} for i in batch]))

    steps = optimizer_steps(model, optimizer, scheduler, TrainState(), schedule,
                            epoch_batches=epoch_batcher([len(w) for w in windows], config.batch_size, 50,
                                                        config.seed),
                            batch_loss=loss, max_grad_norm=config.max_grad_norm)
    losses: list[float] = []
    started = time.perf_counter()
    with tqdm(total=schedule.total_steps, desc="masked-LM", unit="step", disable=not progress) as bar:
        for step in steps:
            losses.append(step.loss)
            bar.update(1)
            bar.set_postfix(loss=f"{_mean(losses[-20:]):.3f}")
    out = Path(config.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    save_tokenizer(tokenizer, out)
    k = min(20, max(1, len(losses) // 2))  # first and last losses: means over steps that do not overlap
    result = AdaptResult(out, len(texts), len(windows), len(losses), round(time.perf_counter() - started, 1),
                         round(_mean(losses[:k]), 4), round(_mean(losses[-k:]), 4))
    (out / "adapt_config.yaml").write_text(dump_config(config), encoding="utf-8")
    (out / "adaptation.json").write_text(json.dumps({
        **config.model_dump(mode="json"), "texts": result.texts, "windows": result.windows, "steps": result.steps,
        "seconds": result.seconds, "first_loss": result.first_loss, "last_loss": result.last_loss}, indent=2))
    return result


def adapt_encoder(base_model: str, sources: list[str | Path], output_dir: str | Path, *, progress: bool = True,
                  **settings) -> AdaptResult:
    """:func:`adapt` from keyword settings (the ``conflict-ner adapt`` options: ``epochs``,
    ``learning_rate``, ``batch_size``, ``max_length``, ``mlm_probability``, ``seed``...),
    validated like a config file."""
    values = {"base_model": base_model, "sources": [str(s) for s in sources], "output_dir": str(output_dir),
              **settings}
    return adapt(load_section(AdaptConfig, None, values=values, where="adapt"), progress=progress)


def masked_lm_loss(model, batch: dict):
    """Masked-LM loss with the vocabulary head run on the masked positions only: the
    head (hidden x 30k vocabulary) on every token would cost more than the encoder."""
    import torch.nn.functional as F

    head = getattr(model, "cls", None)
    if head is None:  # not a BERT MLM model: the library's own loss
        return model(**batch).loss
    hidden = model.base_model(input_ids=batch["input_ids"], attention_mask=batch.get("attention_mask")).last_hidden_state
    labels = batch["labels"]
    masked = labels != -100
    return F.cross_entropy(head(hidden[masked]), labels[masked])


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")
