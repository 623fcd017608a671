// Agent queue scroll bench, the browser part (bench/scroll/run prepares the database): starts
// spoc-server on that data folder with the web client, signs ava in, opens #/queue?view=open at
// 1440x900 in headless Chromium and measures time to the first rows, frame intervals and the app's
// frame time while wheel-scrolling, placeholder frames, scrollbar jumps, the queue GETs scrolling
// causes, rows drawn per frame and memory; then loads and scrolls again at 960x600, to tell the
// software rasterizer's share from the app's. Prints one block of figures; exits non-zero on failure.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { SERVER_BIN, WEB_DIR, ASSETS_DIR, CHROMIUM_ARGS, freePort, SpocPage } from '../../tests/e2e/harness.mjs';

// ---- Options ------------------------------------------------------------------------------------
const opt = { data: '', rows: 100000, seconds: 8, shots: '' };
for (let i = 2; i < process.argv.length; i += 2) {
  const [k, v] = [process.argv[i].replace(/^--/, ''), process.argv[i + 1]];
  if (!(k in opt)) { console.error(`scroll.mjs: unknown option --${k}`); process.exit(2); }
  opt[k] = typeof opt[k] === 'number' ? Number(v) : v;
}
if (!opt.data) { console.error('usage: node bench/scroll/scroll.mjs --data DIR [--rows N] [--seconds S] [--shots DIR]'); process.exit(2); }

const ROW_H = 52;              // kRowHeight in client/ui/screen_queue.cpp
const FULL = 0.99;             // a frame whose rows cover less of the list than this shows placeholders
const VIEWPORT = { width: 1440, height: 900 };
const SMALL = { width: 960, height: 600 };  // 44% of the pixels: the rasterizer's share
const WHEEL_STEPS = [120, 400, 200, 320, 160, 280, 240, 360, 140, 380];  // px per wheel event, 260 on average
const DRAG_STEPS = 24;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nproc = cpus().length;

// ---- Server (as tests/e2e/harness.mjs starts it, on the data folder prepared by run) -----------
async function startServer(dataDir) {
  const port = await freePort();
  const proc = spawn(SERVER_BIN, ['--host', '127.0.0.1', '--port', String(port), '--data', dataDir,
    '--web', WEB_DIR, '--assets', ASSETS_DIR], { stdio: ['ignore', 'pipe', 'pipe'] });
  process.on('exit', () => { if (proc.exitCode === null) proc.kill('SIGKILL'); });  // never outlive us
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`spoc-server exited early (${proc.exitCode}):\n${log}`);
    try { if ((await fetch(`${base}/api/v1/health`)).ok) break; } catch { /* not up yet */ }
    if (i === 600) throw new Error(`spoc-server did not come up:\n${log}`);
    await sleep(50);
  }
  return {
    base, pid: proc.pid, log: () => log,
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
  };
}

// ---- CPU time per process (Linux /proc) -----------------------------------------------------------
// This node process's children: Chromium's processes by --type (the browser itself as "browser")
// and spoc-server, in clock ticks.
function cpuTicks(serverPid) {
  const procs = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');  // fields from 3 (state) on
      procs.push({ pid: Number(name), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch { /* gone */ }
  }
  const ours = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) if (!ours.has(p.pid) && ours.has(p.ppid)) { ours.add(p.pid); grew = true; }
  }
  const out = {};
  for (const p of procs) {
    let type = null;
    if (p.pid === serverPid) type = 'spoc-server';
    else if (ours.has(p.pid) && p.pid !== process.pid) {
      let cmd = '';
      try { cmd = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8'); } catch { /* gone */ }
      type = (cmd.match(/--type=([\w-]+)/) || [null, /chrom/i.test(cmd) ? 'browser' : null])[1];
    }
    if (type) out[type] = (out[type] || 0) + p.ticks;
  }
  return out;
}
function cpuLine(before, after, seconds) {
  const hz = 100;  // USER_HZ
  return Object.keys(after).map((k) => [k, (after[k] - (before[k] || 0)) / hz / seconds])
    .filter(([, share]) => share >= 0.005).sort((a, b) => b[1] - a[1])
    .map(([k, share]) => `${k} ${Math.round(share * 100)}%`).join(', ');
}

