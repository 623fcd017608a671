// Writes the demo catalog's readable texts (assets/demo/catalog.json: titles, summaries,
// descriptions, categories, fulfilment notes, field labels, help, placeholders, pattern messages,
// option labels) as gettext entries with msgctxt "catalog" to stdout. scripts/i18n-extract merges
// them into spoc.pot; the server shows a catalog item in the reader's language through
// shared/domain/catalog.cpp:LocalizeCatalogItem (trc("catalog", text)).
import { readFileSync } from 'node:fs';

const [, , path] = process.argv;
const catalog = JSON.parse(readFileSync(path, 'utf8'));
const seen = new Map();  // text -> comment
const add = (text, note) => {
  if (typeof text !== 'string' || !/[A-Za-z]/.test(text)) return;
  if (!seen.has(text)) seen.set(text, note);
};
for (const item of catalog.items) {
  const where = `catalog item "${item.title}"`;
  add(item.title, `${where}: title`);
  add(item.category, 'catalog category');
  add(item.summary, `${where}: one line on the tile`);
  add(item.description, `${where}: description`);
  add(item.fulfillment, `${where}: when it is done`);
  for (const f of item.fields || []) {
    add(f.label, `${where}: form field label`);
    add(f.help, `${where}: help under "${f.label}"`);
    add(f.placeholder, `${where}: placeholder in "${f.label}"`);
    add(f.pattern_message, `${where}: error when "${f.label}" is not in the right form`);
    for (const o of f.options || []) add(o.label, `${where}: a choice for "${f.label}"`);
  }
}
const q = (s) => JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (_, h) => String.fromCodePoint(parseInt(h, 16)));
let out = '';
for (const [text, note] of seen) out += `#. ${note.replace(/\n/g, ' ')}\n#: assets/demo/catalog.json\nmsgctxt "catalog"\nmsgid ${q(text)}\nmsgstr ""\n\n`;
process.stdout.write(out);
