/**
 * Every fix the product offers on every seed (fresh, messy, clean; `large` is a benchmark's load and is left
 * out), against the in-process emulator: it applies with no refused write; the account changes only what
 * the preview lists — the emulator's store is compared field by field with the store before plus each
 * op's own body (other role actions, stage rights, options and their ids stay as they were); undo brings
 * the store back exactly, role rights included.
 */
import { describe, expect, it } from 'vitest';
import type { EntityRights, FieldEntity } from '../../src/api/dto';
import type { Emulator } from '../../src/emulator';
import type { FieldRecord, PipelineRecord, RoleRecord } from '../../src/emulator/store';
import { fixableRuleIds, planFor } from '../../src/fix/plan-for';
import type { Op, Plan } from '../../src/fix/types';
import { account, baseline, stableJson, touchedState } from './harness';

const SEEDS = ['fresh', 'messy', 'clean'] as const;

/** Undo cannot write these back; the reason is the rule's own. */
const NOT_RESTORED: Record<string, string> = {
  'required-statuses-stale': 'entries naming deleted stages cannot be written back (the API refuses them)',
};

/** The parts of the store a fix may write, cloned. */
interface View {
  fields: Record<FieldEntity, FieldRecord[]>;
  pipelines: PipelineRecord[];
  roles: RoleRecord[];
}

function viewOf(e: Emulator): View {
  const { fields, pipelines, roles } = e.store;
  return structuredClone({ fields, pipelines, roles });
}

type Body = Record<string, unknown>;
type EnumBody = { id?: number; value: string; sort: number; code?: string };

/** A new record reduced to what the op's body decides (the server assigns ids, sorts may be renumbered). */
const newField = (f: { name: unknown; type: unknown; enums?: unknown; required_statuses?: unknown }) => ({
  name: f.name,
  type: f.type,
  enums: ((f.enums as EnumBody[] | null) ?? []).map((e) => ({ value: e.value, sort: e.sort })),
  required_statuses: (f.required_statuses as unknown[] | null) ?? [],
});
const newStatus = (s: { name: unknown; color: unknown }) => ({ name: s.name, color: s.color });

/** The store as it should be after `ops`: the view before with each op's body written into its target. */
function expectedAfter(before: View, ops: readonly Op[]) {
  const v = structuredClone(before);
  const created = { fields: [] as unknown[], statuses: [] as unknown[] };
  for (const op of ops) {
    const t = op.target!;
    const body = op.body as Body;
    if (t.kind === 'field' && op.method === 'PATCH') {
      const rec = v.fields[t.entity].find((f) => f.id === t.id)!;
      rec.name = body['name'] as string;
      if (body['enums']) {
        rec.enums = (body['enums'] as EnumBody[]).map((e) => {
          const old = rec.enums?.find((o) => o.id === e.id);
          // An option sent with its id keeps it (and whatever else the record holds for it).
          return old ? { ...old, value: e.value, sort: e.sort } : ({ ...e } as never);
        });
      }
      rec.required_statuses = structuredClone(body['required_statuses']) as FieldRecord['required_statuses'];
    } else if (t.kind === 'field' && op.method === 'POST') {
      created.fields.push({ entity: t.entity, ...newField((op.body as Body[])[0] as never) });
    } else if (t.kind === 'role') {
      const rec = v.roles.find((r) => r.id === t.id)!;
      rec.rights = { ...rec.rights, ...structuredClone(body['rights'] as object) };
    } else if (t.kind === 'pipeline') {
      Object.assign(v.pipelines.find((p) => p.id === t.id)!, structuredClone(body));
    } else if (t.kind === 'status' && op.method === 'PATCH') {
      v.pipelines.find((p) => p.id === t.pipelineId)!.statuses.find((s) => s.id === t.id)!.name = body[
        'name'
      ] as string;
    } else if (t.kind === 'status' && op.method === 'POST') {
      created.statuses.push({ pipeline: t.pipelineId, ...newStatus((op.body as Body[])[0] as never) });
    }
  }
  return { view: v, created };
}

