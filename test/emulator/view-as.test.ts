import { afterEach, describe, expect, it } from 'vitest';
import { createHostServer } from '../../src/emulator/host/server';
import { viewAs } from '../../src/emulator/host/view-as';
import { emu } from './helpers';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const viewOf = (seed: 'fresh' | 'messy', raw: string | undefined) => {
  const e = emu(seed);
  const v = viewAs(e.store.users, { admin: e.adminId, manager: e.managerId }, seed, raw);
  return { admin: v.user.id === e.adminId, manager: v.user.id === e.managerId, notice: v.notice };
};

describe('whom the local CRM page shows for ?user=', () => {
  it.each([
    { seed: 'messy', raw: undefined, admin: true, notice: null },
    { seed: 'messy', raw: 'admin', admin: true, notice: null },
    { seed: 'messy', raw: 'manager', admin: false, notice: null },
    { seed: 'fresh', raw: 'admin', admin: true, notice: null },
    {
      seed: 'fresh',
      raw: 'manager',
      admin: true,
      notice: 'Seed fresh has no manager (an active non-admin user): showing the admin.',
    },
    { seed: 'fresh', raw: '999', admin: true, notice: 'Seed fresh has no user "999": showing the admin.' },
    { seed: 'fresh', raw: 'boss', admin: true, notice: 'Seed fresh has no user "boss": showing the admin.' },
  ] as const)('$seed, user=$raw → admin $admin, notice $notice', ({ seed, raw, admin, notice }) => {
    const v = viewOf(seed, raw);
    expect(v.admin).toBe(admin);
    expect(v.notice).toBe(notice);
    if (raw === 'manager' && notice === null) expect(v.manager).toBe(true);
  });

  it('a deactivated user is viewed as asked, and the notice says the account refuses them', () => {
    const e = emu('messy');
    const gone = e.store.users.find((u) => !u.rights.is_active);
    expect(gone, 'messy keeps a deactivated user').toBeDefined();
    const v = viewAs(e.store.users, { admin: e.adminId, manager: e.managerId }, 'messy', String(gone!.id));
    expect(v.user.id).toBe(gone!.id);
    expect(v.notice).toBe(`${gone!.name} is deactivated: the account refuses their requests (401).`);
  });

  it('the page on fresh with ?user=manager says, on its bar, that it shows the admin, and logs in as the admin', async () => {
    const host = createHostServer({ root: process.cwd(), seed: 'fresh', port: 0 });
    const url = await host.listen();
    closers.push(() => host.close());
    const res = await fetch(`${url}?user=manager`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain(
      '<p class="host-bar__notice" role="status">Seed fresh has no manager (an active non-admin user): showing the admin.</p>',
    );
    expect(res.headers.getSetCookie()).toContain(`host_user=${host.emulator.adminId}; Path=/; SameSite=Lax`);
    const plain = await (await fetch(`${url}?user=admin`)).text();
    expect(plain).not.toContain('host-bar__notice');
  });

  it('a name in the notice renders as text, not markup', async () => {
    const host = createHostServer({ root: process.cwd(), seed: 'fresh', port: 0 });
    const url = await host.listen();
    closers.push(() => host.close());
    const html = await (await fetch(`${url}?user=${encodeURIComponent('<img src=x>')}`)).text();
    expect(html).toContain('has no user &quot;&lt;img src=x&gt;&quot;');
    expect(html).not.toContain('<img src=x>');
  });
});
