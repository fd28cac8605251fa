#!/usr/bin/env bash
# A self-contained, trimmed linux-x64 publish of the neuralpost CLI for a machine without the .NET SDK: the lent GPU
# machine has none, no network, and takes at most 64 MiB of files with the repository's tracked files included
# (~36 MiB), so the archive must stay small. Writes .cache/device/neuralpost-linux-x64.tar.xz (or DIR/...) and
# refuses to finish above --max-mib (default 24). Then checks the publish here, with no dotnet on PATH: `models
# validate` and one frame of `bench frame` on this machine's headless device.
#
#   tools/publish-device.sh [--out DIR] [--max-mib N] [--no-check]
#
# On the device, from the repository's root (the tree travels; carry .cache/device):
#   mkdir -p /tmp/np && tar -xJf .cache/device/neuralpost-linux-x64.tar.xz -C /tmp/np
#   /tmp/np/NeuralPost.Cli bench frame --backend gpu --size 1920x1080 ...    (tools/device-bench.sh does the lot)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/.cache/device"
max_mib=24
check=1
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --max-mib) max_mib="$2"; shift 2 ;;
    --no-check) check=0; shift ;;
    *) echo "usage: tools/publish-device.sh [--out DIR] [--max-mib N] [--no-check]" >&2; exit 2 ;;
  esac
done
case "$max_mib" in ''|*[!0-9]*) echo "publish-device: --max-mib must be a whole number of MiB, not '$max_mib'" >&2; exit 2 ;; esac

# shellcheck source=tools/bootstrap.sh
source "$root/tools/bootstrap.sh"
np_bootstrap
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

publish="$out/publish"
archive="$out/neuralpost-linux-x64.tar.xz"
rm -rf "$publish"
mkdir -p "$out"
np_log "dotnet publish (linux-x64, self-contained, trimmed) -> $publish"
# TrimMode=partial trims only assemblies that declare themselves trimmable (the framework): ours and the native
# bindings' reflection stay intact, so the trim analysis (which flags our reflection-based JSON) is off and JSON
# reflection stays enabled; the check below runs the result. No satellite cultures, no symbols.
if ! dotnet publish "$root/Tools~/Cli/NeuralPost.Cli.csproj" -c Release -r linux-x64 --self-contained true \
    -p:PublishTrimmed=true -p:TrimMode=partial -p:EnableTrimAnalyzer=false -p:SuppressTrimAnalysisWarnings=true \
    -p:JsonSerializerIsReflectionEnabledByDefault=true -p:InvariantGlobalization=true -p:SatelliteResourceLanguages=en \
    -p:DebugType=none -p:GenerateDocumentationFile=false -o "$publish" -nologo -tl:off -v:q >"$out/publish.log" 2>&1; then
  cat "$out/publish.log" >&2
  np_log "publish failed (log: $out/publish.log)"
  exit 1
fi
# Debugger, tracing and alternative-GC libraries the runtime loads only on request: ~8 MiB unpacked.
rm -f "$publish"/libmscordaccore.so "$publish"/libmscordbi.so "$publish"/libcoreclrtraceptprovider.so \
  "$publish"/libclrgc.so "$publish"/libclrgcexp.so "$publish"/createdump
# Native libraries for other platforms never run on the device.
find "$publish" -type d -name runtimes -prune -exec sh -c 'for d in "$1"/*; do case "$(basename "$d")" in linux-x64) ;; *) rm -rf "$d" ;; esac; done' _ {} \;

tar -C "$publish" -cJf "$archive.tmp" .
mv -f "$archive.tmp" "$archive"
bytes=$(stat -c %s "$archive")
unpacked=$(du -sb "$publish" | cut -f1)
tracked=$(cd "$root" && git ls-files -z | xargs -0 du -cb 2>/dev/null | tail -1 | cut -f1)
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
echo "archive: $archive $(mib "$bytes") MiB (unpacked $(mib "$unpacked") MiB); tracked files $(mib "$tracked") MiB; together $(mib $((bytes + tracked))) of 64 MiB"
if [ "$bytes" -gt $((max_mib * 1048576)) ]; then
  echo "publish-device: the archive is $(mib "$bytes") MiB, over --max-mib $max_mib" >&2
  exit 1
fi
[ "$check" -eq 1 ] || exit 0

# The check runs the published binary with no dotnet anywhere on PATH, as on the device.
np_log "checking the publish without the SDK"
run() { (cd "$root" && env -i HOME="$HOME" PATH=/usr/bin:/bin "$publish/NeuralPost.Cli" "$@"); }
run models validate
bench="$(run bench frame --frames 1 --warmup 0 --tiers Performance --size 192x108 --dehaze off --backend gpu --gpu-storage fp16 2>&1)"
echo "$bench"
# A publish that falls back (a trimmed-away type, a missing shader) still prints a table: demand GPU compute ran.
if ! grep -q "^upscaler: imdn-rtc-x2 on GPU compute" <<<"$bench"; then
  echo "publish-device: the published CLI did not run the upscaler on GPU compute (see above)" >&2
  exit 1
fi
echo "publish-device: ok"
