import { preflight } from '../preflight';
import type { FromWorker, ToWorker } from './protocol';

/** The part of a worker's global scope the pre-flight uses (a fake one in tests). */
export interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: { data: ToWorker }) => void): void;
}

/**
 * The worker side: says it is ready, then runs each pre-flight it is sent and posts progress and the
 * result. Cancel needs nothing here: the page terminates the worker.
 */
export function servePreflight(scope: WorkerScope): void {
  scope.addEventListener('message', (event) => {
    const message = event.data;
    if (message?.type !== 'run') return;
    preflight({ ...message.input, onProgress: (progress) => scope.postMessage({ type: 'progress', progress }) }).then(
      (result) => scope.postMessage({ type: 'done', result }),
      (err: unknown) =>
        scope.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
  });
  scope.postMessage({ type: 'ready' });
}
