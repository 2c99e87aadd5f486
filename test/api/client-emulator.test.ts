import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/api/client';
import {
  AuthError,
  ForbiddenError,
  HttpError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  PaymentRequiredError,
  RateLimitError,
  ValidationError,
} from '../../src/api/errors';
import { Throttle } from '../../src/api/throttle';
import { createEmulator } from '../../src/emulator/index';
import { contact } from '../../src/emulator/seeds/builders';
import { arrayList } from '../../src/emulator/store';
import type { ContactDto } from '../../src/api/dto';
import { fakeClock } from './fake';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** An emulator and a Bearer client on its in-process fetch, both on one fake clock (instant runs). */
function onFakeClock(opts: { rate?: number; limit?: number; maxRetries?: number } = {}) {
  const clock = fakeClock();
  const emu = createEmulator({ seed: 'messy', now: clock.now, rate: opts.rate, quiet: true });
  // Default throttle settings (7 per 1000 ms + 100 ms margin), only the clock is fake.
  const throttle = new Throttle({ limit: opts.limit, now: clock.now, sleep: clock.sleep });
  const client = new ApiClient({
    baseUrl: 'https://acme.amocrm.ru',
    token: 'dev-token',
    fetch: emu.fetch,
    throttle,
    sleep: clock.sleep,
    maxRetries: opts.maxRetries,
    random: () => 0.5,
  });
  return { emu, client, clock };
}

function thousandContacts(emu: ReturnType<typeof createEmulator>): void {
  const owner = emu.adminId;
  emu.store.contacts = arrayList(
    Array.from({ length: 1000 }, (_, i) =>
      contact(emu.store, {
        id: 1 + i,
        first: `Имя${i}`,
        last: 'Фамилия',
        responsible: owner,
        created: 1_700_000_000,
        phones: [],
        emails: [],
      }),
    ),
  );
}

