#!/usr/bin/env bash
# The README's test command: set up, check the corpus, run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
# every test, test_new and held-out gold record must have its trigger and sub-event type
CONFLICT_NER_REQUIRE_TRIGGERS=1 .venv/bin/conflict-ner data check training/corpus
.venv/bin/python -m pytest -q --timeout=600 "$@"
