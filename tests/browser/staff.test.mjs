// Staff mode: a preset on the Advanced tier grown to 3 hubs (two added with `add-hub`, every
// field filled), a discount with a reason; the totals follow and equal the CLI's for the
// same scenario; a discount above 20% makes the quote need approval: the staff form's
// approval box says why (`approval-reasons`, the staff copy's reasons, which no customer
// copy carries) and the quote is marked `draft-mark`; `remove-hub-2` removes the third hub.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { close, launch, openApp } from './harness.mjs';
import {
  choosePreset,
  cliQuote,
  expectTotals,
  expectedTotals,
  gotoView,
  hubquoteBin,
  isShown,
  poll,
  presetScenario,
  ready,
  setField,
  text,
  tid,
  vis,
} from './lib.mjs';

before(async () => {
  hubquoteBin();
  await launch();
});
after(close);

const IDS = ['total-first-year', 'total-first-year-invoice', 'total-monthly-cloud', 'total-term'];
const NEW_HUBS = [
  {
    name: 'Research hub',
    registered_users: 30,
    monthly_active_users: 20,
    hours_per_user: '15',
    size: 'Medium',
    gpu_share: '0',
    home_gb_per_user: '5',
    object_storage_gb: '10',
    egress_gb: '5',
    dask_node_hours: '0',
  },
  {
    name: 'Workshop hub',
    registered_users: 100,
    monthly_active_users: 80,
    hours_per_user: '4',
    size: 'Small',
    gpu_share: '0',
    home_gb_per_user: '1',
    object_storage_gb: '0',
    egress_gb: '2',
    dask_node_hours: '0',
  },
];

test('staff mode: 3 hubs, a discount, approval warning, removing a hub', { timeout: 120_000 }, async (t) => {
  const s = presetScenario('course-50');
  s.tier = 'Advanced'; // hub limit 3
  const app = await openApp(t);
  const { page } = app;
  await ready(page);
  await gotoView(page, 'configure');
  await choosePreset(page, 'course-50');

  // Staff mode keeps the scenario.
  await vis(page, 'mode-staff').click();
  await poll(async () => assert.equal(await tid(page, 'mode-staff').first().getAttribute('aria-pressed'), 'true'));
  assert.equal(await vis(page, 'field-hubs[0].name').inputValue(), s.hubs[0].name, 'staff mode keeps the preset');

  await setField(page, 'tier', 'Advanced');
  await expectTotals(page, expectedTotals(cliQuote(s), ['total-first-year']), 'Advanced, 1 hub');

  // Two more hubs, every field filled in.
  for (const [k, hub] of NEW_HUBS.entries()) {
    const i = k + 1;
    await vis(page, 'add-hub').click();
    await vis(page, `field-hubs[${i}].name`).waitFor({ state: 'visible', timeout: 5_000 });
    for (const [field, value] of Object.entries(hub)) {
      await setField(page, `hubs[${i}].${field}`, value);
    }
    s.hubs.push({ ...hub, features: {} });
  }
  await expectTotals(page, expectedTotals(cliQuote(s), ['total-first-year']), 'Advanced, 3 hubs');
  assert.equal(await tid(page, 'remove-hub-2').filter({ visible: true }).count(), 1, 'remove-hub-2 shown');

  // A discount with a reason, under the approval threshold: no approval warning.
  await vis(page, 'add-discount').click();
  await vis(page, 'field-discounts[0].target').waitFor({ state: 'visible', timeout: 5_000 });
  await setField(page, 'discounts[0].target', 'membership');
  await setField(page, 'discounts[0].percent', '10');
  await setField(page, 'discounts[0].reason', 'Early adopter');
  s.discounts = [{ target: 'membership', percent: '10', reason: 'Early adopter' }];
  const q10 = cliQuote(s);
  assert.equal(q10.needs_approval, false);
  await expectTotals(page, expectedTotals(q10, ['total-first-year']), '10% discount');
  const approvalAsked = async () =>
    (await isShown(tid(page, 'approval-reasons'))) && /needs approval/i.test(await text(page, 'approval-reasons'));
  assert.equal(await approvalAsked(), false, 'no approval needed at 10%');
  assert.equal(await isShown(tid(page, 'draft-mark')), false, 'not a draft at 10%');

  // Above 20%: needs approval, a draft until it is given.
  await setField(page, 'discounts[0].percent', '25');
  s.discounts[0].percent = '25';
  const q25 = cliQuote(s);
  assert.equal(q25.needs_approval, true);
  assert.equal(q25.status, 'draft');
  await expectTotals(page, expectedTotals(q25, ['total-first-year']), '25% discount');
  await poll(async () => assert.ok(await approvalAsked(), 'the approval box says why at 25%'));
  assert.match(await text(page, 'approval-reasons'), /25%.*20%/, 'the reason names the threshold (staff only)');
  await poll(async () => assert.ok(await isShown(tid(page, 'draft-mark')), 'the live estimate is marked draft'));

  // All the totals, in the quote view; its warnings name no threshold.
  await gotoView(page, 'quote');
  await expectTotals(tid(page, 'view-quote'), expectedTotals(q25, IDS), 'quote view, 3 hubs, 25%');
  assert.equal(await text(page, 'draft-mark'), 'Draft — subject to approval');
  await tid(page, 'warnings').waitFor({ state: 'visible' });
  assert.doesNotMatch(await text(page, 'warnings'), /20%|needs approval/i, 'no threshold among the warnings');
  await app.screenshot('three hubs quote');

  // Remove the third hub.
  await gotoView(page, 'configure');
  await vis(page, 'remove-hub-2').click();
  s.hubs.pop();
  await poll(async () =>
    assert.equal(await tid(page, 'field-hubs[2].name').count(), 0, 'hub 3 is gone'),
  );
  assert.equal(await vis(page, 'field-hubs[1].name').inputValue(), NEW_HUBS[0].name, 'hub 2 kept');
  await expectTotals(page, expectedTotals(cliQuote(s), ['total-first-year']), 'after remove-hub-2');
  app.assertClean();
});
