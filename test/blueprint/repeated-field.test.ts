/**
 * A field a document asks for more than once — twice in the fields sheet, in the fields sheet and as the
 * loss-reason field, in the fields sheet and in the required matrix — is one field: one POST, the later
 * mentions building on the first (their options in it, the matrix's stages carried in it). On the
 * emulator: the store after apply holds exactly that one new field, nothing else moved; undo is exact.
 */
import { describe, expect, it } from 'vitest';
import type { Blueprint } from '../../src/blueprint/types';
import { diff, storeView } from '../support/store-diff';
import { blueprintAccount, opsOf } from './harness';

const fresh: Blueprint = await blueprintAccount('fresh').capture();
const main = fresh.pipelines[0]!;

/** Fresh's own document with more asked of it. */
function asking(more: Partial<Blueprint>): Blueprint {
  return { ...structuredClone(fresh), ...more };
}

type Field = { id: number; name: string; type: string; enums: { value: string }[] | null; required_statuses: unknown };

async function applied(doc: Blueprint) {
  const acc = blueprintAccount('fresh');
  const store0 = storeView(acc.emulator);
  const plan = await acc.plan(doc);
  const result = await acc.apply(doc);
  if (result.status === 'refused') throw new Error(result.reason);
  const outcome = result;
  expect(outcome.plans.flatMap((p) => p.ops).filter((o) => o.status !== 'applied')).toEqual([]);
  const changes = diff(store0, storeView(acc.emulator));
  const stage = (name: string) => acc.emulator.store.pipelines[0]!.statuses.find((s) => s.name === name)!.id;
  return { acc, store0, plan, outcome, changes, stage, pipelineId: acc.emulator.store.pipelines[0]!.id };
}

async function undoneExactly(r: Awaited<ReturnType<typeof applied>>) {
  // applied() threw on a refusal: the outcome has its batch.
  const undone = await r.acc.undo(r.outcome.batchId);
  expect(undone.status).toBe('undone');
  expect(diff(r.store0, storeView(r.acc.emulator))).toEqual([]);
}

