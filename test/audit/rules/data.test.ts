import { expect, it } from 'vitest';
import { ruleTable } from './table';
import { leadsView, ok, openLead, runRule, snapshot, task, user } from '../fixtures';
import { initialDataMissing } from '../../../src/audit/rules/data/initial-data-missing';
import { recordsOwnedByInactiveUsers } from '../../../src/audit/rules/data/records-owned-by-inactive-users';
import { duplicateContacts } from '../../../src/audit/rules/data/duplicate-contacts';
import { contactsWithoutChannels } from '../../../src/audit/rules/data/contacts-without-channels';
import type { ContactsView } from '../../../src/snapshot/types';

const contacts = (v: Partial<ContactsView> = {}) =>
  ok<ContactsView>({
    total: 3,
    byOwner: { 3: 3 },
    withoutChannels: { count: 0, sampleIds: [] },
    duplicates: [],
    ...v,
  });
const companies = (total: number) => ok({ total, exact: true });

ruleTable(initialDataMissing, [
  { name: 'contacts and companies', parts: {}, outcome: 'pass' },
  {
    name: 'only companies',
    parts: { contacts: contacts({ total: 0, byOwner: {} }), companies: companies(1) },
    outcome: 'pass',
  },
  { name: 'only contacts', parts: { companies: companies(0) }, outcome: 'pass' },
  {
    name: 'neither',
    parts: { contacts: contacts({ total: 0, byOwner: {} }), companies: companies(0) },
    outcome: 'fail',
    items: ['data:empty'],
  },
]);

// Companies are read only without contacts, and then with limit=1: the evidence says what was counted.
it.each([
  ['both counted', {}, 'Contacts: 10, companies: 2'],
  [
    'contacts present, companies not read',
    { companies: ok({ total: 0, exact: false }) },
    'Contacts: 10 (companies were not counted: the contacts already show the base is in)',
  ],
  [
    'no contacts, one company on a page of one',
    { contacts: contacts({ total: 0, byOwner: {} }), companies: ok({ total: 1, exact: false }) },
    'No contacts; companies: at least 1 (one is enough to show the base is in)',
  ],
] as const)('initial-data-missing evidence: %s', (_name, parts, text) => {
  const r = runRule(initialDataMissing, snapshot(parts));
  expect(r.outcome).toBe('pass');
  expect(r.evidence.map((e) => e.text)).toEqual([text]);
});

ruleTable(recordsOwnedByInactiveUsers, [
  { name: 'owners are active', parts: {}, outcome: 'pass' },
  {
    name: 'inactive, free and unknown owners; counts per user',
    parts: {
      users: ok([user(1, { admin: true }), user(3), user(4, { active: false }), user(5, { free: true })]),
      contacts: contacts({ byOwner: { 3: 1, 4: 2, 77: 1 } }),
      leads: ok(leadsView([openLead(1, { owner: 5 }), openLead(2, { owner: 4 }), openLead(3, { owner: 4 })])),
      tasks: ok([]),
    },
    outcome: 'fail',
    items: ['user:4', 'user:5', 'user:77'],
  },
  {
    name: 'zero counts are ignored',
    parts: { leads: ok({ ...leadsView([]), byOwner: { 9: 0 } }), tasks: ok([]) },
    outcome: 'pass',
  },
  {
    name: 'open tasks of an inactive user count, by the task’s own owner (not the lead’s)',
    parts: {
      users: ok([user(1, { admin: true }), user(3), user(6, { active: false })]),
      contacts: contacts({ byOwner: { 3: 3 } }),
      leads: ok(leadsView([openLead(1, { owner: 3 })])),
      tasks: ok([task(1, { owner: 6 }), task(2, { owner: 3 })]),
    },
    outcome: 'fail',
    items: ['user:6'],
  },
]);

