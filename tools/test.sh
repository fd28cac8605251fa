#!/usr/bin/env bash
# Runs the whole test suite in Release and ends with a plain "N passed, N failed, N skipped" line.
# Called by `./neuralpost test` (after tools/bootstrap.sh), which is what .ci/run runs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bootstrap.sh
source "$ROOT/tools/bootstrap.sh"
np_bootstrap
# Python with PIL is the independent PNG decoder some tests cross-check our encoder against.
np_apt_install python3 python3-pil || np_log "python3-pil unavailable: the cross-check tests will report Ignored"

cd "$ROOT"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test NeuralPost.sln -c Release -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
summary="$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -n 1 || true)"
if [ -n "$summary" ]; then
  failed="$(sed -E 's/Failed: +([0-9]+).*/\1/' <<<"$summary")"
  passed="$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")"
  skipped="$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")"
  echo "tests: $passed passed, $failed failed, $skipped skipped"
fi
exit "$status"
