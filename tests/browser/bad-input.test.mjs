// Bad input never crashes and never lies: invalid numbers get an inline message, the quote
// is marked stale and the last good total stays; broken catalogs (404, JSON5 syntax error)
// show `catalog-error` with line:column; a feature-only catalog shows the menu without
// prices; lazily loaded code that cannot be fetched is a message, not a crash. Only the
// expected failures are tolerated, through the harness's `ignore` option.
//
// The fixtures are copied into dist/test-fixtures-<pid>/ for the duration of this file (the
// app is served from dist/, and a second origin would be blocked by the strict CSP's
// connect-src); one folder per process, so concurrent runs do not delete each other's.
import assert from 'node:assert/strict';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DIST, ROOT, appUrl, close, launch, openApp } from './harness.mjs';
import {
  choosePreset,
  cli,
  cliQuote,
  expectTotals,
  expectedTotals,
  hubquoteBin,
  isShown,
  poll,
  presetScenario,
  ready,
  staffMode,
  text,
  tid,
  typeInto,
  vis,
} from './lib.mjs';

const FIXTURES = join(ROOT, 'tests/browser/fixtures');
const SERVED_DIR = `test-fixtures-${process.pid}`;
const SERVED = join(DIST, SERVED_DIR);
const BROKEN = 'broken-catalog.json5';
const FEATURE_ONLY = 'catalog_20250825.json';
const FEATURE_ONLY_SRC = join(ROOT, '../shared/reference/hub-configurator', FEATURE_ONLY);

before(async () => {
  hubquoteBin();
  await mkdir(SERVED, { recursive: true });
  await copyFile(join(FIXTURES, BROKEN), join(SERVED, BROKEN));
  await copyFile(FEATURE_ONLY_SRC, join(SERVED, FEATURE_ONLY));
  await launch();
});
after(async () => {
  await close();
  await rm(SERVED, { recursive: true, force: true });
});

const MAU = 'hubs[0].monthly_active_users';

test('invalid monthly active users: message, stale quote, last good total kept', { timeout: 120_000 }, async (t) => {
  const s = presetScenario('course-50');
  const good = String(s.hubs[0].monthly_active_users);
  const goodTotal = expectedTotals(cliQuote(s), ['total-first-year']);
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await choosePreset(page, 'course-50');
  await staffMode(page);
  await expectTotals(page, goodTotal, 'preset priced');
  const field = vis(page, `field-${MAU}`);
  const type = await field.getAttribute('type');
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';

  const cases = [
    ['-5', /./],
    ['abc', /./],
    ['1e30', /./],
    [String(s.hubs[0].registered_users + 1), /regist/i],
    ['', /./],
    ['NaN', /./],
    ['Infinity', /./],
    ['12.5', /./],
    [' 1 2', /./],
  ];
  for (const [bad, message] of cases) {
    await typeInto(page, MAU, bad);
    let msg;
    await poll(async () => {
      assert.ok(await isShown(tid(page, `error-${MAU}`)), `error-${MAU} shown for "${bad}"`);
      msg = await text(page, `error-${MAU}`);
      assert.match(msg, message, `message for "${bad}"`);
      assert.ok(await isShown(tid(page, 'quote-stale')), `quote-stale shown for "${bad}"`);
    });
    t.diagnostic(`"${bad}" → ${msg}`);
    // The message is linked to the field.
    const errId = await vis(page, `error-${MAU}`).getAttribute('id');
    assert.ok(errId && (await field.getAttribute('aria-describedby'))?.split(/\s+/).includes(errId),
      `error-${MAU} is linked with aria-describedby (field: "${describedBy}", error id: ${errId})`);
    // The field keeps what was typed (a number input cannot hold "abc").
    if (!(bad === 'abc' && type === 'number')) {
      assert.equal(await field.inputValue(), bad, `the field keeps "${bad}"`);
    }
    await expectTotals(page, goodTotal, `last good total kept for "${bad}"`);
    await app.screenshot(`mau ${bad || 'empty'}`);

    // Back to a good value: message and staleness go away.
    await typeInto(page, MAU, good);
    await poll(async () => {
      assert.ok(
        !(await isShown(tid(page, `error-${MAU}`))) || (await text(page, `error-${MAU}`)) === '',
        `error cleared after "${bad}"`,
      );
      assert.ok(!(await isShown(tid(page, 'quote-stale'))), `quote-stale hidden after "${bad}"`);
    });
    await expectTotals(page, goodTotal, `good total after "${bad}"`);
  }
  app.assertClean();
});

