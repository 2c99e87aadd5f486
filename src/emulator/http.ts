/**
 * Response helpers shared by all routes: HAL success bodies, problem+json errors,
 * 204 for empty lists, and the page/limit rules with the per-endpoint meta keys.
 */

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** One entry of a `validation-errors` block. */
export interface ValidationIssue {
  code: string;
  path: string;
  detail: string;
}

/** A problem a handler throws; the core turns it into a problem+json response. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

/** 400 with `validation-errors`, grouped per request item as amoCRM does. */
export function validationProblem(groups: { request_id: string; errors: ValidationIssue[] }[]): Problem {
  return new Problem(400, 'Request validation failed', { 'validation-errors': groups });
}

/** Throws a 400 validation problem when any group has issues. */
export function assertValid(groups: { request_id: string; errors: ValidationIssue[] }[]): void {
  const bad = groups.filter((g) => g.errors.length > 0);
  if (bad.length > 0) throw validationProblem(bad);
}

/** problem+json response: {title, type, status, detail} plus extras. */
export function problemResponse(
  status: number,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const body = { title: TITLES[status] ?? 'Error', type: `https://httpstatus.es/${status}`, status, detail, ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/** hal+json success response. */
export function hal(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/hal+json' } });
}

/** 204 No Content with an empty body (empty lists, deletes). */
export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** `{self: {href}}` for an absolute href built from the request origin. */
export function selfLink(origin: string, path: string): { self: { href: string } } {
  return { self: { href: origin + path } };
}

/** Which meta keys an endpoint's list carries (they differ by endpoint in amoCRM). */
export type MetaStyle = 'full' | 'page' | 'total';

/** Paging limits of one list endpoint. */
export interface PagingRule {
  defaultLimit: number;
  maxLimit: number;
}

/** Default paging: 50 per page, at most 250. */
export const PAGING: PagingRule = { defaultLimit: 50, maxLimit: 250 };
/** Events: at most 100 per page. */
export const EVENTS_PAGING: PagingRule = { defaultLimit: 50, maxLimit: 100 };

/** Parsed page/limit of a request. */
export interface PageRequest {
  page: number;
  limit: number;
}

/**
 * Reads `page` (1-based) and `limit`. A limit above the endpoint's maximum is refused
 * rather than clamped: Kommo documents 422 "limit of 250 per page" for requests over the
 * cap, and a silent clamp would hide a client bug that the real API reports.
 */
export function readPaging(query: URLSearchParams, rule: PagingRule = PAGING): PageRequest {
  const rawPage = query.get('page');
  const rawLimit = query.get('limit');
  const page = rawPage === null || rawPage === '' ? 1 : Number(rawPage);
  const limit = rawLimit === null || rawLimit === '' ? rule.defaultLimit : Number(rawLimit);
  if (!Number.isInteger(page) || page < 1) throw new Problem(400, 'page must be a positive integer');
  if (!Number.isInteger(limit) || limit < 1) throw new Problem(400, 'limit must be a positive integer');
  if (limit > rule.maxLimit) throw new Problem(422, `limit of ${rule.maxLimit} per page`);
  return { page, limit };
}

/** Href of a list page: the request's own query with page and limit set. */
export function pageHref(origin: string, path: string, query: URLSearchParams, page: number, limit: number): string {
  const q = new URLSearchParams(query);
  q.delete('page');
  q.delete('limit');
  q.append('page', String(page));
  q.append('limit', String(limit));
  // Keep brackets readable, as amoCRM's own hrefs show them.
  return `${origin}${path}?${q.toString().replace(/%5B/g, '[').replace(/%5D/g, ']')}`;
}

/** What a list handler hands to `listResponse`. */
export interface ListSpec<T> {
  origin: string;
  path: string;
  query: URLSearchParams;
  collection: string;
  meta: MetaStyle;
  rule?: PagingRule;
  total: number;
  /** Items of the requested window [offset, offset+limit), already serialized. */
  slice: (offset: number, limit: number) => T[];
  /** Without paging (pipelines, statuses, groups): the whole list, no page/limit. */
  unpaged?: boolean;
}

/** A HAL list page, or 204 when the page is empty. */
export function listResponse<T>(spec: ListSpec<T>): Response {
  if (spec.unpaged) {
    if (spec.total === 0) return noContent();
    const items = spec.slice(0, spec.total);
    return hal({
      _total_items: items.length,
      _links: selfLink(spec.origin, spec.path),
      _embedded: { [spec.collection]: items },
    });
  }
  const { page, limit } = readPaging(spec.query, spec.rule ?? PAGING);
  const offset = (page - 1) * limit;
  const items = offset < spec.total ? spec.slice(offset, limit) : [];
  if (items.length === 0) return noContent();
  const pageCount = Math.max(1, Math.ceil(spec.total / limit));
  const links: Record<string, { href: string }> = {
    self: { href: pageHref(spec.origin, spec.path, spec.query, page, limit) },
  };
  if (offset + limit < spec.total)
    links['next'] = { href: pageHref(spec.origin, spec.path, spec.query, page + 1, limit) };
  if (page > 1) {
    links['first'] = { href: pageHref(spec.origin, spec.path, spec.query, 1, limit) };
    links['prev'] = { href: pageHref(spec.origin, spec.path, spec.query, page - 1, limit) };
  }
  const meta: Record<string, number> = {};
  if (spec.meta === 'full') Object.assign(meta, { _total_items: spec.total, _page: page, _page_count: pageCount });
  else if (spec.meta === 'page') meta['_page'] = page;
  else meta['_total_items'] = spec.total;
  return hal({ ...meta, _links: links, _embedded: { [spec.collection]: items } });
}

/** Convenience: list response over an in-memory array of records. */
export function arrayListResponse<R, T>(
  base: Omit<ListSpec<T>, 'total' | 'slice'>,
  records: R[],
  serialize: (r: R) => T,
): Response {
  return listResponse({ ...base, total: records.length, slice: (o, n) => records.slice(o, o + n).map(serialize) });
}

/** Values of a repeated filter: `k[]=a&k[]=b`, `k[0]=a`, or `k=a,b`. */
export function multi(query: URLSearchParams, key: string): string[] {
  const out: string[] = [];
  for (const [k, v] of query) {
    if (k === `${key}[]` || new RegExp(`^${escapeRe(key)}\\[\\d+\\]$`).test(k)) out.push(v);
    else if (k === key) out.push(...v.split(',').filter((x) => x !== ''));
  }
  return out;
}

/** A `[from]/[to]` range filter (or a scalar meaning "since"); undefined bounds are open. */
export function range(query: URLSearchParams, key: string): { from?: number; to?: number } {
  const num = (v: string | null) => (v === null || v === '' ? undefined : Number(v));
  const scalar = num(query.get(key));
  if (scalar !== undefined) return { from: scalar };
  return { from: num(query.get(`${key}[from]`)), to: num(query.get(`${key}[to]`)) };
}

/** True when ts lies within the range (inclusive). */
export function inRange(ts: number, r: { from?: number; to?: number }): boolean {
  return (r.from === undefined || ts >= r.from) && (r.to === undefined || ts <= r.to);
}

/** Values of `with=a,b`. */
export function withSet(query: URLSearchParams): Set<string> {
  return new Set(
    (query.get('with') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
