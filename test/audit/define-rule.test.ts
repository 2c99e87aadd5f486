import { describe, expect, it } from 'vitest';
import { defineRule, type Finding } from '../../src/audit/define-rule';
import { contextFor, runAudit } from '../../src/audit/run';
import { defaultBaseline } from '../../src/audit/baseline/load';
import type { Op } from '../../src/fix/types';
import { dicts, snapshot } from './fixtures';

const op = (path: string): Op => ({ method: 'PATCH', path, body: {}, before: {}, summary: { key: 'k' } });
const baseMeta = { id: 'probe', area: 'pipeline', severity: 'low', requires: ['pipelines'] } as const;
const evaluate = (rule: ReturnType<typeof defineRule>) =>
  rule.evaluate(contextFor(rule, snapshot(), defaultBaseline()));

describe('defineRule', () => {
  it('a fix and meta.fix go together', () => {
    expect(() => defineRule({ meta: { ...baseMeta, fix: 'safe' }, check: () => [] })).toThrow(/go together/);
    expect(() => defineRule({ meta: baseMeta, check: () => [], fix: () => [] })).toThrow(/go together/);
  });

  it('findings become items with keys items.<id>.<message>, params, link and data; none = pass', () => {
    const rule = defineRule({
      meta: { ...baseMeta, messages: ['stage'] },
      check: () => [{ id: 's:1', message: 'stage', params: { stage: 'A' }, link: '/x', data: { n: 1 } }],
    });
    expect(evaluate(rule).result).toEqual({
      outcome: 'fail',
      items: [{ id: 's:1', message: { key: 'items.probe.stage', params: { stage: 'A' } }, link: '/x', data: { n: 1 } }],
    });
    expect(evaluate(defineRule({ meta: baseMeta, check: () => [] })).result).toEqual({ outcome: 'pass' });
    expect(evaluate(defineRule({ meta: baseMeta, check: () => 'not-applicable' })).result).toEqual({
      outcome: 'not-applicable',
    });
  });

  it('a message not declared in meta.messages makes the result an error, not an untranslated line', () => {
    const rule = defineRule({ meta: { ...baseMeta, messages: ['a'] }, check: () => [{ id: 'x', message: 'b' }] });
    const [r] = runAudit(snapshot(), {
      baseline: defaultBaseline(),
      lang: 'en',
      dict: dicts.en,
      rules: [rule],
    }).results;
    expect(r!.outcome).toBe('error');
    expect(r!.message).toMatch(/"b" is not in meta.messages/);
  });

  it('the plan gets ruleId, kind, touches (= requires unless stated) and the typed findings; manual steps kept', () => {
    type F = Finding<{ path: string }>;
    const seen: F[][] = [];
    const rule = defineRule<F>({
      meta: { ...baseMeta, fix: 'confirm', messages: ['m'] },
      check: () => [{ id: '1', message: 'm', data: { path: '/api/v4/a' } }],
      fix: (_ctx, findings, ops) => {
        seen.push([...findings]);
        return { ops: findings.map((f) => op(f.data.path)), manual: [{ key: `hand.${ops.lang}` }] };
      },
    });
    expect(evaluate(rule).plan!('ru')).toEqual({
      ruleId: 'probe',
      kind: 'confirm',
      ops: [op('/api/v4/a')],
      touches: ['pipelines'],
      manual: [{ key: 'hand.ru' }],
    });
    expect(seen[0]!.map((f) => f.data.path)).toEqual(['/api/v4/a']);
    const touching = defineRule<F>({
      meta: { ...baseMeta, fix: 'safe', messages: ['m'], touches: ['pipelines', 'leadFields'] },
      check: () => [{ id: '1', message: 'm', data: { path: '/api/v4/b' } }],
      fix: (_ctx, findings) => findings.map((f) => op(f.data.path)),
    });
    expect(evaluate(touching).plan!('en')).toMatchObject({ kind: 'safe', touches: ['pipelines', 'leadFields'] });
  });

  it('no plan for a passing result; metadata is frozen', () => {
    const rule = defineRule({ meta: { ...baseMeta, fix: 'safe' }, check: () => [], fix: () => [op('/x')] });
    expect(evaluate(rule).plan).toBeNull();
    expect(Object.isFrozen(rule.meta) && Object.isFrozen(rule.meta.requires)).toBe(true);
  });
});
