import { expect, it } from 'vitest';
import { ruleTable } from './table';
import {
  closedLead,
  DAY,
  failed,
  HEALTHY_OPEN,
  leadsView,
  MAIN,
  ok,
  pipeline,
  runRule,
  snapshot,
  TAKEN,
  task,
  user,
} from '../fixtures';
import { openLeadsWithoutTask } from '../../../src/audit/rules/usage/open-leads-without-task';
import { overdueTasks } from '../../../src/audit/rules/usage/overdue-tasks';
import { idleOpenLeads } from '../../../src/audit/rules/usage/idle-open-leads';
import { lostWithoutReason } from '../../../src/audit/rules/usage/lost-without-reason';
import { wonWithoutPrice } from '../../../src/audit/rules/usage/won-without-price';
import { leadsWithoutContact } from '../../../src/audit/rules/usage/leads-without-contact';
import { duplicateOpenLeads } from '../../../src/audit/rules/usage/duplicate-open-leads';
import { unsortedBacklog } from '../../../src/audit/rules/usage/unsorted-backlog';
import { leadOwnerConcentration } from '../../../src/audit/rules/usage/lead-owner-concentration';
import { webhooksDisabled } from '../../../src/audit/rules/usage/webhooks-disabled';
import type { OpenLead, OpenTask, UnsortedSignal } from '../../../src/snapshot/types';

// Ten open leads 1001–1010 (owners 3, 4, 5 in turn; stages 101–105), each with an open task and a contact:
// every case is "the healthy account except …". The default thresholds are the (baseline JSON).
const open = (edit: (l: OpenLead, i: number) => Partial<OpenLead> = () => ({})) =>
  HEALTHY_OPEN.map((l, i) => ({ ...l, ...edit(l, i) }));
const leads = (list: OpenLead[], closed = [closedLead(2001)]) => ok(leadsView(list, closed));
const tasksFor = (list: OpenLead[], edit: (t: OpenTask, i: number) => Partial<OpenTask> = () => ({})) =>
  ok(list.map((l, i) => ({ ...task(l.id, { owner: l.owner }), ...edit(task(l.id, { owner: l.owner }), i) })));
const fresh = { leads: ok(leadsView([], [], {})), tasks: ok([]), webhooks: ok([]) };

ruleTable(openLeadsWithoutTask, [
  { name: 'every open lead has an open task', parts: {}, outcome: 'pass' },
  { name: 'a fresh account: no open leads', parts: fresh, outcome: 'not-applicable' },
  {
    name: 'nine open leads are below minOpenLeads (10)',
    parts: { leads: leads(HEALTHY_OPEN.slice(0, 9)), tasks: ok([]) },
    outcome: 'not-applicable',
  },
  {
    name: 'leads in the unsorted stage are not open leads (10 − 1 = 9 left)',
    parts: { leads: leads(open((_, i) => (i === 0 ? { statusId: 100 } : {}))), tasks: ok([]) },
    outcome: 'not-applicable',
  },
  {
    name: 'two of ten without a task is exactly 20%: still a pass',
    parts: { tasks: tasksFor(HEALTHY_OPEN.slice(2)) },
    outcome: 'pass',
  },
  {
    name: 'three of ten without a task: counts per owner',
    parts: { tasks: tasksFor(HEALTHY_OPEN.slice(3)) },
    outcome: 'fail',
    items: ['share', 'user:3', 'user:4', 'user:5'],
  },
  {
    name: 'closest_task_at set but no open task: the tasks win (no task)',
    parts: { tasks: tasksFor(HEALTHY_OPEN.slice(3)), leads: leads(open(() => ({ closestTaskAt: TAKEN + DAY }))) },
    outcome: 'fail',
    items: ['share', 'user:3', 'user:4', 'user:5'],
  },
  {
    name: 'closest_task_at null but an open task: the tasks win (has a task)',
    parts: { leads: leads(open(() => ({ closestTaskAt: null }))) },
    outcome: 'pass',
  },
  {
    name: 'a task on a contact with the lead’s id does not count for the lead',
    parts: { tasks: tasksFor(HEALTHY_OPEN, (_, i) => (i < 3 ? { entityType: 'contacts' } : {})) },
    outcome: 'fail',
    items: ['share', 'user:3', 'user:4', 'user:5'],
  },
]);

