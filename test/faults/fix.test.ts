import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/fix/executor';
import { planFor } from '../../src/fix/plan-for';
import { account, baseline, touchedState } from '../fix/harness';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

// End to end over real sockets: the fix engine's own flow tests cover the in-process cases.
describe('fixes under faults, over HTTP: the journal and the account are exactly as reported', () => {
  // A write that times out on our side may still land on the server a moment later: the executor reads the
  // target back for a few seconds (SETTLE_READS_MS) and reports what it turned out to be.
  it('a write that times out after the server took it (and lands later) is reported as what it became', async () => {
    // 800 ms: well under the 2 s the write is held, and above what a read takes on a loaded machine (with
    // 150 and 500 ms the gather before the fix timed out on two shared cores). The write lands at ~2 s,
    // inside the executor's read-back window (0, 0.5, 1.5, 3 s after the timeout).
    const acc = await account({ http: true, timeoutMs: 800 });
    try {
      const plan = planFor('default-stage-names', await acc.gather(), baseline, 'en')!;
      // The first rename reaches the server, which answers only after the client gave up.
      acc.emulator.faults.once({ method: 'PATCH', path: plan.ops[0]!.path, fault: { delayMs: 2000 } });
      const outcome = await acc.apply(['default-stage-names']);
      if (outcome.status === 'refused') throw new Error('refused');
      await settle(2300);
      const op0 = outcome.plans[0]!.ops[0]!;
      const journaled = acc.journal.batch(outcome.batchId).flatMap((e) => e.ops.map((o) => o.index));
      const [, pipelineId, statusId] = /pipelines\/(\d+)\/statuses\/(\d+)/.exec(plan.ops[0]!.path)!.map(Number);
      const written = (plan.ops[0]!.body as { name: string }).name;
      const stage =
        acc.emulator.store.pipelines.find((p) => p.id === pipelineId)!.statuses.find((x) => x.id === statusId)!.name ===
        written;
      // The server applied it after ~2 s: the executor must have seen that and journaled it.
      expect(op0.status).toBe('applied');
      if (op0.status === 'applied') {
        expect(stage).toBe(true);
        expect(journaled).toContain(0);
      } else {
        expect(op0.status).toBe('failed');
        expect(stage).toBe(false);
        expect(journaled).not.toContain(0);
        expect(outcome.plans[0]!.ops.slice(1).every((o) => o.status === 'not-attempted')).toBe(true);
      }
    } finally {
      await acc.close();
    }
  });

  it('the second op answers 503: the first stays applied and journaled, undo restores the account', async () => {
    const acc = await account({ http: true });
    try {
      const original = touchedState(acc.emulator);
      const plan = planFor('default-stage-names', await acc.gather(), baseline, 'en')!;
      acc.emulator.faults.once({ method: 'PATCH', path: plan.ops[1]!.path, fault: { status: 503 } });
      const outcome = await acc.apply(['default-stage-names']);
      if (outcome.status === 'refused') throw new Error('refused');
      const ops = outcome.plans[0]!.ops;
      expect(ops[0]!.status).toBe('applied');
      // A 503 on a write may or may not have landed: the executor reads the target back and says which.
      expect(ops[1]!.status).toBe('failed');
      expect(ops.slice(2).every((o) => o.status === 'not-attempted')).toBe(true);
      expect(acc.journal.batch(outcome.batchId).flatMap((e) => e.ops.map((o) => o.index))).toEqual([0]);
      const undone = await acc.undo({ batchId: outcome.batchId });
      if (undone.status === 'refused') throw new Error('refused');
      expect(undone.status).toBe('undone');
      expect(touchedState(acc.emulator)).toBe(original);
    } finally {
      await acc.close();
    }
  });

  it('two applies at once (a double click): one runs, the other is refused as busy; the account changes once', async () => {
    const acc = await account({ http: true });
    try {
      // Both start from the same snapshot at the same moment, as two clicks on one page would.
      const snapshot = await acc.gather();
      const run = () =>
        applyFixes({
          client: acc.client,
          ruleIds: ['loss-reason-missing'],
          snapshot,
          baseline,
          lang: 'en',
          journal: acc.journal,
          lock: acc.lock,
          isAdmin: true,
          confirmed: true,
        });
      const [a, b] = await Promise.all([run(), run()]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual(['done', 'refused']);
      expect([a, b].find((o) => o.status === 'refused')).toMatchObject({ reason: 'busy' });
      const again = await acc.apply(['loss-reason-missing']);
      expect(again.status).toBe('already-fixed');
      expect(acc.journal.entries().filter((e) => e.kind === 'fix')).toHaveLength(1);
    } finally {
      await acc.close();
    }
  });
});
