#!/usr/bin/env node
// Browser benchmark of the built app (dist/): what it ships, how fast it first shows a
// priced total, how fast a total follows an input, and how fast the PDF is made.
//
//   node scripts/bench-browser.mjs [SELECTOR] [--runs N] [--reps M] [--clicks K] [--url URL] [--dist DIR]
//
// SELECTOR (default `.hq`) is the element whose first appearance counts as "first
// render". Prints the raw and gzip -9 sizes of the wasm + JS + CSS a first visit loads, of
// the lazily loaded wasm chunks (file writers, quote import) and of both together, then the
// median (and min/max) over N >= 7 cold loads (default 9) of:
//   - nav → in DOM: from navigation start (performance.timeOrigin) to the first moment the
//     selector matches an element outside any hidden panel (a MutationObserver installed
//     before any page script; not subject to the page's CSP);
//   - nav → first priced total in the DOM: the same, until a `[data-testid=total-first-year]`
//     outside any hidden panel contains a `$`. The page is opened on a share link
//     (`#s=…` of the course-50 preset), which opens the quote view with that scenario;
//   - nav → first priced total painted: the render time of that big total's first paint
//     (Element Timing API, `elementtiming="first-year-total"`): when a person sees it;
//   - goto → priced total painted (wall): from page.goto() until the page reports that paint;
//   The watchers never force a layout and nothing polls the page while it loads: they
//   would slow down the load they measure (by about 20 ms here, when they did).
//   - wasm fetch: the response end of the wasm, from the Resource Timing API;
//   - input → total updated: inside the page, performance.now() just before dispatching an
//     `input` event with a new value on `field-hubs[0].monthly_active_users` (staff form)
//     until a MutationObserver sees the visible `total-first-year` text change; M >= 20
//     times per load (default 25), alternating values that change the total.
// Then, over N more cold loads of the page without a fragment (the service menu, where
// visitors land):
//   - nav → first price painted: the render time of the first paint of the recommendation's
//     first reason, which prices the recommended tier (`elementtiming="menu-first-price"`).
// Then, over N more cold loads of a share link of the 10-hub Premier scenario of
// tests/pdf.rs (59 lines, an 8-page PDF):
//   - PDF generated in the browser: inside the page, `URL.createObjectURL` is wrapped to
//     record performance.now(); the time from just before a click on `download-pdf` to the
//     creation of the PDF's Blob URL (the engine's `to_pdf` in wasm, the copy into a Blob),
//     K >= 3 clicks per load (default 5); the first click of each load (colder wasm code)
//     is also reported on its own.
// Then a table of the budgets: shipped (first visit, and everything) <= 200 KB gzip (KB =
// 1,000 bytes), first priced total (share link) and first price (menu) <= 200 ms, update
// <= 8 ms, 10-hub PDF <= 20 ms (medians).
// Each load is cold: a new browser context (empty HTTP cache, no compiled-wasm cache).
// Without --url, serves DIR (default dist/) itself under the strict CSP on a free port.
// A benchmark, not a test: it never fails on slowness (exit 0 even over budget).
// Run `bash scripts/build.sh` first.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function parseArgs(argv) {
  const o = { selector: '.hq', runs: 9, reps: 25, clicks: 5, url: null, dist: 'dist' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--runs') o.runs = Number(value());
    else if (a === '--reps') o.reps = Number(value());
    else if (a === '--clicks') o.clicks = Number(value());
    else if (a === '--url') o.url = value();
    else if (a === '--dist') o.dist = value();
    else if (a === '-h' || a === '--help') o.help = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.selector = a;
  }
  if (!Number.isInteger(o.runs) || o.runs < 7) throw new Error('--runs must be an integer >= 7');
  if (!Number.isInteger(o.reps) || o.reps < 20) throw new Error('--reps must be an integer >= 20');
  if (!Number.isInteger(o.clicks) || o.clicks < 3) throw new Error('--clicks must be an integer >= 3');
  return o;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (ms) => (Number.isFinite(ms) ? ms.toFixed(1) : 'n/a');
const fmt2 = (ms) => (Number.isFinite(ms) ? ms.toFixed(2) : 'n/a');

