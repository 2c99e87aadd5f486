/** Users (GET list / by id, admin only) and roles (GET, POST 201, PATCH 202, DELETE 204; admin only). */
import type { EntityRights, RoleRightsDto, StatusRightDto } from '../../api/dto';
import { idParam, isObject, objectBody, requireAdmin, route } from '../router';
import type { Ctx, Route } from '../router';
import { Problem, arrayListResponse, assertValid, hal, noContent, withSet } from '../http';
import type { ValidationIssue } from '../http';
import { nextId } from '../store';
import type { RoleRecord, Store } from '../store';
import { roleOut, userOut } from '../serialize';

const LETTERS = ['A', 'G', 'M', 'D'];
const ENTITIES = ['leads', 'contacts', 'companies'] as const;
const ACTIONS = ['view', 'edit', 'add', 'delete', 'export'] as const;

/** Rights with every action denied; the base new roles are merged onto. */
export function deniedRights(): RoleRightsDto {
  const block = (): EntityRights => ({ view: 'D', edit: 'D', add: 'D', delete: 'D', export: 'D' });
  return {
    leads: block(),
    contacts: block(),
    companies: block(),
    tasks: { edit: 'D', delete: 'D' },
    mail_access: false,
    catalog_access: false,
    files_access: false,
    status_rights: null,
    catalog_rights: null,
    custom_fields_rights: null,
    oper_day_reports_view_access: false,
    oper_day_user_tracking: false,
  };
}

function checkRights(rights: unknown, path: string, issues: ValidationIssue[]): void {
  if (!isObject(rights)) {
    issues.push({ code: 'InvalidType', path, detail: 'rights must be an object' });
    return;
  }
  for (const e of ENTITIES) {
    const block = rights[e];
    if (block === undefined) continue;
    if (!isObject(block)) {
      issues.push({ code: 'InvalidType', path: `${path}.${e}`, detail: 'must be an object' });
      continue;
    }
    for (const [k, v] of Object.entries(block)) {
      if (!(ACTIONS as readonly string[]).includes(k))
        issues.push({ code: 'UnknownField', path: `${path}.${e}.${k}`, detail: 'unknown action' });
      else if (typeof v !== 'string' || !LETTERS.includes(v) || (k === 'add' && v !== 'A' && v !== 'D')) {
        issues.push({ code: 'NotSupportedChoice', path: `${path}.${e}.${k}`, detail: `invalid right ${String(v)}` });
      }
    }
  }
  if (rights['tasks'] !== undefined) {
    const tasks = rights['tasks'];
    if (!isObject(tasks)) issues.push({ code: 'InvalidType', path: `${path}.tasks`, detail: 'must be an object' });
    else
      for (const [k, v] of Object.entries(tasks)) {
        if (k !== 'edit' && k !== 'delete')
          issues.push({ code: 'UnknownField', path: `${path}.tasks.${k}`, detail: 'unknown action' });
        else if (typeof v !== 'string' || !LETTERS.includes(v))
          issues.push({ code: 'NotSupportedChoice', path: `${path}.tasks.${k}`, detail: `invalid right ${String(v)}` });
      }
  }
  if (
    rights['status_rights'] !== undefined &&
    rights['status_rights'] !== null &&
    !Array.isArray(rights['status_rights'])
  )
    issues.push({ code: 'InvalidType', path: `${path}.status_rights`, detail: 'must be an array or null' });
  if (
    rights['catalog_rights'] !== undefined &&
    rights['catalog_rights'] !== null &&
    !Array.isArray(rights['catalog_rights'])
  )
    issues.push({ code: 'InvalidType', path: `${path}.catalog_rights`, detail: 'must be an array or null' });
  for (const k of ['mail_access', 'catalog_access'] as const) {
    if (rights[k] !== undefined && typeof rights[k] !== 'boolean')
      issues.push({ code: 'InvalidType', path: `${path}.${k}`, detail: 'must be boolean' });
  }
}

/** Status rights as written: null or [] removes them, and unsorted stages keep a row with everything denied. */
function statusRightsOf(store: Store, sr: unknown): RoleRightsDto['status_rights'] {
  if (Array.isArray(sr) && sr.length > 0) return structuredClone(sr) as StatusRightDto[];
  return store.pipelines.flatMap((p) =>
    p.statuses
      .filter((s) => s.type === 1)
      .map(
        (s) =>
          ({
            entity_type: 'leads',
            pipeline_id: p.id,
            status_id: s.id,
            rights: { view: 'D', edit: 'D', delete: 'D' },
          }) as StatusRightDto,
      ),
  );
}

/**
 * The rights a write leaves, read the harshest way (READINGS.md): the object REPLACES the role's rights.
 * The docs never say PATCH merges, and the official client always sends the whole object; so a block or an
 * action left out is `D`, a left-out `mail_access`/`catalog_access` is false, a left-out `status_rights` is
 * null, and so is a left-out `catalog_rights` (RightModel::toApi always sends it). Keys the official client
 * never writes (files_access, custom_fields_rights, oper_day_*) keep their values.
 */
