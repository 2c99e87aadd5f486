import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Lang, Translate } from '../i18n/translate';
import type { PanelStore } from './store';
import { safeFixRuleIds } from './store';
import { PanelEnvContext } from './context';
import type { PanelEnv } from './context';
import { areaViews } from './order';
import { Header } from './Header';
import { AreaSection } from './AreaSection';
import { ManualChecklist } from './ManualChecklist';
import { History } from './History';
import { FixDialog } from './FixDialog';
import { ImportCheck } from './ImportCheck';

/** Props of the panel: the store, language and translator, and what the runner allows. */
export interface PanelProps {
  store: PanelStore;
  t: Translate;
  lang: Lang;
  canFix: boolean;
  whyNoFix?: string | null;
  canDownloadDocument: boolean;
  canDownloadReport?: boolean;
  accountName?: string | null;
  /** A line from the shell about the setup (e.g. the saved baseline is damaged), already translated. */
  notice?: string | null;
}

/** The Setup Audit page: header, areas in setup order, import check, manual checklist, history, fix dialog. */
export function Panel(props: PanelProps) {
  const { store, t, lang, canFix } = props;
  const [state, setState] = useState(store.getState());
  useEffect(() => {
    const off = store.subscribe(setState);
    // Intents may have settled between the first render and this subscription.
    setState(store.getState());
    return off;
  }, [store]);

  const env = useMemo<PanelEnv>(
    () => ({
      t,
      lang,
      dispatch: (intent) => {
        void store.dispatch(intent);
      },
    }),
    [t, lang, store],
  );
  const { report, audit } = state;
  // Derived once per report so memoised areas skip re-rendering on progress ticks.
  const views = useMemo(() => (report ? areaViews(report) : []), [report]);
  const manual = useMemo(() => (report ? report.results.filter((r) => r.outcome === 'manual') : []), [report]);
  const safeCount = useMemo(() => safeFixRuleIds(report).length, [report]);

  return (
    <PanelEnvContext.Provider value={env}>
      <div class="setup-audit" lang={lang} tabIndex={-1}>
        <Header
          report={report}
          audit={audit}
          accountName={props.accountName ?? null}
          canFix={canFix}
          whyNoFix={props.whyNoFix ?? null}
          safeFixCount={safeCount}
          canDownloadDocument={props.canDownloadDocument}
          canDownloadReport={props.canDownloadReport ?? false}
          preparing={state.preparing}
        />
        {props.notice && (
          <p class="sa-alert" role="alert" data-role="panel-notice">
            {props.notice}
          </p>
        )}
        {state.actionError !== null && (
          <div class="sa-alert" role="alert">
            <p>{t('ui.actionFailed')}</p>
            {state.actionError && <p class="sa-alert__detail">{state.actionError}</p>}
            <button
              type="button"
              class="sa-button sa-button--link"
              data-action="dismiss-error"
              onClick={() => env.dispatch({ type: 'dismiss-error' })}
            >
              {t('ui.dismiss')}
            </button>
          </div>
        )}
        {!report && audit.status !== 'running' && <p class="sa-empty">{t('ui.empty')}</p>}
        {report && (
          <div class="sa-areas">
            {views.map((view) => (
              <AreaSection key={view.area.id} view={view} canFix={canFix} />
            ))}
          </div>
        )}
        {/* The import check only reads: everyone gets it, with or without a report. */}
        <ImportCheck preflight={state.preflight} />
        {report && <ManualChecklist results={manual} ticks={state.ticks} />}
        <History entries={state.history} undo={state.undo} canFix={canFix} />
        {state.fix && <FixDialog fix={state.fix} reauditing={audit.status === 'running'} />}
      </div>
    </PanelEnvContext.Provider>
  );
}
