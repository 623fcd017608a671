// Journey: attachments in the browser (issue 13). emma pastes a screenshot into the reply box of
// her request: a chip shows it uploading, then its size; she sends the reply with a line of text
// and the picture shows as a thumbnail in the conversation. She attaches a PDF with the file dialog
// and drops a text file on the page; the PDF shows as a row (name, type, size) and a click
// downloads it. ava, the agent, opens the request and sees the thumbnail. Then a 390x844 phone in
// German and Japanese: the composer with its chips and the conversation fit. Real server, SQLite,
// Chromium. SPOC_SCREENSHOTS=dir keeps screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { assert, fileRequest, fits, go, journey, replaceText, shownTexts, SpocPage, tap } from './harness.mjs';

const SHOTS = process.env.SPOC_SCREENSHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
const shot = async (sp, name) => { if (SHOTS) await sp.page.screenshot({ path: join(SHOTS, `${name}.png`) }); };


// A 320x200 picture drawn in the page, pasted as a screenshot would be: a paste event whose
// clipboard holds one PNG file and no text.
async function pasteScreenshot(sp) {
  await sp.page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 200;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#1f4e79';
    ctx.fillRect(0, 0, 320, 200);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(20, 60, 280, 80);
    ctx.fillStyle = '#c00000';
    ctx.font = '20px sans-serif';
    ctx.fillText('VPN error 809', 40, 108);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    const dt = new DataTransfer();
    dt.items.add(new File([blob], 'image.png', { type: 'image/png' }));
    const target = document.activeElement || document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
}

async function waitItem(sp, pred, what, timeout = 20000) {
  const deadline = Date.now() + timeout;
  let last = [];
  while (Date.now() < deadline) {
    last = await sp.items();
    const hit = last.find(pred);
    if (hit) return hit;
    await sp.nextFrames(4);
  }
  throw new Error(`${what}: not shown (items: ${last.map((it) => it.id || it.label).slice(0, 60).join(' | ')})`);
}

// The conversation's picture is drawn from its decoded texture: 320x200 fitted into 200x200.
const isThumb = (it) => /^attachment_\d+$/.test(it.id || '') && it.label === 'image.png' && Math.abs(it.w - 200) < 2 && Math.abs(it.h - 125) < 2;


