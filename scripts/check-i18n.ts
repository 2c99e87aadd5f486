// Fails when a language misses or adds keys against ru.json, when a key used in the code has no text, or when a
// text is orphaned. Every i18n/<lang>.json is checked: a language file cannot be added without being complete.
import { readdirSync, readFileSync } from 'node:fs';
import { findI18nProblems } from './i18n/keys';

// Listed in the product's order (ru, en, es, pt), any other file after them.
const ORDER = ['ru', 'en', 'es', 'pt'];
const rank = (file: string) => {
  const i = ORDER.indexOf(file.slice(0, -'.json'.length));
  return i === -1 ? ORDER.length : i;
};
const files = readdirSync('i18n')
  .filter((f) => f.endsWith('.json'))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
const dicts = Object.fromEntries(
  files.map((f) => [f.slice(0, -'.json'.length), JSON.parse(readFileSync(`i18n/${f}`, 'utf8'))]),
);
const problems = findI18nProblems({ dicts, root: process.cwd() });
if (problems.length) {
  console.error(`i18n: ${problems.length} problem(s)`);
  for (const p of problems.slice(0, 50)) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`i18n: ${Object.keys(dicts).join(', ')} complete, every used key present`);
