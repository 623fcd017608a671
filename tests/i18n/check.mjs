// Message catalogs, checked without a browser (ctest i18n_catalogs):
//  1. assets/i18n/spoc.pot is what the sources mark (scripts/i18n-extract --check);
//  2. every language's .po translates every msgid, none fuzzy, with the same {0} placeholders and
//     as many plural forms as the language has (Plural-Forms must match shared/domain/i18n.cpp);
//  3. no UI string bypasses the catalog: a string literal a user could read, in client/ui and
//     client/app, must sit inside tr/trc/trn/N_/L/Plural. Lines that are not UI text (ids, hook
//     keys, wire names, log lines) carry a `// i18n: not UI` comment, or match the rules below.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parsePo } from './po.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const DIR = join(ROOT, 'assets/i18n');
const LANGS = { de: 2, fr: 2, ja: 1, ar: 6 };
let failures = 0;
const fail = (msg) => { failures++; console.log(`FAIL ${msg}`); };

const key = (e) => `${e.msgctxt ?? ''}\u0004${e.msgid}`;
const placeholders = (s) => [...new Set([...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]))].sort().join(',');

// ---- 1. the template is fresh ------------------------------------------------------------------
try {
  execFileSync(join(ROOT, 'scripts/i18n-extract'), ['--check'], { stdio: ['ignore', 'pipe', 'pipe'] });
  console.log('ok   spoc.pot matches the marked strings in the sources');
} catch (e) {
  fail(`spoc.pot is stale:\n${e.stderr}`);
}

// ---- 2. every language translates everything ----------------------------------------------------
const pot = parsePo(readFileSync(join(DIR, 'spoc.pot'), 'utf8')).filter((e) => e.msgid !== '');
for (const [lang, nplurals] of Object.entries(LANGS)) {
  const po = parsePo(readFileSync(join(DIR, `${lang}.po`), 'utf8'));
  const header = po.find((e) => e.msgid === '' && !e.msgctxt);
  const byKey = new Map(po.map((e) => [key(e), e]));
  const problems = [];
  if (!header || !header.msgstr[0].includes(`Language: ${lang}\n`)) problems.push('header has no Language');
  if (!header || !header.msgstr[0].includes(`nplurals=${nplurals};`)) problems.push(`Plural-Forms is not nplurals=${nplurals}`);
  for (const e of pot) {
    const t = byKey.get(key(e));
    const where = `${e.msgctxt ? `[${e.msgctxt}] ` : ''}"${e.msgid}"`;
    if (!t) { problems.push(`missing ${where}`); continue; }
    if (t.flags.includes('fuzzy')) problems.push(`fuzzy ${where}`);
    const forms = e.msgid_plural !== undefined ? nplurals : 1;
    for (let i = 0; i < forms; i++) {
      const s = t.msgstr[i];
      if (!s) { problems.push(`untranslated ${where}${forms > 1 ? ` (form ${i})` : ''}`); continue; }
      const want = placeholders(e.msgid_plural !== undefined && i > 0 ? e.msgid_plural : e.msgid);
      // A plural form may leave the number out where the language says it in words (ar "one day").
      const got = placeholders(s);
      const withoutCount = want.split(',').filter((p) => p !== '0').join(',');
      if (got !== want && !(forms > 1 && got === withoutCount)) problems.push(`placeholders {${want}} vs {${got}} in ${where}`);
    }
  }
  if (problems.length) fail(`${lang}.po: ${problems.length} problems\n  ${problems.slice(0, 25).join('\n  ')}`);
  else console.log(`ok   ${lang}.po translates all ${pot.length} msgids`);
}

