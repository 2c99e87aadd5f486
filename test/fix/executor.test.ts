import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/fix/executor';
import { planFor } from '../../src/fix/plan-for';
import { createLock } from '../../src/fix/lock';
import { account, baseline, NOW, touchedState } from './harness';
import { memoryStorage } from '../support/memory-storage';
import { isWrite, loseAnswer, neverSend } from './lost-answers';

describe('applying stops at the first failure', () => {
  it('fault on the second op: the first is applied and journaled, the second failed with the API detail, the rest not attempted; undo restores the first', async () => {
    const acc = await account();
    const original = touchedState(acc.emulator);
    const plan = planFor('default-stage-names', await acc.gather(), baseline, 'en')!;
    expect(plan.ops.length).toBeGreaterThan(3);
    acc.emulator.faults.once({
      method: 'PATCH',
      path: plan.ops[1]!.path,
      fault: {
        status: 400,
        body: {
          title: 'Bad Request',
          status: 400,
          detail: 'Request validation failed',
          'validation-errors': [
            { request_id: '0', errors: [{ code: 'NotBlank', path: 'name', detail: 'name is required' }] },
          ],
        },
      },
    });
    const outcome = await acc.apply(['default-stage-names']);
    if (outcome.status === 'refused') throw new Error('refused');
    expect(outcome.status).toBe('partial');
    const ops = outcome.plans[0]!.ops;
    expect(ops.map((o) => o.status)).toEqual(['applied', 'failed', ...plan.ops.slice(2).map(() => 'not-attempted')]);
    expect(ops[1]!.error).toMatchObject({
      kind: 'validation',
      status: 400,
      details: ['name NotBlank (name is required)'],
    });
    const entry = acc.journal.batch(outcome.batchId)[0]!;
    expect(entry.ops.map((o) => o.index)).toEqual([0]);
    expect(entry.ops[0]).toMatchObject({
      state: 'applied',
      target: plan.ops[0]!.target,
      restore: plan.ops[0]!.before,
    });

    const undone = await acc.undo({ batchId: outcome.batchId });
    if (undone.status === 'refused') throw new Error('refused');
    expect(undone.status).toBe('undone');
    expect(touchedState(acc.emulator)).toBe(original);
  });

  it('journal first: at each write the journal already holds that op as sending and every earlier one as applied', async () => {
    let atWrite: string[][] = [];
    const acc = await account({
      wrapFetch: (inner) =>
        (async (url, init) => {
          if (isWrite(init))
            atWrite.push(acc.storage.entries.flatMap((e) => e.ops.map((o) => `${o.index}:${o.state}`)));
          return inner(url, init);
        }) as typeof fetch,
    });
    atWrite = [];
    const outcome = await acc.apply(['default-stage-names']);
    if (outcome.status === 'refused') throw new Error('refused');
    expect(atWrite).toEqual(
      outcome.plans[0]!.ops.map((_, i) => [...Array.from({ length: i }, (_, j) => `${j}:applied`), `${i}:sending`]),
    );
    expect(acc.storage.entries[0]!.ops.every((o) => o.state === 'applied')).toBe(true);
  });
});

describe('a write whose answer is lost is read back', () => {
  it('reported applied when the target now holds the written value', async () => {
    const acc = await account({ wrapFetch: loseAnswer('/leads/pipelines/'), timeoutMs: 100 });
    const outcome = await acc.apply(['unsorted-off']);
    if (outcome.status === 'refused') throw new Error('refused');
    expect(outcome.status).toBe('done');
    expect(outcome.plans[0]!.ops[0]).toMatchObject({ status: 'applied', settledByReRead: true });
    expect(acc.journal.batch(outcome.batchId)[0]!.ops[0]).toMatchObject({
      settledByReRead: true,
      restore: { is_unsorted_on: false },
    });
    expect(acc.outcomeOf(outcome.snapshot, 'unsorted-off')).toBe('pass');
  });

  it('a created field is found by name and journaled with its new id', async () => {
    const acc = await account({ wrapFetch: loseAnswer('/leads/custom_fields'), timeoutMs: 100 });
    const outcome = await acc.apply(['lead-source-field-missing']);
    if (outcome.status === 'refused') throw new Error('refused');
    expect(outcome.plans[0]!.ops[0]).toMatchObject({ status: 'applied', settledByReRead: true });
    // The account's names are Russian, so the field is «Источник» though the fix runs with lang 'en'.
    const created = acc.emulator.store.fields.leads.find((f) => f.name === 'Источник')!;
    expect(acc.journal.batch(outcome.batchId)[0]!.ops[0]).toMatchObject({
      createdId: created.id,
      target: { kind: 'field', entity: 'leads', id: created.id },
    });
  });

  it('reported failed when the write never landed; nothing journaled', async () => {
    const acc = await account({ wrapFetch: neverSend('/leads/pipelines/'), timeoutMs: 100 });
    const before = touchedState(acc.emulator);
    const outcome = await acc.apply(['unsorted-off']);
    if (outcome.status === 'refused') throw new Error('refused');
    expect(outcome.status).toBe('failed');
    expect(outcome.plans[0]!.ops[0]).toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
    expect(outcome.plans[0]!.entryId).toBeNull();
    expect(acc.journal.entries()).toEqual([]);
    expect(touchedState(acc.emulator)).toBe(before);
  });
});

