#!/usr/bin/env bash
# Serve first, then fill (what `npm start` runs after install and build): the API (which brings up the embedded
# Postgres unless DATABASE_URL is set, and applies migrations), then the dashboard; once both answer, a queue worker
# (so a model submitted in the dashboard runs to done) and `ferbench bootstrap` in the background (import datasets,
# install the zoo, run every model), whose progress the dashboard shows on /status. Ctrl-C (or SIGTERM) stops all,
# the API last: it drains its requests and, with the embedded Postgres, owns the database the others use.
set -euo pipefail
cd "$(dirname "$0")/.."

API_PORT="${API_PORT:-4000}"
WEB_PORT="${WEB_PORT:-3000}"
API_URL="http://127.0.0.1:$API_PORT"
WEB_URL="http://127.0.0.1:$WEB_PORT"
export API_PORT

others=()
api=""
cleanup() {
  trap - EXIT INT TERM
  for pid in "${others[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${others[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$api" ]; then kill -TERM "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Lines of each process, prefixed with its name, on this terminal.
prefixed() { sed -u "s/^/[$1] /"; }

wait_for() { # name url seconds
  local deadline=$((SECONDS + $3))
  until node -e 'fetch(process.argv[1]).then((r) => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))' "$2"; do
    if [ "$SECONDS" -ge "$deadline" ]; then echo "ferbench: the $1 did not answer $2 within $3 s" >&2; return 1; fi
    sleep 0.5
  done
}

node apps/api/dist/main.js > >(prefixed api) 2>&1 &
api=$!
wait_for API "$API_URL/healthz" 180

NEXT_BIN=$(cd apps/web && node -p 'require.resolve("next/dist/bin/next")')
(cd apps/web && FERBENCH_API_URL="${FERBENCH_API_URL:-$API_URL}" exec node "$NEXT_BIN" start -p "$WEB_PORT") > >(prefixed web) 2>&1 &
others+=($!)
wait_for dashboard "$WEB_URL/" 120
echo "ferbench: API on http://localhost:$API_PORT/graphql, dashboard on http://localhost:$WEB_PORT (Ctrl-C stops all)"

node apps/runner/dist/cli.js worker > >(prefixed worker) 2>&1 &
others+=($!)
node apps/runner/dist/cli.js bootstrap > >(prefixed bootstrap) 2>&1 &
bootstrap=$!
others+=("$bootstrap")
echo "ferbench: importing and running in the background; progress on http://localhost:$WEB_PORT/status"

# Until a server stops (the bootstrap finishing is not a reason to stop serving).
servers=("$api" "${others[@]:0:2}")
wait -n "${servers[@]}"
