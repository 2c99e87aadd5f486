import { describe, expect, it } from 'vitest';
import { call, emu, get } from './helpers';

describe('roles: POST 201, PATCH 202, DELETE 204', () => {
  it('creates, patches and deletes a role', async () => {
    const e = emu('fresh');
    const created = await call(e, 'POST', '/api/v4/roles', {
      body: { name: 'Менеджер', rights: { leads: { view: 'A', export: 'D' }, mail_access: true } },
    });
    expect(created.status).toBe(201);
    expect(created.body._total_items).toBe(1);
    const role = created.body._embedded.roles[0];
    expect(role.rights).toMatchObject({ leads: { view: 'A', export: 'D', edit: 'D' }, mail_access: true });
    const patched = await call(e, 'PATCH', `/api/v4/roles/${role.id}`, {
      body: { rights: { ...role.rights, leads: { ...role.rights.leads, export: 'M' } } },
    });
    expect(patched.status).toBe(202);
    expect(patched.body.rights.leads).toMatchObject({ view: 'A', export: 'M' });
    expect(patched.body.rights.mail_access).toBe(true);
    expect((await call(e, 'DELETE', `/api/v4/roles/${role.id}`)).status).toBe(204);
    expect((await get(e, `/api/v4/roles/${role.id}`)).status).toBe(404);
  });
  it('PATCH with an empty body → 400; bad letter → validation-errors', async () => {
    const e = emu('messy');
    const id = e.store.roles[0]!.id;
    expect((await call(e, 'PATCH', `/api/v4/roles/${id}`, { body: {} })).status).toBe(400);
    const bad = await call(e, 'PATCH', `/api/v4/roles/${id}`, { body: { rights: { leads: { add: 'M' } } } });
    expect(bad.status).toBe(400);
    expect(bad.body['validation-errors'][0].errors[0].path).toBe('rights.leads.add');
  });
  it('role PATCH changes what its users show', async () => {
    const e = emu('messy');
    const role = e.store.roles.find((r) => r.name === 'Менеджер')!;
    const rights = { ...role.rights, leads: { ...role.rights.leads, export: 'D' } };
    await call(e, 'PATCH', `/api/v4/roles/${role.id}`, { body: { rights } });
    expect((await get(e, `/api/v4/users/${e.managerId}`)).body.rights.leads.export).toBe('D');
  });
  it('status_rights: [] keeps unsorted rows, all denied', async () => {
    const e = emu('messy');
    const id = e.store.roles[0]!.id;
    const a = await call(e, 'PATCH', `/api/v4/roles/${id}`, { body: { rights: { status_rights: [] } } });
    expect(a.body.rights.status_rights).toHaveLength(2);
    expect(a.body.rights.status_rights[0].rights).toEqual({ view: 'D', edit: 'D', delete: 'D' });
  });
});