it('records-owned-by-inactive-users item counts leads and contacts', () => {
  const r = runRule(
    recordsOwnedByInactiveUsers,
    snapshot({
      users: ok([user(1, { admin: true }), user(4, { active: false })]),
      contacts: contacts({ byOwner: { 4: 2 } }),
      leads: ok(leadsView([openLead(1, { owner: 4 }), openLead(2, { owner: 4 }), openLead(3, { owner: 4 })])),
      tasks: ok([task(1, { owner: 4 })]),
    }),
  );
  expect(r.items[0]!.data).toEqual({ user_id: 4, known: true, leads: 3, contacts: 2, tasks: 1 });
  expect(r.items[0]!.text).toBe('User 4: open deals: 3, contacts: 2, open tasks: 1');
});

ruleTable(duplicateContacts, [
  { name: 'no groups', parts: {}, outcome: 'pass' },
  {
    name: 'phone and email groups',
    parts: {
      contacts: contacts({
        duplicates: [
          { kind: 'phone', key: '9161234567', contactIds: [1, 2] },
          { kind: 'email', key: 'a@b.ru', contactIds: [2, 3, 4] },
        ],
      }),
    },
    outcome: 'fail',
    items: ['phone:9161234567', 'email:a@b.ru'],
  },
  { name: 'no contacts', parts: { contacts: contacts({ total: 0, byOwner: {} }) }, outcome: 'not-applicable' },
]);

ruleTable(contactsWithoutChannels, [
  { name: 'all reachable', parts: {}, outcome: 'pass' },
  {
    name: 'sample covers all',
    parts: { contacts: contacts({ withoutChannels: { count: 2, sampleIds: [5, 6] } }) },
    outcome: 'fail',
    items: ['contact:5', 'contact:6'],
  },
  {
    name: 'more than the sample',
    parts: { contacts: contacts({ withoutChannels: { count: 9, sampleIds: [5] } }) },
    outcome: 'fail',
    items: ['contact:5', 'contacts:more'],
  },
  { name: 'no contacts', parts: { contacts: contacts({ total: 0, byOwner: {} }) }, outcome: 'not-applicable' },
]);

it('contacts-without-channels links to the contact and counts the rest', () => {
  const r = runRule(
    contactsWithoutChannels,
    snapshot({ contacts: contacts({ withoutChannels: { count: 9, sampleIds: [5] } }) }),
  );
  expect(r.items[0]!.link).toBe('/contacts/detail/5');
  expect(r.items[1]!.text).toBe('…and 8 more contacts');
});

it.each([
  { names: { 5: 'Иван Петров' }, text: 'Contact «Иван Петров» (#5) has neither phone nor email' },
  { names: undefined, text: 'Contact 5 has neither phone nor email' },
])('contacts-without-channels names the contact when the view knows it ($text)', ({ names, text }) => {
  const r = runRule(
    contactsWithoutChannels,
    snapshot({ contacts: contacts({ withoutChannels: { count: 1, sampleIds: [5] }, ...(names ? { names } : {}) }) }),
  );
  expect(r.items[0]!.text).toBe(text);
});

it.each<{ ids: number[]; names: Record<string, string>; shown: string; data: (string | null)[] }>([
  { ids: [1, 2], names: { 1: 'Анна', 2: 'Борис' }, shown: 'Анна, Борис', data: ['Анна', 'Борис'] },
  { ids: [1, 2], names: { 2: 'Борис' }, shown: '#1, Борис', data: [null, 'Борис'] },
  { ids: [1, 2, 3, 4], names: {}, shown: '#1, #2, #3, …', data: [null, null, null, null] },
])('duplicate-contacts lists the group by name: $shown', ({ ids, names, shown, data }) => {
  const r = runRule(
    duplicateContacts,
    snapshot({ contacts: contacts({ duplicates: [{ kind: 'phone', key: '9161234567', contactIds: ids }], names }) }),
  );
  expect(r.items[0]!.text).toBe(`Phone 9161234567: ${ids.length} contacts — ${shown}`);
  expect((r.items[0]!.data as { contact_names: unknown }).contact_names).toEqual(data);
});