await journey('attachments', async ({ server, browser, step }) => {
  step('emma pastes a screenshot into the reply box of her request');
  const emma = await SpocPage.open(browser, server.base, '#/');
  await emma.signIn('emma');
  const filed = await fileRequest(emma, 'VPN drops every hour');
  assert(filed.status === 201, `request filed (got ${filed.status})`);
  const id = filed.body.id;
  await go(emma, `#/requests/${id}`, 'reply');
  await emma.focusInput('reply');
  await pasteScreenshot(emma);
  const chip = await waitItem(emma, (it) => it.id === 'file_chip_0' && /^image\.png — .*kB$/.test(it.label), 'the pasted picture, uploaded');
  assert(/kB$/.test(chip.label), `the chip shows the size once uploaded (got "${chip.label}")`);
  await replaceText(emma, 'reply', 'Here is the error I get');
  await shot(emma, 'attach-chip-1280');

  step('she sends it: the picture is a thumbnail in the conversation');
  await emma.click('send_reply');
  await waitItem(emma, isThumb, 'the thumbnail in emma\'s conversation', 30000);
  const chipsLeft = (await emma.items()).filter((it) => /^file_chip_/.test(it.id || ''));
  assert(chipsLeft.length === 0, 'the chips went with the reply');
  const stored = await emma.page.evaluate(async (rid) => (await (await fetch(`/api/v1/requests/${rid}`)).json()), id);
  const withFile = stored.comments.find((c) => c.attachments && c.attachments.length === 1);
  assert(withFile && withFile.body === 'Here is the error I get' && withFile.attachments[0].mime === 'image/png',
    `the reply carries the picture (got ${JSON.stringify(stored.comments)})`);
  await shot(emma, 'attach-thumbnail-1280');

  step('she attaches a PDF with the file dialog and drops a text file on the page');
  const [chooser] = await Promise.all([emma.page.waitForEvent('filechooser'), emma.click('attach_files')]);
  await chooser.setFiles({ name: 'vpn-log.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') });
  await waitItem(emma, (it) => it.id === 'file_chip_0' && /^vpn-log\.pdf — \d+ bytes$/.test(it.label), 'the PDF chip, uploaded');
  await emma.page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['ping 10.0.0.1\ntimeout\n'], 'ping.txt', { type: 'text/plain' }));
    const canvas = document.getElementById('canvas');
    canvas.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await waitItem(emma, (it) => it.id === 'file_chip_1' && /^ping\.txt — \d+ bytes$/.test(it.label), 'the dropped file, uploaded');
  await emma.click('send_reply');
  const row = await waitItem(emma, (it) => /^attachment_\d+$/.test(it.id || '') && it.label === 'vpn-log.pdf', 'the PDF row');
  const [download] = await Promise.all([emma.page.waitForEvent('download'), emma.click(row.id)]);
  assert(download.suggestedFilename() === 'vpn-log.pdf', `the click downloads the file (got ${download.suggestedFilename()})`);
  const texts = (await shownTexts(emma)).join('\n');
  assert(/PDF · \d+ bytes/.test(texts), 'the row says the type and size');

  step('ava opens the request and sees the thumbnail');
  const ava = await SpocPage.open(browser, server.base, '#/');
  await ava.signIn('ava');
  await go(ava, `#/requests/${id}`, 'reply');
  await ava.find(/^attachment_/);
  await waitItem(ava, isThumb, 'the thumbnail in ava\'s view', 30000);
  await shot(ava, 'attach-agent-1280');

  step('ava answers with a screenshot of her own; emma\'s bell says so, and opens the request');
  await go(emma, '#/', 'notifications');
  await replaceText(ava, 'reply', 'Thanks, please try the EU portal.');
  await pasteScreenshot(ava);
  await waitItem(ava, (it) => it.id === 'file_chip_0' && /kB$/.test(it.label), 'ava\'s screenshot, uploaded');
  await ava.click('send_reply');
  await waitItem(ava, (it) => /^comment_\d+$/.test(it.id || '') && /EU portal/.test(it.label), 'ava\'s reply in the conversation');
  const bell = await waitItem(emma, (it) => it.id === 'notifications' && /1/.test(it.label), 'emma\'s bell counts the answer', 40000);
  await emma.click(bell.id);
  const notice = await waitItem(emma, (it) => /^notification_/.test(it.id || '') && /Ava Patel replied on/.test(it.label), 'the answer in emma\'s inbox');
  await shot(emma, 'attach-bell-1280');
  await emma.click(notice.id);
  await emma.waitState((s) => s.route === `#/requests/${id}`, 'the notification opens the request');

  for (const lang of ['de', 'ja']) {
    step(`a 390x844 phone in ${lang}: the composer with a chip and the conversation fit`);
    const phone = await SpocPage.open(browser, server.base, '#/', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: lang });
    await phone.signIn('emma');
    await go(phone, `#/requests/${id}`, 'reply');
    await waitItem(phone, isThumb, `the thumbnail on the ${lang} phone`, 30000);
    await phone.focusInput('reply');
    await pasteScreenshot(phone);
    await waitItem(phone, (it) => it.id === 'file_chip_0' && /image\.png — /.test(it.label) && !/…|\.\.\./.test(it.label.split(' — ')[1]), `the ${lang} chip, uploaded`);
    await phone.find('attach_files');
    await fits(phone, `request page with files, ${lang}, 390x844`);
    await shot(phone, `attach-phone-${lang}`);
    // Phones keep the bell's list in the account menu.
    await tap(phone, 'account');
    if (!(await phone.has('signout'))) await tap(phone, 'account');  // the first tap put the keyboard away
    await waitItem(phone, (it) => /^notification_/.test(it.id || '') && /Ava Patel/.test(it.label), `the inbox in the ${lang} account menu`);
    // (A popup covers the page on purpose: only its texts are checked, for being cut off.)
    const menuCut = (await phone.page.evaluate(() => window.spoc.e2e.glyphs())).clipped;
    assert(menuCut.length === 0, `account menu (${lang}): no text is cut off (got ${JSON.stringify(menuCut.slice(0, 6))})`);
    await shot(phone, `attach-phone-menu-${lang}`);
    await phone.page.context().close();
  }
});
