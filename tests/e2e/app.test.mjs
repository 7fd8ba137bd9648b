// End-to-end tests of the planner's flows, against the release build in
// dist/ in Debian's Chromium: upload (picker, drop, paste), the mapping
// step, the overview's numbers, re-planning, persisted ticks, printing,
// sharing, downloads equal to the CLI's, hostile data, storage failures,
// languages, offline use and accessibility. Every test also checks that no
// request left the page's origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, openPage, foreignRequests } from "./harness.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const SAMPLE = "static/sample-export.csv";

async function loadSample(page) {
  await page.locator("#try-sample").click();
  await page.locator("#customer-table").waitFor();
}

async function chooseFile(page, path) {
  await page.locator("input[type=file]").setInputFiles(path);
}

async function done({ context, errors, requests }) {
  assert.deepEqual(errors, [], "console errors");
  assert.deepEqual(foreignRequests(requests, app.origin), [], "requests that left the origin");
  await context.close();
}

function cli(args) {
  return execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "kaizala-plan", "--", ...args], { maxBuffer: 64 << 20 });
}

test("the sample export becomes an overview with the right numbers", async () => {
  const t = await openPage(app);
  await loadSample(t.page);
  const text = async (sel) => (await t.page.locator(sel).textContent()).trim();
  assert.equal(await text("#report-rows"), "22");
  assert.equal(await text("#report-subscriptions"), "11");
  assert.equal(await text("#report-rejected"), "0");
  assert.equal(await text("#total-customers"), "7");
  assert.equal(await text("#total-subscriptions"), "8");
  assert.equal(await text("#total-seats"), "1,035");
  assert.equal(await t.page.locator("#customer-table tbody tr").count(), 7);
  assert.equal(await t.page.locator("#timeline-chart .bar").count(), 6);
  assert.equal(await t.page.locator("#timeline-chart .cutoff").count(), 1);
  await done(t);
});

test("a file dropped on the page is imported", async () => {
  const t = await openPage(app);
  // The drop target is rendered by the wasm, after the page has loaded.
  await t.page.locator(".page").waitFor();
  const content = readFileSync(SAMPLE, "utf8");
  await t.page.evaluate(([name, text]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: "text/csv" }));
    const target = document.querySelector(".page");
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, ["dropped.csv", content]);
  await t.page.locator("#customer-table").waitFor();
  assert.equal((await t.page.locator("#report-rows").textContent()).trim(), "22");
  await done(t);
});

test("CSV text pasted on the first screen is imported", async () => {
  const t = await openPage(app);
  await t.page.locator("#try-sample").waitFor();
  const content = readFileSync(SAMPLE, "utf8");
  await t.page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", text);
    document.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, content);
  await t.page.locator("#customer-table").waitFor();
  assert.equal((await t.page.locator("#total-customers").textContent()).trim(), "7");
  await done(t);
});

test("columns the importer cannot place are matched in a mapping step, and remembered", async () => {
  const t = await openPage(app);
  await chooseFile(t.page, "tests/fixtures/e2e/needs_mapping.csv");
  await t.page.getByRole("heading", { name: "Match the columns of this file" }).waitFor();
  const continueButton = t.page.getByRole("button", { name: "Continue" });
  assert.ok(await t.page.locator(".preview tbody tr").count() >= 3, "a preview of the rows");
  // Continue never does nothing: it says which choice is missing.
  await continueButton.click();
  await t.page.locator(".mapping .problems").waitFor();
  assert.match(await t.page.locator("#map-subscriptionid-problems").textContent(), /subscription ID/);
  await t.page.locator("#map-subscriptionid").selectOption("Ref");
  // One column for two fields is refused, naming the column and both fields.
  await t.page.locator("#map-offer").selectOption("Ref");
  await continueButton.click();
  assert.match(await t.page.locator("#map-offer-problems").textContent(), /"Ref".*subscription id.*offer/);
  assert.ok(await t.page.getByRole("heading", { name: "Match the columns of this file" }).isVisible());
  await t.page.locator("#map-offer").selectOption("Product line");
  // Optional columns the planner did not recognise can be placed too.
  await t.page.locator("#map-seats").selectOption("Licences");
  await t.page.locator("#map-enddate").selectOption("Valid until");
  await continueButton.click();
  await t.page.locator("#customer-table").waitFor();
  assert.equal((await t.page.locator("#total-customers").textContent()).trim(), "2");
  assert.equal((await t.page.locator("#total-seats").textContent()).trim(), "37");
  assert.equal(await t.page.locator("#timeline-chart .bar").count(), 2, "end dates were read");

  // The same headers again: the choice is filled in.
  await t.page.locator("#start-over").click();
  await t.page.locator("#forget-yes").click();
  await t.page.locator("#try-sample").waitFor();
  await chooseFile(t.page, "tests/fixtures/e2e/needs_mapping.csv");
  await t.page.locator(".mapping .notice").waitFor();
  assert.equal(await t.page.locator("#map-subscriptionid").inputValue(), "Ref");
  await done(t);
});

