// State that leaves the page: the share link (round trip in a fresh context, same totals
// to the cent), the draft in localStorage (survives a reload), and the JSON file (download,
// re-open: totals match; a hand-edited file: "totals differ").
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openApp } from './harness.mjs';
import {
  choosePreset,
  cliQuote,
  expectedTotals,
  expectTotals,
  formatMoney,
  gotoView,
  isShown,
  poll,
  presetScenario,
  readTotals,
  ready,
  session,
  setField,
  staffMode,
  text,
  tid,
  TOTALS,
  vis,
} from './lib.mjs';

const tmp = session('state');

const PRESET = 'research-gpu-dask';
const MAU = 12;

/** The preset with one change (so the state is not just a preset), and its CLI quote. */
function edited() {
  const s = presetScenario(PRESET);
  s.hubs[0].monthly_active_users = MAU;
  return { s, q: cliQuote(s) };
}

async function editedState(page) {
  await ready(page);
  await choosePreset(page, PRESET);
  await staffMode(page);
  await setField(page, 'hubs[0].monthly_active_users', MAU);
  const { q } = edited();
  await expectTotals(page, expectedTotals(q, ['total-first-year']), 'edited scenario priced');
  return q;
}

test('share link: copy, open in a fresh context, same totals to the cent', { timeout: 90_000 }, async (t) => {
  const app = await openApp(t, {
    contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
  });
  const { page } = app;
  const q = await editedState(page);
  await gotoView(page, 'quote');
  const view = tid(page, 'view-quote');
  await expectTotals(view, expectedTotals(q), 'quote view before sharing');
  const before = await readTotals(view);

  await vis(page, 'copy-link').click();
  let link;
  await poll(async () => {
    link = page.url();
    assert.match(link, /#s=1\.[A-Za-z0-9_-]+&c=1\.[0-9a-f]{16}(\.[A-Za-z0-9_-]+){2}$/, 'copy-link puts the share link, naming its catalog, in the address bar');
  });
  await poll(async () => assert.equal(await text(page, 'share-link'), link, 'share-link shows the link'));
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip, link, 'the clipboard holds the link');

  const fresh = await openApp(t, { path: null });
  await fresh.page.goto(link, { waitUntil: 'load' });
  await ready(fresh.page);
  await tid(fresh.page, 'view-quote').waitFor({ state: 'visible', timeout: 10_000 });
  await expectTotals(tid(fresh.page, 'view-quote'), before, 'the share link reproduces every total');
  await staffMode(fresh.page);
  assert.equal(await vis(fresh.page, 'field-hubs[0].monthly_active_users').inputValue(), String(MAU));
  await fresh.screenshot('opened share link');
  fresh.assertClean('browser problems in the fresh context');
  app.assertClean();
});

test('the draft survives a reload (localStorage)', { timeout: 90_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  const q = await editedState(page);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.length > 0, 'the draft is in localStorage');

  await page.reload({ waitUntil: 'load' });
  await ready(page);
  await staffMode(page);
  await poll(async () =>
    assert.equal(await vis(page, 'field-hubs[0].monthly_active_users').inputValue(), String(MAU)),
  );
  await gotoView(page, 'quote');
  await expectTotals(tid(page, 'view-quote'), expectedTotals(q), 'totals after reload');
  app.assertClean();
});

