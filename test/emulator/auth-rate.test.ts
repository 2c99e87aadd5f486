import { describe, expect, it } from 'vitest';
import { NOW, call, emu, get } from './helpers';

describe('auth', () => {
  const e = emu('messy');
  it('no credentials or a bad token → 401 problem+json', async () => {
    for (const auth of [null, 'wrong-token', `user-${e.adminId}-1`]) {
      const a = await get(e, '/api/v4/account', auth);
      expect(a.status).toBe(401);
      expect(a.type).toBe('application/problem+json');
      expect(a.body).toMatchObject({ title: 'Unauthorized', type: 'https://httpstatus.es/401', status: 401 });
    }
  });
  it('tokenFor and sessionFor act as that user; current_user_id follows', async () => {
    const m = e.managerId!;
    expect((await get(e, '/api/v4/account', e.tokenFor(m))).body.current_user_id).toBe(m);
    expect((await get(e, '/api/v4/account', { cookie: e.sessionFor(m) })).body.current_user_id).toBe(m);
    expect((await get(e, '/api/v4/account', { cookie: `sess-0-${m}` })).status).toBe(401);
  });
  it('a deactivated user cannot call the API', async () => {
    const gone = e.store.users.find((u) => !u.rights.is_active)!;
    expect((await get(e, '/api/v4/account', e.tokenFor(gone.id))).status).toBe(401);
  });
  it.each([
    ['GET', '/api/v4/users'],
    ['GET', '/api/v4/roles'],
    ['GET', '/api/v4/website_buttons'],
    ['POST', '/api/v4/leads/custom_fields'],
    ['POST', '/api/v4/leads/pipelines'],
    ['PATCH', '/api/v4/roles/101'],
  ])('non-admin %s %s → 403', async (method, path) => {
    const a = await call(e, method, path, {
      auth: e.tokenFor(e.managerId!),
      body: method === 'GET' ? undefined : [{ name: 'x' }],
    });
    expect(a.status).toBe(403);
    expect(a.body.type).toBe('https://httpstatus.es/403');
  });
  it('non-admin still reads account, pipelines, fields, widgets; leads limited by view rights', async () => {
    const tok = e.tokenFor(e.managerId!);
    for (const p of ['/api/v4/account', '/api/v4/leads/pipelines', '/api/v4/leads/custom_fields', '/api/v4/widgets']) {
      expect((await get(e, p, tok)).status).toBe(200);
    }
    const clean = emu('clean');
    const trainee = clean.store.users.find((u) => !u.rights.is_admin)!;
    // Clean roles view leads with A; restrict by a role PATCH to M and check only own leads remain.
    await call(clean, 'PATCH', `/api/v4/roles/${trainee.rights.role_id}`, {
      body: { rights: { leads: { view: 'M' } } },
    });
    const mine = await get(clean, '/api/v4/leads?limit=250', clean.tokenFor(trainee.id));
    const own = clean.store.leads.filter((l) => l.responsible_user_id === trainee.id).length;
    if (own === 0) expect(mine.status).toBe(204);
    else expect(mine.body._embedded.leads.every((l: any) => l.responsible_user_id === trainee.id)).toBe(true);
  });
  it('unmatched routes → 404 problem+json (before auth)', async () => {
    const a = await get(e, '/api/v4/mailboxes', null);
    expect(a.status).toBe(404);
    expect(a.type).toBe('application/problem+json');
  });
});

describe('rate limit', () => {
  it('the 8th request within a second → 429 with Retry-After; the next second passes', async () => {
    let t = NOW;
    const e = emu('fresh', { rate: 7, now: () => t });
    for (let i = 0; i < 7; i++) {
      expect((await get(e, '/api/v4/account')).status).toBe(200);
      t += 10;
    }
    const a = await get(e, '/api/v4/account');
    expect(a.status).toBe(429);
    expect(a.type).toBe('application/problem+json');
    expect(Number(a.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    t = NOW + 1000;
    expect((await get(e, '/api/v4/account')).status).toBe(200);
  });
  it('sliding window: 7 spread over 900 ms still blocks an 8th at 950 ms', async () => {
    let t = NOW;
    const e = emu('fresh', { rate: 7, now: () => t });
    for (let i = 0; i < 7; i++) {
      await get(e, '/api/v4/account');
      t += 150;
    }
    t = NOW + 950;
    expect((await get(e, '/api/v4/account')).status).toBe(429);
  });
  it('repeated 429s → 403 for every call for the block period', async () => {
    let t = NOW;
    const e = emu('fresh', { rate: 2, now: () => t, block: { after: 5, windowMs: 10_000, blockMs: 2_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await get(e, '/api/v4/account')).status);
    expect(statuses).toEqual([200, 200, 429, 429, 429, 429, 429, 403]);
    t += 1500;
    const blocked = await get(e, '/api/v4/account');
    expect(blocked.status).toBe(403);
    // The ban body is undocumented; the reported bans were an nginx HTML page, the harshest form to recognise.
    expect(blocked.type).toBe('text/html');
    expect(blocked.text).toMatch(/<title>403 Forbidden<\/title>/);
    t += 600;
    expect((await get(e, '/api/v4/account')).status).toBe(200);
  });
});
