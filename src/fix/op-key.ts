/**
 * A stable key per op of a plan, so a preview's choice ("apply these changes") can be matched against
 * the plan the executor recomputes from a fresh read right before applying. The key is what the op
 * writes to (method and target identity) plus what its sentence says (summary key and params), hashed:
 * the same account gives the same keys, and a key that is gone means the account changed since the
 * preview. Keys are taken before any name the person edits is applied, so an edit never changes them.
 */
import { normalizeName } from '../audit/normalize';
import { checksumOf } from './checksum';
import type { Op, OpTarget, Plan } from './types';

/**
 * What the op writes to. An object the op creates has no id yet: the name the plan gives it (the
 * baseline's, in the account's language — never the person's edit) is all that tells it apart.
 */
function identity(target: OpTarget | undefined, path: string): string {
  if (!target) return `path:${path}`;
  const id = target.id === null ? `new:${normalizeName(target.name ?? '')}` : String(target.id);
  switch (target.kind) {
    case 'field':
      return `field:${target.entity}:${id}`;
    case 'status':
      return `status:${target.pipelineId}:${id}`;
    case 'role':
    case 'pipeline':
      return `${target.kind}:${id}`;
  }
}

/** The key of one op of a rule's plan (see the file's comment); readable prefix, hashed sentence. */
export function opKey(ruleId: string, op: Pick<Op, 'method' | 'path' | 'summary' | 'target'>): string {
  return `${ruleId}/${op.method}/${identity(op.target, op.path)}/${checksumOf(op.summary).slice(0, 8)}`;
}

/**
 * The keys of a plan's ops, in order. Two ops that would get the same key (the same write said the same
 * way twice) are told apart by their order: `#2`, `#3`.
 */
export function planKeys(plan: Pick<Plan, 'ruleId' | 'ops'>): string[] {
  const seen = new Map<string, number>();
  return plan.ops.map((op) => {
    const key = opKey(plan.ruleId, op);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}
