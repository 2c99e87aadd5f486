import { AbortError } from './errors';
import { type SlotStore, sharedSlotsFor } from './slots';

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
  /** Added to the window for slots counted from their answer (default 30 ms). */
  answeredMarginMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * The store of an account's window shared with other tabs and processes (src/api/slots.ts); null or
   * absent = this throttle alone. The clock must be one all holders share (the default, Date.now).
   */
  slots?: (account: string) => SlotStore | null;
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
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** A request's place in the window, held from its start until its answer arrives. */
export interface ThrottleSlot {
  /** Marks the request answered: the window then counts it from now (its arrival was no later). */
  done(): void;
}

interface Slot {
  /** Start time, or the time the answer came once done; Infinity while a tracked request is in flight. */
  at: number;
}

/** A local slot and, when the account's window is shared, the shared slot taken with it. */
interface Turn {
  slot: Slot;
  shared: { store: SlotStore; id: string } | null;
}

/**
 * Sliding-window limiter. The server counts arrivals, which we cannot see; what we can see is that a
 * request arrived no later than its answer. So a tracked slot (`acquireSlot`) blocks the window while
 * in flight and then counts from the moment its answer came: the (limit+1)-th start waits until a
 * window has passed since an earlier request was answered, so no jitter in the network or the browser's
 * connection queue can put more than `limit` arrivals into one window. Untracked `acquire()` counts
 * from the start plus a margin. Callers queue in FIFO order, so a burst drains at the limit.
 */
export class Throttle {
  readonly limit: number;
  readonly spanMs: number;
  readonly answeredSpanMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly slots: Slot[] = [];
  private readonly sharedSlots: ((account: string) => SlotStore | null) | undefined;
  private tail: Promise<void> = Promise.resolve();
  private holdUntil = 0;
  private lastRateLimitAt = -Infinity;
  private waiters: (() => void)[] = [];

  constructor(opts: ThrottleOptions = {}) {
    this.limit = Math.max(1, Math.floor(opts.limit ?? DEFAULT_RPS));
    this.spanMs = (opts.windowMs ?? 1000) + (opts.marginMs ?? 100);
    // Counted from the answer, the arrival is already behind us: a small margin covers clock granularity.
    this.answeredSpanMs = (opts.windowMs ?? 1000) + (opts.answeredMarginMs ?? 30);
    this.now = opts.now ?? (() => Date.now());
    this.sleep = opts.sleep ?? realSleep;
    this.sharedSlots = opts.slots;
  }

  /** Wait for a slot, then record a start. Rejects with AbortError if the signal aborts while waiting. */
  async acquire(signal?: AbortSignal, account?: string): Promise<void> {
    const { shared } = await this.enqueue(signal, false, account);
    shared?.store.release(shared.id, this.now() + this.spanMs).catch(() => undefined);
  }

  /**
   * Like acquire, for a request whose answer will be reported with `done()` (the client does). With an
   * `account`, the slot is also taken in that account's shared window (other tabs and processes).
   */
  async acquireSlot(signal?: AbortSignal, account?: string): Promise<ThrottleSlot> {
    const { slot, shared } = await this.enqueue(signal, true, account);
    let finished = false;
    return {
      done: () => {
        if (finished) return;
        finished = true;
        const now = this.now();
        slot.at = now + (this.answeredSpanMs - this.spanMs);
        // A store that fails to record the answer only keeps the slot until the in-flight guard: safe side.
        shared?.store.release(shared.id, now + this.answeredSpanMs).catch(() => undefined);
        const waiting = this.waiters;
        this.waiters = [];
        for (const wake of waiting) wake();
      },
    };
  }

  /** Make every queued and future caller wait `ms` (after a 429 the server wants silence, not just us). */
  hold(ms: number, account?: string): void {
    const until = this.now() + ms;
    this.holdUntil = Math.max(this.holdUntil, until);
    if (account !== undefined)
      this.storeFor(account)
        ?.hold(until)
        .catch(() => undefined);
  }

  private storeFor(account: string): SlotStore | null {
    return this.sharedSlots?.(account) ?? null;
  }

  /** Records a 429 seen by any client of this throttle (a 403 soon after it is a ban, not a missing right). */
  noteRateLimit(): void {
    this.lastRateLimitAt = this.now();
  }

  /** True when a 429 was seen within `withinMs` (default 10 minutes). */
  recentlyLimited(withinMs = 600_000): boolean {
    return this.now() - this.lastRateLimitAt <= withinMs;
  }

  private enqueue(signal: AbortSignal | undefined, tracked: boolean, account: string | undefined): Promise<Turn> {
    const turn = this.tail.then(() => this.waitTurn(signal, tracked, account));
    this.tail = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private async waitTurn(
    signal: AbortSignal | undefined,
    tracked: boolean,
    account: string | undefined,
  ): Promise<Turn> {
    const store = account === undefined ? null : this.storeFor(account);
    for (;;) {
      if (signal?.aborted) throw new AbortError(undefined, signal.reason);
      const now = this.now();
      const full = this.slots.length >= this.limit;
      const blocking = full ? this.slots[this.slots.length - this.limit]! : null;
      if (blocking && blocking.at === Infinity) {
        await this.nextAnswer(signal);
        continue;
      }
      const slotAt = blocking ? blocking.at + this.spanMs : now;
      const wait = Math.max(slotAt, this.holdUntil) - now;
      if (wait <= 0) {
        let shared: Turn['shared'] = null;
        if (store) {
          // Our own window is free; the account's may still be full with other tabs' or processes' requests.
          // A store that cannot be read (disk, quota) leaves this holder on its own window rather than stuck.
          const verdict = await store.take(this.now(), this.limit).catch(() => null);
          if (verdict && 'waitMs' in verdict) {
            await abortableSleep(this.sleep, verdict.waitMs, signal);
            continue;
          }
          if (verdict) shared = { store, id: verdict.id };
        }
        const slot: Slot = { at: tracked ? Infinity : this.now() };
        this.slots.push(slot);
        if (this.slots.length > this.limit) this.slots.splice(0, this.slots.length - this.limit);
        return { slot, shared };
      }
      await abortableSleep(this.sleep, wait, signal);
    }
  }

  private nextAnswer(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(new AbortError(undefined, signal?.reason));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }
}

const shared = new Map<number, Throttle>();

/** The process-wide throttle for a given rate: every client created without its own throttle shares it. */
export function sharedThrottle(rps: number = DEFAULT_RPS): Throttle {
  let t = shared.get(rps);
  if (!t) {
    // Accounts' windows are shared across processes and tabs once a face registers a store (useSharedSlots).
    t = new Throttle({ limit: rps, slots: sharedSlotsFor });
    shared.set(rps, t);
  }
  return t;
}
