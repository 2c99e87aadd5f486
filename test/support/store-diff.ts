/**
 * A deep diff of the emulator's store, leaf by leaf, for the "changes only what its preview lists" check.
 * Records are addressed by id (`roles[id=3].rights.leads.export`), a field's options by value
 * (`fields.leads[id=5].enums[value=Сайт].id`, so an option deleted and made again shows as a changed id),
 * and arrays without identity (`required_statuses`, `status_rights`) are one leaf compared as sets.
 * Shared by the "done when" tables of fixes and of configuration documents: what a plan lists, leaf by
 * leaf, against what moved in the store.
 */
import type { Emulator } from '../../src/emulator';
import { type RecordList, iterate } from '../../src/emulator/store';
import type { Op, OpTarget } from '../../src/fix/types';
import { holds, sameValue } from '../../src/fix/value';

/** One difference: `before` undefined = added, `after` undefined = removed. */
export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** How the elements of an array are told apart; null = the array is one leaf. */
function keyOf(el: unknown): string | null {
  if (!isObject(el)) return null;
  if (typeof el['id'] === 'number' || typeof el['id'] === 'string') return `id=${el['id']}`;
  return null;
}

function keyed(list: unknown[], key: (el: unknown) => string | null): Map<string, unknown> | null {
  const out = new Map<string, unknown>();
  for (const el of list) {
    const k = key(el);
    if (k === null || out.has(k)) return null;
    out.set(k, el);
  }
  return out;
}

/** Options are keyed by value: their id is data the check must see. */
const byValue = (el: unknown) => (isObject(el) && typeof el['value'] === 'string' ? `value=${el['value']}` : null);

/** Every leaf where `a` and `b` differ, under `path`. */
export function diff(a: unknown, b: unknown, path = ''): Change[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = path.endsWith('.enums') ? byValue : keyOf;
    const ka = keyed(a, key);
    const kb = keyed(b, key);
    if (!ka || !kb || (a.length === 0 && b.length === 0)) {
      return sameValue(a, b) ? [] : [{ path, before: a, after: b }];
    }
    const out: Change[] = [];
    for (const [k, el] of ka) {
      const p = `${path}[${k}]`;
      if (!kb.has(k)) out.push({ path: p, before: el, after: undefined });
      else out.push(...diff(el, kb.get(k), p));
    }
    for (const [k, el] of kb) if (!ka.has(k)) out.push({ path: `${path}[${k}]`, before: undefined, after: el });
    return out;
  }
  if (isObject(a) && isObject(b)) {
    const out: Change[] = [];
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const p = path ? `${path}.${k}` : k;
      if (a[k] === undefined && b[k] !== undefined) out.push({ path: p, before: undefined, after: b[k] });
      else if (b[k] === undefined && a[k] !== undefined) out.push({ path: p, before: a[k], after: undefined });
      else out.push(...diff(a[k], b[k], p));
    }
    return out;
  }
  return sameValue(a, b) ? [] : [{ path, before: a, after: b }];
}

/** True for the store's lazy lists (contacts, tasks, …): read through `at`, not cloned as objects. */
function isRecordList(v: unknown): v is RecordList<{ id: number }> {
  return isObject(v) && typeof v['at'] === 'function' && typeof v['length'] === 'number';
}

/** The whole account as data (id counters left out: undo cannot rewind them), cloned. */
export function storeView(e: Emulator): Record<string, unknown> {
  const { seq: _counters, seed: _seed, ...rest } = e.store;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest) as [string, unknown][]) out[k] = isRecordList(v) ? [...iterate(v)] : v;
  return structuredClone(out);
}

/** Where a target lives in the store view. */
export function targetPath(t: OpTarget, id: number | null = t.id): string {
  switch (t.kind) {
    case 'field':
      return `fields.${t.entity}[id=${id}]`;
    case 'role':
      return `roles[id=${id}]`;
    case 'pipeline':
      return `pipelines[id=${id}]`;
    case 'status':
      return `pipelines[id=${t.pipelineId}].statuses[id=${id}]`;
  }
}

/** The container a created target is added to (its path without the id). */
export function containerOf(t: OpTarget): string {
  return targetPath(t, 0).replace(/\[id=0\]$/, '');
}

/** The body as it lands on the target: without the client's `request_id` tag. */
export function landed(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const { request_id: _tag, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** What a plan lists, leaf by leaf: per PATCHed target, its first `before` against its last body. */
export function listedChanges(ops: readonly Op[]): Change[] {
  const byTarget = new Map<string, { before: unknown; body: unknown }>();
  for (const op of ops.filter((o) => o.method === 'PATCH')) {
    const path = targetPath(op.target!);
    const seen = byTarget.get(path);
    byTarget.set(path, { before: seen ? seen.before : landed(op.before), body: landed(op.body) });
  }
  return [...byTarget].flatMap(([path, { before, body }]) => diff(before, body, path));
}

/** Is `actual` what the listed change says (an added option or record holds what was sent)? */
export function matches(actual: Change, listed: Change): boolean {
  if (listed.after === undefined) return actual.after === undefined;
  if (listed.before === undefined) return actual.after !== undefined && holds(actual.after, listed.after);
  return sameValue(actual.after, listed.after);
}

/** True when the change adds an object where `target` (a create) puts it. */
export function isCreated(c: Change, target: OpTarget): boolean {
  return new RegExp(`^${containerOf(target).replace(/[.[\]]/g, '\\$&')}\\[id=\\d+\\]$`).test(c.path);
}
