import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/api/client';
import type { LeadDto, TaskDto } from '../../src/api/dto';
import { leads } from '../../src/snapshot/gatherers/leads';
import { tasks, webhooks } from '../../src/snapshot/gatherers/usage';
import type { GatherContext } from '../../src/snapshot/gatherers/types';

// The usage gatherers over tiny frozen pages: what each keeps of a record, and what it refuses to trust.
const WINDOW = { from: 1_000_000, to: 1_000_000 + 30 * 86_400, days: 30 };
const seen: { path: string; query: unknown }[] = [];

function ctxOver(pages: unknown[][], body: unknown = null): GatherContext {
  const client = {
    async *pages(path: string, _collection: string, opts: { query?: unknown }) {
      seen.push({ path, query: opts.query });
      for (const page of pages) yield Object.freeze(page);
    },
    async get(path: string, opts: { query?: unknown } = {}) {
      seen.push({ path, query: opts.query });
      return body;
    },
  } as unknown as ApiClient;
  return { client, window: WINDOW, tick: () => {}, part: async () => undefined };
}

const lead = (id: number, o: Partial<LeadDto> = {}): LeadDto => ({
  id,
  name: `Lead ${id}`,
  price: 100,
  responsible_user_id: 3,
  status_id: 11,
  pipeline_id: 1,
  created_at: WINDOW.from - 10,
  updated_at: WINDOW.to - 10,
  custom_fields_values: null,
  ...o,
});

describe('leads gatherer', () => {
  it('reads every lead once with contacts and loss reasons, no server filter', async () => {
    seen.length = 0;
    await leads.run(ctxOver([[]]));
    expect(seen).toEqual([{ path: '/api/v4/leads', query: { with: 'contacts,loss_reason' } }]);
  });

  it('open leads keep owner, stage, update, closest task (≤ 0 is none) and the main contact', async () => {
    const view = await leads.run(
      ctxOver([
        [
          lead(1, {
            closest_task_at: 0,
            _embedded: {
              contacts: [
                { id: 7, is_main: false },
                { id: 8, is_main: true },
              ],
            },
          }),
          lead(2, { closest_task_at: WINDOW.to + 5, _embedded: { contacts: [{ id: 9 }] } }),
          lead(3, { _embedded: { contacts: [] } }),
        ],
      ]),
    );
    expect(view.open).toEqual([
      { id: 1, owner: 3, pipelineId: 1, statusId: 11, updatedAt: WINDOW.to - 10, closestTaskAt: null, contactId: 8 },
      {
        id: 2,
        owner: 3,
        pipelineId: 1,
        statusId: 11,
        updatedAt: WINDOW.to - 10,
        closestTaskAt: WINDOW.to + 5,
        contactId: 9,
      },
      { id: 3, owner: 3, pipelineId: 1, statusId: 11, updatedAt: WINDOW.to - 10, closestTaskAt: null, contactId: null },
    ]);
    expect(view.byOwner).toEqual({ 3: 3 });
    expect(view.byStage).toEqual({ '1:11': 3 });
  });

  it('closed leads only inside the window; 0 as loss_reason_id is none; the embedded reason counts either shape', async () => {
    const lost = (id: number, o: Partial<LeadDto>) => lead(id, { status_id: 143, closed_at: WINDOW.from, ...o });
    const view = await leads.run(
      ctxOver([
        [
          lost(1, { loss_reason_id: 0 }),
          lost(2, { loss_reason_id: 0, _embedded: { loss_reason: [{ id: 5, name: 'Дорого' }] } }),
          lost(3, { loss_reason_id: null, _embedded: { loss_reason: { id: 6, name: 'Конкурент' } } }),
          lost(4, { loss_reason_id: 9, closed_at: WINDOW.to }),
          lost(5, { closed_at: WINDOW.from - 1 }),
          lead(6, { status_id: 142, closed_at: WINDOW.to + 1 }),
          lead(7, {
            status_id: 142,
            price: null,
            closed_at: WINDOW.to - 1,
            custom_fields_values: [
              { field_id: 30, values: [{ value: '' }] },
              { field_id: 20, values: [{ value: 'x' }] },
            ],
          }),
        ],
      ]),
    );
    expect(view.closed.map((l) => [l.id, l.statusId, l.lossReasonId, l.price, l.filledFieldIds])).toEqual([
      [1, 143, null, 100, []],
      [2, 143, 5, 100, []],
      [3, 143, 6, 100, []],
      [4, 143, 9, 100, []],
      [7, 142, null, 0, [20]],
    ]);
    expect(view.open).toEqual([]);
    expect(view.total).toBe(7);
  });

  it('owners of the leads created in the window, at its edges inclusive', async () => {
    const view = await leads.run(
      ctxOver([
        [
          lead(1, { created_at: WINDOW.from, responsible_user_id: 4 }),
          lead(2, { created_at: WINDOW.to, responsible_user_id: 4, status_id: 142, closed_at: WINDOW.to }),
          lead(3, { created_at: WINDOW.from - 1, responsible_user_id: 5 }),
        ],
      ]),
    );
    expect(view.created).toEqual([
      { owner: 4, statusId: 11 },
      { owner: 4, statusId: 142 },
    ]);
  });
});

describe('tasks gatherer', () => {
  const t = (id: number, o: Partial<TaskDto> = {}): TaskDto => ({
    id,
    responsible_user_id: 3,
    entity_id: 10,
    entity_type: 'leads',
    is_completed: false,
    complete_till: 500,
    ...o,
  });

  it('asks for open tasks and still drops done ones a server that ignores the filter returns', async () => {
    seen.length = 0;
    const open = await tasks.run(
      ctxOver([
        [t(1), t(2, { is_completed: true }), t(3, { entity_id: 0, entity_type: 'leads', responsible_user_id: 9 })],
      ]),
    );
    expect(seen).toEqual([{ path: '/api/v4/tasks', query: { 'filter[is_completed]': 0 } }]);
    expect(open).toEqual([
      { id: 1, owner: 3, entityType: 'leads', entityId: 10, completeTill: 500 },
      { id: 3, owner: 9, entityType: null, entityId: null, completeTill: 500 },
    ]);
  });
});

describe('webhooks gatherer', () => {
  it('keeps id, disabled and the destination without query or credentials', async () => {
    const body = {
      _embedded: {
        webhooks: [
          { id: 1, destination: 'https://user:pw@hooks.example.com/amo?key=secret#x', disabled: true },
          { id: 2, destination: 'not a url', disabled: false },
        ],
      },
    };
    seen.length = 0;
    expect(await webhooks.run(ctxOver([], body))).toEqual([
      { id: 1, destination: 'https://hooks.example.com/amo', disabled: true },
      { id: 2, destination: '', disabled: false },
    ]);
    expect(seen).toEqual([{ path: '/api/v4/webhooks', query: undefined }]);
    expect(await webhooks.run(ctxOver([], null))).toEqual([]);
  });
});
