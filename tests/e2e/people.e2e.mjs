// Journey: people for admins (issue 13). root opens "People and managers" from the account menu,
// finds emma, and moves her to Sales under liam; the card shows it, and emma's next performance
// laptop waits for liam's approval. A loop (liam managed by emma) is refused on the manager field.
// Then a 390x844 phone in German and Japanese: the list and the open editor fit. Real server,
// SQLite, Chromium. SPOC_SCREENSHOTS=dir keeps screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { assert, fits, go, journey, replaceText, shownTexts, SpocPage, waitLabel } from './harness.mjs';

const SHOTS = process.env.SPOC_SCREENSHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
const shot = async (sp, name) => { if (SHOTS) await sp.page.screenshot({ path: join(SHOTS, `${name}.png`) }); };


await journey('people', async ({ server, browser, step }) => {
  step('root opens People and managers from the account menu and finds emma');
  const root = await SpocPage.open(browser, server.base, '#/');
  await root.signIn('root');
  await root.click('account');
  await root.click('account_people');
  await root.waitState((s) => s.route === '#/people', 'on #/people');
  await root.type('people_search', 'emma');
  const emmaId = await root.page.evaluate(async () => (await (await fetch('/api/v1/users?q=emma')).json()).items.find((p) => p.username === 'emma').id);
  await root.find(`person_edit_${emmaId}`);
  assert(/Olivia Grant \(olivia\)/.test((await shownTexts(root)).join('\n')), 'emma\'s card names her manager');

  step('root moves emma to Sales under liam');
  await root.click(`person_edit_${emmaId}`);
  await replaceText(root, `person_department_${emmaId}`, 'Sales');
  await replaceText(root, `person_manager_${emmaId}`, 'liam');
  await shot(root, 'people-editor-1280');
  await root.click(`person_save_${emmaId}`);
  await waitLabel(root, /Liam Chen \(liam\)/, 'the card shows the new manager');
  const stored = await root.page.evaluate(async () => (await (await fetch('/api/v1/users?q=emma')).json()).items.find((p) => p.username === 'emma'));
  assert(stored.department === 'Sales' && stored.manager_username === 'liam', `saved (got ${JSON.stringify(stored)})`);

  step('a loop is refused on the manager field');
  await replaceText(root, 'people_search', 'liam');
  const liamId = await root.page.evaluate(async () => (await (await fetch('/api/v1/users?q=liam')).json()).items.find((p) => p.username === 'liam').id);
  await root.click(`person_edit_${liamId}`);
  await replaceText(root, `person_manager_${liamId}`, 'emma');
  await root.click(`person_save_${liamId}`);
  await waitLabel(root, /loop/, 'the loop is explained');
  await shot(root, 'people-loop-1280');

  step('emma\'s performance laptop now waits for liam');
  const emma = await SpocPage.open(browser, server.base, '#/');
  await emma.signIn('emma');
  const ordered = await emma.page.evaluate(async () => {
    const me = await (await fetch('/api/v1/me')).json();
    const catalog = await (await fetch('/api/v1/catalog')).json();
    const laptop = catalog.items.find((it) => it.icon === 'laptop');
    const values = { reason: 'additional', model: 'performance_16', keyboard_layout: 'uk', cost_centre: 'CC-4410' };
    const res = await fetch('/api/v1/requests', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify({ catalog_item_id: laptop.id, summary: 'CAD laptop', values }) });
    return res.json();
  });
  assert(ordered.status === 'awaiting_approval' && ordered.approval.steps[0].approvers[0] === 'Liam Chen',
    `liam approves now (got ${JSON.stringify(ordered.approval)})`);

  for (const lang of ['de', 'ja']) {
    step(`a 390x844 phone in ${lang}: the list and the open editor fit`);
    const phone = await SpocPage.open(browser, server.base, '#/', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: lang });
    await phone.signIn('root');
    await go(phone, '#/people', 'people_search');
    await phone.find(`person_edit_${emmaId}`);
    await fits(phone, `people list, ${lang}, 390x844`);
    await phone.click(`person_edit_${emmaId}`);
    await phone.find(`person_save_${emmaId}`);
    await fits(phone, `people editor, ${lang}, 390x844`);
    await shot(phone, `people-phone-${lang}`);
    await phone.page.context().close();
  }
});
