import type { DocumentEngine } from '../runner/document-engine';
import { workerPreflight } from '../preflight/worker/client';
import { WORKER_FILE } from '../preflight/worker/protocol';

type AmdRequire = (deps: string[], onLoad: (module: unknown) => void, onError?: (err: unknown) => void) => void;

/**
 * Loads documents.js from the widget's own folder through the CRM's RequireJS, the same way the
 * platform loads the widget's templates from `params.path`. Nothing comes from another origin.
 */
export function loadDocumentsFrom(path: string): Promise<DocumentEngine> {
  const host = globalThis as unknown as { require?: AmdRequire; requirejs?: AmdRequire };
  const amdRequire = host.requirejs ?? host.require;
  if (typeof amdRequire !== 'function') return Promise.reject(new Error('RequireJS is not available on this page'));
  const base = path.replace(/\/+$/, '');
  const url = `${base}/documents.js`;
  return new Promise((resolve, reject) => {
    amdRequire(
      [url],
      (module) => {
        const engine = module as Partial<DocumentEngine> | null;
        if (
          engine &&
          typeof engine.buildConfigurationDocument === 'function' &&
          typeof engine.preflight === 'function'
        ) {
          const loaded = engine as DocumentEngine;
          // The pre-flight runs in a worker from the same folder, so the CRM page never freezes; the
          // engine just loaded is its fallback when the page does not allow a worker.
          resolve({
            ...loaded,
            preflight: workerPreflight({ scriptUrl: `${base}/${WORKER_FILE}`, fallback: loaded.preflight }),
          });
        } else reject(new Error(`${url} did not define the document engine`));
      },
      (err) => reject(err instanceof Error ? err : new Error(`${url} could not be loaded`)),
    );
  });
}
