import type { Message } from '../audit/types';
import type { PartName } from '../snapshot/types';

/** One documented write. `before` is what the target held (null when the op creates it). */
export interface Op {
  method: 'POST' | 'PATCH' | 'DELETE';
  /** API path starting with /api/v4/. */
  path: string;
  body: unknown;
  before: unknown;
  /** Human sentence for the preview, before → after. */
  summary: Message;
}

/** Ordered ops that fix one rule's failing result. Data only: never a call. */
export interface Plan {
  ruleId: string;
  kind: 'safe' | 'confirm';
  ops: Op[];
  /** Parts to re-gather right before applying (to recompute the plan) and after. */
  touches: PartName[];
}
