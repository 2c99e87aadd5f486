import { type Method, MalformedResponseError, NetworkError, TimeoutError } from './errors';
import { DEFAULT_MAX_PAGES, defaultLimit, readPage } from './paginate';
import { errorFromResponse, parseJsonOrUndefined, retryAfterMs } from './problem';
import { type Query, pathAndQuery, pathOnly, withQuery } from './query';
import {
  DEFAULT_RETRY,
  RETRYABLE_STATUSES,
  backoffMs,
  connectionRefused,
  isIdempotent,
  rateLimitFallbackMs,
} from './retry';
import { type Throttle, abortableSleep, realSleep, sharedThrottle } from './throttle';
import { type AttemptResult, type FetchFn, attempt } from './transport';

export type { Query } from './query';
export type { Throttle } from './throttle';

/** How to reach the API and how hard to try. */
export interface ApiClientOptions {
  /** '' = same-origin in the browser (login cookie); else e.g. `https://sub.amocrm.ru`. */
  baseUrl: string;
  /** Bearer token; absent = cookie mode. */
  token?: string;
  fetch?: typeof fetch;
  /** Requests per second for the shared throttle (default 7); ignored when `throttle` is given. */
  rps?: number;
  throttle?: Throttle;
  /** Retries after the first attempt (default 4). */
  maxRetries?: number;
  /** Per-attempt timeout, ms (default 30 000). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Options of a list call. */
export interface ListOptions {
  query?: Query;
  signal?: AbortSignal;
  /** Page size; default 250 (events 100). */
  limit?: number;
  /** Stop after this many pages (a guard; default 10,000). */
  maxPages?: number;
}

/** Request counters of one client. */
export interface ClientStats {
  /** Every HTTP attempt, retries included. */
  requests: number;
  retries: number;
  http429: number;
}

type Answer = Extract<AttemptResult, { kind: 'response' }>;

const ACCEPT = 'application/hal+json, application/problem+json, application/json';

/** The account's API base URL for a subdomain on amocrm.ru (default) or kommo.com. */
export function baseUrlFor(account: { subdomain: string; domain?: 'amocrm.ru' | 'kommo.com' }): string {
  const sub = account.subdomain.trim().toLowerCase();
  // A subdomain is one DNS label; anything else could point the token at another host.
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(sub))
    throw new Error(`Invalid account subdomain: "${account.subdomain}"`);
  return `https://${sub}.${account.domain ?? 'amocrm.ru'}`;
}

/**
 * amoCRM API v4 client for both faces: same-origin with the login cookie in the widget, Bearer token
 * in Node. Throttled below the 7 rps limit, retries what is safe to retry, types every failure.
 */
export class ApiClient {
  readonly stats: ClientStats = { requests: 0, retries: 0, http429: 0 };
  private readonly baseUrl: string;
  private readonly token: string | undefined;
  private readonly fetchFn: FetchFn;
  private readonly throttle: Throttle;
  private readonly policy: typeof DEFAULT_RETRY;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(opts: ApiClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.token = opts.token;
    const f = opts.fetch;
    // Called as a plain function: window.fetch throws "Illegal invocation" when called as a method of another object.
    this.fetchFn = f ? (url, init) => f(url, init) : (url, init) => fetch(url, init);
    this.throttle = opts.throttle ?? sharedThrottle(opts.rps);
    this.policy = { ...DEFAULT_RETRY, maxRetries: opts.maxRetries ?? DEFAULT_RETRY.maxRetries };
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.sleep = opts.sleep ?? realSleep;
    this.random = opts.random ?? Math.random;
  }

  /** GET one object; null on 204. */
  async get<T>(path: string, opts: { query?: Query; signal?: AbortSignal } = {}): Promise<T | null> {
    const target = withQuery(path, opts.query);
    return this.parse<T>('GET', target, await this.send('GET', target, undefined, opts.signal));
  }

  /** GET every page of a list (following `_links.next`); 204 → []. */
  async list<T>(path: string, collection: string, opts: ListOptions = {}): Promise<T[]> {
    const all: T[] = [];
    for await (const page of this.pages<T>(path, collection, opts)) all.push(...page);
    return all;
  }

  /** GET a list page by page, for streaming large collections. */
  async *pages<T>(path: string, collection: string, opts: ListOptions = {}): AsyncGenerator<T[]> {
    const limit = opts.limit ?? opts.query?.limit ?? defaultLimit(path);
    let target = withQuery(path, { ...opts.query, limit });
    const seen = new Set<string>();
    const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
    for (let n = 0; n < maxPages; n++) {
      seen.add(target);
      const res = await this.send('GET', target, undefined, opts.signal);
      if (res.status === 204) return;
      const page = readPage<T>(res.text, collection, { method: 'GET', path: pathOnly(target), status: res.status });
      if (page.items.length > 0) yield page.items;
      if (!page.next) return;
      // Follow the link's path and query on our own base: hrefs may name another host (e.g. www).
      const next = pathAndQuery(page.next);
      if (seen.has(next)) {
        throw new MalformedResponseError(
          { method: 'GET', path: pathOnly(target), status: res.status },
          `pagination loop, _links.next repeats ${next}`,
        );
      }
      target = next;
    }
  }

