#!/usr/bin/env bash
# `npm test`: every test of the project, in order: static checks, unit, integration on SQLite and on
# PostgreSQL, browser tests in Chromium. Installs what is missing (npm packages; Debian's chromium when
# running as root) and ends with one summary line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next-test}"
export NEXT_TELEMETRY_DISABLED=1
RESULTS=tests/.artifacts/results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
failed_steps=()

step() { echo; echo "=== $1"; }

if [ ! -x node_modules/.bin/next ]; then
  step "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund || exit 1
fi
[ -f lib/generated/sqlite/client.ts ] || node scripts/db.mjs generate || exit 1

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    step "installing Debian's chromium for the browser tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core) >/dev/null || { echo "FAILED: apt-get install chromium"; exit 1; }
  else
    echo "The browser tests need Chromium: run 'sudo apt-get install -y chromium' and try again."
    exit 1
  fi
fi

step "static checks (eslint + tsc)"
npm run -s check || failed_steps+=("check")

step "build (next build into $NEXT_DIST_DIR)"
npx next build > "$RESULTS/build.log" 2>&1 || { tail -40 "$RESULTS/build.log"; echo "FAILED: next build"; exit 1; }

step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile="$RESULTS/unit.json" || failed_steps+=("unit")

# The two integration passes run side by side (each suite has its own database, server, port and fake
# Binance; the Redis tests use their own channels): their logs are printed one after the other.
integration() { # $1: sqlite | postgres
  TEST_DB=$1 npx vitest run --project integration --reporter=default --reporter=json --outputFile="$RESULTS/integration-$1.json" > "$RESULTS/integration-$1.log" 2>&1
}
step "integration tests on SQLite and on PostgreSQL (side by side)"
integration sqlite & sqlite_pid=$!
pg_skipped=""
if node scripts/pg-available.mjs; then
  integration postgres & pg_pid=$!
elif [ "${CI:-}" = "true" ]; then
  pg_skipped="FAILED: PostgreSQL is not reachable at ${TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}; CI requires the PostgreSQL suite."
  failed_steps+=("integration-postgres")
else
  pg_skipped="!!!!! PostgreSQL is not reachable at ${TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}: SKIPPING the PostgreSQL integration suite (set TEST_PG_URL) !!!!!"
fi
wait "$sqlite_pid" || failed_steps+=("integration-sqlite")
[ -n "${pg_pid:-}" ] && { wait "$pg_pid" || failed_steps+=("integration-postgres"); }
step "integration tests on SQLite"
cat "$RESULTS/integration-sqlite.log"
step "integration tests on PostgreSQL"
if [ -n "$pg_skipped" ]; then echo "$pg_skipped"; else cat "$RESULTS/integration-postgres.log"; fi

step "browser tests (Playwright + Chromium)"
if [ -f playwright.config.ts ]; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/e2e.json" npx playwright test --reporter=list,json || failed_steps+=("e2e")
  step "browser tests on PostgreSQL (the Vercel shape: next start + npm run worker)"
  if node scripts/pg-available.mjs; then
    TEST_DB=postgres PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/e2e-postgres.json" npx playwright test tests/e2e/vercel-shape.spec.ts --reporter=list,json || failed_steps+=("e2e-postgres")
  elif [ "${CI:-}" = "true" ]; then
    echo "FAILED: PostgreSQL is not reachable; CI requires the Vercel-shape browser test."
    failed_steps+=("e2e-postgres")
  else
    echo "!!!!! PostgreSQL is not reachable: SKIPPING the Vercel-shape browser test !!!!!"
  fi
fi

node scripts/test-summary.mjs "$RESULTS"
summary=$?
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "failed steps: ${failed_steps[*]}"
  exit 1
fi
exit $summary
