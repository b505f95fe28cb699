// The single-file build, opened from disk (file://) with no server and no network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { readdir } from 'node:fs/promises';
import { launch, fixture, pasteText, root } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The single file opened from disk, with every request it makes and every error kept. */
async function openOffline({ noWorker = false } = {}) {
  const url = pathToFileURL(path.join(root, 'dist/yusuan-offline.html')).href;
  const page = await browser.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => { if (r.url() !== url && !/^(data|blob):/.test(r.url())) requests.push(r.url()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  if (noWorker) await page.addInitScript(() => { window.Worker = undefined; });
  await page.goto(url);
  return { page, requests, problems };
}

test('yusuan-offline.html works from file:// without any request', async () => {
  const { page, requests, problems } = await openOffline();
  await pasteText(page, await fixture('000'));
  await page.getByTestId('summary').waitFor();
  assert.match(await page.getByTestId('unit-stats').innerText(), /错误 1 · 警告 1 · 提示 1/);
  assert.equal(await page.locator('[data-testid=finding][data-rule="TXT-007"]').count(), 1);
  // The single file starts its worker from its own inline code, not from a file.
  assert.equal(await page.getByTestId('results').getAttribute('data-runs-in'), 'worker');
  await page.screenshot({ path: 'tests/e2e/screenshots/offline.png' });
  // A PDF, from disk too: the single file carries the PDF module inline and starts it only now.
  const corpus = path.join(root, '..', 'shared', 'corpus');
  const pdf = (await readdir(corpus)).find((n) => n.startsWith('09_') && n.endsWith('.pdf'));
  await page.getByTestId('file-input').setInputFiles(path.join(corpus, pdf));
  await page.waitForFunction(() => /已读取文件.*（pdf）/.test(document.querySelector('[data-testid=input-status]')?.textContent ?? ''));
  await page.locator('[data-testid=results][data-state=done]').waitFor();
  assert.match(await page.getByTestId('unit').first().innerText(), /上海市普陀区人民政府办公室/);
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
});

test('from file:// with no worker, the single file checks on its own thread, still without a request', async () => {
  const { page, requests, problems } = await openOffline({ noWorker: true });
  await pasteText(page, await fixture('000'));
  await page.locator('[data-testid=results][data-state=done]').waitFor();
  // The checker module the file carries inline ran on the page's thread.
  assert.equal(await page.getByTestId('results').getAttribute('data-runs-in'), 'page');
  assert.match(await page.getByTestId('unit-stats').innerText(), /错误 1 · 警告 1 · 提示 1/);
  const report = await page.evaluate((t) => window.yusuan.check(t), await fixture('000'));
  assert.equal(report.files[0].units[0].findings.length, 3);
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
});
