// End-to-end tests of the workspace a partner lives in for months: a
// newer export carries ticks and notes forward and says what changed, a
// reload reopens the workspace, every view has an address that Back,
// Forward and a copied link follow, and the workspace file moves it all to
// another browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, openPage, tempFile, loadSample, openCustomer, closeChecked } from "./harness.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const SAMPLE = readFileSync("static/sample-export.csv", "utf8");
const TAILSPIN_SUB = "750c3b94-faf8-4308-8f53-b3ede1581787";

// The sample a week later: Tailspin's first subscription now ends a month
// later, and Contoso bought one more Kaizala Pro subscription.
function sampleV2() {
  const lines = SAMPLE.trimEnd().split("\n");
  const moved = lines.map((l) => (l.includes(TAILSPIN_SUB) ? l.replace(",7/20/2020 0:00,", ",8/20/2020 0:00,") : l));
  const contoso = lines.find((l) => l.includes("Contoso Taiwan Ltd.") && l.includes("Microsoft Kaizala Pro"));
  const added = contoso
    .replace("6b581a55-ef03-4a99-9e5f-039779629c87", "0d1e2f30-4a5b-4c6d-8e9f-a0b1c2d3e4f5")
    .replace("1777b3e5-9e12-4a4d-a88e-a8708b011a07", "99999999-8888-4777-8666-555555555555")
    .replace(",9/1/2020 0:00,", ",12/1/2020 0:00,");
  return [...moved, added].join("\n") + "\n";
}

// Each test ends with closeChecked(t, app): no console error, no request
// that left the origin.
const done = (t) => closeChecked(t, app);
test("a newer export keeps the ticks and notes and lists what changed", async () => {
  const t = await openPage(app);
  const page = t.page;
  await loadSample(page);
  await openCustomer(page, "Tailspin Toys");
  const first = page.locator(".screen-only .checklist input[type=checkbox]").first();
  await first.check();
  await page.locator("#customer-note").fill("Walked the warehouse on Monday");
  await page.locator("#customer-note").blur();
  await page.locator("#back-to-overview").click();

  await page.locator("#add-file").setInputFiles(tempFile("sample-export.csv", sampleV2()));
  await page.locator("#arrival").waitFor();
  const arrival = await page.locator("#arrival").textContent();
  assert.match(arrival, /1 subscription added/);
  assert.match(arrival, /changed/);
  assert.match(arrival, /2020-07-20|Jul(y)? 20, 2020/);
  // One file: the newer export replaced the older, not joined it.
  assert.equal(await page.locator("#workspace-files li").count(), 1);

  await openCustomer(page, "Tailspin Toys");
  assert.equal(await page.locator(".screen-only .checklist input[type=checkbox]").first().isChecked(), true, "the tick came along");
  assert.equal(await page.locator("#customer-note").inputValue(), "Walked the warehouse on Monday");
  // The customer's own changes, and the ticked step whose facts moved is flagged.
  assert.match(await page.locator("#customer-changes").textContent(), /2020/);
  assert.ok(await page.locator(".screen-only .step-flag").count() >= 1, "a changed step is flagged");
  // The overview says which customers have such a step.
  await page.locator("#back-to-overview").click();
  const row = page.locator("#customer-table tbody tr", { hasText: "Tailspin Toys" });
  assert.equal(await row.locator(".changed-since").count(), 1);
  await done(t);
});

test("a tick for a subscription that left the export is shown, not dropped", async () => {
  const t = await openPage(app);
  const page = t.page;
  await loadSample(page);
  await openCustomer(page, "Tailspin Toys");
  const boxes = page.locator(".screen-only .checklist input[type=checkbox]");
  for (let i = 0; i < await boxes.count(); i++) await boxes.nth(i).check({ force: true });
  await page.locator("#back-to-overview").click();
  // A week later the warehouse subscription is gone from the export.
  const v3 = SAMPLE.split("\n").filter((l) => !l.includes("0760d47a-5910-4dcd-9054-850633c994ce")).join("\n");
  await page.locator("#add-file").setInputFiles(tempFile("sample-export.csv", v3));
  await page.locator("#arrival").waitFor();
  assert.match(await page.locator("#arrival").textContent(), /1 subscription removed/);
  await openCustomer(page, "Tailspin Toys");
  assert.match(await page.locator("#orphan-ticks").textContent(), /0760d47a-5910-4dcd-9054-850633c994ce/);
  await done(t);
});

