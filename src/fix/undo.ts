/**
 * Undo: the inverse of journaled ops, newest first, through the same client. Every inverse request is
 * rebuilt from the op's checked target (never from a path stored in the journal), and an entry whose
 * checksum or shape is off, or that names another account, is refused before anything is sent. Before
 * each write the target is read back; if it no longer holds what the fix wrote, someone changed it
 * since, and undo reports a conflict with both values instead of overwriting. What a fix created is
 * deleted only while it is still empty. Undo runs are journaled too (entries of kind `undo`).
 */
import type { ApiClient } from '../api/client';
import { isAbortError } from '../api/errors';
import type { Message } from '../audit/types';
import { applyOp, opError, readTarget, writtenValue } from './apply-op';
import {
  type AccountFacts,
  type InUse,
  accountFacts,
  fieldInUse,
  pipelineInUse,
  roleInUse,
  stageInUse,
} from './in-use';
import { type Journal, type JournalEntry, type JournalOp, entryChecksum } from './journal';
import type { FixLock } from './lock';
import { deleteField, deletePipeline, deleteRole, deleteStatus } from './ops';
import { busy, refuse, type OpReport, type UndoOutcome } from './outcome';
import { checkedTarget, restorableBody, targetPath } from './target';
import type { Op, OpTarget } from './types';
import { holds, project } from './value';

/** Inputs of one undo. */
export interface UndoOptions {
  client: ApiClient;
  journal: Journal;
  lock: FixLock;
  isAdmin: boolean;
  /** Undo these fix entries… */
  entryIds?: string[];
  /** …or every entry of this batch. */
  batchId?: string;
  onOp?: (op: OpReport) => void;
  signal?: AbortSignal;
}

/** Why an entry cannot be trusted, or null when its record holds together. */
export function entryProblem(entry: JournalEntry): string | null {
  if (entry.checksum !== entryChecksum(entry)) return 'its checksum does not match its content';
  for (const jop of entry.ops) {
    const t = checkedTarget(jop.target);
    if (!t) return `op ${jop.index} names no valid target`;
    if (jop.op?.method === 'POST') {
      // Fixes create fields and stages; a configuration document also creates pipelines and roles.
      if (jop.state === 'applied' && (t.id === null || t.id !== jop.createdId))
        return `op ${jop.index}: the created id does not match its target`;
    } else if (jop.op?.method === 'PATCH') {
      if (t.id === null) return `op ${jop.index} names no id`;
      if (jop.restore !== null && !restorableBody(t.kind, jop.restore, t.id))
        return `op ${jop.index} would write keys a fix never writes`;
    } else {
      return `op ${jop.index} has an unknown method`;
    }
  }
  return null;
}

/** The write that undoes a journaled op, built from its target; null when there is nothing to restore. */
export function inverseOf(jop: JournalOp, target: OpTarget): Op | null {
  if (jop.op.method === 'POST') {
    if (target.id === null) return null;
    if (target.kind === 'field') {
      // Deleting a field deletes every value entered in it since the fix: only while nobody has.
      return {
        ...deleteField(target.entity, target.id, target.name, {
          key: 'fix.undo.deleteField',
          params: { field: target.name },
        }),
        undoGuard: 'unused-field',
      };
    }
    if (target.kind === 'status') {
      return {
        ...deleteStatus(target.pipelineId, target.id, target.name, {
          key: 'fix.undo.deleteStatus',
          params: { stage: target.name },
        }),
        undoGuard: 'empty-status',
      };
    }
    const name = target.name ?? `#${target.id}`;
    if (target.kind === 'pipeline') {
      return {
        ...deletePipeline(target.id, name, { key: 'fix.undo.deletePipeline', params: { pipeline: name } }),
        undoGuard: 'empty-pipeline',
      };
    }
    return {
      ...deleteRole(target.id, name, { key: 'fix.undo.deleteRole', params: { role: name } }),
      undoGuard: 'unused-role',
    };
  }
  if (jop.restore === null || target.id === null) return null;
  return {
    method: 'PATCH',
    path: targetPath({ ...target, id: target.id }),
    body: jop.restore,
    before: jop.written,
    summary: jop.op.summary,
    target,
  };
}

