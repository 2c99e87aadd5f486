/**
 * Bounded everything (issue 12 item 6, the empty account of item 13, issue 11 item 6): a body cap, a page cap
 * with duplicate detection, the longest Retry-After, the audit's deadline, idle timeouts of seconds, a refused
 * port at once, a ban told apart from a missing right, and an empty `/account` that is not an audit of nothing.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiClient,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  DeadlineError,
  NetworkError,
  RateLimitBanError,
  RateLimitError,
  Throttle,
  TimeoutError,
  TooLargeError,
} from '../../src/api';
import { DEFAULT_RETRY } from '../../src/api/retry';
import { TIMEOUT_RETRIES } from '../../src/api/client';
import { toPartFailure } from '../../src/api/errors';
import { createTranslator } from '../../src/i18n/translate';
import { failureReason } from '../../src/snapshot/failure-reason';
import { runLimits } from '../../src/audit/baseline/limits';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { validateBaseline } from '../../src/audit/baseline/validate';
import { dictionaryFor } from '../../src/cli/dict';
import { createEmulator } from '../../src/emulator';
import { auditAccount } from '../../src/runner/audit';
import { FIXED_NOW } from '../support/emulated';
import { failedParts, faultyAccount, virtualClock } from './harness';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** A local server with a custom answer; counts requests and the bytes it managed to write. */
async function serve(answer: (res: ServerResponse, stats: { written: number }) => void) {
  const stats = { requests: 0, written: 0 };
  const server: Server = createServer((_req, res) => {
    stats.requests++;
    answer(res, stats);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closers.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return { url, stats };
}

const client = (baseUrl: string, extra: Partial<ConstructorParameters<typeof ApiClient>[0]> = {}) =>
  new ApiClient({
    baseUrl,
    token: 't',
    throttle: new Throttle({ limit: 1000 }),
    sleep: async () => undefined,
    ...extra,
  });

describe('a body cap per answer, streamed', () => {
  it('an endless body stops at the cap: too-large, and the server could not push much past it', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const server = await serve((res, stats) => {
      res.writeHead(200, { 'content-type': 'application/hal+json' });
      res.write('{"_embedded":{"contacts":[');
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) stats.written += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => undefined);
      pump();
    });
    const cap = 1024 * 1024;
    const err = await client(server.url, { maxBodyBytes: cap })
      .list('/api/v4/contacts', 'contacts')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as Error).message).toMatch(/GET \/api\/v4\/contacts: 200 answer larger than 1048576 bytes/);
    // Socket buffers allow some slack, but nothing like an endless body.
    expect(server.stats.written).toBeLessThan(cap * 16);
    expect(server.stats.requests).toBe(1);
  });

  it('a declared Content-Length over the cap is refused without reading', async () => {
    const server = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/hal+json', 'content-length': String(3 * 1024 ** 3) });
      res.write('{');
    });
    const err = await client(server.url)
      .get('/api/v4/account')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect(DEFAULT_MAX_BODY_BYTES).toBe(20 * 1024 * 1024);
  });

  it('in an audit the part fails as too-large and the rest goes on', async () => {
    const { emulator, audit } = faultyAccount();
    emulator.faults.once({
      path: '/api/v4/roles',
      fault: { status: 200, body: `{"x":"${'y'.repeat(21 * 1024 ** 2)}"}` },
    });
    const { snapshot } = await audit();
    expect(failedParts(snapshot)).toEqual(['roles']);
    expect((snapshot.parts.roles as { error: { kind: string } }).error.kind).toBe('too-large');
  });
});

describe('list pages that never end, or repeat', () => {
  it('duplicate ids across pages fail the part instead of being counted twice', async () => {
    const { emulator, audit } = faultyAccount();
    const page = (next: string | null, ids: number[]) => ({
      _links: next ? { next: { href: next } } : {},
      _embedded: { users: ids.map((id) => ({ id, name: `u${id}` })) },
    });
    emulator.faults.once({
      path: /^\/api\/v4\/users\?(?!.*page=2)/,
      fault: { status: 200, body: page('/api/v4/users?page=2&limit=250', [1, 2]) },
    });
    emulator.faults.once({ path: /^\/api\/v4\/users\?.*page=2/, fault: { status: 200, body: page(null, [2, 3]) } });
    const { snapshot } = await audit();
    expect(failedParts(snapshot)).toEqual(['users']);
    expect((snapshot.parts.users as { error: { message: string } }).error.message).toMatch(/pagination repeats id 2/);
  });

  it('a list that keeps sending new pages fails at the page cap, it does not run on', async () => {
    let n = 0;
    const server = await serve((res) => {
      n++;
      res.writeHead(200, { 'content-type': 'application/hal+json' });
      res.end(
        JSON.stringify({
          _links: { next: { href: `/api/v4/leads?page=${n + 1}` } },
          _embedded: { leads: [{ id: n }] },
        }),
      );
    });
    const err = await client(server.url)
      .list('/api/v4/leads', 'leads', { maxPages: 25 })
      .catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/more than 25 pages/);
    expect(server.stats.requests).toBe(25);
  });
});

