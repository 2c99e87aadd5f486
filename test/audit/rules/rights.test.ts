import { expect, it } from 'vitest';
import { ruleTable } from './table';
import { ok, role, runRule, snapshot, user } from '../fixtures';
import { excessAdmins } from '../../../src/audit/rules/rights/excess-admins';
import { singleAdmin } from '../../../src/audit/rules/rights/single-admin';
import { exportOpen } from '../../../src/audit/rules/rights/export-open';
import { deleteOpen } from '../../../src/audit/rules/rights/delete-open';
import { usersWithoutRole } from '../../../src/audit/rules/rights/users-without-role';

const admins = (n: number, from = 1) => Array.from({ length: n }, (_, i) => user(from + i, { admin: true }));
const managers = (n: number, from = 100) => Array.from({ length: n }, (_, i) => user(from + i));

ruleTable(excessAdmins, [
  { name: '2 admins of 5', parts: {}, outcome: 'pass' },
  {
    name: '3 admins of 5 (limit max(2, ceil(1)) = 2)',
    parts: { users: ok([...admins(3), ...managers(2)]) },
    outcome: 'fail',
    items: ['user:1', 'user:2', 'user:3'],
  },
  {
    name: '3 admins of 15 (limit ceil(3) = 3)',
    parts: { users: ok([...admins(3), ...managers(12)]) },
    outcome: 'pass',
  },
  { name: '4 admins of 15', parts: { users: ok([...admins(4), ...managers(11)]) }, outcome: 'fail' },
  {
    name: 'inactive and free admins do not count',
    parts: {
      users: ok([
        ...admins(2),
        user(7, { admin: true, active: false }),
        user(8, { admin: true, free: true }),
        ...managers(1),
      ]),
    },
    outcome: 'pass',
  },
]);

ruleTable(singleAdmin, [
  { name: 'two admins', parts: {}, outcome: 'pass' },
  {
    name: 'one admin of 3 active users',
    parts: { users: ok([...admins(1), ...managers(2)]) },
    outcome: 'fail',
    items: ['user:1'],
  },
  {
    name: 'one admin of 2 active users',
    parts: { users: ok([...admins(1), ...managers(1), user(9, { active: false })]) },
    outcome: 'not-applicable',
  },
  {
    name: 'second admin inactive',
    parts: { users: ok([...admins(1), user(2, { admin: true, active: false }), ...managers(3)]) },
    outcome: 'fail',
  },
]);

const exportAll = { leads: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'A' } } as const;
ruleTable(exportOpen, [
  { name: 'baseline rights', parts: {}, outcome: 'pass', items: [] },
  {
    name: 'a role and its user, and a user without a role',
    plan: {
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/roles/10',
          body: {
            rights: {
              leads: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' },
              contacts: { view: 'A', edit: 'D', add: 'D', delete: 'D', export: 'A' },
              companies: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' },
              tasks: { edit: 'M', delete: 'M' },
              mail_access: true,
              catalog_access: false,
              status_rights: null,
            },
          },
          summary: { key: 'fix.op.roleRight.export.leads', params: { role: 'Менеджер', before: 'A', after: 'D' } },
        },
        {
          method: 'PATCH',
          path: '/api/v4/roles/10',
          body: {
            rights: {
              // Built on the first PATCH: a replacing PATCH must not put leads' export back.
              leads: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' },
              contacts: { view: 'A', edit: 'D', add: 'D', delete: 'D', export: 'D' },
              companies: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' },
              tasks: { edit: 'M', delete: 'M' },
              mail_access: true,
              catalog_access: false,
              status_rights: null,
            },
          },
          summary: { key: 'fix.op.roleRight.export.contacts', params: { role: 'Менеджер', before: 'A', after: 'D' } },
        },
      ],
      manual: [{ key: 'fix.manual.userNoRole.export', params: { user: 'User 4' } }],
    },
    parts: {
      roles: ok([role(10, 'Менеджер', { ...exportAll, contacts: { view: 'A', export: 'A' } })]),
      users: ok([
        ...admins(2),
        user(3, { rights: { ...exportAll, contacts: { view: 'A', export: 'A' } } }),
        user(4, { roleId: null, rights: { companies: { view: 'A', export: 'A' } } }),
        user(5),
      ]),
    },
    outcome: 'fail',
    items: ['role:10@leads', 'role:10@contacts', 'user:3', 'user:4'],
  },
  {
    name: 'admins and inactive users are not listed; M and G are not "all"',
    parts: {
      users: ok([
        user(1, { admin: true, rights: exportAll }),
        user(2, { admin: true }),
        user(3, { active: false, rights: exportAll }),
        user(4, { rights: { leads: { view: 'A', export: 'G' } } }),
      ]),
    },
    outcome: 'pass',
  },
]);

it('export-open items name the role for users and carry ids for a plan', () => {
  const r = runRule(
    exportOpen,
    snapshot({
      roles: ok([role(10, 'Менеджер', exportAll)]),
      users: ok([...admins(2), user(3, { rights: exportAll })]),
    }),
  );
  expect(r.items.map((i) => i.data)).toEqual([
    { kind: 'role', role_id: 10, entity: 'leads', value: 'A' },
    { kind: 'user', user_id: 3, role_id: 10, entities: ['leads'] },
  ]);
  expect(r.items[1]!.text).toContain('Менеджер');
});

ruleTable(deleteOpen, [
  { name: 'delete M', parts: {}, outcome: 'pass' },
  {
    name: 'role with G on companies, user with A on leads',
    plan: {
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/roles/10',
          body: {
            rights: {
              leads: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' },
              contacts: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' },
              companies: { view: 'A', edit: 'A', add: 'D', delete: 'M', export: 'D' },
              tasks: { edit: 'M', delete: 'M' },
              mail_access: true,
              catalog_access: false,
              status_rights: null,
            },
          },
          summary: { key: 'fix.op.roleRight.delete.companies', params: { role: 'R', before: 'G', after: 'M' } },
        },
      ],
      manual: [{ key: 'fix.manual.userNoRole.delete', params: { user: 'User 3' } }],
    },
    parts: {
      roles: ok([role(10, 'R', { companies: { view: 'A', edit: 'A', delete: 'G' } })]),
      users: ok([...admins(2), user(3, { roleId: null, rights: { leads: { view: 'A', edit: 'A', delete: 'A' } } })]),
    },
    outcome: 'fail',
    items: ['role:10@companies', 'user:3'],
  },
  { name: 'delete D', parts: { roles: ok([role(10, 'R', { leads: { view: 'A', delete: 'D' } })]) }, outcome: 'pass' },
]);

ruleTable(usersWithoutRole, [
  { name: 'all managers have a role', parts: {}, outcome: 'pass' },
  {
    name: 'some without role',
    parts: {
      users: ok([
        ...admins(1),
        user(3, { roleId: null }),
        user(4),
        user(5, { roleId: null }),
        user(6, { roleId: null, active: false }),
      ]),
    },
    outcome: 'fail',
    items: ['user:3', 'user:5'],
  },
  {
    name: 'fewer than 3 active non-admins',
    parts: { users: ok([...admins(1), user(3, { roleId: null }), user(4)]) },
    outcome: 'not-applicable',
  },
]);
