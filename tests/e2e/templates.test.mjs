// Templates and "understand or abstain" in the page: the template detected and how sure, the
// scope and kind, each table's own unit, and a table the parser could not understand shown as
// such, with its reason and no finding. Corpus documents are read in place from ../shared.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { serveDist, launch, openPage, pasteText, root, readXlsx, parseCsv } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

async function corpus(prefix) {
  const dir = path.join(root, '..', 'shared', 'corpus');
  const name = (await readdir(dir)).find((n) => n.startsWith(`${prefix}_`) && n.endsWith('.txt') && !n.endsWith('.layout.txt'));
  return readFile(path.join(dir, name), 'utf8');
}

test('a Shanghai budget names its template, scope and each table\'s own unit', async () => {
  const { page, errors } = await openPage(browser, srv.url);
  await pasteText(page, await corpus('09'));
  await page.getByTestId('summary').waitFor();
  const unit = page.getByTestId('unit').first();
  assert.match(await unit.locator('h2').innerText(), /上海市普陀区人民政府办公室 · 2025年/);
  assert.equal(await unit.getByTestId('unit-about').innerText(), '单位预算 · 模板：上海（把握：高）');
  const rows = unit.getByTestId('table-row');
  assert.equal(await rows.count(), 9);
  assert.match(await rows.first().innerText(), /财务收支预算总表.* · 元/);
  assert.match(await rows.last().innerText(), /“三公”经费和机关运行经费预算表.* · 万元/);
  assert.equal(await unit.locator('[data-understood=false]').count(), 0);
  assert.equal(await unit.locator('[data-testid=finding][data-severity=error]').count(), 0);
  await page.screenshot({ path: 'tests/e2e/screenshots/template-shanghai.png', fullPage: true });
  assert.deepEqual(errors, []);
});

test('final accounts: their own nine tables and summary, the error in their prose', async () => {
  const { page, errors } = await openPage(browser, srv.url);
  await pasteText(page, await corpus('13'));
  await page.getByTestId('summary').waitFor();
  const unit = page.getByTestId('unit').first();
  assert.equal(await unit.getByTestId('unit-about').innerText(), '部门决算 · 未识别出模板，按通用规则检查');
  assert.equal(await unit.getByTestId('required-tables').innerText(), '必须公开的决算表：找到 9 / 9 张');
  const rows = unit.getByTestId('table-row');
  assert.equal(await rows.count(), 9);
  assert.match(await rows.first().innerText(), /收入支出决算总表 · 收入支出决算总表 · .* · 万元/);
  assert.equal(await unit.locator('[data-kind=final_three_public]').count(), 1);
  assert.equal(await unit.locator('[data-understood=false]').count(), 0);
  // The one error of the tables against the prose: 财政拨款收入支出总计 0.3 万元 against 2961.68.
  const errorsShown = unit.locator('[data-testid=finding][data-severity=error]');
  const texts = await errorsShown.evaluateAll((els) => els.map((e) => e.innerText));
  assert.ok(texts.some((t) => t.includes('TXT-013') && t.includes('0.3') && t.includes('2961.68')), texts.join('\n'));
  await errorsShown.filter({ hasText: 'TXT-013' }).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/final-accounts.png' });
  // English.
  await page.getByTestId('lang-switch').click();
  await page.locator('h1', { hasText: 'Budget disclosure checker' }).waitFor();
  assert.match(await page.getByTestId('unit-about').first().innerText(), /department final accounts · no template recognised/);
  assert.equal(await page.getByTestId('required-tables').first().innerText(), 'Required final-accounts tables: 9 of 9 found');
  assert.deepEqual(errors, []);
});

test('a table the parser cannot understand is shown as such, with why, and no finding inside it', async () => {
  const { page, errors } = await openPage(browser, srv.url);
  // Corpus 13 with the summary's amount headings blanked out: no money column left to read.
  const text = (await corpus('13')).replace('项目\t决算数\t项目\t决算数', '项目\t甲\t项目\t乙');
  await pasteText(page, text);
  await page.getByTestId('summary').waitFor();
  const unit = page.getByTestId('unit').first();
  const abstained = unit.locator('[data-testid=table-row][data-understood=false]');
  assert.equal(await abstained.count(), 1);
  assert.match(await abstained.first().getByTestId('not-understood').innerText(), /^未能理解，不做检查：表头中没有认出金额列/);
  const spans = await abstained.evaluateAll((els) => els.map((e) => e.innerText.match(/第(\d+)–(\d+)行/).slice(1).map(Number)));
  const cited = await unit.locator('[data-testid=finding]').evaluateAll((els) => els.map((e) => e.innerText));
  for (const [a, b] of spans) {
    for (const text of cited) {
      for (const m of text.matchAll(/第(\d+)行/g)) {
        const n = Number(m[1]);
        assert.ok(n < a || n > b, `finding cites line ${n} inside a table not understood (${a}–${b}): ${text}`);
      }
    }
  }
  await abstained.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/not-understood.png' });
  assert.deepEqual(errors, []);
});