// ---- In-page instrumentation (runs before boot.js) ---------------------------------------------
// window.__bench: a requestAnimationFrame loop that samples every browser frame (rAF time, the
// app's frame counter, and from window.spoc.e2e.items() the qrow_ rows drawn and how much of the
// list they cover), and a wrapper around requestAnimationFrame that times every other callback -
// in practice Emscripten's main loop - so the app's own time per frame is known; and a wrapper
// around fetch() noting when each queue GET's body reached JavaScript (its text() resolved).
function instrument() {
  const raf = window.requestAnimationFrame.bind(window);
  const B = window.__bench = {
    raf, mode: 'load', geom: null, firstFrameAt: null, firstRowsAt: null, firstRowsCount: 0,
    ticks: [],         // [rafTime, now, appFrame, samplerMs, qrowAll, qrowVisible, coverage, 'id,id,...']
    app: [],           // [start, ms, rendered 0/1] per main-loop callback while recordApp
    recordApp: false,
    fetches: [],       // [start, bodyAt] per queue GET, page clock
    loaf: [],          // long animation frames (> 50 ms): [start, duration, beforeRender, rafPart, afterStyleLayout, blocking]
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const end = e.startTime + e.duration;
        B.loaf.push([e.startTime, e.duration, e.renderStart ? e.renderStart - e.startTime : 0,
          e.renderStart && e.styleAndLayoutStart ? e.styleAndLayoutStart - e.renderStart : 0,
          e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0, e.blockingDuration || 0]);
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch { /* no LoAF in this browser */ }
  const fetch0 = window.fetch.bind(window);
  window.fetch = function (url, init) {
    const p = fetch0(url, init);
    if (String(url).indexOf('/api/v1/queue') < 0) return p;
    const rec = [performance.now(), NaN];
    B.fetches.push(rec);
    return p.then((res) => {
      const text = res.text.bind(res);
      res.text = () => text().then((t) => { rec[1] = performance.now(); return t; });
      return res;
    });
  };
  const e2e = () => (window.spoc && window.spoc.e2e) || null;
  window.requestAnimationFrame = function (cb) {
    return raf(function (t) {
      const api = e2e();
      const f0 = api ? api.frame() : -1;
      const s = performance.now();
      try { cb(t); } finally {
        if (B.recordApp) B.app.push([s, performance.now() - s, api && api.frame() > f0 ? 1 : 0]);
      }
    });
  };
  function rows() {
    const g = B.geom;
    let all = 0, vis = 0, covered = 0;
    const ids = [];
    for (const it of e2e().items()) {
      if (!it.id || it.id.lastIndexOf('qrow_', 0) !== 0) continue;
      all++;
      if (!it.visible || !(it.h > 0)) continue;
      vis++;
      ids.push(it.id.slice(5));
      if (g) covered += Math.max(0, Math.min(it.y + it.h, g.bottom) - Math.max(it.y, g.top));
    }
    return [all, vis, g ? covered / (g.bottom - g.top) : -1, ids.join(',')];
  }
  function loop(t) {
    raf(loop);
    const api = e2e();
    if (!api) return;
    const now = performance.now();
    const frame = api.frame();
    if (B.firstFrameAt === null && frame >= 1) B.firstFrameAt = now;
    if (B.mode === 'idle' || frame < 1) return;
    const s = performance.now();
    const r = rows();
    const cost = performance.now() - s;
    if (B.mode === 'load') {
      if (r[1] > 0 && B.firstRowsAt === null) { B.firstRowsAt = now; B.firstRowsCount = r[1]; }
      return;
    }
    B.ticks.push([t, now, frame, cost, r[0], r[1], r[2], r[3]]);
  }
  raf(loop);
}

// ---- Figures ------------------------------------------------------------------------------------
function pct(values, p) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const max = (v) => (v.length ? Math.max(...v) : NaN);
const min = (v) => (v.length ? Math.min(...v) : NaN);
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '-');
const int = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '-');
const mib = (b) => (Number.isFinite(b) ? `${(b / 1048576).toFixed(1)} MiB` : 'n/a');
const dist = (v) => `p50 ${f1(pct(v, 50))}  p95 ${f1(pct(v, 95))}  p99 ${f1(pct(v, 99))}  max ${f1(max(v))} ms`;
const say = (line = '') => console.log(line);

