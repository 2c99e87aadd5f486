import { describe, expect, it } from 'vitest';
import { account, touchedState } from './harness';

describe('several rights of one role narrowed in one fix', () => {
  it('each PATCH builds on the last: under a replacing PATCH both stay narrowed, and undo restores the role', async () => {
    const acc = await account();
    const role = acc.emulator.store.roles.find((r) => r.id === 101)!;
    // messy's «Менеджер» exports deals; let it export contacts too, so export-open has two changes for one role.
    role.rights.contacts = { ...role.rights.contacts, export: 'A' };
    const before = touchedState(acc.emulator);

    const fixed = await acc.apply(['export-open']);
    if (fixed.status === 'refused') throw new Error('refused');
    expect(fixed.plans[0]!.ops.map((o) => [o.summary.key, o.status])).toEqual([
      ['fix.op.roleRight.export.leads', 'applied'],
      ['fix.op.roleRight.export.contacts', 'applied'],
    ]);
    const now = acc.emulator.store.roles.find((r) => r.id === 101)!.rights;
    expect([now.leads?.export, now.contacts?.export]).toEqual(['D', 'D']);
    const outcome = acc.outcomeOf(await acc.gather(), 'export-open');
    // Kirill Frolov has no role: his export right stays a step by hand, so the rule still fails on him alone.
    expect(outcome).toBe('fail');
    expect(fixed.plans[0]!.manual).toEqual([
      { key: 'fix.manual.userNoRole.export', params: { user: expect.any(String) } },
    ]);

    const undone = await acc.undo({ batchId: fixed.batchId });
    if (undone.status === 'refused') throw new Error('refused');
    expect(undone.status).toBe('undone');
    expect(touchedState(acc.emulator)).toBe(before);
  });
});
