import type { Report } from '../../src/audit/types';
import type { ImportEntity, PreflightResult } from '../../src/preflight/types';
import type {
  ApplyOutcome,
  JournalEntry,
  ManualTick,
  OpResult,
  PanelRunner,
  PickedFile,
  PlanPreview,
  PreflightProgressView,
  Progress,
  UndoConflict,
  UndoOutcome,
} from '../../src/ui/runner-port';
import { reportFixture } from './fixtures';

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
  progress?: Progress[];
  /** When set, audits wait for it (and reject with AbortError on abort). */
  auditGate?: Deferred;
  plans?: PlanPreview[];
  /** When set, applying waits for it after the first op. */
  applyGate?: Deferred;
  /** `ruleId#index` of the op that fails while applying. */
  failOp?: string;
  undoConflicts?: UndoConflict[];
  withDocument?: boolean;
  /** Journal entries present before the panel mounts. */
  journal?: JournalEntry[];
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

/** Plan previews for the default fixture's fixable rules. */
export function defaultPlans(): PlanPreview[] {
  return [
    {
      ruleId: 'required-at-entry-stage',
      title: 'Title of required-at-entry-stage',
      kind: 'safe',
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/leads/custom_fields/11',
          summary: { key: 'fix.test.unrequire', params: { field: 'Budget' } },
        },
        {
          method: 'PATCH',
          path: '/api/v4/leads/custom_fields/12',
          summary: { key: 'fix.test.unrequire', params: { field: 'Source' } },
        },
      ],
    },
    {
      ruleId: 'required-statuses-stale',
      title: 'Title of required-statuses-stale',
      kind: 'safe',
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/leads/custom_fields/13',
          summary: { key: 'fix.test.stale', params: { field: 'City' } },
        },
      ],
    },
    {
      ruleId: 'loss-reason-missing',
      title: 'Title of loss-reason-missing',
      kind: 'confirm',
      ops: [
        {
          method: 'POST',
          path: '/api/v4/leads/custom_fields',
          summary: { key: 'fix.test.create', params: { field: 'Loss reason' } },
        },
        {
          method: 'PATCH',
          path: '/api/v4/leads/custom_fields',
          summary: { key: 'fix.test.require', params: { field: 'Loss reason' } },
        },
        { method: 'PATCH', path: '/api/v4/account', summary: { key: 'fix.test.account', params: {} } },
      ],
    },
  ];
}

/** In-memory PanelRunner that records every call. */
export class FakeRunner implements PanelRunner {
  readonly canFix: boolean;
  readonly whyNoFix?: string;
  downloadDocument?: () => Promise<void>;
  downloadReport?: () => Promise<void>;
  calls = {
    runAudit: 0,
    previewFix: [] as string[][],
    applyFix: [] as string[][],
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
  journal: JournalEntry[] = [];
  ticks: Record<string, ManualTick> = {};
  private audits = 0;

  constructor(private readonly opts: FakeOptions = {}) {
    this.canFix = opts.canFix ?? true;
    if (opts.whyNoFix) this.whyNoFix = opts.whyNoFix;
    this.journal = (opts.journal ?? []).map((e) => ({ ...e }));
    this.ticks = { ...opts.ticks };
    if (opts.withDocument)
      this.downloadDocument = async () => {
        this.calls.downloadDocument++;
      };
  }

  async runAudit({ signal, onProgress }: { signal: AbortSignal; onProgress: (p: Progress) => void }): Promise<Report> {
    this.calls.runAudit++;
    this.lastSignal = signal;
    for (const p of this.opts.progress ?? []) onProgress(p);
    if (this.opts.auditGate) {
      await Promise.race([this.opts.auditGate.promise, aborted(signal)]);
    }
    if (this.opts.auditError) throw new Error(this.opts.auditError);
    const reports = this.opts.reports ?? [reportFixture()];
    return reports[Math.min(this.audits++, reports.length - 1)]!;
  }

  async previewFix(ruleIds: string[]): Promise<PlanPreview[]> {
    this.calls.previewFix.push(ruleIds);
    const plans = this.opts.plans ?? defaultPlans();
    return ruleIds.map((id) => plans.find((p) => p.ruleId === id) ?? { ruleId: id, title: id, kind: 'safe', ops: [] });
  }

  async applyFix(ruleIds: string[], { onOp }: { onOp: (op: OpResult) => void }): Promise<ApplyOutcome> {
    this.calls.applyFix.push(ruleIds);
    const plans = await this.previewFix(ruleIds);
    this.calls.previewFix.pop(); // internal recomputation, not a user preview
    const results: OpResult[] = [];
    let failed = false;
    for (const plan of plans) {
      for (const [index, op] of plan.ops.entries()) {
        let r: OpResult;
        if (failed)
          r = {
            ruleId: plan.ruleId,
            index,
            summary: op.summary,
            status: 'not-attempted',
            message: 'stopped after a failure',
          };
        else if (this.opts.failOp === `${plan.ruleId}#${index}`) {
          failed = true;
          r = {
            ruleId: plan.ruleId,
            index,
            summary: op.summary,
            status: 'failed',
            message: 'HTTP 400: validation failed',
          };
        } else r = { ruleId: plan.ruleId, index, summary: op.summary, status: 'applied' };
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
        title: `Title of ${ruleIds[0]}`,
        appliedAt: '2025-03-01T10:05:00Z',
        by: 'Anna Admin',
        ops: applied.map((r) => ({ summary: r.summary, status: r.status })),
        undoneAt: null,
      });
    }
    return { ops: results, journalEntryId: id };
  }

  async undo(entryIds: string[], { onOp }: { onOp: (op: OpResult) => void }): Promise<UndoOutcome> {
    this.calls.undo.push(entryIds);
    const conflicts = this.opts.undoConflicts ?? [];
    const ops: OpResult[] = [];
    for (const entry of this.journal.filter((e) => entryIds.includes(e.id))) {
      entry.ops.forEach((op, index) => {
        const conflict = conflicts.some(
          (c) =>
            c.entryId === entry.id &&
            c.summary.key === op.summary.key &&
            JSON.stringify(c.summary.params) === JSON.stringify(op.summary.params),
        );
        const r: OpResult = {
          ruleId: entry.ruleId,
          index,
          summary: op.summary,
          status: conflict ? 'not-attempted' : 'applied',
        };
        ops.push(r);
        onOp(r);
      });
      entry.undoneAt = '2025-03-01T10:10:00Z';
    }
    return { ops, conflicts };
  }

  async history(): Promise<JournalEntry[]> {
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