describe('a field asked for more than once is created once', () => {
  it('named twice in the fields sheet: one POST with the options of both, in order', async () => {
    const doc = asking({
      fields: [
        ...fresh.fields,
        { entity: 'leads', name: 'Канал', type: 'select', options: ['Сайт', 'Звонок'], group: null },
        { entity: 'leads', name: 'канал ', type: 'select', options: ['звонок', 'Почта'], group: null },
      ],
    });
    const r = await applied(doc);
    expect(opsOf(r.plan).map((o) => [o.method, o.path])).toEqual([['POST', '/api/v4/leads/custom_fields']]);
    expect(r.changes).toHaveLength(1);
    const made = r.changes[0]!.after as Field;
    expect(r.changes[0]!.path).toBe(`fields.leads[id=${made.id}]`);
    expect([made.name, made.type, made.enums?.map((e) => e.value), made.required_statuses]).toEqual([
      'Канал',
      'select',
      ['Сайт', 'Звонок', 'Почта'],
      [],
    ]);
    expect(opsOf(await r.acc.plan(doc))).toEqual([]);
    await undoneExactly(r);
  });

  it('in the fields sheet and in the matrix, at a stage the pipelines section adds: the POST carries the stages', async () => {
    const doc = asking({
      pipelines: [{ ...main, stages: [...main.stages, 'Счёт выставлен'] }],
      fields: [...fresh.fields, { entity: 'leads', name: 'Бюджет', type: 'numeric', options: [], group: null }],
      required: [
        { entity: 'leads', field: 'Бюджет', pipeline: main.name, stage: main.stages[1]! },
        { entity: 'leads', field: 'бюджет', pipeline: main.name, stage: 'Счёт выставлен' },
      ],
    });
    const r = await applied(doc);
    expect(r.plan.sections.map((s) => [s.section, s.ops.map((o) => o.method)])).toEqual([
      ['pipelines', ['POST']],
      ['fields', ['POST']],
      ['loss-reasons', []],
      ['roles', []],
      ['required', []],
    ]);
    // The matrix still says what it adds, though the create writes it.
    expect(r.plan.sections.find((s) => s.section === 'required')!.differences.map((d) => d.key)).toEqual([
      'blueprint.diff.required',
    ]);
    const fieldAdded = r.changes.filter((c) => c.path.startsWith('fields.'));
    expect(fieldAdded).toHaveLength(1);
    const made = fieldAdded[0]!.after as Field;
    expect([made.name, made.type, made.required_statuses]).toEqual([
      'Бюджет',
      'numeric',
      [
        { pipeline_id: r.pipelineId, status_id: r.stage(main.stages[1]!) },
        { pipeline_id: r.pipelineId, status_id: r.stage('Счёт выставлен') },
      ],
    ]);
    // Besides the field, only the new stage.
    expect(r.changes.filter((c) => !c.path.startsWith('fields.')).map((c) => c.path)).toEqual([
      `pipelines[id=${r.pipelineId}].statuses[id=${r.stage('Счёт выставлен')}]`,
    ]);
    const journaled = r.acc.journal.batch(r.outcome.batchId);
    expect(journaled.flatMap((e) => e.ops.map((o) => o.op.method))).toEqual(['POST', 'POST']);
    expect(opsOf(await r.acc.plan(doc))).toEqual([]);
    await undoneExactly(r);
  });

  it('in the fields sheet twice and as the loss-reason field: one POST, its reasons and 143 in it', async () => {
    const doc = asking({
      fields: [
        ...fresh.fields,
        { entity: 'leads', name: 'Причина отказа', type: 'select', options: ['Дорого'], group: null },
        { entity: 'leads', name: 'причина  отказа', type: 'select', options: ['Нет потребности'], group: null },
      ],
      lossReasons: { field: 'Причина отказа', reasons: ['Дорого', 'Другое'] },
      required: [{ entity: 'leads', field: 'Причина отказа', pipeline: main.name, stage: main.stages[3]! }],
    });
    const r = await applied(doc);
    expect(r.plan.sections.map((s) => [s.section, s.ops.map((o) => o.method)])).toEqual([
      ['pipelines', []],
      ['fields', []],
      ['loss-reasons', ['POST']],
      ['roles', []],
      ['required', []],
    ]);
    expect(r.changes).toHaveLength(1);
    const made = r.changes[0]!.after as Field;
    expect([made.name, made.enums?.map((e) => e.value), made.required_statuses]).toEqual([
      'Причина отказа',
      ['Дорого', 'Нет потребности', 'Другое'],
      [
        { pipeline_id: r.pipelineId, status_id: r.stage(main.stages[3]!) },
        { pipeline_id: r.pipelineId, status_id: 143 },
      ],
    ]);
    expect(opsOf(await r.acc.plan(doc))).toEqual([]);
    await undoneExactly(r);
  });

  it('an existing field given options and a stage: the matrix’s PATCH builds on the options’ one', async () => {
    const acc = blueprintAccount('clean');
    const clean = await acc.capture();
    const source = clean.fields.find((f) => f.entity === 'leads' && f.type === 'select' && f.name === 'Источник')!;
    const pipeline = clean.pipelines[0]!;
    const doc: Blueprint = {
      ...clean,
      fields: clean.fields.map((f) => (f === source ? { ...f, options: [...f.options, 'Выставка'] } : f)),
      required: [
        ...clean.required,
        { entity: 'leads', field: 'Источник', pipeline: pipeline.name, stage: pipeline.stages[0]! },
      ],
    };
    const store0 = storeView(acc.emulator);
    const plan = await acc.plan(doc);
    const ops = opsOf(plan);
    expect(ops.map((o) => [o.method, o.summary.key])).toEqual([
      ['PATCH', 'blueprint.op.addOptions'],
      ['PATCH', 'blueprint.op.setRequired'],
    ]);
    // What the second expects to find is what the first writes: it is sent on top of it, the new option
    // under a planned (negative) id until the server gives it one (the apply plans it again then).
    const { request_id: _a, ...first } = ops[0]!.body as Record<string, unknown>;
    const { request_id: _b, ...base } = ops[1]!.before as { enums: { id: number }[] } & Record<string, unknown>;
    const planned = base.enums.filter((e) => e.id < 0);
    expect(planned).toHaveLength(1);
    expect({ ...base, enums: base.enums.map(({ id, ...e }) => (id < 0 ? e : { id, ...e })) }).toEqual(first);
    const outcome = await acc.apply(doc);
    if (outcome.status === 'refused') throw new Error(outcome.reason);
    const id = (ops[0]!.target as { id: number }).id;
    const changed = diff(store0, storeView(acc.emulator)).map((c) => c.path);
    expect(changed.sort()).toEqual(
      [`fields.leads[id=${id}].enums[value=Выставка]`, `fields.leads[id=${id}].required_statuses`].sort(),
    );
    const undone = await acc.undo(outcome.batchId);
    expect(undone.status).toBe('undone');
    expect(diff(store0, storeView(acc.emulator))).toEqual([]);
  });
});