/** The course-50 preset (`hubquote example course-50`), if the CLI is not built. */
const COURSE_50 = {
  format: 'hubquote.scenario/1',
  customer: { name: 'Example Community College', contact: '' },
  prepared_by: '2i2c sales',
  tier: 'Essential',
  provider: 'AWS',
  region: 'us-west-2',
  account: '2i2c-managed',
  billing: '2i2c-pays',
  active_months: 9,
  term_years: 1,
  help_hours_per_quarter: '0',
  project_hours: '0',
  discounts: [],
  hubs: [
    {
      name: 'Course hub',
      registered_users: 55,
      monthly_active_users: 50,
      hours_per_user: '10',
      size: 'Small',
      gpu_share: '0',
      home_gb_per_user: '1',
      object_storage_gb: '0',
      egress_gb: '2',
      dask_node_hours: '0',
      features: {},
    },
  ],
  notes: '',
};

/** The share-link fragment of the course-50 preset: `s=1.<base64url of compact JSON>`. */
function shareFragment() {
  let scenario = COURSE_50;
  for (const bin of ['target/release/hubquote', 'target/debug/hubquote']) {
    if (!existsSync(bin)) continue;
    try {
      scenario = JSON.parse(execFileSync(bin, ['example', 'course-50'], { encoding: 'utf8' }));
      break;
    } catch {}
  }
  return fragmentOf(scenario);
}

/**
 * The 10-hub Premier scenario of tests/pdf.rs (`ten_hubs()`): every size, GPU on every
 * other hub, Dask on every third, two discounts, notes. Its PDF has 59 lines on 8 pages.
 */
function tenHubs() {
  const sizes = ['Small', 'Medium', 'Large', 'X-Large'];
  const depts = ['physics', 'ocean science', 'genomics', 'economics', 'climate'];
  const hubs = Array.from({ length: 10 }, (_, i) => {
    const features = {};
    if (i % 3 === 0) features['hub:dask'] = 'Enabled';
    if (i % 2 === 1) features['hub:gpu'] = 'NVIDIA T4';
    return {
      name: `Hub ${i + 1} — department ${depts[i % 5]}`,
      registered_users: 40 + 90 * i,
      monthly_active_users: 25 + 60 * i,
      hours_per_user: String(10 + 3 * i),
      size: sizes[i % 4],
      gpu_share: i % 2 === 1 ? '0.2' : '0',
      home_gb_per_user: '5',
      object_storage_gb: String(250 * i),
      egress_gb: String(20 * i),
      dask_node_hours: i % 3 === 0 ? '150' : '0',
      features,
    };
  });
  return {
    format: 'hubquote.scenario/1',
    customer: { name: 'Ten Hub University', contact: 'research-computing@example.edu' },
    prepared_by: '2i2c sales',
    tier: 'Premier',
    provider: 'GCP',
    region: 'us-central1',
    account: '2i2c-managed',
    billing: '2i2c-pays',
    active_months: 10,
    term_years: 3,
    help_hours_per_quarter: '20',
    project_hours: '60',
    discounts: [
      { target: 'membership', percent: '25', reason: 'Founding member of the network' },
      { target: 'project_hours', amount: '500.00', reason: 'Shared roadmap work' },
    ],
    hubs,
    notes: 'Ten departments, one agreement.\nGPU hubs are shared by two labs each.',
  };
}

