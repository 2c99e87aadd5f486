/**
 * Declarative routing in the MSW style: `route(method, pattern, handler)`. Patterns are
 * paths with `:name` segments, optionally constrained as `:name(a|b)` or `:id(\d+)`.
 */
import type { Store, UserRecord } from './store';
import { Problem } from './http';

/** What every handler receives. */
export interface Ctx {
  req: Request;
  url: URL;
  /** Request origin, used to build absolute `_links` hrefs. */
  origin: string;
  query: URLSearchParams;
  params: Record<string, string>;
  store: Store;
  /** The authenticated user. */
  user: UserRecord;
  /** Key of the calling integration (token owner) — sources are per integration. */
  integration: string;
  /** The emulator clock in ms. */
  now: () => number;
  /** Parsed JSON body; 400 when missing or not JSON. */
  body: () => Promise<unknown>;
}

/** A route handler. Throw `Problem` for errors. */
export type Handler = (ctx: Ctx) => Response | Promise<Response>;

/** A compiled route. */
export interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  keys: string[];
  handler: Handler;
}

/** Declares a route. */
export function route(method: string, pattern: string, handler: Handler): Route {
  const keys: string[] = [];
  const source = pattern
    .split('/')
    .map((seg) => {
      const m = /^:(\w+)(?:\((.+)\))?$/.exec(seg);
      if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(m[1]!);
      return `(${m[2] ?? '[^/]+'})`;
    })
    .join('/');
  return { method: method.toUpperCase(), pattern, regex: new RegExp(`^${source}/?$`), keys, handler };
}

/** Finds the route for a method and pathname, with its decoded params. */
export function match(
  routes: Route[],
  method: string,
  pathname: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const r of routes) {
    if (r.method !== method.toUpperCase()) continue;
    const m = r.regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    r.keys.forEach((k, i) => {
      params[k] = decodeURIComponent(m[i + 1]!);
    });
    return { route: r, params };
  }
  return undefined;
}

/** 403 unless the authenticated user is an admin. */
export function requireAdmin(ctx: Ctx): void {
  if (!ctx.user.rights.is_admin) throw new Problem(403, 'Access denied: administrator rights required');
}

/** Numeric route param (routes constrain ids to digits). */
export function idParam(ctx: Ctx, name = 'id'): number {
  return Number(ctx.params[name]);
}

/** The body as a non-empty array (batch writes); 400 otherwise. Also enforces the 250-per-request cap. */
export async function arrayBody(ctx: Ctx): Promise<Record<string, unknown>[]> {
  const body = await ctx.body();
  if (!Array.isArray(body) || body.length === 0) throw new Problem(400, 'Request body must be a non-empty array');
  // Kommo documents 422 "limit of 250 per page" for more than 250 entities in one request.
  if (body.length > 250) throw new Problem(422, 'limit of 250 per page');
  if (!body.every(isObject)) throw new Problem(400, 'Every array element must be an object');
  return body as Record<string, unknown>[];
}

/** The body as a non-empty object (PATCH /x/{id}); 400 otherwise. */
export async function objectBody(ctx: Ctx): Promise<Record<string, unknown>> {
  const body = await ctx.body();
  if (!isObject(body) || Object.keys(body).length === 0)
    throw new Problem(400, 'Request body must be a non-empty object');
  return body;
}

/** True for plain JSON objects. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