/** Splits the view after into what existed before (compared whole) and what is new (compared by body). */
function actualAfter(before: View, after: View) {
  const v = structuredClone(after);
  const created = { fields: [] as unknown[], statuses: [] as unknown[] };
  for (const entity of Object.keys(v.fields) as FieldEntity[]) {
    const old = new Set(before.fields[entity].map((f) => f.id));
    for (const f of v.fields[entity].filter((x) => !old.has(x.id))) created.fields.push({ entity, ...newField(f) });
    v.fields[entity] = v.fields[entity].filter((f) => old.has(f.id));
  }
  for (const p of v.pipelines) {
    const old = new Set(before.pipelines.find((x) => x.id === p.id)?.statuses.map((s) => s.id) ?? []);
    for (const s of p.statuses.filter((x) => !old.has(x.id)))
      created.statuses.push({ pipeline: p.id, ...newStatus(s) });
    p.statuses = p.statuses.filter((s) => old.has(s.id));
  }
  return { view: v, created };
}

/** Every (seed, rule) whose fix the product offers on that seed, with its plan as previewed. */
async function offered() {
  const cases: { seed: string; ruleId: string; ops: number }[] = [];
  for (const seed of SEEDS) {
    const acc = await account({ seed });
    const snapshot = await acc.gather();
    for (const ruleId of fixableRuleIds()) {
      const plan = planFor(ruleId, snapshot, baseline, 'en');
      if (plan?.ops.length) cases.push({ seed, ruleId, ops: plan.ops.length });
    }
  }
  return cases;
}

const CASES = await offered();

describe('the table covers what the seeds offer', () => {
  it('every fixable rule is offered on some seed', () => {
    expect(new Set(CASES.map((c) => c.ruleId))).toEqual(new Set(fixableRuleIds()));
  });
});

describe.each(CASES)('$seed: $ruleId ($ops ops)', ({ seed, ruleId }) => {
  it('applies with no refused write, changes only what the preview lists, and undo restores the store exactly', async () => {
    const acc = await account({ seed });
    const original = touchedState(acc.emulator);
    const before = viewOf(acc.emulator);
    const plan: Plan = planFor(ruleId, await acc.gather(), baseline, 'en')!;

    const outcome = await acc.apply([ruleId]);
    if (outcome.status === 'refused') throw new Error(`refused: ${outcome.reason}`);
    const errors = outcome.plans.flatMap((p) => p.ops.filter((o) => o.status !== 'applied'));
    expect(errors).toEqual([]);
    expect(outcome.status).toBe('done');
    expect(outcome.plans[0]!.ops).toHaveLength(plan.ops.length);

    const expected = expectedAfter(before, plan.ops);
    const actual = actualAfter(before, viewOf(acc.emulator));
    // Field by field: every record that existed before is exactly the old one with the ops' bodies written in.
    for (const entity of ['leads', 'contacts', 'companies'] as const) {
      expect(actual.view.fields[entity]).toEqual(expected.view.fields[entity]);
    }
    expect(actual.view.pipelines).toEqual(expected.view.pipelines);
    expect(actual.view.roles).toEqual(expected.view.roles);
    const sorted = (xs: unknown[]) => xs.map((x) => stableJson(x)).sort();
    expect(sorted(actual.created.fields)).toEqual(sorted(expected.created.fields));
    expect(sorted(actual.created.statuses)).toEqual(sorted(expected.created.statuses));
    // A role's untouched actions are the ones it had (the complete body changed only the named ones).
    for (const op of plan.ops.filter((o) => o.target?.kind === 'role')) {
      const id = (op.target as { id: number }).id;
      const was = before.roles.find((r) => r.id === id)!.rights;
      const now = acc.emulator.store.roles.find((r) => r.id === id)!.rights;
      const diff = (['leads', 'contacts', 'companies'] as const).flatMap((e) =>
        (Object.keys(was[e] ?? {}) as (keyof EntityRights)[])
          .filter((a) => was[e]![a] !== now[e]![a])
          .map((a) => `${e}.${a}`),
      );
      expect(diff.length).toBeGreaterThanOrEqual(op.summary.key.startsWith('fix.op.roleRight') ? 1 : 0);
      expect(now.status_rights).toEqual(was.status_rights);
      expect(now.tasks).toEqual(was.tasks);
    }

    const undone = await acc.undo({ batchId: outcome.batchId });
    if (undone.status === 'refused') throw new Error(`refused: ${undone.reason}`);
    expect(undone.conflicts).toEqual([]);
    expect(undone.status).toBe('undone');
    if (NOT_RESTORED[ruleId]) {
      expect(undone.ops.every((o) => o.status === 'skipped')).toBe(true);
    } else {
      expect(undone.ops.every((o) => o.status === 'applied')).toBe(true);
      expect(touchedState(acc.emulator)).toBe(original);
    }
  });
});
