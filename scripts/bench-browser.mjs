#!/usr/bin/env node
// Browser benchmark of the built app (dist/): what it ships and how fast it first renders.
//
//   node scripts/bench-browser.mjs [SELECTOR] [--runs N] [--url URL] [--dist DIR]
//
// SELECTOR (default `.hq`) is the element whose first visible appearance counts as "first
// render". Prints the raw and gzip -9 sizes of the shipped wasm + JS + CSS, then the
// median (and min/max) over N >= 7 cold loads (default 9) of:
//   - nav → visible: from navigation start (performance.timeOrigin) to the first moment the
//     selector matches a rendered element (a MutationObserver installed before any page
//     script; not subject to the page's CSP);
//   - goto → visible (wall): from page.goto() to Playwright seeing it visible;
//   - wasm fetch: the response end of the wasm, from the Resource Timing API.
// Each load is cold: a new browser context (empty HTTP cache, no compiled-wasm cache).
// Without --url, serves DIR (default dist/) itself under the strict CSP on a free port.
// A benchmark, not a test: it never fails on slowness. Run `bash scripts/build.sh` first.

import { readFile } from 'node:fs/promises';
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
  const o = { selector: '.hq', runs: 9, url: null, dist: 'dist' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--runs') o.runs = Number(value());
    else if (a === '--url') o.url = value();
    else if (a === '--dist') o.dist = value();
    else if (a === '-h' || a === '--help') o.help = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else o.selector = a;
  }
  if (!Number.isInteger(o.runs) || o.runs < 7) throw new Error('--runs must be an integer >= 7');
  return o;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (ms) => (Number.isFinite(ms) ? ms.toFixed(1) : 'n/a');

/** Installed before any page script: records when `selector` is first rendered. */
function watchFor(selector) {
  const check = () => {
    if (window.__hqVisibleAt !== undefined) return true;
    const el = document.querySelector(selector);
    if (el && el.getClientRects().length > 0) {
      window.__hqVisibleAt = performance.now();
      return true;
    }
    return false;
  };
  const start = () => {
    if (check()) return;
    const mo = new MutationObserver(() => {
      if (check()) mo.disconnect();
    });
    mo.observe(document, { childList: true, subtree: true, attributes: true });
  };
  start();
}

async function sizes(dist) {
  const files = ['pkg/hubquote_bg.wasm', 'pkg/hubquote.js', 'public/app.css'];
  const rows = [];
  for (const f of files) {
    const buf = await readFile(join(dist, f));
    rows.push({ file: f, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
  }
  rows.push({
    file: 'total (wasm + js + css)',
    raw: rows.reduce((s, r) => s + r.raw, 0),
    gzip: rows.reduce((s, r) => s + r.gzip, 0),
  });
  return rows;
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
    console.log('usage: node scripts/bench-browser.mjs [SELECTOR] [--runs N>=7] [--url URL] [--dist DIR]');
    return;
  }
  const dist = resolve(o.dist);

  console.log('shipped sizes (bytes)');
  console.log(`  ${'file'.padEnd(26)} ${'raw'.padStart(9)} ${'gzip -9'.padStart(9)}`);
  for (const r of await sizes(dist)) {
    console.log(`  ${r.file.padEnd(26)} ${String(r.raw).padStart(9)} ${String(r.gzip).padStart(9)}`);
  }

  const server = o.url ? null : await startServer({ root: dist, port: 0, csp: true });
  const url = o.url ?? server.url;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
  });
  const runs = [];
  try {
    // One warm-up load (not counted): first-launch costs of the browser process itself.
    for (let i = 0; i <= o.runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(watchFor, o.selector);
      const t0 = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.locator(o.selector).first().waitFor({ state: 'visible', timeout: 30_000 });
      const wall = performance.now() - t0;
      const m = await page.evaluate(() => {
        const wasm = performance
          .getEntriesByType('resource')
          .find((e) => e.name.endsWith('.wasm'));
        return { visible: window.__hqVisibleAt, wasmEnd: wasm ? wasm.responseEnd : NaN };
      });
      await context.close();
      if (i > 0) runs.push({ ...m, wall });
    }
  } finally {
    await browser.close();
    await server?.close();
  }

  console.log(`\ncold loads of ${url} until \`${o.selector}\` is visible (ms; ${o.runs} runs)`);
  const cols = [
    ['nav → visible', (r) => r.visible],
    ['goto → visible (wall)', (r) => r.wall],
    ['wasm fetch end', (r) => r.wasmEnd],
  ];
  console.log(`  ${'metric'.padEnd(24)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`);
  for (const [name, get] of cols) {
    const xs = runs.map(get).filter(Number.isFinite);
    const [mn, md, mx] = xs.length ? [Math.min(...xs), median(xs), Math.max(...xs)] : [NaN, NaN, NaN];
    console.log(`  ${name.padEnd(24)} ${fmt(md).padStart(8)} ${fmt(mn).padStart(8)} ${fmt(mx).padStart(8)}`);
  }
  console.log(`  runs (nav → visible): ${runs.map((r) => fmt(r.visible)).join(' ')}`);
}

main().catch((e) => {
  console.error(`bench-browser: ${e.stack || e}`);
  process.exit(1);
});
