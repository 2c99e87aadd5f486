/**
 * Scores, exactly as the checklist defines them: only pass and fail count; an area's score
 * is the share of passed weight; a critical failure caps its area at 0; the overall score is
 * the mean of area scores weighted by each area's judged weight (times the area's weight, which is 1
 * for every setup area). Weights and grade thresholds are data (scoring.json).
 */
import config from './scoring.json';
import { AREAS, OUTCOMES } from './types';
import type { Area, AuditAreaScore, FailedPart, Outcome, OutcomeCounts, Severity } from './types';

/** Weight of each severity in scores. */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = Object.freeze({ ...config.severityWeights });

/**
 * How much each area's judged weight counts in the overall score. The setup areas count in full. `usage`
 * counts half: it judges how sellers work (guidance a head of sales acts on, nothing the audit can fix) and
 * its ten rules weigh 28 — a third of the setup's ~85 — so at full weight a busy but badly set-up account
 * would score as well as a well set-up one; at half it moves the overall score by at most about 14 points.
 */
export const AREA_WEIGHTS: Readonly<Record<Area, number>> = Object.freeze({ ...config.areaWeights });

/** Grade letters by minimum score, best first. */
export const GRADES: readonly { grade: string; min: number }[] = Object.freeze(
  [...config.grades].sort((a, b) => b.min - a.min),
);

/**
 * How much of the checklist a score rests on, so a score never reads as more than it is: a rule in
 * `error` (a part failed to load — e.g. a manager's token cannot read users — or its check crashed) was
 * not checked, and a score with any such rule is `incomplete`.
 */
export interface Coverage {
  /** Checks in scope: one per rule (of the report, or of the area). */
  total: number;
  /** Checks that ran, whatever their outcome (every one but `error`). */
  checked: number;
  /** Checks that could not run (`error`). */
  errored: number;
  /** Checks the score is computed from (pass or fail). */
  scored: number;
}

/** The coverage of a list of results. */
export function coverageOf(results: readonly { outcome: Outcome }[]): Coverage {
  const errored = results.filter((r) => r.outcome === 'error').length;
  const scored = results.filter((r) => r.outcome === 'pass' || r.outcome === 'fail').length;
  return { total: results.length, checked: results.length - errored, errored, scored };
}

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
  failedParts: Partial<Record<Area, FailedPart[]>> = {},
): {
  score: number | null;
  grade: string | null;
  counts: OutcomeCounts;
  coverage: Coverage;
  incomplete: boolean;
  areas: AuditAreaScore[];
} {
  let sum = 0;
  let total = 0;
  const areas = AREAS.map((id): AuditAreaScore => {
    const inArea = results.filter((r) => r.area === id);
    const { score, weight } = scoreArea(inArea);
    if (score !== null) {
      // Weighted by the unrounded area score so rounding happens once, at the end.
      sum += score * weight * AREA_WEIGHTS[id];
      total += weight * AREA_WEIGHTS[id];
    }
    const coverage = coverageOf(inArea);
    return {
      id,
      score: score === null ? null : Math.round(score),
      counts: countOutcomes(inArea),
      coverage,
      incomplete: coverage.errored > 0,
      failedParts: failedParts[id] ?? [],
    };
  });
  const score = total === 0 ? null : Math.round(sum / total);
  const coverage = coverageOf(results);
  return {
    score,
    grade: gradeOf(score),
    counts: countOutcomes(results),
    coverage,
    incomplete: coverage.errored > 0,
    areas,
  };
}
