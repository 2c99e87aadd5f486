/**
 * The op builders write whole bodies, as the official PHP client's `updateOne` sends `toApi(0)` of an object
 * it read (RoleModel + RightModel, CustomFieldModel + WithEnumCustomFieldModel, StatusModel, PipelineModel).
 */
import { describe, expect, it } from 'vitest';
import type { RoleRightsDto, StatusDto } from '../../src/api/dto';
import { fieldBody } from '../../src/fix/bodies';
import {
  OpRefusedError,
  createField,
  createPipeline,
  createRole,
  createStatus,
  patchField,
  patchPipeline,
  patchRequiredStatuses,
  patchRole,
  renameStatus,
} from '../../src/fix/ops';
import { STATUS_COLORS, nextStatusColor } from '../../src/fix/palette';
import { completeRights, rightsAsRead } from '../../src/fix/rights';
import { restoreOf } from '../../src/fix/apply-op';
import { deepFreeze, field, pipeline, role } from '../audit/fixtures';

const S = { key: 'k' };
const STATUS_ROWS = [
  { entity_type: 'leads', pipeline_id: 10, status_id: 100, rights: { view: 'D', edit: 'D', delete: 'D' } },
  { entity_type: 'leads', pipeline_id: 10, status_id: 101, rights: { view: 'A', edit: 'A', delete: 'D', export: 'A' } },
] as RoleRightsDto['status_rights'];

const READ = deepFreeze(
  role(7, 'Менеджер', {
    leads: { view: 'A', edit: 'A', add: 'A', delete: 'G', export: 'A' },
    contacts: { view: 'M', edit: 'M', add: 'A', delete: 'D', export: 'A' },
    companies: { view: 'G', edit: 'M', add: 'D', delete: 'D', export: 'D' },
    tasks: { edit: 'A', delete: 'M' },
    mail_access: false,
    catalog_access: true,
    status_rights: STATUS_ROWS,
  }),
);

describe('role PATCH: the complete rights object, only the named actions changed', () => {
  const cases: { name: string; changes: Parameters<typeof patchRole>[1]; expect: Partial<RoleRightsDto> }[] = [
    {
      name: 'export narrowed on leads: every other action, block and the stage rights as read',
      changes: { leads: { export: 'D' } },
      expect: { leads: { view: 'A', edit: 'A', add: 'A', delete: 'G', export: 'D' } },
    },
    {
      name: 'delete narrowed on two blocks',
      changes: { leads: { delete: 'M' }, contacts: { delete: 'M' } },
      expect: {
        leads: { view: 'A', edit: 'A', add: 'A', delete: 'M', export: 'A' },
        contacts: { view: 'M', edit: 'M', add: 'A', delete: 'M', export: 'A' },
      },
    },
    {
      name: 'a wider letter is clamped by what it needs (delete needs view and edit, export needs view)',
      changes: { companies: { delete: 'A', export: 'A' } },
      expect: { companies: { view: 'G', edit: 'M', add: 'D', delete: 'M', export: 'G' } },
    },
    { name: 'mail access on', changes: { mail_access: true }, expect: { mail_access: true } },
  ];
  it.each(cases)('$name', ({ changes, expect: changed }) => {
    const op = patchRole(READ, changes, S);
    const asRead = {
      leads: READ.rights.leads,
      contacts: READ.rights.contacts,
      companies: READ.rights.companies,
      tasks: READ.rights.tasks,
      mail_access: false,
      catalog_access: true,
      status_rights: STATUS_ROWS,
    };
    expect(op).toMatchObject({ method: 'PATCH', path: '/api/v4/roles/7', target: { kind: 'role', id: 7 } });
    // RoleModel::toApi: the name, the rights, request_id "0" (updateOne sends toApi(0)).
    expect(op.body).toEqual({ name: 'Менеджер', rights: { ...asRead, ...changed }, request_id: '0' });
    // Undo writes back the whole object exactly as read.
    expect(op.before).toEqual({ name: 'Менеджер', rights: asRead, request_id: '0' });
    expect(restoreOf(op)).toEqual({ name: 'Менеджер', rights: asRead, request_id: '0' });
  });

  it('a role read with gaps is completed as the PHP client completes it (a missing action or block = D)', () => {
    const gappy = { leads: { view: 'A', edit: 'A' }, contacts: { view: 'A', add: 'A' } } as RoleRightsDto;
    expect(completeRights(gappy, { leads: { export: 'A', add: 'M' } })).toEqual({
      // `add` takes only A or D.
      leads: { view: 'A', edit: 'A', add: 'D', delete: 'D', export: 'A' },
      contacts: { view: 'A', edit: 'D', add: 'A', delete: 'D', export: 'D' },
      companies: { view: 'D', edit: 'D', add: 'D', delete: 'D', export: 'D' },
      tasks: { edit: 'D', delete: 'D' },
      mail_access: false,
      catalog_access: false,
      status_rights: null,
    });
    expect(rightsAsRead(gappy).contacts).toEqual({ view: 'A', edit: 'D', add: 'A', delete: 'D', export: 'D' });
  });

  it('catalog_rights (RightModel::toApi always sends it) goes back as read when the role was read with it', () => {
    const rows = [{ catalog_id: 5, rights: { view: 'A', add: 'A', edit: 'A', delete: 'D', export: 'D' } }];
    const withCatalog = deepFreeze(role(8, 'Склад', { catalog_rights: rows }));
    const body = patchRole(withCatalog, { leads: { export: 'D' } }, S).body as { rights: Record<string, unknown> };
    expect(body.rights['catalog_rights']).toEqual(rows);
    const without = patchRole(READ, { leads: { export: 'D' } }, S).body as { rights: Record<string, unknown> };
    expect('catalog_rights' in without.rights).toBe(false);
  });

  it('a new role: name, complete rights and request_id, in an array as the client posts a collection', () => {
    const rights = completeRights({});
    expect(createRole({ name: 'Стажёр', rights }, S).body).toEqual([{ name: 'Стажёр', rights, request_id: '0' }]);
  });

  it('an unchanged role has nothing to undo', () => {
    expect(restoreOf(patchRole(READ, { leads: { view: 'A' } }, S))).toBeNull();
  });
});

