// Trunk post-build hook.
//  1. Keep the page's Content-Security-Policy strict while allowing the loader script Trunk
//     inlines, by adding that script's exact sha256 to script-src.
//  2. Write yusuan-offline.html: one self-contained file (JS, CSS and base64 wasm inlined) that
//     works when saved to disk and opened from file:// with no network.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('postbuild: TRUNK_STAGING_DIR is not set');
const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const indexFile = path.join(dir, 'index.html');
const original = await readFile(indexFile, 'utf8');
if (!original.includes("script-src 'self'")) throw new Error('postbuild: CSP meta with script-src not found');
const inline = [...original.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
await writeFile(indexFile, original.replace("script-src 'self'", ["script-src 'self'", ...inline.map(sha)].join(' ')));
console.log(`postbuild: CSP allows ${inline.length} inline script(s) by hash`);

// The single-file build.
const files = await readdir(dir);
const pick = (re) => {
  const f = files.find((x) => re.test(x));
  if (!f) throw new Error(`postbuild: no file matching ${re}`);
  return path.join(dir, f);
};
const js = (await readFile(pick(/^yusuan-web-.*\.js$/), 'utf8')).replace(/^export \{[^}]*\};?\s*$/m, '');
const wasm = (await readFile(pick(/^yusuan-web-.*_bg\.wasm$/))).toString('base64');
const css = await readFile(pick(/^style-.*\.css$/), 'utf8');
const loader = `${js}
const wasmBytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: wasmBytes });
`;
// The checker module (written to check/ by scripts/modules.sh): its glue as an inline script
// that only defines the global `yusuanCheck` (the page's worker takes the script's text as its
// own first part), its wasm in base64 as data, compiled once the page is shown.
const checkDir = path.join(dir, 'check');
const checkGlue = await readFile(path.join(checkDir, 'yusuan_check_web.js'), 'utf8');
if (checkGlue.includes('</script')) throw new Error('postbuild: the checker glue would end its script tag');
const checkWasm = (await readFile(path.join(checkDir, 'yusuan_check_web_bg.wasm'))).toString('base64');
let html = original
  .replace(/<script type="module">[\s\S]*?<\/script>/, '')
  .replace(/<link rel="(modulepreload|preload|stylesheet)"[^>]*>/g, '')
  .replace(/script-src 'self'/, `script-src ${sha(loader)} ${sha(checkGlue)}`)
  .replace(/style-src 'self'/, `style-src ${sha(css)}`)
  .replace(/connect-src 'self'/, "connect-src 'none'");
html = html.replace('</head>', () => `<style>${css}</style>\n<script type="module">${loader}</script>\n</head>`);
html = html.replace('</body>', () => `<script id="yusuan-check-glue">${checkGlue}</script>\n<script type="application/octet-stream" id="yusuan-check-wasm">${checkWasm}</script>\n</body>`);
// The PDF module too (written to pdf/ by scripts/modules.sh), as data the page hands to the
// worker it starts when a PDF arrives: its glue code as text, its wasm in base64. Neither runs
// on load.
const pdfDir = path.join(dir, 'pdf');
const pdfGlue = await readFile(path.join(pdfDir, 'yusuan_pdf_web.js'), 'utf8').catch(() => null);
if (pdfGlue !== null) {
  if (pdfGlue.includes('</script')) throw new Error('postbuild: the PDF glue would end its script tag');
  const pdfWasm = (await readFile(path.join(pdfDir, 'yusuan_pdf_web_bg.wasm'))).toString('base64');
  const tags = `<script type="text/plain" id="yusuan-pdf-glue">${pdfGlue}</script>\n<script type="application/octet-stream" id="yusuan-pdf-wasm">${pdfWasm}</script>\n</body>`;
  html = html.replace('</body>', () => tags);
}
await writeFile(path.join(dir, 'yusuan-offline.html'), html);
console.log(`postbuild: yusuan-offline.html ${(html.length / 1024).toFixed(0)} KiB`);
