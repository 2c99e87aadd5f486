import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator';
import { account, touchedState } from './harness';

/** Messy has an active user without a role whose rights are wide: the API cannot fix a user, so give them the role. */
function roleForEveryone(emulator: Emulator): void {
  for (const u of emulator.store.users) if (!u.rights.is_admin && u.rights.role_id === null) u.rights.role_id = 101;
}

/** Every fixable rule, the seed that fails it, and what undo can bring back. */
const RULES: { id: string; seed: string; undoRestores: boolean; prepare?: (e: Emulator) => void }[] = [
  { id: 'custom-fields-missing', seed: 'fresh', undoRestores: true },
  { id: 'lead-source-field-missing', seed: 'messy', undoRestores: true },
  { id: 'required-at-entry-stage', seed: 'messy', undoRestores: true },
  { id: 'required-fields-absent', seed: 'messy', undoRestores: true },
  // Entries naming deleted stages cannot be written back (the API refuses them), so undo has nothing to do.
  { id: 'required-statuses-stale', seed: 'messy', undoRestores: false },
  { id: 'loss-reason-missing', seed: 'messy', undoRestores: true },
  { id: 'export-open', seed: 'messy', undoRestores: true, prepare: roleForEveryone },
  { id: 'delete-open', seed: 'messy', undoRestores: true, prepare: roleForEveryone },
  { id: 'mail-access-none', seed: 'messy', undoRestores: true },
  { id: 'default-stage-names', seed: 'messy', undoRestores: true },
  { id: 'unsorted-off', seed: 'messy', undoRestores: true },
];

describe.each(RULES)('fix flow over HTTP: $id', ({ id, seed, undoRestores, prepare }) => {
  let acc: Awaited<ReturnType<typeof account>>;
  beforeAll(async () => {
    acc = await account({ seed, http: true });
    prepare?.(acc.emulator);
  });
  afterAll(async () => {
    await acc.close();
  });

  it('fails, is fixed, stays fixed on a second apply, and undo brings the finding and the data back', async () => {
    expect(acc.outcomeOf(await acc.gather(), id)).toBe('fail');
    const original = touchedState(acc.emulator);

    const first = await acc.apply([id]);
    if (first.status === 'refused') throw new Error('refused');
    expect(first.status).toBe('done');
    expect(first.plans[0]!.ops.every((o) => o.status === 'applied')).toBe(true);
    expect(acc.outcomeOf(first.snapshot, id)).toBe('pass');
    expect(acc.journal.batch(first.batchId)).toHaveLength(1);
    expect(acc.journal.batch(first.batchId)[0]!.ops).toHaveLength(first.plans[0]!.ops.length);

    const fixed = touchedState(acc.emulator);
    const second = await acc.apply([id]);
    if (second.status === 'refused') throw new Error('refused');
    expect(second.status).toBe('already-fixed');
    expect(touchedState(acc.emulator)).toBe(fixed);

    const undone = await acc.undo({ batchId: first.batchId });
    if (undone.status === 'refused') throw new Error('refused');
    expect(undone.conflicts).toEqual([]);
    expect(undone.status).toBe('undone');
    if (undoRestores) {
      expect(acc.outcomeOf(await acc.gather(), id)).toBe('fail');
      expect(touchedState(acc.emulator)).toBe(original);
      expect(undone.ops.every((o) => o.status === 'applied')).toBe(true);
    } else {
      expect(undone.ops.map((o) => o.status)).toEqual(first.plans[0]!.ops.map(() => 'skipped'));
      expect(undone.ops[0]!.reason).toEqual({ key: 'fix.undo.nothingToRestore' });
    }
    expect(acc.journal.batch(first.batchId)[0]!.undoneAt).not.toBeNull();
  });
});

describe('users without a role', () => {
  it.each(['export-open', 'delete-open'])(
    '%s: the roles are fixed, the role-less user stays as a manual step and the only finding',
    async (id) => {
      const acc = await account();
      const outcome = await acc.apply([id]);
      if (outcome.status === 'refused') throw new Error('refused');
      expect(outcome.plans[0]!.manual).toEqual([
        {
          key: `fix.manual.userNoRole.${id === 'export-open' ? 'export' : 'delete'}`,
          params: { user: 'Кирилл Фролов' },
        },
      ]);
      const { runAudit } = await import('../../src/audit/run');
      const { baseline } = await import('./harness');
      const en = (await import('../../i18n/en.json')).default;
      const result = runAudit(outcome.snapshot, { baseline, lang: 'en', dict: en as never }).results.find(
        (r) => r.ruleId === id,
      )!;
      expect(result.items.map((i) => i.id)).toEqual(['user:8700009']);
    },
  );
});
