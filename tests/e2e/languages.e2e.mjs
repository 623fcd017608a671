// Five languages in Chromium: the language follows the browser (navigator.languages and
// Accept-Language), server texts (validation errors, the catalog) come back in it, the language
// menu switches it for the account on every device, Arabic mirrors the whole layout, and German
// (long words) and Japanese screens have no clipped, overlapping or off-screen widgets.
// SPOC_SCREENSHOTS=dir keeps screenshots of the German, Japanese and Arabic screens.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { loadTranslations } from '../i18n/po.mjs';
import { assert, fileRequest, go, journey, SpocPage } from './harness.mjs';

const SHOTS = process.env.SPOC_SCREENSHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
const shot = async (sp, name) => { if (SHOTS) await sp.page.screenshot({ path: join(SHOTS, `${name}.png`) }); };
const T = { de: loadTranslations('de'), ja: loadTranslations('ja'), ar: loadTranslations('ar'), fr: loadTranslations('fr') };

// Text cut off at its clip rect's right edge last frame (glyph_bank.cpp:NoteClipped).
async function clipped(sp) {
  await sp.nextFrames(2);
  return (await sp.page.evaluate(() => window.spoc.e2e.glyphs())).clipped;
}

async function checkScreen(sp, where, lang) {
  const size = sp.page.viewportSize();
  const at = `${where} (${lang}, ${size.width}x${size.height})`;
  await sp.assertLayout(at);
  const cut = await clipped(sp);
  assert(cut.length === 0, `${at}: no text is cut off (got ${JSON.stringify(cut.slice(0, 8))})`);
  await shot(sp, `${lang}-${size.width}-${where.replace(/\W+/g, '-')}`);
}


// Every main screen of an employee, then an agent's queue, in one language.
async function everyScreen(browser, base, lang, locale, viewport = { width: 1280, height: 860 }) {
  const t = T[lang];
  const sp = await SpocPage.open(browser, base, '#/', { locale, viewport, hasTouch: viewport.width < 600, isMobile: viewport.width < 600 });
  await sp.waitState((s) => s.user === null, 'on the sign-in screen');
  const signin = await sp.find('signin');
  assert(signin.label === t('Sign in'), `${lang}: the sign-in button reads "${t('Sign in')}" (got "${signin.label}")`);
  assert(await sp.page.evaluate(() => document.documentElement.lang) === lang, `${lang}: <html lang> follows`);
  await checkScreen(sp, 'sign-in', lang);
  await sp.signIn('emma');
  const { body: created } = await fileRequest(sp, `${lang} layout check`);
  await go(sp, '#/', 'nav_home');
  await checkScreen(sp, 'home', lang);
  await go(sp, '#/catalog', 'nav_catalog');
  await checkScreen(sp, 'catalog', lang);
  const items = await sp.page.evaluate(async () => (await (await fetch('/api/v1/catalog')).json()).items);
  const laptop = items.find((it) => it.icon === 'laptop');
  assert(laptop.title === t('New laptop', 'catalog'), `${lang}: the catalog comes in the page's language (got "${laptop.title}")`);
  await go(sp, `#/catalog/${laptop.id}`, 'submit');
  await checkScreen(sp, 'request form', lang);
  await go(sp, '#/requests', `row_${created.id}`);
  await checkScreen(sp, 'my requests', lang);
  await go(sp, `#/requests/${created.id}`, 'copy_number');
  await checkScreen(sp, 'request', lang);
  await go(sp, '#/kb', 'nav_kb');
  await checkScreen(sp, 'knowledge', lang);
  await go(sp, '#/desks', 'book_1');
  await sp.click('book_1');
  await sp.find('desk_confirm');
  await sp.nextFrames(6);
  await checkScreen(sp, 'walk-up desks', lang);
  await sp.click('account');
  await sp.click('signout');
  await sp.waitState((s) => s.user === null, 'signed out');
  await sp.signIn('ava');
  await go(sp, '#/queue', 'queue_search');
  await checkScreen(sp, 'queue', lang);
  await go(sp, '#/walkup', 'walkup_call_next');
  await checkScreen(sp, 'walk-up console', lang);
  await sp.page.context().close();
  // The walk-up kiosk, before it is paired (no session on a kiosk): its pairing screen.
  const kiosk = await SpocPage.open(browser, base, '#/kiosk', { locale, viewport, hasTouch: viewport.width < 600, isMobile: viewport.width < 600 });
  for (let i = 0; i < 100; i++) {
    const ready = await kiosk.page.evaluate(() => (document.getElementById('spoc-a11y') || {}).textContent || '');
    if (/[2-9A-Z]{3}-[2-9A-Z]{3}/.test(ready)) break;
    await kiosk.nextFrames(5);
  }
  await checkScreen(kiosk, 'kiosk pairing', lang);
  await kiosk.page.context().close();
}

