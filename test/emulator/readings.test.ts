/**
 * Contract tests of the emulator's harshest readings (src/emulator/READINGS.md): each row is one reading,
 * and the test shows the emulator refusing (or doing) exactly what the table says. Ids match the table.
 */
import { describe, expect, it } from 'vitest';
import type { RoleRightsDto } from '../../src/api/dto';
import { SEED_NAMES } from '../../src/emulator';
import { call, emu, get } from './helpers';
import { addUsageData } from './usage-data';
import type { UsageData } from './usage-data';

const role = (e: ReturnType<typeof emu>) => e.store.roles.find((r) => r.name === 'Менеджер')!;
const patchRole = (e: ReturnType<typeof emu>, id: number, rights: unknown) =>
  call(e, 'PATCH', `/api/v4/roles/${id}`, { body: { rights } });

describe('R-ROLE: a role PATCH replaces the rights object', () => {
  it('R-ROLE-1 a block left out is all D', async () => {
    const e = emu('messy');
    const r = role(e);
    const { leads: _left, ...rest } = structuredClone(r.rights) as RoleRightsDto & Record<string, unknown>;
    const a = await patchRole(e, r.id, rest);
    expect(a.status).toBe(202);
    expect(a.body.rights.leads).toEqual({ view: 'D', edit: 'D', add: 'D', delete: 'D', export: 'D' });
    expect(a.body.rights.contacts).toEqual(r.rights.contacts);
  });

  it('R-ROLE-2 an action left out is D', async () => {
    const e = emu('messy');
    const r = role(e);
    const { export: _x, ...leads } = r.rights.leads!;
    const a = await patchRole(e, r.id, { ...r.rights, leads });
    expect(a.body.rights.leads).toEqual({ ...leads, export: 'D' });
  });

  it('R-ROLE-3 a left-out mail_access or catalog_access is false', async () => {
    const e = emu('messy');
    const r = role(e);
    await patchRole(e, r.id, { ...r.rights, mail_access: true, catalog_access: true });
    expect(r.rights).toMatchObject({ mail_access: true, catalog_access: true });
    const { mail_access: _m, catalog_access: _c, ...rest } = structuredClone(r.rights);
    const a = await patchRole(e, r.id, rest);
    expect(a.body.rights).toMatchObject({ mail_access: false, catalog_access: false });
  });

  it('R-ROLE-4 a left-out status_rights is null; the whole object written back changes nothing', async () => {
    const e = emu('messy');
    const r = role(e);
    const whole = structuredClone(r.rights);
    const same = await patchRole(e, r.id, whole);
    expect(same.body.rights).toEqual(whole);
    const { status_rights: _s, ...rest } = whole;
    const a = await patchRole(e, r.id, rest);
    expect(a.body.rights.status_rights).toBeNull();
  });

  it('R-ROLE-5 a PATCH of the name alone leaves the rights as they were', async () => {
    const e = emu('messy');
    const r = role(e);
    const before = structuredClone(r.rights);
    const a = await call(e, 'PATCH', `/api/v4/roles/${r.id}`, { body: { name: 'Продавец' } });
    expect(a.body).toMatchObject({ name: 'Продавец', rights: before });
  });

  it('R-ROLE-5 catalog_rights is written as sent, and a left-out one is null (RightModel::toApi always sends it)', async () => {
    const e = emu('messy');
    const r = role(e);
    const rows = [{ catalog_id: 5, rights: { view: 'A', add: 'A', edit: 'A', delete: 'D', export: 'D' } }];
    const set = await patchRole(e, r.id, { ...structuredClone(r.rights), catalog_rights: rows });
    expect(set.body.rights.catalog_rights).toEqual(rows);
    const { catalog_rights: _c, ...rest } = structuredClone(r.rights);
    const a = await patchRole(e, r.id, rest);
    expect(a.body.rights.catalog_rights).toBeNull();
    // …while what the client never writes keeps its value.
    expect(a.body.rights.files_access).toBe(r.rights.files_access);
  });

  it.each([
    ['add M', { leads: { add: 'M' } }, 'rights.leads.add'],
    ['catalog_rights not an array', { catalog_rights: 'all' }, 'rights.catalog_rights'],
    ['a letter outside A/G/M/D', { contacts: { view: 'X' } }, 'rights.contacts.view'],
    ['an unknown action', { leads: { print: 'A' } }, 'rights.leads.print'],
    ['tasks with an unknown action', { tasks: { view: 'A' } }, 'rights.tasks.view'],
    ['status_rights not an array', { status_rights: 'all' }, 'rights.status_rights'],
  ])('R-ROLE-6 %s → 400 validation-errors', async (_name, rights, path) => {
    const e = emu('messy');
    const r = role(e);
    const before = structuredClone(r.rights);
    const a = await patchRole(e, r.id, rights);
    expect(a.status).toBe(400);
    expect(a.body['validation-errors'][0].errors.map((x: { path: string }) => x.path)).toContain(path);
    expect(r.rights).toEqual(before);
  });
});

