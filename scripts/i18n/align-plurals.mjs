// Gives every plural object in every i18n/<lang>.json the same forms (one, few, many, other): the
// marketplace wants locale files of identical structure, while English only ever selects one/other.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

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

// Every language file: es (one/many/other) and pt get the same four forms as ru and en.
for (const name of readdirSync('i18n').filter((f) => f.endsWith('.json'))) {
  const file = `i18n/${name}`;
  const before = readFileSync(file, 'utf8');
  const after = `${JSON.stringify(align(JSON.parse(before)), null, 2)}\n`;
  if (after !== before) {
    writeFileSync(file, after);
    console.log(`${file}: plural forms aligned`);
  }
}
