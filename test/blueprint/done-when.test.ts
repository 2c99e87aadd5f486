/**
 * The configuration document's "done when", as one table: for every pair (document captured from seed X,
 * applied to seed Y), against the hardened emulator —
 *   1. the apply sends every op with no refused write;
 *   2. the journaled bodies are the plan's, op for op — the plan made before anything was sent, the journal
 *      of an apply that planned each section again from a fresh read — except for the ids the server gives
 *      objects this document creates (the plan names them with negative ids), one real id per planned one;
 *   3. a leaf-by-leaf diff of the whole emulator store equals what the plan says: per PATCHed target its
 *      first `before` against its last body, plus the objects its POSTs create, each holding what was sent;
 *      nothing else moved (no other option, sort, colour, group, role action, record or deal);
 *   4. planning again finds nothing to send, and only by-hand steps the first plan listed remain
 *      (the names of 142/143, extra stages, pipelines and roles the document does not list, …);
 *   5. undo brings the whole store back exactly, except entries naming stages that no longer exist
 *      (NOT_UNDONE: the API refuses to store them, so no write can bring them back).
 * The `large` seed is left out (printed below): 100,000 contacts per gather, apply and undo is a benchmark's
 * load, and its set-up parts come from the same seed builders as the others.
 */
import { describe, expect, it } from 'vitest';
import type { FieldEntity } from '../../src/api/dto';
import { FIELD_ENTITIES } from '../../src/api/dto';
import type { Blueprint } from '../../src/blueprint/types';
import { SEED_NAMES } from '../../src/emulator';
import { writtenValue } from '../../src/fix/apply-op';
import type { Op } from '../../src/fix/types';
import { holds } from '../../src/fix/value';
import { diff, isCreated, listedChanges, matches, storeView, type Change } from '../support/store-diff';
import { blueprintAccount, opsOf } from './harness';

const LEFT_OUT = { large: '100,000 contacts per gather, apply and undo: measured by `npm run bench`, not here' };
const SEEDS = SEED_NAMES.filter((s) => !(s in LEFT_OUT));
console.info(`blueprint done-when table: seeds ${SEEDS.join(', ')}; left out: large (${LEFT_OUT.large})`);

const PAIRS = SEEDS.flatMap((from) => SEEDS.map((to) => ({ from, to })));
const documents = new Map<string, Blueprint>();
async function captured(seed: string): Promise<Blueprint> {
  if (!documents.has(seed)) documents.set(seed, await blueprintAccount(seed).capture());
  return documents.get(seed)!;
}

/**
 * Compares a planned value with the one sent, recording which real id each negative (planned) id became.
 * Returns the first place they differ otherwise, or null.
 */
