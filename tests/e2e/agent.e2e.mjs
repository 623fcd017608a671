// Journey, two people in two browser contexts (separate cookies) plus a third for collisions:
// emma files a request; ava's queue shows it live (no reload, no polling in the client); ava
// opens it, replies publicly and adds an internal note; emma, looking at her request, sees the
// reply and the status change arrive live and never the note; root opening the same request
// shows up on ava's screen as "Spoc Admin is viewing"; then ava sorts, searches, bulk-changes and
// drives her queue from the keyboard. Real server, SQLite, Chromium, input events.
import { journey, SpocPage, assert, fileRequest } from './harness.mjs';

const SUMMARY = 'Docking station flickers on the second monitor';
const REPLY = 'Thanks Emma, a replacement dock is on its way to you today.';
const NOTE = 'Internal: dock serial DS-7781 failed twice, raise with the vendor.';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls until `what` (a widget id or a RegExp on labels) is drawn, without scrolling or reloading.
async function appears(sp, what, timeout = 10000) {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    if (await sp.has(what)) return Date.now() - started;
    await sleep(25);
  }
  throw new Error(`${what} did not appear within ${timeout} ms`);
}

await journey('agent journey', async ({ server, browser, step }) => {
  step('ava opens her queue; emma opens her requests (two browser contexts)');
  const ava = await SpocPage.open(browser, server.base, '#/queue?view=mine');
  await ava.signIn('ava');
  await ava.waitState((s) => s.route === '#/queue?view=mine' && s.live, 'ava on her queue with the live stream up');
  const emma = await SpocPage.open(browser, server.base, '#/requests');
  await emma.signIn('emma');
  await emma.waitState((s) => s.route.startsWith('#/requests') && s.live, 'emma on her requests with the live stream up');

  step('emma files a request; it appears in ava\'s queue without a reload');
  const queueLoadsBefore = (await ava.state()).live_events;
  const filed = await fileRequest(emma, SUMMARY);
  assert(filed.status === 201, `request filed (got ${filed.status}: ${JSON.stringify(filed.body)})`);
  const id = filed.body.id;
  assert(filed.body.assignee_name === 'Ava Patel', `routed to ava (got ${filed.body.assignee_name})`);
  const queueMs = await appears(ava, `qrow_${id}`);
  console.log(`    ava's queue showed ${filed.body.number} ${queueMs} ms after the create returned`);
  assert((await ava.state()).live_events > queueLoadsBefore, 'ava received a live event for it');

  step('emma opens her request; ava opens it from the queue');
  await emma.page.evaluate((h) => { window.location.hash = h; }, `#/requests/${id}`);
  await emma.waitState((s) => s.route === `#/requests/${id}`, 'emma on the request');
  await emma.find('status_badge');
  await ava.click(`qrow_${id}`);
  await ava.waitState((s) => s.route === `#/requests/${id}`, 'ava on the request');
  await ava.find('reply_public');

  step('ava replies publicly; emma sees the reply arrive live');
  await ava.type('Reply', REPLY);
  await ava.click('send_reply');
  const replyMs = await appears(emma, new RegExp(REPLY.slice(0, 30)));
  console.log(`    emma saw the reply ${replyMs} ms after ava clicked Send`);

  step('ava adds an internal note; ava sees it, emma never does');
  await ava.click('reply_internal');
  await ava.type('Note', NOTE);
  await ava.click('send_reply');
  await appears(ava, new RegExp(NOTE.slice(0, 30)));

  step('ava starts work on it; emma sees the status change live');
  await ava.click('status_in_progress');
  const statusMs = await appears(emma, /^In progress$/);
  console.log(`    emma saw "In progress" ${statusMs} ms after ava's click`);
  // The note was written before the status change, so by now it would have reached emma if it could.
  await emma.nextFrames(10);
  const emmaItems = await emma.items();
  assert(!emmaItems.some((it) => (it.label || '').includes('DS-7781')), 'emma\'s screen never shows the internal note');
  const emmaView = await emma.page.evaluate(async (rid) => (await (await fetch(`/api/v1/requests/${rid}`)).json()), id);
  assert(emmaView.comments.length === 1 && emmaView.comments[0].body === REPLY,
         `emma's API view has only the public reply (got ${JSON.stringify(emmaView.comments.map((c) => c.body))})`);
  assert(!JSON.stringify(emmaView).includes('DS-7781'), 'the note text is nowhere in emma\'s API view');

  step('root opens the same request: ava sees "Spoc Admin is viewing"');
  const root = await SpocPage.open(browser, server.base, `#/requests/${id}`);
  await root.signIn('root');
  await root.waitState((s) => s.route === `#/requests/${id}`, 'root on the request');
  const viewMs = await appears(ava, /Spoc Admin is viewing/);
  console.log(`    ava saw root arrive ${viewMs} ms later`);
  await root.type('Reply', 'Looking at the dock stock now');
  await appears(ava, /Spoc Admin is replying/);
  await root.page.evaluate(() => { window.location.hash = '#/queue'; });
  const leftDeadline = Date.now() + 10000;
  while (Date.now() < leftDeadline && (await ava.has(/Spoc Admin is/))) await sleep(50);
  assert(!(await ava.has(/Spoc Admin is/)), 'the hint goes away when root leaves the request');
  assert(!(await emma.has(/Spoc Admin is/)), 'employees never see who is viewing');

  step('ava works the queue: sorts, searches, ticks a row for a bulk change, then the keyboard');
  await ava.page.evaluate(() => { window.location.hash = '#/queue?view=open'; });
  await ava.waitState((s) => s.route === '#/queue', 'ava on all open (the default view)');
  await ava.find(`qrow_${id}`);
  await ava.click('sort_priority');
  await ava.waitState((s) => s.route === '#/queue?sort=priority', 'sorted by priority');
  await ava.type('Search the queue', 'Docking station');
  await ava.waitState((s) => s.route.includes('q=Docking%20station'), 'the search lands in the URL after a pause');
  await ava.find(`qrow_${id}`);
  const getRequest = (sp) => sp.page.evaluate(async (rid) => (await (await fetch(`/api/v1/requests/${rid}`)).json()), id);
  await ava.click(`qsel_${id}`);
  await ava.click('bulk_unassign');
  const unassignDeadline = Date.now() + 10000;
  while (Date.now() < unassignDeadline && (await getRequest(ava)).assignee_name) await sleep(50);
  assert(!(await getRequest(ava)).assignee_name, 'the bulk change unassigned the ticked request');
  await ava.page.mouse.click(5, 300);  // the keyboard belongs to the list, not the search box
  await ava.page.keyboard.press('j');
  await ava.page.keyboard.press('a');
  const assignDeadline = Date.now() + 10000;
  while (Date.now() < assignDeadline && (await getRequest(ava)).assignee_name !== 'Ava Patel') await sleep(50);
  assert((await getRequest(ava)).assignee_name === 'Ava Patel', '"a" on the keyboard row assigned it to ava');
  await ava.page.keyboard.press('Enter');
  await ava.waitState((s) => s.route === `#/requests/${id}`, 'Enter opens the keyboard row');

  step('ava resolves it with a note (Resolve is the primary step; the rest are under More actions)');
  await ava.find('status_resolved', { timeout: 15000 });
  await ava.click('status_more');
  await ava.find('status_cancelled');
  await ava.page.keyboard.press('Escape');
  await ava.nextFrames(3);
  await ava.click('status_resolved');
  await ava.find('confirm_title');
  const RESOLUTION = 'Swapped the dock for a new one; both screens are stable now.';
  await ava.type('Resolution note', RESOLUTION);
  await ava.click('confirm_status');
  const resolvedMs = await appears(emma, 'resolution_note', 15000);
  console.log(`    emma saw the resolution ${resolvedMs} ms after ava confirmed`);
  const title = (await emma.items()).find((it) => it.id === 'resolution_title');
  assert(title && /^Resolved by Ava\b/.test(title.label) && !/Patel/.test(title.label), `emma sees who resolved it by first name (got ${title && title.label})`);
  assert((await getRequest(emma)).resolution_note === RESOLUTION, 'the note is on her request');

  step('emma says "This didn\'t fix it": her reply reopens the request');
  await emma.click('reopen');
  await emma.type('Reply', 'The left screen still flickers after lunch.');
  await emma.click('send_reply');
  const reopenDeadline = Date.now() + 10000;
  while (Date.now() < reopenDeadline && (await getRequest(emma)).status !== 'in_progress') await sleep(50);
  assert((await getRequest(emma)).status === 'in_progress', 'her reply reopened it');
  await appears(ava, /^In progress$/);

  for (const sp of [ava, emma, root]) assert(sp.errors.length === 0, `no page errors: ${sp.errors.join('; ')}`);
});
