// Smoke test of the whole web pipeline: the release build in dist/, served under the strict
// CSP, loads in headless chromium, mounts the app into #hubquote, with no console errors or
// warnings, no failed requests and no serious/critical accessibility violations.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axeSerious, close, launch, openApp } from './harness.mjs';

before(launch);
after(close);

test('the app mounts into #hubquote, cleanly, under the strict CSP', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t);
  const { page } = app;
  await page.locator('.hq').waitFor({ state: 'visible' });

  // Mounted inside the host element, not over <body>.
  assert.equal(await page.locator('#hubquote > main.hq').count(), 1);
  assert.equal(await page.locator('body > main').count(), 0);
  assert.match(await page.locator('.hq h1').innerText(), /hubquote/);
  assert.match(await page.locator('.hq').innerText(), /catalog/i);

  // The page really is under the strict CSP (served by scripts/serve.mjs --csp).
  const response = await page.request.get(app.page.url());
  assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/);

  app.assertClean();
});

test('no serious or critical accessibility violations (axe-core)', { timeout: 60_000 }, async (t) => {
  const app = await openApp(t);
  await app.page.locator('.hq').waitFor({ state: 'visible' });
  assert.deepEqual(await axeSerious(app.page), []);
  app.assertClean();
});
