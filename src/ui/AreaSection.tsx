import { memo } from './memo';
import type { AreaView } from './order';
import type { Filter } from './filters';
import { isFiltering, matches } from './filters';
import type { ManualTick } from './runner-port';
import { usePanelEnv } from './context';
import { usePanelView } from './view-context';
import { scoreTone } from './Gauge';
import { ErrorBoundary } from './ErrorBoundary';
import { ResultCard } from './ResultCard';

/** Props: the area with its sorted results and everything that decides what of it is on screen. */
export interface AreaSectionProps {
  view: AreaView;
  canFix: boolean;
  open: boolean;
  /** Rows opened or closed by hand; a row not listed follows `allOpen`. */
  expanded: Record<string, boolean>;
  allOpen: boolean;
  passedOpen: boolean;
  filter: Filter;
  gains: ReadonlyMap<string, number>;
  ticks: Record<string, ManualTick>;
}

const SETTLED = new Set(['pass', 'not-applicable']);

function AreaSectionView(props: AreaSectionProps) {
  const { t } = usePanelEnv();
  const view = usePanelView();
  const { area, results } = props.view;
  const { open, filter } = props;
  const bodyId = `sa-area-${area.id}`;
  const score = area.score === null ? '—' : String(area.score);
  const shown = results.filter((r) => matches(r, filter));
  const findings = shown.filter((r) => !SETTLED.has(r.outcome));
  const passed = shown.filter((r) => SETTLED.has(r.outcome));
  const isOpen = (id: string) => props.expanded[id] ?? props.allOpen;
  const counts = [
    area.counts.fail > 0 && t('ui.overview.tileFailed', { count: area.counts.fail }),
    area.counts['needs-review'] > 0 && t('ui.overview.tileReview', { count: area.counts['needs-review'] }),
    area.counts.manual > 0 && t('ui.overview.tileManual', { count: area.counts.manual }),
    area.counts.error > 0 && t('ui.overview.tileErrored', { count: area.counts.error }),
  ].filter((c): c is string => typeof c === 'string');
  return (
    // The region is named by the area alone; its heading also says the counts and the score.
    <section class={`sa-area${open ? ' sa-area--open' : ''}`} data-area={area.id} aria-labelledby={`${bodyId}-name`}>
      <h3 class="sa-area__heading" id={`${bodyId}-h`}>
        <button
          type="button"
          class="sa-area__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          data-action="toggle-area"
          onClick={() => view.toggleArea(area.id)}
        >
          <span class="sa-area__name" id={`${bodyId}-name`}>
            {t(`areas.${area.id}`)}
          </span>
          <span class="sa-area__counts" data-role="area-counts">
            {counts.length > 0 ? counts.join(' · ') : t('ui.overview.tileClean')}
          </span>
          <span class={`sa-area__score sa-band sa-band--${scoreTone(area.score)}`}>
            <span class="sa-visually-hidden">{t('ui.areaScore', { score })}</span>
            <span aria-hidden="true">{score}</span>
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
            {findings.length > 0 && (
              <ul class="sa-results">
                {findings.map((r) => (
                  <ResultCard
                    key={r.ruleId}
                    result={r}
                    canFix={props.canFix}
                    open={isOpen(r.ruleId)}
                    gain={props.gains.get(r.ruleId) ?? 0}
                    tick={props.ticks[r.ruleId]}
                  />
                ))}
              </ul>
            )}
            {shown.length === 0 && isFiltering(filter) && <p class="sa-muted">{t('ui.row.nothingMatches')}</p>}
            {passed.length > 0 && (
              <div class="sa-passed">
                <button
                  type="button"
                  class="sa-passed__toggle"
                  data-action="toggle-passed"
                  aria-expanded={props.passedOpen}
                  aria-controls={`${bodyId}-passed`}
                  onClick={() => view.togglePassed(area.id)}
                >
                  {t('ui.row.passed', { count: passed.length })}
                </button>
                {/* Rendered while closed too (one line each, hidden): what passed stays findable by its hooks. */}
                <ul class="sa-results sa-results--passed" id={`${bodyId}-passed`} hidden={!props.passedOpen}>
                  {passed.map((r) => (
                    <ResultCard key={r.ruleId} result={r} canFix={props.canFix} open={isOpen(r.ruleId)} gain={0} />
                  ))}
                </ul>
              </div>
            )}
          </ErrorBoundary>
        )}
      </div>
    </section>
  );
}

/** One area in setup order: a collapsible heading with its score band and counts, one line per finding, then "Passed (n)". */
export const AreaSection = memo(AreaSectionView);
