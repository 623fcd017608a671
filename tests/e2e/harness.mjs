// End-to-end harness: starts the real spoc-server on a free 127.0.0.1 port with a fresh SQLite
// file in a temp dir, launches Debian's Chromium headless through playwright-core, and finds ImGui
// widgets through window.spoc.e2e (item labels + rects from ImGui's item hooks) to click and type
// with real input events. Used by every *.e2e.mjs journey and by bench/web.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const SERVER_BIN = process.env.SPOC_SERVER || join(ROOT, 'build/native/spoc-server');
export const WEB_DIR = process.env.SPOC_WEB_DIR || join(ROOT, 'build/web');
export const ASSETS_DIR = process.env.SPOC_ASSETS || join(ROOT, 'assets');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => ok(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A server on a free port with a fresh data folder; or, with { port, dataDir }, a server started
// again where a killed one was (its SQLite file kept).
// `assets` replaces the assets folder (demo data), e.g. a copy with other opening hours.
export async function startServer({ port: wantPort, dataDir: wantDir, assets = ASSETS_DIR } = {}) {
  const port = wantPort || await freePort();
  const dataDir = wantDir || mkdtempSync(join(tmpdir(), 'spoc-e2e-'));
  const proc = spawn(SERVER_BIN, ['--host', '127.0.0.1', '--port', String(port), '--data', dataDir,
    '--web', WEB_DIR, '--assets', assets, '--demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`spoc-server exited early (${proc.exitCode}):\n${log}`);
    try { if ((await fetch(`${base}/api/v1/health`)).ok) break; } catch { /* not up yet */ }
    await sleep(50);
    if (i === 199) throw new Error(`spoc-server did not come up:\n${log}`);
  }
  return {
    base, port, dataDir, pid: proc.pid, log: () => log,
    async stop() { proc.kill('SIGKILL'); await sleep(50); rmSync(dataDir, { recursive: true, force: true }); },
    // kill -9, keeping the data folder (startServer({ port, dataDir }) brings it back).
    async kill() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.SPOC_CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

// Wraps a Playwright page showing the Spoc client, opened with ?e2e=1.
export class SpocPage {
  constructor(page) { this.page = page; this.errors = []; page.on('pageerror', (e) => this.errors.push(String(e))); }

  static async open(browser, base, hash = '#/', contextOptions = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...contextOptions });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    const sp = new SpocPage(page);
    SpocPage.opened.push(sp);
    await page.goto(`${base}/?e2e=1${hash}`);
    await page.waitForFunction(() => window.spoc && window.spoc.e2e && window.spoc.e2e.frame() > 2, null, { timeout: 60000 });
    return sp;
  }

  static opened = [];

  async items() { return this.page.evaluate(() => window.spoc.e2e.items()); }
  async state() { return this.page.evaluate(() => window.spoc.e2e.state()); }

  // Finds a widget drawn in the last frame whose id or visible label matches `what` (string: exact
  // match on id or label, else a substring of the label; RegExp: tested against both).
  static match(item, what) {
    if (what instanceof RegExp) return what.test(item.label || '') || what.test(item.id || '');
    return item.id === what || item.label === what;
  }

  // ImGui only names widgets it actually draws, so one scrolled out of view may not be listed at
  // all (or is listed with visible:false). find() scrolls with the mouse wheel, as a person would:
  // towards a widget it knows about, otherwise down until the page stops moving, then back up.
  async find(what, { timeout = 15000 } = {}) {
    const deadline = Date.now() + timeout;
    let last = [];
    let direction = 0;      // 0: don't scroll yet, 1: down, -1: up
    let lastSignature = '';
    while (Date.now() < deadline) {
      last = await this.items();
      const hits = last.filter((it) => SpocPage.match(it, what));
      const shown = hits.find((it) => it.visible !== false && it.w > 0 && it.h > 0);
      if (shown) return shown;
      const viewport = this.page.viewportSize();
      const signature = last.map((it) => `${it.id || it.label}@${Math.round(it.y)}`).join('|');
      if (hits.length > 0) direction = hits[0].y < 80 ? -1 : 1;
      else if (direction === 0) direction = Date.now() > deadline - timeout + 1500 ? 1 : 0; // give the screen time to load first
      else if (signature === lastSignature) direction = -direction; // hit the end: turn round
      lastSignature = signature;
      if (direction !== 0) {
        await this.page.mouse.move(viewport.width / 2, viewport.height / 2);
        await this.page.mouse.wheel(0, direction * 250);
        await this.nextFrames(2);
      } else {
        await sleep(50);
      }
    }
    const labels = last.map((it) => it.id || it.label).filter(Boolean).slice(0, 80).join(' | ');
    throw new Error(`widget ${what} not found within ${timeout} ms; drawn: ${labels}`);
  }

  async has(what) { return (await this.items()).some((it) => SpocPage.match(it, what)); }

  // Finds the widget and waits until its rect holds still for a couple of frames: the layout can
  // shift under the pointer (an error line disappearing above, a panel loading), and a person
  // would aim at where the widget is, not where it was.
  async findSettled(what, opts) {
    let it = await this.find(what, opts);
    for (let i = 0; i < 20; i++) {
      await this.nextFrames(2);
      const again = await this.find(what, opts);
      const same = Math.abs(again.x - it.x) < 0.5 && Math.abs(again.y - it.y) < 0.5 && Math.abs(again.w - it.w) < 0.5 && Math.abs(again.h - it.h) < 0.5;
      it = again;
      if (same) break;
    }
    return it;
  }

  async click(what, opts) {
    const it = await this.findSettled(what, opts);
    await this.page.mouse.click(it.x + Math.min(it.w / 2, 40), it.y + it.h / 2);
    await this.nextFrames(2);
    return it;
  }

  // Clicks a text field and types into it once ImGui reports the field active (a click that lands
  // while the layout shifts, or on a frame that drops it, is retried instead of typing into nothing).
  // Into an empty field, what it then holds is checked (the text proxy mirrors it) and a key lost
  // on a loaded machine is typed again rather than saved with a letter missing.
  async type(what, text) {
    await this.focusInput(what);
    const base = await this.proxyValue();
    await this.page.keyboard.type(text, { delay: 15 });
    await this.nextFrames(2);
    if (base !== '') return;
    // A field may reformat what it is given (a pairing code gains its hyphen): only a shorter text
    // means lost keys.
    const lost = (v) => v !== null && [...v].length < [...text].length;
    let held = await this.proxyValue();
    for (let attempt = 0; attempt < 3 && lost(held); attempt++) {
      await this.focusInput(what);
      await this.page.keyboard.press('Control+A');
      await this.page.keyboard.press('Backspace');
      await this.page.keyboard.type(text, { delay: 25 });
      await this.nextFrames(3);
      held = await this.proxyValue();
    }
    if (lost(held)) throw new Error(`${what} holds "${held}" after typing "${text}"`);
  }

  // The text of the field being edited, as the browser's text proxy holds it (null: no proxy).
  async proxyValue() {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      return el && (el.id || '').startsWith('spoc-text-') ? el.value : null;
    });
  }

  async focusInput(what) {
    let it;
    for (let attempt = 0; attempt < 4; attempt++) {
      it = await this.click(what);
      for (let i = 0; i < 10; i++) {
        const now = (await this.items()).find((x) => SpocPage.match(x, what) && x.visible !== false);
        if (now && now.active) {
          // Keys go to the browser's text proxy: wait (a few frames at most) until it has the
          // focus, or the first typed character can land before it does and be lost.
          for (let f = 0; f < 10; f++) {
            const proxy = await this.page.evaluate(() => !!document.activeElement && (document.activeElement.id || '').startsWith('spoc-text-'));
            if (proxy) break;
            await this.nextFrames(1);
          }
          return now;
        }
        await this.nextFrames(1);
      }
    }
    throw new Error(`text field ${what} never became active after 4 clicks (last rect ${JSON.stringify(it)})`);
  }

  // Layout check for the screen on display: no two widgets partly overlap (one inside another,
  // such as a checkbox in a row, is fine), and no widget or caption sticks out of the viewport
  // sideways. Returns the problems as strings; assertLayout throws with them.
  async layoutProblems({ ignore = [] } = {}) {
    const viewport = this.page.viewportSize();
    const items = (await this.items()).filter((it) => it.visible && it.w > 0 && it.h > 0 &&
      !ignore.some((re) => re.test(it.id || '') || re.test(it.label || '')));
    const problems = [];
    const name = (it) => it.id || it.label;
    for (const it of items) {
      const [fx, , fw] = it.full || [it.x, it.y, it.w, it.h];
      if (fx < -1 || fx + fw > viewport.width + 1)
        problems.push(`${name(it)} spans x ${fx.toFixed(0)}..${(fx + fw).toFixed(0)} outside the ${viewport.width} px viewport`);
    }
    const widgets = items.filter((it) => it.widget);
    const inside = (a, b) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.w <= b.x + b.w + 0.5 && a.y + a.h <= b.y + b.h + 0.5;
    for (let i = 0; i < widgets.length; i++) {
      for (let j = i + 1; j < widgets.length; j++) {
        const a = widgets[i], b = widgets[j];
        const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        if (ox > 1 && oy > 1 && !inside(a, b) && !inside(b, a))
          problems.push(`${name(a)} and ${name(b)} overlap by ${ox.toFixed(0)}x${oy.toFixed(0)} px`);
      }
    }
    return problems;
  }

  async assertLayout(where, opts) {
    await this.nextFrames(3);
    const problems = await this.layoutProblems(opts);
    if (problems.length) throw new Error(`layout problems on ${where}:\n  ${problems.join('\n  ')}`);
  }

  async nextFrames(n = 1) {
    const start = await this.page.evaluate(() => window.spoc.e2e.frame());
    await this.page.waitForFunction((s) => window.spoc.e2e.frame() >= s, start + n, { timeout: 10000 });
  }

  async waitState(pred, desc, timeout = 20000) {
    const deadline = Date.now() + timeout;
    let s;
    while (Date.now() < deadline) {
      s = await this.state();
      if (pred(s)) return s;
      await sleep(50);
    }
    throw new Error(`state never became ${desc}; last: ${JSON.stringify(s)}`);
  }

  async signIn(username, password = 'spoc-demo') {
    await this.type('username', username);
    await this.type('password', password);
    await this.page.keyboard.press('Enter');
    await this.waitState((s) => s.user === username, `signed in as ${username}`);
  }
}

