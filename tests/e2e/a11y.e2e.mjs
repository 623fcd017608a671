// Screen readers: the canvas is mirrored as a hidden DOM tree (client/platform/a11y_web.cpp).
// Chromium's accessibility tree (CDP Accessibility.getFullAXTree) shows headings, links, buttons
// and named text boxes on every main screen, axe-core finds no serious or critical violation on
// any of them, and emma signs in and files a request with the keyboard and the accessibility
// tree alone: Tab until the tree's focused node has the right name, type, Space/Enter. No
// coordinates are used for any of it. Fields carry their value, and a refused submit marks them
// invalid with the error as their description; queues and My requests are tables (rows, column
// headers), catalog tiles and articles are lists, and the confirmation is a modal dialog.
import { journey, SpocPage, assert } from './harness.mjs';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SUMMARY = 'Overtime missing from my November payslip';

async function axTree(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  return nodes.filter((n) => !n.ignored).map((n) => ({
    role: n.role && n.role.value,
    name: (n.name && n.name.value) || '',
    focused: !!(n.properties || []).find((p) => p.name === 'focused' && p.value.value),
    checked: ((n.properties || []).find((p) => p.name === 'checked') || { value: {} }).value.value,
    invalid: ((n.properties || []).find((p) => p.name === 'invalid') || { value: {} }).value.value,
    modal: !!(n.properties || []).find((p) => p.name === 'modal' && p.value.value),
    value: (n.value && n.value.value) || '',
    description: (n.description && n.description.value) || '',
  }));
}

async function focusedNode(cdp) {
  return (await axTree(cdp)).find((n) => n.focused && n.role !== 'RootWebArea');
}

// Presses Tab (up to `max` times) until the focused node's name matches.
async function tabTo(sp, cdp, name, max = 40) {
  const want = (n) => n && (name instanceof RegExp ? name.test(n.name) : n.name === name);
  let now = await focusedNode(cdp);
  for (let i = 0; i < max && !want(now); i++) {
    const before = now && `${now.role} ${now.name}`;
    await sp.page.keyboard.press('Tab');
    await sp.nextFrames(2);
    now = await focusedNode(cdp);
    // A busy machine may answer with the tree of a frame ago: wait (bounded) for the focus to move.
    for (let w = 0; w < 20 && (now && `${now.role} ${now.name}`) === before; w++) {
      await sp.nextFrames(1);
      now = await focusedNode(cdp);
    }
    if (process.env.SPOC_A11Y_DEBUG) console.log('   tab ->', now && now.role, now && now.name);
  }
  assert(want(now), `Tab reaches "${name}" (focus is on ${now ? `${now.role} "${now.name}"` : 'nothing'})`);
  return now;
}

// Presses `key` (up to `max` times) until the focused node's name matches: arrows in a list.
async function keyTo(sp, cdp, key, name, max = 20) {
  let now = await focusedNode(cdp);
  for (let i = 0; i < max && !(now && name.test(now.name)); i++) {
    const before = now && `${now.role} ${now.name}`;
    await sp.page.keyboard.press(key);
    await sp.nextFrames(2);
    now = await focusedNode(cdp);
    for (let w = 0; w < 20 && (now && `${now.role} ${now.name}`) === before; w++) {
      await sp.nextFrames(1);
      now = await focusedNode(cdp);
    }
  }
  assert(now && name.test(now.name), `${key} reaches "${name}" (focus is on ${now ? `${now.role} "${now.name}"` : 'nothing'})`);
}

async function audit(sp, cdp, where, expect) {
  await sp.nextFrames(4);
  let tree = await axTree(cdp);
  const has = (t, role, name) => t.some((n) => n.role === role && (name instanceof RegExp ? name.test(n.name) : n.name === name));
  // The screen may still be loading its data: wait (bounded) until the expected nodes are there.
  for (let w = 0; w < 50 && !expect.every(([role, name]) => has(tree, role, name)); w++) {
    await sp.nextFrames(2);
    tree = await axTree(cdp);
  }
  for (const [role, name] of expect) {
    const hit = tree.find((n) => n.role === role && (name instanceof RegExp ? name.test(n.name) : n.name === name));
    assert(hit, `${where}: the accessibility tree has a ${role} named ${name} (has ${tree.filter((n) => n.role === role).map((n) => n.name).slice(0, 12).join(' | ')})`);
  }
  const violations = await sp.page.evaluate(async (src) => {
    if (!window.axe) { const s = document.createElement('script'); s.textContent = src; document.head.appendChild(s); }
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length, at: v.nodes.slice(0, 3).map((x) => x.target.join(' ')) }));
  }, AXE);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert(bad.length === 0, `${where}: axe-core finds no serious or critical violation (got ${JSON.stringify(bad)})`);
  return { violations, nodes: tree.length };
}

