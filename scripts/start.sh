#!/usr/bin/env bash
# The main job: install and build, then serve at once (scripts/serve.sh): the API on :4000/graphql (embedded Postgres
# unless DATABASE_URL is set, with its migrations) and the dashboard on :3000 come up first; a queue worker and the
# import of the configured datasets with every model run on them (resumable) continue in the background, their
# progress on the dashboard's /status page. Runs until interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-installed.sh
npx turbo run build --output-logs=errors-only
exec bash scripts/serve.sh
