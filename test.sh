#!/usr/bin/env bash
# Runs every test of AllexPortal on a fresh Debian 12 machine with the .NET 10 SDK.
# Installs what the tests need (Debian's chromium for the browser tests), builds, runs the whole
# suite and ends with the plain line "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi dejavu || need+=(fonts-dejavu-core)
if ((${#need[@]})); then
  echo "test.sh: installing ${need[*]} from Debian's packages"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
export ALLEXPORTAL_CHROMIUM="${ALLEXPORTAL_CHROMIUM:-$(command -v chromium)}"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test --solution AllexPortal.sln --configuration Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Microsoft.Testing.Platform prints one summary per test assembly and a final one for the run.
total_line=$(grep -E '^\s*(succeeded|failed|skipped):' "$log" | tail -n 3 | tr -d ' ' | tr '\n' ' ')
passed=$(sed -n 's/.*succeeded:\([0-9]*\).*/\1/p' <<<"$total_line")
failed=$(sed -n 's/.*failed:\([0-9]*\).*/\1/p' <<<"$total_line")
skipped=$(sed -n 's/.*skipped:\([0-9]*\).*/\1/p' <<<"$total_line")
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
# Name the failed tests again at the end, where a long log cannot bury them.
if [ "$failed" -ne 0 ]; then
  echo "Failed tests:"
  grep -E '^\s*failed [^ ]' "$log" | grep -v -E '^\s*failed:' | sed 's/^\s*/  /' || true
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
