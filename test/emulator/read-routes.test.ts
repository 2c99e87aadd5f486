import { describe, expect, it } from 'vitest';
import { BASE, emu, get } from './helpers';
import { addUsageData } from './usage-data';

const messy = emu('messy');
const fresh = emu('fresh');
const large = emu('large');

describe('list envelopes: meta keys per endpoint and hal+json', () => {
  it.each([
    ['/api/v4/users', 'users', ['_total_items', '_page', '_page_count']],
    ['/api/v4/roles', 'roles', ['_total_items', '_page', '_page_count']],
    ['/api/v4/contacts/custom_fields', 'custom_fields', ['_total_items', '_page', '_page_count']],
    ['/api/v4/leads', 'leads', ['_page']],
    ['/api/v4/contacts', 'contacts', ['_page']],
    ['/api/v4/companies', 'companies', ['_page']],
    ['/api/v4/widgets', 'widgets', ['_page']],
    ['/api/v4/events', 'events', ['_page']],
    ['/api/v4/leads/pipelines', 'pipelines', ['_total_items']],
    ['/api/v4/leads/custom_fields/groups', 'custom_field_groups', ['_total_items']],
  ])('%s', async (path, key, meta) => {
    const a = await get(messy, path);
    expect(a.status).toBe(200);
    expect(a.type).toBe('application/hal+json');
    const metaKeys = Object.keys(a.body).filter((k) => k.startsWith('_') && k !== '_links' && k !== '_embedded');
    expect(metaKeys.sort()).toEqual([...meta].sort());
    expect(a.body._links.self.href).toMatch(/^http:\/\/emu\.test\/api\/v4\//);
    expect(a.body._embedded[key].length).toBeGreaterThan(0);
    for (const item of a.body._embedded[key]) expect(item._links.self.href).toMatch(/^http:\/\/emu\.test\//);
  });
});

describe('empty lists answer 204 with no body', () => {
  it.each([
    '/api/v4/contacts',
    '/api/v4/companies',
    '/api/v4/leads',
    '/api/v4/roles',
    '/api/v4/events',
    '/api/v4/leads/unsorted',
    '/api/v4/website_buttons',
    '/api/v4/leads/notes',
    '/api/v4/sources',
  ])('fresh %s', async (path) => {
    const a = await get(fresh, path);
    expect(a.status).toBe(204);
    expect(a.text).toBe('');
  });
  it('a page past the end is 204 too', async () => {
    expect((await get(messy, '/api/v4/users?page=5')).status).toBe(204);
  });
});

describe('paging', () => {
  it('defaults to 50 with a next link carrying page and limit', async () => {
    const a = await get(messy, '/api/v4/contacts');
    expect(a.body._embedded.contacts).toHaveLength(50);
    expect(a.body._page).toBe(1);
    expect(a.body._links.next.href).toContain('page=2');
    expect(a.body._links.next.href).toContain('limit=50');
    expect(a.body._links.self.href).toContain('limit=50');
  });
  it('no next link on the last page', async () => {
    const a = await get(messy, '/api/v4/contacts?limit=250');
    expect(a.body._embedded.contacts.length).toBeGreaterThan(150);
    expect(a.body._links.next).toBeUndefined();
  });
  it('full meta counts pages', async () => {
    const a = await get(large, '/api/v4/users?limit=250&page=2');
    expect(a.body).toMatchObject({ _total_items: 300, _page: 2, _page_count: 2 });
    expect(a.body._embedded.users).toHaveLength(50);
    expect(a.body._links.prev.href).toContain('page=1');
  });
  it.each([
    ['/api/v4/contacts?limit=251', 422],
    ['/api/v4/events?limit=101', 422],
    ['/api/v4/contacts?page=0', 400],
    ['/api/v4/users?limit=abc', 400],
  ])('%s → %i problem+json', async (path, status) => {
    const a = await get(large, path);
    expect(a.status).toBe(status);
    expect(a.type).toBe('application/problem+json');
    expect(a.body).toMatchObject({ status, type: `https://httpstatus.es/${status}` });
  });
  it('events accept 100 and keep filters in next hrefs', async () => {
    const a = await get(large, '/api/v4/events?limit=100&filter[type][]=incoming_call&filter[type][]=outgoing_call');
    expect(a.body._embedded.events).toHaveLength(100);
    expect(a.body._embedded.events.every((e: any) => ['incoming_call', 'outgoing_call'].includes(e.type))).toBe(true);
    expect(a.body._links.next.href).toContain('filter[type][]=incoming_call');
  });
});

describe('account', () => {
  it('base fields, current_user_id and with= extras', async () => {
    const a = await get(messy, '/api/v4/account?with=amojo_id,uuid,version,users_groups,task_types,datetime_settings');
    expect(a.body).toMatchObject({
      name: 'ТехноСтрой',
      country: 'RU',
      is_unsorted_on: true,
      is_loss_reason_enabled: false,
      current_user_id: messy.adminId,
      version: 16,
    });
    expect(typeof a.body.amojo_id).toBe('string');
    expect(a.body._embedded.users_groups[0]).toEqual({ id: 0, name: 'Отдел продаж', uuid: null });
    expect(a.body._embedded.task_types[0].code).toBe('FOLLOW_UP');
    expect(a.body._embedded.datetime_settings.date_format).toBe('d.m.Y');
  });
  it('without with= has no extras', async () => {
    const a = await get(messy, '/api/v4/account');
    expect(a.body.amojo_id).toBeUndefined();
    expect(a.body._embedded).toBeUndefined();
  });
});

describe('users and roles', () => {
  it('user shape with role and group', async () => {
    const a = await get(messy, `/api/v4/users/${messy.managerId}?with=role,group`);
    expect(a.body.rights).toMatchObject({
      is_admin: false,
      is_active: true,
      role_id: expect.any(Number),
      leads: { export: 'A' },
    });
    expect(a.body._embedded.roles[0].name).toBe('Менеджер');
    expect(a.body._embedded.groups[0]).toEqual({ id: 0, name: 'Отдел продаж' });
    expect((await get(messy, '/api/v4/users/1')).status).toBe(404);
  });
  it('role by id with users', async () => {
    const roles = (await get(messy, '/api/v4/roles')).body._embedded.roles;
    const a = await get(messy, `/api/v4/roles/${roles[0].id}?with=users`);
    expect(a.body.rights.contacts.delete).toBe('A');
    expect(a.body.rights.is_admin).toBeUndefined();
    expect(a.body._embedded.users.length).toBeGreaterThan(0);
    expect(Object.keys(a.body._embedded.users[0])).toEqual(['id']);
  });
});

describe('custom fields and groups', () => {
  it('filter[type][] and required_statuses [] when none', async () => {
    const a = await get(messy, '/api/v4/contacts/custom_fields?filter[type][]=multitext');
    expect(a.body._embedded.custom_fields.map((f: any) => f.code).sort()).toEqual(['EMAIL', 'PHONE']);
    const phone = a.body._embedded.custom_fields.find((f: any) => f.code === 'PHONE');
    expect(phone).toMatchObject({
      is_predefined: true,
      is_deletable: false,
      required_statuses: [],
      entity_type: 'contacts',
    });
    expect(phone.enums.map((e: any) => e.code)).toEqual(['WORK', 'WORKDD', 'MOB', 'FAX', 'HOME', 'OTHER']);
  });
  it('field by id and 404', async () => {
    const list = (await get(fresh, '/api/v4/leads/custom_fields')).body._embedded.custom_fields;
    expect(list.every((f: any) => f.type === 'tracking_data' && f.group_id === 'statistic')).toBe(true);
    expect((await get(fresh, `/api/v4/leads/custom_fields/${list[0].id}`)).body.code).toBe('UTM_SOURCE');
    expect((await get(fresh, '/api/v4/leads/custom_fields/1')).status).toBe(404);
  });
  it('groups and group by id', async () => {
    const a = await get(fresh, '/api/v4/leads/custom_fields/groups');
    expect(a.body._embedded.custom_field_groups.map((g: any) => g.id)).toEqual(['default', 'statistic']);
    expect((await get(fresh, '/api/v4/leads/custom_fields/groups/statistic')).body).toMatchObject({
      type: 'linked_group',
      is_predefined: true,
    });
  });
});

describe('pipelines and statuses', () => {
  it('system statuses: 142/143 everywhere, unsorted iff is_unsorted_on', async () => {
    const ps = (await get(messy, '/api/v4/leads/pipelines')).body._embedded.pipelines;
    for (const p of ps) {
      const won = p._embedded.statuses.find((s: any) => s.id === 142);
      const lost = p._embedded.statuses.find((s: any) => s.id === 143);
      expect(won).toMatchObject({ type: 0, is_editable: false, sort: 10000, pipeline_id: p.id });
      expect(lost).toMatchObject({ type: 0, is_editable: false, sort: 11000 });
      const uns = p._embedded.statuses.filter((s: any) => s.type === 1);
      expect(uns.length).toBe(p.is_unsorted_on ? 1 : 0);
      if (p.is_unsorted_on) expect(uns[0].sort).toBe(10);
    }
    expect(ps.map((p: any) => p.is_unsorted_on)).toEqual([false, true]);
  });
  it('fresh default pipeline', async () => {
    const p = (await get(fresh, '/api/v4/leads/pipelines')).body._embedded.pipelines[0];
    expect(p).toMatchObject({ name: 'Воронка', is_main: true, is_unsorted_on: true });
    expect(p._embedded.statuses.map((s: any) => s.name)).toEqual([
      'Неразобранное',
      'Первичный контакт',
      'Переговоры',
      'Принимают решение',
      'Согласование договора',
      'Успешно реализовано',
      'Закрыто и не реализовано',
    ]);
  });
  it('statuses list/by id and 404 for hidden unsorted', async () => {
    const p = (await get(messy, '/api/v4/leads/pipelines')).body._embedded.pipelines[0];
    const st = await get(messy, `/api/v4/leads/pipelines/${p.id}/statuses`);
    expect(Object.keys(st.body).sort()).toEqual(['_embedded', '_links', '_total_items']);
    expect((await get(messy, `/api/v4/leads/pipelines/${p.id}/statuses/142`)).body.id).toBe(142);
    const unsortedId = messy.store.pipelines[0]!.statuses.find((s) => s.type === 1)!.id;
    expect((await get(messy, `/api/v4/leads/pipelines/${p.id}/statuses/${unsortedId}`)).status).toBe(404);
    expect((await get(messy, '/api/v4/leads/pipelines/1')).status).toBe(404);
  });
});

describe('signals', () => {
  it('widgets paged with _page and links; by code', async () => {
    const a = await get(messy, '/api/v4/widgets?limit=250');
    expect(a.body._embedded.widgets).toHaveLength(120);
    expect(a.body._embedded.widgets.filter((w: any) => w.is_active_in_account).map((w: any) => w.code)).toEqual([
      'amo_dropbox',
    ]);
    expect((await get(messy, '/api/v4/widgets/amo_dropbox')).body.code).toBe('amo_dropbox');
    expect((await get(messy, '/api/v4/widgets/nope')).status).toBe(404);
  });
  it('unsorted filters and order', async () => {
    const a = await get(messy, '/api/v4/leads/unsorted?filter[category][]=chats&order[created_at]=desc');
    const items = a.body._embedded.unsorted;
    expect(items.length).toBe(5);
    expect(items.every((u: any) => u.category === 'chats' && u.metadata.service === 'telegram')).toBe(true);
    const times = items.map((u: any) => u.created_at);
    expect(times).toEqual([...times].sort((x: number, y: number) => y - x));
    expect((await get(messy, '/api/v4/leads/unsorted?filter[category][]=sip')).status).toBe(204);
  });
  it('unsorted summary', async () => {
    const from = Math.floor(Date.UTC(2025, 4, 16) / 1000);
    const a = await get(
      messy,
      `/api/v4/leads/unsorted/summary?filter[created_at][from]=${from}&filter[created_at][to]=${Math.floor(Date.UTC(2025, 5, 16) / 1000)}`,
    );
    expect(a.body).toMatchObject({
      total: 12,
      accepted: 1,
      declined: 0,
      categories: { sip: { total: 0 }, mail: { total: 3 }, forms: { total: 4 }, chats: { total: 5 } },
    });
    expect(a.body.average_sort_time).toBeGreaterThan(0);
  });
  it('events filtered by type, entity and created_at', async () => {
    const from = Math.floor(Date.UTC(2025, 4, 16) / 1000);
    const a = await get(messy, `/api/v4/events?filter[type][]=incoming_chat_message&filter[created_at][from]=${from}`);
    expect(a.body._embedded.events.length).toBe(7);
    expect(a.body._embedded.events[0]._embedded.entity.id).toBe(a.body._embedded.events[0].entity_id);
    expect((await get(messy, '/api/v4/events?filter[type][]=incoming_call')).status).toBe(204);
    const byContact = await get(messy, '/api/v4/events?filter[type][]=incoming_chat_message&filter[entity][]=contact');
    expect(byContact.body._embedded.events.length).toBe(7);
  });
  it('notes filtered by type and entity_id', async () => {
    const clean = emu('clean');
    const a = await get(
      clean,
      '/api/v4/leads/notes?filter[note_type][]=call_in&filter[note_type][]=call_out&limit=250',
    );
    expect(a.body._embedded.notes.length).toBe(12);
    expect(a.body._embedded.notes.every((n: any) => n.params.source === 'mango_office')).toBe(true);
    const one = a.body._embedded.notes[0];
    const b = await get(
      clean,
      `/api/v4/leads/notes?filter[entity_id][]=${one.entity_id}&filter[note_type]=${one.note_type}`,
    );
    expect(b.body._embedded.notes.every((n: any) => n.entity_id === one.entity_id)).toBe(true);
  });
  it('website buttons (script only with=scripts) and sources 204', async () => {
    const a = await get(messy, '/api/v4/website_buttons');
    expect(a.body._embedded.website_buttons[0].script).toBeUndefined();
    expect(
      (await get(messy, '/api/v4/website_buttons?with=scripts')).body._embedded.website_buttons[0].script,
    ).toContain('script');
    expect((await get(messy, '/api/v4/sources')).status).toBe(204);
  });
});

describe('leads, contacts, companies', () => {
  it('leads by status pair and responsible (an account with Alpha filtering)', async () => {
    const filtering = emu('messy');
    filtering.store.account.is_api_filter_enabled = true;
    const p = filtering.store.pipelines[0]!;
    const a = await get(
      filtering,
      `/api/v4/leads?filter[statuses][0][pipeline_id]=${p.id}&filter[statuses][0][status_id]=142&with=contacts&limit=250`,
    );
    expect(a.body._embedded.leads.length).toBeGreaterThan(0);
    expect(
      a.body._embedded.leads.every((l: any) => l.status_id === 142 && l.pipeline_id === p.id && l.closed_at !== null),
    ).toBe(true);
    expect(a.body._embedded.leads[0]._embedded.contacts[0].is_main).toBe(true);
    const uid = filtering.store.users.find((u) => !u.rights.is_active)!.id;
    const b = await get(filtering, `/api/v4/leads?filter[responsible_user_id][]=${uid}`);
    expect(b.body._embedded.leads.every((l: any) => l.responsible_user_id === uid)).toBe(true);
  });
  it('contacts query by phone digits finds differently formatted duplicates', async () => {
    const withPhone = messy.store.contacts;
    let digits = '';
    for (let i = 0; i < withPhone.length; i++) {
      const v = withPhone.at(i).custom_fields_values?.find((x) => x.field_code === 'PHONE');
      if (v) {
        digits = String(v.values[0]!.value).replace(/\D/g, '').slice(-10);
        break;
      }
    }
    const a = await get(messy, `/api/v4/contacts?query=${digits}`);
    expect(a.body._embedded.contacts.length).toBeGreaterThanOrEqual(1);
  });
  it('companies list', async () => {
    const a = await get(messy, '/api/v4/companies?limit=250');
    expect(a.body._embedded.companies.length).toBe(24);
    expect(a.body._embedded.companies[0]._links.self.href).toBe(
      `${BASE}/api/v4/companies/${a.body._embedded.companies[0].id}`,
    );
  });
});

describe('usage reads: tasks, loss reasons, webhooks, leads with=', () => {
  const e = emu('messy');
  const d = addUsageData(e);

  it('tasks: `_page` only, absolute links, the documented item keys, 204 on an account without tasks', async () => {
    const a = await get(e, '/api/v4/tasks?limit=250');
    expect(a.status).toBe(200);
    expect(Object.keys(a.body).sort()).toEqual(['_embedded', '_links', '_page']);
    const open = a.body._embedded.tasks.find((t: any) => t.id === d.open.id);
    expect(Object.keys(open).sort()).toEqual(
      [
        'id',
        'created_by',
        'updated_by',
        'created_at',
        'updated_at',
        'responsible_user_id',
        'group_id',
        'entity_id',
        'entity_type',
        'duration',
        'is_completed',
        'task_type_id',
        'text',
        'result',
        'complete_till',
        'account_id',
        '_links',
      ].sort(),
    );
    expect(open).toMatchObject({ entity_type: 'leads', is_completed: false, account_id: e.store.account.id });
    expect(open._links.self.href).toBe(`${BASE}/api/v4/tasks/${d.open.id}`);
    expect((await get(e, `/api/v4/tasks/${d.done.id}`)).body.result).toEqual({ text: 'Созвонились, ждём КП' });
    expect((await get(fresh, '/api/v4/tasks')).status).toBe(204);
  });

  it('tasks page with a next link that keeps the filters', async () => {
    const a = await get(e, '/api/v4/tasks?filter[is_completed]=0&limit=2');
    expect(a.body._embedded.tasks.map((t: any) => t.id)).toEqual([d.open.id, d.loose.id]);
    expect(a.body._links.next.href).toContain('filter[is_completed]=0');
    const b = await get(e, '/api/v4/tasks?filter[is_completed]=0&limit=2&page=2');
    expect(b.body._embedded.tasks.map((t: any) => t.id)).toEqual([d.onContact.id]);
    expect(b.body._links.next).toBeUndefined();
  });

  it('loss reasons: `_total_items`, sorted by sort, links; by id', async () => {
    const a = await get(e, '/api/v4/leads/loss_reasons');
    expect(Object.keys(a.body).sort()).toEqual(['_embedded', '_total_items']);
    expect(a.body._total_items).toBe(2);
    expect(a.body._embedded.loss_reasons.map((r: any) => r.name)).toEqual(['Выбрали конкурента', 'Дорого']);
    expect(a.body._embedded.loss_reasons[0]).toEqual({
      id: 7_002,
      name: 'Выбрали конкурента',
      sort: 1,
      created_at: expect.any(Number),
      updated_at: expect.any(Number),
      _links: { self: { href: `${BASE}/api/v4/leads/loss_reasons/7002` } },
    });
    expect((await get(e, '/api/v4/leads/loss_reasons/7001')).body.name).toBe('Дорого');
    expect((await get(fresh, '/api/v4/leads/loss_reasons')).status).toBe(204);
  });

  it('webhooks: `_total_items`, items with disabled and settings and no `_links`', async () => {
    const a = await get(e, '/api/v4/webhooks');
    expect(Object.keys(a.body).sort()).toEqual(['_embedded', '_total_items']);
    expect(a.body._embedded.webhooks).toHaveLength(2);
    for (const w of a.body._embedded.webhooks) {
      expect(Object.keys(w).sort()).toEqual(
        [
          'id',
          'destination',
          'created_at',
          'updated_at',
          'account_id',
          'created_by',
          'sort',
          'disabled',
          'settings',
        ].sort(),
      );
    }
    expect(a.body._embedded.webhooks.map((w: any) => w.disabled)).toEqual([false, true]);
    expect((await get(fresh, '/api/v4/webhooks')).status).toBe(204);
  });

  it('leads: with=contacts and with=loss_reason add their keys, closest_task_at and closed_at always there', async () => {
    const plain = (await get(e, '/api/v4/leads?limit=250')).body._embedded.leads;
    expect(plain.every((l: any) => !('contacts' in l._embedded) && !('loss_reason' in l._embedded))).toBe(true);
    expect(plain.every((l: any) => 'closest_task_at' in l && 'closed_at' in l && 'loss_reason_id' in l)).toBe(true);
    const full = (await get(e, '/api/v4/leads?limit=250&with=contacts,loss_reason')).body._embedded.leads;
    const withContact = full.find((l: any) => l._embedded.contacts.length > 0);
    expect(withContact._embedded.contacts[0]).toEqual({
      id: expect.any(Number),
      is_main: true,
      _links: { self: { href: `${BASE}/api/v4/contacts/${withContact._embedded.contacts[0].id}` } },
    });
    const lost = full.find((l: any) => l.id === d.lostWithReason);
    expect(lost._embedded.loss_reason).toEqual([
      {
        id: 7_001,
        name: 'Дорого',
        sort: 2,
        created_at: expect.any(Number),
        updated_at: expect.any(Number),
        _links: { self: { href: `${BASE}/api/v4/leads/loss_reasons/7001` } },
      },
    ]);
  });
});
