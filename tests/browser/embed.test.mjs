// Embedding: the app renders inside #hubquote only, leaves the host page's <html>/<body>
// styles alone (its CSS is scoped under .hq), and requests nothing from another origin.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appUrl, close, launch, openApp } from './harness.mjs';
import { choosePreset, gotoView, ready, vis } from './lib.mjs';

before(launch);
after(close);

const STYLE_PROPS = [
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-left', 'font-family', 'font-size', 'font-weight', 'line-height',
  'color', 'background-color', 'box-sizing', 'overflow', 'display',
];

function computed(props) {
  const pick = (el) => {
    const cs = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
  };
  return { html: pick(document.documentElement), body: pick(document.body) };
}

test('renders inside #hubquote only, body styles untouched', { timeout: 60_000 }, async (t) => {
  // The same host markup without the app (no script, no app.css): the browser defaults.
  const bare = await openApp(t, { path: null });
  await bare.page.setContent('<!doctype html><html lang="en"><head></head><body><div id="hubquote"></div></body></html>');
  const defaults = await bare.page.evaluate(computed, STYLE_PROPS);

  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await choosePreset(page, 'course-50');
  await gotoView(page, 'quote');
  await vis(page, 'total-first-year').waitFor({ state: 'visible', timeout: 5_000 });

  assert.deepEqual(await page.evaluate(computed, STYLE_PROPS), defaults, '<html>/<body> computed styles unchanged by the app');

  const dom = await page.evaluate(() => ({
    bodyChildren: [...document.body.children].map((e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '')),
    roots: document.querySelectorAll('#hubquote > main.hq').length,
    outside: [...document.querySelectorAll('[data-testid], .hq')]
      .filter((e) => !e.closest('#hubquote'))
      .map((e) => e.getAttribute('data-testid') || e.className),
    htmlAttrs: [...document.documentElement.attributes].map((a) => a.name).sort(),
    bodyAttrs: [...document.body.attributes].map((a) => a.name),
  }));
  assert.deepEqual(dom.bodyChildren, ['div#hubquote', 'noscript'], 'the app adds nothing to <body>');
  assert.equal(dom.roots, 1, 'one <main class="hq"> in #hubquote');
  assert.deepEqual(dom.outside, [], 'no app element outside #hubquote');
  assert.deepEqual(dom.htmlAttrs, ['lang'], 'no attribute added to <html>');
  assert.deepEqual(dom.bodyAttrs, [], 'no attribute added to <body>');

  // Every style rule the app ships is scoped under .hq (or #hubquote).
  const leaks = await page.evaluate(() => {
    const out = [];
    const walk = (rules, where) => {
      for (const r of rules) {
        if (r instanceof CSSStyleRule) {
          for (const sel of r.selectorText.split(',')) {
            if (!/\.hq\b|#hubquote\b/.test(sel)) out.push(`${where}: ${sel.trim()}`);
          }
        } else if (r.cssRules) {
          walk(r.cssRules, where);
        }
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules, sheet.href ?? 'inline');
    return out;
  });
  assert.deepEqual(leaks, [], 'CSS rules not scoped under .hq');
  bare.assertClean();
  app.assertClean();
});

test('only same-origin requests: page, js, wasm, css, catalog', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t, { path: null });
  const { page } = app;
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  await app.goto();
  await ready(page);
  await choosePreset(page, 'course-50');
  await gotoView(page, 'quote');
  await vis(page, 'total-first-year').waitFor({ state: 'visible', timeout: 5_000 });
  await gotoView(page, 'menu');
  await page.waitForLoadState('networkidle');

  const origin = new URL(appUrl()).origin;
  const foreign = requests.filter((r) => !r.url.startsWith('data:') && new URL(r.url).origin !== origin);
  t.diagnostic(`requests: ${requests.map((r) => `${r.type} ${new URL(r.url).pathname}`).join(', ')}`);
  assert.deepEqual(foreign, [], 'no request to another origin');
  const kinds = new Set(requests.map((r) => r.type));
  for (const k of kinds) {
    assert.ok(['document', 'script', 'stylesheet', 'fetch', 'xhr', 'other', 'image'].includes(k), `request type ${k}`);
  }
  const paths = requests.map((r) => new URL(r.url).pathname);
  assert.ok(paths.some((p) => p.endsWith('.wasm')), 'the wasm');
  assert.ok(paths.some((p) => p.endsWith('.css')), 'the css');
  // Nothing unexpected: page, js, wasm, css, the catalog, the favicon.
  const unexpected = paths.filter((p) => !/(\/|\.html|\.js|\.wasm|\.css|\.json5?|favicon\.svg)$/.test(p));
  assert.deepEqual(unexpected, [], 'only page, js, wasm, css, catalog (and the favicon)');
  app.assertClean();
});