it('open-leads-without-task says how many of how many, and names users (ids without the users part)', () => {
  const r = runRule(openLeadsWithoutTask, snapshot({ tasks: tasksFor(HEALTHY_OPEN.slice(3)) }));
  expect(r.items[0]!.text).toBe('Open deals without an open task: 3 of 10 (30%); the baseline allows up to 20%');
  expect(r.items[1]!.text).toBe('User 3: open deals without a task — 1');
  const noUsers = runRule(
    openLeadsWithoutTask,
    snapshot({ tasks: tasksFor(HEALTHY_OPEN.slice(3)), users: failed('forbidden', 403) }),
  );
  expect(noUsers.outcome).toBe('fail');
  expect(noUsers.items[1]!.text).toBe('User 3 (not in the users list): open deals without a task — 1');
  const pass = runRule(openLeadsWithoutTask, snapshot({}));
  expect(pass.evidence.map((e) => e.text)).toEqual([
    'Open deals without an open task: 0 of 10 (0%); the baseline allows up to 20%',
  ]);
});

const dueBefore = (seconds: number) => (_: OpenTask, i: number) => (i < 2 ? { completeTill: TAKEN - seconds } : {});
ruleTable(overdueTasks, [
  { name: 'open tasks are due', parts: {}, outcome: 'pass' },
  { name: 'no open tasks', parts: fresh, outcome: 'not-applicable' },
  {
    name: 'due exactly one day before takenAt is not yet overdue',
    parts: { tasks: tasksFor(HEALTHY_OPEN, dueBefore(DAY)) },
    outcome: 'pass',
  },
  {
    name: 'a second later it is: two of ten is over 10%',
    parts: { tasks: tasksFor(HEALTHY_OPEN, dueBefore(DAY + 1)) },
    outcome: 'fail',
    items: ['share', 'user:3', 'user:4'],
  },
  {
    name: 'one of ten overdue is exactly 10%',
    parts: { tasks: tasksFor(HEALTHY_OPEN, (_, i) => (i === 0 ? { completeTill: TAKEN - 30 * DAY } : {})) },
    outcome: 'pass',
  },
  {
    name: 'the task’s own owner counts, not the lead’s',
    parts: { tasks: tasksFor(HEALTHY_OPEN, (_, i) => (i < 2 ? { completeTill: 1, owner: 9 } : {})) },
    outcome: 'fail',
    items: ['share', 'user:9'],
  },
]);

ruleTable(idleOpenLeads, [
  { name: 'open leads were updated lately', parts: {}, outcome: 'pass' },
  { name: 'a fresh account', parts: fresh, outcome: 'not-applicable' },
  {
    name: 'updated exactly 14 days ago is not idle',
    parts: { leads: leads(open((_, i) => (i < 3 ? { updatedAt: TAKEN - 14 * DAY } : {}))) },
    outcome: 'pass',
  },
  {
    name: 'three of ten idle, counted per stage (most first)',
    parts: {
      leads: leads(open((_, i) => (i < 3 ? { updatedAt: TAKEN - 14 * DAY - 1, statusId: i === 2 ? 103 : 102 } : {}))),
    },
    outcome: 'fail',
    items: ['share', 'stage:10:102', 'stage:10:103'],
  },
]);

it('idle-open-leads names the stage by pipeline and stage name', () => {
  const r = runRule(
    idleOpenLeads,
    snapshot({ leads: leads(open((_, i) => (i < 3 ? { updatedAt: 0, statusId: 102 } : {}))) }),
  );
  expect(r.items[1]!.text).toBe('Продажи / Переговоры: deals unchanged for more than 14 days — 3');
  expect(r.items[1]!.link).toBe('/leads/pipeline/10');
});