test('Download JSON, Open JSON: totals match; a hand-edited file: totals differ', { timeout: 90_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  const q = await editedState(page);
  await gotoView(page, 'quote');
  const view = tid(page, 'view-quote');
  await expectTotals(view, expectedTotals(q), 'before download');
  const shown = await readTotals(view);

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    vis(page, 'download-json').click(),
  ]);
  assert.match(download.suggestedFilename(), /\.json$/, 'a .json file');
  const file = join(tmp(), 'quote.json');
  await download.saveAs(file);
  const doc = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(doc.format, 'hubquote.quote/1');
  assert.equal(doc.scenario.hubs[0].monthly_active_users, MAU, 'the scenario is inside');
  for (const [id, key] of Object.entries(TOTALS)) {
    assert.equal(doc.totals[key], q.totals[key], `file total ${key} = CLI`);
  }

  // Re-open the same file: totals match.
  await vis(page, 'open-json').setInputFiles(file);
  await poll(async () => {
    const s = await text(page, 'import-status');
    assert.match(s, /match|reproduce|same/i, `import-status says the totals match: "${s}"`);
    assert.doesNotMatch(s, /differ/i);
  });
  await expectTotals(view, shown, 'same totals after opening the file');
  await app.screenshot('opened the downloaded file');

  // Hand-edit one total: detected.
  const edited = structuredClone(doc);
  const wrong = (Number(doc.totals.first_year_total_cost) + 100).toFixed(2);
  edited.totals.first_year_total_cost = wrong;
  const editedFile = join(tmp(), 'quote-edited.json');
  await writeFile(editedFile, JSON.stringify(edited, null, 2));
  await vis(page, 'open-json').setInputFiles(editedFile);
  await poll(async () => {
    const s = await text(page, 'import-status');
    assert.match(s, /differ/i, `import-status says the totals differ: "${s}"`);
  });
  t.diagnostic(`import-status on the edited file: ${await text(page, 'import-status')}`);
  // Still priced from the scenario, never from the file's claim.
  assert.notEqual(await text(page, 'total-first-year'), formatMoney(wrong));

  // Hand-edit an amount of the scenario inside (the totals no longer follow from it).
  const edited2 = structuredClone(doc);
  edited2.scenario.hubs[0].monthly_active_users = MAU + 1;
  const editedFile2 = join(tmp(), 'quote-edited-scenario.json');
  await writeFile(editedFile2, JSON.stringify(edited2, null, 2));
  const prev = await text(page, 'import-status');
  await vis(page, 'open-json').setInputFiles(editedFile2);
  await poll(async () => {
    const s = await text(page, 'import-status');
    assert.notEqual(s, prev, 'import-status reports the second file');
    assert.match(s, /differ/i, `import-status says the totals differ: "${s}"`);
  });
  t.diagnostic(`import-status on the edited scenario: ${await text(page, 'import-status')}`);
  app.assertClean();
});

test('a damaged or tampered share link: a clear message, the last good quote kept', { timeout: 90_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  const q = await editedState(page);
  await gotoView(page, 'quote');
  const view = tid(page, 'view-quote');
  await expectTotals(view, expectedTotals(q), 'before the damaged links');
  const good = await readTotals(view);
  const base = page.url().split('#')[0];

  // Valid encoding of an invalid scenario (more active than registered users) ...
  const bad = presetScenario('course-50');
  bad.hubs[0].monthly_active_users = bad.hubs[0].registered_users + 1;
  const tampered = `1.${Buffer.from(JSON.stringify(bad)).toString('base64url')}`;
  // ... a link cut short in the middle of a character, and an unknown version.
  const links = {
    tampered: [tampered, /more than the \d+ registered users/],
    truncated: [tampered.slice(0, 41), /share link is damaged/i],
    'unknown version': [`9.${tampered.slice(2)}`, /share link is damaged/i],
  };
  for (const [what, [s, message]] of Object.entries(links)) {
    await page.goto(`${base}#s=${s}`);
    let shown;
    await poll(async () => {
      shown = await page.locator('#hubquote').innerText();
      const alerts = await page.locator('#hubquote [role="alert"]').filter({ visible: true }).allInnerTexts();
      assert.ok(message.test(shown), `a message for the ${what} link matching ${message}; alerts shown: ${JSON.stringify(alerts)}`);
    });
    shown = shown.split('\n').find((l) => message.test(l));
    if (what === 'tampered') {
      assert.ok(await isShown(tid(page, 'quote-stale')), 'quote-stale shown for the invalid scenario');
    }
    t.diagnostic(`${what} link → ${shown}`);
    await expectTotals(view, good, `the last good quote is kept after the ${what} link`);
    await app.screenshot(`${what} link`);
  }
  app.assertClean();
});
