// A real host page (public/embed-example.html, served under the strict CSP): two
// instances with different options, the events a host script receives (totals equal to
// the CLI's), preventDefault on the request, the host's hash, title and styles left
// alone, and the contact action's share link reopening the same totals.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appUrl, close, launch, openApp } from './harness.mjs';
import { cli, cliQuote, formatMoney, poll, presetScenario } from './lib.mjs';
import { CSP } from '../../scripts/serve.mjs';

before(launch);
after(close);

const PAGE = 'public/embed-example.html';

// Installed before any page script: every hubquote:* event the document hears, and the
// host page's title, hash and computed styles before the app ran.
function recorder() {
  window.__events = [];
  for (const name of ['hubquote:ready', 'hubquote:change', 'hubquote:request']) {
    document.addEventListener(name, (e) => {
      window.__events.push({ name, target: e.target.id, detail: e.detail, prevented: e.defaultPrevented, cancelable: e.cancelable });
    });
  }
  const styles = () => {
    const pick = (el) => {
      const cs = getComputedStyle(el);
      return ['font-family', 'font-size', 'color', 'background-color', 'margin-top', 'line-height'].map((p) => cs.getPropertyValue(p)).join('|');
    };
    return [document.body, document.querySelector('.site'), document.querySelector('h1')].map(pick);
  };
  window.__styles = styles;
  document.addEventListener('DOMContentLoaded', () => {
    window.__before = { title: document.title, hash: location.hash, styles: styles() };
  });
}

const events = (page, name, target) =>
  page.evaluate(([n, t]) => window.__events.filter((e) => e.name === n && (!t || e.target === t)), [name, target]);

async function openHost(t, path = `${PAGE}#host-hash`) {
  const app = await openApp(t, { path: null });
  await app.page.addInitScript(recorder);
  await app.goto(path);
  await poll(async () => assert.equal((await events(app.page, 'hubquote:ready')).length, 2));
  return app;
}

/** The CLI's totals as the quote JSON writes them. */
const cliTotals = (scenario, extra = []) => cliQuote(scenario, extra).totals;

