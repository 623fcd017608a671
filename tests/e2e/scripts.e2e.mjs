// Every script on screen: Chinese, Arabic, Hebrew and emoji go from typing (the text proxy, as an
// input method or a phone keyboard delivers them) to the stored value and back onto the screen,
// where every character has a real glyph: none is drawn with ImGui's fallback glyph, and none is
// the browser's "missing glyph" box (tofu). Right-to-left lines are drawn in visual order. The
// input method's composition is drawn at the caret before it is committed.
//
// SPOC_SCREENSHOTS=dir also saves the request page as dir/request-scripts.png and the search box
// with Arabic being edited as dir/search-arabic-editing.png.
import { journey, SpocPage, assert, fileRequest } from './harness.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SUMMARY = 'Printer \u6253\u5370\u673a \u0627\u0644\u0637\u0627\u0628\u0639\u0629 \u{1F642}';  // 打印机 الطابعة 🙂
const REPLY = '\u4f60\u597d \u0645\u0631\u062d\u0628\u0627 \u{1F642} \u05e9\u05dc\u05d5\u05dd na\u00efve caf\u00e9';  // 你好 مرحبا 🙂 שלום naïve café

const PASTED = ' — pasted ✓';
const STORED = REPLY + PASTED;

// Waits until the last frame drew every character with a real glyph; returns the glyph stats.
async function settledGlyphs(sp, where) {
  let g;
  for (let i = 0; i < 100; i++) {
    await sp.nextFrames(1);
    g = await sp.page.evaluate(() => window.spoc.e2e.glyphs());
    if (g.missing.length === 0 && g.dynamic > 0) break;
  }
  assert(g.missing.length === 0, `${where}: every character drawn has a glyph (still missing: ${g.missing.join(' ')})`);
  assert(g.tofu.length === 0, `${where}: no character is drawn as a missing-glyph box (tofu: ${g.tofu.join(' ')})`);
  return g;
}

