// Two scenarios compared: "Pin as A" keeps the configuration; after the users change, the
// quote shows B against A, and every input change, total (A, B, delta, %) and line change
// is the one `hubquote diff A B --format json` reports for the same two scenarios and
// date. The pinned scenario survives a reload with the draft (`hubquote.draft/2`); a
// draft saved as `hubquote.draft/1` still opens; `compare-clear` ends the comparison.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openApp } from './harness.mjs';
import {
  choosePreset,
  cli,
  cliQuote,
  expectedTotals,
  expectTotals,
  formatMoney,
  gotoView,
  poll,
  presetScenario,
  ready,
  session,
  setField,
  staffMode,
  text,
  tid,
  vis,
} from './lib.mjs';

const tmp = session('compare');

const USERS = 80;

/** `hubquote diff A B --format json --date D` of two scenario objects. */
async function cliDiff(a, b, date) {
  const [fa, fb] = [join(tmp(), 'a.json'), join(tmp(), 'b.json')];
  await writeFile(fa, JSON.stringify(a));
  await writeFile(fb, JSON.stringify(b));
  return JSON.parse(cli(['diff', fa, fb, '--format', 'json', '--date', date]));
}

/** `+$1,504.80`, `-$12.00`, `$0.00`: a delta as `hubquote diff --format text` writes it. */
const signed = (d) => (Number(d) > 0 ? '+' : Number(d) < 0 ? '-' : '') + formatMoney(String(d).replace(/^-/, ''));

/** The compare view's cells, by row. */
async function shownCompare(page) {
  const compare = tid(page, 'compare');
  return compare.evaluate((c) => {
    const cells = (tr) => [...tr.querySelectorAll('th, td')].map((x) => x.textContent.trim());
    return {
      inputs: [...c.querySelectorAll('[data-testid="compare-input"]')].map((li) => ({
        path: li.dataset.path,
        change: li.dataset.change,
        text: li.textContent.trim(),
      })),
      totals: [...c.querySelectorAll('[data-testid="compare-total"]')].map((tr) => [tr.dataset.total, ...cells(tr)]),
      lines: [...c.querySelectorAll('[data-testid="compare-line"]')].map((tr) => [tr.dataset.lineId, tr.dataset.change, ...cells(tr)]),
    };
  });
}

/** What the compare view must show for `hubquote diff`'s JSON `d`. */
function expectedCompare(d) {
  const name = (l) => (l.hub ? `${l.label} — ${l.hub}` : l.label);
  const sym = { changed: '~', added: '+', removed: '-' };
  return {
    inputs: d.inputs.map((i) => ({
      path: i.path,
      change: i.change,
      text: `${sym[i.change]} ${i.from != null && i.to != null ? `${i.label}: ${i.from} → ${i.to}` : i.label}`,
    })),
    totals: d.totals.map((t) => [
      t.key,
      t.label,
      formatMoney(t.from),
      formatMoney(t.to),
      signed(t.delta),
      t.percent == null ? '—' : `${Number(t.percent) > 0 ? '+' : ''}${t.percent}%`,
    ]),
    lines: d.lines.map((l) => [
      l.id,
      l.change,
      `${sym[l.change]} ${name(l)} (${l.change})`,
      formatMoney(l.from),
      formatMoney(l.to),
      signed(l.delta),
    ]),
  };
}

test('compare: pin A, change the users, B against A is `hubquote diff`; A survives a reload', { timeout: 120_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await choosePreset(page, 'course-50');
  const a = presetScenario('course-50');
  await gotoView(page, 'quote');
  await expectTotals(tid(page, 'view-quote'), expectedTotals(cliQuote(a), ['total-first-year']), 'A priced');
  await vis(page, 'compare-pin').click();
  await tid(page, 'compare').waitFor({ state: 'visible' });
  assert.match(await text(page, 'compare'), /Nothing: B is configured as A is/, 'B is A right after pinning');

  // 50 → 80 users (registered first: they cannot be fewer than the active ones).
  await staffMode(page);
  await setField(page, 'hubs[0].registered_users', USERS);
  await setField(page, 'hubs[0].monthly_active_users', USERS);
  const b = structuredClone(a);
  b.hubs[0].registered_users = USERS;
  b.hubs[0].monthly_active_users = USERS;
  await gotoView(page, 'quote');
  await expectTotals(tid(page, 'view-quote'), expectedTotals(cliQuote(b), ['total-first-year']), 'B priced');
  const date = await text(page, 'quote-date');
  const want = expectedCompare(await cliDiff(a, b, date));
  assert.ok(want.inputs.some((i) => i.text === `~ Monthly active users, ${a.hubs[0].name}: 50 → ${USERS}`));
  await poll(async () => assert.deepEqual(await shownCompare(page), want, 'B against A, as hubquote diff says'));
  await app.screenshot('b against a');

  // A and the comparison survive a reload, with the draft.
  const saved = await page.evaluate(() => localStorage.getItem('hubquote.draft'));
  assert.match(saved, /^hubquote\.draft\/2 staff \S+ \S+$/, 'the draft holds A');
  // (After the idle-time preloads: a reload would abort them, which the harness counts.)
  await page.waitForLoadState('networkidle');
  await page.reload({ waitUntil: 'load' });
  await ready(page);
  await gotoView(page, 'quote');
  await poll(async () => assert.deepEqual(await shownCompare(page), want, 'the same comparison after a reload'));

  // Clearing ends it, for good.
  await vis(page, 'compare-clear').click();
  await vis(page, 'compare-pin').waitFor();
  assert.equal(await tid(page, 'compare').count(), 0, 'no comparison');
  await page.waitForLoadState('networkidle');
  await page.reload({ waitUntil: 'load' });
  await ready(page);
  await gotoView(page, 'quote');
  await vis(page, 'compare-pin').waitFor();
  assert.equal(await tid(page, 'compare').count(), 0, 'still none after a reload');
  assert.match(await page.evaluate(() => localStorage.getItem('hubquote.draft')), /^hubquote\.draft\/2 staff \S+$/);
  app.assertClean();
});

test('a draft saved by the previous version (hubquote.draft/1) still opens', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t, { path: null });
  const { page } = app;
  const s = presetScenario('research-gpu-dask');
  s.hubs[0].monthly_active_users = 7;
  // The share link's encoding of the scenario, as that version saved it.
  const link = cli(['link', '-', '--base', 'http://x/'], JSON.stringify(s)).trim();
  const encoded = link.split('#s=')[1].split('&c=')[0];
  await page.addInitScript((line) => localStorage.setItem('hubquote.draft', line), `hubquote.draft/1 staff ${encoded}`);
  await app.goto('#quote');
  await ready(page);
  await expectTotals(tid(page, 'view-quote'), expectedTotals(cliQuote(s)), 'the old draft is restored');
  await vis(page, 'compare-pin').waitFor();
  app.assertClean();
});
