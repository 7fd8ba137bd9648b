// The benches' app: like tests/e2e/harness.mjs's startApp (the same server
// and Chromium flags), but for any build directory, and with Chromium's
// precise memory figures on.
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve-dist.mjs";
import { CHROMIUM_ARGS } from "../e2e/harness.mjs";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(p)) return p;
  return execFileSync("which", ["chromium"]).toString().trim();
}

export async function startApp(root = "dist") {
  const server = await startServer({ root, port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, "--enable-precise-memory-info"],
  });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}