await journey('every script', async ({ server, browser, step }) => {
  step('a summary with Chinese, Arabic and an emoji is valid and stored as typed');
  const emma = await SpocPage.open(browser, server.base, '#/requests');
  await emma.signIn('emma');
  await emma.waitState((s) => s.route.startsWith('#/requests'), 'on My requests');
  const filed = await fileRequest(emma, SUMMARY);
  assert(filed.status === 201, `filed (status ${filed.status}: ${JSON.stringify(filed.body.error || '')})`);
  assert(filed.body.summary === SUMMARY, `the summary is stored exactly (got ${JSON.stringify(filed.body.summary)})`);
  const refused = await fileRequest(emma, 'Invoice \u202Efdp.exe');
  assert(refused.status >= 400 && refused.status < 500 && refused.body.error && refused.body.error.field === 'summary',
         `a text-direction override in the summary is refused with a summary error (status ${refused.status})`);

  step('the request page draws the summary with a glyph for every character');
  const id = filed.body.id;
  await emma.page.evaluate((h) => { window.location.hash = h; }, `#/requests/${id}`);
  await emma.find('copy_number', { timeout: 20000 });
  let g = await settledGlyphs(emma, 'request page');
  assert(g.dynamic > 0, `glyphs were added for the new characters (${g.dynamic})`);
  assert(g.rtl_lines > 0, `the Arabic summary is drawn as a right-to-left line (${g.rtl_lines} lines)`);

  step('a composition is drawn at the caret before it is committed, then the reply is typed through the proxy');
  await emma.focusInput('reply');
  const proxy = await emma.page.evaluate(() => document.activeElement && document.activeElement.id);
  assert(proxy === 'spoc-text-textarea', `the reply box is fed by the textarea proxy (got ${proxy})`);
  const field = (await emma.items()).find((it) => it.id === 'reply');
  const clip = { x: field.x, y: field.y, width: Math.min(field.w, 300), height: field.h };
  const blank = await emma.page.screenshot({ clip });
  const cdp = await emma.page.context().newCDPSession(emma.page);
  await cdp.send('Input.imeSetComposition', { text: '\u4f60\u597d', selectionStart: 2, selectionEnd: 2 });
  await settledGlyphs(emma, 'composition');
  const composing = await emma.page.screenshot({ clip });
  assert(!blank.equals(composing), 'the uncommitted composition is visible in the reply box');
  await cdp.send('Input.insertText', { text: '\u4f60\u597d' });  // the input method commits
  await cdp.send('Input.insertText', { text: REPLY.slice(2) });
  await emma.nextFrames(2);
  // A paste from the context menu or a phone's Paste bubble: no Ctrl+V key, just the event.
  await emma.page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, PASTED);
  await emma.nextFrames(3);
  const committed = await emma.page.screenshot({ clip });
  assert(!committed.equals(blank), 'the committed text is drawn in the reply box');

  step('the reply (typed, composed and pasted) is stored exactly and drawn in the conversation');
  await emma.click('send_reply');
  let detail;
  for (let i = 0; i < 200; i++) {
    detail = await emma.page.evaluate(async (rid) => (await (await fetch(`/api/v1/requests/${rid}`)).json()), id);
    if ((detail.comments || []).some((c) => c.body === STORED)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const bodies = (detail.comments || []).map((c) => c.body);
  assert(bodies.includes(STORED), `the reply was stored exactly once as typed and pasted (got ${JSON.stringify(bodies)})`);
  await emma.nextFrames(5);
  g = await settledGlyphs(emma, 'conversation');
  assert(g.rtl_lines >= 2, `the summary and the reply both have right-to-left lines (${g.rtl_lines})`);
  if (process.env.SPOC_SCREENSHOTS) {
    mkdirSync(process.env.SPOC_SCREENSHOTS, { recursive: true });
    await emma.page.screenshot({ path: join(process.env.SPOC_SCREENSHOTS, 'request-scripts.png') });
  }

  step('Arabic typed into a one-line field is drawn right to left while it is edited, and the arrows follow it');
  await emma.page.evaluate(() => { window.location.hash = '#/'; });
  await emma.find('Search the catalog');
  const box = await emma.focusInput('search');
  await cdp.send('Input.insertText', { text: '\u0645\u0631\u062d\u0628\u0627' });  // مرحبا
  const proxyNow = async () => emma.page.evaluate(() => {
    const el = document.getElementById('spoc-text-input');
    return { value: el.value, at: el.selectionStart, x: el.getBoundingClientRect().left };
  });
  let p;
  for (let i = 0; i < 40; i++) {
    await emma.nextFrames(1);
    p = await proxyNow();
    if (p.value.length === 5) break;
  }
  await settledGlyphs(emma, 'search box');
  // Right-aligned, read right to left: after the last letter typed the caret is at the word's left
  // end, near the box's right edge (drawn in stored order it would sit left, after the word).
  assert(p.value === '\u0645\u0631\u062d\u0628\u0627' && p.at === 5, `the word is in the box with the caret after it (${JSON.stringify(p)})`);
  assert(p.x > box.x + box.w / 2, `the caret (and the proxy under it) is on the right half of the box (x ${p.x}, box ${box.x}..${box.x + box.w})`);
  await emma.page.keyboard.press('ArrowRight');  // towards the word's start: back over its last letter
  await emma.nextFrames(2);
  const back = await proxyNow();
  assert(back.at === 4 && back.x > p.x, `ArrowRight moved the caret back one letter, to the right (${JSON.stringify(back)})`);
  await emma.page.keyboard.press('ArrowLeft');
  await emma.nextFrames(2);
  assert((await proxyNow()).at === 5, 'ArrowLeft moved it on to the end again');
  if (process.env.SPOC_SCREENSHOTS) {
    await emma.page.screenshot({ path: join(process.env.SPOC_SCREENSHOTS, 'search-arabic-editing.png'),
                                 clip: { x: box.x - 8, y: box.y - 8, width: box.w + 16, height: box.h + 16 } });
  }
  assert(emma.errors.length === 0, `no page errors: ${emma.errors.join('; ')}`);
});
