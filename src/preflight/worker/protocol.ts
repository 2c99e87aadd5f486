import type { PreflightInput } from '../preflight';
import type { PreflightProgress, PreflightResult } from '../types';

/** What the page sends the pre-flight worker: the input without its callbacks (they cannot cross threads). */
export type WorkerRun = Omit<PreflightInput, 'onProgress' | 'signal'>;

/** Page → worker. */
export type ToWorker = { type: 'run'; input: WorkerRun };

/** Worker → page: started (the script loaded and runs), progress, the result, or why it failed. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; progress: PreflightProgress }
  | { type: 'done'; result: PreflightResult }
  | { type: 'failed'; message: string };

/** The file name of the worker script in the widget archive, beside script.js and documents.js. */
export const WORKER_FILE = 'preflight-worker.js';
