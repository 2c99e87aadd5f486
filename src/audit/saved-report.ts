/**
 * A report kept by an earlier version, as this version shows it until the next audit replaces it. Two
 * things change between versions: a part may be renamed (`openLeads` became `leads`), and rules may be
 * added (the In use area's ten). A kept report is never re-judged: a rule it lacks is shown as not
 * available with the reason (`items.notInSavedReport`), never as passed or as nothing to judge, and the
 * scores are counted again over the result list as it then stands.
 */
import { LEGACY_LEADS_PART } from '../snapshot/migrate';
import type { PartName } from '../snapshot/types';
import { errorResult } from './error-result';
import { RULES } from './registry';
import { scoreResults } from './scoring';
import type { Area, AuditReport, AuditResult, FailedPart, ResultError, Rule } from './types';

/** Part names earlier versions wrote, by the name this version gives the same read. */
const RENAMED_PARTS: Readonly<Record<string, PartName>> = { [LEGACY_LEADS_PART]: 'leads' };

const renamed = (part: string): PartName => RENAMED_PARTS[part] ?? (part as PartName);

function renameError(error: ResultError): ResultError {
  if (error.part === null || !(error.part in RENAMED_PARTS)) return error;
  const part = renamed(error.part);
  const params = error.reason.params && 'part' in error.reason.params ? { ...error.reason.params, part } : undefined;
  return { ...error, part, reason: params ? { ...error.reason, params } : error.reason };
}

/** The result a rule gets when the kept report predates it: `error`, saying so. */
function notInSavedReport(rule: Rule): AuditResult {
  const { id, area, severity } = rule.meta;
  return errorResult({
    ruleId: id,
    area,
    severity,
    title: { key: `rules.${id}.fail` },
    why: { key: `rules.${id}.why` },
    howTo: { key: `rules.${id}.howTo` },
    error: { part: null, failure: null, reason: { key: 'items.notInSavedReport' } },
  });
}

/** True when the kept report needs nothing from this function: every rule there, no old part name. */
function current(report: AuditReport, rules: readonly Rule[]): boolean {
  const ids = report.results.map((r) => r.ruleId);
  const oldPart = (p: string | null | undefined) => !!p && p in RENAMED_PARTS;
  return (
    ids.length === rules.length &&
    rules.every((r, i) => ids[i] === r.meta.id) &&
    !report.results.some((r) => oldPart(r.error?.part)) &&
    !report.areas.some((a) => (a.failedParts ?? []).some((f) => oldPart(f.part)))
  );
}

/**
 * The kept report with this version's part names and one result per rule of the registry, in its order
 * (a rule it lacks: not available, see above; a result of a rule no longer shipped is left out, its texts
 * are gone). Its scores, counts and coverage are counted again; a current report is returned as it is.
 * Localise the answer before showing it (the results it adds carry keys only).
 */
export function upgradeSavedReport(report: AuditReport, rules: readonly Rule[] = RULES): AuditReport {
  if (current(report, rules)) return report;
  const byId = new Map(report.results.map((r) => [r.ruleId, r]));
  const results = rules.map((rule): AuditResult => {
    const kept = byId.get(rule.meta.id);
    if (!kept) return notInSavedReport(rule);
    return kept.error ? { ...kept, error: renameError(kept.error) } : kept;
  });
  const failedParts: Partial<Record<Area, FailedPart[]>> = {};
  for (const a of report.areas) failedParts[a.id] = (a.failedParts ?? []).map((f) => ({ ...f, part: renamed(f.part) }));
  const scores = scoreResults(results, failedParts);
  return { ...report, ...scores, results };
}
