import { AbortError } from './errors';

/** Options of a sliding-window limiter; clock and sleep are injectable for tests. */
export interface ThrottleOptions {
  /** Most request starts allowed in one window (default 7, amoCRM's documented limit). */
  limit?: number;
  /** The server's window, ms (default 1000). */
  windowMs?: number;
  /**
   * Added to the window (default 100 ms). The server counts arrivals, not our starts; spacing the
   * (limit+1)-th start a window-plus-margin after the first keeps arrivals within the limit as long
   * as latency jitter stays below the margin.
   */
  marginMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Default requests-per-window shared by every client (amoCRM: "no more than 7 requests per second"). */
export const DEFAULT_RPS = 7;

/** Real-time sleep. */
export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sleep that rejects with AbortError as soon as the signal aborts. */
export function abortableSleep(sleep: (ms: number) => Promise<void>, ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.reject(new AbortError(undefined, signal.reason));
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(new AbortError(undefined, signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    sleep(ms).then(
      () => { signal.removeEventListener('abort', onAbort); resolve(); },
      (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}

/**
 * Sliding-window limiter on request starts: at most `limit` starts in any `windowMs + marginMs`.
 * Callers queue in FIFO order, so a burst drains at the limit and nobody starves.
 */
export class Throttle {
  readonly limit: number;
  readonly spanMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly starts: number[] = [];
  private tail: Promise<void> = Promise.resolve();
  private holdUntil = 0;

  constructor(opts: ThrottleOptions = {}) {
    this.limit = Math.max(1, Math.floor(opts.limit ?? DEFAULT_RPS));
    this.spanMs = (opts.windowMs ?? 1000) + (opts.marginMs ?? 100);
    this.now = opts.now ?? (() => Date.now());
    this.sleep = opts.sleep ?? realSleep;
  }

  /** Wait for a slot, then record a start. Rejects with AbortError if the signal aborts while waiting. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.tail.then(() => this.waitTurn(signal));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** Make every queued and future caller wait `ms` (after a 429 the server wants silence, not just us). */
  hold(ms: number): void {
    this.holdUntil = Math.max(this.holdUntil, this.now() + ms);
  }

  private async waitTurn(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw new AbortError(undefined, signal.reason);
      const now = this.now();
      const full = this.starts.length >= this.limit;
      const slotAt = full ? this.starts[this.starts.length - this.limit]! + this.spanMs : now;
      const wait = Math.max(slotAt, this.holdUntil) - now;
      if (wait <= 0) {
        this.starts.push(now);
        if (this.starts.length > this.limit) this.starts.splice(0, this.starts.length - this.limit);
        return;
      }
      await abortableSleep(this.sleep, wait, signal);
    }
  }
}

const shared = new Map<number, Throttle>();

/** The process-wide throttle for a given rate: every client created without its own throttle shares it. */
export function sharedThrottle(rps: number = DEFAULT_RPS): Throttle {
  let t = shared.get(rps);
  if (!t) {
    t = new Throttle({ limit: rps });
    shared.set(rps, t);
  }
  return t;
}