test('two instances with their own options, each telling the host its totals', { timeout: 90_000 }, async (t) => {
  const app = await openHost(t);
  const { page } = app;
  const tiers = page.locator('#tiers > main.hq');
  const research = page.locator('#research > main.hq');

  // Public menu with minimal chrome: no title, catalog line or loader, no staff form.
  assert.equal(await tiers.locator('h1').filter({ visible: true }).count(), 0, 'no title');
  assert.equal(await tiers.locator('[data-testid="catalog-name"]').filter({ visible: true }).count(), 0, 'no catalog line');
  assert.equal(await tiers.locator('[data-testid="catalog-file"]').count(), 0, 'no loader');
  await tiers.locator('[data-testid="nav-configure"]').click();
  await tiers.locator('[data-testid="guided-step"]').waitFor();
  assert.equal(await tiers.locator('[data-testid="mode-staff"]').count(), 0, 'public: no staff form');
  await tiers.locator('[data-testid="nav-menu"]').click();
  // The research instance opened on its preset's quote.
  await research.locator('[data-testid="view-quote"]').waitFor();

  // Each change event's totals are the CLI's for the same scenario.
  const course = cliTotals(presetScenario('course-50'), ['--tier', 'recommend']);
  const gpu = cliTotals(presetScenario('research-gpu-dask'));
  await poll(async () => {
    const [a] = (await events(page, 'hubquote:change', 'tiers')).slice(-1);
    const [b] = (await events(page, 'hubquote:change', 'research')).slice(-1);
    assert.ok(a && b, 'a change event from each instance');
    for (const key of Object.keys(course)) if (key !== 'term_years') assert.equal(a.detail.totals[key], course[key], `tiers ${key}`);
    for (const key of Object.keys(gpu)) if (key !== 'term_years') assert.equal(b.detail.totals[key], gpu[key], `research ${key}`);
    assert.match(b.detail.share_link, /embed-example\.html#s=1\./);
  });
  const ready = await events(page, 'hubquote:ready');
  assert.deepEqual(ready.map((e) => [e.target, e.detail.options.mode, e.detail.options.history]).sort(),
    [['research', 'guided', 'none'], ['tiers', 'public', 'none']]);

  // Independent: ids per instance, tabs controlling panels of their own instance.
  const ids = await page.evaluate(() => [...document.querySelectorAll('[role="tab"]')].map((tab) => ({
    id: tab.id, own: tab.closest('[data-hubquote]').contains(document.getElementById(tab.getAttribute('aria-controls'))),
  })));
  assert.equal(new Set(ids.map((i) => i.id)).size, 8, 'eight distinct tab ids (four an instance, the book hidden)');
  assert.ok(ids.every((i) => i.own), 'each tab controls its own panel');

  // The request: the host's script cancels it and fills its form field.
  const action = research.locator('[data-testid="contact-action"]');
  await action.waitFor();
  await action.click();
  const [req] = await events(page, 'hubquote:request', 'research');
  assert.ok(req.cancelable && req.prevented, 'cancelable, and cancelled by the host');
  assert.equal(req.detail.quote.totals.first_year_total_cost, gpu.first_year_total_cost);
  assert.equal(req.detail.quote.internal, undefined, 'no internal copy');
  assert.equal(req.detail.quote.lines.every((l) => l.rationale !== ''), true, 'the quote explained');
  const field = await page.locator('#ask-quote').inputValue();
  assert.ok(field.includes(req.detail.share_link) && field.includes(req.detail.quote_number), field);
  assert.equal(new URL(page.url()).pathname.endsWith('embed-example.html'), true, 'no navigation');

  // The host's page is its own: hash, title, styles.
  const now = await page.evaluate(() => ({ title: document.title, hash: location.hash, styles: window.__styles() }));
  const was = await page.evaluate(() => window.__before);
  assert.deepEqual(now, was, 'hash, title and computed styles unchanged');
  await app.screenshot('two-instances');
  app.assertClean();
});

test('the contact action carries a share link that reopens the same totals', { timeout: 60_000 }, async (t) => {
  const app = await openHost(t);
  const { page } = app;
  const action = page.locator('#tiers [data-testid="contact-action"]');
  await action.waitFor();
  assert.match(await action.innerText(), /^Talk to us about /);
  const href = await action.getAttribute('href');
  assert.match(href, /^mailto:hello@2i2c\.org\?subject=Quote%20HQ-/);
  const body = decodeURIComponent(href.split('&body=')[1]);
  const course = cliQuote(presetScenario('course-50'), ['--tier', 'recommend']);
  assert.ok(body.includes(`First-year total cost: ${formatMoney(course.totals.first_year_total_cost)}`), body);
  const link = body.match(/(http\S+#s=1\.\S+)/)[1];
  const again = await openApp(t, { path: null });
  await again.page.goto(link);
  const total = again.page.locator('#tiers [data-testid="total-first-year"]').filter({ visible: true });
  await total.waitFor();
  assert.equal(await total.innerText(), formatMoney(course.totals.first_year_total_cost));
  again.assertClean();
  app.assertClean();
});

test('an element added later is mounted on request; a bad option is a warning, not a failure', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t, { path: null, ignore: [/data-colour|data-view="nope"/] });
  await app.page.addInitScript(recorder);
  await app.goto(PAGE);
  await poll(async () => assert.equal((await events(app.page, 'hubquote:ready')).length, 2));
  const warnings = [];
  app.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await app.page.evaluate(async () => {
    const el = document.createElement('div');
    el.id = 'later';
    el.setAttribute('data-hubquote', '');
    el.setAttribute('data-colour', 'blue');
    el.setAttribute('data-view', 'nope');
    el.setAttribute('data-contact-email', 'sales@example.org');
    document.querySelector('main.page').append(el);
    const { mount } = await import('./boot.js');
    await mount(el);
    await mount(el); // once per element
  });
  await poll(async () => assert.equal((await events(app.page, 'hubquote:ready')).length, 3));
  assert.equal(await app.page.locator('#later > main.hq').count(), 1);
  assert.ok(warnings.some((w) => w.includes('data-colour is not an option')), warnings.join('\n'));
  assert.ok(warnings.some((w) => w.includes('data-view="nope"')), warnings.join('\n'));
  const href = await app.page.locator('#later [data-testid="contact-action"]').getAttribute('href');
  assert.match(href, /^mailto:sales@example\.org\?/, 'the per-instance contact override');
  app.assertClean();
});

/** Serves `body` at `name` beside the example page, under the strict CSP. */
async function serveHost(page, name, body) {
  await page.route(appUrl(`public/${name}`), (route) =>
    route.fulfill({ status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP }, body }),
  );
}

