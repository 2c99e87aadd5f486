import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/audit/registry';
import { rulesMarkdown } from '../../scripts/rules-doc-render';

const root = join(import.meta.dirname, '..', '..');
const en = JSON.parse(readFileSync(join(root, 'i18n', 'en.json'), 'utf8'));

describe('docs/rules.md', () => {
  it('is current with the registry and the texts (run `npm run docs:rules` after changing either)', () => {
    expect(readFileSync(join(root, 'docs', 'rules.md'), 'utf8')).toBe(rulesMarkdown(en));
  });

  it('has one row per rule, with its area, severity and fix kind', () => {
    const rows = rulesMarkdown(en)
      .split('\n')
      .filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => r.slice(3, r.indexOf('`', 3)))).toEqual(RULES.map((r) => r.meta.id));
    for (const rule of RULES) {
      const row = rows.find((r) => r.startsWith(`| \`${rule.meta.id}\``))!;
      expect(row).toContain(` ${en.severity[rule.meta.severity]} `);
      expect(row).toContain(
        rule.meta.fix === 'safe'
          ? '**Safe fix**'
          : rule.meta.fix === 'confirm'
            ? '**Fix with confirmation**'
            : 'By hand:',
      );
      expect(row).not.toMatch(/rules\.[a-z-]+\.(fail|why|howTo)/);
    }
  });
});