describe('R-FIELD: a field PATCH carries its name, and a list field its whole option list', () => {
  const source = (e: ReturnType<typeof emu>) => e.store.fields.leads.find((f) => f.name === 'Источник')!;

  it('R-FIELD-1 a PATCH without name → 400, nothing changes', async () => {
    const e = emu('messy');
    const f = e.store.fields.leads.find((x) => !x.is_predefined && x.type === 'numeric')!;
    const a = await call(e, 'PATCH', `/api/v4/leads/custom_fields/${f.id}`, { body: { required_statuses: [] } });
    expect(a.status).toBe(400);
    expect(a.body['validation-errors'][0].errors[0]).toMatchObject({ code: 'NotBlank', path: 'name' });
    const batch = await call(e, 'PATCH', '/api/v4/leads/custom_fields', { body: [{ id: f.id, sort: 3 }] });
    expect(batch.status).toBe(400);
  });

  it('R-FIELD-2 a select PATCH without enums (or with none) → 400', async () => {
    const e = emu('clean');
    const f = source(e);
    const before = structuredClone(f.enums);
    for (const body of [{ name: f.name }, { name: f.name, enums: [] }]) {
      const a = await call(e, 'PATCH', `/api/v4/leads/custom_fields/${f.id}`, { body });
      expect(a.status).toBe(400);
      expect(a.body['validation-errors'][0].errors[0].path).toBe('enums');
    }
    expect(f.enums).toEqual(before);
  });

  it('R-FIELD-3 an option left out of enums is deleted; options sent with their id keep it', async () => {
    const e = emu('clean');
    const f = source(e);
    const [keep, ...dropped] = f.enums!;
    const a = await call(e, 'PATCH', `/api/v4/leads/custom_fields/${f.id}`, {
      body: { name: f.name, enums: [{ id: keep!.id, value: keep!.value, sort: keep!.sort }] },
    });
    expect(a.status).toBe(201);
    expect(a.body.enums).toEqual([{ id: keep!.id, value: keep!.value, sort: keep!.sort }]);
    expect(dropped.length).toBeGreaterThan(0);
  });

  it.each([
    ['a missing stage', (p: number) => [{ pipeline_id: p, status_id: 1 }], 'required_statuses.0.status_id'],
    ['a missing pipeline', () => [{ pipeline_id: 999, status_id: 142 }], 'required_statuses.0.pipeline_id'],
    ['not an array', () => 'all', 'required_statuses'],
  ])('R-FIELD-4 required_statuses naming %s → 400', async (_name, rs, path) => {
    const e = emu('messy');
    const f = e.store.fields.leads.find((x) => !x.is_predefined && x.type === 'numeric')!;
    const a = await call(e, 'PATCH', `/api/v4/leads/custom_fields/${f.id}`, {
      body: { name: f.name, required_statuses: rs(e.store.pipelines[0]!.id) },
    });
    expect(a.status).toBe(400);
    expect(a.body['validation-errors'][0].errors[0].path).toBe(path);
  });

  it('R-FIELD-5 type cannot change; a predefined field cannot be renamed or deleted', async () => {
    const e = emu('messy');
    const f = e.store.fields.leads.find((x) => !x.is_predefined && x.type === 'numeric')!;
    const t = await call(e, 'PATCH', `/api/v4/leads/custom_fields/${f.id}`, { body: { name: f.name, type: 'text' } });
    expect(t.body['validation-errors'][0].errors[0].path).toBe('type');
    const phone = e.store.fields.contacts.find((x) => x.code === 'PHONE')!;
    const rn = await call(e, 'PATCH', `/api/v4/contacts/custom_fields/${phone.id}`, { body: { name: 'Телефон 2' } });
    expect(rn.status).toBe(400);
    expect((await call(e, 'DELETE', `/api/v4/contacts/custom_fields/${phone.id}`)).status).toBe(400);
  });
});

