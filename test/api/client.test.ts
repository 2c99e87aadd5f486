import { describe, expect, it } from 'vitest';
import { ApiClient, baseUrlFor } from '../../src/api/client';
import { MalformedResponseError, RateLimitBanError } from '../../src/api/errors';
import { Throttle } from '../../src/api/throttle';
import { type Call, fakeClock, halPage, makeClient, scriptedFetch } from './fake';

const contacts = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: from + i, name: `c${from + i}` }));

describe('204 = empty', () => {
  it('list → [] and get → null', async () => {
    const { client } = makeClient(() => ({ status: 204 }));
    await expect(client.list('/api/v4/sources', 'sources')).resolves.toEqual([]);
    await expect(client.get('/api/v4/sources/1')).resolves.toBeNull();
  });

  it('delete resolves on 204; patch 202 returns the body', async () => {
    const { client } = makeClient([{ status: 204 }, { status: 202, body: { id: 5, name: 'r' } }]);
    await expect(client.delete('/api/v4/roles/5')).resolves.toBeUndefined();
    await expect(client.patch('/api/v4/roles/5', { name: 'r' })).resolves.toEqual({ id: 5, name: 'r' });
  });
});

describe('pagination', () => {
  it('follows _links.next to the end: 1,000 contacts in 4 pages of 250', async () => {
    const pages = [0, 1, 2, 3].map((p) => ({
      status: 200,
      body: halPage(
        'contacts',
        contacts(p * 250 + 1, 250),
        p < 3 ? `https://acme.amocrm.ru/api/v4/contacts?limit=250&page=${p + 2}` : undefined,
      ),
    }));
    const { client, calls } = makeClient(pages);
    const all = await client.list<{ id: number }>('/api/v4/contacts', 'contacts', { query: { with: 'leads' } });
    expect(all).toHaveLength(1000);
    expect(all.map((c) => c.id)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(calls.map((c) => c.url)).toEqual([
      'https://acme.amocrm.ru/api/v4/contacts?with=leads&limit=250',
      'https://acme.amocrm.ru/api/v4/contacts?limit=250&page=2',
      'https://acme.amocrm.ru/api/v4/contacts?limit=250&page=3',
      'https://acme.amocrm.ru/api/v4/contacts?limit=250&page=4',
    ]);
    expect(client.stats.requests).toBe(4);
  });

  it('pages() yields page arrays one by one', async () => {
    const { client, calls } = makeClient([
      { status: 200, body: halPage('leads', contacts(1, 2), '/api/v4/leads?page=2&limit=250') },
      { status: 200, body: halPage('leads', contacts(3, 1)) },
    ]);
    const seen: number[] = [];
    for await (const page of client.pages<{ id: number }>('/api/v4/leads', 'leads')) {
      seen.push(page.length);
      expect(calls).toHaveLength(seen.length); // streamed: the next page is not fetched before this one is used
    }
    expect(seen).toEqual([2, 1]);
  });

  it('a 204 after the first page ends the list', async () => {
    const { client } = makeClient([
      { status: 200, body: halPage('leads', contacts(1, 3), '/api/v4/leads?page=2') },
      { status: 204 },
    ]);
    await expect(client.list('/api/v4/leads', 'leads')).resolves.toHaveLength(3);
  });

  it.each([
    ['/api/v4/events', 100],
    ['/api/v4/events?filter[type][]=incoming_call', 100],
    ['/api/v4/events/types', 250],
    ['/api/v4/leads/notes', 250],
    ['/api/v4/users', 250],
  ])('%s asks limit=%i', async (path, limit) => {
    const { client, calls } = makeClient(() => ({ status: 204 }));
    await client.list(path, 'x');
    expect(new URL(calls[0]!.url).searchParams.get('limit')).toBe(String(limit));
  });

  it('builds filters with literal repeated keys; an explicit limit wins', async () => {
    const { client, calls } = makeClient(() => ({ status: 204 }));
    await client.list('/api/v4/events', 'events', {
      query: {
        'filter[type][]': ['incoming_call', 'outgoing_call'],
        'filter[created_at][from]': 1700000000,
        skip: undefined,
      },
      limit: 5,
    });
    expect(calls[0]!.url).toBe(
      'https://acme.amocrm.ru/api/v4/events?filter[type][]=incoming_call&filter[type][]=outgoing_call' +
        '&filter[created_at][from]=1700000000&limit=5',
    );
  });

  it('more pages than maxPages fail the list (never a silently cut list)', async () => {
    let n = 0;
    const { client, calls } = makeClient(() => ({
      status: 200,
      body: halPage('leads', [{ id: ++n }], `/api/v4/leads?page=${n + 1}`),
    }));
    await expect(client.list('/api/v4/leads', 'leads', { maxPages: 3 })).rejects.toThrow(
      /GET \/api\/v4\/leads.*more than 3 pages, the list was not read to its end/,
    );
    expect(calls).toHaveLength(3);
  });

  it('exactly maxPages pages are fine', async () => {
    const { client } = makeClient([
      { status: 200, body: halPage('leads', [{ id: 1 }], '/api/v4/leads?page=2') },
      { status: 200, body: halPage('leads', [{ id: 2 }]) },
    ]);
    await expect(client.list('/api/v4/leads', 'leads', { maxPages: 2 })).resolves.toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('a page that repeats a record already read fails the list: counts from it would be wrong', async () => {
    const { client } = makeClient([
      { status: 200, body: halPage('leads', [{ id: 1 }, { id: 2 }], '/api/v4/leads?page=2') },
      { status: 200, body: halPage('leads', [{ id: 3 }, { id: 2 }], '/api/v4/leads?page=3') },
      { status: 200, body: halPage('leads', [{ id: 4 }]) },
    ]);
    const err = await client.list('/api/v4/leads', 'leads').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MalformedResponseError);
    expect((err as Error).message).toMatch(/pagination repeats id 2/);
  });

  it('a next link that repeats is a loop: MalformedResponseError, not an endless crawl', async () => {
    let n = 0;
    const { client, calls } = makeClient(() => ({
      status: 200,
      body: halPage('leads', [{ id: ++n }], '/api/v4/leads?page=2&limit=250'),
    }));
    await expect(client.list('/api/v4/leads', 'leads')).rejects.toThrow(/pagination loop/);
    expect(calls).toHaveLength(2);
  });
});

describe('malformed answers never crash', () => {
  it.each([
    [
      'get, body not JSON',
      (c: ApiClient) => c.get('/api/v4/account'),
      { status: 200, body: '<html>oops' },
      /GET \/api\/v4\/account: 200 malformed response: body is not JSON/,
    ],
    [
      'list, body not JSON',
      (c: ApiClient) => c.list('/api/v4/users', 'users'),
      { status: 200, body: '{"_embedded":' },
      /body is not JSON/,
    ],
    [
      'list, no _embedded',
      (c: ApiClient) => c.list('/api/v4/contacts', 'contacts'),
      { status: 200, body: { _page: 1 } },
      /GET \/api\/v4\/contacts: 200 malformed response: list page has no _embedded.contacts array/,
    ],
    [
      'list, wrong collection',
      (c: ApiClient) => c.list('/api/v4/contacts', 'contacts'),
      { status: 200, body: halPage('leads', []) },
      /_embedded.contacts/,
    ],
    [
      'list, empty 200',
      (c: ApiClient) => c.list('/api/v4/contacts', 'contacts'),
      { status: 200, body: '' },
      /empty body/,
    ],
    [
      'post, body not JSON',
      (c: ApiClient) => c.post('/api/v4/roles', {}),
      { status: 201, body: 'created' },
      /POST \/api\/v4\/roles: 201 malformed/,
    ],
  ])('%s', async (_name, call, step, message) => {
    const { client } = makeClient([step]);
    const err = await call(client).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MalformedResponseError);
    expect((err as Error).message).toMatch(message);
  });

  it('tolerates nulls and extra keys in items', async () => {
    const { client } = makeClient([
      { status: 200, body: { ...halPage('users', [{ id: 1, lang: null, extra: { x: 1 } }]), _total_items: 1 } },
    ]);
    await expect(client.list('/api/v4/users', 'users')).resolves.toEqual([{ id: 1, lang: null, extra: { x: 1 } }]);
  });
});

describe('cancellation', () => {
  it('aborting an in-flight request rejects at once with AbortError and never retries', async () => {
    const { client, calls } = makeClient(['hang', { status: 200, body: {} }], { timeoutMs: 60_000 });
    const ctrl = new AbortController();
    const started = Date.now();
    const p = client.get('/api/v4/account', { signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 5);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(calls).toHaveLength(1);
    expect(client.stats.retries).toBe(0);
  });

  it('a signal aborted before the call sends nothing', async () => {
    const { client, calls } = makeClient([{ status: 200, body: {} }]);
    await expect(client.list('/api/v4/leads', 'leads', { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(calls).toHaveLength(0);
  });

  it('aborting during a retry wait stops the retries', async () => {
    const ctrl = new AbortController();
    const clock = fakeClock();
    const fake = scriptedFetch(() => ({ status: 503 }), clock.now);
    const client = new ApiClient({
      baseUrl: '',
      fetch: fake.fetch,
      throttle: new Throttle({ now: clock.now, sleep: clock.sleep }),
      sleep: () => {
        ctrl.abort();
        return new Promise(() => undefined);
      },
    });
    await expect(client.get('/api/v4/account', { signal: ctrl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.calls).toHaveLength(1);
  });
});

describe('the two faces', () => {
  const run = async (
    opts: { baseUrl: string; token?: string },
    act: (c: ApiClient) => Promise<unknown>,
  ): Promise<Call> => {
    const clock = fakeClock();
    const fake = scriptedFetch(() => ({ status: 200, body: { id: 1 } }), clock.now);
    const client = new ApiClient({
      ...opts,
      fetch: fake.fetch,
      throttle: new Throttle({ now: clock.now, sleep: clock.sleep }),
    });
    await act(client);
    return fake.calls[0]!;
  };

  it('cookie mode (browser): same-origin path, credentials same-origin, X-Requested-With, no Authorization', async () => {
    const call = await run({ baseUrl: '' }, (c) => c.get('/api/v4/account', { query: { with: 'users_groups' } }));
    expect(call.url).toBe('/api/v4/account?with=users_groups');
    expect(call.credentials).toBe('same-origin');
    expect(call.headers.get('x-requested-with')).toBe('XMLHttpRequest');
    expect(call.headers.get('authorization')).toBeNull();
    expect(call.headers.get('accept')).toBe('application/hal+json, application/problem+json, application/json');
    expect(call.headers.get('content-type')).toBeNull();
  });

  it('bearer mode (Node): absolute URL, Authorization, no cookie, no X-Requested-With', async () => {
    const call = await run({ baseUrl: 'https://acme.kommo.com/', token: 'abc' }, (c) =>
      c.post('/api/v4/roles', { name: 'R' }),
    );
    expect(call.url).toBe('https://acme.kommo.com/api/v4/roles');
    expect(call.credentials).toBe('omit');
    expect(call.headers.get('authorization')).toBe('Bearer abc');
    expect(call.headers.get('x-requested-with')).toBeNull();
    expect(call.headers.get('content-type')).toBe('application/json');
    expect(call.headers.get('accept')).toBe('application/hal+json, application/problem+json, application/json');
    expect(call.body).toEqual({ name: 'R' });
  });

  it.each([
    [{ subdomain: 'acme' }, 'https://acme.amocrm.ru'],
    [{ subdomain: 'Acme-2', domain: 'kommo.com' as const }, 'https://acme-2.kommo.com'],
  ])('baseUrlFor(%o) = %s', (account, url) => {
    expect(baseUrlFor(account)).toBe(url);
  });

  it.each(['evil.com/x', 'a.b', '', '-x', 'a b'])('baseUrlFor rejects subdomain %j', (subdomain) => {
    expect(() => baseUrlFor({ subdomain })).toThrow(/Invalid account subdomain/);
  });
});

describe('a ban stops the client asking', () => {
  const banPage = { status: 403, body: '<html><title>403 Forbidden</title><body>nginx</body></html>' };

  it('after a ban with no wait named, no further request is sent in this run', async () => {
    const { client, calls } = makeClient([banPage, { status: 200, body: { id: 1 } }]);
    await expect(client.get('/api/v4/account')).rejects.toBeInstanceOf(RateLimitBanError);
    await expect(client.get('/api/v4/users')).rejects.toBeInstanceOf(RateLimitBanError);
    // A copy bound by a run's limits shares the latch.
    await expect(client.bounded({}).get('/api/v4/roles')).rejects.toBeInstanceOf(RateLimitBanError);
    expect(calls).toHaveLength(1);
  });

  it('a named wait is honoured: refused until it is over, then asked again', async () => {
    let t = 0;
    const ban = { ...banPage, headers: { 'Retry-After': '60' } };
    const { client, calls } = makeClient([ban, { status: 200, body: { id: 1 } }], { now: () => t });
    await expect(client.get('/api/v4/account')).rejects.toBeInstanceOf(RateLimitBanError);
    t = 30_000;
    const early = await client.get('/api/v4/account').catch((e: unknown) => e);
    expect(early).toBeInstanceOf(RateLimitBanError);
    expect((early as RateLimitBanError).retryAfterMs).toBe(30_000);
    expect(calls).toHaveLength(1);
    t = 61_000;
    await expect(client.get('/api/v4/account')).resolves.toEqual({ id: 1 });
    expect(calls).toHaveLength(2);
  });
});