const lost = (o: Parameters<typeof closedLead>[1] = {}) => closedLead(3001, { statusId: 143, price: 0, ...o });
ruleTable(lostWithoutReason, [
  { name: 'the lost lead has a loss reason', parts: {}, outcome: 'pass' },
  { name: 'no lead lost in the window', parts: { leads: leads(HEALTHY_OPEN) }, outcome: 'not-applicable' },
  {
    name: 'no reason and no field',
    parts: { leads: leads(HEALTHY_OPEN, [lost()]) },
    outcome: 'fail',
    items: ['user:3'],
  },
  {
    name: 'no loss reason but the field required at 143 of its pipeline is filled',
    parts: { leads: leads(HEALTHY_OPEN, [lost({ filledFieldIds: [501, 502] })]) },
    outcome: 'pass',
  },
  {
    name: 'a filled field that is not required at 143 does not explain the loss',
    parts: { leads: leads(HEALTHY_OPEN, [lost({ filledFieldIds: [501] })]) },
    outcome: 'fail',
    items: ['user:3'],
  },
  {
    name: 'the field is required at 143 of another pipeline only',
    parts: {
      leads: leads(HEALTHY_OPEN, [lost({ pipelineId: 20, filledFieldIds: [502] })]),
      pipelines: ok([MAIN, pipeline(20, ['A', 'B', 'C'])]),
    },
    outcome: 'fail',
    items: ['user:3'],
  },
]);

ruleTable(wonWithoutPrice, [
  { name: 'the won lead has a price', parts: {}, outcome: 'pass' },
  {
    name: 'nothing won in the window',
    parts: { leads: leads(HEALTHY_OPEN, [lost({ lossReasonId: 4 })]) },
    outcome: 'not-applicable',
  },
  {
    name: 'won with price 0',
    parts: { leads: leads(HEALTHY_OPEN, [closedLead(1, { price: 0 }), closedLead(2, { price: 0, owner: 4 })]) },
    outcome: 'fail',
    items: ['user:3', 'user:4'],
  },
]);

ruleTable(leadsWithoutContact, [
  { name: 'every open lead has a contact', parts: {}, outcome: 'pass' },
  { name: 'a fresh account', parts: fresh, outcome: 'not-applicable' },
  {
    name: 'one of ten without a contact is exactly 10%',
    parts: { leads: leads(open((_, i) => (i === 0 ? { contactId: null } : {}))) },
    outcome: 'pass',
  },
  {
    name: 'two of ten without a contact',
    parts: { leads: leads(open((_, i) => (i < 2 ? { contactId: null } : {}))) },
    outcome: 'fail',
    items: ['share', 'user:3', 'user:4'],
  },
]);

ruleTable(duplicateOpenLeads, [
  { name: 'every open lead has its own contact', parts: {}, outcome: 'pass' },
  { name: 'a fresh account', parts: fresh, outcome: 'not-applicable' },
  {
    name: 'three open leads of one contact in one pipeline',
    parts: { leads: leads(open((_, i) => (i < 3 ? { contactId: 77 } : {}))) },
    outcome: 'fail',
    items: ['pipeline:10@contact:77'],
  },
  {
    name: 'the same contact in two pipelines is not a duplicate',
    parts: {
      leads: leads(open((_, i) => (i < 2 ? { contactId: 77, pipelineId: i === 0 ? 10 : 20 } : {}))),
      pipelines: ok([MAIN, pipeline(20, ['A', 'B', 'C'])]),
    },
    outcome: 'pass',
  },
  {
    name: 'leads without a contact are not a group',
    parts: { leads: leads(open((_, i) => (i < 2 ? { contactId: null } : {}))) },
    outcome: 'pass',
  },
]);

it('duplicate-open-leads lists the lead ids of a group', () => {
  const r = runRule(duplicateOpenLeads, snapshot({ leads: leads(open((_, i) => (i < 2 ? { contactId: 77 } : {}))) }));
  expect(r.items[0]!.text).toBe('Продажи: one contact has 2 open deals — #1001, #1002');
  expect(r.items[0]!.data).toEqual({ pipeline_id: 10, contact_id: 77, lead_ids: [1001, 1002] });
  expect(r.items[0]!.link).toBe('/contacts/detail/77');
});

