import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, journalFromJson, localJournalStorage } from '../../src/fix/journal';
import { fileJournalStorage } from '../../src/fix/journal-file';
import { account, touchedState } from './harness';
import { memoryStorage } from '../support/memory-storage';

describe('undo checks the target first', () => {
  it('someone edited the same field after the fix: conflict with both values, nothing overwritten', async () => {
    const acc = await account();
    const fixed = await acc.apply(['required-at-entry-stage']);
    if (fixed.status === 'refused') throw new Error('refused');
    const field = acc.emulator.store.fields.leads.find((f) => f.id === 1080024)!;
    // The requirement moved from the entry stage to the next one, «Переговоры».
    expect(field.required_statuses).toEqual([{ pipeline_id: 7300001, status_id: 58100003 }]);
    // A person moves it on to «Выставлен счёт» in the meantime.
    // (Written whole, as the CRM's own screen does: the emulator refuses a field PATCH without its name.)
    await acc.client.patch('/api/v4/leads/custom_fields/1080024', {
      name: field.name,
      required_statuses: [{ pipeline_id: 7300001, status_id: 58100004 }],
    });
    const edited = touchedState(acc.emulator);

    const undone = await acc.undo({ batchId: fixed.batchId });
    if (undone.status === 'refused') throw new Error('refused');
    expect(undone.status).toBe('partial');
    expect(undone.conflicts).toHaveLength(1);
    expect(undone.conflicts[0]).toMatchObject({
      status: 'conflict',
      reason: { key: 'fix.undo.conflict' },
      expected: { required_statuses: [{ status_id: 58100003, pipeline_id: 7300001 }] },
      actual: { required_statuses: [{ status_id: 58100004, pipeline_id: 7300001 }] },
    });
    expect(touchedState(acc.emulator)).toBe(edited);
    expect(acc.journal.batch(fixed.batchId)[0]!.undoneAt).toBeNull();
  });

  it('a created field that now holds values is not deleted (its values would go with it)', async () => {
    const acc = await account();
    const fixed = await acc.apply(['lead-source-field-missing']);
    if (fixed.status === 'refused') throw new Error('refused');
    const created = acc.emulator.store.fields.leads.find((f) => f.name === 'Источник' || f.name === 'Source')!;
    const lead = acc.emulator.store.leads.at(-1)!;
    lead.custom_fields_values = [
      ...(lead.custom_fields_values ?? []),
      {
        field_id: created.id,
        field_name: created.name,
        values: [{ value: created.enums![0]!.value, enum_id: created.enums![0]!.id }],
      },
    ];
    const undone = await acc.undo({ batchId: fixed.batchId });
    if (undone.status === 'refused') throw new Error('refused');
    expect(undone.conflicts[0]).toMatchObject({
      status: 'conflict',
      reason: { key: 'fix.undo.fieldInUse', params: { field: created.name } },
    });
    expect(acc.emulator.store.fields.leads.some((f) => f.id === created.id)).toBe(true);
  });

  it('an added stage that now holds a deal is not deleted; the renames are undone', async () => {
    const acc = await account();
    const fixed = await acc.apply(['default-stage-names']);
    if (fixed.status === 'refused') throw new Error('refused');
    const added = acc.journal.batch(fixed.batchId)[0]!.ops.filter((o) => o.op.method === 'POST');
    const busy = added[0]!.createdId!;
    acc.emulator.store.leads[0]!.pipeline_id = 7300001;
    acc.emulator.store.leads[0]!.status_id = busy;

    const undone = await acc.undo({ batchId: fixed.batchId });
    if (undone.status === 'refused') throw new Error('refused');
    const stuck = undone.ops.filter((o) => o.status === 'conflict');
    expect(stuck).toHaveLength(1);
    expect(stuck[0]!.reason).toMatchObject({ key: 'fix.undo.notEmpty' });
    const statuses = acc.emulator.store.pipelines[0]!.statuses;
    expect(statuses.some((s) => s.id === busy)).toBe(true);
    expect(added.slice(1).every((o) => !statuses.some((s) => s.id === o.createdId))).toBe(true);
    expect(statuses.find((s) => s.id === 58100002)!.name).toBe('Первичный контакт');
  });

  it('undo is journaled as undo entries; a second undo of the same batch is refused as already undone', async () => {
    const acc = await account();
    const fixed = await acc.apply(['unsorted-off']);
    if (fixed.status === 'refused') throw new Error('refused');
    const first = await acc.undo({ batchId: fixed.batchId });
    if (first.status === 'refused') throw new Error('refused');
    const undoEntries = acc.journal.entries().filter((e) => e.kind === 'undo');
    expect(undoEntries).toHaveLength(1);
    expect(undoEntries[0]).toMatchObject({
      undoOf: acc.journal.batch(fixed.batchId)[0]!.id,
      ops: [{ state: 'applied', op: { method: 'PATCH', body: { is_unsorted_on: false } } }],
    });
    const again = await acc.undo({ batchId: fixed.batchId });
    expect(again).toMatchObject({
      status: 'refused',
      reason: 'already-undone',
      message: { key: 'fix.refused.already-undone' },
    });
    expect(acc.journal.entries().filter((e) => e.kind === 'undo')).toHaveLength(1);
    expect(acc.emulator.store.pipelines[0]!.is_unsorted_on).toBe(false);
  });

  it('a non-admin cannot undo; an unknown batch is refused', async () => {
    const acc = await account();
    expect(await acc.undo({ batchId: 'nope' })).toMatchObject({ status: 'refused', reason: 'no-entry' });
    const { undoFixes } = await import('../../src/fix/undo');
    expect(
      await undoFixes({ client: acc.client, journal: acc.journal, lock: acc.lock, isAdmin: false, batchId: 'x' }),
    ).toMatchObject({ status: 'refused', reason: 'not-admin' });
  });
});

