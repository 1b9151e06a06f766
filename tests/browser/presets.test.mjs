// Every preset of the default catalog, chosen in the web app, gives the same totals as the
// native CLI for the same preset (the engine is the same code; this proves the UI wires the
// scenario through unchanged and formats money like the engine).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { close, launch, openApp } from './harness.mjs';
import {
  choosePreset,
  cliQuote,
  expectTotals,
  expectedTotals,
  gotoView,
  hubquoteBin,
  presetIds,
  presetScenario,
  ready,
  tid,
  vis,
} from './lib.mjs';

before(async () => {
  hubquoteBin(); // builds the CLI if there is none
  await launch();
});
after(close);

const IDS = ['total-first-year', 'total-first-year-invoice', 'total-monthly-cloud', 'total-term'];
const PRESETS = (() => {
  hubquoteBin();
  return presetIds();
})();

test('the preset select lists exactly the catalog presets', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await gotoView(page, 'configure');
  // The forms are a lazily loaded chunk: wait for them before reading the options.
  await vis(page, 'preset').waitFor({ state: 'visible', timeout: 10_000 });
  const options = await vis(page, 'preset')
    .locator('option')
    .evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent.trim() })));
  assert.ok(options.length > 0, 'the preset select has options');
  assert.match(options[0].text, /choose a preset/i, 'first option is "Choose a preset"');
  assert.deepEqual(
    options.slice(1).map((o) => o.value),
    PRESETS,
    'option values are the preset ids, in catalog order',
  );
  app.assertClean();
});

for (const id of PRESETS) {
  test(`preset ${id}: totals equal the CLI's`, { timeout: 60_000 }, async (t) => {
    const quote = cliQuote(presetScenario(id));
    const expected = expectedTotals(quote, IDS);
    const app = await openApp(t);
    const { page } = app;
    await ready(page);
    await choosePreset(page, id);

    // The live summary beside the form (if the configure view shows one) ...
    if (await tid(page, 'total-first-year').filter({ visible: true }).count()) {
      await expectTotals(
        page,
        { 'total-first-year': expected['total-first-year'] },
        `live summary of ${id}`,
      );
    }
    // ... and the quote view: the four totals, and the other three too.
    await gotoView(page, 'quote');
    await expectTotals(tid(page, 'view-quote'), expected, `quote view of ${id}`);
    await expectTotals(tid(page, 'view-quote'), expectedTotals(quote), `every total of ${id}`);
    app.assertClean();
  });
}
