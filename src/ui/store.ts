import { AREAS, type Area, type Message, type Report } from '../audit/types';
import { withPending } from '../runner/provisional';
import { localizeReport } from '../audit/localize';
import type { Lang, Translate } from '../i18n/translate';
import type { PartName } from '../snapshot/types';
import { displayValue } from '../fix/value';
import type { ImportEntity, PreflightResult } from '../preflight/types';
import { allSafeRuleIds } from '../runner/all-safe';
import type { Plan } from '../fix/types';
import type {
  ApplyOutcome,
  FixPreview,
  GatherProgress,
  HistoryEntry,
  ManualTick,
  NameEdits,
  OpReport,
  PanelRunner,
  PickedFile,
  PreflightProgressView,
  UndoOutcome,
} from './runner-port';
import { createDocumentFlow, initialDocumentState, type DocumentIntent, type DocumentState } from './document-flow';

/** State of the audit run shown in the header. */
export interface AuditState {
  status: 'idle' | 'running' | 'error' | 'cancelled';
  progress: GatherProgress | null;
  /** Raw reason of the last failure (the panel adds a translated line above it). */
  error: string | null;
}

/** A plan as the fix dialog shows it: the engine's plan with its rule's title in the panel's language. */
export type FixPlanView = Plan & { title: string };

/** The fix dialog: preview → confirm → per-op progress → outcome. */
export interface FixState {
  ruleIds: string[];
  /** `all-safe` when opened by "Fix all safe" (only failing results with a safe fix are previewed). */
  scope: 'rules' | 'all-safe';
  status: 'loading' | 'preview' | 'applying' | 'done' | 'error';
  /** The preview as the runner returned it (what Confirm applies). */
  preview: FixPreview | null;
  plans: FixPlanView[];
  /** Op results as they settle while applying, then the final list. */
  ops: OpReport[];
  /** The whole apply's outcome once done. */
  outcome: ApplyOutcome | null;
  /** Why the apply did not start (not admin, busy…), to translate; null otherwise. */
  refusal: Message | null;
  /** Raw reason of an unexpected failure (network…). */
  error: string | null;
  /** Lines about the whole apply to translate: its outcome when not simply done, plan reasons, what stays by hand. */
  notes: Message[];
}

/** An undo left undone because the account changed after the fix, with both values as display text. */
export interface UndoConflictView {
  entryId: string;
  summary: Message;
  reason: Message | null;
  /** Value the fix wrote (what undo expected to find). */
  expected: string;
  /** Value the account holds now. */
  actual: string;
  /** Both values as data, so the history can say a rights object's change in words. */
  values?: { expected: unknown; actual: unknown };
}

/** The undo in progress or just finished. */
export interface UndoState {
  /** The entry whose Undo was pressed (the result shows under it). */
  entryId: string;
  /** Every entry being undone: just that one, or its whole batch. */
  entryIds: string[];
  status: 'running' | 'done' | 'error';
  /** Per-op results with their real status (applied = reverted, skipped, conflict, failed, not-attempted). */
  ops: OpReport[];
  conflicts: UndoConflictView[];
  outcome: UndoOutcome | null;
  refusal: Message | null;
  error: string | null;
}

/** The import check: the file being checked, its progress, then its result. */
export interface PreflightState {
  status: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  fileName: string | null;
  progress: PreflightProgressView | null;
  result: PreflightResult | null;
  error: string | null;
}

/** What is known while an audit streams (or stopped before every part was in). */
export interface ProvisionalState {
  /** Areas whose every check is in: final. */
  readyAreas: Area[];
  /** Areas shown from the previous report until their parts arrive. */
  staleAreas: Area[];
  /** Rules still waiting for a part. */
  pendingRules: string[];
  /** Parts not gathered yet. */
  pendingParts: PartName[];
}

