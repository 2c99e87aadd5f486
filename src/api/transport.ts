import { AbortError } from './errors';

/** What one HTTP attempt produced: an answer, a timeout, a body over the cap, or a network failure (never thrown). */
export type AttemptResult =
  | { kind: 'response'; status: number; statusText: string; headers: Headers; text: string; type: ResponseType }
  | { kind: 'timeout' }
  | { kind: 'too-large'; status: number }
  | { kind: 'network'; error: unknown };

/** A fetch-compatible function. */
export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/** Bounds of one attempt. */
export interface AttemptLimits {
  /** Longest silence allowed: before the answer's headers, and between two chunks of its body, ms. */
  idleMs: number;
  /** Most bytes of body read; past it reading stops and the attempt is `too-large`. */
  maxBodyBytes: number;
}

/**
 * Reads a body as UTF-8 text, at most `maxBytes`, calling `progress` on every chunk (the idle timer).
 * Returns null when the body is larger: the stream is cancelled at once, so an endless body costs no memory.
 */
async function readCapped(res: Response, maxBytes: number, progress: () => void): Promise<string | null> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    progress();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * One attempt, bounded by an idle timeout (no headers, or no body chunk, for `idleMs`) combined with the
 * caller's signal, and by the body cap. Redirects are never followed (`redirect: 'manual'`): the caller
 * sees the 3xx. The race against the abort makes cancellation immediate even when a fetch implementation
 * ignores its signal. Throws only AbortError (the caller's abort).
 */
export async function attempt(
  fetchFn: FetchFn,
  url: string,
  init: RequestInit,
  limits: AttemptLimits,
  signal?: AbortSignal,
): Promise<AttemptResult> {
  if (signal?.aborted) throw new AbortError(undefined, signal.reason);
  const ctrl = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort(new Error(`no data for ${limits.idleMs} ms`));
    }, limits.idleMs);
  };
  const onCallerAbort = () => ctrl.abort(signal?.reason);
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  const aborted = new Promise<never>((_, reject) => {
    ctrl.signal.addEventListener('abort', () => reject(ctrl.signal.reason), { once: true });
  });
  aborted.catch(() => undefined); // observed below via race; silence the unhandled rejection otherwise
  arm();
  try {
    const work = (async (): Promise<AttemptResult> => {
      const res = await fetchFn(url, { ...init, redirect: 'manual', signal: ctrl.signal });
      arm();
      const text = await readCapped(res, limits.maxBodyBytes, arm);
      if (text === null) return { kind: 'too-large', status: res.status };
      return {
        kind: 'response',
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
        text,
        type: res.type,
      };
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
