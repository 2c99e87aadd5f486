import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/fix/executor';
import { planFor } from '../../src/fix/plan-for';
import { account, baseline, touchedState } from '../fix/harness';

// End to end over real sockets: the fix engine's own flow tests cover the in-process cases.
describe('fixes under faults, over HTTP: the journal and the account are exactly as reported', () => {
  // A write that times out on our side may still land on the server a moment later: the executor reads the
  // target back for a few seconds (SETTLE_READS_MS) and reports what it turned out to be. Nothing here races
  // the clock: the server holds the write until the test lets it land, which is on the executor's second
  // read-back, and that read goes on only once the write is in — so the first read-back sees the stage as it
  // was and the second sees it renamed, however loaded the machine. The one timer left is the client's idle
  // timeout, which the held write always outlasts; it is long enough for any read of the gathers.
  it('a write that times out after the server took it (and lands later) is reported as what it became', async () => {
    let release: () => void = () => {};
    let landed: () => void = () => {};
    const until = new Promise<void>((r) => {
      release = r;
    });
    const inStore = new Promise<void>((r) => {
      landed = r;
    });
    let target = '';
    let readBacks = 0;
    const seen: string[] = [];
    const acc = await account({
      http: true,
      timeoutMs: 3000,
      wrapFetch: (inner) =>
        (async (input: RequestInfo | URL, init?: RequestInit) => {
          const url = new URL(input instanceof Request ? input.url : String(input));
          const method = (init?.method ?? 'GET').toUpperCase();
          if (!(target && method === 'GET' && url.pathname === target)) return inner(input, init);
          readBacks += 1;
          if (readBacks === 2) {
            release();
            await inStore;
          }
          // What each read-back was answered: the name the executor saw.
          const answer = await inner(input, init);
          seen.push(((await answer.clone().json()) as { name: string }).name);
          return answer;
        }) as typeof fetch,
    });
    const stage = () => {
      const [, pipelineId, statusId] = /pipelines\/(\d+)\/statuses\/(\d+)/.exec(target)!.map(Number);
      return acc.emulator.store.pipelines.find((p) => p.id === pipelineId)!.statuses.find((x) => x.id === statusId)!;
    };
    const stageName = () => stage().name;

    try {
      const plan = planFor('default-stage-names', await acc.gather(), baseline, 'en')!;
      target = plan.ops[0]!.path;
      const before = stageName();
      const written = (plan.ops[0]!.body as { name: string }).name;
      // The first rename reaches the server, which holds it until the test lets it land.
      acc.emulator.faults.once({ method: 'PATCH', path: target, fault: { hold: { until, done: landed } } });
      const outcome = await acc.apply(['default-stage-names']);
      if (outcome.status === 'refused') throw new Error('refused');
      const op0 = outcome.plans[0]!.ops[0]!;
      // The client gave up on the answer; the first read-back saw the old name, the second the new one.
      expect(seen).toEqual([before, written]);
      expect(op0).toMatchObject({ status: 'applied', settledByReRead: true });
      expect(stageName()).toBe(written);
      // Journaled as applied, and the rest of the plan went on.
      expect(acc.journal.batch(outcome.batchId).flatMap((e) => e.ops.map((o) => o.index))).toEqual(
        plan.ops.map((_, i) => i),
      );
      expect(outcome.plans[0]!.ops.every((o) => o.status === 'applied')).toBe(true);
    } finally {
      release();
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