describe('R-FIELD-8: a field PATCH replaces the keys the official client always sends', () => {
  /** A non-predefined leads field of the messy seed, in a group, with a requirement. */
  const setUp = async () => {
    const e = emu('messy');
    const p = e.store.pipelines[0]!;
    const stage = p.statuses.find((s) => s.type === 0 && s.id !== 142 && s.id !== 143)!;
    const f = e.store.fields.leads.find((x) => !x.is_predefined && x.type === 'numeric')!;
    const group = e.store.groups.leads.find((g) => g.id !== 'default' && g.id !== 'statistic')?.id ?? 'default';
    const whole = {
      type: f.type,
      id: f.id,
      name: f.name,
      code: 'BUDGET_X',
      sort: 777,
      group_id: group,
      is_api_only: true,
      required_statuses: [{ pipeline_id: p.id, status_id: stage.id }],
      request_id: '0',
    };
    const a = await call(e, 'PATCH', `/api/v4/leads/custom_fields/${f.id}`, { body: whole });
    expect(a.status).toBe(201);
    return { e, f, whole, group };
  };

  it('the whole body written back changes nothing', async () => {
    const { e, f, whole } = await setUp();
    const before = structuredClone(f);
    const a = await call(e, 'PATCH', `/api/v4/leads/custom_fields/${f.id}`, { body: whole });
    expect(a.status).toBe(201);
    expect(f).toEqual(before);
  });

  it('left out: sort → last, group_id → default group, code → null, is_api_only → false, required_statuses → none', async () => {
    const { e, f } = await setUp();
    const others = e.store.fields.leads.filter((x) => x !== f);
    const a = await call(e, 'PATCH', `/api/v4/leads/custom_fields/${f.id}`, { body: { name: f.name } });
    expect(a.status).toBe(201);
    expect(f.sort).toBe(Math.max(...others.map((x) => x.sort)) + 1);
    expect(f).toMatchObject({ group_id: null, code: null, is_api_only: false, required_statuses: [] });
  });

  it('R-FIELD-9 an `id` in the body of PATCH /{id} naming another field → 400, nothing changes', async () => {
    const { e, f, whole } = await setUp();
    const before = structuredClone(f);
    const a = await call(e, 'PATCH', `/api/v4/leads/custom_fields/${f.id}`, { body: { ...whole, id: f.id + 1 } });
    expect(a.status).toBe(400);
    expect(a.body['validation-errors'][0].errors[0].path).toBe('id');
    expect(f).toEqual(before);
  });

  it('R-FIELD-9 a group that does not exist → 400', async () => {
    const { e, f, whole } = await setUp();
    const a = await call(e, 'PATCH', `/api/v4/leads/custom_fields/${f.id}`, {
      body: { ...whole, group_id: 'leads_404' },
    });
    expect(a.status).toBe(400);
    expect(a.body['validation-errors'][0].errors[0].path).toBe('group_id');
  });
});

