import type { PreflightInput } from '../preflight';
import type { PreflightResult } from '../types';
import type { FromWorker, ToWorker, WorkerRun } from './protocol';

/** The part of a Worker the client uses (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: { data: FromWorker }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  terminate(): void;
}

/** How the client reaches the platform; the defaults are the browser's. */
export interface WorkerPreflightOptions {
  /** Absolute or page-relative URL of preflight-worker.js (in the widget's folder, `params.path`). */
  scriptUrl: string;
  /** The main-thread engine (it yields to the page between batches): used when no worker can be started. */
  fallback: (input: PreflightInput) => Promise<PreflightResult>;
  /** Starts a worker from a URL; throws when the page may not (CSP, cross-origin). */
  createWorker?: (url: string) => WorkerLike;
  /** The page's origin (a worker script must come from it). */
  pageOrigin?: string;
  /** Reads a script's text (only for a cross-origin widget folder, to start it from a same-origin blob: URL). */
  fetchText?: (url: string) => Promise<string>;
  /** How long a started worker may take to say it is ready before the engine runs on the page instead. */
  readyTimeoutMs?: number;
}

/** Thrown inside the client when the worker could not start: the run goes to the fallback. */
class WorkerUnavailable extends Error {}

function defaultCreate(url: string): WorkerLike {
  return new Worker(url) as unknown as WorkerLike;
}

async function defaultFetchText(url: string): Promise<string> {
  // No credentials: the widget's own static file, never anything of the account.
  const res = await fetch(url, { credentials: 'omit' });
  if (!res.ok) throw new WorkerUnavailable(`${url}: ${res.status}`);
  return res.text();
}

/**
 * The pre-flight in a Web Worker, so reading and checking a 100,000-row file never freezes the CRM
 * page, and Cancel terminates it at once. The widget's files may be served from another origin than
 * the CRM page, and a worker script must be same-origin: then the script's text is fetched and started
 * from a blob: URL. When the page forbids both (CSP `worker-src`, no CORS on the widget's folder), or the
 * worker does not say it is ready in time, the same engine runs on the page, yielding between batches.
 */
export function workerPreflight(opts: WorkerPreflightOptions): (input: PreflightInput) => Promise<PreflightResult> {
  const create = opts.createWorker ?? defaultCreate;
  const fetchText = opts.fetchText ?? defaultFetchText;
  const readyTimeoutMs = opts.readyTimeoutMs ?? 5000;
  // Decided once per page: once the worker could not start, every later run goes to the page directly.
  let unavailable = false;

  async function start(): Promise<WorkerLike> {
    const pageOrigin = opts.pageOrigin ?? globalThis.location?.origin;
    const url = new URL(opts.scriptUrl, globalThis.location?.href);
    if (!pageOrigin || url.origin === pageOrigin) return create(url.href);
    const text = await fetchText(url.href);
    const blobUrl = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    try {
      return create(blobUrl);
    } finally {
      // The worker has its own reference once constructed; the URL is not needed any more.
      setTimeout(() => URL.revokeObjectURL(blobUrl), 10_000);
    }
  }

  function run(worker: WorkerLike, input: PreflightInput): Promise<PreflightResult> {
    return new Promise((resolve, reject) => {
      let ready = false;
      let settled = false;
      const finish = (done: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        input.signal?.removeEventListener('abort', onAbort);
        worker.terminate();
        done();
      };
      const onAbort = () => finish(() => reject(input.signal!.reason));
      const timer = setTimeout(
        () => finish(() => reject(new WorkerUnavailable('the worker did not start'))),
        readyTimeoutMs,
      );
      input.signal?.addEventListener('abort', onAbort, { once: true });
      worker.addEventListener('error', (event) => {
        // Before "ready" the script did not load or run (CSP, network): the page runs it instead. After it,
        // the worker itself broke (out of memory): the page would not fare better, so that is the answer.
        const reason = String((event as { message?: unknown } | null)?.message ?? 'error');
        finish(() => reject(ready ? new Error(reason) : new WorkerUnavailable(reason)));
      });
      worker.addEventListener('message', (event) => {
        const m = event.data;
        if (m.type === 'ready') {
          ready = true;
          clearTimeout(timer);
          const { onProgress: _p, signal: _s, ...rest } = input;
          const job: WorkerRun = rest;
          worker.postMessage({ type: 'run', input: job });
        } else if (m.type === 'progress') input.onProgress?.(m.progress);
        else if (m.type === 'done') finish(() => resolve(m.result));
        else if (m.type === 'failed') finish(() => reject(new Error(m.message)));
      });
    });
  }

  return async (input) => {
    input.signal?.throwIfAborted();
    if (!unavailable) {
      let worker: WorkerLike | null = null;
      try {
        worker = await start();
      } catch {
        // CSP, a cross-origin folder without CORS, no Worker at all: the page runs it.
        unavailable = true;
      }
      if (worker) {
        try {
          return await run(worker, input);
        } catch (err) {
          if (!(err instanceof WorkerUnavailable)) throw err;
          unavailable = true;
        }
      }
      input.signal?.throwIfAborted();
    }
    return opts.fallback(input);
  };
}
