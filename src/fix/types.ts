import type { Message } from '../audit/types';
import type { FieldEntity } from '../api/dto';
import type { PartName } from '../snapshot/types';

/**
 * What an op writes to, so the executor can read it back: to settle a write whose outcome is
 * unknown, and before an undo to see whether someone changed it since. `id: null` = the op creates it
 * (the id comes from the answer; until then it is found by `name`).
 */
export type OpTarget =
  | { kind: 'field'; entity: FieldEntity; id: number | null; name: string }
  | { kind: 'role'; id: number | null; name?: string }
  | { kind: 'pipeline'; id: number | null; name?: string }
  | { kind: 'status'; pipelineId: number; id: number | null; name: string };

/** One documented write. `before` is what the target held (null when the op creates it). */
export interface Op {
  method: 'POST' | 'PATCH' | 'DELETE';
  /** API path starting with /api/v4/. */
  path: string;
  body: unknown;
  before: unknown;
  /** Human sentence for the preview, before → after. */
  summary: Message;
  /** The object the op writes to (absent only on ops built outside src/fix/ops.ts). */
  target?: OpTarget;
  /**
   * What undo writes back when that differs from `before` — e.g. `required_statuses` entries naming
   * stages that no longer exist, which the API would refuse. When it equals the written value, undo
   * has nothing to restore.
   */
  restore?: unknown;
  /** Undo deletes what this op created only while it is still empty (stages with no deals). */
  undoGuard?: 'empty-status' | 'unused-field' | 'empty-pipeline' | 'unused-role';
}

/** Ordered ops that fix one rule's failing result. Data only: never a call. */
export interface Plan {
  ruleId: string;
  kind: 'safe' | 'confirm';
  ops: Op[];
  /** Parts to re-gather right before applying (to recompute the plan) and after. */
  touches: PartName[];
  /** What the fix cannot do and a person must (e.g. users without a role: the API has no user update). */
  manual?: Message[];
}
