// Journey: emma signs in, opens "New laptop", fills and submits the form (with a conditional field
// that appears only for replacements, and a description typed through an input method), sees the request under My requests; liam signs in and can't
// see it, in the list or by its URL. Real server, real SQLite, real Chromium, real input events.
import { journey, SpocPage, assert, replaceText, shownTexts } from './harness.mjs';

const SUMMARY = 'Replacement laptop for the Leeds trip';

await journey('portal journey', async ({ server, browser, step }) => {
  step('emma opens the portal and is asked to sign in');
  const emma = await SpocPage.open(browser, server.base, '#/');
  await emma.waitState((s) => s.user === null && s.route.startsWith('#/signin'), 'on the sign-in screen');
  await emma.signIn('emma');
  await emma.waitState((s) => s.route === '#/' || s.route === '', 'on portal home');

  step('she opens the "New laptop" catalog item from its tile');
  const catalog = await emma.page.evaluate(async () => (await (await fetch('/api/v1/catalog')).json()));
  const laptop = catalog.items.find((it) => it.title === 'New laptop');
  assert(laptop, 'the demo catalog has a New laptop item');
  await emma.click(`tile_${laptop.id}`);
  await emma.waitState((s) => s.route === `#/catalog/${laptop.id}`, 'on the New laptop page');

  step('the asset-tag field appears only once "replacement" is chosen');
  await emma.find('values.reason:replacement', { timeout: 20000 });
  assert(!(await emma.has('values.old_asset_tag')), 'asset tag field is hidden before a reason is chosen');
  await emma.click('values.reason:replacement');
  await emma.find('values.old_asset_tag');

  step('an invalid asset tag is refused before anything is sent');
  const before = await emma.page.evaluate(async () => (await (await fetch('/api/v1/requests?status=all')).json()).total);
  await emma.type('values.old_asset_tag', '48213');
  await emma.click('submit');
  await emma.nextFrames(5);
  const unchanged = await emma.page.evaluate(async () => (await (await fetch('/api/v1/requests?status=all')).json()).total);
  assert(unchanged === before, 'nothing was filed while the asset tag was invalid');
  assert((await emma.state()).route === `#/catalog/${laptop.id}`, 'still on the form after the refused submit');
  await replaceText(emma, 'values.old_asset_tag', 'LT-48213');
  await emma.type('values.cost_centre', 'CC-4410');
  await emma.type('summary', SUMMARY);

  step('text from an input method, dead keys and the emoji picker reaches the description (the text proxy)');
  await emma.focusInput('description');
  const proxy = await emma.page.evaluate(() => document.activeElement && document.activeElement.id);
  assert(proxy === 'spoc-text-textarea', `a real textarea has the browser's focus while the description is edited (got ${proxy})`);
  const cdp = await emma.page.context().newCDPSession(emma.page);
  await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });  // composing: nothing committed yet
  await emma.nextFrames(2);
  await cdp.send('Input.imeSetComposition', { text: 'nihao', selectionStart: 5, selectionEnd: 5 });
  await cdp.send('Input.insertText', { text: '\u4f60\u597d' });  // the IME commits
  await cdp.send('Input.insertText', { text: ' na\u00efve caf\u00e9' });
  await emma.nextFrames(3);

  step('she submits and gets a request number');
  await emma.click('submit');
  let created;
  for (let i = 0; i < 200 && !created; i++) {
    const page = await emma.page.evaluate(async () => (await (await fetch('/api/v1/requests?status=all')).json()));
    created = page.items.find((q) => q.summary === 'Replacement laptop for the Leeds trip');
    if (!created) await new Promise((r) => setTimeout(r, 100));
  }
  if (!created) {
    const filed = await emma.page.evaluate(async () => (await (await fetch('/api/v1/requests?status=all')).json()).items.map((q) => q.summary));
    const shown = (await shownTexts(emma)).slice(0, 60);
    assert(false, `the submitted request reached the server (filed: ${JSON.stringify(filed)}; on screen: ${JSON.stringify(shown)})`);
  }
  assert(/^REQ\d{7}$/.test(created.number), `request number looks like REQ0000042 (got ${created.number})`);
  assert(created.form.old_asset_tag === 'LT-48213', 'the conditional field was stored');
  assert(created.form.cost_centre === 'CC-4410', 'the cost centre was stored');
  assert(created.description === '\u4f60\u597d na\u00efve caf\u00e9',
         `the composed and inserted text was stored exactly once, in order (got ${JSON.stringify(created.description)})`);
  assert(created.status === 'assigned' && created.assignee_name === 'Ava Patel',
         `routed to the IT Service Desk and assigned to ava by round robin (got ${created.status}, ${created.assignee_name})`);
  assert(created.group_name === 'IT Service Desk', `in the IT Service Desk group (got ${created.group_name})`);
  const after = await emma.page.evaluate(async () => (await (await fetch('/api/v1/requests?status=all')).json()).total);
  assert(after === before + 1, `exactly one request was filed (before ${before}, after ${after})`);
  await emma.find('view_created', { timeout: 20000 });

  step('it is listed under My requests');
  await emma.click('nav_requests');
  await emma.waitState((s) => s.route.startsWith('#/requests') && !/^#\/requests\/\d/.test(s.route), 'on My requests');
  await emma.find(`row_${created.id}`, { timeout: 20000 });

  step('she opens it by its deep link and the detail shows the form');
  await emma.page.goto(`${server.base}/?e2e=1#/requests/${created.id}`);
  await emma.page.waitForFunction(() => window.spoc && window.spoc.e2e && window.spoc.e2e.frame() > 2);
  await emma.waitState((s) => s.user === 'emma' && s.route === `#/requests/${created.id}`, 'on the request detail after reload');
  await emma.click('copy_number', { timeout: 20000 });
  const copied = await emma.page.evaluate(() => navigator.clipboard.readText());
  assert(copied === created.number, `"Copy number" put ${created.number} on the clipboard (got ${copied})`);

  step('she starts to cancel it: a dialog asks first, "Keep request" changes nothing');
  const cancelLink = await emma.find('status_cancelled');
  assert(cancelLink.h < 36, `cancel is a quiet link, not the big button (height ${cancelLink.h})`);
  await emma.click('status_cancelled');
  await emma.find('confirm_title');
  await emma.click('confirm_keep');
  await emma.nextFrames(3);
  assert(!(await emma.has('confirm_title')), 'the dialog closed');
  const kept = await emma.page.evaluate(async (rid) => (await (await fetch(`/api/v1/requests/${rid}`)).json()), created.id);
  assert(kept.status === 'assigned', `"Keep request" left it alone (status ${kept.status})`);

  step('she cancels it with a reason; the request becomes read-only');
  await emma.click('status_cancelled');
  await emma.find('confirm_title');
  await emma.type('Reason (optional)', 'Found a spare laptop in the team');
  await emma.click('confirm_status');
  let cancelled;
  for (let i = 0; i < 100; i++) {
    cancelled = await emma.page.evaluate(async (rid) => (await (await fetch(`/api/v1/requests/${rid}`)).json()), created.id);
    if (cancelled.status === 'cancelled') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert(cancelled.status === 'cancelled', `cancelled (got ${cancelled.status})`);
  assert(cancelled.cancel_reason === 'Found a spare laptop in the team', `the reason was stored (got ${cancelled.cancel_reason})`);
  await emma.find('cancelled_notice', { timeout: 10000 });
  await emma.nextFrames(3);
  assert(!(await emma.has('send_reply')), 'no reply box on a cancelled request');

  step('she signs out');
  await emma.click('account');
  await emma.click('signout');
  await emma.waitState((s) => s.user === null, 'signed out');

  step('liam signs in and does not see emma\'s request');
  const liam = await SpocPage.open(browser, server.base, '#/requests');
  await liam.signIn('liam');
  await liam.waitState((s) => s.route.startsWith('#/requests'), 'back on My requests after sign-in');
  const liamList = await liam.page.evaluate(async () => (await (await fetch('/api/v1/requests?status=all')).json()));
  assert(liamList.items.length > 0, 'liam has requests of his own (the list really loaded)');
  await liam.find(`row_${liamList.items[0].id}`, { timeout: 20000 });
  assert(!liamList.items.some((q) => q.summary === SUMMARY), 'the API does not list emma\'s request to liam');
  assert(!(await liam.has(`row_${created.id}`)), 'the UI does not show emma\'s request to liam');
  const status = await liam.page.evaluate(async (id) => (await fetch(`/api/v1/requests/${id}`)).status, created.id);
  assert(status === 404, `emma's request is a 404 for liam (got ${status})`);
  assert(emma.errors.length === 0 && liam.errors.length === 0, `no page errors: ${emma.errors.concat(liam.errors).join('; ')}`);
});
