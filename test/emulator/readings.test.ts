/**
 * Contract tests of the emulator's harshest readings (src/emulator/READINGS.md): each row is one reading,
 * and the test shows the emulator refusing (or doing) exactly what the table says. Ids match the table.
 */
import { describe, expect, it } from 'vitest';
import type { RoleRightsDto } from '../../src/api/dto';
import { SEED_NAMES } from '../../src/emulator';
import { call, emu, get } from './helpers';

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

  it.each([
    ['add M', { leads: { add: 'M' } }, 'rights.leads.add'],
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

  it('R-STAGE-4 a colour outside the documented palette → 400', async () => {
    const e = emu('fresh');
    const p = e.store.pipelines[0]!;
    const a = await call(e, 'POST', `/api/v4/leads/pipelines/${p.id}/statuses`, {
      body: [{ name: 'Новый', sort: 20, color: '#123456' }],
    });
    expect(a.status).toBe(400);
    expect(a.body['validation-errors'][0].errors[0].path).toBe('color');
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
