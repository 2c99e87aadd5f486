import type { RuleResult } from '../audit/types';
import type { ManualTick } from './runner-port';
import { usePanelEnv } from './context';
import { usePanelView } from './view-context';
import { chipsOf } from './item-view';
import { ItemList } from './ItemList';
import { DecisionControl } from './DecisionControl';

/** Props of one finding: the result, whether it is opened, what fixing it is worth, and its stored tick. */
export interface ResultCardProps {
  result: RuleResult;
  canFix: boolean;
  open: boolean;
  /** Points the overall score gains when this result passes; 0 when none or not failing. */
  gain: number;
  tick?: ManualTick;
}

/**
 * One finding on one line until opened — severity, title, count, chips of what it points at, and the
 * Fix button with its gain (two tab stops, three with a decision) — then why, how and every item.
 */
export function ResultCard({ result, canFix, open, gain, tick }: ResultCardProps) {
  const { t, dispatch } = usePanelEnv();
  const view = usePanelView();
  const titleId = `sa-result-${result.ruleId}`;
  const bodyId = `${titleId}-body`;
  const { chips, more } = chipsOf(result.items);
  const settled = result.outcome === 'pass' || result.outcome === 'not-applicable';
  const fixable = result.fix !== null && canFix && result.outcome === 'fail';
  return (
    <li
      class={`sa-result sa-result--${result.outcome}${open ? ' sa-result--open' : ''}`}
      data-rule-id={result.ruleId}
      data-outcome={result.outcome}
      aria-labelledby={titleId}
    >
      <div class="sa-result__line">
        <button
          type="button"
          class="sa-result__toggle"
          data-action="toggle-result"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => view.toggleRow(result.ruleId)}
        >
          {!settled && (
            <span class={`sa-sev sa-sev--${result.severity}`}>
              <span class="sa-visually-hidden">
                {t('ui.result.severityBadge', { level: t(`severity.${result.severity}`) })}
              </span>
              <span aria-hidden="true">{t(`severity.${result.severity}`)}</span>
            </span>
          )}
          <span class="sa-result__title" id={titleId}>
            {result.title}
          </span>
          {result.items.length > 0 && (
            <span class="sa-result__count">{t('ui.row.count', { count: result.items.length })}</span>
          )}
        </button>
        {chips.length > 0 && (
          <span class="sa-chips">
            {chips.map((c) => (
              // A name from the account: its own direction (an Arabic chip reads right to left), and in full on
              // hover when the chip cuts it short.
              <span key={c} class="sa-chip" dir="auto" title={c}>
                {c}
              </span>
            ))}
            {more > 0 && <span class="sa-chip sa-chip--more">{t('ui.row.more', { count: more })}</span>}
          </span>
        )}
        <span class={`sa-badge sa-badge--${result.outcome}`}>{t(`outcomes.${result.outcome}`)}</span>
        {fixable && (
          <button
            type="button"
            class="sa-button sa-button--primary sa-result__fix"
            data-action="fix"
            data-gain={gain}
            aria-label={t('ui.result.fixLabel', { title: result.title })}
            onClick={() => dispatch({ type: 'open-fix', ruleIds: [result.ruleId] })}
          >
            {gain > 0 ? t('ui.row.fixGain', { gain }) : t('ui.result.fix')}
          </button>
        )}
      </div>
      {open && (
        <div class="sa-result__body" id={bodyId}>
          {result.message && <p class="sa-result__message">{result.message}</p>}
          {result.outcome === 'error' && result.error && <p class="sa-result__error">{result.error.message}</p>}
          {!settled && result.why && (
            <div class="sa-result__section">
              <h5 class="sa-result__label">{t('ui.result.why')}</h5>
              <p>{result.why}</p>
            </div>
          )}
          {!settled && result.howTo && (
            <div class="sa-result__section">
              <h5 class="sa-result__label">{t('ui.result.howTo')}</h5>
              <p>{result.howTo}</p>
            </div>
          )}
          {result.items.length > 0 && (
            <ItemList items={result.items} label={t('ui.result.items', { count: result.items.length })} />
          )}
          {result.outcome === 'needs-review' && result.evidence.length > 0 && (
            <ItemList items={result.evidence} label={t('ui.result.evidence')} />
          )}
          {(result.outcome === 'needs-review' || result.outcome === 'manual') && (
            <DecisionControl result={result} tick={tick} idPrefix="sa-row-decision" />
          )}
          {fixable && result.fix && (
            <p class="sa-result__fixinfo">
              {t(`ui.fix.kind.${result.fix.kind}`)} · {t('ui.fix.ops', { count: result.fix.ops })}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
