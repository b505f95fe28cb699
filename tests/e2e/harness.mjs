// Shared harness for the browser tests: a static server for dist/ on 127.0.0.1 and Debian's
// Chromium driven by playwright-core. Every request that leaves 127.0.0.1 is recorded.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.txt': 'text/plain; charset=utf-8' };

export async function serveDist() {
  // DIST: another build to serve (the benchmark compares builds).
  const dist = process.env.DIST ? path.resolve(process.env.DIST) : path.join(root, 'dist');
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const file = path.join(dist, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
    if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch { res.writeHead(404).end(); }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
}

/** Opens the page, recording requests to anything but the page's own origin. */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const external = [];
  const errors = [];
  // Object URLs (blob:) are the page's own downloads, not network requests.
  page.on('request', (r) => { if (!r.url().startsWith(url) && !/^(data|blob):/.test(r.url())) external.push(r.url()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, external, errors };
}

export async function fixture(prefix) {
  const { readdir } = await import('node:fs/promises');
  const dir = path.join(root, 'tests/fixtures');
  const name = (await readdir(dir)).find((f) => f.startsWith(prefix));
  return readFile(path.join(dir, name), 'utf8');
}

/** Puts text into the paste area the way a paste does: one value change, one input event. */
export async function pasteText(page, text) {
  await page.getByTestId('input').evaluate((el, t) => {
    el.value = t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}
