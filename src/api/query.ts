/** Query parameters with literal keys, e.g. `{'filter[type][]': ['incoming_call', 'outgoing_call'], limit: 1}`. */
export type Query = Record<string, string | number | boolean | (string | number)[] | undefined>;

// Brackets stay literal, as amoCRM's docs write them; everything else is percent-encoded.
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
}

/** Build `a=1&filter[type][]=x&filter[type][]=y` (no leading `?`); undefined values are skipped, arrays repeat the key. */
export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) parts.push(`${encodeKey(key)}=${encodeURIComponent(String(v))}`);
  }
  return parts.join('&');
}

/** Append a query to a path that may already carry one. */
export function withQuery(path: string, query: Query | undefined): string {
  const qs = buildQuery(query);
  if (!qs) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${qs}`;
}

/** The path without its query, for error messages and `ApiError.path`. */
export function pathOnly(pathWithQuery: string): string {
  const i = pathWithQuery.indexOf('?');
  return i < 0 ? pathWithQuery : pathWithQuery.slice(0, i);
}
