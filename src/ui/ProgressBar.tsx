import type { GatherProgress as Progress } from './runner-port';
import { usePanelEnv } from './context';

/** Gathering progress (parts done, requests made) with a Cancel button; announced politely. */
export function ProgressBar({ progress }: { progress: Progress | null }) {
  const { t, dispatch } = usePanelEnv();
  const done = progress?.partsDone ?? 0;
  const total = progress?.partsTotal ?? 0;
  const percent = total > 0 ? Math.round((100 * Math.min(done, total)) / total) : 0;
  const text =
    total > 0 ? t('ui.progress.text', { done, total, requests: progress?.requests ?? 0 }) : t('ui.progress.starting');
  return (
    <div class="sa-progress">
      <div
        class="sa-progress__bar"
        role="progressbar"
        aria-label={t('ui.progress.label')}
        aria-valuemin={0}
        aria-valuemax={total || 1}
        aria-valuenow={total ? done : 0}
        aria-valuetext={text}
      >
        <div class="sa-progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <p class="sa-progress__text" aria-live="polite">
        {text}
      </p>
      <button type="button" class="sa-button" data-action="cancel" onClick={() => dispatch({ type: 'cancel-audit' })}>
        {t('ui.progress.cancel')}
      </button>
    </div>
  );
}
