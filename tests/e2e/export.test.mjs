// Exports and the JavaScript API, in real headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveDist, launch, openPage, fixture, pasteText, root } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

function cliJson(prefix) {
  const bin = path.join(root, 'target/debug/yusuan');
  const dir = path.join(root, 'tests/fixtures');
  const file = execFileSync('ls', [dir]).toString().split('\n').find((f) => f.startsWith(prefix));
  let out;
  try {
    out = execFileSync(bin, ['check', '--format', 'json', path.join(dir, file)]).toString();
  } catch (e) {
    out = e.stdout.toString(); // exit status 1: errors were found
  }
  return JSON.parse(out);
}

test('window.yusuan.check returns the same report as the CLI', async () => {
  const { page, external } = await openPage(browser, srv.url);
  const text = await fixture('001');
  // The API is installed once the page's wasm has started, which may come after `load`.
  await page.waitForFunction(() => window.yusuan?.check);
  const fromPage = await page.evaluate((t) => window.yusuan.check(t), text);
  const fromCli = cliJson('001');
  fromCli.files[0].path = 'text';
  assert.deepEqual(fromPage, fromCli);
  assert.ok(fromPage.files[0].units[0].findings.some((f) => f.rule === 'PERF-003' && f.severity === 'error'));
  assert.deepEqual(external, []);
});

test('export JSON and CSV download the report; print uses the print stylesheet', async () => {
  const { page, external } = await openPage(browser, srv.url);
  await pasteText(page, await fixture('003'));
  await page.getByTestId('summary').waitFor();

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  assert.equal(json.suggestedFilename(), 'yusuan-report.json');
  const report = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(report.files[0].units[0].name, '巨鹿县医疗保障局');
  assert.equal(report.files[0].units[0].findings.filter((f) => f.rule === 'PERF-001').length, 8);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const rows = (await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\n');
  assert.equal(rows[0], '单位,规则,严重程度,行,应为,实为,说明');
  // 8 spending plans, 1 planned-assets note, 2 doubled marks (。。 and 。；), 1 paragraph
  // without its full stop (…减少公务用车运行维护费支出 before 五、).
  assert.equal(rows.length, 1 + 12);
  assert.equal(rows.filter((r) => r.includes(',WRD-001,警告,')).length, 2);
  assert.equal(rows.filter((r) => r.includes(',WRD-008,警告,339,')).length, 1);
  assert.ok(rows.some((r) => r.startsWith('450 巨鹿县医疗保障局,PERF-001,错误,393,')), rows.join('\n'));

  // The reviewer's checklist: on the page, and as the reviewers' spreadsheet row.
  const items = page.getByTestId('checklist').locator('.check-item');
  assert.equal(await items.count(), 5);
  assert.equal(await page.locator('.check-item[data-item=Accuracy]').getAttribute('data-verdict'), 'fails');
  assert.equal(await page.locator('.check-item[data-item=Wording]').getAttribute('data-verdict'), 'fails');
  assert.equal(await page.locator('.check-item[data-item=Completeness]').getAttribute('data-verdict'), 'meets');
  const [list] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-checklist').click()]);
  assert.equal(list.suggestedFilename(), 'yusuan-checklist.csv');
  const lines = (await readFile(await list.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\n');
  assert.equal(lines[0], '文件,单位编码,单位,年度,类型,模板,及时性,完整性,细化程度,真实性,文字与形式');
  assert.equal(lines.length, 2);
  assert.match(lines[1], /^粘贴内容,450,巨鹿县医疗保障局,2026,部门预算,河北,无法判断：.*,符合,符合,"?不符合：\[错误\] PERF-001/);
  assert.match(lines[1], /不符合：\[警告\] WRD-001/);

  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.getByTestId('print').click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByTestId('input').isVisible(), false);
  assert.equal(await page.getByTestId('summary').isVisible(), true);
  await page.screenshot({ path: 'tests/e2e/screenshots/print.png' });
  assert.deepEqual(external, []);
});
