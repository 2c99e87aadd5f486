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
import type { Message } from '../audit/types';
import { applyOp, restoreOf, withCreatedId, writtenValue } from './apply-op';
import type { Journal, JournalAccount } from './journal';
import type { FixLock } from './lock';
import { busy, refuse, type ApplyOutcome, type OpReport, type PlanReport, type Refused } from './outcome';
import { PlanUnavailableError, fixableRule, planFor } from './plan-for';
import { chosenFor, choiceProblem, refuseChoice } from './choice-check';
import type { FixChoice } from './pick';
import { checkedTarget } from './target';
import type { Plan } from './types';

/** Inputs of one apply. */
export interface ApplyOptions {
  client: ApiClient;
  ruleIds: string[];
  /** The snapshot the user looked at; touched parts are re-read before each plan. */
  snapshot: Snapshot;
  baseline: Baseline;
  lang: Lang;
  /** The language of names the fixes write, when the user chose it (else the account's, see planFor). */
  namesLang?: Lang | undefined;
  journal: Journal;
  lock: FixLock;
  isAdmin: boolean;
  /**
   * What the person chose in the preview: the keys of the changes to apply (absent: every change of each
   * plan) and the names they edited. Checked against a fresh read before anything is sent.
   */
  choice?: FixChoice | undefined;
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
  if (!opts.lock.acquire()) return busy(opts.lock);
  try {
    return await applyLocked(opts);
  } finally {
    opts.lock.release();
  }
}

/** Each rule's plan over `snapshot` (null: nothing to change, or it cannot be built — the loop reports that). */
function plansOver(opts: ApplyOptions, snapshot: Snapshot): (Plan | null)[] {
  return opts.ruleIds.map((id) => {
    try {
      return planFor(id, snapshot, opts.baseline, opts.lang, { namesLang: opts.namesLang });
    } catch (err) {
      if (err instanceof PlanUnavailableError) return null;
      throw err;
    }
  });
}

