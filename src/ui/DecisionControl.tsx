import type { RuleResult } from '../audit/types';
import type { ManualTick } from './runner-port';
import { usePanelEnv } from './context';
import { formatWhen } from './format';
import { saidIsolated } from './isolate';

/** Props: the needs-review or manual result, its stored tick, and an id prefix unique on the page. */
export interface DecisionControlProps {
  result: RuleResult;
  tick: ManualTick | undefined;
  idPrefix: string;
}

/**
 * The one control a person settles a decision with: a checkbox for a manual check, a "Mark as reviewed"
 * toggle for a needs-review result. Both store a tick (who and when) through the same intent, so the
 * row in its area and the queue show one state.
 */
export function DecisionControl({ result, tick, idPrefix }: DecisionControlProps) {
  const { t, lang, dispatch } = usePanelEnv();
  const checked = tick?.checked ?? false;
  const inputId = `${idPrefix}-${result.ruleId}`;
  const info = tick && (
    <p class="sa-muted sa-decision__info" id={`${inputId}-who`} data-role="tick-info">
      {saidIsolated(
        t,
        tick.checked
          ? result.outcome === 'needs-review'
            ? 'ui.decisions.reviewed'
            : 'ui.manual.ticked'
          : 'ui.manual.unticked',
        { by: tick.by, when: formatWhen(tick.at, lang) },
      )}
    </p>
  );
  const set = (value: boolean) => dispatch({ type: 'set-tick', ruleId: result.ruleId, checked: value });
  if (result.outcome === 'needs-review') {
    return (
      <div class="sa-decision">
        <button
          type="button"
          class={`sa-button${checked ? '' : ' sa-button--primary'}`}
          data-action="mark-reviewed"
          aria-pressed={checked}
          aria-describedby={tick ? `${inputId}-who` : undefined}
          onClick={() => set(!checked)}
        >
          {checked ? t('ui.decisions.unmark') : t('ui.decisions.markReviewed')}
        </button>
        {info}
      </div>
    );
  }
  return (
    <div class="sa-decision">
      <input
        type="checkbox"
        id={inputId}
        checked={checked}
        data-action="tick"
        aria-describedby={tick ? `${inputId}-who` : undefined}
        onChange={(e) => set(e.currentTarget.checked)}
      />
      <label for={inputId}>{result.title}</label>
      {info}
    </div>
  );
}
