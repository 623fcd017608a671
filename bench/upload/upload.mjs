// Upload bench: N clients (default 8) each POST one file of M MB (default 25) to /api/v1/uploads at
// once, against the real server; prints throughput (MB/s over the wall time), each upload's time
// (p50/p99), and the server's resident memory (VmRSS) before, at its peak while the uploads ran,
// and after. Streaming uploads keep the peak near the idle figure: no file is held in memory.
import { readFileSync } from 'node:fs';
import { startServer } from '../../tests/e2e/harness.mjs';

const clients = Number(process.argv[2] || 8);
const mb = Number(process.argv[3] || 25);
const rss = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
};
const fmtMB = (b) => `${(b / 1e6).toFixed(1)} MB`;

const server = await startServer();
try {
  const signIn = await fetch(`${server.base}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'emma', password: 'spoc-demo' }),
  });
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const me = await (await fetch(`${server.base}/api/v1/me`, { headers: { Cookie: cookie } })).json();
  // Text files (an allowed type), different per client so each is stored.
  const files = [];
  for (let i = 0; i < clients; i++) {
    const line = Buffer.from(`client ${i}: 2026-12-07 10:00:00 INFO a line of a large log file for the upload bench\n`);
    const buf = Buffer.alloc(mb * 1000 * 1000);
    for (let o = 0; o < buf.length; o += line.length) line.copy(buf, o, 0, Math.min(line.length, buf.length - o));
    files.push(buf);
  }
  const idle = rss(server.pid);
  let peak = idle;
  const sampler = setInterval(() => { peak = Math.max(peak, rss(server.pid)); }, 10);
  const started = performance.now();
  const times = await Promise.all(files.map(async (body, i) => {
    const t0 = performance.now();
    const res = await fetch(`${server.base}/api/v1/uploads?name=bench-${i}.log`, {
      method: 'POST', body,
      headers: { Cookie: cookie, 'X-CSRF-Token': me.csrf_token, 'Content-Type': 'application/octet-stream' },
    });
    if (res.status !== 201) throw new Error(`upload ${i}: ${res.status} ${await res.text()}`);
    return performance.now() - t0;
  }));
  const wall = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, rss(server.pid));
  const after = rss(server.pid);
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  const total = clients * mb * 1e6;
  console.log(`upload: ${clients} clients x ${mb} MB at once, ${fmtMB(total)} in ${wall.toFixed(0)} ms = ${(total / 1e6 / (wall / 1000)).toFixed(1)} MB/s`);
  console.log(`  per upload: p50 ${pct(0.5).toFixed(0)} ms, p99 ${pct(0.99).toFixed(0)} ms`);
  console.log(`  server RSS: idle ${fmtMB(idle)}, peak ${fmtMB(peak)} (+${fmtMB(peak - idle)}), after ${fmtMB(after)}`);
} finally {
  await server.stop();
}
