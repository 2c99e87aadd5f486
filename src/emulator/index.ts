/**
 * The amoCRM API v4 emulator: declarative routes over an in-memory account, a core
 * `handle(Request) → Response`, an in-process `fetch` and a node:http `listen`, with the real
 * API's auth, throttle and quirks, plus fault injection for tests.
 */
import { Faults, isResetError, networkError } from './faults';
import type { FaultAction } from './faults';
import { Problem, hal, problemResponse } from './http';
import { listenWith } from './node-adapter';
import { MAX_REQUEST_BODY_BYTES } from './node-request';
import type { Listening } from './node-adapter';
import { DEFAULT_BLOCK, RateLimiter } from './rate-limit';
import type { BlockPolicy } from './rate-limit';
import { isObject, match } from './router';
import type { Ctx } from './router';
import { apiRoutes } from './routes/index';
import { hashString, mulberry32 } from './seeds/prng';
import { buildSeed, isSeedName } from './seeds/index';
import type { SeedName } from './seeds/index';
import type { Store, UserRecord } from './store';

export { SEED_NAMES, isSeedName } from './seeds/index';
export type { SeedName } from './seeds/index';
export type { FaultAction, OnceFault } from './faults';
export type { Store } from './store';

/** Options of `createEmulator`. */
export interface EmulatorOptions {
  seed: SeedName;
  /** Delay before every API answer, ms (also `faults.latencyMs`). */
  latencyMs?: number;
  /** Requests per second before 429 (default 7). */
  rate?: number;
  /** Bearer token mapped to the seed's admin (default 'dev-token'). */
  token?: string;
  /** The clock in ms (default Date.now); seeds place signals relative to it. */
  now?: () => number;
  /** Enables POST /__emulator/faults and /__emulator/reset. */
  testRoutes?: boolean;
  /** Silences the console.error line for unmatched routes. */
  quiet?: boolean;
  /** Source of randomness for fault rates (default: seeded mulberry32). */
  random?: () => number;
  /** When repeated 429s turn into a 403 block (default 20 within 10 s → 5 min). */
  block?: Partial<BlockPolicy>;
}

/** A running emulator. */
export interface Emulator {
  readonly store: Store;
  fetch: typeof fetch;
  handle(req: Request): Promise<Response>;
  listen(port: number, host?: string): Promise<Listening>;
  faults: Faults;
  /** Rebuilds the account (same or another seed) and clears throttle state and faults. */
  reset(seed?: SeedName): void;
  /** A Bearer token acting as this user. */
  tokenFor(userId: number): string;
  /** An `amo_session` cookie value logged in as this user. */
  sessionFor(userId: number): string;
  /** The seed's first active admin. */
  readonly adminId: number;
  /** The seed's first active non-admin user; null when the account has none (fresh). */
  readonly managerId: number | null;
  readonly limiter: RateLimiter;
}

/** The integration key our tokens belong to (sources are per integration). */
const INTEGRATION = 'emulator-integration';

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The ban answer. Its body is undocumented; the bans reported on the official client's tracker were an edge
 * proxy's HTML page, not problem+json, so that is what the product must recognise (READINGS.md).
 */
function banResponse(): Response {
  const html =
    '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
  return new Response(html, { status: 403, headers: { 'content-type': 'text/html', server: 'nginx' } });
}

