// Journey: approvals (issue 13). emma orders a high-performance laptop in the form, which says it
// needs her manager's approval; it waits (Awaiting approval, in no queue); olivia, her manager,
// sees "Approvals (1)" in the top bar, reads the form in her inbox and approves; the request then
// reaches ava's queue, assigned, and emma sees the approval step with who approved and when. Then a
// 390x844 phone in German and in Japanese: the inbox and the approval card fit. Real server,
// SQLite, Chromium. SPOC_SCREENSHOTS=dir keeps screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { assert, fits, go, journey, shownTexts, SpocPage } from './harness.mjs';

const SHOTS = process.env.SPOC_SCREENSHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
const shot = async (sp, name) => { if (SHOTS) await sp.page.screenshot({ path: join(SHOTS, `${name}.png`) }); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));


// Files a laptop request with the given model from the signed-in page, as the form would.
async function orderLaptop(sp, summary, model) {
  return sp.page.evaluate(async ({ text, m }) => {
    const me = await (await fetch('/api/v1/me')).json();
    const catalog = await (await fetch('/api/v1/catalog')).json();
    const laptop = catalog.items.find((it) => it.icon === 'laptop');
    const values = { reason: 'additional', model: m, keyboard_layout: 'uk', cost_centre: 'CC-4410' };
    const res = await fetch('/api/v1/requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify({ catalog_item_id: laptop.id, summary: text, values }),
    });
    return { status: res.status, body: await res.json() };
  }, { text: summary, m: model });
}


