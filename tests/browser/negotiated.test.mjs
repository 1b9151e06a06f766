// Negotiated terms in the staff form (`hubquote.scenario/2`): a negotiated Premier fee of
// $72,000 and a statement of work of 60 h × $250 each make every total equal the CLI's
// for the same scenario, the membership line says it was negotiated, the form checks
// them inline with the engine's messages (a missing reason, a price that is not a
// number); a quote that needs approval is marked "Draft — subject to approval" until an
// approval is entered, and so is its customer PDF.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp } from './harness.mjs';
import {
  choosePreset,
  cliQuote,
  downloadFile,
  expectedTotals,
  expectTotals,
  flat,
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
  TOTALS,
  typeInto,
  vis,
} from './lib.mjs';

const tmp = session('negotiated');

const ALL = Object.keys(TOTALS);
const REASON = 'Three-year network agreement';
const SOW = {
  label: 'Data pipeline SOW',
  quantity: '60',
  unit: 'hour',
  unit_price: '250',
  period: 'one_off',
  kind: 'fixed',
  reason: 'Statement of work agreed in November',
};

/** Opens the staff form on a preset; returns the page and the preset's scenario. */
async function staffOn(t, id) {
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await choosePreset(page, id);
  await staffMode(page);
  return { app, page, s: presetScenario(id) };
}

test('a negotiated Premier fee of $72,000: every total follows, as the CLI prices it', { timeout: 120_000 }, async (t) => {
  const { app, page, s } = await staffOn(t, 'network-5');
  await vis(page, 'add-override').click();
  // It starts at the catalog's fee of the quote's tier, its reason still to write.
  assert.equal(await vis(page, 'field-overrides[0].tier').inputValue(), 'Premier');
  assert.equal(await vis(page, 'field-overrides[0].price').inputValue(), '50000');
  await poll(async () => assert.match(await text(page, 'error-overrides[0].reason'), /reason/i, 'a reason is asked for'));
  assert.ok(await isShown(tid(page, 'quote-stale')), 'the totals are the last good ones meanwhile');

  await typeInto(page, 'overrides[0].price', '72 000x');
  await poll(async () => assert.match(await text(page, 'error-overrides[0].price'), /72 000x/, 'not a number: said inline'));
  await typeInto(page, 'overrides[0].price', '72000');
  await setField(page, 'overrides[0].reason', REASON);
  s.format = 'hubquote.scenario/2';
  s.overrides = [{ target: 'membership', tier: 'Premier', price: '72000', reason: REASON }];
  const q = cliQuote(s);
  assert.equal(q.totals.first_year_total_cost, (Number(cliQuote(presetScenario('network-5')).totals.first_year_total_cost) + 22000).toFixed(2));
  await expectTotals(page, expectedTotals(q, ['total-first-year', 'total-first-year-invoice', 'total-term']), 'the live estimate');
  assert.equal(await isShown(tid(page, 'quote-stale')), false);

  await gotoView(page, 'quote');
  const view = tid(page, 'view-quote');
  await expectTotals(view, expectedTotals(q, ALL), 'every total of the quote');
  await vis(page, 'why-membership').click();
  assert.match(await text(page, 'rationale-membership'), new RegExp(`Negotiated: ${REASON}; catalog price from \\$50,000\\.00`));
  assert.equal(await isShown(tid(page, 'draft-mark')), false, 'above the floor: no approval needed');
  await app.screenshot('negotiated premier');
  app.assertClean();
});

test('a custom line (60 h × $250 statement of work) counts in every total, as the CLI prices it', { timeout: 120_000 }, async (t) => {
  const { app, page, s } = await staffOn(t, 'course-50');
  await vis(page, 'add-custom-line').click();
  for (const [field, value] of Object.entries(SOW)) await setField(page, `custom_lines[0].${field}`, value);
  s.format = 'hubquote.scenario/2';
  s.custom_lines = [SOW];
  const q = cliQuote(s);
  await expectTotals(page, expectedTotals(q, ['total-first-year', 'total-one-off']), 'the live estimate');
  assert.equal(q.totals.one_off, '15000.00', '60 × $250');

  await gotoView(page, 'quote');
  await expectTotals(tid(page, 'view-quote'), expectedTotals(q, ALL), 'every total of the quote');
  const row = page.locator('[data-testid="line"][data-line-id="custom1"]');
  await row.waitFor();
  assert.match(await row.innerText(), /Data pipeline SOW[\s\S]*\$15,000\.00/);
  app.assertClean();
});

test('a draft until approved: the mark on the quote and its customer PDF, gone once an approval is entered', { timeout: 120_000 }, async (t) => {
  const { app, page, s } = await staffOn(t, 'course-50');
  await vis(page, 'add-discount').click();
  await setField(page, 'discounts[0].percent', '30');
  await setField(page, 'discounts[0].reason', 'Pilot semester');
  s.discounts = [{ target: 'membership', percent: '30', reason: 'Pilot semester' }];
  assert.equal(cliQuote(s).status, 'draft');
  await gotoView(page, 'quote');
  await poll(async () => assert.equal(await text(page, 'draft-mark'), 'Draft — subject to approval'));
  const pdfs = hasTool(t, 'pdftotext');
  if (pdfs) {
    const pdf = flat(pdftotext((await downloadFile(page, 'download-pdf', tmp(), 'draft.pdf')).file));
    assert.match(pdf, /Draft — subject to approval/, 'the customer PDF is marked');
    assert.doesNotMatch(pdf, /needs approval|above the 20%/i, 'without the threshold');
  }

  // The approval, entered in the staff form.
  await gotoView(page, 'configure');
  await vis(page, 'add-approval').click();
  assert.match(await vis(page, 'field-approval.date').inputValue(), /^\d{4}-\d{2}-\d{2}$/, 'dated today');
  await poll(async () => assert.match(await text(page, 'error-approval.by'), /who/i, 'who approved is asked for'));
  await typeInto(page, 'approval.date', 'next week');
  await poll(async () => assert.match(await text(page, 'error-approval.date'), /YYYY-MM-DD/));
  await typeInto(page, 'approval.date', '2026-11-20');
  await setField(page, 'approval.by', 'Dana Okafor, finance');
  await gotoView(page, 'quote');
  await poll(async () => assert.equal(await isShown(tid(page, 'draft-mark')), false, 'approved: no mark'));
  if (pdfs) {
    const pdf = flat(pdftotext((await downloadFile(page, 'download-pdf', tmp(), 'final.pdf')).file));
    assert.doesNotMatch(pdf, /Draft/, 'the approved customer PDF has no mark');
    assert.doesNotMatch(pdf, /Dana Okafor/, 'nor who approved it');
  }
  app.assertClean();
});
