/**
 * One origin for the token (issue 12 items 2, 7, minor http): a `next` link, a redirect or a path that
 * points anywhere but the account's own /api/v4/ ends that part with a clear error, and a second server
 * standing by as "the attacker" counts the requests that reached it: none.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient, OffOriginError, RedirectError, Throttle } from '../../src/api';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { dictionaryFor } from '../../src/cli/dict';
import { createEmulator } from '../../src/emulator';
import { auditAccount } from '../../src/runner/audit';
import { FIXED_NOW } from '../support/emulated';
import { failedParts } from './harness';

/** A server that counts every request and what it carried; it answers like a friendly amoCRM would. */
async function attacker() {
  const hits: { url: string; authorization: string | undefined }[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    hits.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/hal+json' });
    res.end(JSON.stringify({ _links: {}, _embedded: { contacts: [{ id: 999_999, name: 'planted' }] } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, hits, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** The messy account served over real HTTP, and a client on it (no throttle waits). */
async function account() {
  const emulator = createEmulator({ seed: 'messy', now: () => FIXED_NOW, rate: 1_000_000, quiet: true });
  const server = await emulator.listen(0, '127.0.0.1');
  closers.push(() => server.close());
  const evil = await attacker();
  closers.push(evil.close);
  const client = new ApiClient({
    baseUrl: server.url,
    token: 'dev-token',
    throttle: new Throttle({ limit: 1000 }),
    sleep: async () => undefined,
  });
  const audit = () =>
    auditAccount({
      client,
      baseline: defaultBaseline(),
      lang: 'en',
      dict: dictionaryFor('en'),
      now: () => new Date(FIXED_NOW),
    });
  return { emulator, server, evil, client, audit };
}

function page(next: string) {
  return {
    _page: 1,
    _links: { self: { href: '/api/v4/contacts' }, next: { href: next } },
    _embedded: { contacts: [] },
  };
}

describe('a next link off the account ends the part; the other host gets nothing', () => {
  it.each([
    ['an absolute href on another host', (evil: string) => `${evil}/api/v4/contacts?page=2`],
    ['a scheme-relative href', (evil: string) => `//${evil.slice('http://'.length)}/api/v4/contacts?page=2`],
    ['an href with no host to drop (x:.attacker…)', () => 'x:.attacker.example/steal'],
    ['a relative href outside the API', () => '/oauth2/access_token?page=2'],
    ['a dot-segment climb out of /api/v4/', () => '/api/v4/../../steal?page=2'],
  ])('%s', async (_name, next) => {
    const { emulator, evil, audit } = await account();
    emulator.faults.once({
      path: '/api/v4/contacts',
      fault: { status: 200, body: { ...page(next(evil.url)), _embedded: { contacts: [{ id: 1, name: 'a' }] } } },
    });
    const { snapshot } = await audit();
    expect(failedParts(snapshot)).toEqual(['contacts']);
    const failure = (snapshot.parts.contacts as { error: { kind: string; message: string } }).error;
    expect(failure.kind).toBe('off-origin');
    expect(failure.message).toMatch(/only the account's own \/api\/v4\/ is allowed/);
    expect(evil.hits).toEqual([]);
  });
});

describe('redirects are never followed', () => {
  it.each([
    [302, 'to another host', (evil: string) => `${evil}/api/v4/account`],
    [301, 'permanently', (evil: string) => `${evil}/api/v4/account`],
    [307, 'keeping the method', (evil: string) => `${evil}/api/v4/account`],
    [302, 'even to the same origin', () => '/api/v4/account?again=1'],
  ])('%i %s: the part fails naming the location, nothing follows it', async (status, _name, location) => {
    const { emulator, server, evil, audit } = await account();
    emulator.faults.once({
      path: '/api/v4/account',
      fault: { status, body: '', headers: { location: location(evil.url) } },
    });
    const { snapshot } = await audit();
    expect(failedParts(snapshot)).toEqual(['account']);
    const failure = (snapshot.parts.account as { error: { kind: string; message: string } }).error;
    expect(failure.kind).toBe('redirect');
    const target = location(evil.url).startsWith('/') ? server.url : evil.url;
    expect(failure.message).toContain(`redirect to ${target} not followed`);
    expect(evil.hits).toEqual([]);
  });

  it('a browser-style opaque redirect (status 0, location hidden) is an error too', async () => {
    const opaque = Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    Object.defineProperty(opaque, 'status', { value: 0 });
    const client = new ApiClient({ baseUrl: 'https://acme.amocrm.ru', token: 't', fetch: async () => opaque });
    const err = await client.get('/api/v4/account').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedirectError);
    expect((err as RedirectError).locationOrigin).toBeNull();
  });
});

describe('every request URL is the base URL plus a path under /api/v4/', () => {
  it.each([
    '.attacker.example/steal',
    'api/v4/leads',
    '//attacker.example/api/v4/leads',
    '/api/v4\\..\\..\\steal',
    '/api/v4/leads/../../../steal',
    '/api/v4/%2e%2e/steal',
    '/apiv4/leads',
    '/api/v4/leads\n/x',
  ])('%j is refused before anything is sent', async (path) => {
    const sent: string[] = [];
    const client = new ApiClient({
      baseUrl: 'https://acme.amocrm.ru',
      token: 't',
      fetch: async (input) => {
        sent.push(String(input));
        return new Response(null, { status: 204 });
      },
    });
    for (const call of [() => client.delete(path), () => client.get(path), () => client.patch(path, {})]) {
      await expect(call()).rejects.toBeInstanceOf(OffOriginError);
    }
    expect(sent).toEqual([]);
  });

  it.each([
    ['http://acme.amocrm.ru', /plain http:\/\/ would send the token unencrypted to acme.amocrm.ru/],
    ['http://10.0.0.5:8080', /unencrypted/],
    ['ftp://acme.amocrm.ru', /must be https/],
    ['https://user:pw@acme.amocrm.ru', /must not carry credentials/],
    ['https://acme.amocrm.ru/evil', /without a path/],
    ['not a url', /not a URL/],
  ])('base URL %s is refused', (baseUrl, message) => {
    expect(() => new ApiClient({ baseUrl, token: 't' })).toThrow(message);
  });

  it.each([
    'http://127.0.0.1:8080',
    'http://localhost:3000',
    'http://emulator.localhost',
    'http://[::1]:9',
    'https://acme.amocrm.ru',
    '',
  ])('base URL %j is accepted (https, or http on loopback only)', (baseUrl) => {
    expect(() => new ApiClient({ baseUrl, token: 't' })).not.toThrow();
  });
});