describe('field PATCH: always the name, every option of a list field, the whole required_statuses', () => {
  const select = deepFreeze(
    field(5, 'Источник', {
      type: 'select',
      enums: [
        { id: 1, value: 'Сайт', sort: 10, code: 'SITE' },
        { id: 2, value: 'Звонок', sort: 20 },
      ],
      required_statuses: [{ pipeline_id: 10, status_id: 101, extra: 1 } as never, { pipeline_id: 10, status_id: 102 }],
    }),
  );
  const text = deepFreeze(field(6, 'ИНН', { required_statuses: null }));
  const options = [
    { id: 1, value: 'Сайт', sort: 10, code: 'SITE' },
    { id: 2, value: 'Звонок', sort: 20 },
  ];

  /** CustomFieldModel::toApi of the field as read: type, id, name, sort, is_api_only when read, request_id. */
  const whole = (f: typeof select, rest: Record<string, unknown>) => ({
    type: f.type,
    id: f.id,
    name: f.name,
    sort: f.sort,
    request_id: '0',
    ...rest,
  });
  const both = [
    { status_id: 101, pipeline_id: 10 },
    { status_id: 102, pipeline_id: 10 },
  ];

  it.each([
    {
      name: 'select: required_statuses changed, options sent unchanged with their ids',
      op: () => patchRequiredStatuses('leads', select, [{ status_id: 102, pipeline_id: 10 }], S),
      body: whole(select, { enums: options, required_statuses: [{ status_id: 102, pipeline_id: 10 }] }),
      before: whole(select, { enums: options, required_statuses: both }),
    },
    {
      name: 'text: no enums key; a null required_statuses is sent as the whole (empty) array',
      op: () => patchRequiredStatuses('companies', text, [{ status_id: 143, pipeline_id: 10 }], S),
      body: whole(text, { required_statuses: [{ status_id: 143, pipeline_id: 10 }] }),
      before: whole(text, { required_statuses: [] }),
    },
    {
      name: 'an option added keeps the others by id',
      op: () => patchField('leads', select, { enums: [...options, { value: 'Чат', sort: 30 }] }, S),
      body: whole(select, { enums: [...options, { value: 'Чат', sort: 30 }], required_statuses: both }),
      before: fieldBody(select),
    },
    {
      name: 'code, group and is_api_only go as read (fromArray keeps code and group only when set)',
      op: () =>
        patchRequiredStatuses(
          'contacts',
          deepFreeze(
            field(9, 'Телефон', {
              type: 'multitext',
              code: 'PHONE',
              group_id: 'contacts_7',
              is_api_only: false,
              enums: [{ id: 3, value: 'WORK', sort: 2 }],
            }),
          ),
          [],
          S,
        ),
      body: {
        type: 'multitext',
        id: 9,
        name: 'Телефон',
        code: 'PHONE',
        sort: 9,
        group_id: 'contacts_7',
        is_api_only: false,
        // multitext is a WithEnumCustomFieldModel: its options go too.
        enums: [{ id: 3, value: 'WORK', sort: 2 }],
        required_statuses: [],
        request_id: '0',
      },
      before: undefined,
    },
    {
      name: 'a move into a group sends the new group_id',
      op: () => patchField('leads', text, { group_id: 'leads_5' }, S),
      body: whole(text, { group_id: 'leads_5', required_statuses: [] }),
      before: whole(text, { required_statuses: [] }),
    },
    {
      name: 'the per-type keys: a birthday field sends remind',
      op: () =>
        patchRequiredStatuses('contacts', deepFreeze(field(11, 'ДР', { type: 'birthday', remind: 'day' })), [], S),
      body: { type: 'birthday', id: 11, name: 'ДР', sort: 11, required_statuses: [], remind: 'day', request_id: '0' },
      before: undefined,
    },
  ])('$name', ({ op, body, before }) => {
    const o = op();
    expect(o.body).toEqual(body);
    if (before !== undefined) expect(o.before).toEqual(before);
  });

  it('undo of a stale-entry removal writes the field back whole with only what the API can hold', () => {
    const op = patchRequiredStatuses('leads', select, [], S, [{ status_id: 102, pipeline_id: 10 }]);
    expect(op.restore).toEqual(
      whole(select, { enums: options, required_statuses: [{ status_id: 102, pipeline_id: 10 }] }),
    );
  });

  it('a new field: the keys set, and request_id', () => {
    expect(createField('leads', { name: 'Бюджет', type: 'numeric' }, S).body).toEqual([
      { name: 'Бюджет', type: 'numeric', request_id: '0' },
    ]);
  });

  it('an existing option sent without its id is refused (the API would delete it and its values)', () => {
    expect(() => patchField('leads', select, { enums: [{ value: 'Сайт', sort: 10 }] }, S)).toThrow(/without its id/);
  });
});