const unsorted = (waiting: UnsortedSignal['waiting'], more = false) =>
  ok<UnsortedSignal>({
    counts: { sip: 0, mail: 0, forms: 0, chats: 0 },
    chatServices: [],
    complete: true,
    waiting,
    more,
  });
ruleTable(unsortedBacklog, [
  { name: 'the only item arrived an hour ago', parts: {}, outcome: 'pass' },
  { name: 'unsorted is empty', parts: { unsorted: unsorted([]) }, outcome: 'not-applicable' },
  {
    name: 'waiting exactly 24 hours is still in time',
    parts: { unsorted: unsorted([{ category: 'forms', createdAt: TAKEN - DAY }]) },
    outcome: 'pass',
  },
  {
    name: 'longer than 24 hours: counted per category',
    parts: {
      unsorted: unsorted([
        { category: 'sip', createdAt: TAKEN - 3 * DAY },
        { category: 'forms', createdAt: TAKEN - DAY - 1 },
        { category: 'forms', createdAt: TAKEN - 2 * DAY },
        { category: 'forms', createdAt: TAKEN - 60 },
      ]),
    },
    outcome: 'fail',
    items: ['category:forms', 'category:sip'],
  },
  {
    name: 'a full page of recent items: older ones may wait beyond it',
    parts: { unsorted: unsorted([{ category: 'chats', createdAt: TAKEN - 60 }], true) },
    outcome: 'needs-review',
    items: ['beyond-page'],
  },
  {
    name: 'old ones on a page with more beyond it: fail, and the counts are lower bounds',
    parts: {
      unsorted: unsorted(
        [
          { category: 'forms', createdAt: TAKEN - 2 * DAY },
          { category: 'chats', createdAt: TAKEN - 60 },
        ],
        true,
      ),
    },
    outcome: 'fail',
    items: ['category:forms', 'beyond-page'],
  },
]);

it('unsorted-backlog never claims to have seen everything when more wait beyond the page', () => {
  const page = Array.from({ length: 250 }, (_, i) => ({ category: 'forms', createdAt: TAKEN - 60 - i }));
  const review = runRule(unsortedBacklog, snapshot({ unsorted: unsorted(page, true) }));
  expect(review.outcome).toBe('needs-review');
  expect(review.items.map((i) => i.text)).toEqual([
    'At least 250 requests wait in Incoming leads: the newest 250, one page, all arrived less than 24 h ago; older ones beyond the page were not read — check by hand',
  ]);
  const overdue = [{ category: 'sip', createdAt: TAKEN - 3 * DAY }, ...page.slice(1)];
  const fail = runRule(unsortedBacklog, snapshot({ unsorted: unsorted(overdue, true) }));
  expect(fail.outcome).toBe('fail');
  expect(fail.items.map((i) => i.text)).toEqual([
    'Calls: waiting in Incoming leads for more than 24 h — 1',
    'More wait beyond the newest 250 requests read (one page); they arrived earlier still, so they too wait longer than 24 h — each count above is a lower bound',
  ]);
  // The same page with nothing beyond it is complete: exact counts, no lower-bound note.
  expect(runRule(unsortedBacklog, snapshot({ unsorted: unsorted(overdue, false) })).items).toHaveLength(1);
});

it('unsorted-backlog words each category', () => {
  const r = runRule(unsortedBacklog, snapshot({ unsorted: unsorted([{ category: 'sip', createdAt: 0 }]) }));
  expect(r.items.map((i) => i.text)).toEqual(['Calls: waiting in Incoming leads for more than 24 h — 1']);
});

