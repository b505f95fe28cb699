// The built page (dist/) in real headless Chromium: paste a disclosure, read the verdict.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveDist, launch, openPage, fixture, pasteText, root } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('pasting seed 002 shows both units, every table, no error and one wording warning', async () => {
  const { page, external, errors } = await openPage(browser, srv.url);
  await pasteText(page, await fixture('002'));
  await page.getByTestId('summary').waitFor();
  const units = page.getByTestId('unit');
  assert.equal(await units.count(), 2);
  assert.match(await units.nth(0).locator('h2').innerText(), /450001 青龙满族自治县医疗保障局本级 · 2025年/);
  assert.equal(await units.nth(0).getByTestId('table-row').count(), 19);
  assert.equal(await units.nth(1).getByTestId('table-row').count(), 25);
  // The first unit's 三公 paragraph ends without its full stop before the next heading (WRD-008).
  for (const [i, warnings] of [[0, 1], [1, 0]]) {
    assert.match(await units.nth(i).getByTestId('unit-stats').innerText(), new RegExp(`错误 0 · 警告 ${warnings} · 提示 \\d+`));
    assert.equal(await units.nth(i).locator('[data-testid=finding][data-severity=error]').count(), 0);
    assert.equal(await units.nth(i).getByTestId('required-tables').innerText(), '必须公开的表：找到 9 / 9 张');
  }
  // Several units: an index with each unit's counts links to it.
  assert.equal(await page.getByTestId('unit-totals').innerText(), '共 2 个单位，0 个有错误 · 错误 0 · 警告 1');
  assert.equal(await units.nth(0).locator('[data-testid=finding][data-rule="WRD-008"]').count(), 1);
  const links = page.getByTestId('unit-link');
  assert.equal(await links.count(), 2);
  assert.match(await links.nth(1).innerText(), /450003 青龙满族自治县医疗保险基金服务中心 错误 0 · 警告 0/);
  await page.screenshot({ path: 'tests/e2e/screenshots/seed-002.png' });
  await links.nth(1).locator('a').click();
  assert.equal(await page.evaluate(() => location.hash), '#unit-2');
  assert.match(await page.locator('#unit-2 h2').innerText(), /450003/);
  assert.deepEqual(external, [], 'no request may leave the page');
  assert.deepEqual(errors, []);
});

test('seed 003: spending-plan errors, click one to see its rule and source line', async () => {
  const { page, external } = await openPage(browser, srv.url);
  await pasteText(page, await fixture('003'));
  const plans = page.locator('[data-testid=finding][data-rule="PERF-001"]');
  await plans.first().waitFor();
  assert.equal(await plans.count(), 8);
  assert.equal(await plans.first().getAttribute('data-severity'), 'error');
  await plans.first().locator('button').click();
  const detail = plans.first().getByTestId('finding-detail');
  await detail.waitFor();
  assert.match(await detail.getByTestId('rule-doc').innerText(), /PERF-001 资金支出计划累计到年底达到 100%/);
  const cited = detail.getByTestId('source-lines').locator('[data-line="393"]');
  assert.equal(await cited.count(), 1);
  assert.match(await cited.innerText(), /3\.00.*7\.50.*12\.00/);
  // The rebuilt table is shown with the cited row marked.
  const table = detail.locator('[data-testid=rebuilt-table][data-kind=project_performance]');
  assert.equal(await table.count(), 1);
  assert.equal(await table.locator('tr[data-line="393"]').getAttribute('data-hit'), 'true');
  assert.equal(await table.locator('tr[data-hit=true]').count(), 1);
  await page.screenshot({ path: 'tests/e2e/screenshots/seed-003-finding.png' });
  // Filter to warnings: the 拟购置固定资产 finding stays, the errors go.
  await page.locator('[data-testid=severity-filter][data-value=warning]').click();
  assert.equal(await page.locator('[data-testid=finding][data-severity=error]').count(), 0);
  assert.equal(await page.locator('[data-testid=finding][data-rule="TXT-007"]').count(), 1);
  assert.deepEqual(external, []);
});

