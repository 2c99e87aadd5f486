import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emu } from './helpers';

describe('node:http adapter', () => {
  const e = emu('messy', { testRoutes: true });
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    server = await e.listen(0);
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the API with absolute links on the real origin', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${server.url}/api/v4/contacts?limit=10`, { headers: { authorization: 'Bearer dev-token' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/hal+json');
    const body = await r.json();
    expect(body._links.next.href).toBe(`${server.url}/api/v4/contacts?page=2&limit=10`);
  });
  it('accepts JSON bodies, 204 with empty body, 401 without auth', async () => {
    const post = await fetch(`${server.url}/api/v4/roles`, {
      method: 'POST',
      headers: { authorization: 'Bearer dev-token', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Через HTTP' }),
    });
    expect(post.status).toBe(201);
    const none = await fetch(`${server.url}/api/v4/leads/unsorted?filter[category][]=sip`, {
      headers: { authorization: 'Bearer dev-token' },
    });
    expect(none.status).toBe(204);
    expect(await none.text()).toBe('');
    expect((await fetch(`${server.url}/api/v4/account`)).status).toBe(401);
  });
  it('reset faults destroy the socket; faults can be set over HTTP', async () => {
    const set = await fetch(`${server.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ once: { path: '/api/v4/account', fault: { reset: true } } }),
    });
    expect(set.status).toBe(200);
    await expect(
      fetch(`${server.url}/api/v4/account`, { headers: { authorization: 'Bearer dev-token' } }),
    ).rejects.toBeInstanceOf(TypeError);
    expect(
      (await fetch(`${server.url}/api/v4/account`, { headers: { authorization: 'Bearer dev-token' } })).status,
    ).toBe(200);
  });
});
