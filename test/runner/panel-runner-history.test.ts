import { describe, expect, it } from 'vitest';
import { createPanelRunner } from '../../src/runner/panel-runner';
import { emulated } from '../support/emulated';
import { panelRunnerDeps } from '../support/panel-runner';

describe('createPanelRunner: history reports each op as it stands', () => {
  it('applied, then reverted after an undo; the title names the rule, not its state after the fix', async () => {
    const { client } = emulated('messy');
    const runner = createPanelRunner(panelRunnerDeps(client, { user: { id: 1, name: 'Anna Admin' } }));
    await runner.audit({ signal: new AbortController().signal, onProgress: () => {} });
    const { outcome: preview } = await runner.preview(['unsorted-off']);
    const applied = await runner.apply(preview, { onOp: () => {} });
    expect(applied.report?.results.find((r) => r.ruleId === 'unsorted-off')?.outcome).toBe('pass');
    const [entry] = await runner.history();
    expect(entry).toMatchObject({
      ruleId: 'unsorted-off',
      title: { key: 'rules.unsorted-off.fail' },
      by: 'Anna Admin',
      undoneAt: null,
      ops: [{ status: 'applied' }],
    });
    const seen: string[] = [];
    const undone = await runner.undo(
      { entryIds: [entry!.id] },
      { onOp: (op) => seen.push(`${op.entryId}:${op.status}`) },
    );
    expect(seen).toEqual([`${entry!.id}:applied`]);
    expect(undone.report?.results.find((r) => r.ruleId === 'unsorted-off')?.outcome).toBe('fail');
    const [after] = await runner.history();
    expect(after!.ops.map((o) => o.status)).toEqual(['reverted']);
    expect(after!.undoneAt).not.toBeNull();
  });
});
