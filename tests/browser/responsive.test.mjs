// Responsive layout, from a phone to a projector: at each width every view fits the
// viewport (nothing wider than the screen but the tables, which scroll sideways inside
// their own labelled region), the text stays readable, and the quote's first-year total
// is on the first screen. A screenshot of every view at every width is saved.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { close, launch, openApp } from './harness.mjs';

before(launch);
after(close);

const WIDTHS = [
  ['phone', 360, 740],
  ['tablet', 768, 1024],
  ['projector', 1920, 1080],
];

/** In the page: what sticks out of the viewport horizontally, outside scroll regions. */
function overflow() {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('.hq *')) {
    if (el.closest('.hq-scroll')) continue; // tables scroll inside their region
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > width + 1 || r.left < -1)) {
      out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
  }
  return { page: document.documentElement.scrollWidth, width, out: out.slice(0, 5) };
}

/** In the page: the smallest font size (px) of visible text in the app. */
function smallestText() {
  let min = Infinity;
  for (const el of document.querySelectorAll('.hq *')) {
    if (!el.childNodes.length || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    if (el.closest('.hq-sr') || !el.getClientRects().length) continue;
    min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
  }
  return min;
}

for (const [name, width, height] of WIDTHS) {
  test(`${name} (${width} px): every view fits the screen and stays readable`, { timeout: 90_000 }, async (t) => {
    const app = await openApp(t, { viewport: { width, height } });
    const { page } = app;
    const views = [
      ['menu', '[data-testid="tier-card"]'],
      ['configure', '[data-testid="guided-step"]'],
      ['quote', '[data-testid="total-first-year"]'],
    ];
    for (const [view, ready] of views) {
      await page.locator(`[data-testid="nav-${view}"]`).click();
      await page.locator(`[data-testid="view-${view}"] ${ready}`).first().waitFor({ state: 'visible' });
      const o = await page.evaluate(overflow);
      assert.ok(o.page <= o.width, `${view} at ${width} px: page is ${o.page} px wide: ${o.out.join('; ')}`);
      assert.deepEqual(o.out, [], `${view} at ${width} px: elements outside the screen`);
      assert.ok((await page.evaluate(smallestText)) >= 11, `${view} at ${width} px: text smaller than 11 px`);
      await app.screenshot(view);
    }
    // The staff form too (several columns on wide screens, one on a phone).
    await page.locator('[data-testid="nav-configure"]').click();
    await page.locator('[data-testid="mode-staff"]').click();
    await page.locator('[data-testid="field-hubs[0].monthly_active_users"]').waitFor({ state: 'visible' });
    const o = await page.evaluate(overflow);
    assert.deepEqual(o.out, [], `staff form at ${width} px: elements outside the screen`);
    await app.screenshot('staff');

    // On the quote, the first-year total is on the first screen, without scrolling.
    await page.locator('[data-testid="nav-quote"]').click();
    const total = page.locator('[data-testid="view-quote"] [data-testid="total-first-year"]');
    await total.waitFor({ state: 'visible' });
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await total.boundingBox();
    assert.ok(box && box.y + box.height <= height, `quote at ${width} px: the total is below the first screen (${box?.y})`);
    app.assertClean();
  });
}
