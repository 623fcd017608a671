// Reading gettext .po files (tests only): parsePo(text) -> entries; loadTranslations(lang) -> a
// lookup t(msgid, ctx?) that returns the translation (msgstr, or msgstr[0] of a plural entry).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);

// ---- .po parsing ------------------------------------------------------------------------------
function unquote(s) {  // a C string literal as gettext writes it
  const map = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };
  return s.slice(1, -1).replace(/\\(.)/g, (_, c) => map[c] ?? c);
}
export function parsePo(text) {
  const entries = [];
  let cur = null, field = null;
  const flush = () => { if (cur && cur.msgid !== undefined) entries.push(cur); cur = null; field = null; };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') { flush(); continue; }
    if (!cur) cur = { flags: '', msgstr: [] };
    if (line.startsWith('#,')) { cur.flags += line; continue; }
    if (line.startsWith('#~')) { cur.obsolete = true; continue; }
    if (line.startsWith('#')) continue;
    let m;
    if ((m = line.match(/^msgctxt (".*")$/))) { cur.msgctxt = unquote(m[1]); field = 'msgctxt'; }
    else if ((m = line.match(/^msgid (".*")$/))) { cur.msgid = unquote(m[1]); field = 'msgid'; }
    else if ((m = line.match(/^msgid_plural (".*")$/))) { cur.msgid_plural = unquote(m[1]); field = 'msgid_plural'; }
    else if ((m = line.match(/^msgstr (".*")$/))) { cur.msgstr[0] = unquote(m[1]); field = 0; }
    else if ((m = line.match(/^msgstr\[(\d+)\] (".*")$/))) { cur.msgstr[+m[1]] = unquote(m[2]); field = +m[1]; }
    else if ((m = line.match(/^(".*")$/))) {
      if (typeof field === 'number') cur.msgstr[field] += unquote(m[1]); else cur[field] += unquote(m[1]);
    }
  }
  flush();
  return entries.filter((e) => !e.obsolete);
}

export function loadTranslations(lang) {
  const entries = parsePo(readFileSync(join(ROOT, 'assets/i18n', `${lang}.po`), 'utf8'));
  const map = new Map(entries.map((e) => [`${e.msgctxt ?? ''}\u0004${e.msgid}`, e.msgstr[0]]));
  return (msgid, ctx) => {
    const t = map.get(`${ctx ?? ''}\u0004${msgid}`);
    if (!t) throw new Error(`${lang}.po has no translation for ${ctx ? `[${ctx}] ` : ''}"${msgid}"`);
    return t;
  };
}