function sameUpToCreatedIds(planned: unknown, sent: unknown, ids: Map<number, number>, at = ''): string | null {
  if (typeof planned === 'number' && planned < 0 && typeof sent === 'number' && sent > 0) {
    const seen = ids.get(planned);
    if (seen !== undefined && seen !== sent) return `${at}: planned ${planned} is ${seen} elsewhere, ${sent} here`;
    if (seen === undefined && [...ids.values()].includes(sent)) return `${at}: ${sent} stands for two planned ids`;
    ids.set(planned, sent);
    return null;
  }
  if (typeof planned === 'string' && typeof sent === 'string') {
    // Paths name ids too (`/api/v4/leads/custom_fields/-1`).
    const a = planned.split('/');
    const b = sent.split('/');
    if (a.length === b.length && a.length > 1) {
      for (let i = 0; i < a.length; i++) {
        const problem = /^-\d+$/.test(a[i]!)
          ? sameUpToCreatedIds(Number(a[i]), Number(b[i]), ids, `${at}/${i}`)
          : a[i] === b[i]
            ? null
            : `${at}: ${planned} ≠ ${sent}`;
        if (problem) return problem;
      }
      return null;
    }
  }
  if (Array.isArray(planned) && Array.isArray(sent)) {
    if (planned.length !== sent.length) return `${at}: ${planned.length} items planned, ${sent.length} sent`;
    for (let i = 0; i < planned.length; i++) {
      const problem = sameUpToCreatedIds(planned[i], sent[i], ids, `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (planned && sent && typeof planned === 'object' && typeof sent === 'object') {
    const pa = planned as Record<string, unknown>;
    const sa = sent as Record<string, unknown>;
    const keys = new Set([...Object.keys(pa), ...Object.keys(sa)]);
    for (const k of keys) {
      const problem = sameUpToCreatedIds(pa[k], sa[k], ids, `${at}.${k}`);
      if (problem) return problem;
    }
    return null;
  }
  return Object.is(planned, sent) ? null : `${at}: planned ${JSON.stringify(planned)}, sent ${JSON.stringify(sent)}`;
}

/** The op with every planned (negative) id replaced by the real one it became. */
function withRealIds<T>(value: T, ids: Map<number, number>): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && ids.has(v) ? ids.get(v) : v)).replace(
      /\/(-\d+)(?=[/"]|$)/g,
      (m, id: string) => (ids.has(Number(id)) ? `/${ids.get(Number(id))}` : m),
    ),
  ) as T;
}

/** Store paths of required entries naming stages that do not exist: undo cannot write them back. */
function staleRequired(store: Record<string, unknown>): Map<string, unknown[]> {
  const pipelines = store['pipelines'] as { id: number; statuses: { id: number }[] }[];
  const fields = store['fields'] as Record<FieldEntity, { id: number; required_statuses: RequiredEntry[] }[]>;
  const out = new Map<string, unknown[]>();
  for (const entity of FIELD_ENTITIES) {
    for (const f of fields[entity]) {
      const live = f.required_statuses.filter((r) =>
        pipelines.some((p) => p.id === r.pipeline_id && p.statuses.some((s) => s.id === r.status_id)),
      );
      if (live.length !== f.required_statuses.length) out.set(`fields.${entity}[id=${f.id}].required_statuses`, live);
    }
  }
  return out;
}
type RequiredEntry = { pipeline_id: number; status_id: number };

describe.each(PAIRS)('document of $from applied to $to', ({ from, to }) => {
  it('sends the plan, moves only what it says, plans nothing after, and undo restores the store', async () => {
    const doc = await captured(from);
    const acc = blueprintAccount(to);
    const store0 = storeView(acc.emulator);
    const plan = await acc.plan(doc);
    const planned = opsOf(plan);

    // 1. No refused write.
    const outcome = await acc.apply(doc);
    if (outcome.status === 'refused') throw new Error(`refused: ${outcome.reason}`);
    const attempted = outcome.plans.flatMap((p) => p.ops);
    expect(attempted.filter((o) => o.status !== 'applied')).toEqual([]);
    expect(outcome.plans.filter((p) => p.reason)).toEqual([]);
    expect(outcome.status).toBe(planned.length ? 'done' : 'already-fixed');

    // 2. The journal holds the plan's bodies, section by section, up to the ids the server gave.
    const journaled = acc.journal
      .batch(outcome.batchId)
      .flatMap((e) => e.ops.map((j) => ({ section: e.ruleId, op: j.op })));
    const ids = new Map<number, number>();
    const expected = plan.sections.flatMap((s) => s.ops.map((op) => ({ section: `blueprint-${s.section}`, op })));
    expect(journaled.map((j) => j.section)).toEqual(expected.map((e) => e.section));
    expected.forEach((e, i) => {
      const sent = journaled[i]!.op;
      const problem = sameUpToCreatedIds(
        { method: e.op.method, path: e.op.path, body: e.op.body },
        { method: sent.method, path: sent.path, body: sent.body },
        ids,
        `op ${i} (${e.op.summary.key})`,
      );
      expect(problem).toBeNull();
    });
    const real: Op[] = withRealIds(planned, ids);

    // 3. Leaf by leaf, the store moved exactly where the plan says, to what it says.
    const store1 = storeView(acc.emulator);
    const changes = diff(store0, store1);
    const creates = real.filter((o) => o.method === 'POST');
    const added = changes.filter((c) => c.before === undefined && creates.some((o) => isCreated(c, o.target!)));
    const listed = listedChanges(real);
    const rest = changes.filter((c) => !added.includes(c));
    expect(rest.map((c) => c.path).sort()).toEqual(listed.map((c) => c.path).sort());
    for (const l of listed) {
      const actual = rest.find((c) => c.path === l.path)!;
      expect([l.path, matches(actual, l)]).toEqual([l.path, true]);
    }
    expect(added).toHaveLength(creates.length);
    for (const op of creates) {
      const made = added.filter((c: Change) => isCreated(c, op.target!) && holds(c.after, writtenValue(op)));
      expect([op.path, JSON.stringify(writtenValue(op)).slice(0, 80), made.length]).toEqual([
        op.path,
        JSON.stringify(writtenValue(op)).slice(0, 80),
        1,
      ]);
    }

    // 4. Nothing left to send; only by-hand steps the first plan listed remain.
    const again = await acc.plan(doc);
    expect(opsOf(again).map((o) => o.summary)).toEqual([]);
    const manual = (p: typeof plan) =>
      [...p.sections.flatMap((s) => s.manual), ...p.manual].map((m) => JSON.stringify(m));
    expect(manual(again).filter((m) => !manual(plan).includes(m))).toEqual([]);

    // 5. Undo: the whole store back, except what the API cannot hold again.
    if (planned.length === 0) return;
    const undone = await acc.undo(outcome.batchId);
    if (undone.status === 'refused') throw new Error(`refused: ${undone.reason}`);
    expect(undone.conflicts).toEqual([]);
    expect(undone.ops.filter((o) => o.status !== 'applied' && o.status !== 'skipped')).toEqual([]);
    expect(undone.status).toBe('undone');
    const stale = staleRequired(store0);
    const left = diff(store0, storeView(acc.emulator));
    expect(left.filter((c) => !stale.has(c.path))).toEqual([]);
    for (const c of left) expect(c.after).toEqual(stale.get(c.path));
  });
});
