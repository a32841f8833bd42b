"""Shared pieces of the benchmark scripts."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import torch

README = Path(__file__).parent / "README.md"


def machine() -> str:
    """CPU model, the SIMD features that decide int8/bf16 speed, threads and torch version."""
    import platform

    name, flags = platform.machine(), set()
    try:
        info = Path("/proc/cpuinfo").read_text()
        name = next((ln.split(":", 1)[1].strip() for ln in info.splitlines() if ln.startswith("model name")), name)
        flags = set(next((ln.split(":", 1)[1].split() for ln in info.splitlines() if ln.startswith("flags")), []))
    except OSError:
        pass
    feats = [f for f, key in (("AVX2", "avx2"), ("AVX-512", "avx512f"), ("VNNI", "avx512_vnni"),
                              ("AMX", "amx_tile")) if key in flags]
    return f"{name} ({', '.join(feats) or 'no AVX2'}), {torch.get_num_threads()} threads, torch {torch.__version__}"


def load_texts(path: str) -> tuple[list[str], list[str | None]]:
    """Texts and publication dates of a native JSONL corpus file."""
    texts, published = [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            obj = json.loads(line)
            texts.append(obj["text"])
            published.append(obj.get("published"))
    return texts, published


def words_of(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def repeated_texts(path: str, words: int) -> tuple[list[str], list[str | None]]:
    """The texts (and publication dates) of ``path``, repeated until they hold at least ``words`` words."""
    base_texts, base_published = load_texts(path)
    texts: list[str] = []
    published: list[str | None] = []
    while words_of(texts) < words:
        texts += base_texts
        published += base_published
    return texts, published


def time_call(fn, repeats: int = 1) -> float:
    """Best of ``repeats`` wall times (every path gets the same repeats, so noise from other
    processes cannot favour one side)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def matmul_peak_gflops(n: int = 1024, repeats: int = 30) -> float:
    """Best-of fp32 matrix-multiply throughput on this machine, in GFLOP/s."""
    a, b = torch.randn(n, n), torch.randn(n, n)
    for _ in range(3):
        a @ b
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    return 2 * n ** 3 / best / 1e9


def update_readme(section: str, table: str) -> None:
    """Replace the text between ``<!-- section:start -->`` and ``<!-- section:end -->`` in bench/README.md."""
    text = README.read_text(encoding="utf-8")
    start, end = f"<!-- {section}:start -->", f"<!-- {section}:end -->"
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    block = f"{start}\n{table}\n{end}"
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text + f"\n{block}\n"
    README.write_text(text, encoding="utf-8")


def tiny_model(folder: Path) -> Path:
    """The tests' tiny random BERT with the five labels and the packaged tokenizer, saved in ``folder``."""
    from conflict_ner.labels import LABELS
    from conflict_ner.tagging.loading import load_tokenizer
    from conflict_ner.training.config import ModelConfig
    from conflict_ner.training.modeling import build_model

    torch.manual_seed(0)
    root = Path(__file__).resolve().parent.parent
    model = build_model(ModelConfig(base_model=str(root / "tests/fixtures/tiny-bert"), random_init=True), list(LABELS))
    model.save_pretrained(folder)
    load_tokenizer("packaged:all-MiniLM-L6-v2").save_pretrained(folder)
    return folder