describe('R-STAGE: system stages and stages that hold deals', () => {
  it('R-STAGE-1 PATCH of the unsorted stage → 400', async () => {
    const e = emu('messy');
    const p = e.store.pipelines.find((x) => x.is_unsorted_on)!;
    const unsorted = p.statuses.find((s) => s.type === 1)!;
    const a = await call(e, 'PATCH', `/api/v4/leads/pipelines/${p.id}/statuses/${unsorted.id}`, {
      body: { name: 'Входящие' },
    });
    expect(a.status).toBe(400);
    expect(unsorted.name).not.toBe('Входящие');
  });

  it.each([
    [142, { name: 'Успех' }],
    [143, { name: 'Отказ' }],
    [142, { sort: 5 }],
    [143, { color: '#ffdbdb' }],
  ])('R-STAGE-1 PATCH of %i (%o) → 400: not editable', async (id, body) => {
    const e = emu('messy');
    const p = e.store.pipelines[0]!;
    const before = structuredClone(p.statuses.find((s) => s.id === id));
    const a = await call(e, 'PATCH', `/api/v4/leads/pipelines/${p.id}/statuses/${id}`, { body });
    expect(a.status).toBe(400);
    expect(p.statuses.find((s) => s.id === id)).toEqual(before);
  });

  it('R-STAGE-2 system stages cannot be deleted', async () => {
    const e = emu('messy');
    const p = e.store.pipelines[0]!;
    for (const id of [142, 143])
      expect((await call(e, 'DELETE', `/api/v4/leads/pipelines/${p.id}/statuses/${id}`)).status).toBe(400);
  });

  it('R-STAGE-3 a stage that holds deals cannot be deleted; the deals stay where they are', async () => {
    const e = emu('messy');
    const p = e.store.pipelines[0]!;
    const full = p.statuses.find(
      (s) => s.type === 0 && s.id !== 142 && s.id !== 143 && e.store.leads.some((l) => l.status_id === s.id),
    )!;
    const a = await call(e, 'DELETE', `/api/v4/leads/pipelines/${p.id}/statuses/${full.id}`);
    expect(a.status).toBe(400);
    expect(p.statuses).toContain(full);
  });

  it.each(['#123456', '#99ccff', '#c1c1c1'])(
    'R-STAGE-4 a new stage in %s (outside the documented palette, default colours too) → 400',
    async (color) => {
      const e = emu('fresh');
      const p = e.store.pipelines[0]!;
      const a = await call(e, 'POST', `/api/v4/leads/pipelines/${p.id}/statuses`, {
        body: [{ name: 'Новый', sort: 20, color }],
      });
      expect(a.status).toBe(400);
      expect(a.body['validation-errors'][0].errors[0].path).toBe('color');
    },
  );

  it("R-STAGE-4 a PATCH may send back the stage's own off-palette colour, but not another one", async () => {
    const e = emu('fresh');
    const p = e.store.pipelines[0]!;
    const s = p.statuses.find((x) => x.type === 0 && x.id !== 142 && x.id !== 143 && x.color === '#99ccff')!;
    const path = `/api/v4/leads/pipelines/${p.id}/statuses/${s.id}`;
    const other = await call(e, 'PATCH', path, { body: { name: 'Заявка', sort: s.sort, color: '#ffff99' } });
    expect(other.status).toBe(400);
    const own = await call(e, 'PATCH', path, { body: { name: 'Заявка', sort: s.sort, color: '#99CCFF' } });
    expect(own.status).toBe(200);
    expect(s).toMatchObject({ name: 'Заявка', color: '#99CCFF' });
  });

  it('R-STAGE-9 a stage PATCH replaces sort and colour: left out, the stage goes last and takes the first palette colour', async () => {
    const e = emu('fresh');
    const p = e.store.pipelines[0]!;
    const working = p.statuses.filter((x) => x.type === 0 && x.id !== 142 && x.id !== 143);
    const first = working[0]!;
    const whole = { name: 'Заявка', sort: first.sort, color: first.color, request_id: '0' };
    const same = await call(e, 'PATCH', `/api/v4/leads/pipelines/${p.id}/statuses/${first.id}`, { body: whole });
    expect(same.body).toMatchObject({ name: 'Заявка', sort: whole.sort, color: whole.color });
    const a = await call(e, 'PATCH', `/api/v4/leads/pipelines/${p.id}/statuses/${first.id}`, {
      body: { name: 'Заявка' },
    });
    expect(a.status).toBe(200);
    expect(first.sort).toBe(Math.max(...working.slice(1).map((x) => x.sort)) + 10);
    expect(first.color).toBe('#fffeb2');
  });
});

