// Developer aid: screenshots of the release build for a look before calling
// a UI done. Usage: node scripts/screenshot.mjs OUT_DIR [scenario ...]
// Scenarios: start, sample, sample-zh, dark, mobile. Needs dist/ built.
import { mkdirSync } from "node:fs";
import { startApp, openPage } from "../tests/e2e/harness.mjs";

const [out = "/tmp/shots", ...wanted] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const app = await startApp();
const scenarios = {
  start: {},
  sample: { sample: true },
  "sample-zh": { sample: true, locale: "zh-TW" },
  dark: { sample: true, context: { colorScheme: "dark" } },
  mobile: { sample: true, context: { viewport: { width: 390, height: 844 } } },
};
for (const [name, s] of Object.entries(scenarios)) {
  if (wanted.length && !wanted.includes(name)) continue;
  const { page, context, errors } = await openPage(app, { locale: s.locale || "en-US", context: { viewport: { width: 1280, height: 900 }, ...(s.context || {}) } });
  await page.locator("h1").waitFor();
  if (s.sample) {
    await page.locator("#try-sample").click();
    await page.waitForTimeout(800);
  }
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  if (errors.length) console.log(name, "console errors:", errors);
  await context.close();
}
await app.close();
console.log("screenshots in", out);
