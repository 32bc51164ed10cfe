#!/usr/bin/env bash
# The whole test suite: build every package, start one embedded Postgres for the run, run every test file of
# every package in one node:test run (one summary), stop the server.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-installed.sh
bash scripts/ensure-chromium.sh
# The dependency rules (.dependency-cruiser.cjs): a forbidden import fails the run before anything is built.
npm run --silent check:deps
npx turbo run build --output-logs=errors-only

exec 3< <(node packages/testkit/dist/serve-test-database.js)
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
read -r -t 120 FERBENCH_TEST_DATABASE_URL <&3 || { echo "test Postgres did not start" >&2; exit 1; }
export FERBENCH_TEST_DATABASE_URL

dirs=()
for d in packages/*/dist migrations/dist apps/runner/dist apps/api/dist apps/web/e2e-dist; do [ -d "$d" ] && dirs+=("$d"); done
node --test --test-concurrency="${FERBENCH_TEST_CONCURRENCY:-2}" --test-reporter=spec "${dirs[@]}"
