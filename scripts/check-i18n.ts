// Fails when ru and en differ in keys, when a key used in the code has no text, or when a text is orphaned.
import { readFileSync } from 'node:fs';
import { findI18nProblems } from './i18n/keys';

const problems = findI18nProblems({
  ru: JSON.parse(readFileSync('i18n/ru.json', 'utf8')),
  en: JSON.parse(readFileSync('i18n/en.json', 'utf8')),
  root: process.cwd(),
});
if (problems.length) {
  console.error(`i18n: ${problems.length} problem(s)`);
  for (const p of problems.slice(0, 50)) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('i18n: ru and en complete, every used key present');
