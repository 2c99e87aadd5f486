/**
 * Tasks: GET list (paged, `_page` only, 204 when empty) and GET by id. The filters are ordinary list filters
 * (not Alpha ones), so they always apply, but only in their documented forms (READINGS.md R-TASK-*).
 */
import type { FieldEntity } from '../../api/dto';
import { route } from '../router';
import type { Ctx, Route } from '../router';
import { Problem, hal, inRange, listResponse, multi, noContent, range, readPaging } from '../http';
import { iterate } from '../store';
import type { TaskRecord } from '../store';
import { taskOut } from '../serialize';
import { visibility } from './entities';

const ENTITY_TYPES = ['leads', 'contacts', 'companies', 'customers'];
const ORDER_FIELDS = ['created_at', 'complete_till', 'id'] as const;

/**
 * Which tasks the caller sees. The docs say only "according to the user's rights", and a role's `tasks` block
 * has no view right: a task is shown when its owner passes the caller's view right on the linked entity's type;
 * a task on a customer or on nothing, only to its owner (R-TASK-5).
 */
function taskVisibility(ctx: Ctx): (t: TaskRecord) => boolean {
  const by = new Map<FieldEntity, (responsible: number) => boolean>();
  for (const e of ['leads', 'contacts', 'companies'] as const) by.set(e, visibility(ctx, e));
  const admin = ctx.user.rights.is_admin;
  return (t) => {
    if (admin) return true;
    const see = t.entity_type === null || t.entity_type === 'customers' ? undefined : by.get(t.entity_type);
    return see ? see(t.responsible_user_id) : t.responsible_user_id === ctx.user.id;
  };
}

/** `filter[is_completed]`: `0`/`1`, scalar or `[]`; any other value leaves the filter off (R-TASK-4). */
function completedFilter(query: URLSearchParams): Set<boolean> | null {
  const raw = multi(query, 'filter[is_completed]');
  if (raw.length === 0 || raw.some((v) => v !== '0' && v !== '1')) return null;
  return new Set(raw.map((v) => v === '1'));
}

/** Integer values of a filter that takes an int or an array; an empty list means "not filtered". */
function ints(query: URLSearchParams, key: string): number[] {
  return multi(query, key)
    .map(Number)
    .filter((n) => Number.isInteger(n));
}

/** The one documented `order[...]` field, or id ascending when none is given (the default is undocumented). */
function orderOf(query: URLSearchParams): { field: (typeof ORDER_FIELDS)[number]; dir: 1 | -1 } {
  const given = ORDER_FIELDS.filter((f) => query.has(`order[${f}]`));
  if (given.length > 1) throw new Problem(400, 'order takes one field');
  const field = given[0];
  if (field === undefined) return { field: 'id', dir: 1 };
  const dir = query.get(`order[${field}]`);
  if (dir !== 'asc' && dir !== 'desc') throw new Problem(400, `order[${field}] must be asc or desc`);
  return { field, dir: dir === 'asc' ? 1 : -1 };
}

function matches(query: URLSearchParams): (t: TaskRecord) => boolean {
  const done = completedFilter(query);
  const owners = ints(query, 'filter[responsible_user_id]');
  const types = ints(query, 'filter[task_type]');
  const ids = ints(query, 'filter[id]');
  const entityTypes = multi(query, 'filter[entity_type]');
  // entity_id works only together with entity_type (documented); alone it is not applied.
  const entityIds = entityTypes.length > 0 ? ints(query, 'filter[entity_id]') : [];
  const updated = range(query, 'filter[updated_at]');
  return (t) =>
    (done === null || done.has(t.is_completed)) &&
    (owners.length === 0 || owners.includes(t.responsible_user_id)) &&
    (types.length === 0 || types.includes(t.task_type_id)) &&
    (ids.length === 0 || ids.includes(t.id)) &&
    // A singular or unknown entity_type names no documented type and so matches no task.
    (entityTypes.length === 0 ||
      (t.entity_type !== null && ENTITY_TYPES.includes(t.entity_type) && entityTypes.includes(t.entity_type))) &&
    (entityIds.length === 0 || (t.entity_id !== null && entityIds.includes(t.entity_id))) &&
    inRange(t.updated_at, updated);
}

/** Task routes. */
export const taskRoutes: Route[] = [
  route('GET', '/api/v4/tasks', (ctx) => {
    readPaging(ctx.query);
    const { field, dir } = orderOf(ctx.query);
    const see = taskVisibility(ctx);
    const wanted = matches(ctx.query);
    const list: TaskRecord[] = [];
    for (const t of iterate(ctx.store.tasks)) if (see(t) && wanted(t)) list.push(t);
    list.sort((a, b) => dir * (a[field] - b[field]) || a.id - b.id);
    return listResponse({
      origin: ctx.origin,
      path: '/api/v4/tasks',
      query: ctx.query,
      collection: 'tasks',
      meta: 'page',
      total: list.length,
      slice: (o, n) => list.slice(o, o + n).map((t) => taskOut(ctx.store, ctx.origin, t)),
    });
  }),
  // A task that does not exist, or that the caller may not see, answers 204 as a missing lead does.
  route('GET', '/api/v4/tasks/:id(\\d+)', (ctx) => {
    const t = ctx.store.tasks.byId(Number(ctx.params['id']));
    if (!t || !taskVisibility(ctx)(t)) return noContent();
    return hal(taskOut(ctx.store, ctx.origin, t));
  }),
];
