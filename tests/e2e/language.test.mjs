// The language sweep (issue 19): in a zh-TW browser every view speaks
// Traditional Chinese, in an en-US browser every view speaks English.
// One scenario imports each kind of file (every subscription format, a
// file with rejected rows, an .xlsx, an image, an empty file, a header-only
// file, a file that needs the mapping step, a users export) and visits
// every view (start, overview, customer, mapping, errors, print preview,
// share view, settings), collecting the visible text of each. In zh-TW an
// ASCII word of three letters or more fails unless it is data from the
// files loaded at the time or on the allowlist below; in en a CJK character
// fails unless it is data.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { startApp, openPage, foreignRequests } from "./harness.mjs";

// Product and brand names, file formats and standards that Taiwanese
// partners read in English too (Microsoft's own zh-TW pages keep them).
const ALLOW = new Set([
  "Kaizala", "Microsoft", "Office", "Pro", "Business", "Basic", "Standard", "Premium",
  "Enterprise", "Frontline", "Teams", "Entra", "Exchange", "Online",
  "CSV", "JSON", "Markdown", "HTML", "ICS", "ics", "PowerShell", "API", "CIPP",
  "UTC", "BOM", "UTF", "Big", "SKU", "MPN", "UPN", "PDF", "Excel", "Windows", "Graph",
  // File name extensions, a key and a Microsoft Graph property named in a
  // hint, the way they are typed.
  "csv", "txt", "tsv", "xlsx", "Ctrl", "skuId", "Apply",
  // File types named in the errors that refuse them.
  "zip", "PNG", "JPEG", "GIF", "WebP",
  // The language switch offers English by its own name.
  "English",
]);

// Microsoft's plan names with English words in them, as Microsoft's zh-TW
// pages keep them; removed whole before the words are checked.
const PRODUCT_NAMES = [/(Office|Microsoft) 365 A\d( Plus)? for (faculty|students)/gi];



// Values a file holds that the planner is expected to put in words of its
// own (statuses, yes/no, billing), so they never count as data.
const VALUE_WORDS = new Set([
  "Active", "active", "Suspended", "suspended", "Deleted", "deleted", "Expired", "expired",
  "Enabled", "Disabled", "Warning", "True", "False", "true", "false", "Yes", "yes",
  "Monthly", "Annual", "Yearly", "Paid", "Trial", "None", "none",
]);

// The zh-TW option of the language switch, written in its own language.
const CJK_ALLOW = ["繁體中文"];

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+/g;
const WORD = /[A-Za-z]{3,}/g;

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const DIR = mkdtempSync(join(tmpdir(), "kmp-lang-"));
function tempFile(name, bytes) {
  const path = join(DIR, name);
  writeFileSync(path, bytes);
  return path;
}

// The files of the sweep, with the text they hold as the app decodes it.
function fixture(path, encoding = "utf-8") {
  return { path, name: basename(path), text: new TextDecoder(encoding).decode(readFileSync(path)) };
}
// One file per subscription format, and the generic layouts.
const FORMATS = [
  "tests/fixtures/recon_legacy.csv",
  "tests/fixtures/powershell_enus.csv",
  "tests/fixtures/rest_api.csv",
  "tests/fixtures/bam_subscriptions.csv",
  "tests/fixtures/pc_subscriptions_export.csv",
  "tests/fixtures/o365reports.csv",
  "tests/fixtures/cipp.csv",
  "tests/fixtures/zh_tw.csv",
  "tests/fixtures/excel_semicolon.csv",
].map((p) => fixture(p));
const WIN1252 = fixture("tests/fixtures/windows1252.csv", "windows-1252");
const BAD_ROWS = fixture("tests/fixtures/bad_rows.csv");
const NEEDS_MAPPING = fixture("tests/fixtures/e2e/needs_mapping.csv");
const SAMPLE = fixture("static/sample-export.csv");
const USERS = fixture("tests/fixtures/e2e/contoso_users.csv");

