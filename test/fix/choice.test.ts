import { describe, expect, it } from 'vitest';
import { planFor } from '../../src/fix/plan-for';
import { planChoices } from '../../src/fix/pick';
import { account, baseline, touchedState } from './harness';
import { isWrite, loseAnswer } from './lost-answers';

describe('a choice of changes through the executor', () => {
  it('a created field with an edited name whose answer is lost is found by that name; undo deletes it', async () => {
    const acc = await account({ wrapFetch: loseAnswer('/leads/custom_fields'), timeoutMs: 100 });
    const before = touchedState(acc.emulator);
    const plan = planFor('lead-source-field-missing', await acc.gather(), baseline, 'en')!;
    const [op] = planChoices(plan).ops;
    const names = { [`${op!.key}/name`]: 'Канал обращения', [`${op!.key}/option:0`]: 'Сайт компании' };
    const outcome = await acc.apply(['lead-source-field-missing'], { choice: { pick: [op!.key], names } });
    if (outcome.status === 'refused') throw new Error(outcome.message.key);
    expect(outcome.plans[0]!.ops[0]).toMatchObject({ status: 'applied', settledByReRead: true, key: op!.key });
    const created = acc.emulator.store.fields.leads.find((f) => f.name === 'Канал обращения')!;
    expect(created.enums![0]!.value).toBe('Сайт компании');
    expect(acc.emulator.store.fields.leads.some((f) => f.name === 'Источник')).toBe(false);
    // The journal holds what was written, and the target by its written name with the id read back.
    const journaled = acc.journal.batch(outcome.batchId)[0]!.ops[0]!;
    expect(journaled).toMatchObject({
      createdId: created.id,
      target: { kind: 'field', entity: 'leads', id: created.id, name: 'Канал обращения' },
      op: { summary: { params: { field: 'Канал обращения' } } },
    });
    expect((journaled.written as { name: string }).name).toBe('Канал обращения');
    // The lead-source rule accepts any list field: it passes with the edited name.
    expect(acc.outcomeOf(outcome.snapshot, 'lead-source-field-missing')).toBe('pass');

    const undone = await acc.undo({ batchId: outcome.batchId });
    if (undone.status === 'refused') throw new Error('refused');
    expect(undone.status).toBe('undone');
    expect(touchedState(acc.emulator)).toBe(before);
  });

  it.each([
    { name: 'a chosen key the account no longer has', reason: 'stale-pick', edit: null, stale: true },
    { name: 'a name the pipeline already has', reason: 'invalid-name', edit: 'переговоры', stale: false },
    { name: 'an empty name', reason: 'invalid-name', edit: '  ', stale: false },
  ])('refused before anything is sent: $name', async ({ reason, edit, stale }) => {
    let writes = 0;
    const acc = await account({
      wrapFetch: (inner) =>
        (async (url: string, init?: RequestInit) => {
          if (isWrite(init)) writes++;
          return inner(url, init);
        }) as typeof fetch,
    });
    const snapshot = await acc.gather();
    const keys = planChoices(planFor('default-stage-names', snapshot, baseline, 'en')!).ops.map((o) => o.key);
    // Someone renames the first default stage after the preview: its rename is no longer the one chosen.
    if (stale) acc.emulator.store.pipelines[0]!.statuses.find((s) => s.id === 58100002)!.name = 'Новый лид';
    const before = touchedState(acc.emulator);
    const names = edit === null ? {} : { [`${keys[0]}/name`]: edit };
    const outcome = await acc.apply(['default-stage-names'], { snapshot, choice: { pick: keys, names } });
    expect(outcome).toMatchObject({ status: 'refused', reason });
    expect(writes).toBe(0);
    expect(touchedState(acc.emulator)).toBe(before);
    expect(acc.journal.entries()).toEqual([]);
  });

  it('a dependant chosen without its base refuses; with no choice the CLI path applies every op as before', async () => {
    const acc = await account();
    const role = acc.emulator.store.roles.find((r) => r.id === 101)!;
    role.rights.contacts = { ...role.rights.contacts, export: 'A' };
    const keys = planChoices(planFor('export-open', await acc.gather(), baseline, 'en')!).ops.map((o) => o.key);
    expect(keys).toHaveLength(2);
    const refused = await acc.apply(['export-open'], { choice: { pick: [keys[1]!] } });
    expect(refused).toMatchObject({ status: 'refused', reason: 'pick-needs-base' });
    const all = await acc.apply(['export-open']);
    if (all.status === 'refused') throw new Error('refused');
    expect(all.plans[0]!.ops.map((o) => o.status)).toEqual(['applied', 'applied']);
  });
});
