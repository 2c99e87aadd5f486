import type { RuleResult } from '../audit/types';
import { usePanelEnv } from './context';
import { ItemList } from './ItemList';

// Settled results only say what was found; open ones also say why and how to fix by hand.
const SETTLED = new Set(['pass', 'not-applicable']);

/** One rule's result: title, outcome, why it matters, how to fix by hand, items and the Fix button. */
export function ResultCard({ result, canFix }: { result: RuleResult; canFix: boolean }) {
  const { t, dispatch } = usePanelEnv();
  const settled = SETTLED.has(result.outcome);
  const titleId = `sa-result-${result.ruleId}`;
  return (
    <li
      class={`sa-result sa-result--${result.outcome}`}
      data-rule-id={result.ruleId}
      data-outcome={result.outcome}
      aria-labelledby={titleId}
    >
      <div class="sa-result__head">
        <h4 class="sa-result__title" id={titleId}>
          {result.title}
        </h4>
        <span class={`sa-badge sa-badge--${result.outcome}`}>{t(`outcomes.${result.outcome}`)}</span>
        {!settled && (
          <span class={`sa-badge sa-badge--sev-${result.severity}`}>
            {t('ui.result.severityBadge', { level: t(`severity.${result.severity}`) })}
          </span>
        )}
      </div>
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
      {result.fix && canFix && (
        <div class="sa-result__actions">
          <button
            type="button"
            class="sa-button sa-button--primary"
            data-action="fix"
            aria-label={t('ui.result.fixLabel', { title: result.title })}
            onClick={() => dispatch({ type: 'open-fix', ruleIds: [result.ruleId] })}
          >
            {t('ui.result.fix')}
          </button>
          <span class="sa-result__fixinfo">
            {t(`ui.fix.kind.${result.fix.kind}`)} · {t('ui.fix.ops', { count: result.fix.ops })}
          </span>
        </div>
      )}
    </li>
  );
}
