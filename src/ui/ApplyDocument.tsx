import { useEffect, useRef, useState } from 'preact/hooks';
import type { Report } from '../audit/types';
import { describeProblem } from '../blueprint/describe';
import type { DocumentState } from './document-flow';
import { usePanelEnv } from './context';
import { planOpCount } from './plan-count';
import type { LoadDocumentViews } from './document-views';
import { OnDemandView } from './OnDemandView';
import { formatWhen, say } from './format';
import { memo } from './memo';

/** Largest document file read into the page: far above any real set-up (the XLSX reader caps inflated size too). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Props: the section's state and the report on screen (for the document's results after applying). */
export interface ApplyDocumentProps {
  doc: DocumentState;
  report: Report | null;
  /** An audit is running: applying waits for it (the apply starts from the audit in hand). */
  auditing: boolean;
  /** Where the plan's view comes from (documents.js, loaded already by the planning). */
  views: LoadDocumentViews;
}

function ApplyDocumentView({ doc, report, auditing, views }: ApplyDocumentProps) {
  const { t, lang, dispatch } = usePanelEnv();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const liveRef = useRef<HTMLParagraphElement>(null);
  const applyRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The button pressed disappears with each step (Apply → the question → Apply): focus follows it, or a
  // keyboard user would be sent back to the top of the page.
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) applyRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  // Escape on either answer is "back", as in a dialog.
  const escapeGoesBack = (e: KeyboardEvent) => {
    if (e.key === 'Escape') setConfirming(false);
  };
  const busy = doc.status === 'reading' || doc.status === 'applying';
  const total = doc.plan ? planOpCount(doc.plan) : 0;
  useEffect(() => {
    if (doc.status !== 'plan') setConfirming(false);
    if (doc.status === 'done') liveRef.current?.focus();
  }, [doc.status]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setReadError(null);
    // Decided on File.size before a byte is read: a huge file never lands in the page's memory.
    if (file.size > MAX_FILE_BYTES) {
      setReadError(t('blueprint.read.tooLarge'));
      return;
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      dispatch({ type: 'document-read', file: { name: file.name, bytes } });
    } catch (err) {
      setReadError(err instanceof Error ? err.message : String(err));
    } finally {
      // The same file can be chosen again after it was edited.
      if (input.current) input.current.value = '';
    }
  };

  const docResults = report?.results.filter((r) => r.ruleId.startsWith('blueprint-')) ?? [];
  const count = (s: string) => doc.ops.filter((o) => o.status === s).length;
  const staged = doc.signOff.status === 'staged' ? doc.signOff.signOff : null;

  return (
    <section
      class={`sa-area sa-document${open ? ' sa-area--open' : ''}`}
      data-section="apply-document"
      aria-labelledby="sa-doc-h"
    >
      <h3 class="sa-area__heading" id="sa-doc-h">
        <button
          type="button"
          class="sa-area__toggle"
          aria-expanded={open}
          aria-controls="sa-doc-body"
          data-action="toggle-document"
          onClick={() => setOpen(!open)}
        >
          <span class="sa-area__name">{t('ui.document.title')}</span>
        </button>
      </h3>
      <div class="sa-area__body" id="sa-doc-body" hidden={!open}>
        {open && (
          <>
            <p class="sa-muted">{t('ui.document.intro')}</p>
            <div class="sa-preflight__form">
              {/* A real file input, visually hidden but focusable: the label is the button the keyboard reaches. */}
              <label class={`sa-button sa-file${doc.status === 'idle' ? ' sa-button--primary' : ''}`}>
                {doc.status === 'idle' ? t('ui.document.choose') : t('ui.document.chooseAnother')}
                <input
                  ref={input}
                  type="file"
                  accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  class="sa-visually-hidden"
                  data-action="choose-document"
                  disabled={busy}
                  onChange={(e) => {
                    void choose((e.currentTarget as HTMLInputElement).files?.[0]);
                  }}
                />
              </label>
              {doc.fileName && <span data-role="document-file">{t('ui.document.file', { file: doc.fileName })}</span>}
            </div>
            <p role="status" aria-live="polite" class="sa-muted">
              {doc.status === 'reading' && t('ui.document.reading')}
            </p>
            {(readError || doc.status === 'error') && (
              <div class="sa-alert" role="alert" data-role="document-error">
                <p>{t('ui.document.failed')}</p>
                {doc.refusal && <p class="sa-alert__detail">{say(t, doc.refusal)}</p>}
                {(readError ?? doc.error) && <p class="sa-alert__detail">{readError ?? doc.error}</p>}
              </div>
            )}
            {doc.status === 'refused' && (
              <div class="sa-alert" role="alert" data-role="document-refused">
                <p>{t('ui.document.refused')}</p>
                <ul>
                  {doc.problems.map((p, i) => (
                    <li key={i} data-role="document-problem">
                      {describeProblem(p, t)}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {doc.plan && (
              <>
                <p class="sa-dialog__summary" data-role="document-total" data-count={total}>
                  {total ? t('ui.document.planTitle', { count: total }) : t('ui.document.nothing')}
                </p>
                <OnDemandView load={views} pick={(v) => v.documentPlan} props={{ doc }} />
              </>
            )}
            {doc.status === 'plan' && total > 0 && !confirming && (
              <button
                type="button"
                class="sa-button sa-button--primary"
                data-action="apply-document"
                ref={applyRef}
                disabled={auditing}
                onClick={() => setConfirming(true)}
              >
                {t('ui.document.apply', { count: total })}
              </button>
            )}
            {doc.status === 'plan' && confirming && (
              <div class="sa-confirm" data-role="confirm-document">
                <p>{t('ui.document.confirmText', { count: total })}</p>
                <button
                  type="button"
                  class="sa-button sa-button--primary"
                  data-action="confirm-document"
                  ref={confirmRef}
                  disabled={auditing}
                  onKeyDown={escapeGoesBack}
                  onClick={() => dispatch({ type: 'document-apply' })}
                >
                  {t('ui.document.confirm')}
                </button>{' '}
                <button
                  type="button"
                  class="sa-button"
                  data-action="cancel-document"
                  onKeyDown={escapeGoesBack}
                  onClick={() => setConfirming(false)}
                >
                  {t('ui.document.back')}
                </button>
              </div>
            )}
            <p class="sa-dialog__live" role="status" aria-live="polite" tabIndex={-1} ref={liveRef}>
              {doc.status === 'applying' && (
                <span data-role="document-progress">{t('ui.document.applying', { done: doc.ops.length, total })}</span>
              )}
              {doc.status === 'done' && doc.outcome && doc.outcome.status !== 'refused' && (
                <span data-role="document-outcome" data-status={doc.outcome.status}>
                  {t(`ui.document.status.${doc.outcome.status}`)}{' '}
                  {t('ui.document.outcome', {
                    applied: count('applied'),
                    failed: count('failed'),
                    skipped: count('not-attempted'),
                  })}
                  {doc.reported &&
                    docResults.length > 0 &&
                    ` ${t('ui.document.results', {
                      pass: docResults.filter((r) => r.outcome === 'pass').length,
                      total: docResults.length,
                    })}`}
                  {/* No audit was in hand: the report on screen is older than the apply and says nothing of it. */}
                  {!doc.reported &&
                    ` ${t('ui.document.auditToSee', { button: t(report ? 'ui.header.rerun' : 'ui.header.run') })}`}
                </span>
              )}
            </p>
            {(doc.status === 'plan' || doc.status === 'done') && (
              <div class="sa-signoff" data-role="sign-off">
                <p class="sa-muted">{t('ui.document.signOffExplain')}</p>
                {!staged && (
                  <button
                    type="button"
                    class="sa-button"
                    data-action="sign-off"
                    onClick={() => dispatch({ type: 'document-sign-off' })}
                  >
                    {t('ui.document.signOff')}
                  </button>
                )}
                {staged && (
                  <p role="status" data-role="sign-off-staged">
                    {t('ui.document.staged', { date: formatWhen(staged.signedAt, lang), by: staged.by })}
                  </p>
                )}
                {doc.signOff.status === 'refused' && (
                  <p class="sa-alert" role="alert" data-role="sign-off-refused">
                    {say(t, doc.signOff.message)}
                  </p>
                )}
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}

/** "Apply a configuration document": choose the file, read the plan, confirm, apply with progress, sign off. */
export const ApplyDocument = memo(ApplyDocumentView);
