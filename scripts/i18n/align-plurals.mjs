// Gives every plural object in ru.json and en.json the same forms (one, few, many, other): the
// marketplace wants locale files of identical structure, while English only ever selects one/other.
import { readFileSync, writeFileSync } from 'node:fs';

const FORMS = ['one', 'few', 'many', 'other'];
const isPlural = (v) =>
  v &&
  typeof v === 'object' &&
  'other' in v &&
  Object.keys(v).every((k) => ['zero', 'one', 'two', 'few', 'many', 'other'].includes(k));

function align(node) {
  if (!node || typeof node !== 'object') return node;
  if (isPlural(node))
    return Object.fromEntries(FORMS.map((f) => [f, node[f] ?? (f === 'one' ? node.other : (node.many ?? node.other))]));
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, align(v)]));
}

for (const lang of ['ru', 'en']) {
  const file = `i18n/${lang}.json`;
  const before = readFileSync(file, 'utf8');
  const after = `${JSON.stringify(align(JSON.parse(before)), null, 2)}\n`;
  if (after !== before) {
    writeFileSync(file, after);
    console.log(`${file}: plural forms aligned`);
  }
}
