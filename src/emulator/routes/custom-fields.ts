/**
 * Custom fields of leads/contacts/companies: GET list (full meta) and by id, POST batch → 201,
 * PATCH batch / by id → 201 (as documented), DELETE → 204. Writes are admin only;
 * `required_statuses` must name existing lead pipeline stages.
 */
import type { EnumDto, FieldEntity } from '../../api/dto';
import { arrayBody, idParam, isObject, objectBody, requireAdmin, route } from '../router';
import type { Ctx, Route } from '../router';
import { Problem, arrayListResponse, assertValid, hal, multi, noContent } from '../http';
import type { ValidationIssue } from '../http';
import { nextId } from '../store';
import type { FieldRecord, Store } from '../store';
import { fieldOut } from '../serialize';

const ENTITY = ':entity(leads|contacts|companies)';
const LIST_TYPES = ['select', 'multiselect', 'radiobutton'];
const CREATABLE: Record<FieldEntity, string[]> = {
  leads: [
    'text',
    'numeric',
    'checkbox',
    'select',
    'multiselect',
    'date',
    'url',
    'textarea',
    'radiobutton',
    'streetaddress',
    'smart_address',
    'birthday',
    'legal_entity',
    'date_time',
    'chained_list',
    'monetary',
    'file',
  ],
  contacts: [
    'text',
    'numeric',
    'checkbox',
    'select',
    'multiselect',
    'date',
    'url',
    'textarea',
    'radiobutton',
    'streetaddress',
    'smart_address',
    'birthday',
    'legal_entity',
    'date_time',
    'monetary',
    'file',
  ],
  companies: [
    'text',
    'numeric',
    'checkbox',
    'select',
    'multiselect',
    'date',
    'url',
    'textarea',
    'radiobutton',
    'streetaddress',
    'smart_address',
    'birthday',
    'legal_entity',
    'date_time',
    'monetary',
    'file',
  ],
};

function entityOf(ctx: Ctx): FieldEntity {
  return ctx.params['entity'] as FieldEntity;
}

/** Validates a `required_statuses` value against the lead pipelines. */
export function checkRequiredStatuses(store: Store, value: unknown, issues: ValidationIssue[]): void {
  if (value === null) return;
  if (!Array.isArray(value)) {
    issues.push({ code: 'InvalidType', path: 'required_statuses', detail: 'must be an array' });
    return;
  }
  value.forEach((rs, i) => {
    const path = `required_statuses.${i}`;
    if (!isObject(rs) || typeof rs['status_id'] !== 'number' || typeof rs['pipeline_id'] !== 'number') {
      issues.push({ code: 'InvalidType', path, detail: 'status_id and pipeline_id must be integers' });
      return;
    }
    const p = store.pipelines.find((x) => x.id === rs['pipeline_id']);
    if (!p) {
      issues.push({ code: 'NotFound', path: `${path}.pipeline_id`, detail: `Pipeline ${rs['pipeline_id']} not found` });
      return;
    }
    if (!p.statuses.some((s) => s.id === rs['status_id'])) {
      issues.push({
        code: 'NotFound',
        path: `${path}.status_id`,
        detail: `Status ${rs['status_id']} not found in pipeline ${p.id}`,
      });
    }
  });
}

function checkEnums(value: unknown, issues: ValidationIssue[], existing: EnumDto[] | null): void {
  if (!Array.isArray(value)) {
    issues.push({ code: 'InvalidType', path: 'enums', detail: 'enums must be an array' });
    return;
  }
  value.forEach((e, i) => {
    if (!isObject(e) || typeof e['value'] !== 'string' || e['value'].trim() === '') {
      issues.push({ code: 'NotBlank', path: `enums.${i}.value`, detail: 'enum value is required' });
    } else if (e['id'] !== undefined && !(existing ?? []).some((x) => x.id === e['id'])) {
      issues.push({ code: 'NotFound', path: `enums.${i}.id`, detail: `Enum ${String(e['id'])} not found` });
    }
  });
}

/** Enums after a write: ids kept only for enums sent with their id; enums without id are new. */
function nextEnums(store: Store, sent: Record<string, unknown>[], existing: EnumDto[] | null): EnumDto[] {
  return sent.map((e, i) => {
    const old = e['id'] === undefined ? undefined : (existing ?? []).find((x) => x.id === e['id']);
    const out: EnumDto = {
      id: old ? old.id : nextId(store, 'enum'),
      value: String(e['value']),
      sort: typeof e['sort'] === 'number' ? e['sort'] : (i + 1) * 500,
    };
    if (typeof e['code'] === 'string' || old?.code !== undefined)
      out.code = (e['code'] as string | undefined) ?? old?.code ?? null;
    return out;
  });
}

function findField(ctx: Ctx): FieldRecord {
  const f = ctx.store.fields[entityOf(ctx)].find((x) => x.id === idParam(ctx));
  if (!f) throw new Problem(404, 'Custom field not found');
  return f;
}