describe('custom fields writes', () => {
  it('POST 201; select without enums → validation-errors', async () => {
    const e = emu('fresh');
    const ok = await call(e, 'POST', '/api/v4/leads/custom_fields', {
      body: [{ name: 'Источник', type: 'select', enums: [{ value: 'Сайт' }, { value: 'Звонок' }], request_id: 'a' }],
    });
    expect(ok.status).toBe(201);
    expect(ok.body._embedded.custom_fields[0]).toMatchObject({
      name: 'Источник',
      required_statuses: [],
      is_predefined: false,
      request_id: 'a',
    });
    const bad = await call(e, 'POST', '/api/v4/leads/custom_fields', {
      body: [
        { name: 'X', type: 'select' },
        { name: 'Y', type: 'multitext' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toBe('application/problem+json');
    expect(bad.body.detail).toBe('Request validation failed');
    expect(bad.body['validation-errors'].map((g: any) => g.request_id)).toEqual(['0', '1']);
  });
  it('required_statuses must name an existing pipeline stage', async () => {
    const e = emu('fresh');
    const p = e.store.pipelines[0]!;
    const bad = await call(e, 'POST', '/api/v4/leads/custom_fields', {
      body: [{ name: 'Z', type: 'text', required_statuses: [{ pipeline_id: p.id, status_id: 1 }] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body['validation-errors'][0].errors[0].path).toBe('required_statuses.0.status_id');
    const field = e.store.fields.contacts.find((f) => f.code === 'POSITION')!;
    const ok = await call(e, 'PATCH', `/api/v4/contacts/custom_fields/${field.id}`, {
      body: { name: field.name, required_statuses: [{ pipeline_id: p.id, status_id: 143 }] },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.required_statuses).toEqual([{ status_id: 143, pipeline_id: p.id }]);
    const gone = await call(e, 'PATCH', '/api/v4/contacts/custom_fields', {
      body: [{ id: field.id, name: field.name, required_statuses: [{ pipeline_id: 999, status_id: 143 }] }],
    });
    expect(gone.body['validation-errors'][0].errors[0].path).toBe('required_statuses.0.pipeline_id');
  });
  it('PATCH enums: ids kept only when sent with id; enums without id replace', async () => {
    const e = emu('clean');
    const f = e.store.fields.leads.find((x) => x.name === 'Источник')!;
    const [first, second] = f.enums!;
    const a = await call(e, 'PATCH', '/api/v4/leads/custom_fields', {
      body: [{ id: f.id, name: f.name, enums: [{ id: first!.id, value: 'Веб-сайт' }, { value: 'Выставка' }] }],
    });
    expect(a.status).toBe(201);
    const enums = a.body._embedded.custom_fields[0].enums;
    expect(enums[0]).toMatchObject({ id: first!.id, value: 'Веб-сайт' });
    expect(enums[1].id).not.toBe(second!.id);
    expect(enums).toHaveLength(2);
    const unknown = await call(e, 'PATCH', `/api/v4/leads/custom_fields/${f.id}`, {
      body: { name: f.name, enums: [{ id: 1, value: 'x' }] },
    });
    expect(unknown.status).toBe(400);
  });
  it('DELETE 204; predefined refused', async () => {
    const e = emu('messy');
    const custom = e.store.fields.contacts.find((f) => !f.is_predefined)!;
    expect((await call(e, 'DELETE', `/api/v4/contacts/custom_fields/${custom.id}`)).status).toBe(204);
    const phone = e.store.fields.contacts.find((f) => f.code === 'PHONE')!;
    const a = await call(e, 'DELETE', `/api/v4/contacts/custom_fields/${phone.id}`);
    expect(a.status).toBe(400);
    expect(a.type).toBe('application/problem+json');
  });
  it('groups: POST 201, PATCH 200 with fields, DELETE 204, predefined refused', async () => {
    const e = emu('fresh');
    const a = await call(e, 'POST', '/api/v4/contacts/custom_fields/groups', {
      body: [{ name: 'Реквизиты', sort: 5 }],
    });
    expect(a.status).toBe(201);
    const g = a.body._embedded.custom_field_groups[0];
    const pos = e.store.fields.contacts.find((f) => f.code === 'POSITION')!;
    const b = await call(e, 'PATCH', `/api/v4/contacts/custom_fields/groups/${g.id}`, {
      body: { name: 'Реквизиты компании', fields: [pos.id] },
    });
    expect(b.status).toBe(200);
    expect(b.body).toMatchObject({ name: 'Реквизиты компании', fields: [pos.id] });
    expect((await call(e, 'DELETE', `/api/v4/contacts/custom_fields/groups/${g.id}`)).status).toBe(204);
    expect((await call(e, 'DELETE', '/api/v4/leads/custom_fields/groups/statistic')).status).toBe(400);
  });
});

describe('pipelines and statuses writes', () => {
  it('POST → 200 with system statuses added', async () => {
    const e = emu('fresh');
    const a = await call(e, 'POST', '/api/v4/leads/pipelines', {
      body: [
        {
          name: 'Партнёры',
          sort: 2,
          is_main: false,
          is_unsorted_on: true,
          _embedded: {
            statuses: [
              { name: 'Новый', sort: 20, color: '#fffeb2' },
              { id: 142, name: 'Подписан' },
            ],
          },
        },
      ],
    });
    expect(a.status).toBe(200);
    const p = a.body._embedded.pipelines[0];
    expect(p._embedded.statuses.map((s: any) => [s.name, s.type, s.sort])).toEqual([
      ['Неразобранное', 1, 10],
      ['Новый', 0, 20],
      ['Подписан', 0, 10000],
      ['Закрыто и не реализовано', 0, 11000],
    ]);
    expect((await call(e, 'POST', '/api/v4/leads/pipelines', { body: [{ name: 'X' }] })).status).toBe(400);
  });
  it('at most 50 pipelines', async () => {
    const e = emu('large');
    const a = await call(e, 'POST', '/api/v4/leads/pipelines', {
      body: [{ name: 'Ещё', sort: 99, is_main: false, is_unsorted_on: false }],
    });
    expect(a.status).toBe(400);
    expect(a.body.detail).toContain('50');
  });
  it('PATCH 200 toggles unsorted; DELETE refused for the last pipeline and for one with leads', async () => {
    const e = emu('fresh');
    const id = e.store.pipelines[0]!.id;
    const a = await call(e, 'PATCH', `/api/v4/leads/pipelines/${id}`, { body: { is_unsorted_on: false } });
    expect(a.status).toBe(200);
    expect(a.body._embedded.statuses.some((s: any) => s.type === 1)).toBe(false);
    expect((await call(e, 'DELETE', `/api/v4/leads/pipelines/${id}`)).status).toBe(400);
    const m = emu('messy');
    expect((await call(m, 'DELETE', `/api/v4/leads/pipelines/${m.store.pipelines[1]!.id}`)).status).toBe(400);
    const extra = await call(m, 'POST', '/api/v4/leads/pipelines', {
      body: [{ name: 'Пустая', sort: 3, is_main: false, is_unsorted_on: false }],
    });
    expect((await call(m, 'DELETE', `/api/v4/leads/pipelines/${extra.body._embedded.pipelines[0].id}`)).status).toBe(
      204,
    );
  });
  it('statuses: POST 200, max 100, 142/143 not editable, system not deletable', async () => {
    const e = emu('fresh');
    const p = e.store.pipelines[0]!;
    const a = await call(e, 'POST', `/api/v4/leads/pipelines/${p.id}/statuses`, {
      body: [{ name: 'Оплата', sort: 60, color: '#87f2c0' }],
    });
    expect(a.status).toBe(200);
    expect(a.body._embedded.statuses[0]).toMatchObject({ name: 'Оплата', type: 0, is_editable: true });
    const many = Array.from({ length: 93 }, (_, i) => ({ name: `S${i}`, sort: 100 + i }));
    expect((await call(e, 'POST', `/api/v4/leads/pipelines/${p.id}/statuses`, { body: many })).status).toBe(400);
    expect(
      (await call(e, 'POST', `/api/v4/leads/pipelines/${p.id}/statuses`, { body: many.slice(0, 92) })).status,
    ).toBe(200);
    for (const id of [142, 143])
      for (const body of [{ name: 'Успех' }, { sort: 5 }]) {
        const r = await call(e, 'PATCH', `/api/v4/leads/pipelines/${p.id}/statuses/${id}`, { body });
        expect(r.status).toBe(400);
        expect(r.body['validation-errors'][0].errors[0]).toMatchObject({ code: 'NotEditable', path: 'id' });
      }
    expect(p.statuses.find((x) => x.id === 142)!.name).toBe('Успешно реализовано');
    expect((await call(e, 'DELETE', `/api/v4/leads/pipelines/${p.id}/statuses/143`)).status).toBe(400);
    expect(
      (
        await call(e, 'POST', `/api/v4/leads/pipelines/${p.id}/statuses`, {
          body: [{ name: 'X', sort: 1, color: 'red' }],
        })
      ).status,
    ).toBe(400);
  });
  it('a stage that holds deals is not deleted (400), an empty one is (204)', async () => {
    const e = emu('messy');
    const p = e.store.pipelines[0]!;
    const stages = p.statuses.filter((s) => s.type === 0 && s.id !== 142 && s.id !== 143);
    const full = stages.find((s) => e.store.leads.some((l) => l.status_id === s.id))!;
    const before = e.store.leads.filter((l) => l.status_id === full.id).map((l) => l.id);
    const refused = await call(e, 'DELETE', `/api/v4/leads/pipelines/${p.id}/statuses/${full.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/holds leads/);
    expect(e.store.leads.filter((l) => l.status_id === full.id).map((l) => l.id)).toEqual(before);
    const empty = await call(e, 'POST', `/api/v4/leads/pipelines/${p.id}/statuses`, {
      body: [{ name: 'Пусто', sort: 60 }],
    });
    const id = empty.body._embedded.statuses[0].id;
    expect((await call(e, 'DELETE', `/api/v4/leads/pipelines/${p.id}/statuses/${id}`)).status).toBe(204);
  });
});

describe('leads PATCH and calls', () => {
  it('PATCH batch → 200 {_links, _embedded.leads[{id, updated_at, _links}]}', async () => {
    const e = emu('messy');
    const l = e.store.leads.find((x) => x.status_id !== 142 && x.status_id !== 143)!;
    const a = await call(e, 'PATCH', '/api/v4/leads', { body: [{ id: l.id, status_id: 142, request_id: 'r1' }] });
    expect(a.status).toBe(200);
    expect(a.body._embedded.leads[0]).toMatchObject({ id: l.id, request_id: 'r1', updated_at: expect.any(Number) });
    expect(Object.keys(a.body._embedded.leads[0]).sort()).toEqual(['_links', 'id', 'request_id', 'updated_at']);
    expect(e.store.leads.find((x) => x.id === l.id)!.closed_at).not.toBeNull();
    expect((await call(e, 'PATCH', '/api/v4/leads', { body: [{ id: 1 }] })).status).toBe(400);
    expect((await call(e, 'PATCH', '/api/v4/leads', { body: { id: l.id } })).status).toBe(400);
  });
  it('POST /calls matches the last 10 digits, logs a note and an event', async () => {
    const e = emu('messy');
    const c = [...Array(e.store.contacts.length).keys()]
      .map((i) => e.store.contacts.at(i))
      .find((x) => x.custom_fields_values?.some((v) => v.field_code === 'PHONE'))!;
    const ten = String(c.custom_fields_values!.find((v) => v.field_code === 'PHONE')!.values[0]!.value)
      .replace(/\D/g, '')
      .slice(-10);
    const a = await call(e, 'POST', '/api/v4/calls', {
      body: [
        { direction: 'inbound', duration: 42, source: 'mango_office', phone: `+7 ${ten}`, request_id: 'c1' },
        { direction: 'outbound', duration: 5, source: 'mango_office', phone: '+70000000000' },
      ],
    });
    expect(a.status).toBe(200);
    expect(a.body._total_items).toBe(1);
    expect(a.body.errors).toHaveLength(1);
    const made = a.body._embedded.calls[0];
    expect(made).toMatchObject({ request_id: 'c1', entity_type: expect.stringMatching(/^(lead|contact)$/) });
    const ev = await get(e, '/api/v4/events?filter[type][]=incoming_call');
    expect(ev.body._embedded.events[0].value_after).toEqual([{ note: { id: made.id } }]);
    const notes = await get(e, `/api/v4/${made.entity_type}s/notes?filter[note_type][]=call_in`);
    expect(notes.body._embedded.notes[0].params).toMatchObject({ source: 'mango_office', duration: 42 });
    expect((await call(e, 'POST', '/api/v4/calls', { body: [{ direction: 'sideways', phone: '1' }] })).status).toBe(
      400,
    );
  });
});
