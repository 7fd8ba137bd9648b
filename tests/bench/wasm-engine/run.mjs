// The engine in wasm without the browser, in Node's V8 (Chromium's engine).
//
//   node tests/bench/wasm-engine/run.mjs [--file PATH] [--runs 7] [--no-reserve]
//
// Builds lib.rs for wasm32 at the app's opt-level (about 1 min the first
// time), then, in a fresh instance per run (fresh memory, as a fresh page):
// copies the file in, times the csv crate's read_byte_record loop alone,
// grows memory once by the file's size as the app does (unless
// --no-reserve), then times `import` and `build_plan`. Prints best and
// median of each. Never fails on a figure.
import { execFileSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const path = arg("--file", "target/bench/recon-50000.csv");
const runs = Math.max(1, Number(arg("--runs", 7)));
const reserve = !process.argv.includes("--no-reserve");
if (!existsSync(path)) {
  console.error(`${path} is missing: cargo run --release --example gen-recon -- --subscriptions 50000 --out ${path}`);
  process.exit(2);
}
const target = join(here, "..", "..", "..", "target", "wasm-engine-bench");
execFileSync("cargo", ["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown",
  "--manifest-path", join(here, "Cargo.toml"), "--target-dir", target], { stdio: "inherit" });
const mod = await WebAssembly.compile(readFileSync(join(target, "wasm32-unknown-unknown", "release", "wasm_engine_bench.wasm")));
// The library's web code is linked out, but its imports may stay declared.
const imports = {};
for (const i of WebAssembly.Module.imports(mod)) {
  (imports[i.module] ??= {})[i.name] = () => { throw new Error(`unexpected call to ${i.module}.${i.name}`); };
}
const bytes = readFileSync(path);
const mb = bytes.length / 1e6;
const t = { baseline: [], pieces: [], import: [], plan: [] };
let counts;
for (let r = 0; r < runs; r++) {
  const e = (await WebAssembly.instantiate(mod, imports)).exports;
  const p = e.alloc(bytes.length);
  new Uint8Array(e.memory.buffer, p, bytes.length).set(bytes);
  let s = performance.now();
  const records = e.baseline(p, bytes.length);
  t.baseline.push(performance.now() - s);
  s = performance.now();
  e.pieces(p, bytes.length);
  t.pieces.push(performance.now() - s);
  if (reserve) e.reserve(bytes.length);
  s = performance.now();
  const subs = e.import_file(p, bytes.length);
  t.import.push(performance.now() - s);
  s = performance.now();
  const customers = e.plan();
  t.plan.push(performance.now() - s);
  counts = `${records} records, ${subs} subscriptions, ${customers} customers planned`;
}
console.log(`node ${process.version}; ${path}, ${mb.toFixed(1)} MB; ${counts}; ${runs} fresh instances${reserve ? "" : "; no memory reserved"}`);
for (const [k, v] of Object.entries(t)) {
  v.sort((a, b) => a - b);
  const best = v[0], median = v[Math.floor(v.length / 2)];
  console.log(`${k.padEnd(9)} best ${best.toFixed(1).padStart(6)} ms (${(mb / best * 1000).toFixed(0)} MB/s), median ${median.toFixed(1).padStart(6)} ms`);
}
