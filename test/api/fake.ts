import { ApiClient, type ApiClientOptions } from '../../src/api/client';
import { Throttle } from '../../src/api/throttle';

/** One scripted answer: a response, a thrown network error, or a request that never answers. */
export type Script =
  | { status: number; body?: unknown; headers?: Record<string, string>; statusText?: string }
  | { throws: unknown }
  | 'hang'
  | ((call: Call) => Script);

/** What the fake fetch saw. */
export interface Call {
  url: string;
  method: string;
  headers: Headers;
  credentials: RequestCredentials | undefined;
  body: unknown;
  at: number;
}

/** A fake clock whose sleep advances time after pending microtasks ran (so stamps are taken in order). */
export function fakeClock() {
  const clock = {
    t: 0,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      await new Promise((r) => setImmediate(r));
      clock.t += ms;
    },
  };
  return clock;
}

/**
 * A fetch answering from a table in order (the last entry repeats when `repeatLast`), or from a
 * function of the call. Records every call with the fake clock's time.
 */
export function scriptedFetch(script: Script[] | ((call: Call) => Script), now: () => number = () => 0) {
  const calls: Call[] = [];
  const fn = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const call: Call = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      credentials: init.credentials,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      at: now(),
    };
    calls.push(call);
    let step: Script | undefined = typeof script === 'function' ? script(call) : script[calls.length - 1];
    if (step === undefined)
      throw new Error(`fake fetch: no scripted answer for call ${calls.length} ${call.method} ${call.url}`);
    while (typeof step === 'function') step = step(call);
    if (step === 'hang') {
      // Never answers; only the client's abort (timeout or caller) can end it.
      return new Promise<Response>(() => undefined);
    }
    if ('throws' in step) throw step.throws;
    const { status, body, headers = {}, statusText = '' } = step;
    const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
    const isNull = status === 204 || status === 304;
    return new Response(isNull ? null : text, { status, statusText, headers });
  };
  return { fetch: fn as typeof fetch, calls };
}

/** A client over a scripted fetch with a private fake-clock throttle (rps 7) and instant sleeps. */
export function makeClient(script: Script[] | ((call: Call) => Script), opts: Partial<ApiClientOptions> = {}) {
  const clock = fakeClock();
  const fake = scriptedFetch(script, clock.now);
  const throttle = new Throttle({ limit: opts.rps ?? 7, now: clock.now, sleep: clock.sleep });
  const client = new ApiClient({
    baseUrl: 'https://acme.amocrm.ru',
    token: 't0k',
    fetch: fake.fetch,
    throttle,
    sleep: clock.sleep,
    random: () => 0.5,
    ...opts,
  });
  return { client, calls: fake.calls, clock, throttle };
}

/** A HAL list page of `items` under `collection`, with an optional next link. */
export function halPage(collection: string, items: unknown[], next?: string) {
  return {
    _page: 1,
    _links: { self: { href: 'x' }, ...(next ? { next: { href: next } } : {}) },
    _embedded: { [collection]: items },
  };
}

/** Most request starts inside any window of `windowMs`. */
export function maxInWindow(stamps: number[], windowMs: number): number {
  const s = [...stamps].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < s.length; i++) {
    while (s[i]! - s[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
