import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../src/cli/dict';
import { emulatedWorkflow } from '../support/workflow';
import { touchedState } from '../fix/harness';

/** A workflow in Russian over an in-process `messy` emulator; `writes()` lists the writes since `forget()`. */
function setup() {
  const { emulator, workflow, requests } = emulatedWorkflow('messy', { lang: 'ru', dict: dictionaryFor('ru') });
  const writes = () => requests.filter((r) => !r.startsWith('GET '));
  const forget = () => {
    requests.length = 0;
  };
  const main = () => emulator.store.pipelines.find((p) => p.id === 7300001)!;
  return { emulator, workflow, writes, forget, main };
}

describe('workflow: apply the changes a person chose, with the names they typed', () => {
  it('a subset with edited names: the emulator holds exactly that, the journal the names written, undo restores', async () => {
    const { emulator, workflow, writes, forget, main } = setup();
    await workflow.audit();
    const original = touchedState(emulator);
    const { outcome: preview } = await workflow.preview(['default-stage-names']);
    const plan = preview.plans[0]!;
    const ops = preview.choices[0]!.ops;
    // messy: renames of stages 1, 3 and 4, then new «Договор», «Предоплата», «Проект», «Оплата».
    expect(plan.ops.map((o) => o.summary.params?.['to'] ?? o.summary.params?.['stage'])).toEqual([
      'Заявка',
      'КП',
      'Согласование условий',
      'Договор',
      'Предоплата',
      'Проект',
      'Оплата',
    ]);
    // The names offered for editing are the ones the plan writes, in the account's language.
    expect(ops.flatMap((o) => o.names.map((s) => s.planned))).toEqual([
      'Заявка',
      'КП',
      'Согласование условий',
      'Договор',
      'Предоплата',
      'Проект',
      'Оплата',
    ]);
    expect(preview.taken['status:7300001']!.map((s) => s.name)).toContain('Переговоры');

    const pick = ops.filter((_, i) => i !== 1 && i !== 5).map((o) => o.key);
    const names = { [`${ops[0]!.key}/name`]: 'Входящая заявка', [`${ops[3]!.key}/name`]: 'Контракт' };
    forget();
    const { outcome, report } = await workflow.apply(preview, { pick, names });
    if (outcome.status === 'refused') throw new Error(outcome.message.key);
    expect(outcome.status).toBe('done');
    expect(writes()).toHaveLength(5);
    expect(outcome.plans[0]!.ops.map((o) => [o.key, o.status])).toEqual(pick.map((k) => [k, 'applied']));

    const names_ = (main().statuses as { id: number; name: string; sort: number }[])
      .filter((s) => s.id !== 142 && s.id !== 143)
      .sort((a, b) => a.sort - b.sort)
      .map((s) => s.name);
    // Stage 3 kept its name (its rename was unticked); «Проект» was not added; the edited names are there.
    expect(names_).toEqual([
      'Неразобранное',
      'Входящая заявка',
      'Переговоры',
      'Выставлен счёт',
      'Согласование условий',
      'Контракт',
      'Предоплата',
      'Оплата',
    ]);
    expect(report?.results.find((r) => r.ruleId === 'default-stage-names')?.outcome).toBe('pass');

    // History says what was written, with the edited names, and the following stage's «after» follows.
    const entry = workflow.journal().batch(outcome.batchId)[0]!;
    expect(entry.ops.map((o) => o.op.summary.params)).toMatchObject([
      { from: 'Первичный контакт', to: 'Входящая заявка' },
      { to: 'Согласование условий' },
      { stage: 'Контракт', after: 'Согласование условий' },
      { stage: 'Предоплата', after: 'Контракт' },
      // «Проект» was left out: «Оплата» comes after «Предоплата».
      { stage: 'Оплата', after: 'Предоплата' },
    ]);
    expect(entry.ops[2]!.target).toMatchObject({ kind: 'status', name: 'Контракт' });

    const { outcome: undone } = await workflow.undo({ batchId: outcome.batchId });
    if (undone.status === 'refused') throw new Error('refused');
    expect(undone.status).toBe('undone');
    expect(touchedState(emulator)).toBe(original);
  });

  it('the account changed since the preview: refused with the reason, nothing sent; no pick applies it all', async () => {
    const { emulator, workflow, writes, forget } = setup();
    await workflow.audit();
    const { outcome: preview } = await workflow.preview(['unsorted-off', 'required-at-entry-stage']);
    const pick = preview.choices.flatMap((c) => c.ops.map((o) => o.key));
    // Someone moves the requirement off the entry stage by hand: the chosen PATCH is no longer the plan.
    const field = emulator.store.fields.leads.find((f) => f.id === 1080024)!;
    field.required_statuses = [{ pipeline_id: 7300001, status_id: 58100004 }];
    const before = touchedState(emulator);
    forget();
    const { outcome } = await workflow.apply(preview, { pick });
    expect(outcome).toMatchObject({
      status: 'refused',
      reason: 'stale-pick',
      message: { key: 'fix.refused.stale-pick', params: { count: '1' } },
    });
    expect(writes()).toEqual([]);
    expect(touchedState(emulator)).toBe(before);

    const { outcome: again } = await workflow.apply(preview);
    expect(again.status).toBe('done');
    expect(writes()).toEqual(['PATCH /api/v4/leads/pipelines/7300001']);
  });
});
