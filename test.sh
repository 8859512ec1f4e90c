#!/usr/bin/env bash
# Runs every test of AllexPortal on a fresh Debian 12 machine with the .NET 10 SDK.
# Installs what the tests need (Debian's chromium for the browser tests, redis-server for the shared-cache tests,
# postgresql for the second database run),
# builds, runs the whole suite on SQLite, then the data-dependent tests (AllexPortal.Web.Tests) again on a
# throw-away PostgreSQL cluster, and ends with the plain line "N passed, N failed[, N skipped]" summed over both.
#   ALLEXPORTAL_TEST_PROVIDERS="sqlite"   skips the PostgreSQL run (default: "sqlite postgres")
set -euo pipefail
cd "$(dirname "$0")"
providers=${ALLEXPORTAL_TEST_PROVIDERS:-sqlite postgres}

if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi dejavu || need+=(fonts-dejavu-core)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [[ " $providers " == *" postgres "* ]] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
if ((${#need[@]})); then
  echo "test.sh: installing ${need[*]} from Debian's packages"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
export ALLEXPORTAL_CHROMIUM="${ALLEXPORTAL_CHROMIUM:-$(command -v chromium)}"

work=$(mktemp -d)
pg_bin=""
pg_base=""
pg_data=""
cleanup() {
  # The cluster stops whatever happened to the tests: a leftover server would hold its socket and memory.
  if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work" ${pg_base:+"$pg_base"}
}
trap cleanup EXIT
as_postgres() {
  # initdb refuses to run as root; as root the cluster belongs to Debian's postgres user.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A throw-away PostgreSQL cluster on a Unix socket in its own folder (no TCP port to collide with anything),
# tuned for tests: nothing is fsynced, since the cluster is deleted at the end anyway. Each test fixture creates
# its own database on it and drops it when done (tests/AllexPortal.Web.Tests/Infrastructure/TemporaryDatabase.cs).
start_postgres() {
  pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  # A folder of its own: as root the server runs as postgres, who cannot enter root's private temp folders.
  pg_base=$(mktemp -d -t allexportal-pg.XXXXXX)
  local base=$pg_base
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$base"
  pg_data="$base/data"
  as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$base/server.log" -w -o "-k $base -c listen_addresses='' \
    -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  export ALLEXPORTAL_TEST_POSTGRES="Host=$base;Username=postgres;Maximum Pool Size=20"
  echo "test.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') listening on $base"
}

# Microsoft.Testing.Platform prints one summary per test assembly and a final one for the run: the last
# three summary lines of a run's log are its totals.
count() { sed -n "s/.*$2:\([0-9]*\).*/\1/p" <<<"$(grep -E '^\s*(succeeded|failed|skipped):' "$1" | tail -n 3 | tr -d ' ' | tr '\n' ' ')"; }

passed=0; failed=0; skipped=0; status=0; logs=()
run() { # run <name> <dotnet test arguments...>
  local log="$work/$1.log" code
  logs+=("$log")
  set +e
  dotnet test "${@:2}" 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  set -e
  local p f s
  p=$(count "$log" succeeded); f=$(count "$log" failed); s=$(count "$log" skipped)
  p=${p:-0}; f=${f:-0}; s=${s:-0}
  if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  echo "test.sh: $1: $p passed, $f failed, $s skipped"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  if [ "$code" -ne 0 ]; then status=$code; fi
}

if [[ " $providers " == *" sqlite "* ]]; then
  run sqlite --solution AllexPortal.sln --configuration Release "$@"
fi
if [[ " $providers " == *" postgres "* ]]; then
  start_postgres
  # Only Web.Tests hold the portal's database; the other projects (exchange client, sandbox, core, integration
  # against the sandbox) never touch it. E2E drives the same services through a browser and stays on SQLite:
  # its data paths are the Web.Tests' ones, and a second browser run would double the slowest project.
  built=(); [[ " $providers " == *" sqlite "* ]] && built=(--no-build)
  ALLEXPORTAL_TEST_DATABASE=postgres run postgres --project tests/AllexPortal.Web.Tests --configuration Release "${built[@]}" "$@"
fi

# Name the failed tests again at the end, where a long log cannot bury them.
if [ "$failed" -ne 0 ]; then
  # CI keeps only the end of a long log: the first lines of each failure's message, then the failed tests' names.
  echo "Failure messages:"
  for log in "${logs[@]}"; do
    grep -A 8 -E '^\s*failed [^ ]' "$log" | grep -v -E '^\s*failed:' | cut -c 1-300 | sed "s/^/  [$(basename "$log" .log)] /" || true
  done
  echo "Failed tests:"
  for log in "${logs[@]}"; do
    grep -E '^\s*failed [^ ]' "$log" | grep -v -E '^\s*failed:' | sed "s/^\s*/  [$(basename "$log" .log)] /" || true
  done
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
