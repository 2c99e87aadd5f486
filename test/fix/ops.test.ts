/** The op builders write whole bodies, as the official PHP client does (RightModel, CustomFieldModel, StatusModel). */
import { describe, expect, it } from 'vitest';
import type { RoleRightsDto, StatusDto } from '../../src/api/dto';
import {
  OpRefusedError,
  createStatus,
  fieldBody,
  patchField,
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
    expect(op.body).toEqual({ rights: { ...asRead, ...changed } });
    // Undo writes back the whole object exactly as read.
    expect(op.before).toEqual({ rights: asRead });
    expect(restoreOf(op)).toEqual({ rights: asRead });
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

  it.each([
    {
      name: 'select: required_statuses changed, options sent unchanged with their ids',
      op: () => patchRequiredStatuses('leads', select, [{ status_id: 102, pipeline_id: 10 }], S),
      body: { name: 'Источник', enums: options, required_statuses: [{ status_id: 102, pipeline_id: 10 }] },
      before: {
        name: 'Источник',
        enums: options,
        required_statuses: [
          { status_id: 101, pipeline_id: 10 },
          { status_id: 102, pipeline_id: 10 },
        ],
      },
    },
    {
      name: 'text: no enums key; a null required_statuses is sent as the whole (empty) array',
      op: () => patchRequiredStatuses('companies', text, [{ status_id: 143, pipeline_id: 10 }], S),
      body: { name: 'ИНН', required_statuses: [{ status_id: 143, pipeline_id: 10 }] },
      before: { name: 'ИНН', required_statuses: [] },
    },
    {
      name: 'an option added keeps the others by id',
      op: () => patchField('leads', select, { enums: [...options, { value: 'Чат', sort: 30 }] }, S),
      body: {
        name: 'Источник',
        enums: [...options, { value: 'Чат', sort: 30 }],
        required_statuses: [
          { status_id: 101, pipeline_id: 10 },
          { status_id: 102, pipeline_id: 10 },
        ],
      },
      before: fieldBody(select),
    },
  ])('$name', ({ op, body, before }) => {
    const o = op();
    expect(o.body).toEqual(body);
    expect(o.before).toEqual(before);
  });

  it('undo of a stale-entry removal writes the field back whole with only what the API can hold', () => {
    const op = patchRequiredStatuses('leads', select, [], S, [{ status_id: 102, pipeline_id: 10 }]);
    expect(op.restore).toEqual({
      name: 'Источник',
      enums: options,
      required_statuses: [{ status_id: 102, pipeline_id: 10 }],
    });
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
      { name: 'X', sort: 50, color: '#ff8f92' },
    ]);
    expect(() => createStatus(p, { name: 'X', sort: 50, color: '#123456' }, S)).toThrow(OpRefusedError);
    expect(nextStatusColor([...STATUS_COLORS])).toBe(STATUS_COLORS[0]);
  });

  it('a working stage is renamed with its name only', () => {
    expect(renameStatus(p, status(101), 'Заявка', S)).toMatchObject({
      method: 'PATCH',
      path: '/api/v4/leads/pipelines/10/statuses/101',
      body: { name: 'Заявка' },
      before: { name: 'Первичный контакт' },
    });
  });

  it.each([
    ['142 (won)', 142],
    ['143 (lost)', 143],
    ['the unsorted stage', 100],
  ])('%s is never PATCHed: the builder refuses', (_name, id) => {
    expect(() => renameStatus(p, status(id), 'X', S)).toThrow(OpRefusedError);
  });
});
