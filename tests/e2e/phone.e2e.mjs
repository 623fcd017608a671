// Journey on a phone (390x844, touch): emma and ava visit every main screen, and on each one no
// widget partly covers another and nothing sticks out of the screen sideways (the harness's
// layout check). Also: the account menu holds Sign out, tabs that don't fit go into "More", the
// page has no desktop scrollbar on touch and scrolls by dragging, and My requests shows a card
// per request with the whole summary.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { journey, SpocPage, assert } from './harness.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

async function api(sp, path) {
  return sp.page.evaluate(async (p) => (await (await fetch(p)).json()), path);
}

async function visit(sp, hash, ready, where) {
  await sp.page.evaluate((h) => { window.location.hash = h; }, hash);
  await sp.waitState((s) => s.route === hash, `on ${hash}`);
  if (ready) await sp.find(ready, { timeout: 20000 });
  await sp.assertLayout(`${where} (${hash}) at 390x844`);
}

await journey('phone journey', async ({ server, browser, step }) => {
  step('emma signs in on a phone');
  const emma = await SpocPage.open(browser, server.base, '#/', PHONE);
  await emma.waitState((s) => s.user === null, 'on the sign-in screen');
  await emma.assertLayout('sign-in at 390x844');
  await emma.signIn('emma');
  await emma.waitState((s) => s.route === '#/' || s.route === '', 'on portal home');
  await emma.find('search', { timeout: 20000 });
  await emma.assertLayout('home at 390x844');

  step('the top bar fits: account menu on the right, tabs that do not fit are under "More"');
  const items = await emma.items();
  const account = items.find((it) => it.id === 'account');
  assert(account && account.x + account.w <= 390, 'the account button is on screen');
  assert(!items.some((it) => it.id === 'signout'), 'Sign out is not in the top bar itself');
  const tabs = items.filter((it) => /^nav_/.test(it.id));
  assert(tabs.length >= 3, `at least three tabs or More are drawn (got ${tabs.map((t) => t.id).join(', ')})`);
  for (const t of tabs) assert(t.x + t.w <= account.x + 1, `${t.id} ends before the account button`);
  const hidden = ['nav_home', 'nav_catalog', 'nav_requests', 'nav_kb'].filter((id) => !tabs.some((t) => t.id === id));
  for (const id of hidden) {  // each tab that did not fit is one tap away under More
    await emma.click('nav_more');
    await emma.assertLayout('the More menu open');
    const before = (await emma.state()).route;
    await emma.click(id);
    await emma.waitState((s) => s.route !== before, `${id} from the More menu navigates`);
    await emma.click('nav_home');
    await emma.waitState((s) => s.route === '#/' || s.route === '', 'back home');
  }
  const searchBox = items.find((it) => it.id === 'search');
  assert(searchBox && searchBox.full[0] >= 0 && searchBox.full[0] + searchBox.full[2] <= 390, 'the search box fits the screen');

  step('no desktop scrollbar on touch, and a drag scrolls the page');
  const before = await emma.items();
  // A widget well inside the page: a catalog tile, or the survey banner's answers above them.
  const first = before.find((it) => (/^tile_/.test(it.id) || /^banner_score_/.test(it.id)) && it.visible && it.y > 300);
  assert(first, 'a catalog tile or a survey answer is on screen');
  const ratedBefore = await emma.page.evaluate(async () =>
    (await (await fetch('/api/v1/requests?status=done&page_size=100')).json()).items.filter((r) => r.survey).length);
  const cdp = await emma.page.context().newCDPSession(emma.page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 200, y: 700 }] });
  for (let y = 680; y >= 400; y -= 20) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 200, y }] });
    await emma.nextFrames(1);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await emma.nextFrames(3);
  const moved = (await emma.items()).find((it) => it.id === first.id);
  assert(!moved || !moved.visible || moved.y < first.y - 100, `dragging up scrolled the page (widget y ${first.y} -> ${moved && moved.y})`);
  assert((await emma.state()).route === '#/' || (await emma.state()).route === '', 'the drag did not open a tile');
  const ratedAfter = await emma.page.evaluate(async () =>
    (await (await fetch('/api/v1/requests?status=done&page_size=100')).json()).items.filter((r) => r.survey).length);
  assert(ratedAfter === ratedBefore, 'the drag did not answer the survey either');

  step('a tap on the search box focuses a real input in the same gesture (so the phone keyboard opens), and text arrives');
  await emma.find('Search the catalog');  // its label, while clipped: find() scrolls back up to it
  const box = await emma.findSettled('search');
  const tap = await emma.page.context().newCDPSession(emma.page);
  const bx = box.x + 60, by = box.y + box.h / 2;
  // The frame that activates the field runs inside the touch handlers (touchstart or, when ImGui
  // takes the press a frame later, touchend), so by the time the tap's events have been handled
  // the proxy has the focus; no animation frame has to run in between.
  await tap.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: bx, y: by }] });
  await tap.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const during = await emma.page.evaluate(() => document.activeElement && document.activeElement.id);
  assert(during === 'spoc-text-input', `the input proxy had the focus once the tap was handled (got ${during})`);
  const mode = await emma.page.evaluate(() => document.getElementById('spoc-text-input').getAttribute('inputmode'));
  assert(mode === 'text', `a text keyboard is asked for (inputmode ${mode})`);
  await tap.send('Input.insertText', { text: 'vpn' });
  await emma.find('clear_search', { timeout: 10000 });  // drawn only once the box holds text

  step('an Android keyboard (keyCode 229, no key for ImGui): Backspace and autocorrect reach the field; the proxy holds its text');
  // After each frame the field's text and caret are written into the proxy, so what it holds once
  // the frames have run is the field's own text (an edit the field ignored would be written back).
  const proxyHolds = async (want, what) => {
    let got;
    for (let w = 0; w < 40 && got !== want; w++) {
      if (w) await emma.nextFrames(1);
      got = await emma.page.evaluate(() => {
        const el = document.getElementById('spoc-text-input');
        return `${el.value}|${el.selectionStart}|${el.selectionEnd}`;
      });
    }
    assert(got === want, `${what}: the field (mirrored in the proxy) holds ${JSON.stringify(want)} (got ${JSON.stringify(got)})`);
  };
  await proxyHolds('vpn|3|3', 'typed text and the caret after it');
  const android = async (edit) => {
    await tap.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Unidentified', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await emma.page.evaluate(edit);
    await tap.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Unidentified', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  };
  await android(() => document.execCommand('delete'));  // Gboard's Backspace: an input event, no Backspace key
  await proxyHolds('vp|2|2', 'after a keyCode-229 Backspace');
  await android(() => document.execCommand('insertText', false, 'n'));
  await android(() => {  // autocorrect: the word before the caret is replaced
    document.getElementById('spoc-text-input').setSelectionRange(0, 3);
    document.execCommand('insertText', false, 'VPN access');
  });
  await proxyHolds('VPN access|10|10', 'after autocorrect replaced the word');
  const named = await emma.page.evaluate(() => document.getElementById('spoc-text-input').getAttribute('aria-label'));
  assert(/search/i.test(named || ''), `the focused proxy is named like the field for screen readers (${named})`);
  await emma.click('clear_search');
  await emma.nextFrames(3);

  step('catalog, the laptop form (radio labels stay in their card), My requests as cards');
  await visit(emma, '#/catalog', 'nav_catalog', 'catalog');
  const catalog = await api(emma, '/api/v1/catalog');
  const laptop = catalog.items.find((it) => it.title === 'New laptop');
  await visit(emma, `#/catalog/${laptop.id}`, 'values.reason:replacement', 'New laptop form');
  await emma.click('values.reason:replacement');
  await emma.assertLayout('New laptop form with the asset tag field');
  if (process.env.SPOC_SCREENSHOTS) {  // the form with a text field tapped: the proxy has the focus, text typed
    const field = await emma.findSettled('summary');
    const touch = await emma.page.context().newCDPSession(emma.page);
    const at = { x: field.x + field.w / 2, y: field.y + field.h / 2 };
    await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
    await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await touch.send('Input.insertText', { text: 'Laptop für Ana 🙂 笔记本' });
    await emma.nextFrames(4);
    mkdirSync(process.env.SPOC_SCREENSHOTS, { recursive: true });
    await emma.page.screenshot({ path: join(process.env.SPOC_SCREENSHOTS, 'phone-form-typing.png') });
  }
  const mine = await api(emma, '/api/v1/requests?status=all');
  assert(mine.items.length > 0, 'emma has requests');
  await visit(emma, '#/requests', `row_${mine.items[0].id}`, 'My requests');
  const row = (await emma.items()).find((it) => it.id === `row_${mine.items[0].id}`);
  assert(row.h >= 70, `a request is a stacked card on a phone (row height ${row.h})`);
  assert(row.w >= 300, `the card spans the screen (width ${row.w})`);
  await visit(emma, `#/requests/${mine.items[0].id}`, 'copy_number', 'request detail');
  await visit(emma, '#/kb', 'nav_kb', 'knowledge base');
  const index = await emma.page.evaluate(async () => (await fetch('/api/v1/kb/index')).text());
  const articleId = JSON.parse(index).articles[0].id;
  await visit(emma, `#/kb/${articleId}`, null, 'an article');

  step('she signs out from the account menu');
  await emma.click('account');
  await emma.assertLayout('account menu open');
  await emma.click('signout');
  await emma.waitState((s) => s.user === null, 'signed out');

  step('ava works the queue on a phone');
  const ava = await SpocPage.open(browser, server.base, '#/queue?view=open', PHONE);
  await ava.signIn('ava');
  await ava.waitState((s) => s.route.startsWith('#/queue'), 'on the queue');
  const queue = await api(ava, '/api/v1/queue?view=open&page_size=5');
  assert(queue.items && queue.items.length > 0, 'the demo queue has open requests');
  await ava.find(`qrow_${queue.items[0].id}`, { timeout: 20000 });
  await ava.assertLayout('queue at 390x844');
  await visit(ava, `#/requests/${queue.items[0].id}`, 'copy_number', 'ticket workspace');
  await visit(ava, '#/kb/new', null, 'article editor');
  assert(emma.errors.length === 0 && ava.errors.length === 0, `no page errors: ${emma.errors.concat(ava.errors).join('; ')}`);
});
