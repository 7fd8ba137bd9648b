#!/usr/bin/env bash
# Quick start command 2: install what is missing, then run every test layer:
#   1. native `cargo test --workspace`: the engine, the CLI and the app's reducer;
#   2. in-browser component tests (wasm-bindgen-test, headless Chromium);
#   3. end-to-end tests of the release build (Playwright, Debian's Chromium);
# and, between the second and third, each cargo-fuzz target for a short
# while (FUZZ_SECONDS, default 30), failing on a crash.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_rust
ensure_node
ensure_chromium
ensure_trunk
ensure_wasm_bindgen

say "layer 1: native tests of every crate (cargo test --workspace)"
cargo test --workspace --locked

say "layer 2: in-browser component tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER="$(command -v chromedriver)" \
  cargo test --locked --target wasm32-unknown-unknown -p kaizala-planner --test components

say "fuzzing: each target for ${FUZZ_SECONDS:-30} s"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-30}"

say "layer 3: end-to-end tests of the release build (Playwright + Chromium)"
build_release
node --test --test-concurrency=1 tests/e2e/
