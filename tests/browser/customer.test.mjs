// What a customer gets and what stays with the staff: with internal notes and an approval
// record in the draft, the customer's PDF (its text, by pdftotext), JSON, CSV, Markdown and
// share link hold neither, and each file is byte for byte `hubquote quote` for the same
// scenario and date; the "Internal copy" (staff form only) has both, says so on its face
// and is `hubquote quote --internal`. "Copy budget justification" puts the CLI's
// `--format justification` text on the clipboard (and shows it where the clipboard is
// refused). A term of 3 years has its year-by-year table, the JSON's `years`.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openApp } from './harness.mjs';
import {
  choosePreset,
  cli,
  cliQuote,
  downloadFile,
  expectedTotals,
  expectTotals,
  flat,
  formatMoney,
  gotoView,
  hasTool,
  isShown,
  pdftotext,
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

const tmp = session('customer');

const NOTE = 'INTERNAL they asked for 40 percent, walk away below 25';
const APPROVER = 'Dana Okafor';
const APPROVAL_NOTE = 'fine for the pilot year';

/** What `hubquote quote SCENARIO --date D [args]` writes, as bytes. */
async function cliBytes(s, date, args) {
  const input = join(tmp(), 'scenario.json');
  const out = join(tmp(), 'cli.out');
  await writeFile(input, JSON.stringify(s));
  cli(['quote', input, '--date', date, '-o', out, ...args]);
  return readFile(out);
}

/** The draft of the tests: course-50 with a 25% discount, internal notes, an approval. */
async function staffDraft(page) {
  await ready(page);
  await choosePreset(page, 'course-50');
  await staffMode(page);
  await vis(page, 'add-discount').click();
  await setField(page, 'discounts[0].percent', '25');
  await setField(page, 'discounts[0].reason', 'Pilot semester');
  await setField(page, 'notes', NOTE);
  await vis(page, 'add-approval').click();
  await setField(page, 'approval.by', APPROVER);
  await setField(page, 'approval.date', '2026-11-20');
  await setField(page, 'approval.note', APPROVAL_NOTE);
  const s = presetScenario('course-50');
  s.format = 'hubquote.scenario/2';
  s.discounts = [{ target: 'membership', percent: '25', reason: 'Pilot semester' }];
  s.notes = NOTE;
  s.approval = { by: APPROVER, date: '2026-11-20', note: APPROVAL_NOTE };
  await gotoView(page, 'quote');
  await expectTotals(tid(page, 'view-quote'), expectedTotals(cliQuote(s)), 'the draft priced');
  return s;
}

const secret = (s) => [NOTE, APPROVER, APPROVAL_NOTE].filter((x) => s.includes(x));

test('customer files and link carry no notes and no approval details; the internal copy does, and says so', { timeout: 150_000 }, async (t) => {
  const app = await openApp(t, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const { page } = app;
  const s = await staffDraft(page);
  const date = await text(page, 'quote-date');

  for (const [ext, format] of [['pdf', 'pdf'], ['json', 'json'], ['csv', 'csv'], ['md', 'markdown']]) {
    const got = await downloadFile(page, `download-${ext}`, tmp());
    const want = await cliBytes(s, date, ['--format', format]);
    assert.ok(Buffer.compare(got.bytes, want) === 0, `download-${ext} is \`hubquote quote --format ${format}\``);
    assert.deepEqual(secret(got.bytes.toString('latin1')), [], `download-${ext} holds nothing internal`);
  }
  const json = JSON.parse((await downloadFile(page, 'download-json', tmp(), 'q.json')).bytes.toString('utf8'));
  assert.equal(json.internal, undefined, 'the customer JSON has no internal part');
  assert.deepEqual(json.scenario.approval, { approved: true }, 'only that it was approved');
  assert.equal(json.scenario.notes, '');
  if (hasTool(t, 'pdftotext')) {
    const pdf = flat(pdftotext((await downloadFile(page, 'download-pdf', tmp(), 'customer.pdf')).file));
    assert.deepEqual(secret(pdf), [], 'nothing internal in the customer PDF text');
    assert.doesNotMatch(pdf, /Internal copy/);
  }

  // The share link, in the address bar and on the clipboard: the customer's scenario.
  await vis(page, 'copy-link').click();
  await poll(async () => assert.match(await text(page, 'share-link'), /#s=1\./));
  const link = await text(page, 'share-link');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.equal(link, cli(['link', '-', '--base', link.split('#')[0]], JSON.stringify(s)).trim(), 'the link is `hubquote link`');
  const shared = JSON.parse(Buffer.from(link.split('#s=1.')[1].split('&c=')[0], 'base64url').toString('utf8'));
  assert.deepEqual(secret(JSON.stringify(shared)), [], 'the link holds nothing internal');

  // The internal copy: staff form only, the staff's own file.
  const internal = await downloadFile(page, 'internal-copy', tmp());
  assert.match(internal.name, /-internal\.pdf$/);
  assert.ok(Buffer.compare(internal.bytes, await cliBytes(s, date, ['--format', 'pdf', '--internal'])) === 0, 'internal-copy is `hubquote quote --internal`');
  if (hasTool(t, 'pdftotext')) {
    const pdf = flat(pdftotext(internal.file));
    assert.match(pdf, /Internal copy — not for the customer/, 'it says so on its face');
    assert.deepEqual(secret(pdf), [NOTE, APPROVER, APPROVAL_NOTE], 'notes and approval in the internal copy');
  }
  await gotoView(page, 'configure');
  await vis(page, 'mode-guided').click();
  await gotoView(page, 'quote');
  await vis(page, 'copy-link').waitFor();
  assert.equal(await isShown(tid(page, 'internal-copy')), false, 'no internal copy outside the staff form');

  // A reload on the customer link restores the staff's own draft, notes included (after
  // the idle-time preloads: a reload would abort them, which the harness counts).
  await page.waitForLoadState('networkidle');
  await page.reload({ waitUntil: 'load' });
  await ready(page);
  await staffMode(page);
  assert.equal(await vis(page, 'field-notes').inputValue(), NOTE, 'the draft behind the link keeps its notes');
  app.assertClean();
});

test('Copy budget justification: the CLI\'s text on the clipboard, or shown when refused', { timeout: 90_000 }, async (t) => {
  const app = await openApp(t, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const { page } = app;
  await ready(page);
  await choosePreset(page, 'research-gpu-dask');
  await gotoView(page, 'quote');
  const s = presetScenario('research-gpu-dask');
  await expectTotals(tid(page, 'view-quote'), expectedTotals(cliQuote(s), ['total-first-year']));
  const want = (await cliBytes(s, await text(page, 'quote-date'), ['--format', 'justification'])).toString('utf8');
  await vis(page, 'copy-justification').click();
  await poll(async () => assert.match(await text(page, 'import-status'), /on the clipboard/));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), want, 'the clipboard holds the justification');

  // A browser that refuses the clipboard: the text is shown, to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
  });
  await vis(page, 'copy-justification').click();
  await vis(page, 'justification-text').waitFor();
  assert.equal(await page.locator('[data-testid="justification-text"]').textContent(), want);
  app.assertClean();
});

test('a 3-year term: the year-by-year table is the quote\'s years', { timeout: 90_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await choosePreset(page, 'network-5');
  await staffMode(page);
  await setField(page, 'term_years', '3');
  const s = presetScenario('network-5');
  s.term_years = 3;
  const q = cliQuote(s);
  await gotoView(page, 'quote');
  await expectTotals(tid(page, 'view-quote'), expectedTotals(q, ['total-term']));
  const table = tid(page, 'years');
  await table.waitFor();
  const rows = await table.locator('tbody tr[data-year]').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim())),
  );
  assert.equal(rows.length, 3);
  for (const [i, y] of q.years.entries()) {
    assert.equal(rows[i][0], `Year ${y.year}`);
    assert.ok(rows[i].includes(formatMoney(y.total)), `Year ${y.year}'s total ${y.total}`);
  }
  assert.ok(rows[0].includes(formatMoney(q.years[0].membership)));
  const term = await table.locator('tbody tr.hq-term').innerText();
  assert.match(term, new RegExp(formatMoney(q.totals.term_total).replace(/[$.]/g, '\\$&')), 'the whole term');
  await app.screenshot('years');
  app.assertClean();
});

