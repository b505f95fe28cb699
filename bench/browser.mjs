// Browser benchmark (prints figures; asserts nothing): bundle size, time from page load to the
// first result for each seed, and the check time per seed measured inside Chromium.
//   make bench-browser   (after make page)
import { readdir, readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { serveDist, launch, fixture, root } from '../tests/e2e/harness.mjs';

const dist = path.join(root, 'dist');
const files = await readdir(dist);
const size = async (re) => {
  const f = files.find((x) => re.test(x));
  const buf = await readFile(path.join(dist, f));
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};
const wasm = await size(/_bg\.wasm$/);
const js = await size(/^yusuan-web-.*\.js$/);
const offline = (await stat(path.join(dist, 'yusuan-offline.html'))).size;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`bundle: wasm ${kb(wasm.raw)} (gzip ${kb(wasm.gzip)}), js ${kb(js.raw)} (gzip ${kb(js.gzip)}), total gzip ${kb(wasm.gzip + js.gzip)}; single file ${kb(offline)}`);

const srv = await serveDist();
const browser = await launch();
for (const seed of ['000', '001', '002', '003', '004']) {
  const text = await fixture(seed);
  const page = await browser.newPage();
  const t0 = Date.now();
  await page.goto(srv.url);
  await page.waitForFunction(() => window.yusuan !== undefined);
  await page.getByTestId('input').evaluate((el, t) => { el.value = t; el.dispatchEvent(new Event('input', { bubbles: true })); }, text);
  await page.getByTestId('summary').waitFor();
  const firstResult = Date.now() - t0;
  // Check time inside the page: the same core through window.yusuan.check, median of 21 runs.
  const ms = await page.evaluate((t) => {
    const times = [];
    for (let i = 0; i < 21; i++) {
      const a = performance.now();
      window.yusuan.check(t);
      times.push(performance.now() - a);
    }
    times.sort((x, y) => x - y);
    return times[10];
  }, text);
  console.log(`seed ${seed}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB, load → first result ${firstResult} ms, check ${ms.toFixed(1)} ms (median of 21, includes building the JS report object)`);
  await page.close();
}
await browser.close();
srv.server.close();
