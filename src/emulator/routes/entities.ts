/**
 * Leads (GET list, batch PATCH), contacts and companies (GET list). Lists honour the caller's
 * view right (A all, G own group, M own, D none), as the API limits data by rights.
 */
import type { FieldEntity, FieldValueDto } from '../../api/dto';
import { arrayBody, isObject, route } from '../router';
import type { Ctx, Route } from '../router';
import { PAGING, Problem, assertValid, hal, listResponse, multi, readPaging, selfLink, withSet } from '../http';
import type { ValidationIssue } from '../http';
import { LOST, WON, iterate } from '../store';
import type { ContactRecord, LeadRecord, Store } from '../store';
import { companyOut, contactOut, effectiveRights, leadOut } from '../serialize';

/** Predicate: may the caller see a record owned by this user? */
export function visibility(ctx: Ctx, entity: FieldEntity): (responsible: number) => boolean {
  const rights = effectiveRights(ctx.store, ctx.user);
  if (rights.is_admin) return () => true;
  const view = rights[entity]?.view ?? 'D';
  if (view === 'A') return () => true;
  if (view === 'M') return (r) => r === ctx.user.id;
  if (view === 'G') {
    const groupOf = new Map(ctx.store.users.map((u) => [u.id, u.rights.group_id ?? 0]));
    const mine = rights.group_id ?? 0;
    return (r) => groupOf.get(r) === mine;
  }
  return () => false;
}

/** Digits of a phone, last 10 (the API's own matching key). */
export function phoneKey(phone: string): string {
  return phone.replace(/\D/g, '').slice(-10);
}

/** All phone/email strings of a contact or company. */
export function channelValues(values: FieldValueDto[] | null, code: 'PHONE' | 'EMAIL'): string[] {
  return (values ?? []).filter((v) => v.field_code === code).flatMap((v) => v.values.map((x) => String(x.value)));
}

function matchesQuery(c: ContactRecord, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (needle === '') return true;
  if (c.name.toLowerCase().includes(needle)) return true;
  const digits = needle.replace(/\D/g, '');
  if (
    digits.length >= 5 &&
    channelValues(c.custom_fields_values, 'PHONE').some((p) => p.replace(/\D/g, '').includes(digits))
  )
    return true;
  return channelValues(c.custom_fields_values, 'EMAIL').some((e) => e.toLowerCase().includes(needle));
}

/**
 * The query as the list endpoints read it: every `filter[...]` of leads, contacts and companies belongs to
 * Alpha filtering, and where the account lacks it what the server does is undocumented; reports describe
 * the filters as not working, so they are dropped and the whole list comes back (READINGS.md).
 */
function effectiveQuery(ctx: Ctx): URLSearchParams {
  if (ctx.store.account.is_api_filter_enabled === true) return ctx.query;
  const q = new URLSearchParams();
  for (const [k, v] of ctx.query) if (!k.startsWith('filter[')) q.append(k, v);
  return q;
}

function statusPairs(query: URLSearchParams): { pipeline_id?: number; status_id?: number }[] {
  const pairs = new Map<string, { pipeline_id?: number; status_id?: number }>();
  for (const [k, v] of query) {
    const m = /^filter\[statuses\]\[(\d+)\]\[(pipeline_id|status_id)\]$/.exec(k);
    if (!m) continue;
    const p = pairs.get(m[1]!) ?? {};
    p[m[2] as 'pipeline_id' | 'status_id'] = Number(v);
    pairs.set(m[1]!, p);
  }
  return [...pairs.values()];
}

