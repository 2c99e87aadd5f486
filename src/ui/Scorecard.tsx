import type { AreaScore } from '../audit/types';
import { usePanelEnv } from './context';
import { usePanelView } from './view-context';
import { scoreTone } from './Gauge';
import { incompleteMark } from '../i18n/coverage';

/** Props: the report's areas in setup order. */
export interface ScorecardProps {
  areas: AreaScore[];
}

/**
 * The nine areas at a glance, in setup order (the setup areas, then "In use"): each tile a link to its area (so the card doubles as the
 * "skip to area" list), its score coloured by band and its open counts. The band is also said in words,
 * so colour is never the only signal.
 */
export function Scorecard({ areas }: ScorecardProps) {
  const { t } = usePanelEnv();
  const view = usePanelView();
  return (
    <nav class="sa-scorecard" aria-label={t('ui.skip')}>
      <ul class="sa-scorecard__list">
        {areas.map((area) => {
          const tone = scoreTone(area.score);
          const score = area.score === null ? '—' : String(area.score);
          const counts = [
            area.counts.fail > 0 && (
              <span key="f" class="sa-tile__count sa-tile__count--fail">
                {t('ui.overview.tileFailed', { count: area.counts.fail })}
              </span>
            ),
            area.counts['needs-review'] > 0 && (
              <span key="r" class="sa-tile__count">
                {t('ui.overview.tileReview', { count: area.counts['needs-review'] })}
              </span>
            ),
            area.counts.manual > 0 && (
              <span key="m" class="sa-tile__count">
                {t('ui.overview.tileManual', { count: area.counts.manual })}
              </span>
            ),
            area.counts.error > 0 && (
              <span key="e" class="sa-tile__count sa-tile__count--error">
                {t('ui.overview.tileErrored', { count: area.counts.error })}
              </span>
            ),
          ].filter(Boolean);
          return (
            <li key={area.id}>
              <a
                class={`sa-tile sa-tile--${tone}`}
                href={`#sa-area-${area.id}`}
                data-area-score={area.score === null ? '' : String(area.score)}
                data-area={area.id}
                data-band={tone}
                data-incomplete={area.incomplete ? 'true' : undefined}
                onClick={(e) => {
                  // No hash navigation: the CRM routes by URL, so the panel scrolls by itself.
                  e.preventDefault();
                  view.showArea(area.id);
                }}
              >
                <span class="sa-tile__name">{t(`areas.${area.id}`)}</span>
                <span class="sa-tile__score">
                  <span class="sa-tile__number">{score}</span>
                  <span class="sa-tile__band">
                    {t(`ui.overview.band.${tone}`)}
                    {area.incomplete && ` · ${incompleteMark(true, t)}`}
                  </span>
                </span>
                <span class="sa-tile__counts">
                  {counts.length > 0 ? counts : <span class="sa-tile__count">{t('ui.overview.tileClean')}</span>}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