test('the draft survives a reload', async () => {
  const { page } = await openPage(browser, srv.url);
  const text = await fixture('004');
  await pasteText(page, text);
  await page.getByTestId('summary').waitFor();
  await page.reload();
  await page.getByTestId('summary').waitFor();
  assert.equal((await page.getByTestId('input').inputValue()).length, text.length);
  const split = page.locator('[data-testid=finding][data-rule="XT-008"]');
  assert.equal(await split.count(), 1);
  await split.locator('button').click();
  // The split disagreement cites the 基本支出表 total and the 明细表 lines: both tables appear.
  const kinds = await split.locator('[data-testid=rebuilt-table]').evaluateAll((ts) => ts.map((t) => t.dataset.kind));
  assert.deepEqual(kinds.sort(), ['basic_detail', 'general_budget_basic']);
  assert.equal(await split.locator('[data-kind=general_budget_basic] tr[data-line="342"]').getAttribute('data-hit'), 'true');
  // The involved cells themselves: 人员经费 413.69 and 公用经费 28.30 on the 合计 row, not 441.99.
  const hot = await split.locator('[data-kind=general_budget_basic] tr[data-line="342"] td[data-cell-hit=true]').allInnerTexts();
  assert.deepEqual(hot, ['413.69', '28.30']);
  await page.screenshot({ path: 'tests/e2e/screenshots/seed-004-split.png', fullPage: true });
});

test('a disclosure cut short: the summary counts the required tables found and names the missing', async () => {
  const { page } = await openPage(browser, srv.url);
  // Seed 000 up to the end of its 支出总表 (line 122): three of the nine required tables.
  const text = (await fixture('000')).split('\n').slice(0, 123).join('\n');
  await pasteText(page, text);
  const required = page.getByTestId('required-tables');
  await required.waitFor();
  assert.equal(await required.getAttribute('data-found'), '3');
  assert.match(await required.innerText(), /找到 3 \/ 9 张；缺少：财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、“三公”经费支出表、政府性基金预算支出表、国有资本经营预算支出表$/);
  assert.equal(await page.locator('[data-testid=finding][data-rule="DIS-001"]').count(), 1);
});

test('a draft too large for the browser to keep is reported, not silently lost', async () => {
  const { page, errors } = await openPage(browser, srv.url);
  await pasteText(page, await fixture('000'));
  await page.getByTestId('summary').waitFor();
  assert.equal(await page.getByTestId('draft-not-kept').count(), 0);
  // Chromium keeps about 5 million characters per site; 6 million cannot be stored.
  await pasteText(page, '预算'.repeat(3_000_000));
  await page.getByTestId('draft-not-kept').waitFor();
  // The stale smaller draft is gone too: a reload must not bring back a different text.
  assert.equal(await page.evaluate(() => localStorage.getItem('yusuan.draft')), null);
  await pasteText(page, await fixture('003'));
  await page.getByTestId('summary').waitFor();
  assert.equal(await page.getByTestId('draft-not-kept').count(), 0);
  assert.deepEqual(errors, []);
});

test('text without budget tables gets a clear message', async () => {
  const { page } = await openPage(browser, srv.url);
  await pasteText(page, '这只是一段普通文字。');
  assert.match(await page.getByTestId('no-units').innerText(), /没有找到预算表/);
});

test('every rebuilt table can be opened, with its repairs; findings filter by table', async () => {
  const { page } = await openPage(browser, srv.url);
  await pasteText(page, await fixture('002'));
  const unit = page.getByTestId('unit').nth(1);
  const income = unit.locator('[data-testid=table-row][data-kind=income_summary]');
  assert.match(await income.innerText(), /修正：第682–695行/);
  await income.locator('button').click();
  const table = income.getByTestId('rebuilt-table');
  await table.waitFor();
  assert.equal(await table.locator('tbody tr').count(), 21);
  assert.match(await table.locator('tbody tr').first().innerText(), /合计\s+8872\.17\s+8865\.27\s+8865\.27\s+6\.90/);

  await pasteText(page, await fixture('003'));
  await page.locator('[data-testid=unit] h2', { hasText: '巨鹿县' }).waitFor();
  const all = await page.locator('[data-testid=finding]').count();
  await page.getByTestId('table-filter').selectOption({ label: '3、公费医疗、医疗补助经费绩效目标表' });
  const shown = page.locator('[data-testid=finding]');
  assert.equal(await shown.count(), 1);
  assert.match(await shown.innerText(), /公费医疗、医疗补助经费/);
  await page.getByTestId('table-filter').selectOption({ value: '' });
  assert.equal(await page.locator('[data-testid=finding]').count(), all);
});