const created = (byOwner: Record<string, number>) => ok(leadsView(HEALTHY_OPEN, [], byOwner));
ruleTable(leadOwnerConcentration, [
  { name: 'new leads are spread over three sellers', parts: {}, outcome: 'pass' },
  { name: 'no lead created in the window', parts: { leads: created({}) }, outcome: 'not-applicable' },
  { name: 'exactly 60% to one seller', parts: { leads: created({ 3: 6, 4: 2, 5: 2 }) }, outcome: 'pass' },
  { name: '70% to one seller', parts: { leads: created({ 3: 7, 4: 2, 5: 1 }) }, outcome: 'fail', items: ['user:3'] },
  {
    name: 'only two active sellers: a high share is expected',
    parts: {
      leads: created({ 3: 9, 4: 1 }),
      users: ok([user(1, { admin: true }), user(3), user(4), user(5, { active: false })]),
    },
    outcome: 'pass',
  },
  {
    name: 'leads still in the unsorted stage are nobody’s choice yet: 6 of 10 accepted is 60%',
    parts: {
      leads: ok({
        ...leadsView(HEALTHY_OPEN, [], { 3: 6, 4: 2, 5: 2 }),
        created: [
          ...leadsView([], [], { 3: 6, 4: 2, 5: 2 }).created,
          ...Array.from({ length: 5 }, () => ({ owner: 3, statusId: 100 })),
        ],
      }),
    },
    outcome: 'pass',
  },
  {
    name: 'an admin owns the most',
    parts: { leads: created({ 1: 4, 3: 3, 4: 3 }) },
    outcome: 'fail',
    items: ['user:1'],
  },
]);

ruleTable(webhooksDisabled, [
  { name: 'the webhook works', parts: {}, outcome: 'pass' },
  { name: 'no webhooks', parts: fresh, outcome: 'not-applicable' },
  {
    name: 'one switched off',
    parts: {
      webhooks: ok([
        { id: 1, destination: 'https://a.example.com/hook', disabled: true },
        { id: 2, destination: 'https://b.example.com/hook', disabled: false },
      ]),
    },
    outcome: 'fail',
    items: ['webhook:1'],
  },
]);

it.each([
  [openLeadsWithoutTask, 'tasks'],
  [lostWithoutReason, 'leadFields'],
  [leadOwnerConcentration, 'users'],
  [webhooksDisabled, 'webhooks'],
] as const)('%# a failed required part makes the result error, naming the part', (rule, part) => {
  const r = runRule(rule, snapshot({ [part]: failed('forbidden', 403) }));
  expect(r.outcome).toBe('error');
  expect(r.error?.part).toBe(part);
});

// The line under each In use title counts what was judged and what was found, never "1 signal found".
it.each([
  [openLeadsWithoutTask, {}, 'Open deals judged: 10; without an open task: 0'],
  [openLeadsWithoutTask, { tasks: tasksFor(HEALTHY_OPEN.slice(3)) }, 'Open deals judged: 10; without an open task: 3'],
  [overdueTasks, {}, 'Open tasks judged: 10; overdue by more than 1 d: 0'],
  [idleOpenLeads, {}, 'Open deals judged: 10; unchanged for more than 14 d: 0'],
  [lostWithoutReason, {}, 'Deals lost in the window judged: 1; without a reason: 0'],
  [wonWithoutPrice, {}, 'Deals won in the window judged: 1; with a price of 0: 0'],
  [leadsWithoutContact, {}, 'Open deals judged: 10; without a contact: 0'],
  [duplicateOpenLeads, {}, 'Open deals judged: 10; contacts with several open deals in one pipeline: 0'],
  [unsortedBacklog, {}, 'Requests waiting in Incoming leads judged: 1; waiting more than 24 h: 0'],
  [
    unsortedBacklog,
    { unsorted: unsorted([{ category: 'sip', createdAt: 0 }], true) },
    'Requests waiting in Incoming leads judged: the newest 1 (one page; more wait beyond it); waiting more than 24 h: 1',
  ],
  [leadOwnerConcentration, {}, 'New deals in the window judged: 10; most owned by one user: 4 (40%)'],
  [webhooksDisabled, {}, 'Webhooks judged: 1; switched off: 0'],
] as const)('%# the summary says what was judged: %s', (rule, parts, text) => {
  expect(runRule(rule, snapshot(parts)).message).toBe(text);
});
