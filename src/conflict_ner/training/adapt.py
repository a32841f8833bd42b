"""Domain-adaptive masked-LM training of the encoder on conflict text, before fine-tuning.

The packaged all-MiniLM-L6-v2 was trained for sentence similarity, not on news about
fighting; a few epochs of masked-LM on in-domain text (the project's corpus, a
benchmark's *train and dev* sentences) move its token representations towards the
domain. The result is a plain BERT folder that any config takes as ``base_model``.
Never feed it text from a test set (for re3d: not the ``re3d/`` documents, which the
benchmark's test sentences come from).

>>> import tempfile, os
>>> f = os.path.join(tempfile.mkdtemp(), "s.txt")
>>> _ = open(f, "w").write("Rebels\\tB-Org\\nfired\\tO\\n\\nTroops\\tB-Org\\n")
>>> adaptation_texts([f])
['Rebels fired', 'Troops']
"""

from __future__ import annotations

import json
import math
import random
import time
from dataclasses import dataclass
from pathlib import Path

from conflict_ner.errors import DataError


@dataclass(frozen=True)
class AdaptResult:
    """Where the adapted encoder went and how its training went."""

    output_dir: Path
    texts: int
    windows: int
    steps: int
    seconds: float
    first_loss: float
    last_loss: float


def adaptation_texts(sources: list[str | Path]) -> list[str]:
    """Plain texts from JSONL corpora (``text`` field), CoNLL files (one text per
    sentence, tokens joined by spaces) and ``.txt`` files, or folders of them."""
    texts: list[str] = []
    for source in sources:
        path = Path(source)
        files = sorted(p for p in path.rglob("*") if p.suffix in (".jsonl", ".txt", ".conll")) \
            if path.is_dir() else [path]
        if not files:
            raise DataError("no .jsonl, .txt or .conll files", path=str(path))
        for file in files:
            texts.extend(_texts_of(file))
    return texts


def _texts_of(path: Path) -> list[str]:
    if not path.is_file():
        raise DataError("no such file", path=str(path))
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if path.suffix == ".jsonl":
        out = []
        for lineno, line in enumerate(lines, start=1):
            if line.strip():
                try:
                    out.append(json.loads(line)["text"])
                except (json.JSONDecodeError, KeyError, TypeError) as err:
                    raise DataError(f"not a JSON object with a 'text' field ({err})", path=str(path),
                                    line=lineno) from None
        return out
    if any("\t" in line for line in lines[:50]):  # CoNLL token<TAB>tag
        sentences, tokens = [], []
        for line in lines + [""]:
            if not line.strip():
                if tokens:
                    sentences.append(" ".join(tokens))
                    tokens = []
            elif not line.startswith("-DOCSTART-"):
                tokens.append(line.split("\t")[0])
        return sentences
    return [p.strip() for p in text.split("\n\n") if p.strip()]


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
    windows = []
    for start in range(0, len(stream), body):
        windows.append([cls_id] + stream[start:start + body] + [sep_id])
    return windows


def adapt_encoder(base_model: str, sources: list[str | Path], output_dir: str | Path, *, epochs: float = 3,
                  learning_rate: float = 1e-4, batch_size: int = 16, max_length: int = 128,
                  mlm_probability: float = 0.15, seed: int = 13, progress: bool = True) -> AdaptResult:
    """Masked-LM training of ``base_model`` on the texts of ``sources``; saves model and
    tokenizer to ``output_dir`` (loadable as ``base_model`` of any config)."""
    import torch
    from transformers import AutoModelForMaskedLM, DataCollatorForLanguageModeling, get_linear_schedule_with_warmup

    from conflict_ner.tagging.loading import load_tokenizer, resolve_model_path
    from conflict_ner.training.trainer import set_seed

    set_seed(seed)
    texts = adaptation_texts(sources)
    tokenizer = load_tokenizer(base_model)
    encoded = tokenizer(texts, add_special_tokens=False, truncation=False)["input_ids"]
    windows = pack_windows(encoded, max_length, tokenizer.cls_token_id, tokenizer.sep_token_id)
    # The sentence-embedding checkpoint has no MLM head: it starts fresh (decoder tied to embeddings).
    model = AutoModelForMaskedLM.from_pretrained(resolve_model_path(base_model))
    model.train()
    collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=mlm_probability)
    steps_per_epoch = math.ceil(len(windows) / batch_size)
    total = max(1, int(steps_per_epoch * epochs))
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimizer, int(0.06 * total), total)
    rng = random.Random(seed)
    order: list[int] = []
    losses: list[float] = []
    bar = _progress(total, progress)
    start = time.perf_counter()
    for step in range(total):
        if len(order) < batch_size:
            fresh = list(range(len(windows)))
            rng.shuffle(fresh)
            order.extend(fresh)
        batch_ids, order = order[:batch_size], order[batch_size:]
        batch = collator([{"input_ids": windows[i]} for i in batch_ids])
        loss = masked_lm_loss(model, batch)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        optimizer.zero_grad()
        losses.append(loss.item())
        if bar is not None:
            bar.update(1)
            bar.set_postfix(loss=f"{sum(losses[-20:]) / len(losses[-20:]):.3f}")
    if bar is not None:
        bar.close()
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    head = losses[:20] or [float("nan")]
    tail = losses[-20:] or [float("nan")]
    result = AdaptResult(out, len(texts), len(windows), total, round(time.perf_counter() - start, 1),
                         round(sum(head) / len(head), 4), round(sum(tail) / len(tail), 4))
    (out / "adaptation.json").write_text(json.dumps({
        "base_model": base_model, "sources": [str(s) for s in sources], "epochs": epochs,
        "learning_rate": learning_rate, "batch_size": batch_size, "max_length": max_length,
        "mlm_probability": mlm_probability, "seed": seed, "texts": result.texts, "windows": result.windows,
        "steps": result.steps, "seconds": result.seconds, "first_loss": result.first_loss,
        "last_loss": result.last_loss}, indent=2))
    return result


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


def _progress(total: int, enabled: bool):
    if not enabled:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="masked-LM", unit="step")
