import type { RunLimits } from '../../api/client';
import { type Baseline, DEFAULT_LIMITS } from './types';

/** The API client's bounds for one audit under this baseline (absent keys take DEFAULT_LIMITS). */
export function runLimits(baseline: Pick<Baseline, 'limits'>): RunLimits {
  const limits = { ...DEFAULT_LIMITS, ...baseline.limits };
  return {
    maxRetryAfterMs: limits.maxRetryAfterSeconds * 1000,
    deadlineMs: limits.auditDeadlineMinutes * 60_000,
  };
}
