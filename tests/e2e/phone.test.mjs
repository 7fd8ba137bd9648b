// End-to-end: the planner on a phone (390 × 844), a tablet (768) and a
// desktop (1280). On a phone nothing scrolls sideways (upload, overview
// with the sample, a customer, a share link), the customer table is a
// list of cards, and a checklist's tap targets are at least 44 px tall; a
// tablet shows the cards two abreast, a desktop keeps the table.
// Screenshots of each, in English and Traditional Chinese, light and dark,
// and a customer printed to PDF go to target/screens/ to be looked at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { startApp, openPage, foreignRequests } from "./harness.mjs";

const SCREENS = "target/screens";
let app;
before(async () => {
  mkdirSync(SCREENS, { recursive: true });
  app = await startApp();
});
after(async () => { await app?.close(); });

const PHONE = { width: 390, height: 844 };
const CUSTOMER = "Northwind Traders";

async function done({ context, errors, requests }) {
  assert.deepEqual(errors, [], "console errors");
  assert.deepEqual(foreignRequests(requests, app.origin), [], "requests that left the origin");
  await context.close();
}

// The page is no wider than the window; on failure, what sticks out.
async function noSidewaysScroll(page, where) {
  const r = await page.evaluate(() => {
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5 && e.getClientRects().length > 0)
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join(".")}`);
    return { scroll: document.documentElement.scrollWidth, inner: innerWidth, wide };
  });
  assert.ok(r.scroll <= r.inner, `${where}: page ${r.scroll} px wide in a ${r.inner} px window; sticking out: ${r.wide.join(", ")}`);
}

async function heights(locator) {
  return Promise.all((await locator.all()).map(async (l) => (await l.boundingBox()).height));
}

async function shot(page, name) {
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

async function open(viewport, colorScheme, lang) {
  const t = await openPage(app, { context: { viewport, colorScheme, permissions: ["clipboard-read", "clipboard-write"] } });
  if (lang === "zh") {
    await t.page.locator(".lang select").selectOption("zh-TW");
    await t.page.locator("html[lang='zh-TW']").waitFor();
  }
  return t;
}

async function loadSample(page) {
  await page.locator("#try-sample").click();
  await page.locator("#customer-table").waitFor();
}

async function openCustomer(page) {
  await page.locator(".customer-link", { hasText: CUSTOMER }).click();
  await page.locator("#customer-name").waitFor();
}

for (const lang of ["en", "zh"]) {
  for (const scheme of ["light", "dark"]) {
    test(`on a phone (${lang}, ${scheme}) nothing scrolls sideways, customers are cards and steps are easy to tick`, async () => {
      const t = await open(PHONE, scheme, lang);
      const { page } = t;
      const name = `phone-${lang}-${scheme}`;
      await page.locator("#try-sample").waitFor();
      await noSidewaysScroll(page, "upload");
      await shot(page, `${name}-upload`);

      await loadSample(page);
      await noSidewaysScroll(page, "overview");
      const row = page.locator("#customer-table tbody tr", { hasText: CUSTOMER });
      assert.equal(await row.evaluate((r) => getComputedStyle(r).display), "grid", "a customer is a card");
      assert.equal(await page.locator("#customer-table thead th.migrate-by").isVisible(), false, "no column headers over cards");
      const label = await row.locator("td.num").first().evaluate((td) => getComputedStyle(td, "::before").content);
      assert.match(label, lang === "en" ? /Migrate by/ : /移轉期限/, "each value says what it is");
      for (const h of await heights(page.locator("#customer-table .customer-link, #customer-table .select-box"))) {
        assert.ok(h >= 44, `a card's tap target is ${h} px tall`);
      }
      // The chart labels fewer months, in type as large as the page's.
      const ticks = page.locator("#timeline-chart .tick");
      const shown = await ticks.evaluateAll((ts) => ts.filter((e) => getComputedStyle(e).display !== "none").length);
      assert.ok(shown >= 2, `${shown} month labels shown`);
      // A label at an end of the axis is drawn once per screen size; the phone's is measured.
      const tickSize = await ticks.evaluateAll((ts) => ts.find((e) => getComputedStyle(e).display !== "none").getBoundingClientRect().height);
      assert.ok(tickSize >= 12, `a month label is ${tickSize} px tall`);
      const cut = await page.locator("#timeline-chart").evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll(".tick")]
          .filter((e) => getComputedStyle(e).display !== "none")
          .filter((e) => { const r = e.getBoundingClientRect(); return r.left < box.left - 0.5 || r.right > box.right + 0.5; })
          .map((e) => e.textContent);
      });
      assert.deepEqual(cut, [], "no month label is cut at either end of the axis");
      await shot(page, `${name}-overview`);

      await openCustomer(page);
      await noSidewaysScroll(page, "customer");
      for (const h of await heights(page.locator(".checklist-item .step-title, .customer-view .actions .button"))) {
        assert.ok(h >= 44, `a tap target on the customer's page is ${h} px tall`);
      }
      // A thumb on the box, or just beside it, ticks the step.
      const box = page.locator(".checklist-item input[type=checkbox]").first();
      await box.scrollIntoViewIfNeeded();
      const b = await box.boundingBox();
      await page.mouse.click(b.x + b.width / 2 - 8, b.y + b.height + 6);
      assert.equal(await box.isChecked(), true, "a tap just below the box ticks it");
      await shot(page, `${name}-customer`);

      await page.locator("#share-link").click();
      const link = await page.locator("#share-url").inputValue();
      await noSidewaysScroll(page, "customer with its share link");
      const shared = await app.browser.newContext({ viewport: PHONE, colorScheme: scheme, locale: lang === "en" ? "en-US" : "zh-TW" });
      const sp = await shared.newPage();
      await sp.goto(link);
      await sp.locator("#customer-name").waitFor();
      await noSidewaysScroll(sp, "shared customer page");
      await shot(sp, `${name}-shared`);
      await shared.close();
      await done(t);
    });
  }
}

