// The quote view's contract beyond the totals: line rows and their rationale toggles, the
// cloud band and budget alert, the chart, the tier comparison (cheapest feasible marked),
// and `quote-error` for a tier that does not allow the scenario. Expected values come from
// the CLI for the same preset.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { close, launch, openApp } from './harness.mjs';
import {
  choosePreset,
  cliQuote,
  expectTotals,
  formatMoney,
  gotoView,
  hubquoteBin,
  isShown,
  poll,
  presetScenario,
  ready,
  setField,
  staffMode,
  text,
  tid,
} from './lib.mjs';

before(async () => {
  hubquoteBin();
  await launch();
});
after(close);

test('lines, rationale, band, chart and tier comparison match the CLI', { timeout: 90_000 }, async (t) => {
  const id = 'research-gpu-dask';
  const q = cliQuote(presetScenario(id));
  const sym = q.currency.symbol;
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await choosePreset(page, id);
  await gotoView(page, 'quote');
  const view = tid(page, 'view-quote');
  await expectTotals(view, { 'total-first-year': formatMoney(q.totals.first_year_total_cost, sym) });

  // One `line` row per quote line, in order (the details are a chunk shown after the
  // first paint: wait for them).
  await tid(view, 'line').first().waitFor({ state: 'visible', timeout: 10_000 });
  const ids = await tid(view, 'line').evaluateAll((rs) => rs.map((r) => r.dataset.lineId));
  assert.deepEqual(ids, q.lines.map((l) => l.id), 'line rows (data-line-id) = the quote lines');

  // why-<id> toggles rationale-<id>, whose text is the engine's rationale.
  for (const line of [q.lines[0], q.lines[q.lines.length - 1]]) {
    const why = tid(view, `why-${line.id}`);
    const rationale = tid(view, `rationale-${line.id}`);
    assert.equal(await isShown(rationale), false, `rationale-${line.id} hidden at first`);
    await why.click();
    await poll(async () => assert.ok(await isShown(rationale), `why-${line.id} shows rationale-${line.id}`));
    assert.equal((await rationale.innerText()).trim(), line.rationale, `rationale of ${line.id}`);
    const expanded = await why.getAttribute('aria-expanded');
    assert.ok(expanded === null || expanded === 'true', 'aria-expanded follows');
    await why.click();
    await poll(async () => assert.equal(await isShown(rationale), false, `why-${line.id} hides it again`));
  }

  // The cloud band and the budget alert.
  const band = {
    'band-low': q.cloud_band.low,
    'band-expected': q.cloud_band.expected,
    'band-high': q.cloud_band.high,
    'budget-alert': q.cloud_band.budget_alert,
  };
  for (const [hook, amount] of Object.entries(band)) {
    assert.ok((await text(view, hook)).includes(formatMoney(amount, sym)), `${hook} shows ${formatMoney(amount, sym)}`);
  }

  // The chart is an <svg>.
  assert.equal(await tid(view, 'cost-chart').evaluate((e) => e.tagName.toLowerCase()), 'svg');

  // The tiers side by side; `cheapest` on the cheapest feasible one.
  await tid(view, 'tier-compare').waitFor({ state: 'visible', timeout: 10_000 });
  const rows = tid(view, 'tier-compare').locator('[data-tier]');
  const tiers = await rows.evaluateAll((rs) =>
    rs.map((r) => ({ tier: r.dataset.tier, cheapest: r.classList.contains('cheapest') })),
  );
  const feasible = q.recommendation.tiers.filter((x) => x.feasible);
  const cheapest = feasible.reduce((a, b) => (Number(b.first_year_total_cost) < Number(a.first_year_total_cost) ? b : a));
  assert.deepEqual(
    tiers,
    q.recommendation.tiers.map((x) => ({ tier: x.tier, cheapest: x.tier === cheapest.tier })),
    'a row per tier, the cheapest feasible marked',
  );
  for (const x of feasible) {
    const row = tid(view, 'tier-compare').locator(`[data-tier="${x.tier}"]`);
    assert.ok((await row.innerText()).includes(formatMoney(x.first_year_total_cost, sym)), `${x.tier} first-year total`);
  }
  app.assertClean();
});

test('a tier that does not allow the scenario shows quote-error with each conflict', { timeout: 90_000 }, async (t) => {
  const id = 'research-gpu-dask';
  const s = presetScenario(id);
  const q = cliQuote(s);
  const conflicts = q.recommendation.tiers.find((x) => x.tier === 'Essential').conflicts;
  assert.ok(conflicts.length > 0, 'the CLI says Essential does not allow this preset');
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await choosePreset(page, id);
  await staffMode(page);
  await expectTotals(page, { 'total-first-year': formatMoney(q.totals.first_year_total_cost) });
  await setField(page, 'tier', 'Essential');
  let shown;
  await poll(async () => {
    assert.ok(await isShown(tid(page, 'quote-error')), 'quote-error shown');
    shown = await text(page, 'quote-error');
    for (const c of conflicts) {
      const m = typeof c === 'string' ? c : c.message ?? JSON.stringify(c);
      assert.ok(shown.includes(m), `quote-error lists "${m}"`);
    }
  });
  t.diagnostic(`quote-error: ${shown.replace(/\n+/g, ' | ')}`);
  // Never a made-up price for a tier that does not allow it: the last good one, or none.
  const total = (await tid(page, 'total-first-year').filter({ visible: true }).count())
    ? await text(page, 'total-first-year')
    : '';
  assert.ok(
    total === '' || total === formatMoney(q.totals.first_year_total_cost),
    `total-first-year is not a price for Essential: "${total}"`,
  );
  app.assertClean();
});
