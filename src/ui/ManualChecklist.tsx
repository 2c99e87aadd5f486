import type { RuleResult } from '../audit/types';
import type { ManualTick } from './runner-port';
import { usePanelEnv } from './context';
import { formatWhen } from './format';

/** Props: the results with outcome `manual` and the stored ticks. */
export interface ManualChecklistProps {
  results: RuleResult[];
  ticks: Record<string, ManualTick>;
}

/** Checks no data can judge, as a list a person ticks; each tick is stored per account with who and when. */
export function ManualChecklist({ results, ticks }: ManualChecklistProps) {
  const { t, lang, dispatch } = usePanelEnv();
  if (results.length === 0) return null;
  const done = results.filter((r) => ticks[r.ruleId]?.checked).length;
  return (
    <section class="sa-manual" aria-labelledby="sa-manual-h">
      <div class="sa-section__head">
        <h3 id="sa-manual-h">{t('ui.manual.title')}</h3>
        <span class="sa-muted">{t('ui.manual.progress', { done, count: results.length })}</span>
      </div>
      <ul class="sa-manual__list">
        {results.map((r) => {
          const tick = ticks[r.ruleId];
          const checked = tick?.checked ?? false;
          const inputId = `sa-manual-${r.ruleId}`;
          return (
            <li key={r.ruleId} class="sa-manual__item" data-manual-rule-id={r.ruleId}>
              <input
                type="checkbox"
                id={inputId}
                checked={checked}
                data-action="tick"
                aria-describedby={tick ? `${inputId}-who` : undefined}
                onChange={(e) => dispatch({ type: 'set-tick', ruleId: r.ruleId, checked: e.currentTarget.checked })}
              />
              <label for={inputId}>{r.title}</label>
              {r.howTo && <p class="sa-manual__how">{r.howTo}</p>}
              {tick && (
                <p class="sa-muted" id={`${inputId}-who`} data-role="tick-info">
                  {t(tick.checked ? 'ui.manual.ticked' : 'ui.manual.unticked', {
                    by: tick.by,
                    when: formatWhen(tick.at, lang),
                  })}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
