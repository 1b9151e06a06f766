// Presentation mode (a projector at 1920×1080, a screen share at 1280×720): the toggle and
// the `P` key (never while typing in a field) set data-presentation="on" on the app root;
// the headline (tier, first-year total, the monthly picture, the cloud band) is on the
// first screen in every view with the CLI's figures; staff controls, internal notes and
// the catalog loader are not rendered; leaving shows the staff form exactly as it was
// (values, an open section, the scroll position). axe-core finds nothing serious while
// presenting. Screenshots of every view at both sizes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS, axeSerious, close, launch, openApp } from './harness.mjs';
import {
  choosePreset,
  cliQuote,
  expectTotals,
  expectedTotals,
  gotoView,
  hubquoteBin,
  isShown,
  poll,
  presetScenario,
  ready,
  setField,
  staffMode,
  tid,
  vis,
} from './lib.mjs';

before(async () => {
  hubquoteBin();
  await mkdir(SCREENSHOTS, { recursive: true });
  await launch();
});
after(close);

const NOTE = 'Internal: they could go to 80k, do not mention';
const REASON = 'Founding member of the network';
const SIZES = [
  ['screen share', 1280, 720],
  ['projector', 1920, 1080],
];
/** What the headline shows, each on the first screen. */
const HEADLINE = ['total-first-year', 'total-monthly-fees', 'total-monthly-cloud', 'band-expected', 'budget-alert'];
/** What only staff see, not rendered while presenting. */
const STAFF_ONLY = ['field-notes', 'field-discounts[0].reason', 'add-discount', 'mode-staff', 'catalog-file', 'download-pdf', 'copy-link'];

const presenting = (page) => page.locator('main.hq').getAttribute('data-presentation');

/** Presses a key with nothing focused (as a presenter would after clicking the page). */
async function pressOnPage(page, key) {
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press(key);
}

/** Asserts each headline figure is shown once, inside the first screen (scrolled to the top). */
async function headlineOnFirstScreen(page, height, where) {
  for (const id of HEADLINE) {
    const el = tid(page, id).filter({ visible: true });
    await poll(async () => assert.equal(await el.count(), 1, `${where}: one ${id} shown`));
    await el.waitFor({ state: 'visible' });
    const box = await el.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= height, `${where}: ${id} is off the first screen (${box?.y})`);
  }
}

test('presentation mode: the headline on the first screen, staff controls hidden, the form restored', { timeout: 180_000 }, async (t) => {
  const [, w0, h0] = SIZES[0];
  const app = await openApp(t, { viewport: { width: w0, height: h0 } });
  const { page } = app;
  await ready(page);
  await choosePreset(page, 'course-50');
  await staffMode(page);
  // The staff's own things: a discount with its reason, internal notes, an open section.
  await vis(page, 'add-discount').click();
  await setField(page, 'discounts[0].percent', '10');
  await setField(page, 'discounts[0].reason', REASON);
  await setField(page, 'notes', NOTE);
  const s = presetScenario('course-50');
  s.discounts = [{ target: 'membership', percent: '10', reason: REASON }];
  s.notes = NOTE;
  const expected = expectedTotals(cliQuote(s), ['total-first-year', 'total-monthly-fees', 'total-monthly-cloud']);
  await expectTotals(page, { 'total-first-year': expected['total-first-year'] }, 'the staff form priced');
  // Typing P into a field is text, not a shortcut.
  await vis(page, 'field-customer.name').fill('');
  await vis(page, 'field-customer.name').pressSequentially('Pp');
  assert.equal(await presenting(page), null, 'P typed into a field does not present');
  assert.equal(await vis(page, 'field-customer.name').inputValue(), 'Pp');
  await setField(page, 'customer.name', s.customer.name);

  await page.locator('.hq-features > summary').first().click();
  await tid(page, 'field-discounts[0].reason').scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 0, 'the form is scrolled down before presenting');

  // The key, from the configure view.
  await pressOnPage(page, 'p');
  await poll(async () => assert.equal(await presenting(page), 'on', 'P sets data-presentation="on"'));
  assert.equal(await vis(page, 'presentation-toggle').getAttribute('aria-pressed'), 'true');
  await tid(page, 'presentation-stage').waitFor({ state: 'visible' });
  await expectTotals(page, expected, 'the headline has the CLI figures');
  const check = async (view, name, width, height) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await headlineOnFirstScreen(page, height, `${view}, ${name}`);
    for (const id of STAFF_ONLY) {
      assert.equal(await isShown(tid(page, id)), false, `${view}, ${name}: ${id} is not shown while presenting`);
    }
    const shown = await page.locator('main.hq').innerText();
    assert.ok(!shown.includes(NOTE), `${view}: the notes are not on screen`);
    assert.ok(!shown.includes('Load a catalog'), `${view}: no catalog loader`);
    await page.screenshot({ path: join(SCREENSHOTS, `presentation--${view}-${width}x${height}.png`) });
    if (width === w0) assert.deepEqual(await axeSerious(page), [], `${view}: axe, presenting`);
  };
  for (const [name, width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await check('configure', name, width, height);
  }

  // Leaving (the button this time) shows the staff form as it was, where it was.
  await page.setViewportSize({ width: w0, height: h0 });
  await vis(page, 'presentation-toggle').click();
  await poll(async () => assert.equal(await presenting(page), null, 'leaving removes data-presentation'));
  assert.equal(await tid(page, 'presentation-stage').count(), 0, 'the headline is gone');
  assert.equal(await vis(page, 'field-notes').inputValue(), NOTE, 'the notes are back, unchanged');
  assert.equal(await vis(page, 'field-discounts[0].reason').inputValue(), REASON, 'the discount is back');
  assert.equal(await page.locator('.hq-features').first().getAttribute('open'), '', 'the open section is still open');
  assert.equal(await vis(page, 'mode-staff').getAttribute('aria-pressed'), 'true', 'still the staff form');
  await poll(async () => { const y = await page.evaluate(() => window.scrollY); assert.ok(Math.abs(y - scrolled) <= 2, `scrolled back to ${scrolled} (${y})`); });
  await expectTotals(page, { 'total-first-year': expected['total-first-year'] }, 'the live estimate is back');

  // The other views, presenting (the menu by the key, the quote by its tab).
  await gotoView(page, 'menu');
  await pressOnPage(page, 'p');
  await poll(async () => assert.equal(await presenting(page), 'on', 'P from the menu'));
  for (const view of ['menu', 'quote']) {
    await gotoView(page, view);
    for (const [name, width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await check(view, name, width, height);
    }
  }
  await page.setViewportSize({ width: w0, height: h0 });
  await pressOnPage(page, 'p');
  await poll(async () => assert.equal(await presenting(page), null, 'P leaves'));

  // Escape leaves too; P (with Shift) from the quote view enters.
  await gotoView(page, 'quote');
  await pressOnPage(page, 'Shift+P');
  await poll(async () => assert.equal(await presenting(page), 'on', 'P from the quote view'));
  await pressOnPage(page, 'Escape');
  await poll(async () => assert.equal(await presenting(page), null, 'Escape leaves'));
  await gotoView(page, 'configure');
  await poll(async () => assert.equal(await vis(page, 'field-notes').inputValue(), NOTE));
  app.assertClean();
});
