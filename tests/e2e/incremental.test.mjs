// Typing into a paste of several disclosures re-checks only the unit whose text changed: the
// worker keeps the other units, the page keeps their views.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, fixture, pasteText } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

/** Types over the text area's content the way a keystroke does (debounced by the page). */
async function type(page, text) {
  await page.getByTestId('input').evaluate((el, t) => {
    el.value = t;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '1' }));
  }, text);
}

test('a one-character edit re-checks one unit and leaves the others on the page untouched', async () => {
  const { page, errors } = await openPage(browser, srv.url);
  const text = (await Promise.all(['000', '001', '002', '003', '004'].map(fixture))).join('\n');
  await pasteText(page, text);
  const results = page.getByTestId('results');
  await page.locator('[data-testid=results][data-state=done]').waitFor();
  const units = page.getByTestId('unit');
  assert.equal(await units.count(), 6);
  assert.equal(await results.getAttribute('data-fresh'), '6');
  // Tag every unit's element, to see afterwards which ones were rebuilt.
  await units.evaluateAll((els) => els.forEach((el, i) => { el.__tag = i; }));
  const counts = () => page.locator('[data-testid=finding][data-rule="TXT-012"]').count();
  assert.equal(await counts(), 0);

  // One keystroke in the last unit (seed 004): 涉及项目10个 → 11个, which its project table denies.
  const check = await page.evaluate(() => document.querySelector('[data-testid=results]').dataset.checkMs);
  await type(page, text.replace('涉及项目10个', '涉及项目11个'));
  await page.waitForFunction((before) => {
    const r = document.querySelector('[data-testid=results]');
    return r.dataset.state === 'done' && r.dataset.checkMs !== undefined && r.dataset.fresh === '1' && before !== null;
  }, check);
  assert.equal(await results.getAttribute('data-fresh'), '1', 'only the edited unit came back from the worker');
  assert.equal(await counts(), 1);
  const tags = await units.evaluateAll((els) => els.map((el) => el.__tag ?? null));
  assert.deepEqual(tags, [0, 1, 2, 3, 4, null], 'the five unchanged units kept their elements');
  const finding = page.locator('#unit-6 [data-testid=finding][data-rule="TXT-012"]');
  assert.match(await finding.innerText(), /涉及项目11个/);
  // The export still holds every unit's full report.
  const exported = await page.evaluate(() => new Promise((resolve) => {
    const orig = URL.createObjectURL;
    URL.createObjectURL = (blob) => { blob.text().then(resolve); return orig.call(URL, blob); };
    document.querySelector('[data-testid=export-json]').click();
  }));
  const report = JSON.parse(exported);
  assert.equal(report.files[0].units.length, 6);
  assert.ok(report.files[0].units[5].findings.some((f) => f.rule === 'TXT-012'));
  assert.deepEqual(report.files[0].units.map((u) => u.required_tables.missing.length), [0, 0, 0, 0, 0, 0]);
  await page.screenshot({ path: 'tests/e2e/screenshots/incremental.png' });
  assert.deepEqual(errors, []);
});
