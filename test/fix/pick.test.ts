import { describe, expect, it } from 'vitest';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { planFor } from '../../src/fix/plan-for';
import { choosePlan, planChoices, takenNames } from '../../src/fix/pick';
import { MAX_NAME_LENGTH, nameProblems } from '../../src/fix/name-check';
import { closeChoice, opNeeds } from '../../src/fix/op-needs';
import type { Plan } from '../../src/fix/types';
import type { SnapshotParts } from '../../src/snapshot/types';
import { deepFreeze, ok, role, snapshot } from '../audit/fixtures';
import { PICK_PARTS } from './pick-parts';

const baseline = defaultBaseline();

/** A rule's plan over a frozen tiny snapshot (the healthy account with `parts` replaced). */
function planOver(ruleId: string, parts: Partial<SnapshotParts>): { plan: Plan; snap: ReturnType<typeof snapshot> } {
  const snap = deepFreeze(snapshot(parts));
  const plan = planFor(ruleId, snap, baseline, 'ru');
  if (!plan) throw new Error(`${ruleId}: no plan`);
  return { plan, snap };
}

const stages = () => planOver('default-stage-names', PICK_PARTS['default-stage-names']);
const noSource = () => planOver('lead-source-field-missing', PICK_PARTS['lead-source-field-missing']);
const twoPipelines = () => planOver('required-at-entry-stage', PICK_PARTS['required-at-entry-stage']);

