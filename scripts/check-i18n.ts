// Fails when the dictionaries in i18n/ differ in keys, when a key used in the code has no text, when a text is
// orphaned, or when i18n/, the manifest's `locale` and the product's language list (src/i18n/langs.ts) disagree. Every i18n/*.json is checked, not a fixed list.
import { readdirSync, readFileSync } from 'node:fs';
import { LANGS } from '../src/i18n/langs';
import { findI18nProblems } from './i18n/keys';

const files = readdirSync('i18n').filter((name) => name.endsWith('.json'));
const dicts = Object.fromEntries(
  files.map((name) => [name.slice(0, -'.json'.length), JSON.parse(readFileSync(`i18n/${name}`, 'utf8'))]),
);
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { widget?: { locale?: unknown } };
const locale = Array.isArray(manifest.widget?.locale) ? manifest.widget.locale.map(String) : [];

const problems = findI18nProblems({ dicts, locale, langs: LANGS, root: process.cwd() });
if (problems.length) {
  console.error(`i18n: ${problems.length} problem(s)`);
  for (const p of problems.slice(0, 50)) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`i18n: ${Object.keys(dicts).join(', ')} complete, every used key present`);