// An .xlsx is a zip: its first bytes are enough for the planner to say
// what to do instead.
const XLSX = { name: "subscriptions.xlsx", text: "", bytes: Buffer.concat([Buffer.from("PK\x03\x04\x14\x00\x06\x00", "latin1"), Buffer.from("[Content_Types].xml"), Buffer.alloc(64)]) };
const PNG = { name: "screenshot.png", text: "", bytes: Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex") };
const EMPTY = { name: "empty.csv", text: "", bytes: Buffer.alloc(0) };
const HEADER_ONLY = { name: "header_only.csv", text: "Customer,Subscription ID,Offer,Seats,End Date\r\n" };
HEADER_ONLY.bytes = Buffer.from(HEADER_ONLY.text);

function pathOf(file) {
  return file.path ?? tempFile(file.name, file.bytes);
}

// Everything a reader sees on the page now: the text, the title, and what
// hides in closed sections, selects and empty fields.
async function visibleText(page) {
  return page.evaluate(() => {
    // Closed sections are opened for the reading and closed again: an open
    // one (the partner's details) would lie over the page.
    const closed = [...document.querySelectorAll("details")].filter((d) => !d.open);
    for (const d of closed) d.open = true;
    const description = document.querySelector("meta[name=description]")?.getAttribute("content") ?? "";
    const parts = [document.title, description, document.body.innerText];
    // Identifiers (SKU part numbers, ids) are shown as code: never words.
    const code = [...document.querySelectorAll("code")].map((c) => c.textContent);
    for (const el of document.querySelectorAll("[placeholder]")) parts.push(el.getAttribute("placeholder"));
    for (const el of document.querySelectorAll("option")) parts.push(el.textContent);
    for (const d of closed) d.open = false;
    return { text: parts.join("\n"), code };
  });
}

// Walks every view in the given locale; returns [{ view, text, data }],
// `data` being the texts of the files loaded when the view was shown.
async function sweep(locale, timezoneId) {
  // A clock other than UTC's, so the steps say when a service stops on it.
  const t = await openPage(app, { locale, context: { timezoneId } });
  const page = t.page;
  const seen = [];
  let loaded = [];
  const look = async (view) => {
    await page.waitForTimeout(50);
    seen.push({ view, ...(await visibleText(page)), data: [...loaded] });
  };
  const choose = async (file) => {
    loaded = [file];
    await page.locator("#file-input").setInputFiles(pathOf(file));
  };
  const startOver = async () => {
    await page.locator("#start-over").click();
    await page.locator("#forget-yes").click();
    await page.locator("#try-sample").waitFor();
    loaded = [];
  };
  const openFirstCustomer = async (label) => {
    await page.locator(".customer-link").first().click();
    await page.locator("#customer-name").waitFor();
    await look(`customer (${label})`);
  };

  await page.locator("#try-sample").waitFor();
  await look("start");

  // Where an import ends: a plan, the mapping step or an error.
  const arrival = async () => {
    await page.locator("#customers-title, .mapping, section.panel.error").first().waitFor();
    if (await page.locator("#use-latest-as-of").count()) {
      // An old export, planned as of today, has ended: the notice offers
      // the last day it can be planned for.
      await look("overview (older export)");
      await page.locator("#use-latest-as-of").click();
      await page.locator("#customer-table").waitFor();
    }
    if (await page.locator("#customers-title").count()) return "plan";
    return (await page.locator(".mapping").count()) ? "mapping" : "error";
  };
  for (const file of [...FORMATS, WIN1252]) {
    await choose(file);
    const kind = await arrival();
    if (kind === "plan") {
      await look(`overview (${file.name})`);
      // A file whose customers the export does not name has no table.
      if (await page.locator(".customer-link").count()) await openFirstCustomer(file.name);
      await startOver();
    } else if (kind === "mapping") {
      // A file without customers asks whose they are.
      await look(`mapping (${file.name})`);
      await page.locator(".mapping button[type=button]").first().click();
      await page.locator("#try-sample").waitFor();
    } else {
      await look(`errors (${file.name})`);
    }
  }

  // Rejected rows: the report's list of errors.
  await choose(BAD_ROWS);
  assert.equal(await arrival(), "plan");
  await look("errors (bad_rows.csv)");
  await startOver();

  // Files that cannot be read.
  for (const file of [XLSX, PNG, EMPTY, HEADER_ONLY]) {
    await choose(file);
    await page.locator("section.panel.error").waitFor();
    await look(`errors (${file.name})`);
  }

  // The mapping step, first as offered, then with its problems shown.
  await choose(NEEDS_MAPPING);
  await page.locator(".mapping").waitFor();
  await look("mapping");
  await page.locator(".mapping button[type=submit], .mapping button.primary").first().click();
  await page.locator(".mapping .problems").first().waitFor();
  await look("mapping (problems)");
  await page.locator("#map-subscriptionid").selectOption("Ref");
  await page.locator("#map-offer").selectOption("Product line");
  await page.locator("#map-seats").selectOption("Licences");
  await page.locator("#map-enddate").selectOption("Valid until");
  await page.locator(".mapping button[type=submit], .mapping button.primary").first().click();
  assert.equal(await arrival(), "plan");
  await look("overview (needs_mapping.csv)");
  await startOver();

  // The sample, then a users export: the workspace, settings, printing,
  // sharing.
  await page.locator("#try-sample").click();
  loaded = [SAMPLE];
  await page.locator("#customer-table").waitFor();
  await page.locator("#add-file").setInputFiles(tempFile("Contoso users.csv", readFileSync(USERS.path)));
  loaded = [SAMPLE, { ...USERS, name: "Contoso users.csv" }];
  await page.locator("#arrival").waitFor();
  await page.locator("#partner-settings-toggle").click();
  await look("overview and partner settings (sample + users)");
  await page.locator("#partner-settings-toggle").click();

  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  for (const id of ["print-checklists", "print-overview"]) {
    await page.locator(`#${id}`).click();
    await page.locator("#print-area").waitFor({ state: "attached" });
    await page.emulateMedia({ media: "print" });
    await look(`print preview (${id})`);
    await page.emulateMedia({ media: "screen" });
  }

  await page.getByRole("button", { name: "Contoso Taiwan Ltd." }).first().click();
  await page.locator("#customer-name").waitFor();
  await look("customer and customer settings (Contoso, with users)");
  await page.locator("#print-customer").click();
  await page.emulateMedia({ media: "print" });
  await look("print preview (print-customer)");
  await page.emulateMedia({ media: "screen" });

  await page.locator("#share-link").click();
  const link = await page.locator("#share-url").inputValue();
  await look("customer (share link made)");
  const shared = await t.context.newPage();
  await shared.goto(link);
  await shared.locator("#customer-name").waitFor();
  seen.push({ view: "share view", ...(await visibleText(shared)), data: [...loaded] });
  await shared.close();

  assert.deepEqual(t.errors, [], "console errors");
  assert.deepEqual(foreignRequests(t.requests, app.origin), [], "requests that left the origin");
  await t.context.close();
  return seen;
}

function dataWords(files) {
  const words = new Set();
  for (const f of files) {
    for (const w of (f.text + "\n" + f.name).match(WORD) ?? []) if (!VALUE_WORDS.has(w)) words.add(w);
  }
  return words;
}

// "word  on view, view: …the line it is in…" for every word that should
// not be there.
function report(found) {
  const byWord = new Map();
  for (const [word, view, line] of found) {
    if (!byWord.has(word)) byWord.set(word, { views: new Set(), line });
    byWord.get(word).views.add(view);
  }
  return [...byWord].map(([w, { views, line }]) => {
    const shown = [...views];
    const more = shown.length > 3 ? ` and ${shown.length - 3} more` : "";
    return `${w}  on ${shown.slice(0, 3).join("; ")}${more}: "${line.trim().slice(0, 160)}"`;
  });
}

const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

test("zh-TW: no English word on any view apart from data and names", async () => {
  const seen = await sweep("zh-TW", "Asia/Taipei");
  assert.ok(seen.length >= 30, `${seen.length} views seen`);
  // The page's title and description are the chosen language's too, and
  // a step due on a last day of service says when that is in Taiwan.
  for (const { view, text } of seen) assert.ok(text.startsWith("Kaizala 移轉規劃工具\n"), `${view}: the title`);
  assert.ok(seen.some(({ text }) => text.includes("台灣時間")), "a stop time on Taiwan's clock");
  const found = [];
  for (const { view, text, code, data } of seen) {
    assert.match(text, /[\u4e00-\u9fff]/, `${view} is in Chinese at all`);
    const allowed = dataWords(data);
    for (const c of code) for (const w of c.match(WORD) ?? []) allowed.add(w);
    for (const line of text.split("\n")) {
      let plain = line.replace(GUID, " ");
      for (const name of PRODUCT_NAMES) plain = plain.replace(name, " ");
      for (const w of plain.match(WORD) ?? []) {
        if (!ALLOW.has(w) && !allowed.has(w)) found.push([w, view, line]);
      }
    }
  }
  assert.deepEqual(report(found), []);
});

test("en: no Chinese on any view apart from data", async () => {
  const seen = await sweep("en-US", "America/New_York");
  const found = [];
  for (const { view, text, data } of seen) {
    for (const line of text.split("\n")) {
      for (const run of line.match(CJK) ?? []) {
        if (CJK_ALLOW.includes(run) || data.some((f) => f.text.includes(run))) continue;
        found.push([run, view, line]);
      }
    }
  }
  assert.deepEqual(report(found), []);
});
