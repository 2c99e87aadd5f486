import { scoreResults } from '../audit/scoring';
import type { Report, RuleResult } from '../audit/types';

/** The overall score the report would have if these failing results passed (scoring is the audit's own). */
export function scoreIfPassed(report: Report, ruleIds: readonly string[]): number | null {
  const fixed = new Set(ruleIds);
  return scoreResults(
    report.results.map((r) => (fixed.has(r.ruleId) && r.outcome === 'fail' ? { ...r, outcome: 'pass' as const } : r)),
  ).score;
}

/**
 * Points the overall score gains when these results pass. Both sides are scored the same way so the
 * difference is exact even when the report's own score was computed with more context.
 */
export function gainOf(report: Report, ruleIds: readonly string[]): number {
  const now = scoreResults(report.results).score ?? 0;
  return Math.max(0, (scoreIfPassed(report, ruleIds) ?? 0) - now);
}

/** One entry of "Top fixes": a failing result, what fixing it is worth, and whether the panel can fix it. */
export interface TopFix {
  result: RuleResult;
  gain: number;
  automatic: boolean;
}

/**
 * The `limit` failing results worth most to the score (an automatic fix wins a tie), listed automatic
 * ones first: what an admin should do next, in one glance. Results worth nothing (a critical failure
 * elsewhere in their area caps it at 0) are left out.
 */
export function topFixes(report: Report, canFix: boolean, limit = 5): TopFix[] {
  const all = report.results
    .filter((r) => r.outcome === 'fail')
    .map((result) => ({ result, gain: gainOf(report, [result.ruleId]), automatic: canFix && result.fix !== null }))
    .filter((f) => f.gain > 0);
  const best = all.sort((a, b) => b.gain - a.gain || Number(b.automatic) - Number(a.automatic)).slice(0, limit);
  return best.sort((a, b) => Number(b.automatic) - Number(a.automatic) || b.gain - a.gain);
}