for (const width of [768, 1280]) {
  for (const lang of ["en", "zh"]) {
    const layout = width < 1000 ? "cards two abreast" : "a table";
    test(`at ${width} px (${lang}) the customers are ${layout} and nothing scrolls sideways`, async () => {
      for (const scheme of ["light", "dark"]) {
        const t = await open({ width, height: 900 }, scheme, lang);
        const { page } = t;
        await loadSample(page);
        await noSidewaysScroll(page, "overview");
        const row = page.locator("#customer-table tbody tr", { hasText: CUSTOMER });
        assert.equal(await row.evaluate((r) => getComputedStyle(r).display), width < 1000 ? "grid" : "table-row");
        if (width < 1000) {
          const columns = await page.locator("#customer-table tbody").evaluate((b) => getComputedStyle(b).gridTemplateColumns.split(" ").length);
          assert.equal(columns, 2, "two cards abreast");
        }
        await shot(page, `w${width}-${lang}-${scheme}-overview`);
        await openCustomer(page);
        await noSidewaysScroll(page, "customer");
        await shot(page, `w${width}-${lang}-${scheme}-customer`);
        await done(t);
      }
    });
  }
}

test("a customer's page opened on a phone prints as on a desktop", async () => {
  const t = await open(PHONE, "light", "en");
  const { page } = t;
  await loadSample(page);
  await openCustomer(page);
  await page.emulateMedia({ media: "print" });
  const pdf = `${SCREENS}/phone-customer.pdf`;
  await page.pdf({ path: pdf, format: "A4" });
  const text = execFileSync("pdftotext", [pdf, "-"]).toString().replace(/\s+/g, " ");
  assert.ok(text.includes(CUSTOMER), "the customer's name");
  assert.match(text, /Migration checklist/);
  assert.doesNotMatch(text, /Create and copy link/, "no screen controls");
  // The print layout is the same however wide the screen was.
  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = execFileSync("pdftotext", ["-", "-"], { input: await page.pdf({ format: "A4" }) }).toString().replace(/\s+/g, " ");
  assert.equal(text, wide);
  await page.emulateMedia({ media: "screen" });
  await done(t);
});
