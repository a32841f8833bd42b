#!/usr/bin/env bash
# Create .venv and install conflict-ner with its test dependencies, on a fresh machine.
# torch==2.13.0 is named in the same pip call so pip takes the CPU build from this
# machine's disk instead of resolving a bare `torch` to a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if ! .venv/bin/python -c "import conflict_ner, torch, transformers, pytest, hypothesis, trafilatura, lingua, pyarrow, ray.data" 2>/dev/null; then
  .venv/bin/pip install --quiet --upgrade pip
  .venv/bin/pip install --quiet "torch==2.13.0" -e ".[dev,ray]"
fi
.venv/bin/python -c "import torch, transformers; print(f'torch {torch.__version__}, transformers {transformers.__version__}')"
