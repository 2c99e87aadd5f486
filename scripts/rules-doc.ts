// `npm run docs:rules`: writes docs/rules.md from the rule registry and the English texts (id, area, severity,
// what it checks, the fix), so the rule list lives in the repository and cannot drift from the code.
// `--check` regenerates in memory and fails when the file differs (a stage of npm test).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesMarkdown } from './rules-doc-render';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'docs', 'rules.md');
const text = rulesMarkdown(JSON.parse(readFileSync(join(root, 'i18n', 'en.json'), 'utf8')));

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // A missing file is as stale as a wrong one.
  }
  if (current !== text) {
    console.error('docs/rules.md is not current with the rule registry: run `npm run docs:rules` and commit it');
    process.exit(1);
  }
  console.log('docs/rules.md is current');
} else {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