test('a catalog URL that 404s shows catalog-error', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t, { path: '?catalog=/nope.json5', ignore: [/nope\.json5/] });
  const { page } = app;
  await ready(page);
  await tid(page, 'catalog-error').waitFor({ state: 'visible', timeout: 10_000 });
  const msg = await text(page, 'catalog-error');
  t.diagnostic(`catalog-error: ${msg}`);
  assert.match(msg, /nope\.json5/, 'names the file');
  assert.match(msg, /404|not found/i, 'says it was not found');
  app.assertClean();
});

test('a catalog with a JSON5 syntax error shows catalog-error with line:column', { timeout: 60_000 }, async (t) => {
  // Where the engine itself puts the error (`hubquote check`), e.g. "…:9:24: error: …".
  let out = '';
  try {
    cli(['check', join(FIXTURES, BROKEN)]);
  } catch (e) {
    out = String(e.stdout) + String(e.stderr);
  }
  const [, line, col] = out.match(/:(\d+):(\d+): error/) ?? [];
  assert.ok(line, `hubquote check reports a position: ${out}`);

  const app = await openApp(t, { path: `?catalog=${SERVED_DIR}/${BROKEN}` });
  const { page } = app;
  await ready(page);
  await tid(page, 'catalog-error').waitFor({ state: 'visible', timeout: 10_000 });
  const msg = await text(page, 'catalog-error');
  t.diagnostic(`catalog-error: ${msg}`);
  assert.match(
    msg,
    new RegExp(`${BROKEN.replace('.', '\\.')}:${line}:${col}: \\S`),
    'FILE:LINE:COLUMN: message, at the same place as hubquote check',
  );
  app.assertClean();
});

test('a broken catalog file opened with catalog-file shows catalog-error with line:column', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await tid(page, 'catalog-file').setInputFiles(join(FIXTURES, BROKEN));
  await tid(page, 'catalog-error').waitFor({ state: 'visible', timeout: 10_000 });
  const msg = await text(page, 'catalog-error');
  t.diagnostic(`catalog-error: ${msg}`);
  assert.match(msg, new RegExp(`${BROKEN.replace('.', '\\.')}:9:24: \\S`), 'FILE:LINE:COLUMN: message');
  app.assertClean();
});

test('a feature-only catalog shows the menu and prices-unavailable', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t, { path: `?catalog=${SERVED_DIR}/${FEATURE_ONLY}` });
  const { page } = app;
  await ready(page);
  await poll(async () => assert.match(await text(page, 'catalog-name'), /2i2c Hub Catalog/), { timeout: 10_000 });
  assert.ok(await isShown(tid(page, 'prices-unavailable')), 'prices-unavailable shown');
  assert.ok(!(await isShown(tid(page, 'catalog-error'))), 'no catalog-error');
  if (!(await isShown(tid(page, 'view-menu')))) await vis(page, 'nav-menu').click();
  await tid(page, 'view-menu').waitFor({ state: 'visible', timeout: 5_000 });
  const tiers = await tid(page, 'tier-card').evaluateAll((cs) => cs.map((c) => c.dataset.tier));
  assert.deepEqual(tiers, ['Essential', 'Advanced', 'Premier']);
  // The matrix is a lazily loaded chunk shown after the first paint.
  await tid(page, 'feature-matrix').waitFor({ state: 'visible', timeout: 10_000 });
  assert.equal(await tid(page, 'feature-matrix').locator('[data-item]').count(), 25, 'all 25 items');
  // No prices anywhere on a feature-only catalog.
  assert.doesNotMatch(await tid(page, 'view-menu').innerText(), /\$\d/, 'no prices on the menu');
  app.assertClean();
});

