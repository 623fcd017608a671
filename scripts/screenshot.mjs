// Takes the README screenshot (docs/screenshot.png): a fresh demo server, emma signed in through the
// real sign-in form, portal home at 1280x800.
// Usage: node scripts/screenshot.mjs [out.png] [#/route] [username] [width]x[height]
import { journey, SpocPage } from '../tests/e2e/harness.mjs';

const out = process.argv[2] || new URL('../docs/screenshot.png', import.meta.url).pathname;
const route = process.argv[3] || '#/';
const user = process.argv[4] || 'emma';
const [width, height] = (process.argv[5] || '1280x800').split('x').map(Number);
await journey('screenshot', async ({ server, browser }) => {
  const page = await SpocPage.open(browser, server.base, '#/');
  await page.page.setViewportSize({ width, height });
  await page.signIn(user);
  if (route !== '#/') await page.page.evaluate((r) => { window.location.hash = r; }, route);
  await page.page.mouse.move(width - 10, height - 10);
  await page.nextFrames(30);
  await page.page.screenshot({ path: out });
  console.log(`wrote ${out}`);
});