/** The request body as text, at most MAX_REQUEST_BODY_BYTES (413 past it, reading stops there). */
async function bodyText(req: Request): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_REQUEST_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new Problem(413, `Request body larger than ${MAX_REQUEST_BODY_BYTES} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** Creates an emulator over a seed account. */
export function createEmulator(opts: EmulatorOptions): Emulator {
  const now = opts.now ?? Date.now;
  const devToken = opts.token ?? 'dev-token';
  let seed: SeedName = opts.seed;
  let store = buildSeed(seed, now());
  const faults = new Faults(opts.random ?? mulberry32(hashString(`faults:${opts.seed}`)));
  faults.latencyMs = opts.latencyMs ?? 0;
  const limiter = new RateLimiter(opts.rate ?? 7, { ...DEFAULT_BLOCK, ...opts.block }, now);

  const adminId = () => store.users.find((u) => u.rights.is_admin && u.rights.is_active)!.id;
  const managerId = () =>
    store.users.find((u) => !u.rights.is_admin && u.rights.is_active && !u.rights.is_free)?.id ?? null;
  const tokenFor = (userId: number) => `user-${userId}-${store.account.id}`;
  const sessionFor = (userId: number) =>
    `sess-${(hashString(`${store.account.id}:${userId}`) >>> 0).toString(16)}-${userId}`;

  function authenticate(req: Request): UserRecord | undefined {
    const auth = req.headers.get('authorization');
    let userId: number | undefined;
    const bearer = auth && /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
    if (bearer) {
      if (bearer === devToken) userId = adminId();
      else {
        const m = /^user-(\d+)-(\d+)$/.exec(bearer);
        if (m && Number(m[2]) === store.account.id) userId = Number(m[1]);
      }
    } else {
      const s = cookie(req, 'amo_session');
      const m = s === undefined ? null : /^sess-[0-9a-f]+-(\d+)$/.exec(s);
      if (m && s === sessionFor(Number(m[1]))) userId = Number(m[1]);
    }
    const user = store.users.find((u) => u.id === userId);
    // A deactivated user can no longer act in the account.
    return user?.rights.is_active ? user : undefined;
  }

  function faultResponse(f: FaultAction): Response | undefined {
    if (f.malformed)
      return new Response('{"_page":1,"_links":{"self":{"href":"', {
        status: 200,
        headers: { 'content-type': 'application/hal+json' },
      });
    if (f.status !== undefined) {
      const headers: Record<string, string> = { ...(f.status === 429 ? { 'retry-after': '1' } : {}), ...f.headers };
      if (f.body === undefined) return problemResponse(f.status, 'Injected fault', {}, headers);
      const text = typeof f.body === 'string' ? f.body : JSON.stringify(f.body);
      // 204/304 carry no body by definition (the Response constructor refuses one).
      return new Response(f.status === 204 || f.status === 304 ? null : text, {
        status: f.status,
        headers: { 'content-type': f.status >= 400 ? 'application/problem+json' : 'application/hal+json', ...headers },
      });
    }
    return undefined;
  }

  async function testRoute(req: Request, url: URL): Promise<Response | undefined> {
    if (req.method !== 'POST') return undefined;
    const text = await bodyText(req);
    let body: unknown = {};
    try {
      body = text === '' ? {} : JSON.parse(text);
    } catch {
      return problemResponse(400, 'Body is not valid JSON');
    }
    if (!isObject(body)) return problemResponse(400, 'Body must be an object');
    if (url.pathname === '/__emulator/reset') {
      const s = body['seed'];
      if (s !== undefined && (typeof s !== 'string' || !isSeedName(s)))
        return problemResponse(400, `Unknown seed ${String(s)}`);
      emulator.reset(s as SeedName | undefined);
      return hal({ seed });
    }
    if (url.pathname === '/__emulator/faults') {
      if (body['clear'] === true) faults.clear();
      for (const k of ['latencyMs', 'errorRate', 'resetRate'] as const)
        if (typeof body[k] === 'number') faults[k] = body[k];
      const once = body['once'] === undefined ? [] : Array.isArray(body['once']) ? body['once'] : [body['once']];
      for (const o of once) {
        if (
          !isObject(o) ||
          !isObject(o['fault']) ||
          (typeof o['path'] !== 'string' && typeof o['pathRegex'] !== 'string')
        ) {
          return problemResponse(400, 'once needs {path | pathRegex, fault}');
        }
        faults.once({
          method: typeof o['method'] === 'string' ? o['method'] : undefined,
          path: typeof o['pathRegex'] === 'string' ? new RegExp(o['pathRegex']) : String(o['path']),
          fault: o['fault'] as FaultAction,
          count: typeof o['count'] === 'number' ? o['count'] : undefined,
        });
      }
      return hal({
        latencyMs: faults.latencyMs,
        errorRate: faults.errorRate,
        resetRate: faults.resetRate,
        armed: faults.armed,
      });
    }
    return undefined;
  }

  /** Every request is answered from inside one try: a bug or a hostile body is a 4xx/5xx, never a dead server. */
  async function handle(req: Request): Promise<Response> {
    try {
      return await route(req);
    } catch (err) {
      // A reset and the caller's abort are how the connection ends, not answers.
      if (isResetError(err) || req.signal.aborted) throw err;
      if (err instanceof Problem) return problemResponse(err.status, err.detail, err.extra, err.headers);
      if (!opts.quiet) console.error('[emulator] request failed:', err);
      return problemResponse(500, 'Internal emulator error');
    }
  }

  async function route(req: Request): Promise<Response> {
    const url = new URL(req.url);
    if (url.pathname.startsWith('/__emulator/') && opts.testRoutes) {
      const r = await testRoute(req, url);
      if (r) return r;
    }
    await sleep(faults.latencyMs, req.signal);

    const verdict = limiter.check();
    if (!verdict.ok) {
      if (verdict.status === 429)
        return problemResponse(
          429,
          'Too many requests: no more than the allowed requests per second',
          {},
          { 'retry-after': String(verdict.retryAfter) },
        );
      return banResponse();
    }

    const fault = faults.take(req.method, url) ?? faults.roll();
    // Every end of a held request calls `done` once, whatever it answers (a fault, 404, 401, a handler's
    // answer) or however it ends (reset, the caller's abort): a test waiting for it must not hang.
    try {
      return await handleTaken(req, url, fault);
    } finally {
      fault?.hold?.done?.();
    }
  }

  async function handleTaken(req: Request, url: URL, fault: FaultAction | undefined): Promise<Response> {
    // A held request's body is read before the hold: the caller may be gone when it is handled.
    let preread: string | undefined;
    if (fault) {
      if (fault.hold) {
        preread = await bodyText(req);
        // Settled either way: a rejected hold releases the request like a resolved one.
        await fault.hold.until.catch(() => undefined);
      }
      if (fault.delayMs) await sleep(fault.delayMs, req.signal);
      if (fault.reset) throw networkError();
      const r = faultResponse(fault);
      if (r) return r;
    }

    const found = match(apiRoutes, req.method, url.pathname);
    if (!found) {
      if (!opts.quiet) console.error(`[emulator] 404 unmatched route: ${req.method} ${url.pathname}${url.search}`);
      return problemResponse(404, `No route for ${req.method} ${url.pathname}`);
    }
    const user = authenticate(req);
    if (!user) return problemResponse(401, 'Unauthorized: a valid Bearer token or login cookie is required');

    let parsed: { done: boolean; value: unknown } = { done: false, value: undefined };
    const ctx: Ctx = {
      req,
      url,
      origin: url.origin,
      query: url.searchParams,
      params: found.params,
      store,
      user,
      integration: INTEGRATION,
      now,
      body: async () => {
        if (!parsed.done) {
          const text = preread ?? (await bodyText(req));
          if (text.trim() === '') throw new Problem(400, 'Request body is empty');
          try {
            parsed = { done: true, value: JSON.parse(text) };
          } catch {
            throw new Problem(400, 'Request body is not valid JSON');
          }
        }
        return parsed.value;
      },
    };
    try {
      return await found.route.handler(ctx);
    } catch (err) {
      if (err instanceof Problem) return problemResponse(err.status, err.detail, err.extra, err.headers);
      console.error('[emulator] handler failed:', err);
      return problemResponse(500, 'Internal emulator error');
    }
  }

  const inProcessFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const raw = input instanceof Request ? input : String(input);
    // Relative URLs (browser-style same-origin calls) resolve against a local origin.
    const req =
      typeof raw === 'string' && raw.startsWith('/')
        ? new Request(`http://127.0.0.1${raw}`, init)
        : new Request(raw, init);
    if (req.signal.aborted) throw req.signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    return handle(req);
  }) as typeof fetch;

  const emulator: Emulator = {
    get store() {
      return store;
    },
    fetch: inProcessFetch,
    handle,
    listen: (port, host) => listenWith(handle, port, host),
    faults,
    reset(next?: SeedName) {
      seed = next ?? seed;
      store = buildSeed(seed, now());
      limiter.clear();
      faults.clear();
      faults.latencyMs = opts.latencyMs ?? 0;
    },
    tokenFor(userId) {
      if (!store.users.some((u) => u.id === userId)) throw new Error(`No user ${userId} in seed ${seed}`);
      return tokenFor(userId);
    },
    sessionFor(userId) {
      if (!store.users.some((u) => u.id === userId)) throw new Error(`No user ${userId} in seed ${seed}`);
      return sessionFor(userId);
    },
    get adminId() {
      return adminId();
    },
    get managerId() {
      return managerId();
    },
    limiter,
  };
  return emulator;
}
