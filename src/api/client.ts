import {
  DeadlineError,
  type Method,
  MalformedResponseError,
  NetworkError,
  OffOriginError,
  RedirectError,
  TimeoutError,
  RateLimitBanError,
  TooLargeError,
} from './errors';
import { DEFAULT_MAX_PAGES, defaultLimit, readPage, repeatedId } from './paginate';
import { errorFromResponse, parseJsonOrUndefined, retryAfterMs } from './problem';
import { type Query, pathOnly, withQuery } from './query';
import { baseUrlProblem, isApiPath, originOf, sameOriginApiTarget } from './origin';
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

/** Default body cap per answer: far above any real page of 250 records, far below what hurts a tab. */
export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
/** Default idle timeout: no headers, or no body data, for this long and the attempt is dead. */
export const DEFAULT_IDLE_TIMEOUT_MS = 8_000;
/**
 * Retries after a timeout: two, so one slow answer (a cold start) is ridden out while a silent server is
 * called dead within 3 × the idle timeout plus the backoff — under 30 s with the defaults.
 */
export const TIMEOUT_RETRIES = 2;

/** How to reach the API and how hard to try. */
export interface ApiClientOptions {
  /** '' = same-origin in the browser (login cookie); else e.g. `https://sub.amocrm.ru` (http only for loopback). */
  baseUrl: string;
  /** Bearer token; absent = cookie mode. */
  token?: string;
  fetch?: typeof fetch;
  /** Requests per second for the shared throttle (default 7); ignored when `throttle` is given. */
  rps?: number;
  throttle?: Throttle;
  /** Retries after the first attempt (default 4). */
  maxRetries?: number;
  /** Idle timeout per attempt, ms: before the headers and between body chunks (default 8 000). */
  timeoutMs?: number;
  /** Body cap per answer, bytes (default 20 MB). */
  maxBodyBytes?: number;
  /** Longest Retry-After waited out, ms (default 60 000); a longer one fails the call at once. */
  maxRetryAfterMs?: number;
  /** Absolute time (by `now`) after which no request is sent and no wait crosses: the audit's deadline. */
  deadlineAt?: number;
  /** Clock of the deadline (default Date.now). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Bounds of one audit, from the baseline's limits. */
export interface RunLimits {
  /** Longest Retry-After waited out, ms. */
  maxRetryAfterMs?: number;
  /** The whole run's time budget from now, ms. */
  deadlineMs?: number;
}

/** Options of a list call. */
export interface ListOptions {
  query?: Query;
  signal?: AbortSignal;
  /** Page size; default 250 (events 100). */
  limit?: number;
  /** More pages than this fail the list (a guard; default 4,000 = a million records at 250). */
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
  readonly stats: ClientStats;
  private readonly options: ApiClientOptions;
  private readonly baseUrl: string;
  private readonly token: string | undefined;
  private readonly fetchFn: FetchFn;
  private readonly throttle: Throttle;
  private readonly policy: typeof DEFAULT_RETRY;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly deadlineAt: number | undefined;
  private baseOrigin: string | undefined;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  /** Set by a ban answer; shared with `bounded()` copies so no copy keeps asking. */
  private readonly banLatch: { until?: number | null };
  /** Extra counters of this copy's requests (`counting()`): one part's share of a gathering. */
  private readonly tallies: readonly { requests: number }[];

  /** Throws when the base URL could leak the token (plain http to a non-loopback host, a path, credentials). */
  constructor(
    opts: ApiClientOptions,
    shared?: { stats: ClientStats; banLatch: ApiClient['banLatch']; tallies?: readonly { requests: number }[] },
  ) {
    const baseUrl = opts.baseUrl.replace(/\/+$/, '');
    const problem = baseUrlProblem(baseUrl);
    if (problem) throw new Error(problem);
    this.options = opts;
    this.stats = shared?.stats ?? { requests: 0, retries: 0, http429: 0 };
    this.baseUrl = baseUrl;
    this.token = opts.token;
    const f = opts.fetch;
    // Called as a plain function: window.fetch throws "Illegal invocation" when called as a method of another object.
    this.fetchFn = f ? (url, init) => f(url, init) : (url, init) => fetch(url, init);
    this.throttle = opts.throttle ?? sharedThrottle(opts.rps);
    this.policy = {
      ...DEFAULT_RETRY,
      maxRetries: opts.maxRetries ?? DEFAULT_RETRY.maxRetries,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? DEFAULT_RETRY.maxRetryAfterMs,
    };
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    this.maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.deadlineAt = opts.deadlineAt;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
    this.random = opts.random ?? Math.random;
    this.banLatch = shared?.banLatch ?? {};
    this.tallies = shared?.tallies ?? [];
  }

