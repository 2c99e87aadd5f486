/**
 * Results as they arrive: while an audit gathers, the rules whose required parts are all in can already
 * be judged. A provisional report holds exactly those results; a rule still waiting for a part is simply
 * absent from it (never a new outcome), and is listed in `pendingRules`. Area scores of `readyAreas` are
 * final; the others, and the overall score, may still change.
 */
import { RULES } from '../audit/registry';
import { AREAS, type Area, type Report, type Rule } from '../audit/types';
import type { PartName, Snapshot } from '../snapshot/types';
import { scoreResults } from '../audit/scoring';

/** A report over the parts gathered so far. */
export interface ProvisionalReport {
  /** Results of the rules whose parts are all in (registry order); the rest are absent, not `error`. */
  report: Report;
  /** Rules still waiting for a part, in registry order. */
  pendingRules: string[];
  /** Parts not gathered yet. */
  pendingParts: PartName[];
  /** Areas every check of which is in: their scores will not change when the rest arrives. */
  readyAreas: Area[];
}

/** The rules a snapshot of some parts can already judge (every required part present, loaded or failed). */
export function readyRules(snapshot: Snapshot, rules: readonly Rule[] = RULES): Rule[] {
  return rules.filter((r) => r.meta.requires.every((p) => snapshot.parts[p] !== undefined));
}

/**
 * Builds provisional reports as parts arrive: one each time more rules become ready (not on every part),
 * so a long part streaming does not re-audit the rest again and again.
 */
export function provisionalTracker(opts: {
  parts: readonly PartName[];
  audit: (snapshot: Snapshot, rules: readonly Rule[]) => Report;
  emit: (p: ProvisionalReport) => void;
  rules?: readonly Rule[];
}): (part: PartName, sofar: Snapshot) => void {
  const rules = opts.rules ?? RULES;
  let judged = 0;
  return (_part, sofar) => {
    const ready = readyRules(sofar, rules);
    // The complete report comes from the audit itself; only the steps before it are provisional.
    if (ready.length === judged || ready.length === rules.length) return;
    judged = ready.length;
    const readyIds = new Set(ready.map((r) => r.meta.id));
    const pending = rules.filter((r) => !readyIds.has(r.meta.id));
    opts.emit({
      report: opts.audit(sofar, ready),
      pendingRules: pending.map((r) => r.meta.id),
      pendingParts: opts.parts.filter((p) => sofar.parts[p] === undefined),
      readyAreas: AREAS.filter((a) => !pending.some((r) => r.meta.area === a)),
    });
  };
}

/**
 * The report to show while an audit streams: the provisional results, and — for rules still pending —
 * the results of `base` (the report on screen before, e.g. the last one kept from an earlier visit), so
 * an area never goes blank while it waits. Scores are recomputed over what is shown; without a base the
 * pending rules are simply absent.
 */
export function withPending(p: ProvisionalReport, base: Report | null): Report {
  if (!base) return p.report;
  const fresh = new Map(p.report.results.map((r) => [r.ruleId, r]));
  const pending = new Set(p.pendingRules);
  const results = [
    ...base.results.map((r) => fresh.get(r.ruleId) ?? (pending.has(r.ruleId) ? r : null)),
    // A rule the base did not know (a newer version) still shows.
    ...p.report.results.filter((r) => !base.results.some((b) => b.ruleId === r.ruleId)),
  ].filter((r) => r !== null);
  const scores = scoreResults(results);
  const areas = scores.areas.map((a) => {
    const from = p.readyAreas.includes(a.id) ? p.report : base;
    return { ...a, failedParts: from.areas.find((x) => x.id === a.id)?.failedParts ?? [] };
  });
  return { ...p.report, ...scores, areas, results };
}
