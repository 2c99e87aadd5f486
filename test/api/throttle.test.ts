import { describe, expect, it } from 'vitest';
import { Throttle, sharedThrottle } from '../../src/api/throttle';
import { ApiClient } from '../../src/api/client';
import { fakeClock, makeClient, maxInWindow } from './fake';

describe('Throttle', () => {
  it.each([7, 6, 3])('a burst of 100 client calls never puts more than %i starts into any 1 s window', async (rps) => {
    const { client, calls } = makeClient(() => ({ status: 200, body: { id: 1 } }), { rps });
    await Promise.all(Array.from({ length: 100 }, (_, i) => client.get(`/api/v4/leads/${i}`)));
    expect(calls).toHaveLength(100);
    const stamps = calls.map((c) => c.at);
    expect(maxInWindow(stamps, 1000)).toBe(rps);
    // And it does not crawl: with instant answers the burst drains at rps per 1.03 s (window + answered margin).
    expect(Math.max(...stamps)).toBe(Math.floor(99 / rps) * 1030);
    // FIFO: calls start in the order they were made.
    expect(calls.map((c) => c.url)).toEqual(
      Array.from({ length: 100 }, (_, i) => `https://acme.amocrm.ru/api/v4/leads/${i}`),
    );
  });

  it('lets the first `limit` requests through at once', async () => {
    const clock = fakeClock();
    const t = new Throttle({ limit: 7, now: clock.now, sleep: clock.sleep });
    const stamps: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        await t.acquire();
        stamps.push(clock.now());
      }),
    );
    expect(stamps).toEqual([0, 0, 0, 0, 0, 0, 0, 1100]);
  });

  it('a tracked slot blocks the window while in flight and counts from its answer (arrival jitter cannot cause a 429)', async () => {
    const clock = fakeClock();
    const t = new Throttle({ limit: 2, now: clock.now, sleep: clock.sleep });
    const a = await t.acquireSlot();
    const b = await t.acquireSlot();
    let thirdAt = -1;
    const third = t.acquireSlot().then((s) => {
      thirdAt = clock.now();
      return s;
    });
    await clock.sleep(500); // the answers take 500 ms: the request may have arrived as late as that
    expect(thirdAt).toBe(-1);
    a.done();
    b.done();
    (await third).done();
    expect(thirdAt).toBe(500 + 1030);
  });

  it('hold() delays every later caller', async () => {
    const clock = fakeClock();
    const t = new Throttle({ limit: 7, now: clock.now, sleep: clock.sleep });
    t.hold(2500);
    await t.acquire();
    expect(clock.now()).toBe(2500);
  });

  it('an aborted waiter leaves the queue with AbortError and does not block the next one', async () => {
    const clock = fakeClock();
    const t = new Throttle({ limit: 1, now: clock.now, sleep: clock.sleep });
    await t.acquire();
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(t.acquire(ctrl.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await t.acquire();
    expect(clock.now()).toBe(1100);
  });

  it('clients made without a throttle share one per rate', () => {
    expect(sharedThrottle()).toBe(sharedThrottle(7));
    expect(sharedThrottle(3)).not.toBe(sharedThrottle(7));
    const a = new ApiClient({ baseUrl: '' }) as unknown as { throttle: Throttle };
    const b = new ApiClient({ baseUrl: 'https://x.kommo.com', token: 't' }) as unknown as { throttle: Throttle };
    expect(a.throttle).toBe(b.throttle);
    expect(a.throttle).toBe(sharedThrottle());
  });
});
