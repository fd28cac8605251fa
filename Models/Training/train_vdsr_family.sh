#!/usr/bin/env bash
# DRCN, DRRN and RED-Net (nets/vdsr_family.py): train, publish, score (Set5, Set14) and chart, one network at a time.
#
#   Models/Training/train_vdsr_family.sh [OUT]            # every CPU variant below, x2 x3 x4, ~1 h of 1 core each
#   VARIANTS="rednet10-f32" SCALES="2" Models/Training/train_vdsr_family.sh
#   GPU=1 VARIANTS="drcn drrn-b1u25 rednet30" Models/Training/train_vdsr_family.sh   # the papers' networks, CUDA
#   ITERS_drrn_b1u9_f32=20 SKIP_FINAL=1 ...          # per-variant iterations; skip the final validate --eval + chart
#   SCALES="3 4" ITERS_UP=600 ...                    # x3/x4 started from the shipped <variant>-x2 weights
#
# x3 and x4 start from the shipped x2 network of the same variant when Models/<variant>-x2.onnx exists (train.py
# --init-body): the bicubic upsampling is the graph's only scale-specific part, so every weight carries over, and VDSR
# (Kim et al. 2016, section 3.3) shows one such network serves all scales. Those runs take ITERS_UP iterations (default:
# a third of the variant's budget) at half the learning rate; without the x2 file they train from scratch.
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
    lr=1e-3; init=(); builds_on=(); start="trained"
    if [[ "$s" != 2 && -f "Models/$variant-x2.onnx" ]]; then
      iters=${ITERS_UP:-$(( iters / 3 ))}; lr=5e-4; init=(--init-body "$variant-x2"); builds_on=(--builds-on "$variant-x2")
      start="started from the shipped $variant-x2 weights (every weight carries over: the upsampling is the graph's Resize), then trained"
    fi
    epoch=$(( iters < 1000 ? (iters + 3) / 4 : 500 )); ckpt=$(( epoch < 250 ? epoch : 250 ))
    cmd=(Models/Training/train.py --model "$family" --variant "$variant" --scale "$s" --iters "$iters" --batch 16
         --patch "$patch" --lr "$lr" --epoch-iters "$epoch" --ckpt-every "$ckpt" --log-every 50 --threads "$THREADS"
         --device "$DEVICE" --seed 1 "${init[@]}" --out "$run")
    case "$variant" in
      drcn|drrn-b1u25|rednet30) what="$variant, the paper's network" ;;
      *) what="$variant, a reduced variant of the paper's network (see the architecture)" ;;
    esac
    # Built apart: bash 5.2 reads an apostrophe inside "${VAR:-...}" as a quote.
    default_description="$what, $start $iters iterations of batch 16 on $((patch * s)) px HR crops of the training images in Models/Training/splits.json on $DEVICE_TEXT (Adam lr $lr cosine, MSE on Y, global gradient-norm clip 1.0); the paper trains far longer on its own training set, so expect it below the paper's figures."
    echo "== $id: ${cmd[*]}"
    "$PY" "${cmd[@]}" --resume   # resumable: re-running the script continues an interrupted run
    "$PY" Models/Training/publish.py --ckpt "$run/best.pt" --run "$run" --id "$id" --device "$DEVICE_TEXT" "${builds_on[@]}" \
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
