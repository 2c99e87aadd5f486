import type { Coverage } from '../audit/scoring';
import type { Translate } from './translate';

/**
 * What a score rests on, in words, when it rests on fewer checks than it should ("The score covers 6 of
 * 30 checks — 24 checks could not run"); null for a complete score, so renderers add nothing then.
 */
export function coverageLine(coverage: Coverage, t: Translate): string | null {
  if (coverage.errored === 0) return null;
  return [
    t('score.covers', { checked: coverage.checked, total: coverage.total, count: coverage.total }),
    t('score.notRun', { count: coverage.errored }),
  ].join(' — ');
}

/** The short mark beside an incomplete area score ("incomplete"); empty for a complete one. */
export function incompleteMark(incomplete: boolean, t: Translate): string {
  return incomplete ? t('score.incomplete') : '';
}