test("a Big5 export (Excel's plain CSV on Traditional Chinese Windows) reads correctly", async () => {
  const t = await openPage(app);
  await chooseFile(t.page, "tests/fixtures/e2e/big5.csv");
  await t.page.locator("#customer-table").waitFor();
  assert.match(await t.page.locator(".import-report").textContent(), /Big5/);
  assert.match(await t.page.locator("#customer-table").textContent(), /國立臺灣科技大學/);
  assert.match(await t.page.locator("#customer-table").textContent(), /台灣測試股份有限公司/);
  await done(t);
});

test("changing the plan's dates and a customer's choices re-plans at once", async () => {
  const t = await openPage(app);
  await loadSample(t.page);
  const endedRow = t.page.locator("#category-table tr.category-already-ended td").first();
  // Northwind Traders' end date (2020-05-01) has passed and the file does
  // not say it renews: it has ended unless it renewed.
  assert.equal((await endedRow.textContent()).trim(), "1");
  await t.page.locator("#as-of").fill("2020-09-15");
  await t.page.waitForFunction(() => document.querySelector("#category-table tr.category-already-ended td").textContent.trim() !== "1");
  assert.equal((await endedRow.textContent()).trim(), "5");

  await t.page.getByRole("button", { name: "Tailspin Toys" }).click();
  await t.page.locator("#rec-reason").waitFor();
  assert.match(await t.page.locator(".rec-plan").textContent(), /Business Basic/);
  await t.page.locator("#frontline").check();
  await t.page.waitForFunction(() => /F3/.test(document.querySelector(".rec-plan").textContent));
  await t.page.locator("#plan-override").selectOption("o365-e3");
  await t.page.waitForFunction(() => document.querySelector(".rec-plan").textContent.includes("Office 365 E3"));
  await done(t);
});

test("ticks and notes survive a reload, and can be reset", async () => {
  const t = await openPage(app);
  await loadSample(t.page);
  await t.page.getByRole("button", { name: "Contoso Taiwan Ltd." }).click();
  await t.page.locator(".checklist input[type=checkbox]").first().check();
  await t.page.locator("#customer-note").fill("Call Mr. Lin on Monday");
  await t.page.waitForTimeout(200);

  // The workspace reopens by itself, on the customer's page.
  await t.page.reload();
  await t.page.locator("#customer-name").waitFor();
  assert.equal(await t.page.locator(".checklist input[type=checkbox]").first().isChecked(), true);
  assert.equal(await t.page.locator("#customer-note").inputValue(), "Call Mr. Lin on Monday");
  await t.page.locator("#back-to-overview").click();
  const row = t.page.locator("#customer-table tbody tr", { hasText: "Contoso Taiwan Ltd." });
  assert.equal((await row.locator(".progress-text").textContent()).trim(), "1/3");
  await t.page.getByRole("button", { name: "Contoso Taiwan Ltd." }).click();

  await t.page.locator("#reset-progress").click();
  await t.page.locator("#reset-yes").click();
  assert.equal(await t.page.locator(".checklist input[type=checkbox]").first().isChecked(), false);
  await done(t);
});

test("dates and customer choices are kept for the file, and can be reset", async () => {
  const t = await openPage(app);
  await loadSample(t.page);
  await t.page.locator("#as-of").fill("2020-08-01");
  await t.page.getByRole("button", { name: "Wingtip Retail Co." }).click();
  await t.page.locator("#frontline").check();
  await t.page.waitForFunction(() => /F3/.test(document.querySelector(".rec-plan").textContent));
  await t.page.reload();
  await t.page.locator("#customer-name").waitFor();
  await t.page.locator("#back-to-overview").click();
  await t.page.locator("#settings-restored").waitFor();
  assert.equal(await t.page.locator("#as-of").inputValue(), "2020-08-01");
  const row = t.page.locator("#customer-table tbody tr", { hasText: "Wingtip Retail Co." });
  assert.match(await row.textContent(), /F3/);
  await t.page.locator("#reset-settings").click();
  assert.equal(await t.page.locator("#as-of").inputValue(), "2020-06-15");
  assert.doesNotMatch(await row.textContent(), /F3/);
  await done(t);
});

