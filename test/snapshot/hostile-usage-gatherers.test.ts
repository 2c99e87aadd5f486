import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from '../../src/api/errors';
import { overdueTasks } from '../../src/audit/rules/usage/overdue-tasks';
import { leads } from '../../src/snapshot/gatherers/leads';
import type { GatherContext } from '../../src/snapshot/gatherers/types';
import { tasks, webhooks } from '../../src/snapshot/gatherers/usage';
import { HEALTHY_OPEN, runRule, snapshot, task } from '../audit/fixtures';
import { halPage, makeClient, type Script } from '../api/fake';
import { gatherSnapshot } from '../../src/snapshot/gather';
import { emulated, FIXED_NOW } from '../support/emulated';

// The In use gatherers against a hostile account: every record off the reference shape (addendum §1.1, §2.1)
// is skipped and counted, never guessed at, and no page shape crashes the gathering.
const WINDOW = { from: 1_000_000, to: 1_000_000 + 30 * 86_400, days: 30 };

function ctxOver(script: Script[]) {
  const { client } = makeClient(script);
  const counted = { unreadable: 0 };
  const ctx: GatherContext = {
    client,
    window: WINDOW,
    tick: () => {},
    part: async () => undefined,
    unreadable: (n = 1) => {
      counted.unreadable += n;
    },
  };
  return { ctx, counted };
}

const goodTask = {
  id: 1,
  responsible_user_id: 3,
  entity_type: 'leads',
  entity_id: 11,
  is_completed: false,
  complete_till: WINDOW.to,
  result: [],
};

describe('tasks gatherer on hostile records', () => {
  it.each([
    { name: 'a task on a lead', task: {}, kept: { entityType: 'leads', entityId: 11 } },
    { name: 'a task on a contact', task: { entity_type: 'contacts', entity_id: 7 }, kept: { entityType: 'contacts' } },
    {
      name: 'a task on a customer without entity_id',
      task: { entity_type: 'customers', entity_id: null },
      kept: { entityType: null, entityId: null },
    },
    { name: 'a task linked to nothing (0)', task: { entity_type: null, entity_id: 0 }, kept: { entityType: null } },
    { name: 'owner is a deleted user (kept, named by id)', task: { responsible_user_id: 999 }, kept: { owner: 999 } },
    { name: 'complete_till missing', task: { complete_till: undefined }, kept: 'unreadable' },
    { name: 'complete_till as a string', task: { complete_till: '1740000000' }, kept: 'unreadable' },
    { name: 'complete_till null', task: { complete_till: null }, kept: 'unreadable' },
    { name: 'responsible_user_id missing', task: { responsible_user_id: undefined }, kept: 'unreadable' },
    { name: 'id as a string', task: { id: '1' }, kept: 'unreadable' },
    { name: 'is_completed missing', task: { is_completed: undefined }, kept: 'unreadable' },
    { name: 'done (the server ignored the filter)', task: { is_completed: true }, kept: 'dropped' },
  ] as const)('$name', async ({ task: edit, kept }) => {
    const { ctx, counted } = ctxOver([{ status: 200, body: halPage('tasks', [{ ...goodTask, ...edit }]) }]);
    const open = await tasks.run(ctx);
    if (kept === 'unreadable' || kept === 'dropped') {
      expect(open).toEqual([]);
      expect(counted.unreadable).toBe(kept === 'unreadable' ? 1 : 0);
    } else {
      expect(open).toEqual([expect.objectContaining(kept)]);
      expect(counted.unreadable).toBe(0);
    }
  });

  it('null and non-object items are counted, the readable ones kept', async () => {
    const { ctx, counted } = ctxOver([
      { status: 200, body: halPage('tasks', [null, 'task', { ...goodTask, id: 2 }, 42]) },
    ]);
    expect((await tasks.run(ctx)).map((t) => t.id)).toEqual([2]);
    expect(counted.unreadable).toBe(3);
  });
});

describe('task and lead pages on a hostile account', () => {
  it.each([
    {
      name: 'a page with _links.next but an empty list goes on to the next page',
      script: [
        { status: 200, body: halPage('tasks', [], '/api/v4/tasks?page=2&limit=250') },
        { status: 200, body: halPage('tasks', [goodTask]) },
      ],
      ids: [1],
    },
    { name: 'a 204 is an empty list', script: [{ status: 204 }], ids: [] },
    {
      name: 'a 204 after a page ends the list',
      script: [{ status: 200, body: halPage('tasks', [goodTask], '/api/v4/tasks?page=2&limit=250') }, { status: 204 }],
      ids: [1],
    },
  ] as { name: string; script: Script[]; ids: number[] }[])('$name', async ({ script, ids }) => {
    const { ctx, counted } = ctxOver(script);
    expect((await tasks.run(ctx)).map((t) => t.id)).toEqual(ids);
    expect(counted.unreadable).toBe(0);
  });

  it('a page with _links.next but no list in _embedded fails the part as malformed (contained), not a crash', async () => {
    const body = { _links: { next: { href: '/api/v4/leads?page=2' } }, _embedded: {} };
    const { ctx } = ctxOver([{ status: 200, body }]);
    await expect(leads.run(ctx)).rejects.toBeInstanceOf(MalformedResponseError);
  });

  it('webhooks: a 204 is none; an item without an integer id is counted', async () => {
    expect(await webhooks.run(ctxOver([{ status: 204 }]).ctx)).toEqual([]);
    const { ctx, counted } = ctxOver([
      {
        status: 200,
        body: { _embedded: { webhooks: [{ id: 1, destination: 'https://a.example.com/h?k=1' }, { id: 'x' }] } },
      },
    ]);
    expect(await webhooks.run(ctx)).toEqual([{ id: 1, destination: 'https://a.example.com/h', disabled: false }]);
    expect(counted.unreadable).toBe(1);
  });
});

