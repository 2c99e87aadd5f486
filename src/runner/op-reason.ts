import type { OpReport } from '../fix/outcome';
import { displayValue } from '../fix/value';
import type { Translate } from '../i18n/translate';

/**
 * Why an op failed, was skipped or conflicted, as one line: the API's own words for a failure, the
 * translated reason (with both values for a conflict) otherwise; undefined for an op that simply applied.
 */
export function opReason(op: OpReport, t: Translate): string | undefined {
  if (op.error) return [op.error.message, ...(op.error.details ?? [])].join('; ');
  if (!op.reason) return undefined;
  return t(op.reason.key, {
    ...op.reason.params,
    ...(op.status === 'conflict' ? { expected: displayValue(op.expected), actual: displayValue(op.actual) } : {}),
  });
}
