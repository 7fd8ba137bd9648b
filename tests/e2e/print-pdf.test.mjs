// Printing, read back from the PDF: the sample's checklists print one
// customer per page with their names, caveats and done steps; the
// overview prints its customer names and column headers, whether from the
// Print button or from the browser's own print (the screen); a customer's
// page prints that customer alone; and once the browser has printed, the
// print layout is gone and does not leak into the next print. The
// recommendation's "why" link reaches its rule in the shipped rules.md.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, openPage, foreignRequests } from "./harness.mjs";

let app;
let dir;
before(async () => {
  app = await startApp();
  dir = mkdtempSync(join(tmpdir(), "kmp-print-"));
});
after(async () => { await app?.close(); });

const CUSTOMERS = [
  "Tailspin Toys", "Litware University", "Contoso Taiwan Ltd.", "Wingtip Retail Co.",
  "Fabrikam Logistics", "Northwind Traders",
];
const OVERVIEW_HEADERS = ["Customer", "Urgency", "Migrate by", "Kaizala seats", "Recommended plan", "Checklist"];

// Text of the PDF, one entry per page (pdftotext ends pages with a form
// feed), with runs of white space made single spaces.
function pdfPages(page, name) {
  return page.emulateMedia({ media: "print" })
    .then(() => page.pdf({ path: join(dir, name), format: "A4" }))
    .then(() => execFileSync("pdftotext", [join(dir, name), "-"]).toString()
      .split("\f").filter((p) => p.trim() !== "").map((p) => p.replace(/\s+/g, " ")));
}

const squash = (s) => s.replace(/\s+/g, " ").trim();

async function stubPrint(page) {
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
}

async function printWith(page, id, count) {
  await page.locator(id).click();
  await page.waitForFunction((n) => window.__printed === n, count);
  await page.locator("#print-area").waitFor({ state: "attached" });
}

// What the browser does when its print is over.
async function afterPrint(page) {
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.locator("#print-area").waitFor({ state: "detached" });
  await page.emulateMedia({ media: "screen" });
}

async function done({ context, errors, requests }) {
  assert.deepEqual(errors, [], "console errors");
  assert.deepEqual(foreignRequests(requests, app.origin), [], "requests that left the origin");
  await context.close();
}

test("checklists print one customer per page with the caveats and the done steps", async () => {
  // A reader east of UTC: the paper says when 00:00 UTC is on their clock.
  const t = await openPage(app, { context: { timezoneId: "Asia/Taipei" } });
  const { page } = t;
  await page.locator("#try-sample").click();
  await page.locator("#customer-table").waitFor();
  // Tick step A of Contoso: the paper says it is done, and when.
  await page.locator(".customer-link", { hasText: "Contoso Taiwan Ltd." }).click();
  await page.locator("#customer-name").waitFor();
  await page.locator(".checklist-item input[id$='-A']").check();
  await page.locator("#back-to-overview").click();
  await page.locator("#customer-table").waitFor();

  await stubPrint(page);
  await printWith(page, "#print-checklists", 1);
  const caveats = (await page.locator("#print-area .caveat").allTextContents()).map(squash);
  assert.ok(caveats.length > 0, "the sample has caveats to print");
  const pages = await pdfPages(page, "checklists.pdf");
  const all = pages.join(" ");
  for (const name of CUSTOMERS) assert.ok(all.includes(name), `${name} is printed`);
  for (const c of caveats) assert.ok(all.includes(c), `the caveat "${c}" is printed`);
  // One customer per page: no page names two customers in its heading
  // line, and each customer's page starts with its name.
  for (const [i, text] of pages.entries()) {
    const named = CUSTOMERS.filter((n) => text.includes(n));
    assert.ok(named.length <= 1, `page ${i + 1} holds one customer, not ${named.join(", ")}`);
    assert.doesNotMatch(text, /Print checklists|Download|Reset ticks/, `page ${i + 1} has no UI chrome`);
  }
  // (The first page also carries the app's name above the customer.)
  const start = (p) => p.replace(/^\s*Kaizala Migration Planner/, "").trimStart();
  const starts = pages.map((p) => CUSTOMERS.find((n) => start(p).startsWith(n))).filter(Boolean);
  assert.deepEqual(new Set(starts), new Set(CUSTOMERS), "every customer starts a page of its own");
  const contoso = pages.find((p) => start(p).startsWith("Contoso Taiwan Ltd."));
  assert.match(contoso, /done on \d{1,2} \w{3} \d{4}/, "a done step says when it was done");
  assert.match(contoso, /Dates are UTC days/, "the paper says its dates are UTC");
  assert.match(contoso, /stops at 00:00 UTC on 1 Sep 2020: that is 08:00 on 1 Sep 2020 in Asia\/Taipei/,
    "the last day says when the service stops on the reader's clock");

  // The browser has printed: the print layout goes away, and the next
  // print (Ctrl+P) shows the screen's overview with its names and headers.
  await afterPrint(page);
  const screen = (await pdfPages(page, "screen-overview.pdf")).join(" ");
  for (const name of CUSTOMERS) assert.ok(screen.includes(name), `${name} prints from the screen`);
  for (const h of OVERVIEW_HEADERS) assert.ok(screen.includes(h), `the header "${h}" prints from the screen`);
  assert.ok(!screen.includes("Buy the new subscription"), "no checklist leaks into the overview");
  await done(t);
});