describe('stages', () => {
  const p = deepFreeze(pipeline(10, ['Первичный контакт', 'Переговоры']));
  const status = (id: number): StatusDto => p._embedded.statuses.find((s) => s.id === id)!;

  it('a new stage gets a documented palette colour no stage of the pipeline uses, and distinct ones in a row', () => {
    const used = ['#fffeb2', '#99ccff'];
    const q = deepFreeze({
      ...p,
      _embedded: { statuses: p._embedded.statuses.map((s, i) => ({ ...s, color: used[i % 2]! })) },
    });
    const colors = [50, 60, 70].map(
      (sort) => (createStatus(q, { name: `S${sort}`, sort }, S).body as { color: string }[])[0]!.color,
    );
    expect(colors.every((c) => (STATUS_COLORS as readonly string[]).includes(c))).toBe(true);
    expect(colors).not.toContain('#fffeb2');
    expect(new Set(colors).size).toBe(3);
    expect(createStatus(p, { name: 'X', sort: 50, color: '#ff8f92' }, S).body).toEqual([
      { name: 'X', sort: 50, color: '#ff8f92', request_id: '0' },
    ]);
    expect(() => createStatus(p, { name: 'X', sort: 50, color: '#123456' }, S)).toThrow(OpRefusedError);
    expect(nextStatusColor([...STATUS_COLORS])).toBe(STATUS_COLORS[0]);
  });

  it('a working stage is renamed in its whole body: name, sort, its colour as read (even off-palette), request_id', () => {
    expect(renameStatus(p, status(101), 'Заявка', S)).toMatchObject({
      method: 'PATCH',
      path: '/api/v4/leads/pipelines/10/statuses/101',
      body: { name: 'Заявка', sort: 20, color: '#99ccff', request_id: '0' },
      before: { name: 'Первичный контакт', sort: 20, color: '#99ccff', request_id: '0' },
    });
  });

  it('a new pipeline: its four keys, its stages each tagged with their index, 142/143 by id, request_id', () => {
    const op = createPipeline(
      {
        name: 'Допродажи',
        sort: 20,
        is_main: false,
        is_unsorted_on: true,
        _embedded: {
          statuses: [
            { name: 'Заявка', sort: 20, color: '#fffeb2' },
            { id: 142, name: 'Успех' },
          ],
        },
      },
      S,
    );
    expect(op.body).toEqual([
      {
        name: 'Допродажи',
        sort: 20,
        is_main: false,
        is_unsorted_on: true,
        _embedded: {
          statuses: [
            { name: 'Заявка', sort: 20, color: '#fffeb2', request_id: '0' },
            { id: 142, name: 'Успех', request_id: '1' },
          ],
        },
        request_id: '0',
      },
    ]);
  });

  it('a pipeline PATCH sends name, sort, is_main and is_unsorted_on (PipelineModel::toApi), never its stages', () => {
    const op = patchPipeline(p, { is_unsorted_on: true }, S);
    const read = { name: p.name, sort: p.sort, is_main: p.is_main, request_id: '0' };
    expect(op.body).toEqual({ ...read, is_unsorted_on: true });
    expect(op.before).toEqual({ ...read, is_unsorted_on: p.is_unsorted_on });
  });

  it.each([
    ['142 (won)', 142],
    ['143 (lost)', 143],
    ['the unsorted stage', 100],
  ])('%s is never PATCHed: the builder refuses', (_name, id) => {
    expect(() => renameStatus(p, status(id), 'X', S)).toThrow(OpRefusedError);
  });
});
