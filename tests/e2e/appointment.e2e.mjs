// An appointment booked in the portal and checked in at the kiosk, end to end in Chromium. The
// demo's London desk is opened round the clock in a time zone where it is daytime now (a copy of
// the demo data), so there is always a slot left today. emma books a time on #/desks (a phone,
// 390x844); "I have an appointment" at the paired kiosk checks her in against that booking: the
// same visit and ticket, now waiting, and the appointment time kept. She then rates an earlier
// visit in the portal with one tap. SPOC_SCREENSHOTS=dir keeps desks-390.png.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ASSETS_DIR, assert, journey, pairKiosk, SpocPage, tap, waitLabel } from './harness.mjs';

const shots = process.env.SPOC_SCREENSHOTS;

// A zone where the local hour is between 06 and 20 now, so today still has free slots.
function daytimeZone() {
  for (const tz of ['Europe/London', 'America/New_York', 'Asia/Tokyo', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Sydney']) {
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    if (hour >= 6 && hour < 20) return tz;
  }
  throw new Error('no daytime zone among the candidates');
}

const assets = mkdtempSync(join(tmpdir(), 'spoc-e2e-assets-'));
cpSync(ASSETS_DIR, assets, { recursive: true });
const walkupPath = join(assets, 'demo/walkup.json');
const walkup = JSON.parse(readFileSync(walkupPath, 'utf8'));
const zone = daytimeZone();
walkup.locations[0].time_zone = zone;
walkup.locations[0].hours = 'mon-sun: 00:00-24:00';
writeFileSync(walkupPath, JSON.stringify(walkup, null, 2));

try {
  await journey('appointment', async ({ server, browser, step }) => {
    step(`emma books a time today on #/desks from her phone (the desk runs in ${zone})`);
    const emma = await SpocPage.open(browser, server.base, '#/desks', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await emma.signIn('emma');
    await emma.find('book_1', { timeout: 20000 });
    await emma.click('book_1');
    await emma.find('desk_reason_laptop');
    await emma.click('desk_reason_laptop');
    await emma.find('desk_confirm');  // scrolls down to the end of the panel, the times above it
    let slot = null;
    for (let i = 0; i < 100 && !slot; i++) {
      slot = (await emma.items()).find((it) => (it.id || '').startsWith('slot_') && !/full/.test(it.label));
      if (!slot) await emma.nextFrames(5);
    }
    assert(slot, 'a free slot today');
    await emma.click(slot.id);
    await emma.type('desk_note', 'Screen flickers');
    if (shots) await emma.page.screenshot({ path: join(shots, 'desks-390.png') });
    await emma.click('desk_confirm');
    await waitLabel(emma, /^Booked$/, 'the booking in My visits');
    const booked = (await emma.page.evaluate(async () => (await (await fetch('/api/v1/walkup/visits')).json()).items))[0];
    assert(booked && booked.status === 'booked' && Date.parse(booked.appointment_at) === Number(slot.id.slice('slot_'.length)),
           `booked at the slot picked (${JSON.stringify(booked)})`);
    assert(booked.note === 'Screen flickers', 'the note is kept');

    step('at a touch-screen kiosk, taps on "I have an appointment" and her username check her in against it');
    const kiosk = await SpocPage.open(browser, server.base, '#/kiosk', { viewport: { width: 1920, height: 1080 }, hasTouch: true });
    await pairKiosk(browser, server, kiosk);
    // Touch-first: every target on the kiosk's screens is finger-sized.
    const small = (await kiosk.items()).filter((it) => it.widget && it.visible && it.h < 44);
    assert(small.length === 0, `kiosk targets are at least 44 px tall (${JSON.stringify(small.map((it) => [it.id || it.label, it.h]))})`);
    await tap(kiosk, 'I have an appointment');
    // No keyboard at this kiosk: she types on the one drawn on the screen, and the device's own
    // stays shut (the field's text proxy asks for none), though a badge reader could still type.
    for (const key of ['kb_e', 'kb_m', 'kb_m', 'kb_a']) await tap(kiosk, key);
    const mode = await kiosk.page.evaluate(() => {
      const p = Module.spocTextProxy;
      return p && p.current ? p.current.getAttribute('inputmode') : null;
    });
    assert(mode === 'none', `the device's keyboard is not asked for (inputmode ${mode})`);
    // (the check-in below finds her booking by the username these keys typed)
    await tap(kiosk, 'kiosk_continue');
    await waitLabel(kiosk, /^What do you need help with\?$/, 'reason step');
    await tap(kiosk, 'reason_laptop');
    await tap(kiosk, 'kiosk_check_in');
    const ticket = (await waitLabel(kiosk, /^[A-Z]-\d{3}$/, 'the ticket')).label;
    assert(ticket === booked.ticket, `the booking's own ticket (${ticket} vs ${booked.ticket})`);
    const mine = (await emma.page.evaluate(async () => (await (await fetch('/api/v1/walkup/visits')).json()).items));
    assert(mine.length === 1 && mine[0].id === booked.id && mine[0].status === 'waiting' && mine[0].appointment_at === booked.appointment_at,
           `the same visit, now waiting, appointment kept (${JSON.stringify(mine)})`);

    step('her page shows her place in the queue; ava serves her; she rates the visit with one tap');
    await waitLabel(emma, /^(You're next in the queue\.|You are number \d+ in the queue\.)/, 'position on #/desks', 30000);
    const ava = await SpocPage.open(browser, server.base, '#/walkup');
    await ava.signIn('ava');
    await ava.find(`call_${booked.id}`, { timeout: 20000 });
    await ava.click(`call_${booked.id}`);
    await ava.find(`start_${booked.id}`);
    await ava.click(`start_${booked.id}`);
    await ava.find(`resolve_${booked.id}`);
    await ava.click(`resolve_${booked.id}`);
    await emma.find(`rate_${booked.id}_5`, { timeout: 30000 });
    await emma.click(`rate_${booked.id}_5`);
    await waitLabel(emma, /^You rated this visit 5 of 5\./, 'the rating');
    const rated = (await emma.page.evaluate(async () => (await (await fetch('/api/v1/walkup/visits')).json()).items))[0];
    assert(rated.csat === 5 && rated.status === 'resolved', `the survey is stored with the visit (${JSON.stringify(rated)})`);
    for (const sp of [emma, kiosk, ava]) assert(sp.errors.length === 0, `no page errors: ${sp.errors.join('; ')}`);
  }, { assets });
} finally {
  rmSync(assets, { recursive: true, force: true });
}
