import type { Report } from '../audit/types';
import type { SignOffStatus } from './runner-port';
import { usePanelEnv } from './context';
import { formatWhen } from './format';
import { usePanelView } from './view-context';

/** Props: what the reports are compared with, and the report on screen. */
export interface DocumentStandingProps {
  standing: SignOffStatus | null;
  report: Report;
}

/**
 * One line under the overview while a document is compared with the account: drift from the signed-off
 * set-up (who, when, how many differences), or the differences from a document just applied, with a
 * way to the first result that differs.
 */
export function DocumentStanding({ standing, report }: DocumentStandingProps) {
  const { t, lang } = usePanelEnv();
  const view = usePanelView();
  const compared = standing?.compared;
  const results = report.results.filter((r) => r.ruleId.startsWith('blueprint-'));
  if (!compared || results.length === 0) return null;
  // Differences are failed checks' items; a check that could not run (a part failed) is not drift.
  const differing = results.filter((r) => r.outcome === 'fail');
  const count = differing.reduce((n, r) => n + Math.max(1, r.items.length), 0);
  const signed = compared.signedOff;
  const text = signed
    ? count
      ? t('ui.document.comparedDrift', { date: formatWhen(signed.signedAt, lang), by: signed.by, count })
      : t('ui.document.comparedNoDrift', { date: formatWhen(signed.signedAt, lang), by: signed.by })
    : count
      ? t('ui.document.comparedDoc', { file: compared.name, count })
      : t('ui.document.comparedDocMatch', { file: compared.name });
  const unsaved = signed && standing?.staged?.signedAt === signed.signedAt;
  const first = differing[0];
  return (
    <p
      class={`sa-overview__document${count ? ' sa-alert' : ' sa-muted'}`}
      data-role="document-standing"
      data-drift={signed ? String(count) : undefined}
      data-differences={count}
    >
      {text}
      {unsaved && ` ${t('ui.document.notSaved')}`}
      {first && (
        <>
          {' '}
          <button
            type="button"
            class="sa-button sa-button--link"
            data-action="show-document-result"
            onClick={() => view.showResult(first.ruleId)}
          >
            {t('ui.document.show')}
          </button>
        </>
      )}
    </p>
  );
}