test('lazily loaded code that cannot be fetched: the prices still show, a message where a part is missing, no crash, and a retry works', { timeout: 90_000 }, async (t) => {
  // Every chunk request fails (a host that did not copy them, a connection lost after
  // the first load); the loader reports each failure on the console.
  const chunk = /\/pkg\/(split|chunk)_[^/]*\.wasm$/;
  const app = await openApp(t, {
    path: null,
    ignore: [/request failed: GET .*\/pkg\/(split|chunk)_/, /^console\.error: /],
  });
  const { page } = app;
  const uncaught = [];
  page.on('pageerror', (e) => uncaught.push(e.message));
  await page.route(chunk, (route) => route.abort());
  await app.goto('#quote');
  await ready(page);
  await vis(page, 'total-first-year').waitFor();
  await page.waitForTimeout(500); // the idle-time preloads fail quietly

  // The totals come with the first download; the details below them are a chunk.
  await poll(async () =>
    assert.match(await vis(page, 'view-quote').innerText(), /details \(cloud band, chart, line items, notes\) could not be downloaded.*totals above are complete/s),
  );
  assert.match(await vis(page, 'total-first-year').innerText(), /\$\d/);
  assert.equal(await page.locator('[data-testid="line"]').count(), 0, 'no line items without their chunk');
  await app.screenshot('quote-details-unavailable');

  // So are the quote's links and files: a message in their place.
  assert.match(await vis(page, 'view-quote').innerText(), /links, files and comparison could not be downloaded.*totals above are complete/s);
  assert.equal(await tid(page, 'download-pdf').count(), 0, 'no download buttons without their chunk');
  await app.screenshot('actions-unavailable');

  // The menu: its prices and recommendation, and a message where the feature matrix goes.
  await tid(page, 'nav-menu').click();
  await poll(async () =>
    assert.match(await vis(page, 'view-menu').innerText(), /feature comparison could not be downloaded.*tiers above are complete/s),
  );
  assert.match(await vis(page, 'recommendation').innerText(), /\$\d/);
  await app.screenshot('matrix-unavailable');

  await tid(page, 'nav-configure').click();
  await vis(page, 'chunk-error').waitFor();
  assert.match(await vis(page, 'chunk-error').innerText(), /could not be downloaded.*open this tab again/s);
  await app.screenshot('configure-unavailable');

  // The header's controls (presentation mode, the catalog picker) are a chunk: not there.
  assert.equal(await tid(page, 'catalog-file').count(), 0, 'no catalog picker without its chunk');
  assert.equal(await tid(page, 'presentation-toggle').count(), 0, 'no presentation toggle without its chunk');
  // A page opened with ?catalog= says the catalog could not be loaded, and keeps its own.
  const other = await app.context.newPage();
  other.on('pageerror', (e) => uncaught.push(e.message));
  await other.route(chunk, (route) => route.abort());
  await other.goto(appUrl(`?catalog=${SERVED_DIR}/${BROKEN}#menu`), { waitUntil: 'load' });
  await ready(other);
  await poll(async () => assert.match(await text(other, 'catalog-error'), /was not fetched.*could not be downloaded/s));
  assert.equal((await tid(other, 'tier-card').count()) > 0, true, 'the embedded catalog is still in use');
  await other.close();

  // The connection is back: opening a tab again loads what it lacked; a download works.
  await page.unroute(chunk);
  await tid(page, 'nav-menu').click();
  await vis(page, 'feature-matrix').waitFor();
  await tid(page, 'nav-configure').click();
  await vis(page, 'guided-step').waitFor();
  await tid(page, 'nav-quote').click();
  await vis(page, 'line').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), vis(page, 'download-pdf').click()]);
  assert.match(download.suggestedFilename(), /\.pdf$/);
  assert.deepEqual(uncaught, [], 'no uncaught exception (a failed chunk is not a crash)');
  app.assertClean();
});
