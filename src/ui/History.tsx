import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryEntry } from './runner-port';
import { opReason } from '../runner/op-reason';
import { changeText, conflictValues } from './change-text';
import type { UndoState } from './store';
import { usePanelEnv } from './context';
import { formatWhen, say } from './format';
import { isolated, saidIsolated } from './isolate';

/** Props: the journal, the undo in progress, and whether the user may undo. */
export interface HistoryProps {
  entries: HistoryEntry[];
  undo: UndoState | null;
  canFix: boolean;
}

/**
 * Applied fixes as a timeline, newest first: what was done (a title that does not change with the rule's
 * state), every change before → after with how it stands now, Undo per entry and, after a confirmation,
 * per batch; an undo's result, skipped changes with their reason and conflicts show under the entry.
 */
export function History({ entries, undo, canFix }: HistoryProps) {
  const { t, lang, dispatch } = usePanelEnv();
  const undoing = undo?.status === 'running';
  // The entry whose batch undo waits for a yes: a batch reverts several fixes at once.
  const [asking, setAsking] = useState<string | null>(null);
  // "Keep them" (or Escape) closes the question: focus goes back to the button that asked it.
  const keep = (e: { currentTarget: EventTarget | null }) => {
    const entry = (e.currentTarget as HTMLElement | null)?.closest('[data-entry-id]');
    setAsking(null);
    entry?.querySelector<HTMLElement>('[data-action="undo-batch"]')?.focus();
  };
  // Escape on either answer is "no", as in a dialog.
  const escapeKeeps = (e: KeyboardEvent) => {
    if (e.key === 'Escape') keep(e);
  };
  return (
    <section class="sa-history" aria-labelledby="sa-history-h">
      <div class="sa-section__head">
        <h3 id="sa-history-h">{t('ui.history.title')}</h3>
        {entries.length > 0 && (
          <button
            type="button"
            class="sa-button sa-button--link"
            data-action="download-journal"
            onClick={() => dispatch({ type: 'download-journal' })}
          >
            {t('ui.history.download')}
          </button>
        )}
      </div>
      {entries.length === 0 && <p class="sa-muted">{t('ui.history.empty')}</p>}
      <ol class="sa-history__list sa-timeline">
        {entries.map((entry) => (
          <li key={entry.id} class="sa-history__entry" data-entry-id={entry.id}>
            <div class="sa-history__line">
              <span class="sa-history__title">{saidIsolated(t, entry.title.key, entry.title.params)}</span>
              <span class="sa-muted">
                {entry.by
                  ? saidIsolated(t, 'ui.history.appliedBy', { when: formatWhen(entry.appliedAt, lang), by: entry.by })
                  : t('ui.history.applied', { when: formatWhen(entry.appliedAt, lang) })}
                {' · '}
                {t('ui.fix.ops', { count: entry.ops.length })}
              </span>
              {entry.undoneAt && (
                <span class="sa-badge">{t('ui.history.undone', { when: formatWhen(entry.undoneAt, lang) })}</span>
              )}
              {canFix && !entry.undoneAt && (
                <button
                  type="button"
                  class="sa-button"
                  data-action="undo"
                  disabled={undoing}
                  aria-label={t('ui.history.undoLabel', { title: say(t, entry.title) })}
                  onClick={() => dispatch({ type: 'undo', entryId: entry.id })}
                >
                  {t('ui.history.undo')}
                </button>
              )}
              {canFix && !entry.undoneAt && firstOfBatch(entries, entry) && batchSize(entries, entry) > 1 && (
                <button
                  type="button"
                  class="sa-button"
                  data-action="undo-batch"
                  disabled={undoing}
                  aria-expanded={asking === entry.id}
                  onClick={() => setAsking(asking === entry.id ? null : entry.id)}
                >
                  {t('ui.history.undoBatch', { count: batchSize(entries, entry) })}
                </button>
              )}
            </div>
            {asking === entry.id && !entry.undoneAt && (
              <div class="sa-confirm" data-role="confirm-undo-batch">
                <p>{t('ui.history.confirmBatch', { count: batchSize(entries, entry) })}</p>
                <button
                  type="button"
                  class="sa-button sa-button--primary"
                  data-action="confirm-undo-batch"
                  disabled={undoing}
                  onKeyDown={escapeKeeps}
                  onClick={() => {
                    setAsking(null);
                    dispatch({ type: 'undo', entryId: entry.id, batch: true });
                  }}
                >
                  {t('ui.history.confirmBatchYes', { count: batchSize(entries, entry) })}
                </button>{' '}
                <button
                  type="button"
                  class="sa-button"
                  data-action="cancel-undo-batch"
                  onClick={keep}
                  onKeyDown={escapeKeeps}
                >
                  {t('ui.history.keep')}
                </button>
              </div>
            )}
            <ol class="sa-timeline__ops">
              {entry.ops.map((op, i) => (
                <li key={i} class={`sa-timeline__op sa-timeline__op--${op.status}`} data-op-status={op.status}>
                  <span>{isolated(t, (tr) => changeText(tr, op.summary))}</span>{' '}
                  <span class="sa-badge">{t(`ui.history.opStatus.${op.status}`)}</span>
                </li>
              ))}
            </ol>
            {undo?.entryId === entry.id && <UndoResult undo={undo} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Fixes of the entry's batch still in effect. */
function batchSize(entries: HistoryEntry[], entry: HistoryEntry): number {
  return entries.filter((e) => e.batchId === entry.batchId && !e.undoneAt).length;
}

/** The batch's button goes on its first listed entry still in effect (the list is newest first). */
function firstOfBatch(entries: HistoryEntry[], entry: HistoryEntry): boolean {
  return entries.find((e) => e.batchId === entry.batchId && !e.undoneAt) === entry;
}

function UndoResult({ undo }: { undo: UndoState }) {
  const { t, dispatch } = usePanelEnv();
  const ref = useRef<HTMLDivElement>(null);
  // The Undo pressed is gone once its entry is undone: focus lands on what undo did instead of the page's top.
  useEffect(() => {
    if (undo.status === 'running') return;
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) ref.current?.focus();
  }, [undo.status]);
  const reverted = undo.ops.filter((o) => o.status === 'applied').length;
  const failed = undo.ops.filter((o) => o.status === 'failed').length;
  // Conflicts have their own list below; every other op that was not reverted says why here.
  const notDone = undo.ops.filter((o) => o.status !== 'applied' && o.status !== 'conflict');
  return (
    <div class="sa-undo" data-role="undo-result" tabIndex={-1} ref={ref}>
      <p role="status" aria-live="polite">
        {undo.status === 'running' && t('ui.undo.running')}
        {undo.status === 'done' && t('ui.undo.done', { reverted, failed, conflicts: undo.conflicts.length })}
      </p>
      {undo.status === 'error' && (
        <div class="sa-alert" role="alert">
          <p>{t('ui.undo.error')}</p>
          {undo.refusal && <p class="sa-alert__detail">{say(t, undo.refusal)}</p>}
          {undo.error && <p class="sa-alert__detail">{undo.error}</p>}
        </div>
      )}
      {undo.status === 'done' && notDone.length > 0 && (
        <div class="sa-undo__skipped">
          <p>{t('ui.undo.skippedIntro')}</p>
          <ul>
            {notDone.map((o) => (
              <li key={`${o.entryId}-${o.index}`} data-role="undo-skipped" data-op-status={o.status}>
                <span>{isolated(t, (tr) => changeText(tr, o.summary))}</span>
                {': '}
                <span class="sa-muted">{opReason(o, t) ?? t(`ui.history.opStatus.${o.status}`)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {undo.conflicts.length > 0 && (
        <div class="sa-conflicts" role="alert">
          <p>{t('ui.undo.conflictsIntro')}</p>
          <ul>
            {undo.conflicts.map((c, i) => (
              <li key={i} class="sa-conflict" data-role="conflict">
                <span class="sa-conflict__summary">{isolated(t, (tr) => changeText(tr, c.summary))}</span>
                <span class="sa-conflict__values">
                  {t('ui.undo.conflictValues', conflictValues(t, c.summary, c.values, c))}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {undo.status !== 'running' && (
        <button
          type="button"
          class="sa-button sa-button--link"
          data-action="dismiss-undo"
          onClick={() => dispatch({ type: 'dismiss-undo' })}
        >
          {t('ui.undo.dismiss')}
        </button>
      )}
    </div>
  );
}
