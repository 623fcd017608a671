// Screenshots for the issue-10 closing note (items 1, 3, 7 and 8), taken the same way from any
// build: SPOC_SERVER=... SPOC_WEB_DIR=... node scripts/screenshots-issue10.mjs OUT_DIR PREFIX
// Starts the server with the demo data, then: emma's request detail (the cancel control), the
// home search for "pasword reset", ava's article editor with a long line, and emma's home and
// My requests on a 390x844 phone.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, SpocPage } from '../tests/e2e/harness.mjs';

const [outDir = '/tmp/shots', prefix = 'after'] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const shot = (sp, name) => sp.page.screenshot({ path: join(outDir, `${prefix}-${name}.png`) });
const settle = async (sp, n = 12) => { await sp.nextFrames(n); };
// Plain click-and-type (builds from before the harness's focus check have no "active" flag).
async function typeInto(sp, id, text) {
  await sp.click(id);
  await sp.page.keyboard.type(text, { delay: 15 });
  await sp.nextFrames(2);
}
async function signIn(sp, user) {
  await typeInto(sp, 'username', user);
  await typeInto(sp, 'password', 'spoc-demo');
  await sp.page.keyboard.press('Enter');
  await sp.waitState((s) => s.user === user, `signed in as ${user}`);
}

const server = await startServer();
const browser = await launchBrowser();
try {
  // Item 1: emma's own open request, where the cancel control lives.
  const emma = await SpocPage.open(browser, server.base, '#/', { viewport: { width: 1280, height: 800 } });
  await signIn(emma, 'emma');
  const mine = await emma.page.evaluate(async () => (await (await fetch('/api/v1/requests?status=all&page_size=50')).json()));
  const open = mine.items.find((r) => r.status === 'new' || r.status === 'assigned') || mine.items[0];
  await emma.page.evaluate((h) => { window.location.hash = h; }, `#/requests/${open.id}`);
  await emma.find('copy_number', { timeout: 20000 });
  await settle(emma);
  await shot(emma, 'item1-request-detail');
  if (await emma.has('status_cancelled')) {
    await emma.click('status_cancelled');
    await settle(emma);
    await shot(emma, 'item1-cancel-clicked');
  }

  // Item 3: the home search for a misspelt "password reset".
  await emma.page.evaluate(() => { window.location.hash = '#/'; });
  await emma.find('search', { timeout: 20000 });
  await typeInto(emma, 'search', 'pasword reset');
  await settle(emma, 20);
  await shot(emma, 'item3-home-search');

  // Item 7: ava's editor with a long line in the body.
  const ava = await SpocPage.open(browser, server.base, '#/kb', { viewport: { width: 1280, height: 900 } });
  await signIn(ava, 'ava');
  const index = await ava.page.evaluate(async () => (await (await fetch('/api/v1/kb/index')).json()));
  const article = index.articles[0];
  await ava.page.evaluate((h) => { window.location.hash = h; }, `#/kb/${article.id}/edit`);
  await ava.find('kb_body', { timeout: 20000 });
  await ava.click('kb_body');
  await ava.page.keyboard.press('Control+End');
  await ava.page.keyboard.type(' This sentence is deliberately long so that it has to wrap at the right edge of the text box instead of running out of sight.', { delay: 2 });
  await settle(ava, 20);
  await shot(ava, 'item7-editor');

  // Item 8: emma on a phone.
  const phone = await SpocPage.open(browser, server.base, '#/', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  await signIn(phone, 'emma');
  await phone.find('search', { timeout: 20000 });
  await settle(phone);
  await shot(phone, 'item8-phone-home');
  await phone.page.evaluate(() => { window.location.hash = '#/requests'; });
  await phone.waitState((s) => s.route.startsWith('#/requests'), 'on My requests');
  await settle(phone, 30);
  await shot(phone, 'item8-phone-requests');
  console.log(`screenshots in ${outDir} (${prefix}-*.png)`);
} finally {
  await browser.close();
  await server.stop();
}
