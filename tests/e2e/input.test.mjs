// Getting text in: a GBK file, a dropped HTML page, a rich-text paste, and a binary file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveDist, launch, openPage, fixture, root } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('opening a GB18030 file decodes it and checks it', async () => {
  const { page, external } = await openPage(browser, srv.url);
  await page.getByTestId('file-input').setInputFiles(path.join(root, 'tests/fixtures/encodings/003-gb18030.txt'));
  await page.getByTestId('summary').waitFor();
  assert.match(await page.getByTestId('input-status').innerText(), /003-gb18030\.txt.*gb18030/);
  assert.match(await page.locator('[data-testid=unit] h2').innerText(), /巨鹿县医疗保障局 · 2026年/);
  assert.equal(await page.locator('[data-testid=finding][data-rule="PERF-001"]').count(), 8);
  assert.deepEqual(external, []);
});

/** A seed rendered as a web page: tab lines in tables, the rest in paragraphs. */
function asHtml(text) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let out = '<html><body><script>window.__ran = true</script>';
  let open = false;
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      if (!open) { out += '<table>'; open = true; }
      out += '<tr>' + line.split('\t').map((c) => `<td>${esc(c)}</td>`).join('') + '</tr>';
    } else if (line.trim()) {
      if (open) { out += '</table>'; open = false; }
      out += `<p>${esc(line)}</p>`;
    }
  }
  return out + (open ? '</table>' : '') + '</body></html>';
}

test('dropping an HTML page onto the text area keeps its tables', async () => {
  const { page } = await openPage(browser, srv.url);
  const html = asHtml(await fixture('001'));
  const dt = await page.evaluateHandle((h) => {
    const d = new DataTransfer();
    d.items.add(new File([h], '济源.html', { type: 'text/html' }));
    return d;
  }, html);
  await page.getByTestId('input').dispatchEvent('drop', { dataTransfer: dt });
  await page.getByTestId('summary').waitFor();
  assert.match(await page.getByTestId('input-status').innerText(), /济源\.html/);
  assert.equal(await page.locator('[data-testid=finding][data-rule="PERF-003"]').count(), 1);
  assert.equal(await page.evaluate(() => window.__ran), undefined, 'no script in the input may run');
});

test('pasting rich HTML from a web page keeps rows and columns', async () => {
  const { page } = await openPage(browser, srv.url);
  const html = asHtml(await fixture('004'));
  await page.getByTestId('input').evaluate((el, h) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', 'flattened text without tabs');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  await page.getByTestId('summary').waitFor();
  assert.match(await page.getByTestId('input').inputValue(), /部门收支预算表/);
  assert.match(await page.getByTestId('input').inputValue(), /\t7,895\.93\t/);
  assert.equal(await page.locator('[data-testid=finding][data-rule="XT-008"]').count(), 1);
});

test('a binary file gets a clear message and keeps the draft', async () => {
  const { page } = await openPage(browser, srv.url);
  await page.getByTestId('input').evaluate((el) => { el.value = '我的草稿'; el.dispatchEvent(new Event('input', { bubbles: true })); });
  await page.getByTestId('file-input').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]) });
  const status = page.getByTestId('input-status');
  await status.waitFor();
  assert.match(await status.innerText(), /scan\.png.*二进制/);
  assert.equal(await page.getByTestId('input').inputValue(), '我的草稿');
});

test('each built-in sample loads on demand and is checked', async () => {
  const { page, external } = await openPage(browser, srv.url);
  const expected = { '000': /417 邢台市医疗保障局/, '001': /济源产城融合示范区医疗保障局/, '002': /450003/, '003': /巨鹿县/, '004': /温县医疗保障局/ };
  const buttons = page.getByTestId('sample');
  assert.equal(await buttons.count(), 5);
  for (let i = 0; i < 5; i++) {
    const file = await buttons.nth(i).getAttribute('data-file');
    await buttons.nth(i).click();
    await page.getByTestId('input-status').filter({ hasText: file }).waitFor();
    // The previous sample's summary stays until this one's check is done.
    await page.getByTestId('summary').filter({ hasText: expected[file.slice(0, 3)] }).waitFor();
    assert.match(await page.getByTestId('summary').innerText(), expected[file.slice(0, 3)]);
  }
  assert.deepEqual(external, []);
});