/** Validates one PATCH item against its field; returns issues. */
function checkPatch(
  store: Store,
  f: FieldRecord | undefined,
  it: Record<string, unknown>,
  byId = false,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!f) {
    issues.push({ code: 'NotFound', path: 'id', detail: `Field ${String(it['id'])} not found` });
    return issues;
  }
  // The official client sends the field's `id` in the body of PATCH /{id} too: one naming another field is refused.
  if (byId && it['id'] !== undefined && it['id'] !== f.id)
    issues.push({ code: 'NotSupportedChoice', path: 'id', detail: `id ${String(it['id'])} is not field ${f.id}` });
  if (it['type'] !== undefined && it['type'] !== f.type)
    issues.push({ code: 'NotSupportedChoice', path: 'type', detail: 'type cannot be changed' });
  // The docs' PATCH table marks `name` required for every field (READINGS.md): a PATCH without it is refused.
  if (typeof it['name'] !== 'string' || it['name'].trim() === '') {
    issues.push({ code: 'NotBlank', path: 'name', detail: 'name is required' });
  } else if (f.is_predefined && it['name'] !== f.name) {
    issues.push({ code: 'NotSupportedChoice', path: 'name', detail: 'predefined fields cannot be renamed' });
  }
  if (LIST_TYPES.includes(f.type)) {
    // …and `enums` for list fields: what is sent is the whole option list, an option left out is deleted.
    if (!Array.isArray(it['enums']) || it['enums'].length === 0)
      issues.push({ code: 'NotBlank', path: 'enums', detail: 'enums are required for a list field' });
    else checkEnums(it['enums'], issues, f.enums);
  } else if (it['enums'] !== undefined) {
    if (f.enums === null) issues.push({ code: 'NotSupportedChoice', path: 'enums', detail: 'field has no enums' });
    else checkEnums(it['enums'], issues, f.enums);
  }
  if (it['required_statuses'] !== undefined) checkRequiredStatuses(store, it['required_statuses'], issues);
  if (
    it['group_id'] !== undefined &&
    it['group_id'] !== null &&
    !store.groups[f.entity_type as FieldEntity]?.some((g) => g.id === it['group_id'])
  )
    issues.push({ code: 'NotFound', path: 'group_id', detail: 'group not found' });
  return issues;
}

/** Writes a POST item's requirements into the new field. */
function applyCreate(f: FieldRecord, it: Record<string, unknown>): void {
  f.required_statuses = requiredOf(it['required_statuses']);
}

function requiredOf(value: unknown): FieldRecord['required_statuses'] {
  return ((Array.isArray(value) ? value : []) as { status_id: number; pipeline_id: number }[]).map((r) => ({
    status_id: r.status_id,
    pipeline_id: r.pipeline_id,
  }));
}

/**
 * A PATCH REPLACES the field's writable keys, the harshest reading (READINGS R-FIELD-8): the docs never say
 * what a key left out does, and the official client always sends the field whole (CustomFieldModel::toApi).
 * So a `sort` left out puts the field last, a `group_id` left out moves it to the default group, a `code`
 * left out clears it (not on predefined fields, whose code is theirs), `is_api_only` left out is false,
 * `required_statuses` left out (or null) requires it nowhere, a birthday's `remind` left out is null.
 */
function applyPatch(store: Store, f: FieldRecord, it: Record<string, unknown>): void {
  const entity = f.entity_type as FieldEntity;
  if (typeof it['name'] === 'string') f.name = it['name'];
  f.sort =
    typeof it['sort'] === 'number'
      ? it['sort']
      : store.fields[entity].reduce((m, x) => (x === f ? m : Math.max(m, x.sort)), 0) + 1;
  if (!f.is_predefined) f.code = typeof it['code'] === 'string' && it['code'] !== '' ? it['code'] : null;
  f.group_id = typeof it['group_id'] === 'string' ? it['group_id'] : null;
  f.is_api_only = it['is_api_only'] === true;
  if (Array.isArray(it['enums'])) f.enums = nextEnums(store, it['enums'] as Record<string, unknown>[], f.enums);
  f.required_statuses = requiredOf(it['required_statuses']);
  if (f.type === 'birthday') f.remind = typeof it['remind'] === 'string' ? it['remind'] : null;
}

