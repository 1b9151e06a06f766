// The book of business (staff only): three files dropped at once — a quote file of
// network-5, research-gpu-dask as a scenario on "recommend", and a scenario with an
// unknown server size — with the 2026 catalog loaded in the header (the "to" catalog) and
// the default catalog chosen by its file input as the old ("from") one. Every figure is
// held against the CLI run on the same files: each row's totals (`hubquote batch`), the
// bad file's error row at its line:column, the revenue tables cell for cell (`hubquote
// summary`), the impact's counts, outcomes and revenue table (`hubquote impact`); then a
// row opens its quote as the draft, and the book is still there when its tab is back.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, axeSerious, close, launch, openApp } from './harness.mjs';
import { cli, formatMoney, gotoView, hubquoteBin, poll, presetScenario, ready, staffMode, text, tid, vis } from './lib.mjs';

const NEW = join(ROOT, 'public/catalogs/2026-general-premier.json5');
const OLD = join(ROOT, 'public/catalog.json5');
const FILES = ['a-network-5-quote.json', 'b-research.json', 'c-bad.json'];
let dir;

before(async () => {
  hubquoteBin();
  dir = await mkdtemp(join(tmpdir(), 'hq-book-'));
  const quote = cli(['quote', '-', '--format', 'json', '--date', '2026-11-21'], JSON.stringify(presetScenario('network-5')));
  const research = { ...presetScenario('research-gpu-dask'), tier: 'recommend' };
  const bad = presetScenario('course-50');
  bad.tier = 'recommend';
  bad.hubs[0].size = 'Tiny';
  const texts = [quote, JSON.stringify(research, null, 2), JSON.stringify(bad, null, 2)];
  for (const [i, f] of FILES.entries()) await writeFile(join(dir, f), texts[i]);
  await launch();
});
after(async () => {
  await close();
  await rm(dir, { recursive: true, force: true });
});

/** The CLI's output on the test's files (run where they are: paths are their names); it exits 1 (a file did not price). */
function book(args) {
  const r = spawnSync(hubquoteBin(), [...args, ...FILES], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 1, `hubquote ${args[0]}: exit 1, one file did not price: ${r.stderr}`);
  return r.stdout;
}

/** The cells of a text grid (`hubquote summary`/`impact` text): columns are 2+ spaces apart. */
const gridRows = (block) => block.split('\n').filter(Boolean).map((l) => l.trim().split(/\s{2,}/));

/** A table's rows as arrays of cell texts (header row first). */
const cells = (table) =>
  table.locator('tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));

/** Drops files on the zone as a browser does (a DataTransfer holding File objects). */
async function drop(page, testid, files) {
  const list = await Promise.all(files.map(async (f) => ({ name: f, text: await readFile(join(dir, f), 'utf8') })));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, list);
  await vis(page, testid).dispatchEvent('dragover', { dataTransfer: transfer });
  await vis(page, testid).dispatchEvent('drop', { dataTransfer: transfer });
}

