import type { Report } from '../../src/audit/types';
import type { Plan } from '../../src/fix/types';
import type { ImportEntity, PreflightResult } from '../../src/preflight/types';
import { allSafeRuleIds } from '../../src/runner/all-safe';
import { choosePlan, planChoices } from '../../src/fix/pick';
import type {
  ApplyChoice,
  ApplyOutcome,
  FixPreview,
  FixSelection,
  GatherProgress,
  HistoryEntry,
  ManualTick,
  OpReport,
  PanelRunner,
  PickedFile,
  PreflightProgressView,
  ProvisionalReport,
  SavedReport,
  Stepped,
  TakenNames,
  UndoOutcome,
  UndoTarget,
} from '../../src/ui/runner-port';
import { reportFixture } from './fixtures';

/** An undo the fake answers as a conflict: the fix entry, the op's summary, and both values. */
export interface FakeConflict {
  entryId: string;
  summary: { key: string; params?: Record<string, string | number> };
  expected: unknown;
  actual: unknown;
}

/** A promise with its resolve exposed, to hold a fake call open while a test looks at the screen. */
export interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}

/** Creates a Deferred. */
export function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Options of the fake: what it answers and where it should pause or fail. */
export interface FakeOptions {
  canFix?: boolean;
  whyNoFix?: string;
  /** Reports returned by successive audits; the last one repeats. */
  reports?: Report[];
  /** Progress reports; one without `timeLeft` has no estimate (nothing known, nothing running). */
  progress?: (Omit<GatherProgress, 'timeLeft'> & Partial<Pick<GatherProgress, 'timeLeft'>>)[];
  /** When set, audits wait for it (and reject with AbortError on abort). */
  auditGate?: Deferred;
  /** Provisional reports an audit emits before it waits on `auditGate` and answers. */
  provisional?: ProvisionalReport[];
  /** The report kept from an earlier visit (absent: the runner keeps none). */
  lastReport?: SavedReport;
  plans?: Plan[];
  /** The account's names the preview reports per scope (default: none). */
  taken?: TakenNames;
  /** When set, applying waits for it after the first op. */
  applyGate?: Deferred;
  /** `ruleId#index` of the op that fails while applying. */
  failOp?: string;
  undoConflicts?: FakeConflict[];
  /** Summary keys of journaled ops that undo skips (nothing to restore). */
  undoSkips?: string[];
  withDocument?: boolean;
  /** Journal entries present before the panel mounts. */
  journal?: HistoryEntry[];
  /** Ticks stored before the panel mounts. */
  ticks?: Record<string, ManualTick>;
  /** When set, every audit rejects with this message. */
  auditError?: string;
  /** What an import check answers for a file (default: a clean result with no problems). */
  preflight?: (file: PickedFile, entity: ImportEntity) => PreflightResult;
  preflightProgress?: PreflightProgressView[];
  /** When set, import checks wait for it (and reject with AbortError on abort). */
  preflightGate?: Deferred;
}

/** Rejects with an AbortError once `signal` aborts. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
}

/** A pre-flight result with no problems for `file`. */
export function cleanPreflight(file: PickedFile, entity: ImportEntity, rows = 1): PreflightResult {
  return {
    entity,
    fileName: file.name,
    fileKind: 'csv',
    encoding: 'utf-8',
    fatal: null,
    columns: [],
    summary: { rows, errors: 0, warnings: 0, byCode: [] },
    problems: [],
    truncated: false,
    exitCode: 0,
  };
}

const op = (method: 'POST' | 'PATCH', path: string, key: string, params: Record<string, string> = {}) => ({
  method,
  path,
  body: {},
  before: null,
  summary: { key, params },
});

/** Plans for the default fixture's fixable rules. */
export function defaultPlans(): Plan[] {
  return [
    {
      ruleId: 'required-at-entry-stage',
      kind: 'safe',
      touches: ['leadFields'],
      ops: [
        op('PATCH', '/api/v4/leads/custom_fields/11', 'fix.test.unrequire', { field: 'Budget' }),
        op('PATCH', '/api/v4/leads/custom_fields/12', 'fix.test.unrequire', { field: 'Source' }),
      ],
    },
    {
      ruleId: 'required-statuses-stale',
      kind: 'safe',
      touches: ['leadFields'],
      ops: [op('PATCH', '/api/v4/leads/custom_fields/13', 'fix.test.stale', { field: 'City' })],
    },
    {
      ruleId: 'loss-reason-missing',
      kind: 'confirm',
      touches: ['leadFields', 'account'],
      ops: [
        op('POST', '/api/v4/leads/custom_fields', 'fix.test.create', { field: 'Loss reason' }),
        op('PATCH', '/api/v4/leads/custom_fields', 'fix.test.require', { field: 'Loss reason' }),
        op('PATCH', '/api/v4/account', 'fix.test.account'),
      ],
    },
  ];
}

