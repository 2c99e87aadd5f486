import type { DocumentEngine } from '../runner/document-engine';

type AmdRequire = (deps: string[], onLoad: (module: unknown) => void, onError?: (err: unknown) => void) => void;

/**
 * Loads documents.js from the widget's own folder through the CRM's RequireJS, the same way the
 * platform loads the widget's templates from `params.path`. Nothing comes from another origin.
 */
export function loadDocumentsFrom(path: string): Promise<DocumentEngine> {
  const host = globalThis as unknown as { require?: AmdRequire; requirejs?: AmdRequire };
  const amdRequire = host.requirejs ?? host.require;
  if (typeof amdRequire !== 'function') return Promise.reject(new Error('RequireJS is not available on this page'));
  const url = `${path.replace(/\/+$/, '')}/documents.js`;
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
          resolve(engine as DocumentEngine);
        } else reject(new Error(`${url} did not define the document engine`));
      },
      (err) => reject(err instanceof Error ? err : new Error(`${url} could not be loaded`)),
    );
  });
}
