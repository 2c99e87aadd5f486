import { describe, expect, it } from 'vitest';
import { SEED_NAMES } from '../../src/emulator/index';
import type { LazyContacts, LazyTasks } from '../../src/emulator/seeds/large';
import { LARGE_OPEN_TASKS } from '../../src/emulator/seeds/large';
import { NOW, emu, get } from './helpers';

const PATHS = [
  '/api/v4/account?with=amojo_id,uuid,users_groups',
  '/api/v4/users?limit=250&with=role',
  '/api/v4/contacts?limit=250',
  '/api/v4/leads?limit=250',
  '/api/v4/leads/unsorted?limit=250',
  '/api/v4/events?limit=100',
  '/api/v4/widgets?limit=250',
  '/api/v4/leads/pipelines',
  '/api/v4/contacts/custom_fields?limit=250',
];

describe('seeds are deterministic', () => {
  it.each(SEED_NAMES.filter((s) => s !== 'large'))('%s: same seed and clock → identical JSON', async (seed) => {
    const a = emu(seed);
    const b = emu(seed);
    for (const p of PATHS) expect((await get(a, p)).text).toBe((await get(b, p)).text);
  });
  it('signals move with the clock', async () => {
    const later = emu('messy', { now: () => NOW + 86_400_000 });
    const a = (await get(emu('messy'), '/api/v4/events?limit=1')).body._embedded.events[0].created_at;
    const b = (await get(later, '/api/v4/events?limit=1')).body._embedded.events[0].created_at;
    expect(b - a).toBe(86_400);
  });
});

const WINDOW_FROM = Math.floor(NOW / 1000) - 30 * 86_400;

describe('messy fails most checklist rules', () => {
  const e = emu('messy');
  const s = e.store;
  const active = s.users.filter((u) => u.rights.is_active);
  it('users and roles', () => {
    expect(active).toHaveLength(9);
    expect(active.filter((u) => u.rights.is_admin)).toHaveLength(4);
    expect(active.some((u) => !u.rights.is_admin && u.rights.role_id === null)).toBe(true);
    const role = s.roles.find((r) => r.name === 'Менеджер')!;
    expect(role.rights.leads!.export).toBe('A');
    expect(role.rights.contacts!.delete).toBe('A');
    const gone = s.users.find((u) => !u.rights.is_active)!;
    expect(s.leads.some((l) => l.responsible_user_id === gone.id && l.status_id !== 142 && l.status_id !== 143)).toBe(
      true,
    );
    expect([...Array(s.contacts.length).keys()].some((i) => s.contacts.at(i).responsible_user_id === gone.id)).toBe(
      true,
    );
  });
  it('pipeline and fields', () => {
    const [sales, partners] = s.pipelines;
    expect(sales).toMatchObject({ name: 'Продажи', is_main: true, is_unsorted_on: false });
    expect(partners!.statuses.filter((x) => x.type === 0 && x.id !== 142 && x.id !== 143)).toHaveLength(2);
    const entry = sales!.statuses.filter((x) => x.type === 0).sort((a, b) => a.sort - b.sort)[0]!;
    expect(s.fields.leads.find((f) => f.name === 'Бюджет проекта')!.required_statuses).toEqual([
      { pipeline_id: sales!.id, status_id: entry.id },
    ]);
    const stale = s.fields.leads
      .flatMap((f) => f.required_statuses)
      .filter((r) => !s.pipelines.some((p) => p.id === r.pipeline_id && p.statuses.some((x) => x.id === r.status_id)));
    expect(stale).toHaveLength(1);
    expect(s.fields.contacts.filter((f) => f.name === 'Телефон')).toHaveLength(2);
    expect(s.fields.leads.some((f) => f.type === 'select' && f.enums!.length === 1)).toBe(true);
    expect(
      s.fields.leads.some(
        (f) =>
          ['select', 'multiselect', 'radiobutton'].includes(f.type) && /источник|source|канал|channel/i.test(f.name),
      ),
    ).toBe(false);
    expect(s.account.is_loss_reason_enabled).toBe(false);
  });
  it('contacts: ~200 with duplicate phones/emails and some without channels', () => {
    const all = [...Array(s.contacts.length).keys()].map((i) => s.contacts.at(i));
    expect(all.length).toBeGreaterThan(180);
    expect(all.length).toBeLessThanOrEqual(250);
    const phones = all.flatMap((c) =>
      (c.custom_fields_values ?? [])
        .filter((v) => v.field_code === 'PHONE')
        .flatMap((v) => v.values.map((x) => String(x.value).replace(/\D/g, '').slice(-10))),
    );
    expect(new Set(phones).size).toBeLessThan(phones.length);
    const emails = all.flatMap((c) =>
      (c.custom_fields_values ?? [])
        .filter((v) => v.field_code === 'EMAIL')
        .flatMap((v) => v.values.map((x) => String(x.value).trim().toLowerCase())),
    );
    expect(new Set(emails).size).toBeLessThan(emails.length);
    expect(all.some((c) => c.custom_fields_values === null)).toBe(true);
  });
  it('signals: mail, forms, telegram chats; no calls', () => {
    const recent = s.unsorted.filter((u) => u.created_at >= WINDOW_FROM);
    expect(new Set(recent.map((u) => u.category))).toEqual(new Set(['mail', 'forms', 'chats']));
    expect(s.events.some((e) => e.type === 'incoming_call' || e.type === 'outgoing_call')).toBe(false);
    expect(
      s.widgets
        .filter((w) => w.is_active_in_account)
        .every((w) => !w.settings_template!.some((t) => t.type === 'users')),
    ).toBe(true);
    expect(s.websiteButtons).toHaveLength(1);
  });
});

