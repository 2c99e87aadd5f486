// The entry of preflight-worker.js: the import pre-flight in a Web Worker, so the CRM page never freezes.
import { servePreflight, type WorkerScope } from './serve';

servePreflight(self as unknown as WorkerScope);
