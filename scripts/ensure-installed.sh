#!/usr/bin/env bash
# A fresh clone has no node_modules: install exactly what the lock file says (npm 11 runs only the install
# scripts package.json's allowScripts approves; onnxruntime-node's CUDA download is deliberately not among them).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
