// How the page feels: a phone-sized screen, the keyboard alone, and the system's dark scheme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, fixture, pasteText } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

test('on a phone the page fits the screen; wide tables scroll inside their own box', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto(srv.url);
  await pasteText(page, await fixture('003'));
  const plan = page.locator('[data-testid=finding][data-rule="PERF-001"]').first();
  await plan.waitFor();
  await plan.locator('button').tap();
  await plan.getByTestId('rebuilt-table').first().waitFor();
  // A mobile browser widens its layout viewport (innerWidth) to fit overflowing content; the
  // device width is the 390 px the phone has.
  const { doc, view, results: wide } = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth, view: window.innerWidth,
    results: document.querySelector('[data-testid=results]').getBoundingClientRect().right,
  }));
  assert.equal(view, 390, 'the layout viewport stays at the device width');
  assert.ok(doc <= 390, `page is ${doc}px wide on a 390px screen`);
  assert.ok(wide <= 390, `results end at ${wide}px`);
  // The input and the results stack in one column.
  const input = await page.getByTestId('input').boundingBox();
  const results = await page.getByTestId('results').boundingBox();
  assert.ok(results.y > input.y + input.height - 1, 'results sit below the input');
  await page.screenshot({ path: 'tests/e2e/screenshots/phone.png', fullPage: false });
  await page.close();
});

test('the keyboard alone reaches a finding and opens it', async () => {
  const page = await browser.newPage();
  await page.goto(srv.url);
  await pasteText(page, await fixture('004'));
  await page.locator('[data-testid=finding][data-rule="XT-008"]').waitFor();
  // Tab from the top of the page until focus lands on the XT-008 finding's button.
  await page.locator('body').focus();
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.closest('[data-testid=finding]')?.dataset.rule === 'XT-008');
  }
  assert.ok(reached, 'Tab reaches the finding');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'false');
  await page.keyboard.press('Enter');
  const finding = page.locator('[data-testid=finding][data-rule="XT-008"]');
  await finding.getByTestId('finding-detail').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'true');
  await page.close();
});

test('the page follows the system dark scheme', async () => {
  const page = await browser.newPage({ colorScheme: 'dark' });
  await page.goto(srv.url);
  await pasteText(page, await fixture('000'));
  await page.getByTestId('summary').waitFor();
  const [bg, fg] = await page.evaluate(() => {
    const s = getComputedStyle(document.body);
    return [s.backgroundColor, s.color];
  });
  assert.equal(bg, 'rgb(22, 23, 26)');
  assert.equal(fg, 'rgb(236, 234, 228)');
  await page.screenshot({ path: 'tests/e2e/screenshots/dark.png' });
  await page.close();
});
