#!/usr/bin/env bash
# Runs on the lent GPU machine (no .NET SDK, no network) from the repository's root, with .cache/device carried
# (tools/publish-device.sh made it): unpacks the published CLI and writes the GPU frame path's figures under $OUT
# (default ./device-out): the device, then `bench frame --backend gpu` per output size, for every tier, with fp32
# and fp16 storage, each step under its own time limit so one slow step cannot eat the session.
#
#   OUT=... tools/device-bench.sh
# Overrides (to try it here at a small size): NP_SIZES ("1920x1080 3840x2160"), NP_FRAMES (20), NP_WARMUP (5),
# NP_TIERS ("Quality Balanced Performance UltraPerformance"), NP_STORAGES ("fp32 fp16"), NP_STEP_SECONDS (150),
# NP_CLI (a CLI to run instead of the unpacked publish).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${OUT:-$root/device-out}"
mkdir -p "$out"
cli="${NP_CLI:-}"
if [ -z "$cli" ]; then
  archive="$root/.cache/device/neuralpost-linux-x64.tar.xz"
  [ -f "$archive" ] || { echo "device-bench: $archive is missing: run tools/publish-device.sh and carry .cache/device" >&2; exit 2; }
  unpacked="$(mktemp -d)"
  tar -xJf "$archive" -C "$unpacked" || { echo "device-bench: cannot unpack $archive" >&2; exit 2; }
  cli="$unpacked/NeuralPost.Cli"
fi
sizes="${NP_SIZES:-1920x1080 3840x2160}"
frames="${NP_FRAMES:-20}"
warmup="${NP_WARMUP:-5}"
tiers="${NP_TIERS:-Quality Balanced Performance UltraPerformance}"
storages="${NP_STORAGES:-fp32 fp16}"
step_seconds="${NP_STEP_SECONDS:-150}"

cd "$root"
if command -v nvidia-smi >/dev/null 2>&1; then
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv >"$out/gpu.txt" 2>&1
else
  echo "nvidia-smi: not on this machine" >"$out/gpu.txt"
fi
status=0
for size in $sizes; do
  for storage in $storages; do
    log="$out/bench-frame-$size-$storage.txt"
    echo "== bench frame --backend gpu --gpu-storage $storage --size $size" | tee "$log"
    # shellcheck disable=SC2086 # $tiers is a list
    timeout "$step_seconds" "$cli" bench frame --backend gpu --gpu-storage "$storage" --size "$size" --tiers $tiers \
      --frames "$frames" --warmup "$warmup" --dehaze render >>"$log" 2>&1
    rc=$?
    echo "exit $rc" >>"$log"
    [ "$rc" -eq 0 ] || status=1
    grep -E "^(device|upscaler|dehaze|###)|\*\*frame|inference \||dehaze \|" "$log" | head -40
  done
done
echo "device-bench: figures in $out (exit $status)"
exit "$status"
