import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/audit/types';
import { resultOf } from '../../../src/audit/run';
import { defaultBaseline } from '../../../src/audit/baseline/load';
import { createTranslator } from '../../../src/i18n/translate';
import { dicts, snapshot, type Case } from '../fixtures';

/**
 * ESLint-RuleTester style: each case is "healthy account with these parts replaced" and the
 * expected outcome (and item ids). Every case runs in both languages and every item's text
 * must be translated (a missing key renders as the key itself).
 */
export function ruleTable(rule: Rule, cases: Case[]): void {
  describe(rule.meta.id, () => {
    it.each(cases)('$name → $outcome', (c) => {
      const snap = snapshot(c.parts);
      for (const lang of ['en', 'ru'] as const) {
        const r = resultOf(rule, snap, defaultBaseline(), createTranslator(dicts[lang], lang));
        expect(r.outcome, r.error?.message).toBe(c.outcome);
        if (c.items) expect(r.items.map((i) => i.id)).toEqual(c.items);
        for (const i of [...r.items, ...r.evidence]) {
          expect(i.text, `${lang} ${i.message.key}`).not.toBe(i.message.key);
          expect(i.text, `${lang} ${i.message.key}`).not.toMatch(/\{\w+\}/);
        }
        expect(r.title).not.toMatch(/^rules\./);
      }
    });
  });
}
