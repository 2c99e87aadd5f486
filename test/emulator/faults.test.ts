import { describe, expect, it } from 'vitest';
import type { FaultAction } from '../../src/emulator/index';
import { BASE, call, emu, get } from './helpers';

describe('fault injection', () => {
  it('once: status on a given route, then normal again', async () => {
    const e = emu('messy');
    e.faults.once({ method: 'GET', path: '/api/v4/users', fault: { status: 503 } });
    expect((await get(e, '/api/v4/account')).status).toBe(200);
    const a = await get(e, '/api/v4/users');
    expect(a.status).toBe(503);
    expect(a.body.type).toBe('https://httpstatus.es/503');
    expect((await get(e, '/api/v4/users')).status).toBe(200);
  });
  it('once with count and RegExp path', async () => {
    const e = emu('messy');
    e.faults.once({
      path: /\/api\/v4\/events\?.*limit=100/,
      fault: { status: 429, body: { title: 'Too Many Requests', status: 429 } },
      count: 2,
    });
    const a = await get(e, '/api/v4/events?limit=100');
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('1');
    expect((await get(e, '/api/v4/events?limit=100')).status).toBe(429);
    expect((await get(e, '/api/v4/events?limit=100')).status).toBe(200);
  });
  it('hold: the request waits, whole, until the test releases it; it is then handled and `done` is called', async () => {
    const e = emu('messy');
    const p = e.store.pipelines[0]!;
    const s = p.statuses.find((x) => x.type === 0 && x.id !== 142 && x.id !== 143)!;
    let release: () => void = () => {};
    const until = new Promise<void>((r) => {
      release = r;
    });
    let handled = 0;
    const path = `/api/v4/leads/pipelines/${p.id}/statuses/${s.id}`;
    e.faults.once({ method: 'PATCH', path, fault: { hold: { until, done: () => handled++ } } });
    const pending = call(e, 'PATCH', path, { body: { name: 'Заявка', sort: s.sort, color: s.color } });
    // Other requests go on while the write is held; the write has not landed.
    expect((await get(e, path)).body.name).toBe(s.name);
    expect(handled).toBe(0);
    release();
    expect((await pending).status).toBe(200);
    expect(handled).toBe(1);
    expect(s.name).toBe('Заявка');
  });

  // Every end of a held request calls `done` exactly once: a test that waits for it must never hang.
  const heldEnds: {
    name: string;
    method: string;
    path: string;
    auth?: string | null;
    fault?: Omit<FaultAction, 'hold'>;
    status: number | 'reset';
  }[] = [
    { name: 'handled (200)', method: 'GET', path: '/api/v4/account', status: 200 },
    { name: 'no such route (404)', method: 'GET', path: '/api/v4/nothing-here', status: 404 },
    { name: 'no credentials (401)', method: 'GET', path: '/api/v4/account', auth: null, status: 401 },
    { name: 'bad token (401)', method: 'GET', path: '/api/v4/account', auth: 'user-1-1', status: 401 },
    { name: 'handler refuses (400)', method: 'PATCH', path: '/api/v4/leads', status: 400 },
    { name: 'injected status (503)', method: 'GET', path: '/api/v4/users', fault: { status: 503 }, status: 503 },
    { name: 'malformed body (200)', method: 'GET', path: '/api/v4/users', fault: { malformed: true }, status: 200 },
    { name: 'connection reset', method: 'GET', path: '/api/v4/users', fault: { reset: true }, status: 'reset' },
  ];
  it.each(heldEnds)('hold ending in $name calls `done` once', async ({ method, path, auth, fault, status }) => {
    const e = emu('messy');
    let release: () => void = () => {};
    const until = new Promise<void>((r) => {
      release = r;
    });
    let handled = 0;
    e.faults.once({ method, path, fault: { ...fault, hold: { until, done: () => handled++ } } });
    const pending =
      status === 'reset'
        ? e.fetch(`${BASE}${path}`, { headers: { authorization: 'Bearer dev-token' } }).then(
            () => 'answered',
            (err: unknown) => (err instanceof TypeError ? 'reset' : 'other'),
          )
        : call(e, method, path, { auth, body: method === 'PATCH' ? 'not an array' : undefined }).then((a) => a.status);
    await Promise.resolve();
    expect(handled).toBe(0);
    release();
    expect(await pending).toBe(status);
    expect(handled).toBe(1);
  });
  it('a rejected hold releases the request too, and `done` is called', async () => {
    const e = emu('messy');
    let handled = 0;
    const until = Promise.reject(new Error('test gave up'));
    e.faults.once({ path: '/api/v4/account', fault: { hold: { until, done: () => handled++ } } });
    expect((await get(e, '/api/v4/account')).status).toBe(200);
    expect(handled).toBe(1);
  });
  it('a held request whose caller aborts during its delay still calls `done`', async () => {
    const e = emu('messy');
    let handled = 0;
    const ctl = new AbortController();
    e.faults.once({
      path: '/api/v4/account',
      fault: { delayMs: 60_000, hold: { until: Promise.resolve(), done: () => handled++ } },
    });
    const pending = e.fetch(`${BASE}/api/v4/account`, {
      headers: { authorization: 'Bearer dev-token' },
      signal: ctl.signal,
    });
    await new Promise((r) => setImmediate(r));
    ctl.abort();
    await expect(pending).rejects.toBeTruthy();
    expect(handled).toBe(1);
  });

  it('reset rejects the in-process fetch with a TypeError', async () => {
    const e = emu('messy');
    e.faults.once({ path: '/api/v4/account', fault: { reset: true } });
    await expect(
      e.fetch(`${BASE}/api/v4/account`, { headers: { authorization: 'Bearer dev-token' } }),
    ).rejects.toBeInstanceOf(TypeError);
  });
  it('malformed: 200 hal+json whose body is not JSON', async () => {
    const e = emu('messy');
    e.faults.once({ path: '/api/v4/leads/pipelines', fault: { malformed: true } });
    const a = await get(e, '/api/v4/leads/pipelines');
    expect(a.status).toBe(200);
    expect(a.type).toBe('application/hal+json');
    expect(a.body).toBeUndefined();
  });
  it('delayMs delays and then answers normally; abort signal cancels latency', async () => {
    const e = emu('fresh');
    e.faults.once({ path: '/api/v4/account', fault: { delayMs: 60 } });
    const t0 = Date.now();
    expect((await get(e, '/api/v4/account')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(50);
    e.faults.latencyMs = 5_000;
    const ctl = new AbortController();
    const p = e.fetch(`${BASE}/api/v4/account`, { headers: { authorization: 'Bearer dev-token' }, signal: ctl.signal });
    ctl.abort();
    await expect(p).rejects.toThrow();
  });
  it('errorRate uses the injected random source (reproducible)', async () => {
    const seq = [0.1, 0.5, 0.9, 0.05, 0.0];
    let i = 0;
    const e = emu('fresh', { random: () => seq[i++ % seq.length]! });
    e.faults.errorRate = 0.2;
    const statuses: number[] = [];
    for (let k = 0; k < 3; k++) statuses.push((await get(e, '/api/v4/account')).status);
    // 0.1 < 0.2 → error, code picked by 0.5 → 503; 0.9 → ok; 0.05 → error, 0.0 → 502.
    expect(statuses).toEqual([503, 200, 502]);
  });
  it('test routes exist only with testRoutes: true', async () => {
    const off = emu('fresh');
    expect((await call(off, 'POST', '/__emulator/faults', { body: { errorRate: 1 } })).status).toBe(404);
    const on = emu('fresh', { testRoutes: true });
    const a = await call(on, 'POST', '/__emulator/faults', {
      auth: null,
      body: { once: { path: '/api/v4/account', fault: { status: 504 } } },
    });
    expect(a.status).toBe(200);
    expect(a.body.armed).toBe(1);
    expect((await get(on, '/api/v4/account')).status).toBe(504);
    await call(on, 'POST', '/api/v4/roles', { body: { name: 'Временная' } });
    expect(on.store.roles).toHaveLength(1);
    expect((await call(on, 'POST', '/__emulator/reset', { auth: null, body: {} })).status).toBe(200);
    expect(on.store.roles).toHaveLength(0);
    expect((await call(on, 'POST', '/__emulator/reset', { auth: null, body: { seed: 'clean' } })).body.seed).toBe(
      'clean',
    );
    expect(on.store.seed).toBe('clean');
  });
});