// ---- Queue GETs, across pages -------------------------------------------------------------------
// Every GET /api/v1/queue: its phase, page, duration, time queued before it was sent, and the ids
// it returned (id -> row index in the view: what tells real rows, and which ones, from others).
const net = { phase: 'load', gets: [], indexOf: new Map(), total: -1 };
function trackQueueGets(page) {
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname !== '/api/v1/queue') return;
    const g = { phase: net.phase, page: Number(url.searchParams.get('page') || 1),
      size: Number(url.searchParams.get('page_size') || 50), ms: NaN, wait: NaN, status: 0, failed: false, startTime: NaN };
    net.gets.push(g);
    req.__g = g;
  });
  page.on('requestfinished', async (req) => {
    const g = req.__g;
    if (!g) return;
    const timing = req.timing();
    g.ms = timing.responseEnd >= 0 ? timing.responseEnd : NaN;
    g.startTime = timing.startTime;
    g.wait = timing.requestStart;  // queued for a connection (6 per host, one taken by the live stream)
    try {
      const res = await req.response();
      g.status = res.status();
      const body = await res.json();
      if (typeof body.total === 'number') net.total = body.total;
      (body.items || []).forEach((it, i) => net.indexOf.set(String(it.id), (g.page - 1) * g.size + i));
    } catch { /* not JSON */ }
  });
  page.on('requestfailed', (req) => { if (req.__g) req.__g.failed = true; });
}
function getLine(list) {
  if (list.length === 0) return '0 GETs';
  const ms = list.map((g) => g.ms).filter(Number.isFinite);
  const wait = list.map((g) => g.wait).filter(Number.isFinite);
  const bad = list.filter((g) => g.failed || (g.status && g.status !== 200)).length;
  return `${list.length} GETs (${new Set(list.map((g) => g.page)).size} distinct pages), p50 ${f1(pct(ms, 50))} ms, ` +
         `p99 ${f1(pct(ms, 99))} ms, max ${f1(max(ms))} ms (queued before sending: max ${f1(max(wait))} ms), failed/non-200 ${bad}`;
}
// Queue GETs as the page saw them: fetch() called -> body text in JavaScript (the network time
// plus however long the renderer's main thread took to get to it).
function pageSide(fetches) {
  const ms = fetches.map((f) => f[1] - f[0]).filter(Number.isFinite);
  return ms.length ? `fetch() -> body in JS: p50 ${f1(pct(ms, 50))} ms, p99 ${f1(pct(ms, 99))} ms, max ${f1(max(ms))} ms` : 'no fetches';
}
const indexOfTick = (tick) => (tick[7] ? tick[7].split(',').map((id) => net.indexOf.get(id)) : []);

// ---- A queue page ------------------------------------------------------------------------------
// Opens #/queue?view=open in a fresh context (cold cache) with ava's session, waits for the first
// rows, and finds the list's rectangle from a fully loaded frame at the top.
async function openQueue(browser, url, session, viewport, pids) {
  const context = await browser.newContext({ viewport, storageState: session });
  const page = await context.newPage();
  const sp = new SpocPage(page);
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.addInitScript(instrument);
  trackQueueGets(page);
  const Q = {
    context, page, sp, consoleErrors, ...pids,
    state: () => sp.state(),
    now: () => page.evaluate(() => performance.now()),
    nextFrame: () => page.evaluate(() => new Promise((r) => window.__bench.raf(() => r()))),
    ticks: () => page.evaluate(() => window.__bench.ticks),
    memory: () => page.evaluate(() => ({
      js: performance.memory ? performance.memory.usedJSHeapSize : NaN,
      wasm: window.Module && window.Module.HEAP8 ? window.Module.HEAP8.buffer.byteLength : NaN,
    })),
    async idle(ms = 500) {  // until no request is in flight, then ms more
      const deadline = Date.now() + 20000;
      while (Date.now() < deadline && (await Q.state()).in_flight > 0) await sleep(50);
      await sleep(ms);
    },
    async shot(name) { if (opt.shots) await page.screenshot({ path: join(opt.shots, `scroll-${name}.png`) }); },
  };
  const getsBefore = net.gets.length;
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.firstRowsAt !== null, null, { timeout: 60000, polling: 50 });
  Q.load = await page.evaluate(() => {
    const B = window.__bench;
    return { firstFrameAt: B.firstFrameAt, firstRowsAt: B.firstRowsAt, firstRowsCount: B.firstRowsCount, origin: performance.timeOrigin };
  });
  await Q.idle(800);
  Q.loadFetches = await page.evaluate(() => window.__bench.fetches);
  Q.loadGets = net.gets.slice(getsBefore);
  // Rows are clipped to the child window "queue_rows"; its scrollbar (ScrollbarSize 12) is just
  // right of the rows' clip edge.
  const rows = (await sp.items()).filter((it) => it.id.startsWith('qrow_') && it.visible && it.h > 0);
  if (rows.length < 3) throw new Error(`only ${rows.length} queue rows drawn after loading at ${viewport.width}x${viewport.height}`);
  Q.geom = {
    top: min(rows.map((r) => r.y)), bottom: max(rows.map((r) => r.y + r.h)),
    left: min(rows.map((r) => r.x)), right: max(rows.map((r) => r.x + r.w)),
  };
  Q.listH = Q.geom.bottom - Q.geom.top;
  await page.evaluate((g) => { window.__bench.geom = g; }, Q.geom);
  return Q;
}

