/**
 * Fault injection: global latency, random 5xx and connection resets at seeded rates, and
 * one-shot faults aimed at a route. Randomness is injectable so test runs are reproducible.
 */

/** What a one-shot fault does to the matching request. */
export interface FaultAction {
  /** Answer with this status (problem+json unless `body` is given). */
  status?: number;
  /** Answer body (object → JSON, string → as is). */
  body?: unknown;
  /** Extra answer headers (e.g. `location` for a 3xx). */
  headers?: Record<string, string>;
  /** Drop the connection (in-process fetch rejects with a TypeError). */
  reset?: boolean;
  /** Wait this long first; without other actions the request then proceeds normally. */
  delayMs?: number;
  /** Answer 200 hal+json with a truncated, unparseable JSON body. */
  malformed?: boolean;
  /**
   * Hold the request, already received whole, until `until` settles, then handle it — even if the caller has
   * given up by then, as a server that took a request carries it out. `done` is called once at every end of
   * it: handled, refused (401, 404, an injected status), reset or abandoned by the caller's abort.
   * The test decides when a held write lands, so "answer lost, write lands later" needs no timing.
   */
  hold?: { until: Promise<unknown>; done?: () => void };
}

/** A one-shot fault: fires on the next `count` (default 1) requests matching method and path. */
export interface OnceFault {
  method?: string;
  /** Exact pathname (no query) or a RegExp tested against pathname + search. */
  path: string | RegExp;
  fault: FaultAction;
  count?: number;
}

/** Control surface of fault injection (exposed as `emulator.faults`). */
export class Faults {
  latencyMs = 0;
  /** Share of requests answered 502/503/504. */
  errorRate = 0;
  /** Share of requests whose connection is reset. */
  resetRate = 0;
  private pending: { spec: OnceFault; left: number }[] = [];

  constructor(public random: () => number) {}

  /** Arms a one-shot fault. */
  once(spec: OnceFault): void {
    this.pending.push({ spec, left: spec.count ?? 1 });
  }

  /** Disarms everything and zeroes the rates (latency included). */
  clear(): void {
    this.pending = [];
    this.latencyMs = 0;
    this.errorRate = 0;
    this.resetRate = 0;
  }

  /** Number of one-shot faults still armed. */
  get armed(): number {
    return this.pending.reduce((n, p) => n + p.left, 0);
  }

  /** Takes the first armed one-shot fault matching the request, if any. */
  take(method: string, url: URL): FaultAction | undefined {
    const i = this.pending.findIndex(
      ({ spec }) =>
        (!spec.method || spec.method.toUpperCase() === method.toUpperCase()) &&
        (typeof spec.path === 'string' ? spec.path === url.pathname : spec.path.test(url.pathname + url.search)),
    );
    if (i < 0) return undefined;
    const p = this.pending[i]!;
    p.left -= 1;
    if (p.left <= 0) this.pending.splice(i, 1);
    return p.spec.fault;
  }

  /** Random faults for one request, drawn from the seeded source. */
  roll(): FaultAction | undefined {
    if (this.resetRate > 0 && this.random() < this.resetRate) return { reset: true };
    if (this.errorRate > 0 && this.random() < this.errorRate) {
      const codes = [502, 503, 504];
      return { status: codes[Math.floor(this.random() * codes.length)]! };
    }
    return undefined;
  }
}

/** The error the in-process fetch rejects with when a connection is "reset". */
export function networkError(): TypeError {
  const err = new TypeError('fetch failed');
  (err as TypeError & { cause?: unknown }).cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  return err;
}

/** Marks errors produced by fault resets so the HTTP adapter can destroy the socket. */
export function isResetError(err: unknown): boolean {
  return err instanceof TypeError && (err as { cause?: { code?: string } }).cause?.code === 'ECONNRESET';
}
