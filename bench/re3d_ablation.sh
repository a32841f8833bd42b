#!/usr/bin/env bash
# Train the re3d benchmark ablation (each lever, seeds 13-15) and print its table.
# About 4 hours on 2 CPU cores; runs go to runs/re3d-<lever>-s<seed>.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false
C=.venv/bin/conflict-ner
train() { # lever seed extra-overrides...
  local lever=$1 seed=$2; shift 2
  [ -f "runs/re3d-$lever-s$seed/metrics.json" ] && return
  $C train configs/re3d-benchmark.yaml --overwrite --quiet --set training.seed="$seed" \
     --set training.output_dir="runs/re3d-$lever-s$seed" "$@"
}
# The masked-LM adapted encoder: our corpus (train+dev) and the benchmark's train+dev sentences only.
[ -f runs/minilm-conflict-mlm/adaptation.json ] || $C adapt training/corpus/compiled/train.jsonl \
  training/corpus/compiled/dev.jsonl ../shared/data/re3d-conll/train.txt ../shared/data/re3d-conll/dev.txt \
  -o runs/minilm-conflict-mlm --epochs 4 --quiet
for s in 13 14 15; do
  # the shipped config has shape features on: the other levers switch them off
  train base "$s" --set training.epochs=12 --set model.shape_features=false
  train shape "$s" --set training.epochs=12 --set model.shape_features=true
  train adapt "$s" --set training.epochs=12 --set model.shape_features=false --set model.base_model=runs/minilm-conflict-mlm
  train base-e24 "$s" --set training.epochs=24 --set model.shape_features=false
  train shape-e24 "$s" --set training.epochs=24 --set model.shape_features=true
  train adapt-e24 "$s" --set training.epochs=24 --set model.shape_features=false --set model.base_model=runs/minilm-conflict-mlm
  train shape-e24-lld "$s" --set training.epochs=24 --set model.shape_features=true \
     --set training.layer_decay=0.8 --set training.learning_rate=2.0e-4
  train shape-e24-mt "$s" --set model.base_model=runs/default   # needs runs/default (scripts/main.sh)
  train shape-e24-allsub "$s" --set training.label_subwords=all
  [ -f "runs/re3d-shape-e24-s$s/greedy.json" ] || $C evaluate --model "runs/re3d-shape-e24-s$s" \
     configs/re3d-benchmark.yaml --decoding greedy -o "runs/re3d-shape-e24-s$s/greedy.json"
done
# single-seed schedule screens
train shape-e24-lr5e5 13 --set training.learning_rate=5.0e-5
train shape-e24-lr2e4 13 --set training.learning_rate=2.0e-4
train shape-e24-bs8 13 --set training.batch_size=8
train shape-e24-wu0 13 --set training.warmup_ratio=0.0
train shape-e24-L4-kd 13 --set model.num_layers=4 --set "training.distill.teachers=[runs/re3d-shape-e24-s13]" \
   --set training.distill.weight=0.7
# self-distillation: each seed learns from the ensemble of the three shipped-config models
for s in 13 14 15; do
  train shape-e24-ens-kd "$s" \
     --set "training.distill.teachers=[runs/re3d-shape-e24-s13,runs/re3d-shape-e24-s14,runs/re3d-shape-e24-s15]"
done
$C evaluate --model runs/re3d-base-e24-s13 --model runs/re3d-base-e24-s14 --model runs/re3d-base-e24-s15 \
  configs/re3d-benchmark.yaml -o runs/ensemble-base-e24.json
$C evaluate --model runs/re3d-shape-e24-s13 --model runs/re3d-shape-e24-s14 --model runs/re3d-shape-e24-s15 \
  configs/re3d-benchmark.yaml -o runs/ensemble-shape-e24.json
.venv/bin/python bench/re3d_ablation.py --ensemble runs/ensemble-base-e24.json --ensemble runs/ensemble-shape-e24.json
