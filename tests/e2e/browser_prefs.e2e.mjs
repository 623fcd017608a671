// Respect the browser: Spoc follows the browser's default font size (the whole UI scales with it,
// as browser zoom does), prefers-color-scheme (a dark theme) and prefers-reduced-motion (nothing
// moves: no blinking caret, no shimmer).
import { journey, SpocPage, assert } from './harness.mjs';

async function signInButton(sp) {
  await sp.waitState((s) => s.user === null, 'on the sign-in screen');
  return sp.findSettled('signin');
}

// Mean luminance (0..1) of a small screenshot region.
async function luminance(sp, clip) {
  const png = await sp.page.screenshot({ clip, type: 'png' });
  return sp.page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += (0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]) / 255;
    return sum / (d.length / 4);
  }, png.toString('base64'));
}

await journey('browser preferences', async ({ server, browser, step }) => {
  step('at the default font size (16 px) the UI is at 1x');
  const plain = await SpocPage.open(browser, server.base, '#/');
  const base = await signInButton(plain);
  let prefs = await plain.page.evaluate(() => window.spoc.e2e.prefs());
  assert(Math.abs(prefs.zoom - 1) < 0.01, `zoom 1 at 16 px (got ${prefs.zoom})`);
  assert(prefs.dark === false && prefs.reduced_motion === false, 'light theme and motion by default');
  const lightPage = await luminance(plain, { x: 2, y: 2, width: 20, height: 20 });
  assert(lightPage > 0.85, `the light page is light (luminance ${lightPage.toFixed(2)})`);

  step('a browser default font size of 28 px scales the whole UI by 1.75');
  const big = await SpocPage.open(browser, server.base, '#/');
  const cdp = await big.page.context().newCDPSession(big.page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 28 } });
  await big.page.reload();
  await big.page.waitForFunction(() => window.spoc && window.spoc.e2e, null, { timeout: 30000 });
  const scaled = await signInButton(big);
  prefs = await big.page.evaluate(() => window.spoc.e2e.prefs());
  assert(Math.abs(prefs.zoom - 1.75) < 0.01, `zoom follows 28 / 16 (got ${prefs.zoom})`);
  const ratio = scaled.h / base.h;
  assert(Math.abs(ratio - 1.75) < 0.1, `the Sign in button is 1.75x as tall (${base.h} -> ${scaled.h} px)`);
  await big.assertLayout('sign-in at 28 px');
  await big.signIn('emma');
  await big.waitState((s) => s.user !== null, 'signed in at 28 px');
  await big.page.close();

  step('prefers-color-scheme: dark gives the dark theme');
  const dark = await SpocPage.open(browser, server.base, '#/', { colorScheme: 'dark' });
  await signInButton(dark);
  prefs = await dark.page.evaluate(() => window.spoc.e2e.prefs());
  assert(prefs.dark === true, 'the dark scheme is on');
  const darkPage = await luminance(dark, { x: 2, y: 2, width: 20, height: 20 });
  assert(darkPage < 0.15, `the dark page is dark (luminance ${darkPage.toFixed(2)})`);
  step('switching the scheme while the page is open follows at once');
  await dark.page.emulateMedia({ colorScheme: 'light' });
  await dark.nextFrames(3);
  const back = await luminance(dark, { x: 2, y: 2, width: 20, height: 20 });
  assert(back > 0.85, `back to light (luminance ${back.toFixed(2)})`);

  step('prefers-reduced-motion: the caret of the active field does not blink');
  const calm = await SpocPage.open(browser, server.base, '#/', { reducedMotion: 'reduce' });
  await signInButton(calm);
  prefs = await calm.page.evaluate(() => window.spoc.e2e.prefs());
  assert(prefs.reduced_motion === true, 'reduced motion is on');
  const field = await calm.focusInput('username');
  const clip = { x: field.x, y: field.y, width: Math.min(60, field.w), height: field.h };
  const shots = [];
  for (let i = 0; i < 4; i++) {
    shots.push(await calm.page.screenshot({ clip }));
    await new Promise((r) => setTimeout(r, 350));
  }
  assert(shots.every((s) => s.equals(shots[0])), 'the field looks the same over 1.4 s (a steady caret)');
  assert(plain.errors.length === 0 && dark.errors.length === 0 && calm.errors.length === 0, 'no page errors');
});
