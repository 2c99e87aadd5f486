import { describe, expect, it } from 'vitest';
import { HttpError, NetworkError, RateLimitError, TimeoutError } from '../../src/api/errors';
import { connectionRefused } from '../../src/api/retry';
import type { ApiClient } from '../../src/api/client';
import { makeClient } from './fake';

const ok = { status: 200, body: { id: 1 } };
const refused = () => ({
  throws: new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
  }),
});
const reset = () => ({
  throws: new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) }),
});

describe('429', () => {
  it('waits Retry-After (header, seconds) then succeeds', async () => {
    const { client, clock, calls } = makeClient([
      { status: 429, headers: { 'Retry-After': '2' }, body: { title: 'Too Many Requests' } },
      ok,
    ]);
    await expect(client.get('/api/v4/account')).resolves.toEqual({ id: 1 });
    expect(clock.sleeps).toContain(2000);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(2000);
    expect(client.stats).toEqual({ requests: 2, retries: 1, http429: 1 });
  });

  it('reads retry_after from the body when the header is absent', async () => {
    const { client, clock } = makeClient([
      { status: 429, body: { title: 'Too Many Requests', status: 429, retry_after: 3 } },
      ok,
    ]);
    await client.get('/api/v4/account');
    expect(clock.sleeps).toContain(3000);
  });

  it('without any hint backs off at least a full second', async () => {
    const { client, clock } = makeClient([{ status: 429 }, { status: 429 }, ok]);
    await client.get('/api/v4/account');
    expect(clock.sleeps.filter((ms) => ms >= 1000)).toEqual([1250, 2250]);
  });

  it('gives up with RateLimitError after maxRetries', async () => {
    const { client, calls } = makeClient(() => ({ status: 429, headers: { 'Retry-After': '1' } }), { maxRetries: 2 });
    const err = await client.get('/api/v4/users').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfterMs).toBe(1000);
    expect((err as Error).message).toMatch(/^GET \/api\/v4\/users: 429 /);
    expect(calls).toHaveLength(3);
    expect(client.stats.http429).toBe(3);
  });

  it('does not sit out a wait longer than allowed (Kommo documents 300 s)', async () => {
    const { client, calls } = makeClient([{ status: 429, body: { retry_after: 300 } }, ok]);
    await expect(client.get('/api/v4/account')).rejects.toBeInstanceOf(RateLimitError);
    expect(calls).toHaveLength(1);
  });

  it('a POST answered 429 IS retried (the server did not process it)', async () => {
    const { client, calls } = makeClient([
      { status: 429, headers: { 'Retry-After': '1' } },
      { status: 200, body: { _embedded: { roles: [] } } },
    ]);
    await expect(client.post('/api/v4/roles', { name: 'x' })).resolves.toEqual({ _embedded: { roles: [] } });
    expect(calls.map((c) => c.method)).toEqual(['POST', 'POST']);
    expect(calls[1]!.body).toEqual({ name: 'x' });
  });
});

describe('5xx and network errors', () => {
  it('GET 502/503/504 are retried with full-jitter exponential backoff', async () => {
    const { client, clock } = makeClient([{ status: 502 }, { status: 503 }, { status: 504 }, ok]);
    await expect(client.get('/api/v4/account')).resolves.toEqual({ id: 1 });
    // random() = 0.5 of ceilings 500, 1000, 2000.
    expect(clock.sleeps.filter((ms) => ms >= 100)).toEqual([250, 500, 1000]);
    expect(client.stats).toEqual({ requests: 4, retries: 3, http429: 0 });
  });

  it('retries are bounded by maxRetries (default 4)', async () => {
    const { client, calls } = makeClient(() => ({ status: 503, statusText: 'Service Unavailable' }));
    const err = await client.get('/api/v4/account').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(503);
    expect((err as HttpError).outcomeUnknown).toBe(false);
    expect(calls).toHaveLength(5);
  });

  it('500 is not retried', async () => {
    const { client, calls } = makeClient([
      { status: 500, body: { title: 'ErrInternalServer', status: 500, detail: 'boom' } },
    ]);
    await expect(client.get('/api/v4/account')).rejects.toThrow('GET /api/v4/account: 500 ErrInternalServer — boom');
    expect(calls).toHaveLength(1);
  });

  it('a GET network error is retried', async () => {
    const { client, calls } = makeClient([reset(), ok]);
    await expect(client.get('/api/v4/account')).resolves.toEqual({ id: 1 });
    expect(calls).toHaveLength(2);
  });

  it('a GET timeout is retried', async () => {
    const { client, calls } = makeClient(['hang', ok], { timeoutMs: 15 });
    await expect(client.get('/api/v4/account')).resolves.toEqual({ id: 1 });
    expect(calls).toHaveLength(2);
  });

  it('a GET that keeps timing out ends in TimeoutError (not outcome-unknown)', async () => {
    const { client, calls } = makeClient(() => 'hang', { timeoutMs: 5, maxRetries: 1 });
    const err = await client.get('/api/v4/account').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).outcomeUnknown).toBe(false);
    expect(calls).toHaveLength(2);
  });
});

describe('writes are retried only when provably unprocessed', () => {
  it('a POST that times out is NOT retried and reports outcomeUnknown', async () => {
    const { client, calls } = makeClient(['hang', ok], { timeoutMs: 15 });
    const err = await client.post('/api/v4/leads/pipelines', [{ name: 'P' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).outcomeUnknown).toBe(true);
    expect((err as Error).message).toMatch(/^POST \/api\/v4\/leads\/pipelines: .*outcome unknown, re-read the state/);
    expect(calls).toHaveLength(1);
  });

  it.each([['PATCH', 'connection reset', reset()]] as const)(
    'a %s with a %s is NOT retried',
    async (method, _what, step) => {
      const { client, calls } = makeClient([step, ok]);
      const err = await client.patch('/api/v4/roles/5', { name: 'x' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NetworkError);
      expect((err as NetworkError).outcomeUnknown).toBe(true);
      expect((err as Error).message).toContain(`${method} /api/v4/roles/5`);
      expect((err as Error).message).toContain('ECONNRESET');
      expect(calls).toHaveLength(1);
    },
  );

  it('a POST answered 503 is NOT retried and reports outcomeUnknown', async () => {
    const { client, calls } = makeClient([{ status: 503 }, ok]);
    const err = await client.post('/api/v4/roles', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).outcomeUnknown).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['GET', (c: ApiClient) => c.get('/api/v4/account')],
    ['DELETE', (c: ApiClient) => c.delete('/api/v4/roles/5')],
    ['POST', (c: ApiClient) => c.post('/api/v4/roles', { name: 'x' })],
  ])('a %s whose connection was refused is answered at once: no retry, no wait, outcome known', async (_m, call) => {
    const { client, calls, clock } = makeClient([refused(), { status: 204 }]);
    const err = await call(client).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).outcomeUnknown).toBe(false);
    expect((err as Error).message).toContain('ECONNREFUSED');
    expect(calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('a POST refused every time fails without outcomeUnknown', async () => {
    const { client } = makeClient(() => refused(), { maxRetries: 1 });
    const err = await client.post('/api/v4/roles', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).outcomeUnknown).toBe(false);
  });
});

describe('connectionRefused', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }), true],
    [
      new TypeError('fetch failed', {
        cause: new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }]),
      }),
      true,
    ],
    [
      new TypeError('fetch failed', { cause: new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ETIMEDOUT' }]) }),
      false,
    ],
    [new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }), false],
    [new TypeError('Failed to fetch'), false],
    [null, false],
  ])('%#', (err, expected) => {
    expect(connectionRefused(err)).toBe(expected);
  });
});
