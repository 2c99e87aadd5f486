import type { Method } from './errors';

/** Tunables of the retry policy. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 4). */
  maxRetries: number;
  /** First backoff ceiling, ms; doubles each retry. */
  baseMs: number;
  /** Largest backoff ceiling, ms. */
  capMs: number;
  /** A 429 asking to wait longer than this is not waited out but thrown (Kommo documents waits of 300 s). */
  maxRetryAfterMs: number;
}

/** Defaults: 4 retries, 500 ms doubling to 8 s, Retry-After honoured up to 60 s (the baseline may change it). */
export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 4, baseMs: 500, capMs: 8000, maxRetryAfterMs: 60_000 };

/** Statuses worth another try for reads: gateway trouble, not our request. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/** GET is idempotent; writes may have been applied even when we saw no answer. */
export function isIdempotent(method: Method): boolean {
  return method === 'GET';
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base·2^retry)). */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * Wait after a 429 that named no Retry-After: at least the server's 1 s window (retrying sooner only
 * meets the same full window), doubling per retry, with jitter on top so parallel callers spread out.
 */
export function rateLimitFallbackMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const floor = Math.min(policy.capMs, 1000 * 2 ** retry);
  return floor + Math.floor(random() * policy.baseMs);
}

const REFUSED_CODES = new Set(['ECONNREFUSED']);

/**
 * True when the error proves the request never reached the server: the connection was refused before
 * anything was sent. Node's fetch wraps the socket error in `cause` (sometimes an AggregateError of
 * several address attempts), so the chain is searched.
 */
export function connectionRefused(err: unknown, depth = 0): boolean {
  if (depth > 5 || typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && REFUSED_CODES.has(e.code)) return true;
  if (Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every((x) => connectionRefused(x, depth + 1)))
    return true;
  return connectionRefused(e.cause, depth + 1);
}
