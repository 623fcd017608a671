// Journey: emma signs in, opens "New laptop", fills and submits the form (with a conditional field
// that appears only for replacements), sees the request under My requests; liam signs in and can't
// see it, in the list or by its URL. Real server, real SQLite, real Chromium, real input events.
import { journey, SpocPage, assert } from './harness.mjs';

const SUMMARY = 'Replacement laptop for the Leeds trip';

await journey('portal journey', async ({ server, browser, step }) => {
  step('emma opens the portal and is asked to sign in');
  const emma = await SpocPage.open(browser, server.base, '#/');
  await emma.waitState((s) => s.user === null && s.route.startsWith('#/signin'), 'on the sign-in screen');
  await emma.signIn('emma');
  await emma.waitState((s) => s.route === '#/' || s.route === '', 'on portal home');

  step('she opens the "New laptop" catalog item');
  await emma.click('New laptop');
  const formState = await emma.waitState((s) => /^#\/catalog\/\d+$/.test(s.route), 'on a catalog item page');

  step('the asset-tag field appears only once "replacement" is chosen');
  await emma.find('reason', { timeout: 20000 }).catch(() => emma.find(/Replace my current laptop/));
  assert(!(await emma.has('old_asset_tag')), 'asset tag field is hidden before a reason is chosen');
  await emma.click(/^Replace my current laptop/);
  await emma.type('old_asset_tag', 'LT-48213');
  await emma.type('cost_centre', 'CC-4410');
  await emma.type('summary', SUMMARY);

  step('she submits and gets a request number');
  await emma.click(/^Submit/);
  const created = await emma.page.waitForFunction(async () => {
    const r = await fetch('/api/v1/requests?status=all');
    const page = await r.json();
    return page.items && page.items.find((q) => q.summary === 'Replacement laptop for the Leeds trip');
  }, null, { timeout: 20000 }).then((h) => h.jsonValue());
  assert(/^REQ\d{7}$/.test(created.number), `request number looks like REQ0000042 (got ${created.number})`);
  assert(created.form.old_asset_tag === 'LT-48213', 'the conditional field was stored');
  assert(created.form.cost_centre === 'CC-4410', 'the cost centre was stored');
  assert(created.status === 'new', 'a new request starts in status new');
  await emma.find(new RegExp(created.number), { timeout: 20000 });

  step('it is listed under My requests');
  await emma.click(/^My requests/);
  await emma.waitState((s) => s.route.startsWith('#/requests') && !/^#\/requests\/\d/.test(s.route), 'on My requests');
  await emma.find(new RegExp(SUMMARY.replace(/[()]/g, '\\$&')), { timeout: 20000 });

  step('she opens it by its deep link and the detail shows the form');
  await emma.page.goto(`${server.base}/?e2e=1#/requests/${created.id}`);
  await emma.page.waitForFunction(() => window.spoc && window.spoc.e2e && window.spoc.e2e.frame() > 2);
  await emma.waitState((s) => s.user === 'emma' && s.route === `#/requests/${created.id}`, 'on the request detail after reload');
  await emma.find(new RegExp(created.number), { timeout: 20000 });

  step('she signs out');
  await emma.click(/^Sign out/);
  await emma.waitState((s) => s.user === null, 'signed out');

  step('liam signs in and does not see emma\'s request');
  const liam = await SpocPage.open(browser, server.base, '#/requests');
  await liam.signIn('liam');
  await liam.waitState((s) => s.route.startsWith('#/requests'), 'back on My requests after sign-in');
  const liamList = await liam.page.evaluate(async () => (await (await fetch('/api/v1/requests?status=all')).json()));
  assert(liamList.items.length > 0, 'liam has requests of his own (the list really loaded)');
  await liam.find(new RegExp(liamList.items[0].summary.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), { timeout: 20000 });
  assert(!liamList.items.some((q) => q.summary === SUMMARY), 'the API does not list emma\'s request to liam');
  assert(!(await liam.has(new RegExp(SUMMARY))), 'the UI does not show emma\'s request to liam');
  const status = await liam.page.evaluate(async (id) => (await fetch(`/api/v1/requests/${id}`)).status, created.id);
  assert(status === 404, `emma's request is a 404 for liam (got ${status})`);
  assert(emma.errors.length === 0 && liam.errors.length === 0, `no page errors: ${emma.errors.concat(liam.errors).join('; ')}`);
  void formState;
});
