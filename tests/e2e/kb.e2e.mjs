// Journey: the knowledge base deflects a request. emma starts a "VPN problem" request; while she
// types the summary, suggested articles appear beside the form (searched in the browser over the
// downloaded index); she marks the best one "This solved it", and no request is
// filed while the deflection is recorded. Then she finds an article from the portal search box and
// votes on it; ava (agent) edits that article in the editor and publishes a new version that emma
// then sees. Real server, real SQLite, real Chromium, real input events.
import { journey, SpocPage, assert } from './harness.mjs';

async function api(page, path, init) {
  return page.evaluate(async ([p, i]) => {
    const r = await fetch(p, i);
    return { status: r.status, body: r.status === 204 ? null : await r.json().catch(() => null) };
  }, [path, init || {}]);
}

await journey('knowledge journey', async ({ server, browser, step }) => {
  step('emma signs in');
  const emma = await SpocPage.open(browser, server.base, '#/');
  await emma.signIn('emma');
  await emma.waitState((s) => s.route === '#/' || s.route === '', 'on portal home');

  const catalog = (await api(emma.page, '/api/v1/catalog')).body;
  const vpn = catalog.items.find((it) => it.title === 'VPN problem');
  assert(vpn, 'the demo catalog has a VPN problem item');
  const before = (await api(emma.page, '/api/v1/requests?status=all')).body.total;

  step('she opens "VPN problem" and describes it; articles are suggested beside the form');
  await emma.page.goto(`${server.base}/?e2e=1#/catalog/${vpn.id}`);
  await emma.page.waitForFunction(() => window.spoc && window.spoc.e2e && window.spoc.e2e.frame() > 2);
  await emma.find('summary', { timeout: 20000 });
  await emma.type('summary', 'VPN keeps disconnecting when I work from home');
  const index = (await api(emma.page, '/api/v1/kb/index')).body;
  const dropping = index.articles.find((a) => a.title === 'VPN keeps dropping or disconnecting');
  assert(dropping, 'the VPN article is in emma\'s index');
  await emma.find(`solved_${dropping.id}`, { timeout: 20000 });
  // The suggestion came from the local index: no /kb/search call is needed for it.
  const items = await emma.items();
  const suggested = items.filter((it) => /^solved_\d+$/.test(it.id)).map((it) => Number(it.id.slice(7)));
  assert(suggested.length >= 1 && suggested.length <= 3, `one to three suggestions (got ${suggested.length})`);
  assert(suggested[0] === dropping.id, `the best suggestion is the "keeps dropping" article (got ${suggested[0]})`);
  for (const id of suggested) {
    const a = index.articles.find((x) => x.id === id);
    assert(a && !a.audience, `suggestion ${id} is an employee-visible article`);
  }

  step('"This solved it" files nothing and records a deflection');
  await emma.click(`solved_${dropping.id}`);
  await emma.find('deflected_home', { timeout: 20000 });
  const after = (await api(emma.page, '/api/v1/requests?status=all')).body.total;
  assert(after === before, `no request was filed (before ${before}, after ${after})`);
  const state = await emma.state();
  assert(state.route === `#/catalog/${vpn.id}`, 'still on the form page, now showing the thank-you panel');

  step('the portal search finds an article despite a typo, and she opens it');
  await emma.click('deflected_home');
  await emma.waitState((s) => s.route === '#/' || s.route === '', 'back on home');
  await emma.type('search', 'pasword locked out');
  const password = index.articles.find((a) => a.title === 'Reset your password or unlock your account');
  assert(password, 'the password article is in the index');
  await emma.click(`article_${password.id}`, { timeout: 20000 });
  await emma.waitState((s) => s.route === `#/kb/${password.id}`, 'on the article page');

  step('she finds it helpful');
  await emma.click('helpful_yes', { timeout: 20000 });
  let article;
  for (let i = 0; i < 100; i++) {
    article = (await api(emma.page, `/api/v1/kb/articles/${password.id}?view=false`)).body;
    if (article.helpful === 1) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert(article.helpful === 1, `the vote was stored (helpful ${article.helpful})`);
  assert(article.views >= 1, 'opening the article counted a view');

  step('after a reload the index is revalidated, not downloaded again: the browser sends its ETag');
  const indexRequests = [];
  emma.page.on('response', async (r) => {
    if (!r.url().includes('/api/v1/kb/index')) return;
    indexRequests.push({ sent: (await r.request().allHeaders())['if-none-match'] || '', etag: (await r.allHeaders()).etag || '' });
  });
  await emma.page.goto(`${server.base}/?e2e=1#/kb`);  // same document: only the hash changes ...
  await emma.page.reload();                            // ... so reload for a fresh start of the app
  await emma.page.waitForFunction(() => window.spoc && window.spoc.e2e && window.spoc.e2e.frame() > 2);
  await emma.find('kb_search', { timeout: 20000 });
  for (let i = 0; i < 100 && indexRequests.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  assert(indexRequests.length >= 1, 'the knowledge home fetched the index');
  assert(indexRequests[0].sent !== '' && indexRequests[0].sent === indexRequests[0].etag,
         `the index request carried If-None-Match with the current ETag (sent ${indexRequests[0].sent}, etag ${indexRequests[0].etag})`);

  step('root sees the deflection in the admin statistics');
  const root = await SpocPage.open(browser, server.base, '#/kb');
  await root.signIn('root');
  await root.waitState((s) => s.route === '#/kb', 'root on the knowledge home');
  const stats = (await api(root.page, '/api/v1/kb/stats')).body;
  assert(stats.deflections_total === 1, `one deflection recorded (got ${stats.deflections_total})`);
  assert(stats.top_deflecting[0].id === dropping.id, 'the VPN article deflected it');
  await root.find(`stat_${dropping.id}`, { timeout: 20000 });

  step('root edits the password article in the editor and saves a new version');
  await root.page.goto(`${server.base}/?e2e=1#/kb/${password.id}/edit`);
  await root.page.waitForFunction(() => window.spoc && window.spoc.e2e && window.spoc.e2e.frame() > 2);
  await root.find('kb_title', { timeout: 20000 });
  await root.click('kb_title');
  await root.page.keyboard.press('End');
  await root.page.keyboard.type(' (self-service)', { delay: 10 });
  await root.click('kb_save');
  let saved;
  for (let i = 0; i < 100; i++) {
    saved = (await api(root.page, `/api/v1/kb/articles/${password.id}?view=false`)).body;
    if (saved.version === 2) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert(saved.version === 2 && saved.title.endsWith('(self-service)'), `saved as version 2 (got v${saved.version} "${saved.title}")`);
  const versions = (await api(root.page, `/api/v1/kb/articles/${password.id}/versions`)).body.items;
  assert(versions.length === 2 && versions[0].author_name === 'Spoc Admin', 'the history names who saved it');
  await root.click('version_2', { timeout: 20000 });

  step('emma can\'t open drafts or agent-only articles, in the UI or the API');
  const drafts = (await api(root.page, '/api/v1/kb/articles?state=draft&page_size=100')).body.items;
  assert(drafts.length >= 1, 'there are drafts');
  const draftStatus = (await api(emma.page, `/api/v1/kb/articles/${drafts[0].id}`)).status;
  assert(draftStatus === 404, `a draft is a 404 for emma (got ${draftStatus})`);
  await emma.page.goto(`${server.base}/?e2e=1#/kb/${drafts[0].id}`);
  await emma.page.waitForFunction(() => window.spoc && window.spoc.e2e && window.spoc.e2e.frame() > 2);
  await emma.waitState((s) => s.route === `#/kb/${drafts[0].id}` && s.in_flight === 0, 'the hidden article has loaded (as an error)');
  await emma.nextFrames(4);
  assert(!(await emma.has('helpful_yes')), 'no feedback buttons on a hidden article');
  assert(!(await emma.has('kb_edit')), 'no edit link for an employee');
  const emmaIndex = (await api(emma.page, '/api/v1/kb/index')).body;
  assert(!emmaIndex.articles.some((a) => a.id === drafts[0].id), 'the draft is not in emma\'s index');
  assert(emma.errors.length === 0 && root.errors.length === 0, `no page errors: ${emma.errors.concat(root.errors).join('; ')}`);
});