const goodLead = {
  id: 1,
  name: 'Lead',
  price: 100,
  responsible_user_id: 3,
  status_id: 11,
  pipeline_id: 1,
  created_at: WINDOW.from - 10,
  updated_at: WINDOW.to - 10,
  closest_task_at: null,
  custom_fields_values: null,
};
const lost = { status_id: 143, closed_at: WINDOW.to - 5 };
const won = { status_id: 142, closed_at: WINDOW.to - 5 };

describe('leads gatherer on hostile records', () => {
  it.each([
    { name: 'an open lead', lead: {}, open: { closestTaskAt: null, contactId: null } },
    { name: 'closest_task_at 0 is none', lead: { closest_task_at: 0 }, open: { closestTaskAt: null } },
    { name: 'closest_task_at null is none', lead: { closest_task_at: null }, open: { closestTaskAt: null } },
    { name: '_embedded not an object', lead: { _embedded: 'x' }, open: { contactId: null } },
    {
      name: 'loss_reason embedded as an object',
      lead: { ...lost, loss_reason_id: null, _embedded: { loss_reason: { id: 6, name: 'Дорого' } } },
      closed: { lossReasonId: 6 },
    },
    {
      name: 'loss_reason embedded as an array of one',
      lead: { ...lost, loss_reason_id: 0, _embedded: { loss_reason: [{ id: 5, name: 'Конкурент' }] } },
      closed: { lossReasonId: 5 },
    },
    { name: 'price null on a won lead is no price', lead: { ...won, price: null }, closed: { price: 0 } },
    { name: 'price as a string', lead: { price: '100' }, unreadable: true },
    { name: 'updated_at missing', lead: { updated_at: undefined }, unreadable: true },
    { name: 'status_id as a string', lead: { status_id: '11' }, unreadable: true },
    { name: 'responsible_user_id null', lead: { responsible_user_id: null }, unreadable: true },
    { name: 'custom_fields_values an object', lead: { custom_fields_values: { 1: 'x' } }, unreadable: true },
    { name: 'a deleted lead is left out, not unreadable', lead: { is_deleted: true }, gone: true },
  ] as const)('$name', async (row) => {
    const { ctx, counted } = ctxOver([{ status: 200, body: halPage('leads', [{ ...goodLead, ...row.lead }]) }]);
    const view = await leads.run(ctx);
    expect(counted.unreadable).toBe('unreadable' in row ? 1 : 0);
    if ('open' in row) expect(view.open).toEqual([expect.objectContaining(row.open)]);
    if ('closed' in row) expect(view.closed).toEqual([expect.objectContaining(row.closed)]);
    if ('unreadable' in row || 'gone' in row) expect(view.total).toBe(0);
  });
});

describe('a result says how many records were unreadable', () => {
  it('overdue-tasks judges the readable tasks and says how many it skipped', () => {
    const part = { data: HEALTHY_OPEN.map((l) => task(l.id, { owner: l.owner })), unreadable: 2 };
    const r = runRule(overdueTasks, snapshot({ tasks: part }));
    expect(r.outcome).toBe('pass');
    expect(r.message).toBe('Open tasks judged: 10; overdue by more than 1 d: 0; unreadable records skipped: 2');
  });
});

describe('a gathered part keeps the count of its unreadable records', () => {
  it('open tasks with a task off the shape: the part holds the readable ones and unreadable 1', async () => {
    const { emulator, client } = emulated('busy');
    emulator.faults.once({
      method: 'GET',
      path: '/api/v4/tasks',
      fault: { status: 200, body: halPage('tasks', [goodTask, { ...goodTask, id: 2, complete_till: 'soon' }]) },
    });
    const snap = await gatherSnapshot(client, { parts: ['tasks'], windowDays: 30, now: () => new Date(FIXED_NOW) });
    expect(snap.parts.tasks).toEqual({ data: [expect.objectContaining({ id: 1 })], unreadable: 1 });
  });
});