describe('client × emulator (in-process)', () => {
  it('a burst of 100 calls at default throttle settings gets no 429', async () => {
    const { client, emu } = onFakeClock();
    const results = await Promise.all(Array.from({ length: 100 }, () => client.get<{ id: number }>('/api/v4/account')));
    expect(results.every((a) => a?.id === emu.store.account.id)).toBe(true);
    expect(client.stats).toEqual({ requests: 100, retries: 0, http429: 0 });
  });

  it('control: a throttle looser than the server (8 per window) does meet 429s, and waits them out', async () => {
    const { client } = onFakeClock({ limit: 8 });
    await Promise.all(Array.from({ length: 40 }, () => client.get('/api/v4/account')));
    expect(client.stats.http429).toBeGreaterThan(0);
    expect(client.stats.retries).toBe(client.stats.http429);
  });

  it('a real-time burst through the default throttle gets no 429 (short latency)', async () => {
    const emu = createEmulator({ seed: 'messy', latencyMs: 5, quiet: true });
    const client = new ApiClient({ baseUrl: '', token: 'dev-token', fetch: emu.fetch, throttle: new Throttle() });
    await Promise.all(Array.from({ length: 15 }, () => client.get('/api/v4/account')));
    expect(client.stats).toEqual({ requests: 15, retries: 0, http429: 0 });
  });

  it('1,000 contacts come back in 4 pages of 250', async () => {
    const { client, emu } = onFakeClock();
    thousandContacts(emu);
    const sizes: number[] = [];
    const ids: number[] = [];
    for await (const page of client.pages<ContactDto>('/api/v4/contacts', 'contacts')) {
      sizes.push(page.length);
      ids.push(...page.map((c) => c.id));
    }
    expect(sizes).toEqual([250, 250, 250, 250]);
    expect(new Set(ids).size).toBe(1000);
    expect(client.stats.requests).toBe(4);
  });

  it('events are asked 100 per page and accepted by the server', async () => {
    const { client } = onFakeClock();
    // The emulator refuses limit > 100 on events with 422, as Kommo documents.
    const events = await client.list<{ id: string }>('/api/v4/events', 'events');
    expect(Array.isArray(events)).toBe(true);
    await expect(client.list('/api/v4/events', 'events', { limit: 250 })).rejects.toBeInstanceOf(ValidationError);
  });

  it('an empty list (204) yields []', async () => {
    const { client } = onFakeClock();
    // The emulator's integration owns no sources: 204 No Content.
    await expect(client.list('/api/v4/sources', 'sources')).resolves.toEqual([]);
  });

  it.each([
    [
      '401 bad token',
      AuthError,
      (e: ReturnType<typeof onFakeClock>) =>
        new ApiClient({
          baseUrl: '',
          token: 'nope',
          fetch: e.emu.fetch,
          throttle: new Throttle({ now: e.clock.now, sleep: e.clock.sleep }),
        }).get('/api/v4/account'),
      /^GET \/api\/v4\/account: 401 /,
    ],
    [
      '403 manager on users',
      ForbiddenError,
      (e: ReturnType<typeof onFakeClock>) =>
        new ApiClient({
          baseUrl: '',
          token: e.emu.tokenFor(e.emu.managerId!),
          fetch: e.emu.fetch,
          throttle: new Throttle({ now: e.clock.now, sleep: e.clock.sleep }),
        }).list('/api/v4/users', 'users'),
      /^GET \/api\/v4\/users: 403 /,
    ],
    [
      '402 subscription over',
      PaymentRequiredError,
      (e: ReturnType<typeof onFakeClock>) => {
        e.emu.faults.once({ path: '/api/v4/events', fault: { status: 402 } });
        return e.client.list('/api/v4/events', 'events');
      },
      /^GET \/api\/v4\/events: 402 /,
    ],
    [
      '404 no such pipeline',
      NotFoundError,
      (e: ReturnType<typeof onFakeClock>) => e.client.get('/api/v4/leads/pipelines/99999999'),
      /^GET \/api\/v4\/leads\/pipelines\/99999999: 404 /,
    ],
    [
      '400 invalid write',
      ValidationError,
      (e: ReturnType<typeof onFakeClock>) => e.client.patch('/api/v4/leads', [{ id: 1, name: 5 }]),
      /^PATCH \/api\/v4\/leads: 400 /,
    ],
    [
      '429 that persists',
      RateLimitError,
      (e: ReturnType<typeof onFakeClock>) => {
        e.emu.faults.once({ path: '/api/v4/account', fault: { status: 429 }, count: 5 });
        return e.client.get('/api/v4/account');
      },
      /^GET \/api\/v4\/account: 429 /,
    ],
    [
      '503 that persists',
      HttpError,
      (e: ReturnType<typeof onFakeClock>) => {
        e.emu.faults.once({ path: '/api/v4/account', fault: { status: 503 }, count: 5 });
        return e.client.get('/api/v4/account');
      },
      /^GET \/api\/v4\/account: 503 /,
    ],
    [
      'connection reset on a write',
      NetworkError,
      (e: ReturnType<typeof onFakeClock>) => {
        e.emu.faults.once({ method: 'POST', path: '/api/v4/roles', fault: { reset: true } });
        return e.client.post('/api/v4/roles', { name: 'Новая роль' });
      },
      /^POST \/api\/v4\/roles: network error.*outcome unknown/,
    ],
    [
      'truncated JSON',
      MalformedResponseError,
      (e: ReturnType<typeof onFakeClock>) => {
        e.emu.faults.once({ path: '/api/v4/users', fault: { malformed: true } });
        return e.client.list('/api/v4/users', 'users');
      },
      /^GET \/api\/v4\/users: 200 malformed response/,
    ],
  ] as const)('%s → %o', async (_name, Type, act, message) => {
    const env = onFakeClock();
    const err = await act(env).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Type);
    expect((err as Error).message).toMatch(message);
  });

  it('validation errors from the emulator are parsed', async () => {
    const { client } = onFakeClock();
    const err = (await client.patch('/api/v4/leads', [{ id: 1, name: 5 }]).catch((e: unknown) => e)) as ValidationError;
    expect(err.errors.length).toBeGreaterThan(0);
    expect(err.errors[0]).toMatchObject({ code: expect.any(String), path: expect.any(String) });
  });

  it('a transient 5xx and a one-off reset on a read are retried to success', async () => {
    const { client, emu } = onFakeClock();
    emu.faults.once({ path: '/api/v4/account', fault: { status: 502 } });
    emu.faults.once({ path: '/api/v4/account', fault: { reset: true } });
    await expect(client.get('/api/v4/account')).resolves.toMatchObject({ id: emu.store.account.id });
    expect(client.stats).toEqual({ requests: 3, retries: 2, http429: 0 });
  });

  it('cookie mode: a manager session sees 403 on users, the admin session lists them', async () => {
    const { emu, clock } = onFakeClock();
    // The browser adds the login cookie itself; here a wrapper plays that part.
    const browser = (userId: number) =>
      new ApiClient({
        baseUrl: '',
        fetch: ((url: string, init: RequestInit) =>
          emu.fetch(url, {
            ...init,
            headers: { ...(init.headers as Record<string, string>), cookie: `amo_session=${emu.sessionFor(userId)}` },
          })) as typeof fetch,
        throttle: new Throttle({ now: clock.now, sleep: clock.sleep }),
      });
    await expect(browser(emu.managerId!).list('/api/v4/users', 'users')).rejects.toBeInstanceOf(ForbiddenError);
    const users = await browser(emu.adminId).list<{ id: number }>('/api/v4/users', 'users');
    expect(users.length).toBe(emu.store.users.length);
  });
});

describe('client × emulator over real HTTP', () => {
  it('lists 1,000 contacts in 4 pages following absolute next links', async () => {
    const emu = createEmulator({ seed: 'messy', quiet: true });
    thousandContacts(emu);
    const server = await emu.listen(0, '127.0.0.1');
    closers.push(() => server.close());
    const client = new ApiClient({ baseUrl: server.url, token: 'dev-token', throttle: new Throttle() });
    const all = await client.list<ContactDto>('/api/v4/contacts', 'contacts');
    expect(all).toHaveLength(1000);
    expect(client.stats.requests).toBe(4);
    await expect(client.list('/api/v4/sources', 'sources')).resolves.toEqual([]);
  });

  it('a refused connection on a write fails at once without outcomeUnknown (nothing listens, nothing was sent)', async () => {
    const emu = createEmulator({ seed: 'fresh', quiet: true });
    const server = await emu.listen(0, '127.0.0.1');
    const url = server.url;
    await server.close();
    const client = new ApiClient({
      baseUrl: url,
      token: 'dev-token',
      throttle: new Throttle(),
      maxRetries: 2,
      sleep: async () => undefined,
    });
    const err = await client.post('/api/v4/roles', { name: 'R' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).outcomeUnknown).toBe(false);
    expect((err as Error).message).toContain('ECONNREFUSED');
    expect(client.stats).toMatchObject({ requests: 1, retries: 0 });
  });
});