  /** Requests per window this client's throttle allows (the rate a time-left estimate may assume at most). */
  get rateLimit(): number {
    return this.throttle.limit;
  }

  /**
   * The same client (same throttle, same counters) bound by one run's limits: Retry-After waits no longer
   * than `maxRetryAfterMs`, and nothing sent or waited for past `deadlineMs` from now.
   */
  bounded(limits: RunLimits): ApiClient {
    const deadlineAt = limits.deadlineMs === undefined ? this.deadlineAt : this.now() + limits.deadlineMs;
    return new ApiClient(
      {
        ...this.options,
        throttle: this.throttle,
        maxRetryAfterMs: limits.maxRetryAfterMs ?? this.policy.maxRetryAfterMs,
        deadlineAt: this.deadlineAt === undefined ? deadlineAt : Math.min(this.deadlineAt, deadlineAt ?? Infinity),
      },
      { stats: this.stats, banLatch: this.banLatch, tallies: this.tallies },
    );
  }

  /**
   * The same client (throttle, counters, limits) that also counts its requests into `tally`, so a
   * gathering knows what each part cost — the next gathering's estimate of the time left.
   */
  counting(tally: { requests: number }): ApiClient {
    return new ApiClient(
      {
        ...this.options,
        throttle: this.throttle,
        maxRetryAfterMs: this.policy.maxRetryAfterMs,
        deadlineAt: this.deadlineAt,
      },
      { stats: this.stats, banLatch: this.banLatch, tallies: [...this.tallies, tally] },
    );
  }

