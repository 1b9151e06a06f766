// The quote as a document: every download (PDF, CSV, Markdown, JSON) is byte for byte what
// the CLI writes for the same scenario and date, and the PDF holds what the page shows;
// a non-Latin customer name reaches the PDF with the documented substitution
// (docs/pdf.md); printing the quote view gives a clean document without the app's controls
// and with every line's rationale.
//
// Needs poppler-utils (pdftotext, pdfinfo, pdftoppm) and qpdf for the checks of the PDF's
// contents: where one is missing those checks are skipped with a notice, except under
// CI=... where that is a failure (the same policy as tests/pdf.rs). PDFs and page images
// go to artifacts/export/ for a look.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, close, launch, openApp } from './harness.mjs';
import {
  choosePreset,
  cli,
  downloadFile,
  flat,
  hasTool,
  pdftotext,
  cliQuote,
  expectTotals,
  expectedTotals,
  formatMoney,
  gotoView,
  hubquoteBin,
  isShown,
  poll,
  presetScenario,
  ready,
  staffMode,
  text,
  tid,
  typeInto,
  vis,
} from './lib.mjs';

const ARTIFACTS = join(ROOT, 'artifacts', 'export');
let tmp;
before(async () => {
  hubquoteBin();
  tmp = await mkdtemp(join(tmpdir(), 'hq-export-'));
  await mkdir(ARTIFACTS, { recursive: true });
  await launch();
});
after(async () => {
  await close();
  await rm(tmp, { recursive: true, force: true });
});

// ── Tools ───────────────────────────────────────────────────────────────────────────

function qpdfCheck(file) {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  assert.equal(r.status, 0, `qpdf --check ${file}: ${r.stdout}${r.stderr}`);
}

/** Writes 60 dpi PNGs of a PDF's pages next to it (for a look); returns their paths. */
async function pageImages(pdf, prefix) {
  const r = spawnSync('pdftoppm', ['-png', '-r', '60', pdf, prefix], { stdio: 'pipe' });
  if (r.error || r.status !== 0) return [];
  const dir = join(prefix, '..');
  const base = prefix.slice(dir.length + 1);
  return (await readdir(dir)).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png')).map((f) => join(dir, f));
}

// ── docs/pdf.md's substitution rule (src/export/pdf/winansi.rs), for expected text ──

const WINANSI_HIGH = [...'€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ'].filter((c) => c !== '\0');
const LOOK_ALIKE = {
  '\t': ' ', '\n': ' ', '\r': ' ',
  '\u2212': '-', '\u2010': '-', '\u2011': '-', '\u2012': '-',
  '\u2248': '~', '\u2264': '<=', '\u2265': '>=', '\u2192': '->', '\u2190': '<-',
};

/** A string as the PDF shows it (`hubquote::export::pdf_text`). */
export function pdfText(s) {
  let out = '';
  for (const ch of s) {
    const u = ch.codePointAt(0);
    if ((u >= 0x20 && u <= 0x7e) || (u >= 0xa0 && u <= 0xff) || WINANSI_HIGH.includes(ch)) out += ch;
    else if (ch in LOOK_ALIKE) out += LOOK_ALIKE[ch];
    else if ((u >= 0x2000 && u <= 0x200a) || u === 0x202f || u === 0x205f) out += ' ';
    else out += `[U+${u.toString(16).toUpperCase().padStart(4, '0')}]`;
  }
  return out;
}

// ── The page and the CLI ────────────────────────────────────────────────────────────

/** Clicks a download button; returns the file's suggested name, path (in tmp) and bytes. */
const download = (page, testid, as) => downloadFile(page, testid, tmp, as);

/** The quote on screen as a file (its scenario, date and number) from "Download JSON". */
async function shownQuote(page) {
  const { bytes } = await download(page, 'download-json', 'shown.json');
  const doc = JSON.parse(bytes.toString('utf8'));
  assert.equal(doc.number, await text(page, 'quote-number'), 'the JSON is the quote on screen');
  assert.equal(doc.date, await text(page, 'quote-date'), 'the JSON has the date the page shows');
  return doc;
}

const FORMATS = { pdf: 'pdf', csv: 'csv', md: 'markdown', json: 'json' };

/** What `hubquote quote <scenario> --format <f> --date <date>` writes. */
async function cliFile(scenario, format, date) {
  const input = join(tmp, 'scenario.json');
  const out = join(tmp, `cli.${format}`);
  await writeFile(input, JSON.stringify(scenario, null, 2));
  cli(['quote', input, '--format', format, '--date', date, '-o', out]);
  return readFile(out);
}