test("a forgotten workspace leaves no ticks for the next import of the same file", async () => {
  const t = await openPage(app);
  await loadSample(t.page);
  await t.page.getByRole("button", { name: "Tailspin Toys" }).click();
  await t.page.locator(".checklist input[type=checkbox]").first().check();
  await t.page.locator("#start-over").click();
  await t.page.locator("#forget-yes").click();
  await t.page.locator("#try-sample").waitFor();
  await loadSample(t.page);
  const row = t.page.locator("#customer-table tbody tr", { hasText: "Tailspin Toys" });
  assert.match((await row.locator(".progress-text").textContent()).trim(), /^0\//);
  await done(t);
});

test("printing gives each selected customer's checklist a page of its own", async () => {
  const t = await openPage(app);
  await loadSample(t.page);
  // Leave one customer out of the print.
  const rowOut = t.page.locator("#customer-table tbody tr", { hasText: "Northwind Traders" });
  await rowOut.locator("input[type=checkbox]").uncheck();
  await t.page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await t.page.locator("#print-checklists").click();
  await t.page.waitForFunction(() => window.__printed === 1);
  const dir = mkdtempSync(join(tmpdir(), "kmp-"));
  const pdf = join(dir, "checklists.pdf");
  await t.page.pdf({ path: pdf, format: "A4" });
  const pages = readFileSync(pdf).toString("latin1").match(/\/Type\s*\/Page[^s]/g).length;
  const names = ["Tailspin Toys", "Litware University", "Contoso Taiwan Ltd.", "Wingtip Retail Co.", "Fabrikam Logistics", "臺北市立松山高級中學"];
  // Each selected customer starts a page of its own; a long checklist
  // (several waves) may run on to the next page, never into another
  // customer's.
  const blocks = [];
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), "-layout", pdf, "-"]).toString();
    assert.doesNotMatch(text, /Print checklists|Download/, `page ${p} has no UI chrome`);
    const first = text.split("\n").map((l) => l.trim()).filter((l) => l && l !== "Kaizala Migration Planner")[0] || "";
    const starts = names.find((n) => first.startsWith(n));
    assert.ok(names.filter((n) => text.includes(n)).length <= 1, `page ${p} holds one customer`);
    if (starts) blocks.push({ name: starts, text });
    else {
      assert.ok(blocks.length > 0, `page ${p} continues a customer`);
      blocks[blocks.length - 1].text += text;
    }
  }
  assert.deepEqual(blocks.map((b) => b.name).sort(), [...names].sort(), "six selected customers, each from a new page");
  for (const { name, text } of blocks) {
    assert.match(text, /Buy the new subscription|Check the plan the customer already has/, `${name} has step A`);
    assert.match(text, /Suspend the old subscription|Check the subscription that has ended/, `${name} has step C`);
    assert.match(text, /Due /, `${name} has due dates`);
  }
  const all = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
  for (const n of names) assert.ok(all.includes(n), `${n} is printed`);
  assert.ok(!all.includes("Northwind Traders"), "an unselected customer is not printed");

  await t.page.locator("#print-overview").click();
  await t.page.waitForFunction(() => window.__printed === 2);
  const overview = join(dir, "overview.pdf");
  await t.page.pdf({ path: overview, format: "A4" });
  const otext = execFileSync("pdftotext", ["-layout", overview, "-"]).toString();
  assert.match(otext, /overview/i);
  assert.match(otext, /Northwind\s+Traders/);
  await done(t);
});

test("the app works from the keyboard alone", async () => {
  const t = await openPage(app);
  await t.page.locator("#try-sample").waitFor();
  // Tab to "Try with sample data" and press Enter.
  for (let i = 0; i < 12; i++) {
    await t.page.keyboard.press("Tab");
    if (await t.page.evaluate(() => document.activeElement?.id) === "try-sample") break;
  }
  assert.equal(await t.page.evaluate(() => document.activeElement?.id), "try-sample");
  await t.page.keyboard.press("Enter");
  await t.page.locator("#customer-table").waitFor();
  // A customer opens with Enter, a checklist box ticks with Space.
  await t.page.getByRole("button", { name: "Northwind Traders" }).focus();
  await t.page.keyboard.press("Enter");
  await t.page.locator("#customer-name").waitFor();
  await t.page.locator(".checklist input[type=checkbox]").first().focus();
  await t.page.keyboard.press("Space");
  assert.equal(await t.page.locator(".checklist input[type=checkbox]").first().isChecked(), true);
  await done(t);
});

