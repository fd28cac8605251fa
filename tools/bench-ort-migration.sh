#!/usr/bin/env bash
# Reproduces the ONNX Runtime migration measurement: our old hand-written binding vs the official package, in
# one process on the same native library (per-call us of Run on test-nearest-x2, 480x270 imdn-rtc-x2 ms, max
# abs diff). The old binding is gone from the tree, so this checks out the last commit that has both into a
# temporary git worktree, builds its editor CLI there and runs `bench ort-migration` (extra arguments go to it,
# e.g. --threads 2 --runs 20). Needs only the .NET SDK and the NuGet packages the build restores.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The last commit with both bindings ("Add the official ONNX Runtime package ... bench ort-migration").
BENCH_COMMIT="${NEURALPOST_BENCH_COMMIT:-85fad1351c5b2d66d9ca32857e6772f6fd24dd12}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

tree="$(mktemp -d)"
cleanup() { git -C "$ROOT" worktree remove --force "$tree" >/dev/null 2>&1 || rm -rf "$tree"; git -C "$ROOT" worktree prune; }
trap cleanup EXIT
git -C "$ROOT" worktree add --quiet --detach "$tree" "$BENCH_COMMIT"
echo "[bench-ort-migration] building $BENCH_COMMIT in $tree" >&2
if ! dotnet build "$tree/Editor/NeuralPost.Editor.csproj" -c Release -o "$tree/.cache/build/editor" -nologo -tl:off -v:q >"$tree/build.log" 2>&1; then
  cat "$tree/build.log" >&2
  exit 1
fi
# Run from the worktree so its models and manifest are the ones measured.
cd "$tree"
NEURALPOST_MODELS="$tree/Models/models.json" dotnet "$tree/.cache/build/editor/NeuralPost.Editor.dll" bench ort-migration "$@"