await journey('five languages', async ({ server, browser, step }) => {
  step('the browser says German: German UI, and the server answers in German');
  {
    const sp = await SpocPage.open(browser, server.base, '#/', { locale: 'de-DE' });
    await sp.waitState((s) => s.user === null, 'on the sign-in screen');
    await sp.signIn('emma');
    const answers = await sp.page.evaluate(async () => {
      const me = await (await fetch('/api/v1/me')).json();
      const catalog = await (await fetch('/api/v1/catalog')).json();
      const laptop = catalog.items.find((it) => it.icon === 'laptop');
      const post = async (lang) => (await fetch('/api/v1/requests', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token, 'Accept-Language': lang },
        body: JSON.stringify({ catalog_item_id: laptop.id, summary: 'x', values: {} }),
      })).json();
      return { de: await post('de-DE,de;q=0.9'), en: await post('en'), ja: await post('ja') };
    });
    const reason = (body) => body.error.details.find((d) => d.field === 'values.reason').message;
    assert(reason(answers.en) === 'Choose an option.', `English error (got ${JSON.stringify(answers.en)})`);
    assert(reason(answers.de) === T.de('Choose an option.'), `German error (got ${JSON.stringify(answers.de)})`);
    assert(reason(answers.ja) === T.ja('Choose an option.'), `Japanese error (got ${JSON.stringify(answers.ja)})`);
    assert(answers.de.error.message === T.de('Some fields are not valid.'), `the error's summary too (got ${answers.de.error.message})`);
    await sp.page.context().close();
  }

  step('German (long words): every screen without clipped or overlapping widgets');
  await everyScreen(browser, server.base, 'de', 'de-DE');
  step('Japanese: the same');
  await everyScreen(browser, server.base, 'ja', 'ja-JP');
  step('German and Japanese on a phone (390x844, touch)');
  await everyScreen(browser, server.base, 'de', 'de-DE', { width: 390, height: 844 });
  await everyScreen(browser, server.base, 'ja', 'ja-JP', { width: 390, height: 844 });

  if (process.env.SKIP_AR) return;
  step('the language menu: Arabic, mirrored right to left, kept for the account');
  const sp = await SpocPage.open(browser, server.base, '#/', { locale: 'en-GB' });
  await sp.waitState((s) => s.user === null, 'on the sign-in screen');
  await sp.signIn('emma');
  const homeLtr = await sp.find('nav_home');
  await sp.click('account');
  await sp.click('account_language');
  await sp.click('العربية');
  await sp.page.waitForFunction(() => document.documentElement.dir === 'rtl', null, { timeout: 10000 });
  const width = sp.page.viewportSize().width;
  for (let i = 0; i < 50; i++) {
    const nav = await sp.find('nav_home');
    if (nav.label === T.ar('Home')) break;
    await sp.nextFrames(2);
  }
  const homeRtl = await sp.find('nav_home');
  assert(homeRtl.label === T.ar('Home'), `the Home tab reads "${T.ar('Home')}" (got "${homeRtl.label}")`);
  assert(homeLtr.x < width / 2 && homeRtl.x > width / 2,
         `the top bar is mirrored: Home moved from x=${homeLtr.x.toFixed(0)} to the right half (x=${homeRtl.x.toFixed(0)})`);
  await sp.page.keyboard.press('Escape');
  await go(sp, '#/', 'nav_home');
  await sp.assertLayout('Arabic home');
  await shot(sp, 'ar-home');
  // Clicks land where things are drawn: open the catalog through the mirrored top bar.
  await sp.click('nav_catalog');
  await sp.waitState((s) => s.route === '#/catalog', 'the catalog opened by a click in the mirrored layout');
  // The catalog loaded in English before the switch comes again in Arabic.
  const arabicLaptop = T.ar('New laptop', 'catalog');
  await sp.find(new RegExp(arabicLaptop.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), { timeout: 15000 });
  await sp.nextFrames(4);
  await shot(sp, 'ar-catalog');
  const saved = await sp.page.evaluate(async () => (await (await fetch('/api/v1/me')).json()).user.locale);
  assert(saved === 'ar', `the choice is saved on the account (got "${saved}")`);

  step('another browser (English) shows Arabic once emma signs in');
  const other = await SpocPage.open(browser, server.base, '#/', { locale: 'en-US' });
  await other.waitState((s) => s.user === null, 'on the sign-in screen');
  assert(await other.page.evaluate(() => document.documentElement.lang) === 'en', 'English before signing in');
  await other.signIn('emma');
  await other.page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl', null,
                                   { timeout: 10000 });
  step('and back to English from the menu');
  await other.click('account');
  await other.click('account_language');
  await other.click('English');
  await other.page.waitForFunction(() => document.documentElement.dir === 'ltr', null, { timeout: 10000 });
  const back = await other.page.evaluate(async () => (await (await fetch('/api/v1/me')).json()).user.locale);
  assert(back === 'en', `English is saved (got "${back}")`);
});
