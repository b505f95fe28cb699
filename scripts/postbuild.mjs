// Trunk post-build hook: keep the page's Content-Security-Policy strict while allowing the
// loader script Trunk inlines, by adding that script's exact sha256 to script-src.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('postbuild: TRUNK_STAGING_DIR is not set');
const file = path.join(dir, 'index.html');
let html = await readFile(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
if (!html.includes("script-src 'self'")) throw new Error('postbuild: CSP meta with script-src not found');
html = html.replace("script-src 'self'", ["script-src 'self'", ...hashes].join(' '));
await writeFile(file, html);
console.log(`postbuild: CSP allows ${hashes.length} inline script(s) by hash`);
