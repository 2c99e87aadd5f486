/** Record → wire object, adding `_links` (absolute, from the request origin) and `_embedded`. */
import type { FieldEntity, RoleRightsDto, UserRightsDto } from '../api/dto';
import type {
  CompanyRecord,
  ContactRecord,
  EventRecord,
  FieldRecord,
  GroupRecord,
  LeadRecord,
  LossReasonRecord,
  NoteRecord,
  PipelineRecord,
  RoleRecord,
  StatusRecord,
  Store,
  TaskRecord,
  UnsortedRecord,
  UserRecord,
  WebsiteButtonRecord,
  WidgetRecord,
} from './store';
import { visibleStatuses } from './store';
import { selfLink } from './http';

/** Deep copy of JSON data, so responses never alias the store. */
export function clone<T>(v: T): T {
  return structuredClone(v);
}

/** A user's effective rights: the role's rights when it has a role, plus the user's own flags. */
export function effectiveRights(store: Store, u: UserRecord): UserRightsDto {
  const role = u.rights.role_id === null ? undefined : store.roles.find((r) => r.id === u.rights.role_id);
  if (!role || u.rights.is_admin) return clone(u.rights);
  const { is_admin, is_free, is_active, group_id, role_id } = u.rights;
  const r: RoleRightsDto = clone(role.rights);
  return { ...u.rights, ...r, is_admin, is_free, is_active, group_id, role_id };
}

/** GET /users item. */
export function userOut(store: Store, origin: string, u: UserRecord, w: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: u.id,
    name: u.name,
    email: u.email,
    lang: u.lang,
    rights: effectiveRights(store, u),
  };
  if (w.has('uuid')) out['uuid'] = u.uuid;
  if (w.has('amojo_id')) out['amojo_id'] = u.amojo_id;
  if (w.has('user_rank')) out['user_rank'] = u.user_rank;
  if (w.has('phone_number')) out['phone_number'] = u.phone_number;
  out['_links'] = selfLink(origin, `/api/v4/users/${u.id}`);
  const emb: Record<string, unknown> = {};
  if (w.has('role')) {
    const role = store.roles.find((r) => r.id === u.rights.role_id);
    emb['roles'] = role ? [{ id: role.id, name: role.name, _links: selfLink(origin, `/api/v4/roles/${role.id}`) }] : [];
  }
  if (w.has('group')) {
    const g = store.account.users_groups.find((x) => x.id === (u.rights.group_id ?? 0));
    emb['groups'] = g ? [{ id: g.id, name: g.name }] : [];
  }
  if (Object.keys(emb).length > 0) out['_embedded'] = emb;
  return out;
}

/** GET /roles item. */
export function roleOut(store: Store, origin: string, r: RoleRecord, w: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: r.id,
    name: r.name,
    rights: clone(r.rights),
    _links: selfLink(origin, `/api/v4/roles/${r.id}`),
  };
  if (w.has('users')) {
    out['_embedded'] = { users: store.users.filter((u) => u.rights.role_id === r.id).map((u) => ({ id: u.id })) };
  }
  return out;
}

/** GET /{entity}/custom_fields item. */
export function fieldOut(store: Store, origin: string, entity: FieldEntity, f: FieldRecord): Record<string, unknown> {
  return {
    ...clone(f),
    account_id: store.account.id,
    _links: selfLink(origin, `/api/v4/${entity}/custom_fields/${f.id}`),
  };
}

/** GET /{entity}/custom_fields/groups item. */
export function groupOut(_store: Store, origin: string, entity: FieldEntity, g: GroupRecord): Record<string, unknown> {
  return { ...clone(g), _links: selfLink(origin, `/api/v4/${entity}/custom_fields/groups/${g.id}`) };
}

/** A status of a pipeline. */
export function statusOut(
  store: Store,
  origin: string,
  p: PipelineRecord,
  s: StatusRecord,
  w: Set<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: s.id,
    name: s.name,
    sort: s.sort,
    is_editable: s.is_editable,
    pipeline_id: p.id,
    color: s.color,
    type: s.type,
    account_id: store.account.id,
    _links: selfLink(origin, `/api/v4/leads/pipelines/${p.id}/statuses/${s.id}`),
  };
  if (w.has('descriptions')) out['descriptions'] = clone(s.descriptions);
  return out;
}

/** A pipeline with its visible statuses. */
export function pipelineOut(store: Store, origin: string, p: PipelineRecord): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    sort: p.sort,
    is_main: p.is_main,
    is_unsorted_on: p.is_unsorted_on,
    is_archive: p.is_archive,
    account_id: store.account.id,
    _links: selfLink(origin, `/api/v4/leads/pipelines/${p.id}`),
    _embedded: { statuses: visibleStatuses(p).map((s) => statusOut(store, origin, p, s, new Set())) },
  };
}

