import type { HistoryEntry } from './runner-port';
import type { UndoState } from './store';
import { usePanelEnv } from './context';
import { formatWhen, say } from './format';

/** Props: the journal, the undo in progress, and whether the user may undo. */
export interface HistoryProps {
  entries: HistoryEntry[];
  undo: UndoState | null;
  canFix: boolean;
}

/** Applied fixes, newest first, each with Undo; an undo's result and conflicts show under its entry. */
export function History({ entries, undo, canFix }: HistoryProps) {
  const { t, lang, dispatch } = usePanelEnv();
  const undoing = undo?.status === 'running';
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
      <ul class="sa-history__list">
        {entries.map((entry) => (
          <li key={entry.id} class="sa-history__entry" data-entry-id={entry.id}>
            <div class="sa-history__line">
              <span class="sa-history__title">{say(t, entry.title)}</span>
              <span class="sa-muted">
                {entry.by
                  ? t('ui.history.appliedBy', { when: formatWhen(entry.appliedAt, lang), by: entry.by })
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
                  onClick={() => dispatch({ type: 'undo', entryId: entry.id, batch: true })}
                >
                  {t('ui.history.undoBatch', { count: batchSize(entries, entry) })}
                </button>
              )}
            </div>
            {undo?.entryId === entry.id && <UndoResult undo={undo} />}
          </li>
        ))}
      </ul>
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
  const reverted = undo.ops.filter((o) => o.status === 'applied').length;
  const failed = undo.ops.filter((o) => o.status === 'failed').length;
  return (
    <div class="sa-undo" data-role="undo-result">
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
      {undo.conflicts.length > 0 && (
        <div class="sa-conflicts" role="alert">
          <p>{t('ui.undo.conflictsIntro')}</p>
          <ul>
            {undo.conflicts.map((c, i) => (
              <li key={i} class="sa-conflict" data-role="conflict">
                <span class="sa-conflict__summary">{say(t, c.summary)}</span>
                <span class="sa-conflict__values">
                  {t('ui.undo.conflictValues', { expected: c.expected, actual: c.actual })}
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