function replacedRights(store: Store, base: RoleRightsDto, written: Record<string, unknown>): RoleRightsDto {
  const denied = deniedRights();
  const out: RoleRightsDto = { ...structuredClone(base) };
  for (const e of ENTITIES) out[e] = { ...denied[e], ...(isObject(written[e]) ? (written[e] as EntityRights) : {}) };
  out.tasks = { ...denied.tasks, ...(isObject(written['tasks']) ? (written['tasks'] as object) : {}) };
  out.mail_access = written['mail_access'] === true;
  out.catalog_access = written['catalog_access'] === true;
  out.status_rights = 'status_rights' in written ? statusRightsOf(store, written['status_rights']) : null;
  out.catalog_rights = Array.isArray(written['catalog_rights']) ? structuredClone(written['catalog_rights']) : null;
  return out;
}

function findRole(ctx: Ctx): RoleRecord {
  const r = ctx.store.roles.find((x) => x.id === idParam(ctx));
  if (!r) throw new Problem(404, 'Role not found');
  return r;
}

/** User and role routes. */
export const userRoutes: Route[] = [
  route('GET', '/api/v4/users', (ctx) => {
    requireAdmin(ctx);
    const w = withSet(ctx.query);
    return arrayListResponse(
      { origin: ctx.origin, path: '/api/v4/users', query: ctx.query, collection: 'users', meta: 'full' },
      ctx.store.users,
      (u) => userOut(ctx.store, ctx.origin, u, w),
    );
  }),
  route('GET', '/api/v4/users/:id(\\d+)', (ctx) => {
    requireAdmin(ctx);
    const u = ctx.store.users.find((x) => x.id === idParam(ctx));
    if (!u) throw new Problem(404, 'User not found');
    return hal(userOut(ctx.store, ctx.origin, u, withSet(ctx.query)));
  }),
  route('GET', '/api/v4/roles', (ctx) => {
    requireAdmin(ctx);
    const w = withSet(ctx.query);
    return arrayListResponse(
      { origin: ctx.origin, path: '/api/v4/roles', query: ctx.query, collection: 'roles', meta: 'full' },
      ctx.store.roles,
      (r) => roleOut(ctx.store, ctx.origin, r, w),
    );
  }),
  route('GET', '/api/v4/roles/:id(\\d+)', (ctx) => {
    requireAdmin(ctx);
    return hal(roleOut(ctx.store, ctx.origin, findRole(ctx), withSet(ctx.query)));
  }),
  route('POST', '/api/v4/roles', async (ctx) => {
    requireAdmin(ctx);
    // The docs' example posts one object; the PHP library posts a collection. Accept both.
    const raw = await ctx.body();
    const items = Array.isArray(raw) ? raw : [raw];
    if (items.length === 0 || !items.every(isObject))
      throw new Problem(400, 'Request body must be a role object or an array of them');
    const groups = (items as Record<string, unknown>[]).map((it, i) => {
      const errors: ValidationIssue[] = [];
      if (typeof it['name'] !== 'string' || it['name'].trim() === '')
        errors.push({ code: 'NotBlank', path: 'name', detail: 'name is required' });
      else if (ctx.store.roles.some((r) => r.name === it['name']))
        errors.push({ code: 'NotUnique', path: 'name', detail: 'role name already exists' });
      if (it['rights'] !== undefined) checkRights(it['rights'], 'rights', errors);
      return { request_id: String(it['request_id'] ?? i), errors };
    });
    assertValid(groups);
    const created = (items as Record<string, unknown>[]).map((it) => {
      const role: RoleRecord = {
        id: nextId(ctx.store, 'role'),
        name: String(it['name']),
        rights: replacedRights(ctx.store, deniedRights(), isObject(it['rights']) ? it['rights'] : {}),
      };
      ctx.store.roles.push(role);
      const out = roleOut(ctx.store, ctx.origin, role, new Set());
      if (it['request_id'] !== undefined) out['request_id'] = it['request_id'];
      return out;
    });
    return hal({ _total_items: created.length, _embedded: { roles: created } }, 201);
  }),
  route('PATCH', '/api/v4/roles/:id(\\d+)', async (ctx) => {
    requireAdmin(ctx);
    const role = findRole(ctx);
    const body = await objectBody(ctx);
    const errors: ValidationIssue[] = [];
    if (body['name'] !== undefined && (typeof body['name'] !== 'string' || body['name'].trim() === '')) {
      errors.push({ code: 'NotBlank', path: 'name', detail: 'name must be a non-empty string' });
    }
    if (body['rights'] !== undefined) checkRights(body['rights'], 'rights', errors);
    assertValid([{ request_id: '0', errors }]);
    if (typeof body['name'] === 'string') role.name = body['name'];
    if (isObject(body['rights'])) role.rights = replacedRights(ctx.store, role.rights, body['rights']);
    return hal(roleOut(ctx.store, ctx.origin, role, new Set()), 202);
  }),
  route('DELETE', '/api/v4/roles/:id(\\d+)', (ctx) => {
    requireAdmin(ctx);
    const role = findRole(ctx);
    ctx.store.roles = ctx.store.roles.filter((r) => r !== role);
    // Users of a deleted role keep the role's rights as their own and lose the role link.
    for (const u of ctx.store.users) {
      if (u.rights.role_id === role.id) u.rights = { ...u.rights, ...structuredClone(role.rights), role_id: null };
    }
    return noContent();
  }),
];
