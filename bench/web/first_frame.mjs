// Web client bench: bytes on the wire and time to first frame, measured against the real server.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer, launchBrowser, WEB_DIR } from '../../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] || 7);
const files = [];
for (const name of ['spoc.wasm', 'spoc.js', 'index.html', 'boot.js']) files.push(name);
for (const name of readdirSync(join(WEB_DIR, 'fonts'))) files.push(`fonts/${name}`);
console.log('web client bytes (gzip -9):');
let rawTotal = 0, gzTotal = 0;
for (const f of files) {
  const path = join(WEB_DIR, f);
  try { statSync(path); } catch { continue; }
  const data = readFileSync(path);
  const gz = gzipSync(data, { level: 9 }).length;
  rawTotal += data.length; gzTotal += gz;
  console.log(`  ${f.padEnd(26)} ${String(data.length).padStart(9)} B raw  ${String(gz).padStart(9)} B gzip`);
}
console.log(`  ${'total'.padEnd(26)} ${String(rawTotal).padStart(9)} B raw  ${String(gzTotal).padStart(9)} B gzip`);

const server = await startServer();
const browser = await launchBrowser();
const times = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } }); // cold cache each run
    const page = await context.newPage();
    await page.goto(`${server.base}/?e2e=1#/signin`);
    await page.waitForFunction(() => window.spoc && window.spoc.e2e && window.spoc.e2e.frame() >= 1, null, { polling: 'raf', timeout: 60000 });
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`time to first frame (navigation start -> first ImGui frame, headless Chromium, swiftshader, ${runs} cold loads):`);
console.log(`  median ${median.toFixed(0)} ms, best ${times[0].toFixed(0)} ms, worst ${times[times.length - 1].toFixed(0)} ms`);
