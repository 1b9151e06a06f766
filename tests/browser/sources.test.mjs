// Catalog sources and share links never mislead; drafts stay small; the guided flow by
// keyboard and screen reader (issue 13, §1, §4, §5).
//
// - `?catalog=` loads same-origin catalogs only, unless the host page allows another
//   origin with `data-catalog-origins` on #hubquote. The other origin is a made-up one
//   (`https://catalogs.partner.test`) answered by Playwright's request routing, as is the
//   host page that allows it (the app's index.html with the attribute, and a CSP whose
//   connect-src names that origin, as a real host's must).
// - A link made with another catalog names it; the host page that allows its address
//   offers to load it.
// - A damaged link says what is really shown; a draft over 512 KiB is neither saved nor
//   read at start.
// - Guided "Next" stays on an invalid answer (focus on it, aria-invalid, the step marked),
//   moves focus to the next step's heading, the first-year total is announced (debounced),
//   and the first Tab stop skips the header's controls.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { appUrl, axeSerious, close, DIST, launch, openApp, ROOT } from './harness.mjs';
import { CSP } from '../../scripts/serve.mjs';
import { choosePreset, gotoView, isShown, poll, ready, text, tid, typeInto, vis } from './lib.mjs';

before(launch);
after(close);

// Preloads cut short by the next navigation (these tests navigate often).
const ABORTED = [/net::ERR_ABORTED/];

const PARTNER = 'https://catalogs.partner.test';
const PARTNER_URL = `${PARTNER}/catalogs/partner.json5`;
const PARTNER_NAME = 'Partner Hub Catalog';

/** The embedded catalog's text renamed: another catalog (another SHA-256). */
async function partnerCatalog() {
  const text = await readFile(join(ROOT, 'public/catalog.json5'), 'utf8');
  return text.replace('name: "2i2c Hub Service Catalog"', `name: "${PARTNER_NAME}"`);
}

/**
 * Answers the partner origin's catalog (with CORS) and, at `allow.html`, a host page that
 * is the app's index.html with `data-catalog-origins` naming the partner origin. Returns
 * the requests made to the partner origin.
 */
async function servePartner(page) {
  const catalog = await partnerCatalog();
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  const host = index.replace('<div id="hubquote" ', `<div id="hubquote" data-catalog-origins="${PARTNER} https://other.test" `);
  assert.notEqual(host, index, 'the host page has the attribute');
  const asked = [];
  await page.route(`${PARTNER}/**`, (route) => {
    asked.push(route.request().url());
    route.fulfill({
      status: 200,
      headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json5' },
      body: catalog,
    });
  });
  await page.route(appUrl('allow.html') + '*', (route) =>
    route.fulfill({
      status: 200,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': CSP.replace("default-src 'self'", `default-src 'self'; connect-src 'self' ${PARTNER}`),
      },
      body: host,
    }),
  );
  return asked;
}

test('?catalog= from another origin, data:, blob: or javascript: is refused; the embedded catalog stays', { timeout: 90_000 }, async (t) => {
  const app = await openApp(t, { path: null, ignore: ABORTED });
  const { page } = app;
  const asked = await servePartner(page);
  await app.goto('');
  await ready(page);
  const embedded = await text(page, 'catalog-name');
  for (const url of [PARTNER_URL, 'data:application/json,{}', 'blob:https://x.test/1', 'javascript:alert(1)', '//catalogs.partner.test/c.json']) {
    await app.goto(`?catalog=${encodeURIComponent(url)}#menu`);
    await ready(page);
    await poll(async () =>
      assert.match(await text(page, 'catalog-error'), /was not loaded: this page loads catalogs from its own site only\./),
    );
    t.diagnostic(`${url} → ${await text(page, 'catalog-error')}`);
    assert.equal(await text(page, 'catalog-name'), embedded, `the embedded catalog stays after ${url}`);
  }
  assert.deepEqual(asked, [], 'nothing was requested from the other origin');
  await app.screenshot('refused');
  app.assertClean();
});

