import { AbortError } from './errors';

/** What one HTTP attempt produced: an answer, a timeout, or a network failure (never thrown). */
export type AttemptResult =
  | { kind: 'response'; status: number; statusText: string; headers: Headers; text: string }
  | { kind: 'timeout' }
  | { kind: 'network'; error: unknown };

/** A fetch-compatible function. */
export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/**
 * One attempt with a per-attempt timeout combined with the caller's signal. The body is read inside
 * the timeout too (a stalled body is as dead as a stalled connection). The race against the abort
 * makes cancellation immediate even when a fetch implementation ignores its signal.
 * Throws only AbortError (the caller's abort).
 */
export async function attempt(
  fetchFn: FetchFn,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<AttemptResult> {
  if (signal?.aborted) throw new AbortError(undefined, signal.reason);
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort(new Error(`timeout after ${timeoutMs} ms`));
  }, timeoutMs);
  const onCallerAbort = () => ctrl.abort(signal?.reason);
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  const aborted = new Promise<never>((_, reject) => {
    ctrl.signal.addEventListener('abort', () => reject(ctrl.signal.reason), { once: true });
  });
  aborted.catch(() => undefined); // observed below via race; silence the unhandled rejection otherwise
  try {
    const work = (async () => {
      const res = await fetchFn(url, { ...init, signal: ctrl.signal });
      const text = await res.text();
      return { kind: 'response' as const, status: res.status, statusText: res.statusText, headers: res.headers, text };
    })();
    work.catch(() => undefined);
    return await Promise.race([work, aborted]);
  } catch (error) {
    if (signal?.aborted) throw new AbortError(undefined, signal.reason);
    if (timedOut) return { kind: 'timeout' };
    return { kind: 'network', error };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}
