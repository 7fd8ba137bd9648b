// Serves the release build in dist/ on 127.0.0.1 with the same
// Content-Security-Policy the page carries, sent as a header too (a header
// also covers what a meta tag cannot, like frame-ancestors). No dependencies:
// the end-to-end tests use the same server.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  // The rules document: shown as text (text/markdown would be downloaded).
  ".md": "text/plain; charset=utf-8",
};

export async function cspOf(root) {
  const html = await readFile(join(root, "index.html"), "utf8");
  const tag = [...html.matchAll(/<meta\b[^>]*>/g)].map((m) => m[0])
    .find((t) => /http-equiv=["']?Content-Security-Policy/i.test(t));
  const m = tag && tag.match(/content=(?:"([^"]*)"|'([^']*)')/);
  if (!m) throw new Error("dist/index.html has no Content-Security-Policy meta tag");
  return `${m[1] ?? m[2]}; frame-ancestors 'none'`;
}

export async function startServer({ root = "dist", port = 8080, host = "127.0.0.1" } = {}) {
  root = resolve(root);
  const csp = await cspOf(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
      let file = join(root, path);
      if (!file.startsWith(root)) throw new Error("outside root");
      let info = await stat(file).catch(() => null);
      if (info && info.isDirectory()) {
        file = join(file, "index.html");
        info = await stat(file).catch(() => null);
      }
      if (!info) {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found");
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        "content-security-policy": csp,
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "cache-control": "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(400, { "content-type": "text/plain" });
      res.end("bad request");
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : 8080;
  const server = await startServer({ port });
  const { port: p } = server.address();
  console.log(`Kaizala Migration Planner: http://127.0.0.1:${p}/  (Ctrl+C to stop)`);
}
