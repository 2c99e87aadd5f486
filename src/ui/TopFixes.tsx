import type { TopFix } from './score-gain';
import { usePanelEnv } from './context';
import { usePanelView } from './view-context';

/**
 * The failing results worth most to the score: an automatic one opens its fix, the others open the finding.
 * A button's name starts with the word on it ("Fix: …, +7 points"), so a voice command that says what it
 * sees finds it.
 */
export function TopFixes({ fixes, busy }: { fixes: TopFix[]; busy: boolean }) {
  const { t, dispatch } = usePanelEnv();
  const view = usePanelView();
  return (
    <section class="sa-top" aria-labelledby="sa-top-h" data-section="top-fixes">
      <h3 class="sa-top__title" id="sa-top-h">
        {t('ui.overview.topFixes')}
      </h3>
      {fixes.length === 0 && <p class="sa-muted">{t('ui.overview.topFixesNone')}</p>}
      <ol class="sa-top__list">
        {fixes.map(({ result, gain, automatic }) => (
          <li key={result.ruleId} class="sa-top__item" data-top-fix={result.ruleId} data-gain={gain}>
            <span class="sa-top__gain">{t('ui.overview.gain', { gain })}</span>
            <span class="sa-top__name">{result.title}</span>
            {automatic ? (
              <button
                type="button"
                class="sa-button sa-button--primary sa-top__action"
                data-action="top-fix"
                disabled={busy}
                aria-label={t('ui.overview.topFixLabel', {
                  action: t('ui.overview.fix'),
                  title: result.title,
                  count: gain,
                })}
                onClick={() => dispatch({ type: 'open-fix', ruleIds: [result.ruleId] })}
              >
                {t('ui.overview.fix')}
              </button>
            ) : (
              <button
                type="button"
                class="sa-button sa-top__action"
                data-action="show-result"
                aria-label={t('ui.overview.topFixLabel', {
                  action: t('ui.overview.show'),
                  title: result.title,
                  count: gain,
                })}
                onClick={() => view.showResult(result.ruleId)}
              >
                {t('ui.overview.show')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