  /** POST a JSON body; null when the answer has no body. */
  async post<T>(path: string, body: unknown, opts: { signal?: AbortSignal } = {}): Promise<T | null> {
    return this.parse<T>('POST', path, await this.send('POST', path, body, opts.signal));
  }

  /** PATCH a JSON body; null when the answer has no body. */
  async patch<T>(path: string, body: unknown, opts: { signal?: AbortSignal } = {}): Promise<T | null> {
    return this.parse<T>('PATCH', path, await this.send('PATCH', path, body, opts.signal));
  }

  /** DELETE; amoCRM answers 204. */
  async delete(path: string, opts: { signal?: AbortSignal } = {}): Promise<void> {
    await this.send('DELETE', path, undefined, opts.signal);
  }

  private parse<T>(method: Method, target: string, res: Answer): T | null {
    if (res.status === 204 || res.text.trim() === '') return null;
    const body = parseJsonOrUndefined(res.text);
    if (body === undefined)
      throw new MalformedResponseError({ method, path: pathOnly(target), status: res.status }, 'body is not JSON');
    return body as T;
  }

  private init(method: Method, body: unknown, signal?: AbortSignal): RequestInit {
    const headers: Record<string, string> = { Accept: ACCEPT };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token !== undefined) headers.Authorization = `Bearer ${this.token}`;
    else headers['X-Requested-With'] = 'XMLHttpRequest';
    return {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // Cookie mode rides on the CRM page's session; a token client must not send cookies anywhere.
      credentials: this.token !== undefined ? 'omit' : 'same-origin',
      signal,
    };
  }

  /**
   * Send with throttle and retries; returns a 2xx answer or throws a typed error. Reads retry on
   * timeouts, network errors and 502/503/504; writes retry only when provably unprocessed (429,
   * connection refused) and otherwise fail with `outcomeUnknown`.
   */
  private async send(method: Method, target: string, body: unknown, signal?: AbortSignal): Promise<Answer> {
    const path = pathOnly(target);
    const url = `${this.baseUrl}${target}`;
    const init = this.init(method, body, signal);
    const idempotent = isIdempotent(method);
    for (let retry = 0; ; retry++) {
      const slot = await this.throttle.acquireSlot(signal);
      this.stats.requests++;
      let r: Awaited<ReturnType<typeof attempt>>;
      try {
        r = await attempt(this.fetchFn, url, init, this.timeoutMs, signal);
      } finally {
        slot.done();
      }
      const canRetry = retry < this.policy.maxRetries;
      let delay: number;
      if (r.kind === 'response') {
        if (r.status >= 200 && r.status < 300) return r;
        const failed = { method, path, status: r.status, statusText: r.statusText, text: r.text };
        if (r.status === 429) {
          this.stats.http429++;
          const wait = retryAfterMs(r.headers, parseJsonOrUndefined(r.text), Date.now());
          if (!canRetry || (wait !== null && wait > this.policy.maxRetryAfterMs)) {
            throw errorFromResponse({ ...failed, retryAfterMs: wait });
          }
          // The limit is per IP/integration, not per call: every client sharing the throttle waits too.
          if (wait !== null) this.throttle.hold(wait);
          delay = wait ?? rateLimitFallbackMs(retry, this.policy, this.random);
        } else if (RETRYABLE_STATUSES.has(r.status)) {
          if (!idempotent) throw errorFromResponse({ ...failed, outcomeUnknown: true });
          if (!canRetry) throw errorFromResponse(failed);
          delay = backoffMs(retry, this.policy, this.random);
        } else {
          throw errorFromResponse(failed);
        }
      } else if (r.kind === 'timeout') {
        if (!idempotent || !canRetry) {
          throw new TimeoutError({ method, path, status: null, outcomeUnknown: !idempotent }, this.timeoutMs);
        }
        delay = backoffMs(retry, this.policy, this.random);
      } else {
        const safe = idempotent || connectionRefused(r.error);
        if (!safe || !canRetry) {
          throw new NetworkError({
            method,
            path,
            status: null,
            outcomeUnknown: !safe,
            detail: describe(r.error),
            cause: r.error,
          });
        }
        delay = backoffMs(retry, this.policy, this.random);
      }
      this.stats.retries++;
      await abortableSleep(this.sleep, delay, signal);
    }
  }
}

/** A one-line reason from a fetch failure (undici hides the useful part in `cause`). */
function describe(err: unknown): string | undefined {
  const parts: string[] = [];
  let e: unknown = err;
  for (let i = 0; i < 3 && typeof e === 'object' && e !== null; i++) {
    const { message, code } = e as { message?: unknown; code?: unknown };
    const piece = [typeof code === 'string' ? code : '', typeof message === 'string' ? message : '']
      .filter(Boolean)
      .join(' ');
    if (piece && !parts.includes(piece)) parts.push(piece);
    e = (e as { cause?: unknown }).cause;
  }
  return parts.length ? parts.join(': ') : undefined;
}
