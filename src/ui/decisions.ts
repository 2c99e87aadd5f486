import type { Report, RuleResult } from '../audit/types';
import type { ManualTick } from './runner-port';

/** Results a person must decide: needs-review (confirm the setup exists) and manual checks, in report order. */
export function decisionResults(report: Report | null): RuleResult[] {
  if (!report) return [];
  return report.results.filter((r) => r.outcome === 'needs-review' || r.outcome === 'manual');
}

/** True when a person settled the result (ticked a manual check, marked a needs-review one as reviewed). */
export function isDecided(result: RuleResult, ticks: Record<string, ManualTick>): boolean {
  return ticks[result.ruleId]?.checked === true;
}

/** How many decisions are still open: what keeps a 100 from reading as done. */
export function decisionsLeft(report: Report | null, ticks: Record<string, ManualTick>): number {
  return decisionResults(report).filter((r) => !isDecided(r, ticks)).length;
}
