import { useState } from 'preact/hooks';
import type { PreflightResult } from '../preflight/types';
import { usePanelEnv } from './context';
import { say } from './format';
import { saidIsolated } from './isolate';

/** Problem rows shown before "show all": a file can carry thousands. */
export const PROBLEM_WINDOW = 50;

/** Props: the check's result. */
export interface ImportOutcomeProps {
  result: PreflightResult;
}

/**
 * An import check's result: the summary, the counts by problem, the rows (the first PROBLEM_WINDOW, then
 * all on request) and the report download. Shown only after a check, which has loaded documents.js: the
 * widget carries this view there (see document-views.ts).
 */
export function ImportOutcome({ result }: ImportOutcomeProps) {
  const { t, dispatch } = usePanelEnv();
  const [all, setAll] = useState(false);
  if (result.fatal) {
    return (
      <div class="sa-alert" role="alert" data-role="preflight-fatal">
        <p>{say(t, result.fatal.message)}</p>
      </div>
    );
  }
  const s = result.summary;
  const shown = all ? result.problems : result.problems.slice(0, PROBLEM_WINDOW);
  return (
    <div class="sa-preflight__outcome">
      <div class="sa-section__head">
        <p data-role="preflight-summary">
          <strong>{result.fileName}</strong>
          {': '}
          {[
            t('preflight.summary.rows', { count: s.rows }),
            t('preflight.summary.errors', { count: s.errors }),
            t('preflight.summary.warnings', { count: s.warnings }),
          ].join(' · ')}
        </p>
        <button
          type="button"
          class="sa-button sa-button--link"
          data-action="download-preflight"
          onClick={() => dispatch({ type: 'download-preflight' })}
        >
          {t('ui.preflight.report')}
        </button>
      </div>
      {!s.errors && !s.warnings && <p>{t('preflight.summary.ok')}</p>}
      <ul class="sa-preflight__codes" aria-label={t('ui.preflight.byCode')}>
        {s.byCode.map((c) => (
          <li key={c.code} data-code={c.code}>
            <span class={`sa-badge sa-badge--${c.severity}`}>{t(`preflight.severity.${c.severity}`)}</span>{' '}
            {t(`preflight.code.${c.code}`)}
            {': '}
            {c.count}
          </li>
        ))}
      </ul>
      {shown.length > 0 && (
        // The table keeps its columns readable; on a phone it scrolls inside this box, not the page.
        <section class="sa-scrollbox" aria-label={t('ui.preflight.table')}>
          <table class="sa-preflight__table">
            <thead>
              <tr>
                {(['row', 'column', 'problem', 'suggestion'] as const).map((k) => (
                  <th key={k} scope="col">
                    {t(`preflight.col.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((p, i) => (
                <tr key={i} data-problem={p.code}>
                  <td>{p.row ?? '—'}</td>
                  <td>{p.column ?? '—'}</td>
                  <td>
                    <span class={`sa-badge sa-badge--${p.severity}`}>{t(`preflight.severity.${p.severity}`)}</span>{' '}
                    {saidIsolated(t, p.message.key, p.message.params)}
                  </td>
                  <td>{p.suggestion ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {!all && result.problems.length > PROBLEM_WINDOW && (
        <button type="button" class="sa-button sa-button--link" data-action="show-all" onClick={() => setAll(true)}>
          {t('ui.items.showAll', { count: result.problems.length })}
        </button>
      )}
      {result.truncated && <p class="sa-muted">{t('preflight.summary.truncated', { count: 1000 })}</p>}
    </div>
  );
}
