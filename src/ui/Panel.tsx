import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Area } from '../audit/types';
import type { Lang, Translate } from '../i18n/translate';
import type { PanelStore } from './store';
import { safeFixRuleIds } from './store';
import { PanelEnvContext } from './context';
import type { PanelEnv } from './context';
import { PanelViewContext } from './view-context';
import type { PanelView } from './view-context';
import { areaViews } from './order';
import { decisionResults, decisionsLeft } from './decisions';
import { gainOf, topFixes } from './score-gain';
import { matches, NO_FILTER } from './filters';
import type { Filter } from './filters';
import { Header } from './Header';
import { Overview } from './Overview';
import { Toolbar } from './Toolbar';
import { AreaSection } from './AreaSection';
import { Decisions } from './Decisions';
import { History } from './History';
import { FixDialogSlot } from './FixDialogSlot';
import type { LoadFixViews } from './fix-views';
import type { LoadDocumentViews } from './document-views';
import { ImportCheck } from './ImportCheck';
import { ApplyDocument } from './ApplyDocument';
import { DocumentStanding } from './DocumentStanding';

/** Props of the panel: the store, language and translator, and what the runner allows. */
export interface PanelProps {
  store: PanelStore;
  t: Translate;
  lang: Lang;
  canFix: boolean;
  whyNoFix?: string | null;
  canDownloadDocument: boolean;
  canDownloadReport?: boolean;
  /** The runner can read, plan and apply configuration documents. */
  canApplyDocument?: boolean;
  accountName?: string | null;
  /** A line from the shell about the setup (e.g. the saved baseline is damaged), already translated. */
  notice?: string | null;
  /** The fix dialog's views, loaded on the first click (the widget: from fixes.js). */
  fixViews: LoadFixViews;
  /** The views of an import check's result and a document's plan (the widget: from documents.js). */
  documentViews: LoadDocumentViews;
}

/** What of the report is open on screen: the panel's own state, never the store's. */
interface Display {
  expanded: Record<string, boolean>;
  allOpen: boolean;
  closedAreas: Partial<Record<Area, boolean>>;
  passedOpen: Partial<Record<Area, boolean>>;
  filter: Filter;
}

/**
 * Every area starts open but In use: it serves the head of sales after go-live, not the set-up the page is
 * first about, so its findings wait under its heading (its tile and heading show the score and counts; a
 * click on either, or Open all, opens it). Open, the ninth area would push messy past the 3,000 px budget.
 */
const START: Display = {
  expanded: {},
  allOpen: false,
  closedAreas: { usage: true },
  passedOpen: {},
  filter: NO_FILTER,
};