test("a reload reopens the workspace on the same view, and Back returns to the overview", async () => {
  const t = await openPage(app);
  const page = t.page;
  await loadSample(page);
  await page.locator("#customer-search").fill("Tail");
  await openCustomer(page, "Tailspin Toys");
  assert.match(page.url(), /#\/customer\//);
  // Focus moved to the customer's heading, and the page is at its top.
  assert.equal(await page.evaluate(() => document.activeElement?.id), "customer-name");
  assert.equal(await page.evaluate(() => window.scrollY), 0);

  await page.goBack();
  await page.locator("#customer-table").waitFor();
  assert.equal(await page.locator("#customer-search").inputValue(), "Tail", "the search came back with the overview");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "workspace-title");
  await page.goForward();
  await page.locator("#customer-name").waitFor();

  const url = page.url();
  await page.reload();
  await page.locator("#customer-name").waitFor();
  assert.equal((await page.locator("#customer-name").textContent()).trim(), "Tailspin Toys");

  // The same address in another tab of this browser opens the same view.
  const other = await t.context.newPage();
  await other.goto(url);
  await other.locator("#customer-name").waitFor();
  assert.equal((await other.locator("#customer-name").textContent()).trim(), "Tailspin Toys");
  await other.goBack().catch(() => {});
  await other.close();

  // Forgetting leaves nothing behind: a reload starts empty.
  await page.locator("#start-over").click();
  await page.locator("#forget-yes").click();
  await page.locator("#try-sample").waitFor();
  // The screen empties at once; the stored workspace goes right behind it.
  await page.waitForFunction(() => new Promise((resolve) => {
    const open = indexedDB.open("kaizala-planner", 1);
    open.onsuccess = () => {
      const get = open.result.transaction("workspaces").objectStore("workspaces").get("current");
      get.onsuccess = () => { open.result.close(); resolve(get.result === undefined); };
      get.onerror = () => { open.result.close(); resolve(false); };
    };
    open.onerror = () => resolve(false);
  }));
  await page.reload();
  await page.locator("#try-sample").waitFor();
  assert.equal(await page.locator("#customer-table").count(), 0);
  await done(t);
});

test("the workspace file moves ticks, notes and files to a fresh browser", async () => {
  const t = await openPage(app);
  const page = t.page;
  await loadSample(page);
  await openCustomer(page, "Contoso Taiwan Ltd.");
  await page.locator(".screen-only .checklist input[type=checkbox]").first().check();
  await page.locator("#customer-note").fill("PO 4711 sent");
  await page.locator("#customer-note").blur();
  await page.locator("#back-to-overview").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#save-workspace").click()]);
  const file = join(mkdtempSync(join(tmpdir(), "kmp-ws-")), download.suggestedFilename());
  await download.saveAs(file);
  const saved = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(saved.kind, "kaizala-planner-workspace");
  assert.equal(saved.files.length, 1);

  const fresh = await openPage(app);
  await fresh.page.locator("input[type=file]").setInputFiles(file);
  await fresh.page.locator("#customer-table").waitFor();
  await openCustomer(fresh.page, "Contoso Taiwan Ltd.");
  assert.equal(await fresh.page.locator(".screen-only .checklist input[type=checkbox]").first().isChecked(), true);
  assert.equal(await fresh.page.locator("#customer-note").inputValue(), "PO 4711 sent");
  // The sample's as-of date came along with its settings.
  await done(fresh);
  await done(t);
});

test("a second customer's export joins the workspace instead of replacing it", async () => {
  const t = await openPage(app);
  const page = t.page;
  await loadSample(page);
  const before = Number((await page.locator("#total-customers").textContent()).trim());
  const header = SAMPLE.split("\n")[0];
  const row = SAMPLE.split("\n").find((l) => l.includes("Tailspin Toys"))
    .replaceAll("Tailspin Toys", "Northwind Traders")
    .replace("a2d15359-e691-450e-8034-7685cce53920", "11111111-2222-4333-8444-555555555555")
    .replace("750c3b94-faf8-4308-8f53-b3ede1581787", "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")
    .replace("tailspintoys.com", "northwind.example");
  await page.locator("#add-file").setInputFiles(tempFile("northwind.csv", `${header}\n${row}\n`));
  await page.locator("#arrival").waitFor();
  assert.match(await page.locator("#arrival").textContent(), /1 customer added/);
  assert.equal(await page.locator("#workspace-files li").count(), 2);
  assert.equal(Number((await page.locator("#total-customers").textContent()).trim()), before + 1);
  // The import report lists every file.
  assert.equal(await page.locator(".import-report-of").count(), 2);
  await page.reload();
  await page.locator("#customer-table").waitFor();
  assert.equal(await page.locator("#workspace-files li").count(), 2);
  await done(t);
});
