// An honest landing: before the visitor changes anything, the price on the menu and the
// quote's subtitle name the example they price (the preset's `example` in the catalog),
// never "your configuration"; a new visit starts on Recommend, so a choice the cheapest
// tier does not allow moves the recommendation instead of blocking the estimate; and a
// tier chosen by hand that does not allow the answers offers "Switch to <tier>".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, close, launch, openApp } from './harness.mjs';
import { cliQuote, expectTotals, formatMoney, gotoView, poll, presetScenario, ready, setField, text, tid, vis } from './lib.mjs';

before(launch);
after(close);

/** The example sentence of preset `id`, read from the catalog's own text. */
function example(id) {
  const catalog = readFileSync(join(ROOT, 'public/catalog.json5'), 'utf8');
  const at = catalog.indexOf(`id: "${id}"`);
  assert.ok(at >= 0, `preset ${id} in the catalog`);
  return catalog.slice(at).match(/example: "([^"]+)"/)[1];
}

test('before anything changed, the prices name the example they price', { timeout: 90_000 }, async (t) => {
  const s = presetScenario('course-50');
  const q = cliQuote(s, ['--tier', 'recommend']);
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  const heading = vis(page, 'recommendation-heading');
  await poll(async () => assert.equal(
    await heading.innerText(),
    `For ${example('course-50')}: ${q.tier.label}, ${formatMoney(q.totals.first_year_total_cost)} the first year`,
  ));
  await gotoView(page, 'quote');
  assert.equal(await text(page, 'example'), `An example: ${example('course-50')}, ${q.tier.label} membership`);

  // Once an answer changes, it is the visitor's configuration.
  await gotoView(page, 'configure');
  await vis(page, 'guided-next').click();
  await setField(page, 'hubs[0].monthly_active_users', String(s.hubs[0].monthly_active_users - 10));
  await gotoView(page, 'menu');
  await poll(async () => assert.match(await heading.innerText(), /^Recommended for your configuration: /));
  await gotoView(page, 'quote');
  assert.equal(await tid(page, 'example').count(), 0, 'no example subtitle');
  app.assertClean();
});

test('a new visit starts on Recommend; a tier chosen that does not allow the answers offers a switch', { timeout: 90_000 }, async (t) => {
  const s = presetScenario('course-50');
  s.hubs[0].dask_node_hours = 20;
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await gotoView(page, 'configure');
  // Step 3, what they need: Dask hours. On Recommend the estimate follows (the cheapest
  // tier that allows Dask), it is not blocked.
  await vis(page, 'guided-next').click();
  await vis(page, 'guided-next').click();
  await setField(page, 'hubs[0].dask_node_hours', '20');
  const recommended = cliQuote({ ...s, tier: 'recommend' });
  const first = recommended.recommendation.tiers.find((x) => !x.feasible);
  assert.ok(first, 'a tier that does not allow Dask (the CLI says)');
  await expectTotals(page, { 'total-first-year': formatMoney(recommended.totals.first_year_total_cost) }, 'priced on Recommend');
  assert.equal(await tid(page, 'blocked').count(), 0, 'nothing blocked');

  // Step 5: the first tier by hand, which does not allow Dask: the engine's message, and a
  // way forward to the tier the engine recommends.
  await vis(page, 'guided-next').click();
  await vis(page, 'guided-next').click();
  await setField(page, 'tier', first.tier);
  const blocked = vis(page, 'blocked');
  await blocked.waitFor();
  assert.ok((await blocked.innerText()).toLowerCase().includes(first.conflicts[0].message.toLowerCase()), await blocked.innerText());
  const to = vis(page, 'switch-tier');
  assert.equal(await to.innerText(), `Switch to ${recommended.tier.label}`);
  await app.screenshot('blocked');
  await to.click();
  await poll(async () => assert.equal(await tid(page, 'blocked').count(), 0));
  const switched = cliQuote({ ...s, tier: recommended.tier.name });
  await expectTotals(page, { 'total-first-year': formatMoney(switched.totals.first_year_total_cost) }, 'priced on the tier switched to');
  app.assertClean();
});