test('a catalog from an origin the host page allows loads, and is named on the quote and in the link', { timeout: 90_000 }, async (t) => {
  const app = await openApp(t, { path: null, ignore: ABORTED, contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const { page } = app;
  const asked = await servePartner(page);
  await app.goto(`allow.html?catalog=${encodeURIComponent(PARTNER_URL)}`);
  await ready(page);
  await poll(async () => assert.match(await text(page, 'catalog-name'), new RegExp(PARTNER_NAME)), { timeout: 10_000 });
  assert.deepEqual(asked, [PARTNER_URL]);
  assert.ok(!(await isShown(tid(page, 'catalog-error'))), 'no catalog-error');
  await choosePreset(page, 'course-50');
  await gotoView(page, 'quote');
  await poll(async () => assert.match(await text(page, 'catalog-source'), new RegExp(`${PARTNER_NAME} .* from ${PARTNER_URL}, not this site's own catalog`)));
  assert.match(await text(page, 'quote-catalog'), new RegExp(PARTNER_NAME));
  await vis(page, 'copy-link').click();
  await poll(async () => assert.match(await text(page, 'share-link'), /&c=1\.[0-9a-f]{16}\./));
  const link = await text(page, 'share-link');
  const parts = link.split('&c=1.')[1].split('.');
  assert.equal(Buffer.from(parts[1], 'base64url').toString(), PARTNER_NAME, 'the link names the catalog');
  assert.equal(Buffer.from(parts[3], 'base64url').toString(), PARTNER_URL, 'and its address');
  await app.screenshot('partner-quote');
  assert.deepEqual(await axeSerious(page), [], 'axe: no serious violations');
  app.assertClean();
});

test('a link made with another catalog says so; where the host allows its address, its catalog loads', { timeout: 120_000 }, async (t) => {
  // The link as the partner page writes it (the CLI writes the same).
  const maker = await openApp(t, { path: null, ignore: ABORTED });
  await servePartner(maker.page);
  await maker.goto(`allow.html?catalog=${encodeURIComponent(PARTNER_URL)}`);
  await ready(maker.page);
  await poll(async () => assert.match(await text(maker.page, 'catalog-name'), new RegExp(PARTNER_NAME)), { timeout: 10_000 });
  await choosePreset(maker.page, 'course-50');
  await gotoView(maker.page, 'quote');
  await vis(maker.page, 'copy-link').click();
  await poll(async () => assert.match(await text(maker.page, 'share-link'), /&c=/));
  const fragment = (await text(maker.page, 'share-link')).split('#')[1];
  const partnerTotal = await text(maker.page, 'total-first-year');

  // This site's own page (no allow-list): the link is shown priced with the embedded
  // catalog, and says so; its catalog's address is not one this page may load.
  const app = await openApp(t, { path: null, ignore: ABORTED });
  const { page } = app;
  const asked = await servePartner(page);
  await app.goto(`#${fragment}`);
  await ready(page);
  const embedded = await text(page, 'catalog-name');
  await poll(async () => {
    const said = await text(page, 'link-catalog');
    assert.match(said, new RegExp(`This link was made with catalog ${PARTNER_NAME} 2025\\.08\\.25\\+pricing\\.1 \\([0-9a-f]{16}…\\); it is shown priced with ${embedded.replace(/[.+]/g, '\\$&')} \\([0-9a-f]{16}…\\)\\.`));
    assert.match(said, /was not loaded: this page loads catalogs from its own site only/);
  });
  assert.equal(await tid(page, 'load-link-catalog').count(), 0, 'no offer to load a catalog this page refuses');
  assert.deepEqual(asked, []);
  t.diagnostic(`own page: ${await text(page, 'link-catalog')}`);
  await app.screenshot('other-catalog');
  assert.deepEqual(await axeSerious(page), [], 'axe: no serious violations');

  // The partner's host page without ?catalog=: the offer, and the catalog once taken.
  await app.goto(`allow.html#${fragment}`);
  await ready(page);
  await vis(page, 'load-link-catalog').waitFor();
  await app.screenshot('offer');
  await vis(page, 'load-link-catalog').click();
  await poll(async () => assert.match(await text(page, 'catalog-name'), new RegExp(PARTNER_NAME)), { timeout: 10_000 });
  await poll(async () => assert.ok(!(await isShown(tid(page, 'link-catalog'))), 'no message once the link\'s catalog prices it'));
  await poll(async () => assert.equal(await text(page, 'total-first-year'), partnerTotal, 'the partner\'s total'));
  assert.deepEqual(asked, [PARTNER_URL]);

  // A link whose catalog part is cut short says that it cannot be read.
  await app.goto(`#${fragment.slice(0, fragment.indexOf('&c=') + 8)}`);
  await ready(page);
  await poll(async () => assert.match(await text(page, 'link-catalog'), /names its catalog in a way that cannot be read/));
  // A link written before links named their catalog opens as it did.
  await app.goto(`?old=1#${fragment.split('&c=')[0]}`);
  await ready(page);
  await vis(page, 'total-first-year').waitFor();
  assert.equal(await tid(page, 'link-catalog').count(), 0, 'no message for a link that names no catalog');
  app.assertClean();
  maker.assertClean();
});

test('a damaged link says what is really shown: the default start in a fresh browser, else the draft', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t, { path: '#s=1.!!!', ignore: ABORTED });
  const { page } = app;
  await ready(page);
  const notice = await text(page, 'notice');
  t.diagnostic(`fresh: ${notice}`);
  assert.match(notice, /share link is damaged.*A new estimate with the catalog's starting answers is shown instead\./);
  assert.doesNotMatch(notice, /draft/);
  await app.screenshot('damaged-fresh');

  // With a draft saved (a change, then a reload with a damaged link).
  await choosePreset(page, 'course-50');
  await poll(async () => assert.ok(await page.evaluate(() => localStorage.getItem('hubquote.draft'))));
  await app.goto('?reload=1#s=1.!!!');
  await ready(page);
  assert.match(await text(page, 'notice'), /share link is damaged.*Your last saved draft is shown instead\./);
  app.assertClean();
});

test('a draft over 512 KiB is not saved (and said so); one stored is removed unread at start', { timeout: 120_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await choosePreset(page, 'course-50');
  await poll(async () => assert.ok(await page.evaluate(() => localStorage.getItem('hubquote.draft'))));
  const saved = await page.evaluate(() => localStorage.getItem('hubquote.draft'));
  await typeInto(page, 'customer.name', 'x'.repeat(600 * 1024));
  await vis(page, 'draft-unsaved').waitFor({ timeout: 15_000 });
  assert.match(await text(page, 'draft-unsaved'), /too big to keep in this browser.*not saved/);
  assert.equal(await page.evaluate(() => localStorage.getItem('hubquote.draft')), saved, 'the last draft that fit stays');
  await app.screenshot('unsaved');
  // Small again: saved again, the message gone.
  await typeInto(page, 'customer.name', 'Small College');
  await poll(async () => assert.ok(!(await isShown(tid(page, 'draft-unsaved')))));
  await poll(async () => assert.notEqual(await page.evaluate(() => localStorage.getItem('hubquote.draft')), saved));

  // A stored draft far over the cap (another tab, an older version): dropped unread.
  const big = await openApp(t, { path: null, ignore: ABORTED });
  await big.page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('hubquote.draft', `hubquote.draft/2 guided 1.${'A'.repeat(1_200_000)}`);
    }
  });
  const t0 = Date.now();
  await big.goto('');
  await ready(big.page);
  await poll(async () => assert.match(await text(big.page, 'notice'), /saved draft was too big to restore \(over 512 KiB\) and was removed/));
  t.diagnostic(`start with a 1.2 MB draft stored: ${Date.now() - t0} ms`);
  assert.equal(await big.page.evaluate(() => localStorage.getItem('hubquote.draft')?.length ?? 0) < 1000, true, 'removed');
  app.assertClean();
  big.assertClean();
});

