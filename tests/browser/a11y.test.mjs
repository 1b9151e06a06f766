// Accessibility of every view: axe-core finds no serious or critical violation on the menu,
// configure (guided and staff) and the quote; every input/select/textarea has an
// accessible name, and every `field-*` has a <label for>.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeSerious, close, launch, openApp } from './harness.mjs';
import { choosePreset, gotoView, poll, ready, tid, vis } from './lib.mjs';

before(launch);
after(close);

/** Controls inside the app without an accessible name, and field-* without <label for>. */
function unnamedControls() {
  const root = document.querySelector('#hubquote');
  const out = [];
  const textOf = (ids) =>
    ids
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent.trim() ?? '')
      .join(' ')
      .trim();
  for (const el of root.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden') continue;
    const what = el.getAttribute('data-testid') || el.outerHTML.slice(0, 80);
    const name =
      el.getAttribute('aria-label')?.trim() ||
      (el.getAttribute('aria-labelledby') && textOf(el.getAttribute('aria-labelledby'))) ||
      [...(el.labels ?? [])].map((l) => l.textContent.trim()).join(' ').trim() ||
      el.getAttribute('title')?.trim() ||
      '';
    if (!name) out.push(`no accessible name: ${what}`);
    const testid = el.getAttribute('data-testid') ?? '';
    if (testid.startsWith('field-')) {
      const forLabel = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (!forLabel) out.push(`no <label for>: ${testid}`);
    }
  }
  return out;
}

async function check(t, app, view) {
  const violations = await axeSerious(app.page, { include: '#hubquote' });
  const unnamed = await app.page.evaluate(unnamedControls);
  await app.screenshot(view);
  assert.deepEqual(violations, [], `axe: serious/critical violations on ${view}`);
  assert.deepEqual(unnamed, [], `unnamed controls on ${view}`);
}

test('menu view', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t);
  await ready(app.page);
  await gotoView(app.page, 'menu');
  await tid(app.page, 'tier-card').first().waitFor({ state: 'visible', timeout: 5_000 });
  // The matrix is a lazily loaded chunk: axe must see it.
  await tid(app.page, 'feature-matrix').waitFor({ state: 'visible', timeout: 10_000 });
  await check(t, app, 'menu');
  // The matrix's structure (docs/ui-contract.md): a rowgroup header per group, a row per
  // item, a cell per tier; one recommended tier card.
  const m = await app.page.evaluate(() => {
    const table = document.querySelector('[data-testid="feature-matrix"]');
    const groups = [...table.tBodies].map((b) => b.querySelector('th[scope="rowgroup"]')?.textContent.trim() ?? null);
    const rows = [...table.querySelectorAll('[data-item]')];
    return {
      isTable: table.tagName === 'TABLE',
      groups,
      items: rows.length,
      cells: [...new Set(rows.map((r) => r.querySelectorAll('[data-tier]').length))],
      recommended: [...document.querySelectorAll('[data-testid="tier-card"].recommended')].map((c) => c.dataset.tier),
      reasons: document.querySelectorAll('[data-testid="recommendation"] li').length,
    };
  });
  assert.ok(m.isTable, 'feature-matrix is a <table>');
  assert.ok(m.groups.length > 1 && !m.groups.includes(null), `a <th scope=rowgroup> in every <tbody>: ${JSON.stringify(m.groups)}`);
  assert.equal(m.items, 25, 'a row per catalog item');
  assert.deepEqual(m.cells, [3], 'a cell per tier in every row');
  assert.equal(m.recommended.length, 1, 'one recommended tier card');
  assert.ok(m.reasons >= 1, 'the recommendation gives its reasons');
  // The whole page too (landmarks, title, lang).
  assert.deepEqual(await axeSerious(app.page), [], 'axe on the whole page');
  app.assertClean();
});

test('configure view, guided mode', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await gotoView(page, 'configure');
  await choosePreset(page, 'course-50');
  await vis(page, 'mode-guided').click();
  await tid(page, 'guided-step').waitFor({ state: 'visible', timeout: 5_000 });
  await check(t, app, 'configure guided, step 1');
  // Every step of the guided flow.
  for (let step = 2; step <= 15; step++) {
    const next = tid(page, 'guided-next').filter({ visible: true });
    if (!(await next.count()) || (await next.first().isDisabled())) break;
    const before = await tid(page, 'guided-step').first().innerText();
    await next.first().click();
    if (await tid(page, 'view-quote').isVisible()) break;
    await poll(async () => assert.notEqual(await tid(page, 'guided-step').first().innerText(), before));
    await check(t, app, `configure guided, step ${step}`);
  }
  app.assertClean();
});

test('configure view, staff mode', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await gotoView(page, 'configure');
  await choosePreset(page, 'university-2000');
  await vis(page, 'mode-staff').click();
  await vis(page, 'field-hubs[0].name').waitFor({ state: 'visible', timeout: 5_000 });
  await vis(page, 'add-discount').click();
  await vis(page, 'field-discounts[0].reason').waitFor({ state: 'visible', timeout: 5_000 });
  await check(t, app, 'configure staff');
  app.assertClean();
});

test('quote view', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await choosePreset(page, 'research-gpu-dask');
  await gotoView(page, 'quote');
  await vis(page, 'total-first-year').waitFor({ state: 'visible', timeout: 5_000 });
  // The details and the tiers compared are lazily loaded chunks: axe must see them.
  await tid(page, 'tier-compare').waitFor({ state: 'visible', timeout: 10_000 });
  // One rationale opened, so its content is checked too.
  const why = tid(page, 'view-quote').locator('[data-testid^="why-"]').first();
  await why.waitFor({ state: 'visible', timeout: 10_000 });
  await why.click();
  await check(t, app, 'quote');
  app.assertClean();
});

test('tabs: role, aria-selected, and each view reachable by its URL hash', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  for (const view of ['configure', 'quote', 'menu']) {
    await app.goto(`#${view}`);
    await tid(page, `view-${view}`).waitFor({ state: 'visible', timeout: 5_000 });
    for (const other of ['menu', 'configure', 'quote']) {
      const tab = tid(page, `nav-${other}`);
      assert.equal(await tab.getAttribute('role'), 'tab', `nav-${other} has role=tab`);
      assert.equal(await tab.getAttribute('aria-selected'), String(other === view), `#${view}: nav-${other} aria-selected`);
      assert.equal(await tid(page, `view-${other}`).getAttribute('role'), 'tabpanel');
      assert.equal(await tid(page, `view-${other}`).isVisible(), other === view, `#${view}: view-${other} visible?`);
    }
  }
  app.assertClean();
});