/**
 * In-memory PanelRunner that records every call. Call names are the panel's intents: `runAudit` counts
 * full audits, `previewFix` the rule lists previewed, `applyFix` the rules applied, `undo` the entries undone.
 * Each step answers with the next report of `reports`, as the runner's re-audit would.
 */
export class FakeRunner implements PanelRunner {
  readonly canFix: boolean;
  readonly whyNoFix?: string;
  downloadDocument?: () => Promise<void>;
  downloadReport?: () => Promise<void>;
  lastReport?: () => Promise<SavedReport | null>;
  calls = {
    runAudit: 0,
    previewFix: [] as string[][],
    applyFix: [] as string[][],
    /** What each apply was asked to choose: op keys (null: all) and edited names. */
    applyChoice: [] as { pick: string[] | null; names: Record<string, string> }[],
    undo: [] as string[][],
    downloadJournal: 0,
    downloadDocument: 0,
    setTick: [] as [string, boolean][],
    preflight: [] as { name: string; text: string; entity: ImportEntity }[],
    downloadTemplate: [] as ImportEntity[],
    downloadPreflightReport: [] as PreflightResult[],
  };
  preflightSignal: AbortSignal | null = null;
  lastSignal: AbortSignal | null = null;
  journal: HistoryEntry[] = [];
  ticks: Record<string, ManualTick> = {};
  private reportsGiven = 0;
  private shown: Report | null = null;

  constructor(private readonly opts: FakeOptions = {}) {
    this.canFix = opts.canFix ?? true;
    if (opts.whyNoFix) this.whyNoFix = opts.whyNoFix;
    this.journal = (opts.journal ?? []).map((e) => ({ ...e }));
    this.ticks = { ...opts.ticks };
    if (opts.lastReport) {
      const saved = opts.lastReport;
      this.lastReport = async () => saved;
    }
    if (opts.withDocument)
      this.downloadDocument = async () => {
        this.calls.downloadDocument++;
      };
  }

  /** The next report of the sequence (the last one repeats). */
  private nextReport(): Report {
    const reports = this.opts.reports ?? [reportFixture()];
    this.shown = reports[Math.min(this.reportsGiven++, reports.length - 1)]!;
    return this.shown;
  }

  /** The report steps answer with: the one shown, unchanged by a preview. */
  private currentReport(): Report {
    return this.shown ?? this.nextReport();
  }

  async audit({
    signal,
    onProgress,
    onProvisional,
  }: {
    signal: AbortSignal;
    onProgress: (p: GatherProgress) => void;
    onProvisional?: (p: ProvisionalReport) => void;
  }): Promise<Report> {
    this.calls.runAudit++;
    this.lastSignal = signal;
    for (const p of this.opts.progress ?? [])
      onProgress({
        timeLeft: { running: [], requests: 0, rate: 7, requestsLeft: null, secondsLeft: null, basis: 'unknown' },
        ...p,
      });
    // Parts arrive after the network answers, never in the same tick as the call.
    if (this.opts.provisional) await new Promise((r) => setTimeout(r, 0));
    for (const p of this.opts.provisional ?? []) onProvisional?.(p);
    if (this.opts.auditGate) {
      await Promise.race([this.opts.auditGate.promise, aborted(signal)]);
    }
    if (this.opts.auditError) throw new Error(this.opts.auditError);
    return this.nextReport();
  }

  private plansFor(ruleIds: readonly string[]): Plan[] {
    const plans = this.opts.plans ?? defaultPlans();
    return ruleIds.flatMap((id) => plans.filter((p) => p.ruleId === id));
  }

  async preview(selection: FixSelection): Promise<Stepped<FixPreview>> {
    const report = this.currentReport();
    const ruleIds = selection === 'all-safe' ? allSafeRuleIds(report) : [...selection];
    this.calls.previewFix.push(ruleIds);
    const scope = selection === 'all-safe' ? 'all-safe' : 'rules';
    const plans = this.plansFor(ruleIds).filter((p) => scope === 'rules' || p.kind === 'safe');
    const choices = plans.map(planChoices);
    return { outcome: { scope, ruleIds, plans, choices, taken: this.opts.taken ?? {}, unavailable: [] }, report };
  }

