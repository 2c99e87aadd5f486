import { usePanelEnv } from './context';

const RADIUS = 42;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** Colour band of a score; the stylesheet maps it to the CRM palette. */
export function scoreTone(score: number | null): 'none' | 'good' | 'fair' | 'poor' {
  if (score === null) return 'none';
  if (score >= 85) return 'good';
  return score >= 60 ? 'fair' : 'poor';
}

/** The overall score as an SVG ring with the grade; `data-score` is empty when nothing was judged. */
export function Gauge({ score, grade }: { score: number | null; grade: string | null }) {
  const { t } = usePanelEnv();
  const clamped = score === null ? 0 : Math.max(0, Math.min(100, score));
  const filled = (CIRCUMFERENCE * clamped) / 100;
  const label = score === null ? t('ui.gauge.none') : t('ui.gauge.label', { score, grade: grade ?? '—' });
  return (
    <div
      class={`sa-gauge sa-gauge--${scoreTone(score)}`}
      role="img"
      aria-label={label}
      data-score={score === null ? '' : String(score)}
      data-grade={grade ?? ''}
    >
      <svg class="sa-gauge__ring" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
        <circle class="sa-gauge__track" cx="50" cy="50" r={RADIUS} fill="none" stroke-width="10" />
        <circle
          class="sa-gauge__value"
          cx="50"
          cy="50"
          r={RADIUS}
          fill="none"
          stroke-width="10"
          stroke-linecap="round"
          stroke-dasharray={`${filled} ${CIRCUMFERENCE}`}
          transform="rotate(-90 50 50)"
        />
      </svg>
      <span class="sa-gauge__score" aria-hidden="true">
        {score === null ? '—' : score}
      </span>
      {grade !== null && (
        <span class="sa-gauge__grade" aria-hidden="true">
          {grade}
        </span>
      )}
    </div>
  );
}
