import type { Report } from '../audit/types';
import type { AuditState } from './store';
import { usePanelEnv } from './context';
import { formatWhen } from './format';
import { saidIsolated } from './isolate';
import { ProgressBar } from './ProgressBar';

/** Props of the header: the report (if any yet), the audit run and what the user may do. */
export interface HeaderProps {
  report: Report | null;
  audit: AuditState;
  accountName: string | null;
  canFix: boolean;
  whyNoFix: string | null;
  safeFixCount: number;
  canDownloadDocument: boolean;
  canDownloadReport: boolean;
  preparing: 'document' | 'report' | null;
  /** Needs-review and manual results nobody settled yet. */
  decisionsLeft: number;
}

/** Score gauge, baseline and time, remaining counts, actions, progress and run status. */
export function Header(props: HeaderProps) {
  const { t, lang, dispatch } = usePanelEnv();
  const { report, audit } = props;
  const running = audit.status === 'running';
  const account = props.accountName ?? report?.account.name ?? report?.account.subdomain ?? null;
  return (
    <header class="sa-header">
      <div class="sa-header__main">
        <div class="sa-header__facts">
          <h2 class="sa-header__title">{t('ui.header.title')}</h2>
          <p class="sa-header__meta">
            {account && (
              <span class="sa-header__account">{saidIsolated(t, 'ui.header.account', { name: account })}</span>
            )}
            {report && (
              <span class="sa-header__baseline">
                {saidIsolated(t, 'ui.header.baseline', { name: report.baseline.name })}
              </span>
            )}
            {report && (
              <span class="sa-header__when">{t('ui.header.ranAt', { when: formatWhen(report.takenAt, lang) })}</span>
            )}
          </p>
          {report && (
            <ul class="sa-counts" aria-label={t('ui.header.remaining')}>
              <li class="sa-counts__item sa-counts__item--fail" data-count="fail">
                {t('ui.header.failed', { count: report.counts.fail })}
              </li>
              <li class="sa-counts__item sa-counts__item--review" data-count="needs-review">
                {t('ui.header.needsReview', { count: report.counts['needs-review'] })}
              </li>
              <li class="sa-counts__item sa-counts__item--manual" data-count="manual">
                {t('ui.header.manual', { count: report.counts.manual })}
              </li>
              {report.counts.error > 0 && (
                <li class="sa-counts__item sa-counts__item--error" data-count="error">
                  {t('ui.header.notChecked', { count: report.counts.error })}
                </li>
              )}
              <li class="sa-counts__item sa-counts__item--decisions" data-count="decisions">
                <button
                  type="button"
                  class="sa-button sa-button--link"
                  data-action="show-decisions"
                  onClick={(e) => {
                    const queue = e.currentTarget.closest('.setup-audit')?.querySelector<HTMLElement>('#sa-decisions');
                    queue?.scrollIntoView?.({ block: 'start' });
                    queue?.focus();
                  }}
                >
                  {t('ui.header.decisions', { count: props.decisionsLeft })}
                </button>
              </li>
            </ul>
          )}
        </div>
      </div>
      <div class="sa-header__actions">
        <button
          type="button"
          class="sa-button sa-button--primary"
          data-action="rerun"
          disabled={running}
          onClick={() => dispatch({ type: 'run-audit' })}
        >
          {report ? t('ui.header.rerun') : t('ui.header.run')}
        </button>
        {props.canFix && report && props.safeFixCount > 0 && (
          <button
            type="button"
            class="sa-button"
            data-action="fix-all-safe"
            disabled={running}
            onClick={() => dispatch({ type: 'open-fix-all-safe' })}
          >
            {t('ui.header.fixAllSafe', { count: props.safeFixCount })}
          </button>
        )}
        {props.canDownloadDocument && report && (
          <button
            type="button"
            class="sa-button"
            data-action="download-document"
            disabled={props.preparing !== null}
            aria-busy={props.preparing === 'document'}
            onClick={() => dispatch({ type: 'download-document' })}
          >
            {props.preparing === 'document' ? t('ui.header.preparing') : t('ui.header.document')}
          </button>
        )}
        {props.canDownloadReport && report && (
          <button
            type="button"
            class="sa-button sa-button--link"
            data-action="download-report"
            disabled={props.preparing !== null}
            onClick={() => dispatch({ type: 'download-report' })}
          >
            {t('ui.header.reportJson')}
          </button>
        )}
      </div>
      {!props.canFix && report && (
        <p class="sa-header__readonly" data-role="why-no-fix">
          {props.whyNoFix ?? t('ui.header.readOnly')}
        </p>
      )}
      {running && report && (
        <p class="sa-header__refreshing" data-role="refreshing">
          {t('ui.header.refreshing')}
        </p>
      )}
      {running && <ProgressBar progress={audit.progress} />}
      <div class="sa-header__status" role="status" aria-live="polite">
        {audit.status === 'cancelled' && t('ui.header.cancelled')}
        {audit.status === 'idle' && report && t('ui.header.done', { score: report.score ?? '—' })}
      </div>
      {audit.status === 'error' && (
        <div class="sa-alert" role="alert">
          <p>{t('ui.header.failedRun')}</p>
          {audit.error && <p class="sa-alert__detail">{audit.error}</p>}
        </div>
      )}
    </header>
  );
}
