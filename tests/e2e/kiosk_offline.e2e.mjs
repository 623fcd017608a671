// The walk-up kiosk keeps checking people in while the server is down, end to end in Chromium:
// a paired kiosk's service worker keeps the app; the server is killed (kill -9); three people check
// in (a typed username, a badge scan, a guest) and each gets the kiosk's own number (K-1...) marked
// offline; the kiosk page is reloaded with the server still down and starts from its cache; a
// fourth person checks in; the server comes back on the same SQLite file; the outbox is sent; the
// queue then holds exactly those four, once each, in the order they checked in, and the board
// shows them.
import { journey, SpocPage, assert, shownTexts, waitLabel, startServer, pairKiosk } from './harness.mjs';

const CACHE = 'spoc-shell-v1';

// One person at the kiosk: who (typed slowly like a person, or fast like a badge reader), a reason,
// check in; returns the number shown. Leaves with Done.
async function checkIn(kiosk, { who, guest = false, scan = false, reason = 'reason_laptop' }) {
  await waitLabel(kiosk, /^Welcome! Check in/, 'welcome');
  if (guest) await kiosk.click('kiosk_guest');
  await kiosk.nextFrames(3);
  await kiosk.page.keyboard.type(who, { delay: scan ? 4 : 90 });
  await kiosk.page.keyboard.press('Enter');
  await waitLabel(kiosk, /^What do you need help with\?$/, `reason step for ${who}`);
  await kiosk.click(reason);
  await kiosk.click('kiosk_check_in');
  await waitLabel(kiosk, /^You're checked in \(offline\)$/, `offline check-in of ${who}`);
  const number = (await waitLabel(kiosk, /^K-\d+$/, 'the kiosk number')).label;
  await kiosk.click('kiosk_done');
  return number;
}

await journey('kiosk offline', async ({ server, browser, step }) => {
  step('a kiosk is paired; its service worker keeps the app, the fonts and the page');
  const kiosk = await SpocPage.open(browser, server.base, '#/kiosk', { viewport: { width: 1080, height: 1920 } });
  await pairKiosk(browser, server, kiosk);
  const cached = await kiosk.page.evaluate(async (name) => {
    await navigator.serviceWorker.ready;
    const cache = await caches.open(name);
    const out = {};
    for (const path of ['./', 'boot.js', 'spoc.js', 'spoc.wasm', 'fonts/Inter-Regular.otf']) out[path] = !!(await cache.match(path));
    return out;
  }, CACHE);
  assert(Object.values(cached).every(Boolean), `the shell is cached (${JSON.stringify(cached)})`);

  step('the server is killed; three people check in and get the kiosk\'s own numbers');
  await server.kill();
  const numbers = [];
  numbers.push(await checkIn(kiosk, { who: 'emma' }));
  numbers.push(await checkIn(kiosk, { who: '100235', scan: true }));  // liam's badge
  numbers.push(await checkIn(kiosk, { who: 'Kim Guest', guest: true, reason: 'reason_other' }));
  assert(JSON.stringify(numbers) === JSON.stringify(['K-1', 'K-2', 'K-3']), `offline numbers ${numbers}`);
  await waitLabel(kiosk, /^Offline: 3 check-ins are kept on this kiosk/, 'offline notice');

  step('the kiosk page is reloaded with the server still down: it starts from its cache, the 3 kept');
  await kiosk.page.reload();
  await kiosk.page.waitForFunction(() => window.spoc && window.spoc.e2e && window.spoc.e2e.frame() > 2, null, { timeout: 60000 });
  await waitLabel(kiosk, /^Offline: 3 check-ins are kept on this kiosk/, 'offline notice after the reload', 30000);

  step('a fourth person checks in');
  numbers.push(await checkIn(kiosk, { who: 'sofia' }));
  assert(numbers[3] === 'K-4', `the fourth is K-4 (${numbers[3]})`);

  step('the server comes back on the same database; the outbox is sent');
  const again = await startServer({ port: server.port, dataDir: server.dataDir });
  try {
    const ava = await SpocPage.open(browser, server.base, '#/walkup');
    await ava.signIn('ava');
    let items = [];
    for (let i = 0; i < 150; i++) {
      items = await ava.page.evaluate(async () => (await (await fetch('/api/v1/walkup/locations/1/queue')).json()).items || []);
      if (items.length >= 4) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 4000));  // anything sent twice would have landed by now
    items = await ava.page.evaluate(async () => (await (await fetch('/api/v1/walkup/locations/1/queue')).json()).items || []);
    const names = items.map((v) => v.name);
    assert(JSON.stringify(names) === JSON.stringify(['Emma Jones', 'Liam Chen', 'Kim Guest', 'Sofia Rossi']),
           `exactly the four, in check-in order (${JSON.stringify(names)})`);
    assert(items.every((v) => v.channel === 'offline' && v.status === 'waiting'), 'all four came from the offline outbox');
    const times = items.map((v) => Date.parse(v.checked_in_at));
    assert(times.every((t, i) => i === 0 || t > times[i - 1]), `check-in times in order (${items.map((v) => v.checked_in_at)})`);

    step('the kiosk is online again, its outbox empty, and its board shows them');
    await waitLabel(kiosk, new RegExp(`^${items[3].ticket}\\s+Sofia R\\.$`), 'the fourth on the kiosk\'s board', 30000);
    const texts = (await shownTexts(kiosk)).join(' | ');
    assert(!/Offline/.test(texts), `no offline notice any more (${texts.slice(0, 300)})`);
    const storage = await kiosk.page.evaluate(() => JSON.stringify({ ...localStorage }));
    assert(!storage.includes('spoc.kiosk.outbox') && !storage.includes('emma') && !storage.includes('100235'),
           `nothing of the four stays in storage (${storage.slice(0, 300)})`);
    assert(kiosk.errors.length === 0 && ava.errors.length === 0, `no page errors: ${kiosk.errors.concat(ava.errors).join('; ')}`);
  } finally {
    await again.kill();
  }
});
