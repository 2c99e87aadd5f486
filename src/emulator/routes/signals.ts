/** Read-only signal endpoints: widgets, unsorted (+summary), events, notes, website buttons, sources. */
import type { FieldEntity } from '../../api/dto';
import { requireAdmin, route } from '../router';
import type { Route } from '../router';
import { EVENTS_PAGING, Problem, arrayListResponse, hal, inRange, multi, noContent, range, withSet } from '../http';
import { buttonOut, eventOut, noteOut, unsortedOut, widgetOut } from '../serialize';
import { selfLink } from '../http';

/** Signal routes. */
export const signalRoutes: Route[] = [
  route('GET', '/api/v4/widgets', (ctx) =>
    arrayListResponse(
      { origin: ctx.origin, path: '/api/v4/widgets', query: ctx.query, collection: 'widgets', meta: 'page' },
      ctx.store.widgets,
      (w) => widgetOut(ctx.origin, w),
    ),
  ),
  route('GET', '/api/v4/widgets/:code', (ctx) => {
    const w = ctx.store.widgets.find((x) => x.code === ctx.params['code']);
    if (!w) throw new Problem(404, 'Widget not found');
    return hal(widgetOut(ctx.origin, w));
  }),

  // Only what still waits: accepted and declined items have left the stage the list shows (R-UNS-1).
  route('GET', '/api/v4/leads/unsorted', (ctx) => {
    const cats = multi(ctx.query, 'filter[category]');
    const pipelineId = ctx.query.get('filter[pipeline_id]');
    const uids = multi(ctx.query, 'filter[uid]');
    const list = ctx.store.unsorted.filter(
      (u) =>
        u.state === 'new' &&
        (cats.length === 0 || cats.includes(u.category)) &&
        (pipelineId === null || u.pipeline_id === Number(pipelineId)) &&
        (uids.length === 0 || uids.includes(u.uid)),
    );
    // order[created_at]=asc|desc (updated_at is accepted as a synonym: items are not edited here).
    const dir = ctx.query.get('order[created_at]') ?? ctx.query.get('order[updated_at]');
    if (dir === 'desc') list.sort((a, b) => b.created_at - a.created_at || b.uid.localeCompare(a.uid));
    else list.sort((a, b) => a.created_at - b.created_at || a.uid.localeCompare(b.uid));
    return arrayListResponse(
      { origin: ctx.origin, path: '/api/v4/leads/unsorted', query: ctx.query, collection: 'unsorted', meta: 'full' },
      list,
      (u) => unsortedOut(ctx.store, ctx.origin, u),
    );
  }),
  route('GET', '/api/v4/leads/unsorted/summary', (ctx) => {
    const r = range(ctx.query, 'filter[created_at]');
    const pipelineId = ctx.query.get('filter[pipeline_id]');
    const items = ctx.store.unsorted.filter(
      (u) => inRange(u.created_at, r) && (pipelineId === null || u.pipeline_id === Number(pipelineId)),
    );
    const sorted = items.filter((u) => u.sorted_at !== null);
    const avg =
      sorted.length === 0
        ? 0
        : Math.round(sorted.reduce((s, u) => s + (u.sorted_at! - u.created_at), 0) / sorted.length);
    const count = (c: string) => ({ total: items.filter((u) => u.category === c).length });
    return hal({
      total: items.length,
      accepted: items.filter((u) => u.state === 'accepted').length,
      declined: items.filter((u) => u.state === 'declined').length,
      average_sort_time: avg,
      categories: { sip: count('sip'), mail: count('mail'), forms: count('forms'), chats: count('chats') },
      _links: selfLink(ctx.origin, '/api/v4/leads/unsorted/summary'),
    });
  }),

  route('GET', '/api/v4/events', (ctx) => {
    const r = range(ctx.query, 'filter[created_at]');
    const types = multi(ctx.query, 'filter[type]');
    const entities = multi(ctx.query, 'filter[entity]');
    const ids = multi(ctx.query, 'filter[entity_id]').map(Number);
    const by = multi(ctx.query, 'filter[created_by]').map(Number);
    if (ids.length > 10 || by.length > 10) throw new Problem(400, 'At most 10 values per filter');
    if (ids.length > 0 && entities.length !== 1)
      throw new Problem(400, 'filter[entity_id] needs exactly one filter[entity]');
    // Chat message events filtered by entity=contact come back with their lead/customer entity_type
    // (documented quirk), so they are matched on the contact they are linked to.
    const list = ctx.store.events
      .filter(
        (e) =>
          inRange(e.created_at, r) &&
          (types.length === 0 || types.includes(e.type)) &&
          (entities.length === 0 ||
            entities.includes(e.entity_type) ||
            (entities.includes('contact') &&
              (e as { linked_talk_contact_id?: number }).linked_talk_contact_id !== undefined)) &&
          (ids.length === 0 || ids.includes(e.entity_id)) &&
          (by.length === 0 || by.includes(e.created_by)),
      )
      .sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? 1 : -1));
    return arrayListResponse(
      {
        origin: ctx.origin,
        path: '/api/v4/events',
        query: ctx.query,
        collection: 'events',
        meta: 'page',
        rule: EVENTS_PAGING,
      },
      list,
      (e) => eventOut(ctx.store, ctx.origin, e),
    );
  }),

  route('GET', '/api/v4/:entity(leads|contacts|companies)/notes', (ctx) => {
    const entity = ctx.params['entity'] as FieldEntity;
    const types = multi(ctx.query, 'filter[note_type]');
    const r = range(ctx.query, 'filter[updated_at]');
    const ids = multi(ctx.query, 'filter[entity_id]').map(Number);
    const list = ctx.store.notes[entity].filter(
      (n) =>
        (types.length === 0 || types.includes(n.note_type)) &&
        inRange(n.updated_at, r) &&
        (ids.length === 0 || ids.includes(n.entity_id)),
    );
    return arrayListResponse(
      { origin: ctx.origin, path: `/api/v4/${entity}/notes`, query: ctx.query, collection: 'notes', meta: 'page' },
      list,
      (n) => noteOut(ctx.store, ctx.origin, entity, n),
    );
  }),

  route('GET', '/api/v4/website_buttons', (ctx) => {
    requireAdmin(ctx);
    const w = withSet(ctx.query);
    return arrayListResponse(
      {
        origin: ctx.origin,
        path: '/api/v4/website_buttons',
        query: ctx.query,
        collection: 'website_buttons',
        meta: 'full',
        rule: { defaultLimit: 250, maxLimit: 250 },
      },
      ctx.store.websiteButtons,
      (b) => buttonOut(ctx.origin, b, w),
    );
  }),

  // Sources belong to the calling integration only; our tokens' integration normally owns none → 204.
  route('GET', '/api/v4/sources', (ctx) => {
    requireAdmin(ctx);
    const ext = ctx.query.get('filter[external_id]');
    const own = ctx.store.sources.filter(
      (s) => s.integration === ctx.integration && (ext === null || s.external_id === ext),
    );
    return arrayListResponse(
      {
        origin: ctx.origin,
        path: '/api/v4/sources',
        query: ctx.query,
        collection: 'sources',
        meta: 'total',
        unpaged: true,
      },
      own,
      ({ integration, ...s }) => ({ ...s, _links: selfLink(ctx.origin, `/api/v4/sources/${s.id}`) }),
    );
  }),
  route('GET', '/api/v4/sources/:id(\\d+)', (ctx) => {
    requireAdmin(ctx);
    const s = ctx.store.sources.find((x) => x.integration === ctx.integration && x.id === Number(ctx.params['id']));
    if (!s) return noContent();
    const { integration, ...rest } = s;
    return hal({ ...rest, _links: selfLink(ctx.origin, `/api/v4/sources/${s.id}`) });
  }),
];