describe('clean follows the baseline', () => {
  const s = emu('clean').store;
  it('stages, fields, roles, signals', () => {
    const p = s.pipelines[0]!;
    expect(p.statuses.filter((x) => x.type === 0 && x.id !== 142 && x.id !== 143).map((x) => x.name)).toEqual([
      'Заявка',
      'Переговоры',
      'КП',
      'Согласование условий',
      'Договор',
      'Предоплата',
      'Проект',
      'Оплата',
    ]);
    expect(p.statuses.find((x) => x.id === 142)!.name).toBe('Успех');
    expect(s.fields.leads.find((f) => f.name === 'Источник')!.enums).toHaveLength(9);
    expect(s.fields.leads.find((f) => f.name === 'Причина отказа')!.required_statuses).toEqual([
      { pipeline_id: p.id, status_id: 143 },
    ]);
    const active = s.users.filter((u) => u.rights.is_active);
    expect(active).toHaveLength(8);
    expect(active.filter((u) => u.rights.is_admin)).toHaveLength(2);
    expect(active.filter((u) => !u.rights.is_admin).every((u) => u.rights.role_id !== null)).toBe(true);
    expect(s.roles.every((r) => r.rights.leads!.export === 'D' && r.rights.mail_access)).toBe(true);
    const recent = s.unsorted.filter((u) => u.created_at >= WINDOW_FROM);
    expect(new Set(recent.map((u) => u.category))).toEqual(new Set(['mail', 'forms', 'sip', 'chats']));
    expect(s.widgets.some((w) => w.is_active_in_account && w.settings_template!.some((t) => t.type === 'users'))).toBe(
      true,
    );
  });
  it('contacts have unique phones and emails, owned by active users', () => {
    const all = [...Array(s.contacts.length).keys()].map((i) => s.contacts.at(i));
    expect(all).toHaveLength(150);
    const phones = all.map((c) => String(c.custom_fields_values![0]!.values[0]!.value).replace(/\D/g, '').slice(-10));
    expect(new Set(phones).size).toBe(150);
    const activeIds = new Set(s.users.filter((u) => u.rights.is_active).map((u) => u.id));
    expect(all.every((c) => activeIds.has(c.responsible_user_id))).toBe(true);
  });
});

describe('large seed', () => {
  it('sizes and lazy contacts: page 400 works without generating the rest', async () => {
    const e = emu('large');
    const s = e.store;
    expect(s.pipelines).toHaveLength(50);
    expect(s.pipelines.every((p) => p.statuses.length === 20)).toBe(true);
    expect(s.fields.contacts).toHaveLength(500);
    expect(s.users).toHaveLength(300);
    expect(s.roles).toHaveLength(40);
    expect(s.widgets).toHaveLength(1200);
    const lazy = s.contacts as LazyContacts;
    expect(lazy.length).toBe(100_000);
    const before = lazy.generated;
    const a = await get(e, '/api/v4/contacts?limit=250&page=400');
    expect(a.status).toBe(200);
    expect(a.body._embedded.contacts).toHaveLength(250);
    expect(a.body._embedded.contacts[249].id).toBe(20_000_001 + 99_999);
    expect(a.body._links.next).toBeUndefined();
    expect(lazy.generated - before).toBe(250);
    expect((await get(e, '/api/v4/contacts?limit=250&page=401')).status).toBe(204);
    // Same contact computed twice is identical.
    expect(JSON.stringify(lazy.at(12_345))).toBe(JSON.stringify(lazy.at(12_345)));
  });
  it('800 open tasks computed on demand: four pages of 250, the last one short; leads carry their due dates', async () => {
    const e = emu('large');
    const lazy = e.store.tasks as LazyTasks;
    expect(lazy.length).toBe(LARGE_OPEN_TASKS);
    expect(lazy.generated).toBe(0);
    const pages: number[] = [];
    for (let page = 1; ; page++) {
      const a = await get(e, `/api/v4/tasks?filter[is_completed]=0&limit=250&page=${page}`);
      if (a.status === 204) break;
      pages.push(a.body._embedded.tasks.length);
      expect(Boolean(a.body._links.next)).toBe(page < 4);
    }
    expect(pages).toEqual([250, 250, 250, 50]);
    expect(lazy.generated).toBeGreaterThan(0);
    const t = lazy.at(7);
    expect(JSON.stringify(t)).toBe(JSON.stringify(lazy.at(7)));
    const lead = e.store.leads.find((l) => l.id === t.entity_id)!;
    expect(lead.closest_task_at).toBe(t.complete_till);
    expect(e.store.leads.filter((l) => l.closest_task_at !== null)).toHaveLength(LARGE_OPEN_TASKS);
  });
  it('has duplicate phones among lazily generated contacts', () => {
    const s = emu('large').store;
    const key = (i: number) =>
      String(s.contacts.at(i).custom_fields_values?.[0]?.values[0]?.value ?? '')
        .replace(/\D/g, '')
        .slice(-10);
    expect(key(996)).toBe(key(995));
    expect(key(996)).not.toBe('');
    expect(key(10)).not.toBe(key(11));
  });
});
