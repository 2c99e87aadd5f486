import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/audit/registry';

const SRC = join(import.meta.dirname, '../../../src/audit/rules');
const TESTS = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(import.meta.dirname, f), 'utf8'))
  .join('\n');

/** The name a rule module exports its rule under. */
function exportName(area: string, id: string): string {
  const source = readFileSync(join(SRC, area, `${id}.ts`), 'utf8');
  return /export const (\w+) = defineRule/.exec(source)?.[1] ?? '';
}

// ruleTable itself fails a fixable rule with no failing case stating its exact plan; this makes sure
// no rule escapes the tables altogether.
describe('every rule has a case table', () => {
  it.each(RULES.map((r) => [r.meta.id, r.meta.area] as const))('%s', (id, area) => {
    const name = exportName(area, id);
    expect(name, `${id}: export const … = defineRule`).not.toBe('');
    expect(TESTS, `${id}: no ruleTable(${name}, …) in test/audit/rules`).toContain(`ruleTable(${name},`);
  });
});