function checkLeadPatch(store: Store, it: Record<string, unknown>): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  const lead = store.leads.find((l) => l.id === it['id']);
  if (!lead) return [{ code: 'NotFound', path: 'id', detail: `Lead ${String(it['id'])} not found` }];
  const pipelineId = it['pipeline_id'] ?? lead.pipeline_id;
  const p = store.pipelines.find((x) => x.id === pipelineId);
  if (!p) errors.push({ code: 'NotFound', path: 'pipeline_id', detail: `Pipeline ${String(pipelineId)} not found` });
  if (it['status_id'] !== undefined || it['pipeline_id'] !== undefined) {
    const statusId = it['status_id'] ?? lead.status_id;
    const s = p?.statuses.find((x) => x.id === statusId);
    if (p && (!s || s.type === 1))
      errors.push({
        code: 'NotFound',
        path: 'status_id',
        detail: `Status ${String(statusId)} not found in pipeline ${p.id}`,
      });
  }
  if (it['name'] !== undefined && typeof it['name'] !== 'string')
    errors.push({ code: 'InvalidType', path: 'name', detail: 'name must be a string' });
  if (it['price'] !== undefined && it['price'] !== null && typeof it['price'] !== 'number')
    errors.push({ code: 'InvalidType', path: 'price', detail: 'price must be an integer' });
  if (it['responsible_user_id'] !== undefined && !store.users.some((u) => u.id === it['responsible_user_id'])) {
    errors.push({ code: 'NotFound', path: 'responsible_user_id', detail: 'user not found' });
  }
  if (it['custom_fields_values'] !== undefined) {
    const cfv = it['custom_fields_values'];
    if (!Array.isArray(cfv))
      errors.push({ code: 'InvalidType', path: 'custom_fields_values', detail: 'must be an array' });
    else
      cfv.forEach((v, i) => {
        if (!isObject(v) || !store.fields.leads.some((f) => f.id === v['field_id'])) {
          errors.push({
            code: 'NotSupportedChoice',
            path: `custom_fields_values.${i}.field_id`,
            detail: 'field not found',
          });
        }
      });
  }
  return errors;
}

function applyLeadPatch(
  store: Store,
  lead: LeadRecord,
  it: Record<string, unknown>,
  userId: number,
  nowSec: number,
): void {
  if (typeof it['name'] === 'string') lead.name = it['name'];
  if (it['price'] !== undefined) lead.price = it['price'] as number | null;
  if (typeof it['responsible_user_id'] === 'number') lead.responsible_user_id = it['responsible_user_id'];
  if (typeof it['pipeline_id'] === 'number') lead.pipeline_id = it['pipeline_id'];
  if (typeof it['status_id'] === 'number') lead.status_id = it['status_id'];
  else if (typeof it['pipeline_id'] === 'number') {
    // Moving to another pipeline without a status lands in its first working stage.
    const p = store.pipelines.find((x) => x.id === lead.pipeline_id)!;
    if (!p.statuses.some((s) => s.id === lead.status_id))
      lead.status_id = p.statuses.filter((s) => s.type === 0).sort((a, b) => a.sort - b.sort)[0]!.id;
  }
  if (Array.isArray(it['custom_fields_values'])) {
    const values = [...(lead.custom_fields_values ?? [])];
    for (const v of it['custom_fields_values'] as Record<string, unknown>[]) {
      const f = store.fields.leads.find((x) => x.id === v['field_id'])!;
      const i = values.findIndex((x) => x.field_id === f.id);
      if (i >= 0) values.splice(i, 1);
      if (Array.isArray(v['values']) && v['values'].length > 0) {
        values.push({
          field_id: f.id,
          field_name: f.name,
          field_code: f.code,
          field_type: f.type,
          values: v['values'] as FieldValueDto['values'],
        });
      }
    }
    lead.custom_fields_values = values.length > 0 ? values : null;
  }
  const closed = lead.status_id === WON || lead.status_id === LOST;
  lead.closed_at = closed ? (lead.closed_at ?? nowSec) : null;
  lead.updated_at = nowSec;
  lead.updated_by = userId;
}