describe('who may apply, and when', () => {
  it('a second apply while one runs is refused', async () => {
    const acc = await account();
    const snapshot = await acc.gather();
    const common = {
      client: acc.client,
      snapshot,
      baseline,
      lang: 'en' as const,
      journal: acc.journal,
      lock: acc.lock,
      isAdmin: true,
      confirmed: true,
      now: () => new Date(NOW),
    };
    const first = applyFixes({ ...common, ruleIds: ['unsorted-off'] });
    const second = await applyFixes({ ...common, ruleIds: ['lead-source-field-missing'] });
    expect(second).toEqual({ status: 'refused', reason: 'busy', message: { key: 'fix.refused.busy' } });
    expect((await first).status).toBe('done');
    expect(acc.lock.held).toBe(false);
  });

  it('a non-admin is refused before any request', async () => {
    const acc = await account();
    const snapshot = await acc.gather();
    const requests = acc.client.stats.requests;
    const outcome = await applyFixes({
      client: acc.client,
      snapshot,
      baseline,
      lang: 'en',
      journal: acc.journal,
      lock: acc.lock,
      isAdmin: false,
      confirmed: true,
      ruleIds: ['unsorted-off'],
    });
    expect(outcome).toEqual({ status: 'refused', reason: 'not-admin', message: { key: 'fix.refused.not-admin' } });
    expect(acc.client.stats.requests).toBe(requests);
  });

  it('a 403 from the API is reported as forbidden', async () => {
    const probe = await account();
    const acc = await account({ userId: probe.emulator.managerId! });
    const before = touchedState(acc.emulator);
    const outcome = await acc.apply(['unsorted-off']);
    if (outcome.status === 'refused') throw new Error('refused');
    expect(outcome.status).toBe('forbidden');
    expect(outcome.plans[0]!.ops[0]).toMatchObject({ status: 'failed', error: { kind: 'forbidden', status: 403 } });
    expect(touchedState(acc.emulator)).toBe(before);
  });

  it('a confirm fix without confirmation is refused; unknown and manual rules too', async () => {
    const acc = await account();
    expect(await acc.apply(['default-stage-names'], { confirmed: false })).toMatchObject({
      status: 'refused',
      reason: 'needs-confirmation',
    });
    expect(await acc.apply(['no-such-rule'])).toMatchObject({ status: 'refused', reason: 'unknown-rule' });
    expect(await acc.apply(['excess-admins'])).toMatchObject({ status: 'refused', reason: 'not-fixable' });
    expect(acc.journal.entries()).toEqual([]);
  });

  it('several rules in one batch: plans recomputed in turn see each other (no duplicate field)', async () => {
    const acc = await account();
    // The matrix creates «Причина отказа» required at 143 everywhere, which is exactly what loss-reason-missing wanted.
    const outcome = await acc.apply(['required-fields-absent', 'loss-reason-missing']);
    if (outcome.status === 'refused') throw new Error('refused');
    expect(outcome.status).toBe('done');
    expect(outcome.plans.map((p) => p.status)).toEqual(['applied', 'already-fixed']);
    expect(acc.emulator.store.fields.leads.filter((f) => f.name === 'Причина отказа')).toHaveLength(1);
    expect(acc.journal.batch(outcome.batchId).map((e) => e.ruleId)).toEqual(['required-fields-absent']);
  });
});

describe('the lock across tabs', () => {
  it('a second tab cannot take a live lock; an expired one lapses', () => {
    const storage = memoryStorage();
    const { map } = storage;
    let now = 1000;
    const tab1 = createLock({ storage, now: () => now, owner: 'tab1' });
    const tab2 = createLock({ storage, now: () => now, owner: 'tab2' });
    expect(tab1.acquire()).toBe(true);
    expect(tab2.acquire()).toBe(false);
    now += 2 * 60 * 1000 + 1;
    expect(tab2.acquire()).toBe(true);
    tab2.release();
    expect(map.size).toBe(0);
  });
});

describe('a lock that cannot be a live holder’s', () => {
  const storageOf = (map: Map<string, string>) => ({
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  });
  const NOW = Date.parse('2026-12-01T10:00:00Z');

  it.each([
    ['dated in the year 5138', JSON.stringify({ owner: 'x', expiresAt: Date.parse('5138-01-01T00:00:00Z') }), true],
    ['damaged JSON', '{"owner": "x", "expiresAt": ', true],
    ['an expiry that is not a number', JSON.stringify({ owner: 'x', expiresAt: 'soon' }), true],
    ['a live holder one minute in', JSON.stringify({ owner: 'x', expiresAt: NOW + 60_000 }), false],
    ['a holder whose clock runs 4 minutes ahead', JSON.stringify({ owner: 'x', expiresAt: NOW + 6 * 60_000 }), false],
  ])('%s: taken over = %s', (_name, stored, takenOver) => {
    const map = new Map([['lock', stored]]);
    const lock = createLock({ storage: storageOf(map), key: 'lock', now: () => NOW, owner: 'me', name: 'j.json.lock' });
    expect(lock.acquire()).toBe(takenOver);
    if (!takenOver) expect(lock.busyUntil()).toBe(JSON.parse(stored).expiresAt);
  });

  it('a refusal names the lock file and until when it is held', async () => {
    const acc = await account();
    const map = new Map([['lock', JSON.stringify({ owner: 'other', expiresAt: NOW + 60_000 })]]);
    const lock = createLock({ storage: storageOf(map), key: 'lock', now: () => NOW, name: '/tmp/j.json.lock' });
    const outcome = await acc.apply(['unsorted-off'], { lock });
    expect(outcome).toMatchObject({
      status: 'refused',
      reason: 'busy',
      message: {
        key: 'fix.refused.busy-lock',
        params: { lock: '/tmp/j.json.lock', until: '2026-12-01T10:01:00.000Z' },
      },
    });
  });
});