describe('R-PIPE: a pipeline PATCH replaces what the official client always sends', () => {
  it('R-PIPE-1 left out: sort → 100, is_unsorted_on → false; a name left out stays; the whole body changes nothing', async () => {
    const e = emu('messy');
    const p = e.store.pipelines.find((x) => x.is_unsorted_on)!;
    const whole = { name: p.name, sort: p.sort, is_main: p.is_main, is_unsorted_on: true, request_id: '0' };
    const before = structuredClone(p);
    expect((await call(e, 'PATCH', `/api/v4/leads/pipelines/${p.id}`, { body: whole })).status).toBe(200);
    expect(p).toEqual(before);
    const a = await call(e, 'PATCH', `/api/v4/leads/pipelines/${p.id}`, { body: { is_main: p.is_main } });
    expect(a.status).toBe(200);
    expect(p).toMatchObject({ name: before.name, sort: 100, is_unsorted_on: false });
  });
});

describe('R-FILTER: list filters of leads, contacts and companies need Alpha filtering', () => {
  it.each(SEED_NAMES.filter((s) => s !== 'large'))(
    'R-FILTER-1 seed %s: account?with=is_api_filter_enabled is false',
    async (seed) => {
      const e = emu(seed);
      const a = await get(e, '/api/v4/account?with=is_api_filter_enabled');
      expect(a.body.is_api_filter_enabled).toBe(false);
      expect((await get(e, '/api/v4/account')).body).not.toHaveProperty('is_api_filter_enabled');
    },
  );

  it.each([
    [
      'leads by status',
      (e: ReturnType<typeof emu>) =>
        `/api/v4/leads?filter[statuses][0][pipeline_id]=${e.store.pipelines[0]!.id}&filter[statuses][0][status_id]=142&limit=250`,
      'leads',
    ],
    ['leads by id', () => '/api/v4/leads?filter[id][]=1&limit=250', 'leads'],
    [
      'contacts by responsible',
      (e: ReturnType<typeof emu>) => `/api/v4/contacts?filter[responsible_user_id]=${e.adminId}&limit=250`,
      'contacts',
    ],
    ['companies by responsible', () => '/api/v4/companies?filter[responsible_user_id]=1&limit=250', 'companies'],
  ])('R-FILTER-2 %s: ignored without the feature, applied with it', async (_name, path, key) => {
    const off = emu('messy');
    const all = await get(off, `/api/v4/${key}?limit=250`);
    const ignored = await get(off, path(off));
    expect(ignored.body._embedded[key]).toEqual(all.body._embedded[key]);
    const on = emu('messy');
    on.store.account.is_api_filter_enabled = true;
    expect((await get(on, '/api/v4/account?with=is_api_filter_enabled')).body.is_api_filter_enabled).toBe(true);
    const applied = await get(on, path(on));
    const n = applied.status === 204 ? 0 : applied.body._embedded[key].length;
    expect(n).toBeLessThan(all.body._embedded[key].length);
  });

  it('R-FILTER-3 the contacts `query` search is not an Alpha filter: it works either way', async () => {
    const e = emu('messy');
    const name = e.store.contacts.at(0).name;
    const a = await get(e, `/api/v4/contacts?query=${encodeURIComponent(name)}`);
    expect(a.body._embedded.contacts.every((c: { name: string }) => c.name.includes(name))).toBe(true);
  });
});