/** A share-link fragment (`s=1.<base64url of JSON>`, docs/scenario-format.md). */
const fragmentOf = (scenario) => `s=1.${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;

/**
 * In the page: `clicks` times, clicks the visible `download-pdf` and times from just
 * before the click to `URL.createObjectURL` of the PDF's Blob (the PDF writer is a lazily
 * loaded chunk, so the Blob may come a few tasks later; waits up to 2 s). Returns the times
 * in ms (NaN: no Blob URL), the Blob sizes and what the app said.
 */
async function measurePdf(clicks) {
  const button = [...document.querySelectorAll('[data-testid="download-pdf"]')].find(
    (e) => e.getClientRects().length > 0,
  );
  if (!button) return { error: 'no visible download-pdf' };
  const original = URL.createObjectURL;
  let at = NaN;
  let size = NaN;
  let created = () => {};
  URL.createObjectURL = function (blob) {
    at = performance.now();
    size = blob?.size;
    created();
    return original.call(URL, blob);
  };
  const times = [];
  const sizes = [];
  try {
    for (let i = 0; i < clicks; i++) {
      at = NaN;
      const done = new Promise((r) => {
        created = r;
        setTimeout(r, 2000);
      });
      const t0 = performance.now();
      button.click();
      await done;
      times.push(at - t0);
      sizes.push(size);
      // Let the download start and the frame finish before the next click.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)));
    }
  } finally {
    URL.createObjectURL = original;
  }
  const status = document.querySelector('[data-testid="import-status"]')?.textContent ?? '';
  const lines = document.querySelectorAll('[data-testid="line"]').length;
  return { times, sizes, status, lines };
}

/**
 * Installed before any page script: records when `selector` first is in the DOM
 * (`__hqVisibleAt`), when a `total-first-year` outside any hidden panel first shows a price
 * (`__hqPricedAt`), and when the big first-year total is first painted (`__hqPaintedAt`:
 * the Element Timing API's render time of the element the app marks
 * `elementtiming=identifier`), in ms since navigation start; `__hqDone` resolves
 * once it is painted. It never forces a layout (no getClientRects, no Playwright polling
 * while the page loads): a measurement that lays the page out at every DOM change makes
 * the page it measures slower.
 */
function watchFor([selector, identifier]) {
  let done;
  window.__hqDone = new Promise((r) => (done = r));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.identifier === identifier && window.__hqPaintedAt === undefined) {
        window.__hqPaintedAt = e.renderTime || e.loadTime;
        done();
      }
    }
  }).observe({ type: 'element', buffered: true });
  const shown = (el) => !el.closest('[hidden]');
  const check = () => {
    if (window.__hqVisibleAt === undefined) {
      const el = document.querySelector(selector);
      if (el && shown(el)) window.__hqVisibleAt = performance.now();
    }
    if (window.__hqPricedAt === undefined) {
      for (const el of document.querySelectorAll('[data-testid="total-first-year"]')) {
        if (shown(el) && el.textContent.includes('$')) {
          window.__hqPricedAt = performance.now();
          break;
        }
      }
    }
    return window.__hqVisibleAt !== undefined && window.__hqPricedAt !== undefined;
  };
  const mo = new MutationObserver(() => {
    if (check()) mo.disconnect();
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

/**
 * In the page: `reps` times, sets a new number of monthly active users on the visible
 * `field-hubs[0].monthly_active_users` with one `input` event and times until the visible
 * `total-first-year` text changes (MutationObserver). Returns the times in ms (NaN: no
 * update within 2 s).
 */
async function measureUpdates(reps) {
  const visible = (sel) => [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length > 0);
  const field = visible('[data-testid="field-hubs[0].monthly_active_users"]');
  if (!field) return { error: 'no visible field-hubs[0].monthly_active_users' };
  const root = document.querySelector('#hubquote');
  const total = () => visible('[data-testid="total-first-year"]')?.textContent ?? '';
  const times = [];
  for (let i = 0; i < reps; i++) {
    const value = String(i % 2 ? 40 : 45); // both under the 55 registered users
    const before = total();
    const dt = await new Promise((resolve) => {
      let t0 = 0;
      const timer = setTimeout(() => {
        mo.disconnect();
        resolve(NaN);
      }, 2000);
      const mo = new MutationObserver(() => {
        if (total() !== before) {
          const t = performance.now() - t0;
          mo.disconnect();
          clearTimeout(timer);
          resolve(t);
        }
      });
      mo.observe(root, { childList: true, subtree: true, characterData: true });
      t0 = performance.now();
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    times.push(dt);
    // Let the frame finish (paint) before the next input.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 10)));
  }
  return { times, last: total() };
}

/** Raw and gzip -9 sizes of what a first visit loads and of the lazily loaded chunks. */
async function sizes(dist) {
  const first = ['pkg/hubquote_bg.wasm', 'pkg/hubquote.js', 'pkg/__wasm_split.js', 'public/boot.js', 'public/app.css'];
  const lazy = (await readdir(join(dist, 'pkg')))
    .filter((f) => f.endsWith('.wasm') && f !== 'hubquote_bg.wasm')
    .sort()
    .map((f) => `pkg/${f}`)
    .concat(['public/app-later.css']);
  const measure = async (files) => {
    const rows = [];
    for (const f of files) {
      const buf = await readFile(join(dist, f));
      rows.push({ file: f, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
    }
    return rows;
  };
  const total = (file, rows) => ({
    file,
    raw: rows.reduce((s, r) => s + r.raw, 0),
    gzip: rows.reduce((s, r) => s + r.gzip, 0),
  });
  const firstRows = await measure(first);
  const lazyRows = await measure(lazy);
  return {
    rows: [
      ...firstRows,
      total('always loaded (wasm + js + css)', firstRows),
      ...lazyRows,
      total('lazy chunks (files, import)', lazyRows),
      total('everything', [...firstRows, ...lazyRows]),
    ],
    first: total('', firstRows).gzip,
    all: total('', [...firstRows, ...lazyRows]).gzip,
  };
}

/** Installed before any page script: records in `__hqShownAt` when a rendered element
 * matching `selector` (and containing `text`, if given) first appears. */
function watchShown([selector, text]) {
  const check = () => {
    if (window.__hqShownAt !== undefined) return;
    for (const el of document.querySelectorAll(selector)) {
      if (el.getClientRects().length > 0 && (!text || el.textContent.includes(text))) {
        window.__hqShownAt = performance.now();
        return;
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * What a first visit downloads before it shows something: opens `url` in a fresh context
 * and returns the same-origin files the page had started to fetch (the document included)
 * by the moment a rendered `selector` (containing `text`, if given) first appeared, with
 * their gzip -9 sizes from `dist`. Idle-time preloads that start after it are not counted.
 */
async function landing(browser, base, dist, fragment, selector, text) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(watchShown, [selector, text ?? '']);
  await page.goto(`${base.split('#')[0]}${fragment ? `#${fragment}` : ''}`, { waitUntil: 'commit' });
  let target = page.locator(selector).filter({ visible: true });
  if (text) target = target.filter({ hasText: text });
  await target.first().waitFor({ state: 'visible', timeout: 30_000 });
  const names = await page.evaluate(() => [
    location.pathname,
    ...performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= window.__hqShownAt)
      .map((e) => new URL(e.name).pathname),
  ]);
  await context.close();
  const root = new URL(base).pathname.replace(/\/$/, '');
  const files = [...new Set(names)].map((p) => {
    const rel = decodeURIComponent(p.slice(root.length)).replace(/^\//, '');
    return rel === '' ? 'index.html' : rel;
  });
  let gzip = 0;
  for (const f of files) {
    try {
      gzip += gzipSync(await readFile(join(dist, f)), { level: 9 }).length;
    } catch {
      // Not a file of dist/ (e.g. a catalog URL): not part of the app.
    }
  }
  return { files, gzip };
}

/**
 * One cold load of `url` in a new context: the watcher's times (ms since navigation) of
 * `selector` in the DOM, the priced total in the DOM, the paint of the element marked
 * `elementtiming=identifier`, the wasm's response end, and the wall time from goto to
 * that paint. Returns the page too (the caller closes its context).
 */
async function coldLoad(browser, url, selector, identifier, problems) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
  await page.addInitScript(watchFor, [selector, identifier]);
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  // Waits inside the page for the paint (one CDP call, nothing polled meanwhile).
  const painted = await page.evaluate(() =>
    Promise.race([window.__hqDone.then(() => true), new Promise((r) => setTimeout(() => r(false), 30_000))]),
  );
  const wall = performance.now() - t0;
  if (!painted) problems.push(`${identifier} was not painted within 30 s`);
  const m = await page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    return {
      visible: window.__hqVisibleAt,
      priced: window.__hqPricedAt,
      painted: window.__hqPaintedAt ?? NaN,
      wasmEnd: wasm ? wasm.responseEnd : NaN,
    };
  });
  return { context, page, m: { ...m, wall } };
}

async function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench-browser: ${e.message}`);
    process.exit(2);
  }
  if (o.help) {
    console.log('usage: node scripts/bench-browser.mjs [SELECTOR] [--runs N>=7] [--reps M>=20] [--clicks K>=3] [--url URL] [--dist DIR]');
    return;
  }
  const dist = resolve(o.dist);

  console.log('shipped sizes (bytes)');
  console.log(`  ${'file'.padEnd(44)} ${'raw'.padStart(9)} ${'gzip -9'.padStart(9)}`);
  const sized = await sizes(dist);
  for (const r of sized.rows) {
    console.log(`  ${r.file.padEnd(44)} ${String(r.raw).padStart(9)} ${String(r.gzip).padStart(9)}`);
  }

  const server = o.url ? null : await startServer({ root: dist, port: 0, csp: true });
  const base = o.url ?? server.url;
  const url = `${base.split('#')[0]}#${shareFragment()}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
  });
  // What each kind of first visit downloads before it shows what it came for.
  const menuLanding = await landing(browser, base, dist, '', '[data-testid="tier-card"]');
  const linkLanding = await landing(browser, base, dist, shareFragment(), '[data-testid="total-first-year"]', '$');
  for (const [what, l] of [['service menu (no fragment)', menuLanding], ['share link → quote', linkLanding]]) {
    console.log(`first visit, ${what}: ${l.files.length} files, ${(l.gzip / 1000).toFixed(1)} KB gzip -9 before it shows`);
    console.log(`  ${l.files.join(' ')}`);
  }
  const runs = [];
  const menuRuns = [];
  const updates = [];
  const pdf = [];
  const pdfFirst = [];
  let pdfInfo = null;
  const problems = [];
  try {
    // One warm-up load (not counted): first-launch costs of the browser process itself.
    for (let i = 0; i <= o.runs; i++) {
      const { context, page, m } = await coldLoad(browser, url, o.selector, 'first-year-total', problems);
      if (i > 0) runs.push(m);

      // The staff form, then the input → total timing inside the page.
      if (i > 0) {
        await page.locator('[data-testid="nav-configure"]').first().click();
        const staff = page.locator('[data-testid="mode-staff"]').filter({ visible: true }).first();
        if ((await staff.getAttribute('aria-pressed')) !== 'true') await staff.click();
        await page
          .locator('[data-testid="field-hubs[0].monthly_active_users"]')
          .filter({ visible: true })
          .first()
          .waitFor({ state: 'visible', timeout: 10_000 });
        const u = await page.evaluate(measureUpdates, o.reps);
        if (u.error) problems.push(u.error);
        else updates.push(...u.times);
      }
      await context.close();
    }

    // The service menu, where visitors of the organisation's site land (cold loads again).
    for (let i = 0; i <= o.runs; i++) {
      const { context, m } = await coldLoad(browser, base.split('#')[0], o.selector, 'menu-first-price', problems);
      if (i > 0) menuRuns.push(m);
      await context.close();
    }

    // The 10-hub PDF, made in the page (cold loads again; one warm-up load not counted).
    const tenUrl = `${base.split('#')[0]}#${fragmentOf(tenHubs())}`;
    for (let i = 0; i <= o.runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
      await page.goto(tenUrl, { waitUntil: 'load' });
      await page
        .locator('[data-testid="total-first-year"]')
        .filter({ visible: true, hasText: '$' })
        .first()
        .waitFor({ state: 'visible', timeout: 30_000 });
      await page.locator('[data-testid="download-pdf"]').first().waitFor({ state: 'visible' });
      const m = await page.evaluate(measurePdf, o.clicks);
      if (m.error) problems.push(m.error);
      else {
        if (!/^Saved HQ-.*\.pdf\.$/.test(m.status.trim())) problems.push(`after download-pdf: "${m.status}"`);
        if (i > 0) {
          pdf.push(...m.times);
          pdfFirst.push(m.times[0]);
        }
        pdfInfo = { lines: m.lines, size: Math.max(...m.sizes) };
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server?.close();
  }

  console.log(`\ncold loads of ${base} + #s=<course-50 share link> (ms; ${o.runs} runs)`);
  const cols = [
    [`nav → \`${o.selector}\` in DOM`, (r) => r.visible],
    ['nav → priced total in DOM', (r) => r.priced],
    ['nav → priced total painted', (r) => r.painted],
    ['goto → painted (wall)', (r) => r.wall],
    ['wasm fetch end', (r) => r.wasmEnd],
  ];
  console.log(`  ${'metric'.padEnd(28)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`);
  const stats = (xs) => {
    const f = xs.filter(Number.isFinite);
    return f.length ? [median(f), Math.min(...f), Math.max(...f)] : [NaN, NaN, NaN];
  };
  for (const [name, get] of cols) {
    const [md, mn, mx] = stats(runs.map(get));
    console.log(`  ${name.padEnd(28)} ${fmt(md).padStart(8)} ${fmt(mn).padStart(8)} ${fmt(mx).padStart(8)}`);
  }
  console.log(`  runs (nav → priced total painted): ${runs.map((r) => fmt(r.painted)).join(' ')}`);

  console.log(`\ncold loads of ${base} (the service menu; ms; ${o.runs} runs)`);
  console.log(`  ${'metric'.padEnd(28)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`);
  for (const [name, get] of [
    [`nav → \`${o.selector}\` in DOM`, (r) => r.visible],
    ['nav → first price painted', (r) => r.painted],
    ['wasm fetch end', (r) => r.wasmEnd],
  ]) {
    const [md, mn, mx] = stats(menuRuns.map(get));
    console.log(`  ${name.padEnd(28)} ${fmt(md).padStart(8)} ${fmt(mn).padStart(8)} ${fmt(mx).padStart(8)}`);
  }
  console.log(`  runs (nav → first price painted): ${menuRuns.map((r) => fmt(r.painted)).join(' ')}`);

  const [umd, umn, umx] = stats(updates);
  const missed = updates.filter((x) => !Number.isFinite(x)).length;
  console.log(`\ninput event → total-first-year updated in the DOM (ms; ${updates.length} inputs over ${runs.length} loads)`);
  console.log(`  ${'metric'.padEnd(28)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`);
  console.log(`  ${'input → total updated'.padEnd(28)} ${fmt2(umd).padStart(8)} ${fmt2(umn).padStart(8)} ${fmt2(umx).padStart(8)}`);
  const sorted = updates.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length) console.log(`  p90 ${fmt2(sorted[Math.floor(sorted.length * 0.9)])}`);
  if (missed) console.log(`  ${missed} input(s) did not update the total within 2 s`);

  const [pmd, pmn, pmx] = stats(pdf);
  console.log(
    `\n10-hub Premier quote: click on download-pdf → PDF Blob URL created (ms; ${pdf.length} clicks over ${o.runs} loads` +
      (pdfInfo ? `; ${pdfInfo.lines} lines, ${pdfInfo.size} bytes)` : ')'),
  );
  console.log(`  ${'metric'.padEnd(28)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`);
  console.log(`  ${'PDF generated in browser'.padEnd(28)} ${fmt2(pmd).padStart(8)} ${fmt2(pmn).padStart(8)} ${fmt2(pmx).padStart(8)}`);
  // The first click after a load runs colder code (the wasm is not tiered up yet).
  const [fmd, fmn, fmx] = stats(pdfFirst);
  console.log(`  ${'  of which 1st click a load'.padEnd(28)} ${fmt2(fmd).padStart(8)} ${fmt2(fmn).padStart(8)} ${fmt2(fmx).padStart(8)}`);
  const pdfMissed = pdf.filter((x) => !Number.isFinite(x)).length;
  if (pdfMissed) console.log(`  ${pdfMissed} click(s) created no Blob URL`);

  const [pricedMd] = stats(runs.map((r) => r.painted));
  const [menuMd] = stats(menuRuns.map((r) => r.painted));
  const budgets = [
    ['first visit, menu, gzip', `${(menuLanding.gzip / 1000).toFixed(1)} KB`, menuLanding.gzip <= 200_000, '≤ 200 KB'],
    ['first visit, share link, gzip', `${(linkLanding.gzip / 1000).toFixed(1)} KB`, linkLanding.gzip <= 200_000, '≤ 200 KB'],
    ['everything incl. lazy chunks, gzip', `${(sized.all / 1000).toFixed(1)} KB`, sized.all <= 200_000, '≤ 200 KB'],
    ['first priced total painted, share link (median)', `${fmt(pricedMd)} ms`, pricedMd <= 200, '≤ 200 ms'],
    ['first price painted, menu (median)', `${fmt(menuMd)} ms`, menuMd <= 200, '≤ 200 ms'],
    ['input → update (median)', `${fmt2(umd)} ms`, umd <= 8, '≤ 8 ms'],
    ['10-hub PDF in browser (median)', `${fmt2(pmd)} ms`, pmd <= 20, '≤ 20 ms'],
  ];
  console.log('\nbudgets');
  console.log(`  ${'what'.padEnd(46)} ${'measured'.padStart(12)} ${'budget'.padStart(10)}  verdict`);
  for (const [what, got, ok, budget] of budgets) {
    console.log(`  ${what.padEnd(46)} ${got.padStart(12)} ${budget.padStart(10)}  ${ok ? 'ok' : 'OVER'}`);
  }
  if (problems.length) {
    console.log(`\nproblems seen in the page (${problems.length}):`);
    for (const p of [...new Set(problems)].slice(0, 10)) console.log(`  ${p}`);
  }
}

main().catch((e) => {
  console.error(`bench-browser: ${e.stack || e}`);
  process.exit(1);
});