describe('op keys', () => {
  it('are unique in a plan, the same when the plan is recomputed, and not changed by an edited name', () => {
    const { plan } = stages();
    const keys = planChoices(plan).ops.map((o) => o.key);
    expect(new Set(keys).size).toBe(plan.ops.length);
    expect(planChoices(stages().plan).ops.map((o) => o.key)).toEqual(keys);
    const edited = choosePlan(plan, { names: { [`${keys[0]}/name`]: 'Новая заявка' } });
    expect(edited.keys).toEqual(keys);
    expect(edited.plan.ops[0]!.body).toMatchObject({ name: 'Новая заявка' });
  });

  it('tell apart two rights of one role and a new field from an existing one', () => {
    const rights = { view: 'A', edit: 'A', add: 'A', delete: 'D', export: 'A' } as const;
    const { plan } = planOver('export-open', {
      roles: ok([role(10, 'Менеджер', { leads: rights, contacts: rights })]),
    });
    const [a, b] = planChoices(plan).ops.map((o) => o.key);
    expect(a).toMatch(/^export-open\/PATCH\/role:10\//);
    expect(b).toMatch(/^export-open\/PATCH\/role:10\//);
    expect(a).not.toBe(b);
    expect(planChoices(noSource().plan).ops[0]!.key).toMatch(
      /^lead-source-field-missing\/POST\/field:leads:new:источник\//,
    );
  });
});

describe('which op builds on which', () => {
  it.each([
    ['a field required at two entry stages: the second PATCH carries the first one’s move', twoPipelines, [[], [0]]],
    ['renames and new stages of one pipeline are independent', stages, [[], [], [], [], [], [], []]],
  ] as const)('%s', (_name, make, expected) => {
    expect(opNeeds(make().plan.ops)).toEqual(expected);
  });

  it('two rights of one role: the second PATCH builds on the first (it sends the whole rights object)', () => {
    const rights = { view: 'A', edit: 'A', add: 'A', delete: 'D', export: 'A' } as const;
    const { plan } = planOver('export-open', {
      roles: ok([role(10, 'Менеджер', { leads: rights, contacts: rights })]),
    });
    const choices = planChoices(plan).ops;
    expect(choices[1]!.needs).toEqual([choices[0]!.key]);
  });

  it.each([
    { name: 'base and dependant chosen', chosen: [0, 1, 2], kept: [0, 1, 2], pulled: [] },
    {
      name: 'base left out: its dependant goes with it, and the one built on that too',
      chosen: [1, 2],
      kept: [],
      pulled: [1, 2],
    },
    { name: 'only the base', chosen: [0], kept: [0], pulled: [] },
    { name: 'middle left out', chosen: [0, 2], kept: [0], pulled: [2] },
  ])('closing a choice: $name', ({ chosen, kept, pulled }) => {
    const closed = closeChoice([[], [0], [1]], new Set(chosen));
    expect([...closed.kept]).toEqual(kept);
    expect([...closed.pulled.keys()]).toEqual(pulled);
  });
});

describe('a choice laid over a recomputed plan', () => {
  it('a subset: only the chosen ops, in the plan’s order, with their keys', () => {
    const { plan } = stages();
    const keys = planChoices(plan).ops.map((o) => o.key);
    const chosen = choosePlan(plan, { pick: [keys[3]!, keys[0]!] });
    expect(chosen.keys).toEqual([keys[0], keys[3]]);
    expect(chosen.plan.ops).toEqual([
      plan.ops[0],
      // «Договор» was to follow «Согласование условий», which is not added, after «КП», which is not renamed.
      {
        ...plan.ops[3],
        summary: { ...plan.ops[3]!.summary, params: { ...plan.ops[3]!.summary.params, after: 'Принимают решение' } },
      },
    ]);
    expect(chosen).toMatchObject({ missing: [], pulled: [], strayNames: [] });
  });

  it('no pick: every op', () => {
    const { plan } = stages();
    expect(choosePlan(plan, {}).plan.ops).toEqual(plan.ops);
  });

  it('a chosen key the recomputed plan no longer has is reported, not matched to another op', () => {
    const { plan } = stages();
    const keys = planChoices(plan).ops.map((o) => o.key);
    const gone = keys[1]!.replace(/\/[0-9a-f]{8}$/, '/00000000');
    const chosen = choosePlan(plan, { pick: [keys[0]!, gone, 'other-rule/PATCH/role:1/00000000'] });
    expect(chosen.missing).toEqual([gone]);
    expect(chosen.keys).toEqual([keys[0]]);
  });

  it('a dependant chosen without its base is pulled and reported', () => {
    const { plan } = twoPipelines();
    const [base, dependant] = planChoices(plan).ops.map((o) => o.key);
    const chosen = choosePlan(plan, { pick: [dependant!] });
    expect(chosen.plan.ops).toEqual([]);
    expect(chosen.pulled).toEqual([dependant]);
    expect(choosePlan(plan, { pick: [base!] }).plan.ops).toEqual([plan.ops[0]]);
  });

  it('an edited field name and option go to the body, the target (undo finds it by name) and the sentence', () => {
    const { plan } = noSource();
    const { key, names } = planChoices(plan).ops[0]!;
    expect(names.map((s) => [s.kind, s.planned])).toEqual([
      ['field', 'Источник'],
      ...baseline.fields.find((f) => f.purpose === 'lead-source')!.options!.map((o) => ['option', o.ru]),
    ]);
    const op = choosePlan(plan, { names: { [`${key}/name`]: '  Канал  ', [`${key}/option:0`]: 'Сайт компании' } }).plan
      .ops[0]!;
    const body = (op.body as { name: string; enums: { value: string; sort: number }[] }[])[0]!;
    expect(body.name).toBe('Канал');
    expect(body.enums[0]).toEqual({ value: 'Сайт компании', sort: 10 });
    expect(body.enums[1]!.value).toBe('Звонок');
    expect(op.target).toEqual({ kind: 'field', entity: 'leads', id: null, name: 'Канал' });
    expect(op.summary.params).toMatchObject({ field: 'Канал' });
    expect(String(op.summary.params!['options'])).toMatch(/^Сайт компании, Звонок, /);
    // The plan itself is data: laying a choice over it changes nothing in it.
    expect((plan.ops[0]!.body as { name: string }[])[0]!.name).toBe('Источник');
  });

  it('an edited stage name: a rename keeps its target, a new stage is found by the new name, and «after» follows', () => {
    const { plan } = stages();
    const ops = planChoices(plan).ops;
    // ops: rename 101 → Заявка, rename 103 → КП, new «Согласование условий» after «КП», new «Договор» after it, …
    expect(plan.ops[2]!.summary.params).toMatchObject({ stage: 'Согласование условий', after: 'КП' });
    const chosen = choosePlan(plan, {
      names: { [`${ops[1]!.key}/name`]: 'Коммерческое предложение', [`${ops[2]!.key}/name`]: 'Условия' },
    }).plan.ops;
    expect(chosen[1]).toMatchObject({
      body: { name: 'Коммерческое предложение' },
      target: { kind: 'status', id: 103, name: 'Принимают решение' },
      summary: { params: { from: 'Принимают решение', to: 'Коммерческое предложение' } },
    });
    expect(chosen[2]).toMatchObject({
      body: [{ name: 'Условия' }],
      target: { kind: 'status', pipelineId: 10, id: null, name: 'Условия' },
      summary: { params: { stage: 'Условия', after: 'Коммерческое предложение' } },
    });
    expect(chosen[3]!.summary.params).toMatchObject({ stage: 'Договор', after: 'Условия' });
  });

  it('«after» names the stage that will really be before: an unchosen rename keeps its name, an unchosen new stage is skipped', () => {
    const { plan } = stages();
    const keys = planChoices(plan).ops.map((o) => o.key);
    const { all, plan: chosen } = choosePlan(plan, { pick: keys.filter((_, i) => i !== 1 && i !== 2) });
    expect(all[2]!.summary.params).toMatchObject({ stage: 'Согласование условий', after: 'Принимают решение' });
    expect(chosen.ops.map((o) => o.summary.params?.['after'])).toEqual([
      undefined,
      'Принимают решение',
      'Договор',
      'Предоплата',
      'Проект',
    ]);
  });

  it('an edited name of an op that is not there (or not chosen) is reported as stray', () => {
    const { plan } = stages();
    const ops = planChoices(plan).ops;
    const chosen = choosePlan(plan, { pick: [ops[0]!.key], names: { [`${ops[1]!.key}/name`]: 'X' } });
    expect(chosen.strayNames).toEqual([`${ops[1]!.key}/name`]);
  });
});

describe('names a choice would write', () => {
  const { plan, snap } = stages();
  const ops = planChoices(plan).ops;
  const taken = takenNames(snap, [planChoices(plan)]);
  const slot = (i: number) => ops[i]!.names[0]!;
  const id = (i: number) => slot(i).id;

  it('the account’s stages are what new stage names must not repeat', () => {
    expect(taken['status:10']!.map((t) => t.name)).toEqual([
      'Неразобранное',
      'Первичный контакт',
      'Переговоры',
      'Принимают решение',
      'Успешно реализовано',
      'Закрыто и не реализовано',
    ]);
  });

  it.each([
    { name: 'as planned: fine', slots: [0, 1, 2], edits: {}, problems: {} },
    { name: 'empty', slots: [2], edits: { 2: '   ' }, problems: { 2: { key: 'fix.name.empty' } } },
    {
      name: 'too long',
      slots: [2],
      edits: { 2: 'я'.repeat(MAX_NAME_LENGTH + 1) },
      problems: { 2: { key: 'fix.name.tooLong', params: { max: MAX_NAME_LENGTH, count: MAX_NAME_LENGTH + 1 } } },
    },
    { name: 'exactly the longest', slots: [2], edits: { 2: 'я'.repeat(MAX_NAME_LENGTH) }, problems: {} },
    {
      name: 'a stage of the pipeline has it (case and ё folded)',
      slots: [2],
      edits: { 2: ' ПЕРЕГОВОРЫ ' },
      problems: { 2: { key: 'fix.name.taken.status', params: { name: 'Переговоры' } } },
    },
    {
      name: 'a renamed stage may keep its own old name; a chosen rename frees the name it replaces',
      slots: [0, 1, 2],
      edits: { 0: 'Первичный контакт', 2: 'Принимают решение' },
      problems: {},
    },
    {
      name: 'a rename not chosen frees nothing',
      slots: [0, 2],
      edits: { 2: 'Принимают решение' },
      problems: { 2: { key: 'fix.name.taken.status', params: { name: 'Принимают решение' } } },
    },
    {
      name: 'two new names alike',
      slots: [2, 3],
      edits: { 3: 'согласование  условий' },
      problems: {
        2: { key: 'fix.name.repeated.status', params: { name: 'Согласование условий' } },
        3: { key: 'fix.name.repeated.status', params: { name: 'согласование  условий' } },
      },
    },
  ])('$name', ({ slots, edits, problems }) => {
    const byId = Object.fromEntries(Object.entries(edits).map(([i, v]) => [id(Number(i)), v]));
    const expected = Object.fromEntries(Object.entries(problems).map(([i, v]) => [id(Number(i)), v]));
    expect(nameProblems(slots.map(slot), taken, byId)).toEqual(expected);
  });

  it('a new field must not repeat a field of its entity; options must not repeat each other', () => {
    const { plan: p, snap: s } = noSource();
    const c = planChoices(p);
    const names = c.ops[0]!.names;
    const t = takenNames(s, [c]);
    expect(t['field:leads']).toEqual([{ id: 502, name: 'Причина отказа' }]);
    expect(nameProblems(names, t, { [names[0]!.id]: 'причина отказа' })).toEqual({
      [names[0]!.id]: { key: 'fix.name.taken.field', params: { name: 'Причина отказа' } },
    });
    expect(nameProblems(names, t, { [names[2]!.id]: names[1]!.planned })).toEqual({
      [names[1]!.id]: { key: 'fix.name.repeated.option', params: { name: names[1]!.planned } },
      [names[2]!.id]: { key: 'fix.name.repeated.option', params: { name: names[1]!.planned } },
    });
  });
});
