// Shared harness of the browser tests (run by `node --test tests/browser/`).
//
// - The app under test: $HUBQUOTE_URL if set (scripts/test.sh serves dist/ under the strict
//   CSP and sets it), else this harness serves dist/ itself, also under the strict CSP, on a
//   free loopback port (so `node --test tests/browser/` works alone after a build).
// - The browser: Debian's chromium (/usr/bin/chromium, or $CHROMIUM) through playwright-core,
//   headless with the flags known to work as root (docs: /work/shared/TOOLCHAIN.md). Each
//   launch gets a fresh, temporary user-data-dir (Playwright creates and deletes it; it does
//   not accept --user-data-dir in `args`), and every test gets its own browser context.
// - Every page collects console errors and warnings, uncaught exceptions, failed requests
//   and HTTP errors, so each test can assert there were none (`app.assertClean()`).
// - A screenshot of every test's page is saved to artifacts/screenshots/ when the test ends,
//   pass or fail.
//
// Usage:
//   import { test, before, after } from 'node:test';
//   import { launch, close, openApp } from './harness.mjs';
//   before(launch);
//   after(close);
//   test('renders', async (t) => {
//     const app = await openApp(t);          // navigates to the app's page
//     await app.page.locator('.hq').waitFor();
//     app.assertClean();
//   });

import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/** Headless flags that work as root in this project's CI machines (TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let server = null;
let browser = null;
let baseUrl = null;

/** The app's base URL (ends with '/'). */
export function appUrl(path = '') {
  assert.ok(baseUrl, 'harness: launch() first');
  return new URL(path, baseUrl).href;
}

/** The launched browser (for tests that need their own contexts). */
export function theBrowser() {
  assert.ok(browser, 'harness: launch() first');
  return browser;
}

/** Starts the server (unless $HUBQUOTE_URL is given) and the browser. For `before`. */
export async function launch() {
  if (process.env.HUBQUOTE_URL) {
    baseUrl = new URL(process.env.HUBQUOTE_URL).href;
  } else {
    await readFile(join(DIST, 'index.html')).catch(() => {
      throw new Error('dist/index.html missing: run scripts/build.sh first');
    });
    server = await startServer({ root: DIST, port: 0, host: '127.0.0.1', csp: true });
    baseUrl = server.url;
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
  });
}

/** Stops the browser and the server. For `after`. */
export async function close() {
  await browser?.close().catch(() => {});
  browser = null;
  await server?.close();
  server = null;
}

/** File-name-safe form of a test name. */
function slug(s) {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

/**
 * Opens a fresh browser context and page for test `t`, wires up issue collection and the
 * end-of-test screenshot, and (unless `path` is null) navigates to the app.
 *
 * options: path ('' = the app's index page; null = do not navigate), bypassCSP (false),
 * viewport ({width: 1280, height: 800}), ignore (array of RegExp: issues to tolerate,
 * for tests that provoke errors on purpose), contextOptions (more Playwright options).
 */
export async function openApp(t, options = {}) {
  const {
    path = '',
    bypassCSP = false,
    viewport = { width: 1280, height: 800 },
    ignore = [],
    contextOptions = {},
  } = options;
  const context = await theBrowser().newContext({ bypassCSP, viewport, ...contextOptions });
  const page = await context.newPage();
  const issues = [];
  const note = (text) => {
    if (!ignore.some((re) => re.test(text))) issues.push(text);
  };
  page.on('console', (msg) => {
    const type = msg.type();
    if (type === 'error' || type === 'warning' || type === 'assert') {
      const loc = msg.location();
      const where = loc?.url ? ` (${loc.url}:${loc.lineNumber})` : '';
      note(`console.${type}: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => note(`uncaught exception: ${err.message}`));
  page.on('crash', () => note('page crashed'));
  page.on('requestfailed', (req) =>
    note(`request failed: ${req.method()} ${req.url()}: ${req.failure()?.errorText}`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) note(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });

  const file = slug(basename(process.argv[1] || 'test').replace(/\.test\.m?js$/, ''));
  let shots = 0;
  const app = {
    page,
    context,
    issues,
    /** Navigates to `path` relative to the app's base URL. */
    goto: (p = '', opts = {}) => page.goto(appUrl(p), { waitUntil: 'load', ...opts }),
    /** Asserts no console error/warning, exception or failed request happened so far. */
    assertClean(message = 'browser reported problems') {
      assert.deepEqual(issues, [], message);
    },
    /** Saves a screenshot now (the end-of-test one is automatic). Returns its path. */
    async screenshot(name = '') {
      await mkdir(SCREENSHOTS, { recursive: true });
      shots += 1;
      const suffix = `--${name ? slug(name) : shots}`;
      const out = join(SCREENSHOTS, `${file}--${slug(t.name)}${suffix}.png`);
      await page.screenshot({ path: out, fullPage: true });
      return out;
    },
  };
  t.after(async () => {
    try {
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({
        path: join(SCREENSHOTS, `${file}--${slug(t.name)}.png`),
        fullPage: true,
        timeout: 10_000,
      });
    } catch (err) {
      console.log(`# harness: no screenshot for "${t.name}": ${err.message}`);
    }
    await context.close().catch(() => {});
  });
  if (path !== null) await app.goto(path);
  return app;
}

/**
 * Runs axe-core on the page and returns its violations of impact `serious` or `critical`
 * (as compact strings, for assert.deepEqual). axe is evaluated through the DevTools
 * protocol, which the page's CSP does not restrict, so the page keeps its strict CSP.
 */
export async function axeSerious(page, { include = null } = {}) {
  const source = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const results = await page.evaluate(
    (ctx) =>
      window.axe.run(ctx ?? document, {
        resultTypes: ['violations'],
      }),
    include,
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact}: ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}