// ---- Wheel scrolling ----------------------------------------------------------------------------
// A wheel that turns 120-400 px every 60 Hz tick (WHEEL_STEPS in turn), fed to the list with
// page.mouse.wheel back to back for `seconds`. Each call resolves once the renderer has handled the
// event (the canvas listener is not passive: on the main thread, at its next frame), and the next
// one carries every tick since the last, as Chromium coalesces a real wheel's events between
// frames. So the rows move as fast as they would at 60 fps however slowly this machine draws.
async function scrollPass(Q, seconds) {
  const { page, geom } = Q;
  await page.mouse.move((geom.left + geom.right) / 2, (geom.top + geom.bottom) / 2);
  await sleep(200);
  const liveBefore = (await Q.state()).live_events;
  await page.evaluate(() => { const B = window.__bench; B.ticks = []; B.app = []; B.fetches = []; B.loaf = []; B.recordApp = true; B.mode = 'scroll'; });
  const getsBefore = net.gets.length;
  const cpu0 = cpuTicks(Q.serverPid), cpuT0 = performance.now();
  let wheels = 0, wheelPx = 0, tick = 0;
  const wheelAck = [];
  const end = Date.now() + seconds * 1000;
  let last = performance.now() - 1000 / 60;
  while (Date.now() < end) {
    const sent = performance.now();
    let dy = 0;
    for (let n = Math.max(1, Math.round((sent - last) / (1000 / 60))); n > 0; n--) dy += WHEEL_STEPS[tick++ % WHEEL_STEPS.length];
    last = sent;
    await page.mouse.wheel(0, dy);
    wheelAck.push(performance.now() - sent);
    wheels++;
    wheelPx += dy;
  }
  const cpu = cpuLine(cpu0, cpuTicks(Q.serverPid), (performance.now() - cpuT0) / 1000);
  const lastWheelAt = await Q.now();
  let settleMs = NaN;  // keep sampling until the rows in view are all there
  for (let i = 0; i < 100 && !Number.isFinite(settleMs); i++) {
    const t = await page.evaluate(() => window.__bench.ticks.slice(-1)[0]);
    if (t && t[1] > lastWheelAt && t[6] >= FULL) settleMs = t[1] - lastWheelAt;
    else await sleep(50);
  }
  const { ticks: st, app } = await page.evaluate(() => {
    const B = window.__bench;
    B.recordApp = false;
    B.mode = 'idle';
    return { ticks: B.ticks, app: B.app };
  });
  const liveAfter = (await Q.state()).live_events;
  await Q.idle(300);
  const fetches = await page.evaluate(() => window.__bench.fetches);
  const t0 = st[0][1], t1 = st[st.length - 1][1];
  const loaf = (await page.evaluate(() => window.__bench.loaf)).filter((l) => l[0] >= t0 && l[0] <= t1);

  const dts = st.slice(1).map((t, i) => t[0] - st[i][0]);
  const spanS = (st[st.length - 1][0] - st[0][0]) / 1000;
  const runs = [];  // placeholder runs: consecutive frames with skeleton rows, in ms
  let runStart = null;
  for (const t of st) {
    if (t[6] < FULL) { if (runStart === null) runStart = t[0]; }
    else if (runStart !== null) { runs.push(t[0] - runStart); runStart = null; }
  }
  if (runStart !== null) runs.push(st[st.length - 1][0] - runStart);
  let disorder = 0, unknown = 0;
  for (const t of st) {
    const idx = indexOfTick(t);
    if (idx.some((i) => i === undefined)) { unknown++; continue; }
    if (idx.some((i, k) => k > 0 && i !== idx[k - 1] + 1)) disorder++;
  }
  const firstIdx = indexOfTick(st[0])[0], lastIdx = indexOfTick(st[st.length - 1])[0];
  // App frames that took in a block (a queue response ended since the previous main-loop call:
  // Poll() decodes it at the start of the next frame) against the others.
  const gets = net.gets.slice(getsBefore);
  const ends = gets.filter((g) => Number.isFinite(g.ms)).map((g) => g.startTime + g.ms - Q.load.origin);
  const withBlock = [], withoutBlock = [];
  app.forEach((a, i) => {
    if (a[2] !== 1) return;
    const from = i > 0 ? app[i - 1][0] : -Infinity;
    (ends.some((e) => e > from && e <= a[0]) ? withBlock : withoutBlock).push(a[1]);
  });
  return {
    seconds, wheels, wheelPx, wheelAck, ticks: tick, st, dts, spanS, settleMs, runs, disorder, unknown, firstIdx, lastIdx,
    appFrames: st[st.length - 1][2] - st[0][2],
    repeated: st.slice(1).filter((t, i) => t[2] === st[i][2]).length,
    rendered: app.filter((a) => a[2] === 1).map((a) => a[1]),
    placeholder: st.filter((t) => t[6] < FULL).length,
    gets, withBlock, withoutBlock, fetches, loaf, cpu,
    live: liveAfter - liveBefore,
  };
}

