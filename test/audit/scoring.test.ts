import { describe, expect, it } from 'vitest';
import {
  countOutcomes,
  coverageOf,
  gradeOf,
  scoreArea,
  scoreResults,
  SEVERITY_WEIGHTS,
  type Scored,
} from '../../src/audit/scoring';
import { AREAS } from '../../src/audit/types';

const r = (area: Scored['area'], severity: Scored['severity'], outcome: Scored['outcome']): Scored => ({
  area,
  severity,
  outcome,
});

describe('scoring', () => {
  it("weights are the checklist's", () => {
    expect(SEVERITY_WEIGHTS).toEqual({ critical: 10, high: 7, medium: 3, low: 1, info: 0 });
  });

  it.each([
    { name: 'nothing judged', rs: [], score: null },
    {
      name: 'only needs-review/manual/n-a/error',
      rs: [
        r('mail', 'medium', 'needs-review'),
        r('mail', 'high', 'manual'),
        r('mail', 'high', 'not-applicable'),
        r('mail', 'high', 'error'),
      ],
      score: null,
    },
    { name: 'only info judged (zero weight)', rs: [r('mail', 'info', 'fail')], score: null },
    { name: 'all pass', rs: [r('mail', 'medium', 'pass'), r('mail', 'low', 'pass')], score: 100 },
    { name: 'high pass, medium fail', rs: [r('mail', 'high', 'pass'), r('mail', 'medium', 'fail')], score: 70 },
    {
      name: 'low pass, medium fail + review ignored',
      rs: [r('mail', 'low', 'pass'), r('mail', 'medium', 'fail'), r('mail', 'high', 'needs-review')],
      score: 25,
    },
    {
      name: 'critical failure caps at 0',
      rs: [r('mail', 'high', 'pass'), r('mail', 'high', 'pass'), r('mail', 'critical', 'fail')],
      score: 0,
    },
    {
      name: 'critical pass does not cap',
      rs: [r('mail', 'critical', 'pass'), r('mail', 'low', 'fail')],
      score: (100 * 10) / 11,
    },
  ])('area: $name → $score', ({ rs, score }) => {
    expect(scoreArea(rs).score).toBe(score);
  });

  it('overall = mean of area scores weighted by judged weight, rounded at the end', () => {
    // fields: 3 pass, 3 fail → 50 with weight 6; rights: 7 pass → 100 with weight 7; mail unjudged
    const rs = [
      r('fields', 'medium', 'pass'),
      r('fields', 'medium', 'fail'),
      r('rights', 'high', 'pass'),
      r('mail', 'medium', 'needs-review'),
    ];
    const s = scoreResults(rs);
    expect(s.score).toBe(Math.round((50 * 6 + 100 * 7) / 13)); // 77, not the plain mean 75
    expect(s.grade).toBe('B');
    expect(s.areas.map((a) => a.id)).toEqual([...AREAS]);
    expect(s.areas.find((a) => a.id === 'mail')!.score).toBeNull();
    expect(s.areas.find((a) => a.id === 'fields')!.counts).toMatchObject({ pass: 1, fail: 1 });
    expect(s.counts).toEqual({ pass: 2, fail: 1, 'needs-review': 1, manual: 0, 'not-applicable': 0, error: 0 });
  });

  it('uses unrounded area scores for the overall score', () => {
    // data: 1 pass low, 2 fail medium → 1/7 = 14.28…; pipeline: 1 pass low → 100
    const rs = [
      r('data', 'low', 'pass'),
      r('data', 'medium', 'fail'),
      r('data', 'medium', 'fail'),
      r('pipeline', 'low', 'pass'),
    ];
    const s = scoreResults(rs);
    expect(s.areas.find((a) => a.id === 'data')!.score).toBe(14);
    expect(s.score).toBe(Math.round(((100 / 7) * 7 + 100) / 8));
  });

  it('the usage area counts half its judged weight, so the setup dominates the overall score', () => {
    // fields: 7 pass → 100 with weight 7; usage: 7 fail → 0 with weight 7, counted as 3.5
    const rs = [r('fields', 'high', 'pass'), r('usage', 'high', 'fail')];
    const s = scoreResults(rs);
    expect(s.areas.find((a) => a.id === 'usage')!.score).toBe(0);
    expect(s.score).toBe(Math.round((100 * 7) / (7 + 3.5))); // 67, not 50
    expect(s.areas.map((a) => a.id).slice(-2)).toEqual(['data', 'usage']);
  });

  it('a capped area pulls the overall score with its weight', () => {
    const rs = [r('fields', 'critical', 'fail'), r('fields', 'high', 'pass'), r('rights', 'high', 'pass')];
    expect(scoreResults(rs).score).toBe(Math.round((0 * 17 + 100 * 7) / 24));
  });

  it('no judged area → null score and grade', () => {
    const s = scoreResults([r('mail', 'medium', 'manual')]);
    expect(s.score).toBeNull();
    expect(s.grade).toBeNull();
  });

  it.each([
    [100, 'A'],
    [90, 'A'],
    [89, 'B'],
    [75, 'B'],
    [74, 'C'],
    [50, 'C'],
    [49, 'D'],
    [0, 'D'],
    [null, null],
  ])('grade %s → %s', (score, grade) => expect(gradeOf(score)).toBe(grade));

  it('passes failed parts through per area', () => {
    const failure = { kind: 'forbidden' as const, status: 403, message: 'Forbidden' };
    const s = scoreResults([], { rights: [{ part: 'users', failure }] });
    expect(s.areas.find((a) => a.id === 'rights')!.failedParts).toEqual([{ part: 'users', failure }]);
    expect(s.areas.find((a) => a.id === 'fields')!.failedParts).toEqual([]);
  });

  it('counts every outcome', () => {
    expect(countOutcomes([{ outcome: 'error' }, { outcome: 'error' }, { outcome: 'manual' }])).toMatchObject({
      error: 2,
      manual: 1,
      pass: 0,
    });
  });

  it.each([
    {
      name: 'every check ran',
      outcomes: ['pass', 'fail', 'manual'],
      coverage: { total: 3, checked: 3, errored: 0, scored: 2 },
    },
    {
      name: 'one could not run',
      outcomes: ['pass', 'error', 'needs-review'],
      coverage: { total: 3, checked: 2, errored: 1, scored: 1 },
    },
    { name: 'nothing ran', outcomes: ['error', 'error'], coverage: { total: 2, checked: 0, errored: 2, scored: 0 } },
    { name: 'no checks', outcomes: [], coverage: { total: 0, checked: 0, errored: 0, scored: 0 } },
  ] as const)('coverage: $name', ({ outcomes, coverage }) => {
    expect(coverageOf(outcomes.map((outcome) => ({ outcome })))).toEqual(coverage);
  });

  it('rules in error mark the overall score and their areas incomplete; 100 stays 100 but says so', () => {
    const rs = [r('fields', 'high', 'pass'), r('rights', 'high', 'error'), r('rights', 'low', 'pass')];
    const s = scoreResults(rs);
    expect(s.score).toBe(100);
    expect(s.incomplete).toBe(true);
    expect(s.coverage).toEqual({ total: 3, checked: 2, errored: 1, scored: 2 });
    const byArea = Object.fromEntries(s.areas.map((a) => [a.id, [a.incomplete, a.coverage.errored]]));
    expect(byArea.fields).toEqual([false, 0]);
    expect(byArea.rights).toEqual([true, 1]);
    expect(scoreResults([r('fields', 'high', 'pass')]).incomplete).toBe(false);
  });
});
