// End-to-end: who exactly moves. A partner adds a customer's users export
// to the workspace; the customer's page counts it, the quantity to buy
// changes to the users who need a license, step B lists every user with a
// box that survives a reload, the bulk files download, and a users file
// whose domains match no customer is given one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startApp, openPage, tempFile, loadSample, openCustomer, closeChecked } from "./harness.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const USERS = readFileSync("tests/fixtures/e2e/contoso_users.csv", "utf8");

// Each test ends with closeChecked(t, app): no console error, no request
// that left the origin.
const done = (t) => closeChecked(t, app);
test("a users export makes step B list the users and changes the quantity to buy", async () => {
  const t = await openPage(app);
  const page = t.page;
  await loadSample(page);
  await openCustomer(page, "Contoso Taiwan Ltd.");
  // Without users: 25 Kaizala Pro seats less the 10 of Office 365 E3.
  assert.match(await page.locator(".recommendation").textContent(), /\b15\b/);
  await page.locator("#users-panel").waitFor();
  assert.equal(await page.locator(".users-table").count(), 0);

  await page.locator("#back-to-overview").click();
  await page.locator("#add-file").setInputFiles(tempFile("Contoso users.csv", USERS));
  await page.locator("#arrival").waitFor();
  // What it brought, said as such (it changes no subscription).
  assert.match(await page.locator("#arrival-counts").textContent(), /22 users read/);
  // It joined the export, and found its customer by the tenant's domain.
  assert.equal(await page.locator("#workspace-files li").count(), 2);
  assert.match(await page.locator("#workspace-files").textContent(), /22 users · for Contoso Taiwan Ltd\./);

  await openCustomer(page, "Contoso Taiwan Ltd.");
  assert.equal(await page.locator("#users-holders").textContent(), "19");
  assert.equal(await page.locator("#users-covered").textContent(), "6");
  assert.equal(await page.locator("#users-to-license").textContent(), "13");
  assert.equal(await page.locator("#users-unassigned").textContent(), "6");
  const rec = await page.locator(".recommendation").textContent();
  assert.match(rec, /13 of the 19 users who hold Kaizala Pro have no plan that includes Kaizala/);

  // Step B lists every user, with what changes for each.
  const rows = page.locator(".screen-only .users-table tbody tr");
  assert.equal(await rows.count(), 19);
  const table = await page.locator(".screen-only .users-table").textContent();
  assert.match(table, /amy\.lin@contoso\.com\.tw/);
  assert.match(table, /陳美玲/);
  assert.match(table, /remove Kaizala Pro \(already has a plan with Kaizala\)/);
  // The step A quantity follows.
  assert.match(await page.locator(".screen-only .checklist").first().textContent(), /Buy 13 licenses/);

  // A user ticked as moved stays ticked after a reload.
  const box = page.locator(".screen-only .users-table input[type=checkbox]").first();
  await box.check();
  assert.match(await page.locator(".user-list-head").first().textContent(), /1 moved/);
  await page.waitForTimeout(400);
  await page.reload();
  await page.locator("#customer-name").waitFor();
  assert.equal(await page.locator(".screen-only .users-table input[type=checkbox]").first().isChecked(), true);

  // The bulk files download.
  const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("#download-users-csv").click()]);
  assert.match(csv.suggestedFilename(), /^kaizala-users-contoso-taiwan-ltd.*\.csv$/);
  const [script] = await Promise.all([page.waitForEvent("download"), page.locator("#download-move-script").click()]);
  assert.match(script.suggestedFilename(), /\.ps1$/);
  const text = readFileSync(await script.path(), "utf8");
  assert.match(text, /Set-MgUserLicense/);
  assert.match(text, /amy\.lin@contoso\.com\.tw/);

  // A share link leaves the users out unless asked.
  await page.locator("#share-link").click();
  const plain = await page.locator("#share-url").inputValue();
  await page.locator("#share-users").check();
  await page.locator("#share-link").click();
  const withUsers = await page.locator("#share-url").inputValue();
  assert.ok(withUsers.length > plain.length + 200, `${withUsers.length} vs ${plain.length}`);
  await page.locator("#share-users-warning").waitFor();
  await done(t);
});

test("a users file whose domains match no customer is given one", async () => {
  const t = await openPage(app);
  const page = t.page;
  await loadSample(page);
  const stranger = USERS.replaceAll("contoso.com.tw", "example.net").replaceAll("contosotw.onmicrosoft.com", "examplenet.onmicrosoft.com");
  await page.locator("#add-file").setInputFiles(tempFile("users.csv", stranger));
  await page.locator("#arrival").waitFor();
  assert.match(await page.locator("#workspace-files").textContent(), /which customer's users are these\?/);
  await openCustomer(page, "Contoso Taiwan Ltd.");
  await page.locator(".use-users-file").click();
  await page.locator("#users-holders").waitFor();
  assert.equal(await page.locator("#users-holders").textContent(), "19");
  await done(t);
});
