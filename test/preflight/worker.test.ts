import { describe, expect, it, vi } from 'vitest';
import { preflight, type PreflightInput } from '../../src/preflight/preflight';
import { workerPreflight, type WorkerLike } from '../../src/preflight/worker/client';
import { servePreflight, type WorkerScope } from '../../src/preflight/worker/serve';
import type { FromWorker, ToWorker } from '../../src/preflight/worker/protocol';
import type { PreflightProgress } from '../../src/preflight/types';
import { writeWorkbook } from '../../src/export/xlsx/workbook';
import { contactSchema, csv } from './fixtures';

/**
 * A worker in-process: messages cross by structuredClone on a later task, as between threads, and the
 * other side runs the real servePreflight. `ready: false` plays a script the page was not allowed to run.
 */
class FakeWorker implements WorkerLike {
  terminated = false;
  sent: ToWorker[] = [];
  private readonly onMessage: ((e: { data: FromWorker }) => void)[] = [];
  private readonly onError: ((e: unknown) => void)[] = [];
  constructor(
    readonly url: string,
    behaviour: 'serve' | 'load-error' | 'silent' = 'serve',
  ) {
    if (behaviour === 'load-error') setTimeout(() => this.fire('error', { message: 'blocked by CSP' }), 0);
    if (behaviour !== 'serve') return;
    const workerListeners: ((e: { data: ToWorker }) => void)[] = [];
    const scope: WorkerScope = {
      postMessage: (m) => setTimeout(() => !this.terminated && this.fire('message', { data: structuredClone(m) }), 0),
      addEventListener: (_type, l) => workerListeners.push(l),
    };
    this.deliver = (m) => setTimeout(() => workerListeners.forEach((l) => l({ data: structuredClone(m) })), 0);
    servePreflight(scope);
  }
  private deliver: (m: ToWorker) => void = () => {};
  private fire(type: 'message' | 'error', e: unknown) {
    if (this.terminated) return;
    for (const l of type === 'message' ? this.onMessage : this.onError) l(e as { data: FromWorker });
  }
  postMessage(m: ToWorker) {
    this.sent.push(m);
    this.deliver(m);
  }
  addEventListener(type: 'message' | 'error', l: (e: never) => void) {
    (type === 'message' ? this.onMessage : this.onError).push(l as (e: unknown) => void);
  }
  terminate() {
    this.terminated = true;
  }
}

const rows = (n: number) => [
  ['Имя', 'Телефон'],
  ...Array.from({ length: n }, (_, i) => [`Контакт ${i}`, `+7 999 ${String(i).padStart(7, '0')}`]),
];

function input(file: Uint8Array, extra: Partial<PreflightInput> = {}): PreflightInput {
  return { file, fileName: 'import.csv', entity: 'contacts', schema: contactSchema(), ...extra };
}

