import type { Report } from '../audit/types';

/**
 * What "Fix all safe" means, in the panel and the CLI alike: the results that fail now and whose fix is
 * `safe` and has something to change. Rules that pass, or whose fix needs a confirmation, are never included.
 */
export function allSafeRuleIds(report: Pick<Report, 'results'> | null): string[] {
  if (!report) return [];
  return report.results
    .filter((r) => r.outcome === 'fail' && r.fix?.kind === 'safe' && r.fix.ops > 0)
    .map((r) => r.ruleId);
}
