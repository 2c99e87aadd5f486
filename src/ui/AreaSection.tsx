import { useState } from 'preact/hooks';
import { memo } from './memo';
import type { AreaView } from './order';
import { openByDefault } from './order';
import { usePanelEnv } from './context';
import { ErrorBoundary } from './ErrorBoundary';
import { ResultCard } from './ResultCard';

/** Props: the area with its sorted results, and whether fixes are offered. */
export interface AreaSectionProps {
  view: AreaView;
  canFix: boolean;
}

function AreaSectionView({ view, canFix }: AreaSectionProps) {
  const { t } = usePanelEnv();
  const { area, results } = view;
  const [open, setOpen] = useState(() => openByDefault(view));
  const bodyId = `sa-area-${area.id}`;
  const score = area.score === null ? '—' : String(area.score);
  return (
    <section class={`sa-area${open ? ' sa-area--open' : ''}`} data-area={area.id} aria-labelledby={`${bodyId}-h`}>
      <h3 class="sa-area__heading" id={`${bodyId}-h`}>
        <button
          type="button"
          class="sa-area__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          data-action="toggle-area"
          onClick={() => setOpen(!open)}
        >
          <span class="sa-area__name">{t(`areas.${area.id}`)}</span>
          <span class="sa-area__score" data-area-score={area.score === null ? '' : String(area.score)}>
            <span class="sa-visually-hidden">{t('ui.areaScore', { score })}</span>
            <span aria-hidden="true">{score}</span>
          </span>
          <span class="sa-area__counts">
            {t('ui.areaCounts', { fail: area.counts.fail, review: area.counts['needs-review'], count: results.length })}
          </span>
        </button>
      </h3>
      {area.failedParts.length > 0 && (
        <ul class="sa-area__failed" aria-label={t('ui.failedParts')}>
          {area.failedParts.map((f) => (
            <li key={f.part} class="sa-area__failed-part" data-part={f.part}>
              {t('ui.failedPart', { part: t(`parts.${f.part}`), reason: f.reason })}
            </li>
          ))}
        </ul>
      )}
      {/* A collapsed area renders no results at all: that is what keeps large reports fast. */}
      <div class="sa-area__body" id={bodyId} hidden={!open}>
        {open && (
          <ErrorBoundary t={t}>
            <ul class="sa-results">
              {results.map((r) => (
                <ResultCard key={r.ruleId} result={r} canFix={canFix} />
              ))}
            </ul>
          </ErrorBoundary>
        )}
      </div>
    </section>
  );
}

/** One area in setup order: a collapsible heading with its score, failed parts, then its results. */
export const AreaSection = memo(AreaSectionView);
