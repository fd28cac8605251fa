#!/usr/bin/env bash
# IMDN-RTC x2 with and without feature distillation from IMDN x2, everything else equal, in two settings:
#   scratch:  from random weights (seed 5), SCRATCH_ITERS iterations at lr 1e-3;
#   finetune: from the shipped imdn-rtc-x2 weights, FINETUNE_ITERS iterations at lr 3e-4, distilled once per
#             weight in FINETUNE_WEIGHTS (--distill-weight).
# Each student is exported and scored by `./neuralpost eval` on Set5 and Set14; the last lines are the table.
#   Models/Training/distil_report.sh [OUT]      (default OUT: runs/distil; TEACHER: the shipped imdn-x2 weights)
# One CPU thread per run; the teacher's forward pass makes a distilled iteration ~4.5x slower here.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT="${1:-runs/distil}"
TEACHER="${TEACHER:-imdn-x2}"  # a shipped id (its weights are read from Models/imdn-x2.onnx) or a checkpoint
SCRATCH_ITERS="${SCRATCH_ITERS:-6000}"
FINETUNE_ITERS="${FINETUNE_ITERS:-4000}"
FINETUNE_WEIGHTS="${FINETUNE_WEIGHTS:-1 0.1 0.01}"
PY=/usr/bin/python3
COMMON=(--model imdn-rtc --scale 2 --batch 16 --patch 24 --epoch-iters 500 --ckpt-every 500 --log-every 100
        --threads 1 --device cpu)

train() { # name, extra train.py arguments...
  local name="$1"; shift
  if [ ! -f "$OUT/$name/onnx/imdn-rtc-x2.onnx" ]; then
    "$PY" Models/Training/train.py "${COMMON[@]}" "$@" --out "$OUT/$name" > "$OUT/$name.log" 2>&1 \
      || { echo "distil_report: training $name failed, see $OUT/$name.log" >&2; exit 1; }
    "$PY" Models/Training/export.py --ckpt "$OUT/$name/best.pt" --out "$OUT/$name/onnx" > /dev/null
  fi
}

score() { # name, set -> "PSNR / SSIM"
  ./neuralpost eval --model "$OUT/$1/onnx/imdn-rtc-x2.onnx" --set "$2" 2>/dev/null \
    | awk '$1 == "mean" { print $2 " / " $4 }'
}

mkdir -p "$OUT"
train scratch-plain --seed 5 --iters "$SCRATCH_ITERS" --lr 1e-3
train scratch-distil --seed 5 --iters "$SCRATCH_ITERS" --lr 1e-3 --teacher "$TEACHER"
train finetune-plain --seed 6 --iters "$FINETUNE_ITERS" --lr 3e-4 --init-weights imdn-rtc-x2
students=(scratch-plain scratch-distil finetune-plain)
for weight in $FINETUNE_WEIGHTS; do
  train "finetune-distil-w$weight" --seed 6 --iters "$FINETUNE_ITERS" --lr 3e-4 \
    --init-weights imdn-rtc-x2 --teacher "$TEACHER" --distill-weight "$weight"
  students+=("finetune-distil-w$weight")
done

echo "| student | Set5 PSNR / SSIM | Set14 PSNR / SSIM | held-out photos PSNR-Y (best) | training s |"
echo "|---|---|---|---|---|"
for name in "${students[@]}"; do
  held_out=$("$PY" -c "import json,sys; L=[json.loads(l) for l in open(sys.argv[1])]; \
print('%.2f %d' % (max(l['val_psnr_y'] for l in L), L[-1]['time']))" "$OUT/$name/log.jsonl")
  echo "| $name | $(score "$name" Set5) | $(score "$name" Set14) | ${held_out% *} | ${held_out#* } |"
done