describe('the pre-flight in a Web Worker', () => {
  it('runs in the worker: the same result as on the page, progress relayed, the worker ended', async () => {
    const workers: FakeWorker[] = [];
    const fallback = vi.fn(preflight);
    const run = workerPreflight({
      scriptUrl: 'https://crm.example/widget/preflight-worker.js',
      pageOrigin: 'https://crm.example',
      fallback,
      createWorker: (url) => {
        const w = new FakeWorker(url);
        workers.push(w);
        return w;
      },
    });
    const progress: PreflightProgress[] = [];
    const file = csv(rows(2500));
    const result = await run(input(file, { onProgress: (p) => progress.push(p) }));
    expect(result).toEqual(await preflight(input(file)));
    expect(fallback).not.toHaveBeenCalled();
    expect(workers.map((w) => [w.url, w.terminated])).toEqual([
      ['https://crm.example/widget/preflight-worker.js', true],
    ]);
    expect(progress.filter((p) => p.phase === 'check').map((p) => p.done)).toEqual([1000, 2000, 2500]);
    // Callbacks stay on the page; only data crosses.
    expect(Object.keys(workers[0]!.sent[0]!.input).sort()).toEqual(['entity', 'file', 'fileName', 'schema']);
  });

  it('Cancel terminates the worker at once and rejects as aborted; nothing runs on the page', async () => {
    const workers: FakeWorker[] = [];
    const fallback = vi.fn(preflight);
    const run = workerPreflight({
      scriptUrl: 'https://crm.example/w/preflight-worker.js',
      pageOrigin: 'https://crm.example',
      fallback,
      createWorker: (url) => {
        const w = new FakeWorker(url);
        workers.push(w);
        return w;
      },
    });
    const ctrl = new AbortController();
    const pending = run(input(csv(rows(50_000)), { signal: ctrl.signal, onProgress: () => ctrl.abort() }));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0]!.terminated).toBe(true);
    expect(fallback).not.toHaveBeenCalled();
  });

  it.each([
    ['the script is blocked (error before ready)', 'load-error'],
    ['the worker never says it is ready', 'silent'],
    ['the page may not create a worker (SecurityError)', 'throws'],
  ] as const)('%s: the engine runs on the page, and keeps doing so', async (_, behaviour) => {
    let created = 0;
    const fallback = vi.fn(preflight);
    const run = workerPreflight({
      scriptUrl: 'https://crm.example/w/preflight-worker.js',
      pageOrigin: 'https://crm.example',
      fallback,
      readyTimeoutMs: 50,
      createWorker: (url) => {
        created++;
        if (behaviour === 'throws') throw new DOMException('worker-src', 'SecurityError');
        return new FakeWorker(url, behaviour);
      },
    });
    const file = csv(rows(10));
    expect(await run(input(file))).toEqual(await preflight(input(file)));
    expect(await run(input(file))).toEqual(await preflight(input(file)));
    expect(created).toBe(1);
    expect(fallback).toHaveBeenCalledTimes(2);
  });

  it('a widget folder on another origin: the script is fetched and started from a same-origin blob: URL', async () => {
    const urls: string[] = [];
    const fetched: string[] = [];
    const run = workerPreflight({
      scriptUrl: 'https://widgets.cdn.example/setup_audit/preflight-worker.js',
      pageOrigin: 'https://crm.example',
      fallback: preflight,
      fetchText: async (url) => {
        fetched.push(url);
        return '/* the worker script */';
      },
      createWorker: (url) => {
        urls.push(url);
        return new FakeWorker(url);
      },
    });
    await run(input(csv(rows(3))));
    expect(fetched).toEqual(['https://widgets.cdn.example/setup_audit/preflight-worker.js']);
    expect(urls).toHaveLength(1);
    expect(urls[0]).toMatch(/^blob:/);
  });

  it('the widget folder without CORS: the engine runs on the page', async () => {
    const fallback = vi.fn(preflight);
    const run = workerPreflight({
      scriptUrl: 'https://widgets.cdn.example/w/preflight-worker.js',
      pageOrigin: 'https://crm.example',
      fallback,
      fetchText: async () => {
        throw new TypeError('Failed to fetch');
      },
      createWorker: () => {
        throw new Error('must not be reached');
      },
    });
    await run(input(csv(rows(3))));
    expect(fallback).toHaveBeenCalledTimes(1);
  });
});

describe('on the page (no worker), reading yields too', () => {
  it('Cancel stops a big XLSX while it is still being read', async () => {
    const file = await writeWorkbook([
      {
        name: 'S',
        columns: [{ header: 'Имя', width: 10 }],
        rows: Array.from({ length: 5000 }, (_, i) => [`Контакт ${i}`]),
      },
    ]);
    const ctrl = new AbortController();
    const phases: string[] = [];
    // The abort is queued as a task: it can only run if reading gives the event loop a turn.
    setTimeout(() => ctrl.abort(), 0);
    const pending = preflight({
      ...input(file),
      fileName: 'big.xlsx',
      signal: ctrl.signal,
      onProgress: (p) => phases.push(p.phase),
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(phases).toEqual(['read']); // stopped before reading finished
  });
});