await journey('approvals', async ({ server, browser, step }) => {
  step('emma picks the high-performance model: the form says it needs approval');
  const emma = await SpocPage.open(browser, server.base, '#/');
  await emma.signIn('emma');
  const items = await emma.page.evaluate(async () => (await (await fetch('/api/v1/catalog')).json()).items);
  const laptop = items.find((it) => it.icon === 'laptop');
  const def = await emma.page.evaluate(async (id) => (await (await fetch(`/api/v1/catalog/${id}`)).json()), laptop.id);
  assert(def.approval && def.approval.steps[0].kind === 'manager', `the laptop declares its approval policy (${JSON.stringify(def.approval)})`);
  await go(emma, `#/catalog/${laptop.id}`, 'values.reason:replacement');
  const texts = async () => (await shownTexts(emma)).join('\n');
  assert(/No approval needed/.test(await texts()), 'a standard laptop needs no approval');
  await emma.click('values.model');
  await emma.nextFrames(4);
  await emma.click(/performance 16/);
  await emma.nextFrames(4);
  await emma.page.evaluate(() => window.scrollTo(0, 0));
  await emma.find('values.reason:replacement');
  await emma.nextFrames(4);
  assert(/Needs approval/.test(await texts()), 'the form says a performance laptop needs approval');
  assert(/Your manager approves it/.test(await texts()), 'and lists the manager\'s step');

  step('emma orders it: Awaiting approval, in nobody\'s queue');
  const ordered = await orderLaptop(emma, 'Performance laptop for CAD', 'performance_16');
  assert(ordered.status === 201 && ordered.body.status === 'awaiting_approval', `held for approval (got ${ordered.status} ${ordered.body.status})`);
  const id = ordered.body.id;
  await go(emma, `#/requests/${id}`, 'approval_summary');
  const summary = (await emma.items()).find((it) => it.id === 'approval_summary');
  assert(/Olivia Grant/.test(summary.label), `emma sees who it waits for (got "${summary.label}")`);
  await shot(emma, 'approval-requester-1280');

  step('olivia sees "Approvals (1)", reads the form in her inbox and approves');
  const olivia = await SpocPage.open(browser, server.base, '#/');
  await olivia.signIn('olivia');
  const tab = await olivia.find('nav_approvals');
  assert(/\(1\)/.test(tab.label), `the top bar counts one (got "${tab.label}")`);
  await olivia.click('nav_approvals');
  await olivia.waitState((s) => s.route === '#/approvals', 'olivia on her approvals');
  await olivia.find(`approve_${id}`);
  await olivia.nextFrames(6);
  assert((await shownTexts(olivia)).some((t) => /performance 16/.test(t)), 'the inbox shows the form\'s answers');
  await olivia.assertLayout('approvals inbox');
  await shot(olivia, 'approval-inbox-1280');
  await olivia.type('Comment (optional)', 'Fine for CAD work.');
  await olivia.click(`approve_${id}`);
  await olivia.find('approvals_empty');

  step('the request reaches ava\'s queue, assigned; emma sees who approved it');
  const ava = await SpocPage.open(browser, server.base, '#/queue?view=mine');
  await ava.signIn('ava');
  await ava.find(`qrow_${id}`, { timeout: 20000 });
  const after = await emma.page.evaluate(async (rid) => (await (await fetch(`/api/v1/requests/${rid}`)).json()), id);
  assert(after.status === 'assigned' && after.assignee_name, `assigned after the approval (got ${after.status})`);
  assert(after.approval.steps[0].votes[0].comment === 'Fine for CAD work.', 'the comment is kept');
  await emma.page.reload();
  await emma.page.waitForFunction(() => window.spoc && window.spoc.e2e && window.spoc.e2e.frame() > 2, null, { timeout: 60000 });
  await emma.waitState((s) => s.route === `#/requests/${id}`, 'emma back on the request');
  await emma.find('approval_step_0');
  const state = (await emma.items()).find((it) => it.id === 'approval_step_0');
  assert(state.label === 'Approved', `the step reads Approved (got "${state.label}")`);
  assert((await shownTexts(emma)).some((t) => /Approved by Olivia Grant/.test(t)), 'emma reads who approved it');

  step('olivia hands her approvals to liam from the account menu; liam\'s count goes up live; she ends it');
  await olivia.click('account');
  await olivia.click('account_approvals');
  await olivia.waitState((s) => s.route === '#/approvals', 'olivia on her approvals');
  await olivia.type('Who approves for you', 'liam');
  const until = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
  await olivia.type('Until', until);
  await olivia.click('delegation_add');
  const row = await olivia.find(/Liam Chen approves for you/);
  const delegationId = row.id.replace('delegation_', '');
  await shot(olivia, 'approval-away-1280');
  const liam = await SpocPage.open(browser, server.base, '#/');
  await liam.signIn('liam');
  await liam.waitState((s) => s.live, 'liam\'s live stream is up');
  assert(!(await liam.has('nav_approvals')), 'liam has nothing to approve yet');
  const forLiam = await orderLaptop(emma, 'Performance laptop while Olivia is away', 'performance_16');
  assert(forLiam.status === 201, `ordered (got ${forLiam.status})`);
  const liamTab = await liam.find('nav_approvals', { timeout: 20000 });
  assert(/\(1\)/.test(liamTab.label), `liam's top bar counts one without a reload (got "${liamTab.label}")`);
  await olivia.click(`delegation_end_${delegationId}`);
  for (let i = 0; i < 100 && await olivia.has(/Liam Chen approves for you/); i++) await sleep(150);
  assert(!(await olivia.has(/Liam Chen approves for you/)), 'the delegation is gone from her list once ended');
  await liam.page.context().close();

  step('a 390x844 phone in German and Japanese: inbox, "When you\'re away" and the approval card fit');
  for (const [lang, locale] of [['de', 'de-DE'], ['ja', 'ja-JP']]) {
    const { body } = await orderLaptop(emma, `${lang} approval check`, 'macbook_pro_14');
    const phone = await SpocPage.open(browser, server.base, '#/approvals', { locale, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await phone.signIn('olivia');
    await phone.find(`approve_${body.id}`);
    await phone.nextFrames(6);
    await fits(phone, `approvals inbox (${lang}, 390x844)`);
    await shot(phone, `approval-inbox-${lang}-390`);
    await phone.find('delegation_add');
    await phone.nextFrames(6);
    await fits(phone, `when you're away (${lang}, 390x844)`);
    await shot(phone, `approval-away-${lang}-390`);
    await go(phone, `#/requests/${body.id}`, 'approval_summary');
    await fits(phone, `approval card (${lang}, 390x844)`);
    await shot(phone, `approval-card-${lang}-390`);
    await phone.page.context().close();
  }
  for (const sp of [emma, olivia, ava]) assert(sp.errors.length === 0, `no page errors: ${sp.errors.join('; ')}`);
});
