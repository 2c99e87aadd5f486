import { describe, expect, it } from 'vitest';
import type { Message, Rule } from '../../../src/audit/types';
import type { Op, Plan } from '../../../src/fix/types';
import { contextFor, resultOf } from '../../../src/audit/run';
import { namesLang } from '../../../src/audit/names-lang';
import { localizeResult } from '../../../src/audit/localize';
import { defaultBaseline } from '../../../src/audit/baseline/load';
import { createTranslator } from '../../../src/i18n/translate';
import type { Snapshot } from '../../../src/snapshot/types';
import { dicts, snapshot, type Case } from '../fixtures';

/**
 * An op as a plan case states it: what the rule writes and what the preview says. A PATCH body states
 * the keys the rule decides; the rest of the whole body is the target as read (the op's `before`, which
 * test/fix/ops.test.ts pins key by key). A POST item is stated without the client's `request_id`.
 */
export type OpCase = Pick<Op, 'method' | 'path' | 'body' | 'summary'>;

/** The exact plan a failing case of a fixable rule must produce (names in the account's language). */
export interface PlanCase {
  ops: OpCase[];
  manual?: Message[];
}

/** The rule's plan over the snapshot, built as planFor builds it, for exactly this rule object. */
export function planOf(rule: Rule, snap: Snapshot): Plan | null {
  const { plan } = rule.evaluate(contextFor(rule, snap, defaultBaseline()));
  return plan?.(namesLang(snap, 'en')) ?? null;
}

/**
 * ESLint-RuleTester style: each case is "healthy account with these parts replaced" and the
 * expected outcome, item ids and — for a failing case of a fixable rule — the exact plan. Every case
 * runs in both languages and every item's text must be translated (a missing key renders as the key).
 */
export function ruleTable(rule: Rule, cases: (Case & { plan?: PlanCase })[]): void {
  describe(rule.meta.id, () => {
    it.each(cases)('$name → $outcome', (c) => {
      const snap = snapshot(c.parts);
      for (const lang of ['en', 'ru'] as const) {
        const r = localizeResult(resultOf(rule, snap, defaultBaseline(), lang), createTranslator(dicts[lang], lang));
        expect(r.outcome, r.error?.message).toBe(c.outcome);
        if (c.items) expect(r.items.map((i) => i.id)).toEqual(c.items);
        for (const i of [...r.items, ...r.evidence]) {
          expect(i.text, `${lang} ${i.message.key}`).not.toBe(i.message.key);
          expect(i.text, `${lang} ${i.message.key}`).not.toMatch(/\{\w+\}/);
        }
        expect(r.title).not.toMatch(/^rules\./);
      }
      const plan = planOf(rule, snap);
      if (rule.meta.fix === null || c.outcome !== 'fail') {
        expect(plan, 'only a failing fixable rule plans').toBeNull();
        expect(c.plan, 'a plan case for a rule or outcome without a fix').toBeUndefined();
        return;
      }
      expect(c.plan, 'every failing case of a fixable rule states its exact plan').toBeDefined();
      expect(plan).not.toBeNull();
      expect({
        ...plan!,
        ops: plan!.ops.map(({ method, path, body, summary }) => ({ method, path, body, summary })),
      }).toEqual({
        ruleId: rule.meta.id,
        kind: rule.meta.fix,
        touches: [...rule.meta.touches],
        ops: c.plan!.ops.map((o, i) => ({ ...o, body: wholeBody(o, plan!.ops[i]) })),
        ...(c.plan!.manual?.length ? { manual: c.plan!.manual } : {}),
      });
    });

    if (rule.meta.fix !== null) {
      it('has a failing case with its exact plan', () => {
        expect(cases.some((c) => c.outcome === 'fail' && c.plan)).toBe(true);
      });
    }
  });
}

/** The whole body a plan case's op stands for: the target as read with the stated keys, or POST items tagged. */
function wholeBody(stated: OpCase, actual: Op | undefined): unknown {
  if (stated.method === 'POST' && Array.isArray(stated.body)) {
    return stated.body.map((item: object) => ({ ...item, request_id: '0' }));
  }
  if (stated.method === 'PATCH' && actual?.method === 'PATCH' && actual.before && typeof actual.before === 'object') {
    return { ...(actual.before as object), ...(stated.body as object) };
  }
  return stated.body;
}