await journey('screen reader and keyboard', async ({ server, browser, step }) => {
  const sp = await SpocPage.open(browser, server.base, '#/', { bypassCSP: true });  // bypassCSP: axe-core is injected
  const cdp = await sp.page.context().newCDPSession(sp.page);
  const counts = [];

  step('sign-in: heading, named text boxes and a button; signed in with the keyboard');
  await sp.waitState((s) => s.user === null, 'on the sign-in screen');
  counts.push(['sign-in', await audit(sp, cdp, 'sign-in', [['heading', 'Sign in'], ['button', 'Sign in']])]);
  await tabTo(sp, cdp, 'Username');
  await sp.page.keyboard.type('emma', { delay: 15 });
  await tabTo(sp, cdp, 'Password');
  await sp.page.keyboard.type('spoc-demo', { delay: 15 });
  await sp.page.keyboard.press('Enter');
  await sp.waitState((s) => s.user === 'emma', 'signed in by keyboard');

  step('home, catalog, My requests and the knowledge base are described and pass axe-core');
  counts.push(['home', await audit(sp, cdp, 'home', [['link', 'Request catalog'], ['link', 'My requests'], ['heading', /.+/]])]);
  await tabTo(sp, cdp, 'Request catalog');
  await sp.page.keyboard.press('Enter');
  await sp.waitState((s) => s.route === '#/catalog', 'Enter on the link opens the catalog');
  counts.push(['catalog', await audit(sp, cdp, 'catalog', [['heading', /catalog/i], ['list', /.+/], ['listitem', ''], ['link', /New laptop/]])]);

  step('emma files a payslip question with the keyboard alone');
  await tabTo(sp, cdp, /Payslip question/, 80);
  await sp.page.keyboard.press('Enter');
  await sp.waitState((s) => /^#\/catalog\/\d+/.test(s.route), 'Enter on the tile opens the form');
  counts.push(['form', await audit(sp, cdp, 'request form', [['heading', 'Payslip question'], ['textbox', /^Pay period/], ['combobox', /What is it about/]])]);
  // Submitting the empty form: the refused fields say so (aria-invalid) and read their error (description).
  await tabTo(sp, cdp, /^Submit/, 80);
  await sp.page.keyboard.press('Enter');
  let invalid = [];
  for (let w = 0; w < 50 && invalid.length === 0; w++) {
    await sp.nextFrames(2);
    invalid = (await axTree(cdp)).filter((n) => n.invalid === 'true');
  }
  assert(invalid.some((n) => n.role === 'textbox' && /^Pay period/.test(n.name) && n.description.length > 5),
         `the empty Pay period box is invalid and described by its error (invalid: ${JSON.stringify(invalid.map((n) => [n.role, n.name, n.description]))})`);
  assert(invalid.some((n) => n.role === 'combobox' && /What is it about/.test(n.name) && n.description),
         'the unanswered choice is invalid and described');
  await tabTo(sp, cdp, /What is it about/);
  await sp.page.keyboard.press('Enter');          // opens the list of options
  await sp.nextFrames(3);
  await keyTo(sp, cdp, 'ArrowDown', /paid the wrong amount/);
  await sp.page.keyboard.press('Enter');
  await sp.nextFrames(3);
  await tabTo(sp, cdp, /^Pay period/);
  await sp.page.keyboard.type('11/2026', { delay: 10 });
  await sp.nextFrames(3);
  {
    let box;
    for (let w = 0; w < 30 && !(box && box.value === '11/2026'); w++) {  // the tree may lag a frame behind
      if (w) await sp.nextFrames(2);
      // (the mirror's box, not the text proxy that has the focus while the field is edited)
      box = (await axTree(cdp)).find((n) => n.role === 'textbox' && /^Pay period/.test(n.name) && !n.focused);
    }
    assert(box && box.value === '11/2026', `the Pay period box reads what was typed (${JSON.stringify((await axTree(cdp)).filter((n) => n.role === 'textbox'))})`);
    // The text proxy, which has the focus while the field is edited, reads the same name and value.
    const focused = (await axTree(cdp)).find((n) => n.role === 'textbox' && n.focused);
    assert(focused && /^Pay period/.test(focused.name) && focused.value === '11/2026',
           `the focused field reads its name and text (${JSON.stringify(focused)})`);
  }
  await tabTo(sp, cdp, /^Details/);
  await sp.page.keyboard.type('My overtime from 3 to 7 November is not on the payslip.', { delay: 5 });
  await tabTo(sp, cdp, /^Summary/);
  await sp.page.keyboard.type(SUMMARY, { delay: 10 });
  await sp.nextFrames(3);
  {
    let tree = await axTree(cdp);
    for (let w = 0; w < 30 && !tree.some((n) => n.role === 'textbox' && n.value === SUMMARY); w++) {
      await sp.nextFrames(2);
      tree = await axTree(cdp);
    }
    const summaryBox = tree.find((n) => n.role === 'textbox' && /^Summary/.test(n.name) && !n.focused);
    assert(summaryBox && summaryBox.value === SUMMARY, `the Summary box reads what was typed (${JSON.stringify(summaryBox)})`);
    const period = tree.find((n) => n.role === 'textbox' && /^Pay period/.test(n.name) && !n.focused);
    assert(period && period.invalid !== 'true' && !period.description, `a fixed field is no longer invalid (${JSON.stringify(period)})`);
    const topic = tree.find((n) => n.role === 'combobox' && /What is it about/.test(n.name));
    assert(topic && /wrong amount/.test(topic.value), `the choice reads the option picked (${JSON.stringify(topic)})`);
  }
  await tabTo(sp, cdp, /^Submit/);
  await sp.page.keyboard.press('Enter');
  let created;
  for (let i = 0; i < 100 && !created; i++) {
    const page = await sp.page.evaluate(async () => (await (await fetch('/api/v1/requests?status=all')).json()));
    created = page.items.find((r) => r.summary === SUMMARY);
    if (!created) await new Promise((r) => setTimeout(r, 100));
  }
  assert(created, 'the request filed by keyboard reached the server');
  assert(created.form.topic === 'wrong_amount' && created.form.pay_period === '11/2026',
         `the choice and the text were stored (got ${JSON.stringify(created.form)})`);

  step('My requests and the request page are described too');
  await sp.page.evaluate((h) => { window.location.hash = h; }, `#/requests/${created.id}`);
  await sp.waitState((s) => s.route === `#/requests/${created.id}`, 'on the request page');
  await sp.find('copy_number', { timeout: 20000 });
  counts.push(['request', await audit(sp, cdp, 'request page', [['heading', SUMMARY], ['button', 'Copy number']])]);
  await sp.click('status_cancelled');
  await sp.find('confirm_title');
  counts.push(['dialog', await audit(sp, cdp, 'cancel dialog', [['dialog', /cancel/i], ['textbox', /Reason/]])]);
  assert((await axTree(cdp)).some((n) => n.role === 'dialog' && n.modal), 'the confirmation is a modal dialog');
  await sp.click('confirm_keep');
  await sp.nextFrames(3);
  await sp.page.evaluate(() => { window.location.hash = '#/requests'; });
  await sp.waitState((s) => s.route === '#/requests', 'on My requests');
  await sp.find(`row_${created.id}`, { timeout: 20000 });
  counts.push(['requests', await audit(sp, cdp, 'My requests', [['heading', /requests/i], ['table', 'My requests'], ['columnheader', 'Status'],
                                                                 ['row', ''], ['cell', SUMMARY], ['link', /^(REQ|INC)\d+/]])]);
  await sp.page.evaluate(() => { window.location.hash = '#/kb'; });
  await sp.waitState((s) => s.route === '#/kb', 'on the knowledge base');
  await sp.nextFrames(10);
  counts.push(['kb', await audit(sp, cdp, 'knowledge base', [['heading', /.+/]])]);
  await sp.page.evaluate(() => { window.location.hash = '#/desks'; });
  await sp.waitState((s) => s.route === '#/desks', 'on the walk-up desks');
  await sp.find('book_1', { timeout: 20000 });
  await sp.click('book_1');
  await sp.find('desk_confirm');
  counts.push(['desks', await audit(sp, cdp, 'walk-up desks', [['heading', /^Book a time at /], ['list', 'Locations'],
                                                                ['button', 'Book a time'], ['group', /^Book a time at /]])]);

  step("an agent's queue is a table: column headers, and a row per request with its cells");
  const ava = await SpocPage.open(browser, server.base, '#/queue?view=open', { bypassCSP: true });
  await ava.signIn('ava');
  const avaCdp = await ava.page.context().newCDPSession(ava.page);
  await ava.find(`qrow_${created.id}`, { timeout: 20000 });
  counts.push(['queue', await audit(ava, avaCdp, 'queue', [['table', /.+/], ['columnheader', 'Summary'], ['row', ''],
                                                          ['cell', new RegExp(SUMMARY)], ['checkbox', /^Select (REQ|INC)\d+/]])]);
  const rows = (await axTree(avaCdp)).filter((n) => n.role === 'row');
  assert(rows.length >= 2, `the queue has a header row and request rows (${rows.length})`);
  for (const [where, r] of counts)
    console.log(`  ${where}: ${r.nodes} accessibility nodes; axe-core: ${r.violations.length ? r.violations.map((v) => `${v.impact} ${v.id} x${v.n}`).join(', ') : 'no violations'}`);
  assert(sp.errors.length === 0, `no page errors: ${sp.errors.join('; ')}`);
});
