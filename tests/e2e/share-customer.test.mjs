// End-to-end: the page a customer opens. The partner enters their details
// once in the header's panel (kept in this browser, restored on reload),
// ticks a step, makes a share link; the link, opened in a fresh browser
// with no storage, shows the partner's name, text written for the
// customer, and the step done with its day, with the partner's details
// folded away. The downloaded HTML page says the same.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { startApp, openPage, foreignRequests } from "./harness.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const PARTNER = "Adatum Cloud Partners";
const CONTACT = "help@adatum.example";

// The browser's today as the customer's page writes it.
function today(page, lang) {
  return page.evaluate((lang) => {
    const d = new Date();
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    return lang === "en"
      ? `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}`
      : `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
  }, lang);
}

async function openShared(link, locale) {
  const context = await app.browser.newContext({ locale });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  context.on("request", (r) => requests.push(r.url()));
  await page.goto(link);
  await page.locator("#customer-name").waitFor();
  return { page, context, errors, requests };
}

test("a share link carries the partner, speaks to the customer and shows what is done", async () => {
  const t = await openPage(app, { context: { permissions: ["clipboard-read", "clipboard-write"] } });
  const { page } = t;

  // The partner's details, entered once in the header's panel.
  await page.locator("#partner-settings-toggle").click();
  await page.getByLabel("Your name or company").fill(PARTNER);
  await page.getByLabel("How customers reach you (e-mail, phone)").fill(CONTACT);
  await page.locator("#partner-save").click();
  await page.getByText("Saved in this browser.").waitFor();
  assert.match(await page.locator("#partner-settings-toggle").textContent(), new RegExp(PARTNER));

  // Kept in this browser: a reload restores them.
  await page.reload();
  await page.locator("#partner-settings-toggle").click();
  assert.equal(await page.locator("#partner-name").inputValue(), PARTNER);
  assert.equal(await page.locator("#partner-contact").inputValue(), CONTACT);
  await page.locator("#partner-settings-toggle").click();

  // A customer of the sample; step A ticked today.
  await page.locator("#try-sample").click();
  await page.locator("#customer-table").waitFor();
  await page.getByRole("button", { name: "Northwind Traders" }).click();
  await page.locator("#customer-name").waitFor();
  const first = page.locator(".checklist input[type=checkbox]").first();
  await first.check();
  assert.equal(await first.isChecked(), true);

  await page.locator("#share-link").click();
  const link = await page.locator("#share-url").inputValue();
  assert.ok(link.startsWith(app.origin + "/#share=v1."), link);

  // The customer's page as a download says the same.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-customer-html").click()]);
  const html = readFileSync(await download.path(), "utf8");
  const todayEn = await today(page, "en");
  assert.ok(html.includes(`Prepared by ${PARTNER} · ${CONTACT}`), "the partner heads the page");
  assert.ok(html.includes(`Done on ${todayEn}`), "step A is done today");
  assert.ok(html.includes("<summary>For your partner</summary>"));
  assert.ok(html.includes("UTC (Coordinated Universal Time)"));

  // A fresh browser: no storage, nothing but the link.
  const fresh = await openShared(link, "en-US");
  const sp = fresh.page;
  assert.equal((await sp.locator("#customer-name").textContent()).trim(), "Northwind Traders");
  assert.equal((await sp.locator("#prepared-by").textContent()).trim(), `Prepared by ${PARTNER} · ${CONTACT}`);
  assert.equal(await sp.locator("#partner-settings").count(), 0, "a customer has no partner panel");
  const intro = await sp.locator("#page-intro").textContent();
  assert.match(intro, /So that your users keep Kaizala, they move to /);
  assert.match(await sp.locator("#page-changes").textContent(), /By \d+ \w+ \d{4}, the Kaizala license of your \d+ Kaizala Pro users moves to /);
  const todo = await sp.locator("#page-todo").textContent();
  assert.match(todo, /They need to do nothing\./);
  assert.match(todo, new RegExp(`Ask ${PARTNER}\\.`));
  assert.match(await sp.locator("#page-costs").textContent(), /A license of .+ for \d+ users from \d+ \w+ \d{4}\./);
  const doneStep = sp.locator("#page-steps li.done");
  assert.equal(await doneStep.count(), 1);
  assert.match(await doneStep.textContent(), new RegExp(`Done on ${todayEn}`));
  assert.match(await sp.locator("#page-steps li.todo").first().textContent(), /Planned by \d+ \w+ \d{4}/);
  assert.match(await sp.locator("#page-utc").textContent(), /UTC \(Coordinated Universal Time\)/);

  // Partner Center paths and license ids are folded away for the partner.
  const details = sp.locator("#for-partner");
  assert.equal(await details.evaluate((d) => d.open), false, "collapsed");
  const customerText = await sp.locator(".shared-view").evaluate((root) => {
    const copy = root.cloneNode(true);
    copy.querySelector("#for-partner").remove();
    return copy.textContent;
  });
  assert.ok(!customerText.includes("Partner Center"), customerText);
  await details.locator("summary").click();
  assert.match(await details.textContent(), /in Partner Center go to Customers/);
  assert.match(await details.textContent(), /License SKU id: [0-9a-f]{8}-[0-9a-f-]{27}/, "the GUID is labelled as the license's SKU id");
  assert.equal(await details.locator(".checklist input:checked").count(), 1, "the done step is ticked in the partner's list");
  assert.equal(await sp.locator(".checklist input:not([disabled])").count(), 0, "read-only");
  assert.deepEqual(fresh.errors, [], "console errors in the shared view");
  assert.deepEqual(foreignRequests(fresh.requests, app.origin), []);
  assert.ok(fresh.requests.every((u) => !u.includes("share=")), "the fragment never reaches the server");
  await fresh.context.close();

  // The same link read in Traditional Chinese.
  const zh = await openShared(link, "zh-TW");
  assert.equal((await zh.page.locator("#prepared-by").textContent()).trim(), `製作：${PARTNER} · ${CONTACT}`);
  assert.match(await zh.page.locator("#page-steps li.done").textContent(), new RegExp(`已於 ${await today(zh.page, "zh")}完成`));
  assert.match(await zh.page.locator("#page-todo").textContent(), /使用者不需要做任何事/);
  assert.deepEqual(zh.errors, []);
  await zh.context.close();

  assert.deepEqual(t.errors, [], "console errors");
  assert.deepEqual(foreignRequests(t.requests, app.origin), []);
  await t.context.close();
});