/** Undoes journal entries (a batch, or the given ones), newest first. */
export async function undoFixes(opts: UndoOptions): Promise<UndoOutcome> {
  if (!opts.isAdmin) return refuse('not-admin');
  const all = opts.journal.entries();
  const picked: JournalEntry[] =
    opts.batchId !== undefined
      ? all.filter((e) => e.batchId === opts.batchId && e.kind === 'fix')
      : (opts.entryIds ?? [])
          .map((id) => all.find((e) => e.id === id && e.kind === 'fix'))
          .filter((e) => e !== undefined);
  if (picked.length === 0 || (opts.entryIds && picked.length !== opts.entryIds.length)) {
    return refuse('no-entry', { entry: opts.batchId ?? (opts.entryIds ?? []).join(', ') });
  }
  for (const entry of picked) {
    const problem = entryProblem(entry);
    if (problem) return refuse('tampered', { entry: entry.id, problem });
  }
  if (picked.every((e) => e.undoneAt !== null)) return refuse('already-undone');
  if (!opts.lock.acquire()) return busy(opts.lock);
  try {
    // The account answers first: an entry written to another account is refused before any write.
    let facts: AccountFacts | null;
    try {
      facts = await accountFacts(opts.client, opts.signal);
    } catch (err) {
      if (isAbortError(err)) throw err;
      return failedBeforeStart(picked, err);
    }
    const foreign = facts && picked.find((e) => e.account !== null && e.account.id !== facts.id);
    if (foreign) return refuse('other-account', { entry: foreign.id, account: foreign.account?.subdomain ?? '' });
    return await undoLocked(opts, picked.reverse(), { facts });
  } finally {
    opts.lock.release();
  }
}

/** The outcome when the account could not be read: nothing was attempted. */
function failedBeforeStart(entries: JournalEntry[], err: unknown): UndoOutcome {
  const ops = entries.flatMap((entry) =>
    [...entry.ops].reverse().map(
      (jop, i): OpReport => ({
        ruleId: entry.ruleId,
        entryId: entry.id,
        index: jop.index,
        summary: jop.op.summary,
        ...(i === 0 ? { status: 'failed' as const, error: opError(err) } : { status: 'not-attempted' as const }),
      }),
    ),
  );
  return {
    status: ops.some((o) => o.error?.kind === 'forbidden') ? 'forbidden' : 'failed',
    entryIds: [],
    ops,
    conflicts: [],
  };
}

/** What one undo run reads once and shares between its ops. */
interface UndoRun {
  facts: AccountFacts | null;
}

async function undoLocked(opts: UndoOptions, entries: JournalEntry[], run: UndoRun): Promise<UndoOutcome> {
  const { journal } = opts;
  const batchId = journal.newId();
  const ops: OpReport[] = [];
  const conflicts: OpReport[] = [];
  const entryIds: string[] = [];
  let failed = false;
  for (const entry of entries) {
    const undoEntry = journal.begin(batchId, entry.ruleId, { kind: 'undo', undoOf: entry.id, account: entry.account });
    for (const jop of [...entry.ops].reverse()) {
      if (jop.undone?.status === 'applied' || jop.undone?.status === 'skipped') continue;
      const report: OpReport = failed
        ? {
            ruleId: entry.ruleId,
            entryId: entry.id,
            index: jop.index,
            summary: jop.op.summary,
            status: 'not-attempted',
          }
        : await undoOne(opts, entry, jop, undoEntry, run);
      ops.push(report);
      if (report.status === 'conflict') conflicts.push(report);
      if (report.status === 'failed') failed = true;
      opts.onOp?.(report);
    }
    if (undoEntry.ops.length) entryIds.push(undoEntry.id);
  }
  const forbidden = ops.some((o) => o.error?.kind === 'forbidden');
  const applied = ops.some((o) => o.status === 'applied' || o.status === 'skipped');
  const status = forbidden
    ? 'forbidden'
    : failed
      ? applied
        ? 'partial'
        : 'failed'
      : conflicts.length
        ? 'partial'
        : 'undone';
  return { status, entryIds, ops, conflicts };
}

/**
 * The target of an op journaled as "sending" (its answer never recorded): read back, it is applied if
 * the account holds what it wrote — a create is found by name — and never landed otherwise.
 */
async function settledTarget(client: ApiClient, jop: JournalOp, signal?: AbortSignal): Promise<OpTarget | null> {
  const t = checkedTarget(jop.target)!;
  if (jop.state === 'applied') return t;
  const current = await readTarget(client, t, signal);
  if (current === null || !holds(current, jop.written)) return null;
  const id = current['id'];
  return jop.op.method === 'POST' && typeof id === 'number' ? { ...t, id } : t;
}

