// The walk-up desk end to end in Chromium: a kiosk (portrait, its own browser, no user session)
// shows a pairing code; root pairs it from the walk-up console; a badge reader's fast typing checks
// emma in; the queue board (a page on the paired device) shows her ticket and first name only; ava
// calls her to a desk (the board shows where to go), starts and resolves with a note; emma's visit
// is resolved with a walk-up request in her history; she taps her number at the kiosk and rates the
// visit (stored with it); once the kiosk is back at its welcome ("Done", or 30 s without input)
// nothing of emma is left on it (DOM, text proxy, storage).
//
// SPOC_SCREENSHOTS=dir also saves kiosk-welcome.png (with the on-screen keyboard), kiosk-portrait.png,
// board-1920.png and walkup-console.png there.
import { journey, SpocPage, assert, shownTexts, waitLabel } from './harness.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const shots = process.env.SPOC_SCREENSHOTS;
if (shots) mkdirSync(shots, { recursive: true });

await journey('walk-up desk', async ({ server, browser, step }) => {
  step('an unpaired kiosk shows a one-time code, without asking anyone to sign in');
  const kiosk = await SpocPage.open(browser, server.base, '#/kiosk', { viewport: { width: 1080, height: 1920 } });
  const codeItem = await waitLabel(kiosk, /^[2-9A-Z]{3}-[2-9A-Z]{3}$/, 'pairing code');
  const code = codeItem.label;
  assert(!(await kiosk.items()).some((it) => it.id === 'password'), 'no sign-in form on the kiosk');

  step('root pairs it from the walk-up console with the code');
  const root = await SpocPage.open(browser, server.base, '#/walkup');
  await root.signIn('root');
  await root.find('pair_code');
  await root.type('pair_code', code.toLowerCase().replace('-', ''));
  await root.type('pair_name', 'Lobby kiosk');
  await root.click('pair_kiosk_button');
  let kiosks = [];
  for (let i = 0; i < 100 && kiosks.length === 0; i++) {
    await root.nextFrames(3);
    kiosks = await root.page.evaluate(async () => (await (await fetch('/api/v1/walkup/kiosks')).json()).items || []);
  }
  assert(kiosks.length === 1 && kiosks[0].name === 'Lobby kiosk', `paired (${JSON.stringify(kiosks)})`);

  step('the kiosk starts by itself; a badge reader types fast and presses Enter');
  await waitLabel(kiosk, /^Welcome! Check in/, 'kiosk welcome', 30000);
  await kiosk.nextFrames(5);
  if (shots) await kiosk.page.screenshot({ path: join(shots, 'kiosk-welcome.png') });
  await kiosk.page.keyboard.type('100234', { delay: 4 });
  await kiosk.page.keyboard.press('Enter');
  await waitLabel(kiosk, /^What do you need help with\?$/, 'reason step');
  await kiosk.click('reason_laptop');
  // While she types, the best public article appears ("while you wait") and can be read right there.
  await kiosk.type('kiosk_note', 'VPN keeps dropping');
  await waitLabel(kiosk, /^While you wait, this may fix it$/, 'while-you-wait articles');
  await kiosk.click('VPN keeps dropping or disconnecting');
  await waitLabel(kiosk, /GlobalProtect|reconnect|Wi-Fi/i, 'the article read on the kiosk');
  await kiosk.click('kiosk_check_in');
  const ticketItem = await waitLabel(kiosk, /^A-\d{3}$/, 'the ticket');
  const ticket = ticketItem.label;
  await waitLabel(kiosk, /You're next in the queue\.|You are number \d+ in the queue\./, 'position');
  if (shots) await kiosk.page.screenshot({ path: join(shots, 'kiosk-portrait.png') });

  step('the board on the paired device shows the ticket and the first name with an initial, never more');
  const boardPage = await kiosk.page.context().newPage();
  await boardPage.setViewportSize({ width: 1920, height: 1080 });
  await boardPage.goto(`${server.base}/?e2e=1#/board/london-hq`);
  const board = new SpocPage(boardPage);
  await boardPage.waitForFunction(() => window.spoc && window.spoc.e2e && window.spoc.e2e.frame() > 2, null, { timeout: 60000 });
  await waitLabel(board, new RegExp(`^${ticket}\\s+Emma J\\.$`), 'board: next');
  const boardText = (await shownTexts(board)).join(' ');
  assert(!/Jones|100234|emma/.test(boardText), `the board shows no surname, badge or username (${boardText.slice(0, 200)})`);

  step('ava calls emma to her desk; the board says where to go');
  const ava = await SpocPage.open(browser, server.base, '#/walkup');
  await ava.signIn('ava');
  await waitLabel(ava, new RegExp(`^${ticket}\\s+Emma Jones$`), 'console row');
  const call = (await ava.items()).find((it) => (it.id || '').startsWith('call_'));
  assert(call, 'a "Call to my desk" button on the waiting visit');
  const visitId = call.id.slice('call_'.length);
  await ava.click(call.id);
  await waitLabel(board, new RegExp(`^${ticket}\\s+→\\s+Desk 1$`), 'board: now serving', 20000);
  const heard = await board.state();
  assert(heard.kiosk_live && heard.kiosk_live_events > 0, `the board heard the call over its event stream (${JSON.stringify(heard)})`);
  if (shots) await boardPage.screenshot({ path: join(shots, 'board-1920.png') });

  step('ava starts, writes what was done and resolves');
  await ava.click(`start_${visitId}`);
  await ava.type('Resolution note', 'Replaced the laptop charger.');
  if (shots) await ava.page.screenshot({ path: join(shots, 'walkup-console.png') });
  await ava.click(`resolve_${visitId}`);
  let visit;
  for (let i = 0; i < 50; i++) {
    visit = await ava.page.evaluate(async (id) => {
      const all = await (await fetch('/api/v1/walkup/locations/1/queue')).json();
      return (all.items || []).find((v) => String(v.id) === id) || null;
    }, visitId);
    if (!visit) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert(!visit, 'the visit left the open queue');

  step("emma's visit is resolved and filed as a walk-up request in her history");
  const emma = await SpocPage.open(browser, server.base, '#/requests');
  await emma.signIn('emma');
  const mine = await emma.page.evaluate(async () => (await (await fetch('/api/v1/walkup/visits')).json()).items);
  assert(mine.length === 1 && mine[0].status === 'resolved' && mine[0].request_id, `resolved with a request (${JSON.stringify(mine)})`);
  const request = await emma.page.evaluate(async (id) => (await (await fetch(`/api/v1/requests/${id}`)).json()), mine[0].request_id);
  assert(request.status === 'resolved' && request.resolution_note === 'Replaced the laptop charger.',
         `the request is resolved with ava's note (${request.status}, ${request.resolution_note})`);

  step('back at the kiosk, emma taps her number and rates the visit with one tap; it is stored with the visit');
  if ((await kiosk.items()).some((it) => it.id === 'kiosk_done')) await kiosk.click('kiosk_done');
  await waitLabel(kiosk, /^Welcome! Check in/, 'welcome again', 40000);
  await kiosk.find(`rate_ticket_${visitId}`, { timeout: 20000 });
  await kiosk.click(`rate_ticket_${visitId}`);
  await kiosk.click('kiosk_rate_4');
  await waitLabel(kiosk, /^Thank you for your feedback\.$/, 'thanks');
  const rated = await emma.page.evaluate(async () => (await (await fetch('/api/v1/walkup/visits')).json()).items[0]);
  assert(rated.csat === 4, `the survey is stored with the visit (${JSON.stringify(rated)})`);

  step('the kiosk is back at its welcome (Done, or 30 s without input); nothing of emma stays (screen, DOM, text proxy, storage)');
  await kiosk.click('kiosk_done');
  await waitLabel(kiosk, /^Welcome! Check in/, 'welcome after the survey');
  for (let i = 0; i < 40 && (await shownTexts(kiosk)).join(' ').includes(ticket); i++) await kiosk.nextFrames(5);
  await kiosk.nextFrames(5);
  const left = await kiosk.page.evaluate(() => ({
    dom: document.body.innerText + ' ' + document.body.innerHTML,
    inputs: [...document.querySelectorAll('input, textarea')].map((e) => e.value).join('|'),
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  }));
  for (const secret of [ticket, '100234', 'Emma', 'Laptop problem', 'VPN keeps dropping']) {
    assert(!left.dom.includes(secret) && !left.inputs.includes(secret), `"${secret}" is gone from the kiosk's page`);
  }
  // Storage keeps the kiosk's own device (its location and reason list, for an offline start) and
  // nothing about a person: no outbox once every check-in reached the server.
  for (const secret of [ticket, '100234', 'Emma', 'emma', 'spoc.kiosk.outbox']) {
    assert(!left.storage.includes(secret), `"${secret}" is not in the kiosk's storage (${left.storage.slice(0, 300)})`);
  }
  assert(!(await shownTexts(kiosk)).join(' ').includes(ticket), 'the ticket is no longer drawn');
  for (const sp of [kiosk, root, ava, emma]) assert(sp.errors.length === 0, `no page errors: ${sp.errors.join('; ')}`);
});
