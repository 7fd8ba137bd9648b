#!/usr/bin/env bash
# Quick start command 2: install what is missing, then run every test layer:
#   1. native `cargo test --workspace`: the engine, the CLI and the app's reducer;
#   2. in-browser component tests (wasm-bindgen-test, headless Chromium);
#   3. end-to-end tests of the release build (Playwright, Debian's Chromium);
# and, between the second and third, each cargo-fuzz target for a short
# while (FUZZ_SECONDS, default 30), failing on a crash, while the release
# build for the third layer runs beside it.
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

say "fuzzing: each target for ${FUZZ_SECONDS:-30} s, with the release build of layer 3 beside it"
bash scripts/fuzz.sh --build-only
# The fuzzer keeps one core busy for its whole time; the release build
# (root target/, never fuzz/target/) takes the other.
build_release >target/release-build.log 2>&1 &
release_build=$!
if ! bash scripts/fuzz.sh --run-only "${FUZZ_SECONDS:-30}"; then
  kill "$release_build" 2>/dev/null || true
  exit 1
fi
if ! wait "$release_build"; then
  cat target/release-build.log
  echo "the release build failed" >&2
  exit 1
fi
tail -n 3 target/release-build.log

say "layer 3: end-to-end tests of the release build (Playwright + Chromium)"
node --test --test-concurrency=1 tests/e2e/