test("a share link opens one customer's plan, read-only, in a fresh browser", async () => {
  const t = await openPage(app, { context: { permissions: ["clipboard-read", "clipboard-write"] } });
  await loadSample(t.page);
  await t.page.getByRole("button", { name: "Fabrikam Logistics" }).click();
  await t.page.locator("#share-link").click();
  const link = await t.page.locator("#share-url").inputValue();
  assert.ok(link.startsWith(app.origin + "/#share=v1."), link);
  assert.equal(await t.page.evaluate(() => navigator.clipboard.readText()), link);

  const fresh = await app.browser.newContext();
  const page = await fresh.newPage();
  const requests = [];
  fresh.on("request", (r) => requests.push(r.url()));
  await page.goto(link);
  await page.locator("#customer-name").waitFor();
  assert.equal((await page.locator("#customer-name").textContent()).trim(), "Fabrikam Logistics");
  const body = await page.locator("body").textContent();
  for (const other of ["Contoso", "Tailspin", "Northwind", "Wingtip", "Litware"]) {
    assert.ok(!body.includes(other), `${other} is not in the shared view`);
  }
  assert.equal(await page.locator(".checklist input:not([disabled])").count(), 0, "read-only");
  assert.deepEqual(foreignRequests(requests, app.origin), []);
  // The fragment never reached the server.
  assert.ok(requests.every((u) => !u.includes("share=")));

  // A damaged link says so.
  await page.goto(app.origin + "/#share=" + link.split("#share=")[1].slice(0, -12) + "AAAAAAAAAAAA");
  await page.reload();
  await page.getByRole("heading", { name: "This shared plan could not be opened" }).waitFor();
  await fresh.close();
  await done(t);
});

test("downloads are byte for byte what the CLI writes", async () => {
  const t = await openPage(app);
  await loadSample(t.page);
  const dir = mkdtempSync(join(tmpdir(), "kmp-"));
  for (const [id, format] of [["json", "json"], ["csv", "csv"], ["md", "md"], ["ics", "ics"]]) {
    const [download] = await Promise.all([t.page.waitForEvent("download"), t.page.locator(`#download-${id}`).click()]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const fromApp = readFileSync(file);
    const fromCli = cli([SAMPLE, "--as-of", "2020-06-15", "--format", format]);
    assert.ok(fromApp.equals(fromCli), `${format}: the app's download equals the CLI's output`);
  }
  await done(t);
});

test("a ticked step and a note leave the browser in the JSON download", async () => {
  const t = await openPage(app);
  await loadSample(t.page);
  await t.page.getByRole("button", { name: "Contoso Taiwan Ltd." }).click();
  await t.page.locator(".checklist input[type=checkbox]").first().check();
  await t.page.locator("#customer-note").fill("PO 4711 sent");
  await t.page.locator("#customer-note").blur();
  const [download] = await Promise.all([t.page.waitForEvent("download"), t.page.locator("#download-json").click()]);
  const dir = mkdtempSync(join(tmpdir(), "kmp-"));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const plan = JSON.parse(readFileSync(file, "utf8"));
  const contoso = plan.customers.find((c) => c.name === "Contoso Taiwan Ltd.");
  const a = contoso.checklist.find((s) => s.step === "A");
  assert.equal(a.done, true);
  assert.match(a.done_on, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(contoso.checklist.find((s) => s.step === "B").done, false);
  assert.equal(contoso.notes, "PO 4711 sent");
  await done(t);
});

test("script and markup in every text field stay inert text", async () => {
  const t = await openPage(app);
  await chooseFile(t.page, "tests/fixtures/e2e/hostile_markup.csv");
  await t.page.locator("#customer-table").waitFor();
  const pwned = () => t.page.evaluate(() => window.__pwned);
  const customers = await t.page.locator(".customer-link").all();
  assert.equal(customers.length, 2);
  assert.match(await customers[0].textContent(), /<b onmouseover|<img src=x/);
  for (let i = 0; i < customers.length; i++) {
    await t.page.locator(".customer-link").nth(i).click();
    await t.page.locator("#customer-name").waitFor();
    await t.page.locator("#share-link").click();
    await t.page.locator("#share-url").waitFor();
    await t.page.locator("#back-to-overview").click();
  }
  assert.equal(await pwned(), undefined);
  assert.equal(await t.page.locator("main img, main iframe, main script, main svg:not(.logo):not(#timeline-chart), main b").count(), 0);
  await done(t);
});

test("blocked storage: the app works and says progress is not saved", async () => {
  const t = await openPage(app, { path: "/" });
  await t.page.close();
  const page = await t.context.newPage();
  await page.addInitScript(() => {
    const denied = { get() { throw new DOMException("denied", "SecurityError"); } };
    Object.defineProperty(window, "localStorage", denied);
    Object.defineProperty(window, "indexedDB", denied);
  });
  page.on("pageerror", (e) => t.errors.push(String(e)));
  await page.goto(app.origin + "/");
  await loadSample(page);
  await page.locator("#storage-notice").waitFor();
  assert.match(await page.locator("#storage-notice").textContent(), /not being saved/);
  await page.getByRole("button", { name: "Contoso Taiwan Ltd." }).click();
  await page.locator(".checklist input[type=checkbox]").first().check();
  assert.equal(await page.locator(".checklist input[type=checkbox]").first().isChecked(), true);
  await done(t);
});

test("full storage: ticks still work and the app says they are not saved", async () => {
  const t = await openPage(app);
  await t.page.close();
  const page = await t.context.newPage();
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };
    IDBObjectStore.prototype.put = function () { throw new DOMException("full", "QuotaExceededError"); };
  });
  await page.goto(app.origin + "/");
  await loadSample(page);
  await page.getByRole("button", { name: "Contoso Taiwan Ltd." }).click();
  await page.locator(".checklist input[type=checkbox]").first().check();
  assert.equal(await page.locator(".checklist input[type=checkbox]").first().isChecked(), true);
  await page.locator("#storage-notice").waitFor();
  assert.match(await page.locator("#storage-notice").textContent(), /storage is full/);
  await done(t);
});

