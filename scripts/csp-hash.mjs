// Trunk post-build hook: put the SHA-256 of every inline <script> of the
// built page into its Content-Security-Policy meta tag. Trunk injects its
// wasm loader as an inline module script whose text changes with the file
// hashes, so the hash has to be computed after each build.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR || "dist";
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
const hashes = [];
for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
  if (m[1].trim() === "") continue;
  const digest = createHash("sha256").update(m[1], "utf8").digest("base64");
  hashes.push(`'sha256-${digest}'`);
}
if (!html.includes("CSP_INLINE_SCRIPT_HASHES")) {
  console.error("csp-hash: placeholder CSP_INLINE_SCRIPT_HASHES not found in", file);
  process.exit(1);
}
html = html.replace("CSP_INLINE_SCRIPT_HASHES", hashes.join(" "));
writeFileSync(file, html);
console.log(`csp-hash: ${hashes.length} inline script hash(es) written to ${file}`);
