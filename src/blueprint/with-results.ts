import { localizeReport } from '../audit/localize';
import { scoreResults } from '../audit/scoring';
import type { AuditResult, Report } from '../audit/types';
import type { Translate } from '../i18n/translate';

/** The report with extra results, its counts and scores recomputed over all of them, in the report's language. */
export function withResults(report: Report, extra: AuditResult[], t: Translate): Report {
  const results: AuditResult[] = [...report.results.filter((r) => !extra.some((e) => e.ruleId === r.ruleId)), ...extra];
  const failed = Object.fromEntries(
    report.areas.map((a) => [a.id, a.failedParts.map((f) => ({ part: f.part, failure: f.failure }))]),
  );
  const scores = scoreResults(results, failed);
  return localizeReport({ ...report, ...scores, results }, t, report.lang);
}