/** Byte equality with a useful message (sizes and the first differing offset). */
function assertSameBytes(got, want, what) {
  if (Buffer.compare(got, want) === 0) return;
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  const around = (b) => JSON.stringify(b.subarray(Math.max(0, i - 40), i + 40).toString('latin1'));
  assert.fail(
    `${what}: ${got.length} bytes from the browser, ${want.length} from the CLI; first difference at ` +
      `byte ${i}:\n  browser ${around(got)}\n  CLI     ${around(want)}`,
  );
}

/** Labels and first-year amounts of the line rows as the page shows them. */
async function shownLines(view) {
  // The line items are a lazily loaded chunk shown after the first paint.
  await tid(view, 'line').first().waitFor({ state: 'visible', timeout: 10_000 });
  return tid(view, 'line').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.dataset.lineId,
      // The label is the cell's own text, without its `estimate` tag.
      label: [...r.querySelector('.hq-line-label').childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join('')
        .trim(),
      firstYear: r.querySelector('td.hq-num').textContent.trim(),
    })),
  );
}

async function openQuote(t, id) {
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await choosePreset(page, id);
  await gotoView(page, 'quote');
  const view = tid(page, 'view-quote');
  await expectTotals(view, expectedTotals(cliQuote(presetScenario(id)), ['total-first-year']), `${id} priced`);
  return { app, page, view };
}

// ── Tests ───────────────────────────────────────────────────────────────────────────

for (const id of ['course-50', 'community-pays-gcp', 'network-5']) {
  test(`preset ${id}: PDF, CSV, Markdown and JSON downloads are the CLI's bytes; the PDF shows the page's lines and totals`, { timeout: 120_000 }, async (t) => {
    const { app, page, view } = await openQuote(t, id);
    const doc = await shownQuote(page);

    for (const [ext, format] of Object.entries(FORMATS)) {
      const got = await download(page, `download-${ext}`);
      assert.equal(got.name, `${doc.number}.${ext}`, `download-${ext} saves <quote number>.${ext}`);
      await poll(async () => assert.equal(await text(page, 'import-status'), `Saved ${got.name}.`));
      const want = await cliFile(doc.scenario, format, doc.date);
      assertSameBytes(got.bytes, want, `${id} ${format}`);
      if (ext === 'pdf') await writeFile(join(ARTIFACTS, `${id}.pdf`), got.bytes);
    }
    t.diagnostic(`${id}: ${doc.number} of ${doc.date}: pdf, csv, markdown, json identical to the CLI's`);

    // What the PDF says, read back as text.
    const pdf = join(ARTIFACTS, `${id}.pdf`);
    if (hasTool(t, 'qpdf')) qpdfCheck(pdf);
    if (!hasTool(t, 'pdftotext')) return;
    const all = flat(pdftotext(pdf));
    const lines = await shownLines(view);
    assert.deepEqual(lines.map((l) => l.id), doc.lines.map((l) => l.id), 'the page shows every line');
    const sym = doc.currency.symbol;
    const expected = [doc.number, doc.date, doc.valid_until, 'Page 1 of'];
    for (const [i, l] of lines.entries()) {
      expected.push(l.label, l.firstYear, formatMoney(doc.lines[i].amount, sym));
    }
    for (const hook of ['total-first-year', 'total-first-year-invoice', 'total-monthly-fees', 'total-monthly-cloud', 'total-term', 'budget-alert']) {
      expected.push(await text(view, hook));
    }
    const missing = expected.filter((e) => !all.includes(flat(pdfText(e))));
    assert.deepEqual(missing, [], `${id}: what the page shows and the PDF does not`);
    await pageImages(pdf, join(ARTIFACTS, id));
    app.assertClean();
  });
}

test('a non-Latin customer name typed in the staff form reaches the PDF with the documented substitution', { timeout: 120_000 }, async (t) => {
  const NAME = 'Université de Montréal — 東京';
  const SHOWN = 'Université de Montréal — [U+6771][U+4EAC]'; // docs/pdf.md, rule 4
  assert.equal(pdfText(NAME), SHOWN);
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await choosePreset(page, 'course-50');
  await staffMode(page);
  await typeInto(page, 'customer.name', NAME);
  await gotoView(page, 'quote');
  const view = tid(page, 'view-quote');
  await poll(async () => assert.ok((await view.innerText()).includes(`For ${NAME}`), 'the quote is for the new name'));
  const doc = await shownQuote(page);
  assert.equal(doc.scenario.customer.name, NAME);

  const pdf = await download(page, 'download-pdf');
  assertSameBytes(pdf.bytes, await cliFile(doc.scenario, 'pdf', doc.date), 'PDF with a non-Latin name');
  const md = await download(page, 'download-md');
  assert.ok(md.bytes.toString('utf8').includes(`**For:** ${NAME}`), 'Markdown keeps every character');
  await writeFile(join(ARTIFACTS, 'non-latin.pdf'), pdf.bytes);

  if (hasTool(t, 'qpdf')) qpdfCheck(pdf.file);
  if (!hasTool(t, 'pdftotext')) return t.skip('pdftotext is not installed');
  const shown = pdftotext(pdf.file);
  assert.ok(shown.includes(SHOWN), `the PDF shows "${SHOWN}"`);
  assert.ok(!shown.includes('東京'), 'no character the fonts cannot show is written as is');
  // The document title (metadata) is a Unicode string and keeps every character.
  if (hasTool(t, 'pdfinfo')) {
    const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', pdf.file], { encoding: 'utf8' });
    assert.match(info, new RegExp(`^Title:.*${NAME}`, 'm'), `pdfinfo Title keeps "${NAME}"`);
  }
  await pageImages(join(ARTIFACTS, 'non-latin.pdf'), join(ARTIFACTS, 'non-latin'));
  app.assertClean();
});

