#!/usr/bin/env bash
# DRCN, DRRN and RED-Net (nets/vdsr_family.py): train, publish, score (Set5, Set14) and chart, one network at a time.
#
#   Models/Training/train_vdsr_family.sh [OUT]            # every CPU variant below, x2 x3 x4, ~1 h of 1 core each
#   VARIANTS="rednet10-f32" SCALES="2" Models/Training/train_vdsr_family.sh
#   GPU=1 VARIANTS="drcn drrn-b1u25 rednet30" Models/Training/train_vdsr_family.sh   # the papers' networks, CUDA
#   ITERS_drrn_b1u9_f32=20 SKIP_FINAL=1 ...          # per-variant iterations; skip the final validate --eval + chart
#
# Seconds per iteration measured on this 2-core VM (1 thread, batch 16, LR patch 24 = HR 48 at x2, Adam step
# included, the other core busy with another training run):
#   rednet10-f32 ~0.39   drrn-b1u9-f32 ~0.8-1.3   drcn-f32r8 ~1.0   drcn-f64r8 ~2.4-5   rednet10 ~0.7-2.8
#   rednet30 ~3   drrn-b1u9 ~6   drrn-b1u25 ~21-35   drcn (256 ch x 16) ~100-130 (8 x a batch-2 step)
# so the CPU variants get an iteration count that fills about an hour each (ITERS_<variant> overrides).
# The networks run at HR resolution: x3 and x4 cost the same per HR pixel; their HR crop is patch*scale, so the
# LR patch shrinks with the scale to keep ~48 px HR crops.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-/work/runs-vdsr}
PY=${PY:-/usr/bin/python3}
THREADS=${THREADS:-1}
SCALES=${SCALES:-"2 3 4"}
DEVICE_TEXT=${DEVICE_TEXT:-"cpu (1 thread, 2-core VM, the other core busy)"}
if [[ "${GPU:-0}" == 1 ]]; then
  VARIANTS=${VARIANTS:-"drcn drrn-b1u25 rednet30"}
  DEVICE=cuda
else
  VARIANTS=${VARIANTS:-"rednet10-f32 drrn-b1u9-f32 drcn-f32r8"}
  DEVICE=cpu
fi

iters_for() {  # about one hour of one core each; the papers' schedules on a GPU
  local v=${1//-/_}; local override="ITERS_$v"
  if [[ -n "${!override:-}" ]]; then echo "${!override}"; return; fi
  case "$1" in
    rednet10-f32) echo 9000 ;;
    drrn-b1u9-f32) echo 4000 ;;
    drcn-f32r8) echo 3500 ;;
    *) echo 300000 ;;  # GPU: DRRN/RED-Net train for hundreds of thousands of iterations
  esac
}

for variant in $VARIANTS; do
  family=${variant%%-*}; family=${family%%[0-9]*}   # drcn / drrn / rednet
  for s in $SCALES; do
    id="$variant-x$s"; run="$OUT/$id"; iters=$(iters_for "$variant")
    patch=$(( 48 / s )); [[ "${GPU:-0}" == 1 ]] && patch=$(( 96 / s ))
    cmd=(Models/Training/train.py --model "$family" --variant "$variant" --scale "$s" --iters "$iters" --batch 16
         --patch "$patch" --lr 1e-3 --epoch-iters 500 --ckpt-every 250 --log-every 50 --threads "$THREADS"
         --device "$DEVICE" --seed 1 --out "$run")
    case "$variant" in
      drcn|drrn-b1u25|rednet30) what="$variant, the paper's network" ;;
      *) what="$variant, a reduced variant of the paper's network (see the architecture)" ;;
    esac
    # Built apart: bash 5.2 reads an apostrophe inside "${VAR:-...}" as a quote.
    default_description="$what, trained $iters iterations of batch 16 on $((patch * s)) px HR crops of the training images in Models/Training/splits.json on $DEVICE_TEXT (Adam lr 1e-3 cosine, MSE on Y, global gradient-norm clip 1.0); the paper trains far longer on its own training set, so expect it below the paper's figures."
    echo "== $id: ${cmd[*]}"
    "$PY" "${cmd[@]}" --resume   # resumable: re-running the script continues an interrupted run
    "$PY" Models/Training/publish.py --ckpt "$run/best.pt" --run "$run" --id "$id" --device "$DEVICE_TEXT" \
      --command "${cmd[*]}" \
      --description "${DESCRIPTION:-$default_description}"
    ./neuralpost eval --model "$id" --set Set5 --write-card
    ./neuralpost eval --model "$id" --set Set14 --write-card
  done
done
if [[ "${SKIP_FINAL:-0}" != 1 ]]; then   # every card re-scored (~4 min here), then the PSNR-against-cost chart
  ./neuralpost models validate --eval
  ./neuralpost models chart
fi
