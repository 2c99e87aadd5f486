import { type Method, MalformedResponseError } from './errors';
import { parseJsonOrUndefined } from './problem';

/** amoCRM's per-page maximum: 250 for most lists, 100 for events. */
export function defaultLimit(path: string): number {
  return /^\/api\/v4\/events\/?(\?|$)/.test(path) ? 100 : 250;
}

/** Pages read at most before the list fails (a million records at 250 per page; far above a typical account). */
export const DEFAULT_MAX_PAGES = 4_000;

/** One parsed list page: its items and the `_links.next.href`, if any. */
export interface ListPage<T> {
  items: T[];
  next: string | null;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * Read a 200 list page. Only what paging needs is checked: a page without `_embedded.<collection>[]`
 * is malformed (an empty list is a 204, so a 200 must carry the collection).
 */
export function readPage<T>(
  text: string,
  collection: string,
  at: { method: Method; path: string; status: number },
): ListPage<T> {
  const body = parseJsonOrUndefined(text);
  if (body === undefined) {
    throw new MalformedResponseError(at, text.trim() === '' ? 'empty body on a list page' : 'body is not JSON');
  }
  const embedded = record(record(body)?._embedded);
  const items = embedded?.[collection];
  if (!Array.isArray(items)) {
    throw new MalformedResponseError(at, `list page has no _embedded.${collection} array`);
  }
  const next = record(record(record(body)?._links)?.next)?.href;
  return { items: items as T[], next: typeof next === 'string' && next !== '' ? next : null };
}

/**
 * The first `id` of `items` already in `seen` (then undefined is never returned for it), adding the rest.
 * Items without an id are not tracked (every documented list carries one).
 */
export function repeatedId(items: readonly unknown[], seen: Set<unknown>): unknown {
  for (const item of items) {
    const id = record(item)?.id;
    if (id === undefined || id === null) continue;
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}
