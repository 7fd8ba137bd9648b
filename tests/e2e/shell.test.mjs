// End-to-end tests of the release build: the page loads cleanly, the shell
// renders, and a sample export chosen through the real file input is read.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, openPage, foreignRequests } from "./harness.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

test("the page loads with no console error and shows the app shell", async () => {
  const { page, context, errors } = await openPage(app);
  await page.getByRole("heading", { level: 1, name: "Kaizala Migration Planner" }).waitFor();
  await page.getByRole("button", { name: "Try with sample data" }).waitFor();
  assert.equal(await page.locator("input[type=file]").count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the server and the page both carry the Content-Security-Policy", async () => {
  const { page, context, errors } = await openPage(app);
  const res = await page.request.get(app.origin + "/");
  const header = res.headers()["content-security-policy"];
  assert.match(header, /default-src 'self'/);
  assert.match(header, /object-src 'none'/);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(meta, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(meta, /unsafe-inline/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a sample export chosen through the file input is imported", async () => {
  const { page, context, errors, requests } = await openPage(app);
  await page.locator("input[type=file]").setInputFiles("static/sample-export.csv");
  await page.locator("#report-rows").waitFor();
  assert.equal(await page.locator("#report-rows").textContent(), "22");
  assert.equal(await page.locator("#report-rejected").textContent(), "0");
  assert.ok(Number(await page.locator("#report-subscriptions").textContent()) > 0);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreignRequests(requests, app.origin), []);
  await context.close();
});

test("the zh-TW browser gets the Traditional Chinese interface", async () => {
  const { page, context, errors } = await openPage(app, { locale: "zh-TW" });
  await page.getByRole("heading", { level: 1, name: "Kaizala 移轉規劃工具" }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-TW");
  assert.deepEqual(errors, []);
  await context.close();
});