/** Entity routes. */
export const entityRoutes: Route[] = [
  route('GET', '/api/v4/leads', (ctx) => {
    const see = visibility(ctx, 'leads');
    const filters = effectiveQuery(ctx);
    const pairs = statusPairs(filters);
    const resp = multi(filters, 'filter[responsible_user_id]').map(Number);
    const ids = multi(filters, 'filter[id]').map(Number);
    const pipelines = multi(filters, 'filter[pipeline_id]').map(Number);
    const list = ctx.store.leads.filter(
      (l) =>
        see(l.responsible_user_id) &&
        (pairs.length === 0 ||
          pairs.some(
            (p) =>
              (p.pipeline_id === undefined || p.pipeline_id === l.pipeline_id) &&
              (p.status_id === undefined || p.status_id === l.status_id),
          )) &&
        (resp.length === 0 || resp.includes(l.responsible_user_id)) &&
        (ids.length === 0 || ids.includes(l.id)) &&
        (pipelines.length === 0 || pipelines.includes(l.pipeline_id)),
    );
    const w = withSet(ctx.query);
    return listResponse({
      origin: ctx.origin,
      path: '/api/v4/leads',
      query: ctx.query,
      collection: 'leads',
      meta: 'page',
      total: list.length,
      slice: (o, n) => list.slice(o, o + n).map((l) => leadOut(ctx.store, ctx.origin, l, w)),
    });
  }),
  route('PATCH', '/api/v4/leads', async (ctx) => {
    const rights = effectiveRights(ctx.store, ctx.user);
    if (!rights.is_admin && (rights.leads?.edit ?? 'D') === 'D')
      throw new Problem(403, 'Access denied: no right to edit leads');
    const items = await arrayBody(ctx);
    assertValid(
      items.map((it, i) => ({ request_id: String(it['request_id'] ?? i), errors: checkLeadPatch(ctx.store, it) })),
    );
    const see = visibility(ctx, 'leads');
    const nowSec = Math.floor(ctx.now() / 1000);
    const out = items.map((it) => {
      const lead = ctx.store.leads.find((l) => l.id === it['id'])!;
      if (!see(lead.responsible_user_id)) throw new Problem(403, `Access denied to lead ${lead.id}`);
      applyLeadPatch(ctx.store, lead, it, ctx.user.id, nowSec);
      const r: Record<string, unknown> = { id: lead.id, updated_at: lead.updated_at };
      if (it['request_id'] !== undefined) r['request_id'] = it['request_id'];
      r['_links'] = selfLink(ctx.origin, `/api/v4/leads/${lead.id}`);
      return r;
    });
    return hal({ _links: selfLink(ctx.origin, '/api/v4/leads'), _embedded: { leads: out } });
  }),
  route('GET', '/api/v4/contacts', (ctx) => {
    const see = visibility(ctx, 'contacts');
    const filters = effectiveQuery(ctx);
    const resp = multi(filters, 'filter[responsible_user_id]').map(Number);
    const ids = multi(filters, 'filter[id]').map(Number);
    const q = ctx.query.get('query') ?? '';
    const all = ctx.store.contacts;
    const w = withSet(ctx.query);
    const rights = effectiveRights(ctx.store, ctx.user);
    const seesAll = rights.is_admin || rights.contacts?.view === 'A';
    readPaging(ctx.query, PAGING);
    if (seesAll && resp.length === 0 && ids.length === 0 && q.trim() === '') {
      // Page straight into the list so a lazily generated account computes only the requested page.
      return listResponse({
        origin: ctx.origin,
        path: '/api/v4/contacts',
        query: ctx.query,
        collection: 'contacts',
        meta: 'page',
        total: all.length,
        slice: (o, n) =>
          range(o, Math.min(all.length, o + n)).map((i) => contactOut(ctx.store, ctx.origin, all.at(i), w)),
      });
    }
    const idx: number[] = [];
    let i = 0;
    for (const c of iterate(all)) {
      if (
        see(c.responsible_user_id) &&
        (resp.length === 0 || resp.includes(c.responsible_user_id)) &&
        (ids.length === 0 || ids.includes(c.id)) &&
        matchesQuery(c, q)
      )
        idx.push(i);
      i++;
    }
    return listResponse({
      origin: ctx.origin,
      path: '/api/v4/contacts',
      query: ctx.query,
      collection: 'contacts',
      meta: 'page',
      total: idx.length,
      slice: (o, n) => idx.slice(o, o + n).map((k) => contactOut(ctx.store, ctx.origin, all.at(k), w)),
    });
  }),
  route('GET', '/api/v4/companies', (ctx) => {
    const see = visibility(ctx, 'companies');
    const resp = multi(effectiveQuery(ctx), 'filter[responsible_user_id]').map(Number);
    const q = (ctx.query.get('query') ?? '').trim().toLowerCase();
    const list = ctx.store.companies.filter(
      (c) =>
        see(c.responsible_user_id) &&
        (resp.length === 0 || resp.includes(c.responsible_user_id)) &&
        (q === '' || c.name.toLowerCase().includes(q)),
    );
    return listResponse({
      origin: ctx.origin,
      path: '/api/v4/companies',
      query: ctx.query,
      collection: 'companies',
      meta: 'page',
      total: list.length,
      slice: (o, n) => list.slice(o, o + n).map((c) => companyOut(ctx.store, ctx.origin, c)),
    });
  }),
];

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}