test('a text aligned with spaces is read by its alignment', async () => {
  const { page, errors } = await openPage(browser, srv.url);
  const dir = path.join(root, '..', 'shared', 'corpus');
  const layout = (await readdir(dir)).find((n) => n.startsWith('09_') && n.endsWith('.layout.txt'));
  // A pdftotext -layout export: columns only by spaces; they are inferred and the tables rebuilt.
  await pasteText(page, await readFile(path.join(dir, layout), 'utf8'));
  await page.locator('[data-testid=results][data-state=done]').waitFor();
  assert.match(await page.getByTestId('unit').first().innerText(), /上海市普陀区人民政府办公室/);
  assert.ok((await page.getByTestId('table-row').count()) >= 9, 'its tables listed');
  // Its stacked headers (two-sided summaries, the three-public table) set back into their rows:
  // every table understood, none abstaining.
  assert.equal(await page.locator('[data-testid=table-row][data-understood=false]').count(), 0);
  await page.screenshot({ path: 'tests/e2e/screenshots/layout-text.png' });
  assert.deepEqual(errors, []);
});

test('a PDF opened or dropped is read in the page by the PDF module, loaded only then', async (t) => {
  const { page, errors } = await openPage(browser, srv.url);
  const dir = path.join(root, '..', 'shared', 'corpus');
  const fetched = [];
  page.context().on('request', (r) => fetched.push(r.url()));
  await page.locator('[data-testid=results]').waitFor({ state: 'attached' });
  assert.ok(!fetched.some((u) => u.includes('/pdf/')), 'no PDF code on the first load');
  // Every status the page shows, kept (the pages read go by quickly).
  await page.evaluate(() => {
    window.statuses = [];
    new MutationObserver(() => {
      const s = document.querySelector('[data-testid=input-status]')?.textContent;
      if (s) window.statuses.push(s);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // The published PDF, opened as a file.
  const pdf = (await readdir(dir)).find((n) => n.startsWith('09_') && n.endsWith('.pdf'));
  await page.getByTestId('file-input').setInputFiles(path.join(dir, pdf));
  const status = page.getByTestId('input-status');
  // While the module loads and the pages are read, the status says so; then what was read.
  await page.waitForFunction(() => /已读取文件/.test(document.querySelector('[data-testid=input-status]')?.textContent ?? ''));
  assert.match(await status.innerText(), /已读取文件.*（pdf）/);
  assert.ok(fetched.some((u) => u.endsWith('/pdf/yusuan_pdf_web_bg.wasm')), 'the PDF module, now');
  // Its 21 pages were counted off as they were read.
  const statuses = await page.evaluate(() => window.statuses);
  assert.ok(statuses.some((s) => /正在读取 PDF.*第 1 \/ 21 页/.test(s)), statuses.join(' | '));
  assert.ok(statuses.some((s) => /第 21 \/ 21 页/.test(s)), statuses.join(' | '));
  await page.locator('[data-testid=results][data-state=done]').waitFor();
  assert.match(await page.getByTestId('unit').first().innerText(), /上海市普陀区人民政府办公室/);
  assert.ok((await page.getByTestId('table-row').count()) >= 9, 'its tables listed');
  // Each table says the PDF pages it is on (as pdftotext -f N -l N shows them: 8, then 9–10).
  const rows = page.getByTestId('table-row');
  assert.equal(await rows.nth(0).getAttribute('data-pages'), '第8页');
  assert.match(await rows.nth(1).getAttribute('data-pages'), /^第9(–10)?页$/);
  assert.match(await rows.nth(0).innerText(), /第\d+–\d+行（第8页）/);
  await page.screenshot({ path: 'tests/e2e/screenshots/pdf-opened.png' });
  // Dropped: corpus 13's PDF, its two errors found as from its text.
  const bytes = await readFile(path.join(dir, (await readdir(dir)).find((n) => n.startsWith('13_') && n.endsWith('.pdf'))));
  const dt = await page.evaluateHandle((b64) => {
    const d = new DataTransfer();
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    d.items.add(new File([raw], 'final.pdf', { type: 'application/pdf' }));
    return d;
  }, bytes.toString('base64'));
  await page.getByTestId('input').dispatchEvent('drop', { dataTransfer: dt });
  await page.waitForFunction(() => /已读取文件“final\.pdf”/.test(document.querySelector('[data-testid=input-status]')?.textContent ?? ''));
  await page.locator('[data-testid=results][data-state=done]').waitFor();
  const misprint = page.locator('[data-testid=finding][data-rule="TXT-010"]').first();
  await misprint.waitFor();
  // Opened, it shows the sentence's line and the PDF's page it is on.
  await misprint.locator('button').first().click();
  const cited = misprint.locator('[data-testid=source-lines] li').first();
  await cited.waitFor();
  assert.equal(await cited.getAttribute('data-page'), '21');
  assert.match(await cited.innerText(), /第\d+行 · 第21页/);
  await page.screenshot({ path: 'tests/e2e/screenshots/pdf-finding-page.png' });
  // How long a 35-page PDF takes, from opening it to its report (reported, not asserted).
  const long = (await readdir(dir)).find((n) => n.startsWith('05_') && n.endsWith('.pdf'));
  const started = Date.now();
  await page.getByTestId('file-input').setInputFiles(path.join(dir, long));
  await page.waitForFunction(() => /万里街道/.test(document.querySelector('[data-testid=results][data-state=done] [data-testid=unit]')?.textContent ?? ''));
  t.diagnostic(`corpus 05 (35 pages): PDF opened to report shown in ${Date.now() - started} ms`);
  // A scanned PDF is named as such.
  const scanned = await readFile(path.join(root, 'fuzz', 'seeds', 'pdf', 'scanned.pdf'));
  await page.getByTestId('file-input').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: scanned });
  await page.waitForFunction(() => /扫描件/.test(document.querySelector('[data-testid=input-status]')?.textContent ?? ''));
  assert.deepEqual(errors, []);
});

test('a district at once: the five seeds and eight corpus documents dropped together', async () => {
  const { page, errors } = await openPage(browser, srv.url);
  const corpusDir = path.join(root, '..', 'shared', 'corpus');
  const seedsDir = path.join(root, 'tests', 'fixtures');
  const files = [
    ...(await readdir(seedsDir)).filter((n) => n.endsWith('.txt')).map((n) => path.join(seedsDir, n)),
    ...(await readdir(corpusDir)).filter((n) => n.endsWith('.txt') && !n.endsWith('.layout.txt')).map((n) => path.join(corpusDir, n)),
  ];
  assert.equal(files.length, 13);
  // Dropped on the page at once, as a reviewer drags a folder's files in.
  const dropped = await Promise.all(files.map(async (f) => ({ name: path.basename(f), text: await readFile(f, 'utf8') })));
  const dt = await page.evaluateHandle((all) => {
    const d = new DataTransfer();
    for (const f of all) d.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return d;
  }, dropped);
  await page.getByTestId('input').dispatchEvent('drop', { dataTransfer: dt });
  await page.getByTestId('input-status').waitFor();
  assert.match(await page.getByTestId('input-status').innerText(), /已读取 13 个文件/);
  const links = page.getByTestId('unit-link');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=unit-link]').length === 14);
  // The district table: every unit's verdict on the four items it can judge, and timeliness.
  for (let k = 0; k < 14; k += 1) {
    assert.equal(await links.nth(k).locator('.check-item').count(), 5);
  }
  const jcy = links.filter({ hasText: '江苏省人民检察院' });
  assert.equal(await jcy.locator('.check-item[data-item=Accuracy]').getAttribute('data-verdict'), 'fails');
  assert.equal(await jcy.locator('.check-item[data-item=Completeness]').getAttribute('data-verdict'), 'meets');
  await page.screenshot({ path: 'tests/e2e/screenshots/district.png' });
  // Its checklist: one row per unit.
  const [list] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-checklist').click()]);
  const rows = (await readFile(await list.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\n');
  assert.equal(rows.length, 1 + 14);
  assert.ok(rows.some((r) => r.includes(',江苏省人民检察院,2019,部门预算,江苏,')), rows.join('\n'));
  // The same checklist as an Excel workbook, read back: every cell equals the CSV's.
  const [book] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-checklist-xlsx').click()]);
  assert.equal(book.suggestedFilename(), 'yusuan-checklist.xlsx');
  const sheet = readXlsx(await readFile(await book.path()));
  const csvRows = parseCsv(await readFile(await list.path(), 'utf8'));
  assert.equal(sheet.length, 1 + 14);
  assert.equal(sheet[0][0], '文件');
  for (let r = 0; r < csvRows.length; r += 1) {
    const want = csvRows[r];
    const got = [...sheet[r], ...Array(Math.max(0, want.length - sheet[r].length)).fill('')];
    assert.deepEqual(got, want, `row ${r + 1}`);
  }
  assert.ok(sheet.some((r) => r[2] === '江苏省人民检察院' && r.some((c) => c.startsWith('不符合'))));
  // One unit a click away.
  await jcy.locator('a').click();
  assert.match(await page.evaluate(() => location.hash), /^#unit-\d+$/);
  assert.deepEqual(errors, []);
});
