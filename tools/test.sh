#!/usr/bin/env bash
# Runs every test suite and ends with one plain "tests: N passed, N failed, N skipped" line:
#   - the .NET suite (NUnit, Release),
#   - the training pipeline's pytest suite (Models/Training/tests) with Debian's python3-torch.
# Called by `./neuralpost test` (after tools/bootstrap.sh), which is what .ci/run runs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bootstrap.sh
source "$ROOT/tools/bootstrap.sh"
np_bootstrap
# PIL is the independent PNG decoder some tests cross-check our encoder against; torch, onnx, numpy and pytest
# run the training pipeline's tests and the PyTorch side of the export-parity tests.
# Xvfb gives the windowed tests a display.
np_apt_install xvfb xauth python3 python3-pil python3-numpy python3-onnx python3-torch python3-scipy python3-pytest \
  || np_log "some Python packages are unavailable: the tests that need them report Ignored/skipped"

cd "$ROOT"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test NeuralPost.sln -c Release -nologo "$@" 2>&1 | tee "$log"
dotnet_status=${PIPESTATUS[0]}
/usr/bin/python3 -m pytest Models/Training/tests -q -p no:cacheprovider 2>&1 | tee -a "$log"
pytest_status=${PIPESTATUS[0]}
set -e

passed=0 failed=0 skipped=0
if summary="$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -n 1)"; then
  failed=$((failed + $(sed -E 's/Failed: +([0-9]+).*/\1/' <<<"$summary")))
  passed=$((passed + $(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")))
  skipped=$((skipped + $(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")))
fi
pytest_line="$(grep -E '^[0-9]+ (passed|failed|skipped)|^=+ .*(passed|failed)' "$log" | tail -n 1 || true)"
for kind in passed failed skipped; do
  n="$(grep -Eo "[0-9]+ $kind" <<<"$pytest_line" | grep -Eo '[0-9]+' || echo 0)"
  case "$kind" in passed) passed=$((passed + n)) ;; failed) failed=$((failed + n)) ;; skipped) skipped=$((skipped + n)) ;; esac
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$dotnet_status" -eq 0 ] && [ "$pytest_status" -eq 0 ]
