#!/usr/bin/env bash
# The README's test command: set up, check the corpus, run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
.venv/bin/conflict-ner data check training/corpus
.venv/bin/python -m pytest -q --timeout=600 "$@"
