#!/usr/bin/env bash
# Quick start command 1: install what is missing, build the release app and
# serve it on http://127.0.0.1:8080 (PORT to change it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_rust
ensure_node
ensure_trunk
ensure_wasm_bindgen
build_release
exec node scripts/serve-dist.mjs --port "${PORT:-8080}"
