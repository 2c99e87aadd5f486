/**
 * Undo: the inverse ops of journal entries, newest first, through the same client. Before each one
 * the target is read back; if it no longer holds what the fix wrote, someone changed it since, and
 * undo reports a conflict with both values instead of overwriting. A stage the fix added is deleted
 * only while no deal is in it. Undo runs are journaled too (entries of kind `undo`).
 */
import type { ApiClient } from '../api/client';
import { isAbortError } from '../api/errors';
import { applyOp, opError, readTarget, writtenValue } from './apply-op';
import type { Journal, JournalEntry, JournalOp } from './journal';
import { type AccountFacts, type InUse, accountFacts, fieldInUse, stageInUse } from './in-use';
import type { FixLock } from './lock';
import { refuse, type OpReport, type UndoOutcome } from './outcome';
import { project, holds } from './value';

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

/** What one undo run reads once and shares between its ops. */
interface UndoRun {
  facts?: AccountFacts | null;
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
  if (picked.every((e) => e.undoneAt !== null)) return refuse('already-undone');
  if (!opts.lock.acquire()) return refuse('busy');
  try {
    return await undoLocked(opts, picked.reverse());
  } finally {
    opts.lock.release();
  }
}

async function undoLocked(opts: UndoOptions, entries: JournalEntry[]): Promise<UndoOutcome> {
  const { journal } = opts;
  const batchId = journal.newId();
  const ops: OpReport[] = [];
  const conflicts: OpReport[] = [];
  const entryIds: string[] = [];
  const run: UndoRun = {};
  let failed = false;
  for (const entry of entries) {
    const undoEntry = journal.begin(batchId, entry.ruleId, 'undo', entry.id);
    for (const jop of [...entry.ops].reverse()) {
      if (jop.undone?.status === 'applied' || jop.undone?.status === 'skipped') continue;
      const report = failed
        ? {
            ruleId: entry.ruleId,
            entryId: entry.id,
            index: jop.index,
            summary: (jop.inverse ?? jop.op).summary,
            status: 'not-attempted' as const,
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

/** Undoes one journaled op, after checking its target still holds what the fix wrote. */
async function undoOne(
  opts: UndoOptions,
  entry: JournalEntry,
  jop: JournalOp,
  undoEntry: JournalEntry,
  run: UndoRun,
): Promise<OpReport> {
  const { client, journal, signal } = opts;
  const inverse = jop.inverse;
  const base = { ruleId: entry.ruleId, entryId: entry.id, index: jop.index, summary: (inverse ?? jop.op).summary };
  const settle = async (report: OpReport, status: 'applied' | 'skipped' | 'conflict'): Promise<OpReport> => {
    await journal.markUndone(entry.id, jop.index, status);
    return report;
  };
  if (!inverse?.target) {
    return settle({ ...base, status: 'skipped', reason: { key: 'fix.undo.nothingToRestore' } }, 'skipped');
  }
  opts.lock.refresh();
  try {
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
    const t = inverse.target;
    let inUse: InUse = false;
    let name = '';
    if (inverse.undoGuard === 'empty-status' && t.kind === 'status' && t.id !== null) {
      run.facts ??= await accountFacts(client, signal);
      inUse = run.facts ? await stageInUse(client, run.facts, t.pipelineId, t.id, signal) : 'unknown';
      name = t.name;
    } else if (inverse.undoGuard === 'unused-field' && t.kind === 'field' && t.id !== null) {
      inUse = await fieldInUse(client, t.entity, t.id, signal);
      name = t.name;
    }
    if (inUse !== false) {
      const stage = t.kind === 'status';
      const key =
        inUse === 'unknown'
          ? stage
            ? 'fix.undo.notVerifiedStage'
            : 'fix.undo.notVerifiedField'
          : stage
            ? 'fix.undo.notEmpty'
            : 'fix.undo.fieldInUse';
      const params: Record<string, string> = stage ? { stage: name } : { field: name };
      return settle({ ...base, status: 'conflict', reason: { key, params } }, 'conflict');
    }
  } catch (err) {
    if (isAbortError(err)) throw err;
    return { ...base, status: 'failed', error: opError(err) };
  }
  const settled = await applyOp(client, inverse, signal);
  if (!settled.ok) return { ...base, status: 'failed', error: settled.error };
  await journal.record(undoEntry, {
    index: jop.index,
    op: inverse,
    written: writtenValue(inverse),
    inverse: null,
    ...(settled.settledByReRead ? { settledByReRead: true } : {}),
  });
  return settle(
    { ...base, status: 'applied', ...(settled.settledByReRead ? { settledByReRead: true } : {}) },
    'applied',
  );
}