function printScroll(s, viewport) {
  const { st } = s;
  say(`  wheel                  ${s.ticks} ticks of ${Math.min(...WHEEL_STEPS)}-${Math.max(...WHEEL_STEPS)} px at 60 Hz = ${int(s.wheelPx)} px, sent as ${s.wheels} events (${f1(s.wheels / s.seconds)}/s)`);
  say(`  page.mouse.wheel       until handled: ${dist(s.wheelAck)}`);
  say(`  browser frames (rAF)   ${st.length} in ${f2(s.spanS)} s = ${f1(st.length / s.spanS)} fps; interval ${dist(s.dts)}`);
  say(`                         ${s.dts.filter((d) => d > 33.4).length} intervals > 33 ms, ${s.dts.filter((d) => d > 50).length} > 50 ms, ${s.dts.filter((d) => d > 100).length} > 100 ms`);
  say(`  app frames rendered    ${s.appFrames} = ${f1(s.appFrames / s.spanS)} fps; ${s.repeated} of ${st.length - 1} browser frames brought no new app frame`);
  say(`  app time per frame     ${dist(s.rendered)} (main loop callback: input, layout, draw lists, GL calls)`);
  say(`                         frames that decoded a block of 100 rows: ${s.withBlock.length ? dist(s.withBlock) : '-'}; the other ${s.withoutBlock.length}: p50 ${f1(pct(s.withoutBlock, 50))} ms`);
  const L = s.loaf;
  const loafMs = L.reduce((a, l) => a + l[1], 0);
  say(L.length === 0
    ? '  long animation frames  0 (PerformanceObserver long-animation-frame: no frame kept the main thread busy for 50 ms)'
    : `  long animation frames  ${L.length} over 50 ms (${f1((100 * loafMs) / (s.spanS * 1000))}% of the time): p50 ${f1(pct(L.map((l) => l[1]), 50))} ms = ` +
      `tasks ${f1(pct(L.map((l) => l[2]), 50))} + rAF callbacks ${f1(pct(L.map((l) => l[3]), 50))} + style/layout/paint/commit ${f1(pct(L.map((l) => l[4]), 50))} ms (p50s)`);
  say(`  CPU while scrolling    ${s.cpu} (of one core; ${nproc} cores)`);
  say(`  sampler cost per frame ${dist(st.map((t) => t[3]))} (e2e items() + JSON.parse, inside the intervals)`);
  say(`  rows scrolled          row ${int(s.firstIdx)} -> ${int(s.lastIdx)}: ${int(s.lastIdx - s.firstIdx)} rows = ${int((s.lastIdx - s.firstIdx) / s.spanS)} rows/s, ${int(((s.lastIdx - s.firstIdx) * ROW_H) / s.spanS)} px/s (${f2(((s.lastIdx - s.firstIdx) * ROW_H) / s.wheelPx)} px per wheel px)`);
  say(`  qrow_ items per frame  all: mean ${f1(st.reduce((a, t) => a + t[4], 0) / st.length)}, max ${max(st.map((t) => t[4]))}; visible: min ${min(st.map((t) => t[5]))}, max ${max(st.map((t) => t[5]))} (of ${int(opt.rows)} rows; ${viewport.width}x${viewport.height})`);
  say(`  placeholder frames     ${s.placeholder} of ${st.length} (${f1((100 * s.placeholder) / st.length)}%) showed skeleton rows; worst frame: ${f1(100 * (1 - min(st.map((t) => t[6]))))}% of the list blank`);
  say(`                         in ${s.runs.length} runs of consecutive frames, lasting ${s.runs.length ? dist(s.runs) : '-'}`);
  say(`  rows out of order      ${s.disorder} frames (visible rows not consecutive in the view); ${s.unknown} frames with rows from no captured response`);
  say(`  after the last wheel   every visible row real ${int(s.settleMs)} ms later`);
  say(`  queue GETs             ${getLine(s.gets)}`);
  say(`                         in the page, ${pageSide(s.fetches)}`);
  say(`  live events            ${s.live} while scrolling (nothing changes on the server, so 0 expected)`);
}