describe('Retry-After and the deadline come from the baseline', () => {
  it('defaults: a minute of Retry-After, half an hour per audit; a baseline may change both, within bounds', () => {
    expect(runLimits(defaultBaseline())).toEqual({ maxRetryAfterMs: 60_000, deadlineMs: 30 * 60_000 });
    const withLimits = (limits: unknown) => validateBaseline({ ...structuredClone(defaultBaseline()), limits });
    const ok = withLimits({ maxRetryAfterSeconds: 5, auditDeadlineMinutes: 2 });
    expect(ok.ok && runLimits(ok.baseline)).toEqual({ maxRetryAfterMs: 5000, deadlineMs: 120_000 });
    const partial = withLimits({ auditDeadlineMinutes: 10 });
    expect(partial.ok && runLimits(partial.baseline)).toEqual({ maxRetryAfterMs: 60_000, deadlineMs: 600_000 });
    for (const [limits, path] of [
      [{ maxRetryAfterSeconds: -1 }, 'limits.maxRetryAfterSeconds'],
      [{ maxRetryAfterSeconds: 86_400 }, 'limits.maxRetryAfterSeconds'],
      [{ auditDeadlineMinutes: 0 }, 'limits.auditDeadlineMinutes'],
      [{ auditDeadlineMinutes: 1.5 }, 'limits.auditDeadlineMinutes'],
      [{ deadline: 3 }, 'limits.deadline'],
      ['soon', 'limits'],
    ] as const) {
      const r = withLimits(limits);
      expect(r.ok ? null : r.error.path).toBe(path);
    }
  });

  it('Retry-After: 120 on every call is not waited out: the parts fail as rate-limit at once', async () => {
    const { emulator, clock, audit } = faultyAccount();
    emulator.faults.once({
      path: /^\/api\/v4\/roles/,
      fault: { status: 429, headers: { 'retry-after': '120' } },
      count: 100,
    });
    const { snapshot } = await audit();
    expect(failedParts(snapshot)).toEqual(['roles']);
    expect((snapshot.parts.roles as { error: { kind: string } }).error.kind).toBe('rate-limit');
    expect(clock.sleeps.filter((ms) => ms >= 60_000)).toEqual([]);
    expect(DEFAULT_RETRY.maxRetryAfterMs).toBe(60_000);
  });

  it('past the deadline nothing more is sent: the waiting parts fail as deadline, the report still renders', async () => {
    const clock = virtualClock();
    const emulator = createEmulator({ seed: 'messy', now: () => FIXED_NOW, rate: 1_000_000, quiet: true });
    let sent = 0;
    const api = new ApiClient({
      baseUrl: 'https://emulator.test',
      token: 'dev-token',
      fetch: (input, init) => {
        sent++;
        return emulator.fetch(input, init);
      },
      throttle: new Throttle({ limit: 1000, now: clock.now, sleep: clock.sleep }),
      sleep: clock.sleep,
      now: clock.now,
      random: () => 0.5,
    });
    // Every roles call asks for 50 s; a 1-minute audit can wait one of those, not two.
    emulator.faults.once({
      path: /^\/api\/v4\/roles/,
      fault: { status: 429, headers: { 'retry-after': '50' } },
      count: 100,
    });
    const baseline = { ...structuredClone(defaultBaseline()), limits: { auditDeadlineMinutes: 1 } };
    const { snapshot, report } = await auditAccount({
      client: api,
      baseline,
      lang: 'en',
      dict: dictionaryFor('en'),
      now: () => new Date(FIXED_NOW),
    });
    const roles = (snapshot.parts.roles as { error: { kind: string; message: string } }).error;
    expect(['deadline', 'rate-limit']).toContain(roles.kind);
    expect(clock.sleeps.filter((ms) => ms === 50_000).length).toBeLessThanOrEqual(1);
    expect(report.results.find((r) => r.outcome === 'error')).toBeDefined();
    expect(sent).toBeGreaterThan(0);
    // Past the deadline, a call is refused before it is sent.
    const bounded = api.bounded({ deadlineMs: 0 });
    await clock.sleep(1);
    const before = sent;
    await expect(bounded.get('/api/v4/account')).rejects.toBeInstanceOf(DeadlineError);
    expect(sent).toBe(before);
  });
});

describe('dead servers are called dead in seconds', () => {
  it('a silent server: three attempts at the idle timeout, then TimeoutError; the defaults keep it under ~30 s', async () => {
    const server = await serve(() => undefined); // accepts, never answers
    const err = await client(server.url, { timeoutMs: 150 })
      .get('/api/v4/account')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(server.stats.requests).toBe(1 + TIMEOUT_RETRIES);
    const worst = DEFAULT_IDLE_TIMEOUT_MS * (1 + TIMEOUT_RETRIES) + DEFAULT_RETRY.baseMs * 2 ** TIMEOUT_RETRIES;
    expect(worst).toBeLessThanOrEqual(30_000);
  });

  it('a body that stalls midway is cut by the same idle timeout', async () => {
    const server = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/hal+json' });
      res.write('{"id":');
    });
    const err = await client(server.url, { timeoutMs: 150 })
      .get('/api/v4/account')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
  });

  it('a refused port is answered at once: one attempt, no retry wait', async () => {
    const server = await serve(() => undefined);
    const url = server.url;
    await closers.pop()!();
    const sleeps: number[] = [];
    const err = await client(url, { sleep: async (ms) => void sleeps.push(ms) })
      .get('/api/v4/account')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as Error).message).toContain('ECONNREFUSED');
    expect(sleeps).toEqual([]);
  });
});

