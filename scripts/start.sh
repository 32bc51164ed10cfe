#!/usr/bin/env bash
# The main job: install, build, bring up Postgres (embedded unless DATABASE_URL is set) with its migrations,
# import the configured datasets and run every model on them (resumable), then serve the API on :4000/graphql
# and the dashboard on :3000 until interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-installed.sh
npx turbo run build --output-logs=errors-only

node apps/runner/dist/cli.js bootstrap

API_PORT="${API_PORT:-4000}"
WEB_PORT="${WEB_PORT:-3000}"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
API_PORT="$API_PORT" node apps/api/dist/main.js &
pids+=($!)
(cd apps/web && FERBENCH_API_URL="${FERBENCH_API_URL:-http://localhost:$API_PORT}" exec npx next start -p "$WEB_PORT") &
pids+=($!)
echo "ferbench: API on http://localhost:$API_PORT/graphql, dashboard on http://localhost:$WEB_PORT (Ctrl-C stops both)"
wait -n "${pids[@]}"
