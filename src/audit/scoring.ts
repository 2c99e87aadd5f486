/**
 * Scores, exactly as the checklist defines them: only pass and fail count; an area's score
 * is the share of passed weight; a critical failure caps its area at 0; the overall score is
 * the mean of area scores weighted by each area's judged weight. Weights and grade
 * thresholds are data (scoring.json).
 */
import config from './scoring.json';
import { AREAS } from './types';
import type { Area, AreaScore, Outcome, OutcomeCounts, Severity } from './types';
import type { PartName } from '../snapshot/types';

/** Weight of each severity in scores. */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = Object.freeze({ ...config.severityWeights });

/** Grade letters by minimum score, best first. */
export const GRADES: readonly { grade: string; min: number }[] = Object.freeze(
  [...config.grades].sort((a, b) => b.min - a.min),
);

const OUTCOMES: readonly Outcome[] = ['pass', 'fail', 'needs-review', 'manual', 'not-applicable', 'error'];

/** What scoring needs from a result. */
export interface Scored {
  area: Area;
  outcome: Outcome;
  severity: Severity;
}

/** Zero for every outcome. */
export function emptyCounts(): OutcomeCounts {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;
}

/** How many results have each outcome. */
export function countOutcomes(results: readonly { outcome: Outcome }[]): OutcomeCounts {
  const counts = emptyCounts();
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}

/** Unrounded score (0..100 or null when nothing weighted was judged) and the judged weight of one area. */
export function scoreArea(results: readonly Omit<Scored, 'area'>[]): { score: number | null; weight: number } {
  let passed = 0;
  let failed = 0;
  let criticalFailed = false;
  for (const r of results) {
    const w = SEVERITY_WEIGHTS[r.severity];
    if (r.outcome === 'pass') passed += w;
    if (r.outcome === 'fail') {
      failed += w;
      if (r.severity === 'critical') criticalFailed = true;
    }
  }
  const weight = passed + failed;
  if (weight === 0) return { score: null, weight: 0 };
  return { score: criticalFailed ? 0 : (100 * passed) / weight, weight };
}

/** Grade letter for a rounded score; null when there is no score. */
export function gradeOf(score: number | null): string | null {
  if (score === null) return null;
  return GRADES.find((g) => score >= g.min)?.grade ?? GRADES[GRADES.length - 1]?.grade ?? null;
}

/** Overall and per-area scores, counts and grade for a list of results. */
export function scoreResults(
  results: readonly Scored[],
  failedParts: Partial<Record<Area, { part: PartName; reason: string }[]>> = {},
): { score: number | null; grade: string | null; counts: OutcomeCounts; areas: AreaScore[] } {
  let sum = 0;
  let total = 0;
  const areas = AREAS.map((id): AreaScore => {
    const inArea = results.filter((r) => r.area === id);
    const { score, weight } = scoreArea(inArea);
    if (score !== null) {
      // Weighted by the unrounded area score so rounding happens once, at the end.
      sum += score * weight;
      total += weight;
    }
    return {
      id,
      score: score === null ? null : Math.round(score),
      counts: countOutcomes(inArea),
      failedParts: failedParts[id] ?? [],
    };
  });
  const score = total === 0 ? null : Math.round(sum / total);
  return { score, grade: gradeOf(score), counts: countOutcomes(results), areas };
}
