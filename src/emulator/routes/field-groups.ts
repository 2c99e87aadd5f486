/** Field groups: GET list/by id (`_total_items` only), POST → 201, PATCH → 200 (+fields), DELETE → 204. */
import type { FieldEntity } from '../../api/dto';
import { arrayBody, objectBody, requireAdmin, route } from '../router';
import type { Ctx, Route } from '../router';
import { Problem, arrayListResponse, assertValid, hal, noContent } from '../http';
import type { ValidationIssue } from '../http';
import { nextId } from '../store';
import type { GroupRecord } from '../store';
import { groupOut } from '../serialize';

const BASE = '/api/v4/:entity(leads|contacts|companies)/custom_fields/groups';

function findGroup(ctx: Ctx): GroupRecord {
  const g = ctx.store.groups[ctx.params['entity'] as FieldEntity].find((x) => x.id === ctx.params['id']);
  if (!g) throw new Problem(404, 'Group not found');
  return g;
}

/** Field group routes. */
export const fieldGroupRoutes: Route[] = [
  route('GET', BASE, (ctx) => {
    const entity = ctx.params['entity'] as FieldEntity;
    return arrayListResponse(
      {
        origin: ctx.origin,
        path: `/api/v4/${entity}/custom_fields/groups`,
        query: ctx.query,
        collection: 'custom_field_groups',
        meta: 'total',
        unpaged: true,
      },
      [...ctx.store.groups[entity]].sort((a, b) => a.sort - b.sort),
      (g) => groupOut(ctx.store, ctx.origin, entity, g),
    );
  }),
  route('GET', `${BASE}/:id`, (ctx) =>
    hal(groupOut(ctx.store, ctx.origin, ctx.params['entity'] as FieldEntity, findGroup(ctx))),
  ),
  route('POST', BASE, async (ctx) => {
    requireAdmin(ctx);
    const entity = ctx.params['entity'] as FieldEntity;
    const items = await arrayBody(ctx);
    assertValid(
      items.map((it, i) => {
        const errors: ValidationIssue[] = [];
        if (typeof it['name'] !== 'string' || it['name'].trim() === '')
          errors.push({ code: 'NotBlank', path: 'name', detail: 'name is required' });
        if (it['sort'] !== undefined && typeof it['sort'] !== 'number')
          errors.push({ code: 'InvalidType', path: 'sort', detail: 'sort must be an integer' });
        return { request_id: String(it['request_id'] ?? i), errors };
      }),
    );
    const created = items.map((it) => {
      const g: GroupRecord = {
        id: `${entity}_${nextId(ctx.store, 'group')}`,
        name: String(it['name']),
        sort: typeof it['sort'] === 'number' ? it['sort'] : ctx.store.groups[entity].length,
        entity_type: entity,
        is_predefined: false,
        type: 'custom_field_group',
      };
      ctx.store.groups[entity].push(g);
      const out = groupOut(ctx.store, ctx.origin, entity, g);
      if (it['request_id'] !== undefined) out['request_id'] = it['request_id'];
      return out;
    });
    return hal({ _total_items: created.length, _embedded: { custom_field_groups: created } }, 201);
  }),
  route('PATCH', `${BASE}/:id`, async (ctx) => {
    requireAdmin(ctx);
    const entity = ctx.params['entity'] as FieldEntity;
    const g = findGroup(ctx);
    const body = await objectBody(ctx);
    const errors: ValidationIssue[] = [];
    const fields = body['fields'];
    if (
      fields !== undefined &&
      (!Array.isArray(fields) || !fields.every((id) => ctx.store.fields[entity].some((f) => f.id === id)))
    ) {
      errors.push({ code: 'NotFound', path: 'fields', detail: 'fields must be ids of existing fields' });
    }
    if (body['name'] !== undefined && (typeof body['name'] !== 'string' || body['name'].trim() === '')) {
      errors.push({ code: 'NotBlank', path: 'name', detail: 'name must be a non-empty string' });
    }
    assertValid([{ request_id: '0', errors }]);
    if (typeof body['name'] === 'string') g.name = body['name'];
    if (typeof body['sort'] === 'number') g.sort = body['sort'];
    if (Array.isArray(fields)) for (const f of ctx.store.fields[entity]) if (fields.includes(f.id)) f.group_id = g.id;
    const out = groupOut(ctx.store, ctx.origin, entity, g);
    out['fields'] = ctx.store.fields[entity].filter((f) => f.group_id === g.id).map((f) => f.id);
    return hal(out);
  }),
  route('DELETE', `${BASE}/:id`, (ctx) => {
    requireAdmin(ctx);
    const entity = ctx.params['entity'] as FieldEntity;
    const g = findGroup(ctx);
    if (g.is_predefined) throw new Problem(400, 'Predefined group cannot be deleted');
    ctx.store.groups[entity] = ctx.store.groups[entity].filter((x) => x !== g);
    for (const f of ctx.store.fields[entity]) if (f.group_id === g.id) f.group_id = null;
    return noContent();
  }),
];
