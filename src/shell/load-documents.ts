import type { DocumentEngine } from '../runner/document-engine';
import { workerPreflight } from '../preflight/worker/client';
import { WORKER_FILE } from '../preflight/worker/protocol';
import { hasFunctions, loadWidgetModule } from './load-module';

const DOCUMENTS_FILE = 'documents.js';

function isDocumentEngine(module: unknown): module is DocumentEngine {
  return hasFunctions(module, ['buildConfigurationDocument', 'preflight']);
}

/** Loads documents.js from the widget's own folder (see loadWidgetModule). */
export async function loadDocumentsFrom(path: string): Promise<DocumentEngine> {
  const { module: loaded, base } = await loadWidgetModule(path, DOCUMENTS_FILE, isDocumentEngine);
  // The pre-flight runs in a worker from the same folder, so the CRM page never freezes; the
  // engine just loaded is its fallback when the page does not allow a worker.
  return { ...loaded, preflight: workerPreflight({ scriptUrl: `${base}/${WORKER_FILE}`, fallback: loaded.preflight }) };
}