  /** The origin requests go to: the base URL's, or the page's own in cookie mode; null when unknown. */
  private origin(): string | null {
    if (this.baseUrl) {
      this.baseOrigin ??= new URL(this.baseUrl).origin;
      return this.baseOrigin;
    }
    const loc = (globalThis as { location?: { origin?: unknown } }).location;
    return typeof loc?.origin === 'string' && loc.origin !== 'null' ? loc.origin : null;
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
    const ids = new Set<unknown>();
    const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
    for (let n = 0; ; n++) {
      const at = { method: 'GET' as const, path: pathOnly(target), status: null };
      if (n >= maxPages)
        throw new MalformedResponseError(at, `more than ${maxPages} pages, the list was not read to its end`);
      seen.add(target);
      const res = await this.send('GET', target, undefined, opts.signal);
      if (res.status === 204) return;
      const page = readPage<T>(res.text, collection, { ...at, status: res.status });
      // A record met twice means the pages shift or loop: counts built from them would be wrong.
      const dup = repeatedId(page.items, ids);
      if (dup !== undefined)
        throw new MalformedResponseError({ ...at, status: res.status }, `pagination repeats id ${String(dup)}`);
      if (page.items.length > 0) yield page.items;
      if (!page.next) return;
      const next = sameOriginApiTarget(page.next, this.origin());
      if (next === null) throw new OffOriginError({ ...at, status: res.status }, `_links.next ${originOf(page.next)}`);
      if (seen.has(next)) {
        throw new MalformedResponseError({ ...at, status: res.status }, `pagination loop, _links.next repeats ${next}`);
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
    // After a ban every further request only prolongs it: refuse them here until the named wait is over.
    const ban = this.banLatch;
    if (ban.until === null || (ban.until !== undefined && this.now() < ban.until)) {
      const left = ban.until == null ? null : ban.until - this.now();
      throw new RateLimitBanError({ method, path: pathOnly(target), status: 403 }, left);
    }
    try {
      return await this.sendOnce(method, target, body, signal);
    } catch (err) {
      if (err instanceof RateLimitBanError)
        this.banLatch.until = err.retryAfterMs === null ? null : this.now() + err.retryAfterMs;
      throw err;
    }
  }

  /** One request with its retries (see `send`, which adds the ban latch). */
  private async sendOnce(method: Method, target: string, body: unknown, signal?: AbortSignal): Promise<Answer> {
    const path = pathOnly(target);
    // The path is checked before anything is sent: a journal or a link must not turn the base into another host.
    if (!isApiPath(target))
      throw new OffOriginError({ method, path: '(refused)', status: null }, JSON.stringify(target));
    const url = `${this.baseUrl}${target}`;
    const init = this.init(method, body, signal);
    const idempotent = isIdempotent(method);
    let timeouts = 0;
    for (let retry = 0; ; retry++) {
      this.checkDeadline(method, path, 0);
      const slot = await this.throttle.acquireSlot(signal, this.origin() ?? undefined);
      this.checkDeadline(method, path, 0);
      this.stats.requests++;
      for (const tally of this.tallies) tally.requests++;
      let r: Awaited<ReturnType<typeof attempt>>;
      try {
        r = await attempt(this.fetchFn, url, init, { idleMs: this.timeoutMs, maxBodyBytes: this.maxBodyBytes }, signal);
      } finally {
        slot.done();
      }
      const canRetry = retry < this.policy.maxRetries;
      let delay: number;
      if (r.kind === 'response') {
        if (r.status >= 200 && r.status < 300) return r;
        if (r.type === 'opaqueredirect' || (r.status >= 300 && r.status < 400)) {
          const location = r.headers.get('location');
          throw new RedirectError(
            { method, path, status: r.status || null, outcomeUnknown: !idempotent },
            location ? originOf(location, url) : null,
          );
        }
        const failed = {
          method,
          path,
          status: r.status,
          statusText: r.statusText,
          text: r.text,
          afterRateLimit: this.throttle.recentlyLimited(),
          retryAfterMs: retryAfterMs(r.headers, parseJsonOrUndefined(r.text), Date.now()),
        };
        if (r.status === 429) {
          this.stats.http429++;
          this.throttle.noteRateLimit();
          const wait = failed.retryAfterMs;
          if (!canRetry || (wait !== null && wait > this.policy.maxRetryAfterMs)) throw errorFromResponse(failed);
          // The limit is per IP/integration, not per call: every client sharing the throttle waits too.
          if (wait !== null) this.throttle.hold(wait, this.origin() ?? undefined);
          delay = wait ?? rateLimitFallbackMs(retry, this.policy, this.random);
          if (this.crossesDeadline(delay)) throw errorFromResponse(failed);
        } else if (RETRYABLE_STATUSES.has(r.status)) {
          if (!idempotent) throw errorFromResponse({ ...failed, outcomeUnknown: true });
          if (!canRetry) throw errorFromResponse(failed);
          delay = backoffMs(retry, this.policy, this.random);
        } else {
          throw errorFromResponse(failed);
        }
      } else if (r.kind === 'too-large') {
        throw new TooLargeError({ method, path, status: r.status, outcomeUnknown: !idempotent }, this.maxBodyBytes);
      } else if (r.kind === 'timeout') {
        timeouts++;
        if (!idempotent || !canRetry || timeouts > TIMEOUT_RETRIES) {
          throw new TimeoutError({ method, path, status: null, outcomeUnknown: !idempotent }, this.timeoutMs);
        }
        delay = backoffMs(retry, this.policy, this.random);
      } else {
        // A refused connection is answered at once: nobody listens there, and waiting will not change it.
        const refused = connectionRefused(r.error);
        const safe = idempotent && !refused;
        if (!safe || !canRetry) {
          throw new NetworkError({
            method,
            path,
            status: null,
            outcomeUnknown: !idempotent && !refused,
            detail: describe(r.error),
            cause: r.error,
          });
        }
        delay = backoffMs(retry, this.policy, this.random);
      }
      if (this.crossesDeadline(delay)) this.checkDeadline(method, path, delay);
      this.stats.retries++;
      await abortableSleep(this.sleep, delay, signal);
    }
  }

  private crossesDeadline(waitMs: number): boolean {
    return this.deadlineAt !== undefined && this.now() + waitMs > this.deadlineAt;
  }

  /** Throws DeadlineError when the run's time is up, or would be after waiting `waitMs`. */
  private checkDeadline(method: Method, path: string, waitMs: number): void {
    if (this.deadlineAt === undefined || !this.crossesDeadline(waitMs)) return;
    throw new DeadlineError({ method, path, status: null });
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