describe('R-LIMIT: sizes the API documents', () => {
  it.each([
    ['/api/v4/leads?limit=251', 422],
    ['/api/v4/events?limit=101', 422],
    ['/api/v4/contacts?limit=0', 400],
    ['/api/v4/contacts?page=0', 400],
  ])('R-LIMIT-1 %s → %i', async (path, status) => {
    expect((await get(emu('messy'), path)).status).toBe(status);
  });

  it('R-LIMIT-2 more than 250 entities in one write → 422', async () => {
    const e = emu('fresh');
    const body = Array.from({ length: 251 }, (_, i) => ({ name: `F${i}`, type: 'text' }));
    expect((await call(e, 'POST', '/api/v4/leads/custom_fields', { body })).status).toBe(422);
  });
});

describe('R-TASK: the task list under its documented filters', () => {
  const fixture = () => {
    const e = emu('messy');
    return { e, d: addUsageData(e) };
  };
  const ids = async (e: ReturnType<typeof emu>, path: string, auth?: string) => {
    const a = await get(e, path, auth);
    return a.status === 204 ? [] : a.body._embedded.tasks.map((t: { id: number }) => t.id);
  };

  it('R-TASK-1 paged at ≤ 250 with `_page` and no `_total_items`; 251 → 422', async () => {
    const { e } = fixture();
    const a = await get(e, '/api/v4/tasks');
    expect(a.body._page).toBe(1);
    expect(a.body).not.toHaveProperty('_total_items');
    expect((await get(e, '/api/v4/tasks?limit=251')).status).toBe(422);
  });

  it('R-TASK-2 `result` is [] without a result and {text} with one', async () => {
    const { e, d } = fixture();
    const list = (await get(e, '/api/v4/tasks')).body._embedded.tasks;
    expect(list.find((t: { id: number }) => t.id === d.open.id).result).toEqual([]);
    expect(list.find((t: { id: number }) => t.id === d.done.id).result).toEqual({ text: 'Созвонились, ждём КП' });
  });

  it('R-TASK-3 a task without an entity has entity_id and entity_type null', async () => {
    const { e, d } = fixture();
    expect((await get(e, `/api/v4/tasks/${d.loose.id}`)).body).toMatchObject({ entity_id: null, entity_type: null });
  });

  it.each([
    ['filter[is_completed]=0', (d: UsageData) => [d.open.id, d.loose.id, d.onContact.id]],
    ['filter[is_completed][]=1', (d: UsageData) => [d.done.id]],
    [
      'filter[is_completed]=false (not 0/1: not applied)',
      (d: UsageData) => [d.open.id, d.done.id, d.loose.id, d.onContact.id],
    ],
    ['filter[entity_type]=leads', (d: UsageData) => [d.open.id, d.done.id]],
    ['filter[entity_type]=lead (singular names no type)', () => []],
    [
      `filter[entity_id]=__LEAD__ (alone: not applied)`,
      (d: UsageData) => [d.open.id, d.done.id, d.loose.id, d.onContact.id],
    ],
    ['filter[entity_type]=contacts&filter[entity_id][]=__CONTACT__', (d: UsageData) => [d.onContact.id]],
    ['filter[task_type]=2', (d: UsageData) => [d.done.id]],
    [
      'filter[task_type_id]=2 (undocumented: not applied)',
      (d: UsageData) => [d.open.id, d.done.id, d.loose.id, d.onContact.id],
    ],
    ['filter[id][]=__OPEN__&filter[id][]=__LOOSE__', (d: UsageData) => [d.open.id, d.loose.id]],
    ['filter[responsible_user_id][]=__ADMIN__', (d: UsageData) => [d.loose.id]],
    ['filter[updated_at][from]=__UPD__', (d: UsageData) => [d.loose.id, d.onContact.id]],
    ['filter[updated_at]=__UPD__ (scalar: changed after)', (d: UsageData) => [d.loose.id, d.onContact.id]],
  ])('R-TASK-4 %s', async (query, expected) => {
    const { e, d } = fixture();
    const q = query
      .replace(/ \(.*\)$/, '')
      .replace('__LEAD__', String(d.open.entity_id))
      .replace('__CONTACT__', String(d.onContact.entity_id))
      .replace('__OPEN__', String(d.open.id))
      .replace('__LOOSE__', String(d.loose.id))
      .replace('__ADMIN__', String(e.adminId))
      .replace('__UPD__', String(d.loose.updated_at));
    expect(await ids(e, `/api/v4/tasks?${q}`)).toEqual(expected(d));
  });

  it('R-TASK-5 a non-admin sees tasks whose owner passes their view right on the entity; others only their own', async () => {
    const { e, d } = fixture();
    const manager = e.tokenFor(e.managerId!);
    // The messy manager views all leads and contacts: every task on an entity, not the admin's loose one.
    expect(await ids(e, '/api/v4/tasks', manager)).toEqual([d.open.id, d.done.id, d.onContact.id]);
    const role = e.store.roles.find((r) => r.id === e.store.users.find((u) => u.id === e.managerId)!.rights.role_id)!;
    role.rights.contacts!.view = 'M';
    expect(await ids(e, '/api/v4/tasks', manager)).toEqual([d.open.id, d.done.id]);
    expect((await get(e, `/api/v4/tasks/${d.loose.id}`, manager)).status).toBe(204);
    expect(await ids(e, '/api/v4/tasks')).toHaveLength(4);
  });

  it('R-TASK-6 order by one documented field; two fields → 400; default id ascending', async () => {
    const { e, d } = fixture();
    expect(await ids(e, '/api/v4/tasks?order[complete_till]=asc')).toEqual([
      d.done.id,
      d.open.id,
      d.onContact.id,
      d.loose.id,
    ]);
    expect(await ids(e, '/api/v4/tasks?order[id]=desc')).toEqual([d.onContact.id, d.loose.id, d.done.id, d.open.id]);
    expect(await ids(e, '/api/v4/tasks')).toEqual([d.open.id, d.done.id, d.loose.id, d.onContact.id]);
    expect((await get(e, '/api/v4/tasks?order[id]=asc&order[created_at]=desc')).status).toBe(400);
    expect((await get(e, '/api/v4/tasks?order[id]=up')).status).toBe(400);
  });
});