/** Everything the panel renders besides its own local UI state (collapsed areas etc.). */
export interface PanelState {
  /**
   * The freshest report known: the final one of the last audit; while an audit streams, the provisional
   * one (see `provisional`); before the first audit, the one kept from the last visit (see `stale`).
   */
  report: Report | null;
  /**
   * Set while `report` is provisional — an audit is gathering, or was cancelled or failed before every
   * part was in. Areas in `readyAreas` are final; the others show the previous report's results
   * (`staleAreas`) or nothing yet. Null once a complete report is on screen.
   */
  provisional: ProvisionalState | null;
  /** Set while `report` is the one kept from an earlier visit ("refreshing…"); null once fresh results arrive. */
  stale: { savedAt: string } | null;
  audit: AuditState;
  fix: FixState | null;
  history: HistoryEntry[];
  undo: UndoState | null;
  ticks: Record<string, ManualTick>;
  preflight: PreflightState;
  /** Failure of a side action (download, tick, history), shown in an alert line. */
  actionError: string | null;
  /** The download being prepared (the document gathers the account again first); null when none. */
  preparing: 'document' | 'report' | null;
  /** "Apply a configuration document": the file, its plan, the apply and the sign-off. */
  document: DocumentState;
}

/** What components may ask for. They never call the runner themselves. */
export type Intent =
  | { type: 'init' }
  | { type: 'run-audit' }
  | { type: 'cancel-audit' }
  | { type: 'open-fix'; ruleIds: string[] }
  | { type: 'open-fix-all-safe' }
  /** `pick`: keys of the changes the person kept ticked (default: every change); `names`: the names they edited. */
  | { type: 'confirm-fix'; pick?: readonly string[]; names?: NameEdits }
  | { type: 'close-fix' }
  | { type: 'undo'; entryId: string; batch?: boolean }
  | { type: 'dismiss-undo' }
  | { type: 'set-tick'; ruleId: string; checked: boolean }
  | { type: 'download-journal' }
  | { type: 'download-document' }
  | { type: 'download-report' }
  | { type: 'run-preflight'; entity: ImportEntity; file: PickedFile }
  | { type: 'cancel-preflight' }
  | { type: 'download-template'; entity: ImportEntity }
  | { type: 'download-preflight' }
  | { type: 'dismiss-error' }
  | DocumentIntent
  /** The panel's language changed: the report on screen is localised again from its keys, not audited again. */
  | { type: 'relocalize'; t: Translate; lang: Lang };

/** A small observable store; `dispatch` resolves when the intent's side effects settle. */
export interface PanelStore {
  getState(): PanelState;
  subscribe(listener: (state: PanelState) => void): () => void;
  dispatch(intent: Intent): Promise<void>;
}

/** Options of the store: the port, and a report to start from (skips nothing: init still audits when asked). */
export interface PanelStoreOptions {
  runner: PanelRunner;
  report?: Report | null;
  /** When true (default) the `init` intent starts an audit right away. */
  autoRun?: boolean;
}

function reasonOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : '';
}

function isAbort(err: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (err instanceof Error && err.name === 'AbortError');
}

/** Rule ids "Fix all safe" covers (the runner's one definition: failing results whose fix is safe). */
export const safeFixRuleIds = allSafeRuleIds;