async function applyLocked(opts: ApplyOptions): Promise<ApplyOutcome> {
  const { client, journal, signal, choice } = opts;
  const batchId = journal.newId();
  const plans: PlanReport[] = [];
  const touched = new Set<PartName>();
  let snapshot = opts.snapshot;
  let stopped = false;
  let forbidden = false;
  const gather = (parts: PartName[]) => regatherParts(client, snapshot, parts, { signal, now: opts.now });
  // With a choice, every plan is recomputed from one fresh read and the choice checked against it before
  // anything is sent; that read stays good for the first plan (nothing was written since).
  let fresh = false;
  if (choice) {
    snapshot = await gather([...new Set(opts.ruleIds.flatMap((id) => fixableRule(id).meta.requires))]);
    const recomputed = plansOver(opts, snapshot);
    const refused = refuseChoice(
      opts.ruleIds.map((id, i) => chosenFor(id, recomputed[i] ?? null, choice)),
      recomputed,
      snapshot,
      choice,
    );
    if (refused) return refused;
    fresh = true;
  }

  for (const ruleId of opts.ruleIds) {
    if (stopped) {
      plans.push({ ruleId, kind: null, status: 'not-attempted', entryId: null, ops: [], manual: [] });
      continue;
    }
    const rule = fixableRule(ruleId);
    const parts = [...rule.meta.requires];
    parts.forEach((p) => touched.add(p));
    if (!fresh) snapshot = await gather(parts);
    let plan: Plan | null;
    try {
      plan = planFor(ruleId, snapshot, opts.baseline, opts.lang, { namesLang: opts.namesLang });
    } catch (err) {
      if (!(err instanceof PlanUnavailableError)) throw err;
      const reason = err.failure?.message ?? err.part ?? err.message;
      if (err.failure?.kind === 'forbidden') forbidden = true;
      plans.push(
        stoppedPlan(ruleId, rule.meta.fix, { key: 'fix.refused.part-failed', params: { rule: ruleId, reason } }),
      );
      stopped = true;
      continue;
    }
    let keys: string[] | undefined;
    if (choice) {
      // An earlier plan of this batch may have changed what this one finds: checked again, stopped if it no longer fits.
      const chosen = chosenFor(ruleId, plan, choice);
      const problem = choiceProblem([chosen], [plan], snapshot, choice);
      if (problem) {
        plans.push(stoppedPlan(ruleId, rule.meta.fix, problem));
        stopped = true;
        continue;
      }
      if (plan) plan = chosen.plan;
      keys = chosen.keys;
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
    const report = await applyPlan(opts, plan, batchId, keys);
    plans.push(report);
    if (report.ops.some((o) => o.status === 'applied')) fresh = false;
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

/** What applying one plan needs (fixes and configuration documents share it). */
export type PlanApplyOptions = Pick<ApplyOptions, 'client' | 'journal' | 'lock' | 'signal' | 'onOp' | 'snapshot'>;

/** The account the snapshot was read from, for the journal's entries. */
function accountOf(snapshot: Snapshot): JournalAccount | null {
  const part = snapshot.parts.account;
  return part && 'data' in part ? { id: part.data.id, subdomain: part.data.subdomain } : null;
}

/** Why the journal could not be saved, for the op's report. */
function journalReason(err: unknown): Message {
  return { key: 'fix.journal.unsaved', params: { error: err instanceof Error ? err.message : String(err) } };
}

/**
 * Applies one plan's ops in order. Each op is journaled as "sending" before its request goes out (a
 * journal that cannot be saved stops the fix before the API is touched) and marked applied after; the
 * first failure stops everything after it.
 */
export async function applyPlan(
  opts: PlanApplyOptions,
  plan: Plan,
  batchId: string,
  /** The ops' keys, when the plan is a choice (the keys of the ops as planned, reported with each op). */
  keys?: readonly string[],
): Promise<PlanReport> {
  const { client, journal, signal, onOp } = opts;
  const entry = journal.begin(batchId, plan.ruleId, { account: accountOf(opts.snapshot) });
  const ops: OpReport[] = [];
  const report = (r: OpReport) => {
    ops.push(r);
    onOp?.(r);
  };
  let failed = false;
  let reason: Message | undefined;
  for (const [index, op] of plan.ops.entries()) {
    const key = keys?.[index];
    const base = { ruleId: plan.ruleId, index, summary: op.summary, ...(key === undefined ? {} : { key }) };
    if (failed || reason) {
      report({ ...base, status: 'not-attempted' });
      continue;
    }
    const target = checkedTarget(op.target);
    if (!target) {
      // Undo rebuilds every request from the op's target: an op without one is never sent.
      failed = true;
      report({ ...base, status: 'failed', reason: { key: 'fix.journal.noTarget' } });
      continue;
    }
    opts.lock.refresh();
    try {
      await journal.record(entry, {
        index,
        state: 'sending',
        op,
        target,
        written: writtenValue(op),
        restore: restoreOf(op),
      });
    } catch (err) {
      reason = journalReason(err);
      report({ ...base, status: 'failed', reason });
      continue;
    }
    const settled = await applyOp(client, op, signal);
    if (!settled.ok) {
      failed = true;
      try {
        await journal.drop(entry, index);
      } catch {
        // It stays "sending": undo reads the target back and finds it never landed.
      }
      report({ ...base, status: 'failed', error: settled.error });
      continue;
    }
    try {
      await journal.settle(entry, index, {
        state: 'applied',
        target: withCreatedId(target, settled.createdId) ?? target,
        ...(settled.createdId === undefined ? {} : { createdId: settled.createdId }),
        ...(settled.settledByReRead ? { settledByReRead: true } : {}),
      });
    } catch (err) {
      // The write landed and the journal holds it as "sending" (undo settles it by reading back); stop here.
      reason = journalReason(err);
    }
    report({ ...base, status: 'applied', ...(settled.settledByReRead ? { settledByReRead: true } : {}) });
  }
  const applied = ops.filter((o) => o.status === 'applied').length;
  const planReport: PlanReport = {
    ruleId: plan.ruleId,
    kind: plan.kind,
    status: !failed && !reason ? 'applied' : applied ? 'partial' : 'failed',
    entryId: applied ? entry.id : null,
    ops,
    manual: plan.manual ?? [],
  };
  if (reason) planReport.reason = reason;
  return planReport;
}

/** A plan the batch stopped at before sending anything of it (its part failed, or the choice no longer fits). */
function stoppedPlan(ruleId: string, kind: PlanReport['kind'], reason: Message): PlanReport {
  return { ruleId, kind, status: 'error', entryId: null, ops: [], manual: [], reason };
}
