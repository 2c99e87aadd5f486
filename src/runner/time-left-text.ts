/**
 * The time-left estimate in words, one text for both faces (the panel's progress, the CLI's line): the
 * parts still being read, the pages read so far at the rate the audit gets, and "about N left" only when
 * an earlier audit of the account says how many requests are left.
 */
import type { Lang, Translate } from '../i18n/translate';
import type { TimeLeft } from '../snapshot/time-left';

/** How the time left is shown: a count of seconds or of minutes, "almost done", or no estimate and why. */
export type TimeLeftShown =
  | { unit: 'seconds' | 'minutes'; count: number }
  | { unit: 'almost-done' }
  | { unit: 'none'; why: 'unknown' | 'beyond-previous' };

/**
 * Rounds the estimate for people: an estimate is never exact, so seconds go up in steps of 5 and minutes
 * to the nearest whole; under a second reads "almost done".
 */
export function shownTimeLeft(tl: TimeLeft): TimeLeftShown {
  if (tl.secondsLeft === null)
    return { unit: 'none', why: tl.basis === 'beyond-previous' ? 'beyond-previous' : 'unknown' };
  const s = Math.max(0, tl.secondsLeft);
  if (s < 1) return { unit: 'almost-done' };
  if (s < 60) return { unit: 'seconds', count: Math.min(60, Math.ceil(s / 5) * 5) };
  return { unit: 'minutes', count: Math.round(s / 60) };
}

/** The estimate's line, or null while there is nothing to say (nothing running, or no request made yet). */
export function timeLeftText(tl: TimeLeft, t: Translate, lang: Lang): string | null {
  if (tl.running.length === 0 || tl.requests === 0) return null;
  const parts = new Intl.ListFormat(lang, { type: 'conjunction' }).format(tl.running.map((p) => t(`parts.${p}`)));
  const rate = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(tl.rate);
  const shown = shownTimeLeft(tl);
  const left =
    shown.unit === 'none'
      ? t(shown.why === 'beyond-previous' ? 'ui.progress.scan.beyond' : 'ui.progress.scan.unknown')
      : shown.unit === 'almost-done'
        ? t('ui.progress.scan.almostDone')
        : t(shown.unit === 'seconds' ? 'ui.progress.scan.seconds' : 'ui.progress.scan.minutes', { count: shown.count });
  return t('ui.progress.scan.line', {
    parts,
    pages: t('ui.progress.scan.pages', { count: tl.requests }),
    rate: t('ui.progress.scan.rate', { rate }),
    left,
  });
}
