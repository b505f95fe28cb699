// Big input in the page: a 10 MB paste is checked in the worker while the page keeps answering,
// shows its progress, can be cancelled, and finishes with every unit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, openPage, fixture } from './harness.mjs';

let srv, browser, big, units;
before(async () => {
  srv = await serveDist();
  browser = await launch();
  // Every seed, again and again, to 10 MB: each copy of each unit is a unit of its own.
  const seeds = await Promise.all(['000', '001', '002', '003', '004'].map(fixture));
  const all = seeds.join('\n');
  big = '';
  let copies = 0;
  while (Buffer.byteLength(big) < 10e6) { big += all + '\n'; copies += 1; }
  units = copies * 6; // seed 002 holds two units
});
after(async () => { await browser?.close(); srv?.server.close(); });

/** Pastes text the way the browser delivers a paste: a paste event carrying the clipboard. */
async function paste(page, text) {
  await page.getByTestId('input').evaluate((el, t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

/** Records the longest frame the page takes (script, style and layout together), from now on. */
async function watchFrames(page) {
  await page.evaluate(() => {
    window.__longestFrame = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longestFrame = Math.max(window.__longestFrame, e.duration);
    }).observe({ type: 'long-animation-frame' });
  });
}

const progress = (page) => page.locator('[data-testid=progress] progress');
const state = (page) => page.getByTestId('results').getAttribute('data-state');

test('a 10 MB paste: progress, responsive while checking, cancel, then check to the end', async () => {
  const { page, external, errors } = await openPage(browser, srv.url);
  const workers = [];
  page.on('worker', (w) => workers.push(w));
  await watchFrames(page);
  assert.ok(Buffer.byteLength(big) >= 10e6);
  await paste(page, big);
  // The text is held beside the box (laying out 10 MB in it would freeze the page for seconds).
  assert.match(await page.getByTestId('held').innerText(), /已载入 10\.\d MB/);
  assert.equal(await page.getByTestId('input').inputValue(), '');
  assert.match(await page.getByTestId('input').getAttribute('placeholder'), /文本已载入/);
  // Progress is shown and moves while units arrive; the page answers in the meantime.
  await progress(page).waitFor();
  await page.locator('[data-testid=progress] progress:not([data-done="0"])').waitFor({ timeout: 60000 });
  const first = Number(await progress(page).getAttribute('data-done'));
  assert.equal(Number(await progress(page).getAttribute('data-total')), units);
  await page.locator('[data-testid=unit]').first().waitFor();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=progress] progress')?.dataset.done) > n, first);
  assert.equal(await state(page), 'running');
  assert.equal(await page.getByTestId('results').getAttribute('data-runs-in'), 'worker');
  await page.screenshot({ path: 'tests/e2e/screenshots/large-progress.png' });
  // Cancel: the check stops, what was checked stays, the text is kept.
  await page.getByTestId('cancel').click();
  await page.getByTestId('cancelled').waitFor();
  assert.equal(await state(page), 'cancelled');
  assert.equal(await page.getByTestId('progress').count(), 0);
  const shown = await page.getByTestId('unit').count();
  assert.ok(shown > 0 && shown < units, `${shown} of ${units} units shown after cancel`);
  assert.match(await page.getByTestId('cancelled').innerText(), new RegExp(`已核对 ${shown} / ${units} 个单位`));
  assert.match(await page.getByTestId('held').innerText(), /已载入 10\.\d MB/);
  // Check again, to the end: every unit, each copy with its own findings.
  await page.getByTestId('recheck').click();
  await page.locator('[data-testid=results][data-state=done]').waitFor({ timeout: 180000 });
  assert.equal(await page.getByTestId('unit').count(), units);
  const xt008 = await page.locator('[data-testid=finding][data-rule="XT-008"]').count();
  assert.equal(xt008, units / 6, 'seed 004 split finding once per copy');
  // The index counts the units with errors: the same units whose own stats show errors.
  const flagged = await page.locator('[data-testid=unit-link]:not([data-errors="0"])').count();
  const withErrors = await page.getByTestId('unit-stats').filter({ hasText: /错误 [1-9]/ }).count();
  assert.equal(flagged, withErrors);
  assert.ok(flagged > 0 && flagged < units);
  assert.match(await page.getByTestId('unit-totals').innerText(), new RegExp(`共 ${units} 个单位，${flagged} 个有错误`));
  const longest = await page.evaluate(() => window.__longestFrame);
  console.log(`longest frame while pasting and checking 10 MB: ${Math.round(longest)} ms`);
  // Responsive: no frame froze the page for seconds (a check on the main thread takes ~10 s).
  assert.ok(longest < 2000, `longest frame ${longest} ms`);
  await page.screenshot({ path: 'tests/e2e/screenshots/large-paste.png' });
  // After so large a check the worker is replaced (to give its memory back): the next check
  // runs in the fresh one.
  // Workers so far: the first (started at load), the one that checked again after Cancel (the
  // first was ended), and the fresh one.
  for (let i = 0; i < 100 && workers.length < 3; i++) await page.waitForTimeout(100);
  assert.equal(workers.length, 3);
  await paste(page, await fixture('004'));
  await page.locator('[data-testid=results][data-state=done]').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=unit]').length === 1);
  assert.equal(await page.getByTestId('results').getAttribute('data-runs-in'), 'worker');
  assert.equal(await page.locator('[data-testid=finding][data-rule="XT-008"]').count(), 1);
  assert.deepEqual(external, []);
  assert.deepEqual(errors, []);
});

test('a large text can still be shown in the box, and cleared', async () => {
  const { page } = await openPage(browser, srv.url);
  const text = big.slice(0, 1_200_000);
  await paste(page, text);
  await page.getByTestId('held').waitFor();
  await page.locator('[data-testid=results][data-state=done]').waitFor({ timeout: 60000 });
  await page.getByTestId('show-held').click();
  assert.equal((await page.getByTestId('input').inputValue()).length, text.length);
  assert.equal(await page.getByTestId('held').count(), 0);
  // Once shown, it is an ordinary text again; clearing it empties the results.
  await page.getByTestId('input').evaluate((el) => { el.value = ''; el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' })); });
  await page.locator('[data-testid=results][data-state=idle]').waitFor();
});

test('a new paste supersedes a check still running', async () => {
  const { page, errors } = await openPage(browser, srv.url);
  await paste(page, big);
  await page.locator('[data-testid=progress] progress:not([data-done="0"])').waitFor({ timeout: 60000 });
  // Pasting a small disclosure over the held text replaces it; the big check is dropped.
  await paste(page, await fixture('004'));
  await page.locator('[data-testid=results][data-state=done]').waitFor({ timeout: 60000 });
  assert.equal(await page.getByTestId('held').count(), 0);
  assert.match(await page.getByTestId('input').inputValue(), /温县医疗保障局/);
  assert.equal(await page.getByTestId('unit').count(), 1);
  assert.match(await page.locator('[data-testid=unit] h2').innerText(), /温县医疗保障局/);
  // Nothing from the dropped check arrives later.
  await page.waitForTimeout(1500);
  assert.equal(await page.getByTestId('unit').count(), 1);
  assert.equal(await page.getByTestId('results').getAttribute('data-state'), 'done');
  assert.deepEqual(errors, []);
});
