/**
 * Which ops of a plan build on an earlier one, so a choice of changes never sends an op without the
 * one it was planned on. A PATCH sends the whole object (the docs never say a PATCH merges), so when
 * a plan writes one object twice — a field required in two pipelines, two rights of one role — the
 * second body carries the first one's change; sent alone it would write that change after all.
 * (No plan creates an object and writes to it again: a new field takes its required stages in its
 * POST body, so no op waits for an id another op creates.)
 */
import type { Op, OpTarget } from './types';
import { holds, sameValue } from './value';

/** True when both targets name the same existing object. */
function sameObject(a: OpTarget | undefined, b: OpTarget | undefined): boolean {
  if (!a || !b || a.kind !== b.kind || a.id === null || a.id !== b.id) return false;
  if (a.kind === 'field' && b.kind === 'field') return a.entity === b.entity;
  if (a.kind === 'status' && b.kind === 'status') return a.pipelineId === b.pipelineId;
  return true;
}

/**
 * True when `later` was planned on top of `earlier`: both PATCH the same object and what `later`
 * expects to find there (its `before`) is what `earlier` writes, not what the account held.
 */
function buildsOn(later: Op, earlier: Op): boolean {
  if (later.method !== 'PATCH' || earlier.method !== 'PATCH' || !sameObject(later.target, earlier.target)) {
    return false;
  }
  return !sameValue(later.before, earlier.before) && holds(earlier.body, later.before);
}

/** For each op, the positions of the earlier ops it builds on directly (the nearest one per object). */
export function opNeeds(ops: readonly Op[]): number[][] {
  return ops.map((op, i) => {
    for (let j = i - 1; j >= 0; j--) {
      const earlier = ops[j]!;
      if (sameObject(op.target, earlier.target)) return buildsOn(op, earlier) ? [j] : [];
    }
    return [];
  });
}

/**
 * The chosen positions that can be sent: a chosen op whose base (directly or through another op) is
 * not chosen is left out with it. Returns the kept positions and, for each one left out, the base it lacks.
 */
export function closeChoice(
  needs: readonly (readonly number[])[],
  chosen: ReadonlySet<number>,
): { kept: Set<number>; pulled: Map<number, number> } {
  const kept = new Set<number>();
  const pulled = new Map<number, number>();
  // Bases come before the ops that need them, so one pass in order settles every chain.
  needs.forEach((bases, i) => {
    if (!chosen.has(i)) return;
    const missing = bases.find((b) => !kept.has(b));
    if (missing === undefined) kept.add(i);
    else pulled.set(i, missing);
  });
  return { kept, pulled };
}
