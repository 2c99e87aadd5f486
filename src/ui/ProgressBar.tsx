import type { GatherProgress as Progress } from './runner-port';
import { usePanelEnv } from './context';
import { shownTimeLeft, timeLeftText } from '../runner/time-left-text';

/**
 * Gathering progress with a Cancel button; announced politely. Once an earlier audit says how many
 * requests the parts still running have left, the bar follows requests (it would otherwise sit at "13 of
 * 15 parts" for the whole data scan) and a second line gives the time left; without it, the line says
 * what was read and at what rate, and that there is no estimate.
 */
export function ProgressBar({ progress }: { progress: Progress | null }) {
  const { t, lang, dispatch } = usePanelEnv();
  const done = progress?.partsDone ?? 0;
  const total = progress?.partsTotal ?? 0;
  const tl = progress?.timeLeft ?? null;
  const left = tl?.requestsLeft ?? null;
  const requests = progress?.requests ?? 0;
  // By requests when the rest is known, else by parts.
  const [now, max] = left !== null && done < total ? [requests, requests + left] : [Math.min(done, total), total];
  const percent = max > 0 ? Math.round((100 * now) / max) : 0;
  const text = total > 0 ? t('ui.progress.text', { done, total, requests }) : t('ui.progress.starting');
  const scan = tl ? timeLeftText(tl, t, lang) : null;
  const shown = tl && scan ? shownTimeLeft(tl) : null;
  return (
    <div class="sa-progress">
      <div
        class="sa-progress__bar"
        role="progressbar"
        aria-label={t('ui.progress.label')}
        aria-valuemin={0}
        aria-valuemax={max || 1}
        aria-valuenow={max ? now : 0}
        aria-valuetext={scan ? `${text}. ${scan}` : text}
      >
        <div class="sa-progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <p class="sa-progress__text" aria-live="polite">
        {text}
      </p>
      {scan && shown && (
        <p
          class="sa-progress__text sa-progress__scan"
          data-role="time-left"
          data-basis={tl?.basis}
          data-seconds-left={
            tl?.secondsLeft === null || !tl ? undefined : String(Math.max(0, Math.round(tl.secondsLeft)))
          }
        >
          {scan}
        </p>
      )}
      <button type="button" class="sa-button" data-action="cancel" onClick={() => dispatch({ type: 'cancel-audit' })}>
        {t('ui.progress.cancel')}
      </button>
    </div>
  );
}