test('English switch: labels, findings and rule titles in English, remembered across reloads', async () => {
  const { page } = await openPage(browser, srv.url);
  await pasteText(page, await fixture('004'));
  await page.getByTestId('summary').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  await page.getByTestId('lang-switch').click();
  await page.locator('h1', { hasText: 'Budget disclosure checker' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.getByTestId('unit-stats').innerText(), /Errors 1 · Warnings 3 · Notes 0/);
  const split = page.locator('[data-testid=finding][data-rule="XT-008"]');
  assert.match(await split.locator('.badge').innerText(), /Error/);
  assert.match(await split.locator('.message').innerText(), /personnel 412\.69 against 413\.69 \(difference -1\.00\)/);
  await split.locator('button').click();
  const doc = await split.getByTestId('rule-doc').innerText();
  assert.match(doc, /The basic-spending detail table agrees/);
  assert.match(doc, /Henan template: the basic-expenditure detail table's total equals/);
  assert.doesNotMatch(doc, /河南模板/);
  await page.screenshot({ path: 'tests/e2e/screenshots/english.png' });
  await page.reload();
  await page.locator('h1', { hasText: 'Budget disclosure checker' }).waitFor();
  await page.getByTestId('lang-switch').click();
  await page.locator('h1', { hasText: '预算公开检查器' }).waitFor();
});

test('typing is re-checked after a pause; a real paste (insertFromPaste) at once', async () => {
  const { page } = await openPage(browser, srv.url);
  const text = await fixture('003');
  // A paste-type input event is checked without waiting for the debounce.
  await page.getByTestId('input').evaluate((el, t) => {
    el.value = t;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  // No debounce: the check has started (or finished) by the time the event has been handled.
  assert.notEqual(await page.getByTestId('results').getAttribute('data-state'), 'idle');
  await page.locator('[data-testid=unit] h2').waitFor();
  assert.equal(await page.locator('[data-testid=unit] h2').count(), 1);
  // It ran in the worker, off the main thread.
  assert.equal(await page.getByTestId('results').getAttribute('data-runs-in'), 'worker');
  // Typing: the old result stays until the pause has passed, then the new text is checked.
  await page.getByTestId('input').evaluate((el) => {
    el.value = el.value.replace('本年度拟购置固定资产总额为 8.00 万元', '本年度拟购置固定资产总额为 1.95 万元');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  });
  assert.equal(await page.locator('[data-testid=finding][data-rule="TXT-007"]').count(), 1);
  await page.locator('[data-testid=finding][data-rule="TXT-007"]').waitFor({ state: 'detached' });
});

test('where no worker can start, the page checks on its own thread with the same result', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => { window.Worker = undefined; });
  await page.goto(srv.url);
  await pasteText(page, await fixture('004'));
  await page.locator('[data-testid=results][data-state=done]').waitFor();
  assert.equal(await page.getByTestId('results').getAttribute('data-runs-in'), 'page');
  assert.equal(await page.locator('[data-testid=finding][data-rule="XT-008"]').count(), 1);
  assert.deepEqual(errors, []);
});

test('the page shows before the checker arrives: a first load under 300 KiB gzip, the checker after it', async () => {
  // What the first load carries, as built: the page's wasm and JS, index.html and the stylesheet.
  const dist = path.join(root, 'dist');
  const files = await readdir(dist);
  const firstLoad = files.filter((f) => /^(yusuan-web-.*\.(js|wasm)|index\.html|style-.*\.css)$/.test(f));
  assert.equal(firstLoad.length, 4, firstLoad.join(' '));
  let gzip = 0;
  for (const f of firstLoad) gzip += gzipSync(await readFile(path.join(dist, f)), { level: 9 }).length;
  assert.ok(gzip <= 300 * 1024, `first load ${gzip} bytes gzip`);
  // The checker module held back: the page is there and takes a paste; the result comes when it does.
  const page = await browser.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/check/yusuan_check_web_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(srv.url);
  await pasteText(page, await fixture('004'));
  assert.equal(await page.getByTestId('input').inputValue(), await fixture('004'));
  assert.equal(await page.getByTestId('summary').count(), 0, 'no result before the checker arrives');
  release();
  await page.getByTestId('summary').waitFor();
  assert.equal(await page.getByTestId('results').getAttribute('data-runs-in'), 'worker');
  assert.equal(await page.locator('[data-testid=finding][data-rule="XT-008"]').count(), 1);
});

test('a checker module that cannot be fetched: the check says so, and the text stays', async () => {
  const page = await browser.newPage();
  await page.route('**/check/yusuan_check_web_bg.wasm', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(srv.url);
  await pasteText(page, await fixture('004'));
  await page.getByTestId('error').waitFor();
  assert.match(await page.getByTestId('error').innerText(), /检查模块无法加载.*HTTP 404/);
  await page.screenshot({ path: 'tests/e2e/screenshots/checker-unavailable.png' });
  assert.equal(await page.getByTestId('input').inputValue(), await fixture('004'));
});
