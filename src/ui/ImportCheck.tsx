import { useState } from 'preact/hooks';
import { memo } from './memo';
import type { ImportEntity } from '../preflight/types';
import { DEFAULT_LIMITS, sizeProblem } from '../preflight/limits';
import type { PreflightProgressView } from './runner-port';
import type { PreflightState } from './store';
import { usePanelEnv } from './context';
import type { LoadDocumentViews } from './document-views';
import { OnDemandView } from './OnDemandView';

const ENTITIES: ImportEntity[] = ['contacts', 'companies', 'leads'];

/** Props: the check's state and where the view of its result comes from. */
export interface ImportCheckProps {
  preflight: PreflightState;
  views: LoadDocumentViews;
}

function ImportCheckView({ preflight, views }: ImportCheckProps) {
  const { t, dispatch } = usePanelEnv();
  const [open, setOpen] = useState(false);
  const [entity, setEntity] = useState<ImportEntity>('contacts');
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const running = preflight.status === 'running';

  const check = async () => {
    if (!file) return;
    setReadError(null);
    // Decided on File.size before a byte is read: a huge file never lands in the page's memory.
    const refused = sizeProblem(file.size, DEFAULT_LIMITS);
    if (refused) {
      setReadError(t(`preflight.problem.${refused.code}`, { ...refused.params, file: file.name }));
      return;
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      dispatch({ type: 'run-preflight', entity, file: { name: file.name, bytes } });
    } catch (err) {
      setReadError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section
      class={`sa-area sa-preflight${open ? ' sa-area--open' : ''}`}
      data-section="preflight"
      aria-labelledby="sa-pf-h"
    >
      <h3 class="sa-area__heading" id="sa-pf-h">
        <button
          type="button"
          class="sa-area__toggle"
          aria-expanded={open}
          aria-controls="sa-pf-body"
          data-action="toggle-preflight"
          onClick={() => setOpen(!open)}
        >
          <span class="sa-area__name">{t('ui.preflight.title')}</span>
        </button>
      </h3>
      <div class="sa-area__body" id="sa-pf-body" hidden={!open}>
        {open && (
          <>
            <p class="sa-muted">{t('ui.preflight.intro')}</p>
            {/* Browsers fire `input` (then `change`) when a select option or a file is picked. */}
            <div class="sa-preflight__form">
              <label for="sa-pf-entity">{t('ui.preflight.entity')}</label>
              <select
                id="sa-pf-entity"
                value={entity}
                disabled={running}
                onInput={(e) => setEntity((e.currentTarget as HTMLSelectElement).value as ImportEntity)}
              >
                {ENTITIES.map((e) => (
                  <option key={e} value={e}>
                    {t(`ui.preflight.entities.${e}`)}
                  </option>
                ))}
              </select>
              <label for="sa-pf-file">{t('ui.preflight.file')}</label>
              <input
                id="sa-pf-file"
                type="file"
                accept=".xlsx,.csv"
                disabled={running}
                onInput={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
              />
              <button
                type="button"
                class="sa-button sa-button--primary"
                data-action="preflight-run"
                disabled={!file || running}
                onClick={() => {
                  void check();
                }}
              >
                {t('ui.preflight.run')}
              </button>
              <button
                type="button"
                class="sa-button"
                data-action="download-template"
                onClick={() => dispatch({ type: 'download-template', entity })}
              >
                {t('ui.preflight.template')}
              </button>
            </div>
            {running && (
              <div class="sa-progress">
                <p class="sa-progress__text" aria-live="polite">
                  {progressText(t, preflight.progress)}
                </p>
                <button
                  type="button"
                  class="sa-button"
                  data-action="preflight-cancel"
                  onClick={() => dispatch({ type: 'cancel-preflight' })}
                >
                  {t('ui.progress.cancel')}
                </button>
              </div>
            )}
            <p role="status" aria-live="polite">
              {preflight.status === 'cancelled' && t('ui.preflight.cancelled')}
            </p>
            {(preflight.status === 'error' || readError) && (
              <div class="sa-alert" role="alert">
                <p>{t('ui.preflight.failed')}</p>
                <p class="sa-alert__detail">{readError ?? preflight.error}</p>
              </div>
            )}
            {preflight.status === 'done' && preflight.result && (
              // The result comes from documents.js, so its view comes with it (loaded by the check itself).
              <OnDemandView load={views} pick={(v) => v.importOutcome} props={{ result: preflight.result }} />
            )}
          </>
        )}
      </div>
    </section>
  );
}

function progressText(t: ReturnType<typeof usePanelEnv>['t'], p: PreflightProgressView | null): string {
  if (!p || p.stage === 'read') return t('ui.preflight.progress.read');
  return t(`ui.preflight.progress.${p.stage}`, { done: p.done, total: p.total ?? 0, count: p.done });
}

/** The import check: pick an entity and a file, check it against the account, read the problems, get the template. */
export const ImportCheck = memo(ImportCheckView);