/** The Setup Audit page: header, overview, sticky filter bar, areas in setup order, decisions, import check, history. */
export function Panel(props: PanelProps) {
  const { store, t, lang, canFix } = props;
  const [state, setState] = useState(store.getState());
  const [display, setDisplay] = useState<Display>(START);
  const rootRef = useRef<HTMLDivElement>(null);
  // A result to focus once the render that opens it has landed.
  const focusNext = useRef<{ selector: string } | null>(null);
  useEffect(() => {
    const off = store.subscribe(setState);
    // Intents may have settled between the first render and this subscription.
    setState(store.getState());
    return off;
  }, [store]);
  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = null;
    const el = rootRef.current?.querySelector<HTMLElement>(next.selector);
    el?.scrollIntoView?.({ block: 'center' });
    el?.focus();
  });

  // After the fix dialog closes, focus goes back to the finding it was opened from. The dialog returns
  // focus to its trigger; when a re-audit replaced that (the row moved to "Passed"), the row is next best.
  const fixFor = useRef<string | null>(null);
  useEffect(() => {
    const ruleId = state.fix?.ruleIds[0] ?? null;
    const closed = fixFor.current;
    fixFor.current = state.fix ? ruleId : null;
    if (state.fix || !closed) return;
    const root = rootRef.current;
    const active = document.activeElement;
    if (!root || (active !== root && active !== document.body && active !== null)) return;
    const row = root.querySelector<HTMLElement>(`.sa-areas [data-rule-id="${CSS.escape(closed)}"]`);
    // A row that now passes sits in its area's closed "Passed" group: its toggle is where it went.
    const target = row?.closest('[hidden]')
      ? row.closest('section')?.querySelector<HTMLElement>('[data-action="toggle-passed"]')
      : row?.querySelector<HTMLElement>('[data-action="toggle-result"]');
    target?.focus();
  }, [state.fix]);

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
  const decisions = useMemo(() => decisionResults(report), [report]);
  const safeCount = useMemo(() => safeFixRuleIds(report).length, [report]);
  const fixes = useMemo(() => (report ? topFixes(report, canFix) : []), [report, canFix]);
  const gains = useMemo(() => {
    const map = new Map<string, number>();
    if (report) for (const r of report.results) if (r.outcome === 'fail') map.set(r.ruleId, gainOf(report, [r.ruleId]));
    return map;
  }, [report]);
  const left = decisionsLeft(report, state.ticks);

  const view = useMemo<PanelView>(() => {
    const areaOf = (ruleId: string) => store.getState().report?.results.find((r) => r.ruleId === ruleId);
    return {
      toggleRow: (ruleId) =>
        setDisplay((d) => ({ ...d, expanded: { ...d.expanded, [ruleId]: !(d.expanded[ruleId] ?? d.allOpen) } })),
      toggleArea: (area) =>
        setDisplay((d) => ({ ...d, closedAreas: { ...d.closedAreas, [area]: !d.closedAreas[area] } })),
      togglePassed: (area) =>
        setDisplay((d) => ({ ...d, passedOpen: { ...d.passedOpen, [area]: !d.passedOpen[area] } })),
      showResult: (ruleId) => {
        const result = areaOf(ruleId);
        if (!result) return;
        focusNext.current = { selector: `[data-rule-id="${CSS.escape(ruleId)}"] [data-action="toggle-result"]` };
        setDisplay((d) => ({
          ...d,
          filter: matches(result, d.filter) ? d.filter : NO_FILTER,
          expanded: { ...d.expanded, [ruleId]: true },
          closedAreas: { ...d.closedAreas, [result.area]: false },
          passedOpen:
            result.outcome === 'pass' || result.outcome === 'not-applicable'
              ? { ...d.passedOpen, [result.area]: true }
              : d.passedOpen,
        }));
      },
      showArea: (area) => {
        focusNext.current = { selector: `section[data-area="${area}"] [data-action="toggle-area"]` };
        setDisplay((d) => ({ ...d, closedAreas: { ...d.closedAreas, [area]: false } }));
      },
    };
  }, [store]);

  const score = report?.score === null || report?.score === undefined ? '—' : String(report.score);
  const scoreLine = left > 0 ? t('ui.decisionsLeft', { score, count: left }) : t('ui.decisionsNone', { score });
  const shown = useMemo(
    () =>
      report
        ? report.results.filter(
            (r) => r.outcome !== 'pass' && r.outcome !== 'not-applicable' && matches(r, display.filter),
          ).length
        : 0,
    [report, display.filter],
  );
  const running = audit.status === 'running';
  // Provisional: parts still streaming (or cancelled before all were in), or the report kept from the last visit,
  // or any report on screen while an audit runs.
  const provisional = state.provisional !== null || state.stale !== null || (running && report !== null);

  return (
    <PanelEnvContext.Provider value={env}>
      <PanelViewContext.Provider value={view}>
        <div class="setup-audit" lang={lang} tabIndex={-1} ref={rootRef}>
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
            decisionsLeft={left}
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
          {!report && !running && <p class="sa-empty">{t('ui.empty')}</p>}
          {report && (
            <Overview
              report={report}
              areas={views.map((v) => v.area)}
              decisionsLeft={left}
              fixes={fixes}
              provisional={provisional}
              busy={running}
            />
          )}
          {report && <DocumentStanding standing={state.document.standing} report={report} />}
          {report && (
            <Toolbar
              scoreLine={scoreLine}
              provisional={provisional}
              filter={display.filter}
              onFilter={(filter) => setDisplay((d) => ({ ...d, filter }))}
              allOpen={display.allOpen}
              onExpandAll={(open) => setDisplay((d) => ({ ...d, allOpen: open, expanded: {}, closedAreas: {} }))}
              shown={shown}
            />
          )}
          {report && (
            <div class="sa-areas">
              {views.map((v) => (
                <AreaSection
                  key={v.area.id}
                  view={v}
                  canFix={canFix}
                  open={!display.closedAreas[v.area.id]}
                  expanded={display.expanded}
                  allOpen={display.allOpen}
                  passedOpen={display.passedOpen[v.area.id] === true}
                  filter={display.filter}
                  gains={gains}
                  ticks={state.ticks}
                />
              ))}
            </div>
          )}
          {report && <Decisions results={decisions} ticks={state.ticks} />}
          {/* The import check only reads: everyone gets it, with or without a report. */}
          <ImportCheck preflight={state.preflight} views={props.documentViews} />
          {/* Writing a set-up is an admin's job: a manager's panel has no apply section at all. */}
          {canFix && props.canApplyDocument && (
            <ApplyDocument doc={state.document} report={report} auditing={running} views={props.documentViews} />
          )}
          <History entries={state.history} undo={state.undo} canFix={canFix} />
          {state.fix && <FixDialogSlot load={props.fixViews} fix={state.fix} reauditing={running} report={report} />}
        </div>
      </PanelViewContext.Provider>
    </PanelEnvContext.Provider>
  );
}
