#!/usr/bin/env bash
# Runs each cargo-fuzz target (fuzz/fuzz_targets/) for a while and fails on
# the first crash:
#   bash scripts/fuzz.sh [SECONDS]     # per target; default 30
#   bash scripts/fuzz.sh --build-only  # seed the corpora and build the targets
#   bash scripts/fuzz.sh --run-only [SECONDS]  # run what --build-only made
# The two halves let scripts/test.sh build the release app beside the
# fuzzing, which keeps one core busy and leaves the other idle; the
# release build uses the root's target/, the fuzzing only fuzz/target/.
# Installs cargo-fuzz when missing. Seeds each
# target's corpus (fuzz/corpus/<target>/, not committed) from
# tests/fixtures/: the exports themselves for `import`, their cells for
# `date`, and plans and share links built from them for `share`.
# A crash is saved under fuzz/artifacts/<target>/; see fuzz/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

PHASE=all
case "${1:-}" in
  --build-only) PHASE=build; shift ;;
  --run-only) PHASE=run; shift ;;
esac
DURATION="${1:-30}"
case "$DURATION" in
  '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]  (whole seconds per target)" >&2; exit 2 ;;
esac
TARGETS=(import date share)

ensure_rust
ensure_cargo_fuzz

FIXTURES=(tests/fixtures/*.csv tests/fixtures/*.txt tests/fixtures/e2e/*.csv tests/fixtures/plan/*.csv tests/fixtures/users/*.csv)

seed_import() {
  mkdir -p fuzz/corpus/import
  cp "${FIXTURES[@]}" fuzz/corpus/import/
}

# Every distinct cell of the UTF-8 fixtures, one per file.
seed_date() {
  mkdir -p fuzz/corpus/date
  cat tests/fixtures/*.csv tests/fixtures/e2e/*.csv \
    | tr ',;\t' '\n\n\n' | tr -d '"\r' | LC_ALL=C sort -u | head -n 4000 \
    | split -l 1 -a 4 - fuzz/corpus/date/cell-
}

# The plan of each fixture as JSON (the target packs it into a link), and,
# when node is there, each customer's part as a real share link too.
seed_share() {
  mkdir -p fuzz/corpus/share
  cargo build --quiet --locked --bin kaizala-plan
  local f n=0
  for f in "${FIXTURES[@]}"; do
    n=$((n + 1))
    # Fixtures that cannot be planned (a mapping is needed) give no seed.
    target/debug/kaizala-plan "$f" --as-of 2020-06-15 --format json \
      >"fuzz/corpus/share/plan-$n.json" 2>/dev/null || rm -f "fuzz/corpus/share/plan-$n.json"
  done
  if command -v node >/dev/null; then
    node -e '
      const fs = require("fs"), zlib = require("zlib"), dir = "fuzz/corpus/share";
      for (const f of fs.readdirSync(dir).filter((f) => f.startsWith("plan-"))) {
        const plan = JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8"));
        plan.customers.forEach((c, i) => {
          // A share::SharedPlan: the subscriptions of the customer, as imported.
          const subscriptions = c.subscriptions.map((s) => ({
            customer: { id: c.id, name: c.name, domain: c.domain, qualification: c.qualification },
            id: s.id, offer: s.offer, friendly_name: s.friendly_name, sku: s.sku, seats: s.seats,
            status: s.status,
            auto_renew: s.auto_renew === true ? "on" : s.auto_renew === false ? "off" : "unknown",
            end_date: s.end_date === "never" ? { kind: "never" } : s.end_date ? { kind: "on", date: s.end_date } : { kind: "unknown" },
            term_months: s.term_months, lines: [],
          }));
          const shared = JSON.stringify({ as_of: plan.as_of, cutoff: plan.cutoff, format: plan.source.format, customer: c.key, settings: c.settings, subscriptions });
          fs.writeFileSync(`${dir}/shared-${f}-${i}.json`, shared);
          const link = "v1." + zlib.deflateSync(shared, { level: 9 }).toString("base64url");
          fs.writeFileSync(`${dir}/link-${f}-${i}.txt`, link);
        });
      }'
  fi
}

if [ "$PHASE" != run ]; then
  say "seeding fuzz/corpus/ from tests/fixtures/"
  seed_import
  seed_date
  seed_share
fi

cd fuzz
# cargo-fuzz passes nightly-only flags (-Zsanitizer=address, coverage);
# RUSTC_BOOTSTRAP=1 lets the stable toolchain, the only one a fresh machine
# has, accept them. Its standard library ships the sanitizer runtime.
export RUSTC_BOOTSTRAP=1
if [ "$PHASE" != run ]; then
  say "cargo fuzz build (stable toolchain, RUSTC_BOOTSTRAP=1)"
  cargo fuzz build
fi
if [ "$PHASE" = build ]; then
  exit 0
fi
for t in "${TARGETS[@]}"; do
  say "fuzzing $t for ${DURATION}s"
  # -timeout: an input that takes 10 s counts as a crash (a hang);
  # -rss_limit_mb: so does one that needs 2 GiB.
  cargo fuzz run "$t" "corpus/$t" -- \
    -max_total_time="$DURATION" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
say "no crash in ${#TARGETS[@]} targets (${DURATION}s each)"