test('book of business: three files dropped, the CLI\'s tables, a bad file located, a row opened', { timeout: 120_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  await ready(page);

  // Staff only: no tab in the guided form's mode; #book there is the menu.
  assert.equal(await vis(page, 'nav-menu').isVisible(), true);
  assert.equal(await tid(page, 'nav-book').isVisible(), false, 'no book tab for prospects');
  await staffMode(page);
  await tid(page, 'catalog-file').setInputFiles(NEW);
  await poll(async () => assert.match(await text(page, 'catalog-name'), /2026/));
  await gotoView(page, 'book');

  // The old catalog by its file input (the keyboard's way), the files by a drop.
  await vis(page, 'book-from-drop-input').setInputFiles(OLD);
  await poll(async () => assert.match(await text(page, 'book-from'), /catalog\.json5/));
  await drop(page, 'book-drop', FILES);
  await poll(async () => assert.equal(await tid(page, 'book-row').count(), 3));
  assert.match(await text(page, 'book-status'), /3 files read/);
  assert.equal(await vis(page, 'book-status').getAttribute('role'), 'status');

  // Each row as `hubquote batch` prints it; the bad one is its error at its place.
  const batch = book(['batch', '--catalog', NEW]).trim().split('\n').map((l) => JSON.parse(l));
  const rows = tid(page, 'book-row');
  for (const [i, b] of batch.entries()) {
    const row = rows.nth(i);
    assert.equal(await row.getAttribute('data-path'), b.path);
    assert.equal(await row.getAttribute('data-status'), b.status);
    if (b.status === 'ok') {
      assert.equal(await text(row, 'book-first-year'), formatMoney(b.quote.totals.first_year_total_cost), b.path);
      assert.equal(await text(row, 'book-per-year'), formatMoney(b.quote.totals.annual_total), b.path);
      assert.equal(await text(row, 'book-tier'), b.quote.tier_label);
    } else {
      const { line, column, field } = b.error;
      assert.ok(line && column, 'the CLI places the error');
      assert.match(await text(row, 'book-error'), new RegExp(`^c-bad\\.json:${line}:${column}: ${field.replace(/[[\].]/g, '\\$&')}: `));
    }
  }
  assert.equal(await rows.nth(0).getAttribute('data-status'), 'ok');
  assert.equal(await rows.nth(2).getAttribute('data-status'), 'error');

  // Revenue by kind: both tables cell for cell the CLI's text (headings aside: the
  // CLI writes the first in capitals).
  const summary = book(['summary', '--catalog', NEW]);
  const [perYear, oneOff] = summary.split('\n\n').slice(1, 3).map(gridRows);
  const tables = tid(page, 'book-summary');
  assert.equal(await tables.count(), 2);
  for (const [k, expected] of [perYear, oneOff].entries()) {
    const got = (await cells(tables.nth(k))).filter((r) => r.length > 1);
    assert.deepEqual(got.slice(1), expected.slice(1), `summary table ${k}`);
    assert.deepEqual(got[0].slice(1), expected[0].slice(1), `summary table ${k} headings`);
  }
  assert.match(summary, /Cloud passed through at cost \(not revenue\)/);

  // The impact: counts, each file's outcome, and the revenue under each catalog.
  const impactText = book(['impact', '--from', OLD, '--to', NEW]);
  const impact = JSON.parse(book(['impact', '--from', OLD, '--to', NEW, '--format', 'json']));
  assert.equal(await text(page, 'book-impact-counts'), impactText.split('\n')[3]);
  const outcomes = await tid(page, 'book-outcome').allInnerTexts();
  const words = { up: 'up', down: 'down', same: 'the same' };
  const expected = impact.rows.map((r) =>
    r.status === 'error' ? 'not priced' : r.status === 'refused' ? 'refused by the new catalog' : words[r.direction],
  );
  assert.deepEqual(outcomes, expected);
  const revenueText = impactText.split('\n\n').at(-1).split('\n').slice(1).join('\n');
  const revenue = await cells(vis(page, 'book-impact-revenue'));
  // The CLI's first heading is empty and an empty last cell (no % of $0.00) leaves no
  // trace in its text: compare the rows below the headings, trailing empties dropped.
  const trimmed = (r) => (r.at(-1) === '' ? r.slice(0, -1) : r);
  assert.deepEqual(revenue.slice(1).map(trimmed), gridRows(revenueText).slice(1));

  await app.screenshot('book');
  assert.deepEqual(await axeSerious(page, { include: '[data-testid="view-book"]' }), [], 'axe-core on the book');

  // A row opens its quote as the draft; the book is still there when its tab is back.
  const first = await text(rows.nth(0), 'book-first-year');
  await rows.nth(0).locator('[data-testid="book-open"]').click();
  await tid(page, 'view-quote').waitFor({ state: 'visible' });
  await poll(async () => assert.equal(await text(page, 'total-first-year'), first));
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'nav-quote');
  await gotoView(page, 'book');
  await poll(async () => assert.equal(await tid(page, 'book-row').count(), 3));
  app.assertClean();
});