/** GET /leads item. */
export function leadOut(store: Store, origin: string, l: LeadRecord, w: Set<string>): Record<string, unknown> {
  const { contact_ids, company_id, source_id, ...rest } = clone(l);
  const out: Record<string, unknown> = { ...rest, account_id: store.account.id };
  if (w.has('source_id')) out['source_id'] = source_id ?? null;
  out['_links'] = selfLink(origin, `/api/v4/leads/${l.id}`);
  const emb: Record<string, unknown> = {
    tags: [],
    companies:
      company_id === null ? [] : [{ id: company_id, _links: selfLink(origin, `/api/v4/companies/${company_id}`) }],
  };
  if (w.has('contacts')) {
    emb['contacts'] = contact_ids.map((id, i) => ({
      id,
      is_main: i === 0,
      _links: selfLink(origin, `/api/v4/contacts/${id}`),
    }));
  }
  // The field table says "object", the docs' example and the official client an array of one: the array
  // (R-LEAD-2). A lead without a reason (null, or 0 which the client reads as none) gets no key at all.
  const reason =
    w.has('loss_reason') && (l.loss_reason_id ?? 0) > 0
      ? store.lossReasons.find((r) => r.id === l.loss_reason_id)
      : undefined;
  if (reason) emb['loss_reason'] = [lossReasonOut(origin, reason)];
  out['_embedded'] = emb;
  return out;
}

/** GET /leads/loss_reasons item. */
export function lossReasonOut(origin: string, r: LossReasonRecord): Record<string, unknown> {
  return { ...clone(r), _links: selfLink(origin, `/api/v4/leads/loss_reasons/${r.id}`) };
}

/** GET /tasks item: `entity_id`/`entity_type` null for a task without an entity (R-TASK-3). */
export function taskOut(store: Store, origin: string, t: TaskRecord): Record<string, unknown> {
  return {
    ...clone(t),
    account_id: store.account.id,
    _links: selfLink(origin, `/api/v4/tasks/${t.id}`),
  };
}

/** GET /contacts item. */
export function contactOut(store: Store, origin: string, c: ContactRecord, w: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...clone(c),
    account_id: store.account.id,
    _links: selfLink(origin, `/api/v4/contacts/${c.id}`),
  };
  const emb: Record<string, unknown> = { tags: [], companies: [] };
  if (w.has('leads')) {
    emb['leads'] = store.leads
      .filter((l) => l.contact_ids.includes(c.id))
      .map((l) => ({ id: l.id, _links: selfLink(origin, `/api/v4/leads/${l.id}`) }));
  }
  out['_embedded'] = emb;
  return out;
}

/** GET /companies item. */
export function companyOut(store: Store, origin: string, c: CompanyRecord): Record<string, unknown> {
  return {
    ...clone(c),
    account_id: store.account.id,
    _links: selfLink(origin, `/api/v4/companies/${c.id}`),
    _embedded: { tags: [] },
  };
}

/** GET /events item. */
export function eventOut(store: Store, origin: string, e: EventRecord): Record<string, unknown> {
  return {
    ...clone(e),
    account_id: store.account.id,
    _links: selfLink(origin, `/api/v4/events/${e.id}`),
    _embedded: { entity: { id: e.entity_id, _links: selfLink(origin, `/api/v4/${e.entity_type}s/${e.entity_id}`) } },
  };
}

/** GET /{entity}/notes item. */
export function noteOut(store: Store, origin: string, entity: FieldEntity, n: NoteRecord): Record<string, unknown> {
  return {
    ...clone(n),
    account_id: store.account.id,
    _links: selfLink(origin, `/api/v4/${entity}/${n.entity_id}/notes/${n.id}`),
  };
}

/** GET /leads/unsorted item (internal state fields dropped). */
export function unsortedOut(store: Store, origin: string, u: UnsortedRecord): Record<string, unknown> {
  const { state, sorted_at, ...rest } = clone(u);
  return { ...rest, account_id: store.account.id, _links: selfLink(origin, `/api/v4/leads/unsorted/${u.uid}`) };
}

/** GET /widgets item. */
export function widgetOut(origin: string, w: WidgetRecord): Record<string, unknown> {
  return { ...clone(w), _links: selfLink(origin, `/api/v4/widgets/${w.code}`) };
}

/** GET /website_buttons item (`script` only with=scripts). */
export function buttonOut(origin: string, b: WebsiteButtonRecord, w: Set<string>): Record<string, unknown> {
  const { script, ...rest } = clone(b);
  const out: Record<string, unknown> = { ...rest };
  if (w.has('scripts')) out['script'] = script ?? null;
  out['_links'] = selfLink(origin, `/api/v4/website_buttons/${b.source_id}`);
  return out;
}