test('what the host page is told, and the contact address, carry no notes and no approval details', { timeout: 120_000 }, async (t) => {
  const app = await openApp(t, { path: null });
  // The host's listener: every change and request (a request taken over, as a host does).
  await app.page.addInitScript(() => {
    window.__told = [];
    for (const name of ['hubquote:change', 'hubquote:request']) {
      document.addEventListener(name, (e) => {
        if (name === 'hubquote:request') e.preventDefault();
        window.__told.push({ name, detail: JSON.stringify(e.detail) });
      });
    }
  });
  await app.goto('');
  const { page } = app;
  await staffDraft(page);
  const action = vis(page, 'contact-action');
  await action.waitFor();
  const href = decodeURIComponent(await action.getAttribute('href'));
  assert.match(href, /#s=1\./, 'the address carries the share link');
  assert.deepEqual(secret(href), [], 'the contact address');
  await action.click();
  await poll(async () => {
    const told = await page.evaluate(() => window.__told);
    assert.ok(told.some((x) => x.name === 'hubquote:request'), 'the request told');
    // The draft with its notes was told (its discount is in the change's scenario).
    assert.ok(told.some((x) => x.name === 'hubquote:change' && JSON.parse(x.detail).scenario.discounts?.length === 1));
  });
  for (const { name, detail } of await page.evaluate(() => window.__told)) {
    assert.deepEqual(secret(detail), [], name);
  }
  app.assertClean();
});
