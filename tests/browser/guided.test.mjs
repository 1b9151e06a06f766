// The guided flow, end to end, by keyboard only (Tab / Shift+Tab / Enter / arrows / typing;
// no mouse): open Configure, guided mode, a preset, every step with `guided-next` (and one
// `guided-back`), a typed change on the way, ending on the quote with its totals; focus is
// visible on every control reached.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { close, launch, openApp } from './harness.mjs';
import {
  cliQuote,
  expectTotals,
  expectedTotals,
  hubquoteBin,
  isShown,
  poll,
  presetIds,
  presetScenario,
  ready,
  tid,
} from './lib.mjs';

before(async () => {
  hubquoteBin();
  await launch();
});
after(close);

const active = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e && e !== document.body ? e.getAttribute('data-testid') || e.tagName.toLowerCase() : null;
  });

/** Every element reached by Tab/Shift+Tab whose focus was not visible. */
const invisibleFocus = new Set();

/** Focus state of the active element (null: nothing focused). */
const focusState = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body || e === document.documentElement) return null;
    const cs = getComputedStyle(e);
    return {
      what: e.getAttribute('data-testid') || `${e.tagName.toLowerCase()} "${(e.textContent || '').trim().slice(0, 30)}"`,
      focusVisible: e.matches(':focus-visible'),
      outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
      ring: !!cs.boxShadow && cs.boxShadow !== 'none',
    };
  });

/**
 * Presses Tab (or Shift+Tab) until the element with this data-testid has focus, noting
 * every element passed on the way whose focus is not visible.
 */
async function tabTo(page, id, { reverse = false, max = 150 } = {}) {
  for (let i = 0; i <= max; i++) {
    if ((await active(page)) === id) return i;
    await page.keyboard.press(reverse ? 'Shift+Tab' : 'Tab');
    const f = await focusState(page);
    if (f && !(f.focusVisible && (f.outline || f.ring))) invisibleFocus.add(f.what);
  }
  throw new Error(`keyboard: ${reverse ? 'Shift+Tab' : 'Tab'} never reached [data-testid=${id}] in ${max} presses`);
}

/** The focused element matches :focus-visible and shows an outline (or a focus ring). */
async function assertFocusVisible(page, what) {
  const r = await page.evaluate(() => {
    const e = document.activeElement;
    const cs = getComputedStyle(e);
    return {
      testid: e.getAttribute('data-testid'),
      focusVisible: e.matches(':focus-visible'),
      outlineStyle: cs.outlineStyle,
      outlineWidth: cs.outlineWidth,
      boxShadow: cs.boxShadow,
    };
  });
  assert.ok(r.focusVisible, `${what}: the focused element matches :focus-visible (${JSON.stringify(r)})`);
  const outline = r.outlineStyle !== 'none' && parseFloat(r.outlineWidth) > 0;
  const ring = r.boxShadow && r.boxShadow !== 'none';
  assert.ok(outline || ring, `${what}: focus is visible (outline not none) (${JSON.stringify(r)})`);
}

/** Activates tab `nav-<name>` by keyboard: Tab to it, or to the tab list and arrow keys. */
async function keyboardTab(page, name) {
  const id = `nav-${name}`;
  try {
    await tabTo(page, id, { max: 60 });
  } catch {
    // Roving tabindex: only the selected tab is in the tab order; arrows move between tabs.
    const tabs = await tid(page, 'nav-menu').count();
    assert.ok(tabs, 'the nav tabs exist');
    for (const other of ['nav-menu', 'nav-configure', 'nav-quote']) {
      try {
        await tabTo(page, other, { max: 60 });
        break;
      } catch {}
    }
    for (let i = 0; i < 4 && (await active(page)) !== id; i++) await page.keyboard.press('ArrowRight');
    assert.equal(await active(page), id, `keyboard reaches ${id}`);
  }
  await assertFocusVisible(page, id);
  await page.keyboard.press('Enter');
  await tid(page, `view-${name}`).waitFor({ state: 'visible', timeout: 5_000 });
}

const stepText = async (page) =>
  (await isShown(tid(page, 'guided-step'))) ? (await tid(page, 'guided-step').first().innerText()).trim() : null;