  async apply(
    preview: FixPreview,
    { onOp, pick, names }: { onOp: (op: OpReport) => void } & ApplyChoice,
  ): Promise<Stepped<ApplyOutcome>> {
    // The engine's own choice logic over the previewed plans: only chosen ops, with edited names.
    const chosen = preview.plans
      .map((p) => choosePlan(p, { ...(pick ? { pick } : {}), ...(names ? { names } : {}) }))
      .filter((c) => c.plan.ops.length > 0);
    const ruleIds = chosen.map((c) => c.plan.ruleId);
    this.calls.applyFix.push(ruleIds);
    this.calls.applyChoice.push({ pick: pick ? [...pick] : null, names: { ...names } });
    const results: OpReport[] = [];
    let failed = false;
    for (const { plan, keys } of chosen) {
      for (const [index, op] of plan.ops.entries()) {
        const base = { ruleId: plan.ruleId, index, summary: op.summary, key: keys[index]! };
        let r: OpReport;
        if (failed) r = { ...base, status: 'not-attempted' };
        else if (this.opts.failOp === `${plan.ruleId}#${index}`) {
          failed = true;
          r = {
            ...base,
            status: 'failed',
            error: { kind: 'validation', status: 400, message: 'HTTP 400: validation failed' } as never,
          };
        } else r = { ...base, status: 'applied' };
        results.push(r);
        onOp(r);
        if (results.length === 1 && this.opts.applyGate) await this.opts.applyGate.promise;
      }
    }
    const applied = results.filter((r) => r.status === 'applied');
    const id = applied.length ? `j${this.journal.length + 1}` : null;
    if (id) {
      this.journal.unshift({
        id,
        batchId: `b-${id}`,
        ruleId: ruleIds[0]!,
        title: { key: `rules.${ruleIds[0]}.fail` },
        appliedAt: '2025-03-01T10:05:00Z',
        by: 'Anna Admin',
        ops: applied.map((r) => ({ summary: r.summary, status: 'applied' })),
        undoneAt: null,
      });
    }
    const plans = chosen.map(({ plan: p }) => {
      const ops = results.filter((r) => r.ruleId === p.ruleId);
      const status = ops.every((o) => o.status === 'applied')
        ? ('applied' as const)
        : ops.some((o) => o.status === 'applied')
          ? ('partial' as const)
          : ('failed' as const);
      return { ruleId: p.ruleId, kind: p.kind, status, entryId: id, ops, manual: [] };
    });
    const status = failed ? (applied.length ? 'partial' : 'failed') : 'done';
    return {
      outcome: { status, batchId: id ? `b-${id}` : '', plans, snapshot: null as never },
      report: this.nextReport(),
    };
  }

  async undo(target: UndoTarget, { onOp }: { onOp: (op: OpReport) => void }): Promise<Stepped<UndoOutcome>> {
    const entries =
      'batchId' in target
        ? this.journal.filter((e) => e.batchId === target.batchId && !e.undoneAt)
        : this.journal.filter((e) => target.entryIds.includes(e.id));
    this.calls.undo.push(entries.map((e) => e.id));
    const conflicts = this.opts.undoConflicts ?? [];
    const ops: OpReport[] = [];
    for (const entry of entries) {
      entry.ops.forEach((op, index) => {
        const conflict = conflicts.find(
          (c) =>
            c.entryId === entry.id &&
            c.summary.key === op.summary.key &&
            JSON.stringify(c.summary.params) === JSON.stringify(op.summary.params),
        );
        const base = { ruleId: entry.ruleId, entryId: entry.id, index, summary: op.summary };
        const r: OpReport = conflict
          ? {
              ...base,
              status: 'conflict',
              reason: { key: 'fix.undo.conflict' },
              expected: conflict.expected,
              actual: conflict.actual,
            }
          : this.opts.undoSkips?.includes(op.summary.key)
            ? { ...base, status: 'skipped', reason: { key: 'fix.undo.nothingToRestore' } }
            : { ...base, status: 'applied' };
        ops.push(r);
        onOp(r);
      });
      entry.undoneAt = '2025-03-01T10:10:00Z';
    }
    const conflicted = ops.filter((o) => o.status === 'conflict');
    return {
      outcome: {
        status: conflicted.length ? 'partial' : 'undone',
        entryIds: entries.map((e) => `u-${e.id}`),
        ops,
        conflicts: conflicted,
      },
      report: this.nextReport(),
    };
  }

  async history(): Promise<HistoryEntry[]> {
    return this.journal.map((e) => ({ ...e }));
  }
  async downloadJournal(): Promise<void> {
    this.calls.downloadJournal++;
  }
  async getTicks(): Promise<Record<string, ManualTick>> {
    return { ...this.ticks };
  }
  async setTick(ruleId: string, checked: boolean): Promise<ManualTick> {
    this.calls.setTick.push([ruleId, checked]);
    const tick = { ruleId, checked, by: 'Anna Admin', at: '2025-03-01T11:00:00Z' };
    this.ticks[ruleId] = tick;
    return tick;
  }

  async preflight(
    file: PickedFile,
    entity: ImportEntity,
    { signal, onProgress }: { signal: AbortSignal; onProgress: (p: PreflightProgressView) => void },
  ): Promise<PreflightResult> {
    this.calls.preflight.push({ name: file.name, text: new TextDecoder().decode(file.bytes), entity });
    this.preflightSignal = signal;
    for (const p of this.opts.preflightProgress ?? []) onProgress(p);
    if (this.opts.preflightGate) await Promise.race([this.opts.preflightGate.promise, aborted(signal)]);
    return (this.opts.preflight ?? cleanPreflight)(file, entity);
  }

  async downloadTemplate(entity: ImportEntity): Promise<void> {
    this.calls.downloadTemplate.push(entity);
  }
  async downloadPreflightReport(result: PreflightResult): Promise<void> {
    this.calls.downloadPreflightReport.push(result);
  }
}