// Runs named steps, printing each; exits non-zero on the first failure (after cleanup).
export async function journey(name, fn, serverOptions = {}) {
  const started = Date.now();
  let server, browser;
  try {
    server = await startServer(serverOptions);
    browser = await launchBrowser();
    await fn({ server, browser, step: (label) => console.log(`  - [${((Date.now() - started) / 1000).toFixed(1)} s] ${label}`) });
    console.log(`${name}: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    console.error(`${name}: FAILED: ${e.stack || e}`);
    for (const [i, sp] of SpocPage.opened.entries()) {
      const path = join(tmpdir(), `spoc-e2e-failure-${i}.png`);
      try {
        await sp.page.screenshot({ path });
        console.error(`screenshot of page ${i} (${JSON.stringify(await sp.state())}): ${path}`);
      } catch { /* page already closed */ }
    }
    if (server) console.error(`server log:\n${server.log().slice(-3000)}`);
    process.exitCode = 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop().catch(() => {});
  }
}

// Files a "New laptop" request from the signed-in page (its session cookie and CSRF token), as
// the form would; returns { status, body }.
export async function fileRequest(sp, summary) {
  return sp.page.evaluate(async (text) => {
    const me = await (await fetch('/api/v1/me')).json();
    const catalog = await (await fetch('/api/v1/catalog')).json();
    const laptop = catalog.items.find((it) => it.icon === 'laptop');  // titles follow the page's language
    const values = { reason: 'additional', model: 'standard_14', keyboard_layout: 'uk', cost_centre: 'CC-4410' };
    const res = await fetch('/api/v1/requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify({ catalog_item_id: laptop.id, summary: text, values }),
    });
    return { status: res.status, body: await res.json() };
  }, summary);
}

// Replaces a field's text as a person would (select all, type), and checks what the field holds
// (the text proxy mirrors it): a key lost on a loaded machine is typed again, not saved as a typo.
export async function replaceText(sp, what, text) {
  let held = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    await sp.focusInput(what);
    await sp.page.keyboard.press('Control+A');
    await sp.page.keyboard.press('Backspace');
    await sp.page.keyboard.type(text, { delay: 25 });
    await sp.nextFrames(3);
    held = await sp.page.evaluate(() => (document.activeElement && 'value' in document.activeElement ? document.activeElement.value : null));
    if (held === text || held === null) return;
  }
  throw new Error(`${what} holds "${held}" after typing "${text}"`);
}

// Moves the page to `hash` as a typed URL would, and waits until `widget` is drawn there.
export async function go(sp, hash, widget) {
  await sp.page.evaluate((h) => { window.location.hash = h; }, hash);
  await sp.waitState((s) => s.route === hash, `on ${hash}`);
  await sp.find(widget, { timeout: 20000 });
  await sp.nextFrames(6);
}

// The screen fits its viewport (no overlaps or overflow) and no text on it is cut off.
export async function fits(sp, where) {
  await sp.assertLayout(where);
  await sp.nextFrames(2);
  const cut = (await sp.page.evaluate(() => window.spoc.e2e.glyphs())).clipped;
  assert(cut.length === 0, `${where}: no text is cut off (got ${JSON.stringify(cut.slice(0, 8))})`);
}

export function assert(cond, message) { if (!cond) throw new Error(`assertion failed: ${message}`); }

// What is on screen: the labels of the widgets drawn in the last frame and the texts of the
// screen-reader mirror (plain text is only in the mirror).
export async function shownTexts(sp) {
  const labels = (await sp.items()).map((it) => it.label || '').filter(Boolean);
  const mirror = await sp.page.evaluate(() => {
    const root = document.getElementById('spoc-a11y');
    if (!root) return [];
    const out = [];
    for (const el of root.querySelectorAll('*')) {
      if (el.getAttribute('aria-label')) out.push(el.getAttribute('aria-label'));
      if (el.children.length === 0 && el.textContent.trim()) out.push(el.textContent.trim());
    }
    return out;
  });
  return labels.concat(mirror);
}

// Waits until a text matching `re` is shown; returns it.
export async function waitLabel(sp, re, what, timeout = 20000) {
  const deadline = Date.now() + timeout;
  let last = [];
  while (Date.now() < deadline) {
    last = await shownTexts(sp);
    const hit = last.find((t) => re.test(t));
    if (hit) return { label: hit };
    await sp.nextFrames(5);
  }
  throw new Error(`${what}: nothing shown matches ${re} (texts: ${last.slice(0, 40).join(' | ')})`);
}

// Pairs the kiosk page `kiosk` (showing its code) to the first location as root, from the walk-up
// console; returns once the kiosk shows its welcome.
export async function pairKiosk(browser, server, kiosk) {
  const code = (await waitLabel(kiosk, /^[2-9A-Z]{3}-[2-9A-Z]{3}$/, 'pairing code')).label;
  const root = await SpocPage.open(browser, server.base, '#/walkup');
  await root.signIn('root');
  await root.find('pair_code');
  await root.type('pair_code', code);
  await root.type('pair_name', 'Lobby kiosk');
  await root.click('pair_kiosk_button');
  await waitLabel(kiosk, /^Welcome! Check in/, 'kiosk welcome', 30000);
  await root.page.close();
}

// A finger tap (touch events, as a touch screen sends them) at the centre of a widget (id or
// label); the page must have been opened with { hasTouch: true }. Returns the widget tapped.
export async function tap(sp, what) {
  const it = await sp.findSettled(what);
  if (!sp.touch) sp.touch = await sp.page.context().newCDPSession(sp.page);
  const at = { x: it.x + it.w / 2, y: it.y + it.h / 2 };
  await sp.touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
  await sp.nextFrames(1);
  await sp.touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await sp.nextFrames(2);
  return it;
}
