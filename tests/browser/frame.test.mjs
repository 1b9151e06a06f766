// The iframe embed (public/embed-frame-example.html, served under the strict CSP): the
// events reach the parent page by postMessage, only to the origin it named, with the
// totals the CLI computes; the iframe is sized to its content (no scrollbar) as the
// content changes; with request=host the parent takes the request and the iframe does
// not follow the contact itself.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appUrl, close, launch, openApp } from './harness.mjs';
import { cliQuote, poll, presetScenario } from './lib.mjs';

before(launch);
after(close);

// Installed before the host's scripts: every message the parent page receives.
function recorder() {
  window.__messages = [];
  addEventListener('message', (e) => window.__messages.push({ origin: e.origin, fromFrame: e.source === document.getElementById('calculator')?.contentWindow, ...e.data }));
}

const messages = (page, type) => page.evaluate((t) => window.__messages.filter((m) => m.type === t), type);

async function openFrame(t) {
  const app = await openApp(t, { path: null });
  await app.page.addInitScript(recorder);
  await app.goto('public/embed-frame-example.html');
  await poll(async () => assert.equal((await messages(app.page, 'hubquote:ready')).length, 1));
  return app;
}

/** The iframe's height as laid out, and whether its page scrolls inside it. */
const layout = (page) => page.evaluate(() => {
  const frame = document.getElementById('calculator');
  const doc = frame.contentDocument.documentElement;
  return { frame: frame.getBoundingClientRect().height, content: doc.scrollHeight, inner: frame.contentWindow.innerHeight };
});

test('the iframe tells its parent, to its origin only, the totals the CLI computes', { timeout: 90_000 }, async (t) => {
  const app = await openFrame(t);
  const { page } = app;
  const origin = new URL(appUrl('')).origin;
  const course = cliQuote(presetScenario('course-50'), ['--tier', 'recommend']).totals;
  await poll(async () => {
    const [last] = (await messages(page, 'hubquote:change')).slice(-1);
    assert.ok(last, 'a change message');
    assert.equal(last.origin, origin);
    assert.ok(last.fromFrame, 'from the iframe');
    for (const key of Object.keys(course)) assert.equal(last.detail.totals[key], course[key], key);
    // Its share link opens the app's own page, not the iframe's.
    assert.match(last.detail.share_link, /\/#s=1\./);
  });
  const [ready] = await messages(page, 'hubquote:ready');
  assert.equal(ready.detail.options.mode, 'public');
  assert.equal(ready.detail.options.target_origin, origin);

  // Sized to its content, with no scrollbar, and again after the content grew.
  const frame = page.frameLocator('#calculator');
  await poll(async () => {
    const l = await layout(page);
    assert.ok(Math.abs(l.frame - l.content) <= 1 && l.content <= l.inner, JSON.stringify(l));
  });
  const before = (await layout(page)).frame;
  await frame.locator('[data-testid="nav-quote"]').click();
  await frame.locator('[data-testid="line"]').first().waitFor();
  await poll(async () => {
    const l = await layout(page);
    assert.ok(l.frame !== before && Math.abs(l.frame - l.content) <= 1 && l.content <= l.inner, JSON.stringify({ before, ...l }));
  });
  const resized = await messages(page, 'hubquote:resize');
  assert.ok(resized.length >= 2 && resized.every((m) => m.detail.height > 0), JSON.stringify(resized));

  // request=host: the parent fills its form, the iframe stays where it is.
  const action = frame.locator('[data-testid="contact-action"]');
  await action.waitFor();
  const frameUrl = page.frame({ url: /embed\.html/ }).url();
  await action.click();
  await poll(async () => assert.equal((await messages(page, 'hubquote:request')).length, 1));
  const [request] = await messages(page, 'hubquote:request');
  assert.equal(request.detail.quote.totals.first_year_total_cost, course.first_year_total_cost);
  const field = await page.locator('#ask-quote').inputValue();
  assert.ok(field.includes(request.detail.share_link), field);
  assert.equal(page.frame({ url: /embed\.html/ }).url(), frameUrl, 'the iframe did not navigate');
  await app.screenshot('iframe');
  app.assertClean();
});

test('without a target origin the iframe posts nothing; "*" is refused', { timeout: 60_000 }, async (t) => {
  const app = await openFrame(t);
  const { page } = app;
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const count = await page.evaluate(async () => {
    const heard = [];
    const frames = ['../embed.html?mode=public', '../embed.html?mode=public&target-origin=*'].map((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
      return f;
    });
    addEventListener('message', (e) => { if (frames.some((f) => f.contentWindow === e.source)) heard.push(e.data.type); });
    await Promise.all(frames.map((f) => new Promise((r) => f.addEventListener('load', r))));
    // Long enough for the first change message of a running instance.
    await new Promise((r) => setTimeout(r, 3000));
    const mounted = frames.map((f) => f.contentDocument.querySelectorAll('main.hq').length);
    return { heard, mounted };
  });
  assert.deepEqual(count.mounted, [1, 1], 'both iframes run');
  assert.deepEqual(count.heard, [], 'nothing posted');
  assert.ok(warnings.some((w) => w.includes('?target-origin="*" is refused')), warnings.join('\n'));
});
