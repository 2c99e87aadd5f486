/**
 * How long the parts still being read will take. amoCRM v4 lists carry no totals, so the only honest
 * source of "requests left" is what the same parts cost the last time this account was gathered; the time
 * follows from those requests at the rate the gathering actually gets (never above the rate limit). With
 * nothing known, or once a part has already cost more than last time, there is no estimate: only the
 * requests made so far and the rate, never an invented time.
 */
import type { PartName } from './types';

/** Requests each part cost in one complete gathering (parts that failed are not recorded). */
export type PartRequests = Partial<Record<PartName, number>>;

/** One part of a gathering as it stands. */
export interface PartState {
  part: PartName;
  done: boolean;
  /** Requests this part made so far (retries included: they take slots like any request). */
  requests: number;
}

/** Why the estimate is what it is. */
export type TimeLeftBasis =
  /** From the previous gathering's counts. */
  | 'previous'
  /** Nothing known about some part still running (first audit of the account, a new part). */
  | 'unknown'
  /** A part still running already made more requests than it did last time: the rest is unknown. */
  | 'beyond-previous';

/** The estimate for the parts still running. */
export interface TimeLeft {
  /** Parts not done yet, in the order given. */
  running: PartName[];
  /** Requests the running parts made so far (their pages read). */
  requests: number;
  /** Requests per second the estimate uses: the rate observed lately, at most the limit. */
  rate: number;
  /** Requests still to make; null when nothing honest is known (see `basis`). */
  requestsLeft: number | null;
  /** Seconds left at `rate`, never negative; null with `requestsLeft`. */
  secondsLeft: number | null;
  basis: TimeLeftBasis;
}

/** One observation of the requests made, ms on a monotonic clock. */
export interface RateSample {
  at: number;
  requests: number;
}

/** The rate is read over about this long a stretch of the latest samples. */
export const RATE_WINDOW_MS = 5_000;
/** Less observed than this and the rate limit stands in for the rate (a burst of first answers says little). */
export const RATE_MIN_SPAN_MS = 1_000;

/**
 * Requests per second over the latest `RATE_WINDOW_MS` of samples (oldest first), capped at `limit`.
 * Until `RATE_MIN_SPAN_MS` has been observed the limit itself is the rate: the throttle lets no more through.
 */
export function observedRate(samples: readonly RateSample[], limit: number): number {
  const last = samples.at(-1);
  if (!last) return limit;
  // The oldest sample inside the window, or the newest before it when none is inside but the last.
  let anchor = last;
  for (let i = samples.length - 2; i >= 0; i--) {
    const s = samples[i]!;
    anchor = s;
    if (last.at - s.at >= RATE_WINDOW_MS) break;
  }
  const span = last.at - anchor.at;
  if (span < RATE_MIN_SPAN_MS) return limit;
  return Math.min(limit, Math.max(0, ((last.requests - anchor.requests) * 1000) / span));
}

/** The time left of a gathering from its parts, the previous counts (null: none kept) and the rate. */
export function timeLeft(parts: readonly PartState[], previous: PartRequests | null, rate: number): TimeLeft {
  const running = parts.filter((p) => !p.done);
  const requests = running.reduce((sum, p) => sum + p.requests, 0);
  const base = { running: running.map((p) => p.part), requests, rate };
  let left = 0;
  let basis: TimeLeftBasis = 'previous';
  for (const p of running) {
    const before = previous?.[p.part];
    if (before === undefined) {
      basis = 'unknown';
      break;
    }
    // At last time's count a part is about to finish (its last page is in); only beyond it is the rest unknown.
    if (p.requests > before) basis = 'beyond-previous';
    else left += before - p.requests;
  }
  if (basis !== 'previous') return { ...base, requestsLeft: null, secondsLeft: null, basis };
  // A rate of 0 (every slot held by a Retry-After) gives requests left but no time.
  return { ...base, requestsLeft: left, secondsLeft: rate > 0 ? left / rate : null, basis };
}

/**
 * Follows one gathering: counts each part's requests and samples the total, so each progress report can
 * carry the estimate. `now` is a monotonic clock in ms.
 */
export function timeLeftTracker(opts: {
  parts: readonly PartName[];
  previous: PartRequests | null;
  limit: number;
  now: () => number;
}) {
  const counts = new Map<PartName, { requests: number }>(opts.parts.map((p) => [p, { requests: 0 }]));
  const done = new Set<PartName>();
  const samples: RateSample[] = [];
  let total = 0;
  return {
    /** The counter a part's requests go into (handed to the client that part uses). */
    tally(part: PartName): { requests: number } {
      let c = counts.get(part);
      if (!c) {
        c = { requests: 0 };
        counts.set(part, c);
      }
      return c;
    },
    finish(part: PartName): void {
      done.add(part);
    },
    /** Requests per part, of the parts given (the record the next gathering estimates from). */
    counts(parts: readonly PartName[]): PartRequests {
      return Object.fromEntries(parts.map((p) => [p, counts.get(p)?.requests ?? 0]));
    },
    /** The estimate now; `requests` is the gathering's total so far (the rate's sample). */
    estimate(requests: number): TimeLeft {
      const at = opts.now();
      // The first `limit` requests start at once (the window is empty): counting them as throughput would
      // show the limit for the first seconds and then a jump, so the rate is sampled from after that burst.
      if (requests !== total && requests >= opts.limit) {
        total = requests;
        samples.push({ at, requests });
        // Keep one sample older than the window as the rate's anchor, drop the rest.
        while (samples.length > 2 && at - samples[1]!.at >= RATE_WINDOW_MS) samples.shift();
      }
      const states = opts.parts.map((part) => ({
        part,
        done: done.has(part),
        requests: counts.get(part)?.requests ?? 0,
      }));
      return timeLeft(states, opts.previous, observedRate(samples, opts.limit));
    },
  };
}