// ---- Run ----------------------------------------------------------------------------------------
const server = await startServer(opt.data);
const browser = await chromium.launch({ executablePath: process.env.SPOC_CHROMIUM || '/usr/bin/chromium', headless: true,
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
const queueUrl = `${server.base}/?e2e=1#/queue?view=open`;
const pids = { serverPid: server.pid };
let Q = null;
let failed = false;
try {
  // Calibration: the same browser drawing nothing but a WebGL2 clear on a canvas of the same size.
  const calibrate = async (viewport) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.setContent('<body style="margin:0"><canvas id="c" style="display:block;width:100vw;height:100vh"></canvas></body>');
    const times = await page.evaluate(() => new Promise((done) => {
      const c = document.getElementById('c');
      c.width = innerWidth;
      c.height = innerHeight;
      const gl = c.getContext('webgl2');
      const ts = [];
      requestAnimationFrame(function f(t) {
        gl.clearColor(ts.length % 2, 0.5, 0.5, 1);
        gl.clear(gl.COLOR_BUFFER_BIT);
        ts.push(t);
        if (ts.length < 90) requestAnimationFrame(f); else done(ts);
      });
    }));
    await context.close();
    return times.slice(1).map((t, i) => t - times[i]);
  };
  const calDts = await calibrate(VIEWPORT);

  // Sign ava in through the sign-in screen, as the e2e journeys do; keep the session cookie.
  const signContext = await browser.newContext({ viewport: VIEWPORT });
  const signPage = await signContext.newPage();
  await signPage.goto(queueUrl);
  await signPage.waitForFunction(() => window.spoc && window.spoc.e2e && window.spoc.e2e.frame() > 2, null, { timeout: 60000 });
  await new SpocPage(signPage).signIn('ava');
  const session = await signContext.storageState();
  await signContext.close();

  // [1] Navigation -> first rows, 1440x900 -------------------------------------------------------
  net.phase = 'load';
  Q = await openQueue(browser, queueUrl, session, VIEWPORT, pids);
  const main = Q;
  const memLoaded = await Q.memory();
  const stateLoaded = await Q.state();
  await Q.shot('1-loaded');

  // [2] Wheel scrolling ----------------------------------------------------------------------------
  net.phase = 'scroll';
  const big = await scrollPass(Q, opt.seconds);
  const memScrolled = await Q.memory();
  await Q.shot('2-scrolled');

  // [3] Jumps with the scrollbar: drag the thumb to the middle, click the track's end, then its top.
  const { page, geom, listH } = Q;
  const sbX = geom.right + 6;
  const yAt = (f) => geom.top + f * listH;
  const scrollMax = opt.rows * ROW_H - listH;
  // One px of thumb travel moves (rows - rows in view) / (track - thumb) rows; the drag lands
  // within a few px of the middle, so it is checked to within 3 px of it.
  const rowsPerPx = scrollMax / ROW_H / (listH - Math.max(24, (listH * listH) / (opt.rows * ROW_H)));
  async function jump(name, gesture, expectFirst, slack = 3) {
    net.phase = name;
    await page.evaluate(() => { const B = window.__bench; B.ticks = []; B.fetches = []; B.mode = 'jump'; });
    const getsBefore = net.gets.length;
    const t0 = await gesture();
    let done = null, ticks = [];
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline && !done) {
      await sleep(60);
      ticks = await Q.ticks();
      for (const t of ticks) {
        if (t[1] < t0 || t[6] < FULL) continue;
        const idx = indexOfTick(t);
        if (idx.some((i) => i === undefined)) continue;  // its response is still being read
        if (Math.abs(idx[0] - expectFirst) <= slack) { done = { t, idx }; break; }
      }
    }
    await Q.idle(300);
    ticks = await Q.ticks();
    const fetches = await page.evaluate(() => { window.__bench.mode = 'idle'; return window.__bench.fetches; });
    const before = ticks.filter((t) => t[1] >= t0 && (!done || t[1] < done.t[1]));
    return { name, t0, done, expectFirst, slack, frames: before.length + (done ? 1 : 0),
      placeholderFrames: before.filter((t) => t[6] < FULL).length, gets: net.gets.slice(getsBefore), fetches };
  }
  const mid = await jump(`to the middle: drag the thumb from 25% to 50% of the track in ${DRAG_STEPS} mouse moves`, async () => {
    await page.mouse.move(sbX, yAt(0.25));
    await page.mouse.down();
    let t0 = 0;
    for (let k = 1; k <= DRAG_STEPS; k++) {
      if (k === DRAG_STEPS) t0 = await Q.now();
      await page.mouse.move(sbX, yAt(0.25 + (0.25 * k) / DRAG_STEPS));
    }
    await Q.nextFrame();
    await page.mouse.up();
    return t0;
  }, Math.floor((0.5 * scrollMax) / ROW_H), Math.ceil(3 * rowsPerPx));
  await Q.shot('3-middle');
  const click = (y) => async () => {
    await page.mouse.move(sbX, y);
    await Q.nextFrame();
    const t0 = await Q.now();
    await page.mouse.down();
    await Q.nextFrame();
    await page.mouse.up();
    return t0;
  };
  const end = await jump('to the end: click the bottom of the track', click(geom.bottom - 8), Math.floor(scrollMax / ROW_H));
  await Q.shot('4-end');
  const top = await jump('back to the top: click the top of the track', click(geom.top + 8), 0);
  const memEnd = await Q.memory();
  const stateEnd = await Q.state();
  const errors = { page: [...Q.sp.errors], console: [...Q.consoleErrors] };
  await Q.context.close();
  Q = null;

  // [4] The same scroll at 44% of the pixels -------------------------------------------------------
  net.phase = 'small load';
  const calSmall = await calibrate(SMALL);
  Q = await openQueue(browser, queueUrl, session, SMALL, pids);
  const smallPage = Q;
  net.phase = 'small scroll';
  const small = await scrollPass(Q, Math.max(2, opt.seconds / 2));
  errors.page.push(...Q.sp.errors);
  errors.console.push(...Q.consoleErrors);
  await Q.context.close();
  Q = null;

  // [6] The same GETs straight from node with nothing else running: the server's own cost per block.
  const cookie = session.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const direct = {};
  for (const p of [1, 500, 1000]) {
    const ms = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const res = await fetch(`${server.base}/api/v1/queue?view=open&page=${p}&page_size=100`, { headers: { cookie } });
      await res.text();
      if (res.status !== 200) throw new Error(`GET page ${p} answered ${res.status}`);
      ms.push(performance.now() - t);
    }
    direct[p] = ms;
  }

  // ---- Report ------------------------------------------------------------------------------------
  say();
  say(`== bench/scroll: agent queue (#/queue?view=open), ${int(opt.rows)} open requests, headless Chromium, SwiftShader (software GL)`);
  say(`view total from the client's first GET: ${int(net.total)}, i.e. the screen says "${int(net.total)} requests in this view."`);
  say(`list at ${VIEWPORT.width}x${VIEWPORT.height}: ${int(listH)} px tall (${f1(listH / ROW_H)} rows of ${ROW_H} px) over ${int(opt.rows * ROW_H)} px of rows`);
  say(`calibration: an empty WebGL2 canvas cleared every frame runs at ${f1(1000 / pct(calDts, 50))} fps at ${VIEWPORT.width}x${VIEWPORT.height}, ${f1(1000 / pct(calSmall, 50))} fps at ${SMALL.width}x${SMALL.height}`);
  const printLoad = (q) => {
    const first = q.loadGets[0];
    say(`  first ImGui frame      ${int(q.load.firstFrameAt)} ms after navigation start`);
    say(`  first queue GET        sent at ${int(first.startTime - q.load.origin)} ms, answered in ${f1(first.ms)} ms (page ${first.page}, page_size ${first.size})`);
    const body = q.loadFetches.length ? q.loadFetches[0][1] : NaN;
    say(`  its body in JS         at ${int(body)} ms (${int(body - (first.startTime - q.load.origin + first.ms))} ms after the network had it all)`);
    say(`  first rows drawn       ${int(q.load.firstRowsAt)} ms after navigation start (${q.load.firstRowsCount} qrow_ items visible)`);
    say(`  queue GETs             ${getLine(q.loadGets)}`);
    say(`                         in the page, ${pageSide(q.loadFetches)}`);
  };
  say();
  say(`[1] navigation -> first rows, ${VIEWPORT.width}x${VIEWPORT.height} (fresh context: cold cache, ava's session cookie)`);
  printLoad(main);
  say();
  say(`[2] wheel scrolling over the list for ${opt.seconds} s, ${VIEWPORT.width}x${VIEWPORT.height}`);
  printScroll(big, VIEWPORT);
  say();
  say('[3] scrollbar jumps, 1440x900: from the last input event to the first frame with every visible row real and in place');
  for (const j of [mid, end, top]) {
    const idx = j.done ? j.done.idx : [];
    say(`  ${j.name}`);
    say(j.done
      ? `    ${int(j.done.t[1] - j.t0)} ms, ${j.frames} browser frames (${j.placeholderFrames} with placeholders): rows ${int(idx[0])}-${int(idx[idx.length - 1])} in view (expected first ${int(j.expectFirst)} \u00b1 ${int(j.slack)})`
      : `    NOT REACHED within 20 s (expected first row ${int(j.expectFirst)} \u00b1 ${int(j.slack)}); ${j.frames} frames, ${j.placeholderFrames} with placeholders`);
    say(`    queue GETs: ${getLine(j.gets)}`);
    if (j.gets.length) say(`                in the page, ${pageSide(j.fetches)}`);
    if (j.gets.length > 1) say(`      page:ms in order sent: ${j.gets.map((g) => `${g.page}:${Math.round(g.ms)}`).join(' ')}`);
  }
  say();
  say(`[4] memory, ${VIEWPORT.width}x${VIEWPORT.height} page`);
  say(`  JS heap used           ${mib(memLoaded.js)} loaded, ${mib(memScrolled.js)} after scrolling, ${mib(memEnd.js)} after the jumps`);
  say(`  wasm linear memory     ${mib(memLoaded.wasm)} loaded, ${mib(memScrolled.wasm)} after scrolling, ${mib(memEnd.wasm)} after the jumps`);
  const mainGets = net.gets.filter((g) => !g.phase.startsWith('small'));
  say(`  queue pages fetched    ${new Set(mainGets.map((g) => g.page)).size} distinct of ${int(Math.ceil(opt.rows / 100))}; all GETs: ${getLine(mainGets)}`);
  say(`  app state at the end   ${JSON.stringify(stateEnd)} (after loading: live_events ${stateLoaded.live_events})`);
  say();
  say(`[5] the same at ${SMALL.width}x${SMALL.height} (44% of the pixels), ${Math.max(2, opt.seconds / 2)} s of wheel scrolling`);
  printLoad(smallPage);
  printScroll(small, SMALL);
  say();
  say('[6] GET /api/v1/queue?view=open&page=N&page_size=100 from node with no page open (7 each, one at a time)');
  say(`  ${Object.entries(direct).map(([p, ms]) => `page ${p}: p50 ${f1(pct(ms, 50))} ms, max ${f1(max(ms))} ms`).join('; ')}`);
  say();
  say(`page errors: ${errors.page.length ? errors.page.join(' | ') : 'none'}; console errors: ${errors.console.length ? errors.console.slice(0, 5).join(' | ') : 'none'}`);
  say('Headless Chromium here rasterizes WebGL on the CPU (SwiftShader), sharing the cores with the');
  say('server: browser fps is bounded by the software rendering of the canvas, not by the app ("app');
  say('time per frame" is the main-thread cost of a frame; compare [2] with [5]). "placeholder frames"');
  say('are the blank-row measure: frames where part of the list showed skeleton bars because its block');
  say('of 100 rows had not arrived yet.');
} catch (e) {
  failed = true;
  console.error(`bench/scroll: FAILED: ${e.stack || e}`);
  if (Q) {
    try { console.error(`state: ${JSON.stringify(await Q.state())}`); } catch { /* gone */ }
  }
  console.error(`server log:\n${server.log().slice(-3000)}`);
} finally {
  await browser.close().catch(() => {});
  await server.stop().catch(() => {});
}
process.exitCode = failed ? 1 : 0;
