import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/api/client';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { RULES } from '../../src/audit/registry';
import type { Report } from '../../src/audit/types';
import { dictionaryFor } from '../../src/cli/dict';
import { createEmulator } from '../../src/emulator';
import { type ProvisionalReport, withPending } from '../../src/runner/provisional';
import { createWorkflow } from '../../src/runner/workflow';
import { FIXED_NOW } from '../support/emulated';
import { localFixEngine } from '../../src/runner/fix-engine-local';

/** A workflow whose contact and lead pages answer late, as on a large account where the data scan takes longest. */
function slowDataWorkflow(seed = 'messy') {
  const emulator = createEmulator({ seed: seed as never, now: () => FIXED_NOW, rate: 1000, quiet: true });
  const client = new ApiClient({
    baseUrl: 'https://emulator.test',
    token: 'dev-token',
    rps: 1000,
    fetch: async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (/\/api\/v4\/(contacts|leads|companies)(\?|$)/.test(url)) await new Promise((r) => setTimeout(r, 40));
      return emulator.fetch(input, init);
    },
  });
  return createWorkflow({
    client,
    baseline: defaultBaseline(),
    lang: 'en',
    dict: dictionaryFor('en'),
    fixes: async () => localFixEngine,
    now: () => new Date(FIXED_NOW),
  });
}

describe('results as they arrive', () => {
  it('setup areas are reported before the data scan ends; each provisional result is already the final one', async () => {
    const seen: ProvisionalReport[] = [];
    const { report } = await slowDataWorkflow().audit({ onProvisional: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(1);
    // Each provisional report judges more rules than the one before; none is the complete report.
    const sizes = seen.map((p) => p.report.results.length);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    expect(new Set(sizes).size).toBe(sizes.length);
    expect(sizes.at(-1)).toBeLessThan(RULES.length);
    for (const p of seen) {
      // A rule is either judged or pending, never both, never neither; pending rules are absent (no new outcome).
      expect([...p.report.results.map((r) => r.ruleId), ...p.pendingRules].sort()).toEqual(
        RULES.map((r) => r.meta.id).sort(),
      );
      for (const r of p.report.results) expect(r).toEqual(report.results.find((f) => f.ruleId === r.ruleId));
      // A ready area's score is already its final score.
      for (const a of p.readyAreas) {
        expect(p.report.areas.find((x) => x.id === a)).toEqual(report.areas.find((x) => x.id === a));
      }
    }
    // While contacts still stream, the card fields, rights and pipeline areas are complete.
    const early = seen.findLast((p) => p.pendingParts.includes('contacts'));
    expect(early?.readyAreas).toEqual(expect.arrayContaining(['fields', 'rights', 'pipeline']));
    expect(early?.readyAreas).not.toContain('data');
  });

  it('a cancel keeps what was known: the provisional reports before it stand', async () => {
    const ctrl = new AbortController();
    const seen: ProvisionalReport[] = [];
    const audit = slowDataWorkflow().audit({
      signal: ctrl.signal,
      onProvisional: (p) => {
        seen.push(p);
        if (p.readyAreas.includes('fields')) ctrl.abort();
      },
    });
    await expect(audit).rejects.toThrow();
    expect(seen.at(-1)?.readyAreas).toContain('fields');
  });
});

describe('withPending: what the panel shows while an audit streams over a kept report', () => {
  const result = (ruleId: string, area: 'fields' | 'data', outcome: 'pass' | 'fail') =>
    ({ ruleId, area, outcome, severity: 'medium' }) as Report['results'][number];
  const report = (results: Report['results']) =>
    ({ results, areas: [], score: null, grade: null }) as unknown as Report;

  it('fresh results for ready rules, the base’s for pending ones, scores over what is shown', () => {
    const base = report([result('a', 'fields', 'fail'), result('b', 'data', 'pass')]);
    const p: ProvisionalReport = {
      report: report([result('a', 'fields', 'pass')]),
      pendingRules: ['b'],
      pendingParts: ['contacts'],
      readyAreas: ['fields'],
    };
    const shown = withPending(p, base);
    expect(shown.results.map((r) => [r.ruleId, r.outcome])).toEqual([
      ['a', 'pass'],
      ['b', 'pass'],
    ]);
    expect(shown.score).toBe(100);
    expect(withPending(p, null)).toBe(p.report);
  });
});
