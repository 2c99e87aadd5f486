import type { RuleResult } from '../audit/types';
import type { ManualTick } from './runner-port';
import { usePanelEnv } from './context';
import { usePanelView } from './view-context';
import { DecisionControl } from './DecisionControl';
import { isDecided } from './decisions';

/** Props: the needs-review and manual results, and the stored ticks. */
export interface DecisionsProps {
  results: RuleResult[];
  ticks: Record<string, ManualTick>;
}

/**
 * One queue of what a person must still decide: needs-review results (confirm the setup exists) and
 * manual checks. Each is settled with the same control its row in the area has, stored with who and when.
 */
export function Decisions({ results, ticks }: DecisionsProps) {
  const { t } = usePanelEnv();
  const view = usePanelView();
  if (results.length === 0) return null;
  const done = results.filter((r) => isDecided(r, ticks)).length;
  return (
    <section class="sa-manual" id="sa-decisions" aria-labelledby="sa-manual-h" data-section="decisions" tabIndex={-1}>
      <div class="sa-section__head">
        <h3 id="sa-manual-h">{t('ui.decisions.title')}</h3>
        <span class="sa-muted" data-role="decisions-progress">
          {t('ui.decisions.progress', { done, count: results.length })}
        </span>
      </div>
      <p class="sa-muted">{done === results.length ? t('ui.decisions.none') : t('ui.decisions.intro')}</p>
      <ul class="sa-manual__list">
        {results.map((r) => (
          <li
            key={r.ruleId}
            class={`sa-manual__item sa-manual__item--${r.outcome}`}
            data-manual-rule-id={r.outcome === 'manual' ? r.ruleId : undefined}
            data-decision-rule-id={r.ruleId}
            data-decided={isDecided(r, ticks) ? 'true' : 'false'}
          >
            {r.outcome === 'needs-review' && (
              <p class="sa-manual__what">
                <button
                  type="button"
                  class="sa-button sa-button--link"
                  data-action="show-result"
                  onClick={() => view.showResult(r.ruleId)}
                >
                  {r.title}
                </button>
              </p>
            )}
            <DecisionControl result={r} tick={ticks[r.ruleId]} idPrefix="sa-manual" />
            {r.howTo && <p class="sa-manual__how">{r.howTo}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