/** The data-testid (or tag) of the focused element. */
const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e?.getAttribute('data-testid') || e?.tagName.toLowerCase();
  });

test('guided: Next stays on an invalid answer and marks it; focus goes to the next step\'s heading; the total is announced', { timeout: 90_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await choosePreset(page, 'course-50');
  await vis(page, 'mode-guided').click();
  await vis(page, 'guided-next').click();
  await poll(async () => assert.match(await text(page, 'guided-heading'), /^Step 2 of 5/));
  assert.equal(await focused(page), 'guided-heading', 'focus on the new step\'s heading after Next');
  assert.equal(await vis(page, 'guided-heading').getAttribute('tabindex'), '-1');

  // The live region: one announcement after typing stops, with the total shown.
  const REG = 'hubs[0].registered_users';
  const mutations = await page.evaluate(() => {
    const el = document.querySelector('[data-testid="total-announce"]');
    window.__announced = [];
    new MutationObserver(() => window.__announced.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
    return el.getAttribute('aria-live');
  });
  assert.equal(mutations, 'polite');
  await vis(page, `field-${REG}`).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1234', { delay: 120 });
  await poll(async () => assert.match(await text(page, 'total-first-year'), /\$/));
  await poll(async () => {
    const said = await page.evaluate(() => window.__announced);
    assert.equal(said.length, 1, `one announcement for four keystrokes: ${JSON.stringify(said)}`);
  });
  const total = await text(page, 'total-first-year');
  assert.equal(await tid(page, 'total-announce').textContent(), `First-year total: ${total}`);

  // An invalid answer: Next stays, says so, and focus goes to the field.
  await typeInto(page, REG, 'many');
  await vis(page, 'guided-next').click();
  await vis(page, 'guided-blocked').waitFor();
  assert.match(await text(page, 'guided-heading'), /^Step 2 of 5/, 'Next stayed');
  assert.equal(await focused(page), `field-${REG}`, 'focus on the invalid field');
  const field = vis(page, `field-${REG}`);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  const described = (await field.getAttribute('aria-describedby')).split(' ');
  const errorId = await tid(page, `error-${REG}`).getAttribute('id');
  assert.ok(described.includes(errorId), `aria-describedby ${described} names the error ${errorId}`);
  assert.match(await page.locator('.hq-steps li.current').innerText(), /needs correcting/, 'the step is marked');
  assert.equal(await vis(page, 'guided-step').getAttribute('aria-describedby'), 'hq-step-err');
  await app.screenshot('blocked');
  assert.deepEqual(await axeSerious(page), [], 'axe: no serious violations');

  // Corrected: Next goes on, with focus on the heading.
  await typeInto(page, REG, '60');
  await poll(async () => assert.ok(!(await isShown(tid(page, 'guided-blocked')))));
  await vis(page, 'guided-next').click();
  await poll(async () => assert.match(await text(page, 'guided-heading'), /^Step 3 of 5/));
  assert.equal(await focused(page), 'guided-heading');
  await vis(page, 'guided-back').click();
  await poll(async () => assert.match(await text(page, 'guided-heading'), /^Step 2 of 5/));
  assert.equal(await focused(page), 'guided-heading', 'Back too');
  app.assertClean();
});

test('the first Tab stop skips to the content, past the header\'s controls', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t, { path: '#quote' });
  const { page } = app;
  await ready(page);
  await tid(page, 'catalog-file').waitFor({ state: 'attached' });
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'skip-link');
  assert.equal(await text(page, 'skip-link'), 'Skip to the content');
  await app.screenshot('skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'nav-quote', 'focus on the view\'s tab');
  assert.match(page.url(), /#quote$/, 'the fragment is kept');
  await page.keyboard.press('Tab');
  assert.notEqual(await focused(page), 'catalog-file');
  app.assertClean();
});