/** Creates the panel's store over a runner port. */
export function createPanelStore(opts: PanelStoreOptions): PanelStore {
  const { runner } = opts;
  let state: PanelState = {
    report: opts.report ?? null,
    provisional: null,
    stale: null,
    audit: { status: 'idle', progress: null, error: null },
    fix: null,
    history: [],
    undo: null,
    ticks: {},
    preflight: { status: 'idle', fileName: null, progress: null, result: null, error: null },
    actionError: null,
    preparing: null,
    document: initialDocumentState(runner),
  };
  const listeners = new Set<(s: PanelState) => void>();
  let auditAbort: AbortController | null = null;
  let preflightAbort: AbortController | null = null;
  // Each dialog opening gets a token so a late preview answer cannot land in a newer dialog.
  let fixToken = 0;

  function set(patch: Partial<PanelState>): void {
    state = { ...state, ...patch };
    for (const l of [...listeners]) l(state);
  }
  function setFix(token: number, patch: Partial<FixState>): void {
    if (token !== fixToken || !state.fix) return;
    set({ fix: { ...state.fix, ...patch } });
  }

  async function runAudit(): Promise<void> {
    if (state.audit.status === 'running') return;
    const ctrl = new AbortController();
    auditAbort = ctrl;
    set({ audit: { status: 'running', progress: null, error: null } });
    // What stays on screen for the areas not in yet: the report shown when the first results arrive
    // (the previous audit's, or the one kept from the last visit, which may load while this one starts).
    let base: Report | null | undefined;
    try {
      const report = await runner.audit({
        signal: ctrl.signal,
        onProgress: (progress) => {
          if (auditAbort === ctrl) set({ audit: { ...state.audit, progress: { ...progress } } });
        },
        onProvisional: (p) => {
          if (auditAbort !== ctrl) return;
          base ??= state.report;
          const staleAreas = base ? AREAS.filter((a) => !p.readyAreas.includes(a)) : [];
          set({
            report: withPending(p, base),
            provisional: {
              readyAreas: p.readyAreas,
              staleAreas,
              pendingRules: p.pendingRules,
              pendingParts: p.pendingParts,
            },
            stale: null,
          });
        },
      });
      if (auditAbort !== ctrl) return;
      set({ report, provisional: null, stale: null, audit: { status: 'idle', progress: null, error: null } });
    } catch (err) {
      if (auditAbort !== ctrl) return;
      const cancelled = isAbort(err, ctrl.signal);
      set({
        audit: { status: cancelled ? 'cancelled' : 'error', progress: null, error: cancelled ? null : reasonOf(err) },
      });
    } finally {
      if (auditAbort === ctrl) auditAbort = null;
    }
  }

  function cancelAudit(): void {
    const ctrl = auditAbort;
    if (!ctrl) return;
    auditAbort = null;
    ctrl.abort();
    set({ audit: { status: 'cancelled', progress: null, error: null } });
  }

  /** A step's report replaces the one on screen (null: the runner had none to give). */
  function takeReport(report: Report | null): void {
    if (report) set({ report, provisional: null, stale: null });
  }

  /** The report kept from the last visit, shown at once while the first audit runs. */
  async function loadLast(): Promise<void> {
    if (state.report || !runner.lastReport) return;
    try {
      const saved = await runner.lastReport();
      // An audit that already brought something fresh wins over the kept copy.
      if (saved && !state.report) set({ report: saved.report, stale: { savedAt: saved.savedAt } });
    } catch {
      // A kept copy that cannot be read is no reason to fail the panel: the audit will bring a report.
    }
  }

  async function openFix(scope: FixState['scope'], asked: string[]): Promise<void> {
    const ruleIds = scope === 'all-safe' ? allSafeRuleIds(state.report) : asked;
    if (!runner.canFix || ruleIds.length === 0) return;
    // A second click while a preview is being prepared (its code may still be loading) opens nothing more.
    if (state.fix && (state.fix.status === 'applying' || state.fix.status === 'loading')) return;
    const token = ++fixToken;
    set({
      fix: {
        ruleIds,
        scope,
        status: 'loading',
        preview: null,
        plans: [],
        ops: [],
        outcome: null,
        refusal: null,
        error: null,
        notes: [],
      },
    });
    try {
      const { outcome: preview, report } = await runner.preview(scope === 'all-safe' ? 'all-safe' : ruleIds);
      if (token !== fixToken) return;
      takeReport(report);
      const titleOf = (ruleId: string) => state.report?.results.find((r) => r.ruleId === ruleId)?.title ?? ruleId;
      setFix(token, {
        status: 'preview',
        preview,
        ruleIds: preview.ruleIds,
        plans: preview.plans.map((p) => ({ ...p, title: titleOf(p.ruleId) })),
        notes: preview.unavailable.map((u) => u.reason),
      });
    } catch (err) {
      setFix(token, { status: 'error', error: reasonOf(err) });
    }
  }

  async function confirmFix(pick?: readonly string[], names?: NameEdits): Promise<void> {
    const fix = state.fix;
    // The guard is the double-click protection: only a previewed, not yet applying dialog applies.
    if (fix?.status !== 'preview' || !fix.preview) return;
    const preview = fix.preview;
    // Changes left unticked are not applied: with nothing ticked there is nothing to send.
    const picked = pick ? new Set(pick) : null;
    const any = preview.plans.some((p, i) =>
      picked ? (preview.choices[i]?.ops ?? []).some((o) => picked.has(o.key)) : p.ops.length > 0,
    );
    if (!any) return;
    const token = fixToken;
    setFix(token, { status: 'applying', ops: [] });
    try {
      const { outcome, report } = await runner.apply(preview, {
        ...(pick ? { pick } : {}),
        ...(names && Object.keys(names).length ? { names } : {}),
        onOp: (op) => {
          if (state.fix) setFix(token, { ops: upsertOp(state.fix.ops, op) });
        },
      });
      takeReport(report);
      if (outcome.status === 'refused') {
        setFix(token, { status: 'error', outcome, refusal: outcome.message });
      } else {
        const notes: Message[] = [
          ...(outcome.status === 'done' ? [] : [{ key: `fix.outcome.${outcome.status}` }]),
          ...outcome.plans.flatMap((p) => [...(p.reason ? [p.reason] : []), ...p.manual]),
        ];
        setFix(token, { status: 'done', outcome, ops: outcome.plans.flatMap((p) => p.ops), notes });
      }
    } catch (err) {
      setFix(token, { status: 'error', error: reasonOf(err) });
    }
    // The report came back with the outcome; only the journal is left to refresh.
    await loadHistory();
  }

  function closeFix(): void {
    if (state.fix?.status === 'applying') return;
    fixToken++;
    set({ fix: null });
  }

  async function undo(entryId: string, batch: boolean): Promise<void> {
    if (!runner.canFix || state.undo?.status === 'running') return;
    const batchId = batch ? state.history.find((e) => e.id === entryId)?.batchId : undefined;
    const entryIds = batchId
      ? state.history.filter((e) => e.batchId === batchId && !e.undoneAt).map((e) => e.id)
      : [entryId];
    const base = { entryId, entryIds, ops: [], conflicts: [], outcome: null, refusal: null, error: null };
    set({ undo: { ...base, status: 'running' } });
    const onOp = (op: OpReport): void => {
      if (state.undo?.entryId === entryId) set({ undo: { ...state.undo, ops: upsertOp(state.undo.ops, op) } });
    };
    try {
      const { outcome, report } = await runner.undo(batchId ? { batchId } : { entryIds }, { onOp });
      takeReport(report);
      if (outcome.status === 'refused') {
        set({ undo: { ...base, status: 'error', outcome, refusal: outcome.message } });
      } else {
        const conflicts = outcome.conflicts.map(
          (c): UndoConflictView => ({
            entryId: c.entryId ?? entryId,
            summary: c.summary,
            reason: c.reason ?? null,
            expected: displayValue(c.expected),
            actual: displayValue(c.actual),
            values: { expected: c.expected, actual: c.actual },
          }),
        );
        set({ undo: { ...base, status: 'done', outcome, ops: outcome.ops, conflicts } });
      }
    } catch (err) {
      set({ undo: { ...base, status: 'error', ops: state.undo?.ops ?? [], error: reasonOf(err) } });
    }
    await loadHistory();
  }

  async function loadHistory(): Promise<void> {
    try {
      set({ history: await runner.history() });
    } catch (err) {
      set({ actionError: reasonOf(err) });
    }
  }

  async function loadTicks(): Promise<void> {
    try {
      set({ ticks: await runner.getTicks() });
    } catch (err) {
      set({ actionError: reasonOf(err) });
    }
  }

  async function setTick(ruleId: string, checked: boolean): Promise<void> {
    try {
      const tick = await runner.setTick(ruleId, checked);
      set({ ticks: { ...state.ticks, [ruleId]: tick } });
    } catch (err) {
      set({ actionError: reasonOf(err) });
    }
  }

  async function runPreflight(entity: ImportEntity, file: PickedFile): Promise<void> {
    if (preflightAbort) return;
    const ctrl = new AbortController();
    preflightAbort = ctrl;
    const mine = (patch: Partial<PreflightState>) => {
      if (preflightAbort === ctrl) set({ preflight: { ...state.preflight, ...patch } });
    };
    set({ preflight: { status: 'running', fileName: file.name, progress: null, result: null, error: null } });
    try {
      const result = await runner.preflight(file, entity, {
        signal: ctrl.signal,
        onProgress: (progress) => mine({ progress }),
      });
      mine({ status: 'done', progress: null, result });
    } catch (err) {
      mine(
        isAbort(err, ctrl.signal)
          ? { status: 'cancelled', progress: null }
          : { status: 'error', progress: null, error: reasonOf(err) },
      );
    } finally {
      if (preflightAbort === ctrl) preflightAbort = null;
    }
  }

  function cancelPreflight(): void {
    const ctrl = preflightAbort;
    if (!ctrl) return;
    preflightAbort = null;
    ctrl.abort();
    set({ preflight: { ...state.preflight, status: 'cancelled', progress: null } });
  }

  const documentFlow = createDocumentFlow({
    runner,
    get: () => state.document,
    set: (patch) => set({ document: { ...state.document, ...patch } }),
    takeReport,
    loadHistory,
  });

  async function guarded(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (err) {
      set({ actionError: reasonOf(err) });
    }
  }

  async function dispatch(intent: Intent): Promise<void> {
    switch (intent.type) {
      case 'init': {
        // The audit starts at once (a panel unmounted right away cancels it); the kept report shows meanwhile.
        const audit = opts.autoRun === false ? Promise.resolve() : runAudit();
        await Promise.all([loadLast(), loadHistory(), loadTicks(), audit]);
        return;
      }
      case 'run-audit':
        return runAudit();
      case 'cancel-audit':
        return cancelAudit();
      case 'open-fix':
        return openFix('rules', intent.ruleIds);
      case 'open-fix-all-safe':
        return openFix('all-safe', []);
      case 'confirm-fix':
        return confirmFix(intent.pick, intent.names);
      case 'close-fix':
        return closeFix();
      case 'undo':
        return undo(intent.entryId, intent.batch === true);
      case 'dismiss-undo':
        if (state.undo?.status !== 'running') set({ undo: null });
        return;
      case 'set-tick':
        return setTick(intent.ruleId, intent.checked);
      case 'download-journal':
        return guarded(() => runner.downloadJournal());
      case 'download-document':
      case 'download-report': {
        const kind = intent.type === 'download-document' ? 'document' : 'report';
        const download = kind === 'document' ? runner.downloadDocument : runner.downloadReport;
        // One at a time: a second click while preparing is ignored.
        if (!download || state.preparing) return;
        set({ preparing: kind });
        try {
          await guarded(() => download.call(runner));
        } finally {
          set({ preparing: null });
        }
        return;
      }
      case 'run-preflight':
        return runPreflight(intent.entity, intent.file);
      case 'cancel-preflight':
        return cancelPreflight();
      case 'download-template':
        return guarded(() => runner.downloadTemplate(intent.entity));
      case 'download-preflight': {
        const result = state.preflight.result;
        if (result) await guarded(() => runner.downloadPreflightReport(result));
        return;
      }
      case 'dismiss-error':
        set({ actionError: null });
        return;
      case 'document-read':
      case 'document-apply':
      case 'document-sign-off':
      case 'document-close':
        return documentFlow.dispatch(intent);
      case 'relocalize':
        if (state.report) set({ report: localizeReport(state.report, intent.t, intent.lang) });
        return;
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispatch,
  };
}

/** Replaces the result of the same op (entry or rule + index) or appends it, keeping order. */
function upsertOp(ops: OpReport[], op: OpReport): OpReport[] {
  const i = ops.findIndex((o) => o.ruleId === op.ruleId && o.index === op.index && o.entryId === op.entryId);
  if (i < 0) return [...ops, op];
  const next = ops.slice();
  next[i] = op;
  return next;
}
