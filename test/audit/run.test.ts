import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run';
import { RULES } from '../../src/audit/registry';
import { defineRule } from '../../src/audit/define-rule';
import { defaultBaseline } from '../../src/audit/baseline/load';
import type { Rule } from '../../src/audit/types';
import { dicts, failed, ok, snapshot, user } from './fixtures';

const opts = (lang: 'en' | 'ru' = 'en', rules?: readonly Rule[]) => ({
  baseline: defaultBaseline(),
  lang,
  dict: dicts[lang],
  rules,
});

describe('runAudit', () => {
  it('gives exactly one result per registered rule, in registry order', () => {
    const report = runAudit(snapshot(), opts());
    expect(report.results.map((r) => r.ruleId)).toEqual(RULES.map((r) => r.meta.id));
  });

  it('on the healthy account every judged rule passes and manual items stay manual', () => {
    const report = runAudit(snapshot(), opts());
    for (const r of report.results) {
      expect([r.ruleId, r.outcome]).toEqual([
        r.ruleId,
        r.ruleId.startsWith('test-') || r.ruleId === 'setup-document-approved' ? 'manual' : 'pass',
      ]);
    }
    expect(report.score).toBe(100);
    expect(report.grade).toBe('A');
    expect(report.counts.manual).toBe(4);
  });

  it('is pure: the report comes from the snapshot only (time, requests, account, baseline)', () => {
    const snap = snapshot();
    const a = runAudit(snap, opts('ru'));
    const b = runAudit(snap, opts('ru'));
    expect(a).toEqual(b);
    expect(a.generatedAt).toBe(snap.takenAt);
    expect(a.requests).toEqual({ count: 12, retries: 1 });
    expect(a.account).toEqual({ id: 1, subdomain: 'test', name: 'Test' });
    expect(a.baseline).toMatchObject({ id: 'b2b-services', version: '1.0.0', name: 'B2B-услуги' });
    expect(a.schemaVersion).toBe(1);
  });

  it('a rule whose required part failed is an error naming the part and why; others still run', () => {
    const report = runAudit(snapshot({ users: failed('forbidden', 403), roles: failed('forbidden', 403) }), opts());
    const r = report.results.find((x) => x.ruleId === 'excess-admins')!;
    expect(r.outcome).toBe('error');
    expect(r.error).toMatchObject({ part: 'users', failure: { kind: 'forbidden', status: 403 } });
    expect(r.message).toBe(
      `Could not load users: ${dicts.en.errors && (dicts.en.errors as Record<string, string>).forbidden}`,
    );
    expect(report.results.find((x) => x.ruleId === 'unsorted-off')!.outcome).toBe('pass');
    const rights = report.areas.find((a) => a.id === 'rights')!;
    expect(rights.score).toBeNull();
    expect(rights.counts.error).toBe(5);
    expect(rights.failedParts.map((p) => p.part)).toEqual(['users', 'roles']);
    expect(report.areas.find((a) => a.id === 'pipeline')!.failedParts).toEqual([]);
    // data needs users for owner checks, so the failure shows there too
    expect(report.areas.find((a) => a.id === 'data')!.failedParts.map((p) => p.part)).toEqual(['users']);
  });

  it('falls back to the failure message when errors.<kind> has no text', () => {
    const report = runAudit(snapshot({ users: failed('forbidden', 403) }), {
      ...opts(),
      dict: { ...dicts.en, errors: {} },
    });
    expect(report.results.find((x) => x.ruleId === 'excess-admins')!.message).toBe(
      'Could not load users: raw forbidden',
    );
  });

  it('a part that was not gathered at all is an error too', () => {
    const rule = defineRule({
      meta: { id: 'needs-groups', area: 'fields', severity: 'low', requires: ['fieldGroups'], fix: null },
      check: () => ({ outcome: 'pass' }),
    });
    const [r] = runAudit(snapshot(), opts('en', [rule])).results;
    expect(r!.outcome).toBe('error');
    expect(r!.error!.part).toBe('fieldGroups');
    expect(r!.message).toBe('Could not load field groups: it was not gathered');
  });

  it('a rule that throws is an error and the report still renders', () => {
    const boom = defineRule({
      meta: { id: 'boom', area: 'data', severity: 'high', requires: [], fix: null },
      check: () => {
        throw new Error('kaput');
      },
    });
    const report = runAudit(snapshot(), opts('en', [boom, ...RULES]));
    expect(report.results).toHaveLength(RULES.length + 1);
    expect(report.results[0]).toMatchObject({ ruleId: 'boom', outcome: 'error', message: 'The check failed: kaput' });
    expect(report.score).toBe(100);
  });

  it('a rule that mutates its (frozen) input fails instead of corrupting the snapshot', () => {
    const sneaky = defineRule({
      meta: { id: 'sneaky', area: 'rights', severity: 'low', requires: ['users'], fix: null },
      check(ctx) {
        const users = (ctx.parts.users as { data: unknown[] }).data;
        users.push(user(99));
        return { outcome: 'pass' };
      },
    });
    const snap = snapshot();
    const [r] = runAudit(snap, opts('en', [sneaky])).results;
    expect(r!.outcome).toBe('error');
    expect((snap.parts.users as { data: unknown[] }).data).toHaveLength(5);
  });

  it('a rule reading a part it did not declare is an error', () => {
    const undeclared = defineRule({
      meta: { id: 'undeclared', area: 'rights', severity: 'low', requires: ['roles'], fix: null },
      check(ctx) {
        return { outcome: (ctx.parts.users as { data: unknown[] }).data.length ? 'pass' : 'fail' };
      },
    });
    expect(runAudit(snapshot(), opts('en', [undeclared])).results[0]!.outcome).toBe('error');
  });

  it('items get text, titles follow the outcome, why/howTo come from i18n', () => {
    const report = runAudit(snapshot({ users: ok([user(1, { admin: true }), user(3), user(4)]) }), opts('ru'));
    const r = report.results.find((x) => x.ruleId === 'single-admin')!;
    expect(r.outcome).toBe('fail');
    expect(r.title).toBe((dicts.ru.rules as any)['single-admin'].fail);
    expect(r.why).toBe((dicts.ru.rules as any)['single-admin'].why);
    expect(r.items[0]!.text).toBe('Единственный администратор: User 1 (u1@example.com)');
    expect(r.message).toBe('Найдена 1 проблема');
    const pass = report.results.find((x) => x.ruleId === 'unsorted-off')!;
    expect(pass.title).toBe((dicts.ru.rules as any)['unsorted-off'].pass);
  });

  it("a rule's fix feeds fix {kind, ops} only for failures; a throwing fix leaves fix null", () => {
    const meta = { id: 'fixable', area: 'pipeline', severity: 'low', requires: [], fix: 'safe' } as const;
    const op = { method: 'PATCH' as const, path: '/api/v4/x', body: {}, before: {}, summary: { key: 'k' } };
    const ok1 = defineRule({ meta, check: () => ({ outcome: 'fail', items: [] }), fix: () => [op] });
    const bad = defineRule({
      meta: { ...meta, id: 'bad' },
      check: () => ({ outcome: 'fail', items: [] }),
      fix: () => {
        throw new Error('x');
      },
    });
    const passing = defineRule({ meta: { ...meta, id: 'passing' }, check: () => [], fix: () => [op] });
    const results = runAudit(snapshot(), opts('en', [ok1, bad, passing])).results;
    expect(results.map((r) => r.fix)).toEqual([{ kind: 'safe', ops: 1 }, null, null]);
    expect(results[1]!.outcome).toBe('fail');
  });

  it('a check returning an invalid outcome is an error', () => {
    const wrong = defineRule({
      meta: { id: 'wrong', area: 'data', severity: 'low', requires: [], fix: null },
      check: () => ({ outcome: 'error' as never }),
    });
    expect(runAudit(snapshot(), opts('en', [wrong])).results[0]!.outcome).toBe('error');
  });
});
