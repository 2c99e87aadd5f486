/**
 * Issue 12 item 10: the emulator (and the local CRM page around it) answers hostile HTTP with a 4xx and
 * lives on — TRACE, a Host with a space, an unclosed IPv6 Host, bodies past the cap (413, also on
 * /__host/settings), and HTTP the parser refuses. Raw sockets, since fetch would refuse to send these.
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator';
import { createHostServer } from '../../src/emulator/host/server';
import { MAX_REQUEST_BODY_BYTES } from '../../src/emulator/node-request';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** Sends raw bytes and returns the status line's code (0 when the socket closed without an answer). */
function raw(url: string, request: string | Buffer, extra?: Buffer): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.on('data', (d) => {
      answer += d.toString('latin1');
    });
    const done = () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0));
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.setTimeout(5000, () => socket.destroy());
    socket.write(request);
    if (extra) socket.write(extra, () => undefined);
    socket.on('data', () => {
      if (/\r\n\r\n/.test(answer)) socket.end();
    });
  });
}

async function servers() {
  const emulator = createEmulator({ seed: 'fresh', quiet: true, rate: 1_000_000 });
  const api = await emulator.listen(0, '127.0.0.1');
  closers.push(() => api.close());
  const host = createHostServer({ root: process.cwd(), seed: 'fresh', port: 0 });
  const page = await host.listen();
  closers.push(() => host.close());
  return { api: api.url, page: new URL(page).origin };
}

const alive = async (origin: string) =>
  (await fetch(`${origin}/api/v4/account`, { headers: { authorization: 'Bearer dev-token' } })).status;

describe.each(['api', 'page'] as const)('hostile requests to the %s server: a 4xx, and the server lives', (which) => {
  it.each([
    ['TRACE', 'TRACE /api/v4/account HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    ['TRACK', 'TRACK /api/v4/account HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    ['Host: a b', 'GET /api/v4/account HTTP/1.1\r\nHost: a b\r\n\r\n'],
    ['Host: [::1', 'GET /api/v4/account HTTP/1.1\r\nHost: [::1\r\n\r\n'],
    ['Host: evil/x', 'GET /api/v4/account HTTP/1.1\r\nHost: evil/x\r\n\r\n'],
    ['an absolute-form target', 'GET http://evil.example/api/v4/account HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    ['a header the parser refuses', 'GET /api/v4/account HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n'],
  ])('%s → 400', async (_name, request) => {
    const s = await servers();
    expect(await raw(s[which], request)).toBe(400);
    expect(await alive(s[which])).toBe(200);
  });

  it('a body past the cap → 413, not held in memory; the server answers the next request', async () => {
    const s = await servers();
    const size = MAX_REQUEST_BODY_BYTES + 1024 * 1024;
    const head =
      `POST /api/v4/leads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer dev-token\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`;
    expect(await raw(s[which], head, Buffer.alloc(size, 0x20))).toBe(413);
    expect(await alive(s[which])).toBe(200);
  });

  it('a chunked body past the cap (no Content-Length) → 413 as well', async () => {
    const s = await servers();
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const parts: Buffer[] = [];
    for (let sent = 0; sent <= MAX_REQUEST_BODY_BYTES; sent += chunk.length)
      parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
    const head =
      'PATCH /api/v4/leads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer dev-token\r\n' +
      'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    expect(await raw(s[which], head, Buffer.concat(parts))).toBe(413);
    expect(await alive(s[which])).toBe(200);
  });
});

describe('the local CRM page', () => {
  it('/__host/settings refuses a body past the cap with 413 and keeps the saved settings', async () => {
    const s = await servers();
    const ok = await fetch(`${s.page}/__host/settings`, {
      method: 'POST',
      body: JSON.stringify({ baseline: '{"a":1}' }),
    });
    expect(ok.status).toBe(204);
    const big = JSON.stringify({ baseline: 'x'.repeat(MAX_REQUEST_BODY_BYTES + 10) });
    const refused = await fetch(`${s.page}/__host/settings`, { method: 'POST', body: big }).then(
      (r) => r.status,
      () => 0,
    );
    expect(refused).toBe(413);
    const context = (await (await fetch(`${s.page}/__host/context`)).json()) as { settings: { baseline: string } };
    expect(context.settings.baseline).toBe('{"a":1}');
  });
});

describe('in-process', () => {
  it('a body past the cap → 413 problem+json', async () => {
    const emulator = createEmulator({ seed: 'fresh', quiet: true, rate: 1_000_000 });
    const r = await emulator.fetch('https://emu.test/api/v4/roles', {
      method: 'POST',
      headers: { authorization: 'Bearer dev-token', 'content-type': 'application/json' },
      body: `[${' '.repeat(MAX_REQUEST_BODY_BYTES)}]`,
    });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { title: string }).title).toBe('Payload Too Large');
  });
});
