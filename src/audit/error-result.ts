import type { Area, AuditResult, Message, ResultError, Severity } from './types';

/**
 * The result of a check that could not be judged: outcome `error`, nothing found, no fix, and the error's
 * reason as its message. One shape for every such result (a failed part, a crashed rule, a report that
 * predates the rule, a document section that could not be planned), so no view meets two.
 */
export function errorResult(r: {
  ruleId: string;
  area: Area;
  severity: Severity;
  title: Message;
  why: Message;
  howTo: Message;
  error: ResultError;
}): AuditResult {
  return {
    ruleId: r.ruleId,
    area: r.area,
    outcome: 'error',
    severity: r.severity,
    items: [],
    evidence: [],
    fix: null,
    keys: { title: r.title, message: r.error.reason, why: r.why, howTo: r.howTo },
    error: r.error,
  };
}