test("corrupted storage: the planner starts empty and says so", async () => {
  const t = await openPage(app);
  await loadSample(t.page);
  await t.page.getByRole("button", { name: "Contoso Taiwan Ltd." }).click();
  await t.page.locator(".checklist input[type=checkbox]").first().check();
  await t.page.waitForTimeout(200);
  // Damage the kept workspace record, as a broken disk or another
  // program might.
  await t.page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open("kaizala-planner", 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction("workspaces", "readwrite");
      tx.objectStore("workspaces").put("[[[garbage", "current");
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await t.page.reload();
  await t.page.locator("#try-sample").waitFor();
  await loadSample(t.page);
  await t.page.locator("#storage-notice").waitFor();
  assert.match(await t.page.locator("#storage-notice").textContent(), /could not be read/);
  const row = t.page.locator("#customer-table tbody tr", { hasText: "Contoso Taiwan Ltd." });
  assert.match((await row.locator(".progress-text").textContent()).trim(), /^0\//);
  await done(t);
});

test("English and Traditional Chinese both render, and the choice is remembered", async () => {
  const t = await openPage(app);
  await loadSample(t.page);
  await t.page.locator(".lang select").selectOption("zh-TW");
  await t.page.getByRole("heading", { level: 1, name: "Kaizala 移轉規劃工具" }).waitFor();
  assert.equal(await t.page.locator("html").getAttribute("lang"), "zh-TW");
  assert.match(await t.page.locator("#customers-title").textContent(), /客戶/);
  // Dates are written the Taiwanese way: 2020/07/01 in tables.
  assert.match(await t.page.locator("#customer-table tbody").textContent(), /2020\/\d\d\/\d\d/);
  // The page's title and description follow the language.
  assert.equal(await t.page.title(), "Kaizala 移轉規劃工具");
  assert.match(await t.page.locator("meta[name=description]").getAttribute("content"), /移轉/);
  await t.page.getByRole("button", { name: "Tailspin Toys" }).click();
  assert.match(await t.page.locator(".screen-only .checklist").first().textContent(), /購買|確認/);
  await t.page.reload();
  await t.page.getByRole("heading", { level: 1, name: "Kaizala 移轉規劃工具" }).waitFor();
  await done(t);
});

test("after the first visit the planner opens and works offline", async () => {
  const t = await openPage(app);
  await t.page.evaluate(() => navigator.serviceWorker.ready);
  await t.page.reload();
  await t.page.locator("#try-sample").waitFor();
  await t.context.setOffline(true);
  await t.page.reload();
  await t.page.locator("#try-sample").waitFor();
  await loadSample(t.page);
  assert.equal((await t.page.locator("#total-customers").textContent()).trim(), "7");
  // Imported in the import worker, whose script came from the cache.
  assert.equal(await t.page.evaluate(() => performance.getEntriesByName("kaizala:worker-answered").length), 1);
  await t.context.setOffline(false);
  await done(t);
});

test("a file of many pieces reads the same with and without the browser's byte-stream reader", async () => {
  // Several megabytes: the file arrives in many pieces either way.
  const dir = mkdtempSync(join(tmpdir(), "kmp-"));
  const lines = readFileSync(SAMPLE, "utf8").split("\r\n");
  const body = lines.slice(1).filter(Boolean);
  const big = [lines[0]];
  for (let i = 0; i < 400; i++) big.push(...body.map((l) => l.replace(/^([^,]*),([^,]*),([^,]*),((?:[^,]*,){4})([^,]*),/, `$1,$2-${i},$3 ${i},$4$5-${i},`).replace(/,([a-z0-9-]+)\.onmicrosoft\.com,/, `,$1-${i}.onmicrosoft.com,`)));
  writeFileSync(join(dir, "pieces.csv"), big.join("\r\n"));
  const seen = [];
  for (const byob of [true, false]) {
    const t = await openPage(app);
    if (!byob) {
      // As in a browser whose file streams are not byte streams.
      await t.page.addInitScript(() => { delete window.ReadableStreamBYOBReader; });
      await t.page.reload();
    }
    assert.equal(await t.page.evaluate(() => typeof window.ReadableStreamBYOBReader), byob ? "function" : "undefined");
    await chooseFile(t.page, join(dir, "pieces.csv"));
    await t.page.locator("#customer-table").waitFor({ timeout: 30000 });
    const text = async (sel) => (await t.page.locator(sel).textContent()).trim();
    seen.push([await text("#report-rows"), await text("#report-subscriptions"), await text("#total-customers"), await text("#total-seats")]);
    await done(t);
  }
  assert.deepEqual(seen[0], ["8,800", "4,400", "2,800", "414,000"]);
  assert.deepEqual(seen[1], seen[0]);
});

test("Cancel stops a long import and returns to the start", async () => {
  const t = await openPage(app);
  const dir = mkdtempSync(join(tmpdir(), "kmp-"));
  const lines = readFileSync(SAMPLE, "utf8").split("\r\n");
  const body = lines.slice(1).filter(Boolean);
  const big = [lines[0]];
  for (let i = 0; i < 12000; i++) big.push(...body.map((l) => l.replace(/,Monthly$/, `,Monthly`).replace(/^([^,]*),([^,]*),([^,]*),/, `$1,$2-${i},$3 ${i},`)));
  writeFileSync(join(dir, "big.csv"), big.join("\r\n"));
  await chooseFile(t.page, join(dir, "big.csv"));
  await t.page.locator("#cancel-import").click();
  await t.page.locator("#try-sample").waitFor();
  await t.page.waitForTimeout(1500);
  assert.equal(await t.page.locator("#customer-table").count(), 0, "the cancelled import does not come back");
  await done(t);
});

async function axeCheck(page, label) {
  await page.addScriptTag({ path: "node_modules/axe-core/axe.min.js" });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), []);
}

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds no serious or critical violation (${colorScheme})`, async () => {
    // axe is injected as a script, which the page's CSP would refuse.
    const t = await openPage(app, { context: { bypassCSP: true, colorScheme } });
    await t.page.locator("#try-sample").waitFor();
    await axeCheck(t.page, "start");
    await loadSample(t.page);
    await axeCheck(t.page, "overview");
    await t.page.getByRole("button", { name: "Contoso Taiwan Ltd." }).click();
    await t.page.locator("#customer-name").waitFor();
    await axeCheck(t.page, "customer");
    await t.page.locator("#start-over").click();
    await t.page.locator("#forget-yes").click();
    await t.page.locator("#try-sample").waitFor();
    await chooseFile(t.page, "tests/fixtures/e2e/needs_mapping.csv");
    await t.page.locator(".mapping").waitFor();
    await axeCheck(t.page, "mapping");
    await done(t);
  });
}
