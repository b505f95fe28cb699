// The built page (dist/) in real headless Chromium: paste a disclosure, see what was rebuilt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, fixture, pasteText } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('pasting seed 002 shows both units and every table', async () => {
  const { page, external, errors } = await openPage(browser, srv.url);
  await pasteText(page, await fixture('002'));
  await page.getByTestId('summary').waitFor();
  assert.equal(await page.getByTestId('unit').count(), 2);
  const units = page.getByTestId('unit');
  assert.match(await units.nth(0).locator('h2').innerText(), /450001 青龙满族自治县医疗保障局本级 · 2025年/);
  assert.equal(await units.nth(0).getByTestId('table-row').count(), 19);
  assert.equal(await units.nth(1).getByTestId('table-row').count(), 25);
  assert.equal(await units.nth(1).locator('[data-kind="procurement"] td.num').nth(1).innerText(), '空表');
  await page.screenshot({ path: 'tests/e2e/screenshots/seed-002.png', fullPage: false });
  assert.deepEqual(external, [], 'no request may leave the page');
  assert.deepEqual(errors, []);
});

test('text without budget tables gets a clear message', async () => {
  const { page } = await openPage(browser, srv.url);
  await pasteText(page, '这只是一段普通文字。');
  assert.match(await page.getByTestId('no-units').innerText(), /没有找到预算表/);
});