test('printing the quote view: no app controls, every rationale shown, a clean document', { timeout: 120_000 }, async (t) => {
  const id = 'network-5';
  const { app, page, view } = await openQuote(t, id);
  const doc = await shownQuote(page);
  const firstYear = await text(view, 'total-first-year');
  await page.emulateMedia({ media: 'print' });

  // The app's controls are not printed ...
  const controls = [
    'nav-menu', 'nav-configure', 'nav-quote', 'copy-link', 'download-pdf', 'download-json',
    'download-csv', 'download-md', 'open-json', 'catalog-file', 'import-status',
    ...doc.lines.map((l) => `why-${l.id}`),
  ];
  const printed = [];
  for (const c of controls) if (await isShown(tid(page, c))) printed.push(c);
  assert.deepEqual(printed, [], 'controls visible in print');
  assert.equal(await page.locator('.hq button, .hq input, .hq select').filter({ visible: true }).count(), 0, 'no button or field in print');
  // ... and every line's rationale is, with the engine's text.
  for (const l of doc.lines) {
    const r = tid(view, `rationale-${l.id}`);
    assert.ok(await isShown(r), `rationale-${l.id} printed`);
  }
  assert.equal((await tid(view, `rationale-${doc.lines[0].id}`).innerText()).trim(), doc.lines[0].rationale);
  // Black on white.
  const colours = await page.evaluate(() => {
    const s = (sel) => getComputedStyle(document.querySelector(sel));
    return { fg: s('.hq').color, bg: s('.hq').backgroundColor, top: s('.hq-quote-top').backgroundColor };
  });
  assert.deepEqual(colours, { fg: 'rgb(0, 0, 0)', bg: 'rgb(255, 255, 255)', top: 'rgba(0, 0, 0, 0)' });
  await app.screenshot('print');

  const pdf = join(ARTIFACTS, 'print-network-5.pdf');
  // The margins of Chromium's print dialog (page.pdf's default is none).
  const margin = { top: '0.4in', right: '0.4in', bottom: '0.4in', left: '0.4in' };
  await page.pdf({ path: pdf, format: 'Letter', margin });
  if (!hasTool(t, 'pdftotext')) return t.skip('pdftotext is not installed');
  const raw = pdftotext(pdf, { layout: false });
  const all = flat(raw);
  for (const want of [firstYear, doc.number, doc.lines[0].label, doc.lines.at(-1).label, flat(doc.lines[0].rationale)]) {
    assert.ok(all.includes(want), `the printed quote has "${want}"`);
  }
  for (const unwanted of ['Download PDF', 'Copy share link', 'Open JSON', 'Load a catalog file', 'Why?']) {
    assert.ok(!all.includes(unwanted), `the printed quote has no "${unwanted}"`);
  }
  // The table header is repeated on each page the line table continues on.
  // (Which pages have line items: content order; the header row: -layout keeps it on one line.)
  const pages = raw.replace(/\f$/, '').split('\f').map(flat);
  const laidOut = pdftotext(pdf).replace(/\f$/, '').split('\f');
  assert.equal(laidOut.length, pages.length);
  const header = /^\s*Item\s+Calculation\s+First year\s*$/m;
  const withLines = pages.map((p, i) => [i, doc.lines.some((l) => p.includes(l.label))]).filter(([, has]) => has);
  assert.ok(withLines.length >= 2, 'the line items of network-5 span pages');
  for (const [i] of withLines) assert.match(laidOut[i], header, `page ${i + 1} of the print repeats the table header`);
  t.diagnostic(`printed: ${pages.length} pages; line items on pages ${withLines.map(([i]) => i + 1).join(', ')}`);
  await pageImages(pdf, join(ARTIFACTS, 'print-network-5'));
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await isShown(tid(page, 'download-pdf')), 'back on screen, the buttons are back');
  app.assertClean();
});
