// Where the web client's first frame goes: one cold load in headless Chromium under the CPU
// profiler, printed as self time per function (wasm functions named from build/wasm/spoc.js.symbols,
// written by the link) and as a 50 ms timeline of the top four. A diagnostic, not a figure for
// bench/RESULTS.md (the profiler slows the page down). Usage: node bench/web/profile.mjs
import { startServer, launchBrowser } from '../../tests/e2e/harness.mjs';
import { readFileSync } from 'node:fs';
const syms = new Map(readFileSync('build/wasm/spoc.js.symbols','utf8').split('\n').filter(Boolean).map(l => { const i = l.indexOf(':'); return [l.slice(0,i), l.slice(i+1)]; }));
const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.base}/?e2e=1#/signin`);
  await page.waitForFunction(() => window.spoc && window.spoc.e2e && window.spoc.e2e.frame() >= 1, null, { polling: 'raf', timeout: 60000 });
  const now = await page.evaluate(() => performance.now());
  const { profile } = await cdp.send('Profiler.stop');
  // self time per function
  const self = new Map();
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const dt = profile.timeDeltas; let total = 0;
  const counts = new Map();
  profile.samples.forEach((id, i) => { counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)); total += dt[i] || 0; });
  for (const [id, us] of counts) { const n = byId.get(id); let k = n.callFrame.functionName; const m = /wasm-function\[(\d+)\]/.exec(k); if (m) k = syms.get(m[1]) || k; k = k.slice(0, 110); self.set(k, (self.get(k) || 0) + us); }
  console.log('first frame at', now.toFixed(0), 'ms; profiled', (total / 1000).toFixed(0), 'ms');
  [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, us]) => console.log((us / 1000).toFixed(1).padStart(8), k));
  { let t = 0; const buckets = new Map();
    profile.samples.forEach((id, i) => { t += dt[i] || 0; const b = Math.floor(t / 50000); const n = byId.get(id); let k = n.callFrame.functionName; const m = /wasm-function\[(\d+)\]/.exec(k); if (m) k = (syms.get(m[1]) || k); k = k.slice(0, 40) || n.callFrame.url.split('/').pop(); if (!buckets.has(b)) buckets.set(b, new Map()); const bm = buckets.get(b); bm.set(k, (bm.get(k) || 0) + (dt[i] || 0)); });
    for (const [b, bm] of buckets) console.log(String(b * 50).padStart(5), [...bm.entries()].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([k, us]) => `${k}:${(us / 1000).toFixed(0)}`).join(' | ')); }
  await context.close();
} finally { await browser.close(); await server.stop(); }
