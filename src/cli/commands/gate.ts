import type { Report } from '../../audit/types';
import type { CliMessage } from '../errors';

/** What `--fail-under` decided, with the line that says why when it failed. */
export type Gate = { passed: true } | { passed: false; message: CliMessage };

/**
 * `--fail-under N`: the score must reach N, and it must be complete. A rule in `error` was not checked, so
 * a score with such rules may be high only because the failing checks could not run (a manager's token
 * cannot read roles): the gate fails unless `--allow-incomplete` says a partial score is enough.
 */
export function gateOf(report: Report, threshold: number, allowIncomplete: boolean): Gate {
  const unchecked = report.results.filter((r) => r.outcome === 'error').length;
  if (unchecked > 0 && !allowIncomplete) {
    return {
      passed: false,
      message: { key: 'cli.incomplete', params: { score: report.score ?? '—', count: unchecked, threshold } },
    };
  }
  if (report.score === null || report.score < threshold) {
    return {
      passed: false,
      message: { key: 'cli.belowThreshold', params: { score: report.score ?? '—', threshold } },
    };
  }
  return { passed: true };
}
