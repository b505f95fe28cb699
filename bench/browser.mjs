// Browser benchmark (prints figures; asserts nothing): bundle size, time from page load to the
// first result for each seed, the check time per seed measured inside Chromium, the re-check
// after a one-character edit of a 1 MB paste (typed: from the end of the typing pause to the
// changed finding on screen), and a 10 MB paste (time to the last unit, the longest frame, the
// JS heap).
//   make bench-browser                 (after make page)
//   DIST=/path/to/dist node bench/browser.mjs   another build, to compare
import { readdir, readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { serveDist, launch, fixture, root } from '../tests/e2e/harness.mjs';

const dist = process.env.DIST ? path.resolve(process.env.DIST) : path.join(root, 'dist');
const files = await readdir(dist);
const sizeOf = async (file) => {
  const buf = await readFile(path.join(dist, file));
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};
const size = (re) => sizeOf(files.find((x) => re.test(x)));
const sum = (parts) => parts.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const show = (s) => `${kb(s.raw)} (gzip ${kb(s.gzip)})`;
// The first load: what the page needs to show itself. The checker module is fetched right
// after (crates/web/src/worker.rs); the PDF module only when a PDF arrives.
const wasm = await size(/^yusuan-web-.*_bg\.wasm$/);
const js = await size(/^yusuan-web-.*\.js$/);
const first = sum([wasm, js, await sizeOf('index.html'), await size(/^style-.*\.css$/)]);
const checker = sum([await sizeOf('check/yusuan_check_web_bg.wasm'), await sizeOf('check/yusuan_check_web.js')]);
const pdf = sum([await sizeOf('pdf/yusuan_pdf_web_bg.wasm'), await sizeOf('pdf/yusuan_pdf_web.js')]);
const offline = (await stat(path.join(dist, 'yusuan-offline.html'))).size;
console.log(`first load: ${show(first)} — wasm ${show(wasm)}, js ${show(js)}, html and css`);
console.log(`checker module (fetched after the page shows): ${show(checker)}; PDF module (on a PDF): ${show(pdf)}; single file ${kb(offline)}`);

/** A paste as the browser delivers it (checked at once, no typing pause). */
async function paste(page, text) {
  await page.getByTestId('input').evaluate((el, t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    if (el.dispatchEvent(ev)) { el.value = t; el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' })); }
  }, text);
}

const srv = await serveDist();
const browser = await launch();
for (const seed of ['000', '001', '002', '003', '004']) {
  const text = await fixture(seed);
  const page = await browser.newPage();
  const t0 = Date.now();
  await page.goto(srv.url);
  await page.waitForFunction(() => window.yusuan !== undefined);
  await paste(page, text);
  await page.locator('[data-testid=results][data-state=done]').waitFor();
  const firstResult = Date.now() - t0;
  // Check time inside the page: the same core through window.yusuan.check (the checker module
  // started on the page's thread by a first call, not timed), median of 21 runs.
  const ms = await page.evaluate(async (t) => {
    await window.yusuan.check('');
    const times = [];
    for (let i = 0; i < 21; i++) {
      const a = performance.now();
      await window.yusuan.check(t);
      times.push(performance.now() - a);
    }
    times.sort((x, y) => x - y);
    return times[10];
  }, text);
  console.log(`seed ${seed}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB, load → first result ${firstResult} ms, check ${ms.toFixed(1)} ms (median of 21, includes building the JS report object)`);
  await page.close();
}

// Large pastes: all seeds repeated to 1 MB and to 10 MB.
const all = (await Promise.all(['000', '001', '002', '003', '004'].map(fixture))).join('\n');
const repeated = (bytes) => { let t = ''; while (Buffer.byteLength(t) < bytes) t += all + '\n'; return t; };
{
  // 1 MB of disclosures (about 20 units) in the text area; one real keystroke (caret on a digit,
  // a key typed) changes one figure of one unit: 涉及项目10个 → 11个, which raises a TXT-012
  // error. Timed inside the page: from the end of the 250 ms typing pause (the results panel
  // turns to "running") to the changed finding on screen, and from the keystroke itself (which
  // includes the browser's own editing of a megabyte text area).
  const text = repeated(1e6 - all.length);
  const page = await browser.newPage();
  await page.goto(srv.url);
  await paste(page, text);
  await page.locator('[data-testid=results][data-state=done]').waitFor({ timeout: 120000 });
  const at = text.indexOf('涉及项目10个') + '涉及项目1'.length;
  await page.getByTestId('input').focus();
  const afterPause = [];
  const fromKey = [];
  for (let i = 0; i < 11; i++) {
    await page.getByTestId('input').evaluate((el, at) => el.setSelectionRange(at, at + 1), at);
    await page.evaluate((want) => {
      window.__timed = new Promise((resolve) => {
        const el = document.querySelector('[data-testid=input]');
        const results = document.querySelector('[data-testid=results]');
        const flagged = () => document.querySelectorAll('[data-testid=finding][data-rule="TXT-012"]').length;
        let key, running;
        el.addEventListener('keydown', () => { key = performance.now(); }, { once: true });
        const obs = new MutationObserver(() => {
          if (results.dataset.state === 'running' && running === undefined) running = performance.now();
          if (key !== undefined && running !== undefined && flagged() === want) {
            obs.disconnect();
            const now = performance.now();
            resolve([now - running, now - key]);
          }
        });
        obs.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    }, i % 2 ? 0 : 1);
    await page.keyboard.type(i % 2 ? '0' : '1');
    const [pause, key] = await page.evaluate(() => window.__timed);
    afterPause.push(pause);
    fromKey.push(key);
    await new Promise((r) => setTimeout(r, 300));
  }
  afterPause.sort((a, b) => a - b);
  fromKey.sort((a, b) => a - b);
  const units = await page.getByTestId('unit').count();
  console.log(`1 MB (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB, ${units} units), one keystroke: end of the typing pause → changed finding on screen median ${afterPause[5].toFixed(0)} ms (min ${afterPause[0].toFixed(0)}, max ${afterPause[10].toFixed(0)}); keystroke → on screen median ${fromKey[5].toFixed(0)} ms (250 ms pause and the browser's editing included; 11 keystrokes)`);
  await page.close();
}
{
  const text = repeated(10e6);
  const page = await browser.newPage();
  await page.goto(srv.url);
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'long-animation-frame' });
  });
  const t0 = Date.now();
  await paste(page, text);
  await page.locator('[data-testid=results][data-state=done]').waitFor({ timeout: 300000 });
  const done = Date.now() - t0;
  const { longest, heap } = await page.evaluate(() => ({ longest: window.__longest, heap: performance.memory?.usedJSHeapSize ?? 0 }));
  console.log(`10 MB (${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB, ${await page.getByTestId('unit').count()} units): paste → all units shown ${done} ms, longest frame ${Math.round(longest)} ms, page JS heap after ${(heap / 1e6).toFixed(0)} MB`);
  await page.close();
}
await browser.close();
srv.server.close();
