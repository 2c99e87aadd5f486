import { describe, expect, it } from 'vitest';
import type { PartName } from '../../src/snapshot/types';
import type { FaultAction } from '../../src/emulator';
import { cleanMessy, dataOf, expectErrorsExactlyWhere, failedParts, faultyAccount } from './harness';

const ALL = /^\/api\/v4\//;

describe('faults the client rides out: the report is the fault-free one, nothing lost or counted twice', () => {
  it('a storm of 429s with Retry-After: every 429 is waited out (≥ 1 s each) and the data is complete', async () => {
    const clean = await cleanMessy();
    const { emulator, client, clock, audit } = faultyAccount();
    emulator.faults.once({ path: ALL, fault: { status: 429 }, count: 30 });
    const { snapshot, report } = await audit();
    expect(client.stats.http429).toBe(30);
    expect(emulator.faults.armed).toBe(0);
    expect(clock.sleeps.filter((ms) => ms >= 1000).length).toBeGreaterThanOrEqual(30);
    expect(dataOf(snapshot)).toEqual(dataOf(clean.snapshot));
    expect(report.results).toEqual(clean.report.results);
    expect(snapshot.requests.retries).toBe(30);
  });

  it.each<[string, string | RegExp, FaultAction, number]>([
    ['5xx burst on the contacts list', '/api/v4/contacts', { status: 503 }, 3],
    ['5xx burst on the leads list', '/api/v4/leads', { status: 502 }, 4],
    ['connection resets on users', '/api/v4/users', { reset: true }, 2],
    ['a single 504 on roles', '/api/v4/roles', { status: 504 }, 1],
  ])('%s: retried, same report', async (_name, path, fault, count) => {
    const clean = await cleanMessy();
    const { emulator, client, audit } = faultyAccount();
    emulator.faults.once({ path, fault, count });
    const { snapshot, report } = await audit();
    expect(client.stats.retries).toBe(count);
    expect(dataOf(snapshot)).toEqual(dataOf(clean.snapshot));
    expect(report.results).toEqual(clean.report.results);
  });

  it('a request that hangs is cut at the client timeout and retried', async () => {
    const clean = await cleanMessy();
    const { emulator, client, audit } = faultyAccount({ timeoutMs: 150 });
    emulator.faults.once({ path: '/api/v4/account', fault: { delayMs: 5000 } });
    const started = Date.now();
    const { snapshot, report } = await audit();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(client.stats.retries).toBe(1);
    expect(dataOf(snapshot)).toEqual(dataOf(clean.snapshot));
    expect(report.results).toEqual(clean.report.results);
  });

  it('connection resets over real HTTP (the socket is destroyed) are retried', async () => {
    const clean = await cleanMessy();
    const probe = faultyAccount();
    const server = await probe.emulator.listen(0, '127.0.0.1');
    try {
      const { client, audit } = faultyAccount({
        fetch: (input, init) => fetch(String(input).replace('https://emulator.test', server.url), init),
      });
      probe.emulator.faults.once({ path: '/api/v4/leads/pipelines', fault: { reset: true }, count: 2 });
      const { snapshot, report } = await audit();
      expect(client.stats.retries).toBe(2);
      // Hrefs carry the origin the emulator was reached at; everything else is identical.
      expect(JSON.parse(JSON.stringify(dataOf(snapshot)).replaceAll(server.url, 'https://emulator.test'))).toEqual(
        dataOf(clean.snapshot),
      );
      expect(report.results).toEqual(clean.report.results);
    } finally {
      await server.close();
    }
  });
});

describe('faults that cost one part: `error` exactly on the rules that need it, everything else as without the fault', () => {
  it.each<
    [string, string | RegExp, FaultAction, number, PartName, string, { maxRetries?: number; timeoutMs?: number }?]
  >([
    ['429s beyond the retries', '/api/v4/roles', { status: 429 }, 10, 'roles', 'rate-limit'],
    ['5xx beyond the retries', '/api/v4/leads/pipelines', { status: 504 }, 10, 'pipelines', 'http'],
    ['resets beyond the retries', '/api/v4/website_buttons', { reset: true }, 10, 'websiteButtons', 'network'],
    [
      'a hang on every attempt',
      '/api/v4/widgets',
      { delayMs: 5000 },
      2,
      'widgets',
      'timeout',
      { maxRetries: 1, timeoutMs: 100 },
    ],
    ['a 401 in the middle of the audit', '/api/v4/roles', { status: 401 }, 1, 'roles', 'unauthorized'],
    ['malformed JSON on one part', '/api/v4/leads/pipelines', { malformed: true }, 1, 'pipelines', 'malformed'],
    [
      'a list page missing _embedded',
      '/api/v4/users',
      { status: 200, body: { _page: 1, _links: { self: { href: '/api/v4/users' } } } },
      1,
      'users',
      'malformed',
    ],
    ['a 500 (not retried)', '/api/v4/contacts', { status: 500 }, 1, 'contacts', 'http'],
  ])('%s', async (_name, path, fault, count, part, kind, opts) => {
    const clean = await cleanMessy();
    const { emulator, audit } = faultyAccount(opts);
    emulator.faults.once({ path, fault, count });
    const { snapshot, report } = await audit();
    expect(failedParts(snapshot)).toEqual([part]);
    expect((snapshot.parts[part] as { error: { kind: string } }).error.kind).toBe(kind);
    expectErrorsExactlyWhere(report, clean.report, [part]);
    // The other parts are exactly what a fault-free gathering read.
    for (const [name, value] of Object.entries(snapshot.parts)) {
      if (name !== part && name !== 'companies') expect(value).toEqual(clean.snapshot.parts[name as PartName]);
    }
    // The report says what was missing and why, in the user's language.
    const first = report.results.find((r) => r.outcome === 'error')!;
    expect(first.message).not.toMatch(/^errors\.|^items\./);
  });

  it('a manager token: 403 on users and roles, the audit completes without them', async () => {
    const { snapshot, report } = await faultyAccount({ userId: 'manager' }).audit();
    const failed = failedParts(snapshot);
    expect(failed).toEqual(expect.arrayContaining(['roles', 'users']));
    for (const p of failed)
      expect((snapshot.parts[p] as { error: { kind: string; status: number } }).error).toMatchObject({
        kind: 'forbidden',
        status: 403,
      });
    expectErrorsExactlyWhere(report, null, failed);
    expect(report.results.filter((r) => r.outcome !== 'error').length).toBeGreaterThan(0);
  });
});
