// Shared harness for the end-to-end tests: serves the release build in
// dist/ on a free loopback port and drives Debian's Chromium through
// playwright-core (never a downloaded browser). Records console errors and
// every request, so a test can prove nothing left the origin.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../../scripts/serve-dist.mjs";

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(p)) return p;
  return execFileSync("which", ["chromium"]).toString().trim();
}

export async function startApp() {
  if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: run trunk build --release first");
  const server = await startServer({ root: "dist", port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  return {
    origin, browser,
    async close() { await browser.close(); await new Promise((r) => server.close(r)); },
  };
}

// A page with its console errors and requests recorded.
export async function openPage(app, { path = "/", locale = "en-US", context: ctxOptions = {} } = {}) {
  const context = await app.browser.newContext({ locale, acceptDownloads: true, ...ctxOptions });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  context.on("request", (r) => requests.push(r.url()));
  await page.goto(app.origin + path);
  return { page, context, errors, requests };
}

export function foreignRequests(requests, origin) {
  return requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("blob:" + origin) && !u.startsWith("data:"));
}

// Steps the workspace and users tests share.

/** Writes `text` to a file named `name` in a new temporary directory. */
export function tempFile(name, text) {
  const dir = mkdtempSync(join(tmpdir(), "kmp-e2e-"));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Opens the bundled sample and waits for the customer table. */
export async function loadSample(page) {
  await page.locator("#try-sample").click();
  await page.locator("#customer-table").waitFor();
}

/** Opens a customer's page from the table by its name. */
export async function openCustomer(page, name) {
  await page.getByRole("button", { name }).first().click();
  await page.locator("#customer-name").waitFor();
}

/** Fails on console errors or requests that left the origin, then closes. */
export async function closeChecked({ context, errors, requests }, app) {
  assert.deepEqual(errors, [], "console errors");
  assert.deepEqual(foreignRequests(requests, app.origin), [], "requests that left the origin");
  await context.close();
}