test('guided flow by keyboard only, ending on the quote', { timeout: 120_000 }, async (t) => {
  const preset = presetIds()[0];
  const scenario = presetScenario(preset);
  const newMau = Math.max(1, scenario.hubs[0].monthly_active_users - 10);
  const changed = structuredClone(scenario);
  changed.hubs[0].monthly_active_users = newMau;
  const expected = expectedTotals(cliQuote(changed), ['total-first-year', 'total-term']);

  const app = await openApp(t);
  const { page } = app;
  await ready(page);

  // 1. Configure, by keyboard.
  await keyboardTab(page, 'configure');

  // 2. Guided mode (if it is not already on).
  const guided = tid(page, 'mode-guided');
  await guided.waitFor({ state: 'visible', timeout: 5_000 });
  if ((await guided.getAttribute('aria-pressed')) !== 'true') {
    await tabTo(page, 'mode-guided');
    await assertFocusVisible(page, 'mode-guided');
    await page.keyboard.press('Enter');
    await poll(async () => assert.equal(await guided.getAttribute('aria-pressed'), 'true'));
  }

  // 3. A preset, with the arrow keys on the focused <select>.
  await tabTo(page, 'preset', { reverse: false });
  await assertFocusVisible(page, 'preset');
  const wanted = await tid(page, 'preset').evaluate((s, v) => [...s.options].findIndex((o) => o.value === v), preset);
  assert.ok(wanted > 0, `preset ${preset} is an option`);
  for (let i = 0; i < 20 && (await tid(page, 'preset').inputValue()) !== preset; i++) {
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await tid(page, 'preset').inputValue(), preset, 'preset chosen with the keyboard');

  // 4. Every step with guided-next; one step back with Shift+Tab to guided-back; typing
  //    a new number of active users when its field comes up.
  const seen = [];
  let typed = false;
  let wentBack = false;
  for (let step = 0; step < 20; step++) {
    if (await isShown(tid(page, 'view-quote'))) break;
    const here = await stepText(page);
    assert.ok(here !== null, `step ${step + 1}: guided-step is shown`);
    seen.push(here.split('\n')[0]);

    const mau = tid(page, 'guided-step').locator('[data-testid="field-hubs[0].monthly_active_users"]');
    if (!typed && (await isShown(mau))) {
      await tabTo(page, 'field-hubs[0].monthly_active_users');
      await assertFocusVisible(page, 'field-hubs[0].monthly_active_users');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(String(newMau));
      typed = true;
    }

    const next = tid(page, 'guided-next');
    if (!(await isShown(next)) || (await next.first().isDisabled())) {
      // The last step may end the flow without a next button: go to the quote tab.
      await keyboardTab(page, 'quote');
      break;
    }
    await tabTo(page, 'guided-next');
    await assertFocusVisible(page, `guided-next on step ${step + 1}`);
    await page.keyboard.press('Enter');
    await poll(async () => {
      assert.ok(
        (await isShown(tid(page, 'view-quote'))) || (await stepText(page)) !== here,
        `guided-next on step ${step + 1} moved on`,
      );
    });

    if (!wentBack && step === 0 && !(await isShown(tid(page, 'view-quote')))) {
      // Back once, with Shift+Tab (back comes before next), then forward again.
      const second = await stepText(page);
      try {
        await tabTo(page, 'guided-next', { max: 80 });
      } catch {}
      await tabTo(page, 'guided-back', { reverse: true });
      await assertFocusVisible(page, 'guided-back');
      await page.keyboard.press('Enter');
      await poll(async () => assert.equal(await stepText(page), here, 'guided-back returns to step 1'));
      await tabTo(page, 'guided-next');
      await page.keyboard.press('Enter');
      await poll(async () => assert.equal(await stepText(page), second, 'guided-next again'));
      wentBack = true;
    }
  }
  t.diagnostic(`guided steps: ${seen.join(' | ')}`);
  assert.ok(seen.length >= 2, `the guided flow has several steps (saw ${seen.length})`);
  assert.ok(wentBack, 'went back one step');
  assert.ok(typed, 'a guided step asks for the monthly active users');
  assert.deepEqual([...invisibleFocus], [], 'elements reached by Tab without a visible focus');

  // 5. The quote, with the typed change priced.
  await tid(page, 'view-quote').waitFor({ state: 'visible', timeout: 5_000 });
  await expectTotals(tid(page, 'view-quote'), expected, 'quote after the guided flow');
  app.assertClean();
});
