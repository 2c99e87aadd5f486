/** Typed results of applying and undoing, for the runner, the panel and the CLI to render. */
import type { Message } from '../audit/types';
import type { Snapshot } from '../snapshot/types';
import type { OpError } from './apply-op';
import type { Plan } from './types';

/** How one op ended. `not-attempted` follows the first failure; `skipped`/`conflict` are undo's. */
export type OpStatus = 'applied' | 'failed' | 'not-attempted' | 'skipped' | 'conflict';

/** One op's result while applying or undoing. */
export interface OpReport {
  ruleId: string;
  /** Position of the op in its plan (or, for undo, in the journal entry). */
  index: number;
  /** For undo: the fix entry the op belongs to (a batch undoes several entries, possibly of one rule). */
  entryId?: string;
  summary: Message;
  status: OpStatus;
  /** Why it failed (the API's words). */
  error?: OpError;
  /** Why it was skipped or conflicted (translatable). */
  reason?: Message;
  /** The op's key in its plan (src/fix/op-key.ts), when applying: the preview's choice is matched by it. */
  key?: string;
  /** The answer was lost and the state was read back to settle this op. */
  settledByReRead?: boolean;
  /** For conflicts: what undo expected (the fix's value) and what the account holds now. */
  expected?: unknown;
  actual?: unknown;
}

/** One rule's part of an apply. */
export interface PlanReport {
  ruleId: string;
  kind: Plan['kind'] | null;
  /** applied: every op; already-fixed: nothing left to do; partial/failed: stopped at a failure; error: plan not built. */
  status: 'applied' | 'already-fixed' | 'partial' | 'failed' | 'not-attempted' | 'error';
  /** Journal entry holding the applied ops; null when none applied. */
  entryId: string | null;
  ops: OpReport[];
  manual: Message[];
  /** Why the plan could not be built or applied as a whole. */
  reason?: Message;
}

/** Why an apply or undo did not start. */
export type RefusalReason =
  | 'not-admin'
  | 'busy'
  | 'needs-confirmation'
  | 'unknown-rule'
  | 'not-fixable'
  | 'no-entry'
  | 'already-undone'
  | 'tampered'
  | 'other-account'
  /** A change chosen in the preview is not in the plan recomputed from a fresh read: the account changed. */
  | 'stale-pick'
  /** A change was chosen without the one it builds on. */
  | 'pick-needs-base'
  /** A name the person edited (or the plan's own) cannot be written: empty, too long, or already taken. */
  | 'invalid-name';

/** An apply or undo that did not start. */
export interface Refused {
  status: 'refused';
  reason: RefusalReason;
  message: Message;
}

/** A refusal with its translatable message (`fix.refused.<reason>`). */
export function refuse(reason: RefusalReason, params?: Record<string, string>): Refused {
  return { status: 'refused', reason, message: { key: `fix.refused.${reason}`, ...(params ? { params } : {}) } };
}

/** The refusal when the lock is held elsewhere; a named lock (the CLI's file) is named, with its expiry. */
export function busy(lock: { name: string | null; busyUntil(): number | null }): Refused {
  const until = lock.busyUntil();
  if (lock.name === null || until === null) return refuse('busy');
  return {
    status: 'refused',
    reason: 'busy',
    message: { key: 'fix.refused.busy-lock', params: { lock: lock.name, until: new Date(until).toISOString() } },
  };
}

/** What an apply did. `forbidden` = the API answered 403 (shown as such, not as a generic failure). */
export type ApplyOutcome =
  | Refused
  | {
      status: 'done' | 'already-fixed' | 'partial' | 'failed' | 'forbidden';
      batchId: string;
      plans: PlanReport[];
      /** The snapshot re-gathered after applying (touched parts fresh), for the re-audit. */
      snapshot: Snapshot;
    };

/** What an undo did. */
export type UndoOutcome =
  | Refused
  | {
      status: 'undone' | 'partial' | 'failed' | 'forbidden';
      /** Journal entry (kind undo) per undone fix entry. */
      entryIds: string[];
      ops: OpReport[];
      conflicts: OpReport[];
    };