describe('R-LR / R-LEAD: loss reasons and the lead list’s `with`', () => {
  it('R-LR-1 the list answers whatever is_loss_reason_enabled says; an unknown id → 404 "Loss reason not found"', async () => {
    const e = emu('messy');
    addUsageData(e);
    expect(e.store.account.is_loss_reason_enabled).toBe(false);
    expect((await get(e, '/api/v4/leads/loss_reasons')).body._total_items).toBe(2);
    const a = await get(e, '/api/v4/leads/loss_reasons/1');
    expect(a.status).toBe(404);
    expect(a.type).toBe('application/problem+json');
    expect(a.body).toMatchObject({ title: 'Not Found', status: 404, detail: 'Loss reason not found' });
  });

  it('R-LEAD-1 `_embedded.contacts` only with with=contacts', async () => {
    const e = emu('messy');
    const lead = e.store.leads.find((l) => l.contact_ids.length > 0)!;
    const one = async (w: string) =>
      (await get(e, `/api/v4/leads?limit=250${w}`)).body._embedded.leads.find((l: { id: number }) => l.id === lead.id);
    expect((await one(''))._embedded).not.toHaveProperty('contacts');
    expect((await one('&with=contacts'))._embedded.contacts.map((c: { id: number }) => c.id)).toEqual(lead.contact_ids);
  });

  it('R-LEAD-2 loss_reason_id 0 means none: with=loss_reason gives an array of one, or no key', async () => {
    const e = emu('messy');
    const d = addUsageData(e);
    const leads = (await get(e, '/api/v4/leads?limit=250&with=loss_reason')).body._embedded.leads;
    const by = (id: number) => leads.find((l: { id: number }) => l.id === id);
    expect(by(d.lostWithReason).loss_reason_id).toBe(7_001);
    expect(by(d.lostWithReason)._embedded.loss_reason.map((r: { id: number }) => r.id)).toEqual([7_001]);
    expect(by(d.lostWithZero).loss_reason_id).toBe(0);
    expect(by(d.lostWithZero)._embedded).not.toHaveProperty('loss_reason');
  });

  it('R-LEAD-3 closest_task_at is the lead’s own value, not derived from the task list', async () => {
    const e = emu('messy');
    const d = addUsageData(e);
    const lead = e.store.leads.find((l) => l.id === d.open.entity_id)!;
    const read = async () =>
      (await get(e, '/api/v4/leads?limit=250')).body._embedded.leads.find((l: { id: number }) => l.id === lead.id);
    expect((await read()).closest_task_at).toBeNull();
    lead.closest_task_at = d.open.complete_till + 86_400;
    expect((await read()).closest_task_at).toBe(d.open.complete_till + 86_400);
  });
});