test("the overview prints its customers and column headers", async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.locator("#try-sample").click();
  await page.locator("#customer-table").waitFor();
  await stubPrint(page);
  await printWith(page, "#print-overview", 1);
  const text = (await pdfPages(page, "overview.pdf")).join(" ");
  assert.match(text, /Kaizala Pro migration: overview/);
  for (const name of CUSTOMERS) assert.ok(text.includes(name), `${name} is on the printed overview`);
  for (const h of ["Customer", "Urgency", "Migrate by", "Seats", "Recommended plan", "Done"]) {
    assert.ok(text.includes(h), `the header "${h}" is printed`);
  }
  await done(t);
});

test("a customer's page prints that customer alone, from the button or the browser", async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.locator("#try-sample").click();
  await page.locator("#customer-table").waitFor();
  await stubPrint(page);
  // A print of every checklist first: it must not leak into the next.
  await printWith(page, "#print-checklists", 1);
  await afterPrint(page);
  await page.locator(".customer-link", { hasText: "Litware University" }).click();
  await page.locator("#customer-name").waitFor();
  const others = CUSTOMERS.filter((n) => n !== "Litware University");
  // The recommendation's "why" opens its rule in the rules document
  // shipped with the app.
  const href = await page.locator("#rec-rule").getAttribute("href");
  assert.match(href, /^rules\.md#family-[a-z]+$/);
  const rules = await page.evaluate(async (h) => (await fetch(h)).text(), href);
  assert.ok(rules.includes(`id="${href.split("#")[1]}"`), `rules.md has the anchor of ${href}`);

  await printWith(page, "#print-customer", 2);
  const button = await pdfPages(page, "customer.pdf");
  const text = button.join(" ");
  assert.ok(text.includes("Litware University"));
  for (const n of others) assert.ok(!text.includes(n), `${n} is not printed with Litware`);
  assert.match(text, /Buy the new subscription|Check the plan the customer already has/);
  await afterPrint(page);

  // Ctrl+P: the screen of this customer only.
  const screen = (await pdfPages(page, "customer-screen.pdf")).join(" ");
  assert.ok(screen.includes("Litware University"));
  for (const n of others) assert.ok(!screen.includes(n), `${n} is not on the printed screen`);
  await done(t);
});

test("an older export says so and plans as of the latest date it supports in one click", async () => {
  const t = await openPage(app);
  const { page } = t;
  await page.locator("#try-sample").click();
  await page.locator("#customer-table").waitFor();
  assert.equal(await page.locator("#older-export").count(), 0, "the sample as of its own date is not old");
  await page.locator("#as-of").fill("2022-01-01");
  await page.locator("#as-of").dispatchEvent("change");
  await page.locator("#older-export").waitFor();
  assert.match(await page.locator("#older-export").textContent(), /Is this an older export\?/);
  assert.ok(await page.locator("#customer-table .urgency-ended").count() > 0, "as of 2022 everything has ended");
  await page.locator("#use-latest-as-of").click();
  await page.locator("#older-export").waitFor({ state: "detached" });
  const asOf = await page.locator("#as-of").inputValue();
  assert.ok(asOf < "2022-01-01", `re-planned as of ${asOf}`);
  // Nothing shows as ended any more.
  assert.equal(await page.locator("#customer-table .urgency-ended").count(), 0);
  await done(t);
});