describe('journal storage', () => {
  it('file: written atomically (no temp file left) and read back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    const path = join(dir, 'j.json');
    const journal = new Journal(fileJournalStorage(path), { newId: () => 'e1' });
    const entry = journal.begin('b1', 'unsorted-off');
    await journal.record(entry, {
      index: 0,
      state: 'applied',
      op: {
        method: 'PATCH',
        path: '/api/v4/leads/pipelines/1',
        body: { is_unsorted_on: true },
        before: { is_unsorted_on: false },
        summary: { key: 'fix.op.unsortedOn' },
      },
      target: { kind: 'pipeline', id: 1 },
      written: { is_unsorted_on: true },
      restore: { is_unsorted_on: false },
    });
    expect(readdirSync(dir)).toEqual(['j.json']);
    expect(journalFromJson(readFileSync(path, 'utf8'))[0]).toMatchObject({
      id: 'e1',
      batchId: 'b1',
      ops: [{ index: 0 }],
    });
    expect(new Journal(fileJournalStorage(path)).batch('b1')).toHaveLength(1);
  });

  it('localStorage: one key per account', async () => {
    const storage = memoryStorage();
    const { map } = storage;
    const journal = new Journal(localJournalStorage('acc-1', storage));
    await journal.record(journal.begin('b', 'unsorted-off'), {
      index: 0,
      state: 'applied',
      op: { method: 'PATCH', path: '/x', body: {}, before: {}, summary: { key: 'k' } },
      target: { kind: 'pipeline', id: 1 },
      written: {},
      restore: null,
    });
    expect([...map.keys()]).toEqual(['setup-audit:journal:acc-1']);
    expect(new Journal(localJournalStorage('acc-2', storage)).entries()).toEqual([]);
    expect(() => journalFromJson('{"entries": []}')).toThrow(/not a setup-audit journal/);
    // Version 1 stored request paths and no checksums: nothing in it can be verified.
    expect(() => journalFromJson('{"schemaVersion": 1, "entries": []}')).toThrow(/older version/);
  });
});
