// Size and start budget of the release build: gzipped wasm + js + css of
// dist/ (budget <= 450 KB) and the time from navigation to the app shell
// (the page's <h1> visible; budget <= 1 s) on 127.0.0.1 in Debian's
// headless Chromium.
//
//   node tests/bench/size-start.mjs            (needs dist/: trunk build --release)
//
// Prints figures only; never fails on a missed budget. Not under
// tests/e2e, so the test suite does not run it.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { startApp } from "./app.mjs";

if (!existsSync("dist/index.html")) {
  console.error("dist/ is missing: build it first with  PATH=$PWD/node_modules/.bin:$PATH trunk build --release --offline");
  process.exit(2);
}

const KB = 1024;
const rows = [];
let total = 0;
for (const name of readdirSync("dist").sort()) {
  if (!/\.(wasm|js|css)$/.test(name)) continue;
  const raw = readFileSync(join("dist", name));
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  rows.push([name, raw.length, gz]);
}
console.log("file                                        raw KB   gzip -9 KB");
for (const [n, r, g] of rows) console.log(`${n.padEnd(42)} ${(r / KB).toFixed(1).padStart(8)} ${(g / KB).toFixed(1).padStart(10)}`);
console.log(`total gzipped wasm + js + css: ${(total / KB).toFixed(1)} KB (budget 450 KB: ${total <= 450 * KB ? "met" : "NOT met"})`);

// Start: fresh context each time (nothing cached), median of 5.
const runs = Number(process.env.START_RUNS || 5);
const app = await startApp();
try {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await app.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(app.origin + "/", { waitUntil: "commit" });
    await page.waitForSelector("h1", { state: "visible", timeout: 15000 });
    // navigationStart-relative time of the first frame that shows the h1.
    const t = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(performance.now()))));
    times.push(t);
    await context.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`app shell (h1 visible) after navigation: median ${median.toFixed(0)} ms of ${runs} (${times.map((t) => t.toFixed(0)).join(", ")}) (budget 1000 ms: ${median <= 1000 ? "met" : "NOT met"})`);
} finally {
  await app.close();
}
