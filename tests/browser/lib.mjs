// Helpers shared by the browser tests, on top of harness.mjs: the DOM contract's hooks
// (docs/ui-contract.md), the native CLI as the oracle for expected totals, and polling
// assertions (the UI updates asynchronously).
//
// Not a test file itself (node --test only runs *.test.mjs here).

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { ROOT, close, launch } from './harness.mjs';

// ── The CLI (the engine, natively): expected numbers ─────────────────────────────────

let bin = null;

/** Newest modification time of the engine's sources (not src/web/, wasm only). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (p !== join(ROOT, 'src', 'web')) walk(p);
      } else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(join(ROOT, 'src'));
  for (const f of ['Cargo.toml', 'Cargo.lock', 'public/catalog.json5']) {
    if (existsSync(join(ROOT, f))) newest = Math.max(newest, statSync(join(ROOT, f)).mtimeMs);
  }
  return newest;
}

/**
 * Path of the native `hubquote` binary: $HUBQUOTE_BIN, else the newer of
 * target/{debug,release}/hubquote if it is newer than the engine's sources, else
 * target/debug/hubquote after `cargo build -q` (call it in `before`).
 */
export function hubquoteBin() {
  if (bin) return bin;
  if (process.env.HUBQUOTE_BIN) return (bin = process.env.HUBQUOTE_BIN);
  const found = ['debug', 'release']
    .map((p) => join(ROOT, 'target', p, 'hubquote'))
    .filter((f) => existsSync(f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (found.length && statSync(found[0]).mtimeMs >= newestSource()) return (bin = found[0]);
  execFileSync('cargo', ['build', '-q', '--bin', 'hubquote'], { cwd: ROOT, stdio: 'inherit' });
  return (bin = join(ROOT, 'target', 'debug', 'hubquote'));
}

/**
 * The hooks of a test file that runs the CLI and keeps files: the CLI built, a scratch
 * directory `hq-<name>-…` and the browser before the tests, both gone after them.
 * Returns the directory's path (known once the tests run).
 */
export function session(name) {
  let dir;
  before(async () => {
    hubquoteBin();
    dir = await mkdtemp(join(tmpdir(), `hq-${name}-`));
    await launch();
  });
  after(async () => {
    await close();
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** Runs the CLI; returns its standard output. */
export function cli(args, input = undefined) {
  return execFileSync(hubquoteBin(), args, {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['pipe', 'pipe', 'pipe'], // errors are in the thrown error's stdout/stderr
  });
}

/** The default catalog's preset ids, in the CLI's order (`hubquote example`). */
export function presetIds() {
  return cli(['example'])
    .split('\n')
    .filter((l) => /^\S/.test(l))
    .map((l) => l.split(/\s+/)[0]);
}

/** A preset's scenario as a JS object (`hubquote example ID`). */
export function presetScenario(id) {
  return JSON.parse(cli(['example', id]));
}

/** The CLI's JSON quote of a scenario object (today's date; totals do not depend on it). */
export function cliQuote(scenario, extra = []) {
  return JSON.parse(cli(['quote', '-', '--format', 'json', ...extra], JSON.stringify(scenario)));
}

/**
 * A decimal string as the engine formats money: "23367.48" → "$23,367.48",
 * "-1500" → "−$1,500.00" (U+2212 minus sign).
 */
export function formatMoney(decimal, symbol = '$') {
  let s = String(decimal).trim();
  const neg = s.startsWith('-');
  if (neg) s = s.slice(1);
  const [int, frac = ''] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '\u2212' : ''}${symbol}${grouped}.${(frac + '00').slice(0, 2)}`;
}

/** data-testid of each total → the quote JSON's `totals` key. */
export const TOTALS = {
  'total-first-year': 'first_year_total_cost',
  'total-first-year-invoice': 'first_year_invoice',
  'total-average-month': 'average_month',
  'total-monthly-fees': 'monthly_fees',
  'total-monthly-cloud': 'monthly_cloud',
  'total-one-off': 'one_off',
  'total-annual': 'annual_total',
  'total-term': 'term_total',
};

/** The expected text of the given totals (default: all of TOTALS) for a CLI quote. */
export function expectedTotals(quote, ids = Object.keys(TOTALS)) {
  const sym = quote.currency?.symbol ?? '$';
  return Object.fromEntries(ids.map((id) => [id, formatMoney(quote.totals[TOTALS[id]], sym)]));
}

// ── The DOM contract ────────────────────────────────────────────────────────────────

/** All elements with this data-testid (ids contain `[`, `]`, `.`: quoted, so fine). */
export const tid = (scope, id) => scope.locator(`[data-testid="${id.replace(/["\\]/g, '\\$&')}"]`);

/** The first visible element with this data-testid. */
export const vis = (scope, id) => tid(scope, id).filter({ visible: true }).first();

/** Waits until the app is mounted (`#hubquote > main.hq`). */
export async function ready(page) {
  page.setDefaultTimeout(10_000); // fail fast on a missing hook (Playwright's default: 30 s)
  await page.locator('#hubquote > main.hq').waitFor({ state: 'visible', timeout: 30_000 });
}

/** Switches to a view with its tab (mouse), and waits for its panel. */
export async function gotoView(page, name) {
  await vis(page, `nav-${name}`).click();
  await tid(page, `view-${name}`).waitFor({ state: 'visible', timeout: 10_000 });
}

/** Retries `fn` (which throws on failure) until it passes or `timeout` ms pass. */
export async function poll(fn, { timeout = 5_000, interval = 50 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

/** Trimmed visible text of the first visible element with this data-testid. */
export async function text(scope, id) {
  return (await vis(scope, id).innerText({ timeout: 5_000 })).trim();
}

/** Waits until each given total's visible text equals the expected one. */
export async function expectTotals(scope, expected, message = '', timeout = 5_000) {
  await poll(
    async () => {
      const got = {};
      for (const id of Object.keys(expected)) {
        got[id] = (await tid(scope, id).filter({ visible: true }).count())
          ? await text(scope, id)
          : '(not visible)';
      }
      assert.deepEqual(got, expected, message);
    },
    { timeout },
  );
}

/** Texts of the given totals (whatever they are now). */
export async function readTotals(scope, ids = Object.keys(TOTALS)) {
  const out = {};
  for (const id of ids) out[id] = await text(scope, id);
  return out;
}

/** Sets a `field-<path>` by mouse/keyboard-agnostic Playwright actions (select or input). */
export async function setField(page, path, value) {
  const el = vis(page, `field-${path}`);
  await el.waitFor({ state: 'visible', timeout: 5_000 });
  const tag = await el.evaluate((e) => e.tagName.toLowerCase());
  if (tag === 'select') {
    try {
      await el.selectOption({ value: String(value) }, { timeout: 2_000 });
    } catch {
      await el.selectOption({ label: String(value) });
    }
  } else {
    await el.fill(String(value));
    // Apps may listen to `change` rather than `input`: fire it as a blur would.
    await el.dispatchEvent('change');
  }
}

/**
 * Replaces a field's text in one input event (like a paste), so no intermediate value
 * (typing "56" goes through the valid "5") is ever priced. Then fires `change`.
 */
export async function typeInto(page, path, value) {
  const el = vis(page, `field-${path}`);
  if ((await el.getAttribute('type')) === 'number') {
    // Playwright refuses to fill a number input with non-numbers: set it as a browser would.
    await el.evaluate((e, v) => {
      e.focus();
      e.value = v;
      e.dispatchEvent(new Event('input', { bubbles: true }));
    }, String(value));
  } else {
    await el.fill(String(value));
  }
  await el.dispatchEvent('change');
}

/** Chooses a preset in the `preset` select (in the configure view). */
export async function choosePreset(page, id) {
  if (!(await tid(page, 'preset').filter({ visible: true }).count())) {
    await gotoView(page, 'configure');
  }
  await vis(page, 'preset').selectOption(id);
}

/** Switches the configure view to staff mode (every field shown). */
export async function staffMode(page) {
  if (!(await tid(page, 'mode-staff').filter({ visible: true }).count())) {
    await gotoView(page, 'configure');
  }
  const b = vis(page, 'mode-staff');
  if ((await b.getAttribute('aria-pressed')) !== 'true') await b.click();
  await poll(async () => assert.equal(await vis(page, 'mode-staff').getAttribute('aria-pressed'), 'true'));
}

/** True if the element is rendered and not hidden (the `hidden` attribute counts). */
export async function isShown(locator) {
  if (!(await locator.count())) return false;
  return locator.first().isVisible();
}

// ── Files the page saves, and the tools that read them ──────────────────────────────

/** Clicks a download button; saves the file in `dir`, as `as` or its suggested name. */
export async function downloadFile(page, testid, dir, as) {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 15_000 }),
    vis(page, testid).click(),
  ]);
  const file = join(dir, as ?? d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), file, bytes: await readFile(file) };
}

/**
 * True if `name` runs. When it is missing: a failure under CI (scripts/setup.sh installs
 * it), else a notice and false (the caller skips what needs it).
 */
export function hasTool(t, name) {
  const r = spawnSync(name, ['-v'], { stdio: 'pipe' });
  if (!r.error) return true;
  assert.ok(!process.env.CI, `${name} is missing in CI (scripts/setup.sh installs it)`);
  t.diagnostic(`NOTICE: ${name} is not installed; skipping the checks that need it`);
  return false;
}

/**
 * `pdftotext -layout` (UTF-8), as tests/pdf.rs reads the engine's PDFs; `layout: false`
 * reads in content order (for the browser's print, whose wrapped table cells -layout
 * interleaves). Pages are separated by form feeds.
 */
export function pdftotext(file, { layout = true } = {}) {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
}

/** Whitespace runs collapsed (as tests/pdf.rs compares). */
export const flat = (s) => s.split(/\s+/).filter(Boolean).join(' ');
