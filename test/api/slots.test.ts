import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/api/client';
import {
  IN_FLIGHT_GUARD_MS,
  POLL_MS,
  decide,
  emptySlots,
  memorySlotStore,
  parseSlots,
  type SlotStore,
} from '../../src/api/slots';
import { browserSlotStore } from '../../src/api/slots-browser';
import { fileSlotStore } from '../../src/api/slots-file';
import { Throttle } from '../../src/api/throttle';
import { fakeClock, maxInWindow, scriptedFetch } from './fake';

describe('decide: at most `limit` slots in flight or answered within the window', () => {
  it.each([
    ['an empty record grants', emptySlots(), 1000, 7, 'granted'],
    [
      'six occupied of seven grants',
      { entries: Array.from({ length: 6 }, (_, i) => ({ id: `${i}`, until: 2000, inFlight: false })), holdUntil: 0 },
      1000,
      7,
      'granted',
    ],
    [
      'seven answered: wait until the first frees',
      {
        entries: Array.from({ length: 7 }, (_, i) => ({ id: `${i}`, until: 1030 + i, inFlight: false })),
        holdUntil: 0,
      },
      1000,
      7,
      30,
    ],
    [
      'seven in flight: look again soon (their answers come to another holder)',
      {
        entries: Array.from({ length: 7 }, (_, i) => ({ id: `${i}`, until: 61_000, inFlight: true })),
        holdUntil: 0,
      },
      1000,
      7,
      POLL_MS,
    ],
    [
      'expired slots do not count',
      { entries: Array.from({ length: 7 }, (_, i) => ({ id: `${i}`, until: 999, inFlight: false })), holdUntil: 0 },
      1000,
      7,
      'granted',
    ],
    ['a hold (after a 429) makes everyone wait', { entries: [], holdUntil: 3000 }, 1000, 7, 2000],
  ])('%s', (_name, state, now, limit, expected) => {
    const { verdict, state: next } = decide(state, now, limit, 'new');
    if (expected === 'granted') {
      expect(verdict).toEqual({ id: 'new' });
      expect(next.entries.at(-1)).toEqual({ id: 'new', until: now + IN_FLIGHT_GUARD_MS, inFlight: true });
    } else expect(verdict).toEqual({ waitMs: expected });
  });

  it.each([null, '', 'not json', '{"entries":"x"}', '{"entries":[{"id":1}]}'])(
    'an unreadable record %j is empty',
    (t) => {
      expect(parseSlots(t)).toEqual(emptySlots());
    },
  );
});

/** Two clients, each with a throttle of its own (as two tabs or two processes have), on one fake clock. */
function twoClients(store: (() => SlotStore) | null) {
  const clock = fakeClock();
  const stamps: number[] = [];
  const fake = scriptedFetch((call) => {
    stamps.push(call.at);
    return { status: 200, body: { id: 1 } };
  }, clock.now);
  const shared = store ? store() : null;
  const make = () =>
    new ApiClient({
      baseUrl: 'https://acme.amocrm.ru',
      token: 't',
      fetch: fake.fetch,
      throttle: new Throttle({ now: clock.now, sleep: clock.sleep, slots: shared ? () => shared : undefined }),
      sleep: clock.sleep,
    });
  return { a: make(), b: make(), stamps };
}

const burst = (c: ApiClient, n: number) => Array.from({ length: n }, () => c.get('/api/v4/account'));

describe('two throttles on one account share one window', () => {
  it('control: two throttles of their own put 14 requests into one second', async () => {
    const { a, b, stamps } = twoClients(null);
    await Promise.all([...burst(a, 20), ...burst(b, 20)]);
    expect(maxInWindow(stamps, 1000)).toBe(14);
  });

  it('one in-memory store: together never more than 7 in any second', async () => {
    const { a, b, stamps } = twoClients(memorySlotStore);
    await Promise.all([...burst(a, 20), ...burst(b, 20)]);
    expect(stamps).toHaveLength(40);
    expect(maxInWindow(stamps, 1000)).toBeLessThanOrEqual(7);
  });

  it('the browser store (localStorage record under a Web Lock) does the same', async () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => items.set(k, v),
    };
    let queue: Promise<unknown> = Promise.resolve();
    const locks = {
      request<T>(_name: string, cb: () => T | Promise<T>): Promise<T> {
        const run = queue.then(cb);
        queue = run.catch(() => undefined);
        return run;
      },
    };
    const { a, b, stamps } = twoClients(() => browserSlotStore('https://acme.amocrm.ru', storage, locks));
    await Promise.all([...burst(a, 15), ...burst(b, 15)]);
    expect(maxInWindow(stamps, 1000)).toBeLessThanOrEqual(7);
    expect([...items.keys()]).toEqual(['setup-audit:slots:https://acme.amocrm.ru']);
  });

  it('a 429 hold reaches the other holder too', async () => {
    const store = memorySlotStore();
    const clock = fakeClock();
    const t1 = new Throttle({ now: clock.now, sleep: clock.sleep, slots: () => store });
    const t2 = new Throttle({ now: clock.now, sleep: clock.sleep, slots: () => store });
    t1.hold(5000, 'acc');
    await Promise.resolve();
    await t2.acquire(undefined, 'acc');
    expect(clock.now()).toBeGreaterThanOrEqual(5000);
  });
});

describe('the file store (CLI runs)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
  });

  it('two stores on one file share the window; a stale lock left by a dead process is taken over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slots-'));
    dirs.push(dir);
    const one = fileSlotStore('https://acme.amocrm.ru', dir);
    const two = fileSlotStore('https://acme.amocrm.ru', dir);
    const other = fileSlotStore('https://other.amocrm.ru', dir);
    const granted: string[] = [];
    for (let i = 0; i < 5; i++) {
      for (const s of [one, two]) {
        const v = await s.take(1000, 7);
        if ('id' in v) granted.push(v.id);
      }
    }
    expect(granted).toHaveLength(7);
    expect('id' in (await other.take(1000, 7))).toBe(true);
    await one.release(granted[0]!, 1500);
    expect(await two.take(1600, 7)).toEqual({ id: expect.any(String) });
    // A process that died holding the lock: its lock file is old, and the next holder takes over.
    const [lock] = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const lockFile = join(dir, `${lock!}.lock`);
    writeFileSync(lockFile, '');
    utimesSync(lockFile, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(await two.take(100_000, 7)).toEqual({ id: expect.any(String) });
  });
});
