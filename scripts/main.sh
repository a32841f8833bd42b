#!/usr/bin/env bash
# The README's main command: set up, train configs/default.yaml, extract events from
# the example articles.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
OUT=${OUT:-runs/default}
# configs/default.yaml adds re3d's documents from beside the checkout; without them, say so and
# train on the project's corpus alone rather than fail
EXTRA=()
if [ ! -d ../shared/data/re3d ]; then
  echo "../shared/data/re3d not found: training on the project's corpus only (--set data.extra_train=[])"
  EXTRA=(--set "data.extra_train=[]")
fi
if { [ -f "$OUT.checkpoint/state.json" ] || [ -f "$OUT.checkpoint.old/state.json" ]; } && [ ! -f "$OUT/metrics.json" ]; then
  .venv/bin/conflict-ner train configs/default.yaml --resume "${EXTRA[@]}" "$@"
elif [ ! -f "$OUT/metrics.json" ]; then
  .venv/bin/conflict-ner train configs/default.yaml "${EXTRA[@]}" "$@"
else
  echo "$OUT already holds a trained model (delete it to retrain)"
fi
.venv/bin/conflict-ner extract --model "$OUT" examples/articles.jsonl -o "$OUT/example-events.jsonl" --overwrite
.venv/bin/conflict-ner view --model "$OUT" examples/ex-wire-idlib.txt --published 2024-05-08 -o "$OUT/example-view.html"
echo "event records: $OUT/example-events.jsonl; a page to open in a browser: $OUT/example-view.html"
