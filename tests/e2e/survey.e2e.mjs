// Journey: the satisfaction survey (issue 13). ava resolves emma's request; emma's home page asks
// "How did we do?" and one click on "Very satisfied" answers it; she adds how easy it was and a
// comment on the request; ava, looking at the request, sees the score and the comment arrive live.
// Then on a 390x844 phone in German and in Japanese: the banner and the survey card fit (no
// clipped, overlapping or off-screen widgets) and one tap answers. Real server, SQLite, Chromium.
// SPOC_SCREENSHOTS=dir keeps screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { loadTranslations } from '../i18n/po.mjs';
import { assert, fileRequest, fits, go, journey, shownTexts, SpocPage } from './harness.mjs';

const SHOTS = process.env.SPOC_SCREENSHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
const shot = async (sp, name) => { if (SHOTS) await sp.page.screenshot({ path: join(SHOTS, `${name}.png`) }); };
const T = { de: loadTranslations('de'), ja: loadTranslations('ja') };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function appears(sp, what, timeout = 15000) {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    if (await sp.has(what)) return Date.now() - started;
    await sleep(25);
  }
  throw new Error(`${what} did not appear within ${timeout} ms`);
}


// Resolves request `id` as the signed-in agent of `sp`, through the API (as the page would).
async function resolveAs(sp, id) {
  const res = await sp.page.evaluate(async (rid) => {
    const me = await (await fetch('/api/v1/me')).json();
    const r = await (await fetch(`/api/v1/requests/${rid}`)).json();
    const patch = await fetch(`/api/v1/requests/${rid}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify({ base_version: r.version, status: 'resolved', resolution_note: 'Replaced the charger.' }),
    });
    return patch.status;
  }, id);
  assert(res === 200, `resolved request ${id} (got ${res})`);
}


// A phone in one language: emma's banner and her request's survey card.
async function onPhone(browser, base, ava, lang, locale) {
  const t = T[lang];
  const sp = await SpocPage.open(browser, base, '#/', { locale, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await sp.signIn('emma');
  const { body: created } = await fileRequest(sp, `${lang} survey check`);
  await resolveAs(ava, created.id);
  await go(sp, '#/', 'banner_score_5');
  const five = await sp.find('banner_score_5');
  assert(five.label === t('Very satisfied', 'csat'), `${lang}: the answers are translated (got "${five.label}")`);
  await fits(sp, `home banner (${lang}, 390x844)`);
  await shot(sp, `survey-banner-${lang}-390`);
  await sp.click('banner_score_4');
  await appears(sp, 'banner_thanks');
  const stored = await sp.page.evaluate(async (rid) => (await (await fetch(`/api/v1/requests/${rid}`)).json()).survey, created.id);
  assert(stored && stored.score === 4, `${lang}: one tap stored the answer (got ${JSON.stringify(stored)})`);
  await sp.click('banner_comment');
  await sp.waitState((s) => s.route === `#/requests/${created.id}`, 'on the request');
  await sp.find('survey_save');
  await sp.nextFrames(6);
  await fits(sp, `survey card (${lang}, 390x844)`);
  await shot(sp, `survey-card-${lang}-390`);
  await sp.page.context().close();
}

await journey('satisfaction survey', async ({ server, browser, step }) => {
  step('emma files a request; ava opens it; ava resolves it');
  const emma = await SpocPage.open(browser, server.base, '#/');
  await emma.signIn('emma');
  const filed = await fileRequest(emma, 'Laptop charger stopped working');
  assert(filed.status === 201, `request filed (got ${filed.status})`);
  const id = filed.body.id;
  const ava = await SpocPage.open(browser, server.base, `#/requests/${id}`);
  await ava.signIn('ava');
  await ava.waitState((s) => s.route === `#/requests/${id}` && s.live, 'ava on the request, live');
  await ava.find('status_more');
  await ava.click('status_more');  // Assigned: "Start work" is the primary step, Resolve is under More actions
  await ava.find('status_resolved');
  await ava.click('status_resolved');
  await ava.find('confirm_title');
  await ava.type('Resolution note', 'A new charger is on your desk.');
  await ava.click('confirm_status');
  await appears(ava, /^Resolved$/);
  assert(!(await ava.has('survey_score_5')), 'ava is never asked to rate emma\'s request');

  step('emma\'s home page asks how it went; one click on "Very satisfied" answers it');
  await emma.waitState((s) => s.live, 'emma live');
  await go(emma, '#/', 'banner_score_5');
  const banner = (await emma.items()).find((it) => it.id === 'banner_score_5');
  assert(banner.label === 'Very satisfied', `the best answer reads "Very satisfied" (got "${banner.label}")`);
  await emma.assertLayout('home with the survey banner');
  await shot(emma, 'survey-banner-en-1280');
  await emma.click('banner_score_5');
  await appears(emma, 'banner_thanks');
  const thanks = (await emma.items()).find((it) => it.id === 'banner_thanks');
  assert(/5/.test(thanks.label) && /Very satisfied/.test(thanks.label), `thanks names the answer (got "${thanks.label}")`);

  step('ava sees the score arrive on the request without a reload');
  const scoreMs = await appears(ava, 'survey_result');
  console.log(`    ava saw the score ${scoreMs} ms after emma's click`);
  const result = (await ava.items()).find((it) => it.id === 'survey_result');
  assert(result.label.startsWith('5/5'), `ava reads 5/5 (got "${result.label}")`);

  step('emma adds how easy it was and a comment on the request');
  await emma.click('banner_comment');
  await emma.waitState((s) => s.route === `#/requests/${id}`, 'emma on the request');
  await emma.find('survey_effort_5');
  await emma.click('survey_effort_5');
  const COMMENT = 'Sorted within the hour, thank you!';
  await emma.type("Anything else you'd like to tell us? (optional)", COMMENT);
  await emma.assertLayout('request with the survey card');
  await shot(emma, 'survey-card-en-1280');
  await emma.click('survey_save');
  await appears(emma, 'survey_add_comment');
  const stored = await emma.page.evaluate(async (rid) => (await (await fetch(`/api/v1/requests/${rid}`)).json()).survey, id);
  assert(stored.score === 5 && stored.effort === 5 && stored.comment === COMMENT, `stored answer (got ${JSON.stringify(stored)})`);
  const commentDeadline = Date.now() + 15000;
  while (Date.now() < commentDeadline && !(await shownTexts(ava)).some((t) => t.includes(COMMENT))) await sleep(50);
  assert((await shownTexts(ava)).some((t) => t.includes(COMMENT)), 'ava reads the comment on the request, live');
  await shot(ava, 'survey-result-agent-1280');
  const history = await ava.page.evaluate(async (rid) => (await (await fetch(`/api/v1/requests/${rid}/history`)).json()).items, id);
  assert(history.some((h) => h.field === 'satisfaction' && h.new === '5'), 'the answer is in the request\'s history');

  step('a 390x844 phone in German and in Japanese: banner and card fit; one tap answers');
  await onPhone(browser, server.base, ava, 'de', 'de-DE');
  await onPhone(browser, server.base, ava, 'ja', 'ja-JP');

  for (const sp of [ava, emma]) assert(sp.errors.length === 0, `no page errors: ${sp.errors.join('; ')}`);
});