const hostPage = (instances) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="stylesheet" href="app.css"><script type="module" src="boot.js"></script></head>
<body>${instances}</body></html>`;

test('a share link opens only in the instance that owns the address bar; the others keep their drafts', { timeout: 90_000 }, async (t) => {
  const app = await openApp(t, { path: null });
  const { page } = app;
  await serveHost(page, 'owner.html', hostPage('<div id="first" data-hubquote data-view="quote"></div><div id="second" data-hubquote data-history="hash" data-view="quote"></div>'));
  const gpu = cliQuote(presetScenario('research-gpu-dask'));
  const course = cliQuote(presetScenario('course-50'), ['--tier', 'recommend']);
  const link = cli(['link', '-', '--base', appUrl('public/owner.html')], JSON.stringify(presetScenario('research-gpu-dask'))).trim();
  await page.goto(link);
  const total = (id) => page.locator(`#${id} [data-testid="total-first-year"]`).filter({ visible: true });
  await total('second').waitFor();
  assert.equal(await total('second').innerText(), formatMoney(gpu.totals.first_year_total_cost), 'the owner opened the link');
  await total('first').waitFor();
  assert.equal(await total('first').innerText(), formatMoney(course.totals.first_year_total_cost), 'the first kept its start');
  // Its draft, saved after the first paint, is its own scenario, not the link's.
  await poll(async () => {
    const saved = await page.evaluate(() => localStorage.getItem('hubquote.draft:first'));
    assert.ok(saved, 'the first instance saved its draft');
    const encoded = saved.split(' ')[2];
    const shared = new URL(link).hash.slice('#s='.length).split('&')[0];
    assert.notEqual(encoded, shared);
  });
  app.assertClean();
});

test('two full instances each load a catalog file into themselves; the iframe takes no catalog or contact from its address', { timeout: 90_000 }, async (t) => {
  const app = await openApp(t, { path: null, ignore: [/\?catalog is not an option|\?contact-email is not an option/] });
  const { page } = app;
  await serveHost(page, 'two.html', hostPage('<div id="a" data-hubquote></div><div id="b" data-hubquote></div>'));
  await page.goto(appUrl('public/two.html'));
  const label = (id) => page.locator(`#${id} label.hq-filebtn`).filter({ hasText: 'Load a catalog file' });
  await label('b').waitFor();
  const own = await page.evaluate(() => ['a', 'b'].map((id) => {
    const l = [...document.querySelectorAll(`#${id} label.hq-filebtn`)].find((x) => x.textContent.includes('catalog file'));
    const input = document.getElementById(l.htmlFor);
    return input && document.getElementById(id).contains(input);
  }));
  assert.deepEqual(own, [true, true], "each label opens its own instance's input");

  // embed.html?catalog=…&contact-email=…: neither is taken from the address.
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const frame = await page.evaluate(async () => {
    const f = document.createElement('iframe');
    f.src = '../embed.html?catalog=https://evil.test/c.json5&contact-email=x@evil.test&mode=public';
    document.body.append(f);
    await new Promise((r) => f.addEventListener('load', r));
    return true;
  });
  assert.ok(frame);
  const inner = page.frameLocator('iframe').last();
  const action = inner.locator('[data-testid="contact-action"]');
  await action.waitFor();
  assert.match(await action.getAttribute('href'), /^mailto:hello@2i2c\.org\?/, "the catalog's contact");
  await poll(async () => {
    assert.ok(warnings.some((w) => w.includes('?catalog is not an option of embed.html')), warnings.join('\n'));
    assert.ok(warnings.some((w) => w.includes('?contact-email is not an option of embed.html')), warnings.join('\n'));
  });
  app.assertClean();
});