describe('a ban is not a missing right (issue 11 item 6)', () => {
  it('the emulator bans after repeated 429s: the part says "paused", not "needs admin rights"', async () => {
    const clock = virtualClock();
    const emulator = createEmulator({
      seed: 'messy',
      now: () => FIXED_NOW,
      rate: 1,
      quiet: true,
      block: { after: 3, windowMs: 60_000, blockMs: 600_000 },
    });
    // A throttle that ignores the server's limit: the way two uncoordinated tabs look to the server.
    const api = new ApiClient({
      baseUrl: 'https://emulator.test',
      token: 'dev-token',
      fetch: emulator.fetch,
      throttle: new Throttle({ limit: 1000, now: clock.now, sleep: clock.sleep }),
      // The server's clock stands still: the ban outlasts every retry.
      sleep: clock.sleep,
      random: () => 0.5,
    });
    const failures = await Promise.all(
      ['/api/v4/account', '/api/v4/roles', '/api/v4/users', '/api/v4/leads/pipelines', '/api/v4/widgets'].map((p) =>
        api.get(p).then(
          () => null,
          (e: unknown) => e,
        ),
      ),
    );
    const bans = failures.filter((e) => e instanceof RateLimitBanError);
    expect(bans.length).toBeGreaterThan(0);
    expect(failures.every((e) => e === null || e instanceof RateLimitBanError || e instanceof RateLimitError)).toBe(
      true,
    );
    const t = createTranslator(dictionaryFor('en'), 'en');
    const reason = failureReason(toPartFailure(bans[0]), t);
    expect(reason).toMatch(/amoCRM has paused this integration's requests/);
    expect(reason).not.toMatch(/admin/);
  });

  it.each([
    ['an HTML 403 after 429s', [429, 403], '<html><head><title>403 Forbidden</title></head><body>nginx</body></html>'],
    ['a problem+json 403 after 429s', [429, 403], { title: 'Forbidden', status: 403, detail: 'Forbidden' }],
    [
      'the documented ban text, no 429 before',
      [403],
      {
        title: 'Forbidden',
        status: 403,
        detail: 'Аккаунт заблокирован за неоднократное превышение количества запросов в секунду',
      },
    ],
    [
      'an nginx HTML 403 out of the blue',
      [403],
      '<html><head><title>403 Forbidden</title></head><body>nginx</body></html>',
    ],
  ])('%s → banned', async (_name, statuses, body) => {
    let i = 0;
    const clock = virtualClock();
    const api = new ApiClient({
      baseUrl: 'https://acme.amocrm.ru',
      token: 't',
      throttle: new Throttle({ limit: 1000, now: clock.now, sleep: clock.sleep }),
      sleep: clock.sleep,
      fetch: async () => {
        const status = statuses[Math.min(i++, statuses.length - 1)]!;
        const text = typeof body === 'string' && status === 403 ? body : JSON.stringify(status === 403 ? body : {});
        return new Response(text, { status, headers: status === 429 ? { 'retry-after': '1' } : {} });
      },
    });
    const err = await api.get('/api/v4/users').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitBanError);
  });

  it('a plain problem+json 403 with no 429 before stays a missing right', async () => {
    const { audit } = faultyAccount({ userId: 'manager' });
    const { snapshot } = await audit();
    expect((snapshot.parts.users as { error: { kind: string } }).error.kind).toBe('forbidden');
  });
});

describe('an empty /account answer is an error, not an audit of nothing', () => {
  it.each([
    ['{}', {}],
    ['an empty 200', ''],
    ['null', 'null'],
    ['an account without id', { name: 'x', subdomain: 'x' }],
  ])('%s → the account part fails as malformed', async (_name, body) => {
    const { emulator, audit } = faultyAccount();
    emulator.faults.once({ path: '/api/v4/account', fault: { status: 200, body } });
    const { snapshot } = await audit();
    expect(failedParts(snapshot)).toContain('account');
    expect((snapshot.parts.account as { error: { kind: string } }).error.kind).toBe('malformed');
  });

  it('a 204 on /account is the same', async () => {
    const { emulator, audit } = faultyAccount();
    emulator.faults.once({ path: '/api/v4/account', fault: { status: 204, body: '' } });
    const { snapshot } = await audit();
    expect((snapshot.parts.account as { error: { kind: string; message: string } }).error).toMatchObject({
      kind: 'malformed',
      message: expect.stringMatching(/no account in the answer/),
    });
  });
});