describe('R-WH: webhooks', () => {
  it('R-WH-1 admin only; filter[destination] exact; no `_links`', async () => {
    const e = emu('messy');
    addUsageData(e);
    const denied = await get(e, '/api/v4/webhooks', e.tokenFor(e.managerId!));
    expect(denied.status).toBe(403);
    expect(denied.type).toBe('application/problem+json');
    const one = await get(e, '/api/v4/webhooks?filter[destination]=https://old-erp.example.ru/hook');
    expect(one.body._embedded.webhooks.map((w: { id: number }) => w.id)).toEqual([2]);
    expect(one.body._embedded.webhooks[0]).not.toHaveProperty('_links');
    expect(one.body).not.toHaveProperty('_links');
    expect((await get(e, '/api/v4/webhooks?filter[destination]=https://old-erp.example.ru')).status).toBe(204);
  });
});

describe('R-UNS: the unsorted queue', () => {
  it('R-UNS-1 the list holds the items that still wait: accepted and declined ones leave it, the summary counts them', async () => {
    const e = emu('busy');
    const s = e.store;
    const listed = (await get(e, '/api/v4/leads/unsorted?limit=250')).body._embedded.unsorted;
    const uids = new Set(listed.map((u: { uid: string }) => u.uid));
    const byState = (st: string) => s.unsorted.filter((u) => u.state === st);
    expect(byState('new').every((u) => uids.has(u.uid))).toBe(true);
    expect([...byState('accepted'), ...byState('declined')].some((u) => uids.has(u.uid))).toBe(false);
    expect(listed).toHaveLength(byState('new').length);
    // Each listed item's lead is still in its pipeline's unsorted stage.
    const unsortedStage = new Set(s.pipelines.flatMap((p) => p.statuses.filter((x) => x.type === 1).map((x) => x.id)));
    for (const u of listed)
      expect(unsortedStage.has(s.leads.find((l) => l.id === u._embedded.leads[0].id)!.status_id)).toBe(true);
    const summary = (await get(e, '/api/v4/leads/unsorted/summary?filter[created_at][from]=0')).body;
    expect(summary).toMatchObject({ total: s.unsorted.length, accepted: 10, declined: 3 });
  });

  it('R-UNS-2 a waiting lead comes back from /leads in the unsorted stage; its contact is not in /contacts yet', async () => {
    const e = emu('busy');
    const s = e.store;
    const item = s.unsorted.find((u) => u.state === 'new')!;
    const leadId = item._embedded?.leads?.[0]?.id;
    const leads = (await get(e, '/api/v4/leads?limit=250&page=2')).body._embedded.leads as {
      id: number;
      status_id: number;
    }[];
    const all = [...(await get(e, '/api/v4/leads?limit=250')).body._embedded.leads, ...leads];
    const lead = all.find((l) => l.id === leadId)!;
    expect(s.pipelines[0]!.statuses.find((x) => x.id === lead.status_id)!.type).toBe(1);
    const contactId = item._embedded?.contacts?.[0]?.id;
    expect(contactId).toEqual(expect.any(Number));
    const contacts = (await get(e, '/api/v4/contacts?limit=250&page=2')).body?._embedded?.contacts ?? [];
    const first = (await get(e, '/api/v4/contacts?limit=250')).body._embedded.contacts;
    expect([...first, ...contacts].some((c: { id: number }) => c.id === contactId)).toBe(false);
  });
});
