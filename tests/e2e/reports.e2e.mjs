// Journey: reports (issue 14). root opens Reports from the top bar, switches the period to 90 days
// (the URL follows), opens the Teams page, clicks the breached part of a category's bar and lands
// in the queue listing exactly those requests: as many as the bar said, each resolved late. Back
// in the browser returns to the chart. A backlog-ageing bar lists the band's open requests. Then a 390x844 phone in German and Japanese: both pages fit.
// Real server, SQLite, Chromium. SPOC_SCREENSHOTS=dir keeps screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { assert, fits, go, journey, shownTexts, SpocPage, waitLabel } from './harness.mjs';

const SHOTS = process.env.SPOC_SCREENSHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
const shot = async (sp, name) => { if (SHOTS) await sp.page.screenshot({ path: join(SHOTS, `${name}.png`) }); };
const dayNumber = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86400000;

await journey('reports', async ({ server, browser, step }) => {
  step('root opens Reports from the top bar: the headline figures and the daily charts');
  const root = await SpocPage.open(browser, server.base, '#/');
  await root.signIn('root');
  await root.click('nav_reports');
  await root.waitState((s) => s.route === '#/reports', 'on #/reports');
  await root.find('report_csv_summary');
  await waitLabel(root, /Resolved within SLA/, 'the SLA tile');
  const texts = (await shownTexts(root)).join('\n');
  for (const tile of ['Customer satisfaction', 'First-contact resolution', 'Mean time to resolve', 'First response time', 'Backlog'])
    assert(texts.includes(tile), `the ${tile} tile is shown`);
  await root.find('Created and resolved per day');
  await waitLabel(root, /Time to resolve and first response by priority/, 'the per-priority chart');
  for (const tile of [/Self-service deflection/, /Walk-up wait/]) await waitLabel(root, tile, `the ${tile.source} tile`);
  await shot(root, 'reports-overview-1280');

  step('the period becomes 90 days, in the URL');
  await root.click('90 days');
  await root.waitState((s) => /^#\/reports\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$/.test(s.route), 'a from/to URL');
  const route = (await root.state()).route;
  const [, from, to] = route.match(/from=([\d-]+)&to=([\d-]+)/);
  assert(dayNumber(to) - dayNumber(from) === 89, `90 days (got ${from} to ${to})`);
  await waitLabel(root, /\(90 days\)/, 'the period line says 90 days');

  step('the Teams page: per group and agent, breaches by category, arrivals');
  await root.click('Teams');
  await root.waitState((s) => s.route === `#/reports/ops?from=${from}&to=${to}`, 'on the teams page, same period');
  await root.find('report_csv_group');
  await root.find('When requests arrive');
  await shot(root, 'reports-teams-1280');

  step('the breached part of a category bar opens the queue of exactly those requests');
  const bars = (await root.items()).filter((it) => /^report_breaches_chart_\d+_1$/.test(it.id || ''));
  assert(bars.length > 0, 'the demo has late resolutions in some category');
  const bar = bars[0];
  const x = Number(bar.id.split('_')[3]);
  const breakdown = await root.page.evaluate(async (q) => (await (await fetch(`/api/v1/reports/breakdown?by=category&${q}`)).json()), `from=${from}&to=${to}`);
  const row = breakdown.rows.filter((r) => r.counters.resolution_met + r.counters.resolution_breached >= 0)[x];
  const expected = row.counters.resolution_breached;
  assert(expected > 0 && bar.label.includes(String(expected)), `the bar reads its count (${bar.label}, expected ${expected})`);
  await root.find(bar.id);
  await root.click(bar.id);
  await root.waitState((s) => s.route.startsWith('#/queue?report=breached&rq='), 'on the queue slice');
  const queueRoute = (await root.state()).route;
  const rq = decodeURIComponent(queueRoute.split('&rq=')[1]);
  assert(rq.includes(`from=${from}`) && rq.includes(`to=${to}`) && rq.includes('category='), `the slice keeps the period and the category (${rq})`);
  await waitLabel(root, /From Reports: requests resolved late/, 'the queue says where it came from');
  const listed = await root.page.evaluate(async (r) => (await (await fetch(`/api/v1/queue?report=breached&rq=${encodeURIComponent(r)}&page_size=100`)).json()), rq);
  assert(listed.total === expected, `the queue lists ${expected} requests (got ${listed.total})`);
  for (const req of listed.items) assert(['resolved', 'closed'].includes(req.status), `each was resolved (${req.number} is ${req.status})`);
  const n = expected === 1 ? '1 request' : `${expected} requests`;
  await waitLabel(root, new RegExp(`${n} in this view`), 'the count matches the bar');
  await shot(root, 'reports-queue-slice-1280');

  step('Back returns to the chart; the whole queue is one click away');
  await root.page.goBack();
  await root.waitState((s) => s.route === `#/reports/ops?from=${from}&to=${to}`, 'back on the teams page');
  await root.page.goForward();
  await root.waitState((s) => s.route === queueRoute, 'forward to the slice');
  await root.click('Show the whole queue');
  await root.waitState((s) => s.route === '#/queue', 'the whole queue');

  step('a backlog-ageing bar opens the requests still open from that age band');
  await go(root, `#/reports/ops?from=${from}&to=${to}`, 'report_csv_group');
  const summary = await root.page.evaluate(async (q) => (await (await fetch(`/api/v1/reports/summary?${q}`)).json()), `from=${from}&to=${to}`);
  const band = summary.ageing.findIndex((count) => count > 0);
  assert(band >= 0, `the demo has open requests (ageing ${JSON.stringify(summary.ageing)})`);
  const ageBar = await root.find(`report_ageing_chart_${band}_0`);
  assert(ageBar.label.includes(String(summary.ageing[band])), `the ageing bar reads its count (${ageBar.label}, expected ${summary.ageing[band]})`);
  await root.click(ageBar.id);
  await root.waitState((s) => s.route.startsWith('#/queue?report=open&rq='), 'on the ageing slice');
  const arq = decodeURIComponent((await root.state()).route.split('&rq=')[1]);
  const open = await root.page.evaluate(async (r) => (await (await fetch(`/api/v1/queue?report=open&rq=${encodeURIComponent(r)}&page_size=100`)).json()), arq);
  assert(open.total === summary.ageing[band], `the queue lists the band's ${summary.ageing[band]} requests (got ${open.total})`);
  for (const req of open.items) assert(!['resolved', 'closed', 'cancelled'].includes(req.status), `each is still open (${req.number} is ${req.status})`);
  await waitLabel(root, /From Reports: requests still open/, 'the queue says which requests');

  for (const lang of ['de', 'ja']) {
    step(`a 390x844 phone in ${lang}: both report pages fit`);
    const phone = await SpocPage.open(browser, server.base, '#/', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: lang });
    await phone.signIn('root');
    await go(phone, '#/reports', 'report_csv_summary');
    await fits(phone, `reports overview, ${lang}, 390x844`);
    await shot(phone, `reports-phone-${lang}`);
    await go(phone, '#/reports/ops', 'report_filter_group');
    await phone.find('report_csv_group');
    await fits(phone, `reports teams, ${lang}, 390x844`);
    await phone.page.context().close();
  }
});