/** Custom field routes. */
export const customFieldRoutes: Route[] = [
  route('GET', `/api/v4/${ENTITY}/custom_fields`, (ctx) => {
    const entity = entityOf(ctx);
    const types = multi(ctx.query, 'filter[type]');
    let list = ctx.store.fields[entity].filter((f) => types.length === 0 || types.includes(f.type));
    const order = (['sort', 'id'] as const).find((k) => ctx.query.has(`order[${k}]`));
    if (order) {
      const dir = ctx.query.get(`order[${order}]`) === 'desc' ? -1 : 1;
      list = [...list].sort((a, b) => dir * (a[order] - b[order] || a.id - b.id));
    }
    return arrayListResponse(
      {
        origin: ctx.origin,
        path: `/api/v4/${entity}/custom_fields`,
        query: ctx.query,
        collection: 'custom_fields',
        meta: 'full',
      },
      list,
      (f) => fieldOut(ctx.store, ctx.origin, entity, f),
    );
  }),
  route('GET', `/api/v4/${ENTITY}/custom_fields/:id(\\d+)`, (ctx) =>
    hal(fieldOut(ctx.store, ctx.origin, entityOf(ctx), findField(ctx))),
  ),
  route('POST', `/api/v4/${ENTITY}/custom_fields`, async (ctx) => {
    requireAdmin(ctx);
    const entity = entityOf(ctx);
    const items = await arrayBody(ctx);
    assertValid(
      items.map((it, i) => {
        const errors: ValidationIssue[] = [];
        if (typeof it['name'] !== 'string' || it['name'].trim() === '')
          errors.push({ code: 'NotBlank', path: 'name', detail: 'name is required' });
        if (typeof it['type'] !== 'string' || !CREATABLE[entity].includes(it['type'])) {
          errors.push({
            code: 'NotSupportedChoice',
            path: 'type',
            detail: `type ${String(it['type'])} cannot be created for ${entity}`,
          });
        }
        if (LIST_TYPES.includes(String(it['type']))) {
          if (!Array.isArray(it['enums']) || it['enums'].length === 0)
            errors.push({ code: 'NotBlank', path: 'enums', detail: 'enums are required' });
          else checkEnums(it['enums'], errors, null);
        }
        if (
          it['group_id'] !== undefined &&
          it['group_id'] !== null &&
          !ctx.store.groups[entity].some((g) => g.id === it['group_id'])
        ) {
          errors.push({ code: 'NotFound', path: 'group_id', detail: 'group not found' });
        }
        if (it['required_statuses'] !== undefined) checkRequiredStatuses(ctx.store, it['required_statuses'], errors);
        return { request_id: String(it['request_id'] ?? i), errors };
      }),
    );
    const maxSort = ctx.store.fields[entity].reduce((m, f) => Math.max(m, f.sort), 0);
    const created = items.map((it, i) => {
      const f: FieldRecord = {
        id: nextId(ctx.store, 'field'),
        name: String(it['name']),
        type: String(it['type']),
        code: typeof it['code'] === 'string' ? it['code'] : null,
        sort: typeof it['sort'] === 'number' ? it['sort'] : maxSort + (i + 1) * 2,
        entity_type: entity,
        is_predefined: false,
        is_deletable: true,
        is_api_only: it['is_api_only'] === true,
        group_id: typeof it['group_id'] === 'string' ? it['group_id'] : null,
        enums: Array.isArray(it['enums']) ? nextEnums(ctx.store, it['enums'] as Record<string, unknown>[], null) : null,
        required_statuses: [],
        remind: null,
        currency: null,
        tracking_callback: null,
        triggers: [],
        hidden_statuses: [],
        chained_lists: null,
      };
      applyCreate(f, { required_statuses: it['required_statuses'] });
      ctx.store.fields[entity].push(f);
      const out = fieldOut(ctx.store, ctx.origin, entity, f);
      if (it['request_id'] !== undefined) out['request_id'] = it['request_id'];
      return out;
    });
    return hal({ _total_items: created.length, _embedded: { custom_fields: created } }, 201);
  }),
  route('PATCH', `/api/v4/${ENTITY}/custom_fields`, async (ctx) => {
    requireAdmin(ctx);
    const entity = entityOf(ctx);
    const items = await arrayBody(ctx);
    const targets = items.map((it) => ctx.store.fields[entity].find((f) => f.id === it['id']));
    assertValid(
      items.map((it, i) => ({
        request_id: String(it['request_id'] ?? i),
        errors: checkPatch(ctx.store, targets[i], it),
      })),
    );
    const out = items.map((it, i) => {
      applyPatch(ctx.store, targets[i]!, it);
      return fieldOut(ctx.store, ctx.origin, entity, targets[i]!);
    });
    // The docs give 201 for PATCH of custom fields (odd, but documented).
    return hal({ _total_items: out.length, _embedded: { custom_fields: out } }, 201);
  }),
  route('PATCH', `/api/v4/${ENTITY}/custom_fields/:id(\\d+)`, async (ctx) => {
    requireAdmin(ctx);
    const f = findField(ctx);
    const body = await objectBody(ctx);
    assertValid([{ request_id: String(body['request_id'] ?? 0), errors: checkPatch(ctx.store, f, body, true) }]);
    applyPatch(ctx.store, f, body);
    return hal(fieldOut(ctx.store, ctx.origin, entityOf(ctx), f), 201);
  }),
  route('DELETE', `/api/v4/${ENTITY}/custom_fields/:id(\\d+)`, (ctx) => {
    requireAdmin(ctx);
    const f = findField(ctx);
    if (f.is_predefined || !f.is_deletable) throw new Problem(400, 'Predefined field cannot be deleted');
    const entity = entityOf(ctx);
    ctx.store.fields[entity] = ctx.store.fields[entity].filter((x) => x !== f);
    return noContent();
  }),
];