/** Undoes one journaled op, after checking its target still holds what the fix wrote. */
async function undoOne(
  opts: UndoOptions,
  entry: JournalEntry,
  jop: JournalOp,
  undoEntry: JournalEntry,
  run: UndoRun,
): Promise<OpReport> {
  const { client, journal, signal } = opts;
  let base: Omit<OpReport, 'status'> = {
    ruleId: entry.ruleId,
    entryId: entry.id,
    index: jop.index,
    summary: jop.op.summary,
  };
  const settle = async (report: OpReport, status: 'applied' | 'skipped' | 'conflict'): Promise<OpReport> => {
    await journal.markUndone(entry.id, jop.index, status);
    return report;
  };
  opts.lock.refresh();
  let inverse: Op | null;
  try {
    const target = await settledTarget(client, jop, signal);
    if (target === null) {
      return settle({ ...base, status: 'skipped', reason: { key: 'fix.undo.neverLanded' } }, 'skipped');
    }
    inverse = inverseOf(jop, target);
    if (!inverse?.target) {
      return settle({ ...base, status: 'skipped', reason: { key: 'fix.undo.nothingToRestore' } }, 'skipped');
    }
    base = { ...base, summary: inverse.summary };
    const current = await readTarget(client, inverse.target, signal);
    if (current === null) {
      // What the fix created is gone already: nothing left to undo. What it changed is gone: a conflict.
      if (inverse.method === 'DELETE')
        return settle({ ...base, status: 'skipped', reason: { key: 'fix.undo.gone' } }, 'skipped');
      return settle(
        { ...base, status: 'conflict', reason: { key: 'fix.undo.gone' }, expected: jop.written, actual: null },
        'conflict',
      );
    }
    if (!holds(current, jop.written)) {
      return settle(
        {
          ...base,
          status: 'conflict',
          reason: { key: 'fix.undo.conflict' },
          expected: jop.written,
          actual: project(current, jop.written),
        },
        'conflict',
      );
    }
    const stays = await stillInUse(client, inverse, run, signal);
    if (stays) return settle({ ...base, status: 'conflict', reason: stays }, 'conflict');
  } catch (err) {
    if (isAbortError(err)) throw err;
    return { ...base, status: 'failed', error: opError(err) };
  }
  // Journal first: the undo's own write is recorded before it is sent.
  const record: JournalOp = {
    index: jop.index,
    state: 'sending',
    op: inverse,
    target: inverse.target!,
    written: writtenValue(inverse),
    restore: null,
  };
  try {
    await journal.record(undoEntry, record);
  } catch (err) {
    return { ...base, status: 'failed', reason: journalReason(err) };
  }
  const settled = await applyOp(client, inverse, signal);
  if (!settled.ok) {
    await journal.drop(undoEntry, jop.index).catch(() => {});
    return { ...base, status: 'failed', error: settled.error };
  }
  await journal.settle(undoEntry, jop.index, {
    state: 'applied',
    ...(settled.settledByReRead ? { settledByReRead: true } : {}),
  });
  return settle(
    { ...base, status: 'applied', ...(settled.settledByReRead ? { settledByReRead: true } : {}) },
    'applied',
  );
}

function journalReason(err: unknown): Message {
  return { key: 'fix.journal.unsaved', params: { error: err instanceof Error ? err.message : String(err) } };
}

/** Why what undo would delete must stay (it holds deals or values, or that could not be ruled out); null when empty. */
async function stillInUse(client: ApiClient, inverse: Op, run: UndoRun, signal?: AbortSignal): Promise<Message | null> {
  const t = inverse.target;
  if (!t || t.id === null) return null;
  let inUse: InUse = false;
  if (inverse.undoGuard === 'empty-status' && t.kind === 'status') {
    inUse = run.facts ? await stageInUse(client, run.facts, t.pipelineId, t.id, signal) : 'unknown';
    if (inUse === false) return null;
    return { key: inUse === 'unknown' ? 'fix.undo.notVerifiedStage' : 'fix.undo.notEmpty', params: { stage: t.name } };
  }
  if (inverse.undoGuard === 'unused-field' && t.kind === 'field') {
    inUse = await fieldInUse(client, t.entity, t.id, signal);
    if (inUse === false) return null;
    return {
      key: inUse === 'unknown' ? 'fix.undo.notVerifiedField' : 'fix.undo.fieldInUse',
      params: { field: t.name },
    };
  }
  if (inverse.undoGuard === 'empty-pipeline' && t.kind === 'pipeline') {
    inUse = run.facts ? await pipelineInUse(client, run.facts, t.id, signal) : 'unknown';
    if (inUse === false) return null;
    const pipeline = t.name ?? `#${t.id}`;
    return {
      key: inUse === 'unknown' ? 'fix.undo.notVerifiedPipeline' : 'fix.undo.pipelineNotEmpty',
      params: { pipeline },
    };
  }
  if (inverse.undoGuard === 'unused-role' && t.kind === 'role') {
    if (!(await roleInUse(client, t.id, signal))) return null;
    return { key: 'fix.undo.roleInUse', params: { role: t.name ?? `#${t.id}` } };
  }
  return null;
}
