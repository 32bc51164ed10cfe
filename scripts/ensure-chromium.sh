#!/usr/bin/env bash
# The dashboard's browser tests drive Debian's Chromium (a test tool's own browser download cannot work offline).
set -euo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Chromium is missing: install Debian's 'chromium' package (sudo apt-get install chromium), or set CHROMIUM_PATH." >&2
  exit 1
fi
