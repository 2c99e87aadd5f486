/**
 * Applying plans: admin only; `confirm` plans only when confirmed; one at a time (lock). Each plan
 * is recomputed from a fresh read of the parts it touches right before it is applied (so a second
 * apply finds nothing to do, and plans that share a field see each other's result). Ops go in order
 * through the API client; the first failure stops everything after it; every applied op is journaled
 * with its inverse before the next op starts.
 */
import type { ApiClient } from '../api/client';
import type { Baseline } from '../audit/baseline/types';
import type { Lang } from '../i18n/translate';
import { regatherParts } from '../snapshot/gather';
import type { PartName, Snapshot } from '../snapshot/types';
import { applyOp, inverseOf, withCreatedId, writtenValue } from './apply-op';
import type { Journal } from './journal';
import type { FixLock } from './lock';
import { refuse, type ApplyOutcome, type OpReport, type PlanReport, type Refused } from './outcome';
import { PlanUnavailableError, fixableRule, planFor } from './plan-for';
import type { Plan } from './types';

/** Inputs of one apply. */
export interface ApplyOptions {
  client: ApiClient;
  ruleIds: string[];
  /** The snapshot the user looked at; touched parts are re-read before each plan. */
  snapshot: Snapshot;
  baseline: Baseline;
  lang: Lang;
  journal: Journal;
  lock: FixLock;
  isAdmin: boolean;
  /** The user confirmed the preview (required when any plan is `confirm`). */
  confirmed?: boolean;
  /** Called as each op settles (and for ops not attempted). */
  onOp?: (op: OpReport) => void;
  signal?: AbortSignal;
  /** Clock for re-gathering (tests pin it). */
  now?: () => Date;
}

/** Checks that can refuse before anything is read or written. */
function precheck(opts: ApplyOptions): Refused | null {
  if (!opts.isAdmin) return refuse('not-admin');
  for (const id of opts.ruleIds) {
    try {
      const rule = fixableRule(id);
      if (rule.meta.fix === 'confirm' && opts.confirmed !== true) return refuse('needs-confirmation', { rule: id });
    } catch (err) {
      if (err instanceof PlanUnavailableError)
        return refuse(err.reason === 'unknown-rule' ? 'unknown-rule' : 'not-fixable', { rule: id });
      throw err;
    }
  }
  return null;
}

/** Applies the rules' fixes. Never throws for API failures (they are reported); rethrows an abort. */
export async function applyFixes(opts: ApplyOptions): Promise<ApplyOutcome> {
  const refused = precheck(opts);
  if (refused) return refused;
  if (!opts.lock.acquire()) return refuse('busy');
  try {
    return await applyLocked(opts);
  } finally {
    opts.lock.release();
  }
}

async function applyLocked(opts: ApplyOptions): Promise<ApplyOutcome> {
  const { client, journal, signal } = opts;
  const batchId = journal.newId();
  const plans: PlanReport[] = [];
  const touched = new Set<PartName>();
  let snapshot = opts.snapshot;
  let stopped = false;
  let forbidden = false;
  const gather = (parts: PartName[]) => regatherParts(client, snapshot, parts, { signal, now: opts.now });

  for (const ruleId of opts.ruleIds) {
    if (stopped) {
      plans.push({ ruleId, kind: null, status: 'not-attempted', entryId: null, ops: [], manual: [] });
      continue;
    }
    const rule = fixableRule(ruleId);
    const parts = [...rule.meta.requires];
    parts.forEach((p) => touched.add(p));
    snapshot = await gather(parts);
    let plan: Plan | null;
    try {
      plan = planFor(ruleId, snapshot, opts.baseline, opts.lang);
    } catch (err) {
      if (!(err instanceof PlanUnavailableError)) throw err;
      const reason = err.failure?.message ?? err.part ?? err.message;
      if (err.failure?.kind === 'forbidden') forbidden = true;
      plans.push({
        ruleId,
        kind: rule.meta.fix,
        status: 'error',
        entryId: null,
        ops: [],
        manual: [],
        reason: { key: 'fix.refused.part-failed', params: { rule: ruleId, reason } },
      });
      stopped = true;
      continue;
    }
    if (!plan || plan.ops.length === 0) {
      plans.push({
        ruleId,
        kind: rule.meta.fix,
        status: 'already-fixed',
        entryId: null,
        ops: [],
        manual: plan?.manual ?? [],
      });
      continue;
    }
    const report = await applyPlan(opts, plan, batchId);
    plans.push(report);
    if (report.status !== 'applied') {
      stopped = true;
      forbidden ||= report.ops.some((o) => o.error?.kind === 'forbidden');
    }
  }

  // Fresh state of everything the fixes touched, for the re-audit.
  if (touched.size) snapshot = await gather([...touched]);
  const anyApplied = plans.some((p) => p.ops.some((o) => o.status === 'applied'));
  const status = forbidden
    ? 'forbidden'
    : plans.every((p) => p.status === 'already-fixed')
      ? 'already-fixed'
      : plans.every((p) => p.status === 'applied' || p.status === 'already-fixed')
        ? 'done'
        : anyApplied
          ? 'partial'
          : 'failed';
  return { status, batchId, plans, snapshot };
}

/** Applies one plan's ops in order, journaling each before the next; stops at the first failure. */
async function applyPlan(opts: ApplyOptions, plan: Plan, batchId: string): Promise<PlanReport> {
  const { client, journal, signal, onOp } = opts;
  const entry = journal.begin(batchId, plan.ruleId);
  const ops: OpReport[] = [];
  let failed = false;
  for (const [index, op] of plan.ops.entries()) {
    const base = { ruleId: plan.ruleId, index, summary: op.summary };
    if (failed) {
      const r: OpReport = { ...base, status: 'not-attempted' };
      ops.push(r);
      onOp?.(r);
      continue;
    }
    opts.lock.refresh();
    const settled = await applyOp(client, op, signal);
    if (!settled.ok) {
      failed = true;
      const r: OpReport = { ...base, status: 'failed', error: settled.error };
      ops.push(r);
      onOp?.(r);
      continue;
    }
    const target = withCreatedId(op.target, settled.createdId);
    await journal.record(entry, {
      index,
      op: target ? { ...op, target } : op,
      written: writtenValue(op),
      inverse: inverseOf(op, settled.createdId),
      ...(settled.createdId === undefined ? {} : { createdId: settled.createdId }),
      ...(settled.settledByReRead ? { settledByReRead: true } : {}),
    });
    const r: OpReport = { ...base, status: 'applied', ...(settled.settledByReRead ? { settledByReRead: true } : {}) };
    ops.push(r);
    onOp?.(r);
  }
  const applied = ops.filter((o) => o.status === 'applied').length;
  return {
    ruleId: plan.ruleId,
    kind: plan.kind,
    status: !failed ? 'applied' : applied ? 'partial' : 'failed',
    entryId: applied ? entry.id : null,
    ops,
    manual: plan.manual ?? [],
  };
}