// ---- 3. no UI string bypasses the catalog --------------------------------------------------------
// A literal is UI text when its visible part (before "##") has a letter and looks like words:
// a space, or a capital letter followed by lower case ("Submit"), and is not an id, route, key,
// format or CSS/JS snippet. It is fine inside a translation call's parentheses.
const MARKERS = /\b(tr|trc|trn|N_|L|Plural)\s*\($/;
function stripComments(src) {
  // Keeps line structure; drops // and /* */ comments outside string literals.
  let out = '', i = 0, inStr = false;
  while (i < src.length) {
    const c = src[i];
    if (inStr) { out += c; if (c === '\\') { out += src[i + 1] ?? ''; i += 2; continue; } if (c === '"') inStr = false; i++; continue; }
    if (c === '"') { inStr = true; out += c; i++; continue; }
    if (c === '\'' ) { const end = src.indexOf('\'', i + (src[i + 1] === '\\' ? 3 : 2)); out += src.slice(i, end + 1); i = end + 1; continue; }
    if (src.startsWith('//', i)) { const nl = src.indexOf('\n', i); const cm = src.slice(i, nl < 0 ? src.length : nl); out += /i18n: not UI/.test(cm) ? '/*i18n-ok*/' : ''; i = nl < 0 ? src.length : nl; continue; }
    if (src.startsWith('/*', i)) { const end = src.indexOf('*/', i + 2); out += src.slice(i, end + 2).replace(/[^\n]/g, ''); i = end + 2; continue; }
    out += c; i++;
  }
  return out;
}
function looksLikeText(lit) {
  let visible = lit;
  const hash = visible.indexOf('##');
  if (hash >= 0) visible = visible.slice(0, hash);
  if (!/[A-Za-z]/.test(visible)) return false;
  if (/^[a-z0-9_.:\/#?=&%-]+$/.test(visible)) return false;          // ids, keys, routes, wire names
  if (/^%|^[%{}\d.,:;·\s\-–—+()\/|*#[\]]*$/.test(visible)) return false;
  if (/^(GET|POST|PATCH|PUT|DELETE|Accept|Accept-Language|Content-Type|Idempotency-Key|X-[A-Za-z-]+)$/.test(visible)) return false;
  if (/^Spoc$/.test(visible)) return false;                           // the product's name
  if (/^[A-Z0-9_]+$/.test(visible)) return false;                     // CONSTANTS, SPOC
  return /\s/.test(visible.trim()) || /^[A-Z][a-z]/.test(visible) || /[a-z]{3,}/.test(visible) && /^[A-Z]/.test(visible);
}
// Calls whose string arguments are never shown: logging, JSON, ImGui ids, routes, hooks, tests.
const NOT_UI_CALLS = /\b(strcmp|GetID|PushID|BeginChild|Begin|BeginTable|TableSetupColumn|BeginPopup|OpenPopup|BeginPopupModal|IsPopupOpen|InvisibleButton|RecordItem|AnnotateItem|SetLastItemRole|emscripten_log|printf|fprintf|snprintf|std::snprintf|Log|LogLine|Json|find|rfind|starts_with|ends_with|compare|Query|Param|SetHeader|at|contains|Get|Post|Patch|Delete|Put|Path|StartsWith|Route|ParseRoute|FormatRoute|Field|Key|Header|EM_ASM|EM_JS)\s*\($/;
function scan(file) {
  const src = stripComments(readFileSync(file, 'utf8'));
  const hits = [];
  const lines = src.split('\n');
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln];
    if (line.includes('/*i18n-ok*/') || /^\s*#\s*include/.test(line) || /\bEM_JS\b|\bEM_ASM/.test(line)) continue;
    const re = /"((?:[^"\\]|\\.)*)"/g;
    let m;
    while ((m = re.exec(line))) {
      const lit = m[1];
      if (!looksLikeText(lit)) continue;
      // The call around the literal: walk back over the same line (and the one above) to the
      // nearest unclosed "(": the function name before it decides.
      // Keys compared or paired with their translated label: `t == "Number"`, {"Number", trc(...)}.
      const after = line.slice(m.index + m[0].length);
      if (/(==|!=)\s*$/.test(line.slice(0, m.index)) || /^\s*(==|!=)/.test(after)) continue;
      if (/^\s*,\s*(tr|trc|N_|L)\s*\(/.test(after)) continue;
      // Walk back over this line and the one above (string contents blanked) to the nearest
      // unclosed "(": the function name before it decides.
      const before = ((lines[ln - 1] ?? '') + '\n' + line.slice(0, m.index)).replace(/"(?:[^"\\]|\\.)*"/g, '""');
      let depth = 0, j = before.length - 1, callee = '';
      for (; j >= 0; j--) {
        const ch = before[j];
        if (ch === ')') depth++;
        else if (ch === '(') { if (depth === 0) { callee = before.slice(Math.max(0, j - 40), j + 1); break; } depth--; }
      }
      if (MARKERS.test(callee) || NOT_UI_CALLS.test(callee)) continue;
      hits.push(`${file.slice(ROOT.length + 1)}:${ln + 1}: "${lit}"`);
    }
  }
  return hits;
}
const EM_JS_FILES = /_web\.cpp$|^item_hooks\.cpp$/;  // browser glue (JavaScript in EM_JS) and the hooks' JSON: not UI text
let bypasses = [];
for (const dir of ['client/ui', 'client/app']) {
  for (const f of readdirSync(join(ROOT, dir)).sort()) {
    if (!/\.(cpp|h)$/.test(f) || EM_JS_FILES.test(f)) continue;
    bypasses = bypasses.concat(scan(join(ROOT, dir, f)));
  }
}
if (bypasses.length) fail(`${bypasses.length} UI strings bypass the message catalog (wrap them in tr/L/Plural, or mark the line // i18n: not UI):\n  ${bypasses.join('\n  ')}`);
else console.log('ok   every UI string in client/ui and client/app goes through the catalog');

if (failures) { console.log(`i18n: ${failures} check(s) failed`); process.exit(1); }
console.log('i18n: all checks passed');
