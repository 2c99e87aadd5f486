import { AREAS, SEVERITIES } from '../audit/types';
import type { AreaScore, Outcome, Report, RuleResult, Severity } from '../audit/types';

// Failures first, then what still needs a person, then what is settled.
const OUTCOME_RANK: Record<Outcome, number> = {
  fail: 0,
  error: 1,
  'needs-review': 2,
  manual: 3,
  pass: 4,
  'not-applicable': 5,
};
const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/** Sorts results failures first, each group by severity; ties keep the registry order. */
export function sortResults(results: readonly RuleResult[]): RuleResult[] {
  return results
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        OUTCOME_RANK[a.r.outcome] - OUTCOME_RANK[b.r.outcome] ||
        SEVERITY_RANK[a.r.severity] - SEVERITY_RANK[b.r.severity] ||
        a.i - b.i,
    )
    .map((x) => x.r);
}

/** An area of the report with its results, sorted for display. */
export interface AreaView {
  area: AreaScore;
  results: RuleResult[];
}

/** Areas in setup order (fields … data), each with its sorted results; areas absent from the report are skipped. */
export function areaViews(report: Report): AreaView[] {
  const byId = new Map(report.areas.map((a) => [a.id, a]));
  const views: AreaView[] = [];
  for (const id of AREAS) {
    const area = byId.get(id);
    if (!area) continue;
    views.push({ area, results: sortResults(report.results.filter((r) => r.area === id)) });
  }
  return views;
}

/** An item link usable as same-origin href: a CRM path like `/settings/…`, never a scheme or `//host`. */
export function safeLink(link: string | undefined): string | undefined {
  if (!link?.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) return undefined;
  return link;
}
